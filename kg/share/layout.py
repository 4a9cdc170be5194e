"""Where each node stands: force-directed positions computed once, seeded, so a graph always looks the same."""

from __future__ import annotations

import networkx as nx

__all__ = ["layout"]


def layout(g: nx.Graph, scale: int = 1000) -> dict:
    """Force-directed positions (igraph's Fruchterman–Reingold, seeded), in whole pixels.

    Stronger ties (``weight``) pull harder. igraph's generator is seeded for the
    call and restored after it, so the same graph always gets the same picture;
    5 000 nodes take well under a second (``benchmarks/bench_html.py``).

    Examples
    --------
    >>> layout(nx.path_graph(3)) == layout(nx.path_graph(3))
    True
    """
    import random

    import igraph as ig

    nodes = list(g)
    if not nodes:
        return {}
    if len(nodes) == 1:
        return {nodes[0]: (0, 0)}
    index = {v: i for i, v in enumerate(nodes)}
    h = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in g.edges()])
    weights = [w or 1 for _, _, w in g.edges(data="weight")] if h.ecount() else None
    ig.set_random_number_generator(random.Random(0))
    try:
        coords = h.layout_fruchterman_reingold(weights=weights, niter=500).coords
    finally:
        ig.set_random_number_generator(random)
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {v: (int(round((x - cx) / span * 2 * scale)), int(round((y - cy) / span * 2 * scale)))
            for v, (x, y) in zip(nodes, coords)}
