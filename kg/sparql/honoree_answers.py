"""The named ``honorees`` query answered from the build's honorees table.

On the 1 000-issue corpus ``honorees`` lists 15 000 commended units and
people, which the on-disk store gives in 3–5 s (benchmarks/README.md). The
build's honorees table (:data:`kg.build.table.HONOREES`) holds each one as the
graph states it (:func:`kg.rdf.facts.add_honorees`), so
:func:`kg.sparql.from_table.answer_from_table` answers the query from it when
it is run as shipped, on a build's own store, and every document is printed
alike (:func:`~kg.sparql.table_reading.printed_alike`): then each honoree has
one name, kind, category, position and place. The rows are the query's own,
in its order (the document's date, its number, the honoree's place; a
missing date or number first), its ties broken by the IRIs.
"""

from __future__ import annotations

from .table_reading import Distinct, python_rows

__all__ = ["honorees_from_table"]

#: The honorees table's columns the answer reads: all but the source.
_FACTS = ("commendation", "document", "doc_number", "doc_date", "position", "kind", "name", "category",
          "position_title", "place")


def honorees_from_table(path, backend):
    """The named ``honorees`` query's ``(columns, rows)`` from the table at ``path``; ``None`` if a date is no day.

    ``backend`` is not asked anything: the table holds every value the query gives.
    """
    import pyarrow.compute as pc

    rows = Distinct.read_dated(path, _FACTS)
    if rows is None:
        return None
    facts = rows.decoded()
    # COALESCE(?title, ?category): a person's position, else the category
    facts = facts.append_column("category_or_position", pc.coalesce(facts.column("position_title"),
                                                                     facts.column("category")))
    order = [(c, "ascending", "at_start") for c in ("doc_date", "doc_number", "position", "document",
                                                     "commendation")]
    columns = ["doc_number", "kind", "name", "category_or_position", "place"]
    return columns, python_rows(facts.take(pc.sort_indices(facts, sort_keys=order)), columns)
