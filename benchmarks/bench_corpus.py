"""A 1 000-issue synthetic corpus: extraction, loading, the whole build, queries, analytics, correctness.

Run by hand: ``python benchmarks/bench_corpus.py [--issues 1000] [--rdflib-issues 50]``.
Prints each figure and the ratio against its baseline, then the rows of issue 18's table
(``| figure | this run | ratio | goal |``), ready for benchmarks/README.md:

- extraction (text → records) against the floor of one pass of three simple
  regexes over the same text (goal: within 10×; faster again on two cores);
- loading: kg's graph stage against pyoxigraph's own bulk load of the same
  triples;
- the whole build (text → store + report) against the bare load (goal ≤ 1.0×), peak memory under 2 GB;
- named queries on the embedded store against rdflib's engine (on a smaller slice:
  rdflib would take many minutes on the whole corpus);
- analytics on the corpus networks;
- correctness: extracted facts against the generated truth, issue by issue.
"""

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.api import BuiltGraph  # noqa: E402
from kg.build.build import build  # noqa: E402
from kg.build.parsing import parse_sources  # noqa: E402
from kg.dev.synth import differences, write_corpus  # noqa: E402
from kg.parse.extract import extract_file  # noqa: E402
from kg.rdf.namespaces import PREFIXES  # noqa: E402
from kg.reference.organisations import load_table  # noqa: E402
from kg.sparql.backend import LocalStore  # noqa: E402
from kg.sparql.queries import load_query, named_queries, run_query  # noqa: E402
from timing import clock  # noqa: E402 (benchmarks/timing.py, beside this script)

FLOOR = [re.compile(r"\((责任单位|牵头单位)[::][^)]*\)"), re.compile(r"到(\d{4})年[^。]*?达到(\d+(?:\.\d+)?)"),
         re.compile(r"[\u4e00-\u9fff]{1,8}〔\d{4}〕\d+号")]
PARAMS = {"tasks_of_department": {"department": "省发展改革委"}, "targets_by_year": {"year": "2019"},
          "targets_by_industry": {"industry": "信息"}, "citing_documents": {"number": "国发〔2012〕9号"},
          "honorees_by_city": {"city": "杭州市"}, "responsibility_sources": {"department": "省财政厅"},
          "documents_by_issuer": {"issuer": "省政府办公厅"}, "span_selectors": {"file": "2017-0001.txt"},
          "document_tree": {"number": "浙政办发〔2017〕1号"}, "responsibility_matrix": {"number": "浙政办发〔2017〕1号"}}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--issues", type=int, default=1000)
    ap.add_argument("--rdflib-issues", type=int, default=50)
    ap.add_argument("--queries-only", action="store_true",
                    help="only compare the named queries on Oxigraph and on rdflib's engine")
    ap.add_argument("--skip-extraction", action="store_true",
                    help="skip the extraction timings (the build still extracts everything)")
    ap.add_argument("--documents", type=int, default=24,
                    help="policy documents per issue: 24 makes ~75 KB issues, the size of a real one")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus"
        truth = json.loads(write_corpus(corpus, args.issues // 2, years=(2017, 2019),
                                        documents=args.documents).read_text("utf-8"))
        files = sorted(corpus.glob("*.txt"))
        texts = [f.read_text("utf-8") for f in files]
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        print(f"{len(files)} issues, {mb:.1f} MB")

        _, t_floor = clock("regex floor (three patterns, one core)",
                           lambda: [sum(1 for p in FLOOR for _ in p.finditer(t)) for t in texts])
        table = load_table()
        if args.queries_only:
            compare_queries(args, tmp, files)
            return print_rows()
        if args.skip_extraction:
            build_part(args, tmp, corpus, files)
            return print_rows()
        t_one, bad = 0.0, {}
        for f in files:  # one issue at a time: timing the extraction, then checking it against the truth
            t = time.perf_counter()
            issue = extract_file(f)
            t_one += time.perf_counter() - t
            wrong = differences(issue, truth[f.name])
            if wrong:
                bad[f.name] = wrong
        print(f"extraction, one core (records only): {t_one:.2f}s")
        print(f"  {mb / t_one:.1f} MB/s against the floor's {mb / t_floor:.1f} MB/s: {t_one / t_floor:.0f}x the floor")
        row("extraction, one core", f"{t_one:.1f} s", f"{t_one / t_floor:.0f}× the three-regex floor ({t_floor:.2f} s)",
            "≤ 20× the floor")
        print(f"correctness: {len(files) - len(bad)} of {len(files)} issues exactly as generated"
              + (f"; first differences: {list(bad.items())[:3]}" if bad else ""))
        _, t_one_cached = clock("extraction, one process, with the cache written",
                                lambda: parse_sources([(f, False) for f in files], None, table, None, tmp / "c1", 1,
                                                     None))
        _, t_two = clock("extraction, two processes, with the cache written",
                         lambda: parse_sources([(f, False) for f in files], None, table, None, tmp / "c2", 2, None))
        print(f"  {t_one_cached / t_two:.2f}x faster than one process")
        row("extraction, two processes vs one", f"{t_two:.1f} s vs {t_one_cached:.1f} s",
            f"{t_one_cached / t_two:.2f}×", "≥ 1.9×")
        shutil.rmtree(tmp / "c1")
        shutil.rmtree(tmp / "c2")

        build_part(args, tmp, corpus, files)
        print_rows()


