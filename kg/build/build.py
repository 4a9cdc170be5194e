"""``kg build``: sources in, a graph, a report and a store out, all at once or not at all.

Outputs in the output folder:

- ``graph.ttl``: the graph as Turtle, byte-identical for the same input;
- ``graph.nt``: the same triples as N-Triples (for loading elsewhere); both
  hold each source in turn (with the organisations it names), each part sorted;
- ``report.json``: per issue and document what was found, every notice and self-check;
- ``store/``: an Oxigraph store for fast SPARQL;
- ``cache/``: the records of each source, keyed by its content, so a rebuild
  re-parses only the files that changed.

Everything is written to a temporary folder beside the output and swapped in
when complete, so an interrupted or failed build leaves the previous outputs.
Sources are parsed in parallel, one process per core (:mod:`.parsing`),
and turned into N-Triples and Turtle the same way (:mod:`kg.build.writing`); the
store is then bulk-loaded from the N-Triples.
"""

from __future__ import annotations

import shutil
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KgError
from ..progress import QUIET
from ..rdf.iris import DEFAULT_BASE
from .output_dir import OutputDir

__all__ = ["BuildResult", "build", "Terminated"]


class Terminated(KeyboardInterrupt):
    """A build stopped by SIGTERM, cleaned up as after Ctrl-C.

    Not a :class:`~kg.errors.KgError` on purpose: no ``except KgError`` on the
    way (a source that cannot be read, say) may take it for a file's error.
    """


@dataclass
class BuildResult:
    """What a build did; ``reports`` are the per-issue reports of ``report.json``.

    ``kept`` names the files in the output folder that kg did not write and
    left there; ``notes`` says what else the build did on the way (stale
    staging folders removed, cache entries that failed their checks).
    """

    out_dir: Path
    reports: list
    skipped: list = field(default_factory=list)
    triples: int = 0
    parsed: int = 0
    cached: int = 0
    kept: list = field(default_factory=list)
    notes: list = field(default_factory=list)


@contextmanager
def _sigterm_as_interrupt():
    """SIGTERM raises :class:`Terminated` (in the main thread), so it unwinds and cleans up like Ctrl-C."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise Terminated(f"stopped by signal {signum}")

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def build(sources=(), out_dir="kg-out", base: str = DEFAULT_BASE, encoding: str | None = None,
          table=None, jobs: int | None = None, steps=None, max_size: int | None = None) -> BuildResult:
    """Build the graph of ``sources`` (the bundled sample when empty) into ``out_dir``.

    ``jobs`` processes parse the sources (default: one per core). ``steps``
    (a :class:`kg.progress.Steps`; default: none shown) hears each long step:
    parsing and writing the graph counted, the store's load and compaction
    timed. Records are held one
    issue at a time, so memory does not grow with the corpus. No source may be
    larger than ``max_size`` bytes (default
    :data:`~kg.text.reading.DEFAULT_MAX_SIZE`).

    The output folder is checked before any work (:meth:`OutputDir.check`):
    it must be new, empty or kg's, and neither hold nor lie inside a source.
    """
    from ..output import write_error
    from ..rdf.iris import Minter
    from ..reference.organisations import load_table
    from .sources import collect_sources, sample_sources

    table = table or load_table()
    minter = Minter(base)
    if sources:
        paths, skipped = collect_sources(sources)
    else:
        paths, skipped = [(p, True) for p in sample_sources()], []
    out = OutputDir(out_dir)
    named = [*(str(s) for s in sources if not any(ch in str(s) for ch in "*?[")), *(str(p) for p, _ in paths)]
    try:
        out.check(named)  # before any work: the lock file is kg's first write
        with out.locked(), _sigterm_as_interrupt():
            notes = out.clean_stale()
            kept = out.check(named)  # again, now that no other build can change the folder
            tmp = out.partial()
            try:
                result = _build_into(tmp, out, paths, skipped, encoding, table, minter, jobs, steps or QUIET,
                                     max_size, notes)
            except BaseException:
                out.discard(tmp)
                raise
    except OSError as exc:
        raise write_error(out.path, exc, "the previous outputs are as they were") from None
    result.kept, result.notes = kept, notes
    return result


def _build_into(tmp: Path, out: OutputDir, paths, skipped, encoding, table, minter, jobs, steps, max_size,
                notes) -> BuildResult:
    """Both passes into ``tmp``, then the swap."""
    from .parsing import extract_path, parse_sources

    old_cache = out.cache if out.cache.is_dir() else None
    with steps.counting("parsing", "files") as bar:
        parsed, count = parse_sources(paths, encoding, table, old_cache, OutputDir(tmp).cache, jobs, bar.update,
                                      max_size, notes)
    kept = []
    for (path, named), p in zip(paths, parsed):
        if p.error is not None:
            if named:  # raise the parser's own error (its type and message) for a file the user named
                if p.exc is not None:
                    raise p.exc
                extract_path(path, encoding, table, max_size)
                raise KgError(p.error)
            skipped.append((str(path), p.error))
        else:
            kept.append(p)
    if not kept:
        raise KgError("no source could be read: " + "; ".join(e for _, e in skipped))
    result = _write(kept, skipped, table, minter, OutputDir(tmp), out, jobs, notes, steps)
    result.parsed, result.cached = count, len(paths) - count
    return result


def _write(parsed, skipped, table, minter, tmp: OutputDir, out: OutputDir, jobs: int | None,
           notes: list, steps=QUIET) -> BuildResult:
    """Second pass: graph and Turtle (on every core), report and store into ``tmp``, then swapped in."""
    from collections import Counter

    from ..reference.organisations import load_table
    from ..output import dump_json
    from .report import combine_reports
    from .store import compact_store, load_store
    from .writing import write_graph

    parsed = _drop_repeated_texts(parsed, skipped)
    titles: dict = {}  # first wins, source by source: numbers_by_title over the whole build
    for p in parsed:
        for title, number in p.titles.items():
            titles.setdefault(title, number)
    published = Counter(n for p in parsed for n in set(p.numbers))
    shared_numbers = frozenset(n for n, k in published.items() if k > 1)  # documents printed in several sources
    with steps.counting("writing the graph", "sources") as bar:
        count = write_graph([p.cache for p in parsed], titles, shared_numbers, table, minter, tmp.graph_nt,
                            tmp.graph_ttl, tmp.path / "chunks", jobs, parallel=table is load_table(),
                            sources=[p.source for p in parsed], notes=notes, progress=bar.update)
    shutil.rmtree(tmp.path / "chunks", ignore_errors=True)
    report = combine_reports([p.report for p in parsed], skipped)
    report["totals"]["triples"] = count
    tmp.report.write_text(dump_json(report) + "\n", encoding="utf-8")
    with steps.waiting(f"loading {count} triples into the store"):
        load_store(tmp.graph_nt, tmp.store)
    with steps.waiting("compacting the store"):
        compact_store(tmp.store)
    out.swap_in(tmp.path)
    return BuildResult(out.path, [p.report for p in parsed], skipped, count)


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


