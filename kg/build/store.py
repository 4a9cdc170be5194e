"""The build's embedded store: Oxigraph on disk, one named graph per source and one shared graph.

A new store is bulk-loaded from the sources' N-Quads files read as one
stream; a rebuild starts from a checkpoint of the previous store (RocksDB
hard-links its files, so it costs no copy) and replaces only the graphs of
the sources that changed (:func:`update_store`).
"""

from __future__ import annotations

import io
from pathlib import Path

__all__ = ["PIECE", "load_store", "compact_store", "update_store", "Concat"]


class Concat(io.RawIOBase):
    """The files ``paths`` read as one stream (what ``bulk_load`` reads), each opened only when reached.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     for n in "ab":
    ...         _ = (Path(d) / n).write_bytes(n.encode() * 3)
    ...     Concat([Path(d) / "a", Path(d) / "b"]).read()
    b'aaabbb'
    """

    def __init__(self, paths):
        self._paths = iter(paths)
        self._file = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while True:
            if self._file is None:
                path = next(self._paths, None)
                if path is None:
                    return 0
                self._file = open(path, "rb")
            n = self._file.readinto(buffer)
            if n:
                return n
            self._file.close()
            self._file = None


def _engine(fn):
    """Run ``fn``; the engine's failures (a full disk above all) as :class:`OSError` with its words."""
    try:
        return fn()
    except RuntimeError as exc:  # RocksDB's I/O failures come as text ("IO error: No space left on device …")
        raise OSError(str(exc)) from None


#: Bytes of N-Quads handed to the bulk loader at a time. The loader holds what it is given in memory
#: (a whole 1.1 M-quad source took it to 1.06 GB); in pieces of this size it stays near 0.3 GB,
#: whatever the size of the graph (benchmarks/README.md, "One very large source").
PIECE = 64 << 20


def _bulk_load(store, nquads, piece: int = PIECE) -> None:
    """Bulk-load the N-Quads files ``nquads``, read as one stream, into ``store`` ``piece`` bytes at a time."""
    import pyoxigraph as ox

    with io.BufferedReader(Concat(nquads), 1 << 20) as stream:
        while data := stream.read(piece):
            store.bulk_load(input=data + stream.readline(), format=ox.RdfFormat.N_QUADS)
            del data


def load_store(nquads, path: Path, piece: int = PIECE) -> None:
    """Create an Oxigraph store at ``path`` holding the N-Quads files ``nquads`` (then :func:`compact_store`).

    The files are read as one stream and loaded ``piece`` bytes at a time
    (each piece ends at a line's end).
    """
    import pyoxigraph as ox

    def run():
        store = ox.Store(str(path))
        try:
            _bulk_load(store, nquads, piece)
            store.flush()
        finally:
            del store  # its files closed now, not when a traceback holding this frame goes

    _engine(run)


def compact_store(path: Path) -> None:
    """Compact the store at ``path`` (the files a bulk load leaves), a step of its own for its progress line.

    Compacting makes queries at corpus scale several times faster (one pattern
    over 540 000 responsibilities: 21 s before, 4.6 s after, 16 M triples).
    """
    import pyoxigraph as ox

    def run():
        store = ox.Store(str(path))
        try:
            store.optimize()
        finally:
            del store

    _engine(run)


def update_store(old: Path, path: Path, replaced: dict, removed_shared: bytes) -> None:
    """A store at ``path``: the store at ``old`` with the graphs of ``replaced`` (IRI → N-Quads file) replaced.

    The graphs of ``replaced`` are removed, then the quads of the shared
    graph in ``removed_shared``; then each of ``replaced``'s N-Quads files (a
    source's own graph and its shared lines; ``None`` for a source gone) is
    loaded by the bulk loader, in pieces, as :func:`load_store` loads them.
    """
    import pyoxigraph as ox

    def run():
        previous = ox.Store.read_only(str(old))
        try:
            previous.backup(str(path))
        finally:
            del previous
        store = ox.Store(str(path))
        try:
            for graph in replaced:
                store.remove_graph(ox.NamedNode(graph))
            for quad in ox.parse(removed_shared, format=ox.RdfFormat.N_QUADS):
                store.remove(quad)
            _bulk_load(store, [nq for nq in replaced.values() if nq is not None])
            store.flush()
        finally:
            del store

    _engine(run)
