"""The second pass of a build: each source's lines, written as its own N-Quads file, on every core.

A worker turns one source's records (from the cache, a document at a time)
into N-Triples lines (:func:`kg.rdf.issue.document_lines`) and writes ``graphs/SOURCE.nq``, the
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
before) and returns its shared lines, its rows of the build's tables
(:mod:`.table`) and the titles it looked up (a cited document without a number takes the number
another source gives it: when that changes, the source is written again).
A source's local lines are sorted in bounded memory (:mod:`.sorted_lines`),
so a source larger than memory holds is written all the same.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Written", "SourceLines", "graph_lines", "write_sources"]

_worker: dict = {}


@dataclass
class Written:
    """What the second pass returns of one source besides its files."""

    shared: list  # its shared lines (part 2) as quads in the shared graph, bytes, sorted
    local_count: int  # lines in its block of graph.nt
    parts: tuple  # bytes of the three parts of its N-Quads file
    lookups: list = field(default_factory=list)  # titles it looked up in the build's titles
    tables: dict = field(default_factory=dict)  # its rows of each of the build's tables (kg.build.table.TABLES)
    note: str | None = None


def _setup(base, titles, shared_numbers, table=None, rows=True):
    from ..rdf.iris import Minter
    from ..reference.organisations import load_table

    _worker.update(minter=Minter(base), titles=titles, shared_numbers=shared_numbers, table=table or load_table(),
                   rows=rows)


class SourceLines:
    """One source's lines, gathered a document at a time by :func:`graph_lines`: what its files are written from."""

    def __init__(self, sha256: str, stem: Path, limit: int):
        from .sorted_lines import SortedLines

        self.sha256 = sha256
        self.local = SortedLines(stem, limit)
        self.shared: list[str] = []
        self.subjects: set[bytes] = set()  # its own numbered documents, whose citable lines go with the shared
        self.tables: dict = {}  # its rows of each of the build's tables, by entry (kg.build.table.TABLES)
        self.lookups: set[str] = set()


def graph_lines(issue, documents, minter, table, titles, shared_numbers, stem: Path, rows: bool = True,
                limit: int | None = None) -> SourceLines:
    """The lines of one source (``issue`` without its documents, and an iterator of them), held a document at a time.

    The local lines wait in a :class:`~.sorted_lines.SortedLines` (runs beside
    ``stem`` past ``limit`` lines); the shared lines, rows and looked-up
    titles are held (a few per document).
    """
    from ..rdf.issue import document_lines, finish_lines, start_lines
    from ..rdf.terms import iri_term
    from .sorted_lines import LIMIT
    from .table_rows import document_tables

    out = SourceLines(issue.sha256, stem, limit or LIMIT)
    e = start_lines(issue, minter, titles, shared_numbers)
    try:
        for k, doc in enumerate(documents):
            document_lines(e, k, doc, table)
            if doc.number and doc.number not in shared_numbers:
                out.subjects.add(iri_term(e.numbered[doc.number]).encode("utf-8"))
            if rows:
                for entry, found in document_tables(issue.sha256, k, doc, minter).items():
                    out.tables.setdefault(entry, []).extend(found)
            out.lookups.update(c.title for c in doc.citations if not c.number and c.title)
            out.local.extend(e.local)
            e.local.clear()
        finish_lines(e, table)
        out.local.extend(e.local)
    except BaseException:
        out.local.discard()
        raise
    out.shared = e.shared
    return out


#: Lines written at a time.
_BATCH = 20_000


def _citable_predicates() -> tuple[bytes, ...]:
    """The predicates of the lines about a document that a citation of it states too."""
    from ..rdf.terms import A, ELI, RDFS

    return tuple(p.encode("utf-8") for p in (A, ELI.id_local, ELI.title, RDFS.label))


def _write_parts(lines: SourceLines, fh, chunk: Path, own_graph: str, shared_graph: str) -> tuple[tuple, int, list]:
    """Write the three parts of the N-Quads file to ``fh`` and the graph.nt block to ``chunk``.

    Returns the parts' sizes, the block's line count and the shared quads.
    Own lines are the local lines neither citable nor shared; citable lines
    are the local lines about the source's documents that a citation states
    too (``a``, number, title, label), unless shared.
    """
    from itertools import islice

    shared = sorted(set(map(str.encode, lines.shared)))
    pool = set(shared)
    predicates, subjects = _citable_predicates(), lines.subjects
    own_suffix, shared_suffix = f" <{own_graph}> .\n".encode("utf-8"), f" <{shared_graph}> .\n".encode("utf-8")
    citable, own_bytes, count = [], 0, 0
    merged = lines.local.merged()
    with open(chunk, "wb") as block:
        while batch := list(islice(merged, _BATCH)):
            block.write(b"".join(batch))
            count += len(batch)
            kept = [line for line in batch if line not in pool]
            about = {line for line in kept
                     if line.partition(b" ")[0] in subjects and line.partition(b" ")[2].startswith(predicates)}
            if about:
                citable += [line for line in kept if line in about]
                kept = [line for line in kept if line not in about]
            own_bytes += fh.write(b"".join([line[:-3] + own_suffix for line in kept]))
    shared_quads = [line[:-3] + shared_suffix for line in shared]
    sizes = (own_bytes, fh.write(b"".join(shared_quads)), fh.write(b"".join(line[:-3] + shared_suffix
                                                                             for line in citable)))
    return sizes, count, shared_quads


def _write_one(job) -> Written:
    """Worker: one source's N-Quads file and graph.nt block; ``source`` is parsed again if its entry fails."""
    from .cache import SUFFIX, CacheError, open_records

    cache, nq_path, chunk, source = job
    w = _worker
    m = w["minter"]
    note = None

    def read():
        return graph_lines(*open_records(cache), m, w["table"], w["titles"], w["shared_numbers"], chunk, w["rows"])

    try:
        lines = read()
    except CacheError as exc:  # an entry that passed the first pass's checks but whose records do not hold
        if source is None:
            raise CacheError(f"{cache}: {exc}") from None
        from .parsing import write_extraction

        path, encoding, max_size = source
        again = Path(cache).with_name(Path(cache).name + ".again")
        write_extraction(path, encoding, w["table"], max_size, Path(cache).name.removesuffix(SUFFIX), again)
        os.replace(again, cache)  # a new file: the previous build's entry, linked here, is left as it was
        note = f"cache entry {Path(cache).name[:16]}… for {path} {exc}; parsed the source again"
        lines = read()
    with open(nq_path, "wb") as fh:
        sizes, count, shared = _write_parts(lines, fh, chunk, m.source(lines.sha256), m.shared_graph())
    return Written(shared, count, sizes, sorted(lines.lookups), lines.tables, note)


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
