"""Word lists as regular-expression alternations."""

from __future__ import annotations

import re

__all__ = ["one_of"]


def one_of(words) -> str:
    """An alternation matching any of ``words``, longest first (so 总牵头 wins over 牵头), escaped.

    Examples
    --------
    >>> one_of(["牵头", "总牵头", "a.b"])
    '总牵头|a\\\\.b|牵头'
    >>> re.fullmatch(one_of(["牵头", "总牵头"]), "总牵头") is not None
    True
    """
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
