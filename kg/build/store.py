"""The build's embedded store: Oxigraph on disk, bulk-loaded from the N-Triples, then compacted."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

__all__ = ["load_store", "compact_store"]


@contextmanager
def _engine_errors():
    """A failure of the engine (a full disk above all) as an :class:`OSError` with the engine's words."""
    try:
        yield
    except RuntimeError as exc:  # RocksDB's I/O failures come as text ("IO error: No space left on device …")
        raise OSError(str(exc)) from None


def load_store(ntriples: Path, path: Path) -> None:
    """Create an Oxigraph store at ``path`` holding the N-Triples file ``ntriples``.

    A failure of the engine is an :class:`OSError`, as for every other file
    the build writes.
    """
    import pyoxigraph as ox

    with _engine_errors():
        store = ox.Store(str(path))
        store.bulk_load(path=str(ntriples), format=ox.RdfFormat.N_TRIPLES)
        store.flush()
        del store


def compact_store(path: Path) -> None:
    """Compact the store at ``path`` (the files a bulk load leaves), a step of its own for its progress line.

    Compacting makes queries at corpus scale several times faster (one pattern
    over 540 000 responsibilities: 21 s before, 4.6 s after, 16 M triples).
    """
    import pyoxigraph as ox

    with _engine_errors():
        store = ox.Store(str(path))
        store.optimize()
        del store
