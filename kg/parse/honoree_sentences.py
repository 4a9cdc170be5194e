"""Honorees named in sentences rather than lists.

- award tiers opening a clause: ``一等奖:青岚市 澜溪市``, ``获得二等奖的是:鹤山市、枫原市``;
- the first-named of a group and its size: ``授予邵明远等40人“劳动模范”称号``,
  ``对澜溪市人民政府等64个先进集体及韦立群等118名先进个人予以通报表扬``;
- an award after the list it is given to: ``授予A、B、C第六届澜江质量奖``;
- units named as something: ``A、B为县区级优胜单位``;
- units praised by the sentence they open: ``A、B推进有力,予以通报表扬`` (never ``予以通报批评``),
  or listed after it: ``对甲等单位给予通报表扬:甲、乙、丙``;
- merits: ``给予甲大队、乙局记集体一等功``.

Each rule hands the names it finds to the :class:`~kg.parse.honorees.Reader`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Honoree
from ..text.brackets import split_top_level
from ..text.numbers import chinese_to_int
from ..text.spacing import tidy
from ..vocabulary import HonoreeKind
from .grammar.honorees import (AWARD, CRITICISM, FIRST_NAME_LEAD, FIRST_NAMED, MERIT, NAMED_AS, PEOPLE_WORDS,
                               PERSON_UNITS, PRAISED, TIER)
from .grammar.organisations import ends_like_organisation
from .grammar.honorees import unit_like
from .honoree_lines import award_start
from .honoree_people import honorific_person

__all__ = ["FirstNamed", "read_sentences"]

_AWARD_GIVEN = re.compile(r"颁发(?P<award>[^,;。]{2,30}?(?:奖|称号))")   # 向…颁发2023年度城市绿化贡献奖
_QUOTED = re.compile(r"“([^”]{2,30})”")                                 # “青岚市劳动模范”称号
_NAMED_AS = re.compile(r"为(.{2,40})$")                                  # …为国家林业产业示范园区
_YEAR = re.compile(r"^\d{4}年度?")                                        # 2023年度
_GIVER = re.compile(r"^(?:市政府|省政府|县政府|区政府)?(?:决定|同意)?")  # 市政府决定
_HONORARY = re.compile(r"^“([^”]+)”(?:荣誉)?称号$")                     # “井冈山爱民模范中队”荣誉称号


@dataclass(slots=True, unsafe_hash=True)
class FirstNamed:
    """The first-named member of a group the text counts: 授予邵明远等40人…"""

    name: str
    kind: HonoreeKind
    count: int
    category: str
    para: object
    start: int
    end: int
    title: str | None  # an honorific after the name: 教授


def read_sentences(reader, para) -> None:
    """Every rule, clause by clause, over one paragraph of prose."""
    from .honorees import Group

    text = para.text
    for a, b in split_top_level(text, "。;", 0, len(text)):
        tier = TIER.search(text, a, b)
        if tier and (not text[a:tier.start()].strip() or text[tier.start() - 1] in ",:"):
            group = Group(_award_name(reader, tier.group("tier")), False, None, para.first_line)
            reader.groups.append(group)
            reader.list_line(para, tier.end(), b, group)
            reader.close()
            continue
        _first_named(reader, para, a, b)
        _awarded(reader, para, a, b, Group)
        _named_as(reader, para, a, b, Group)
        _praised(reader, para, a, b, Group)
        _merit(reader, para, a, b, Group)
    award = _AWARD_GIVEN.search(text)
    if award:
        reader.award = _YEAR.sub("", award.group("award"))


def _award_name(reader, tier):
    return f"{reader.award}{tier}" if reader.award and not reader.award.endswith(tier) else tier


def first_name(raw: str) -> str:
    """The name before 等 without the words that lead to it.

    >>> first_name("市政府决定向齐文博"), first_name("在工作中成绩突出的甲局"), first_name("我局同意认定命名乙园区")
    ('齐文博', '甲局', '乙园区')
    """
    m = re.search("授予|给予|对|向", raw)
    if m and len(raw) - m.end() >= 2:
        raw = raw[m.end():]
    if "的" in raw:
        raw = raw[raw.rindex("的") + 1:]
    return FIRST_NAME_LEAD.sub("", raw)


def _first_named(reader, para, a, b):
    text = para.text
    for m in FIRST_NAMED.finditer(text, a, b):
        name = first_name(m.group("name"))
        count = chinese_to_int(m.group("count"))
        what = m.group("what")
        if not name or count is None or len(name) > 40 or CRITICISM.search(text, m.end(), b):
            continue
        people = m.group("unit") in PERSON_UNITS or bool(PEOPLE_WORDS.match(what.lstrip()))
        quoted, named_as = _QUOTED.search(what), _NAMED_AS.search(what)
        category = quoted.group(1) if quoted else named_as.group(1) if named_as else \
            re.sub(r"^[^\u4e00-\u9fff]*", "", what.split("予以")[0]).strip() or "表彰"
        start = m.start("name") + m.group("name").find(name)
        end = start + len(name)
        honorific = honorific_person(name)
        if honorific:  # 简·迪安·米勒教授等5名外国专家
            name, people = honorific[0], True
        kind = HonoreeKind.PERSON if people else HonoreeKind.UNIT
        reader.first_named.append(FirstNamed(name, kind, count, tidy(category), para, start, end,
                                             honorific[1] if honorific else None))


def _awarded(reader, para, a, b, Group):
    """授予A、B、C第六届澜江质量奖, 授予甲中队“模范中队”荣誉称号, 授予刘某院士、钱某院士最高科学技术奖."""
    text = para.text
    m = AWARD.search(text, a, b)
    if not m or FIRST_NAMED.search(text, m.start(), b) or text[m.end("verb"):].startswith("“"):
        return
    body_start, body = m.start("body"), m.group("body")
    last_start = body_start + (body.rindex("、") + 1 if "、" in body else 0)
    cut = award_start(text, last_start, body_start + len(body))
    if cut is None:
        return
    award = text[cut:body_start + len(body)]
    group = Group(_HONORARY.sub(r"\1", award).strip("“”"), False, None, para.first_line)
    reader.groups.append(group)
    pieces = split_top_level(text, "、", body_start, cut)
    people = [honorific_person(text[x:y]) for x, y in pieces]
    if all(people):
        group.people = True
        reader.add(group, [Honoree(HonoreeKind.PERSON, name, group.category, para.span(x, y), position=title)
                           for (x, y), (name, title) in zip(pieces, people)])
        return
    reader.list_line(para, body_start, cut, group)


def _named_as(reader, para, a, b, Group):
    """石屏县人民政府、东渡县人民政府为全市…县区级优胜单位"""
    text = para.text
    for ca, cb in split_top_level(text, ",", a, b):
        m = NAMED_AS.search(text, ca, cb)
        if not m or "等" in m.group("list") or CRITICISM.search(m.group("category")):
            continue
        names = _GIVER.sub("", m.group("list"))
        if not all(ends_like_organisation(n.strip()) for n in names.split("、")):
            continue
        group = Group(re.sub(r"^全[省市县区]", "", m.group("category")), False, None, para.first_line)
        reader.groups.append(group)
        start = m.start("list") + m.group("list").find(names)
        reader.list_line(para, start, m.end("list"), group)


def _merit(reader, para, a, b, Group):
    """给予栖梧市消防救援支队特勤大队、榴溪县应急管理局记集体一等功"""
    text = para.text
    m = MERIT.search(text, a, b)
    if not m or re.search("下列|以下", m.group("list")):
        return
    group = Group(m.group("merit"), not m.group("merit").startswith("集体"), None, para.first_line)
    reader.groups.append(group)
    reader.list_line(para, m.start("list"), m.end("list"), group)


def _praised(reader, para, a, b, Group):
    """区交通运输局、荷塘街道办事处推进有力、进度超前,予以通报表扬: the units the sentence opens with;
    or, after a colon, the units it lists: 对甲等单位给予通报表扬:甲、乙、丙."""
    text = para.text
    praise = PRAISED.search(text, a, b)
    if not praise or CRITICISM.search(text, a, praise.start()) or AWARD.search(text, a, b):
        return
    after = praise.end()
    while after < b and text[after] in " :":
        after += 1
    if after > praise.end() and ":" in text[praise.end():after]:
        group = Group("通报表扬", False, None, para.first_line)
        reader.groups.append(group)
        reader.list_line(para, after, len(text[:b].rstrip().rstrip("。")), group)
        return
    if FIRST_NAMED.search(text, a, b):
        return
    a, b = split_top_level(text, ",", a, b)[0]  # the units open the sentence, before its first comma
    if "等" in text[a:b] or re.search("对|决定|经", text[a:b]):
        return
    names = []
    for x, y in split_top_level(text, "、", a, b):
        piece = text[x:y].strip()
        if unit_like(piece):
            names.append((x, y))
            continue
        cut = next((k for k in range(y - 1, x + 1, -1) if ends_like_organisation(text[x:k])), None)
        if cut is not None:
            names.append((x, cut))
        break
    if not names:
        return
    group = Group("通报表扬", False, None, para.first_line)
    reader.groups.append(group)
    reader.list_line(para, names[0][0], names[-1][1], group)
