"""Quantitative targets: indicator, value, unit, comparator, year.

Text is read clause by clause (``,;。:``) and, inside a clause, piece by
piece (``、``). A target is a number with a unit after a verb that sets a
level (``达到``, ``控制在``, ``超过``), a change (``下降``, ``年均增长``) or
a count (``新增``, ``培育``, ``创建``). A year stated once (``到2019年``)
governs what follows it until another is stated; a year in the past marks
actual figures, which are not targets. Numbers inside titles, quotes,
document numbers, dates, ordinals (``第24期``) and names like PM2.5 are
masked first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..text.numbers import scale_value
from ..text.brackets import split_top_level
from ..text.spacing import tidy
from ..vocabulary import Comparator, TargetKind, YearSource
from .grammar.docnumbers import DOC_NUMBER
from .grammar.targets import (BASELINE, CHANGE_VERBS, COMPOUND_COUNT, COUNT_UNITS, COUNT_VERBS, DIGIT, GRANT,
                              GRANT_AFTER, LATEX, LEAD_TRIM, MARKER, MASKS, MODIFIER, OUTCOME, OWN_MEASURES, PERIOD,
                              RANK, SCOPE, SUFFIX_COMPARATOR, TAIL_TRIM, THIS_YEAR, TREND, VALUE, VALUE_LEAD_IN,
                              VERB, VERB_COMPARATOR, YEAR)

__all__ = ["RawTarget", "YearState", "scan_targets"]

@dataclass(slots=True, unsafe_hash=True)
class RawTarget:
    indicator: str
    value: float
    value_max: float | None
    unit: str
    comparator: str
    kind: str
    value_text: str
    start: int
    end: int
    year: int | None
    year_source: str


@dataclass(slots=True)
class YearState:
    """The year in force while reading: ``source`` is stated, heading or column."""

    year: int | None = None
    source: str | None = None
    past: bool = False
    document_year: int | None = None

    def copy(self, source=None):
        return YearState(self.year, source or self.source, self.past, self.document_year)


#: :data:`MASKS` apart by the kind of their need: a word to be present, or a cheap pattern to be found
_MASKS_BY_WORD = tuple((p, need) for p, need in MASKS if isinstance(need, str))
_MASKS_BY_PATTERN = tuple((p, need) for p, need in MASKS if not isinstance(need, str))


@lru_cache(maxsize=16)  # a table row is masked once for all its cells
def mask(text: str) -> str:
    """Blank spans whose digits are not quantities, keeping length.

    Examples
    --------
    >>> mask("根据《纲要2025》,PM2.5达到40")
    '根据□□□□□□□□,□□□□□达到40'
    """
    patterns = [p for p, need in _MASKS_BY_WORD if need in text]
    patterns += [p for p, need in _MASKS_BY_PATTERN if need.search(text)]
    if "号" in text:  # a document number ends in 号
        patterns.append(DOC_NUMBER)
    spans = [m.span() for pattern in patterns for m in pattern.finditer(text)]
    m = MARKER.match(text)
    if m:
        spans.append((0, m.end()))
    if not spans:
        return text
    pieces, at = [], 0
    for a, b in sorted(spans):
        if b > at:
            a = max(a, at)
            pieces += (text[at:a], "□" * (b - a))
            at = b
    pieces.append(text[at:])
    return "".join(pieces)


def scan_targets(text: str, start: int, end: int, state: YearState, unread: list | None = None):
    """Targets in ``text[start:end]``; ``state`` carries the year across calls.

    Pieces that put a number after a target verb but yield no target are
    appended to ``unread`` as ``(start, end)``, so the caller can warn.

    Examples
    --------
    >>> t = "到2019年,制造业质量竞争力指数达到91分,规模以上企业主导产品采标率达到70%以上。"
    >>> [(r.indicator, r.value, r.unit, r.comparator, r.year) for r in scan_targets(t, 0, len(t), YearState())]
    [('制造业质量竞争力指数', 91.0, '分', '=', 2019), ('规模以上企业主导产品采标率', 70.0, '%', '≥', 2019)]
    >>> t = "规模以上石化企业总产值超过1.5万亿元,年均增长9%。"
    >>> [(r.indicator, r.value, r.unit, r.comparator, r.kind) for r in scan_targets(t, 0, len(t), YearState(2020))]
    [('规模以上石化企业总产值', 1500000000000.0, '元', '>', 'level'), ('规模以上石化企业总产值', 9.0, '%', '=', 'change')]
    """
    out: list[RawTarget] = []
    if not DIGIT.search(text, start, end):  # no number, no year: nothing to read
        return out
    masked = mask(text)
    for sa, sb in split_top_level(masked, "。", start, end):
        if DIGIT.search(text, sa, sb):
            _sentence(text, masked, sa, sb, state, out, unread if unread is not None else [])
    return out


@dataclass(slots=True)
class _Sentence:
    """What one sentence remembers from clause to clause."""

    objects: list
    count_verb: str | None = None
    value_first: bool = False
    last_subject: str = ""
    breakdown_base: str | None = None
    respective: list | None = None
    subject_text: str = ""

    @property
    def subject(self) -> str:
        """The last piece without a target, cleaned (used when a verb lacks a subject)."""
        if self.subject_text:
            self.last_subject = TREND.sub("", _clean(self.subject_text)) or self.last_subject
            self.subject_text = ""
        return self.last_subject


def _sentence(text, masked, sa, sb, state, out, unread):
    if not DIGIT.search(masked, sa, sb):  # every number masked: no value to read, only the years stated count
        for ca, cb in split_top_level(masked, ",;:", sa, sb):
            _update_year(text, masked, ca, cb, state)
        return
    ctx = _Sentence([])
    for ca, cb in split_top_level(masked, ",;:", sa, sb):
        _update_year(text, masked, ca, cb, state)
        head = text[ca:cb].lstrip()
        annual = head.startswith("每年")
        breakdown = head.startswith("其中")
        pending: list[tuple[int, int]] = []
        pieces = split_top_level(masked, "、", ca, cb)
        k = 0
        while k < len(pieces):
            a, b = pieces[k]
            seg = masked[a:b]
            values = [m for m in VALUE.finditer(seg) if m.group("lo") and _number_start(seg, m.start())]
            level = _level_verb(seg)
            count = None if level else _count_verb(seg)
            if count and k + 1 < len(pieces) and _object_continues(seg, count, values, masked, pieces[k + 1]):
                pieces[k:k + 2] = [(a, pieces[k + 1][1])]
                continue
            made = []
            if state.past or not values:
                pass
            elif not level and _leads_clause(seg, values[0]):
                made = _value_first_target(text, a, b, values[0])
            elif level:
                made = _level_targets(text, seg, a, level, values, pending, ctx)
                pending = []
            elif count:
                made = _count_targets(text, seg, a, b, count, values, ctx)
            else:
                made = _bare_targets(text, seg, a, b, values, breakdown, ctx, state)
            made, dropped = _not_targets(seg, made)
            made = [_ranked(seg, m) for m in made]
            for indicator, v, verb, kind, start, end in made:
                out.append(_target(indicator, v, verb, kind, text, start, end, state, annual))
                if not breakdown:
                    ctx.breakdown_base = indicator
            if not made and not dropped and values and not state.past and any(
                    vm.end() <= values[-1].start() for vm in VERB.finditer(seg)):
                unread.append((a, b))
            if not made:
                if not values and not level and not count:
                    pending.append((a, b))
                if text[a:b].strip():
                    ctx.subject_text = text[a:b]
            k += 1


def _level_verb(seg):
    """The last level or change verb that a number follows directly."""
    found = None
    for vm in VERB.finditer(seg):
        if vm.group(0) in COUNT_VERBS:
            continue
        at = _skip_space(seg, vm.end())
        scope = SCOPE.match(seg, at)
        m = VALUE.match(seg, _skip_space(seg, scope.end()) if scope else at)
        if m and m.group("lo"):
            found = vm
    return found


def _count_verb(seg):
    """The first count verb, joined with count verbs right after it (培育创建)."""
    return COMPOUND_COUNT.search(seg)


def _object_continues(seg, count, values, masked, following):
    """A count verb whose object runs on into the next 、 piece."""
    after = [v for v in values if v.start() >= count.end()]
    nxt = masked[following[0]:following[1]]
    if VERB.search(nxt):
        return False
    if not after:  # 制定国家、行业和地方标准2—3个
        return True
    first = after[0]
    right_after = first.start() <= _skip_space(seg, count.end())
    next_values = [m for m in VALUE.finditer(nxt) if m.group("lo")]
    return right_after and first.end() < len(seg.rstrip()) and not next_values  # 制(修)订2项国家、行业标准


def _level_targets(text, seg, a, verb, values, pending, ctx):
    v = next(m for m in values if m.start() >= verb.end())
    if MODIFIER.match(seg, v.end()):  # 利用不超过3%的修复面积: the value describes a noun
        return []
    name = verb.group(0)
    kind = TargetKind.CHANGE if name in CHANGE_VERBS else TargetKind.LEVEL
    indicator = _clean(text[a:a + verb.start()])
    heads = [_clean(text[x:y]) for x, y in pending]
    joint = seg[:verb.start()].rstrip().endswith(("均", "都")) or BASELINE.search(seg[:verb.start()])
    if heads and joint:
        names = heads + [indicator]
    elif heads and indicator:
        names = ["、".join(heads + [indicator])]
    else:
        names = [indicator or ctx.subject]
    first = pending[0][0] if pending else a
    ctx.last_subject, ctx.subject_text = names[-1] or ctx.last_subject, ""
    return [(n, v, name, kind, first, a + v.end()) for n in names]


def _count_targets(text, seg, a, b, verb, values, ctx):
    name = verb.group(0)
    after = [v for v in values if v.start() >= verb.end()]
    if not after:
        return []
    made = []
    if after[0].start() <= _skip_space(seg, verb.end()):
        # 创建100个甲和100个乙: each number opens its own object.
        for n, v in enumerate(after):
            stop = after[n + 1].start() if n + 1 < len(after) else len(seg)
            obj = _clean(re.sub(r"(和|及|以及|与)\s*$", "", text[a + v.end():a + stop]))
            before = seg[:verb.start()]
            subject = _clean(before) if n == 0 and not obj and "□" not in before and "分别" not in before else ""
            if subject:  # 灌溉面积新增2万亩: the subject names what grows
                made.append((f"{subject}{name}", v, name, TargetKind.LEVEL, a, a + stop))
                continue
            obj = obj or _earlier_object(ctx, seg, verb)
            opens = a + verb.start() if n == 0 else a + v.start()  # 新增甲10个、乙20个: each from its number
            made.append((f"{name}{obj}", v, name, TargetKind.LEVEL, opens, a + stop))
            ctx.objects.append(obj)
        ctx.value_first = True
    else:
        v = after[-1]
        obj = _clean(text[a + verb.end():a + v.start()]) or _earlier_object(ctx, seg, verb)
        made.append((f"{name}{obj}", v, name, TargetKind.LEVEL, a, a + v.end()))
        ctx.objects.append(obj)
        ctx.value_first = False
    ctx.count_verb = name
    return made


def _earlier_object(ctx, seg, verb):
    """The object a bare count refers to: ``共新增10个`` counts what was named before.

    With ``分别`` the numbers that follow take the objects named before, in order.
    """
    if not ctx.objects:
        return ""
    if "分别" in seg[:verb.start()]:
        ctx.respective = list(ctx.objects)
        return ctx.respective.pop(0)
    return ctx.objects[-1]


def _bare_targets(text, seg, a, b, values, breakdown, ctx, state):
    """Numbers without a verb of their own: list items, breakdowns, shares."""
    v = values[-1]
    at_end = v.end() >= len(seg.rstrip())
    if breakdown and ctx.breakdown_base and at_end:  # 其中国家级3家
        part = _clean(text[a:a + v.start()])
        return [(f"{ctx.breakdown_base}({part})", v, "", TargetKind.LEVEL, a, a + v.end())]
    if ctx.count_verb and ctx.value_first and values[0].start() <= 1:  # 3项地方标准
        v = values[0]
        obj = _clean(text[a + v.end():b])
        if obj:
            ctx.objects.append(obj)
            return [(f"{ctx.count_verb}{obj}", v, ctx.count_verb, TargetKind.LEVEL, a, b)]
    if at_end and v.group("unit") and (ctx.count_verb or state.year is not None):
        obj = _clean(text[a:a + v.start()])
        if obj:
            ctx.objects.append(obj)
            indicator = f"{ctx.count_verb}{obj}" if ctx.count_verb else obj
            return [(indicator, v, ctx.count_verb or "", TargetKind.LEVEL, a, a + v.end())]
        if ctx.count_verb and ctx.respective:  # 分别新增30家、6家
            return [(f"{ctx.count_verb}{ctx.respective.pop(0)}", v, ctx.count_verb, TargetKind.LEVEL, a, a + v.end())]
    if values[0].start() <= 3 and values[0].group("unit") == "%" and values[0].group("suffix"):
        v = values[0]  # 全省80%以上危险化学品生产企业进入化工园区
        indicator = _clean(text[a:a + v.start()] + text[a + v.end():b])
        return [(indicator, v, "", TargetKind.LEVEL, a, b)]
    return []


def _skip_space(seg, i):
    while i < len(seg) and seg[i] in " \t了的":
        i += 1
    return i


def _leads_clause(seg, value) -> bool:
    """A count opening its clause and an outcome closing it: 100个项目全部开工.

    >>> seg = "推动10个以上认证机构通过高新技术企业认定"
    >>> _leads_clause(seg, VALUE.search(seg)), _leads_clause("项目10个", VALUE.search("项目10个"))
    (True, False)
    """
    i = 0
    while i < len(seg) and seg[i] in " \t□":
        i += 1
    i = VALUE_LEAD_IN.match(seg, i).end()
    unit = (value.group("unit") or "").lstrip("万亿千百")
    return value.start() == i and unit in COUNT_UNITS and OUTCOME.search(seg, value.end()) is not None


def _value_first_target(text, a, b, v):
    indicator = _clean(text[a + v.end():b])
    return [(indicator, v, "", TargetKind.LEVEL, a + v.start(), b)] if len(indicator) >= 2 else []


def _ranked(seg, made):
    """进入全市前3位: a rank to reach, at most that place (the verb ``≤``)."""
    indicator, v, verb, kind, start, end = made
    if (v.group("unit") or "") in ("位", "名") and RANK.search(seg, 0, v.start()):
        return indicator, v, "≤", kind, start, end
    return made


def _not_targets(seg, made):
    """Split off what only looks like a target: grants (最高1000万元) and counts of the document's own measures."""
    kept, dropped = [], []
    for m in made:
        indicator, v = m[0], m[1]
        grant = (v.group("unit") or "").endswith("元") and GRANT.search(seg, 0, v.start()) \
            or GRANT_AFTER.match(seg, v.end())  # 按投资额的10%给予补助
        (dropped if grant or OWN_MEASURES.search(indicator) else kept).append(m)
    return kept, dropped


