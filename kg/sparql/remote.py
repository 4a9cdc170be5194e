"""SPARQL servers: HTTP to them (timeouts, safe retries), uploads that never leave half a graph, serving a build.

Works with any standard server: Oxigraph (``/query``, ``/store``, ``/update``),
Apache Jena Fuseki (``/ds/sparql``, ``/ds/data``, ``/ds/update``), Virtuoso
(``/sparql``, ``/sparql-graph-crud``), GraphDB. Every request has a timeout;
only requests that can be repeated without changing the result (GET, PUT, a
query) are retried, with exponential backoff, never an update or a POST that
adds. ``kg serve`` runs the ``oxigraph`` server from PyPI over a build's
store, read-only (:mod:`kg.sparql.server`).

:func:`push` is all or nothing where the store allows it: the graph goes
into a temporary named graph in one streamed PUT, its triple count is
checked, and one update request moves it onto the target (Oxigraph and
Virtuoso run one update request as one transaction). Where no update
endpoint is known it is one streamed PUT, never batches; so it is for an
Oxigraph server, which applies a PUT atomically. A failure says
what the remote graph holds now and how to finish or undo.
"""

from __future__ import annotations

import shutil
import sys
import urllib.parse
import uuid
from dataclasses import dataclass
from pathlib import Path

from ..errors import KgError, ServerError
from .guard import DEFAULT_TIMEOUT

__all__ = ["request", "push", "PushError", "PushResult", "companion_urls", "count_lines", "server_software",
           "serve_command", "RETRIES"]

#: How often an idempotent request is tried again (after 0.5 s, 1 s, 2 s …).
RETRIES = 3
_RETRY_STATUS = (429, 502, 503, 504)
_pool = None
#: What a server answers an upload it does not take: forbidden, or the method not allowed (a read-only store).
READ_ONLY = (403, 405)


class PushError(KgError):
    """A push that did not complete; the message says what the remote graph holds now."""


def _manager():
    global _pool
    if _pool is None:
        import urllib3

        _pool = urllib3.PoolManager(blocksize=1 << 20)
    return _pool


def request(url: str, data=None, headers: dict | None = None, method: str = "GET", *,
            timeout: float | None = DEFAULT_TIMEOUT, retries: int = 0) -> bytes:
    """Send one HTTP request; the answer's body, or a one-line :class:`~kg.errors.KgError` naming the URL.

    ``data`` is bytes or a binary file (streamed). ``timeout`` bounds the
    connection and each wait for the server (``None``: no limit). ``retries``
    (for idempotent requests only) repeats the request after a connection
    failure, a timeout or a 429/502/503/504 answer, with backoff.
    """
    import urllib3
    from urllib3.exceptions import HTTPError as Urllib3Error

    retry = urllib3.Retry(total=retries, backoff_factor=0.5, allowed_methods=None,
                          status_forcelist=_RETRY_STATUS, raise_on_status=False, redirect=3)
    limit = urllib3.Timeout(connect=min(timeout, 30.0) if timeout else None, read=timeout)
    try:
        resp = _manager().request(method, url, body=data, headers=headers or {}, retries=retry, timeout=limit)
    except urllib3.exceptions.MaxRetryError as exc:
        raise KgError(f"{url}: {_reason(exc.reason)}" + (f" (tried {retries + 1} times)" if retries else "")) \
            from None
    except (Urllib3Error, OSError) as exc:
        raise KgError(f"{url}: {_reason(exc)}") from None
    except ValueError as exc:  # not a URL urllib3 can use
        raise KgError(f"{url!r} is not a URL kg can reach ({exc})") from None
    if resp.status >= 400:
        body = resp.data.decode("utf-8", "replace")
        import re

        text = " ".join(re.sub(r"<[^>]+>", " ", body).split())[:200]
        raise ServerError(f"{url}: the server answered {resp.status} {resp.reason or ''}".rstrip()
                          + (f": {text}" if text else ""), resp.status)
    return resp.data


def _reason(exc) -> str:
    from urllib3.exceptions import ConnectTimeoutError, NewConnectionError, ProtocolError, ReadTimeoutError

    if isinstance(exc, NewConnectionError) and not isinstance(exc.__cause__, TimeoutError):  # a subclass of the next
        return "cannot reach the server (connection refused or no such host)"
    if isinstance(exc, (ReadTimeoutError, ConnectTimeoutError)) or "timed out" in str(exc):
        return "the server did not answer in time (--timeout)"
    if isinstance(exc, ProtocolError):
        return "the server closed the connection without an answer"
    return f"connection failed ({exc})"


