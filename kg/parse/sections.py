"""The section tree of a document: 一、 / (一) / 1. / (1) / 附件N.

Nesting follows the order in which marker kinds appear, as in Markdown lists:
a marker kind already open closes everything opened after it. So a document
that goes 一、 → 1. (skipping (一)) nests correctly too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..text.numbers import chinese_to_int
from ..records import Section
from ..text.paragraphs import Paragraph
from .grammar.sections import ANNEX_HEADING, HEADINGS, TITLE_END
from .clauses import find_clauses

__all__ = ["SectionItem", "section_tree", "heading_of"]

@dataclass(slots=True)
class SectionItem:
    """A section with the paragraphs that belong to it directly."""

    section: Section
    paragraphs: list[Paragraph] = field(default_factory=list)
    children: list[str] = field(default_factory=list)
    #: The clauses of the heading paragraph, as :func:`~kg.parse.clauses.find_clauses` gives them (read once)
    heading_clauses: tuple | None = None


def heading_of(text: str):
    """``(kind, number, marker_end)`` if ``text`` opens with a section marker.

    Examples
    --------
    >>> heading_of("(三)实施服务业质量提升工程。")
    ('paren', 3, 3)
    >>> heading_of("1. 提升重点领域标准水平。")[:2]
    ('num', 1)
    >>> heading_of("1.5万亿元") is None
    True
    """
    for kind, pattern in HEADINGS:
        m = pattern.match(text)
        if m:
            n = chinese_to_int(m.group(1))
            if n is not None:
                return kind, n, m.end()
    return None


def _title(text: str, start: int, clauses) -> str:
    """The heading's title after its marker, without its bracketed clauses."""
    body = text[start:]
    for c in sorted(clauses, key=lambda c: -c.start):
        if c.bracketed and c.start - 1 >= start:
            body = body[:c.start - 1 - start] + body[c.end + 1 - start:]
    m = TITLE_END.search(body)
    title = body[:m.start()] if m else body
    return title.strip()[:80]


def section_tree(paras: list[Paragraph], skip: set[int], known=None):
    """Sections of a document body, in reading order.

    Parameters
    ----------
    paras : list of Paragraph
        The document's paragraphs after its addressee line.
    skip : set of int
        Indexes of paragraphs that are not part of the tree (the annex list).
    known : callable, optional
        Whether a name is an organisation the document's context knows
        (see :func:`~kg.parse.clauses.find_clauses`); a heading's clauses are
        read with it once, for its title and its tasks.

    Returns
    -------
    list of SectionItem
    """
    items: list[SectionItem] = []
    stack: list[tuple[str, str]] = []  # (kind, path)
    by_path: dict[str, SectionItem] = {}
    current = None
    for k, p in enumerate(paras):
        if k in skip:
            continue
        text = p.text
        annex = ANNEX_HEADING.match(text)
        head = None if annex else heading_of(text)
        if annex:
            n = int(annex.group(1) or 1)
            path, marker, kind = f"annex{n}", f"附件{annex.group(1) or ''}", "annex"
            stack = [("annex", path)]
            title = ""
            parent = None
            found = None
        elif head:
            kind, n, end = head
            kinds = [s[0] for s in stack]
            if kind in kinds:
                stack = stack[:kinds.index(kind)]
            parent = stack[-1][1] if stack else None
            path = f"{parent}.{n}" if parent else str(n)
            while path in by_path:  # a repeated number: keep paths unique
                path += "'"
            marker = text[:end].strip()
            stack.append((kind, path))
            found = find_clauses(text, heading=True, known=known)
            title = _title(text, end, found[0])
        else:
            if current is not None:
                current.paragraphs.append(p)
                if annex_title_pending(current):
                    current.section.title = text.strip()[:80]
            continue
        section = Section(path, marker, kind, title, p.span(*p.stripped()), parent)
        current = SectionItem(section, [p], heading_clauses=found)
        items.append(current)
        by_path[path] = current
        if parent in by_path:
            by_path[parent].children.append(path)
    _extend_spans(items, by_path)
    return items


def annex_title_pending(item: SectionItem) -> bool:
    return item.section.kind == "annex" and not item.section.title


def _extend_spans(items, by_path):
    """Make each section's span cover its own paragraphs and its descendants."""
    for item in reversed(items):  # children come after parents: done first
        first, last = item.paragraphs[0], item.paragraphs[-1]
        start = first.source_offset(first.stripped()[0])
        stop = last.source_offset(last.stripped()[1] - 1) + 1
        for child in item.children:
            stop = max(stop, by_path[child].section.span.end)
        item.section.span = first.index.span(start, stop)
