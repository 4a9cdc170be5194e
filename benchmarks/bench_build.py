"""Build time: kg's pipeline against a plain rdflib in-memory build of the same records.

Run by hand: ``python benchmarks/bench_build.py [--copies 100]``. The corpus is the
seed issue repeated with distinct document and issue numbers (so nodes do not merge).
Prints medians and the ratio baseline / kg (above 1 means kg is faster).
"""

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build.build import build  # noqa: E402
from kg.parse.extract import extract_file  # noqa: E402
from kg.build.summary import numbers_by_title  # noqa: E402
from kg.rdf.issue import issue_lines  # noqa: E402
from kg.rdf.organisations import organisation_lines  # noqa: E402
from kg.rdf.iris import Minter  # noqa: E402
from kg.reference.organisations import load_table  # noqa: E402

SEED = ROOT.parent / "shared" / "seeds" / "000_81eaf4dbb71cf20c.txt"
if not SEED.exists():
    SEED = ROOT / "data" / "zhejiang-gazette-2017-24.txt"


def make_corpus(folder: Path, copies: int) -> list[Path]:
    text = SEED.read_text("utf-8")
    paths = []
    for k in range(copies):
        variant = re.sub(r"(〔2017〕\s*)(\d+)(\s*号)", lambda m: f"{m.group(1)}{int(m.group(2)) + 1000 * k}{m.group(3)}", text)
        variant = variant.replace("第24期", f"第{k + 1}期").replace("第 24 期", f"第 {k + 1} 期")
        p = folder / f"issue-{k:04d}.txt"
        p.write_text(variant, encoding="utf-8")
        paths.append(p)
    return paths


def timed(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def rdflib_baseline(issues, out: Path):
    table, minter = load_table(), Minter()
    lines = organisation_lines(table, minter)
    titles = numbers_by_title(issues)
    for issue in issues:
        local, shared = issue_lines(issue, minter, table, titles)
        lines.extend(local + shared)
    from rdflib import Graph

    g = Graph().parse(data="".join(lines), format="nt")  # rdflib parses the lines into its memory store
    g.serialize(out / "graph.ttl", format="turtle")
    return len(g)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus"
        corpus.mkdir()
        for label, paths in (("seed", [SEED]), (f"{args.copies}x", make_corpus(corpus, args.copies))):
            repeat = args.repeat if label == "seed" else 1
            issues = [extract_file(p) for p in paths]
            t_extract = timed(lambda: [extract_file(p) for p in paths], repeat)
            out_dir = tmp / "kg-out"

            def fresh():
                shutil.rmtree(out_dir, ignore_errors=True)
                build(paths, out_dir)

            t_kg = timed(fresh, repeat)
            # Built again with every source in the cache: the graph stages alone (triples, Turtle, store, report).
            t_kg_graph = timed(lambda: build(paths, out_dir), repeat)
            t_rdflib = timed(lambda: rdflib_baseline(issues, tmp), repeat)
            out = (out_dir / "graph.nt").read_text("utf-8").count("\n")
            print(f"{label}: {out} triples; extraction (one core) {t_extract:.2f}s; kg build {t_kg:.2f}s; "
                  f"kg graph stages {t_kg_graph:.2f}s; rdflib memory graph+turtle {t_rdflib:.2f}s; "
                  f"ratio rdflib/kg (graph stages) {t_rdflib / max(t_kg_graph, 1e-9):.1f}x", flush=True)


if __name__ == "__main__":
    main()
