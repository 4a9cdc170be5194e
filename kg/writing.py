"""The second pass of a build: the graph's N-Triples, from the cached records, on every core.

Each worker turns one source's records into lines (:func:`kg.graph.issue_lines`)
and writes the lines only that source can give, sorted, to a chunk file; the
lines several sources may give come back to the parent, which writes each
once, where first seen. ``graph.nt`` is then the department table followed by
each source in turn: the same input gives the same bytes.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

__all__ = ["write_graph", "read_records"]

_worker: dict = {}


def read_records(cache: Path):
    """The records of a cache entry (the pickle after its summary)."""
    with open(cache, "rb") as f:
        pickle.load(f)
        return pickle.load(f)


def _setup(base, titles, shared_numbers, table=None):
    from .iris import Minter
    from .organisations import load_table

    _worker.update(minter=Minter(base), titles=titles, shared_numbers=shared_numbers, table=table or load_table())


def _lines(job):
    """Worker: one source's lines; the local ones into ``chunk``, the shared ones returned."""
    from .graph import issue_lines

    cache, chunk = job
    w = _worker
    local, shared = issue_lines(read_records(cache), w["minter"], w["table"], w["titles"], w["shared_numbers"])
    with open(chunk, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(sorted(set(local)))
    return shared


def write_graph(caches, table, minter, target: Path, chunks: Path, jobs: int | None = None,
                parallel: bool = True) -> int:
    """Write the graph of the cached sources ``caches`` to ``target``; return its number of lines.

    ``caches`` are the first pass's cache entries, in build order. With
    ``parallel`` (the default table only), one process per core.
    """
    from collections import Counter

    from .graph_organisations import organisation_lines

    caches = list(caches)
    titles, published = {}, Counter()
    for summary in map(_summary, caches):  # first wins: numbers_by_title over all sources, in order
        for title, number in summary[1].items():
            titles.setdefault(title, number)
        published.update(set(summary[2]))
    shared_numbers = frozenset(n for n, k in published.items() if k > 1)
    chunks.mkdir(parents=True, exist_ok=True)
    jobs_list = [(c, chunks / f"{k:07d}.nt") for k, c in enumerate(caches)]
    seen = set(organisation_lines(table, minter))
    with open(target, "w", encoding="utf-8", newline="\n") as out:
        out.writelines(sorted(seen))
        count = len(seen)
        for (cache, chunk), shared in zip(jobs_list, _map(jobs_list, minter, titles, shared_numbers, table,
                                                          jobs, parallel)):
            new = sorted(set(shared) - seen)
            seen.update(new)
            out.writelines(new)
            with open(chunk, encoding="utf-8", newline="\n") as f:
                count += len(new) + _copy_counting(f, out)
            chunk.unlink()
    return count


def _summary(cache: Path):
    with open(cache, "rb") as f:
        return pickle.load(f)


def _map(jobs_list, minter, titles, shared_numbers, table, jobs, parallel):
    workers = min(jobs or os.cpu_count() or 1, len(jobs_list))
    if workers > 1 and parallel:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers, initializer=_setup,
                                 initargs=(minter.base, titles, shared_numbers)) as pool:
            yield from pool.map(_lines, jobs_list, chunksize=max(1, len(jobs_list) // (workers * 8)))
        return
    _setup(minter.base, titles, shared_numbers, table)
    for job in jobs_list:
        yield _lines(job)


def _copy_counting(src, dst) -> int:
    lines = 0
    while True:
        block = src.read(1 << 20)
        if not block:
            return lines
        lines += block.count("\n")
        dst.write(block)

