"""Tasks: the items of a document that carry responsibility, with every organisation and its role.

An item's clauses (:mod:`.clauses`, read by :mod:`.responsibility`) give its
own responsibilities; an overall lead on a heading (``(X总牵头)``) passes to
the items below it; a standing rule (``以下各项均由各区人民政府负责落实,不再逐项列出``)
adds implied units, sourced at the rule, to every later task; table rows with
a 牵头单位 / 责任单位 column are tasks too; a sentence ``由X牵头…`` in an item
without a clause is read as prose. Text that looks like a clause and is not
read gives a ``responsibility-unread`` notice with its line.
"""

from __future__ import annotations

import re
from itertools import chain
from dataclasses import dataclass

from ..records import Responsibility, Section, Task
from ..text.brackets import split_top_level, trim
from ..vocabulary import NoticeCode, Role
from .clauses import find_clauses, looks_like_units
from .context import Context
from .grammar.responsibility import FIRST_LEADS, LABEL, LABELS, LEAD_RULE_WORD, STANDING, STANDING_WORD
from .responsibility import ClauseRules, RawResponsibility, read_clause, split_units
from .sections import SectionItem
from .tables import table_cells

__all__ = ["read_tasks", "ClauseCounts"]

#: A prose assignment: 由平安办牵头, 由X负责
_PROSE = re.compile(r"由(?P<orgs>[^,;。由]{2,40}?)(?P<verb>牵头|负责(?!解释))(?P<rest>[^。;]*)")
_WITH = re.compile(r",?(?:联合|会同|协调|配合)?(?P<orgs>[^,;。]{2,60}?)(?:等(?:有关|相关)?(?:部门|单位)|(?=[,;。]|$))")
_TASK_COLUMN = re.compile(r"任务|项目|事项|工作|内容|措施|名称")
_SERIAL = re.compile(r"^\s*(?:序号|\d{1,3})\s*$")


@dataclass(slots=True)
class ClauseCounts:
    """How many responsibility clauses a document's text holds, read and not read."""

    read: int = 0
    unread: int = 0


def read_tasks(ctx: Context, items: list[SectionItem], year, label, body=()) -> tuple[list[Task], ClauseCounts]:
    """The tasks of a document's section ``items``; ``body`` holds the paragraphs outside any item."""
    rules, counts = ClauseRules(), ClauseCounts()
    overall: dict[str, list[Responsibility]] = {}
    by_path = {item.section.path: item for item in items}
    tasks: list[Task] = []
    units = []  # (item, [(paragraph, RawResponsibility)], clause span, deadline, implied at the time)
    for item in _with_body(body, items):
        raws, clause_span, deadline = [], None, None
        for n, p in enumerate(item.paragraphs):
            _standing(ctx, p, rules)
            found = item.heading_clauses if n == 0 else None
            clauses, unread = found or find_clauses(p.text, heading=(n == 0), known=ctx.known)
            counts.unread += len(unread)
            for a, b in unread:
                ctx.notice(NoticeCode.RESPONSIBILITY_UNREAD, "text that looks like a responsibility clause was not "
                           f"read: {p.text[a:b][:40]!r}", p.span(a, b).line, label)
            for c in clauses:
                read = read_clause(p.text, c.start, c.end, rules)
                counts.read += 1
                raws.extend((p, r) for r in read.mentions)
                rules.implied.extend((m, x, y, p) for m, x, y in read.implied)
                deadline = read.deadline or deadline
                clause_span = _join(ctx, clause_span, p.span(c.start, c.end))
            if not clauses and n < 3:
                for r, span in _prose(p, ctx):
                    raws.append((p, r))
                    clause_span = _join(ctx, clause_span, span)
        for rows in chain(_table_rows(ctx, item), _bare_rows(item)):
            tasks.append(_task(ctx, item, rows, year, label, overall, by_path, rules, len(tasks)))
            counts.read += 1
        for k, (p, raws_of_line) in enumerate(_duty_lines(ctx, item)):
            resp = _own(ctx, [(p, r) for r in raws_of_line], year, label)
            span = p.span(*p.stripped())
            tasks.append(Task(f"{item.section.path}.duty{k + 1}", item.section.path, p.text[:p.text.index(":")][:80],
                              span, span, _co_leads(resp)))
            counts.read += 1
        units.append((item, raws, clause_span, deadline, list(rules.implied)))
    for item, raws, clause_span, deadline, implied in units:
        own = [(p, r) for p, r in raws if r.role != Role.OVERALL_LEAD]
        section_level = [(p, r) for p, r in raws if r.role == Role.OVERALL_LEAD]
        if section_level:
            overall[item.section.path] = [_responsibility(ctx, p, r, k, year, label)
                                          for k, (p, r) in enumerate(section_level)]
        inherited = _inherited(overall, item, by_path)
        if not own and not (inherited and not item.children):
            continue
        resp = _own(ctx, own, year, label) + inherited
        resp += _implied(ctx, implied, resp, year, label)
        tasks.append(Task(item.section.path, item.section.path, item.section.title, _item_span(ctx, item),
                          clause_span or item.section.span, _co_leads(resp), deadline))
    tasks.sort(key=lambda t: t.span.start)
    return tasks, counts


