"""Per-department measures: roles, degree, betweenness, closeness, eigenvector, PageRank, k-core.

On the co-responsibility network (departments linked by shared tasks) distances
are ``1 / shared tasks``: departments that share many tasks are close. PageRank
runs on the lead network turned around (participant → lead), so a department
scores high when the departments it leads are themselves led to by many.
Large networks use sampling, as measured in ``benchmarks/bench_analysis.py``:
betweenness samples ``k`` source nodes above :data:`EXACT_LIMIT` departments, and
eigenvector centrality switches to the sparse eigen-solver.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from ..networks import co_responsibility, lead_network

__all__ = ["role_counts", "department_measures", "EXACT_LIMIT", "BETWEENNESS_SAMPLE", "MEASURE_COLUMNS"]

#: Above this many departments, betweenness is sampled and eigenvector uses scipy.
EXACT_LIMIT = 1000
#: Source nodes sampled for betweenness on large networks.
BETWEENNESS_SAMPLE = 256

MEASURE_COLUMNS = ["department", "short", "department_en", "tasks_led", "tasks_participant",
                   "tasks_overall_lead", "tasks_responsible", "tasks_total", "degree", "weighted_degree",
                   "betweenness", "closeness", "eigenvector", "pagerank", "core_number"]


def role_counts(rows) -> dict[str, dict[str, int]]:
    """Distinct tasks per department in each role, and in total.

    Examples
    --------
    >>> from kg.networks import Assignment
    >>> a = [Assignment("t1", "1", "", "d", None, None, "质监", "lead", "m"),
    ...      Assignment("t2", "2", "", "d", None, None, "质监", "participant", "m")]
    >>> role_counts(a)["质监"]
    {'lead': 1, 'participant': 1, 'overall_lead': 0, 'responsible': 0, 'total': 2}
    """
    roles = defaultdict(lambda: defaultdict(set))
    for a in rows:
        roles[a.organisation][a.role].add(a.task)
        roles[a.organisation]["total"].add(a.task)
    return {org: {k: len(r[k]) for k in ("lead", "participant", "overall_lead", "responsible", "total")}
            for org, r in roles.items()}


def _round(x: float) -> float:
    return round(float(x), 6) + 0.0


def department_measures(rows, labels, seed: int = 0) -> list[dict]:
    """One row per department (see :data:`MEASURE_COLUMNS`), most tasks first."""
    g = co_responsibility(rows, labels)
    d = lead_network(rows, labels)
    counts = role_counts(rows)
    n = g.number_of_nodes()
    if n == 0:
        return []
    large = n > EXACT_LIMIT
    betweenness = nx.betweenness_centrality(g, weight="distance", seed=seed,
                                            k=min(BETWEENNESS_SAMPLE, n) if large else None)
    closeness = nx.closeness_centrality(g, distance="distance")
    eigenvector = _eigenvector(g, large)
    pagerank = nx.pagerank(d.reverse(copy=True), weight="weight") if d.number_of_edges() else {v: 1 / n for v in d}
    core = nx.core_number(g)
    out = []
    for org, attrs in g.nodes(data=True):
        c = counts[org]
        out.append({
            "department": attrs["label"], "short": attrs["short"], "department_en": attrs["label_en"],
            "tasks_led": c["lead"], "tasks_participant": c["participant"],
            "tasks_overall_lead": c["overall_lead"], "tasks_responsible": c["responsible"],
            "tasks_total": c["total"], "degree": g.degree(org), "weighted_degree": g.degree(org, weight="weight"),
            "betweenness": _round(betweenness[org]), "closeness": _round(closeness[org]),
            "eigenvector": _round(eigenvector[org]), "pagerank": _round(pagerank[org]),
            "core_number": core[org], "iri": org,
        })
    out.sort(key=lambda r: (-r["tasks_total"], -r["tasks_led"], r["department"]))
    return out


def _eigenvector(g, large: bool):
    if g.number_of_edges() == 0:
        return {v: 0.0 for v in g}
    if large:
        return nx.eigenvector_centrality_numpy(g, weight="weight")
    try:
        return nx.eigenvector_centrality(g, weight="weight", max_iter=2000, tol=1e-10)
    except nx.PowerIterationFailedConvergence:
        return nx.eigenvector_centrality_numpy(g, weight="weight")
