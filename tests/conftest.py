"""Shared fixtures. The seed is read from ../shared (as CI lays it out), else from data/.

Golden files: ``pytest --update-golden`` rewrites the snapshots in tests/golden/
instead of comparing against them.
"""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_SEED = ROOT.parent / "shared" / "seeds" / "000_81eaf4dbb71cf20c.txt"
SAMPLE = ROOT / "data" / "zhejiang-gazette-2017-24.txt"
SEED = SHARED_SEED if SHARED_SEED.exists() else SAMPLE
GOLDEN = ROOT / "tests" / "golden"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite golden files instead of comparing with them")


@pytest.fixture(scope="session")
def seed_path():
    return SEED


@pytest.fixture(scope="session")
def seed_issue():
    from kg.parse.extract import extract_file

    return extract_file(SEED)


@pytest.fixture(scope="session")
def docs(seed_issue):
    return {d.number: d for d in seed_issue.documents}


def _text_diff(expected: str, actual: str, limit: int = 40) -> str:
    import difflib

    lines = list(difflib.unified_diff(expected.splitlines(), actual.splitlines(), "golden", "now", lineterm="", n=1))
    return "\n".join(lines[:limit]) + ("\n…" if len(lines) > limit else "")


def graph_diff_text(expected: str, actual: str, limit: int = 20) -> str:
    """The triples only in one of two N-Triples texts, compared as graphs (rdflib.compare)."""
    from rdflib import Graph
    from rdflib.compare import graph_diff, to_isomorphic

    a = to_isomorphic(Graph().parse(data=expected, format="nt"))
    b = to_isomorphic(Graph().parse(data=actual, format="nt"))
    _, only_golden, only_now = graph_diff(a, b)
    out = [f"{len(only_golden)} triple(s) only in the golden file, {len(only_now)} only now"]
    for label, part in (("-", only_golden), ("+", only_now)):
        out += [f"{label} {line}" for line in sorted(part.serialize(format="nt").splitlines())[:limit]]
    return "\n".join(out)


@pytest.fixture
def golden(request):
    """Compare text with a golden file in tests/golden/, or rewrite it under --update-golden.

    A difference fails with a readable diff: for ``.nt`` files the triples only
    on one side (compared as graphs), otherwise a unified diff.
    """
    update = request.config.getoption("--update-golden")

    def check(name: str, text: str):
        path = GOLDEN / name
        if update or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            if not update:
                pytest.fail(f"golden file {name} was missing and has been written; run again")
            return
        expected = path.read_text(encoding="utf-8")
        if text != expected:
            diff = graph_diff_text(expected, text) if name.endswith(".nt") else _text_diff(expected, text)
            pytest.fail(f"differs from golden {name} (if the change is intended, run pytest --update-golden):\n{diff}")

    return check


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The seed built once into a temporary output folder."""
    from kg.build.build import build

    out = tmp_path_factory.mktemp("build") / "kg-out"
    build([SEED], out)
    return out


@pytest.fixture(scope="session")
def backend(built):
    """The built seed's embedded store."""
    from kg.sparql.backend import LocalStore

    store = LocalStore(built)
    yield store
    store.close()


@pytest.fixture(scope="session")
def graph(built):
    """The built seed behind the library's face (:class:`kg.api.BuiltGraph`)."""
    from kg.api import BuiltGraph

    with BuiltGraph(built) as g:
        yield g


@pytest.fixture(scope="session")
def run(graph):
    """Run a named query on the built seed: run(name, **params) -> list of dicts."""

    def _run(name, **params):
        return graph.query(name, **params).records()

    return _run


def _oxigraph(*location):
    import subprocess

    from .servers import free_port, oxigraph_binary, stop, wait_http

    port = free_port()
    proc = subprocess.Popen([oxigraph_binary(), "serve", *location, "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_http(f"{base}/query?query=ASK%7B%7D", proc=proc)
        yield base
    finally:
        stop(proc)


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """A real Oxigraph server (read-write, on disk) on a free loopback port, for the whole session."""
    yield from _oxigraph("--location", str(tmp_path_factory.mktemp("oxi")))


@pytest.fixture(scope="session")
def oxigraph_memory_server():
    """A real Oxigraph server holding its data in memory (its updates take milliseconds), for the whole session."""
    yield from _oxigraph()


def pytest_sessionfinish(session, exitstatus):
    """Nothing the session started may outlive it: a server left running fails the run (and is stopped)."""
    import gc
    import os
    import signal

    from .servers import children, processes_mentioning

    gc.collect()  # query workers of stores no test holds any more stop as their stores are collected
    base = getattr(session.config, "_tmp_path_factory", None)
    leftover = {pid: f"pid {pid}" for pid in children(os.getpid())}
    if base is not None:
        root = str(base.getbasetemp())
        leftover.update({pid: args for pid, args in processes_mentioning(root)})
    if leftover:
        for pid in leftover:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        print("\nprocesses left running by the tests (now killed):\n  " + "\n  ".join(leftover.values()))
        session.exitstatus = 1
