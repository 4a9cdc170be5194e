"""Extraction speed of this checkout against another one (an older commit), on the same synthetic corpus.

Run by hand: ``python benchmarks/bench_parse.py [--issues 40] [--rounds 5] [--against DIR] [--instructions]``.

``DIR`` is another checkout of kg (``git worktree add /tmp/base <commit>``).
Each round extracts every issue once in a fresh process per checkout, the two
checkouts taking turns, and the CPU time of the extraction alone (tables loaded
and one issue read first) is kept; the least of the rounds is printed, with
MB/s and the ratio against the other checkout. Taking turns and the least of
several rounds keep the ratio fair on a machine that is doing other work.

``--instructions`` also counts the machine instructions of the extraction
under valgrind's callgrind (a run of every issue less a run of the warm-up
issue alone): a figure that does not move with the machine's load, where CPU
times on a shared host scatter by a third from round to round.
"""

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.dev.synth import write_corpus  # noqa: E402

_ONE_ROUND = """
import glob, sys, time
sys.path.insert(0, sys.argv[1])
from kg.parse.extract import extract_file
files = sorted(glob.glob(sys.argv[2] + "/*.txt"))
extract_file(files[0])
if len(sys.argv) > 3:  # counting instructions: the warm-up alone, or every issue without timing
    for f in files[:int(sys.argv[3])]:
        extract_file(f)
    sys.exit()
start = time.process_time()
for f in files:
    extract_file(f)
print(time.process_time() - start)
"""


def one_round(checkout: Path, corpus: Path) -> float:
    """CPU seconds one process of ``checkout`` takes to extract every issue of ``corpus``."""
    done = subprocess.run([sys.executable, "-c", _ONE_ROUND, str(checkout), str(corpus)],
                          check=True, capture_output=True, text=True)
    return float(done.stdout.split()[-1])


def instructions(checkout: Path, corpus: Path) -> int:
    """Machine instructions ``checkout`` executes to extract every issue of ``corpus`` (the warm-up taken off)."""
    def count(n):
        done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
                               "-c", _ONE_ROUND, str(checkout), str(corpus), str(n)],
                              check=True, capture_output=True, text=True)
        return int(re.search(r"Collected : (\d+)", done.stderr).group(1))
    return count(len(list(corpus.glob("*.txt")))) - count(0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--issues", type=int, default=40)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--documents", type=int, default=24,
                    help="policy documents per issue: 24 makes ~75 KB issues, as bench_corpus.py does")
    ap.add_argument("--against", type=Path, help="another checkout of kg to compare with")
    ap.add_argument("--instructions", action="store_true", help="also count instructions under valgrind")
    args = ap.parse_args()
    if args.instructions and shutil.which("valgrind") is None:
        ap.error("--instructions needs valgrind (apt install valgrind)")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, args.issues // 2, years=(2017, 2019), documents=args.documents)
        mb = sum(f.stat().st_size for f in corpus.glob("*.txt")) / 1e6
        checkouts = [ROOT] + ([args.against.resolve()] if args.against else [])
        seconds = {c: [] for c in checkouts}
        for _ in range(args.rounds):
            for c in checkouts:
                seconds[c].append(one_round(c, corpus))
        print(f"{len(list(corpus.glob('*.txt')))} issues, {mb:.1f} MB, least of {args.rounds} rounds (CPU time)")
        for c in checkouts:
            best = min(seconds[c])
            print(f"  {c}: {best:.2f} s, {mb / best:.2f} MB/s")
        if args.against:
            ratio = min(seconds[ROOT]) / min(seconds[args.against.resolve()])
            print(f"  this checkout takes {ratio:.2f}x the time of {args.against}")
        if args.instructions:
            counts = {c: instructions(c, corpus) for c in checkouts}
            for c in checkouts:
                print(f"  {c}: {counts[c] / 1e6:,.0f} million instructions")
            if args.against:
                ratio = counts[ROOT] / counts[args.against.resolve()]
                print(f"  this checkout executes {ratio:.2f}x the instructions of {args.against}")


if __name__ == "__main__":
    main()
