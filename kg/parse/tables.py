"""Annex tables and the industries they list.

An annex table is a run of tab-separated rows under an ``附件N`` heading; cells
may hold HTML fragments (``<ol><li>…``, ``<p>…</p>``). Tags are blanked to
spaces of the same length, so every item keeps its offsets into the source.
Each cell's items are the numbered statements in it (``1. …2. …``) or its
``<li>``/``<p>`` elements.

Industries: an annex whose table has an industry column (产业, 服务领域, 项目)
is a concept scheme of those industries; an annex without one is a scheme of
one domain named by its title (建筑业质量提升工程目录 → 建筑业).
"""

from __future__ import annotations

import html
import re

from ..records import AnnexTable, Industry, TableCell
from ..text.brackets import trim
from ..text.spacing import tidy
from .grammar.tables import CELL_ITEM, INDUSTRY_COLUMN, SCHEME_SUFFIX, SUBJECT_INDUSTRY, TAG
from .sections import SectionItem

__all__ = ["annex_tables", "annex_rows", "document_industries", "cell_items", "row_cells", "table_cells", "scheme_label"]


def blank_tags(text: str) -> str:
    """Replace HTML tags with spaces of the same length.

    Examples
    --------
    >>> blank_tags("<p>1. 甲</p>")
    '   1. 甲    '
    """
    return TAG.sub(lambda m: " " * len(m.group(0)), text)


def cell_items(text: str, start: int = 0, end: int | None = None):
    """The statements of a cell as ``(start, end)`` offsets into ``text``.

    Examples
    --------
    >>> t = '<ol style="x"> 1. 每年制定标准 4—5 个。 2. 到 2019 年新增 30 家。</ol>'
    >>> [t[a:b] for a, b in cell_items(t)]
    ['每年制定标准 4—5 个。', '到 2019 年新增 30 家。']
    """
    end = len(text) if end is None else end
    blank = blank_tags(text[:end])
    starts = [m for m in CELL_ITEM.finditer(blank, start, end)]
    if not starts:
        pieces = [(start, end)]
    else:
        pieces = [(m.end(), starts[k + 1].start() if k + 1 < len(starts) else end)
                  for k, m in enumerate(starts)]
    return [(a, b) for a, b in (trim(blank, x, y) for x, y in pieces) if a < b]


def row_cells(text: str):
    """``(start, end)`` of each tab-separated cell of a row, untrimmed.

    Examples
    --------
    >>> row_cells("1\\t信息\\t甲")
    [(0, 1), (2, 4), (5, 6)]
    """
    out, offset = [], 0
    for raw in text.split("\t"):
        out.append((offset, offset + len(raw)))
        offset += len(raw) + 1
    return out


def table_cells(text: str):
    """``(start, end, text)`` of the cells of a tab- or pipe-separated row (none for other lines).

    Examples
    --------
    >>> [c[2] for c in table_cells("| 1 | 新增泊位1500个 | 区城管局 |")], table_cells("一句话")
    (['1', '新增泊位1500个', '区城管局'], [])
    """
    sep = "\t" if "\t" in text else "|" if text.count("|") >= 2 else None
    if sep is None:
        return []
    out, at = [], 0
    for raw in text.split(sep):
        a, b = at, at + len(raw)
        at = b + 1
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if sep == "|" and a == b and (a == 0 or b >= len(text.rstrip())):
            continue  # the empty cells outside a row's first and last bar
        out.append((a, b, text[a:b]))
    return out


def annex_rows(items: list[SectionItem]):
    """``(item, rows)`` for each annex holding a table: its tab-separated paragraphs, header first."""
    for item in items:
        if item.section.kind != "annex":
            continue
        rows = [p for p in item.paragraphs if "\t" in p.text]
        if len(rows) >= 2:
            yield item, rows


def scheme_label(title: str) -> str:
    """The concept scheme an annex title names.

    Examples
    --------
    >>> scheme_label("八大万亿产业质量提升工程目录")
    '八大万亿产业'
    """
    return SCHEME_SUFFIX.sub("", title).strip() or title


def annex_tables(items: list[SectionItem], doc_number: str | None):
    """Tables and industries of a document's annexes.

    Returns
    -------
    (list of AnnexTable, list of Industry, dict row_id -> industry label)
        ``row_id`` is ``(annex_path, row_index)``.
    """
    tables, industries, row_industry = [], [], {}
    for item, rows in annex_rows(items):
        header = [tidy(blank_tags(c)) for c in rows[0].text.split("\t")]
        title = item.section.title
        label = scheme_label(title)
        column = next((k for k, h in enumerate(header) if INDUSTRY_COLUMN.match(h)), None)
        table_rows = []
        for r, p in enumerate(rows[1:]):
            cells = []
            for k, (a, b) in enumerate(row_cells(p.text)):
                raw = p.text[a:b]
                items_text = tuple(tidy(html.unescape(p.text[x:y])) for x, y in cell_items(p.text, a, b))
                name = header[k] if k < len(header) else f"column{k + 1}"
                cells.append(TableCell(name, tidy(html.unescape(blank_tags(raw))), items_text))
            table_rows.append(cells)
            if column is not None and column < len(cells) and cells[column].text:
                industry = cells[column].text
                row_industry[(item.section.path, r)] = industry
                industries.append(Industry(_industry_id(industry), industry, f"{doc_number}#{item.section.path}",
                                           label, p.span(*trim(p.text, *row_cells(p.text)[column]))))
        if column is None and label:
            row_industry.update({(item.section.path, r): label for r in range(len(table_rows))})
            head = item.paragraphs[0]
            industries.append(Industry(_industry_id(label), label, f"{doc_number}#{item.section.path}",
                                       label, head.span(*head.stripped())))
        first, last = rows[0], rows[-1]
        span = first.index.span(first.source_offset(0), last.source_offset(len(last.text) - 1) + 1)
        tables.append(AnnexTable(item.section.path, title, header, table_rows, span))
    return tables, industries, row_industry


def document_industries(doc_number: str | None, title: str, title_span):
    """Industries a document is about, from its title (关于石化产业… → 石化).

    Examples
    --------
    >>> [i.label for i in document_industries("x", "关于石化产业调结构促转型增效益的实施意见", None)]
    ['石化']
    """
    m = SUBJECT_INDUSTRY.search(title)
    if not m:
        return []
    label = m.group("name")
    return [Industry(_industry_id(label), label, f"{doc_number}#subject", "文件主题产业", title_span)]


def _industry_id(label: str) -> str:
    return re.sub(r"\s", "", label)
