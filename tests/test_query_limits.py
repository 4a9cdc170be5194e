"""What kg refuses or stops before a query can hurt: injected parameter names, deep or long queries, time, Ctrl-C."""

import signal
import socket
import subprocess
import sys
import threading
import time

import pytest
from click.testing import CliRunner

from kg.api import BuiltGraph
from kg.cli import main
from kg.errors import KgError, QueryError

from .servers import children, running

#: The parameter name of issue 13, item 8: it tried to close the VALUES block and open its own.
INJECTED = 'b_inj) { ("1") } VALUES (?department) { ("省质监局"@zh) } #'
DEEP = "SELECT * WHERE " + "{ " * 3000 + "?s ?p ?o " + "} " * 3000
CHAINED = "SELECT * WHERE { FILTER(" + " && ".join(["true"] * 10_000) + ") }"
FOREVER = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 13 217³ rows


def _one_line_error(r):
    assert r.exit_code == 1, r.output
    assert r.output.startswith("Error: ") and len(r.output.strip().splitlines()) == 1, r.output
    return r.output


@pytest.fixture(scope="module")
def endpoint(oxigraph_server, built):
    graph = "https://example.org/graphs/limits"
    r = CliRunner().invoke(main, ["push", "--endpoint", f"{oxigraph_server}/store", "--graph", graph,
                                  "--out", str(built)])
    assert r.exit_code == 0, r.output
    return f"{oxigraph_server}/query", graph


def test_the_injected_parameter_name_is_refused_on_the_cli_the_api_and_an_endpoint(built, endpoint):
    url, graph = endpoint
    refusal = (f"query 'tasks_of_department' declares no parameter {INJECTED!r}; it takes: department")
    for where in ([], ["--endpoint", url, "--graph", graph]):
        r = CliRunner().invoke(main, ["query", "tasks_of_department", "--out", str(built), *where,
                                      "--param", f"{INJECTED}=v", "--param", "department=NOBODY"])
        assert _one_line_error(r) == f"Error: {refusal}\n"
        r = CliRunner().invoke(main, ["query", "tasks_of_department", "--out", str(built), *where,
                                      "--param", f"department=NOBODY{INJECTED}", "--json"])
        # a name no organisation has is refused with the nearest names, never bound: an organisation is an IRI
        assert _one_line_error(r).startswith(f"Error: no department {'NOBODY' + INJECTED!r} in the graph; did you ")
    for g in (BuiltGraph(built), BuiltGraph(built, url, graph)):
        with g:
            with pytest.raises(QueryError) as info:
                g.query("tasks_of_department", **{INJECTED: "v", "department": "NOBODY"})
            assert str(info.value) == refusal
            with pytest.raises(KgError, match="no department 'NOBODY' in the graph"):
                g.query("tasks_of_department", department="NOBODY")
            assert len(g.query("tasks_of_department", department="省质监局")) == 22  # the rows the injection got


@pytest.mark.parametrize("text,says", [(DEEP, "nests brackets 3000 levels deep"),
                                       (CHAINED, "chains 10000 operators and joins")], ids=["deep", "chained"])
def test_a_query_that_would_crash_the_engine_is_refused(built, tmp_path, text, says):
    path = tmp_path / "q.rq"
    path.write_text(text, encoding="utf-8")
    assert says in _one_line_error(CliRunner().invoke(main, ["query", str(path), "--out", str(built)]))
    r = subprocess.run([sys.executable, "-m", "kg.cli", "query", str(path), "--out", str(built)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and says in r.stderr  # not 139: the process lives to say it
    with BuiltGraph(built) as g, pytest.raises(QueryError, match=says):
        g.sparql(text)


def test_a_long_query_stops_at_its_timeout_and_frees_its_cores(built, tmp_path):
    path = tmp_path / "forever.rq"
    path.write_text(FOREVER, encoding="utf-8")
    out = _one_line_error(CliRunner().invoke(main, ["query", str(path), "--out", str(built), "--timeout", "1"]))
    assert "the query ran longer than the timeout (1 s) and was stopped" in out
    with BuiltGraph(built, timeout=1) as g:
        g.sparql("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
        worker = g.backend.worker._proc.pid
        with pytest.raises(QueryError, match=r"ran longer than the timeout \(1 s\)"):
            g.sparql(FOREVER)
        assert not running(worker)  # killed, not left computing
        assert len(g.query("documents")) == 4  # the next query gets a new worker


def test_ctrl_c_stops_a_long_local_query_at_once(built, tmp_path):
    path = tmp_path / "forever.rq"
    path.write_text(FOREVER, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "query", str(path), "--out", str(built), "--timeout", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(300):  # until the worker runs the query
            workers = children(proc.pid)
            if workers:
                break
            time.sleep(0.1)
        time.sleep(1)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)  # before the fix, Ctrl-C waited for the query to finish
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == 1 and err.strip().endswith("Aborted!")
    assert workers and not any(running(w) for w in workers)


def test_a_crash_of_the_engine_is_one_line():
    import os

    from kg.sparql.worker import Worker

    w = Worker(os.getpid)
    try:
        with pytest.raises(QueryError, match=r"^the SPARQL engine crashed while running the query \(signal 11\)$"):
            w.call(os.kill, signal.SIGSEGV, timeout=60)
        assert not w.alive()
    finally:
        w.close()


def test_an_endpoint_that_never_answers_times_out():
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        accepted = []
        threading.Thread(target=lambda: accepted.append(silent.accept()), daemon=True).start()
        r = CliRunner().invoke(main, ["query", "documents", "--endpoint", f"http://127.0.0.1:{port}/query",
                                      "--timeout", "1"])
        for conn, _ in accepted:
            conn.close()
    assert _one_line_error(r) == f"Error: http://127.0.0.1:{port}/query: the server did not answer in time " \
                                 "(--timeout)\n"


def test_a_bad_timeout_is_one_line(built):
    r = CliRunner().invoke(main, ["query", "documents", "--out", str(built), "--timeout", "-1"])
    assert _one_line_error(r) == "Error: a timeout is a number of seconds (0 for none), not -1.0\n"
