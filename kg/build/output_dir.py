"""A kg output folder: where each output lives, whether a graph is built there, and how it is replaced.

Every part of kg that reads or writes an output folder asks this module for
the paths, so the names are spelled once, and "no built graph here" is said
once, with the fix.

Examples
--------
>>> out = OutputDir("kg-out")
>>> out.graph_nt.as_posix(), out.store.as_posix()
('kg-out/graph.nt', 'kg-out/store')
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..errors import KgError

__all__ = ["OutputDir", "GRAPH_NT", "GRAPH_TTL", "REPORT", "STORE", "CACHE"]

GRAPH_NT = "graph.nt"
GRAPH_TTL = "graph.ttl"
REPORT = "report.json"
STORE = "store"
CACHE = "cache"


class OutputDir:
    """The outputs of one build: ``graph.nt``, ``graph.ttl``, ``report.json``, ``store/``, ``cache/``."""

    def __init__(self, path):
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"OutputDir({str(self.path)!r})"

    graph_nt = property(lambda self: self.path / GRAPH_NT)
    graph_ttl = property(lambda self: self.path / GRAPH_TTL)
    report = property(lambda self: self.path / REPORT)
    store = property(lambda self: self.path / STORE)
    cache = property(lambda self: self.path / CACHE)

    def built(self, part: str) -> Path:
        """The path of ``part`` (``graph.nt``, ``store`` …) of a built graph, or an error saying how to build one."""
        path = self.path / part
        if not path.exists():
            what = f"{part}/ folder" if part in (STORE, CACHE) else part
            raise KgError(f"{self.path}: no built graph here (no {what}); run kg build first, "
                          "or name the build's folder with --graph DIR")
        return path

    def partial(self) -> Path:
        """A new empty folder beside this one to build into."""
        tmp = self.path.parent / f".{self.path.name}.partial-{os.getpid()}"
        if tmp.exists():
            shutil.rmtree(tmp)
        tmp.mkdir(parents=True)
        return tmp

    def swap_in(self, tmp: Path) -> None:
        """Replace this folder with ``tmp`` in two renames; the old outputs go last."""
        out = self.path
        if out.exists() and not (out / REPORT).exists() and any(out.iterdir()):
            raise KgError(f"{out}: exists and is not a kg output folder; choose another --out")
        old = out.parent / f".{out.name}.old-{os.getpid()}"
        if out.exists():
            out.rename(old)
        tmp.rename(out)
        if old.exists():
            shutil.rmtree(old, ignore_errors=True)
