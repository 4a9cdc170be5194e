"""Cache entries of a build: one source's summary, then its records, as checked, versioned data (never code).

An entry is a gzip stream of three lines of JSON:

1. the header: ``{"format": "kg-cache", "version": 3, "key": …, "source_sha256": …, "body_sha256": …}``;
2. the summary (the source's report, the titles it numbers, its document numbers);
3. the records (:func:`kg.records.to_data` of the :class:`~kg.records.Issue`, encoded field by field).

Reading checks everything before anything is believed: the format and
version, the key the entry was stored under, the SHA-256 of the source it
claims (against the source being built) and the SHA-256 of the summary and
records (against the entry's own header); the records are then rebuilt by
:func:`kg.records.from_data`, which accepts only data of the records' shape.
Any failure is a :class:`CacheError` and the build re-parses the source.

gzip was measured on the seed: its records are 464 KB of JSON, 70 KB
gzipped (level 6, 5 ms to write, 1 ms to read back); a pickle was 357 KB.

Examples
--------
>>> from kg.parse.extract import extract_text
>>> issue = extract_text("关于某事的通知\\n\\n浙政办发〔2019〕5号\\n\\n1. 推进。(牵头单位:省发改委)\\n", "a.txt")
>>> entry = entry_bytes(issue, "k1")
>>> report, titles, numbers = read_summary(entry, "k1", issue.sha256)
>>> report["file"], numbers
('a.txt', ('浙政办发〔2019〕5号',))
>>> read_summary(entry, "k2", issue.sha256)
Traceback (most recent call last):
kg.build.cache.CacheError: stored under another key (a foreign entry)
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from pathlib import Path

from ..errors import KgError

__all__ = ["FORMAT", "SUFFIX", "CacheError", "entry_bytes", "read_summary", "read_records"]

#: Part of every cache key and of every entry's header: entries of another version are never read.
FORMAT = 3
#: The file name ending of an entry.
SUFFIX = ".json.gz"
_MARKER = "kg-cache"


class CacheError(KgError):
    """A cache entry that cannot be trusted: damaged, truncated, foreign, of another version, or edited."""


def _json(data) -> bytes:
    from ..records import record_fields

    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False,
                      default=record_fields).encode("utf-8")


def entry_bytes(issue, key: str) -> bytes:
    """The cache entry of one extracted issue, stored under ``key``."""
    from .summary import summarise

    report, titles, numbers = summarise(issue)
    body = _json({"report": report, "titles": list(titles.items()), "numbers": list(numbers)}) + b"\n" + \
        _json(issue) + b"\n"  # the records as to_data gives them, without building that tree
    header = {"format": _MARKER, "version": FORMAT, "key": key, "source_sha256": issue.sha256,
              "body_sha256": hashlib.sha256(body).hexdigest()}
    # level 1: a third of level 6's time for entries half as large again (benchmarks/README.md)
    return gzip.compress(_json(header) + b"\n" + body, 1, mtime=0)


def _open(entry: bytes | Path, key: str, source_sha256: str | None) -> tuple[str, bytes, bytes]:
    """The source digest, summary line and records line of a checked entry."""
    try:
        raw = entry if isinstance(entry, bytes) else Path(entry).read_bytes()
        data = gzip.decompress(raw)
    except (OSError, EOFError, zlib.error) as exc:
        raise CacheError(f"cannot be read ({exc})") from None
    head, _, body = data.partition(b"\n")
    try:
        header = json.loads(head)
    except (ValueError, RecursionError):
        raise CacheError("has no readable header") from None
    if not isinstance(header, dict) or header.get("format") != _MARKER:
        raise CacheError("is not a kg cache entry")
    if header.get("version") != FORMAT:
        raise CacheError(f"is of cache version {header.get('version')!r}, not {FORMAT}")
    if header.get("key") != key:
        raise CacheError("stored under another key (a foreign entry)")
    if source_sha256 is not None and header.get("source_sha256") != source_sha256:
        raise CacheError("was made from another text than the source's")
    if hashlib.sha256(body).hexdigest() != header.get("body_sha256"):
        raise CacheError("does not match its own checksum (truncated or edited)")
    summary, _, records = body.partition(b"\n")
    return header["source_sha256"], summary, records


def read_summary(entry: bytes | Path, key: str, source_sha256: str | None):
    """``(report, titles, numbers)`` of a checked entry (its bytes or its file); the records stay undecoded.

    ``source_sha256`` is the digest of the source being built (``None``: an
    entry this build just wrote).
    """
    from ..records import DocNumber

    sha, summary, _ = _open(entry, key, source_sha256)
    try:
        data = json.loads(summary)
        titles = {str(t): DocNumber.from_spelling(n) for t, n in data["titles"]}
        numbers = tuple(DocNumber.from_spelling(n) for n in data["numbers"])
        report = data["report"]
        if not isinstance(report, dict) or report.get("sha256") != sha:
            raise ValueError("a report of another source")
    except (ValueError, TypeError, KeyError, RecursionError) as exc:
        raise CacheError(f"has an unreadable summary ({exc})") from None
    return report, titles, numbers


def read_records(entry: Path):
    """The :class:`~kg.records.Issue` of a checked cache entry file (named by its key)."""
    from ..records import Issue, from_data

    entry = Path(entry)
    sha, _, records = _open(entry, entry.name.removesuffix(SUFFIX), None)
    try:
        issue = from_data(Issue, json.loads(records))
    except (ValueError, RecursionError, KgError) as exc:
        raise CacheError(f"has unreadable records ({exc})") from None
    if issue.sha256 != sha:
        raise CacheError("holds the records of another source")
    return issue
