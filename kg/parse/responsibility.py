"""Reading a responsibility clause: which organisations, in which role, by which rule.

Styles read (on normalised text, so full-width and traditional forms too):

- labels: ``(责任单位:A、B、C,列第一位的为牵头单位,下同)``, ``(牵头单位:X;配合单位:Y)``,
  ``牵头单位:X  责任单位:Y`` (two spaces, no separator), ``(负责部门:A;适用范围:…)``;
  labels of persons (``牵头领导:``), deadlines (``时限要求:``) and scopes are not organisations;
- verbs: ``(A、B牵头,C、D配合)``, ``(A会同B负责)``, ``(A指导,各地落实)``, ``(A总牵头,B、C分别牵头)``,
  ``(财政部、税务总局按职责分工负责)``; a name before a verb-less first segment shares the next verb
  (``(临江市,省林业局牵头)``);
- rules: the first listed leads (``列第一位者为牵头单位``, ``排在首位的为牵头或汇总单位``,
  ``第一责任单位为牵头单位``), held for later clauses with ``下同``; marks win over position with
  ``除标注“牵头”的外`` and ``A(牵头)``; standing rules name implied units (``不再逐项列出``);
- lists: ``等`` leaves a list open (recorded, nothing invented); collectives (``各市、县(市、区)政府``,
  ``相关市、县政府``) stay one; distributive lists (``杭州、宁波、舟山市政府``) give one government each;
  a deadline (``2019年底前完成``, ``持续推进``) is kept as the task's deadline.

Functions here are pure: text in, tuples out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.brackets import split_top_level, trim
from ..vocabulary import LEADING_ROLES, Role
from .grammar.organisations import GOVERNMENT, ends_like_organisation
from .grammar.responsibility import (DEADLINE, DEADLINE_TEXT, DIVISION, ETC, FIRST_LEADS, JOINT, LABEL, LABELS,
                                     LEAD_MARK, LEAD_RULE_WORD, MARKED_LEADS_WIN, NO_LEAD_MEANS, POST, ROLE_VERB,
                                     SAME_BELOW, STANDING, STANDING_WORD, VERBS)

__all__ = ["RawResponsibility", "ClauseRules", "ReadClause", "read_clause", "split_units"]


@dataclass(slots=True, unsafe_hash=True)
class RawResponsibility:
    """A mention found in a clause: offsets are into the text given."""

    mention: str
    start: int
    end: int
    role: str
    rule: str
    nonexhaustive: bool = False


@dataclass(slots=True)
class ClauseRules:
    """Rules a document states once for later clauses (``下同``)."""

    first_leads: bool = False
    marks_win: bool = False
    no_lead_means_lead: bool = False
    implied: list = field(default_factory=list)  # [(mention, start, end, paragraph)] of standing rules


@dataclass(slots=True)
class ReadClause:
    """What one clause says: its mentions, its deadline, units a standing rule in it implies."""

    mentions: list[RawResponsibility] = field(default_factory=list)
    deadline: str | None = None
    implied: list = field(default_factory=list)  # [(mention, start, end)]


@dataclass(slots=True)
class _Segment:
    label: object = None  # a Role or a label kind (person, deadline …), or None
    verb: Role | None = None
    verb_text: str = ""
    names: list = field(default_factory=list)  # [(name, start, end, nonexhaustive, marked)]


def read_clause(text: str, start: int, end: int, rules: ClauseRules) -> ReadClause:
    """Mentions and roles in the clause ``text[start:end]``; ``rules`` carries ``下同`` rules and is updated.

    Examples
    --------
    >>> r = ClauseRules()
    >>> t = "责任单位:省质监局、省经信委,列第一位的为牵头单位,下同"
    >>> [(m.mention, m.role) for m in read_clause(t, 0, len(t), r).mentions]
    [('省质监局', 'lead'), ('省经信委', 'participant')]
    >>> t = "杭州、宁波市政府,各市、县〔市、区〕政府"
    >>> [(m.mention, m.role) for m in read_clause(t, 0, len(t), ClauseRules()).mentions]
    [('杭州市政府', 'responsible'), ('宁波市政府', 'responsible'), ('各市、县〔市、区〕政府', 'responsible')]
    >>> t = "省发改委牵头,省经信委、省财政厅配合,2019年底前完成"
    >>> c = read_clause(t, 0, len(t), ClauseRules())
    >>> [(m.mention, m.role, m.rule) for m in c.mentions], c.deadline
    ([('省发改委', 'lead', 'lead-verb'), ('省经信委', 'participant', 'participant-verb'), ('省财政厅', 'participant', 'participant-verb')], '2019年底前完成')
    >>> t = "市商务局会同青岚海关负责"
    >>> [(m.mention, m.role) for m in read_clause(t, 0, len(t), ClauseRules()).mentions]
    [('市商务局', 'lead'), ('青岚海关', 'participant')]
    """
    out = ReadClause()
    segments: list[_Segment] = []
    first_leads_here = same_below = False
    label = None  # a label holds for the segments after it, until the next label
    text, rule_notes = _mask_rules(text, start, end, out)
    for note in rule_notes:
        first_leads_here |= bool(FIRST_LEADS.search(note))
        same_below |= "下同" in note
        rules.marks_win |= bool(MARKED_LEADS_WIN.search(note))
    for a, b in _segments(text, start, end):
        seg = text[a:b].rstrip("。 ")
        b = a + len(seg)
        if LEAD_RULE_WORD in seg and (FIRST_LEADS.search(seg) or MARKED_LEADS_WIN.search(seg) or NO_LEAD_MEANS.search(seg)):
            first_leads_here |= bool(FIRST_LEADS.search(seg))
            rules.marks_win |= bool(MARKED_LEADS_WIN.search(seg))
            rules.no_lead_means_lead |= bool(NO_LEAD_MEANS.search(seg))
            continue
        if SAME_BELOW.match(seg):
            same_below = True
            continue
        m = STANDING.search(seg) if STANDING_WORD in seg else None
        if m:
            names = split_units(text, a + m.start("orgs"), a + m.end("orgs"))
            out.implied.extend((n, x, y) for n, x, y, _, _ in names)
            continue
        if DEADLINE_TEXT.match(seg):
            out.deadline = seg.strip()
            continue
        m = LABEL.match(seg)
        if m:
            label = LABELS[m.group("label")]
        elif label is not None and not isinstance(label, Role) and label != DIVISION:
            continue  # more of a scope, a person or a task text
        segments.extend(_read_segment(text, a, b, out))
    if first_leads_here and same_below:
        rules.first_leads = True
    out.mentions = _roles(segments, first_leads_here or rules.first_leads, rules)
    return out


def _mask_rules(text, start, end, out: ReadClause):
    """Blank what is not a list of names: standing rules (their units become implied) and bracketed rules.

    ``市财政局(第一责任单位为牵头单位,下同)``: the rule in brackets after a name.
    Returns the text with those spans blanked (offsets kept) and the bracketed rules' texts.
    """
    spans, notes = [], []
    if text.find(STANDING_WORD, start, end) >= 0:
        for m in STANDING.finditer(text, start, end):
            names = split_units(text, m.start("orgs"), m.end("orgs"))
            out.implied.extend((n, x, y) for n, x, y, _, _ in names)
            spans.append((m.start(), m.end()))
    for m in _BRACKETED_RULE.finditer(text, start, end):
        notes.append(m.group(0))
        spans.append((m.start(), m.end()))
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text, notes


_BRACKETED_RULE = re.compile(r"\([^()]*(?:为牵头|下同)[^()]*\)")


def _segments(text, start, end):
    """Comma, semicolon and full-stop pieces, also split before a label that follows without a separator."""
    for a, b in split_top_level(text, ",;。", start, end):
        cuts = [m.start() for m in LABEL.finditer(text, a, b) if m.start() > a]
        for x, y in zip([a, *cuts], [*cuts, b]):
            x, y = trim(text, x, y)
            if x < y:
                yield x, y


def _read_segment(text, a, b, out: ReadClause):
    """One segment as ``_Segment``s (a 会同 segment gives two)."""
    seg = _Segment()
    m = LABEL.match(text, a, b)
    if m:
        seg.label = LABELS[m.group("label")]
        a = m.end()
        if seg.label == DEADLINE:
            out.deadline = text[a:b].strip()
            return []
        if seg.label == DIVISION:
            seg.label = None
        elif not isinstance(seg.label, Role):
            return []  # persons, scopes, task texts
    v = ROLE_VERB.search(text, a, b)
    if v and v.start() > a:
        seg.verb, seg.verb_text = VERBS[v.group("verb")], v.group("verb")
        b = v.start()
    if text.startswith("由", a):
        a += 1
    j = JOINT.search(text, a, b)
    if j and seg.verb and j.start() > a:  # A会同B负责: A leads, B takes part
        lead = _Segment(seg.label, Role.LEAD, "会同", split_units(text, a, j.start()))
        rest = _Segment(seg.label, Role.PARTICIPANT, "会同", split_units(text, j.end(), b))
        return [s for s in (lead, rest) if s.names]
    seg.names = split_units(text, a, b)
    return [seg] if seg.names else []


def _roles(segments: list[_Segment], first_leads: bool, rules: ClauseRules) -> list[RawResponsibility]:
    explicit = any(s.verb in LEADING_ROLES or s.verb in (Role.GUIDING, Role.PARTICIPANT) or s.label in LEADING_ROLES
                   or s.label == Role.PARTICIPANT for s in segments)
    marked = any(n[4] for s in segments for n in s.names)
    # A verb-less segment before the first verb shares that verb: (临江市,省林业局牵头).
    for k, s in enumerate(segments):
        if s.verb is None and s.label is None:
            nxt = next((t for t in segments[k + 1:] if t.verb or t.label), None)
            if nxt is not None and nxt.verb in LEADING_ROLES and all(t.verb is None for t in segments[:k]):
                s.verb, s.verb_text = nxt.verb, nxt.verb_text
    # (X负责,Y配合): with others named to support, the unit that is responsible leads.
    supported = any(s.verb == Role.PARTICIPANT or s.label == Role.PARTICIPANT for s in segments) and not any(
        s.verb in LEADING_ROLES or s.label in LEADING_ROLES for s in segments)
    out, seen_lead, position = [], False, 0
    for s in segments:
        for name, a, b, open_list, is_marked in s.names:
            if supported and s.verb == Role.RESPONSIBLE and not is_marked:
                out.append(RawResponsibility(name, a, b, Role.LEAD, "responsible-beside-support", open_list))
                position += 1
                continue
            role, rule = _role(s, position, seen_lead, first_leads, explicit, marked, is_marked, rules)
            out.append(RawResponsibility(name, a, b, role, rule, open_list))
            position += 1
        if s.verb in LEADING_ROLES or s.label in LEADING_ROLES:
            seen_lead = True
    return out


def _role(s, position, seen_lead, first_leads, explicit, marked, is_marked, rules):
    if is_marked:
        return Role.LEAD, "marked-lead"
    if s.verb is not None:
        if s.verb == Role.RESPONSIBLE and not explicit and first_leads:
            pass  # 负责 under a first-listed rule: position decides below
        elif s.verb == Role.RESPONSIBLE and seen_lead:
            return Role.PARTICIPANT, "beside-lead"
        else:
            return s.verb, f"{s.verb.replace('_', '-')}-verb"
    if isinstance(s.label, Role) and s.label != Role.RESPONSIBLE:
        return s.label, f"{s.label.replace('_', '-')}-label"
    if seen_lead:
        return Role.PARTICIPANT, "after-lead"
    if marked and rules.marks_win:
        return Role.PARTICIPANT, "beside-marked-lead"
    if first_leads and not explicit:
        return (Role.LEAD, "first-listed-leads") if position == 0 else (Role.PARTICIPANT, "first-listed-leads")
    if rules.no_lead_means_lead:
        return Role.LEAD, "responsible-means-lead"
    return Role.RESPONSIBLE, "no-lead-designated"


_NOTE = re.compile(r"\(\s*(?:含|包括|包含|不含|下同)[^()]*\)$")
_NOT_A_NAME = re.compile(r"的|为|均|除|以下|以上|如下|措施|适用")


def _plausible(name: str) -> bool:
    """A name, not a phrase: short, without the words that make a sentence of it.

    >>> _plausible("省发展改革委"), _plausible("适用范围均为所有自贸试验区")
    (True, False)
    """
    return len(name) <= 40 and not _NOT_A_NAME.search(name.split("(")[0])


_AND = re.compile(r"(?<=[厅局委办部会室院府所队行司社处署站馆心组关])(?:和|及|以及|与)(?=[\u4e00-\u9fff]{2})")
_AND_WORD = re.compile("[和及与]")
_LEVEL_WORD = re.compile(r"^(?:市|县|区|旗|盟|州|乡|镇|街道)")


def split_units(text: str, a: int, b: int):
    """Organisation mentions in ``text[a:b]``: ``(name, start, end, nonexhaustive, marked_lead)``.

    Examples
    --------
    >>> t = "财政部、商务部等和各省级人民政府"
    >>> [(n, open_list) for n, _, _, open_list, _ in split_units(t, 0, len(t))]
    [('财政部', True), ('商务部', True), ('各省级人民政府', False)]
    >>> t = "省发展改革委、省工业和信息化厅(牵头)、相关市、县政府"
    >>> [(n, lead) for n, _, _, _, lead in split_units(t, 0, len(t))]
    [('省发展改革委', False), ('省工业和信息化厅', True), ('相关市、县政府', False)]
    """
    out = []
    for x, y, open_list in _lists(text, a, b):
        for name, nx, ny in _expand_distributive(_merge_collectives(text, _pieces(text, x, y))):
            marked = LEAD_MARK.search(name) if name.endswith(")") else None
            if marked:
                name, ny = name[:marked.start()].rstrip(), nx + marked.start()
            note = _NOTE.search(name) if name.endswith(")") else None
            if note:  # 各区政府(含大鹏新区管委会,下同): the unit, without its note
                name, ny = name[:note.start()].rstrip(), nx + note.start()
            if not name or POST.search(name) or DEADLINE_TEXT.match(name) or not _plausible(name):
                continue
            out.append((name, nx, ny, open_list, bool(marked)))
    return out


#: ``等和``, ``等有关部门及``: a list ends, open, and another begins
_ETC_AND = re.compile(r"等(?:有关|相关)?(?:单位|部门|机构)?(?:和|及|以及|与|,)")


def _lists(text, a, b):
    """``(start, end, open)`` of the lists in ``text[a:b]``: ``…等和…`` closes one list and opens another."""
    if text.find("等", a, b) < 0:  # no 等: one exhaustive list
        x, y = trim(text, a, b)
        return [(x, y, False)] if x < y else []
    out, at = [], a
    for m in _ETC_AND.finditer(text, a, b):
        out.append((at, m.start(), True))
        at = m.end()
    m = ETC.search(text, at, b)
    if m and m.end() == b and m.start() > at:
        out.append((at, m.start(), True))
    else:
        out.append((at, b, False))
    trimmed = [(*trim(text, x, y), o) for x, y, o in out]
    return [(x, y, o) for x, y, o in trimmed if x < y]


def _pieces(text, a, b):
    pieces = []
    for x, y in split_top_level(text, "、", a, b):
        at = x
        for m in _AND.finditer(text, x, y) if _AND_WORD.search(text, x, y) else ():
            pieces.append((at, m.start()))
            at = m.end()
        pieces.append((at, y))
    return [p for p in pieces if p[0] < p[1]]


def _merge_collectives(text, pieces):
    """``各市、县(市、区)政府`` and ``相关市、县政府``: a collective written with 、 inside stays one."""
    merged, i = [], 0
    while i < len(pieces):
        x, y = pieces[i]
        name = text[x:y]
        following = text[pieces[i + 1][0]:pieces[i + 1][1]] if i + 1 < len(pieces) else ""
        if name.startswith(("各", "相关", "有关")) and following and (
                not ends_like_organisation(name) or _LEVEL_WORD.match(following)):
            j = i + 1
            # 各县(市、区)政府; 各盟行政公署、市人民政府 (each of both: one collective)
            while j < len(pieces) and (not ends_like_organisation(text[pieces[j - 1][0]:pieces[j - 1][1]])
                                       or _LEVEL_WORD.match(text[pieces[j][0]:pieces[j][1]]) and j == i + 1):
                j += 1
            y = pieces[j - 1][1]
            merged.append((text[x:y], x, y))
            i = j
            continue
        merged.append((name, x, y))
        i += 1
    return merged


def _expand_distributive(names):
    """``杭州、宁波、舟山市政府`` → one government per place."""
    out, fragments = [], []
    for name, x, y in names:
        if _is_fragment(name):
            fragments.append((name, x, y))
            continue
        if fragments:
            m = GOVERNMENT.match(name)
            if m:
                out.extend((frag + m.group("suffix"), fx, fy) for frag, fx, fy in fragments)
            else:
                out.extend(fragments)
            fragments = []
        out.append((name, x, y))
    out.extend(fragments)
    return out


def _is_fragment(name: str) -> bool:
    return 2 <= len(name) <= 4 and not ends_like_organisation(name) and name[-1] not in "市县区" \
        and not name.startswith(("省", "各", "有关", "相关"))
