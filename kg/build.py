"""``kg build``: sources in, a graph, a report and a store out, all at once or not at all.

Outputs in the output folder:

- ``graph.ttl``: the graph as Turtle, triples sorted, byte-identical for the same input;
- ``graph.nt``: the same triples as sorted N-Triples (for loading elsewhere);
- ``report.json``: per issue and document what was found, every notice and self-check;
- ``store/``: an Oxigraph store for fast SPARQL;
- ``cache/``: the records of each source, keyed by its content, so a rebuild
  re-parses only the files that changed.

Everything is written to a temporary folder beside the output and swapped in
when complete, so an interrupted or failed build leaves the previous outputs.
Sources are parsed in parallel, one process per core.
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
    parsed: int = 0
    cached: int = 0


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


def _cache_key(data: bytes, path: Path, encoding, table_digest: str) -> str:
    import hashlib

    from . import __version__

    h = hashlib.sha256(data)
    h.update(f"\0{path}\0{encoding}\0{__version__}\0{table_digest}".encode("utf-8"))
    return h.hexdigest()


def _extract_one(job):
    """Worker: extract one file; return ``(index, pickled records or None, error or None)``.

    The records travel pickled once: the parent keeps the bytes for the cache.
    """
    import pickle

    from .extract import extract_file

    index, path, encoding = job
    try:
        return index, pickle.dumps(extract_file(path, encoding=encoding), pickle.HIGHEST_PROTOCOL), None
    except KgError as exc:
        return index, None, str(exc)


def _extract_all(paths, encoding, table, cache_dir: Path | None, new_cache: Path, jobs: int | None, progress):
    """Records of every path, from the cache where the content is unchanged, else parsed in parallel."""
    import hashlib
    import pickle

    from .organisations import load_table

    table_digest = hashlib.sha256(repr([(o.id, o.name, o.aliases, o.valid_from, o.valid_to)
                                        for o in table.organisations]).encode("utf-8")).hexdigest()
    results, todo, keys, fresh = {}, [], {}, {}
    for k, (path, _) in enumerate(paths):
        try:
            data = path.read_bytes()
        except OSError:
            todo.append((k, path, encoding))  # the parser reports it
            continue
        keys[k] = _cache_key(data, path, encoding, table_digest)
        cached = cache_dir / f"{keys[k]}.pickle" if cache_dir else None
        if cached is not None and cached.is_file():
            try:
                results[k] = (pickle.loads(cached.read_bytes()), None)
                continue
            except Exception:  # a stale or damaged cache entry is re-parsed  # noqa: BLE001
                pass
        todo.append((k, path, encoding))
    done = len(results)
    if progress:
        progress(done, len(paths))
    workers = min(jobs or os.cpu_count() or 1, len(todo))
    if workers > 1 and table is load_table():
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            outcomes = pool.map(_extract_one, todo, chunksize=max(1, len(todo) // (workers * 8)))
            for k, data, error in outcomes:
                if data is not None:
                    fresh[k] = data
                results[k] = (pickle.loads(data) if data is not None else None, error)
                done += 1
                if progress:
                    progress(done, len(paths))
    else:
        from .extract import extract_file

        for k, path, enc in todo:
            try:
                results[k] = (extract_file(path, encoding=enc, table=table), None)
            except KgError as exc:
                results[k] = (None, str(exc))
            done += 1
            if progress:
                progress(done, len(paths))
    new_cache.mkdir(parents=True, exist_ok=True)
    for k, (issue, _) in results.items():
        if issue is not None and k in keys:
            target = new_cache / f"{keys[k]}.pickle"
            old = cache_dir / target.name if cache_dir else None
            if k in fresh:
                target.write_bytes(fresh[k])
            elif old is not None and old.is_file():
                os.link(old, target) if _same_device(old, new_cache) else shutil.copyfile(old, target)
            else:
                target.write_bytes(pickle.dumps(issue, protocol=pickle.HIGHEST_PROTOCOL))
    return [results[k] for k in range(len(paths))], len(todo)


def _same_device(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_dev == b.stat().st_dev
    except OSError:
        return False


def build(sources=(), out_dir="kg-out", base: str = DEFAULT_BASE, encoding: str | None = None,
          table=None, jobs: int | None = None, progress=None) -> BuildResult:
    """Build the graph of ``sources`` (the bundled sample when empty) into ``out_dir``.

    ``jobs`` processes parse the sources (default: one per core); ``progress``
    is called as ``progress(done, total)`` while they do.
    """
    from .iris import Minter
    from .organisations import load_table

    table = table or load_table()
    minter = Minter(base)
    paths = collect_sources(sources) if sources else [(p, True) for p in sample_sources()]
    out = Path(out_dir)
    tmp = out.parent / f".{out.name}.partial-{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    try:
        old_cache = out / "cache" if (out / "cache").is_dir() else None
        outcomes, parsed = _extract_all(paths, encoding, table, old_cache, tmp / "cache", jobs, progress)
        issues, skipped = [], []
        for (path, named), (issue, error) in zip(paths, outcomes):
            if error is not None:
                if named:  # raise the parser's own error (its type and message) for a file the user named
                    from .extract import extract_file

                    extract_file(path, encoding=encoding, table=table)
                    raise KgError(error)
                skipped.append((str(path), error))
            else:
                issues.append(issue)
        if not issues:
            raise KgError("no source could be read: " + "; ".join(e for _, e in skipped))
        result = _write(issues, skipped, table, minter, tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    result.parsed, result.cached = parsed, len(paths) - parsed
    return result


def _write(issues, skipped, table, minter, tmp: Path, out: Path) -> BuildResult:
    """Graph, Turtle, report and store into ``tmp``, then swapped in as ``out``."""
    from .graph import issue_triples, numbers_by_title
    from .graph_organisations import organisation_triples
    from .namespaces import PREFIXES
    from .ntriples import LineSet
    from .output import dump_json
    from .report import build_report
    from .store import STORE_DIR, load_store, write_turtle

    # Each issue's triples become lines at once, so no more than one issue's terms are held.
    unique = LineSet()
    unique.add(organisation_triples(table, minter))
    titles = numbers_by_title(issues)
    for issue in issues:
        unique.add(issue_triples(issue, minter, table, titles))
    lines = unique.sorted()
    del unique
    count = len(lines)
    with open(tmp / "graph.nt", "w", encoding="utf-8", newline="\n") as f:
        f.writelines(lines)
    del lines
    report = build_report(issues, skipped)
    report["totals"]["triples"] = count
    write_turtle(tmp / "graph.nt", tmp / "graph.ttl", PREFIXES)
    (tmp / "report.json").write_text(dump_json(report) + "\n", encoding="utf-8")
    load_store(tmp / "graph.nt", tmp / STORE_DIR)
    _swap_in(tmp, out)
    return BuildResult(out, issues, skipped, count)


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
