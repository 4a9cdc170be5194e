"""Brackets and separators: splitting a list without cutting what a bracket holds.

``省发改委(省能源局、省物价局)`` is one name, though ``、`` separates names.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["OPEN", "CLOSE", "trim", "split_top_level"]

#: Opening brackets and quotes, and their closing partners in the same order.
OPEN = "(〔[【《“"
CLOSE = ")〕]】》”"
_PAIR = dict(zip(CLOSE, OPEN))


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


def split_top_level(text: str, seps: str, start: int = 0, end: int | None = None):
    """Split ``text[start:end]`` on ``seps`` outside brackets.

    Returns ``(piece_start, piece_end)`` pairs with white space trimmed.

    Examples
    --------
    >>> t = "省经信委、省发改委(省能源局、省物价局),各市"
    >>> [t[a:b] for a, b in split_top_level(t, "、,")]
    ['省经信委', '省发改委(省能源局、省物价局)', '各市']
    """
    end = len(text) if end is None else end
    out, depth, piece = [], [], start
    # Only brackets and separators matter: visit just those positions.
    for m in _special(seps).finditer(text, start, end):
        i, ch = m.start(), m.group()
        if ch in OPEN:
            depth.append(ch)
        elif ch in CLOSE:
            if depth and depth[-1] == _PAIR[ch]:
                depth.pop()
        elif not depth:
            out.append((piece, i))
            piece = i + 1
    out.append((piece, end))
    return [(a, b) for a, b in (trim(text, x, y) for x, y in out) if a < b]


@lru_cache(maxsize=64)
def _special(seps: str):
    return re.compile("[" + re.escape(OPEN + CLOSE + seps) + "]")
