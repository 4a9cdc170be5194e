"""The build's tables as Parquet: every assignment (task, organisation, role), target, document and honoree.

The records already hold every assignment, so the build writes them as a
columnar table (``assignments.parquet``) beside the store; the networks,
measures and views read it in well under a second where the ``assignments``
queries (``assignment_roles``, ``task_documents``, ``document_dates``) take
a minute on a 16 M-triple store (benchmarks/README.md). The rows are the ones
:func:`kg.analysis.assignments.load_assignments` makes from those queries
(tests/test_table.py proves it on the seed and a synthetic corpus): the same
IRIs, minted by the same :class:`~kg.rdf.iris.Minter`, deduplicated and in the
same order. Each row also names the ``source`` (its SHA-256's first 16 hex
digits), so a rebuild replaces one source's rows and keeps the others'.

The targets table (``targets.parquet``) holds each quantitative target as the
graph states it (:func:`kg.rdf.facts.add_targets`): its document, place,
indicator, value, unit, comparator, kind, year and where the year came from,
its task and industry; the named ``targets`` queries are answered from it
(:mod:`kg.sparql.from_table`). The documents table (``documents.parquet``)
holds each document with its number, date, title and issuers in signature
order, and the honorees table (``honorees.parquet``) every commended unit and
person. The tables are written and kept alike: a :class:`Table` says each
one's columns and order.

Parquet through pyarrow rather than DuckDB: on the 540 000 rows of the
1 000-issue corpus pyarrow wrote a file ten times smaller and read it back
into Python rows faster (benchmarks/README.md); pyarrow is an optional
extra (``pip install 'kg-gazette[tables]'``): without it the build writes no
table and the networks ask the store, as before.

The rows are made from the records by :mod:`kg.build.table_rows`.
"""

from __future__ import annotations

import functools
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Table", "TABLES", "ASSIGNMENTS", "TARGETS", "DOCUMENTS", "HONOREES", "COLUMNS", "TARGET_COLUMNS",
           "DOCUMENT_COLUMNS", "HONOREE_COLUMNS", "available", "order", "write_table", "read_rows", "collector_paused",
           "choose_memory_pool", "FORMAT"]

#: The columns of :class:`kg.analysis.assignments.Assignment`, in its order; the document's date, the task's
#: place in its document and the assignment's in its task (what the named ``tasks`` query orders by,
#: :mod:`kg.sparql.from_table`), from 0, and the task's title as the graph labels it (``task_label``
#: falls back on the task's number); where this printing states the assignment (its file's name, the line
#: and the words, as the graph's span of it); then the source.
COLUMNS = ("task", "task_id", "task_label", "document", "doc_number", "year", "organisation", "role", "mention",
           "doc_date", "task_pos", "position", "title", "file", "line", "quote", "source")
#: The columns of the targets table: the target's IRI, its document's, number and date; its place in the document
#: (from 0), indicator, value and upper value, unit, comparator, kind, year and the year's source; its task's
#: number and its industry's IRI and label, if any; then the source.
TARGET_COLUMNS = ("target", "document", "doc_number", "doc_date", "position", "indicator", "value", "value_max",
                  "unit", "comparator", "kind", "year", "year_source", "task_id", "industry", "industry_label",
                  "source")
#: The columns of the documents table: a row per document and issuer, in signature order (from 0), or one row
#: with no issuer; the document's IRI, number, date and title, the issuer's IRI and the name as written; the
#: digest of what the printing states (:func:`kg.build.table_rows.document_tables`); the source.
DOCUMENT_COLUMNS = ("document", "doc_number", "doc_date", "title", "position", "issuer", "mention", "facts",
                    "source")
#: The columns of the honorees table: the commendation's IRI, its document's, number and date; its place in the
#: document (from 0), whether a ``person`` or a ``unit``, the name, the category (list heading or award), the
#: person's position, the place's name; then the source.
HONOREE_COLUMNS = ("commendation", "document", "doc_number", "doc_date", "position", "kind", "name", "category",
                   "position_title", "place", "source")
#: Which tables and columns a build holds: its fingerprint names it, so tables of other columns are never kept.
FORMAT = 8


def available() -> bool:
    """Whether pyarrow is installed (the table is written only then)."""
    from importlib.util import find_spec

    return find_spec("pyarrow") is not None


