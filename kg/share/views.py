"""The four views of ``kg html``, as plain node and edge lists for vis-network.

Every label and tooltip is plain text here (``label``, ``tip``); the page turns
tips into DOM text nodes, so nothing in the data is ever parsed as HTML.
Positions are computed once (:func:`~.layout.layout`: igraph's seeded
Fruchterman–Reingold, so the same graph gives the same picture) and physics is
off, which keeps thousands of nodes usable. The functions are pure: networks
and query rows in, a :class:`View` out (:class:`kg.api.BuiltGraph` runs the
queries).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import networkx as nx

from ..errors import KgError
from ..vocabulary import SIZE_MEASURES, Role
from .layout import layout

__all__ = ["View", "departments_view", "document_view", "ego_view", "industries_view",
           "PALETTE", "role_name"]

PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#bab0ac", "#86bcb6", "#d37295")


def role_name(role) -> str:
    """A role in both languages, as legends and tooltips show it.

    >>> role_name("lead")
    '牵头 lead'
    """
    role = Role(role)
    return f"{role.zh} {role.en}"


@dataclass
class View:
    """What a page shows: title, nodes, edges, vis options and a legend."""

    title: str
    subtitle: str
    nodes: list = field(default_factory=list)
    edges: list = field(default_factory=list)
    legend: list = field(default_factory=list)  # (colour, text) pairs
    options: dict = field(default_factory=dict)


def _scale(values: dict, low: float, high: float) -> dict:
    if not values:
        return {}
    lo, hi = min(values.values()), max(values.values())
    span = (hi - lo) or 1
    return {k: low + (high - low) * (v - lo) / span for k, v in values.items()}


def _fixed_options(directed: bool = False) -> dict:
    return {"physics": {"enabled": False},
            "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
            "edges": {"smooth": False, "color": {"inherit": False},
                      "arrows": {"to": {"enabled": directed, "scaleFactor": 0.5}}},
            "nodes": {"shape": "dot", "font": {"size": 14, "face": "sans-serif"}}}


def departments_view(g: nx.Graph, size_by: str = "weighted_degree", title: str = "部门协同网络") -> View:
    """The co-responsibility (or, directed, the lead) network with measures on its nodes."""
    if size_by not in SIZE_MEASURES:
        raise KgError(f"cannot size nodes by {size_by!r}; choose one of {', '.join(SIZE_MEASURES)}")
    directed = g.is_directed()
    pos = layout(g.to_undirected() if directed else g)
    sizes = _scale({n: float(a.get(size_by, 0)) for n, a in g.nodes(data=True)}, 10, 50)
    widths = _scale({(u, v): w for u, v, w in g.edges(data="weight")}, 1, 10)
    view = View(title, f"{g.number_of_nodes()} departments, {g.number_of_edges()} "
                f"{'lead → participant links' if directed else 'links by shared tasks'}; size: {size_by}",
                options=_fixed_options(directed))
    communities = {}
    for n, a in g.nodes(data=True):
        c = a.get("community", 0)
        communities.setdefault(c, []).append(a.get("short", ""))
        x, y = pos[n]
        view.nodes.append({
            "id": n, "label": a.get("short") or a.get("label", ""), "x": x, "y": y, "size": round(sizes[n], 2),
            "color": PALETTE[(c - 1) % len(PALETTE)] if c else "#999999",
            "tip": "\n".join([a.get("label", ""), a.get("label_en", ""),
                              f"tasks led {a.get('tasks_led', 0)}, joined {a.get('tasks_participant', 0)}, "
                              f"total {a.get('tasks_total', 0)}",
                              f"weighted degree {a.get('weighted_degree', 0)}, betweenness {a.get('betweenness', 0)}, "
                              f"PageRank {a.get('pagerank', 0)}",
                              f"community {c}"])})
    labels = nx.get_node_attributes(g, "short")
    for u, v, w in g.edges(data="weight"):
        text = f"{labels.get(u)} → {labels.get(v)}: leads {w} task(s) with it" if directed else \
            f"{labels.get(u)} — {labels.get(v)}: {w} shared task(s)"
        view.edges.append({"from": u, "to": v, "width": round(widths[(u, v)], 2), "tip": text,
                           "color": {"color": "#9aa5b1", "opacity": 0.6}})
    for c in sorted(communities):
        members = sorted(communities[c])
        more = f" … ({len(members)})" if len(members) > 4 else ""
        view.legend.append((PALETTE[(c - 1) % len(PALETTE)] if c else "#999999",
                            f"community {c}: {'、'.join(members[:4])}{more}"))
    view.legend.append(("", f"node size: {size_by}; line width: "
                        f"{'tasks led over the participant' if directed else 'shared tasks'}"))
    return view


def document_view(rows, number: str) -> View:
    """One document: its sections, tasks and the departments with their roles (``rows`` of ``document_tree``)."""
    if not rows:
        raise KgError(f"no document {number!r} in the graph; kg query documents lists them")
    view = View(number, "sections, tasks and responsible departments", options=_fixed_options(True))
    view.options["layout"] = {"hierarchical": {"enabled": True, "direction": "LR", "sortMethod": "hubsize",
                                               "levelSeparation": 220, "nodeSpacing": 40}}
    doc_id = "document"
    view.nodes.append({"id": doc_id, "label": number, "shape": "box", "color": "#333333", "font": {"color": "#ffffff"},
                       "tip": number, "level": 0})
    seen = {doc_id}
    depth = max((r[7].count(".") + 1 for r in rows if r[2] == "section"), default=1)
    levels = {"task": depth + 1, "department": depth + 2}
    for doc, item, kind, label, parent, role, tip, path in sorted(rows, key=lambda r: tuple(x or "" for x in r)):
        if item not in seen:
            seen.add(item)
            shape, colour = {"section": ("box", "#dfe7f2"), "task": ("ellipse", "#f6e3c5"),
                             "department": ("dot", "#bbbbbb")}[kind]
            level = path.count(".") + 1 if kind == "section" else levels[kind]
            view.nodes.append({"id": item, "label": label[:24], "shape": shape, "color": colour, "tip": tip or label,
                               "level": level})
        edge = {"from": doc_id if parent == doc else parent, "to": item}
        if kind == "department":
            r = Role.from_term(role)
            edge.update({"color": {"color": r.colour}, "tip": role_name(r), "width": 2})
        view.edges.append(edge)
    view.subtitle = f"{sum(n['shape'] == 'ellipse' for n in view.nodes)} tasks, " \
                    f"{sum(n['shape'] == 'dot' for n in view.nodes)} departments"
    view.legend = [("#dfe7f2", "section 章节"), ("#f6e3c5", "task 任务"), ("#bbbbbb", "department 部门")] + \
        [(r.colour, role_name(r)) for r in Role]
    return view


def ego_view(g: nx.Graph, rows, department: str) -> View:
    """One department and its neighbours; links say who led whom."""
    ego = _find_department(g, department)
    name = g.nodes[ego].get("short", ego)
    neighbours = sorted(g.neighbors(ego), key=lambda n: (-g.edges[ego, n]["weight"], g.nodes[n].get("short", "")))
    roles = {}
    for a in rows:
        roles.setdefault(a.task, {})[a.organisation] = a.role
    relation = defaultdict(Counter)  # neighbour → (ego's role, neighbour's role) → tasks
    for members in roles.values():
        if ego not in members:
            continue
        for other, role in members.items():
            if other != ego:
                relation[other][(members[ego], role)] += 1
    view = View(f"{name} 的协同部门", f"{len(neighbours)} departments share tasks with {name}",
                options=_fixed_options(False))
    view.nodes.append({"id": ego, "label": name, "x": 0, "y": 0, "size": 40, "color": "#e15759",
                       "tip": f"{g.nodes[ego].get('label', '')}\n{g.nodes[ego].get('label_en', '')}"})
    widths = _scale({n: g.edges[ego, n]["weight"] for n in neighbours}, 1, 10)
    for k, n in enumerate(neighbours):
        angle = 2 * math.pi * k / max(len(neighbours), 1)
        radius = 300 + 40 * (k % 3)
        led = sum(v for (mine, _), v in relation.get(n, {}).items() if mine == Role.LEAD)
        followed = sum(v for (_, theirs), v in relation.get(n, {}).items() if theirs == Role.LEAD)
        colour = "#f28e2b" if led > followed else "#4e79a7" if followed > led else "#59a14f"
        shared = g.edges[ego, n]["weight"]
        lines = [g.nodes[n].get("label", ""), f"{shared} shared task(s)",
                 *(f"{name} {role_name(m)} / {g.nodes[n].get('short', '')} {role_name(t)}: {v}"
                   for (m, t), v in sorted(relation.get(n, {}).items()))]
        view.nodes.append({"id": n, "label": g.nodes[n].get("short", ""), "x": int(radius * math.cos(angle)),
                           "y": int(radius * math.sin(angle)), "size": 12, "color": colour, "tip": "\n".join(lines)})
        view.edges.append({"from": ego, "to": n, "width": round(widths[n], 2), "tip": f"{shared} shared task(s)",
                           "color": {"color": colour, "opacity": 0.7}})
    view.legend = [("#e15759", name), ("#f28e2b", f"{name} mostly leads it"), ("#4e79a7", f"it mostly leads {name}"),
                   ("#59a14f", "even, or neither leads"), ("", "line width: shared tasks")]
    return view


def _find_department(g: nx.Graph, name: str) -> str:
    from ..reference.organisations import mention_key

    key = mention_key(name)
    for n, a in g.nodes(data=True):
        if key in {mention_key(a.get(k, "") or "") for k in ("short", "label")} or name == a.get("label_en") or n == name:
            return n
    from ..reference.organisations import load_table

    org = load_table().resolve(name).organisation
    if org is not None:
        for n in g:
            if n.endswith("/" + org.id):
                return n
    raise KgError(f"no department {name!r} with tasks in the graph; kg centrality lists them")


def industries_view(rows) -> View:
    """Industries, their schemes, and their targets with years (``rows`` of ``industry_targets``)."""
    view = View("产业与目标", "industries (by annex scheme) and their quantitative targets", options=_fixed_options(False))
    g = nx.Graph()
    schemes, industries, targets = {}, {}, {}
    for industry, label, scheme, obs, indicator, value, vmax, unit, cmp, year, quote in sorted(
            rows, key=lambda r: tuple(x or "" for x in r)):
        industries[industry] = label
        if scheme:
            schemes.setdefault(scheme, set()).add(industry)
            g.add_edge(f"scheme:{scheme}", industry, weight=1)
        if obs:
            value_text = f"{value}–{vmax}" if vmax else value
            targets[obs] = (f"{indicator} {cmp} {value_text}{unit} ({year or '?'})", quote)
            g.add_edge(industry, obs, weight=1)
    pos = layout(g)
    for n in sorted(g.nodes):
        x, y = pos[n]
        if n.startswith("scheme:"):
            view.nodes.append({"id": n, "label": n[7:], "x": x, "y": y, "shape": "box", "color": "#333333",
                               "font": {"color": "#ffffff"}, "tip": n[7:]})
        elif n in industries:
            view.nodes.append({"id": n, "label": industries[n], "x": x, "y": y, "size": 22, "color": "#f28e2b",
                               "tip": industries[n]})
        else:
            text, quote = targets[n]
            view.nodes.append({"id": n, "label": text[:18], "x": x, "y": y, "size": 6, "color": "#4e79a7",
                               "tip": f"{text}\n{quote}"})
    view.edges = [{"from": u, "to": v, "color": {"color": "#bbbbbb"}} for u, v in sorted(g.edges)]
    view.subtitle = f"{len(industries)} industries or domains, {len(targets)} targets, {len(schemes)} schemes"
    view.legend = [("#333333", "scheme 目录"), ("#f28e2b", "industry 产业/领域"), ("#4e79a7", "target 目标 (year)")]
    return view
