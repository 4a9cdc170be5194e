"""Trends: per department per year, tasks led and joined and their centrality.

With ``as_of`` every organisation is mapped to its successors valid in that
year, so a department that was reorganised continues its line under the new
name (质监局 in 2017, 市场监管局 from 2018) and years can be compared.
"""

from __future__ import annotations

from collections import defaultdict

from .centrality import department_measures
from .networks import co_responsibility, lead_network

__all__ = ["department_trends", "TREND_COLUMNS"]

TREND_COLUMNS = ["year", "department", "short", "tasks_led", "tasks_participant", "tasks_total", "weighted_degree",
                 "betweenness", "pagerank"]


def department_trends(rows, labels, department: str | None = None) -> list[dict]:
    """One row per (year, department) with tasks; ``department`` keeps one department's line.

    ``department`` matches a canonical name, a short form as written, or an IRI.
    """
    by_year = defaultdict(list)
    for a in rows:
        if a.year is not None:
            by_year[a.year].append(a)
    out = []
    for year in sorted(by_year):
        rows_of_year = by_year[year]
        for m in department_measures(rows_of_year, co_responsibility(rows_of_year, labels),
                                     lead_network(rows_of_year, labels)):
            if department and department not in (m["department"], m["short"], m["iri"]):
                continue
            out.append({"year": year, **{k: m[k] for k in TREND_COLUMNS[1:]}, "iri": m["iri"]})
    return out
