"""``kg build``: sources in, a graph, a report and a store out, all at once or not at all.

Outputs in the output folder:

- ``graph.ttl``: the graph as Turtle, triples sorted, byte-identical for the same input;
- ``graph.nt``: the same triples as sorted N-Triples (for loading elsewhere);
- ``report.json``: per issue and document what was found, every notice and self-check;
- ``store/``: an Oxigraph store for fast SPARQL.

Everything is written to a temporary folder beside the output and swapped in
when complete, so an interrupted or failed build leaves the previous outputs.
"""

from __future__ import annotations

import glob
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, KgError
from .iris import DEFAULT_BASE

__all__ = ["BuildResult", "build", "collect_sources", "sample_sources"]

SOURCE_SUFFIXES = (".txt", ".text")


@dataclass
class BuildResult:
    out_dir: Path
    issues: list
    skipped: list = field(default_factory=list)
    triples: int = 0


def sample_sources() -> list[Path]:
    """The bundled sample issue (``data/`` beside the package)."""
    data = Path(__file__).resolve().parent.parent / "data"
    files = sorted(p for p in data.glob("*.txt")) if data.is_dir() else []
    if not files:
        raise KgError("no sources given and no bundled sample found (data/*.txt); name the files to build")
    return files


def collect_sources(sources) -> list[tuple[Path, bool]]:
    """Expand files, folders and globs into ``(path, named_explicitly)`` pairs.

    Folders are searched recursively for ``.txt`` files; the order is sorted,
    so builds do not depend on the file system's order.
    """
    out = []
    for s in sources:
        s = str(s)
        if any(ch in s for ch in "*?[") and not Path(s).exists():
            matches = sorted(glob.glob(s, recursive=True))
            if not matches:
                raise InputError(s, "no files match this pattern")
            out.extend((Path(m), False) for m in matches if Path(m).is_file())
            continue
        p = Path(s)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SOURCE_SUFFIXES)
            if not found:
                raise InputError(s, "folder holds no .txt files")
            out.extend((f, False) for f in found)
        else:
            out.append((p, True))
    seen, unique = set(), []
    for p, named in out:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append((p, named))
    return unique


def build(sources=(), out_dir="kg-out", base: str = DEFAULT_BASE, encoding: str | None = None,
          table=None) -> BuildResult:
    """Build the graph of ``sources`` (the bundled sample when empty) into ``out_dir``."""
    from .extract import extract_file
    from .graph import issue_triples, numbers_by_title, organisation_triples
    from .iris import Minter
    from .namespaces import PREFIXES
    from .organisations import load_table
    from .ntriples import ntriples_lines
    from .output import dump_json
    from .report import build_report
    from .store import STORE_DIR, load_store, write_turtle

    table = table or load_table()
    minter = Minter(base)
    paths = collect_sources(sources) if sources else [(p, True) for p in sample_sources()]
    issues, skipped = [], []
    for path, named in paths:
        try:
            issues.append(extract_file(path, encoding=encoding, table=table))
        except KgError as exc:
            if named:
                raise
            skipped.append((str(path), str(exc)))
    if not issues:
        raise KgError("no source could be read: " + "; ".join(e for _, e in skipped))

    triples = organisation_triples(table, minter)
    titles = numbers_by_title(issues)
    for issue in issues:
        triples.extend(issue_triples(issue, minter, table, titles))
    lines = ntriples_lines(triples)
    ntriples = "".join(lines).encode("utf-8")
    report = build_report(issues, skipped)
    report["totals"]["triples"] = len(lines)

    out = Path(out_dir)
    tmp = out.parent / f".{out.name}.partial-{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    try:
        (tmp / "graph.nt").write_bytes(ntriples)
        write_turtle(ntriples, tmp / "graph.ttl", PREFIXES)
        (tmp / "report.json").write_text(dump_json(report) + "\n", encoding="utf-8")
        load_store(ntriples, tmp / STORE_DIR)
        _swap_in(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return BuildResult(out, issues, skipped, len(lines))


def _swap_in(tmp: Path, out: Path) -> None:
    """Replace ``out`` with ``tmp`` in two renames; the old outputs go last."""
    if out.exists() and not (out / "report.json").exists() and any(out.iterdir()):
        raise KgError(f"{out}: exists and is not a kg output folder; choose another --out")
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    if out.exists():
        out.rename(old)
    tmp.rename(out)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)
