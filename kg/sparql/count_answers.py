"""The named counting queries answered from the build's tables: who leads, who shares, who is in several documents.

``departments_by_lead`` and ``department_pairs`` count the assignments
table's distinct (task, organisation) pairs, and
``departments_in_several_documents`` the numbered documents each organisation
issues (the documents table) or has tasks in (the assignments table): pairs
the graph holds once however many sources print them, so, unlike the lists
of :mod:`kg.sparql.from_table`, no fact need hold one value. The
organisations are named by their Chinese labels, asked of the store in one
query; ties of count and name are broken by the organisations' IRIs, so that
the same build always gives the same bytes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

from .table_reading import names_of

__all__ = ["departments_by_lead_from_table", "department_pairs_from_table",
           "departments_in_several_documents_from_table"]


def departments_by_lead_from_table(path, backend):
    """The named ``departments_by_lead`` query's ``(columns, rows)`` from the table.

    Counted from the distinct (task, organisation) pairs, as the graph holds
    ``kgo:responsibleOrganisation`` and ``kgo:lead`` once each, so no fact
    need hold one value. Ties of count and name (two organisations with one
    Chinese name) are broken by the organisation's IRI.
    """
    from ..build.table import read_rows
    from ..vocabulary import Role

    tasks: dict[str, set] = defaultdict(set)
    led: dict[str, set] = defaultdict(set)
    for task, org, role in read_rows(path, ("task", "organisation", "role")):
        tasks[org].add(task)
        if role == Role.LEAD.value:
            led[org].add(task)
    names = names_of(backend)
    keyed = sorted((-len(led[org]), -len(held), name, org) for org, held in tasks.items() for name in names.get(org, ()))
    return ["department", "tasks_led", "tasks_total"], [[name, -n_led, -n_all] for n_led, n_all, name, _ in keyed]


def department_pairs_from_table(path, backend):
    """The named ``department_pairs`` query's ``(columns, rows)`` from the table.

    Each pair of organisations sharing tasks once (the first IRI the lesser,
    as the query's ``FILTER``), counted from the distinct (task, organisation)
    pairs; ties of count and names broken by the organisations' IRIs.
    """
    from ..build.table import read_rows

    by_task: dict[str, set] = defaultdict(set)
    for task, org in read_rows(path, ("task", "organisation")):
        by_task[task].add(org)
    shared = Counter(pair for orgs in by_task.values() if len(orgs) > 1 for pair in combinations(sorted(orgs), 2))
    names = names_of(backend)
    keyed = sorted((-n, a, b, x, y) for (x, y), n in shared.items() for a in names.get(x, ()) for b in names.get(y, ()))
    return ["a", "b", "shared_tasks"], [[a, b, -n] for n, a, b, _, _ in keyed]


def departments_in_several_documents_from_table(documents, assignments, backend):
    """The named ``departments_in_several_documents`` query's ``(columns, rows)`` from the tables; ``None`` if it cannot say.

    The distinct (document, organisation) pairs of the numbered documents, an
    organisation issuing a document (the documents table) or named in one of
    its tasks (the assignments table), as the graph holds ``eli:passed_by``
    and ``kgo:responsibleOrganisation`` once each; counted per organisation,
    its numbers joined with :data:`~kg.sparql.queries.LIST_SEPARATOR`. The
    query names each organisation by its Chinese labels; when one it counts
    is not an ``org:Organization`` with such a label (the names' query asks
    for those), the store answers.
    """
    from ..build.table import DOCUMENTS, read_rows
    from .queries import LIST_SEPARATOR

    pairs = set(read_rows(documents, ("document", "doc_number", "issuer"), DOCUMENTS))
    pairs.update(read_rows(assignments, ("document", "doc_number", "organisation")))
    held: dict[str, set] = defaultdict(set)
    numbers: dict[str, set] = defaultdict(set)
    for document, number, org in pairs:
        if number is not None and org is not None:
            held[org].add(document)
            numbers[org].add(number)
    several = [org for org, docs in held.items() if len(docs) > 1]
    names = names_of(backend)
    if any(org not in names for org in several):
        return None
    keyed = sorted((-len(held[org]), name, org) for org in several for name in names[org])
    return ["department", "documents", "doc_numbers"], [
        [name, -n, LIST_SEPARATOR.join(sorted(numbers[org]))] for n, name, org in keyed]
