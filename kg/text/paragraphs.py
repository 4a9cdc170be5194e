"""Normalised text and paragraphs that remember where they came from.

Parsers match on a normalised copy of the text: full-width ASCII is folded to
ASCII (``(`` → ``(``, ``:`` → ``:``), traditional characters to simplified
ones (``牽頭`` → ``牵头``). Normalisation maps each character to exactly one
character, so an offset into the normalised text is an offset into the source.

PDF extraction breaks words across pages with a blank line (``品牌企`` / blank
/ ``业``). :func:`paragraphs` joins such pieces back and keeps, for every
paragraph, the pieces of source it was made from.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..records import Span

__all__ = ["normalise", "TextIndex", "Paragraph", "paragraphs", "trim", "STRUCTURAL_START"]

_FOLD = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_FOLD.update({0x3000: 0x20, 0xFE59: 0x28, 0xFE5A: 0x29, 0x2236: 0x3A, 0xFF0E: 0x2E})

#: Line endings, including the form feed some PDF extractors put between pages.
_LINE_END = re.compile(r"\r\n|[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")

#: A line that is only a printed page number, like ``— 12 —`` or ``- 3 -``.
_PAGE_NUMBER = re.compile(r"^\s*[-—–·]\s*\d{1,4}\s*[-—–·]\s*$")

#: Starts of lines that open something new and must not be glued to the line before.
STRUCTURAL_START = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}\s*[.、]"
    r"|附件|[-*•]\s|\S{1,10}[〔\[(]\s*[\d\s]{4,9}[〕\])]\s*[\d\s]+号"
    r"|[\d\s]{4,}年|[一二三四五六七八九十〇○零]{4}年|序号|牵头单位|责任单位|配合单位)")

_PROSE = re.compile(r"[,;。][^,;。]")

_TERMINAL = set("。;:!?)」』”》…>")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def normalise(text: str) -> str:
    """Fold full-width punctuation and traditional characters, keeping length.

    Examples
    --------
    >>> normalise("(牽頭單位:省經信廳)")
    '(牵头单位:省经信厅)'
    >>> normalise("行爲") == "行为"
    True
    """
    folded = text.translate(_FOLD)
    simplified = _t2s().convert(folded)
    if len(simplified) == len(folded):
        return simplified
    # A conversion changed length somewhere: convert character by character.
    out = []
    for ch in folded:
        conv = _t2s().convert(ch)
        out.append(conv if len(conv) == 1 else ch)
    return "".join(out)


class TextIndex:
    """A source text, its normalised copy, and its lines.

    Examples
    --------
    >>> idx = TextIndex("a.txt", "一\\r\\n二三\\n")
    >>> [(line.number, line.text) for line in idx.lines]
    [(1, '一'), (2, '二三'), (3, '')]
    >>> idx.span(3, 5)
    Span(file='a.txt', start=3, end=5, line=2, end_line=2, text='二三')
    """

    def __init__(self, name: str, text: str):
        self.name = name
        self.source = text
        self.text = normalise(text)
        starts = [0]
        ends = []
        for m in _LINE_END.finditer(text):
            ends.append(m.start())
            starts.append(m.end())
        ends.append(len(text))
        self._starts = starts
        self.lines = [Line(i + 1, s, self.text[s:e]) for i, (s, e) in enumerate(zip(starts, ends))]

    def line_of(self, offset: int) -> int:
        """1-based number of the line holding ``offset``."""
        return bisect.bisect_right(self._starts, offset)

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` of source offsets ``[start, end)``."""
        end = max(end, start)
        return Span(self.name, start, end, self.line_of(start),
                    self.line_of(max(start, end - 1)), self.source[start:end])


@dataclass(frozen=True)
class Line:
    number: int
    start: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip() or bool(_PAGE_NUMBER.match(self.text))


@dataclass(frozen=True)
class Paragraph:
    """A logical paragraph: normalised text plus the source pieces behind it.

    ``pieces`` holds ``(offset_in_paragraph, source_offset, length)`` triples.
    """

    text: str
    pieces: tuple[tuple[int, int, int], ...]
    first_line: int
    last_line: int
    index: TextIndex

    def source_offset(self, i: int) -> int:
        """Source offset of the paragraph's character ``i`` (``len`` allowed)."""
        if i >= len(self.text):
            off, src, length = self.pieces[-1]
            return src + length
        k = bisect.bisect_right([p[0] for p in self.pieces], i) - 1
        off, src, _ = self.pieces[k]
        return src + (i - off)

    def span(self, i: int = 0, j: int | None = None) -> Span:
        """Span of the paragraph's characters ``[i, j)`` in the source."""
        j = len(self.text) if j is None else j
        if j <= i:
            start = self.source_offset(i)
            return self.index.span(start, start)
        return self.index.span(self.source_offset(i), self.source_offset(j - 1) + 1)

    def stripped(self) -> tuple[int, int]:
        """Bounds of the paragraph's text without surrounding white space."""
        return trim(self.text, 0, len(self.text))


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Bounds ``[a, b)`` moved inward past white space.

    Examples
    --------
    >>> trim("  甲乙 ", 0, 5)
    (2, 4)
    """
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _unfinished(text: str) -> bool:
    """A line cut off mid sentence: long, or prose, with no closing punctuation."""
    t = text.rstrip()
    if not t or t[-1] in _TERMINAL or "\t" in t:
        return False
    return len(t) >= 40 or (len(t) >= 20 and bool(_PROSE.search(t)))


def paragraphs(index: TextIndex, start_line: int = 1, end_line: int | None = None):
    """Group the lines of ``index`` into paragraphs, repairing page breaks.

    Every non-blank line is a paragraph, except that a line cut off mid
    sentence (long, no closing punctuation) is joined with the next non-blank
    line when that line does not open something new (a heading, a list item,
    a date, a document number).

    Examples
    --------
    >>> idx = TextIndex("a", "一" * 40 + "企\\n\\n业,形成品牌。\\n\\n二、标题\\n")
    >>> [p.text[-10:] for p in paragraphs(idx)]
    ['一一企业,形成品牌。', '二、标题']
    >>> paragraphs(idx)[0].span(40, 42).text
    '企\\n\\n业'
    """
    lines = index.lines[start_line - 1:end_line]
    out = []
    current = None  # [text_parts, pieces, first, last]
    for line in lines:
        if line.blank:
            continue
        raw = line.text
        if current is not None and (_opened(current[0][-1]) or (
                _unfinished("".join(current[0])) and not STRUCTURAL_START.match(raw))):
            offset = sum(len(p) for p in current[0])
            current[0].append(raw)
            current[1].append((offset, line.start, len(raw)))
            current[3] = line.number
            continue
        if current is not None:
            out.append(_close(current, index))
        current = [[raw], [(0, line.start, len(raw))], line.number, line.number]
    if current is not None:
        out.append(_close(current, index))
    return out


def _opened(text: str) -> bool:
    """A line that ends by opening a bracket continues on the next line, whatever that starts with."""
    t = text.rstrip()
    return bool(t) and t[-1] in "(〔[【《“"


def _close(current, index):
    parts, pieces, first, last = current
    return Paragraph("".join(parts), tuple(pieces), first, last, index)