def _number_start(seg, i):
    return i == 0 or not (seg[i - 1].isdigit() or seg[i - 1] == ".")


def _update_year(text, masked, a, b, state):
    """Let the years a clause states govern what follows: 到2019年, 2019—2022年, 今年."""
    if text.find("年", a, b) < 0:  # every year, period and 今年 is written with 年
        return
    first = a + len(text[a:b]) - len(text[a:b].lstrip())
    found = []
    for m in PERIOD.finditer(text, a, b):
        if m.group("pre") or m.start() == first:
            found.append((m.start(), int(m.group("y")), YearSource.STATED, False))
    for m in YEAR.finditer(text, a, b):
        pre, post = m.group("pre"), m.group("post")
        if pre in ("比", "较", "与", "同") or text[m.start() - 1:m.start()] in ("(", "—", "-") and m.start() > a:
            continue
        if pre or post or m.start() == first:
            year = int(m.group("y"))
            past = bool(state.document_year and year < state.document_year and not pre)
            found.append((m.start(), year, YearSource.STATED, past))
    if state.document_year:
        found += [(m.start(), state.document_year, YearSource.RELATIVE, False)
                  for m in THIS_YEAR.finditer(masked, a, b)]
    if found:
        _, state.year, state.source, state.past = max(found, key=lambda f: f[0])


