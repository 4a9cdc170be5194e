"""Entities beyond tasks: citations, targets, annex tables, industries, honorees."""

from __future__ import annotations


from ..records import CountCheck, Document, Target
from .citations import find_citations
from ..vocabulary import NoticeCode, YearSource
from .context import Context
from .document import document_year
from .grammar.tables import COLUMN_YEAR
from .honorees import find_honorees
from .blocks import DocumentBlock
from .sections import SectionItem
from .tables import annex_rows, annex_tables, cell_items, document_industries, row_cells
from .targets import YearState, scan_targets

__all__ = ["add_entities"]

def add_entities(ctx: Context, doc: Document, block: DocumentBlock, items: list[SectionItem],
                 default_year: int | None) -> list[CountCheck]:
    """Add the document's citations, targets, tables, industries and honorees.

    Returns the declared-count checks of the document.
    """
    label = doc.number or doc.title
    year = document_year(doc, default_year)
    doc.citations = find_citations(block.paragraphs, doc)
    doc.tables, table_industries, row_industry = annex_tables(items, doc.number)
    doc.industries = document_industries(doc.number, doc.title, doc.span) + table_industries
    doc.honorees, checks = find_honorees(ctx, items, label)
    unread: list = []
    doc.targets = _body_targets(items, {t.id for t in doc.tasks}, year, unread) + \
        _table_targets(items, row_industry, year, unread)
    for para, a, b in unread:
        span = para.span(a, b)
        ctx.notice(NoticeCode.TARGET_UNREAD, f"a number after a target verb was not read as a target: {span.text[:40]!r}",
                   span.line, label)
    fallback = [t for t in doc.targets if t.year_source == YearSource.DOCUMENT]
    if fallback:
        ctx.notice(NoticeCode.TARGET_YEAR_FALLBACK,
                   f"{len(fallback)} targets state no year; the document's year {year} is used",
                   fallback[0].span.line, label)
    return [CountCheck(doc.number, what, declared, found, line) for what, declared, found, line in checks]


def _body_targets(items, task_ids, year, unread):
    out = []
    heading_state: dict[str, YearState] = {}
    for item in items:
        if item.section.kind == "annex":
            continue
        # A year stated in a paragraph holds to the paragraph's end; one stated
        # in a heading paragraph holds for the whole section and those below it.
        parent = heading_state.get(item.section.parent)
        heading = parent.copy(YearSource.HEADING) if parent else YearState(document_year=year)
        task = item.section.path if item.section.path in task_ids else None
        for n, p in enumerate(item.paragraphs):
            state = heading if n == 0 else heading.copy()
            pieces: list = []
            for raw in scan_targets(p.text, 0, len(p.text), state, pieces):
                out.append(_record(raw, p, year, task=task))
            unread.extend((p, a, b) for a, b in pieces)
            if n == 0:
                heading = state.copy(YearSource.HEADING)
                heading_state[item.section.path] = heading
    return out


def _table_targets(items, row_industry, year, unread):
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
                        out.append(_record(raw_target, p, year, industry=industry))
                    unread.extend((p, a, b) for a, b in pieces)
    return out


def _record(raw, para, year, task=None, industry=None):
    target_year, source = raw.year, raw.year_source
    if target_year is None:
        target_year, source = year, YearSource.DOCUMENT
    return Target(raw.indicator, raw.value, raw.unit, raw.comparator, target_year, source, raw.kind,
                  raw.value_text, para.span(raw.start, raw.end), raw.value_max, task, industry)