def _with_body(body, items):
    """The document's items, after a pseudo-item of the paragraphs outside any item (labels before the title …)."""
    if not body:
        return items
    first = body[0]
    section = Section("body", "", "body", "", first.span(*first.stripped()))
    return [SectionItem(section, list(body))] + list(items)


def _standing(ctx, p, rules):
    """Rules stated in running text (not in a clause) for every later task.

    A standing rule names implied units (``各市人民政府负责本地区组织实施,不再逐项列出``);
    ``排在第一位的为牵头单位`` makes the first unit of each later clause its lead.
    """
    m = FIRST_LEADS.search(p.text) if LEAD_RULE_WORD in p.text else None
    if m and p.text.rfind("(", 0, m.start()) <= p.text.rfind(")", 0, m.start()):
        rules.first_leads = True
    if STANDING_WORD not in p.text:
        return
    for m in STANDING.finditer(p.text):
        if p.text.rfind("(", 0, m.start()) > p.text.rfind(")", 0, m.start()):
            continue  # inside a bracket: the clause reader takes it
        for name, x, y, _, _ in split_units(p.text, m.start("orgs"), m.end("orgs")):
            rules.implied.append((name, x, y, p))


def _own(ctx, own, year, label):
    has_lead = any(r.role in (Role.LEAD, Role.OVERALL_LEAD) for _, r in own)
    out = []
    for k, (p, r) in enumerate(own):
        if r.role == Role.RESPONSIBLE and has_lead and r.rule == "no-lead-designated":
            r = RawResponsibility(r.mention, r.start, r.end, Role.PARTICIPANT, "beside-lead", r.nonexhaustive)
        out.append(_responsibility(ctx, p, r, k, year, label))
    return out


def _responsibility(ctx, p, r: RawResponsibility, k, year, label):
    org = ctx.organisation(r.mention, p.span(r.start, r.end), year, label)
    return Responsibility(org, Role(r.role), r.rule, k, r.nonexhaustive)


def _implied(ctx, implied, resp, year, label):
    named = {r.org.organisation for r in resp}
    out = []
    for name, x, y, p in implied:
        org = ctx.organisation(name, p.span(x, y), year, label)
        if org.organisation not in named:
            named.add(org.organisation)
            out.append(Responsibility(org, Role.IMPLIED, "standing-rule", len(resp) + len(out)))
    return out


def _co_leads(resp: list[Responsibility]) -> list[Responsibility]:
    """Several organisations leading one task are co-leads."""
    leads = {r.org.organisation for r in resp if r.role == Role.LEAD}
    if len(leads) < 2:
        return resp
    return [Responsibility(r.org, Role.CO_LEAD, r.rule, r.position, r.nonexhaustive) if r.role == Role.LEAD else r
            for r in resp]


