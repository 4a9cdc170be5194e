"""``kg build``: sources in, a graph, a report and a store out, all at once or not at all.

Outputs in the output folder:

- ``graph.ttl``: the graph as Turtle, byte-identical for the same input;
- ``graph.nt``: the same triples as N-Triples (for loading elsewhere); both
  hold the department table, then each source in turn, each part sorted;
- ``report.json``: per issue and document what was found, every notice and self-check;
- ``store/``: an Oxigraph store for fast SPARQL;
- ``cache/``: the records of each source, keyed by its content, so a rebuild
  re-parses only the files that changed.

Everything is written to a temporary folder beside the output and swapped in
when complete, so an interrupted or failed build leaves the previous outputs.
Sources are parsed in parallel, one process per core (:func:`_extract_all`),
and turned into N-Triples and Turtle the same way (:mod:`kg.build.writing`); the
store is then bulk-loaded from the N-Triples.
"""

from __future__ import annotations

import glob
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, KgError
from ..rdf.iris import DEFAULT_BASE

__all__ = ["BuildResult", "build", "collect_sources", "sample_sources"]

SOURCE_SUFFIXES = (".txt", ".text")


@dataclass
class BuildResult:
    """What a build did; ``reports`` are the per-issue reports of ``report.json``."""

    out_dir: Path
    reports: list
    skipped: list = field(default_factory=list)
    triples: int = 0
    parsed: int = 0
    cached: int = 0


def sample_sources() -> list[Path]:
    """The bundled sample issue (``data/`` beside the package)."""
    data = Path(__file__).resolve().parents[2] / "data"
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

    from .._version import __version__
    from .cache import FORMAT

    h = hashlib.sha256(data)
    h.update(f"\0{path}\0{encoding}\0{__version__}\0{table_digest}\0{FORMAT}".encode("utf-8"))
    return h.hexdigest()


def _extract_one(job):
    """Worker: extract one file; return ``(index, cache entry or None, error or None)``.

    The records travel pickled once: the parent keeps the bytes for the cache.
    """
    from .cache import entry_bytes
    from ..parse.extract import extract_file

    index, path, encoding = job
    try:
        return index, entry_bytes(extract_file(path, encoding=encoding)), None
    except KgError as exc:
        return index, None, str(exc)


@dataclass
class _Parsed:
    """What the build keeps of one source between its two passes: never the records themselves."""

    cache: Path | None = None  # its entry (summary, then records) in the new cache
    report: dict | None = None
    titles: dict = field(default_factory=dict)  # title → document number, as graph.numbers_by_title gives
    numbers: tuple = ()  # the numbers of the documents it publishes
    error: str | None = None


def _summary(entry, cache: Path) -> _Parsed:
    """What the build keeps of a cache entry (its bytes or its file), stored at ``cache``."""
    from .cache import read_summary

    report, titles, numbers = read_summary(entry)
    return _Parsed(cache, report, titles, numbers)


