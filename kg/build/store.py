"""The build's embedded store: Oxigraph on disk, bulk-loaded from the N-Triples."""

from __future__ import annotations

from pathlib import Path

__all__ = ["load_store"]


def load_store(ntriples: Path, path: Path) -> None:
    """Create an Oxigraph store at ``path`` holding the N-Triples file ``ntriples``.

    A failure of the engine (a full disk above all) is an :class:`OSError`
    with the engine's words, as for every other file the build writes.
    """
    import pyoxigraph as ox

    try:
        store = ox.Store(str(path))
        store.bulk_load(path=str(ntriples), format=ox.RdfFormat.N_TRIPLES)
        store.flush()
        # Compacting the bulk-loaded files makes queries at corpus scale several times faster
        # (one pattern over 540 000 responsibilities: 21 s before, 4.6 s after, 16 M triples).
        store.optimize()
        del store
    except RuntimeError as exc:  # RocksDB's I/O failures come as text ("IO error: No space left on device …")
        raise OSError(str(exc)) from None