def _prose(p, ctx):
    """``由X牵头,联合A、B等部门…`` and ``由X负责…`` in running text: X leads (or is responsible), A and B take part."""
    if "由" not in p.text:
        return
    standing = [(m.start(), m.end()) for m in STANDING.finditer(p.text)] if STANDING_WORD in p.text else []
    for m in _PROSE.finditer(p.text):
        if any(a <= m.start() < b for a, b in standing):
            continue  # a standing rule, read as such
        if not _clause_start(p.text, m.start()):
            continue  # …的60%由X负责: a share of a duty, not an assignment
        lead = [n for n in split_units(p.text, m.start("orgs"), m.end("orgs")) if _unit(n[0], ctx)]
        if not lead:
            continue
        role = Role.LEAD if m.group("verb") == "牵头" else Role.RESPONSIBLE
        for name, x, y, open_list, _ in lead:
            yield RawResponsibility(name, x, y, role, "prose", open_list), p.span(m.start(), m.end())
        if role != Role.LEAD:
            continue
        w = _WITH.match(p.text, m.start("rest"), m.end("rest"))
        if not w:
            continue
        open_list = p.text.startswith("等", w.end("orgs"))
        names = split_units(p.text, w.start("orgs"), w.end("orgs"))
        if len(names) < 2 and not w.group(0).lstrip(",").startswith(("联合", "会同", "协调", "配合")):
            continue  # 由X牵头核查…: a verb, not a list of participants
        for name, x, y, _, _ in names:
            cut = _unit_prefix(name, ctx)
            if cut:
                yield RawResponsibility(cut, x, x + len(cut), Role.PARTICIPANT, "prose", open_list), \
                    p.span(m.start(), w.end())


_DUTY = re.compile(r"^\s*(?P<units>[^:,;。\s][^:,;。]{1,59}?)\s*:\s*(?P<duty>\S)")


def _duty_lines(ctx, item):
    """Lines that give a unit its duties, ``市发改部门:依照…;牵头…``, two or more in a row.

    The unit leads where its duties open with 牵头, else it is responsible.
    """
    run = []
    for p in item.paragraphs:
        m = _DUTY.match(p.text)
        duty = p.text[m.start("duty"):].strip().rstrip("。") if m else ""
        if m and not LABEL.match(p.text) and looks_like_units(m.group("units"), ctx.known) \
                and not looks_like_units(duty, ctx.known):  # 栖梧市:甲中心、乙医院 lists units, not duties
            role = Role.LEAD if p.text.startswith("牵头", m.start("duty")) else Role.RESPONSIBLE
            names = [n for n in split_units(p.text, m.start("units"), m.end("units"))]
            run.append((p, [RawResponsibility(n, x, y, role, "duty-line", o) for n, x, y, o, _ in names]))
            continue
        if len(run) >= 2:
            yield from run
        run = []
    if len(run) >= 2:
        yield from run


def _clause_start(text: str, i: int) -> bool:
    """Whether position ``i`` opens a clause: the paragraph's start (after its marker), or after , ; 。 : 则 并."""
    before = text[:i].rstrip()
    before = re.sub(r"^\s*(?:\d{1,2}\s*[.、]|\(\s*[一二三四五六七八九十\d]{1,3}\s*\)|[一二三四五六七八九十]{1,3}、)", "", before)
    return not before or before[-1] in ",;。:" or before.endswith(("则", "并", "后", "再"))


def _unit(name, ctx) -> bool:
    return looks_like_units(name, ctx.known)


def _unit_prefix(name, ctx):
    """The organisation a name starts with (``城运中心核查…`` → ``城运中心``), or ``None``."""
    for end in range(len(name), 1, -1):
        if _unit(name[:end], ctx):
            return name[:end]
    return None