def _clean(text: str) -> str:
    text = LATEX.sub(r"\1\2", text)
    text = re.sub(r"(均)?(比|较)\s*\d{4}\s*年\s*$", "", text.strip())
    text = tidy(text).replace(" ", "")
    for _ in range(2):
        text = LEAD_TRIM.sub(lambda m: m.group(1) or "", text)
        text = TAIL_TRIM.sub("", text)
    return text.strip(",;:、")


def _target(indicator, v, verb, kind, text, start, end, state, annual):
    lo = float(v.group("lo"))
    hi = float(v.group("hi")) if v.group("hi") else None
    unit = v.group("unit") or ""
    value, base = scale_value(lo, unit)
    if v.group("lo_magnitude"):  # 3万—3.5万亩: the lower bound carries its own magnitude
        value = scale_value(lo, v.group("lo_magnitude") + base)[0]
    value_max = scale_value(hi, unit)[0] if hi is not None else None
    comparator = SUFFIX_COMPARATOR.get(v.group("suffix") or "") or VERB_COMPARATOR.get(verb, Comparator.EQUAL)
    if annual and kind == TargetKind.LEVEL:
        kind = TargetKind.ANNUAL
    return RawTarget(indicator, float(value), value_max if value_max is None else float(value_max), base,
                     comparator, kind, v.group(0).strip(), start, end, state.year, state.source)
