"""The second pass of a build: each source's lines, written as its own N-Quads file, on every core.

A worker turns one source's records (from the cache) into N-Triples lines
(:func:`kg.rdf.issue.issue_lines`) and writes ``graphs/SOURCE.nq``, the
source's file of the build's N-Quads (:mod:`.graphs` says how the files make
the graph, the store and ``graph.nt``). The file has three parts, each sorted:

1. the source's own lines, in the graph named by its IRI (``…/source/81eaf4dbb71cf20c``);
2. its shared lines (organisations, cited documents, industries, places,
   the issue: lines other sources may give too), in the shared graph;
3. the lines of its own documents that a citation elsewhere gives as well
   (``a kgo:PolicyDocument``, the number, title and label), in the shared
   graph too, so that no triple is in two graphs (a query over the union of
   the graphs would count it twice).

It also writes the source's block of ``graph.nt`` (its own lines, sorted, as
before) and returns its shared lines, its rows of the assignments table and
the titles it looked up (a cited document without a number takes the number
another source gives it: when that changes, the source is written again).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Written", "graph_lines", "write_sources"]

_worker: dict = {}


@dataclass
class Written:
    """What the second pass returns of one source besides its files."""

    shared: list  # its shared lines (part 2) as quads in the shared graph, bytes, sorted
    local_count: int  # lines in its block of graph.nt
    parts: tuple  # bytes of the three parts of its N-Quads file
    lookups: list = field(default_factory=list)  # titles it looked up in the build's titles
    rows: list = field(default_factory=list)  # its rows of the assignments table
    note: str | None = None


def _setup(base, titles, shared_numbers, table=None, rows=True):
    from ..rdf.iris import Minter
    from ..reference.organisations import load_table

    _worker.update(minter=Minter(base), titles=titles, shared_numbers=shared_numbers, table=table or load_table(),
                   rows=rows)


def _citable(local: list[str], subjects) -> set[str]:
    """The lines of ``local`` (sorted) about ``subjects`` that a citation states too."""
    from ..rdf.terms import A, ELI, RDFS

    predicates = (A, ELI.id_local, ELI.title, RDFS.label)
    out = set()
    for s in subjects:
        at = bisect_left(local, s + " ")
        while at < len(local) and local[at].startswith(s + " "):
            if local[at][len(s) + 1:].startswith(predicates):
                out.add(local[at])
            at += 1
    return out


def graph_lines(records, minter, table, titles, shared_numbers):
    """``(own, shared, citable, local)`` lines of one source, each sorted (see the module's three parts)."""
    from ..rdf.issue import issue_lines
    from ..rdf.terms import iri_term

    local, shared = issue_lines(records, minter, table, titles, shared_numbers)
    local, shared = sorted(set(local)), sorted(set(shared))
    subjects = [iri_term(minter.document(d.number)) for d in records.documents
                if d.number and d.number not in shared_numbers]
    citable = _citable(local, subjects)
    pool = set(shared)
    own = [line for line in local if line not in citable and line not in pool]
    return own, shared, sorted(citable - pool), local


def _quads(lines, graph: str) -> bytes:
    suffix = f" <{graph}> .\n"
    return "".join(line[:-3] + suffix for line in lines).encode("utf-8")


#: Lines written at a time: a large source's lines are never all copied into one string.
_BATCH = 20_000


def _write_quads(fh, lines, graph: str) -> int:
    """Write ``lines`` (N-Triples) to ``fh`` as quads in ``graph``, a batch at a time; the bytes written."""
    written = 0
    for at in range(0, len(lines), _BATCH):
        written += fh.write(_quads(lines[at:at + _BATCH], graph))
    return written


def _write_lines(fh, lines) -> None:
    for at in range(0, len(lines), _BATCH):
        fh.write("".join(lines[at:at + _BATCH]).encode("utf-8"))


def _write_one(job) -> Written:
    """Worker: one source's N-Quads file and graph.nt block; ``source`` is parsed again if its entry fails."""
    from .cache import CacheError, read_records
    from .table import assignment_rows

    cache, nq_path, chunk, source = job
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
    m = w["minter"]
    own, shared, citable, local = graph_lines(records, m, w["table"], w["titles"], w["shared_numbers"])
    shared_quads = _quads(shared, m.shared_graph())
    with open(nq_path, "wb") as fh:
        sizes = (_write_quads(fh, own, m.source(records.sha256)), fh.write(shared_quads),
                 _write_quads(fh, citable, m.shared_graph()))
    del own, citable
    with open(chunk, "wb") as fh:
        _write_lines(fh, local)
    count = len(local)
    del local
    lookups = sorted({c.title for d in records.documents for c in d.citations if not c.number and c.title})
    rows = list(dict.fromkeys(assignment_rows(records, m))) if w["rows"] else []
    return Written(shared_quads.splitlines(keepends=True), count, sizes, lookups, rows, note)


def write_sources(jobs_list, minter, titles, shared_numbers, table, jobs, parallel, rows=True):
    """:class:`Written` for each ``(cache, nq_path, chunk, source)`` job, in order, as they come."""
    from .parallel import process_map, worker_count

    workers = worker_count(jobs, len(jobs_list))
    if workers > 1 and parallel:
        yield from process_map(_write_one, jobs_list, workers, _setup, (minter.base, titles, shared_numbers, None,
                                                                        rows))
        return
    _setup(minter.base, titles, shared_numbers, table, rows)
    for job in jobs_list:
        yield _write_one(job)
