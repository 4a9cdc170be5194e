"""The named ``targets`` and ``targets_by_year`` queries answered from the build's targets table.

On the 1 000-issue corpus ``targets`` lists 89 314 targets, which the on-disk
store gives in about 28 s (its three ``OPTIONAL`` parts alone 13 s;
benchmarks/README.md), and ``targets_by_year`` a year's share in 6 s. The
build's targets table (:data:`kg.build.table.TARGETS`) holds the same facts
as the graph states them, so :func:`kg.sparql.from_table.answer_from_table`
answers these queries from it when they are run as shipped, on a build's own
store.

The rows are the query's own (tests/test_table.py compares them with the
store's): its columns, with the values a store's answer converts to (a
decimal as a float, a year as an integer), in its order (the document's date,
its number, the target's place; a missing date or number first), its ties
(two unnumbered documents of one date) broken by the documents' and targets'
IRIs. They are made only when every document is printed alike
(:func:`~kg.sparql.table_reading.printed_alike`), so that each target has one
document, place, indicator, value, unit, comparator, kind, year, task and
industry, and each document one number and date. A document two sources
print differently breaks that (the graph then holds both versions, and the
query their combinations); the store answers then.
"""

from __future__ import annotations

from .table_reading import Distinct, python_rows

__all__ = ["targets_from_table", "targets_by_year_from_table"]

#: The targets table's columns the answers read: all but the source.
_FACTS = ("target", "document", "doc_number", "doc_date", "position", "indicator", "value", "value_max", "unit",
          "comparator", "kind", "year", "year_source", "task_id", "industry", "industry_label")
#: The queries' ORDER BY ?doc_date STR(?doc_number) ?pos, a missing value first; then the ties, for stable bytes.
_ORDER = [(c, "ascending", "at_start") for c in ("doc_date", "doc_number", "position", "document", "target")]


def targets_from_table(path, backend):
    """The named ``targets`` query's ``(columns, rows)`` from the table at ``path``; ``None`` if a fact has two values.

    ``backend`` is not asked anything: the table holds every value the query gives.
    """
    facts = _facts(path)
    if facts is None:
        return None
    columns = ["doc_number", "indicator", "value", "unit", "comparator", "year"]
    return columns, _sorted_rows(facts, columns)


def targets_by_year_from_table(path, backend, year: int):
    """The named ``targets_by_year`` query's ``(columns, rows)`` for ``year``; ``None`` if a fact has two values."""
    import pyarrow.compute as pc

    facts = _facts(path)
    if facts is None:
        return None
    facts = facts.filter(pc.equal(facts.column("year"), year))
    rows = _sorted_rows(facts, ["doc_number", "indicator", "value", "value_max", "unit", "comparator", "kind",
                                "industry_label", "task_id", "year_source"])
    return ["doc_number", "indicator", "value", "value_max", "unit", "comparator", "kind", "industry", "task",
            "year_source"], rows


def _facts(path):
    """The table's rows of :data:`_FACTS`, each once (a document two sources print alike gives them twice)."""

    rows = Distinct.read_dated(path, _FACTS)
    return None if rows is None else rows.decoded()


def _sorted_rows(facts, columns: list[str]) -> list[list]:
    import pyarrow.compute as pc

    return python_rows(facts.take(pc.sort_indices(facts, sort_keys=_ORDER)), columns)
