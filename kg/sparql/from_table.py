"""Named queries answered from the build's tables, where the store would take minutes.

The named ``tasks`` and ``assignment_roles`` queries list every assignment of
the graph, ``tasks_without_lead`` a third of them, ``task_documents`` their
tasks, and ``departments_by_lead`` and ``department_pairs`` count them: on the
1 000-issue corpus 538 699 rows, which the on-disk store gives at about
0.1–0.3 ms a row (175 s, 95 s, 98 s, 17 s, 10 s and 26 s; benchmarks/README.md,
"Issue 18"). The build's table
(:mod:`kg.build.table`) holds the same facts, so when such a query is run as
shipped (no edits, a build's own store, the table written beside it) its rows
are made from the table, and only the organisations' names are asked of the
store (one row an organisation; the shapes make every responsible unit an
``org:Organization``).

The answer is the query's own: the same rows (tests/test_table.py compares
them with the store's on the seed and a synthetic corpus) in the query's
order, its ties (documents without a number on one date; an organisation
with two Chinese names) broken by IRIs and names, so that the same build
always gives the same bytes. The counts are of distinct (task, organisation)
pairs, which the graph holds once however many sources state them. The lists
are made only when every fact the query joins holds one value: each task one
number, place and title, each responsibility one organisation, mention and
role, each document one number and date. The documents table says so: each
printing of a document carries the digest of everything it states, and one
digest per document means one value of each
(:func:`~kg.sparql.table_reading.printed_alike`). Two sources printing one
document differently, or a document whose tasks share a number, break that (the graph then holds both versions, and the query their
combinations); the store answers then, as it does for an edited query,
a query file of the same name, a server, or a build without the table.

The targets queries are answered from the targets table in the same way
(:mod:`kg.sparql.target_answers`), ``documents`` and ``documents_by_issuer``
from the documents table (:mod:`kg.sparql.document_answers`), and
``departments_in_several_documents`` (19.5 s on the store) from the
documents table's issuers with the assignments table's organisations
(:mod:`kg.sparql.count_answers`); ``honorees`` from the honorees table
(:mod:`kg.sparql.honoree_answers`), and ``responsibility_sources`` from the
assignments table's spans (:mod:`kg.sparql.source_answers`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from .count_answers import (department_pairs_from_table, departments_by_lead_from_table,
                            departments_in_several_documents_from_table)
from .document_answers import _COLUMNS as DOCUMENT_FACTS
from .document_answers import documents_by_issuer_from_table, documents_from_table
from .honoree_answers import _FACTS as HONOREE_FACTS
from .honoree_answers import honorees_from_table
from .source_answers import SOURCED, responsibility_sources_from_table
from .table_reading import Distinct, holds, names_of, printed_alike, python_rows, single
from .target_answers import _FACTS as TARGET_FACTS
from .target_answers import targets_by_year_from_table, targets_from_table

__all__ = ["ANSWERS", "Answer", "answer_from_table", "tasks_from_table", "assignment_roles_from_table",
           "tasks_without_lead_from_table", "task_documents_from_table", "tasks_of_department_from_table"]

#: How many tasks the graph holds.
_TASK_COUNT = "SELECT (COUNT(?task) AS ?tasks) WHERE { ?task a kgo:Task }"
#: The assignments table's columns the counts read.
_PAIRS = ("task", "organisation", "role")
#: The table's columns the answers read.
_FACTS = ("task", "task_id", "document", "doc_number", "organisation", "role", "mention", "doc_date", "task_pos",
          "position", "title")


def answer_from_table(backend, query, values=None, names=None):
    """``(columns, rows)`` of ``query`` made from the build's tables, or ``None`` when the store must answer.

    ``query`` is a :class:`~kg.sparql.queries.NamedQuery`; only one of
    :data:`ANSWERS`, unedited, on a build's own store
    (:class:`~kg.sparql.backend.LocalStore`) whose table holds the columns it
    needs, with the parameters it takes (``targets_by_year``'s year,
    ``documents_by_issuer``'s issuer and ``tasks_of_department``'s
    department, looked up with ``names`` as
    :func:`~kg.sparql.queries.run_query` looks it up; a value that is not one
    is refused as the store's path refuses it), is answered here.

    Examples
    --------
    >>> from kg.sparql.queries import load_query
    >>> sorted(ANSWERS)  # doctest: +NORMALIZE_WHITESPACE
    ['assignment_roles', 'department_pairs', 'departments_by_lead', 'departments_in_several_documents', 'documents',
     'documents_by_issuer', 'honorees', 'responsibility_sources', 'targets', 'targets_by_year',
     'task_documents', 'tasks', 'tasks_of_department', 'tasks_without_lead']
    >>> answer_from_table(object(), load_query("tasks")) is None  # not a build's own store: a server, say
    True
    >>> answer_from_table(object(), load_query("document_tree")) is None  # not a query the tables hold
    True
    """
    from ..build.output_dir import OutputDir
    from ..build.table import available
    from .backend import LocalStore
    from .queries import bind_params, is_shipped, join_lists, resolve_names

    answer = ANSWERS.get(query.name)
    if answer is None or not isinstance(backend, LocalStore) or not is_shipped(query):
        return None
    values = values or {}
    if set(values) != set(answer.params):
        return None  # the store's path says what is missing or not declared
    out = OutputDir(backend.out_dir)
    tables = answer.tables + ((("documents", ("document", "facts")),) if answer.alike else ())
    paths = [getattr(out, entry) for entry, _ in tables]
    if not available() or not all(p.is_file() and holds(p, columns) for p, (_, columns) in zip(paths, tables)):
        return None  # no pyarrow at build time or now, or a table of an earlier kg
    if answer.params:
        if names is None:
            from .names import GraphNames

            names = GraphNames.of(backend)
        values, _ = resolve_names(query, values, names)  # a name the graph lacks: the store's path's error
    bind_params(query, values)  # a value that is not of its type: the same error as the store's path
    if answer.alike and not printed_alike(out.documents):
        return None  # a document printed two ways: the graph holds combinations, which the store gives
    paths = paths[:len(answer.tables)]
    found = answer.function(*paths, backend, **{p.name: int(values[p.name]) if p.type == "year" else values[p.name]
                                                 for p in query.params})
    return None if found is None else (found[0], join_lists(query, *found))


def tasks_from_table(path, backend):
    """The named ``tasks`` query's ``(columns, rows)`` from the table at ``path``; ``None`` if a fact has two values.

    ``backend`` gives the organisations' names (``rdfs:label`` in Chinese).
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    facts = _facts(path)
    if facts is None:
        return None
    names = names_of(backend)
    organisations = pc.unique(facts.column("organisation")).to_pylist()
    if all(len(names.get(org, ())) == 1 for org in organisations):  # each its one name: looked up, not joined
        department = pc.take(pa.array([names[org][0] for org in organisations], pa.string()),
                             pc.index_in(facts.column("organisation"), value_set=pa.array(organisations, pa.string())))
        named = facts.append_column("department", department)
    else:  # none, or several: the query's join gives a row for each name, or none
        found = [(org, name) for org, held in names.items() for name in held]
        named = facts.join(pa.table({"organisation": pa.array([org for org, _ in found], pa.string()),
                                     "department": pa.array([name for _, name in found], pa.string())}),
                           "organisation", join_type="inner", use_threads=False)
    # ORDER BY ?doc_date STR(?doc_number) ?task_pos ?pos, an unbound value first; then the ties, for stable bytes
    order = [(c, "ascending", "at_start") for c in ("doc_date", "doc_number", "task_pos", "position", "document",
                                                     "task", "department", "mention", "role", "task_id")]
    out = ["doc_number", "task_id", "department", "mention", "role"]
    return ["doc_number", "task", "department", "mention", "role"], python_rows(
        named.select(out).take(pc.sort_indices(named, sort_keys=order)), out)


def assignment_roles_from_table(path, backend):
    """The named ``assignment_roles`` query's ``(columns, rows)`` from the table; ``None`` if a fact has two values.

    The query leaves the order open; these come by task, then in written order.
    """
    import pyarrow.compute as pc

    from ..rdf.namespaces import KGO
    from ..vocabulary import Role

    facts = _facts(path)
    if facts is None:
        return None
    facts = facts.take(pc.sort_indices(facts, sort_keys=[("task", "ascending"), ("position", "ascending")]))
    terms = {r.value: str(getattr(KGO, r.term)) for r in Role}
    rows = python_rows(facts, ["task", "organisation", "role", "mention"])
    for row in rows:
        row[2] = terms[row[2]]
    return ["task", "organisation", "role", "mention"], rows


def tasks_without_lead_from_table(path, backend):
    """The named ``tasks_without_lead`` query's ``(columns, rows)`` from the table; ``None`` if it cannot say.

    A task without a lead has no responsibility in the lead or overall-lead
    role; its row lists the names as written, in written order (joined with
    :data:`~kg.sparql.queries.LIST_SEPARATOR`, as the query joins them). The
    query groups by document number, task number and title, so that tasks of
    two unnumbered documents alike in both would share a row: the store
    answers then.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    from ..vocabulary import Role
    from .queries import LIST_SEPARATOR

    facts = _facts(path)
    if facts is None:
        return None
    leads = pa.array([Role.LEAD.value, Role.OVERALL_LEAD.value])  # the query's kgo:lead and kgo:overallLead
    led = facts.filter(pc.is_in(facts.column("role"), value_set=leads))
    rest = facts.filter(pc.invert(pc.is_in(facts.column("task"), value_set=pc.unique(led.column("task")))))
    if not single(rest, ["doc_number", "task_id", "title"], ["task"]):
        return None
    # ORDER BY STR(?doc_number) STR(?task), an unbound number first; the title breaks a tie
    order = [(c, "ascending", "at_start") for c in ("doc_number", "task_id", "title", "task", "position")]
    rest = rest.take(pc.sort_indices(rest, sort_keys=order))
    rows: list[list] = []
    previous = None
    for task, number, task_id, title, mention in zip(*(rest.column(c).to_pylist() for c in
                                                        ("task", "doc_number", "task_id", "title", "mention"))):
        if task != previous:
            rows.append([number, task_id, title, []])
            previous = task
        rows[-1][3].append(mention)
    for row in rows:
        row[3] = LIST_SEPARATOR.join(row[3])
    return ["doc_number", "task", "title", "departments"], rows


def tasks_of_department_from_table(path, backend, department: str):
    """The named ``tasks_of_department`` query's ``(columns, rows)`` for the organisation ``department`` (its IRI).

    A row per responsibility the organisation holds (one named twice in a
    task holds two), with the task's title and the name as written; in the
    query's order (the document's date, its number, the task's place, a
    missing date or number first), ties broken by the responsibility's place
    and the IRIs.
    """
    import pyarrow.compute as pc

    facts = _facts(path)
    if facts is None:
        return None
    facts = facts.filter(pc.equal(facts.column("organisation"), department))
    order = [(c, "ascending", "at_start") for c in ("doc_date", "doc_number", "task_pos", "position", "document",
                                                     "task", "role", "mention")]
    facts = facts.take(pc.sort_indices(facts, sort_keys=order))
    return ["doc_number", "task", "title", "role", "mention"], python_rows(
        facts, ["doc_number", "task_id", "title", "role", "mention"])


def task_documents_from_table(path, backend):
    """The named ``task_documents`` query's ``(columns, rows)`` from the table; ``None`` if it cannot say.

    A task is in the table through its responsibilities; the shapes require
    one of every task, but a parse may give a task none, so the table
    answers only when it holds as many tasks as the graph (one count). The
    query leaves the order open; these come by task.
    """
    import pyarrow.compute as pc

    facts = _facts(path)
    if facts is None:
        return None
    columns = ["task", "task_id", "title", "document"]
    tasks = facts.group_by(columns, use_threads=False).aggregate([])
    (held,), = backend.strings(_TASK_COUNT)
    if int(held) != tasks.num_rows:
        return None
    tasks = tasks.take(pc.sort_indices(tasks, sort_keys=[("task", "ascending")]))
    return ["task", "task_id", "task_label", "document"], python_rows(tasks, columns)


def _facts(path):
    """The table's rows of :data:`_FACTS`, each once; ``None`` if a date is no day of the calendar.

    A document two sources print alike gives its rows twice, and the graph
    each triple once. (Printed differently, its facts have two values, and
    the queries give their combinations: :func:`answer_from_table` has left
    such a build to the store, by
    :func:`~kg.sparql.table_reading.printed_alike`.) The dates are checked by
    :meth:`~kg.sparql.table_reading.Distinct.read_dated`.
    """
    rows = Distinct.read_dated(path, _FACTS)
    return None if rows is None else rows.decoded()


class Answer(NamedTuple):
    """How a named query is answered from the build's tables: the function, and the tables it reads.

    ``tables`` are ``(entry, columns)`` pairs: an :class:`~kg.build.output_dir.OutputDir` property naming a
    table, and the columns it must hold; the function is given their paths, then the backend, then the
    query's ``params`` (each an integer: a year).
    """

    function: Callable
    tables: tuple = (("table", _FACTS),)
    params: tuple = ()  # the query's parameters the function takes: a year as an integer, an issuer as its IRI
    alike: bool = True  # whether it needs every document printed alike (table_reading.printed_alike); counts do not


#: The named queries that may be answered from a table, and how.
ANSWERS = {"tasks": Answer(tasks_from_table), "assignment_roles": Answer(assignment_roles_from_table),
           "tasks_without_lead": Answer(tasks_without_lead_from_table),
           "task_documents": Answer(task_documents_from_table),
           "tasks_of_department": Answer(tasks_of_department_from_table, params=("department",)),
           "departments_by_lead": Answer(departments_by_lead_from_table, (("table", _PAIRS),), alike=False),
           "department_pairs": Answer(department_pairs_from_table, (("table", _PAIRS),), alike=False),
           "departments_in_several_documents": Answer(departments_in_several_documents_from_table,
                                                      (("documents", ("document", "doc_number", "issuer")),
                                                       ("table", ("document", "doc_number", "organisation"))),
                                                      alike=False),
           "documents": Answer(documents_from_table, (("documents", DOCUMENT_FACTS),)),
           "documents_by_issuer": Answer(documents_by_issuer_from_table, (("documents", DOCUMENT_FACTS),),
                                         ("issuer",)),
           "honorees": Answer(honorees_from_table, (("honorees", HONOREE_FACTS),)),
           "responsibility_sources": Answer(responsibility_sources_from_table, (("table", SOURCED),),
                                            ("department",)),
           "targets": Answer(targets_from_table, (("targets", TARGET_FACTS),)),
           "targets_by_year": Answer(targets_by_year_from_table, (("targets", TARGET_FACTS),), ("year",))}


