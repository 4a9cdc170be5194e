"""Where each document of a source begins and ends, and which lines are its title.

Three layouts are read:

- documents with a number line (``浙政办发〔2017〕72号``, alone on its line or in
  parentheses): the title is the line(s) above it — or below it, when nothing
  is above (``陵政办发〔2019〕44号`` / ``陵川县人民政府办公室`` / ``关于…的`` / ``通 知``);
  in texts whose every line is followed by a blank line (pages turned into
  text) a wrapped title may span the blanks;
- compilations: a document opens at each ``【中国林业法规】title`` line, its body at ``【法规正文】``;
- one document without a number line (a page of a web site): its title is its
  first line that reads as a title (labels, addressees and dates are not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..records import DocNumber
from ..text.paragraphs import Paragraph
from .grammar.dates import DATE_PATTERN, date_parts
from .grammar.docnumbers import DOC_NUMBER, doc_number
from .grammar.layout import GAZETTE, TOC_PAGE
from .grammar.metadata import BODY_START, COMPILATION_TITLE
from .grammar.organisations import ends_like_organisation
from .grammar.responsibility import LABEL
from .grammar.sections import ANNEX_HEADING
from .metadata import Metadata
from .sections import heading_of

__all__ = ["DocumentBlock", "number_lines", "numbered_blocks", "compilation_blocks", "single_block", "spaced_text",
           "is_number_line", "is_date_line"]


@dataclass(slots=True)
class DocumentBlock:
    """The paragraphs of one document (``paragraphs``), its title paragraphs and its number."""

    title: list[Paragraph]
    number: DocNumber | None
    number_paragraph: Paragraph | None
    paragraphs: list[Paragraph]
    metadata: Metadata = field(default_factory=Metadata)
    body: list[Paragraph] | None = None  # where the body starts, when it is not after the title and number


def is_number_line(text: str) -> bool:
    """A line that holds only a document number, bare or in parentheses.

    >>> is_number_line("浙政办发〔2017〕72号"), is_number_line("(白政发〔2015〕22号)"), is_number_line("根据国发〔2012〕9号")
    (True, True, False)
    """
    if "号" not in text or len(text) > 60:
        return False
    t = text.strip()
    if t[:1] == "(" and t[-1:] == ")":
        t = t[1:-1].strip()
    m = DOC_NUMBER.search(t)
    return bool(m) and not t[:m.start("prefix")].strip() and not t[m.end():].strip()


def is_date_line(text: str) -> bool:
    """A line that is a date, bare or in parentheses: ``2017年7月7日``, ``(2021年6月30日)``.

    A misprinted day (``2017年2月30日``) still makes a date line: the line is where a date stands.
    """
    t = text.strip().strip("()").strip()
    m = DATE_PATTERN.fullmatch(t)
    return bool(m) and date_parts(t) is not None


def spaced_text(paras) -> bool:
    """Whether every line of the text is followed by a blank line (a page turned into text)."""
    if len(paras) < 6:
        return False
    gaps = sum(1 for a, b in zip(paras, paras[1:]) if b.first_line == a.last_line + 2)
    return gaps >= 0.8 * (len(paras) - 1)


def _title_like(p: Paragraph) -> bool:
    t = p.text.strip()
    return bool(t) and "。" not in t and not t.endswith(":") and len(t) <= 120 and "\t" not in t \
        and not is_date_line(t) and not LABEL.match(t) and not TOC_PAGE.search(t) and "|" not in t


def number_lines(paras) -> list[int]:
    return [i for i, p in enumerate(paras) if is_number_line(p.text)]


def _number(p: Paragraph) -> DocNumber:
    return doc_number(DOC_NUMBER.search(p.text))


def _title_above(paras, i, spaced):
    """Index of the first title paragraph above the number line ``i`` (``i`` when there is none)."""
    s = i
    while s > 0 and _title_like(paras[s - 1]) and not is_number_line(paras[s - 1].text):
        gap = paras[s].first_line - paras[s - 1].last_line
        if s < i and gap != 1 and not (spaced and gap == 2 and not _signature_like(paras[s - 1].text)):
            break  # the line just above the number may stand apart; the title's other lines may not
        s -= 1
        if i - s >= 4:
            break
    return s


def _signature_like(text: str) -> bool:
    t = re.sub(r"\s", "", text)
    return len(t) <= 24 and ends_like_organisation(t)


def _title_below(paras, i, stop):
    """The title paragraphs just below the number line ``i``: title-like lines up to the addressee."""
    out = []
    for p in paras[i + 1:min(stop, i + 6)]:
        if not _title_like(p) or is_number_line(p.text):
            break
        out.append(p)
    return out if out and len("".join(p.text for p in out)) >= 6 else []


def numbered_blocks(paras, number_at, colophon, spaced):
    """Blocks of documents that have number lines, and the paragraphs of their starts."""
    starts = [_title_above(paras, i, spaced) for i in number_at]
    blocks = []
    for k, (i, s) in enumerate(zip(number_at, starts)):
        end = starts[k + 1] if k + 1 < len(starts) else colophon
        title = paras[s:i] or _title_below(paras, i, end)
        blocks.append(DocumentBlock(title, _number(paras[i]), paras[i], paras[s:end]))
    return blocks, starts


def compilation_blocks(paras, marks):
    """Blocks of a compilation: one a ``【系列】title`` line, its body from ``【正文】`` on."""
    blocks = []
    for k, i in enumerate(marks):
        end = marks[k + 1] if k + 1 < len(marks) else len(paras)
        head = paras[i]
        m = COMPILATION_TITLE.match(head.text)
        title = head.tail(m.start("title"))
        number = None
        tail = DOC_NUMBER.search(title.text)
        if tail and title.text.rstrip().endswith(")"):  # title(浙政发〔2017〕1号)
            number = doc_number(tail)
        body = []
        for p in paras[i + 1:end]:
            b = BODY_START.match(p.text)
            if b and not body:
                rest = p.tail(b.end())
                if rest.text.strip():
                    body.append(rest)
                continue
            if body or not BODY_START.search(p.text):
                body.append(p)
        blocks.append(DocumentBlock([title], number, None, paras[i:end], body=body))
    return blocks


def single_block(paras, start, metadata_title: bool = False):
    """The one document of a text without a number line.

    Its title is its first line that reads as one, before any addressee line
    (a text that opens with its addressees has no title of its own) — unless
    the page's metadata gives the title.
    """
    title = None
    if not metadata_title:
        for p in paras[start:start + 6]:
            if p.text.rstrip().endswith(":") or heading_of(p.text):
                break  # the addressees, or the first section: no title above them
            if _title_like(p) and not _signature_like(p.text) and not ANNEX_HEADING.match(p.text):
                title = p
                break
    body = [p for p in paras[start:] if p is not title]
    return DocumentBlock([title] if title else [], None, None, paras[start:], body=body)


def is_gazette_line(text: str) -> bool:
    return bool(GAZETTE.match(re.sub(r"\s", "", text)))
