"""Commended units and people, and the counts a commendation declares.

A commendation list sits under headings that declare a count:
``一、先进单位(41 个)``, ``(一)先进市(2 个):杭州市、金华市。``,
``二、先进个人(56名)`` followed by one person a line (``郑 盛 临安市…局长``).
Units are grouped by comma: a group is one city, so a county without its
city (``海盐县、桐乡市``) takes the group's city, or the place table's.
"""

from __future__ import annotations

import re

from ..reference.places import load_places
from ..records import Honoree
from ..text.brackets import split_top_level
from ..text.spacing import tidy
from ..vocabulary import HonoreeKind, NoticeCode
from .context import Context
from .grammar.honorees import DECLARED, PERSON, POSITION_TITLE
from .sections import SectionItem

__all__ = ["find_honorees"]


def find_honorees(ctx: Context, items: list[SectionItem], label: str):
    """Honorees under count-declaring headings, and the declared-count checks.

    Returns
    -------
    (list of Honoree, list of (category, declared, found, line))
    """
    places = load_places().within(ctx.province)
    honorees: list[Honoree] = []
    checks = []
    found_under: dict[str, int] = {}
    for item in items:
        head = item.paragraphs[0]
        text = head.text[head.text.find(item.section.marker) + len(item.section.marker):].strip().rstrip("。")
        m = DECLARED.match(text)
        if not m:
            continue
        category = tidy(m.group("category"))
        new: list[Honoree] = []
        if m.group("list"):
            offset = head.text.find(m.group("list"), head.text.find(item.section.marker))
            new = _units(ctx, head, offset, offset + len(m.group("list").rstrip("。")), category, places)
        elif m.group("unit") in ("名", "人", "位"):
            for p in item.paragraphs[1:]:
                person = _person(p, category, places)
                if person:
                    new.append(person)
                else:
                    ctx.notice(NoticeCode.HONOREE_UNREADABLE, f"line under {category!r} is not 'name position'",
                               p.first_line, label)
        honorees.extend(new)
        found_under[item.section.path] = len(new)
        checks.append((item.section.path, category, int(m.group("count")), head.first_line))
    results = []
    for path, category, declared, line in checks:
        found = sum(n for p, n in found_under.items() if p == path or p.startswith(path + "."))
        results.append((category, declared, found, line))
        if found != declared:
            ctx.notice(NoticeCode.COUNT_MISMATCH, f"{category}: the text declares {declared}, {found} were extracted",
                       line, label)
    return honorees, results


def _units(ctx, para, start, end, category, places):
    """Units of a list; each comma group is one city's."""
    out = []
    for ga, gb in split_top_level(para.text, ",;", start, end):
        group = []
        for a, b in split_top_level(para.text, "、", ga, gb):
            name = para.text[a:b].strip()
            group.append((a, b, name, places.locate(name) if places else None))
        # The city a group names explicitly (杭州市江干区 → 杭州市).
        group_city = next((loc[1] for _, _, name, loc in group
                           if loc and loc[1] and name.startswith(loc[1])), None)
        for a, b, name, loc in group:
            place, parent = loc if loc else (None, None)
            if loc is None and group_city and name.endswith(("县", "区", "市")):
                place, parent = name, group_city
            if parent and group_city and parent != group_city:
                ctx.notice(NoticeCode.PLACE_CONFLICT, f"{name} is listed with {group_city} "
                           f"but the place table puts it in {parent}", para.first_line)
            out.append(Honoree(HonoreeKind.UNIT, name, category, para.span(a, b), place=place, parent_place=parent))
    return out


def _person(para, category, places):
    m = PERSON.match(para.text)
    if not m:
        return None
    name = re.sub(r"\s", "", m.group("name"))
    position = m.group("position").strip()
    t = POSITION_TITLE.search(position)
    organisation = position[:t.start()] if t and t.start() > 0 else None
    place = parent = None
    if places:
        found = places.locate(position)
        if found:
            place, parent = found
    a = m.start("name")
    return Honoree(HonoreeKind.PERSON, name, category, para.span(a, m.end("position")), position=position,
                   organisation=organisation, place=place, parent_place=parent)
