"""Networks with their measures attached, for export and drawing."""

from __future__ import annotations

from .networks import assignments, network, organisation_labels
from .centrality import department_measures
from .communities import detect_communities

__all__ = ["annotated_network"]

_NODE_MEASURES = ("tasks_led", "tasks_participant", "tasks_total", "degree", "weighted_degree", "betweenness",
                  "closeness", "eigenvector", "pagerank", "core_number")


def annotated_network(store, kind: str, document=None, year=None, as_of=None, seed: int = 0):
    """Network ``kind`` whose department nodes carry their measures and community number."""
    g = network(store, kind, document, year, as_of)
    rows = assignments(store, document, year, as_of)
    labels = organisation_labels(store)
    measures = {m["iri"]: m for m in department_measures(rows, labels)}
    communities, _ = detect_communities(rows, labels, seed=seed)
    community = {iri: c["community"] for c in communities for iri in c["members"]}
    for node, attrs in g.nodes(data=True):
        if attrs.get("kind") != "department":
            continue
        m = measures.get(node, {})
        for key in _NODE_MEASURES:
            if key in m:
                attrs[key] = m[key]
        if node in community:
            attrs["community"] = community[node]
    return g
