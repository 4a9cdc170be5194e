"""The nearest names to one a user typed, for "did you mean …" (rapidfuzz's weighted ratio).

Suggestions are only ever offered, never applied: a name that matches
nothing is an error that lists what it is close to.
"""

from __future__ import annotations

__all__ = ["nearest", "did_you_mean"]

#: The lowest similarity (0–100) a suggestion needs.
CUTOFF = 50


def nearest(word: str, choices, limit: int = 3, cutoff: float = CUTOFF) -> list[str]:
    """The ``limit`` choices most like ``word``, best first (ties in the choices' sorted order).

    Examples
    --------
    >>> nearest("省质检局", ["省工商局", "省质监局", "省经信委"])
    ['省质监局', '省工商局']
    >>> nearest("tasks_of_departmen", ["tasks", "tasks_of_department", "targets"], limit=1)
    ['tasks_of_department']
    >>> nearest("完全不同", ["tasks"])
    []
    """
    from rapidfuzz import fuzz, process, utils

    options = sorted(set(choices))
    found = process.extract(word, options, scorer=fuzz.WRatio, processor=utils.default_process, limit=None,
                            score_cutoff=cutoff)
    found.sort(key=lambda hit: (-hit[1], hit[2]))
    return [choice for choice, _, _ in found[:limit]]


def did_you_mean(word: str, choices, limit: int = 3) -> str:
    """``"; did you mean A, B or C?"`` for the nearest choices, or ``""`` when none is near.

    Examples
    --------
    >>> did_you_mean("省发改委", ["省发展改革委", "省财政厅"])
    '; did you mean 省发展改革委?'
    >>> did_you_mean("x", [])
    ''
    """
    found = nearest(word, choices, limit)
    if not found:
        return ""
    listed = found[0] if len(found) == 1 else ", ".join(found[:-1]) + " or " + found[-1]
    return f"; did you mean {listed}?"
