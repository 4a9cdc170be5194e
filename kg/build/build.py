"""``kg build``: sources in, a graph, a report and a store out, all at once or not at all.

Outputs in the output folder:

- ``graph.nt``: the graph as N-Triples, byte-identical for the same input:
  each source in turn (with the organisations it names), each part sorted;
- ``graphs/``: the same triples as N-Quads, one file per source: its own
  lines in the graph named by its IRI, its shared lines in the shared graph;
- ``store/``: an Oxigraph store for fast SPARQL, holding those graphs;
- ``assignments.parquet``: every assignment, for the networks (:mod:`.table`; with pyarrow);
- ``report.json``: per issue and document what was found, every notice and self-check;
- ``cache/``: the records of each source, keyed by its content, so a rebuild
  re-parses only the files that changed;
- ``graph.ttl``: the graph as Turtle, only when asked for (``turtle=True``,
  ``kg build --turtle``): 16 M triples of it cost a minute and serve no reader.

Everything is written to a temporary folder beside the output and swapped in
when complete, so an interrupted or failed build leaves the previous outputs.
Sources are parsed in parallel, one process per core (:mod:`.parsing`), and
turned into lines the same way (:mod:`.writing`); :mod:`.graphs` joins them
into ``graph.nt`` and the store. A rebuild re-parses only the sources that
changed and writes again only their graphs (:mod:`.graphs`); with nothing
changed (the manifest's sizes and times of every source and output, the same
kg and reference data) it does nothing at all.
"""

from __future__ import annotations

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
    written: int = 0  # sources whose graph was written (the others' kept from the previous build)
    unchanged: bool = False  # nothing changed: the build did nothing
    state: dict = field(default_factory=dict)  # what the manifest records of the build's inputs


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
          table=None, jobs: int | None = None, steps=None, max_size: int | None = None,
          turtle: bool = False) -> BuildResult:
    """Build the graph of ``sources`` (the bundled sample when empty) into ``out_dir``.

    ``jobs`` processes parse the sources (default: one per core). ``steps``
    (a :class:`kg.progress.Steps`; default: none shown) hears each long step:
    parsing and writing the graph counted, the store's load (or update) and
    compaction timed. Records are held one document at a time, so memory
    grows neither with the corpus nor with the size of one source. No source
    may be larger than ``max_size`` bytes (default
    :data:`~kg.text.reading.DEFAULT_MAX_SIZE`). ``turtle`` writes ``graph.ttl`` too.

    The output folder is checked before any work (:meth:`OutputDir.check`):
    it must be new, empty or kg's, and neither hold nor lie inside a source.
    """
    from ..output import write_error
    from ..rdf.iris import Minter
    from ..text.reading import DEFAULT_MAX_SIZE
    from .inputs import fingerprint, path_stats
    from .sources import collect_sources, sample_sources

    minter = Minter(base)
    max_size = max_size or DEFAULT_MAX_SIZE
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
            inputs = fingerprint(minter.base, encoding, max_size, turtle) if table is None else None
            state = out.state() if inputs is not None else None
            if state is not None and state.get("inputs") != inputs:
                state = None
            stats, walked = path_stats(paths), [list(s) for s in skipped]
            if state is not None and state.get("paths") == stats and state.get("walked") == walked:
                result = _unchanged(out, state)
            else:
                tmp = out.partial()
                try:
                    result = _build_into(tmp, out, paths, skipped, encoding, table, minter, jobs, steps or QUIET,
                                         max_size, notes, state, turtle)
                    if inputs is not None:
                        result.state.update(inputs=inputs, paths=stats, walked=walked)
                    out.swap_in(tmp, result.state if inputs is not None else None)
                except BaseException:
                    out.discard(tmp)
                    raise
    except OSError as exc:
        raise write_error(out.path, exc, "the previous outputs are as they were") from None
    result.kept, result.notes = kept, notes
    return result


def _unchanged(out: OutputDir, state: dict) -> BuildResult:
    """The result of a build with nothing to do: what the previous one recorded."""
    import json

    report = json.loads(out.report.read_text("utf-8"))
    skipped = [(s["file"], s["error"]) for s in report["skipped"]]
    return BuildResult(out.path, report["issues"], skipped, state["triples"], 0, len(state["paths"]),
                       unchanged=True)


def _build_into(tmp: Path, out: OutputDir, paths, skipped, encoding, table, minter, jobs, steps, max_size,
                notes, state, turtle) -> BuildResult:
    """Both passes into ``tmp``; the caller swaps it in."""
    from ..reference.organisations import load_table
    from .parsing import Known, extract_path, parse_sources

    table = table or load_table()
    old_cache = out.cache if out.cache.is_dir() else None
    known = Known({r["path"]: r for r in state["sources"]}, out.cache, out.report) if state else None
    with steps.counting("parsing", "files") as bar:
        parsed, count = parse_sources(paths, encoding, table, old_cache, OutputDir(tmp).cache, jobs, bar.update,
                                      max_size, notes, known)
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
    from .second import write_second_pass

    result = write_second_pass(kept, skipped, table, minter, OutputDir(tmp), out if state else None, state, jobs,
                               notes, turtle, steps)
    result.parsed, result.cached, result.out_dir = count, len(paths) - count, out.path
    return result

