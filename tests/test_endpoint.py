"""A real Oxigraph server on loopback: push the seed, run every named query remotely, compare; kg serve's server."""

import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.sparql.backend import Endpoint
from kg.sparql.queries import load_query, named_queries, run_query

from .servers import children, free_port, running, wait_http
from .test_query_library import PARAMS

DEEP = "SELECT * WHERE " + "{ " * 3000 + "?s ?p ?o " + "} " * 3000


def _same_rows(local, remote, query):
    if "ORDER BY" not in query.text:  # an unordered query may answer in any order: compare the rows as a multiset
        local, remote = (local[0], sorted(local[1], key=repr)), (remote[0], sorted(remote[1], key=repr))
    return local == remote


def test_push_then_every_named_query_matches_local(oxigraph_server, built, backend):
    graph = "https://example.org/graphs/every-query"
    r = CliRunner().invoke(main, ["push", "--endpoint", f"{oxigraph_server}/store", "--graph", graph,
                                  "--out", str(built)])
    assert r.exit_code == 0, r.output
    triples = len((built / "graph.nt").read_bytes().splitlines())
    assert f"pushed {triples} triples to {oxigraph_server}/store (graph {graph}); it holds {triples}" in r.output
    remote = Endpoint(f"{oxigraph_server}/query", graph)
    for name in sorted(named_queries()):
        q = load_query(name)
        assert _same_rows(run_query(backend, q, PARAMS.get(name, {})), run_query(remote, q, PARAMS.get(name, {})),
                          q), name


def test_oxigraph_gets_one_put_which_it_applies_whole(oxigraph_server, built, tmp_path):
    """kg push sends Oxigraph one PUT (its MOVE copies every triple): a PUT that fails changes nothing there."""
    import shutil

    graph = "https://example.org/graphs/one-put"
    r = CliRunner().invoke(main, ["push", "--endpoint", f"{oxigraph_server}/store", "--graph", graph,
                                  "--out", str(built)])
    assert r.exit_code == 0
    assert "the server is Oxigraph, which applies one PUT atomically: sent as one request" in r.output
    broken = tmp_path / "broken"
    shutil.copytree(built, broken)
    with open(broken / "graph.nt", "ab") as f:
        f.write(b"<urn:a> <urn:b> broken\n")
    r = CliRunner().invoke(main, ["push", "--endpoint", f"{oxigraph_server}/store", "--graph", graph,
                                  "--out", str(broken)])
    assert r.exit_code == 1
    assert f"the PUT into <{graph}> failed: " in r.output and "400" in r.output
    assert f"<{graph}> now holds 13217 triples" in r.output  # the old graph, whole


def test_push_into_the_default_graph_replaces_it(oxigraph_server, built):
    for _ in range(2):  # twice: the second push replaces the first, no duplicates
        r = CliRunner().invoke(main, ["push", "--endpoint", f"{oxigraph_server}/store", "--out", str(built)])
        assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["query", "documents", "--endpoint", f"{oxigraph_server}/query", "--format", "csv"])
    assert r.exit_code == 0 and len(r.output.splitlines()) == 5


def test_query_an_endpoint_with_a_timeout(oxigraph_server, built):
    graph = "https://example.org/graphs/zj-2017-24"
    r = CliRunner().invoke(main, ["push", "--endpoint", f"{oxigraph_server}/store", "--graph", graph,
                                  "--out", str(built)])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["query", "documents", "--endpoint", f"{oxigraph_server}/query", "--graph", graph,
                                  "--timeout", "30", "--format", "csv"])
    assert r.exit_code == 0 and "浙政办发〔2017〕76号" in r.output and len(r.output.splitlines()) == 5


def test_a_deep_query_is_refused_before_it_is_sent(oxigraph_server, tmp_path):
    path = tmp_path / "deep.rq"
    path.write_text(DEEP, encoding="utf-8")
    r = CliRunner().invoke(main, ["query", str(path), "--endpoint", f"{oxigraph_server}/query"])
    assert r.exit_code == 1
    assert r.output.startswith("Error: ") and "nests brackets 3000 levels deep" in r.output
    assert len(r.output.strip().splitlines()) == 1
    wait_http(f"{oxigraph_server}/query?query=ASK%7B%7D", 5)  # still up