@functools.cache
def choose_memory_pool() -> str:
    """Have pyarrow allocate with jemalloc where its build has it, unless ``ARROW_DEFAULT_MEMORY_POOL`` says.

    Made once, before kg's first table is read or written. Measured on the
    1 000-issue corpus (benchmarks/README.md): a rebuild after one file
    changed took 9.9–13.0 s with jemalloc against 14.7–17.8 s with pyarrow's
    default mimalloc, its peak 790 MB against 985 MB; mimalloc paid for the
    first touch of memory on every large table. Returns the pool's name.

    >>> choose_memory_pool() in ("jemalloc", "mimalloc", "system")
    True
    """
    import pyarrow as pa

    if not os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        try:
            pa.set_memory_pool(pa.jemalloc_memory_pool())
        except NotImplementedError:  # a pyarrow built without jemalloc (its Windows wheels)
            pass
    return pa.default_memory_pool().backend_name


def order(row):
    """The sort key of an assignment (its first nine fields): document number, task, organisation, role, the rest.

    Examples
    --------
    >>> sorted([("t2", "2", "", "d", "X", None, "o", "lead", "m"), ("t1", "1", "", "d", "X", None, "o", "lead", "m")],
    ...        key=order)[0][0]
    't1'
    """
    return (row[4] or "", row[1], row[6], row[7], row[0], row[8], row[3], row[2], row[5] or 0)


@dataclass(frozen=True)
class Table:
    """One of the build's tables: its columns, which of them hold integers or floats, and what it is sorted by.

    The last ``printing`` columns are facts of one printing of a document
    (the source, and where it states a fact), not of the document.
    """

    columns: tuple
    integers: tuple = ()
    floats: tuple = ()
    sort: tuple = ()
    printing: tuple = ("source",)

    def stated(self, row: tuple) -> tuple:
        """What ``row`` says of the document: the row without the :attr:`printing` columns.

        >>> Table(("a", "line", "source"), printing=("line", "source")).stated(("x", 3, "81eaf4dbb71cf20c"))
        ('x',)
        """
        assert self.columns[len(self.columns) - len(self.printing):] == self.printing
        return row[:len(self.columns) - len(self.printing)]

    def strings(self, columns=None) -> list[str]:
        """Those of ``columns`` (all by default) that hold text."""
        return [c for c in columns or self.columns if c not in self.integers and c not in self.floats]


#: The assignments table, sorted by :func:`order`'s columns, in its order, then the rest.
ASSIGNMENTS = Table(COLUMNS, ("year", "task_pos", "position", "line"), (),
                    ("doc_number", "task_id", "organisation", "role", "task", "mention", "document", "task_label",
                     "year", "doc_date", "task_pos", "position", "title", "source", "file", "line", "quote"),
                    ("file", "line", "quote", "source"))
#: The targets table, sorted as the named ``targets`` query orders them (a missing date or number first), then
#: by the target's IRI and the rest.
TARGETS = Table(TARGET_COLUMNS, ("position", "year"), ("value", "value_max"),
                ("doc_date", "doc_number", "position", "document", "target", "indicator", "value", "value_max",
                 "unit", "comparator", "kind", "year", "year_source", "task_id", "industry", "industry_label",
                 "source"))
#: The documents table, by date, number and document, then in signature order.
DOCUMENTS = Table(DOCUMENT_COLUMNS, ("position",), (),
                  ("doc_date", "doc_number", "document", "position", "issuer", "mention", "title", "facts", "source"))
#: The honorees table, as the named ``honorees`` query orders them, then by the commendation's IRI and the rest.
HONOREES = Table(HONOREE_COLUMNS, ("position",), (),
                 ("doc_date", "doc_number", "position", "document", "commendation", "kind", "name", "category",
                  "position_title", "place", "source"))
#: The build's tables, by the :class:`~kg.build.output_dir.OutputDir` property naming each one's file.
TABLES = {"table": ASSIGNMENTS, "targets": TARGETS, "documents": DOCUMENTS, "honorees": HONOREES}


