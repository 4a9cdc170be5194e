"""Arbitrary text never escapes as anything but the project's own error, and never trips a parser bug.

The extractor runs in strict mode here: an internal error is raised as it is
(outside tests it becomes a ParseError naming the file), so a parser bug fails
the test instead of passing as a "handled" error.
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.parse.extract import extract_text
from kg.text.reading import decode_bytes

PIECES = ["浙政办发〔2017〕72号", "(责任单位:", "省质监局、", "省发改委", ",列第一位的为牵头单位,下同)",
          "牵头单位:", "一、", "(一)", "1. ", "附件", "附件:1. ", "\n", "\n\n", "\t", "2017年7月7日",
          "目 录", "浙江省人民政府公报", "(3)", "《", "》", "到2019年,", "达到91分", "、", ")", "(", "〔", "〕"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40))
def test_structured_noise_never_crashes(parts):
    extract_text("".join(parts), "fuzz.txt", strict=True)  # text never raises: odd layouts give notices


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_raise_input_error(data):
    try:
        decode_bytes(data, "fuzz.bin")
    except InputError as exc:
        assert str(exc).startswith("fuzz.bin"), exc  # the error names the file
