"""Networks of departments, built from assignments (:mod:`.assignments`).

Everything here starts from assignments: one row per (task, organisation,
role) as the graph states it, so the networks show exactly what the graph
says; the functions are pure (rows in, a networkx graph out). The projections
count shared tasks directly (a Counter over each task's department pairs)
instead of ``bipartite.weighted_projected_graph``, which took ~4 minutes at
5 000 departments × 500 000 tasks where counting takes seconds
(``../shared/MEASURED.md``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

import networkx as nx

from ..errors import KgError
from ..vocabulary import LEADING_ROLES, NETWORK_KINDS, Role
from .assignments import usual_mentions

__all__ = ["bipartite", "co_responsibility", "lead_network", "document_network", "industry_network", "build_network"]

#: The roles a lead's arcs point to (a frozenset: a tuple of roles compares each in Python).
_LED_ROLES = frozenset({Role.PARTICIPANT, Role.RESPONSIBLE})


def _add_departments(g, rows, labels):
    short = usual_mentions(rows)
    for org in sorted({a.organisation for a in rows}):
        info = labels.get(org, {})
        g.add_node(org, kind="department", label=info.get("label", short[org]), label_en=info.get("label_en", ""),
                   short=short[org], org_kind=info.get("kind", ""))


def bipartite(rows, labels) -> nx.Graph:
    """Tasks and departments; each edge carries the role (several roles joined by ``;``)."""
    g = nx.Graph()
    _add_departments(g, rows, labels)
    for a in sorted(rows, key=lambda a: (a.task, a.organisation, a.role)):
        if a.task not in g:
            g.add_node(a.task, kind="task", label=f"{a.doc_number or ''} {a.task_id}".strip(), label_en=a.task_label,
                       short=a.task_id, org_kind="")
        if g.has_edge(a.task, a.organisation):
            roles = set(g.edges[a.task, a.organisation]["role"].split(";")) | {a.role}
            g.edges[a.task, a.organisation]["role"] = ";".join(sorted(roles))
        else:
            g.add_edge(a.task, a.organisation, role=a.role, weight=1)
    return g


def _task_sets(rows):
    tasks = defaultdict(set)
    for a in rows:
        tasks[a.task].add(a.organisation)
    return tasks


def co_responsibility(rows, labels) -> nx.Graph:
    """Departments linked when they share tasks; ``weight`` is the number of shared tasks."""
    pairs = Counter(pair for orgs in _task_sets(rows).values() if len(orgs) > 1
                    for pair in combinations(sorted(orgs), 2))
    g = nx.Graph()
    _add_departments(g, rows, labels)
    for (u, v), w in sorted(pairs.items()):
        g.add_edge(u, v, weight=w, distance=1.0 / w)
    return g


def lead_network(rows, labels) -> nx.DiGraph:
    """Lead → participant arcs; ``weight`` is the number of tasks led over the participant."""
    leads, parts = defaultdict(set), defaultdict(set)
    for a in rows:
        if a.role in LEADING_ROLES:
            leads[a.task].add(a.organisation)
        elif a.role in _LED_ROLES:
            parts[a.task].add(a.organisation)
    arcs = Counter((lead, p) for task, led in leads.items() for lead in led for p in parts.get(task, ()) if lead != p)
    g = nx.DiGraph()
    _add_departments(g, rows, labels)
    for (u, v), w in sorted(arcs.items()):
        g.add_edge(u, v, weight=w)
    return g


def document_network(rows, labels) -> nx.Graph:
    """Documents and departments; ``weight`` is the number of the document's tasks the department has."""
    g = nx.Graph()
    _add_departments(g, rows, labels)
    weights = Counter()
    for a in {(a.document, a.doc_number, a.task, a.organisation) for a in rows}:
        doc, number, _, org = a
        if doc not in g:
            g.add_node(doc, kind="document", label=number or doc.rsplit("/", 1)[-1], label_en="", short=number or "",
                       org_kind="")
        weights[(doc, org)] += 1
    for (doc, org), w in sorted(weights.items()):
        g.add_edge(doc, org, weight=w)
    return g


def industry_network(rows, labels, industries) -> nx.Graph:
    """Departments and the industries of the documents they have tasks in; ``weight`` counts those tasks.

    ``industries`` are ``(document, industry, label)`` rows (:func:`.assignments.document_industries`).
    """
    by_document = defaultdict(set)
    names = {}
    for doc, industry, label in industries:
        by_document[doc].add(industry)
        names[industry] = label
    g = nx.Graph()
    _add_departments(g, rows, labels)
    weights = Counter()
    for doc, task, org in {(a.document, a.task, a.organisation) for a in rows}:
        for industry in by_document.get(doc, ()):
            weights[(org, industry)] += 1
    for (org, industry), w in sorted(weights.items()):
        if industry not in g:
            g.add_node(industry, kind="industry", label=names[industry], label_en="", short=names[industry],
                       org_kind="")
        g.add_edge(org, industry, weight=w)
    return g




def build_network(kind: str, rows, labels, industries=()):
    """One of :data:`NETWORK_KINDS` from assignments ``rows`` (``industries`` only for ``industries``)."""
    if kind not in NETWORK_KINDS:
        raise KgError(f"unknown network kind {kind!r}; choose one of {', '.join(NETWORK_KINDS)}")
    if kind == "co-responsibility":
        return co_responsibility(rows, labels)
    if kind == "lead":
        return lead_network(rows, labels)
    if kind == "bipartite":
        return bipartite(rows, labels)
    if kind == "documents":
        return document_network(rows, labels)
    return industry_network(rows, labels, industries)
