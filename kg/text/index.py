"""A source text, its normalised copy and its lines, so every match can say where it is.

Parsers match on a normalised copy of the text: full-width ASCII is folded to
ASCII (``(`` → ``(``, ``:`` → ``:``), traditional characters to simplified
ones (``牽頭`` → ``牵头``). Normalisation maps each character to exactly one
character, so an offset into the normalised text is an offset into the source.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate
from dataclasses import dataclass
from functools import lru_cache

from ..records import Span

__all__ = ["normalise", "FOLD", "TextIndex", "Line"]

#: Full-width forms and their kin to ASCII, by code point (what :func:`normalise` folds).
FOLD = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
FOLD.update({0x3000: 0x20, 0xFE59: 0x28, 0xFE5A: 0x29, 0x2236: 0x3A, 0xFF0E: 0x2E})
#: The characters :data:`FOLD` changes, found by one pattern (``str.translate`` looks up every character).
_FOLDED = {chr(k): chr(v) for k, v in FOLD.items()}
_TO_FOLD = re.compile("[" + "".join(re.escape(c) for c in _FOLDED) + "]")


#: A line that is only a printed page number, like ``— 12 —`` or ``- 3 -``.
_PAGE_NUMBER = re.compile(r"""
    ^\s* [-—–·] \s* \d{1,4} \s* [-—–·] \s*$     # — 12 —
    """, re.VERBOSE)


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
    folded = _TO_FOLD.sub(lambda m: _FOLDED[m.group()], text)
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
        # Lines end as str.splitlines ends them: \r\n, \r, \n, \v, \f (the form feed some PDF extractors put
        # between pages), \x1c-\x1e, \x85, \u2028, \u2029; a text that ends with one (or is empty) has one
        # more line, empty, after it
        pieces, contents = text.splitlines(True), text.splitlines()
        starts = [0, *accumulate(map(len, pieces))]
        ends = [start + len(line) for start, line in zip(starts, contents)]
        if pieces and len(pieces[-1]) == len(contents[-1]):
            starts.pop()
        else:
            ends.append(len(text))
        self._starts = starts
        self.lines = [Line(i + 1, s, self.text[s:e]) for i, (s, e) in enumerate(zip(starts, ends))]

    def line_of(self, offset: int) -> int:
        """1-based number of the line holding ``offset``."""
        return bisect.bisect_right(self._starts, offset)

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` of source offsets ``[start, end)``."""
        starts = self._starts
        line = bisect.bisect_right(starts, start)
        if end <= start:
            return Span(self.name, start, start, line, line, "")
        last = line if line == len(starts) or end <= starts[line] else bisect.bisect_right(starts, end - 1)
        return Span(self.name, start, end, line, last, self.source[start:end])


@dataclass(slots=True, unsafe_hash=True)
class Line:
    """One line of the normalised text: its 1-based number and source offset."""

    number: int
    start: int
    text: str

    @property
    def blank(self) -> bool:
        """Empty, white space, or only a printed page number.

        >>> Line(1, 0, " — 12 — ").blank, Line(1, 0, "一、").blank
        (True, False)
        """
        return not self.text.strip() or bool(_PAGE_NUMBER.match(self.text))
