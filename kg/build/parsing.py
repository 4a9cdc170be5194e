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

__all__ = ["Parsed", "parse_sources"]


def _cache_key(data: bytes, path: Path, encoding, table_digest: str) -> str:
    import hashlib

    from .._version import __version__
    from .cache import FORMAT

    h = hashlib.sha256(data)
    h.update(f"\0{path}\0{encoding}\0{__version__}\0{table_digest}\0{FORMAT}".encode("utf-8"))
    return h.hexdigest()


def _extract_one(job):
    """Worker: extract one file; return ``(index, cache entry or None, error or None)``.

    The records travel pickled once: the parent keeps the bytes for the cache.
    """
    from .cache import entry_bytes
    from ..parse.extract import extract_file

    index, path, encoding = job
    try:
        return index, entry_bytes(extract_file(path, encoding=encoding)), None
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


def _summary(entry, cache: Path) -> Parsed:
    """What the build keeps of a cache entry (its bytes or its file), stored at ``cache``."""
    from .cache import read_summary

    report, titles, numbers = read_summary(entry)
    return Parsed(cache, report, titles, numbers)


def parse_sources(paths, encoding, table, cache_dir: Path | None, new_cache: Path, jobs: int | None, progress):
    """First pass: every source's records into ``new_cache`` (reused where unchanged), summaries kept.

    Returns ``(list of Parsed, number of files parsed)``.
    """
    import hashlib

    from .cache import entry_bytes
    from ..reference.organisations import load_table
    from .parallel import process_map, worker_count

    new_cache.mkdir(parents=True, exist_ok=True)
    table_digest = hashlib.sha256(repr([(o.id, o.name, o.aliases, o.valid_from, o.valid_to)
                                        for o in table.organisations]).encode("utf-8")).hexdigest()
    results: dict[int, Parsed] = {}
    todo, keys = [], {}
    for k, (path, _) in enumerate(paths):
        try:
            data = path.read_bytes()
        except OSError:
            todo.append((k, path, encoding))  # the parser reports it
            continue
        keys[k] = key = _cache_key(data, path, encoding, table_digest)
        old = cache_dir / f"{key}.pickle" if cache_dir else None
        if old is not None and old.is_file():
            target = new_cache / old.name
            try:
                results[k] = _summary(old, target)
            except Exception:  # a stale or damaged cache entry is re-parsed  # noqa: BLE001
                pass
            else:
                os.link(old, target) if _same_device(old, new_cache) else shutil.copyfile(old, target)
                continue
        todo.append((k, path, encoding))

    def keep(k, data, error):
        if data is None:
            results[k] = Parsed(error=error)
            return
        target = new_cache / f"{keys.get(k) or k}.pickle"
        target.write_bytes(data)
        results[k] = _summary(data, target)

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
        from ..parse.extract import extract_file

        for k, path, enc in todo:
            try:
                keep(k, entry_bytes(extract_file(path, encoding=enc, table=table)), None)
            except KgError as exc:
                keep(k, None, str(exc))
            done += 1
            if progress:
                progress(done, len(paths))
    return [results[k] for k in range(len(paths))], len(todo)


def _same_device(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_dev == b.stat().st_dev
    except OSError:
        return False
