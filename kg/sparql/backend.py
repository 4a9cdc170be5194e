"""Where SPARQL runs: the build's embedded store or a SPARQL server, behind one interface.

:func:`open_backend` is the one place that chooses between them. Both answer
:meth:`select` with column names and rows of Python values, converted by the
one :func:`python_value`, and :meth:`strings` with rows of plain lexical
values (the fast path the networks use). Both check a query's shape first
(:mod:`kg.sparql.guard`) and bound it in time: the embedded store runs each
query in a worker process that a timeout or Ctrl-C stops (:mod:`kg.sparql.worker`). Oxigraph answers the project's
queries 20–36 times faster than rdflib's own engine (``../shared/MEASURED.md``),
so the embedded store is pyoxigraph.
"""

from __future__ import annotations

import datetime
import json
import os
import urllib.parse

from ..errors import KgError, QueryError
from .guard import DEFAULT_TIMEOUT, check_query

__all__ = ["LocalStore", "Endpoint", "open_backend", "python_value", "json_results"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                                "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong")}
_FLOATS = {_XSD + t for t in ("decimal", "double", "float")}


def python_value(kind: str, value: str, datatype: str | None = None):
    """A result term as a plain Python value: numbers as numbers, years as ints, dates as dates, the rest as text.

    ``kind`` is ``uri``, ``bnode`` or ``literal`` (as in SPARQL JSON results).

    Examples
    --------
    >>> [python_value("literal", v, _XSD + t) for v, t in (("91.0", "decimal"), ("2019", "gYear"), ("3", "integer"),
    ...                                                      ("true", "boolean"), ("x", "string"))]
    [91.0, 2019, 3, True, 'x']
    >>> python_value("uri", "http://x"), python_value("literal", "省")
    ('http://x', '省')
    >>> python_value("literal", "2017-07-20", _XSD + "date"), python_value("literal", "2017-07", _XSD + "date")
    (datetime.date(2017, 7, 20), '2017-07')
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
        if datatype == _XSD + "date":
            return datetime.date.fromisoformat(value)
        if datatype == _XSD + "dateTime":
            return datetime.datetime.fromisoformat(value)
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
    """The Oxigraph store of a built output folder, opened read-only in a worker process.

    Each query runs in the worker (:class:`~kg.sparql.worker.Worker`) with a
    deadline of ``timeout`` seconds (``None``: no limit), so that a timeout or
    Ctrl-C stops it at once; its shape is checked first (:func:`~kg.sparql.guard.check_query`).
    A build into the folder meanwhile puts a new store in the old one's place:
    the next query opens that one, so that the store and the build's tables,
    read afresh each time, always answer of one build.
    """

    def __init__(self, out_dir, timeout: float | None = DEFAULT_TIMEOUT):
        from ..build.output_dir import STORE, OutputDir
        from .worker import Worker

        self.path = OutputDir(out_dir).built(STORE)
        self.out_dir = out_dir
        self.timeout = timeout
        self.worker = Worker(_open_store, (str(self.path), str(out_dir)))
        self._store = None
        self._opened = _identity(self.path)
        self._made: dict = {}

    def __repr__(self) -> str:
        return f"LocalStore({str(self.out_dir)!r})"

    def _current(self) -> None:
        """Close what was opened of a store another build has since replaced (the next call opens the new one)."""
        now = _identity(self.path)
        if now != self._opened:
            self.worker.close()
            self._store, self._opened, self._made = None, now, {}

    def made_once(self, key: str, make):
        """``make()``, made once for the store as it is now (the organisations' names, say); a new store makes it anew.

        Examples
        --------
        >>> from kg.build.build import build
        >>> import tempfile, pathlib
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "out"
        >>> (out.parent / "a.txt").write_text("关于某事的通知\\n\\n浙政发〔2019〕5号\\n", encoding="utf-8") and None
        >>> build([out.parent / "a.txt"], out) and None
        >>> store = LocalStore(out)
        >>> store.made_once("n", lambda: len(store)) is store.made_once("n", lambda: -1)
        True
        >>> store.close()
        """
        self._current()
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]

    @property
    def store(self):
        """The store opened read-only in this process (for dumping it whole; queries go to the worker)."""
        self._current()
        if self._store is None:
            self._store = _open_store(str(self.path), str(self.out_dir))
        return self._store

    def __len__(self) -> int:
        """The number of triples in the store."""
        self._current()
        return self.worker.call(_count, None, self.timeout)

    def select(self, text: str, graphs: list[str] | None = None):
        """``(columns, rows)`` of Python values.

        The query reads the union of the store's graphs, or of ``graphs`` (IRIs) when given
        (:func:`kg.sparql.scoped.document_graphs` says when that gives the same answer).
        """
        self._current()
        return self.worker.call(_select, (check_query(text), graphs), self.timeout)

    def strings(self, text: str, graphs: list[str] | None = None):
        """Rows of lexical values (``None`` for unbound): no conversion at all; ``graphs`` as :meth:`select`."""
        self._current()
        return self.worker.call(_strings, (check_query(text), graphs), self.timeout)

    def close(self) -> None:
        """Stop the worker process (the next query starts another)."""
        self.worker.close()


def _identity(path) -> tuple | None:
    """Which store folder is at ``path`` now (a build swaps in a new folder), or ``None`` if none is."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _open_store(path: str, out_dir: str):
    """The store at ``path`` (the build in ``out_dir``), read-only: in the worker."""
    import pyoxigraph as ox

    try:
        return ox.Store.read_only(path)
    except (OSError, RuntimeError) as exc:
        if isinstance(exc, RuntimeError) or "Corruption" in str(exc) or "No such file" in str(exc):
            raise KgError(f"the store in {out_dir} is damaged; run kg build again") from None
        raise KgError(f"{path}: cannot open the store ({exc})") from None


def _solutions(store, query):
    """The variables and solutions of ``query``: its text, and the graphs it reads (``None``: all of them)."""
    import pyoxigraph as ox

    from ..rdf.namespaces import PREFIXES

    text, graphs = query
    try:
        if graphs is None:
            # the build's store holds a graph per source and a shared one: a query sees them all, each triple once
            result = store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)
        else:
            result = store.query(text, prefixes=PREFIXES, default_graph=[ox.NamedNode(g) for g in graphs])
    except SyntaxError as exc:
        raise QueryError(_syntax_message(str(exc))) from None
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"query failed: {exc}") from None
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("only SELECT queries can be shown as tables")
    return [v.value for v in result.variables], result


