"""Named SPARQL queries (``queries/*.rq``) and running them.

Each query file opens with a comment header::

    # title: Tasks of a department
    # description: ...
    # param: department zh — the department's canonical Chinese name
    # columns: doc_number, task, role
    # join: issuers "、"

A parameter line names the variable, its type (``string``, ``zh``, ``iri``,
``integer``, ``decimal``, ``year``, ``organisation``, ``document``) and what it
means. An ``organisation`` is any name of one (省质监局, 质监局, its table id or
English name) and is bound as the organisation's IRI; a ``document`` is a
document number typed with any brackets, bound as the graph writes it
(:mod:`kg.sparql.names`): neither is ever a string that silently matches
nothing. Values are bound as RDF
terms in a ``VALUES`` block opening the WHERE clause, written in escaped
N-Triples form, so a value holding quotes or braces stays one literal and
cannot change the query. The same query text runs on the embedded store and
on any SPARQL server (:mod:`kg.sparql.backend`).

A join line names a column that the query fills with ``GROUP_CONCAT(…;
separator="\\u001F")`` and the separator kg shows instead (``sorted``: the
items sorted too). The ASCII unit separator is what makes such a query
portable: Virtuoso 7 turns any non-ASCII separator (``、``) into ``?``, and
stores concatenate ``DISTINCT`` items in different orders.
"""

from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..errors import KgError, QueryError, option

__all__ = ["NamedQuery", "Param", "Join", "PARAM_TYPES", "NAME_TYPES", "LIST_SEPARATOR", "named_queries", "catalogue",
           "load_query", "is_shipped", "parse_header", "bind_params", "with_values", "join_lists", "resolve_names",
           "run_query"]

