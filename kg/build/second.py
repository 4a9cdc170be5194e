"""The second pass of a build: the sources' graphs written (only those that changed), then joined.

For each source kept after the first pass it decides whether its N-Quads
file from the previous build still holds (:func:`~.graphs.context`), has the
others written (:mod:`.writing`), and joins them all into ``graph.nt``, the
store, the assignments table and the report, in ``tmp``.
"""

from __future__ import annotations

import os
from collections import Counter

__all__ = ["write_second_pass"]


def _drop_repeated_texts(parsed, skipped):
    """The first of sources holding the same text; the others join ``skipped``, named."""
    first, kept = {}, []
    for p in parsed:
        sha, name = p.report["sha256"], p.report["file"]
        if sha in first:
            skipped.append((name, f"{name}: the same text as {first[sha]}; read once"))
        else:
            first[sha] = name
            kept.append(p)
    return kept


def _link(src, dst) -> None:
    try:
        os.link(src, dst)
    except OSError:  # another file system: a copy
        import shutil

        shutil.copyfile(src, dst)


def write_second_pass(parsed, skipped, table, minter, tmp, old, state, jobs, notes, turtle, steps):
    """Write ``tmp``'s graph.nt, graphs/, store, table and report; ``old`` and ``state``: the previous build.

    ``steps`` (a :class:`kg.progress.Steps`) hears the sources written, then the store's load or update.
    """
    from ..reference.organisations import load_table
    from .build import BuildResult
    from .graphs import Assembly, context, nq_name, quad_lines
    from .report import combine_reports, report_bytes
    from .table import available
    from .writing import write_sources

    parsed = _drop_repeated_texts(parsed, skipped)
    titles: dict = {}  # first wins, source by source: numbers_by_title over the whole build
    for p in parsed:
        for title, number in p.titles.items():
            titles.setdefault(title, number)
    published = Counter(n for p in parsed for n in set(p.numbers))
    shared_numbers = frozenset(n for n, k in published.items() if k > 1)  # documents printed in several sources
    prev = {r["sha256"]: r for r in state["sources"]} if state else {}
    shas = [p.report["sha256"] for p in parsed]
    reuse = [old is not None and sha in prev and prev[sha]["key"] == p.key and (old.graphs / nq_name(sha)).is_file()
             and context(p.numbers, prev[sha]["lookups"], titles, shared_numbers) == prev[sha]["context"]
             for p, sha in zip(parsed, shas)]
    tmp.graphs.mkdir()
    chunks = tmp.path / "chunks"
    chunks.mkdir()
    jobs_list = [(p.cache, tmp.graphs / nq_name(sha), chunks / f"{k:07d}.nt", p.source)
                 for k, (p, sha, again) in enumerate(zip(parsed, shas, reuse)) if not again]
    with_table = available()
    written = write_sources(jobs_list, minter, titles, shared_numbers, table, jobs, table is load_table(),
                            with_table)
    asm = Assembly(tmp, old, minter.shared_graph())
    records, tables, pool = [], {}, set()
    incremental = old is not None and any(reuse) and old.store.is_dir()
    done = 0
    try:
        with steps.counting("writing the graph", "sources") as bar:
            for k, (p, sha, again) in enumerate(zip(parsed, shas, reuse)):
                nq = tmp.graphs / nq_name(sha)
                if again:
                    r = prev[sha]
                    _link(old.graphs / nq_name(sha), nq)
                    parts = r["parts"]
                    data = _read(nq, parts[0], parts[1] + (parts[2] if incremental else 0))
                    asm.add(quad_lines(data[:parts[1]]), old_block=r["nt"][:3], local_count=r["nt"][3])
                    data = data[parts[1]:]
                    lookups = r["lookups"]
                else:
                    w = next(written)
                    if w.note:
                        notes.append(w.note)
                    asm.add(w.shared, local=chunks / f"{k:07d}.nt", local_count=w.local_count)
                    parts, lookups = list(w.parts), w.lookups
                    for entry, found in w.tables.items():
                        tables.setdefault(entry, []).extend(found)
                    done += 1
                    bar.update(done, len(jobs_list))
                    if incremental:
                        data = _read(nq, parts[0] + parts[1], parts[2])
                if incremental:  # the source's part 3 here; the shared lines of part 2 are the assembly's, below
                    pool.update(quad_lines(data))
                records.append({"path": str(p.source[0]), "size": p.stat[0] if p.stat else None,
                                "mtime_ns": p.stat[1] if p.stat else None, "key": p.key, "sha256": sha,
                                "titles": [[t, str(n)] for t, n in p.titles.items()],
                                "numbers": [str(n) for n in p.numbers], "lookups": lookups,
                                "context": context(p.numbers, lookups, titles, shared_numbers), "parts": parts,
                                "nt": [*asm.blocks[-1], asm.block_lines[-1]]})
    finally:
        asm.close()
    pool.update(asm.seen if incremental else ())  # every source's shared lines, as graph.nt took them
    chunks.rmdir()
    _store(tmp, old, prev, shas, reuse, minter, pool if incremental else None, steps, asm.count)
    if with_table:
        _tables(tmp, old, tables, {sha[:16] for sha, again in zip(shas, reuse) if again})
    if turtle:
        from .turtle import write_turtle

        write_turtle(tmp.graph_nt, asm.blocks, tmp.graph_ttl)
    report = combine_reports([p.report for p in parsed], skipped)
    report["totals"]["triples"] = asm.count
    data, places = report_bytes(report, _kept_reports(parsed, prev, old))
    tmp.report.write_bytes(data)
    for record, place in zip(records, places):
        record["report"] = place
    state = {"triples": asm.count, "sources": records}
    return BuildResult(tmp.path, [p.report for p in parsed], skipped, asm.count, written=len(jobs_list),
                       state=state)