def _extract_all(paths, encoding, table, cache_dir: Path | None, new_cache: Path, jobs: int | None, progress):
    """First pass: every source's records into ``new_cache`` (reused where unchanged), summaries kept.

    Returns ``(list of _Parsed, number of files parsed)``.
    """
    import hashlib

    from .cache import entry_bytes
    from ..reference.organisations import load_table
    from .parallel import process_map, worker_count

    new_cache.mkdir(parents=True, exist_ok=True)
    table_digest = hashlib.sha256(repr([(o.id, o.name, o.aliases, o.valid_from, o.valid_to)
                                        for o in table.organisations]).encode("utf-8")).hexdigest()
    results: dict[int, _Parsed] = {}
    todo, keys = [], {}
    for k, (path, _) in enumerate(paths):
        try:
            data = path.read_bytes()
        except OSError:
            todo.append((k, path, encoding))  # the parser reports it
            continue
        keys[k] = key = _cache_key(data, path, encoding, table_digest)
        old = cache_dir / f"{key}.pickle" if cache_dir else None
        if old is not None and old.is_file():
            target = new_cache / old.name
            try:
                results[k] = _summary(old, target)
            except Exception:  # a stale or damaged cache entry is re-parsed  # noqa: BLE001
                pass
            else:
                os.link(old, target) if _same_device(old, new_cache) else shutil.copyfile(old, target)
                continue
        todo.append((k, path, encoding))

    def keep(k, data, error):
        if data is None:
            results[k] = _Parsed(error=error)
            return
        target = new_cache / f"{keys.get(k) or k}.pickle"
        target.write_bytes(data)
        results[k] = _summary(data, target)

    done = len(results)
    if progress:
        progress(done, len(paths))
    workers = worker_count(jobs, len(todo))
    if workers > 1 and table is load_table():
        for k, data, error in process_map(_extract_one, todo, workers):
            keep(k, data, error)
            done += 1
            if progress:
                progress(done, len(paths))
    else:
        from ..parse.extract import extract_file

        for k, path, enc in todo:
            try:
                keep(k, entry_bytes(extract_file(path, encoding=enc, table=table)), None)
            except KgError as exc:
                keep(k, None, str(exc))
            done += 1
            if progress:
                progress(done, len(paths))
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
    is called as ``progress(done, total)`` while they do. Records are held one
    issue at a time, so memory does not grow with the corpus.
    """
    from ..rdf.iris import Minter
    from ..reference.organisations import load_table

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
        parsed, count = _extract_all(paths, encoding, table, old_cache, tmp / "cache", jobs, progress)
        kept, skipped = [], []
        for (path, named), p in zip(paths, parsed):
            if p.error is not None:
                if named:  # raise the parser's own error (its type and message) for a file the user named
                    from ..parse.extract import extract_file

                    extract_file(path, encoding=encoding, table=table)
                    raise KgError(p.error)
                skipped.append((str(path), p.error))
            else:
                kept.append(p)
        if not kept:
            raise KgError("no source could be read: " + "; ".join(e for _, e in skipped))
        result = _write(kept, skipped, table, minter, tmp, out, jobs)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    result.parsed, result.cached = count, len(paths) - count
    return result


def _write(parsed, skipped, table, minter, tmp: Path, out: Path, jobs: int | None) -> BuildResult:
    """Second pass: graph and Turtle (on every core), report and store into ``tmp``, then swapped in."""
    from collections import Counter

    from ..reference.organisations import load_table
    from ..output import dump_json
    from .report import combine_reports
    from ..sparql.store import STORE_DIR, load_store
    from .writing import write_graph

    parsed = _drop_repeated_texts(parsed, skipped)
    titles: dict = {}  # first wins, source by source: numbers_by_title over the whole build
    for p in parsed:
        for title, number in p.titles.items():
            titles.setdefault(title, number)
    published = Counter(n for p in parsed for n in set(p.numbers))
    shared_numbers = frozenset(n for n, k in published.items() if k > 1)  # documents printed in several sources
    count = write_graph([p.cache for p in parsed], titles, shared_numbers, table, minter, tmp / "graph.nt",
                        tmp / "graph.ttl", tmp / "chunks", jobs, parallel=table is load_table())
    shutil.rmtree(tmp / "chunks", ignore_errors=True)
    report = combine_reports([p.report for p in parsed], skipped)
    report["totals"]["triples"] = count
    (tmp / "report.json").write_text(dump_json(report) + "\n", encoding="utf-8")
    load_store(tmp / "graph.nt", tmp / STORE_DIR)
    _swap_in(tmp, out)
    return BuildResult(out, [p.report for p in parsed], skipped, count)


def _drop_repeated_texts(parsed, skipped):
    """The first of sources holding the same text; the others join ``skipped``, named."""
    first, kept = {}, []
    for p in parsed:
        sha, name = p.report["sha256"], p.report["file"]
        if sha in first:
            skipped.append((name, f"{name}: the same text as {first[sha]}; read once"))
        else:
            first[sha] = name
            kept.append(p)
    return kept


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
