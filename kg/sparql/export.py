"""``kg export``: a build as one file for a store's bulk loader, N-Quads with a named graph per source.

In N-Quads (``nq``, ``nq.gz``) each source's own lines (its spans, its
documents and their parts) are in the graph named by the source's IRI
(``…/source/81eaf4dbb71cf20c``), and the lines several sources can give
(organisations and the departments above them, cited documents, industries, places,
issues) in one graph of their own (``…/graph/shared``), so a team can drop
and reload one source without touching the rest. ``nt``, ``nt.gz`` and
``ttl`` are the build's ``graph.nt`` and ``graph.ttl`` as they are (Turtle is
made from ``graph.nt`` when the build wrote none: :mod:`kg.build.turtle`).

Which line came from which source is not in ``graph.nt``: the export reads
the build's cache entries again, a document at a time, and makes each
source's lines as the build's second pass does
(:func:`kg.build.writing.graph_lines`, sorted on disk past a limit). The result is checked against
``graph.nt`` (the same number of lines and the same order-free digest of
them) before it replaces the output file, so an export can never hold other
triples than the build.

The same build gives the same bytes: graphs in build order, the shared one
last, lines sorted within each, gzip with no name and no time in its header.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import KgError

__all__ = ["FORMATS", "SHARED_GRAPH", "ExportResult", "export", "shared_graph"]

FORMATS = ("nq.gz", "nq", "nt.gz", "nt", "ttl")
#: The shared graph, under the build's base IRI.
SHARED_GRAPH = "graph/shared"
_SHA = "<https://w3id.org/kg-gazette/ontology#sha256>"
_MASK = (1 << 128) - 1


@dataclass
class ExportResult:
    """What an export wrote: ``triples``, and ``graphs`` (named graphs, N-Quads only)."""

    triples: int
    graphs: int = 0


def shared_graph(base: str) -> str:
    """The IRI of the graph of shared lines under ``base``.

    Examples
    --------
    >>> shared_graph("https://w3id.org/kg-gazette/id/")
    'https://w3id.org/kg-gazette/id/graph/shared'
    """
    return base + SHARED_GRAPH


class _Digest:
    """An order-free digest of lines: their count and the sum of their hashes."""

    def __init__(self):
        self.count = self.total = 0

    def add(self, line: bytes) -> None:
        self.count += 1
        self.total = (self.total + int.from_bytes(hashlib.blake2b(line, digest_size=16).digest(), "big")) & _MASK

    def key(self):
        return self.count, self.total


def _open_output(f, fmt: str):
    return gzip.GzipFile(filename="", mode="wb", fileobj=f, compresslevel=6, mtime=0) if fmt.endswith(".gz") else f


def export(out_dir, output, fmt: str = "nq.gz") -> ExportResult:
    """Write the build in ``out_dir`` to the file ``output`` as ``fmt`` (one of :data:`FORMATS`).

    The file is written whole or not at all.
    """
    from ..build.output_dir import GRAPH_NT, GRAPH_TTL, OutputDir
    from ..output import atomic_file
    from .remote import count_lines as _count_lines

    if fmt not in FORMATS:
        raise KgError(f"--format is one of {', '.join(FORMATS)}, not {fmt!r}")
    out = OutputDir(out_dir)
    nt = out.built(GRAPH_NT)
    output = Path(output)
    if output.resolve() in (nt.resolve(), out.graph_ttl.resolve()):
        raise KgError(f"-o {output} would overwrite the build's own file; choose another")
    ttl_on_request = fmt == "ttl" and not out.graph_ttl.is_file()  # a build writes Turtle only with --turtle
    source = out.built(GRAPH_TTL) if fmt == "ttl" and not ttl_on_request else nt
    try:
        with atomic_file(output) as raw:
            sink = _open_output(raw, fmt)
            if fmt.startswith("nq"):
                result = _write_quads(out, nt, sink)
            elif ttl_on_request:
                from ..build.turtle import build_blocks, turtle_into

                turtle_into(nt, build_blocks(out), sink)
                result = ExportResult(_count_lines(nt))
            else:
                _copy(source, sink)
                result = ExportResult(_count_lines(nt))
            if sink is not raw:
                sink.close()
    except OSError as exc:  # reading the build (atomic_file reports a failed write itself)
        raise KgError(f"{out.path}: cannot read the build ({exc.strerror or exc})") from None
    return result


def _copy(path: Path, sink) -> None:
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            sink.write(block)


def _graph_nt_digest(nt: Path):
    """The digest of ``graph.nt``, and ``{sha256: source IRI}`` read from its lines."""
    digest, sources = _Digest(), {}
    with open(nt, "rb") as f:
        for line in f:
            digest.add(line)
            if _SHA.encode() in line:
                s, p, o = line.decode("utf-8").rstrip(" .\n").split(" ", 2)
                if p == _SHA:
                    sources[json.loads(o)] = s[1:-1]
    return digest, sources


def _write_quads(out, nt: Path, sink) -> ExportResult:
    """The build's lines as quads: each source's into its graph, the shared ones into one graph, last."""
    from ..build.output_dir import CACHE, REPORT
    from ..rdf.iris import Minter
    from ..reference.organisations import load_table

    report = json.loads(out.built(REPORT).read_text("utf-8"))
    expected, iris = _graph_nt_digest(nt)
    order = [i["sha256"] for i in report.get("issues", [])]
    if not order or any(sha not in iris for sha in order):
        raise KgError(f"{out.path}: report.json and graph.nt do not name the same sources; run kg build again")
    first = iris[order[0]]
    base = first[: -len("source/" + order[0][:16])]
    minter, table = Minter(base), load_table()
    entries = _entries(out.built(CACHE), {i["sha256"]: str(i.get("file")) for i in report["issues"]})
    titles, published = {}, {}
    for sha in order:
        _, entry_titles, numbers = entries[sha][1]
        for title, number in entry_titles.items():
            titles.setdefault(title, number)
        for n in set(numbers):
            published[n] = published.get(n, 0) + 1
    shared_numbers = frozenset(n for n, k in published.items() if k > 1)
    got = _Digest()
    shared: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="kg-export-") as runs:  # a large source's lines, sorted on disk
        for sha in order:
            lines = _lines(entries[sha][0], minter, table, titles, shared_numbers, Path(runs) / sha[:16])
            shared.update(lines.shared)
            _write_graph(sink, lines.local.merged(), iris[sha], got)
    _write_graph(sink, sorted(set(map(str.encode, shared))), shared_graph(base), got)
    if got.key() != expected.key():
        raise KgError(f"{out.path}: the build's cache no longer gives the lines of its graph.nt ({got.count} lines, "
                      f"graph.nt {expected.count}); run kg build again, then kg export")
    return ExportResult(got.count, len(order) + 1)


def _entries(cache: Path, wanted: dict) -> dict:
    """``{sha256: (entry path, summary)}`` of the cache entries of the build's sources (``wanted``: sha256 → file).

    An entry of the same text read under another path (a stale one) is taken only if none has the report's path.
    """
    from ..build.cache import SUFFIX, read_summary

    found, exact = {}, set()
    for entry in sorted(p for p in cache.iterdir() if p.is_file()):
        try:
            summary = read_summary(entry, entry.name.removesuffix(SUFFIX), None)
        except Exception:  # an entry kg cannot read is not one of this build's  # noqa: BLE001
            continue
        sha, file = summary[0]["sha256"], summary[0]["file"]
        if sha in wanted and sha not in exact:
            same_path = str(file) == wanted[sha]
            if same_path or sha not in found:
                found[sha] = (entry, summary)
            if same_path:
                exact.add(sha)
    missing = set(wanted) - set(found)
    if missing:
        raise KgError(f"{cache}: no readable cache entry for {len(missing)} of the build's sources; "
                      "run kg build again, then kg export")
    return found


def _lines(entry: Path, minter, table, titles, shared_numbers, stem: Path):
    from ..build.cache import open_records
    from ..build.writing import graph_lines

    return graph_lines(*open_records(entry), minter, table, titles, shared_numbers, stem, rows=False)


def _write_graph(sink, lines, graph: str, digest: _Digest) -> None:
    """Write ``lines`` (N-Triples, UTF-8 bytes) to ``sink`` as quads in ``graph``, each counted in ``digest``."""
    suffix = f" <{graph}> .\n".encode("utf-8")
    chunk = []
    for line in lines:
        digest.add(line)
        if not line.endswith(b" .\n"):
            raise KgError(f"an N-Triples line does not end in ' .': {line[:80].decode('utf-8', 'replace')!r}")
        chunk.append(line[:-3] + suffix)
        if len(chunk) >= 10_000:
            sink.write(b"".join(chunk))
            chunk.clear()
    sink.write(b"".join(chunk))
