"""Encodings, line endings and scripts give the same records; bad files give one clear error."""

import codecs

import pytest

from kg.errors import InputError
from kg.parse.extract import extract_file
from kg.text.reading import read_source
from kg.build.report import task_rows


def _rows(issue):
    return [(r["doc_number"], r["task"], r["department"], r["role"]) for r in task_rows(issue)]


@pytest.fixture(scope="module")
def seed_rows(seed_issue):
    return _rows(seed_issue)


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8-sig"])
def test_other_encodings_same_records(tmp_path, seed_path, seed_rows, encoding):
    text = seed_path.read_text(encoding="utf-8")
    f = tmp_path / f"seed-{encoding}.txt"
    f.write_bytes(text.encode(encoding, errors="strict" if encoding != "gbk" else "replace"))
    issue = extract_file(f)
    assert _rows(issue) == seed_rows
    assert issue.encoding == ("utf-8-sig" if encoding == "utf-8-sig" else "gb18030")


def test_crlf_keeps_offsets_true(tmp_path, seed_path, seed_rows):
    text = seed_path.read_text(encoding="utf-8").replace("\n", "\r\n")
    f = tmp_path / "crlf.txt"
    f.write_bytes(text.encode("utf-8"))
    issue = extract_file(f)
    assert _rows(issue) == seed_rows
    task = issue.documents[0].tasks[8]
    assert text[task.span.start:task.span.end] == task.span.text
    assert task.span.line == 93


def test_traditional_script_and_full_width(tmp_path, seed_path, seed_rows):
    import opencc

    text = opencc.OpenCC("s2tw").convert(seed_path.read_text(encoding="utf-8"))
    f = tmp_path / "trad.txt"
    f.write_text(text, encoding="big5", errors="replace")
    issue = extract_file(f)
    assert issue.encoding == "big5"
    assert _rows(issue) == seed_rows
    first = issue.documents[0].tasks[0].responsibilities[0].org
    assert first.mention == "省质监局" and first.span.text == "省質監局"


def test_forced_encoding_that_fails_names_file_and_line(tmp_path):
    f = tmp_path / "gbk.txt"
    f.write_bytes("第一行\n责任单位:省质监局\n".encode("gb18030"))
    with pytest.raises(InputError) as err:
        read_source(f, encoding="utf-8")
    assert str(err.value) == f"{f}:1: cannot be decoded as utf-8 (byte 0); try another --encoding"


@pytest.mark.parametrize("content,message", [
    (b"", "file is empty; give a gazette text file"),
    (b"  \n\n", "file is empty; give a gazette text file"),
    (b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50, "looks like a binary file (NUL bytes); give the gazette as plain text"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8" * 40, "has a UTF-16 byte-order mark but invalid UTF-16; try --encoding gb18030"),
])
def test_bad_files(tmp_path, content, message):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_source(f)
    assert str(err.value) == f"{f}: {message}"


def test_missing_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_source(tmp_path)
