"""Paragraphs that remember where they came from, with PDF page breaks repaired.

PDF extraction breaks words across pages with a blank line (``品牌企`` / blank
/ ``业``). :func:`paragraphs` joins such pieces back and keeps, for every
paragraph, the pieces of source it was made from.

A line that opens something new (:data:`STRUCTURAL_START`) is never glued to
the line before:

>>> [bool(STRUCTURAL_START.match(s)) for s in ("一、总体要求", "(三)标题", "12. 推进", "附件1", "- 甲",
...                                           "浙政办发〔2017〕72号", "2017年7月7日", "二〇一七年", "牵头单位:甲", "推进")]
[True, True, True, True, True, True, True, True, True, False]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..records import Span
from .brackets import trim
from .index import TextIndex

__all__ = ["Paragraph", "paragraphs", "STRUCTURAL_START"]

#: Starts of lines that open something new and must not be glued to the line before.
STRUCTURAL_START = re.compile(r"""
    ^\s*(?:
        [一二三四五六七八九十]+、                          # 一、 a chapter
      | \([一二三四五六七八九十]+\)                        # (一) a section
      | \d{1,2}\s*[.、]                                   # 1. an item
      | 附件                                              # 附件 an annex
      | [-*•]\s                                           # - a bullet
      | \S{1,10}[〔\[(]\s*[\d\s]{4,9}[〕\])]\s*\d[\d\s]*号   # 浙政办发〔2017〕72号 a document number
      | \d[\d\s]{3,}年                                    # 2017年7月7日 a date
      | [一二三四五六七八九十〇○零]{4}年                  # 二〇一七年 a date in numerals
      | 序号 | 牵头单位 | 责任单位 | 配合单位              # a table header or a label line
      | \|                                                # | a table row
      | 【                                                # 【发布日期】 a field of the page
    )""", re.VERBOSE)

_PROSE = re.compile(r"[,;。][^,;。]")

_TERMINAL = set("。;:!?)」』”》…>|")

#: A line that opens with a label (责任单位:, 牵头领导:) holds one list; it goes on only after a separator.
_LABEL_LINE = re.compile(r"""
    ^\s*[\u4e00-\u9fff]{2,6}(?:单位|部门|领导|时限|要求|处室)\s*:     # 责任单位: 时限要求:
    """, re.VERBOSE)


@dataclass(slots=True, unsafe_hash=True)
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
        pieces = self.pieces
        if i >= len(self.text):
            off, src, length = pieces[-1]
            return src + length
        if len(pieces) == 1:  # most paragraphs are one line
            return pieces[0][1] + i
        k = bisect.bisect_right(pieces, (i, float("inf"), 0)) - 1  # pieces sort by their offset
        off, src, _ = pieces[k]
        return src + (i - off)

    def span(self, i: int = 0, j: int | None = None) -> Span:
        """Span of the paragraph's characters ``[i, j)`` in the source."""
        n = len(self.text)
        j = n if j is None else j
        if len(self.pieces) == 1:  # one line: offsets shift by its start
            src = self.pieces[0][1]
            start = src + min(i, n)
            return self.index.span(start, start if j <= i else src + min(j, n + 1))
        if j <= i:
            start = self.source_offset(i)
            return self.index.span(start, start)
        return self.index.span(self.source_offset(i), self.source_offset(j - 1) + 1)

    def line_ranges(self) -> list[tuple[int, int]]:
        """``(start, end)`` in :attr:`text` of each source line the paragraph joins.

        >>> from kg.text.index import TextIndex
        >>> p = paragraphs(TextIndex("a", "一" * 40 + "\\n乙丙。"))[0]
        >>> [p.text[a:b][-2:] for a, b in p.line_ranges()]
        ['一一', '丙。']
        """
        return [(off, off + length) for off, _, length in self.pieces]

    def stripped(self) -> tuple[int, int]:
        """Bounds of the paragraph's text without surrounding white space."""
        return trim(self.text, 0, len(self.text))

    def tail(self, i: int) -> Paragraph:
        """The paragraph from its character ``i`` on (``【法规正文】各省…`` → ``各省…``), offsets kept.

        >>> from kg.text.index import TextIndex
        >>> p = paragraphs(TextIndex("a", "【正文】各省:"))[0]
        >>> q = p.tail(4)
        >>> q.text, q.span().start
        ('各省:', 4)
        """
        k = max(bisect.bisect_right([p[0] for p in self.pieces], i) - 1, 0)
        off, src, length = self.pieces[k]
        pieces = [(0, src + (i - off), length - (i - off))] + [(o - i, s, n) for o, s, n in self.pieces[k + 1:]]
        return Paragraph(self.text[i:], tuple(pieces), self.index.line_of(src + (i - off)), self.last_line, self.index)


def _unfinished(text: str) -> bool:
    """A line cut off mid sentence: long, or prose, with no closing punctuation."""
    t = text.rstrip()
    if not t or t[-1] in _TERMINAL or "\t" in t:
        return False
    if _LABEL_LINE.match(t):  # 配合单位:甲、乙, ⏎ 丙: a label's list goes on only after a separator
        return t[-1] in "、,"
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
                _unfinished(current[0][-1]) and not STRUCTURAL_START.match(raw))):
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
