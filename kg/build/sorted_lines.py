"""Lines sorted and deduplicated in bounded memory: past a limit, sorted runs go to disk and are merged.

A source's lines must be written sorted and each once (``graph.nt``'s
blocks, the parts of its N-Quads file), but a very large source has more of
them than memory holds. :class:`SortedLines` keeps up to ``limit`` of them;
past it, it sorts them, writes them to a run file beside ``stem`` and starts
again; :meth:`SortedLines.merged` gives every line once, in order, from the
runs and what is left in memory. Lines are UTF-8 bytes, whose order is the
order of the text's code points, so the result is the same as
``sorted(set(lines))`` over the text.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> with tempfile.TemporaryDirectory() as d:
...     lines = SortedLines(Path(d) / "a", limit=2)
...     lines.extend(["<c> <p> <o> .\\n", "<a> <p> <o> .\\n"])  # two lines: a run on disk
...     lines.extend(["<b> <p> <o> .\\n", "<a> <p> <o> .\\n"])  # and another
...     print(lines.runs, [line.decode() for line in lines.merged()], list(Path(d).iterdir()))
2 ['<a> <p> <o> .\\n', '<b> <p> <o> .\\n', '<c> <p> <o> .\\n'] []
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from pathlib import Path

__all__ = ["SortedLines", "LIMIT"]

#: Lines held before a run goes to disk: about 100 MB of N-Triples (a source of some 10 MB of text).
LIMIT = 500_000


class SortedLines:
    """Lines (each ending in ``\\n``) gathered in any order; :meth:`merged` gives them sorted, each once."""

    def __init__(self, stem: Path, limit: int = LIMIT):
        self.stem, self.limit = Path(stem), limit
        self._lines: set[bytes] = set()
        self._runs: list[Path] = []

    @property
    def runs(self) -> int:
        """How many runs went to disk."""
        return len(self._runs)

    def extend(self, lines: Iterable[str]) -> None:
        """Add ``lines`` (text); past the limit, the lines held so far go to disk as a sorted run."""
        self._lines.update(map(str.encode, lines))  # UTF-8
        if len(self._lines) >= self.limit:
            run = self.stem.with_name(f"{self.stem.name}.run{len(self._runs)}")
            self._runs.append(run)
            with open(run, "wb") as fh:
                fh.writelines(sorted(self._lines))
            self._lines = set()

    def merged(self) -> Iterator[bytes]:
        """Every line once, in order; the run files are removed when done (or when the iterator is closed)."""
        held, self._lines = sorted(self._lines), set()
        return self._merge(held) if self._runs else iter(held)

    def _merge(self, held: list[bytes]) -> Iterator[bytes]:
        files = [open(run, "rb") for run in self._runs]
        try:
            previous = None
            for line in heapq.merge(*files, held):
                if line != previous:
                    yield line
                    previous = line
        finally:
            self.discard(files)

    def discard(self, files=()) -> None:
        """Let go of every line and remove the run files (after :meth:`merged`, or instead of it)."""
        for fh in files:
            fh.close()
        for run in self._runs:
            run.unlink(missing_ok=True)
        self._runs, self._lines = [], set()