def _kept_reports(parsed, prev: dict, old) -> list:
    """Each source's report as the previous ``report.json`` holds it, where it is that build's (else ``None``).

    The previous build recorded each report's place in its file; the
    manifest trusts the file only as that build wrote it (its size and time).
    """
    if old is None or not any(p.report_kept for p in parsed) or not old.report.is_file():
        return [None] * len(parsed)
    previous = old.report.read_bytes()
    out = []
    for p in parsed:
        place = prev.get(p.report["sha256"], {}).get("report") if p.report_kept else None
        out.append(previous[place[0]:place[0] + place[1]] if place and place[1] else None)
    return out


def _read(path, offset: int, length: int) -> bytes:
    with open(path, "rb") as f:
        f.seek(offset)
        return f.read(length)


def _store(tmp, old, prev, shas, reuse, minter, pool, steps, count: int) -> None:
    """The store: updated from the previous one where sources were kept, else bulk-loaded and compacted."""
    from .graphs import nq_name, quad_lines
    from .store import compact_store, load_store, update_store

    if pool is None:
        with steps.waiting(f"loading {count} triples into the store"):
            load_store([tmp.graphs / nq_name(sha) for sha in shas], tmp.store)
        with steps.waiting("compacting the store"):
            compact_store(tmp.store)
        return
    kept = {sha for sha, again in zip(shas, reuse) if again}
    replaced, gone = {}, set()
    for sha, r in prev.items():  # the previous graphs of sources changed or gone: their shared lines may go
        if sha not in kept:
            replaced[minter.source(sha)] = None
            parts = r["parts"]
            gone.update(quad_lines(_read(old.graphs / nq_name(sha), parts[0], parts[1] + parts[2])))
    for sha, again in zip(shas, reuse):  # the new files whole: their shared lines are added (or already there)
        if not again:
            replaced[minter.source(sha)] = tmp.graphs / nq_name(sha)
    with steps.waiting(f"updating the graphs of {len(replaced)} source(s) in the store"):
        update_store(old.store, tmp.store, replaced, b"".join(sorted(gone - pool)))


def _tables(tmp, old, rows: dict, kept: set) -> None:
    """The build's tables (:mod:`.table`): the rows of the sources written now, the previous tables' of those kept."""
    from .table import TABLES, write_table

    for entry, table in TABLES.items():
        previous = getattr(old, entry) if kept and old is not None else None
        write_table(rows.get(entry, []), getattr(tmp, entry),
                    previous if previous is not None and previous.is_file() else None, kept, table)
