"""Every pattern, and the whole extractor, runs in linear time on adversarial input.

Issue 13 asked for a property test: long runs of the characters a pattern is
built from (and of the characters documents misuse: spaces, digits, letters,
brackets, 、, position words) must cost time in proportion to their length.
Nothing here compares against a fixed number of seconds: each case is run at
growing sizes, and each (four times longer than the last) may take at most
``LIMIT`` times as long. Quadratic behaviour gives 16×, exponential far more. Cases fast enough
at the smaller size not to matter to anyone (under ``NEGLIGIBLE`` seconds) are
not compared, since their ratio is noise.
"""

import importlib
import pkgutil
import re
import time

import pytest

import kg

SIZES = (250, 1_000, 4_000, 16_000)
LIMIT = 8.0
NEGLIGIBLE = 0.002
ENOUGH = 0.25

# Runs every pattern meets, whatever it is built from.
COMMON_UNITS = (
    " ", "\t", "\n", "\u3000", "1", "1 ", "12", "a", "A1", "(", ")", "((", "()", "(1", "〔", "〕",
    "[", "【", "《", "“", "、", "甲局、", "1、", ",", "。", ".", "1.", "·", "%", "年", "2019年",
    "部长兼", "局长", "省", "市", "由", "负责", "牵头", "名", "个", "第", "一、", "(一)", "号",
)
_LITERAL = re.compile(r"[\u4e00-\u9fff、,;:()〔〕\[\]【】《》“”·—]")


