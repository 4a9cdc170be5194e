"""The layout of an issue: header, table of contents, documents, colophon.

A document starts at its title, the line(s) just above a line holding only its
document number; it ends where the next one starts or the colophon begins. A
text with no document number line (one document pasted from a web page) is one
document, and a notice says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import TocEntry
from ..text.paragraphs import Paragraph
from ..text.spacing import tidy
from ..vocabulary import NoticeCode
from .context import Context
from .grammar.docnumbers import DOC_NUMBER, doc_number
from .grammar.layout import GAZETTE, ISSUE_NUMBER, PUBLISHED, SERIAL, TOC_CATEGORY, TOC_HEAD, TOC_PAGE, YEAR_ISSUE

__all__ = ["DocumentBlock", "Header", "split_issue"]

@dataclass
class DocumentBlock:
    """The paragraphs of one document, title first."""

    title: list[Paragraph]
    number: str | None
    number_paragraph: Paragraph | None
    paragraphs: list[Paragraph]


@dataclass
class Header:
    gazette: str | None = None
    year: int | None = None
    number: int | None = None
    cumulative_number: int | None = None
    published: str | None = None
    serial: str | None = None


def split_issue(ctx: Context, paras: list[Paragraph]):
    """Split paragraphs into header, TOC entries and document blocks.

    Returns
    -------
    (Header, list[TocEntry], list[DocumentBlock])
    """
    number_at = [i for i, p in enumerate(paras) if _is_number_line(p.text)]
    header = Header()
    if not number_at:
        start = _body_start(paras)
        _read_header(header, paras[:start])
        if start >= len(paras):
            ctx.notice(NoticeCode.NO_DOCUMENT, "no document text found")
            return header, [], []
        ctx.notice(NoticeCode.NO_DOCUMENT_NUMBER,
                   "no line holds only a document number; the text is read as one document",
                   paras[start].first_line)
        return header, [], [DocumentBlock([paras[start]], None, None, paras[start:])]

    starts = [_title_start(paras, i) for i in number_at]
    colophon = _colophon_start(paras, number_at[-1])
    _read_header(header, paras[:starts[0]])
    _read_header(header, paras[colophon:])
    toc = _read_toc(ctx, paras[0].index, paras[:starts[0]], paras[starts[0]].first_line)
    blocks = []
    for k, (i, s) in enumerate(zip(number_at, starts)):
        end = starts[k + 1] if k + 1 < len(starts) else colophon
        m = DOC_NUMBER.search(paras[i].text)
        if s == i:
            ctx.notice(NoticeCode.NO_TITLE, "document number with no title line above it", paras[i].first_line)
        blocks.append(DocumentBlock(paras[s:i], doc_number(m), paras[i], paras[s:end]))
    return header, toc, blocks


def _is_number_line(text: str) -> bool:
    if "号" not in text or len(text) > 60:
        return False
    m = DOC_NUMBER.search(text)
    return bool(m) and not text[:m.start()].strip() and not text[m.end():].strip()


def _title_like(text: str) -> bool:
    t = text.strip()
    return bool(t) and "。" not in t and not t.endswith(":") and len(t) <= 120 and "\t" not in t


def _title_start(paras, i):
    """Index of the first title paragraph above the number line ``i``."""
    if i == 0 or not _title_like(paras[i - 1].text) or _is_number_line(paras[i - 1].text):
        return i
    s = i - 1
    while s > 0 and paras[s - 1].last_line + 1 == paras[s].first_line and _title_like(paras[s - 1].text) \
            and not _is_number_line(paras[s - 1].text):
        s -= 1
    return s


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