def _table_rows(ctx, item):
    """Rows of a table with role columns in ``item``'s paragraphs: ``[[(paragraph, start, end, header)]]``.

    A table is a header row (tab- or pipe-separated, or one cell a line, each
    ending with ``|``, opened by 序号) that names a role column (牵头单位,
    责任单位 …), then rows: whole rows, or rows one cell a line that each open
    with their serial number.
    """
    paras, k = item.paragraphs, 0
    if not any("|" in p.text or "\t" in p.text for p in paras):  # every header has cells
        return
    while k < len(paras):
        names, k = _header(paras, k)
        if names is None:
            continue
        while k < len(paras):
            if _one_cell(paras[k]):
                if _cell_text(paras[k]) == "序号":
                    break  # the header again (a new page): read it anew
                cells, k = _flattened(paras, k, names)
            else:
                cells = [(paras[k], a, b, h) for (a, b, _), h in zip(table_cells(paras[k].text), names)]
                k += 1
            if len(cells) < 2:
                break
            yield cells


def _bare_rows(item):
    """Rows of a table flattened one cell a line with no bars at all: 序号 ⏎ 重点任务 ⏎ 牵头单位 ⏎ … ⏎ 1 ⏎ …

    The header is ``序号`` on a line of its own and the short lines after it up to
    the first serial number; it must name a role column. Each row is then as
    many lines, opening with its serial number; ``—`` is an empty cell.
    """
    if not any("序号" in p.text for p in item.paragraphs):
        return
    lines = [(p, a, b) for p in item.paragraphs for a, b in p.line_ranges()]
    k = 0
    while k < len(lines):
        p, a, b = lines[k]
        if p.text[a:b].strip() != "序号" or "|" in p.text[a:b]:
            k += 1
            continue
        names, k = [ColumnName("序号")], k + 1
        while k < len(lines) and not _SERIAL.match(_line(lines[k])) and _BARE_HEADING.match(_line(lines[k])):
            names.append(_column_name(_line(lines[k])))
            k += 1
        if not _has_role(names):
            continue
        while k + len(names) <= len(lines) and re.fullmatch(r"\d{1,3}", _line(lines[k])):
            row = []
            for (p, a, b), name in zip(lines[k:k + len(names)], names):
                x, y = trim(p.text, a, b)
                row.append((p, x, x if p.text[x:y] in _EMPTY_CELLS else y, name))
            yield row
            k += len(names)


#: A heading cell of a table flattened one cell a line: short, no punctuation
_BARE_HEADING = re.compile(r"^\s*[\u4e00-\u9fff()]{2,16}\s*$")
#: What an empty cell holds: —, -, /, 无
_EMPTY_CELLS = ("—", "-", "/", "无", "——", "")


def _line(entry) -> str:
    p, a, b = entry
    return p.text[a:b].strip()


def _header(paras, k):
    """``(column names, next index)`` if ``paras[k]`` opens a table with a role column, else ``(None, k + 1)``.

    A column name may carry a note, kept apart: ``责任单位(列第一位的为牵头单位)`` is the column
    责任单位 with the note that its first unit leads.
    """
    cells = table_cells(paras[k].text)
    if len(cells) >= 3:
        names = [_column_name(c[2]) for c in cells]
        return (names, k + 1) if _has_role(names) else (None, k + 1)
    if _one_cell(paras[k]) and _cell_text(paras[k]) == "序号":
        names, j = [], k
        while j < len(paras) and _one_cell(paras[j]) and not (names and _SERIAL.match(_cell_text(paras[j]))):
            names.append(re.sub(r"\s", "", _cell_text(paras[j])))
            j += 1
        if _has_role(names):
            return names, j
    return None, k + 1


class ColumnName(str):
    """A column's name, with the note its heading cell adds in brackets (``None`` if none)."""

    note: str | None = None


