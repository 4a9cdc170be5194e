"""The network views of ``kg html``, as plain node and edge lists for vis-network.

Every label and tooltip is plain text here (``label``, ``tip``); the page turns
tips into DOM text nodes, so nothing in the data is ever parsed as HTML.
Positions are computed once (:func:`~.layout.layout`: igraph's seeded
Fruchterman–Reingold, so the same graph gives the same picture) in the frame
the page opens on, and physics is off, which keeps thousands of nodes usable;
:func:`~.legible.make_legible` sizes and spaces the labels. The functions are
pure: networks and query rows in, a :class:`View` out (:class:`kg.api.BuiltGraph`
runs the queries). Words come from :class:`~kg.vocabulary.Phrase` in the
view's language (``lang``: ``zh`` or ``en``).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import networkx as nx

from ..errors import KgError
from ..vocabulary import LANGUAGES, LEADING_ROLES, SIZE_MEASURES, Measure, Phrase, Role
from .layout import FRAME, fit, layout
from .legible import TOP, fade, make_legible, node_options, ranked

__all__ = ["View", "departments_view", "ego_view", "industries_view", "PALETTE", "role_name", "say",
           "department_label", "community_colour", "community_legend"]

PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#bab0ac", "#86bcb6", "#d37295")


def say(phrase: Phrase, lang: str, **fields) -> str:
    """A phrase of the vocabulary in ``lang``, its fields filled.

    >>> say(Phrase.SHARED_TASKS, "zh", n=2), say(Phrase.SHARED_TASKS, "en", n=2)
    ('共同任务 2 项', '2 shared task(s)')
    """
    if lang not in LANGUAGES:
        raise KgError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    return phrase.label(lang).format(**fields)


def role_name(role, lang: str = "zh") -> str:
    """A role as legends and tooltips show it, in ``lang``.

    >>> role_name("lead"), role_name("lead", "en")
    ('牵头', 'lead')
    """
    return Role(role).label(lang)


_EN_SHORT = ((re.compile(r"^People's Governments? of "), ""), (re.compile(r"^Zhejiang (Provincial )?"), ""),
             (re.compile(r" of the People's Government of Zhejiang Province$"), ""),
             (re.compile(r" of the CPC Zhejiang Provincial Committee$"), " (CPC)"),
             (re.compile(r"^(Department|Bureau|Administration|Office) (of|for) (the )?"), ""),
             (re.compile(r" and "), " & "))


def department_label(attrs: dict, lang: str = "zh") -> str:
    """A department's label on a node: its usual short form, or in English its name without the province.

    >>> department_label({"short": "省质监局", "label_en": "Zhejiang Bureau of Quality and Technical Supervision"}, "en")
    'Quality & Technical\\nSupervision'
    >>> department_label({"short": "杭州市政府", "label_en": "People's Government of Hangzhou"}, "en")
    'Hangzhou'
    """
    if lang != "en" or not attrs.get("label_en"):
        return attrs.get("short") or attrs.get("label", "")
    text = attrs["label_en"]
    for pattern, repl in _EN_SHORT:
        text = pattern.sub(repl, text)
    if len(text) > 18:  # two lines, broken at the space nearest the middle
        spaces = [i for i, c in enumerate(text) if c == " "]
        if spaces:
            cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
            text = text[:cut] + "\n" + text[cut + 1:]
    return "\n".join(line if len(line) <= 26 else line[:25] + "…" for line in text.split("\n"))


@dataclass
class View:
    """What a page shows: title, nodes, edges, vis options, a legend and the frame the page opens on.

    ``kind`` is ``network`` (vis-network) or ``matrix`` (a table; its data in ``table``).
    """

    title: str
    subtitle: str
    nodes: list = field(default_factory=list)
    edges: list = field(default_factory=list)
    legend: list = field(default_factory=list)  # (colour, text) pairs; colour "" for a line of text
    options: dict = field(default_factory=dict)
    frame: list | None = None  # [left, top, right, bottom] in canvas pixels
    lang: str = "zh"
    kind: str = "network"
    table: dict | None = None
    notes: list = field(default_factory=list)  # what a reader should know of how names were read (on stderr)


def _scale(values: dict, low: float, high: float) -> dict:
    if not values:
        return {}
    lo, hi = min(values.values()), max(values.values())
    span = (hi - lo) or 1
    return {k: low + (high - low) * (v - lo) / span for k, v in values.items()}


def _options(directed: bool = False, shape: str = "dot") -> dict:
    return {"physics": {"enabled": False},
            "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False, "zoomSpeed": 0.6},
            "edges": {"smooth": False, "color": {"inherit": False}, "selectionWidth": 1.5,
                      "arrows": {"to": {"enabled": directed, "scaleFactor": 0.9, "type": "arrow"}},
                      "arrowStrikethrough": False},
            "nodes": node_options(shape)}


def community_colour(c) -> str:
    """The colour of community ``c`` (1, 2, …); grey for none."""
    return PALETTE[(c - 1) % len(PALETTE)] if c else "#999999"


def community_legend(g: nx.Graph, importance: dict, lang: str, names: dict, limit: int = 8) -> list:
    """Legend lines naming each community by its three most important members (by ``importance``)."""
    members = defaultdict(list)
    for n, a in g.nodes(data=True):
        members[a.get("community", 0)].append(n)
    out = [("", say(Phrase.COLOUR_COMMUNITY, lang), "colour")]
    for c in sorted(members)[:limit]:
        top = ranked({n: importance.get(n, 0) for n in members[c]}, names)
        text = ("、" if lang == "zh" else ", ").join(names[n].replace("\n", " ") for n in top[:3])
        phrase = Phrase.COMMUNITY if len(top) > 3 else Phrase.COMMUNITY_SMALL
        out.append((community_colour(c), say(phrase, lang, members=text, k=len(top))))
    if len(members) > limit:
        out.append(("", f"… (+{len(members) - limit})"))
    return out


def departments_view(g: nx.Graph, size_by: str = "weighted_degree", lang: str = "zh", top: int = TOP) -> View:
    """The co-responsibility (or, directed, the lead) network with measures on its nodes."""
    if size_by not in SIZE_MEASURES:
        raise KgError(f"cannot size nodes by {size_by!r}; choose one of {', '.join(SIZE_MEASURES)}")
    directed = g.is_directed()
    n_nodes = g.number_of_nodes()
    pos = fit(layout(g.to_undirected() if directed else g), FRAME[0], FRAME[1], margin=40)
    measure = {n: float(a.get(size_by, 0) or 0) for n, a in g.nodes(data=True)}
    biggest = max(4.0, min(16.0, 0.5 * math.sqrt(FRAME[0] * FRAME[1] / max(n_nodes, 1))))
    sizes = _scale(measure, min(3.0, biggest / 2), biggest)
    title = say(Phrase.LEAD_TITLE if directed else Phrase.DEPARTMENTS_TITLE, lang)
    sub = say(Phrase.LEAD_SUB if directed else Phrase.DEPARTMENTS_SUB, lang, n=n_nodes, m=g.number_of_edges())
    view = View(title, sub, options=_options(directed), lang=lang)
    names = {n: department_label(a, lang) for n, a in g.nodes(data=True)}
    for n, a in g.nodes(data=True):
        c = a.get("community", 0)
        x, y = pos[n]
        full = a.get("label_en") if lang == "en" and a.get("label_en") else a.get("label", "")
        view.nodes.append({
            "id": n, "label": names[n], "x": x, "y": y, "size": round(sizes[n], 2), "color": community_colour(c),
            "measure": measure[n],
            "tip": "\n".join([full, say(Phrase.TIP_TASKS, lang, led=a.get("tasks_led", 0),
                                        joined=a.get("tasks_participant", 0), total=a.get("tasks_total", 0)),
                              say(Phrase.TIP_MEASURES, lang, wd=a.get("weighted_degree", 0),
                                  b=a.get("betweenness", 0), pr=a.get("pagerank", 0)),
                              say(Phrase.TIP_COMMUNITY, lang, c=c)])})
    styles = fade({(u, v): w for u, v, w in g.edges(data="weight")})
    for u, v, w in g.edges(data="weight"):
        text = f"{names[u]} → {names[v]}: {say(Phrase.LEADS_TASKS, lang, n=w)}" if directed else \
            f"{names[u]} — {names[v]}: {say(Phrase.SHARED_TASKS, lang, n=w)}"
        view.edges.append({"from": u, "to": v, "tip": text.replace("\n", " "), "weight": w, **styles[(u, v)]})
    shown = make_legible(view, measure, top)
    view.legend = community_legend(g, measure, lang, names) + [
        ("", say(Phrase.SIZE, lang, measure=Measure(size_by).label(lang)), "size"),
        ("", say(Phrase.WIDTH_LED if directed else Phrase.WIDTH_SHARED, lang), "width"),
        *([("", say(Phrase.ARROW, lang))] if directed else []),
        ("", say(Phrase.TOP_LABELS, lang, n=len(shown)))]
    return view


def ego_view(g: nx.Graph, rows, department: str, lang: str = "zh", top: int = TOP) -> View:
    """One department and its neighbours (the ``top`` sharing most tasks on the outer ring); colours: who led whom."""
    ego = find_department(g, department)
    names = {n: department_label(a, lang) for n, a in g.nodes(data=True)}
    name = names[ego].replace("\n", " ")
    neighbours = sorted(g.neighbors(ego), key=lambda n: (-g.edges[ego, n]["weight"], names[n]))
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
    view = View(say(Phrase.EGO_TITLE, lang, name=name), say(Phrase.EGO_SUB, lang, n=len(neighbours), name=name),
                options=_options(False), lang=lang)
    full = g.nodes[ego].get("label_en") if lang == "en" else g.nodes[ego].get("label", "")
    view.nodes.append({"id": ego, "label": names[ego], "x": 0, "y": 0, "size": 16, "color": "#e15759",
                       "tip": full or names[ego]})
    shared = {n: g.edges[ego, n]["weight"] for n in neighbours}
    styles = fade(shared)
    sizes = _scale(shared, 5, 12)
    colour, lines = {}, {}
    for n in neighbours:
        led = sum(v for (mine, _), v in relation.get(n, {}).items() if mine in LEADING_ROLES)
        followed = sum(v for (_, theirs), v in relation.get(n, {}).items() if theirs in LEADING_ROLES)
        colour[n] = "#f28e2b" if led > followed else "#4e79a7" if followed > led else "#59a14f"
        other = names[n].replace("\n", " ")
        lines[n] = [g.nodes[n].get("label_en" if lang == "en" else "label", "") or other,
                    say(Phrase.SHARED_TASKS, lang, n=shared[n]),
                    *(f"{name} {role_name(m, lang)} / {other} {role_name(t, lang)}: {v}"
                      for (m, t), v in sorted(relation.get(n, {}).items()))]
    # the most shared on an outer ring, evenly round it, in sectors by who leads; the others on an inner ring
    group = {"#f28e2b": 0, "#4e79a7": 1, "#59a14f": 2}
    outer = set(neighbours[:top])
    for ring, radius in ((outer, 1.0), (set(neighbours) - outer, 0.55)):
        members = sorted(ring, key=lambda n: (group[colour[n]], -shared[n], names[n]))
        for k, n in enumerate(members):
            angle = 2 * math.pi * (k + 0.5 * (radius < 1)) / max(len(members), 1) - math.pi / 2
            rx, ry = (FRAME[0] / 2 - 70) * radius, (FRAME[1] / 2 - 40) * radius
            view.nodes.append({"id": n, "label": names[n], "x": round(rx * math.cos(angle), 1),
                               "y": round(ry * math.sin(angle), 1), "size": round(sizes[n], 1), "color": colour[n],
                               "tip": "\n".join(lines[n])})
    for n in neighbours:
        style = styles[n]
        view.edges.append({"from": ego, "to": n, "tip": say(Phrase.SHARED_TASKS, lang, n=shared[n]),
                           "width": style["width"], "color": {**style["color"], "color": _tint(colour[n], style)}})
    shown = make_legible(view, {ego: max(shared.values(), default=0) + 1, **shared}, top)
    view.legend = [("#e15759", name), ("#f28e2b", say(Phrase.EGO_LEADS, lang, name=name)),
                   ("#4e79a7", say(Phrase.EGO_FOLLOWS, lang, name=name)), ("#59a14f", say(Phrase.EGO_EVEN, lang)),
                   ("", say(Phrase.EGO_RING, lang, n=min(top, len(neighbours)))), ("", say(Phrase.WIDTH_SHARED, lang)),
                   ("", say(Phrase.TOP_LABELS, lang, n=len(shown)))]
    return view


def _tint(colour: str, style: dict) -> str:
    """``colour`` with the opacity :func:`~.legible.fade` gave the edge."""
    alpha = style["color"]["color"].rsplit(",", 1)[1].rstrip(")")
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def find_department(g: nx.Graph, name: str) -> str:
    """The node of ``g`` a department name (short form, canonical or English name, IRI, table id) means."""
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


def target_label(indicator: str, cmp: str, value: str, vmax: str | None, unit: str, year, width: int = 12) -> str:
    """A target as its label reads: the indicator cut to ``width`` characters, never the number, unit or year.

    >>> target_label('新增"品"字标"浙江制造"标准', "=", "300", None, "个", "2019")
    '新增"品"字标"浙江制… = 300个 (2019)'
    >>> target_label("服务业增加值占比", "≥", "4", "5", "%", None)
    '服务业增加值占比 ≥ 4–5% (?)'
    """
    head = indicator if len(indicator) <= width else indicator[:width - 1] + "…"
    number = f"{value}–{vmax}" if vmax else value
    return f"{head} {cmp} {number}{unit} ({year or '?'})"


def industries_view(rows, lang: str = "zh", top: int = 60) -> View:
    """Industries under their schemes, each with its targets listed beneath it (``rows`` of ``industry_targets``).

    Cards in columns, read top to bottom: a scheme, then each of its
    industries (most targets first) with its targets one line each
    (indicator, value, unit, year); the columns fill the frame. Scheme and
    industry labels show at once, target lines on zoom, with their whole
    text and the quoted source in the tooltip.
    """
    from .layout import text_width

    if not rows:
        raise KgError("no industries in the graph: none of its documents lists industries or domains "
                      "(kg query industries shows them)")
    schemes, industries, targets = defaultdict(set), {}, defaultdict(dict)
    for industry, label, scheme, obs, indicator, value, vmax, unit, cmp, year, quote in sorted(
            rows, key=lambda r: tuple(x or "" for x in r)):
        if industry not in industries:  # under its first scheme only
            schemes[scheme or ""].add(industry)
        industries[industry] = label
        if obs:
            targets[industry][obs] = (target_label(indicator, cmp, value, vmax, unit, year), quote)
    n_targets = sum(map(len, targets.values()))
    view = View(say(Phrase.INDUSTRIES_TITLE, lang),
                say(Phrase.INDUSTRIES_SUB, lang, i=len(industries), t=n_targets, s=len(schemes) - ("" in schemes)),
                options=_options(False, "text"), lang=lang)
    items = []  # (id, kind, label, tip) in reading order
    for scheme in sorted(schemes, key=lambda s: (not s, s)):
        if scheme:
            items.append((f"scheme:{scheme}", "scheme", scheme, scheme))
        for industry in sorted(schemes[scheme], key=lambda i: (-len(targets[i]), industries[i], i)):
            label = f"{industries[industry]} · {len(targets[industry])}"
            items.append((industry, "industry", label, f"{label}\n{say(Phrase.TARGET, lang)}"))
            for obs, (text, quote) in sorted(targets[industry].items(), key=lambda kv: kv[1]):
                items.append((obs, "target", text, f"{text}\n{quote}"))
    step = {"scheme": 26.0, "industry": 22.0, "target": 8.0}
    total = sum(step[k] for _, k, _, _ in items)
    columns = max(1, math.ceil(total / (FRAME[1] - 30)))
    width = FRAME[0] / columns
    left, y, importance = -FRAME[0] / 2, -FRAME[1] / 2, {}
    for ident, kind, label, tip in items:
        if y + step[kind] > FRAME[1] / 2 or (kind != "target" and y + step[kind] + 3 * step["target"] > FRAME[1] / 2):
            left, y = left + width, -FRAME[1] / 2
        node = {"id": ident, "label": label, "y": round(y + step[kind] / 2, 1), "tip": tip}
        y += step[kind]
        size = 6.0
        if kind == "scheme":
            node.update({"shape": "box", "color": "#333333", "font": {"color": "#ffffff", "strokeWidth": 0},
                         "margin": 3})
            importance[ident] = 1e6 - len(importance)
            size = 14.0
        elif kind == "industry":
            node.update({"color": "#f28e2b", "font": {"color": "#b35300"}})
            importance[ident] = len(targets[ident])
            size = 13.0
        else:
            # a pale bar the length of its text: the list shows before the words do (on zoom)
            node.update({"shape": "box", "color": {"background": "#dde6f1", "border": "#dde6f1"},
                         "font": {"color": "#1f3b5c", "strokeWidth": 0}, "margin": {"top": 1, "bottom": 1, "left": 2,
                                                                                      "right": 2}, "borderWidth": 0})
        node["x"] = round(left + 4 + min(text_width(label, size) + (4 if kind == "target" else 0), width - 8) / 2, 1)
        view.nodes.append(node)
    shown = make_legible(view, importance, min(top, len(importance)), move=False, below=False, floor=13, peak=14)
    view.legend = [("#333333", say(Phrase.SCHEME, lang)), ("#f28e2b", say(Phrase.INDUSTRY, lang)),
                   ("#9fb6d3", say(Phrase.TARGET, lang)), ("", say(Phrase.TOP_LABELS, lang, n=len(shown)))]
    return view
