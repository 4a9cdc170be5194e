"""Networks of departments, built from the RDF graph through SPARQL.

Everything here starts from :func:`assignments`: one row per (task,
organisation, role) as the graph states it, so the networks show exactly what
the graph says. The projections count shared tasks directly (a Counter over
each task's department pairs) instead of ``bipartite.weighted_projected_graph``,
which took ~4 minutes at 5 000 departments × 500 000 tasks where counting takes
seconds (``../shared/MEASURED.md``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from ..errors import KgError
from ..rdf.namespaces import PREFIXES

__all__ = ["Assignment", "assignments", "organisation_labels", "bipartite", "co_responsibility",
           "lead_network", "document_network", "industry_network", "NETWORK_KINDS", "network"]

_ROLES = {"leadRole": "lead", "participantRole": "participant", "overallLeadRole": "overall_lead",
          "coResponsibleRole": "responsible"}

# Three simple queries joined here: at corpus scale Oxigraph answers each in
# one pass, where the single seven-pattern join took 1.5 times as long (16 M triples).
_RESPONSIBILITIES = """
SELECT ?task ?org ?role ?mention WHERE {
  ?task prov:qualifiedAssociation ?a . ?a prov:agent ?org ; prov:hadRole ?role ; kgo:mention ?mention .
}"""

_TASKS = """
SELECT ?task ?task_id ?task_label ?doc WHERE {
  ?task a kgo:Task ; kgo:inDocument ?doc ; dcterms:identifier ?task_id .
  OPTIONAL { ?task rdfs:label ?task_label }
}"""

_DOCUMENTS = """
SELECT ?doc ?doc_number ?date WHERE {
  ?doc a kgo:PolicyDocument .
  OPTIONAL { ?doc eli:id_local ?doc_number }
  OPTIONAL { ?doc eli:date_document ?date }
}"""

_LABELS = """
SELECT ?org ?zh ?en ?kind WHERE {
  ?org a org:Organization .
  OPTIONAL { ?org rdfs:label ?zh FILTER(LANG(?zh) = "zh") }
  OPTIONAL { ?org rdfs:label ?en FILTER(LANG(?en) = "en") }
  OPTIONAL { ?org kgo:organisationKind ?kind }
}"""

_INDUSTRIES = """
SELECT DISTINCT ?doc ?industry ?label WHERE {
  { ?doc eli:is_about ?industry } UNION { ?scheme kgo:inDocument ?doc . ?industry skos:inScheme ?scheme }
  ?industry skos:prefLabel ?label .
}"""


@dataclass(frozen=True)
class Assignment:
    """One organisation's role in one task."""

    task: str
    task_id: str
    task_label: str
    document: str
    doc_number: str | None
    year: int | None
    organisation: str
    role: str
    mention: str


def assignments(store, document: str | None = None, year: int | None = None, as_of: int | None = None,
                table=None) -> list[Assignment]:
    """Task–organisation assignments, optionally for one document or one year.

    ``as_of`` maps organisations to their successors valid in that year (so
    networks from before and after a reform can be compared).
    """
    from ..sparql.store import select_values

    documents = {doc: (number, date) for doc, number, date in select_values(store, _DOCUMENTS, PREFIXES)}
    tasks = {task: (task_id, label, doc) for task, task_id, label, doc in select_values(store, _TASKS, PREFIXES)}
    out = []
    for task, org, role, mention in select_values(store, _RESPONSIBILITIES, PREFIXES):
        if task not in tasks:
            continue
        task_id, label, doc = tasks[task]
        number, date = documents.get(doc, (None, None))
        y = int(date[:4]) if date else None
        if document is not None and number != document:
            continue
        if year is not None and y != year:
            continue
        out.append(Assignment(task, task_id, label or task_id, doc, number, y, org,
                              _ROLES.get(role.rsplit("#", 1)[-1], "responsible"), mention))
    if document is not None and not out:
        raise KgError(f"no tasks for document {document!r} in the graph")
    if as_of is not None:
        out = _as_of(out, as_of, table)
    return sorted(set(out), key=lambda a: (a.doc_number or "", a.task_id, a.organisation, a.role))