def write_table(rows, path: Path, old: Path | None = None, kept=frozenset(), table: Table = ASSIGNMENTS) -> None:
    """Write ``rows`` (of ``table``'s columns), with the rows of the sources ``kept`` in the table ``old``, to ``path``.

    The rows are deduplicated per source and sorted by ``table.sort``; the
    file is zstd-compressed. Each text column is written as a dictionary of
    its values in code-point order and each row's index into it
    (:func:`_ranked`): the indices sort as the strings do (by their UTF-8
    bytes, which is the order of code points, as Python's), a missing value
    first, as :func:`order`'s ``""`` and ``0`` do; and a rebuild keeps the
    old table's rows of unchanged sources as indices, never copying their
    strings. The file holds no Arrow schema, so a reader sees plain text.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    choose_memory_pool()

    def kind(name):
        return pa.int32() if name in table.integers else pa.float64() if name in table.floats else pa.string()

    rows = list(dict.fromkeys(rows))
    columns = list(zip(*rows)) if rows else [()] * len(table.columns)
    new = {name: pa.array(col, type=kind(name)) for name, col in zip(table.columns, columns)}
    strings = table.strings()
    previous = None
    if old is not None and kept:  # the old rows of the sources kept, their strings left as indices
        previous = pq.read_table(old, columns=list(table.columns), read_dictionary=strings).combine_chunks()
        source = previous.column("source")
        if previous.num_rows:
            source = source.chunk(0)
            previous = previous.filter(pc.is_in(source.dictionary, value_set=pa.array(sorted(kept), pa.string()))
                                       .take(source.indices))
        previous = previous.combine_chunks() if previous.num_rows else None
    out = {}
    for name in table.columns:
        before = None if previous is None else previous.column(name).chunk(0)
        if name in strings:
            out[name] = _ranked(before, new[name])
        else:
            out[name] = new[name] if before is None else pa.concat_arrays([before.cast(kind(name)), new[name]])
    keys = pa.table({name: col.indices if name in strings else col for name, col in out.items()})
    order = pc.sort_indices(keys, sort_keys=[(c, "ascending", "at_start") for c in table.sort])
    written = pa.table({name: col.take(order) for name, col in out.items()})
    pq.write_table(written, path, compression="zstd", use_dictionary=True, write_statistics=False, store_schema=False)


def _ranked(before, added):
    """``before`` (a dictionary column, or ``None``) and ``added`` (text), as one dictionary column in value order.

    The dictionary holds the values once each, sorted; so the indices order
    the rows as the values do.

    >>> import pyarrow as pa
    >>> col = _ranked(pa.array(["乙", "甲", "乙"]).dictionary_encode(), pa.array(["丙", None]))
    >>> col.dictionary.to_pylist(), col.indices.to_pylist()
    (['丙', '乙', '甲'], [1, 2, 1, 0, None])
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    added = added.dictionary_encode()
    parts = [added] if before is None else [before, added]
    used = [p.dictionary.take(pc.drop_null(pc.unique(p.indices))) for p in parts]  # not a dropped row's value
    values = pc.unique(pa.concat_arrays(used)) if parts else pa.array([], pa.string())
    values = values.take(pc.array_sort_indices(values))
    indices = pa.concat_arrays([pc.take(pc.index_in(p.dictionary, value_set=values), p.indices).cast(pa.int32())
                                for p in parts])
    return pa.DictionaryArray.from_arrays(indices, values)


def read_rows(path: Path, columns=COLUMNS, table: Table = ASSIGNMENTS) -> list[tuple]:
    """The rows of the table at ``path`` (of ``table``'s kind), of ``columns`` in that order."""
    import pyarrow.parquet as pq

    choose_memory_pool()
    read = pq.read_table(path, columns=list(columns), read_dictionary=table.strings(columns))  # each string once
    return list(zip(*(_column(read, name) for name in columns)))


@contextmanager
def collector_paused():
    """The cyclic garbage collector paused meanwhile (as it was after), while a table's rows are made.

    Half a million rows are as many new objects, none of them in a cycle:
    the collector's passes over them took as long as making them.

    >>> import gc
    >>> with collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    import gc

    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _column(table, name: str) -> list:
    """A column as Python values; a string column, read as a dictionary, makes each distinct string once."""
    import numpy as np
    import pyarrow as pa

    col = table.column(name).combine_chunks()
    if not pa.types.is_dictionary(col.type):
        return col.to_pylist()
    values = np.array([*col.dictionary.to_pylist(), None], dtype=object)  # the last for a missing value
    return values[col.indices.fill_null(len(values) - 1).to_numpy(zero_copy_only=False)].tolist()