def _serve(built, port, *extra):
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--out", str(built), "--port", str(port), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_http(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", proc=proc)
    servers = children(proc.pid)
    assert len(servers) == 1
    return proc, servers[0]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=["TERM", "HUP", "INT"])
def test_serve_stops_its_server_on_each_signal(built, sig):
    port = free_port()
    proc, server = _serve(built, port)
    try:
        r = CliRunner().invoke(main, ["query", "documents", "--endpoint", f"http://127.0.0.1:{port}/query", "--json"])
        assert r.exit_code == 0 and "浙政办发〔2017〕76号" in r.output
        req = urllib.request.Request(f"http://127.0.0.1:{port}/update", data=b"update=CLEAR ALL", method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        with pytest.raises(urllib.error.HTTPError):  # read-only
            urllib.request.urlopen(req, timeout=10)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == 0, err
    assert err.startswith(f"SPARQL endpoint: http://127.0.0.1:{port}/query")
    for _ in range(100):  # the server is the kernel's to reap once kg has waited for it
        if not running(server):
            break
        time.sleep(0.1)
    assert not running(server)
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", port)) != 0  # nothing answers on the port any more


def test_serve_outlives_a_deep_query_and_kills_its_server_with_it(built):
    port = free_port()
    proc, server = _serve(built, port, "--timeout", "20")
    try:
        form = urllib.parse.urlencode({"query": DEEP}).encode()
        req = urllib.request.Request(f"http://127.0.0.1:{port}/query", data=form,
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        with urllib.request.urlopen(req, timeout=60) as resp:
            assert resp.status == 200
        assert running(server) and children(proc.pid) == [server]  # answered, not aborted, not restarted
        proc.kill()  # kg itself dies without a chance to stop its server: the kernel stops it
        proc.wait()
        for _ in range(100):
            if not running(server):
                break
            time.sleep(0.1)
        assert not running(server)
    finally:
        proc.kill()
        proc.wait()


def test_serve_stops_a_query_at_its_timeout_and_restarts_a_crashed_server(built, tmp_path):
    port = free_port()
    proc, server = _serve(built, port, "--timeout", "1")
    try:
        path = tmp_path / "forever.rq"
        # a query the server's timeout does stop (its checks are coarse: a 3-way product ran 59 s past 1 s)
        path.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }", encoding="utf-8")
        r = CliRunner().invoke(main, ["query", str(path), "--endpoint", f"http://127.0.0.1:{port}/query"])
        assert r.exit_code == 1
        assert r.output.endswith("the server stopped the query at its own timeout (kg serve --timeout)\n")
        import os

        os.kill(server, signal.SIGABRT)  # what a stack overflow does to it
        for _ in range(300):
            again = [c for c in children(proc.pid) if c != server]
            if again:
                break
            time.sleep(0.1)
        wait_http(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", proc=proc)
        assert again and running(again[0]) and not running(server)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
        assert "the oxigraph server stopped (signal 6); restarting it" in err
        assert not running(again[0])
    finally:
        proc.kill()
        proc.wait()


def test_serve_on_a_port_in_use_is_one_line(built):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        r = CliRunner().invoke(main, ["serve", "--out", str(built), "--port", str(port)])
    assert r.exit_code == 1
    assert r.output == f"Error: port {port} on 127.0.0.1 is already in use (another kg serve?); choose another " \
                       "with --port\n"


def test_a_server_that_cannot_listen_is_one_line(built, monkeypatch):
    """The port is taken between kg's check and the server's start: the server's panic becomes one line."""
    import kg.sparql.server as server

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        monkeypatch.setattr(server, "check_port", lambda host, port: None)
        r = CliRunner().invoke(main, ["serve", "--out", str(built), "--port", str(port)])
    assert r.exit_code == 1
    assert r.output == f"Error: port {port} on 127.0.0.1 is already in use (another kg serve?); choose another " \
                       "with --port\n"
    assert "panicked" not in r.output and "backtrace" not in r.output


def test_unreachable_endpoint_is_one_line():
    port = free_port()
    r = CliRunner().invoke(main, ["query", "documents", "--endpoint", f"http://127.0.0.1:{port}/query"])
    assert r.exit_code == 1
    assert r.output == f"Error: http://127.0.0.1:{port}/query: cannot reach the server " \
                       "(connection refused or no such host)\n"
