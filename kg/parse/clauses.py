"""Where responsibility clauses are in a paragraph: bracketed lists and label lines.

A clause is either a top-level bracket group — ``( )``, ``〔 〕`` or ``[ ]`` —
whose content opens with a label (``责任单位:``), states the first-listed
rule, or names organisations before a role verb (``牵头``, ``负责``,
``按职责分工负责``, ``配合`` …); or a run of labels (``牵头单位:A;责任单位:B``)
that closes the paragraph. A bracket clause must close its paragraph or a
sentence of it. Functions here are pure: text in, offsets out; whether a name
is an organisation the caller knows is asked through ``known``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.brackets import split_top_level
from .grammar.organisations import ends_like_organisation
from .grammar.responsibility import (CLAUSE_MARK, CLAUSE_WORDS, DEADLINE_TEXT, ETC, FIRST_LEADS, LABEL, LEAD_RULE_WORD,
                                     MARKED_LEADS_WIN, NO_LEAD_MEANS, PARENS, POST, ROLE_VERB, SAME_BELOW, STANDING,
                                     STANDING_WORD)

__all__ = ["Clause", "find_clauses", "looks_like_units"]

_OPENING = {"(": ")", "〔": "〕", "[": "]"}
#: A place named for its government: 临江市, 陵川县
_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:市|县|区|州|盟|旗)$")
_SENTENCE_END = "。;.!?"


@dataclass(slots=True, unsafe_hash=True)
class Clause:
    """A clause's content: ``text[start:end]`` of the paragraph, without its brackets."""

    start: int
    end: int
    bracketed: bool


def _groups(text: str):
    """Top-level bracket groups ``(open, close)`` of ( ) 〔 〕 [ ], nested brackets inside."""
    out, stack = [], []
    for m in PARENS.finditer(text):
        i, ch = m.start(), m.group()
        if ch in _OPENING:
            stack.append((ch, i))
        elif stack:
            opener, j = stack.pop()
            if not stack and _OPENING[opener] == ch:
                out.append((j, i))
    return out


def looks_like_units(piece: str, known=None) -> bool:
    """Whether a list (``A、B等``) names organisations: each name ends like one, is a collective, or is known.

    Examples
    --------
    >>> looks_like_units("省发改委、省财政厅等"), looks_like_units("各地"), looks_like_units("无证无照、无安全保障")
    (True, True, False)
    """
    piece = ETC.sub("", piece.strip()).strip()
    names = [piece[a:b] for a, b in split_top_level(piece, "、")]
    if not names:
        return False
    for n in names:
        n = n.strip()
        if not n or len(n) > 40:
            return False
        if ends_like_organisation(n) or n.startswith(("各", "有关", "相关")) or POST.search(n) \
                or (known is not None and known(n)) or _PLACE.match(n):
            continue
        if n.endswith(("政府", "部门", "单位", "企业", "公司", "集团", "银行", "机构", "处室", "海关", "法院",
                       "检察院", "大队", "中队", "分局", "支行", "分行", "交警")):
            continue
        return False
    return True


def _segment_kind(seg: str, known) -> str | None:
    """What a comma-separated segment of bracket content is, or ``None`` when it is not clause-like."""
    seg = seg.strip().rstrip("。")
    if not seg:
        return "empty"
    if LABEL.match(seg):
        return "label"
    if SAME_BELOW.match(seg) or LEAD_RULE_WORD in seg and (FIRST_LEADS.search(seg) or MARKED_LEADS_WIN.search(seg)
                                                          or NO_LEAD_MEANS.search(seg)):
        return "rule"
    if STANDING_WORD in seg and STANDING.search(seg):
        return "standing"
    if DEADLINE_TEXT.match(seg):
        return "deadline"
    m = ROLE_VERB.search(seg)
    if m:
        head = seg[:m.start()].strip()
        if head.startswith("由"):
            head = head[1:]
        for word in ("会同", "联合"):
            head = head.replace(word, "、")
        if not head or looks_like_units(head, known):
            return "verb"
        return None
    if looks_like_units(seg, known):
        return "list"
    return None


def _is_clause(inner: str, known) -> bool:
    if not CLAUSE_MARK.search(inner):
        return False
    kinds = [_segment_kind(inner[a:b], known) for a, b in split_top_level(inner, ",;。")]
    kinds = [k for k in kinds if k != "empty"]
    if kinds[:1] == ["label"]:
        return True  # a clause that opens with a label: read whatever follows
    if not kinds or None in kinds:
        return False
    if "label" in kinds or "verb" in kinds:
        return True
    return "rule" in kinds and "list" in kinds


def _closes(text: str, a: int, b: int, heading: bool) -> bool:
    """Whether the group ``text[a..b]`` closes the paragraph or a sentence of it."""
    j = b + 1
    while j < len(text) and text[j].isspace():
        j += 1
    k = a
    while k > 0 and text[k - 1].isspace():
        k -= 1
    nxt, before = text[j:j + 1], text[k - 1:k]  # the first character after the group, the last before it
    if not nxt or nxt in _SENTENCE_END:
        return True
    if before and before in _SENTENCE_END:  # …。(X负责) then more text
        return True
    return heading and nxt == ":"



def find_clauses(text: str, heading: bool = False, known=None):
    """The clauses of a paragraph, and the bracket groups that look like clauses but were not read.

    Returns ``(clauses, unread)``: a list of :class:`Clause` and a list of
    ``(start, end)`` of the unread groups' content.

    Examples
    --------
    >>> t = "1. 提升标准。开展工作。(责任单位:省质监局、省经信委)"
    >>> [t[c.start:c.end] for c in find_clauses(t)[0]]
    ['责任单位:省质监局、省经信委']
    >>> t = "降低成本。(财政部、税务总局按职责分工负责)"
    >>> [t[c.start:c.end] for c in find_clauses(t)[0]]
    ['财政部、税务总局按职责分工负责']
    >>> find_clauses("以“四无”(无证无照、无安全保障)企业为重点。")
    ([], [])
    >>> t = "推进工作。牵头单位:区政务服务中心;责任单位:区发展改革局"
    >>> [t[c.start:c.end] for c in find_clauses(t)[0]]
    ['牵头单位:区政务服务中心;责任单位:区发展改革局']
    """
    clauses, unread = [], []
    covered = []
    for a, b in _groups(text) if PARENS.search(text) else ():
        inner = text[a + 1:b]
        if _is_clause(inner, known):
            if _closes(text, a, b, heading):
                clauses.append(Clause(a + 1, b, True))
                covered.append((a, b + 1))
                continue
        if CLAUSE_WORDS.search(inner) and (LABEL.search(inner) or ROLE_VERB.search(inner.rstrip("。"))):
            unread.append((a + 1, b))
    label = _label_run(text, covered)
    if label:
        clauses.append(label)
    return clauses, unread


def _label_run(text: str, covered):
    """Labels that close a paragraph outside brackets: ``…。牵头单位:A;责任单位:B`` or a line of labels."""
    if ":" not in text:
        return None
    for m in LABEL.finditer(text):
        a = m.start()
        if any(x <= a < y for x, y in covered):
            continue
        before = text[:a].rstrip()
        if before and before[-1] not in _SENTENCE_END + ",":
            continue
        end = len(text.rstrip().rstrip("。"))
        if end > a and not any(x > a for x, _ in covered):
            return Clause(a, end, False)
        return None
    return None
