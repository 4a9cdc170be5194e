"""Cache entries of a build: one source's summary, then its records, as two pickles.

The first pass of ``kg build`` keeps only the summary (report, titles,
document numbers) of each source; the second pass reads the records. Reading
the summary leaves the records unread.
"""

from __future__ import annotations

import pickle
from pathlib import Path

__all__ = ["FORMAT", "entry_bytes", "read_summary", "read_records"]

#: Part of every cache key: entries of another format are never read.
FORMAT = 2


def entry_bytes(issue) -> bytes:
    """The cache entry of one extracted issue."""
    from .summary import summarise

    summary = summarise(issue)
    return pickle.dumps(summary, pickle.HIGHEST_PROTOCOL) + pickle.dumps(issue, pickle.HIGHEST_PROTOCOL)


def read_summary(entry: bytes | Path):
    """``(report, titles, numbers)`` from an entry's bytes or file; the records stay unread."""
    if isinstance(entry, bytes):
        return pickle.loads(entry)  # reads the first pickle only
    with open(entry, "rb") as f:
        return pickle.load(f)


def read_records(entry: Path):
    """The records of a cache entry file (the pickle after its summary)."""
    with open(entry, "rb") as f:
        pickle.load(f)
        return pickle.load(f)
