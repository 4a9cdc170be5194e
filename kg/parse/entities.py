"""Entities beyond tasks: citations, targets, annex tables, industries, honorees."""

from __future__ import annotations


from bisect import bisect_right
from dataclasses import replace

from ..records import CountCheck, Document, Target
from .citations import find_citations
from ..vocabulary import NoticeCode, YearSource
from .context import Context
from .document import DocumentParts, document_year
from .grammar.tables import COLUMN_YEAR
from .grammar.targets import DIGIT, horizon
from .honorees import find_honorees
from .blocks import DocumentBlock
from .tables import annex_rows, annex_tables, cell_items, document_industries, row_cells, table_cells
from .targets import YearState, scan_targets

__all__ = ["add_entities"]

def add_entities(ctx: Context, doc: Document, block: DocumentBlock, parts: DocumentParts,
                 default_year: int | None) -> list[CountCheck]:
    """Add the document's citations, targets, tables, industries and honorees.

    Returns the declared-count checks of the document.
    """
    items, preamble = parts.items, parts.preamble
    label = doc.number or doc.title
    year = document_year(doc, default_year)
    doc.citations = find_citations(block.paragraphs, doc)
    doc.tables, table_industries, row_industry = annex_tables(items, doc.number)
    doc.industries = document_industries(doc.number, doc.title, doc.span) + table_industries
    doc.honorees, checks = find_honorees(ctx, doc.title, parts.in_order(), label)
    unread: list = []
    end = horizon(doc.title)
    body = _body_targets([(None, preamble)] + [(item.section, item.paragraphs) for item in items], year, unread, end)
    doc.targets = _link_tasks(body, doc.tasks) + _table_targets(items, row_industry, year, unread, end)
    for para, a, b in unread:
        span = para.span(a, b)
        ctx.notice(NoticeCode.TARGET_UNREAD, f"a number after a target verb was not read as a target: {span.text[:40]!r}",
                   span.line, label)
    fallback = [t for t in doc.targets if t.year_source in (YearSource.DOCUMENT, YearSource.TITLE)]
    if fallback:
        whose = f"the title's year {end}" if end else f"the document's year {year}"
        ctx.notice(NoticeCode.TARGET_YEAR_FALLBACK, f"{len(fallback)} targets state no year; {whose} is used",
                   fallback[0].span.line, label)
    return [CountCheck(doc.number, what, declared, found, line) for what, declared, found, line in checks]


def _body_targets(parts, year, unread, end=None):
    """Targets of the body: ``parts`` are ``(section, paragraphs)``, the preamble's section ``None``."""
    out = []
    heading_state: dict[str, YearState] = {}
    for section, paras in parts:
        if section is not None and section.kind == "annex":
            continue
        # A year stated in a paragraph holds to the paragraph's end; one stated
        # in a heading paragraph holds for the whole section and those below it.
        parent = heading_state.get(section.parent) if section is not None else None
        heading = parent.copy(YearSource.HEADING) if parent else YearState(document_year=year)
        for n, p in enumerate(paras):
            opens = n == 0 and section is not None  # the heading: what it states holds for the section
            if DIGIT.search(p.text):  # else no target, and no year for what follows
                state = heading if opens else heading.copy()
                cells = table_cells(p.text)
                for a, b in ([(a, b) for a, b, _ in cells] if cells else [(0, len(p.text))]):
                    cell_state = state.copy() if cells else state
                    pieces: list = []
                    for raw in scan_targets(p.text, a, b, cell_state, pieces):
                        out.append(_record(raw, p, year, end))
                    unread.extend((p, x, y) for x, y in pieces)
            if opens:
                heading = heading.copy(YearSource.HEADING)
                heading_state[section.path] = heading
    return out


def _link_tasks(targets: list[Target], tasks) -> list[Target]:
    """Each target with the narrowest task whose text holds it."""
    spans = sorted(((t.span.start, t.span.end, t.id) for t in tasks), key=lambda s: (s[0], -s[1]))
    starts = [s[0] for s in spans]
    out = []
    for target in targets:
        best = None
        k = bisect_right(starts, target.span.start)
        for a, b, task_id in reversed(spans[:k]):
            if a <= target.span.start < b and (best is None or b - a < best[1] - best[0]):
                best = (a, b, task_id)
        out.append(replace(target, task=best[2]) if best else target)
    return out


def _table_targets(items, row_industry, year, unread, end=None):
    out = []
    for item, rows in annex_rows(items):
        header = rows[0].text.split("\t")
        for r, p in enumerate(rows[1:]):
            industry = row_industry.get((item.section.path, r))
            for k, (a, b) in enumerate(row_cells(p.text)):
                m = COLUMN_YEAR.search(header[k]) if k < len(header) else None

                for x, y in cell_items(p.text, a, b):
                    state = YearState(int(m.group(1)), YearSource.COLUMN, document_year=year) if m else \
                        YearState(document_year=year)
                    pieces: list = []
                    for raw_target in scan_targets(p.text, x, y, state, pieces):
                        out.append(_record(raw_target, p, year, end, industry=industry))
                    unread.extend((p, a, b) for a, b in pieces)
    return out


def _record(raw, para, year, end, task=None, industry=None):
    target_year, source = raw.year, raw.year_source
    if target_year is None:
        target_year, source = (end, YearSource.TITLE) if end else (year, YearSource.DOCUMENT)
    return Target(raw.indicator, raw.value, raw.unit, raw.comparator, target_year, source, raw.kind,
                  raw.value_text, para.span(raw.start, raw.end), raw.value_max, task, industry)
