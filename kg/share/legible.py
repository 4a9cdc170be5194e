"""Legible by default: label sizes by importance, the top labels kept apart, edges faded by weight.

A network view is laid out in :data:`~.layout.FRAME` (canvas pixels), which
the page shows at 100 % zoom or more, so a label of :data:`FLOOR` pixels reads
at least that large. The :data:`TOP` most important nodes get labels from
:data:`FLOOR` to :data:`PEAK` pixels, moved apart (:func:`~.layout.separate`)
until no two of their boxes overlap; every other label is drawn small enough
that vis-network leaves it out (``drawThreshold``) until the reader zooms in,
and its name is in the node's tooltip on hover. Edges are drawn under the
labels (a white halo round the text) and fade with their weight.
"""

from __future__ import annotations

from .layout import FRAME, label_box, separate

__all__ = ["TOP", "FLOOR", "PEAK", "make_legible", "fade", "node_options", "ranked"]

#: How many labels are always shown.
TOP = 20
#: The smallest and largest of those labels, in pixels at 100 % zoom.
FLOOR, PEAK = 13.0, 18.0
#: Up to this many nodes, unlabelled dots are kept off the labels too (above, only labels are kept apart).
OBSTACLES = 400
#: The size of the other labels, and the on-screen size below which vis-network does not draw a label.
_HIDDEN, _THRESHOLD = 5.0, 12


def ranked(importance: dict, labels: dict) -> list:
    """Keys from most to least important (ties: by label, then key).

    >>> ranked({"a": 1, "b": 3, "c": 1}, {"a": "y", "b": "z", "c": "x"})
    ['b', 'c', 'a']
    """
    return sorted(importance, key=lambda k: (-importance[k], labels.get(k, ""), k))


def node_options(shape: str = "dot") -> dict:
    """vis-network options for legible nodes: labels with a white halo, small labels left out."""
    return {"shape": shape, "font": {"size": _HIDDEN, "face": "sans-serif", "strokeWidth": 4,
                                     "strokeColor": "rgba(255,255,255,0.92)", "color": "#1f2328"},
            "scaling": {"label": {"enabled": False, "drawThreshold": _THRESHOLD, "maxVisible": 60}},
            "borderWidth": 1, "color": {"border": "#ffffff"}}


def make_legible(view, importance: dict, top: int = TOP, frame: tuple = FRAME, below: bool = True,
                 floor: float = FLOOR, peak: float = PEAK, move: bool = True):
    """Size ``view``'s labels by ``importance`` (node id → number), keep the top ones apart, set its frame.

    Nodes must already stand in ``frame`` (centred on 0) with their ``size``
    (radius) in the same pixels. ``below``: labels hang under dots (otherwise
    boxes hold their labels). ``move=False`` keeps positions (a layered layout
    that placed its labels itself). Returns the ids of the labelled nodes.

    Examples
    --------
    >>> from kg.share.views import View
    >>> v = View("t", "s", nodes=[{"id": i, "label": "省质监局", "x": 0, "y": 0, "size": 5} for i in "ab"])
    >>> make_legible(v, {"a": 2, "b": 1}, top=2)
    ['a', 'b']
    >>> [(n["font"]["size"], n["y"]) for n in v.nodes]
    [(18.0, 15.0), (13.0, -15.0)]
    """
    by_id = {n["id"]: n for n in view.nodes}
    order = ranked({k: v for k, v in importance.items() if k in by_id}, {k: by_id[k].get("label", "") for k in by_id})
    shown = [k for k in order if by_id[k].get("label")][:top]
    values = [importance[k] for k in shown]
    lo, hi = (min(values), max(values)) if values else (0, 0)
    for k in shown:
        share = (importance[k] - lo) / (hi - lo) if hi > lo else (1.0 if len(shown) > 1 and k == shown[0] else 0.0)
        by_id[k]["font"] = {**by_id[k].get("font", {}), "size": round(floor + (peak - floor) * share, 1)}
    for n in view.nodes:
        if n["id"] not in shown:
            n["font"] = {**n.get("font", {}), "size": _HIDDEN}
    half_w, half_h = frame[0] / 2, frame[1] / 2
    if move and shown:
        # the labelled nodes with their labels, and (in a network small enough) every other dot, kept apart
        others = [n for n in view.nodes if n["id"] not in set(shown)] if len(view.nodes) <= OBSTACLES else []
        moving = [by_id[k] for k in shown] + others
        boxes = {i: (label_box(n["x"], n["y"], n.get("size", 8), n["label"], n["font"]["size"], below)
                     if i < len(shown) else _dot(n)) for i, n in enumerate(moving)}
        offsets = separate(boxes, (-half_w, -half_h, half_w, half_h), movers=range(len(shown)))
        for i, n in enumerate(moving):
            dx, dy = offsets[i]
            n["x"] = round(n["x"] + dx, 1)
            n["y"] = round(n["y"] + dy, 1)
        shown = _without_clashes(by_id, order, shown, top, floor, below)
    view.frame = _extent(view.nodes, shown, below)
    return shown