def _store_url(endpoint: str, graph: str | None) -> str:
    sep = "&" if "?" in endpoint else "?"
    return f"{endpoint}{sep}{urllib.parse.urlencode({'graph': graph})}" if graph else f"{endpoint}{sep}default"


def companion_urls(endpoint: str) -> tuple[str | None, str | None]:
    """The ``(update, query)`` URLs beside a known store's Graph Store Protocol URL; ``None`` where unknown.

    Examples
    --------
    >>> companion_urls("http://h:7878/store")
    ('http://h:7878/update', 'http://h:7878/query')
    >>> companion_urls("http://h:3030/ds/data")
    ('http://h:3030/ds/update', 'http://h:3030/ds/sparql')
    >>> companion_urls("http://h:8890/sparql-graph-crud")
    ('http://h:8890/sparql', 'http://h:8890/sparql')
    >>> companion_urls("http://h/repositories/zj/rdf-graphs/service")
    ('http://h/repositories/zj/statements', 'http://h/repositories/zj')
    >>> companion_urls("http://h/gsp")
    (None, None)
    """
    base, _, tail = endpoint.split("?", 1)[0].rstrip("/").rpartition("/")
    if tail == "store":
        return f"{base}/update", f"{base}/query"
    if tail == "data":
        return f"{base}/update", f"{base}/sparql"
    if tail == "sparql-graph-crud":
        return f"{base}/sparql", f"{base}/sparql"
    if tail == "service" and base.endswith("/rdf-graphs"):
        repo = base[: -len("/rdf-graphs")]
        return f"{repo}/statements", repo
    return None, None


@dataclass
class PushResult:
    """What a push did: ``triples`` sent, ``how`` (``swap`` or ``put``), what the graph ``holds`` after (if checked)."""

    triples: int
    how: str
    holds: int | None = None
    note: str = ""


def count_lines(path: Path) -> int:
    """The number of lines of a file (of triples, in N-Triples)."""
    n = 0
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            n += block.count(b"\n")
    return n


class _Remote:
    """One push's view of a server: its three URLs, timeout and retries."""

    def __init__(self, endpoint, update, query, timeout, retries):
        from .backend import Endpoint

        self.endpoint, self.update_url, self.timeout, self.retries = endpoint, update, timeout, retries
        self.query = Endpoint(query, timeout=timeout, retries=retries) if query else None

    def put(self, graph, path: Path, method="PUT"):
        with open(path, "rb") as body:
            request(_store_url(self.endpoint, graph), body,
                    {"Content-Type": "application/n-triples", "Content-Length": str(path.stat().st_size)},
                    method, timeout=self.timeout, retries=self.retries if method == "PUT" else 0)

    def count(self, graph) -> int:
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
        _, rows = self.query.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
        return int(rows[0][0]) if rows and rows[0][0] is not None else 0

    def update(self, text: str, retries: int = 0):
        request(self.update_url, urllib.parse.urlencode({"update": text}).encode("utf-8"),
                {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}, "POST",
                timeout=self.timeout, retries=retries)

    def drop(self, graph) -> bool:
        """Drop a temporary graph (a DROP can be repeated); whether that worked."""
        try:
            self.update(f"DROP SILENT GRAPH <{graph}>", self.retries)
            return True
        except KgError:
            return False


def _swap_text(tmp: str, graph: str | None, swap: str, append: bool) -> str:
    """The one update that puts the temporary graph in place.

    Examples
    --------
    >>> _swap_text("urn:t", "urn:g", "move", False)
    'MOVE <urn:t> TO <urn:g>'
    >>> _swap_text("urn:t", None, "insert", True)
    'INSERT { ?s ?p ?o } WHERE { GRAPH <urn:t> { ?s ?p ?o } } ; DROP SILENT GRAPH <urn:t>'
    """
    target = f"<{graph}>" if graph else "DEFAULT"
    if swap == "move":
        return f"ADD <{tmp}> TO {target} ; DROP SILENT GRAPH <{tmp}>" if append else f"MOVE <{tmp}> TO {target}"
    into = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    clear = "" if append else (f"DROP SILENT GRAPH <{graph}> ; " if graph else "DROP SILENT DEFAULT ; ")
    return f"{clear}INSERT {{ {into} }} WHERE {{ GRAPH <{tmp}> {{ ?s ?p ?o }} }} ; DROP SILENT GRAPH <{tmp}>"


