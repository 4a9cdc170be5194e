"""The layout of a source: a gazette's header, table of contents, documents and colophon.

Where each document begins and what its title is, :mod:`.blocks` decides; a
text with no number line nor number field (one document pasted from a web
page) is one document, and a notice says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import TocEntry
from ..text.paragraphs import Paragraph
from ..text.spacing import tidy
from ..vocabulary import NoticeCode
from .blocks import DocumentBlock, compilation_blocks, number_lines, numbered_blocks, single_block, spaced_text
from .context import Context
from .grammar.docnumbers import DOC_NUMBER, doc_number
from .grammar.layout import GAZETTE, ISSUE_NUMBER, PUBLISHED, SERIAL, TOC_CATEGORY, TOC_HEAD, TOC_PAGE, YEAR_ISSUE
from .grammar.metadata import COMPILATION_TITLE
from .metadata import BODY, classify

__all__ = ["DocumentBlock", "Header", "split_issue"]

@dataclass(slots=True)
class Header:
    gazette: str | None = None
    year: int | None = None
    number: int | None = None
    cumulative_number: int | None = None
    published: str | None = None
    serial: str | None = None


def split_issue(ctx: Context, paras: list[Paragraph]):
    """Split paragraphs into header, TOC entries and document blocks.

    Page furniture is dropped and metadata lines are kept apart (:mod:`.metadata`),
    each given to the document it stands in (or, before the first, to the first).

    Returns
    -------
    (Header, list[TocEntry], list[DocumentBlock])
    """
    kinds, found = classify(paras)
    body = [p for p, k in zip(paras, kinds) if k == BODY]
    header = Header()
    toc: list[TocEntry] = []
    marks = [i for i, p in enumerate(body) if COMPILATION_TITLE.match(p.text)]
    number_at = number_lines(body)
    if len(marks) >= 2:
        _read_header(header, body[:marks[0]])
        blocks = compilation_blocks(body, marks)
    elif number_at:
        colophon = _colophon_start(body, number_at[-1])
        blocks, starts = numbered_blocks(body, number_at, colophon, spaced_text(body))
        _read_header(header, body[:starts[0]])
        _read_header(header, body[colophon:])
        toc = _read_toc(ctx, body[0].index, body[:starts[0]], body[starts[0]].first_line)
        for block in blocks:
            if not block.title:
                ctx.notice(NoticeCode.NO_TITLE, "document number with no title line above or below it",
                           block.number_paragraph.first_line)
    else:
        start = _body_start(body)
        _read_header(header, body[:start])
        if start >= len(body) and not found:
            ctx.notice(NoticeCode.NO_DOCUMENT, "no document text found")
            return header, [], []
        titled = any(name == "title" for items in found.values() for name, _ in items)
        blocks = [single_block(body, start, metadata_title=titled)]
    _give_metadata(blocks, paras, found)
    if not number_at and not marks and not blocks[0].metadata.get("number"):
        first = blocks[0].paragraphs[0].first_line if blocks[0].paragraphs else None
        ctx.notice(NoticeCode.NO_DOCUMENT_NUMBER,
                   "no line or metadata field holds the document's number; the text is read as one document", first)
    return header, toc, blocks


def _give_metadata(blocks, paras, found):
    """Each metadata field to the document whose lines it stands among (before the first: the first)."""
    starts = [b.paragraphs[0].first_line if b.paragraphs else 0 for b in blocks]
    for i, items in sorted(found.items()):
        line = paras[i].first_line
        k = max([n for n, s in enumerate(starts) if s <= line], default=0)
        for name, item in items:
            blocks[k].metadata.add(name, item)


def _colophon_start(paras, last_number):
    for j in range(last_number + 1, len(paras)):
        if GAZETTE.match(re.sub(r"\s", "", paras[j].text)):
            return j
    return len(paras)


def _body_start(paras):
    """First paragraph after a gazette header and TOC, when there is no number line."""
    for j, p in enumerate(paras):
        t = p.text.strip()
        if GAZETTE.match(re.sub(r"\s", "", t)) or ISSUE_NUMBER.search(t) or re.fullmatch(r"\d{4}", t) \
                or TOC_HEAD.match(t) or TOC_CATEGORY.match(t) or TOC_PAGE.search(t) \
                or re.fullmatch(r"[A-Za-z' ]+", t):
            continue
        return j
    return len(paras)


def _read_header(header: Header, paras):
    for p in paras:
        t = p.text.strip()
        compact = re.sub(r"\s", "", t)
        if header.gazette is None and GAZETTE.match(compact):
            header.gazette = compact
        if header.year is None and re.fullmatch(r"\d{4}", t):
            header.year = int(t)
        m = YEAR_ISSUE.search(t)
        if m:
            header.year = header.year or int(m.group(1))
            header.number = header.number or int(m.group(2))
            if m.group(3):
                header.cumulative_number = header.cumulative_number or int(m.group(3))
        m = ISSUE_NUMBER.search(t)
        if m:
            header.number = header.number or int(m.group(1))
            header.cumulative_number = header.cumulative_number or int(m.group(2))
        m = PUBLISHED.search(t)
        if m and header.published is None:
            year = int(m.group(1)) if m.group(1) else header.year
            if year:
                header.published = f"{year:04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
        m = SERIAL.search(t)
        if m and header.serial is None:
            header.serial = re.sub(r"\s", "", m.group(0))


def _read_toc(ctx: Context, index, paras, stop_line):
    """Entries of the table of contents between ``目录`` and ``stop_line``."""
    head = next((p for p in paras if TOC_HEAD.match(p.text.strip())), None)
    if head is None:
        return []
    entries, group, category = [], [], None
    for line in index.lines[head.last_line:stop_line - 1]:
        if line.blank:
            continue
        m = TOC_CATEGORY.match(line.text)
        if m and not group:
            category = m.group(1).strip()
            continue
        group.append(line)
        page = TOC_PAGE.search(line.text)
        if page:
            entries.append(_toc_entry(ctx, index, group, int(page.group(1)), category))
            group = []
        elif len(group) > 4:
            ctx.notice(NoticeCode.TOC_UNREADABLE, "table of contents entry without a page number",
                       group[0].number)
            group = []
    if group:
        ctx.notice(NoticeCode.TOC_UNREADABLE, "table of contents entry without a page number", group[0].number)
    return entries


def _toc_entry(ctx, index, lines, page, category):
    text = "".join(re.sub(r"^\s*[-•*]\s*", "", ln.text) for ln in lines)
    text = TOC_PAGE.sub("", text).strip()
    m = DOC_NUMBER.search(text)
    number = doc_number(m) if m else None
    if m:
        text = (text[:m.start()] + text[m.end():]).strip()
        text = re.sub(r"\(\s*\)$", "", text).strip()
    start = lines[0].start
    end = lines[-1].start + len(lines[-1].text)
    return TocEntry(tidy(text), number, page, category, index.span(start, end))
