"""Running a function over many sources, one process per core.

Both passes of ``kg build`` use it: parsing the sources, then writing their
lines.
"""

from __future__ import annotations

import os

__all__ = ["worker_count", "process_map"]


def worker_count(jobs: int | None, items: int) -> int:
    """Processes to use for ``items`` pieces of work: ``jobs``, or one per core, never more than the work.

    Examples
    --------
    >>> worker_count(4, 3), worker_count(2, 0)
    (3, 0)
    """
    return min(jobs or os.cpu_count() or 1, items)


def process_map(fn, items: list, workers: int, initializer=None, initargs=()):
    """``fn`` over ``items`` in ``workers`` processes; results in the order of ``items``, as they come.

    When the caller stops (an error, Ctrl-C, SIGTERM), the work not yet
    started is cancelled and only the pieces running are waited for.
    """
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=workers, initializer=initializer, initargs=initargs)
    try:
        yield from pool.map(fn, items, chunksize=max(1, len(items) // (workers * 8)))
    except BaseException:  # Ctrl-C, SIGTERM, an error: drop the work not started instead of finishing it first
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
