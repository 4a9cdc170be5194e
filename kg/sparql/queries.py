"""Named SPARQL queries (``queries/*.rq``) and running them.

Each query file opens with a comment header::

    # title: Tasks of a department
    # description: ...
    # param: department zh — the department's canonical Chinese name
    # columns: doc_number, task, role
    # join: issuers "、"

A parameter line names the variable, its type (``string``, ``zh``, ``iri``,
``integer``, ``decimal``, ``year``) and what it means. Values are bound as RDF
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

import re
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..errors import KgError, QueryError

__all__ = ["NamedQuery", "Param", "Join", "PARAM_TYPES", "LIST_SEPARATOR", "named_queries", "catalogue", "load_query",
           "parse_header", "bind_params", "with_values", "join_lists", "run_query"]

_HEADER = re.compile(r"^#\s*(?P<key>title|description|param|columns|join)\s*:\s*(?P<value>.*)$")
_JOIN = re.compile(r'^(?P<name>[A-Za-z_]\w*)\s+"(?P<separator>[^"]*)"(?P<sorted>\s+sorted)?$')
#: What a query's GROUP_CONCAT joins a listed column with (see the ``# join:`` header line).
LIST_SEPARATOR = "\x1f"
_PARAM = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s+(?P<type>string|zh|iri|integer|decimal|year)\s*(?:[—-]+\s*(?P<doc>.*))?$")
PARAM_TYPES = ("string", "zh", "iri", "integer", "decimal", "year")


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
    """The named queries as a :class:`~kg.output.Table`: name, title, parameters, columns."""
    from ..output import Table

    rows = [{"name": q.name, "title": q.title, "params": ", ".join(f"{p.name} ({p.type})" for p in q.params),
             "columns": ", ".join(q.columns)} for q in named_queries().values()]
    return Table(["name", "title", "params", "columns"], rows)


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
        raise QueryError(f"no query named {spec!r}; kg query --list shows them: {', '.join(queries)}")
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
    """
    from ..rdf.terms import XSD, nt_iri, nt_lang, nt_string, nt_typed

    declared = {p.name: p for p in query.params}
    for name in values:
        if name not in declared:
            takes = ", ".join(declared) or "none (declare one with a '# param: NAME TYPE' line)"
            raise QueryError(f"query {query.name!r} declares no parameter {name!r}; it takes: {takes}")
    missing = [p.name for p in query.params if p.name not in values]
    if missing:
        raise QueryError(f"query {query.name!r} needs --param {missing[0]}=VALUE"
                         + (f" ({declared[missing[0]].doc})" if declared[missing[0]].doc else ""))
    out = {}
    for name, raw in values.items():
        kind = declared[name].type
        try:
            if kind == "zh":
                out[name] = nt_lang(raw, "zh")
            elif kind == "iri":
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
        except (ValueError, ArithmeticError, KgError):
            raise QueryError(f"--param {name}={raw!r} is not a valid {kind}") from None
    return out


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


def run_query(backend, query: NamedQuery, values: dict[str, str] | None = None):
    """Run ``query`` on a backend (:mod:`kg.sparql.backend`); return ``(columns, rows)`` of Python values."""
    text = with_values(query.text, bind_params(query, values or {}))
    try:
        columns, rows = backend.select(text)
    except QueryError as exc:
        raise QueryError(f"{query.path or query.name}: {exc}") from None
    return columns, join_lists(query, columns, rows)
