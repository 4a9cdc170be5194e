"""Networks with their measures attached, for export and drawing."""

from __future__ import annotations

__all__ = ["annotate", "NODE_MEASURES"]

#: Measures copied onto department nodes.
NODE_MEASURES = ("tasks_led", "tasks_participant", "tasks_total", "degree", "weighted_degree", "betweenness",
                 "closeness", "eigenvector", "pagerank", "core_number")


def annotate(g, measures: list[dict], communities: list[dict]):
    """Copy each department's ``measures`` (rows of :func:`.centrality.department_measures`) and community number
    (rows of :func:`.communities.detect_communities`) onto its node of ``g``; return ``g``."""
    by_iri = {m["iri"]: m for m in measures}
    community = {iri: c["community"] for c in communities for iri in c["members"]}
    for node, attrs in g.nodes(data=True):
        if attrs.get("kind") != "department":
            continue
        m = by_iri.get(node, {})
        for key in NODE_MEASURES:
            if key in m:
                attrs[key] = m[key]
        if node in community:
            attrs["community"] = community[node]
    return g
