"""Responsibility clauses: which organisations carry a task, in which role.

Styles handled (on normalised text, so full-width and traditional forms too):

- ``(责任单位:A、B、C,列第一位的为牵头单位,下同)``: the first listed leads;
  ``下同`` keeps the rule for later lists of the same document;
- ``(牵头单位:X;责任单位:Y)``, ``(牵头单位:X,配合单位:Y)`` and the same as
  separate ``牵头单位:`` / ``配合单位:`` lines (everyone under 牵头单位 leads);
- inline ``(A、B牵头,C、D配合)`` and ``(A牵头,C、D)``;
- ``(X总牵头)`` on a section heading: X is overall lead of its tasks;
- nested parentheses ``省发改委(省能源局)`` stay one mention;
- collective actors ``各市、县〔市、区〕政府`` stay one mention, and
  distributive lists ``杭州、宁波、舟山市政府`` expand to one government each.

Functions here are pure: text in, tuples out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..text.brackets import split_top_level
from ..vocabulary import LEADING_ROLES, Role
from .grammar.organisations import GOVERNMENT, ends_like_organisation
from .grammar.responsibility import (ETC, FIRST_LEADS, LABEL, LABEL_ROLES, LEAD_VERB, PARENS, PARTICIPANT_VERB,
                                     SAME_BELOW)

__all__ = [
    "RawResponsibility", "ClauseRules", "find_clauses", "parse_clause", "is_label_line", "stray_clauses",
    "paragraph_clauses",
]


@dataclass(frozen=True)
class RawResponsibility:
    """A mention found in a clause: offsets are into the text given."""

    mention: str
    start: int
    end: int
    role: str
    rule: str


@dataclass
class ClauseRules:
    """Rules a document states once for later lists (``下同``)."""

    first_leads: bool = False
    notes: list[str] = field(default_factory=list)


def _groups(text: str):
    """Top-level parenthesised groups: (open_index, close_index)."""
    out, stack = [], []
    for m in PARENS.finditer(text):
        i, ch = m.start(), m.group()
        if ch in "(〔":
            stack.append(i)
        elif stack:
            j = stack.pop()
            if not stack:
                out.append((j, i))
    return out


def is_label_line(text: str) -> bool:
    """Whether a paragraph is a bare ``牵头单位:…`` style line."""
    return bool(LABEL.match(text.strip()))


def find_clauses(text: str, heading: bool = False):
    """Responsibility clauses in a paragraph, as ``(start, end)`` of their content.

    A clause is a top-level parenthesised group that opens with a label
    (``责任单位:``), or names organisations with a role verb (``牵头``). It
    must close the paragraph or its first sentence (a heading's clause).

    Examples
    --------
    >>> t = "1. 提升标准。开展工作。(责任单位:省质监局、省经信委)"
    >>> [t[a:b] for a, b in find_clauses(t)]
    ['责任单位:省质监局、省经信委']
    >>> find_clauses("以“四无”(无证无照、无安全保障)企业为重点。")
    []
    """
    return _clauses(text, _groups(text), heading)


def _clauses(text: str, groups, heading: bool):
    out = []
    for a, b in groups:
        inner = text[a + 1:b]
        rest = text[b + 1:].strip()
        at_end = rest in ("", "。", ".", ";")
        ends_heading = heading and rest.startswith(("。", ":")) or heading and not rest
        if not (at_end or ends_heading):
            continue
        if LABEL.search(inner) or _has_role_verb(inner):
            out.append((a + 1, b))
    return out


def stray_clauses(text: str):
    """Labelled clauses (``(责任单位:…)``) that do not close their paragraph.

    They are not read (a clause mid-paragraph may belong to a sentence, not a
    task); callers warn about them.
    """
    return paragraph_clauses(text, heading=True)[1]


def paragraph_clauses(text: str, heading: bool = False):
    """``(find_clauses(text, heading), stray_clauses(text))``, the brackets scanned once.

    Examples
    --------
    >>> t = "开展工作(责任单位:省质监局)并推进。(牵头单位:省经信委)"
    >>> [[t[a:b] for a, b in found] for found in paragraph_clauses(t)]
    [['牵头单位:省经信委'], ['责任单位:省质监局']]
    """
    if not PARENS.search(text):
        return [], []
    groups = _groups(text)
    found = _clauses(text, groups, heading)
    kept = set(found if heading else _clauses(text, groups, True))
    return found, [(a + 1, b) for a, b in groups if LABEL.search(text[a + 1:b]) and (a + 1, b) not in kept]


def _has_role_verb(inner: str) -> bool:
    pieces = split_top_level(inner, ",;")
    return any(LEAD_VERB.search(inner[x:y]) for x, y in pieces) and all(
        _looks_like_orgs(_strip_verb(inner[x:y])) or FIRST_LEADS.search(inner[x:y])
        for x, y in pieces)


def _strip_verb(piece: str) -> str:
    piece = LEAD_VERB.sub("", piece)
    piece = PARTICIPANT_VERB.sub("", piece)
    return ETC.sub("", piece).strip()


def _looks_like_orgs(piece: str) -> bool:
    names = [piece[a:b] for a, b in split_top_level(piece, "、")]
    return bool(names) and all(len(n) <= 30 and ("省" in n or "市" in n or ends_like_organisation(n) or
                                                  n.startswith("各") or len(n) <= 4) for n in names)


def parse_clause(text: str, start: int, end: int, rules: ClauseRules):
    """Mentions and roles in the clause ``text[start:end]``.

    ``rules`` carries ``下同`` rules between clauses of one document and is
    updated in place.

    Examples
    --------
    >>> r = ClauseRules()
    >>> t = "责任单位:省质监局、省经信委,列第一位的为牵头单位,下同"
    >>> [(m.mention, m.role) for m in parse_clause(t, 0, len(t), r)]
    [('省质监局', 'lead'), ('省经信委', 'participant')]
    >>> t = "杭州、宁波市政府,各市、县〔市、区〕政府"
    >>> [(m.mention, m.role) for m in parse_clause(t, 0, len(t), ClauseRules())]
    [('杭州市政府', 'responsible'), ('宁波市政府', 'responsible'), ('各市、县〔市、区〕政府', 'responsible')]
    >>> t = "省发改委牵头,省经信委、省财政厅配合"
    >>> [(m.mention, m.role, m.rule) for m in parse_clause(t, 0, len(t), ClauseRules())]
    [('省发改委', 'lead', 'lead-verb'), ('省经信委', 'participant', 'participant-verb'), ('省财政厅', 'participant', 'participant-verb')]
    """
    segments = []  # (label_role, verb_role, [(mention, a, b)])
    first_leads_here = False
    same_below = False
    for a, b in split_top_level(text, ",;", start, end):
        seg = text[a:b]
        if FIRST_LEADS.search(seg):
            first_leads_here = True
            continue
        if SAME_BELOW.match(seg):
            same_below = True
            continue
        label_role = None
        m = LABEL.match(seg)
        if m:
            label_role = LABEL_ROLES[m.group(1)]
            a += m.end()
        verb_role, b = _verb(text, a, b)
        names = _mentions(text, a, b)
        if names:
            segments.append((label_role, verb_role, names))
    if first_leads_here and same_below:
        rules.first_leads = True
    first_leads = first_leads_here or rules.first_leads
    has_lead_segment = any(lr in LEADING_ROLES or vr in LEADING_ROLES
                           for lr, vr, _ in segments)

    out = []
    seen_lead = False
    position = 0
    for label_role, verb_role, names in segments:
        for k, (mention, a, b) in enumerate(names):
            if verb_role:
                role, rule = verb_role, f"{verb_role.replace('_', '-')}-verb"
            elif label_role in (Role.LEAD, Role.OVERALL_LEAD, Role.PARTICIPANT):
                role, rule = label_role, f"{label_role.replace('_', '-')}-label"
            elif has_lead_segment and seen_lead:
                role, rule = Role.PARTICIPANT, "after-lead"
            elif first_leads and not has_lead_segment:
                role = Role.LEAD if position == 0 else Role.PARTICIPANT
                rule = "first-listed-leads"
            elif has_lead_segment:
                role, rule = Role.PARTICIPANT, "beside-lead"
            else:
                role, rule = Role.RESPONSIBLE, "no-lead-designated"
            out.append(RawResponsibility(mention, a, b, role, rule))
            position += 1
        if label_role in LEADING_ROLES or verb_role in LEADING_ROLES:
            seen_lead = True
    return out


def _verb(text: str, a: int, b: int):
    """A trailing role verb of the segment ``text[a:b]``: (role, new_end)."""
    seg = text[a:b]
    m = LEAD_VERB.search(seg)
    if m:
        role = Role.OVERALL_LEAD if m.group(1) == "总牵头" else Role.LEAD
        return role, a + m.start()
    m = PARTICIPANT_VERB.search(seg)
    if m and m.start() > 0:
        return Role.PARTICIPANT, a + m.start()
    return None, b


def _mentions(text: str, a: int, b: int):
    """Organisation mentions in ``text[a:b]``: list of (name, start, end)."""
    m = ETC.search(text, a, b)
    if m and m.end() == b and m.start() > a:
        b = m.start()
    pieces = split_top_level(text, "、", a, b)
    merged = []
    i = 0
    while i < len(pieces):
        x, y = pieces[i]
        name = text[x:y]
        # 各市、县(市、区)政府: a collective actor written with 、 inside.
        if name.startswith("各") and not ends_like_organisation(name) and i + 1 < len(pieces):
            j = i + 1
            while j < len(pieces) and not ends_like_organisation(text[pieces[j - 1][0]:pieces[j - 1][1]]):
                j += 1
            y = pieces[j - 1][1]
            merged.append((text[x:y], x, y))
            i = j
            continue
        merged.append((name, x, y))
        i += 1
    return _expand_distributive(merged)


def _expand_distributive(names):
    """``杭州、宁波、舟山市政府`` → one government per place."""
    out = []
    fragments = []
    for name, x, y in names:
        if _is_fragment(name):
            fragments.append((name, x, y))
            continue
        if fragments:
            m = GOVERNMENT.match(name)
            if m:
                suffix = m.group("suffix")
                out.extend((frag + suffix, fx, fy) for frag, fx, fy in fragments)
            else:
                out.extend(fragments)
            fragments = []
        out.append((name, x, y))
    out.extend(fragments)
    return out


def _is_fragment(name: str) -> bool:
    return 2 <= len(name) <= 4 and not ends_like_organisation(name) and name[-1] not in "市县区" \
        and not name.startswith(("省", "各"))