def server_software(url: str, timeout: float | None = DEFAULT_TIMEOUT) -> str:
    """What a server says it is (its ``Server`` header, e.g. ``Oxigraph/0.5.13``), or ``""``."""
    import urllib3

    try:
        resp = _manager().request("HEAD", url, retries=urllib3.Retry(1, redirect=3, raise_on_status=False),
                                  timeout=urllib3.Timeout(connect=min(timeout or 30.0, 30.0), read=timeout))
    except (urllib3.exceptions.HTTPError, OSError, ValueError):
        return ""
    return resp.headers.get("Server", "")


def push(out_dir, endpoint: str, graph: str | None = None, *, update: str | None = None, query: str | None = None,
         swap: str = "auto", append: bool = False, timeout: float | None = DEFAULT_TIMEOUT, retries: int = RETRIES,
         progress=None) -> PushResult:
    """Upload a build's ``graph.nt`` to a Graph Store Protocol ``endpoint``, all or nothing where the store allows.

    ``graph`` is the target named graph (default: the default graph).
    ``update`` and ``query`` are the server's SPARQL Update and query URLs
    (guessed by :func:`companion_urls` for known stores). ``swap`` is
    ``move`` (``MOVE``/``ADD``), ``insert`` (``INSERT … WHERE`` in one request,
    for stores whose ``MOVE`` is broken, such as Jena 4.5), ``none`` (one
    streamed PUT) or ``auto``: ``none`` for a server that says it is Oxigraph,
    which applies a PUT or POST atomically (a bad file changes nothing, and
    its MOVE copies every triple: 2 M triples took minutes), else ``move``.
    ``append`` adds instead of replacing. ``progress(text)`` hears each
    step. Raises :class:`PushError` saying what the remote graph holds when
    anything fails.
    """
    from ..build.output_dir import GRAPH_NT, OutputDir

    if swap not in ("auto", "move", "insert", "none"):
        raise KgError(f"--swap is auto, move, insert or none, not {swap!r}")
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise KgError(f"--endpoint {endpoint!r} is not an http(s) URL; give the server's Graph Store URL, "
                      "e.g. http://HOST:7878/store")
    path = OutputDir(out_dir).built(GRAPH_NT)
    guessed_update, guessed_query = companion_urls(endpoint)
    update, query = update or guessed_update, query or guessed_query
    say = progress or (lambda text: None)
    remote = _Remote(endpoint, update, query, timeout, retries)
    expected = count_lines(path)
    name = f"<{graph}>" if graph else "the default graph"
    note = ""
    if swap == "auto":
        swap = "none" if server_software(endpoint, timeout).startswith("Oxigraph/") else "move"
        note = "the server is Oxigraph, which applies one PUT atomically: sent as one request" \
            if swap == "none" else ""
    if swap == "none" or not (update and query):
        return _push_put(remote, path, graph, name, expected, append, say, note or (
            "" if swap == "none" else "no update endpoint known for this URL (give --update URL for an "
                                      "all-or-nothing push): sent as one request"))
    tmp = f"urn:kg-push:{uuid.uuid4()}"
    undo = f"'DROP SILENT GRAPH <{tmp}>' at {update}"
    try:
        before = remote.count(graph)
    except KgError as exc:
        raise PushError(f"cannot count what {name} holds before the push ({exc}); nothing was sent: "
                        f"{name} is unchanged") from None
    say(f"uploading {expected} triples into the temporary graph <{tmp}>")
    try:
        remote.put(tmp, path)
        held = remote.count(tmp)
    except KgError as exc:
        _refuse_if_read_only(exc, name)
        dropped = remote.drop(tmp)
        raise PushError(f"uploading into the temporary graph <{tmp}> (or counting it) failed: {exc}. "
                        f"{name} is unchanged ({before} triples); " + ("the temporary graph was dropped" if dropped else
                                                   f"the temporary graph may hold part of it: drop it with {undo}")) \
            from None
    if held != expected:
        dropped = remote.drop(tmp)
        raise PushError(f"the temporary graph <{tmp}> holds {held} triples, not the {expected} of {path}; nothing "
                        f"was swapped: {name} is unchanged ({before} triples)"
                        + ("" if dropped else f"; drop it with {undo}"))
    text = _swap_text(tmp, graph, swap, append)
    say(f"swapping it into {name} ({text.split(' ', 1)[0]})")
    try:
        remote.update(text)
    except KgError as exc:  # never repeated: on some stores a second MOVE of a moved graph empties the target
        state = _after_failed_swap(remote, graph, tmp, name, expected, before, append, text, update)
        if state is None:  # the server applied it and lost the answer
            return PushResult(expected, "swap", expected, f"the swap's answer was lost ({exc}), but {name} holds "
                                                          f"the {expected} new triples")
        raise PushError(f"the swap into {name} failed: {exc}. {state}") from None
    try:
        after = remote.count(graph)
    except KgError as exc:  # the update was accepted: the push is done, only its check is missing
        return PushResult(expected, "swap", None, f"the swap was accepted, but counting {name} afterwards failed "
                                                  f"({exc})")
    if not append and after != expected:
        raise PushError(f"after the swap {name} holds {after} triples, not the {expected} pushed: another client "
                        "may have written to it at the same time; push again")
    return PushResult(expected, "swap", after)


