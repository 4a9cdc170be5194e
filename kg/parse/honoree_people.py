"""Reading the people of a commendation list: names, positions, the organisations they hold them in.

A person is written in one of these ways (offsets are into the paragraph's text):

- a name and a position, apart by one space (``郑 盛 临安市…局长``);
- fields apart by two spaces or a tab: ``齐文博  岚湖市东城区园林绿化局  副局长``,
  ``青岚市教育局    许晓帆``, a gender or ethnicity note after the name
  (``马秀兰(女,回族)``);
- the position in brackets after the name, several to a line: ``陈 默(县统计局股长)、刘思源(…)``;
- names only, apart by two spaces: ``王 峰  李秋月  赵 楠``;
- unit-name pairs apart by single spaces: ``市司法局 屈 洋 市农业农村局 向光明``;
- a name with an honorific: ``刘永坦院士``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.brackets import split_on, trim
from .grammar.honorees import BARE_PLACE, GENDER, HONORIFICS, PAREN_PERSON, TITLE_MODIFIERS, TITLES, unit_like
from .grammar.organisations import ends_like_organisation

__all__ = ["RawPerson", "split_position", "is_name", "read_people", "read_person", "read_pairs",
           "read_paren_people", "read_comma_people", "read_name_grid", "continue_position", "honorific_person", "PADDING"]

_FIELD = re.compile(r"\S+(?: \S+)*")   # a field: words apart by single spaces (fields: by two, or a tab)
#: A space padding a name or a title to a width: 主 任, 宁 芳
PADDING = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
_TOKEN = re.compile(r"\S+")
_TITLE_SET = frozenset(TITLES)
_TITLE_LENGTHS = tuple(sorted({len(t) for t in TITLES}, reverse=True))


def _title_before(position: str, cut: int) -> str | None:
    """The longest title ``position[:cut]`` ends with, or ``None``.

    >>> _title_before("办公室副主任", 6), _title_before("办公室副主任", 4)
    ('主任', None)
    """
    for n in _TITLE_LENGTHS:
        if n <= cut and position[cut - n:cut] in _TITLE_SET:
            return position[cut - n:cut]
    return None


@dataclass(slots=True, unsafe_hash=True)
class RawPerson:
    name: str
    start: int
    end: int
    position: str | None
    organisation: str | None
    gender: str | None


def split_position(position: str) -> tuple[str | None, str | None]:
    """The organisation and the titles closing a position text.

    Titles are taken off the end one by one (with 副, 原, 党委 … before
    them, and 、 or 兼 between them), so the work grows with the text.

    Examples
    --------
    >>> split_position("临安市人力社保局党委书记、局长")
    ('临安市人力社保局', '党委书记、局长')
    >>> split_position("遂昌县人武部原政工科科长"), split_position("岚湖市园林科学研究所")
    (('遂昌县人武部原政工科', '科长'), ('岚湖市园林科学研究所', None))
    >>> split_position("某某武装部原副部长兼科长"), split_position("某县人武部原副部长兼军事科科长")
    (('某某武装部', '原副部长兼科长'), ('某县人武部', '原副部长兼军事科科长'))
    """
    end = len(position)
    cut = end
    while True:
        title = _title_before(position, cut)
        if title is None:
            break
        cut -= len(title)
        while cut > 0:
            modifier = next((m for m in TITLE_MODIFIERS if position.endswith(m, 0, cut)), None)
            if modifier is None:
                break
            cut -= len(modifier)
        if cut > 0 and position[cut - 1] == "、":
            cut -= 1
            continue
        also = position.rfind("兼", max(0, cut - 10), cut)  # 副部长兼军事科科长: a second post after 兼
        if also > 0 and "、" not in position[also:cut] and _title_before(position, also):
            cut = also
            continue
        if not _title_before(position, cut):
            break
    while cut < end and position[cut] == "、":
        cut += 1
    if cut == end:
        return position or None, None
    return position[:cut] or None, position[cut:]


def is_name(text: str) -> bool:
    """Whether ``text`` reads as a person's name: two to four characters (more with ·), not a title, unit or place.

    >>> [is_name(t) for t in ("邓 岚", "欧阳清", "阿依古丽·艾力", "科 长", "市司法局", "青岚市", "苗圃管理科")]
    [True, True, True, False, False, False, False]
    """
    name = GENDER.sub("", text).replace(" ", "")
    letters = name.replace("·", "")
    longest = 10 if "·" in name else 4
    return (2 <= len(letters) <= longest and all("\u4e00" <= c <= "\u9fff" for c in letters)
            and not name.startswith("·") and name not in TITLES and not ends_like_organisation(name)
            and not BARE_PLACE.match(name))


def read_person(text: str, start: int, end: int) -> RawPerson | None:
    """A person line in any of its layouts, or ``None``.

    Examples
    --------
    >>> t = "宁 芳(女)  岚湖市西城区绿化养护中心  主 任"
    >>> p = read_person(t, 0, len(t)); (p.name, p.organisation, p.position, p.gender)
    ('宁芳', '岚湖市西城区绿化养护中心', '岚湖市西城区绿化养护中心主任', '女')
    >>> t = "青岚市教育局        许晓帆"
    >>> p = read_person(t, 0, len(t)); (p.name, p.organisation, p.position)
    ('许晓帆', '青岚市教育局', None)
    >>> t = "郑 盛 临安市人力社保局党委书记、局长"
    >>> p = read_person(t, 0, len(t)); (p.name, p.organisation, p.position)
    ('郑盛', '临安市人力社保局', '临安市人力社保局党委书记、局长')
    """
    fields = [m.span() for m in _FIELD.finditer(text.replace("\t", "  "), start, end)]
    fields = [(a, b) for a, b in fields if a < b]
    if not fields:
        return None
    first, last = fields[0], fields[-1]
    if len(fields) >= 2 and is_name(text[first[0]:first[1]]):
        rest = "".join(PADDING.sub("", text[a:b]) for a, b in fields[1:])
        return _person(text, first, rest, end)
    if len(fields) >= 2 and is_name(text[last[0]:last[1]]):
        unit = "".join(PADDING.sub("", text[a:b]) for a, b in fields[:-1])
        name, gender = _name(text[last[0]:last[1]])
        return RawPerson(name, first[0], last[1], None, unit, gender)
    start = trim(text, start, end)[0]  # the pattern opens at the first character that is not a space
    m = _ONE_FIELD.match(text, start, end)
    if m and is_name(m.group("name")):
        return _person(text, m.span("head"), PADDING.sub("", m.group("position")), end)
    return None


#: A person in one field, name and position apart by one space: 郑 盛 临安市…局长, 蒲晓晨(女) 某局科员
_ONE_FIELD = re.compile(r"""
    (?:[-*•]\s*)?                                          # a bullet (leading spaces are skipped first)
    (?P<head>(?P<name>[\u4e00-\u9fff](?:\ ?[\u4e00-\u9fff]){1,3}?)   # 郑 盛
        (?:\(\s*[^()\s]{1,6}\s*\))?)                         # (女)
    \s+ (?P<position>\S(?:.*\S)?) \s*$                       # 临安市人力社保局党委书记、局长
    """, re.VERBOSE)


def _person(text, name_span, position, end):
    name, gender = _name(text[name_span[0]:name_span[1]])
    organisation, title = split_position(position)
    return RawPerson(name, name_span[0], _trim_end(text, end), position, organisation if title else position,
                     gender)


def _name(field: str) -> tuple[str, str | None]:
    m = GENDER.search(field)
    gender = m.group("note") if m and m.group("note") in ("女", "男") else None
    return GENDER.sub("", field).replace(" ", ""), gender


def _trim_end(text, end):
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def read_pairs(text: str, start: int, end: int) -> tuple[list[RawPerson], int]:
    """``unit name`` pairs apart by single spaces, up to the first word that is neither.

    Returns the people and where reading stopped.

    Examples
    --------
    >>> t = "市人民政府办公室 龚 平 市自然资源局 盛晓燕 各单位要以先进为标杆,进一步提高"
    >>> people, stop = read_pairs(t, 0, len(t))
    >>> [(p.name, p.organisation) for p in people], t[stop:stop + 3]
    ([('龚平', '市人民政府办公室'), ('盛晓燕', '市自然资源局')], '各单位')
    >>> [(p.name, p.position) for p in read_pairs("蓬川县水利局 贾 岚 水旱灾害防御股股长", 0, 20)[0]]
    [('贾岚', '蓬川县水利局水旱灾害防御股股长')]
    """
    tokens = [m.span() for m in _TOKEN.finditer(text, start, end)]
    people, unit, k, stop = [], None, 0, start
    while k < len(tokens):
        a, b = tokens[k]
        word = text[a:b]
        if unit_like(word) and len(word) <= 30 and not is_name(word):
            unit = (a, word)
            k += 1
            continue
        # a padded two-character name is two one-character words
        if len(word) == 1 and k + 1 < len(tokens) and len(text[tokens[k + 1][0]:tokens[k + 1][1]]) == 1:
            b = tokens[k + 1][1]
            word = text[a:b]
            k += 1
        if unit is None and people and people[-1].position is None and split_position(word)[1] is not None:
            last = people[-1]  # 邵振川 党委书记: the title after the name
            people[-1] = RawPerson(last.name, last.start, b, last.organisation + word, last.organisation, last.gender)
            k += 1
            stop = b
            continue
        if unit is None or not is_name(word):
            return people, a
        name, gender = _name(word)
        people.append(RawPerson(name, unit[0], b, None, unit[1], gender))
        unit, stop = None, b
        k += 1
    return people, end if tokens else stop


def honorific_person(text: str) -> tuple[str, str] | None:
    """``(name, honorific)`` of a person named with an honorific, or ``None``.

    >>> honorific_person("刘永坦院士"), honorific_person("简·迪安·米勒教授"), honorific_person("甲有限公司")
    (('刘永坦', '院士'), ('简·迪安·米勒', '教授'), None)
    """
    text = text.strip()
    for title in HONORIFICS:
        name = text[:-len(title)]
        if text.endswith(title) and 2 <= len(name.replace("·", "")) <= 12 and not ends_like_organisation(name):
            return name, title
    return None


def continue_position(organisation: str, line: str) -> tuple[str, str] | None:
    """The position and organisation of a person whose line wrapped, or ``None`` if ``line`` does not go on.

    >>> continue_position("岚湖市北郊区园林绿化局(绿化办)", "苗圃管理科  科 长")
    ('岚湖市北郊区园林绿化局(绿化办)苗圃管理科科长', '岚湖市北郊区园林绿化局(绿化办)苗圃管理科')
    """
    position = organisation + PADDING.sub("", re.sub(r"\s{2,}|\t", "", line.strip()))
    unit, title = split_position(position)
    return (position, unit) if title else None


def read_paren_people(text: str, start: int, end: int) -> list[RawPerson]:
    """People written ``name(position)``, several to a line: ``陈 默(县统计局股长)、刘思源(普查中心副主任)``.

    >>> t = "陈 默(县统计局综合核算股股长)、刘思源(县统计局普查中心副主任)、"
    >>> [(p.name, p.organisation, p.position) for p in read_paren_people(t, 0, len(t))]
    [('陈默', '县统计局综合核算股', '县统计局综合核算股股长'), ('刘思源', '县统计局普查中心', '县统计局普查中心副主任')]
    """
    out = []
    for m in PAREN_PERSON.finditer(text, start, end):
        note = m.group("position")
        if GENDER.fullmatch(f"({note})") or not is_name(m.group("name")):
            continue
        position = PADDING.sub("", note.strip())
        organisation, title = split_position(position)
        name, gender = _name(m.group("name"))
        out.append(RawPerson(name, m.start("name"), m.end(), position, organisation if title else position, gender))
    return out


def read_comma_people(text: str, start: int, end: int) -> list[RawPerson]:
    """People written ``name,position;``, one or more to a line: ``齐慕白,市发改委科长;欧阳蔓(女),某中心代办员;``.

    >>> t = "齐慕白,市发展和改革委员会营商环境科科长;欧阳蔓(女),漪北区政务服务中心首席代办员;"
    >>> [(p.name, p.gender, p.organisation) for p in read_comma_people(t, 0, len(t))]
    [('齐慕白', None, '市发展和改革委员会营商环境科'), ('欧阳蔓', '女', '漪北区政务服务中心首席代办员')]
    """
    out = []
    for a, b in split_on(text, ";。", start, end):
        k = text.find(",", a, b)
        if k < 0 or not is_name(text[a:k]):
            return [] if not out else out
        x = k + 1
        position = PADDING.sub("", text[x:b].strip())
        if not position:
            return []
        organisation, title = split_position(position)
        name, gender = _name(text[a:k])
        out.append(RawPerson(name, a, b, position, organisation if title else position, gender))
    return out


def read_name_grid(text: str, start: int, end: int) -> list[RawPerson]:
    """Names only, apart by two spaces or a tab: ``王 峰  李秋月  赵 楠`` (empty unless every field is a name).

    >>> t = "王 峰  李秋月  欧阳朔"
    >>> [p.name for p in read_name_grid(t, 0, len(t))]
    ['王峰', '李秋月', '欧阳朔']
    """
    fields = [m.span() for m in _FIELD.finditer(text.replace("\t", "  "), start, end)]
    if len(fields) < 2 or not all(is_name(text[a:b]) for a, b in fields):
        return []
    return [RawPerson(*_name(text[a:b])[:1], a, b, None, None, _name(text[a:b])[1]) for a, b in fields]


def read_people(text: str, start: int, end: int) -> list[RawPerson]:
    """The people of one line, whichever way it writes them (empty when it writes none).

    >>> t = "马秀兰(女,回族)  瑶林县城关镇中心卫生院院长"
    >>> [(p.name, p.gender, p.organisation) for p in read_people(t, 0, len(t))]
    [('马秀兰', '女', '瑶林县城关镇中心卫生院')]
    """
    for reader in (read_paren_people, read_comma_people, read_name_grid):
        found = reader(text, start, end)
        if found:
            return found
    pairs, stop = read_pairs(text, start, end)
    if len(pairs) >= 2 or pairs and not text[stop:end].strip():  # every word read: 某局 邵振川 党委书记
        return pairs
    person = read_person(text, start, end)
    return [person] if person else pairs
