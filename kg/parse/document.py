"""One document: number, title, issuers, addressees, date, sections and tasks."""

from __future__ import annotations

import re

from ..records import Document
from ..text.brackets import split_top_level
from ..text.spacing import tidy
from ..vocabulary import NoticeCode
from .context import Context
from .grammar.dates import DATE_PATTERN, parse_date
from .grammar.document import ANNEX_ITEM, ANNEX_LIST, ENCLOSED, KIND
from .grammar.organisations import ends_like_organisation
from .layout import DocumentBlock
from .sections import section_tree
from .tasks import read_tasks

__all__ = ["parse_document", "document_year"]


def parse_document(ctx: Context, block: DocumentBlock, default_year: int | None):
    """Parse one document block: its fields, sections and tasks.

    Returns
    -------
    (Document, list of SectionItem)
        The items let later steps read each section's own paragraphs.
    """
    paras = block.paragraphs
    title_paras = block.title or paras[:1]
    first, last = title_paras[0], title_paras[-1]
    title = tidy("".join(p.text.strip() for p in title_paras))
    title_span = ctx.index.span(first.source_offset(first.stripped()[0]),
                                last.source_offset(last.stripped()[1] - 1) + 1)
    doc = Document(number=block.number, title=title, span=title_span)
    label = block.number or title[:20]
    m = KIND.search(title)
    doc.kind = m.group(1) if m else None
    m = ENCLOSED.search(title)
    if m:
        doc.enclosed_title = m.group(1).strip("《》 ")

    body_start = paras.index(block.number_paragraph) + 1 if block.number_paragraph else len(title_paras)
    body = paras[body_start:]
    k_addr = next((k for k, p in enumerate(body[:3]) if _is_addressee(p.text)), None)
    if k_addr is not None:
        doc.addressees = _split_addressees(body[k_addr].text)
        body = body[k_addr + 1:]

    k_date = next((k for k, p in enumerate(body) if _is_date_line(p.text)), None)
    if k_date is not None:
        doc.date = parse_date(body[k_date].text)
    year = document_year(doc, default_year)
    doc.issuers = _issuers(ctx, doc, body, k_date, title_paras, year, label)

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
        skip.update(range(max(0, k_date - len(doc.issuers)), k_date + 1))

    items = section_tree(body, skip)
    doc.sections = [item.section for item in items]
    first = body.index(items[0].paragraphs[0]) if items else len(body)
    preamble = [p for k, p in enumerate(body[:first]) if k not in skip]
    doc.tasks, counts = read_tasks(ctx, items, year, label, preamble)
    doc.clauses_read, doc.clauses_unread = counts.read, counts.unread
    return doc, items


def document_year(doc: Document, default_year: int | None) -> int | None:
    """The year a document speaks from: its date, its number, or the issue's."""
    if doc.date:
        return int(doc.date[:4])
    if doc.number:
        return doc.number.year
    return default_year


def _is_addressee(text: str) -> bool:
    t = text.strip()
    return t.endswith(":") and "。" not in t and len(t) <= 200 and not t.startswith("附件")


def _split_addressees(text: str):
    t = text.strip().rstrip(":")
    return [tidy(t[a:b]) for a, b in split_top_level(t, ",;")]


def _is_date_line(text: str) -> bool:
    m = DATE_PATTERN.fullmatch(text.strip())
    return bool(m) and parse_date(text) is not None


def _issuers(ctx, doc, body, k_date, title_paras, year, label):
    """Issuers from the signature block above the date, else from the title."""
    names = []
    if k_date is not None:
        k = k_date - 1
        while k >= 0 and _is_org_line(body[k].text):
            names.insert(0, body[k])
            k -= 1
    mentions = [ctx.organisation(p.text.strip(), p.span(*p.stripped()), year, label) for p in names]
    from_title = _title_issuers(doc.title)
    if not mentions and from_title:
        p = title_paras[0]
        out, pos = [], 0
        for name in from_title:
            i = p.text.find(name, pos)
            span = p.span(i, i + len(name)) if i >= 0 else p.span(*p.stripped())
            pos = i + len(name) if i >= 0 else pos
            out.append(ctx.organisation(name, span, year, label))
        return out
    if mentions and from_title and [m.mention for m in mentions] != from_title:
        ctx.notice(NoticeCode.ISSUER_MISMATCH, "the signature names other issuers than the title",
                   names[0].first_line, label)
    if not mentions:
        ctx.notice(NoticeCode.NO_ISSUER, "no issuer found in the signature or the title", None, label)
    return mentions


def _is_org_line(text: str) -> bool:
    t = text.strip()
    return 4 <= len(t) <= 40 and ends_like_organisation(t) and not re.search(r"[,。:;、]", t)


def _title_issuers(title: str):
    if "关于" not in title:
        return []
    prefix = title.split("关于", 1)[0]
    names = [n for n in prefix.split() if n]
    return names if names and all(ends_like_organisation(n) for n in names) else []
