"""The second pass of a build: the graph as N-Triples and Turtle, from the cached records, on every core.

Each worker turns one source's records into lines (:func:`kg.graph.issue_lines`)
and writes the lines only that source can give, sorted, to a chunk file, with
their Turtle beside it; the lines several sources may give (the organisations
they name among them) come back to the parent, which writes each once, where
first seen. ``graph.nt`` and ``graph.ttl`` are then each source in turn: the
same input gives the same bytes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

__all__ = ["write_graph"]

_worker: dict = {}


def _setup(base, titles, shared_numbers, table=None):
    from ..rdf.iris import Minter
    from ..reference.organisations import load_table

    _worker.update(minter=Minter(base), titles=titles, shared_numbers=shared_numbers, table=table or load_table())


def _lines(job):
    """Worker: one source's lines; the local ones into ``chunk`` (and its Turtle).

    Returns the shared lines, how many local ones the chunk holds, and a
    note when the cache entry's records failed their checks and ``source``
    (``(path, encoding, max_size)``) was parsed again instead.
    """
    from .cache import CacheError, read_records
    from ..rdf.issue import issue_lines
    from ..rdf.namespaces import PREFIXES
    from ..rdf.turtle import turtle

    cache, chunk, source = job
    w = _worker
    note = None
    try:
        records = read_records(cache)
    except CacheError as exc:  # an entry that passed the first pass's checks but whose records do not hold
        if source is None:
            raise CacheError(f"{cache}: {exc}") from None
        from .parsing import extract_path

        path, encoding, max_size = source
        records = extract_path(path, encoding, w["table"], max_size)
        note = f"cache entry {Path(cache).name[:16]}… for {path} {exc}; parsed the source again"
    local, shared = issue_lines(records, w["minter"], w["table"], w["titles"], w["shared_numbers"])
    local = sorted(set(local))
    data = "".join(local).encode("utf-8")
    chunk.write_bytes(data)
    chunk.with_suffix(".ttl").write_bytes(turtle(data, PREFIXES)[1])
    return shared, len(local), note


def write_graph(caches, titles: dict, shared_numbers, table, minter, nt_path: Path, ttl_path: Path, chunks: Path,
                jobs: int | None = None, parallel: bool = True, sources=None, notes: list | None = None,
                progress=None) -> int:
    """Write the graph of the cached sources ``caches`` as N-Triples and Turtle; return its number of triples.

    ``caches`` are the first pass's cache entries, in build order; ``titles``
    and ``shared_numbers`` are as :func:`kg.graph.issue_lines` takes them, for
    the whole build. With ``parallel`` (the default table only), one process
    per core. ``sources`` (``(path, encoding, max_size)`` for each cache
    entry) are parsed again where an entry's records fail their checks;
    ``notes`` gets a line for each. ``progress(done, total)`` hears each
    source written.
    """
    from ..rdf.namespaces import PREFIXES
    from ..rdf.turtle import prefix_lines, turtle

    chunks.mkdir(parents=True, exist_ok=True)
    sources = sources or [None] * len(caches)
    jobs_list = [(c, chunks / f"{k:07d}.nt", src) for k, (c, src) in enumerate(zip(caches, sources))]
    seen: set[str] = set()
    count = written = 0
    with open(nt_path, "wb") as nt, open(ttl_path, "wb") as ttl:
        ttl.write(prefix_lines(PREFIXES))
        for (cache, chunk, _), (shared, local_count, note) in zip(jobs_list, _map(jobs_list, minter, titles,
                                                                                  shared_numbers, table, jobs,
                                                                                  parallel)):
            if note and notes is not None:
                notes.append(note)
            new = sorted(set(shared) - seen)
            seen.update(new)
            block = "".join(new).encode("utf-8")
            nt.write(block)
            ttl.write(turtle(block, PREFIXES)[1])
            count += len(new) + local_count
            _append(chunk, nt)
            _append(chunk.with_suffix(".ttl"), ttl)
            written += 1
            if progress:
                progress(written, len(jobs_list))
    return count


def _map(jobs_list, minter, titles, shared_numbers, table, jobs, parallel):
    from .parallel import process_map, worker_count

    workers = worker_count(jobs, len(jobs_list))
    if workers > 1 and parallel:
        yield from process_map(_lines, jobs_list, workers, _setup, (minter.base, titles, shared_numbers))
        return
    _setup(minter.base, titles, shared_numbers, table)
    for job in jobs_list:
        yield _lines(job)


def _append(path: Path, out) -> None:
    """Copy ``path`` to the end of ``out`` and delete it."""
    with open(path, "rb") as f:
        shutil.copyfileobj(f, out, 1 << 20)
    path.unlink()