def _select(store, query):
    """Worker: ``(columns, rows)`` of Python values of ``query`` (a text and its graphs)."""
    names, result = _solutions(store, query)
    try:
        return names, [[_ox_value(sol[n]) for n in names] for sol in result]
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"query failed: {exc}") from None


def _strings(store, query):
    """Worker: rows of lexical values of ``query`` (a text and its graphs)."""
    names, result = _solutions(store, query)
    try:
        return [[None if (t := sol[n]) is None else t.value for n in names] for sol in result]
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"query failed: {exc}") from None


def _count(store, _):
    """Worker: the number of triples."""
    return len(store)


class Endpoint:
    """A SPARQL 1.1 Protocol endpoint (Oxigraph ``/query``, Fuseki ``/ds/sparql``, Virtuoso ``/sparql`` …).

    ``graph`` is the named graph to query as the default graph, or a list of
    them (their merge). ``timeout`` bounds each wait for the server (``None``: no limit);
    ``retries`` repeats a query after a connection failure (a query changes nothing).
    A query's shape is checked before it is sent (:func:`~kg.sparql.guard.check_query`).
    """

    def __init__(self, url: str, graph: str | list[str] | None = None, timeout: float | None = DEFAULT_TIMEOUT,
                 retries: int = 0):
        self.url = url
        self.graph = graph
        self.timeout = timeout
        self.retries = retries

    def __repr__(self) -> str:
        return f"Endpoint({self.url!r})"

    def _answer(self, text: str) -> bytes:
        from .remote import request

        form = [("query", _with_prefixes(check_query(text)))]
        for graph in [self.graph] if isinstance(self.graph, str) else self.graph or ():
            form.append(("default-graph-uri", graph))
        return request(self.url, urllib.parse.urlencode(form).encode("utf-8"),
                       {"Accept": "application/sparql-results+json",
                        "Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}, "POST",
                       timeout=self.timeout, retries=self.retries)

    def select(self, text: str):
        """``(columns, rows)`` of Python values."""
        body = self._answer(text)
        try:
            return json_results(body)
        except QueryError:
            raise self._not_results(body) from None

    def strings(self, text: str):
        """Rows of lexical values (``None`` for unbound)."""
        body = self._answer(text)
        try:
            return json_results(body, lexical=True)[1]
        except QueryError:
            raise self._not_results(body) from None

    def _not_results(self, body: bytes) -> QueryError:
        """Why an answer is not results: the server's timeout cut it (Oxigraph ends the stream with a note), or else."""
        if b"has been cancelled" in body[-500:] or b"timeout" in body[-500:].lower():
            return QueryError(f"{self.url}: the server stopped the query at its own timeout (kg serve --timeout)")
        return QueryError(f"{self.url}: the answer is not SPARQL JSON results (is this the query endpoint?)")


def json_results(body: bytes | str, lexical: bool = False):
    """``(columns, rows)`` of a SPARQL JSON results document: Python values, or with ``lexical`` the lexical forms.

    Examples
    --------
    >>> json_results('{"head": {"vars": ["n", "b"]}, "results": {"bindings": [{"n": {"type": "typed-literal", '
    ...              '"datatype": "http://www.w3.org/2001/XMLSchema#integer", "value": "3"}}]}}')
    (['n', 'b'], [[3, None]])
    """
    try:
        data = json.loads(body)
        names, bindings = data["head"]["vars"], data["results"]["bindings"]
        if lexical:
            return names, [[None if n not in b else b[n].get("value", "") for n in names] for b in bindings]
        return names, [[_json_value(b.get(n)) for n in names] for b in bindings]
    except (ValueError, KeyError, TypeError, AttributeError):
        raise QueryError("not SPARQL JSON results") from None


def _json_value(binding):
    if binding is None:
        return None
    kind = binding.get("type")
    return python_value("literal" if kind in ("literal", "typed-literal") else kind, binding.get("value", ""),
                        None if "xml:lang" in binding else binding.get("datatype"))


def open_backend(out_dir="kg-out", endpoint: str | None = None, graph: str | None = None,
                 timeout: float | None = DEFAULT_TIMEOUT):
    """The backend a command runs on: ``endpoint`` when given, else the store built in ``out_dir``.

    ``timeout`` is the seconds a query may take (``None``: no limit).
    """
    if endpoint:
        return Endpoint(endpoint, graph, timeout)
    if graph:
        raise KgError("--graph names a graph on a SPARQL server; give --endpoint URL too")
    return LocalStore(out_dir, timeout)


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
