"""Assignments: one row per (task, organisation, role) as the graph states it, the input of every network.

They are read once: from the build's assignments table (``assignments.parquet``,
:mod:`kg.build.table`) when the backend is a build's own store and the table
is there, else from the backend (three simple named queries joined here: at
corpus scale Oxigraph answers each in one pass, where one seven-pattern join
took 1.5 times as long on 16 M triples); both give the same rows in the same
order (tests/test_table.py). They are then sliced in Python by document, year
and reform (:func:`select`). A slice counts each organisation once per task,
in its strongest role (:data:`~kg.vocabulary.ROLE_PRECEDENCE`), so its tasks by
role add up to its tasks in all.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import NamedTuple

from ..vocabulary import ROLE_PRECEDENCE, Role

__all__ = ["Assignment", "load_assignments", "query_assignments", "table_assignments", "select", "one_role_each",
           "short_name", "organisation_labels", "usual_mentions", "document_industries"]


class Assignment(NamedTuple):
    """One organisation's role in one task.

    A named tuple rather than a dataclass: half a million of them are made,
    hashed and sorted for every network of a corpus, which tuples do in C
    (its fields are in :func:`~kg.build.table.order`'s places).
    """

    task: str
    task_id: str
    task_label: str
    document: str
    doc_number: str | None
    year: int | None
    organisation: str
    role: str
    mention: str


def _strings(backend, name: str):
    from ..sparql.queries import load_query

    return backend.strings(load_query(name).text)


def load_assignments(backend) -> list[Assignment]:
    """Every assignment of the graph, sorted by document number, task, organisation and role.

    From the build's table when ``backend`` is the store of a build that wrote
    one (:func:`table_assignments`), else by query (:func:`query_assignments`).
    """
    from ..build.output_dir import OutputDir
    from ..sparql.backend import LocalStore

    if isinstance(backend, LocalStore) and OutputDir(backend.out_dir).table.is_file():
        return table_assignments(OutputDir(backend.out_dir).table)
    return query_assignments(backend)


def table_assignments(path) -> list[Assignment]:
    """The assignments of a build's table (:mod:`kg.build.table`), deduplicated, in :func:`load_assignments` order.

    The table is sorted by the assignment, then the source, so a document two
    sources publish gives its equal rows side by side: each is kept once, as
    the graph holds it once. The cyclic garbage collector is paused while the
    rows are made (:func:`kg.build.table.collector_paused`).
    """
    from ..build.table import COLUMNS, collector_paused, read_rows

    out, previous = [], None
    make = Assignment._make
    with collector_paused():
        for a in read_rows(path, COLUMNS[:9]):  # the fields of an Assignment
            if a != previous:
                out.append(make(a))
                previous = a
    return out


def query_assignments(backend) -> list[Assignment]:
    """Every assignment, from the three named queries; a document with several dates takes the first in order."""
    documents = {}
    for doc, number, date in sorted(_strings(backend, "document_dates"), key=lambda r: tuple(x or "" for x in r)):
        documents.setdefault(doc, (number, date))
    tasks = {task: (task_id, label, doc) for task, task_id, label, doc in _strings(backend, "task_documents")}
    out = []
    for task, org, role, mention in _strings(backend, "assignment_roles"):
        if task not in tasks:
            continue
        task_id, label, doc = tasks[task]
        number, date = documents.get(doc, (None, None))
        out.append(Assignment(task, task_id, label or task_id, doc, number, int(date[:4]) if date else None, org,
                              Role.from_term(role.rsplit("#", 1)[-1]).value, mention))
    return _sorted(dict.fromkeys(out))  # a unit named twice in one role in a task: one assignment


def _sorted(rows):
    """``rows`` (each once) in :func:`~kg.build.table.order`.

    They mostly come sorted (from the table), and a sorted list sorts in one
    pass: kept in their order, not put in a set, 538 699 rows sort in 0.7 s
    instead of 1.9 s.
    """
    from ..build.table import order

    return sorted(rows, key=order)


def select(rows, document: str | None = None, year: int | None = None, as_of: int | None = None,
           table=None) -> list[Assignment]:
    """The assignments of one document or one year, one per task and organisation (:func:`one_role_each`).

    ``as_of`` maps each organisation to its successors valid in that year (so
    networks from before and after a reform can be compared); a mapped
    assignment's ``mention`` is then the successor's short name, so every
    table and view names the successor.

    ``rows`` come in :func:`load_assignments` order, and so do the
    assignments returned. When each (task, organisation) holds one role, as
    nearly all do, they are the rows themselves, not sorted again; the
    collector is paused meanwhile (on the 1 000 issues 1.0–1.5 s became 0.4 s).
    """
    from ..build.table import collector_paused

    out = [a for a in rows if (document is None or a.doc_number == document) and (year is None or a.year == year)]
    with collector_paused():
        if as_of is not None:
            return _sorted(one_role_each(_as_of(out, as_of, table)))
        kept = one_role_each(out)
        return out if len(kept) == len(out) else _sorted(kept)


def one_role_each(rows) -> list[Assignment]:
    """One assignment per (task, organisation): the strongest role it holds there (lead wins).

    Examples
    --------
    >>> a = [Assignment("t1", "1", "", "d", None, None, "市场监管", r, "m") for r in ("participant", "lead")]
    >>> [x.role for x in one_role_each(a)]
    ['lead']
    """
    rank = {role.value: i for i, role in enumerate(ROLE_PRECEDENCE)}
    last = len(rank)
    best: dict[tuple[str, str], Assignment] = {}
    for a in rows:
        key = (a.task, a.organisation)
        held = best.get(key)
        if held is None or (rank.get(a.role, last), a.mention) < (rank.get(held.role, last), held.mention):
            best[key] = a
    return list(best.values())


def short_name(org) -> str:
    """The name a table or view shows for an organisation of the table: its first short form, else its name.

    Examples
    --------
    >>> from kg.reference.organisations import load_table
    >>> short_name(load_table().get("zj-market-regulation"))
    '省市场监管局'
    """
    return next((a for a in org.aliases if a), org.name)


def _as_of(rows, year, table):
    from ..reference.organisations import load_table

    table = table or load_table()
    prefix = "/org/"
    out = []
    for a in rows:
        base, _, org_id = a.organisation.rpartition(prefix)
        if org_id in table:
            for succ in table.successors_at(org_id, year):
                mention = a.mention if succ == org_id else short_name(table.get(succ))
                out.append(Assignment(a.task, a.task_id, a.task_label, a.document, a.doc_number, a.year,
                                      f"{base}{prefix}{succ}", a.role, mention))
        else:
            out.append(a)
    return out


def organisation_labels(backend) -> dict[str, dict]:
    """``{iri: {"label": zh, "label_en": en, "kind": kind}}`` for every organisation."""
    out = {}
    for org, zh, en, kind in _strings(backend, "organisation_labels"):
        entry = out.setdefault(org, {"label": zh or org.rsplit("/", 1)[-1], "label_en": en or "", "kind": kind or ""})
        if zh and entry["label"] == org.rsplit("/", 1)[-1]:
            entry["label"] = zh
    return out


def usual_mentions(rows) -> dict[str, str]:
    """The most used written form of each organisation (ties: the shortest, then first in order).

    Examples
    --------
    >>> a = [Assignment("t1", "1", "", "d", None, None, "o", "lead", m) for m in ("省质监局", "省质量技术监督局", "省质监局")]
    >>> usual_mentions(a)
    {'o': '省质监局'}
    """
    counts = defaultdict(Counter)
    for a in rows:
        counts[a.organisation][a.mention] += 1
    return {org: sorted(c.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0] for org, c in counts.items()}


def document_industries(backend) -> list[tuple[str, str, str]]:
    """``(document, industry, label)`` for each industry a document is about or lists."""
    return [tuple(r) for r in _strings(backend, "document_industries")]
