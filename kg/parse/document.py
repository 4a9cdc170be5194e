"""One document: number, title, issuers, addressees, date, sections and tasks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Document
from ..text.spacing import tidy
from .blocks import DocumentBlock
from .context import Context
from .grammar.document import ANNEX_ITEM, ANNEX_LIST, ENCLOSED, KIND
from .grammar.organisations import ends_like_organisation
from .grammar.responsibility import ALIAS
from .heading import find_addressees, find_date, metadata_date, read_issuers, read_number, read_title
from .sections import section_tree
from .tasks import read_tasks

__all__ = ["parse_document", "document_year", "DocumentParts"]


def parse_document(ctx: Context, block: DocumentBlock, default_year: int | None):
    """Parse one document block: its fields, sections and tasks.

    Returns
    -------
    (Document, DocumentParts)
        The parts let later steps read each section's own paragraphs.
    """
    title, title_span = read_title(block)
    doc = Document(number=read_number(block), title=title, span=title_span or _first_span(block))
    label = doc.number or title[:20]
    m = KIND.search(title)
    doc.kind = m.group(1) if m else None
    m = ENCLOSED.search(title)
    if m:
        doc.enclosed_title = m.group(1).strip("《》 ")

    body = _body(block)
    k_addr, doc.addressees = find_addressees(body)
    if k_addr is not None:
        body = body[k_addr + 1:]
    k_date, doc.date = find_date(ctx, body, label)
    doc.date = doc.date or metadata_date(block)
    year = document_year(doc, default_year)
    doc.issuers = read_issuers(ctx, doc, block, body, k_date, year, label)
    _aliases(ctx, body)

    skip = set()
    for k, p in enumerate(body):
        m = ANNEX_LIST.match(p.text)
        if m:
            skip.add(k)
            if m.group(2).strip():
                doc.annexes.append(tidy(m.group(2)))
            j = k + 1
            while m.group(1) and j < len(body) and ANNEX_ITEM.match(body[j].text) \
                    and "。" not in body[j].text:
                doc.annexes.append(tidy(ANNEX_ITEM.match(body[j].text).group(2)))
                skip.add(j)
                j += 1
            break
    if k_date is not None:
        signed = {m.span.line for m in doc.issuers}
        n = sum(1 for p in body[:k_date] if p.first_line in signed)
        skip.update(range(max(0, k_date - n), k_date + 1))

    items = section_tree(body, skip, ctx.known)
    doc.sections = [item.section for item in items]
    first = body.index(items[0].paragraphs[0]) if items else len(body)
    preamble = [p for k, p in enumerate(body[:first]) if k not in skip]
    doc.tasks, counts = read_tasks(ctx, items, year, label, preamble)
    doc.clauses_read, doc.clauses_unread = counts.read, counts.unread
    annex_lines = [p for p in body if ANNEX_LIST.match(p.text)]
    return doc, DocumentParts(items, preamble, annex_lines)


@dataclass(slots=True, unsafe_hash=True)
class DocumentParts:
    """A parsed document's paragraphs, for the steps that read entities from them.

    ``items`` are the sections with their own paragraphs, ``preamble`` the
    body paragraphs before the first section, ``annex_lines`` the lines that
    list the annexes (an annex line may carry a list: 附件:…名单 甲、乙).
    """

    items: list
    preamble: list
    annex_lines: list

    def in_order(self):
        """``(section, paragraph, is_heading)`` for every body paragraph, in reading order."""
        seen = [(None, p, False) for p in self.preamble]
        for item in self.items:
            seen += [(item.section, p, n == 0) for n, p in enumerate(item.paragraphs)]
        ids = {id(p) for _, p, _ in seen}
        seen += [(None, p, False) for p in self.annex_lines if id(p) not in ids]
        return sorted(seen, key=lambda e: e[1].source_offset(0))


def document_year(doc: Document, default_year: int | None) -> int | None:
    """The year a document speaks from: its date, its number, or the issue's."""
    if doc.date:
        return int(doc.date[:4])
    if doc.number and doc.number.year:
        return doc.number.year
    return default_year


def _body(block: DocumentBlock):
    """The paragraphs after the title and the number (or the ones the block names as its body)."""
    if block.body is not None:
        return block.body
    paras = block.paragraphs
    ends = [paras.index(p) for p in (block.number_paragraph, *block.title) if p is not None and p in paras]
    return paras[max(ends) + 1:] if ends else paras


def _first_span(block: DocumentBlock):
    p = (block.body or block.paragraphs or [None])[0]
    return p.span(*p.stripped()) if p is not None else None


def _aliases(ctx: Context, body) -> None:
    """Names the text defines for later use: 洋泾街道社区平安办公室(以下简称“平安办”)."""
    for p in body:
        if "简称" not in p.text:
            continue
        for m in ALIAS.finditer(p.text):
            head = re.search(r"[\u4e00-\u9fff()]{2,30}$", p.text[:m.start()])
            if head:
                full = re.sub(r"^(?:至|向|由|到|在|从|经|对|与|和|及|将|把|被|为|请|按|以|于|给|同|设立|成立)+", "",
                              head.group(0))
                if ends_like_organisation(full):
                    ctx.define_alias(m.group("alias"), full)