_HEADER = re.compile(r"^#\s*(?P<key>title|description|param|columns|join)\s*:\s*(?P<value>.*)$")
_JOIN = re.compile(r'^(?P<name>[A-Za-z_]\w*)\s+"(?P<separator>[^"]*)"(?P<sorted>\s+sorted)?$')
#: What a query's GROUP_CONCAT joins a listed column with (see the ``# join:`` header line).
LIST_SEPARATOR = "\x1f"
PARAM_TYPES = ("string", "zh", "iri", "integer", "decimal", "year", "organisation", "document")
#: Parameter types whose values are names looked up in the graph before they are bound.
NAME_TYPES = ("organisation", "document")
_PARAM = re.compile(rf"^(?P<name>[A-Za-z_]\w*)\s+(?P<type>{'|'.join(PARAM_TYPES)})\s*(?:[—-]+\s*(?P<doc>.*))?$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    doc: str


@dataclass(frozen=True)
class Join:
    column: str
    separator: str
    sorted: bool = False


@dataclass
class NamedQuery:
    name: str
    text: str
    title: str = ""
    description: str = ""
    columns: list[str] = field(default_factory=list)
    params: list[Param] = field(default_factory=list)
    path: str | None = None
    joins: list[Join] = field(default_factory=list)


def _query_files():
    """The ``.rq`` files of ``queries/`` (shipped as the package ``kg.queries``), sorted by name."""
    from importlib import resources

    try:
        folder = resources.files("kg.queries")
    except ModuleNotFoundError:  # running from a checkout without installing
        folder = Path(__file__).resolve().parents[2] / "queries"
    return sorted((f for f in folder.iterdir() if f.name.endswith(".rq")), key=lambda f: f.name)


def parse_header(name: str, text: str, path: str | None = None) -> NamedQuery:
    """Read a query's comment header.

    Examples
    --------
    >>> q = parse_header("t", "# title: T\\n# param: year year — the year\\n# columns: a, b\\nSELECT * {}")
    >>> q.title, q.columns, q.params
    ('T', ['a', 'b'], [Param(name='year', type='year', doc='the year')])
    """
    q = NamedQuery(name, text, path=path)
    for n, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#"):
            break
        m = _HEADER.match(line)
        if not m:
            continue
        key, value = m.group("key"), m.group("value").strip()
        if key == "columns":
            q.columns = [c.strip() for c in value.split(",") if c.strip()]
        elif key == "param":
            pm = _PARAM.match(value)
            if not pm:
                raise QueryError(f"{path or name}:{n}: a param line is 'NAME TYPE — meaning' with TYPE one of "
                                 f"{', '.join(PARAM_TYPES)}")
            q.params.append(Param(pm.group("name"), pm.group("type"), (pm.group("doc") or "").strip()))
        elif key == "join":
            jm = _JOIN.match(value)
            if not jm:
                raise QueryError(f"{path or name}:{n}: a join line is 'COLUMN \"SEPARATOR\"', "
                                 "optionally followed by 'sorted'")
            q.joins.append(Join(jm.group("name"), jm.group("separator"), bool(jm.group("sorted"))))
        else:
            setattr(q, key, value)
    return q


def named_queries() -> dict[str, NamedQuery]:
    """Every query shipped in ``queries/``, by name."""
    out = {}
    for f in _query_files():
        name = f.name[:-3]
        out[name] = parse_header(name, f.read_text("utf-8"), f"queries/{f.name}")
    return out


def catalogue():
    """The named queries as a :class:`~kg.output.Table`: name, title, parameters (and what each means), columns.

    Examples
    --------
    >>> t = catalogue()
    >>> next(r for r in t.records() if r["name"] == "citing_documents")["params"]
    'number (document)'
    """
    from ..output import Table

    rows = [{"name": q.name, "title": q.title, "params": ", ".join(f"{p.name} ({p.type})" for p in q.params),
             "columns": ", ".join(q.columns), "description": q.description,
             "parameters": "; ".join(f"{p.name} ({p.type}): {p.doc}" for p in q.params)}
            for q in named_queries().values()]
    return Table(["name", "title", "params", "columns", "description", "parameters"], rows)


def is_shipped(query: NamedQuery) -> bool:
    """Whether ``query`` is one shipped in ``queries/``, unedited (the tables and scoped graphs answer only those).

    Examples
    --------
    >>> is_shipped(load_query("tasks")), is_shipped(parse_header("tasks", "SELECT * { ?s ?p ?o }"))
    (True, False)
    """
    return named_queries().get(query.name) == query


def load_query(spec: str) -> NamedQuery:
    """A named query, a ``.rq`` file, or ``-`` for standard input."""
    if spec == "-":
        return parse_header("<stdin>", sys.stdin.read(), "<stdin>")
    path = Path(spec)
    if spec.endswith(".rq") or path.is_file():
        if not path.is_file():
            raise QueryError(f"{spec}: no such query file")
        return parse_header(path.stem, path.read_text("utf-8"), spec)
    queries = named_queries()
    if spec not in queries:
        from ..text.nearest import did_you_mean

        near = did_you_mean(spec, queries) or "; see " + ", ".join(queries)
        raise QueryError(f"no query named {spec!r}{near} ({option('kg query --list', 'g.queries()')} lists them)")
    return queries[spec]


def bind_params(query: NamedQuery, values: dict[str, str]) -> dict[str, str]:
    """Typed RDF terms, in escaped N-Triples form, for parameter values given as text.

    Only parameters the query declares (``# param: NAME TYPE``) are bound; any
    other name is refused, so nothing but a declared identifier ever reaches
    the query text.

    Examples
    --------
    >>> q = parse_header("t", "# param: department zh — name\\nSELECT * {}")
    >>> print(bind_params(q, {"department": '省质监局" } #'})["department"])
    "省质监局\\" } #"@zh
    >>> bind_params(q, {"department": "x", "b) {": "1"})
    Traceback (most recent call last):
    kg.errors.QueryError: query 't' declares no parameter 'b) {'; it takes: department
    >>> bind_params(q, {})
    Traceback (most recent call last):
    kg.errors.QueryError: query 't' needs department="…" (name)
    """
    from ..rdf.terms import XSD, is_iri, nt_iri, nt_lang, nt_string, nt_typed

    declared = _declared(query, values)
    missing = [p.name for p in query.params if p.name not in values]
    if missing:
        first = declared[missing[0]]
        needed = option(f"--param {first.name}=VALUE", f'{first.name}="…"')
        raise QueryError(f"query {query.name!r} needs {needed}" + (f" ({first.doc})" if first.doc else ""))
    out = {}
    for name, raw in values.items():
        kind = declared[name].type
        try:
            if kind == "zh":
                out[name] = nt_lang(raw, "zh")
            elif kind == "iri":
                out[name] = nt_iri(raw)
            elif kind == "organisation":  # arrives here as its IRI (resolve_names), never as a name bound blind
                if not is_iri(raw):
                    raise QueryError(f"{name}={raw!r} is a name, not yet an organisation's IRI: run the query with "
                                     "run_query, which reads names as the graph means them (resolve_names)")
                out[name] = nt_iri(raw)
            elif kind == "integer":
                out[name] = nt_typed(str(int(raw)), XSD + "integer")
            elif kind == "decimal":
                number = Decimal(raw)
                if not number.is_finite():
                    raise ValueError(raw)
                out[name] = nt_typed(str(number), XSD + "decimal")
            elif kind == "year":
                out[name] = nt_typed(f"{int(raw):04d}", XSD + "gYear")
            else:
                out[name] = nt_string(raw)
        except QueryError:
            raise
        except (ValueError, ArithmeticError, KgError):
            raise QueryError(f"{option('--param ', '')}{name}={raw!r} is not a valid {kind}") from None
    return out


def _declared(query: NamedQuery, values) -> dict:
    """The query's parameters by name; a name it does not declare is refused, with those it does."""
    declared = {p.name: p for p in query.params}
    for name in values:
        if name not in declared:
            takes = ", ".join(declared) or "none (declare one with a '# param: NAME TYPE' line)"
            raise QueryError(f"query {query.name!r} declares no parameter {name!r}; it takes: {takes}")
    return declared


_WHERE = re.compile(r"(?i)\bWHERE\s*\{|\{")


def with_values(text: str, bindings: dict[str, str]) -> str:
    """``text`` with ``bindings`` (name → N-Triples term) as inline data opening its WHERE clause.

    Inside the WHERE clause the values join before any grouping, so they
    restrict aggregates too (a trailing VALUES block would not).

    Examples
    --------
    >>> print(with_values("# a WHERE { comment\\nSELECT ?d WHERE { ?o ?p ?d }", {"d": '"x\\\\" } #"@zh'}))
    # a WHERE { comment
    SELECT ?d WHERE { VALUES (?d) { ("x\\" } #"@zh) }  ?o ?p ?d }
    """
    if not bindings:
        return text
    names = sorted(bindings)
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(bindings[n] for n in names)}) }} "
    offset = 0
    for line in text.splitlines(keepends=True):
        if not line.lstrip().startswith("#"):
            m = _WHERE.search(line)
            if m:
                at = offset + m.end()
                return text[:at] + block + text[at:]
        offset += len(line)
    raise QueryError("the query has no WHERE clause to bind parameters in")


