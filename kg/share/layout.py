"""Where each node and label stands: positions computed once, seeded, so a graph always looks the same.

:func:`layout` gives force-directed positions (igraph); :func:`fit` puts them
in the frame a page or figure is designed for; :func:`separate` moves the
labelled nodes apart until their label boxes no longer overlap (boxes as
:func:`label_box` estimates them from the text and its size).
"""

from __future__ import annotations

import unicodedata

import networkx as nx

__all__ = ["layout", "fit", "text_width", "label_box", "separate", "FRAME"]

#: The frame every network view is laid out in, in canvas pixels: the notebook's graph area
#: (a 1000 × 600 frame less the legend column, header and footer), so the page opens at 100 % zoom or more.
FRAME = (700, 440)


def layout(g: nx.Graph, scale: int = 1000, spread_up_to: int = 600) -> dict:
    """Force-directed positions (igraph, seeded), in whole pixels.

    Up to ``spread_up_to`` nodes, Kamada–Kawai (started from a seeded
    Fruchterman–Reingold): it spreads a dense network evenly over the frame
    (half the nodes beyond 0.7 of the radius on the sample, where
    Fruchterman–Reingold leaves a crowded core and far outliers, 0.49).
    Larger networks keep Fruchterman–Reingold, where stronger ties
    (``weight``) pull harder. igraph's generator is seeded for the call and
    restored after it, so the same graph always gets the same picture; 5 000
    nodes take well under a second (``benchmarks/bench_html.py``).

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
        coords = h.layout_fruchterman_reingold(weights=weights, niter=500)
        if len(nodes) <= spread_up_to and h.ecount():
            coords = h.layout_kamada_kawai(seed=coords, maxiter=50 * len(nodes))
        coords = coords.coords
    finally:
        ig.set_random_number_generator(random)
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {v: (int(round((x - cx) / span * 2 * scale)), int(round((y - cy) / span * 2 * scale)))
            for v, (x, y) in zip(nodes, coords)}


def fit(pos: dict, width: float, height: float, margin: float = 0.0) -> dict:
    """Positions stretched (each axis on its own) to fill a ``width`` × ``height`` frame centred on 0, less a margin.

    Examples
    --------
    >>> fit({"a": (0, 0), "b": (10, 1)}, 100, 50, margin=10)
    {'a': (-40.0, -15.0), 'b': (40.0, 15.0)}
    """
    if not pos:
        return {}
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    sx = (width - 2 * margin) / ((max(xs) - min(xs)) or 1)
    sy = (height - 2 * margin) / ((max(ys) - min(ys)) or 1)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {k: (round((x - cx) * sx, 1), round((y - cy) * sy, 1)) for k, (x, y) in pos.items()}


def text_width(text: str, px: float) -> float:
    """The width of ``text`` at ``px`` pixels: a full em per Chinese character, 0.6 em for Latin ones.

    >>> text_width("省质监局", 12), text_width("ab", 10)
    (48, 12.0)
    """
    lines = str(text).split("\n")
    return max(sum(px if unicodedata.east_asian_width(c) in "WF" else 0.6 * px for c in line) for line in lines)


def label_box(x: float, y: float, radius: float, text: str, px: float, below: bool = True) -> tuple:
    """``(left, top, right, bottom)`` of a node and its label as vis-network draws them.

    A dot's label hangs 3 px below the dot (``below``); a box or text node holds its label.

    >>> label_box(0, 0, 5, "省质监局", 12)
    (-24.0, -5, 24.0, 20)
    """
    lines = str(text).count("\n") + 1
    w = text_width(text, px)
    if below:
        half = max(w / 2, radius)
        return (-half + x, y - radius, half + x, y + radius + 3 + px * lines)
    half_h = px * lines / 2 + 5
    return (x - w / 2 - 5, y - half_h, x + w / 2 + 5, y + half_h)


def separate(boxes: dict, bounds: tuple, pad: float = 4.0, rounds: int = 600, movers=None) -> dict:
    """Move boxes apart until no two overlap (by ``pad``), keeping each inside ``bounds``; return their offsets.

    ``boxes`` maps keys to ``(left, top, right, bottom)``. Each round pushes
    every overlapping pair apart along the axis where they overlap least, half
    the way each, within ``bounds`` (``(left, top, right, bottom)``; where the
    frame stops one box, the pair goes round the other way). With ``movers``,
    only pairs holding at least one of those keys are kept apart (labels from
    each other and from dots; dots may touch dots). Deterministic: the same
    boxes give the same offsets.

    Examples
    --------
    >>> separate({"a": (0, 0, 10, 10), "b": (5, 0, 15, 10)}, (-100, -100, 100, 100), pad=0)
    {'a': (-2.5, 0.0), 'b': (2.5, 0.0)}
    """
    keys = sorted(boxes)
    at = {k: list(boxes[k]) for k in keys}
    moved = {k: [0.0, 0.0] for k in keys}

    def shift(k, dx, dy):
        b = at[k]
        dx = min(max(dx, bounds[0] - b[0]), bounds[2] - b[2]) if b[2] - b[0] <= bounds[2] - bounds[0] else dx
        dy = min(max(dy, bounds[1] - b[1]), bounds[3] - b[3]) if b[3] - b[1] <= bounds[3] - bounds[1] else dy
        b[0] += dx
        b[2] += dx
        b[1] += dy
        b[3] += dy
        moved[k][0] += dx
        moved[k][1] += dy
        return abs(dx) + abs(dy)

    def push(a, b, axis, amount):
        """Move a and b apart by ``amount`` along ``axis`` (0: x, 1: y); what a wall stops, the other takes."""
        p, q = at[a], at[b]
        sign = 1 if (p[axis] + p[axis + 2]) <= (q[axis] + q[axis + 2]) else -1
        d = [0.0, 0.0]
        d[axis] = sign * amount / 2
        done = shift(a, -d[0], -d[1])
        d[axis] = sign * (amount - done)
        return done + shift(b, d[0], d[1])

    movers = set(keys if movers is None else movers)
    pairs = [(a, b) for i, a in enumerate(keys) for b in keys[i + 1:] if a in movers or b in movers]
    for _ in range(rounds):
        clash = False
        for a, b in pairs:
            p, q = at[a], at[b]
            ox = min(p[2], q[2]) - max(p[0], q[0]) + pad
            oy = min(p[3], q[3]) - max(p[1], q[1]) + pad
            if ox <= 0 or oy <= 0:
                continue
            clash = True
            first, amount, other, rest = (0, ox, 1, oy) if ox < oy else (1, oy, 0, ox)
            if push(a, b, first, amount) < amount - 0.01:  # against the frame: go round the other way
                push(a, b, other, rest)
        if not clash:
            break
    return {k: (round(moved[k][0], 1), round(moved[k][1], 1)) for k in keys}
