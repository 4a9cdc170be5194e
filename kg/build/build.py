"""``kg build``: sources in, a graph, a report and a store out, all at once or not at all.

Outputs in the output folder:

- ``graph.ttl``: the graph as Turtle, byte-identical for the same input;
- ``graph.nt``: the same triples as N-Triples (for loading elsewhere); both
  hold the department table, then each source in turn, each part sorted;
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
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KgError
from ..rdf.iris import DEFAULT_BASE
from .output_dir import OutputDir

__all__ = ["BuildResult", "build"]


@dataclass
class BuildResult:
    """What a build did; ``reports`` are the per-issue reports of ``report.json``."""

    out_dir: Path
    reports: list
    skipped: list = field(default_factory=list)
    triples: int = 0
    parsed: int = 0
    cached: int = 0


def build(sources=(), out_dir="kg-out", base: str = DEFAULT_BASE, encoding: str | None = None,
          table=None, jobs: int | None = None, progress=None) -> BuildResult:
    """Build the graph of ``sources`` (the bundled sample when empty) into ``out_dir``.

    ``jobs`` processes parse the sources (default: one per core); ``progress``
    is called as ``progress(done, total)`` while they do. Records are held one
    issue at a time, so memory does not grow with the corpus.
    """
    from ..rdf.iris import Minter
    from ..reference.organisations import load_table
    from .parsing import parse_sources
    from .sources import collect_sources, sample_sources

    table = table or load_table()
    minter = Minter(base)
    paths = collect_sources(sources) if sources else [(p, True) for p in sample_sources()]
    out = OutputDir(out_dir)
    tmp = out.partial()
    try:
        old_cache = out.cache if out.cache.is_dir() else None
        parsed, count = parse_sources(paths, encoding, table, old_cache, OutputDir(tmp).cache, jobs, progress)
        kept, skipped = [], []
        for (path, named), p in zip(paths, parsed):
            if p.error is not None:
                if named:  # raise the parser's own error (its type and message) for a file the user named
                    from ..parse.extract import extract_file

                    extract_file(path, encoding=encoding, table=table)
                    raise KgError(p.error)
                skipped.append((str(path), p.error))
            else:
                kept.append(p)
        if not kept:
            raise KgError("no source could be read: " + "; ".join(e for _, e in skipped))
        result = _write(kept, skipped, table, minter, OutputDir(tmp), out, jobs)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    result.parsed, result.cached = count, len(paths) - count
    return result


def _write(parsed, skipped, table, minter, tmp: OutputDir, out: OutputDir, jobs: int | None) -> BuildResult:
    """Second pass: graph and Turtle (on every core), report and store into ``tmp``, then swapped in."""
    from collections import Counter

    from ..reference.organisations import load_table
    from ..output import dump_json
    from .report import combine_reports
    from .store import load_store
    from .writing import write_graph

    parsed = _drop_repeated_texts(parsed, skipped)
    titles: dict = {}  # first wins, source by source: numbers_by_title over the whole build
    for p in parsed:
        for title, number in p.titles.items():
            titles.setdefault(title, number)
    published = Counter(n for p in parsed for n in set(p.numbers))
    shared_numbers = frozenset(n for n, k in published.items() if k > 1)  # documents printed in several sources
    count = write_graph([p.cache for p in parsed], titles, shared_numbers, table, minter, tmp.graph_nt,
                        tmp.graph_ttl, tmp.path / "chunks", jobs, parallel=table is load_table())
    shutil.rmtree(tmp.path / "chunks", ignore_errors=True)
    report = combine_reports([p.report for p in parsed], skipped)
    report["totals"]["triples"] = count
    tmp.report.write_text(dump_json(report) + "\n", encoding="utf-8")
    load_store(tmp.graph_nt, tmp.store)
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


