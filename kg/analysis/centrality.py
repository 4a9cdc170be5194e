"""Per-department measures: roles, degree, betweenness, closeness, eigenvector, PageRank, k-core.

On the co-responsibility network (departments linked by shared tasks) distances
are ``1 / shared tasks``: departments that share many tasks are close. PageRank
runs on the lead network turned around (participant → lead), so a department
scores high when the departments it leads are themselves led to by many.

Betweenness and closeness are computed with igraph: the same values as
networkx's (normalised the same way; a test checks it) about a hundred times
faster, which decides whether corpus-scale networks can be measured at all
(``benchmarks/bench_analysis.py``). Above :data:`EXACT_LIMIT` departments both
are estimated from :data:`PATH_SAMPLE` seeded source departments (betweenness
from the shortest paths that start there, scaled up; closeness from the mean
distance to them), and the eigenvector uses the sparse eigen-solver.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from ..vocabulary import Role

__all__ = ["role_counts", "department_measures", "path_measures", "EXACT_LIMIT", "PATH_SAMPLE", "MEASURE_COLUMNS"]

#: Above this many departments, path measures are sampled and the eigenvector uses scipy.
EXACT_LIMIT = 1000
#: Source departments sampled for betweenness and closeness on large networks.
PATH_SAMPLE = 128

MEASURE_COLUMNS = ["department", "short", "department_en", "tasks_led", "tasks_participant",
                   "tasks_overall_lead", "tasks_responsible", "tasks_guiding", "tasks_implied", "tasks_total",
                   "degree", "weighted_degree", "betweenness", "closeness", "eigenvector", "pagerank", "core_number"]


def role_counts(rows) -> dict[str, dict[str, int]]:
    """Distinct tasks per department in each role, the tasks it leads (alone or with others), and in total.

    Examples
    --------
    >>> from kg.analysis.assignments import Assignment
    >>> a = [Assignment("t1", "1", "", "d", None, None, "质监", "lead", "m"),
    ...      Assignment("t2", "2", "", "d", None, None, "质监", "co_lead", "m"),
    ...      Assignment("t3", "3", "", "d", None, None, "质监", "participant", "m")]
    >>> c = role_counts(a)["质监"]
    >>> c["lead"], c["co_lead"], c["led"], c["participant"], c["total"]
    (1, 1, 2, 1, 3)
    """
    by_role, total = defaultdict(set), defaultdict(set)
    for a in rows:
        by_role[a.organisation, a.role].add(a.task)
        total[a.organisation].add(a.task)
    out = {org: dict.fromkeys((*(role.value for role in Role), "led"), 0) for org in total}
    for (org, role), tasks in by_role.items():
        out[org][role] = len(tasks)
    for org, tasks in total.items():
        led = by_role.get((org, Role.LEAD.value), set()) | by_role.get((org, Role.CO_LEAD.value), set())
        out[org]["led"], out[org]["total"] = len(led), len(tasks)
    return out


def _round(x: float) -> float:
    return round(float(x), 6) + 0.0


def department_measures(rows, g: nx.Graph, d: nx.DiGraph) -> list[dict]:
    """One row per department (see :data:`MEASURE_COLUMNS`), most tasks first.

    ``g`` and ``d`` are the co-responsibility and lead networks of ``rows``
    (:mod:`.networks`), built once by the caller.
    """
    counts = role_counts(rows)
    n = g.number_of_nodes()
    if n == 0:
        return []
    large = n > EXACT_LIMIT
    betweenness, closeness = path_measures(g, sample=PATH_SAMPLE if large else None)
    eigenvector = _eigenvector(g, large)
    pagerank = nx.pagerank(d.reverse(copy=True), weight="weight") if d.number_of_edges() else {v: 1 / n for v in d}
    core = nx.core_number(g)
    out = []
    for org, attrs in g.nodes(data=True):
        c = counts[org]
        out.append({
            "department": attrs["label"], "short": attrs["short"], "department_en": attrs["label_en"],
            "tasks_led": c["led"], "tasks_participant": c[Role.PARTICIPANT],
            "tasks_overall_lead": c[Role.OVERALL_LEAD], "tasks_responsible": c[Role.RESPONSIBLE],
            "tasks_guiding": c[Role.GUIDING], "tasks_implied": c[Role.IMPLIED],
            "tasks_total": c["total"], "degree": g.degree(org), "weighted_degree": g.degree(org, weight="weight"),
            "betweenness": _round(betweenness[org]), "closeness": _round(closeness[org]),
            "eigenvector": _round(eigenvector[org]), "pagerank": _round(pagerank[org]),
            "core_number": core[org], "iri": org,
        })
    out.sort(key=lambda r: (-r["tasks_total"], -r["tasks_led"], r["department"]))
    return out


def path_measures(g: nx.Graph, sample: int | None = None, seed: int = 0):
    """Betweenness and closeness on ``distance``, normalised as networkx does, computed by igraph.

    With ``sample``, both are estimated from that many seeded source nodes.

    Examples
    --------
    >>> g = nx.path_graph(4)
    >>> nx.set_edge_attributes(g, 1.0, "distance")
    >>> b, c = path_measures(g)
    >>> b == nx.betweenness_centrality(g, weight="distance"), c == nx.closeness_centrality(g, distance="distance")
    (True, True)
    """
    import random

    import igraph as ig

    nodes = list(g)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    h = ig.Graph(n=n, edges=[(index[u], index[v]) for u, v in g.edges()], directed=False)
    h.es["distance"] = [d for _, _, d in g.edges(data="distance")]
    if h.ecount() == 0 or n < 3:
        return {v: 0.0 for v in nodes}, {v: 0.0 for v in nodes}
    size = {}
    for component in h.connected_components():
        for v in component:
            size[v] = len(component)
    scale = 2.0 / ((n - 1) * (n - 2))
    if sample is None or sample >= n:
        raw = h.betweenness(weights="distance", directed=False)
        closeness = h.closeness(weights="distance")
    else:
        sources = sorted(random.Random(seed).sample(range(n), sample))
        # Paths from the sampled sources only; each pair is then seen k/n as often.
        raw = [b * n / sample / 2 for b in h.betweenness(weights="distance", directed=False, sources=sources)]
        closeness = _sampled_closeness(h.distances(source=sources, weights="distance"), sources, n)
    between, close = {}, {}
    for i, v in enumerate(nodes):
        between[v] = raw[i] * scale
        c = closeness[i]
        # networkx scales by the share of the graph a node reaches (Wasserman–Faust).
        close[v] = 0.0 if c != c else c * (size[i] - 1) / (n - 1)
    return between, close


def _sampled_closeness(distances, sources, n):
    """Inverse mean distance from the sampled sources that reach each node."""
    out = []
    for v in range(n):
        ds = [row[v] for s, row in zip(sources, distances) if s != v and row[v] != float("inf")]
        out.append(len(ds) / sum(ds) if ds and sum(ds) > 0 else 0.0)
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