def _column_name(cell: str) -> ColumnName:
    """``责任单位(列第一位的为牵头单位)`` → ``责任单位`` with its note.

    >>> c = _column_name("责任单位(列第一位的为牵头单位)"); (str(c), c.note)
    ('责任单位', '列第一位的为牵头单位')
    """
    text = re.sub(r"\s", "", cell)
    m = _COLUMN_NOTE.match(text)
    name = ColumnName(m.group(1) if m else text)
    name.note = m.group(2) if m else None
    return name


#: A heading cell with a note in brackets: 责任单位(列第一位的为牵头单位)
_COLUMN_NOTE = re.compile(r"^([^()]{2,12})\(([^()]{2,40})\)$")


def _has_role(names) -> bool:
    return any(isinstance(LABELS.get(h), Role) for h in names)


def _one_cell(p) -> bool:
    """A line holding one cell of a row written one cell a line: ``县财政局 |`` (more bars may follow)."""
    return p.text.rstrip().endswith("|") and sum(1 for c in table_cells(p.text) if c[2]) <= 1 \
        and not p.text.lstrip().startswith("|")


def _cell_text(p) -> str:
    return p.text.split("|", 1)[0].strip()


def _flattened(paras, k, names):
    """A row written one cell a line, from its serial number to the next."""
    cells = []
    while k < len(paras) and _one_cell(paras[k]) and (not cells or not _SERIAL.match(_cell_text(paras[k]))) \
            and _cell_text(paras[k]) != "序号":
        p = paras[k]
        text = p.text
        a, b = len(text) - len(text.lstrip()), text.index("|")
        while b > a and text[b - 1].isspace():
            b -= 1
        if len(cells) < len(names):
            cells.append((p, a, b, names[len(cells)]))
        k += 1
    return cells, k


def _task(ctx, item, cells, year, label, overall, by_path, rules, n):
    raws, deadline, title, serial = [], None, "", None
    for p, a, b, head in cells:
        kind = LABELS.get(head)
        if isinstance(kind, Role):
            first_leads = kind == Role.RESPONSIBLE and bool(FIRST_LEADS.search(getattr(head, "note", None) or ""))
            position = 0
            for sa, sb in split_top_level(p.text, ",;", a, b):
                for name, x, y, open_list, marked in split_units(p.text, sa, sb):
                    if marked:
                        role, rule = Role.LEAD, "marked-lead"
                    elif first_leads:  # the column's heading says its first unit leads
                        role, rule = (Role.LEAD if position == 0 else Role.PARTICIPANT), "first-listed-leads"
                    else:
                        role, rule = kind, "table-column"
                    raws.append((p, RawResponsibility(name, x, y, role, rule, open_list)))
                    position += 1
        elif kind == "deadline":
            deadline = p.text[a:b] or None
        elif _SERIAL.match(p.text[a:b]) and serial is None:
            serial = p.text[a:b].strip()
        elif _TASK_COLUMN.search(head) and not title:
            title = p.text[a:b]
    first, last = cells[0][0], cells[-1][0]
    span = ctx.index.span(first.source_offset(cells[0][1]), last.source_offset(max(cells[-1][2], 1) - 1) + 1)
    path = f"{item.section.path}.row{serial or n + 1}"
    resp = _own(ctx, raws, year, label) + _inherited(overall, item, by_path)
    return Task(path, item.section.path, title[:80], span, span, _co_leads(resp), deadline)


def _inherited(overall, item, by_path):
    """Overall leads declared on the item's heading or any heading above it."""
    out = []
    path = item.section.path
    while path is not None:
        out = overall.get(path, []) + out
        path = by_path[path].section.parent if path in by_path else None
    return out


def _item_span(ctx, item):
    first, last = item.paragraphs[0], item.paragraphs[-1]
    return ctx.index.span(first.source_offset(first.stripped()[0]), last.source_offset(last.stripped()[1] - 1) + 1)


def _join(ctx, a, b):
    if a is None:
        return b
    return ctx.index.span(min(a.start, b.start), max(a.end, b.end))