def _after_failed_swap(remote, graph, tmp, name, expected, before, append, text, update) -> str | None:
    """What the remote holds after a failed swap (``None``: the swap went through after all)."""
    try:
        now, left = remote.count(graph), remote.count(tmp)
    except KgError as exc:
        return (f"What {name} holds now could not be checked ({exc}): if the store applied the update it holds the "
                f"new graph, else it is unchanged and <{tmp}> holds the new graph. Check with "
                f"'SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{tmp}> {{ ?s ?p ?o }} }}', then finish with '{text}' at "
                f"{update}, or undo with 'DROP SILENT GRAPH <{tmp}>'")
    if left == 0 and (append or now == expected):
        return None
    unchanged = "unchanged, " if now == before else ""
    return (f"{name} holds {now} triples ({unchanged}{before} before); the temporary graph <{tmp}> holds {left} of "
            f"{expected}. Finish with '{text}' at {update}, or undo with 'DROP SILENT GRAPH <{tmp}>'")


def _refuse_if_read_only(exc: KgError, name: str) -> None:
    """A server that refuses every upload (a read-only store such as kg serve) stops the push with the way out."""
    if isinstance(exc, ServerError) and exc.status in READ_ONLY:
        raise PushError(f"{exc}; kg push needs a writable server (kg serve is read-only: start a writable one, e.g. "
                        f"oxigraph serve --location DIR); nothing was written, {name} is unchanged") from None


def _push_put(remote, path, graph, name, expected, append, say, note) -> PushResult:
    """One streamed PUT (or POST with ``append``) of the whole graph: no batches."""
    method = "POST" if append else "PUT"
    say(f"uploading {expected} triples into {name} (one {method})")
    try:
        remote.put(graph, path, method)
    except KgError as exc:
        _refuse_if_read_only(exc, name)
        try:
            holds = f"{name} now holds {remote.count(graph)} triples" if remote.query else \
                f"what {name} holds now is unknown"
        except KgError:
            holds = f"what {name} holds now could not be checked"
        fix = ("run kg push again without --append only if you mean to replace it" if append else
               "run kg push again, which replaces it whole, or delete it (HTTP DELETE on the graph)")
        raise PushError(f"the {method} into {name} failed: {exc}. {holds}: a store may keep part of a failed "
                        f"{method} (Virtuoso does); {fix}") from None
    holds = remote.count(graph) if remote.query else None
    if holds is not None and not append and holds != expected:
        raise PushError(f"after the PUT {name} holds {holds} triples, not the {expected} sent; push again")
    return PushResult(expected, "put", holds, note)


def serve_command(out_dir, host: str, port: int, timeout: float | None = DEFAULT_TIMEOUT) -> list[str]:
    """The command line that serves a build's store read-only with the ``oxigraph`` server."""
    from ..build.output_dir import STORE, OutputDir

    store = OutputDir(out_dir).built(STORE)
    binary = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(binary).exists():
        raise KgError("the oxigraph server is not installed; pip install oxigraph")
    # the store holds a graph per source and a shared one: queries see their union, as kg's own do
    command = [binary, "serve-read-only", "--location", str(store), "--bind", f"{host}:{port}",
               "--union-default-graph"]
    if timeout:
        command += ["--timeout-s", str(max(1, round(timeout)))]
    return command
