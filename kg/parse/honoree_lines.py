"""Reading the units of a commendation list, its tables, and where an award's name begins.

A unit list is split at ``、``, ``,`` and ``;``, and at white space where
every piece is a name (``青岚市    澜溪市``). A table's header row says which
column holds the name, the workplace, the position and the gender. People
are read by :mod:`.honoree_people`. All offsets are into the paragraph's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.brackets import split_top_level
from .grammar.honorees import AWARD_OPENS, CRITICISM, PRAISED, TABLE_COLUMNS, unit_like
from .honoree_people import honorific_person
from .grammar.organisations import ends_like_organisation

__all__ = ["list_line", "unit_groups", "unit_like", "award_start", "TableColumns", "table_header"]

#: What only a sentence holds: 要, 请, 希望, or a date (二○二四年三月)
_SENTENCE = re.compile(r"要|请|希望|[〇○零一二三四五六七八九0-9]{4}\s*年\s*[一二三四五六七八九十\d]{1,2}\s*月")
_TOKEN = re.compile(r"\S+")


def list_line(text: str) -> bool:
    """Whether a line can be part of a list (no sentence in it).

    >>> list_line("望川县人民政府"), list_line("受表彰单位要保持优势,带动全市提升。"), list_line("翁立,某局局长。")
    (True, False, True)
    """
    t = text.strip()
    return bool(t) and "。" not in t.rstrip("。") and not t.endswith(":") and not _SENTENCE.search(t) \
        and not PRAISED.search(t) and not CRITICISM.search(t)


def unit_groups(text: str, start: int, end: int) -> list[list[tuple[int, int]]]:
    """The unit names of a list, grouped by ``,`` / ``;`` (a group is often one city's).

    Examples
    --------
    >>> t = "杭州市江干区、上城区,宁波市北仑区 气象局 、烟草局"
    >>> [[t[a:b] for a, b in g] for g in unit_groups(t, 0, len(t))]
    [['杭州市江干区', '上城区'], ['宁波市北仑区', '气象局', '烟草局']]
    """
    groups = []
    for ga, gb in split_top_level(text, ",;", start, end):
        group = []
        for a, b in split_top_level(text, "、", ga, gb):
            tokens = [m.span() for m in _TOKEN.finditer(text, a, b)]
            if len(tokens) > 1 and all(unit_like(text[x:y]) for x, y in tokens):
                group.extend(tokens)  # 青岚市    澜溪市: names apart by spaces
            elif tokens:
                group.append((tokens[0][0], tokens[-1][1]))
        if group:
            groups.append(group)
    return groups


def award_start(text: str, start: int, end: int) -> int | None:
    """Where the award begins in the last name of a list it is given to, or ``None``.

    The award opens at a quote, at 第N届, or after the longest part that
    ends like an organisation (or a person with an honorific).

    Examples
    --------
    >>> t = "甲县茶叶服务中心第六届某省质量奖"
    >>> t[award_start(t, 0, len(t)):]
    '第六届某省质量奖'
    >>> t = "武警某中队“爱民模范中队”荣誉称号"
    >>> t[award_start(t, 0, len(t)):]
    '“爱民模范中队”荣誉称号'
    >>> t = "钱七虎院士国家最高科学技术奖"
    >>> t[award_start(t, 0, len(t)):]
    '国家最高科学技术奖'
    """
    if not re.search(r"(?:奖|称号)$", text[start:end]):
        return None
    opens = [m.start() for m in AWARD_OPENS.finditer(text, start, end) if m.start() > start + 1]
    for k in opens:
        if unit_like(text[start:k]) or honorific_person(text[start:k]):
            return k
    for k in range(end - 1, start + 1, -1):
        name = text[start:k]
        if honorific_person(name) or ends_like_organisation(name) or name.endswith(("学", "校")):
            return k
    return None


@dataclass(slots=True, unsafe_hash=True)
class TableColumns:
    """Which cell of a commendation table's row holds what (``None``: no such column)."""

    name: int
    people: bool
    workplace: int | None = None
    position: int | None = None
    gender: int | None = None

    def read(self, cells) -> dict | None:
        """The fields of a row given as ``(start, end, text)`` cells, or ``None`` if it has no name."""
        if self.name >= len(cells) or not cells[self.name][2].strip():
            return None

        def cell(k):
            return cells[k][2].strip() if k is not None and k < len(cells) and cells[k][2].strip() else None

        start, end, _ = cells[self.name]
        return {"start": start, "end": end, "workplace": cell(self.workplace), "position": cell(self.position),
                "gender": cell(self.gender)}


def table_header(texts: list[str]) -> TableColumns | None:
    """The columns a header row names, or ``None`` if it names no column of names.

    >>> table_header(["序号", "姓名", "性别", "工作单位", "职务"])
    TableColumns(name=1, people=True, workplace=3, position=4, gender=2)
    >>> table_header(["序号", "单位名称", "所属地区"]), table_header(["1", "甲局", "甲县"])
    (TableColumns(name=1, people=False, workplace=None, position=None, gender=None), None)
    """
    texts = [re.sub(r"\s", "", t) for t in texts]
    people = "姓名" in texts
    found: dict[str, int] = {}
    for k, t in enumerate(texts):
        for role, words in TABLE_COLUMNS.items():
            if t in words and role not in found and not (role == "name" and people and t != "姓名"):
                found[role] = k
                break
    if "name" not in found:
        return None
    return TableColumns(found["name"], people, found.get("workplace"), found.get("position"), found.get("gender"))
