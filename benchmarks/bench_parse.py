"""Extraction speed of this checkout against another one (an older commit), on the same synthetic corpus.

Run by hand: ``python benchmarks/bench_parse.py [--issues 40] [--rounds 5] [--against DIR]``.

``DIR`` is another checkout of kg (``git worktree add /tmp/base <commit>``).
Each round extracts every issue once in a fresh process per checkout, the two
checkouts taking turns, and the CPU time of the extraction alone (tables loaded
and one issue read first) is kept; the least of the rounds is printed, with
MB/s and the ratio against the other checkout. Taking turns and the least of
several rounds keep the ratio fair on a machine that is doing other work.
"""

import argparse
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


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--issues", type=int, default=40)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--documents", type=int, default=24,
                    help="policy documents per issue: 24 makes ~75 KB issues, as bench_corpus.py does")
    ap.add_argument("--against", type=Path, help="another checkout of kg to compare with")
    args = ap.parse_args()
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


if __name__ == "__main__":
    main()
