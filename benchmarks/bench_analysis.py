"""Network measures at corpus scale: where networkx becomes slow.

Run by hand: ``python benchmarks/bench_analysis.py [--departments 5000] [--tasks 500000]``.
A synthetic corpus: each task has one lead and 0–5 participants drawn with
Zipf-like popularity (a few departments are in many tasks, as in real gazettes).
Prints the seconds each step takes.
"""

import argparse
import random
import sys
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.analysis.centrality import PATH_SAMPLE, department_measures, path_measures  # noqa: E402
from kg.analysis.communities import detect_communities  # noqa: E402
from kg.analysis.assignments import Assignment  # noqa: E402
from kg.analysis.networks import co_responsibility, lead_network  # noqa: E402
from timing import clock  # noqa: E402 (benchmarks/timing.py, beside this script)


def synthetic(departments: int, tasks: int, seed: int = 1):
    rng = random.Random(seed)
    weights = [1 / (k + 1) ** 0.8 for k in range(departments)]
    orgs = [f"https://example.org/org/d{k}" for k in range(departments)]
    rows = []
    for t in range(tasks):
        task = f"https://example.org/task/{t}"
        chosen = set(rng.choices(orgs, weights, k=1 + rng.randint(0, 5)))
        for n, org in enumerate(sorted(chosen)):
            rows.append(Assignment(task, str(t), "", "doc", "doc", 2020, org, "lead" if n == 0 else "participant", org))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--departments", type=int, default=5000)
    ap.add_argument("--tasks", type=int, default=500000)
    ap.add_argument("--projection-baseline", action="store_true",
                    help="also time bipartite.weighted_projected_graph (about 4 minutes at full scale)")
    ap.add_argument("--reference", action="store_true",
                    help="also time the slow references: networkx sampled betweenness (~2 min) and exact igraph "
                         "path measures (~8 min at full scale)")
    args = ap.parse_args()
    rows, _ = clock("generate", lambda: synthetic(args.departments, args.tasks))
    print(f"{len(rows)} task-department edges")
    labels = {}
    g, _ = clock("co-responsibility projection (Counter)", lambda: co_responsibility(rows, labels))
    print(f"projection: {g.number_of_nodes()} departments, {g.number_of_edges()} edges")
    if args.projection_baseline:
        def baseline():
            b = nx.Graph()
            b.add_edges_from((a.task, a.organisation) for a in rows)
            return nx.bipartite.weighted_projected_graph(b, sorted({a.organisation for a in rows}))
        clock("bipartite.weighted_projected_graph", baseline)
    clock("degree", lambda: dict(g.degree(weight="weight")))
    clock("core number", lambda: nx.core_number(g))
    clock("pagerank", lambda: nx.pagerank(g, weight="weight"))
    clock("eigenvector (power iteration)", lambda: nx.eigenvector_centrality(g, weight="weight", max_iter=2000, tol=1e-8))
    clock("eigenvector (numpy/scipy)", lambda: nx.eigenvector_centrality_numpy(g, weight="weight"))
    if args.reference:
        clock("betweenness, networkx, sampled k=64",
              lambda: nx.betweenness_centrality(g, weight="distance", k=64, seed=0))
        clock("betweenness + closeness, igraph, exact", lambda: path_measures(g))
    clock(f"betweenness + closeness, igraph, sampled k={PATH_SAMPLE} (as kg runs them above 1000 departments)",
          lambda: path_measures(g, sample=PATH_SAMPLE))
    clock("louvain", lambda: nx.community.louvain_communities(g, weight="weight", seed=0))
    clock("kg centrality (all measures, as kg runs them)",
          lambda: department_measures(rows, co_responsibility(rows, labels), lead_network(rows, labels)))
    clock("kg communities", lambda: detect_communities(co_responsibility(rows, labels)))


if __name__ == "__main__":
    main()
