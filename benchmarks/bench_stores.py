"""Loading a 1 000-issue graph into other stores, through each path kg documents.

Run by hand: ``python benchmarks/bench_stores.py [--issues 500] [--work DIR] [--only oxigraph-load,...]``.
``--issues`` is per year (2017 and 2019, as ``kg dev synth DIR --issues 500 --years 2017,2019``:
1 000 issues). Every path starts from the same build and ends with a count of what the store
holds, which must be every triple:

- ``oxigraph-load``: ``oxigraph load --location DIR --file graph.nq.gz`` into a new store (offline);
- ``oxigraph-push``: ``kg push`` to an Oxigraph server on disk (PUT into a temporary graph, count, MOVE);
- ``oxigraph-put``: ``kg push --swap none`` to such a server (one PUT, which Oxigraph applies atomically);
- ``virtuoso-bulk``: Virtuoso's ``ld_dir`` + ``rdf_loader_run`` of the N-Quads export;
- ``virtuoso-push``: ``kg push`` to Virtuoso's ``/sparql-graph-crud`` (PUT, count, MOVE);
- ``jena-tdbloader``: ``tdb2.tdbloader`` of the N-Quads export (default loader, and ``--loader=parallel``).

Needs Debian's virtuoso-opensource-7-bin and libapache-jena-java (see .ci/run); paths whose
store is missing are skipped.
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build.build import build  # noqa: E402
from kg.dev.synth import write_corpus  # noqa: E402
from kg.sparql.backend import Endpoint  # noqa: E402
from kg.sparql.export import export  # noqa: E402
from kg.sparql.remote import push  # noqa: E402
from tests.servers import free_port, oxigraph_binary, stop, wait_http  # noqa: E402
from tests.stores import Jena, Virtuoso, missing  # noqa: E402
from timing import clock  # noqa: E402 (benchmarks/timing.py, beside this script)

GRAPH = "https://example.org/kg/corpus"
PATHS = ("oxigraph-load", "oxigraph-push", "oxigraph-put", "virtuoso-bulk", "virtuoso-push", "jena-tdbloader")
BASE = "https://w3id.org/kg-gazette/id/"


def count(url, graph=None) -> int:
    """Triples in ``graph``, or in all of kg's graphs (not the store's own, such as Virtuoso's system graphs)."""
    where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else \
        f'GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{BASE}"))'
    return Endpoint(url, timeout=3600).select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")[1][0][0]


def oxigraph_load(work, nq, _out):
    db = work / "oxigraph-load"
    _, seconds = clock("oxigraph load", lambda: subprocess.run(
        [oxigraph_binary(), "load", "--location", str(db), "--file", str(nq)], check=True, capture_output=True))
    import pyoxigraph as ox

    return seconds, len(ox.Store.read_only(str(db)))


def oxigraph_push(work, out, swap):
    """``kg push`` to a new Oxigraph server on disk: through a temporary graph (``move``) or one PUT (``none``)."""
    port = free_port()
    proc = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(work / f"oxigraph-server-{swap}"),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_http(f"{url}/query?query=ASK%7B%7D", proc=proc)
        _, seconds = clock(f"kg push --swap {swap} to an Oxigraph server",
                           lambda: push(out, f"{url}/store", GRAPH, swap=swap, timeout=7200))
        return seconds, count(f"{url}/query", GRAPH)
    finally:
        stop(proc)


def virtuoso_paths(work, nq, out, which):
    server = Virtuoso(work / "virtuoso", work / "virtuoso-load")
    results = {}
    try:
        server.start()
        if "virtuoso-bulk" in which:
            folder = server.load_dir / "export"
            folder.mkdir(parents=True)
            shutil.copy(nq, folder / nq.name)
            _, seconds = clock("Virtuoso ld_dir + rdf_loader_run", lambda: server.bulk_load(folder, "*.nq.gz",
                                                                                             "urn:kg:unused"))
            results["virtuoso-bulk"] = seconds, count(f"{server.url}/sparql")
        if "virtuoso-push" in which:
            _, seconds = clock("kg push to Virtuoso's Graph Store", lambda: push(
                out, f"{server.url}/sparql-graph-crud", GRAPH, timeout=7200))
            results["virtuoso-push"] = seconds, count(f"{server.url}/sparql", GRAPH)
    finally:
        server.stop()
    return results


def jena_tdbloader(work, nq, _out):
    jena = Jena(work / "jena")
    out = {}
    for parallel in (False, True):
        loc = work / f"tdb2-{'parallel' if parallel else 'default'}"
        _, seconds = clock(f"tdb2.tdbloader{' --loader=parallel' if parallel else ''}",
                           lambda: jena.load(loc, nq, parallel=parallel))
        q = work / "count.rq"
        q.write_text("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        data = jena.run("tdb2.tdbquery", "--loc", str(loc), "--results=json", "--query", str(q))
        import json

        out["jena-tdbloader" + (" (parallel)" if parallel else "")] = \
            seconds, int(json.loads(data)["results"]["bindings"][0]["n"]["value"])
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--issues", type=int, default=500, help="issues per year (two years)")
    ap.add_argument("--work", help="a folder to work in (default: a temporary one, removed after)")
    ap.add_argument("--only", default=",".join(PATHS), help=f"comma-separated, of {', '.join(PATHS)}")
    args = ap.parse_args()
    which = set(args.only.split(","))
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="kg-bench-stores-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        corpus, out = work / "corpus", work / "out"
        if not (out / "graph.nt").exists():
            clock(f"kg dev synth ({2 * args.issues} issues)", lambda: write_corpus(corpus, args.issues, (2017, 2019)))
            result, _ = clock("kg build", lambda: build([corpus], out))
        nq = work / "graph.nq.gz"
        exported, _ = clock("kg export --format nq.gz", lambda: export(out, nq, "nq.gz"))
        triples = exported.triples
        print(f"{triples} triples, {nq.stat().st_size / 1e6:.1f} MB gzipped N-Quads, "
              f"{(out / 'graph.nt').stat().st_size / 1e6:.1f} MB N-Triples")
        for old in work.iterdir():  # every store starts empty
            if old.name not in ("corpus", "out", nq.name):
                shutil.rmtree(old) if old.is_dir() else old.unlink()
        results = {}
        if "oxigraph-load" in which:
            results["oxigraph-load"] = oxigraph_load(work, nq, out)
        if "oxigraph-push" in which:
            results["oxigraph-push"] = oxigraph_push(work, out, "move")
        if "oxigraph-put" in which:
            results["oxigraph-put"] = oxigraph_push(work, out, "none")
        if which & {"virtuoso-bulk", "virtuoso-push"}:
            if missing("virtuoso"):
                print(f"Virtuoso skipped: {missing('virtuoso')}")
            else:
                results.update(virtuoso_paths(work, nq, out, which))
        if "jena-tdbloader" in which:
            if missing("jena"):
                print(f"Jena skipped: {missing('jena')}")
            else:
                results.update(jena_tdbloader(work, nq, out))
        print(f"\n| path | seconds | triples/s | store holds |\n|---|---|---|---|")
        for path, (seconds, holds) in results.items():
            ok = "" if holds == triples else f" (expected {triples})"
            print(f"| {path} | {seconds:.1f} | {triples / seconds:,.0f} | {holds}{ok} |")
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
