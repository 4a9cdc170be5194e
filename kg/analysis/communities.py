"""Communities of departments: Louvain on the co-responsibility network, with a fixed seed."""

from __future__ import annotations

import networkx as nx

__all__ = ["detect_communities"]


def detect_communities(g: nx.Graph, seed: int = 0, resolution: float = 1.0):
    """Louvain communities of the co-responsibility network ``g`` (weighted by shared tasks), their modularity and
    the network's density.

    Returns
    -------
    (list of dict, dict)
        One row per community (largest first: ``community``, ``size``,
        ``departments`` by short name, ``members`` as IRIs), and a summary
        with ``modularity``, ``density``, ``communities`` and ``departments``.
    """
    if g.number_of_nodes() == 0:
        return [], {"modularity": 0.0, "density": 0.0, "communities": 0, "departments": 0}
    parts = nx.community.louvain_communities(g, weight="weight", seed=seed, resolution=resolution)
    short = nx.get_node_attributes(g, "short")
    ordered = sorted((sorted(p, key=lambda v: short[v]) for p in parts),
                     key=lambda p: (-len(p), short[p[0]]))
    modularity = nx.community.modularity(g, parts, weight="weight", resolution=resolution) \
        if g.number_of_edges() else 0.0
    rows_out = [{"community": k + 1, "size": len(p), "departments": "、".join(short[v] for v in p),
                 "members": list(p)} for k, p in enumerate(ordered)]
    summary = {"modularity": round(modularity, 6), "density": round(nx.density(g), 6),
               "communities": len(ordered), "departments": g.number_of_nodes()}
    return rows_out, summary
