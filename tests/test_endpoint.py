"""A real Oxigraph server on loopback: push the seed, run every named query remotely, compare."""

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.sparql.backend import Endpoint
from kg.sparql.queries import load_query, named_queries, run_query

from .test_query_library import PARAMS


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _oxigraph():
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(found).exists():
        pytest.fail("the oxigraph server (pip install oxigraph) is a dependency of kg and is missing")
    return found


def _wait(url, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer in {seconds}s")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = _free_port()
    proc = subprocess.Popen([_oxigraph(), "serve", "--location", str(tmp_path_factory.mktemp("oxi")),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(f"{base}/query?query=ASK%7B%7D")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_push_then_every_named_query_matches_local(server, built, backend):
    r = CliRunner().invoke(main, ["push", "--endpoint", f"{server}/store", "--out", str(built), "--batch", "5000"])
    assert r.exit_code == 0, r.output
    triples = len((built / "graph.nt").read_bytes().splitlines())
    assert f"pushed {triples} triples" in r.output
    for name in sorted(named_queries()):
        q = load_query(name)
        local = run_query(backend, q, PARAMS.get(name, {}))
        remote = run_query(Endpoint(f"{server}/query"), q, PARAMS.get(name, {}))
        if "ORDER BY" not in q.text:  # an unordered query may answer in any order: compare the rows as a multiset
            local, remote = (local[0], sorted(local[1], key=repr)), (remote[0], sorted(remote[1], key=repr))
        assert remote == local, name


def test_push_to_a_named_graph_and_query_it(server, built):
    graph = "https://example.org/graphs/zj-2017-24"
    r = CliRunner().invoke(main, ["push", "--endpoint", f"{server}/store", "--graph", graph, "--out", str(built)])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["query", "documents", "--endpoint", f"{server}/query", "--graph", graph,
                                  "--format", "csv"])
    assert r.exit_code == 0 and len(r.output.splitlines()) == 5


def test_serve_answers_read_only(built):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--out", str(built), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D")
        r = CliRunner().invoke(main, ["query", "documents", "--endpoint", f"http://127.0.0.1:{port}/query", "--json"])
        assert r.exit_code == 0 and "浙政办发〔2017〕76号" in r.output
        req = urllib.request.Request(f"http://127.0.0.1:{port}/update", data=b"update=CLEAR ALL", method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(req, timeout=10)
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_unreachable_endpoint_is_one_line():
    port = _free_port()
    r = CliRunner().invoke(main, ["query", "documents", "--endpoint", f"http://127.0.0.1:{port}/query"])
    assert r.exit_code == 1
    assert r.output.startswith(f"Error: documents: http://127.0.0.1:{port}/query: cannot reach the server") or \
        r.output.startswith("Error: ") and "cannot reach the server" in r.output
