"""The named ``responsibility_sources`` query answered from the build's assignments table.

For one department the query lists every assignment with the file, line and
words it was read from: on the 1 000-issue corpus 11 569 rows for 省财政厅,
which the on-disk store gives in 3.4–7.5 s (seven terms a row, each read
from disk; benchmarks/README.md). The assignments table
(:data:`kg.build.table.ASSIGNMENTS`) holds each responsibility as each
printing states it, with its span's file name, line and quote, so
:func:`kg.sparql.from_table.answer_from_table` answers the query from it when
it is run as shipped, on a build's own store.

The query gives a row for each responsibility and each span of it: a
document two sources print alike gives each of its responsibilities twice,
once with each printing's file, line and words, as the two sources' rows of
the table do. A responsibility read without a span (none is, today) has no
row in either.
"""

from __future__ import annotations

from .table_reading import Distinct, python_rows

__all__ = ["SOURCED", "responsibility_sources_from_table"]

#: The assignments table's columns the answer reads.
SOURCED = ("task", "task_id", "document", "doc_number", "organisation", "role", "mention", "task_pos", "position",
           "file", "line", "quote", "source")


def responsibility_sources_from_table(path, backend, department: str):
    """The named ``responsibility_sources`` query's ``(columns, rows)`` for ``department`` (the organisation's IRI).

    In the query's order (the document's number, a missing one first, then
    the task's place); ties, which the query leaves open, broken by the
    document, task, place of the responsibility and the printing, so that
    the same build always gives the same bytes.
    """
    import pyarrow.compute as pc

    facts = Distinct.read(path, SOURCED).decoded()
    mine = pc.and_(pc.equal(facts.column("organisation"), department), pc.is_valid(facts.column("line")))
    facts = facts.filter(mine)
    order = [(c, "ascending", "at_start") for c in ("doc_number", "task_pos", "document", "task", "position",
                                                     "source", "file", "line", "quote")]
    out = ["doc_number", "task_id", "role", "mention", "file", "line", "quote"]
    return ["doc_number", "task", "role", "mention", "file", "line", "quote"], python_rows(
        facts.take(pc.sort_indices(facts, sort_keys=order)), out)
