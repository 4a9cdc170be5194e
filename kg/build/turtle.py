"""``graph.ttl``, written only when asked for: Turtle serves a reader of a small graph, not 16 M triples.

The Turtle of a build is made from its ``graph.nt``, block by block (each
source's shared lines, then its own, as the manifest records them), so the
same build gives the same bytes whether Turtle was asked for at build time
(``kg build --turtle``) or later (:func:`turtle_of_build`).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import KgError

__all__ = ["write_turtle", "turtle_into", "build_blocks", "turtle_of_build"]


def write_turtle(graph_nt: Path, blocks, path: Path) -> None:
    """Write ``path``: the Turtle of ``graph_nt``, whose ``blocks`` are ``(offset, shared bytes, own bytes)``."""
    with open(path, "wb") as ttl:
        turtle_into(graph_nt, blocks, ttl)


def turtle_into(graph_nt: Path, blocks, sink) -> None:
    """Write the Turtle of ``graph_nt`` (its ``blocks`` as in :func:`write_turtle`) to the binary file ``sink``."""
    from ..rdf.namespaces import PREFIXES
    from ..rdf.turtle import prefix_lines, turtle

    with open(graph_nt, "rb") as nt:
        sink.write(prefix_lines(PREFIXES))
        for offset, shared, own in blocks:
            nt.seek(offset)
            sink.write(turtle(nt.read(shared), PREFIXES)[1])
            sink.write(turtle(nt.read(own), PREFIXES)[1])


def build_blocks(out) -> list:
    """The ``(offset, shared bytes, own bytes)`` of each source's block of ``graph.nt``, from the manifest."""
    state = out.state()
    if state is None:
        raise KgError(f"{out.path}: its outputs changed since kg wrote them; run kg build again")
    return [r["nt"][:3] for r in state["sources"]]


def turtle_of_build(out_dir, path) -> Path:
    """Write the Turtle of the build in ``out_dir`` to ``path`` (whole or not at all); return ``path``."""
    import os

    from .output_dir import GRAPH_NT, OutputDir

    out = OutputDir(out_dir)
    nt = out.built(GRAPH_NT)
    blocks = build_blocks(out)
    path = Path(path)
    tmp = path.with_name(f".{path.name}.partial-{os.getpid()}")
    try:
        write_turtle(nt, blocks, tmp)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
