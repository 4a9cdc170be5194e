"""The assignments table: every (task, organisation, role) of a build as Parquet, for the networks.

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

Parquet through pyarrow rather than DuckDB: on the 540 000 rows of the
1 000-issue corpus pyarrow wrote a file ten times smaller and read it back
into Python rows faster (benchmarks/README.md); pyarrow is an optional
extra (``pip install 'kg-gazette[tables]'``): without it the build writes no
table and the networks ask the store, as before.

Examples
--------
>>> from kg.parse.extract import extract_text
>>> from kg.rdf.iris import Minter
>>> issue = extract_text("关于某事的通知\\n\\n浙政办发〔2019〕5号\\n\\n1. 推进。(牵头单位:省发改委)\\n", "a.txt")
>>> [(r[1], r[4], r[7], r[8], r[10], r[11]) for r in assignment_rows(issue, Minter())]
[('1', '浙政办发〔2019〕5号', 'lead', '省发改委', 0, 0)]
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

__all__ = ["COLUMNS", "available", "assignment_rows", "document_rows", "order", "write_table", "read_rows",
           "collector_paused", "FORMAT"]

#: The columns of :class:`kg.analysis.assignments.Assignment`, in its order; the document's date, the task's
#: place in its document and the assignment's in its task (what the named ``tasks`` query orders by,
#: :mod:`kg.sparql.from_table`), from 0, and the task's title as the graph labels it (``task_label``
#: falls back on the task's number); then the source.
COLUMNS = ("task", "task_id", "task_label", "document", "doc_number", "year", "organisation", "role", "mention",
           "doc_date", "task_pos", "position", "title", "source")
#: Which columns the table holds: the build's fingerprint names it, so a table of other columns is never kept.
FORMAT = 3
_INTEGERS = ("year", "task_pos", "position")


def available() -> bool:
    """Whether pyarrow is installed (the table is written only then)."""
    from importlib.util import find_spec

    return find_spec("pyarrow") is not None


def assignment_rows(issue, minter) -> list[tuple]:
    """The rows of one issue's records, as the graph states them (see :func:`kg.rdf.issue.issue_lines`)."""
    return [row for k, doc in enumerate(issue.documents) for row in document_rows(issue.sha256, k, doc, minter)]


def document_rows(sha256: str, k: int, doc, minter) -> list[tuple]:
    """The rows of ``doc``, the ``k``-th document (from 0) of the source whose SHA-256 is ``sha256``."""
    from ..vocabulary import Role

    source = sha256[:16]
    rows = []
    d = minter.published_document(doc.number, sha256, k)
    number = str(doc.number) if doc.number else None
    year = int(doc.date[:4]) if doc.date else None
    for n, task in enumerate(doc.tasks):
        t = minter.task(d, task.id)
        for position, r in enumerate(task.responsibilities):
            rows.append((t, task.id, task.title or task.id, d, number, year,
                         minter.organisation(r.org.organisation), Role(r.role).value, r.org.mention, doc.date, n,
                         position, task.title, source))
    return rows


def order(row):
    """The sort key of an assignment (its first nine fields): document number, task, organisation, role, the rest.

    Examples
    --------
    >>> sorted([("t2", "2", "", "d", "X", None, "o", "lead", "m"), ("t1", "1", "", "d", "X", None, "o", "lead", "m")],
    ...        key=order)[0][0]
    't1'
    """
    return (row[4] or "", row[1], row[6], row[7], row[0], row[8], row[3], row[2], row[5] or 0)


#: The columns of :func:`order`, in its order, then the rest: what the table is sorted by.
_SORT = ("doc_number", "task_id", "organisation", "role", "task", "mention", "document", "task_label", "year",
         "doc_date", "task_pos", "position", "title", "source")


def write_table(rows, path: Path, old: Path | None = None, kept=frozenset()) -> None:
    """Write ``rows`` (of :data:`COLUMNS`), with the rows of the sources ``kept`` in the table ``old``, to ``path``.

    The rows are deduplicated per source and sorted by :func:`order`, then
    source; the file is zstd-compressed. The sort is pyarrow's, on the
    columns: it orders strings by their UTF-8 bytes, which is the order of
    code points, as Python's, and puts a missing document number or year
    first, as :func:`order`'s ``""`` and ``0`` do. A rebuild keeps the old
    table's rows of unchanged sources without turning them into Python rows.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    rows = list(dict.fromkeys(rows))
    columns = list(zip(*rows)) if rows else [()] * len(COLUMNS)
    table = pa.table({name: pa.array(col, type=pa.int32() if name in _INTEGERS else pa.string())
                      for name, col in zip(COLUMNS, columns)})
    keep = None
    if old is not None and kept:
        # sorted with the old rows, those of sources not kept then dropped from the order: strings copied once
        previous = pq.read_table(old, columns=list(COLUMNS)).cast(table.schema)
        keep = pa.chunked_array([pc.is_in(previous.column("source"), value_set=pa.array(sorted(kept))),
                                 pa.array([True] * table.num_rows, pa.bool_())], pa.bool_())
        table = pa.concat_tables([previous, table])
    order = pc.sort_indices(table, sort_keys=[(c, "ascending", "at_start") for c in _SORT])
    if keep is not None:
        order = order.filter(pc.take(keep, order))
    table = table.take(order)
    pq.write_table(table.combine_chunks(), path, compression="zstd", use_dictionary=True, write_statistics=False)


def read_rows(path: Path, columns=COLUMNS) -> list[tuple]:
    """The rows of the table at ``path``, of ``columns`` (of :data:`COLUMNS`) in that order."""
    import pyarrow.parquet as pq

    strings = [name for name in columns if name not in _INTEGERS]
    table = pq.read_table(path, columns=list(columns), read_dictionary=strings)  # each distinct string read once
    return list(zip(*(_column(table, name) for name in columns)))


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
    """A column as Python values; a string column is read as a dictionary, each distinct string made once."""
    import numpy as np

    col = table.column(name).combine_chunks()
    if name in _INTEGERS:
        return col.to_pylist()
    values = np.array([*col.dictionary.to_pylist(), None], dtype=object)  # the last for a missing value
    return values[col.indices.fill_null(len(values) - 1).to_numpy(zero_copy_only=False)].tolist()
