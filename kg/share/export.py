"""Write networks for Gephi and other tools: GraphML, GEXF, or CSV node and edge lists.

Files are written to a temporary name and renamed into place, so a failed
export leaves no half-written file. GEXF's ``lastmodifieddate`` is dropped so
the same graph always gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import networkx as nx

from ..errors import KgError
from ..output import atomic_write
from ..vocabulary import NETWORK_FORMATS

__all__ = ["export_network", "network_csv"]



def _clean(g: nx.Graph) -> nx.Graph:
    """A copy whose attributes are all strings, numbers or booleans (as GraphML and GEXF need)."""
    h = g.__class__()
    for n, attrs in g.nodes(data=True):
        h.add_node(n, **{k: v for k, v in attrs.items() if v is not None and not isinstance(v, (list, dict))})
    for u, v, attrs in g.edges(data=True):
        h.add_edge(u, v, **{k: w for k, w in attrs.items() if w is not None})
    return h


def network_csv(g: nx.Graph) -> tuple[str, str]:
    """``(nodes_csv, edges_csv)`` text for a network."""
    node_keys = sorted({k for _, a in g.nodes(data=True) for k in a})
    edge_keys = sorted({k for _, _, a in g.edges(data=True) for k in a})
    nodes, edges = io.StringIO(), io.StringIO()
    w = csv.writer(nodes, lineterminator="\n")
    w.writerow(["id", *node_keys])
    for n, a in g.nodes(data=True):
        w.writerow([n, *("" if a.get(k) is None else a.get(k) for k in node_keys)])
    labels = nx.get_node_attributes(g, "label")
    w = csv.writer(edges, lineterminator="\n")
    w.writerow(["source", "target", "source_label", "target_label", *edge_keys])
    for u, v, a in g.edges(data=True):
        w.writerow([u, v, labels.get(u, ""), labels.get(v, ""), *("" if a.get(k) is None else a.get(k) for k in edge_keys)])
    return nodes.getvalue(), edges.getvalue()


def export_network(g: nx.Graph, fmt: str, path) -> list[Path]:
    """Write ``g`` as ``fmt`` to ``path``; return the files written.

    CSV writes two files: ``path`` (edges) and ``<stem>.nodes.csv`` beside it.
    """
    if fmt not in NETWORK_FORMATS:
        raise KgError(f"unknown export format {fmt!r}; choose one of {', '.join(NETWORK_FORMATS)}")
    path = Path(path)
    if not path.parent.is_dir():
        raise KgError(f"{path.parent}: no such folder for the export")
    if fmt == "csv":
        nodes, edges = network_csv(g)
        nodes_path = path.with_name(path.stem + ".nodes.csv")
        atomic_write(path, edges.encode("utf-8"))
        atomic_write(nodes_path, nodes.encode("utf-8"))
        return [path, nodes_path]
    buf = io.BytesIO()
    clean = _clean(g)
    if fmt == "graphml":
        nx.write_graphml(clean, buf, encoding="utf-8")
        data = buf.getvalue()
    else:
        nx.write_gexf(clean, buf, encoding="utf-8")
        data = re.sub(rb'\s*lastmodifieddate="[^"]*"', b"", buf.getvalue())
    atomic_write(path, data)
    return [path]
