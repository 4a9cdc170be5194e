"""Named SPARQL queries (``queries/*.rq``) and running them.

Each query file opens with a comment header::

    # title: Tasks of a department
    # description: ...
    # param: department zh — the department's canonical Chinese name
    # columns: doc_number, task, role

A parameter line names the variable, its type (``string``, ``zh``, ``iri``,
``integer``, ``decimal``, ``year``) and what it means. Values are bound as RDF
terms in a ``VALUES`` block opening the WHERE clause, written in escaped
N-Triples form, so a value holding quotes or braces stays one literal and
cannot change the query. The same query text runs on the embedded store and
on any SPARQL server.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..errors import KgError, QueryError

__all__ = ["NamedQuery", "Param", "named_queries", "load_query", "parse_header", "bind_params",
           "with_values", "python_value", "run_query"]

_HEADER = re.compile(r"^#\s*(?P<key>title|description|param|columns)\s*:\s*(?P<value>.*)$")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s+(?P<type>string|zh|iri|integer|decimal|year)\s*(?:[—-]+\s*(?P<doc>.*))?$")
PARAM_TYPES = ("string", "zh", "iri", "integer", "decimal", "year")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    doc: str


@dataclass
class NamedQuery:
    name: str
    text: str
    title: str = ""
    description: str = ""
    columns: list[str] = field(default_factory=list)
    params: list[Param] = field(default_factory=list)
    path: str | None = None


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


def bind_params(query: NamedQuery, values: dict[str, str]) -> dict:
    """Typed RDF terms for parameter values given as text.

    Examples
    --------
    >>> q = parse_header("t", "# param: department zh — name\\nSELECT * {}")
    >>> bind_params(q, {"department": '省质监局" } #'})["department"]
    rdflib.term.Literal('省质监局" } #', lang='zh')
    """
    from rdflib import Literal, URIRef
    from rdflib.namespace import XSD

    declared = {p.name: p for p in query.params}
    missing = [p.name for p in query.params if p.name not in values]
    if missing:
        raise QueryError(f"query {query.name!r} needs --param {missing[0]}=VALUE"
                         + (f" ({declared[missing[0]].doc})" if declared[missing[0]].doc else ""))
    out = {}
    for name, raw in values.items():
        kind = declared[name].type if name in declared else "string"
        try:
            if kind == "zh":
                out[name] = Literal(raw, lang="zh")
            elif kind == "iri":
                out[name] = URIRef(raw)
            elif kind == "integer":
                out[name] = Literal(int(raw), datatype=XSD.integer)
            elif kind == "decimal":
                out[name] = Literal(str(Decimal(raw)), datatype=XSD.decimal)
            elif kind == "year":
                out[name] = Literal(f"{int(raw):04d}", datatype=XSD.gYear)
            else:
                out[name] = Literal(raw)
        except (ValueError, ArithmeticError):
            raise QueryError(f"--param {name}={raw!r} is not a valid {kind}") from None
    return out


_WHERE = re.compile(r"(?i)\bWHERE\s*\{|\{")


def with_values(text: str, bindings: dict) -> str:
    """``text`` with ``bindings`` (name → rdflib term) as inline data opening its WHERE clause.

    Inside the WHERE clause the values join before any grouping, so they
    restrict aggregates too (a trailing VALUES block would not). Terms are
    written in escaped N-Triples form: a value stays one value.

    Examples
    --------
    >>> from rdflib import Literal
    >>> print(with_values("# a WHERE { comment\\nSELECT ?d WHERE { ?o ?p ?d }", {"d": Literal('x" } #', lang="zh")}))
    # a WHERE { comment
    SELECT ?d WHERE { VALUES (?d) { ("x\\" } #"@zh) }  ?o ?p ?d }
    """
    from ..rdf.ntriples import nt_term

    if not bindings:
        return text
    names = sorted(bindings)
    try:
        terms = " ".join(nt_term(bindings[n]) for n in names)
    except KgError as exc:
        raise QueryError(str(exc)) from None
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({terms}) }} "
    offset = 0
    for line in text.splitlines(keepends=True):
        if not line.lstrip().startswith("#"):
            m = _WHERE.search(line)
            if m:
                at = offset + m.end()
                return text[:at] + block + text[at:]
        offset += len(line)
    raise QueryError("the query has no WHERE clause to bind parameters in")


def python_value(term):
    """A result term as a plain Python value for tables, CSV and JSON.

    Examples
    --------
    >>> from rdflib import Literal, URIRef
    >>> from rdflib.namespace import XSD
    >>> [python_value(t) for t in (Literal("91.0", datatype=XSD.decimal), Literal("2019", datatype=XSD.gYear),
    ...                            Literal(3), URIRef("http://x"), Literal("省", lang="zh"), None)]
    [91.0, 2019, 3, 'http://x', '省', None]
    """
    from rdflib import Literal
    from rdflib.namespace import XSD

    if term is None:
        return None
    if isinstance(term, Literal):
        dt = term.datatype
        if dt in (XSD.integer, XSD.int, XSD.long, XSD.nonNegativeInteger):
            return int(term)
        if dt in (XSD.decimal, XSD.double, XSD.float):
            return float(term)
        if dt == XSD.gYear:
            return int(str(term)[:4])
        if dt == XSD.boolean:
            return term.toPython()
        return str(term)
    return str(term)


def run_query(store, query: NamedQuery, values: dict[str, str] | None = None, endpoint: str | None = None,
              graph: str | None = None):
    """Run ``query`` on an open store, or on a SPARQL ``endpoint``; return ``(columns, rows)`` of Python values."""
    text = with_values(query.text, bind_params(query, values or {}))
    try:
        if endpoint:
            from .remote import remote_select

            names, rows = remote_select(endpoint, _with_prefixes(text), graph)
        else:
            from ..rdf.namespaces import PREFIXES
            from .store import select

            names, rows = select(store, text, prefixes=PREFIXES)
    except QueryError as exc:
        raise QueryError(f"{query.path or query.name}: {exc}") from None
    return names, [[python_value(v) for v in row] for row in rows]


def _with_prefixes(text: str) -> str:
    """Declare the project's prefixes a query uses but does not declare (servers know none)."""
    from ..rdf.namespaces import PREFIXES

    declared = set(re.findall(r"(?im)^\s*PREFIX\s+([\w-]*):", text))
    missing = [p for p in PREFIXES if p not in declared and re.search(rf"(?<![\w-]){re.escape(p)}:", text)]
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in missing) + text