def _patterns():
    """Every compiled pattern at module level in kg (alone, or in a tuple, list or dict)."""
    seen = {}
    for info in pkgutil.walk_packages(kg.__path__, "kg."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for attr, value in sorted(vars(module).items()):
            items = value.values() if isinstance(value, dict) else value if isinstance(value, (tuple, list)) else (value,)
            for item in items:
                if isinstance(item, tuple) and item and isinstance(item[0], re.Pattern):
                    item = item[0]
                if isinstance(item, re.Pattern) and item.pattern not in seen:
                    seen[item.pattern] = (f"{info.name}.{attr}", item)
    return sorted(seen.values(), key=lambda pair: pair[0])


PATTERNS = _patterns()


def _best(run, text, repeat=1):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run(text)
        best = min(best, time.perf_counter() - start)
    return best


def _growth(run, unit):
    """The first step up the ladder of sizes where the time grows more than ``LIMIT`` times, or None.

    Each size is four times the last; the climb stops at ``LARGEST`` characters or once a run
    takes ``ENOUGH`` seconds, so a pattern that is badly non-linear fails in seconds, not hours.
    """
    previous = None
    for size in SIZES:
        text = unit * max(1, size // len(unit))
        seconds = _best(run, text)
        if previous is not None and seconds > NEGLIGIBLE and seconds / previous[1] > LIMIT:
            # measure both again (best of three), in case the machine was busy
            earlier = _best(run, previous[0], 3)
            seconds = _best(run, text, 3)
            if seconds > NEGLIGIBLE and seconds / earlier > LIMIT:
                return size, seconds, seconds / earlier
        if seconds > ENOUGH:
            return None
        previous = text, max(seconds, 1e-6)
    return None


def _scan(pattern):
    def run(text):
        for _ in pattern.finditer(text):
            pass
        pattern.match(text)
        pattern.fullmatch(text)
    return run


def test_the_patterns_are_found():
    names = {name for name, _ in PATTERNS}
    assert len(PATTERNS) > 150
    assert {"kg.parse.grammar.honorees.DECLARED", "kg.parse.grammar.targets.VALUE", "kg.text.paragraphs.STRUCTURAL_START"} <= names


@pytest.mark.parametrize("name,pattern", PATTERNS, ids=[name for name, _ in PATTERNS])
def test_pattern_is_linear(name, pattern):
    units = list(COMMON_UNITS) + sorted(set(_LITERAL.findall(pattern.pattern)))
    slow = []
    for unit in dict.fromkeys(units):
        grown = _growth(_scan(pattern), unit)
        if grown:
            size, seconds, ratio = grown
            slow.append(f"{unit!r}: {seconds * 1000:.1f} ms for {size} characters, ×{ratio:.1f} for 4× the text")
    assert not slow, f"{name} is slower than linear on runs of " + "; ".join(slow)


#: The separators kg splits lists and sentences on (each makes its own piece pattern, not at module level)
SEPARATORS = (",", ",;", ",;:", ",;、", ",;。", ";。", "、", "、,", "。", "。;")


@pytest.mark.parametrize("seps", SEPARATORS)
def test_piece_pattern_is_linear(seps):
    from kg.text.brackets import _piece

    pattern = _piece(seps)
    slow = []
    for unit in dict.fromkeys(list(COMMON_UNITS) + [seps[0], " " + seps[0], seps[0] + " ", "甲 "]):
        grown = _growth(_scan(pattern), unit)
        if grown:
            size, seconds, ratio = grown
            slow.append(f"{unit!r}: {seconds * 1000:.1f} ms for {size} characters, ×{ratio:.1f} for 4× the text")
    assert not slow, f"the piece pattern of {seps!r} is slower than linear on runs of " + "; ".join(slow)


HEAD = "某市人民政府关于表彰先进单位和先进个人的决定\n\n某政〔2024〕1号\n\n各县人民政府:\n\n"


def _family(name, n):
    """One adversarial document of about ``n`` characters."""
    body = {
        "position words": "二、先进个人(56名)\n\n郑 盛 临安市" + "部长兼" * (n // 3) + "\n",
        "digits": "到2019年,新增企业" + "1" * n + "家。\n",
        "digits and spaces": "到2019年,新增" + "1 " * (n // 2) + "\n",
        "spaces": "一、" + " " * n + "先进单位(3个)\n",
        "letters": "达到" + "a" * n + "1%\n",
        "open brackets": "1.任务。(" * (n // 5) + "\n",
        "close brackets": "做好工作" + ")" * n + "\n",
        "departments in a bracket": "1.做好工作(" + "省财政厅、" * (n // 5) + "负责)\n",
        "enumeration commas": "一、先进单位\n\n" + "、" * n + "\n",
        "a list of units": "一、先进单位\n\n" + "甲局、" * (n // 3) + "\n",
        "a unit a line": "一、先进单位\n\n" + "甲局\n" * (n // 3),
        "a person a line": "二、先进个人\n\n" + "王小明  某局  局长\n" * (n // 11),
        "clauses": "1.做好工作。(省财政厅负责)" * (n // 16) + "\n",
        "targets": "到2020年,产值达到10亿元," * (n // 15) + "\n",
        "years": "2019年" * (n // 5) + "\n",
        "wrapped lines": ("一" * 45 + "\n") * (n // 46),
        "document numbers": "浙政发〔2017〕1号、" * (n // 12) + "\n",
        "tab tables": "序号\t任务\t牵头单位\n" + "1\t做好\t甲局\n" * (n // 8),
        "pipe tables": "| 序号 | 任务 | 牵头单位 |\n" + "| 1 | 做好 | 甲局 |\n" * (n // 16),
    }[name]
    return HEAD + body


FAMILIES = ("position words", "digits", "digits and spaces", "spaces", "letters", "open brackets",
            "close brackets", "departments in a bracket", "enumeration commas", "a list of units",
            "a unit a line", "a person a line", "clauses", "targets", "years", "wrapped lines",
            "document numbers", "tab tables", "pipe tables")


@pytest.mark.parametrize("family", FAMILIES)
def test_extractor_is_linear(family):
    from kg.parse.extract import extract_text

    def run(n):
        text = _family(family, n)
        return _best(lambda t: extract_text(t, strict=True), text, repeat=2)

    small, large = run(10_000), run(40_000)
    ratio = large / small
    if ratio > LIMIT:
        ratio = min(ratio, run(40_000) / run(10_000))
    assert ratio <= LIMIT, f"extracting {family}: {small:.2f} s at 10 000 characters, ×{ratio:.1f} at 40 000"