def _without_clashes(by_id, order, shown, top, floor, below) -> list:
    """The labels to show: in order of importance, each that overlaps none shown before it.

    Where the frame is too crowded for :func:`~.layout.separate` to part every
    pair, a label that still overlaps a more important one waits for the zoom,
    and the next label that fits takes its place (at :data:`FLOOR`).
    """
    def box(k):
        n = by_id[k]
        return label_box(n["x"], n["y"], n.get("size", 8), n["label"], n["font"]["size"], below)

    def clash(a, b):
        return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])

    kept, boxes = [], []
    for k in (k for k in order if by_id[k].get("label")):
        if len(kept) == top:
            break
        if k not in shown:
            by_id[k]["font"] = {**by_id[k].get("font", {}), "size": floor}
        b = box(k)
        if any(clash(b, other) for other in boxes):
            by_id[k]["font"] = {**by_id[k].get("font", {}), "size": _HIDDEN}
            continue
        kept.append(k)
        boxes.append(b)
    return kept


def _dot(n) -> tuple:
    r = n.get("size", 8)
    return (n["x"] - r, n["y"] - r, n["x"] + r, n["y"] + r)


def _extent(nodes, shown, below) -> list:
    """``[left, top, right, bottom]`` of every node and every drawn label: what the page fits to its window."""
    shown = set(shown)
    boxes = []
    for n in nodes:
        r = n.get("size", 8) if n.get("shape", "dot") == "dot" else 8
        if n["id"] in shown:
            boxes.append(label_box(n["x"], n["y"], r, n["label"], n["font"]["size"], below))
        else:
            boxes.append((n["x"] - r, n["y"] - r, n["x"] + r, n["y"] + r))
    if not boxes:
        return [-1, -1, 1, 1]
    return [round(min(b[0] for b in boxes) - 6, 1), round(min(b[1] for b in boxes) - 6, 1),
            round(max(b[2] for b in boxes) + 6, 1), round(max(b[3] for b in boxes) + 6, 1)]


def fade(weights: dict, colour=(110, 125, 145), low: float = 0.5, high: float = 6.0) -> dict:
    """Edge styles by weight: width from ``low`` to ``high`` and an opacity from 0.15 to 0.75.

    >>> fade({"e": 1, "f": 3})["f"]
    {'width': 6.0, 'color': {'color': 'rgba(110,125,145,0.75)', 'highlight': '#e15759', 'hover': '#e15759'}}
    """
    if not weights:
        return {}
    lo, hi = min(weights.values()), max(weights.values())
    out = {}
    for k, w in weights.items():
        share = (w - lo) / (hi - lo) if hi > lo else 0.5
        r, g, b = colour
        out[k] = {"width": round(low + (high - low) * share, 2),
                  "color": {"color": f"rgba({r},{g},{b},{0.15 + 0.6 * share:.2f})", "highlight": "#e15759",
                            "hover": "#e15759"}}
    return out
