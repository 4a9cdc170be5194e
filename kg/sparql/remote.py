"""SPARQL servers: query one (SPARQL 1.1 Protocol), upload to one (Graph Store Protocol), serve one.

Works with any standard server: Oxigraph (``/query``, ``/store``), Apache Jena
Fuseki (``/ds/sparql``, ``/ds/data``), Virtuoso, GraphDB. ``kg serve`` runs the
``oxigraph`` server from PyPI over a build's store, read-only, on loopback
unless told otherwise.
"""

from __future__ import annotations

import shutil
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from ..errors import KgError

__all__ = ["request", "push", "serve_command", "TIMEOUT"]

#: Seconds to wait for a server's answer.
TIMEOUT = 300


def request(url: str, data: bytes | None, headers: dict, method: str) -> bytes:
    """Send one HTTP request; the answer's body, or a one-line error naming the URL."""
    req = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as resp:  # noqa: S310 (the user names the server)
            return resp.read()
    except urllib.error.HTTPError as exc:
        body = exc.read().decode("utf-8", "replace").strip().splitlines()
        detail = f": {body[0][:200]}" if body else ""
        raise KgError(f"{url}: the server answered {exc.code} {exc.reason}{detail}") from None
    except urllib.error.URLError as exc:
        raise KgError(f"{url}: cannot reach the server ({exc.reason})") from None
    except OSError as exc:
        raise KgError(f"{url}: connection failed ({exc})") from None


def _store_url(endpoint: str, graph: str | None) -> str:
    sep = "&" if "?" in endpoint else "?"
    return f"{endpoint}{sep}{urllib.parse.urlencode({'graph': graph})}" if graph else f"{endpoint}{sep}default"


def push(out_dir, endpoint: str, graph: str | None = None, batch: int = 50_000, append: bool = False,
         progress=None) -> int:
    """Upload a build's ``graph.nt`` to a Graph Store Protocol endpoint in batches.

    The first batch replaces the target graph (HTTP PUT) unless ``append``;
    later batches add to it (POST). ``progress(sent, total)`` is called after
    each batch. Returns the number of triples sent.
    """
    from ..build.output_dir import GRAPH_NT, OutputDir

    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise KgError(f"--endpoint {endpoint!r} is not an http(s) URL; give the server's Graph Store URL, "
                      "e.g. http://HOST:7878/store")
    path = OutputDir(out_dir).built(GRAPH_NT)
    if batch < 1:
        raise KgError("--batch must be at least 1")
    lines = path.read_bytes().splitlines(keepends=True)
    url = _store_url(endpoint, graph)
    headers = {"Content-Type": "application/n-triples; charset=utf-8"}
    sent = 0
    for start in range(0, max(len(lines), 1), batch):
        chunk = b"".join(lines[start:start + batch])
        method = "PUT" if start == 0 and not append else "POST"
        request(url, chunk, headers, method)
        sent += len(lines[start:start + batch])
        if progress:
            progress(sent, len(lines))
    return sent


def serve_command(out_dir, host: str, port: int) -> list[str]:
    """The command line that serves a build's store read-only with the ``oxigraph`` server."""
    from ..build.output_dir import STORE, OutputDir

    store = OutputDir(out_dir).built(STORE)
    binary = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(binary).exists():
        raise KgError("the oxigraph server is not installed; pip install oxigraph")
    return [binary, "serve-read-only", "--location", str(store), "--bind", f"{host}:{port}"]
