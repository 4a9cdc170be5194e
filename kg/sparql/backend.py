"""Where SPARQL runs: the build's embedded store or a SPARQL server, behind one interface.

:func:`open_backend` is the one place that chooses between them. Both answer
:meth:`select` with column names and rows of Python values, converted by the
one :func:`python_value`, and :meth:`strings` with rows of plain lexical
values (the fast path the networks use). Oxigraph answers the project's
queries 20–36 times faster than rdflib's own engine (``../shared/MEASURED.md``),
so the embedded store is pyoxigraph.
"""

from __future__ import annotations

import json
import urllib.parse

from ..errors import KgError, QueryError

__all__ = ["LocalStore", "Endpoint", "open_backend", "python_value"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                                "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong")}
_FLOATS = {_XSD + t for t in ("decimal", "double", "float")}


def python_value(kind: str, value: str, datatype: str | None = None):
    """A result term as a plain Python value: numbers as numbers, years as ints, the rest as text.

    ``kind`` is ``uri``, ``bnode`` or ``literal`` (as in SPARQL JSON results).

    Examples
    --------
    >>> [python_value("literal", v, _XSD + t) for v, t in (("91.0", "decimal"), ("2019", "gYear"), ("3", "integer"),
    ...                                                      ("true", "boolean"), ("x", "string"))]
    [91.0, 2019, 3, True, 'x']
    >>> python_value("uri", "http://x"), python_value("literal", "省")
    ('http://x', '省')
    """
    if kind != "literal" or not datatype:
        return value
    try:
        if datatype in _INTEGERS:
            return int(value)
        if datatype in _FLOATS:
            return float(value)
        if datatype == _XSD + "gYear":
            return int(value[:4])
        if datatype == _XSD + "boolean":
            return value in ("true", "1")
    except ValueError:
        return value
    return value


def _ox_value(term):
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.Literal):
        return python_value("literal", term.value, None if term.language else term.datatype.value)
    return term.value


class LocalStore:
    """The Oxigraph store of a built output folder, opened read-only."""

    def __init__(self, out_dir):
        import pyoxigraph as ox

        from ..build.output_dir import STORE, OutputDir

        path = OutputDir(out_dir).built(STORE)
        try:
            self.store = ox.Store.read_only(str(path))
        except (OSError, RuntimeError) as exc:
            if isinstance(exc, RuntimeError) or "Corruption" in str(exc) or "No such file" in str(exc):
                raise KgError(f"the store in {out_dir} is damaged; run kg build again") from None
            raise KgError(f"{path}: cannot open the store ({exc})") from None
        self.out_dir = out_dir

    def __repr__(self) -> str:
        return f"LocalStore({str(self.out_dir)!r})"

    def __len__(self) -> int:
        """The number of triples in the store."""
        return len(self.store)

    def _solutions(self, text: str):
        import pyoxigraph as ox

        from ..rdf.namespaces import PREFIXES

        try:
            result = self.store.query(text, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise QueryError(_syntax_message(str(exc))) from None
        except (OSError, RuntimeError, ValueError) as exc:
            raise QueryError(f"query failed: {exc}") from None
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("only SELECT queries can be shown as tables")
        return [v.value for v in result.variables], result

    def select(self, text: str):
        """``(columns, rows)`` of Python values."""
        names, result = self._solutions(text)
        return names, [[_ox_value(sol[n]) for n in names] for sol in result]

    def strings(self, text: str):
        """Rows of lexical values (``None`` for unbound): no conversion at all."""
        names, result = self._solutions(text)
        return [[None if (t := sol[n]) is None else t.value for n in names] for sol in result]


class Endpoint:
    """A SPARQL 1.1 Protocol endpoint (Oxigraph ``/query``, Fuseki ``/ds/sparql``, Virtuoso ``/sparql`` …)."""

    def __init__(self, url: str, graph: str | None = None):
        self.url = url
        self.graph = graph

    def __repr__(self) -> str:
        return f"Endpoint({self.url!r})"

    def _bindings(self, text: str):
        from .remote import request

        form = [("query", _with_prefixes(text))]
        if self.graph:
            form.append(("default-graph-uri", self.graph))
        body = request(self.url, urllib.parse.urlencode(form).encode("utf-8"),
                       {"Accept": "application/sparql-results+json",
                        "Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}, "POST")
        try:
            data = json.loads(body)
            return data["head"]["vars"], data["results"]["bindings"]
        except (ValueError, KeyError, TypeError):
            raise QueryError(f"{self.url}: the answer is not SPARQL JSON results (is this the query endpoint?)") \
                from None

    def select(self, text: str):
        """``(columns, rows)`` of Python values."""
        names, bindings = self._bindings(text)
        return names, [[_json_value(b.get(n)) for n in names] for b in bindings]

    def strings(self, text: str):
        """Rows of lexical values (``None`` for unbound)."""
        names, bindings = self._bindings(text)
        return [[None if n not in b else b[n].get("value", "") for n in names] for b in bindings]


def _json_value(binding):
    if binding is None:
        return None
    kind = binding.get("type")
    return python_value("literal" if kind in ("literal", "typed-literal") else kind, binding.get("value", ""),
                        None if "xml:lang" in binding else binding.get("datatype"))


def open_backend(out_dir="kg-out", endpoint: str | None = None, graph: str | None = None):
    """The backend a command runs on: ``endpoint`` when given, else the store built in ``out_dir``."""
    if endpoint:
        return Endpoint(endpoint, graph)
    if graph:
        raise KgError("--graph names a graph on a SPARQL server; give --endpoint URL too")
    return LocalStore(out_dir)


def _with_prefixes(text: str) -> str:
    """Declare the project's prefixes a query uses but does not declare (servers know none).

    Examples
    --------
    >>> print(_with_prefixes("SELECT * { ?t kgo:lead ?o }"))
    PREFIX kgo: <https://w3id.org/kg-gazette/ontology#>
    SELECT * { ?t kgo:lead ?o }
    """
    import re

    from ..rdf.namespaces import PREFIXES

    declared = set(re.findall(r"(?im)^\s*PREFIX\s+([\w-]*):", text))
    missing = [p for p in PREFIXES if p not in declared and re.search(rf"(?<![\w-]){re.escape(p)}:", text)]
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in missing) + text


def _syntax_message(text: str) -> str:
    """Oxigraph's ``error at 3:2: expected X`` as ``SPARQL syntax error at (3, 2): expected X``.

    Examples
    --------
    >>> _syntax_message("error at 3:2: expected OPTIONAL")
    'SPARQL syntax error at (3, 2): expected OPTIONAL'
    """
    import re

    m = re.match(r"error at (\d+):(\d+):\s*(.*)", text, re.S)
    if m:
        return f"SPARQL syntax error at ({m.group(1)}, {m.group(2)}): {m.group(3).strip()}"
    return f"SPARQL syntax error: {text}"