def _as_of(rows, year, table):
    from ..reference.organisations import load_table

    table = table or load_table()
    prefix = "/org/"
    out = []
    for a in rows:
        base, _, org_id = a.organisation.rpartition(prefix)
        if org_id in table:
            for succ in table.successors_at(org_id, year):
                out.append(Assignment(a.task, a.task_id, a.task_label, a.document, a.doc_number, a.year,
                                      f"{base}{prefix}{succ}", a.role, a.mention))
        else:
            out.append(a)
    return out


def organisation_labels(store) -> dict[str, dict]:
    """``{iri: {"label": zh, "label_en": en, "kind": kind}}`` for every organisation."""
    from ..sparql.store import select_values

    out = {}
    for org, zh, en, kind in select_values(store, _LABELS, PREFIXES):
        entry = out.setdefault(org, {"label": zh or org.rsplit("/", 1)[-1], "label_en": en or "", "kind": kind or ""})
        if zh and entry["label"] == org.rsplit("/", 1)[-1]:
            entry["label"] = zh
    return out


def _mentions(rows):
    """The most used written form of each organisation (ties: the shortest, then first in order)."""
    counts = defaultdict(Counter)
    for a in rows:
        counts[a.organisation][a.mention] += 1
    return {org: sorted(c.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0] for org, c in counts.items()}


def _add_departments(g, rows, labels):
    short = _mentions(rows)
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
    pairs = Counter()
    for orgs in _task_sets(rows).values():
        pairs.update(combinations(sorted(orgs), 2))
    g = nx.Graph()
    _add_departments(g, rows, labels)
    for (u, v), w in sorted(pairs.items()):
        g.add_edge(u, v, weight=w, distance=1.0 / w)
    return g


def lead_network(rows, labels) -> nx.DiGraph:
    """Lead → participant arcs; ``weight`` is the number of tasks led over the participant."""
    by_task = defaultdict(lambda: ([], []))
    for a in rows:
        if a.role in ("lead", "overall_lead"):
            by_task[a.task][0].append(a.organisation)
        elif a.role in ("participant", "responsible"):
            by_task[a.task][1].append(a.organisation)
    arcs = Counter()
    for leads, parts in by_task.values():
        arcs.update((lead, p) for lead in set(leads) for p in set(parts) if lead != p)
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


def industry_network(store, rows, labels) -> nx.Graph:
    """Departments and the industries of the documents they have tasks in; ``weight`` counts those tasks."""
    from ..sparql.store import select_values

    industries = defaultdict(set)
    names = {}
    for doc, industry, label in select_values(store, _INDUSTRIES, PREFIXES):
        industries[doc].add(industry)
        names[industry] = label
    g = nx.Graph()
    _add_departments(g, rows, labels)
    weights = Counter()
    for doc, task, org in {(a.document, a.task, a.organisation) for a in rows}:
        for industry in industries.get(doc, ()):
            weights[(org, industry)] += 1
    for (org, industry), w in sorted(weights.items()):
        if industry not in g:
            g.add_node(industry, kind="industry", label=names[industry], label_en="", short=names[industry],
                       org_kind="")
        g.add_edge(org, industry, weight=w)
    return g


NETWORK_KINDS = ("co-responsibility", "lead", "bipartite", "documents", "industries")


def network(store, kind: str, document=None, year=None, as_of=None):
    """One of :data:`NETWORK_KINDS`, built from the store."""
    if kind not in NETWORK_KINDS:
        raise KgError(f"unknown network kind {kind!r}; choose one of {', '.join(NETWORK_KINDS)}")
    rows = assignments(store, document, year, as_of)
    labels = organisation_labels(store)
    if kind == "co-responsibility":
        return co_responsibility(rows, labels)
    if kind == "lead":
        return lead_network(rows, labels)
    if kind == "bipartite":
        return bipartite(rows, labels)
    if kind == "documents":
        return document_network(rows, labels)
    return industry_network(store, rows, labels)