def join_lists(query: NamedQuery, columns: list[str], rows: list) -> list:
    """``rows`` with each column of a ``# join:`` line re-joined as the line says.

    Examples
    --------
    >>> q = parse_header("t", '# join: issuers "、" sorted\\nSELECT * {}')
    >>> join_lists(q, ["doc", "issuers"], [["a", "甲\\x1f乙"], ["b", None]])
    [['a', '乙、甲'], ['b', None]]
    """
    at = {columns.index(j.column): j for j in query.joins if j.column in columns}
    if not at:
        return rows
    out = []
    for row in rows:
        row = list(row)
        for k, j in at.items():
            if isinstance(row[k], str):
                items = row[k].split(LIST_SEPARATOR) if row[k] else []
                row[k] = j.separator.join(sorted(items) if j.sorted else items)
        out.append(row)
    return out


def resolve_names(query: NamedQuery, values: dict[str, str], names) -> tuple[dict[str, str], list[str]]:
    """``values`` with each ``organisation`` and ``document`` parameter read as the graph names it, and the notes.

    ``names`` is a :class:`~kg.sparql.names.GraphNames`, or a function making one.
    """
    _declared(query, values)  # an undeclared name is refused before any name is looked up
    wanted = [p for p in query.params if p.type in NAME_TYPES and p.name in values]
    if not wanted:
        return values, []
    names = names() if callable(names) else names
    out, notes = dict(values), []
    for p in wanted:
        found = names.organisation(values[p.name], what=p.name) if p.type == "organisation" \
            else names.document(values[p.name])
        out[p.name] = found.value
        if found.note:
            notes.append(found.note)
    return out, notes


def run_query(backend, query: NamedQuery, values: dict[str, str] | None = None, names=None):
    """Run ``query`` on a backend (:mod:`kg.sparql.backend`); return ``(columns, rows)`` of Python values.

    Names (``organisation`` and ``document`` parameters) are looked up with
    ``names`` (:class:`~kg.sparql.names.GraphNames`; read from the backend
    when not given). The whole-graph lists and counts a build's table holds
    (``tasks`` and the others of :data:`kg.sparql.from_table.ANSWERS`) are
    answered from it, with the same rows.
    """
    from .from_table import answer_from_table
    from .scoped import bound_rows

    if names is None:
        from .names import GraphNames

        names = functools.partial(GraphNames.of, backend)
    answer = answer_from_table(backend, query, values, names)
    if answer is not None:
        return answer
    values, _ = resolve_names(query, values or {}, names)
    bindings = bind_params(query, values)
    try:
        columns, rows = bound_rows(backend, query, bindings)
    except QueryError as exc:
        raise QueryError(f"{query.path or query.name}: {exc}") from None
    return columns, join_lists(query, columns, rows)
