"""The four views of ``kg html``, as plain node and edge lists for vis-network.

Every label and tooltip is plain text here (``label``, ``tip``); the page turns
tips into DOM text nodes, so nothing in the data is ever parsed as HTML.
Positions are computed once with networkx (seeded, so the same graph gives the
same picture) and physics is off, which keeps thousands of nodes usable.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import networkx as nx

from ..errors import KgError
from ..rdf.namespaces import PREFIXES

__all__ = ["View", "VIEWS", "SIZE_MEASURES", "departments_view", "document_view", "ego_view", "industries_view",
           "layout", "make_view", "graph_sources", "PALETTE"]

VIEWS = ("departments", "document", "ego", "industries")
SIZE_MEASURES = ("weighted_degree", "tasks_total", "tasks_led", "degree", "betweenness", "closeness", "eigenvector",
                 "pagerank")
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#bab0ac", "#86bcb6", "#d37295")
ROLE_COLOURS = {"lead": "#e15759", "participant": "#4e79a7", "overall_lead": "#b07aa1", "responsible": "#59a14f"}
ROLE_NAMES = {"lead": "牵头 lead", "participant": "参与 participant", "overall_lead": "总牵头 overall lead",
              "responsible": "共同负责 co-responsible"}


@dataclass
class View:
    """What a page shows: title, nodes, edges, vis options and a legend."""

    title: str
    subtitle: str
    nodes: list = field(default_factory=list)
    edges: list = field(default_factory=list)
    legend: list = field(default_factory=list)  # (colour, text) pairs
    options: dict = field(default_factory=dict)


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


_DOCUMENT = """
SELECT ?doc ?item ?kind ?label ?parent ?role ?tip ?id WHERE {
  ?doc eli:id_local ?number .
  {
    ?item eli:is_part_of ?doc ; dcterms:identifier ?id ; kgo:marker ?marker .
    OPTIONAL { ?item rdfs:label ?l } OPTIONAL { ?item kgo:parentSection ?p }
    BIND("section" AS ?kind) BIND(CONCAT(?marker, " ", COALESCE(STR(?l), "")) AS ?label)
    BIND(COALESCE(?p, ?doc) AS ?parent) BIND(CONCAT(?id, " ", COALESCE(STR(?l), "")) AS ?tip)
  } UNION {
    ?item kgo:inDocument ?doc ; a kgo:Task ; kgo:inSection ?parent ; dcterms:identifier ?id ;
          kgo:clauseSource/kgo:quote ?clause .
    OPTIONAL { ?item rdfs:label ?l }
    BIND("task" AS ?kind) BIND(CONCAT("任务 ", ?id) AS ?label) BIND(CONCAT(COALESCE(STR(?l), ""), "\\n", ?clause) AS ?tip)
  } UNION {
    ?parent kgo:inDocument ?doc ; a kgo:Task ; prov:qualifiedAssociation ?a ; dcterms:identifier ?id .
    ?a prov:agent ?item ; prov:hadRole ?r ; kgo:mention ?mention .
    ?item rdfs:label ?name FILTER(LANG(?name) = "zh")
    BIND("department" AS ?kind) BIND(?mention AS ?label) BIND(STR(?name) AS ?tip) BIND(STRAFTER(STR(?r), "#") AS ?role)
  }
}"""


def document_view(store, number: str) -> View:
    """One document: its sections, tasks and the departments with their roles."""
    from rdflib import Literal

    from ..sparql.queries import with_values
    from ..sparql.store import select_values

    rows = select_values(store, with_values(_DOCUMENT, {"number": Literal(number)}), PREFIXES)
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
    role_key = {"leadRole": "lead", "participantRole": "participant", "overallLeadRole": "overall_lead",
                "coResponsibleRole": "responsible"}
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
            r = role_key.get(role, "responsible")
            edge.update({"color": {"color": ROLE_COLOURS[r]}, "tip": ROLE_NAMES[r], "width": 2})
        view.edges.append(edge)
    view.subtitle = f"{sum(n['shape'] == 'ellipse' for n in view.nodes)} tasks, " \
                    f"{sum(n['shape'] == 'dot' for n in view.nodes)} departments"
    view.legend = [("#dfe7f2", "section 章节"), ("#f6e3c5", "task 任务"), ("#bbbbbb", "department 部门")] + \
        [(ROLE_COLOURS[r], ROLE_NAMES[r]) for r in ROLE_COLOURS]
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
        led = sum(v for (mine, _), v in relation.get(n, {}).items() if mine == "lead")
        followed = sum(v for (_, theirs), v in relation.get(n, {}).items() if theirs == "lead")
        colour = "#f28e2b" if led > followed else "#4e79a7" if followed > led else "#59a14f"
        shared = g.edges[ego, n]["weight"]
        lines = [g.nodes[n].get("label", ""), f"{shared} shared task(s)",
                 *(f"{name} {ROLE_NAMES[m]} / {g.nodes[n].get('short', '')} {ROLE_NAMES[t]}: {v}"
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

    org = load_table().resolve(name)
    if org is not None:
        for n in g:
            if n.endswith("/" + org.id):
                return n
    raise KgError(f"no department {name!r} with tasks in the graph; kg centrality lists them")


_INDUSTRIES = """
SELECT ?industry ?label ?scheme ?obs ?indicator ?value ?max ?unit ?cmp ?year ?quote WHERE {
  ?industry a kgo:Industry ; skos:prefLabel ?label .
  OPTIONAL { ?industry skos:inScheme/skos:prefLabel ?scheme }
  OPTIONAL {
    ?obs kgo:forIndustry ?industry ; kgo:indicator ?indicator ; sdmx-measure:obsValue ?value ; kgo:unit ?unit ;
         kgo:comparator ?cmp ; kgo:source/kgo:quote ?quote .
    OPTIONAL { ?obs sdmx-dimension:refPeriod ?year } OPTIONAL { ?obs kgo:upperValue ?max }
  }
}"""


def industries_view(store) -> View:
    """Industries, their schemes, and their targets with years."""
    from ..sparql.store import select_values

    rows = select_values(store, _INDUSTRIES, PREFIXES)
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


_SOURCES = "SELECT ?name ?sha WHERE { ?s a kgo:SourceText ; kgo:fileName ?name ; kgo:sha256 ?sha }"


def graph_sources(store) -> list[tuple[str, str]]:
    """``(file name, sha256)`` of every source text in the graph, sorted."""
    from ..sparql.store import select_values

    return sorted({(name, sha) for name, sha in select_values(store, _SOURCES, PREFIXES)})


def make_view(store, view: str, document=None, department=None, size_by="weighted_degree", arrows=False,
              year=None, as_of=None) -> View:
    """Build one of :data:`VIEWS` from a store."""
    from ..analysis.annotate import annotated_network
    from ..analysis.networks import assignments

    if view not in VIEWS:
        raise KgError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    if view == "departments":
        g = annotated_network(store, "lead" if arrows else "co-responsibility", document, year, as_of)
        return departments_view(g, size_by, "部门牵头网络" if arrows else "部门协同网络")
    if view == "document":
        if not document:
            raise KgError("the document view needs --document DOC_NUMBER")
        return document_view(store, document)
    if view == "ego":
        if not department:
            raise KgError("the ego view needs --department NAME (e.g. 省质监局)")
        g = annotated_network(store, "co-responsibility", document, year, as_of)
        return ego_view(g, assignments(store, document, year, as_of), department)
    return industries_view(store)
