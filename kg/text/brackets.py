"""Brackets and separators: splitting a list without cutting what a bracket holds.

``省发改委(省能源局、省物价局)`` is one name, though ``、`` separates names.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["OPEN", "CLOSE", "trim", "split_top_level", "split_on"]

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
    if _BRACKET.search(text, start, end) is None:  # no bracket: every separator cuts
        return split_on(text, seps, start, end)
    cuts, depth = [], []
    for m in _special(seps).finditer(text, start, end):  # visit just the brackets and separators
        ch = m.group()
        if ch in OPEN:
            depth.append(ch)
        elif ch in _PAIR:
            if depth and depth[-1] == _PAIR[ch]:
                depth.pop()
        elif not depth:
            cuts.append(m.start())
    out, a = [], start
    cuts.append(end)
    for cut in cuts:
        x, y = trim(text, a, cut)
        if x < y:
            out.append((x, y))
        a = cut + 1
    return out


def split_on(text: str, seps: str, start: int = 0, end: int | None = None):
    """Split ``text[start:end]`` on every one of ``seps``, brackets or not; pieces trimmed, blank ones left out.

    Examples
    --------
    >>> t = "甲 ,乙(丙,丁) ,, 戊"
    >>> [t[a:b] for a, b in split_on(t, ",")]
    ['甲', '乙(丙', '丁)', '戊']
    """
    end = len(text) if end is None else end
    return [m.span() for m in _piece(seps).finditer(text, start, end)]


_BRACKET = re.compile("[" + re.escape(OPEN + CLOSE) + "]")


@lru_cache(maxsize=64)
def _special(seps: str):
    return re.compile("[" + re.escape(OPEN + CLOSE + seps) + "]")


@lru_cache(maxsize=64)
def _piece(seps: str):
    """A piece between separators, white space trimmed: from its first to its last other character.

    >>> [m.group() for m in _piece("、").finditer(" 甲 乙 、、丙 ")]
    ['甲 乙', '丙']
    """
    s = re.escape(seps)
    return re.compile(rf"[^\s{s}](?:[^{s}]*[^\s{s}])?")
