"""Commended units and people, and the counts a commendation declares.

Only a commendation document (its title or opening says 表彰, 表扬, 授予,
先进 …) is read for honorees. Lists come in many layouts:

- headings that open a group, with a count or not: ``一、先进单位(41 个)``,
  ``一、“畅通杯”一档单位``, ``(一)设区市教育局(6个)``, ``先进个人(十名)``;
  the list on the heading's line (``先进市(2 个):杭州市、金华市``), groups
  inside one line (``(1)县政府工作部门(4个):财政局、民政局;(2)…``), a line
  per unit or person below it, numbered or not, or a table with a header row;
- award tiers: ``一等奖:青岚市 澜溪市``, ``获得二等奖的是:鹤山市、枫原市``;
- a line that announces the list (``获奖人员名单如下:``, an annex titled
  ``…先进集体名单``), place subgroups inside it (``檀州市(5个)``), or an annex
  line that carries it (``附件:…先进集体名单 白河河务局、省应急厅…``);
- sentences (:mod:`.honoree_sentences`): ``授予A、B第六届澜江质量奖``,
  ``A、B为县区级优胜单位``, ``A、B推进有力,予以通报表扬``, and the first-named
  of a group with its size (``授予邵明远等40人…称号``).

A list that blames (``三、批评单位``) is not read. Units in a comma group are
one city's, so a county without its city takes the group's city, or the place
table's; a unit name broken across two lines is joined. A bare place name under
a heading that names bureaus (``设区市教育局``) stands for that bureau. A
group's size stated in the text is checked against the names found; when the
text names only the first of a group, that honoree records the group's size
and a notice says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..records import Honoree
from ..reference.places import load_places
from ..text.numbers import chinese_to_int
from ..text.spacing import tidy
from ..vocabulary import HonoreeKind, NoticeCode
from .context import Context
from .grammar.document import ANNEX_LIST
from .grammar.honorees import (BARE_PLACE, BUREAU_HEADING, COLLECTIVE_MARK, COMMENDATION, COMMENDING, CRITICISM,
                               DECLARED, GROUP_WORDS, INLINE_GROUP, LIST_INTRO, LIST_MARKER, LISTED_BELOW, MERIT,
                               MIXED_COUNTS, PEOPLE_WORDS, PERSON_UNITS, PLACE_PREFIX, TIER)
from .grammar.honorees import unit_like
from .honoree_lines import TableColumns, list_line, table_header, unit_groups
from .honoree_people import continue_position, is_name, read_people
from .tables import table_cells

__all__ = ["find_honorees"]


@dataclass(slots=True)
class Group:
    """A list being read: its category, whether it lists people, the count it declares."""

    category: str
    people: bool
    declared: int | None = None
    line: int | None = None
    path: str = ""                       # the section path of a heading's group
    parent: Group | None = None
    found: list = field(default_factory=list)
    bureau: str | None = None            # 教育局 when the heading is 设区市教育局
    table: TableColumns | None = None    # the columns, once a table's header row is read
    place: str | None = None             # 檀州市 when a subgroup is a place's
    mixed: bool = False                  # units and people in one list: (4个集体、5名个人)

    @property
    def name(self) -> str:
        return self.category.rsplit("/", 1)[-1]

    def root(self) -> Group:
        return self.parent.root() if self.parent else self


def find_honorees(ctx: Context, title: str, parts, label: str):
    """Honorees of a document and its declared-count checks.

    ``parts`` is the document's ``(section, paragraph, is_heading)`` sequence
    in reading order (``section`` ``None`` before the first section).

    Returns
    -------
    (list of Honoree, list of (category, declared, found, line))
    """
    opening = " ".join(p.text for _, p, _ in parts[:8])
    if not (COMMENDATION.search(title or "") or COMMENDING.search(opening)):
        return [], []
    reader = Reader(ctx, label)
    for section, para, heading in parts:
        reader.paragraph(section, para, heading)
    return reader.finish()


class Reader:
    """Reads a document's paragraphs in order, keeping the group whose lines follow."""

    def __init__(self, ctx, label):
        self.ctx, self.label = ctx, label
        self.places = load_places().within(ctx.province)
        self.honorees: list[Honoree] = []
        self.groups: list[Group] = []       # every group, for the checks
        self.open: Group | None = None      # the group whose lines follow
        self.heads: dict[str, Group] = {}   # heading groups by section path
        self.first_named: list = []         # the first-named of groups (see honoree_sentences)
        self.award = None                   # the award a body sentence names (颁发…奖)
        self.pending = None                 # the start of a unit name the line broke: (para, a, b)
        self.skip_title = None              # an annex's title line, read with its heading
        self._pending_group: Group | None = None

    # -- reading order -------------------------------------------------------------------
    def paragraph(self, section, para, heading):
        from .honoree_sentences import read_sentences

        text = para.text
        if heading:
            self._heading(section, para)
            return
        if self.skip_title is not None and text.strip() == self.skip_title:
            self.skip_title = None
            return
        m = ANNEX_LIST.match(text)
        if m:
            self._annex(para, m)
            return
        if self._opens_group(para, 0, len(text)):
            return
        if INLINE_GROUP.search(text):  # 一、先进单位(8个): 甲局 乙局 二、先进个人(6名): … on one line
            self.close()
            self.inline(para, 0, len(text.rstrip().rstrip("。")), None)
            return
        if self.open is not None and list_line(text) and not INLINE_GROUP.search(text) and not TIER.match(text):
            for a, b in para.line_ranges():
                if not self._opens_group(para, a, b):
                    self.list_line(para, a, b, self.open)
            return
        self.close()
        read_sentences(self, para)

    def close(self):
        self._flush()
        self.open = None

    def _heading(self, section, para):
        self.close()
        text = para.text
        start = text.find(section.marker) + len(section.marker) if section.marker else 0
        head = text[start:len(text.rstrip().rstrip("。"))].strip() or section.title
        if not text[start:].strip() and section.title:
            self.skip_title = section.title  # 附件1 ⏎ 先进集体名单: the title is the next line
        parent = self.heads.get(section.parent) if section.parent else None
        m = DECLARED.match(head)
        if CRITICISM.search(head):
            return
        if self._mixed_or_listed_below(section, para, head):
            return
        item = parent is not None and not m and (unit_like(head) and not head.endswith(GROUP_WORDS)
                                                  or BARE_PLACE.match(head) or head.endswith(("局", "厅", "委")))
        grouping = m or BUREAU_HEADING.match(head) or (
            not item and len(head) <= 30 and head.endswith(GROUP_WORDS + ("名单",)) and "。" not in head)
        if not grouping:
            if parent is not None:  # 1.茗溪县人民政府: a numbered item of the list above
                self.open = parent
                self.list_line(para, start, len(text), parent)
            else:  # 一、给予甲大队、乙局记集体一等功。: a heading that is a sentence
                from .honoree_sentences import read_sentences

                read_sentences(self, para)
            return
        name = tidy(m.group("category")) if m else re.sub(r"^\d{4}年度?|名单$", "", head).strip() or head
        people = bool(m and m.group("unit") in PERSON_UNITS or PEOPLE_WORDS.search(name)
                      or (parent and parent.people and not m))
        group = Group(name, people, chinese_to_int(m.group("count")) if m else None, para.first_line, section.path,
                      bureau=_bureau(name))
        self.heads[section.path] = group
        self.groups.append(group)
        self.open = group
        if m and m.group("list"):
            offset = text.find(m.group("list"), start)
            self.inline(para, offset, offset + len(m.group("list").rstrip("。")), group)

    def _mixed_or_listed_below(self, section, para, head) -> bool:
        """Headings of lists that mix units and people, ``…奖章(4个集体、5名个人)``, or name
        what the lines below get: ``三、给予下列同志记一等功:``."""
        mixed = MIXED_COUNTS.search(head)
        below = LISTED_BELOW.search(head)
        if not (mixed or below and len(head) <= 40):
            return False
        if mixed:
            name, declared = head[:mixed.start()].strip(), sum(chinese_to_int(mixed.group(k)) for k in "ab")
            group = Group(name, False, declared, para.first_line, section.path, mixed=True)
        else:
            merit = MERIT.search(head)
            name = merit.group("merit") if merit else re.sub(r"[:。]+$", "", head)
            group = Group(name, below.group("who") in ("同志", "人员", "个人"), None, para.first_line, section.path)
        self.heads[section.path] = group
        self.groups.append(group)
        self.open = group
        return True

    def _opens_group(self, para, a, b) -> bool:
        """A line that opens a group: 获奖人员名单如下:, …先进个人名单, or 檀州市(5个) inside a list."""
        line = para.text[a:b].strip()
        if LIST_INTRO.search(line.rstrip("。")) and len(line) <= 60:
            self.close()
            category = self.award or re.sub(r"^\d{4}年度?|(?:名单|如下|名录|:)+$", "", line).strip() or "名单"
            people = bool(PEOPLE_WORDS.search(line)) or (
                not re.search("单位|集体", line) and any(f.kind == HonoreeKind.PERSON for f in self.first_named))
            self.open = Group(category, people, None, para.first_line)
            self.groups.append(self.open)
            return True
        m = DECLARED.match(line)
        if m and self.open is not None and not m.group("list"):
            self._flush()
            root = self.open.root()
            name = tidy(m.group("category"))
            place = name if BARE_PLACE.match(name) else None
            group = Group(root.category if place else f"{root.category}/{name}", root.people,
                          chinese_to_int(m.group("count")), para.first_line, parent=root, place=place)
            self.groups.append(group)
            self.open = group
            return True
        return False

    def _annex(self, para, m):
        """An annex line that carries its list: 附件:…先进集体名单 白河河务局、省应急厅…"""
        rest = m.group(2)
        k = rest.find("名单")
        if k < 0 or not rest[k + 2:].strip():
            return
        offset = para.text.find(rest) + k + 2
        category = re.sub(r"^\d{4}年度?", "", rest[:k]).strip() or "名单"
        group = Group(category, bool(PEOPLE_WORDS.search(category)), None, para.first_line)
        self.groups.append(group)
        self.list_line(para, offset, len(para.text.rstrip().rstrip("。")), group)
        self._flush()

    # -- lists ---------------------------------------------------------------------------
    def inline(self, para, start, end, parent):
        """A list on one line, perhaps split into groups: (1)甲(4个):…;(2)乙(3个):…"""
        text = para.text
        opens = list(INLINE_GROUP.finditer(text, start, end))
        if not opens:
            self.list_line(para, start, end, parent)
            return
        if parent is not None and text[start:opens[0].start()].strip(" ;,"):
            self.list_line(para, start, opens[0].start(), parent)
        for k, m in enumerate(opens):
            stop = opens[k + 1].start() if k + 1 < len(opens) else end
            name = tidy(m.group("category"))
            people = m.group("unit") in PERSON_UNITS or bool(PEOPLE_WORDS.search(name))
            group = Group(f"{parent.category}/{name}" if parent else name, people, chinese_to_int(m.group("count")),
                          para.first_line, parent=parent, bureau=_bureau(name))
            self.groups.append(group)
            self.list_line(para, m.end(), stop, group)
            self._flush()

    def list_line(self, para, start, end, group) -> list[Honoree]:
        """The honorees of ``para.text[start:end]``, one line of ``group``'s list."""
        text = para.text
        cells = table_cells(text[start:end])
        if len(cells) >= 2:
            return self._table_row(para, start, [(start + a, start + b, t) for a, b, t in cells], group)
        m = LIST_MARKER.match(text, start)
        if m and m.end() < end:
            start = m.end()
        m = PLACE_PREFIX.match(text, start)
        if m and not group.people and m.end() < end:  # 栖梧市:甲中心、乙医院
            start, place = m.end(), m.group("place")
            new = [replace(h, place=h.place or place) for h in self._units(para, start, end, group)]
        elif COLLECTIVE_MARK.search(text, start, end):  # 甲医院(集体) among people
            new = self._units(para, start, COLLECTIVE_MARK.search(text, start, end).start(), group)
        elif group.people or group.mixed and _fields_open_with_a_name(text[start:end]):
            new = self._people(para, start, end, group)
        else:
            new = self._units(para, start, end, group)
        group.found.extend(new)
        self.honorees.extend(new)
        return new

    def _people(self, para, start, end, group):
        text = para.text
        people = read_people(text, start, end)
        if not people:
            if text[start:end].strip() and not self._continues(text[start:end], group):
                self.ctx.notice(NoticeCode.HONOREE_UNREADABLE, f"line under {group.category!r} is not "
                                "'name position'", para.index.line_of(para.source_offset(start)), self.label)
            return []
        out = []
        for p in people:
            place = self.places.locate(p.organisation or "") if self.places else None
            out.append(Honoree(HonoreeKind.PERSON, p.name, group.category, para.span(p.start, p.end),
                               position=p.position, organisation=p.organisation, place=place and place[0],
                               parent_place=place and place[1], gender=p.gender))
        return out

    def _continues(self, line, group):
        """A wrapped person line (岚湖市北郊区园林绿化局(绿化办) ⏎ 苗圃管理科  科 长): joined to the one before."""
        last = group.found[-1] if group.found else None
        if last is None or last.kind != HonoreeKind.PERSON or last is not self.honorees[-1]:
            return False
        joined = continue_position(last.organisation or "", line)
        if joined is None:
            return False
        self.honorees[-1] = group.found[-1] = replace(last, position=joined[0], organisation=joined[1])
        return True

    def _table_row(self, para, start, cells, group):
        texts = [t for _, _, t in cells]
        header = table_header(texts)
        if header is not None and not any(re.search(r"\d", t) for t in texts):
            group.table = header
            group.people = header.people
            return []
        columns = group.table or TableColumns(1 if len(cells) > 1 and texts[0].strip().isdigit() else 0, group.people)
        row = columns.read(cells)
        if row is None:
            return []
        a, b = row["start"], row["end"]
        name = re.sub(r"\s", "", para.text[a:b])
        if columns.people:
            position = (row["workplace"] or "") + (row["position"] or "") or None
            gender = row["gender"] if row["gender"] in ("男", "女") else None
            new = [Honoree(HonoreeKind.PERSON, name, group.category, para.span(a, b), position=position,
                           organisation=row["workplace"], gender=gender)]
        else:
            new = self._units(para, a, b, group)
        group.found.extend(new)
        self.honorees.extend(new)
        return new

    def _units(self, para, start, end, group) -> list[Honoree]:
        """Units of a list; each comma group is one city's; a name the line broke is joined."""
        text = para.text
        groups = unit_groups(text, start, end)
        if self.pending is not None and groups:
            p_para, pa, pb = self.pending
            a, b = groups[0][0]
            joined = p_para.text[pa:pb] + text[a:b]
            if unit_like(joined):  # 市水文水资 ⏎ 源勘测中心
                self.pending = None
                span = p_para.index.span(p_para.source_offset(pa), para.source_offset(b - 1) + 1)
                first = self._unit(joined, span, group, None, None)
                groups[0] = groups[0][1:]
                return [first] + self._unit_list(para, [g for g in groups if g], group)
        self._flush()
        if groups and groups[-1] and not text[start:end].rstrip().endswith(("、", ",", ";")):
            a, b = groups[-1][-1]
            if not unit_like(text[a:b].strip()) and len(groups[-1]) + len(groups) > 2:
                self.pending = (para, a, b)
                groups[-1] = groups[-1][:-1]
                self._pending_group = group
        return self._unit_list(para, [g for g in groups if g], group)

    def _flush(self):
        """A broken-off name that nothing continued stands as it is."""
        if self.pending is None:
            return
        para, a, b = self.pending
        self.pending = None
        group = self._pending_group
        h = self._unit(para.text[a:b].strip(), para.span(a, b), group, None, None)
        group.found.append(h)
        self.honorees.append(h)

    def _unit_list(self, para, groups, group) -> list[Honoree]:
        out = []
        for pieces in groups:
            named = []
            for a, b in pieces:
                name = para.text[a:b].strip()
                if 2 <= len(name) <= 60:
                    named.append((a, b, name, self.places.locate(name) if self.places else None))
            group_city = next((loc[1] for _, _, name, loc in named if loc and loc[1] and name.startswith(loc[1])), None)
            for a, b, name, loc in named:
                place, parent = loc if loc else (None, None)
                if loc is None and group_city and name.endswith(("县", "区", "市")):
                    place, parent = name, group_city
                if parent and group_city and parent != group_city:
                    self.ctx.notice(NoticeCode.PLACE_CONFLICT, f"{name} is listed with {group_city} "
                                    f"but the place table puts it in {parent}", para.first_line)
                out.append(self._unit(name, para.span(a, b), group, place, parent))
        return out

    def _unit(self, name, span, group, place, parent) -> Honoree:
        organisation = name + group.bureau if group.bureau and BARE_PLACE.match(name) else None
        return Honoree(HonoreeKind.UNIT, name, group.category, span, organisation=organisation,
                       place=place or group.place, parent_place=parent)

    def add(self, group: Group, honorees: list[Honoree]):
        group.found.extend(honorees)
        self.honorees.extend(honorees)

    # -- checks --------------------------------------------------------------------------
    def finish(self):
        self.close()
        checks = []
        for f in self.first_named:
            group = next((g for g in self.groups if any(_same_honoree(h.name, f.name) for h in g.found)), None)
            if group is not None:
                top = group.root()
                if top.declared is None:
                    top.declared, top.line = f.count, f.para.first_line
                continue
            self.honorees.append(Honoree(f.kind, f.name, f.category, f.para.span(f.start, f.end), position=f.title,
                                         group_size=f.count))
            checks.append((f.category, f.count, 1, f.para.first_line))
            self.ctx.notice(NoticeCode.HONOREES_NOT_LISTED, f"{f.category}: the text names {f.name} first of "
                            f"{f.count} and lists no others", f.para.first_line, self.label)
        for g in self.groups:
            if g.declared is None:
                continue
            found = self._count(g)
            checks.append((g.name, g.declared, found, g.line))
            if found != g.declared:
                self.ctx.notice(NoticeCode.COUNT_MISMATCH,
                                f"{g.category}: the text declares {g.declared}, {found} were extracted", g.line,
                                self.label)
        return self.honorees, checks

    def _count(self, group: Group) -> int:
        """How many honorees a group holds: its own, its subgroups', and (a heading's) the headings' below it."""
        found = _own(group, self.groups)
        if group.path:
            found += sum(_own(h, self.groups) for h in self.groups
                         if h.path.startswith(group.path + ".") and h.parent is None)
        return found


def _own(group: Group, groups) -> int:
    """The honorees of a group and of the groups inside its lines."""
    return len(group.found) + sum(_own(g, groups) for g in groups if g.parent is group)


def _fields_open_with_a_name(line: str) -> bool:
    """A line whose first field (before two spaces or a tab) is a person's name: 阙明远  某公司司机."""
    first = re.split(r"\s{2,}|\t", line.strip(), maxsplit=1)
    return len(first) == 2 and is_name(first[0])


def _same_honoree(listed: str, first: str) -> bool:
    """Whether the first-named of a sentence is a listed name (县第一中学 is 鹿鸣县第一中学)."""
    return listed == first or len(first) >= 4 and (listed.endswith(first) or first.endswith(listed))


def _bureau(heading: str) -> str | None:
    """The bureau a heading's bare place names stand for: 设区市教育局 → 教育局."""
    m = BUREAU_HEADING.match(heading)
    return m.group("bureau") if m else None