def print_rows():
    print("\n| figure | this run | ratio | goal |\n|---|---|---|---|")
    for r in ROWS:
        print("| " + " | ".join(r) + " |")


def run_build(corpus, out):
    """``kg build`` in its own process; returns (seconds, peak MB of the build's processes together)."""
    import subprocess
    import threading

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", "build", str(corpus),
                             "--out", str(out)], env=env)
    peak = [0]

    def sample():
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss_kb(proc.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample)
    sampler.start()
    proc.wait()
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"kg build failed ({proc.returncode})")
    return time.perf_counter() - t, peak[0] / 1024


def tree_rss_kb(pid):
    """Resident memory of ``pid`` and its descendants, from /proc (kB)."""
    children, rss = {}, {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            status = (d / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        children.setdefault(int(fields["PPid"]), []).append(int(d.name))
        rss[int(d.name)] = int(fields.get("VmRSS", "0 kB").split()[0])
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, []))
    return total


ROWS = []  # (figure, this run, ratio, goal): the table printed at the end


def row(figure, measured, ratio, goal):
    ROWS.append((figure, measured, ratio, goal))
    print(f"  -> {figure}: {measured} ({ratio}; goal {goal})", flush=True)


def run_kg(*args):
    """A kg command in its own process, as a user runs it; returns its seconds."""
    import subprocess

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", *args], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def build_part(args, tmp, corpus, files, t_floor=None):
    """The whole build, rebuilds, loading, analytics and queries."""
    out = tmp / "kg-out"
    t_build, peak = run_build(corpus, out)
    triples = sum(1 for _ in open(out / "graph.nt", "rb"))
    print(f"whole build (kg build, parallel): {t_build:.2f}s, {triples} triples; peak memory {peak:.0f} MB "
          "(all its processes together)")
    import pyoxigraph as ox

    def bulk():
        store = ox.Store(str(tmp / "plain"))
        store.bulk_load(path=str(out / "graph.nt"), format=ox.RdfFormat.N_TRIPLES)
        store.flush()

    _, t_load = clock("pyoxigraph bulk load of the same triples (the bare load)", bulk)
    shutil.rmtree(tmp / "plain")
    row("whole build (text → store + report)", f"{t_build:.1f} s, peak {peak:.0f} MB",
        f"{t_build / t_load:.2f}× the bare bulk load ({t_load:.1f} s)", "≤ 1.0× the bare load, peak < 2 GB")
    for attempt in (1, 2):
        t_same, _ = run_build(corpus, out)
        print(f"rebuild with nothing changed ({attempt}): {t_same:.2f}s")
    row("rebuild with nothing changed", f"{t_same:.2f} s", f"{t_same / t_build:.3f} of a full build", "≤ 3 s")
    changed = corpus / files[len(files) // 2].name
    for attempt in (1, 2):
        text = changed.read_text("utf-8")
        changed.write_text(text.replace("加强", "切实加强", 1) if attempt == 1 else text.replace("切实加强", "加强", 1),
                           encoding="utf-8")
        t_one, _ = run_build(corpus, out)
        print(f"rebuild after one file changed ({attempt}): {t_one:.2f}s")
    row("rebuild after one file changed", f"{t_one:.2f} s", f"{t_one / t_build:.3f} of a full build", "≤ 10 s")

    graph = BuiltGraph(out)
    store = LocalStore(out, timeout=None)  # whole-corpus dumps may run past the default timeout: measure them whole
    _, t_assign = clock("assignments (from the table)", lambda: graph.assignments())
    from kg.analysis.assignments import query_assignments

    _, t_query_assign = clock("assignments by SPARQL (the three queries)", lambda: query_assignments(store))
    row("`assignments` (rows, the input of every network)", f"{t_assign:.2f} s from the table",
        f"SPARQL {t_query_assign:.1f} s: {t_query_assign / t_assign:.0f}×", "≤ 3 s")
    graph.labels()
    clock("centrality on the corpus (library, after assignments)", lambda: graph.centrality())
    clock("communities on the corpus (library, after assignments)", lambda: graph.communities())
    t_cent = run_kg("centrality", "--out", str(out))
    t_comm = run_kg("communities", "--out", str(out))
    row("`kg centrality` / `kg communities`, whole command", f"{t_cent:.1f} s / {t_comm:.1f} s", "",
        "whole command ≤ 10 s")
    total, each = 0.0, {}
    for name in sorted(named_queries()):
        t = time.perf_counter()
        _, found = run_query(store, load_query(name), PARAMS.get(name, {}))
        each[name] = time.perf_counter() - t
        total += each[name]
        print(f"  named query {name} on the corpus: {len(found)} rows, {each[name]:.1f}s", flush=True)
        if name == "tasks":
            tasks_rows = len(found)
    row("`tasks` query, every assignment", f"{each['tasks']:.1f} s ({tasks_rows} rows)",
        f"{tasks_rows / each['tasks']:.0f} rows/s", "≤ 10 s")
    row("all named queries on the corpus together", f"{total:.1f} s", "", "≤ 30 s")
    compare_queries(args, tmp, files)


def compare_queries(args, tmp, files):
    """Every named query on a slice of the corpus: Oxigraph against rdflib's own engine."""
    if True:
        small = tmp / "small"
        small.mkdir()
        for f in files[: args.rdflib_issues]:
            shutil.copy(f, small / f.name)
        build([small], tmp / "small-out")
        from rdflib import Graph

        g = Graph().parse(tmp / "small-out" / "graph.nt", format="nt")
        small_store = LocalStore(tmp / "small-out")
        total_ox = total_rdflib = 0.0
        from kg.sparql.names import GraphNames
        from kg.sparql.queries import bind_params, resolve_names, with_values

        names = GraphNames.from_backend(small_store)
        for name in sorted(named_queries()):
            q = load_query(name)
            values, _ = resolve_names(q, PARAMS.get(name, {}), names)  # rdflib is given the IRIs the names mean
            text = with_values(q.text, bind_params(q, values))
            t = time.perf_counter()
            run_query(small_store, q, PARAMS.get(name, {}))
            total_ox += time.perf_counter() - t
            t = time.perf_counter()
            list(g.query(text, initNs=PREFIXES))
            total_rdflib += time.perf_counter() - t
        print(f"named queries on {args.rdflib_issues} issues ({len(g)} triples): Oxigraph {total_ox:.2f}s, "
              f"rdflib {total_rdflib:.2f}s: {total_rdflib / total_ox:.0f}x")
        row(f"named queries on {args.rdflib_issues} issues, Oxigraph vs rdflib's engine",
            f"{total_ox:.2f} s vs {total_rdflib:.2f} s", f"{total_rdflib / total_ox:.0f}×", "keep ≥ 10×")


if __name__ == "__main__":
    main()
