"""Cache entries of a build: one source's records and summary, as checked, versioned data (never code).

An entry is a gzip stream of lines of JSON, written as the source is read
(a document at a time, so no source's records are ever all in memory):

1. the header: ``{"format": "kg-cache", "version": 4, "key": …, "source_sha256": …}``;
2. each document (:func:`kg.records.to_data` of the :class:`~kg.records.Document`, encoded field by field),
   one line each;
3. the issue without its documents;
4. the summary (the source's report, the titles it numbers, its document
   numbers, how many documents there are and the pages the table of contents gives them);
5. the trailer: ``{"body_sha256": …}``, the SHA-256 of the lines from 2 to 4.

Reading checks everything before anything is believed: the format and
version, the key the entry was stored under, the SHA-256 of the source it
claims (against the source being built) and the SHA-256 of the body
(against the trailer), all in one pass over the stream before the records
are read in a second; the records are then rebuilt by
:func:`kg.records.from_data`, which accepts only data of the records' shape.
Any failure is a :class:`CacheError` and the build re-parses the source.

gzip was measured on the seed: its records are 464 KB of JSON, 70 KB
gzipped (level 6, 5 ms to write, 1 ms to read back); a pickle was 357 KB.

Examples
--------
>>> from kg.parse.extract import extract_text
>>> issue = extract_text("关于某事的通知\\n\\n浙政办发〔2019〕5号\\n\\n1. 推进。(牵头单位:省发改委)\\n", "a.txt")
>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d:
...     entry = Path(d) / "k1.json.gz"
...     _ = entry.write_bytes(entry_bytes(issue, "k1"))
...     report, titles, numbers = read_summary(entry, "k1", issue.sha256)
...     print(report["file"], numbers, read_records(entry) == issue)
...     read_summary(entry, "k2", issue.sha256)
Traceback (most recent call last):
kg.build.cache.CacheError: stored under another key (a foreign entry)
>>> report["file"], numbers
('a.txt', ('浙政办发〔2019〕5号',))
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import zlib
from collections import deque
from contextlib import contextmanager
from pathlib import Path

from ..errors import KgError

__all__ = ["FORMAT", "SUFFIX", "CacheError", "write_entry", "entry_bytes", "read_summary", "open_records",
           "read_records"]

#: Part of every cache key and of every entry's header: entries of another version are never read.
FORMAT = 4
#: The file name ending of an entry.
SUFFIX = ".json.gz"
_MARKER = "kg-cache"


class CacheError(KgError):
    """A cache entry that cannot be trusted: damaged, truncated, foreign, of another version, or edited."""


def _json(data) -> bytes:
    from ..records import record_fields

    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False,
                      default=record_fields).encode("utf-8")


def write_entry(fh, key: str, extraction):
    """Write the cache entry of ``extraction`` (a :class:`kg.parse.extract.Extraction`) to the binary file ``fh``.

    The documents are read, written and let go one at a time. Returns the
    summary, ``(report, titles, numbers)``, as :func:`read_summary` gives it.
    """
    from .summary import Summary

    issue = extraction.issue
    summary, body = Summary(), hashlib.sha256()
    # level 1: a third of level 6's time for entries half as large again (benchmarks/README.md)
    with gzip.GzipFile(filename="", mode="wb", compresslevel=1, fileobj=fh, mtime=0) as gz, \
            io.BufferedWriter(gz, 1 << 16) as out:
        out.write(_json({"format": _MARKER, "version": FORMAT, "key": key, "source_sha256": issue.sha256}) + b"\n")

        def line(data) -> None:
            data = _json(data) + b"\n"
            body.update(data)
            out.write(data)

        count = 0
        for doc in extraction.documents():
            line(doc)  # the records as to_data gives them, without building that tree
            summary.add(doc)
            count += 1
        pages = extraction.toc_pages
        result = summary.finish(issue, pages)
        report, titles, numbers = result
        line(issue)
        line({"report": report, "titles": list(titles.items()), "numbers": list(numbers), "documents": count,
              "toc_pages": sorted(pages.items())})
        out.write(_json({"body_sha256": body.hexdigest()}) + b"\n")
    return result


class _Extracted:
    """An issue already extracted whole, in the shape :func:`write_entry` reads."""

    def __init__(self, issue):
        from dataclasses import replace

        self.issue, self._documents, self.toc_pages = replace(issue, documents=[]), issue.documents, {}

    def documents(self):
        return iter(self._documents)


def entry_bytes(issue, key: str) -> bytes:
    """The cache entry of one issue extracted whole, stored under ``key``."""
    fh = io.BytesIO()
    write_entry(fh, key, _Extracted(issue))
    return fh.getvalue()


@contextmanager
def _reading():
    """Errors of the gzip stream (damaged, truncated, not gzip at all) as :class:`CacheError`."""
    try:
        yield
    except (OSError, EOFError, zlib.error) as exc:
        raise CacheError(f"cannot be read ({exc})") from None


def _header(gz, key: str, source_sha256: str | None) -> str:
    """The source digest of the header line, checked."""
    try:
        header = json.loads(gz.readline())
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
    sha = header.get("source_sha256")
    if not isinstance(sha, str):
        raise CacheError("has no source digest in its header")
    return sha


def _trailer(line: bytes | None, body) -> None:
    try:
        claimed = json.loads(line)["body_sha256"] if line else None
    except (ValueError, TypeError, KeyError, RecursionError):
        claimed = None
    if claimed != body.hexdigest():
        raise CacheError("does not match its own checksum (truncated or edited)")


def _scan(entry: Path, key: str, source_sha256: str | None) -> tuple[str, bytes, bytes]:
    """The source digest, issue line and summary line of an entry checked whole (read once, a line at a time)."""
    body, last, previous = hashlib.sha256(), deque(maxlen=2), None
    with _reading(), gzip.open(entry, "rb") as gz:
        sha = _header(gz, key, source_sha256)
        for line in gz:  # the trailer is the last line; every line before it is the body's
            if previous is not None:
                body.update(previous)
                last.append(previous)
            previous = line
    _trailer(previous, body)
    if len(last) < 2:
        raise CacheError("does not hold an issue and its summary")
    return sha, last[0], last[1]


def _summary_data(line: bytes) -> dict:
    try:
        data = json.loads(line)
        if not isinstance(data, dict):
            raise ValueError("not an object")
    except (ValueError, RecursionError) as exc:
        raise CacheError(f"has an unreadable summary ({exc})") from None
    return data


def read_summary(entry: Path, key: str, source_sha256: str | None):
    """``(report, titles, numbers)`` of a checked entry file; the records are not decoded.

    ``source_sha256`` is the digest of the source being built (``None``: an
    entry this build just wrote).
    """
    from ..records import DocNumber
    from .report import combine_reports

    sha, _, summary = _scan(Path(entry), key, source_sha256)
    data = _summary_data(summary)
    try:
        titles = {str(t): DocNumber.from_spelling(n) for t, n in data["titles"]}
        numbers = tuple(DocNumber.from_spelling(n) for n in data["numbers"])
        report = data["report"]
        if not isinstance(report, dict) or report.get("sha256") != sha:
            raise ValueError("a report of another source")
        if not isinstance(report.get("file"), str):
            raise ValueError("a report that names no file")
        combine_reports([report])  # every field a build reads of a report, read as the build reads it
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        raise CacheError(f"has an unreadable summary ({exc})") from None
    return report, titles, numbers


def open_records(entry: Path):
    """``(issue, documents)`` of a checked entry file: the :class:`~kg.records.Issue` without its documents,
    and an iterator of its :class:`~kg.records.Document` s, read one at a time.

    The entry is checked whole first; the documents are checked again as
    they are read (an entry changed in between raises :class:`CacheError`
    when they are done).
    """
    from ..records import Document, Issue, from_data

    entry = Path(entry)
    key = entry.name.removesuffix(SUFFIX)
    sha, issue_line, summary = _scan(entry, key, None)
    data = _summary_data(summary)
    try:
        issue = from_data(Issue, json.loads(issue_line))
        count = data["documents"]
        pages = {int(k): None if p is None else int(p) for k, p in data["toc_pages"]}
        if not isinstance(count, int) or issue.documents:
            raise ValueError("documents counted apart from the issue")
    except (ValueError, TypeError, KeyError, RecursionError, KgError) as exc:
        raise CacheError(f"has unreadable records ({exc})") from None
    if issue.sha256 != sha:
        raise CacheError("holds the records of another source")

    def documents():
        body = hashlib.sha256()
        with _reading(), gzip.open(entry, "rb") as gz:
            _header(gz, key, sha)
            for k in range(count):
                line = gz.readline()
                body.update(line)
                try:
                    doc = from_data(Document, json.loads(line))
                except (ValueError, RecursionError, KgError) as exc:
                    raise CacheError(f"has unreadable records ({exc})") from None
                if k in pages:
                    doc.toc_page = pages[k]
                yield doc
            for _ in range(2):
                body.update(gz.readline())
            _trailer(gz.readline(), body)

    return issue, documents()


def read_records(entry: Path):
    """The whole :class:`~kg.records.Issue` of a checked cache entry file (named by its key)."""
    issue, documents = open_records(entry)
    issue.documents = list(documents)
    return issue
