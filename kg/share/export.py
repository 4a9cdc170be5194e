"""Write networks for Gephi and other tools: GraphML, GEXF, or CSV node and edge lists.

A network drawn as a view (:func:`style`) carries the page's positions,
colours and sizes, so it opens in Gephi looking like the page: GEXF as
``viz:position``, ``viz:color`` and ``viz:size``, GraphML and CSV as node
attributes ``x``, ``y``, ``r``, ``g``, ``b`` and ``size`` (y upwards, as
Gephi draws it). Files are written to a temporary name and renamed into
place, so a failed export leaves no half-written file. GEXF's
``lastmodifieddate`` is dropped so the same graph always gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import networkx as nx

from ..errors import KgError
from ..output import atomic_write
from ..vocabulary import NETWORK_EXTENSIONS, NETWORK_FORMATS

__all__ = ["export_network", "network_csv", "network_format", "style", "KIND_COLOURS"]

#: Colours of nodes that are not departments (a department takes its community's colour).
KIND_COLOURS = {"task": "#f6e3c5", "document": "#333333", "industry": "#f28e2b", "department": "#999999"}


def _clean(g: nx.Graph) -> nx.Graph:
    """A copy whose attributes are all strings, numbers or booleans (as GraphML and GEXF need)."""
    h = g.__class__()
    for n, attrs in g.nodes(data=True):
        h.add_node(n, **{k: v for k, v in attrs.items() if v is not None and not isinstance(v, (list, dict))})
    for u, v, attrs in g.edges(data=True):
        h.add_edge(u, v, **{k: w for k, w in attrs.items() if w is not None})
    return h


def style(g: nx.Graph, view=None, lang: str = "zh") -> nx.Graph:
    """``g`` with each node's position, colour and size as attributes ``x``, ``y``, ``r``, ``g``, ``b``, ``size``.

    Nodes drawn in ``view`` (a :class:`~.views.View` of the same network) take
    its place, colour and size; others a seeded layout, their kind's colour
    and a size by degree. With ``lang="en"`` a department's ``label`` is its
    English name (the Chinese one stays in ``label_zh``). Returns ``g``.

    Examples
    --------
    >>> h = style(nx.Graph([("a", "b")]))
    >>> sorted(h.nodes["a"]), h.nodes["a"]["r"]
    (['b', 'g', 'r', 'size', 'x', 'y'], 153)
    """
    from .layout import FRAME, fit, layout

    drawn = {n["id"]: n for n in (view.nodes if view is not None else [])}
    rest = [n for n in g if n not in drawn]
    pos = fit(layout(g.subgraph(rest)), FRAME[0], FRAME[1], margin=20) if rest else {}
    for n, attrs in g.nodes(data=True):
        if n in drawn:
            d = drawn[n]
            x, y, colour, size = d["x"], d["y"], d.get("color", "#999999"), d.get("size", 8)
        else:
            (x, y), size = pos[n], 4 + min(g.degree(n), 16)
            colour = KIND_COLOURS.get(attrs.get("kind", ""), "#999999")
        attrs.update(x=float(x), y=float(-y), size=float(size),
                     **dict(zip("rgb", (int(colour[i:i + 2], 16) for i in (1, 3, 5)))))
        if lang == "en" and attrs.get("kind") == "department" and attrs.get("label_en"):
            attrs["label_zh"], attrs["label"] = attrs.get("label", ""), attrs["label_en"]
    return g


def _viz(g: nx.Graph) -> nx.Graph:
    """GEXF's ``viz`` attributes from :func:`style`'s (networkx writes them as ``viz:`` elements)."""
    for _, a in g.nodes(data=True):
        if "x" in a:
            a["viz"] = {"position": {"x": a.pop("x"), "y": a.pop("y"), "z": 0.0}, "size": a.pop("size"),
                        "color": {"r": a.pop("r"), "g": a.pop("g"), "b": a.pop("b"), "a": 1.0}}
    return g


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


def network_format(path, fmt: str | None = None) -> str:
    """The format to write: ``fmt`` when named, else the one ``path``'s extension means (as ``kg figure`` does).

    Examples
    --------
    >>> network_format("y.gexf"), network_format("y.csv"), network_format("y.xml", "gexf")
    ('gexf', 'csv', 'gexf')
    >>> network_format("y.png")
    Traceback (most recent call last):
    kg.errors.KgError: y.png: a network is written as .graphml, .xml, .gexf or .csv (or name the format: graphml, gexf, csv)
    """
    if fmt:
        return fmt
    found = NETWORK_EXTENSIONS.get(Path(path).suffix.lower())
    if found is None:
        exts = list(NETWORK_EXTENSIONS)
        raise KgError(f"{path}: a network is written as {', '.join(exts[:-1])} or {exts[-1]} (or name the format: "
                      f"{', '.join(NETWORK_FORMATS)})")
    return found


def export_network(g: nx.Graph, fmt: str | None, path) -> list[Path]:
    """Write ``g`` as ``fmt`` (``None``: by the extension) to ``path``; return the files written.

    CSV writes two files: ``path`` (edges) and ``<stem>.nodes.csv`` beside it.
    """
    fmt = network_format(path, fmt)
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
        nx.write_gexf(_viz(clean), buf, encoding="utf-8")
        data = re.sub(rb'\s*lastmodifieddate="[^"]*"', b"", buf.getvalue())
    atomic_write(path, data)
    return [path]
