"""How many organisation names of a corpus resolve, measured on the project's own extraction (run by hand).

    python benchmarks/corpus_resolution.py [CORPUS_DIR] [--top N] [--json FILE]

Runs ``kg extract`` (JSON) over every ``*.txt`` of the corpus (default ``../shared/corpus``), then
counts the responsible-unit mentions (every task's responsibilities) and the issuers that resolve, how
they resolved (the mentions' ``reason``), the documents' jurisdictions by clue, and lists the names
that remain with their reason, candidates, count and where they occur. The figures are in the README
of ``benchmarks/``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def extract(files: list[Path]) -> dict:
    """``kg extract`` JSON of ``files`` (the command line, as a user runs it)."""
    out = subprocess.run([sys.executable, "-m", "kg.cli", "extract", *map(str, files)], capture_output=True,
                         text=True, check=True).stdout
    return json.loads(out)


def mentions(data: dict):
    """``(role, mention record, where, jurisdiction)`` for every issuer and responsible unit."""
    for issue in data["issues"]:
        name = Path(issue["file"]).name
        for doc in issue["documents"]:
            label = f"{name}:{doc['number'] or doc['title'][:16]}"
            for m in doc["issuers"]:
                yield "issuer", m, f"{label}:{m['span']['line']}", doc["jurisdiction"]
            for task in doc["tasks"]:
                for r in task["responsibilities"]:
                    yield "responsible", r["org"], f"{label}:{r['org']['span']['line']}", doc["jurisdiction"]


def measure(data: dict) -> dict:
    totals: dict = defaultdict(Counter)
    remaining: dict = defaultdict(list)
    for role, m, where, jurisdiction in mentions(data):
        totals[role]["all"] += 1
        totals[role]["resolved" if m["resolved"] else "unresolved"] += 1
        totals[role + " by reason"][m["reason"]] += 1
        if not m["resolved"]:
            remaining[(role, m["mention"], m["reason"], tuple(m["candidates"]))].append((where, jurisdiction))
    clues = Counter(doc["jurisdiction_reason"].split(":")[0] for issue in data["issues"]
                    for doc in issue["documents"])
    rows = [{"role": role, "mention": mention, "reason": reason, "candidates": list(candidates),
             "count": len(places), "where": [w for w, _ in places[:5]],
             "jurisdictions": sorted({j or "(undecided)" for _, j in places})}
            for (role, mention, reason, candidates), places in remaining.items()]
    rows.sort(key=lambda r: (-r["count"], r["role"], r["mention"]))
    return {"files": len(data["issues"]), "documents": sum(len(i["documents"]) for i in data["issues"]),
            "totals": {k: dict(v) for k, v in totals.items()}, "jurisdiction_clues": dict(clues),
            "unresolved": rows}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--top", type=int, default=40, help="how many remaining names to list")
    parser.add_argument("--json", help="write the whole measure as JSON to this file")
    args = parser.parse_args(argv)
    files = sorted(Path(args.corpus).glob("*.txt"))
    if not files:
        print(f"no .txt files in {args.corpus}", file=sys.stderr)
        return 1
    result = measure(extract(files))
    print(f"{result['files']} files, {result['documents']} documents")
    for role in ("responsible", "issuer"):
        t = result["totals"].get(role, Counter())
        share = t.get("resolved", 0) / t["all"] if t.get("all") else 0.0
        print(f"{role:12} {t.get('resolved', 0):5} of {t.get('all', 0):5} resolve ({share:.1%})")
        print("             by reason: " + ", ".join(f"{k} {v}" for k, v in sorted(
            result["totals"].get(role + " by reason", {}).items(), key=lambda kv: -kv[1])))
    print("jurisdictions by clue: " + ", ".join(f"{k} {v}" for k, v in sorted(
        result["jurisdiction_clues"].items(), key=lambda kv: -kv[1])))
    print(f"\nremaining ({len(result['unresolved'])} names), most frequent first:")
    for r in result["unresolved"][:args.top]:
        candidates = f" candidates {', '.join(r['candidates'])}" if r["candidates"] else ""
        print(f"{r['count']:4} {r['role']:11} {r['mention']!r} [{r['reason']}]{candidates} — {r['where'][0]}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
