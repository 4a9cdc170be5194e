"""The graph of a build from its sources' N-Quads files: ``graph.nt``, the store, one named graph per source.

Each source has its file in ``graphs/`` (:mod:`.writing`): its own lines in
the graph named by its IRI, its shared lines in the shared graph. The store
holds exactly these quads, so a query over the union of the graphs (the
default graph of every query kg runs) sees each triple once, and
``graph.nt`` holds the same triples as before: each source in turn, its
shared lines not given by an earlier source, then its own lines.

A rebuild writes again only the sources whose records or context changed
(:func:`plan`): the others keep their file (a hard link to the previous
build's), their block of ``graph.nt`` (copied from the previous file by byte
range) and their graph in the store (a checkpoint of the previous store, the
changed graphs replaced in it). The shared graph is the union of every
source's shared lines: a line a changed source no longer gives leaves it
only when no other source gives it either.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

__all__ = ["context", "nq_name", "quad_lines", "copy_range", "Assembly"]


def nq_name(sha256: str) -> str:
    """The file of a source in ``graphs/``: its SHA-256's first 16 hex digits.

    >>> nq_name("81eaf4dbb71cf20c" + "0" * 48)
    '81eaf4dbb71cf20c.nq'
    """
    return f"{sha256[:16]}.nq"


def context(numbers, lookups, titles: dict, shared_numbers) -> str:
    """A digest of what a source's lines take from the rest of the build.

    Its documents' numbers that other sources publish too (their lines are
    shared) and the numbers its title-only citations find in the build's
    titles. A source whose context changed is written again.

    Examples
    --------
    >>> context(["a"], ["T"], {"T": "n"}, {"a"}) == context(["a"], ["T"], {"T": "n"}, set())
    False
    """
    data = [sorted(str(n) for n in numbers if n in shared_numbers),
            [(t, None if titles.get(t) is None else str(titles[t])) for t in lookups]]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode("utf-8")).hexdigest()[:32]


def quad_lines(data: bytes) -> list[bytes]:
    """The lines of N-Quads ``data``, as bytes (no decoding: the shared graph's lines compare as they are).

    >>> quad_lines(b'<s> <p> "o" <g> .\\n<s> <p> "p" <g> .\\n')
    [b'<s> <p> "o" <g> .\\n', b'<s> <p> "p" <g> .\\n']
    """
    return data.splitlines(keepends=True)


def copy_range(src, dst, offset: int, length: int) -> None:
    """Copy ``length`` bytes of the open file ``src`` from ``offset`` to the end of ``dst`` (in the kernel)."""
    dst.flush()
    while length > 0:
        try:
            done = os.copy_file_range(src.fileno(), dst.fileno(), length, offset)
        except OSError:  # another file system than the source's, or no copy_file_range: through Python
            src.seek(offset)
            dst.write(src.read(length))
            return
        if done == 0:
            raise OSError(f"{src.name}: shorter than its manifest says")
        offset += done
        length -= done
    dst.seek(0, os.SEEK_END)


class Assembly:
    """``graph.nt`` written source by source; the store built or updated from the N-Quads files.

    ``old`` is the previous build's :class:`~.output_dir.OutputDir` when its
    state can be trusted (else ``None``), ``tmp`` the folder built into.
    """

    def __init__(self, tmp, old=None, shared_graph: str = ""):
        self.tmp, self.old = tmp, old
        self.suffix = f" <{shared_graph}> .\n".encode("utf-8")
        self.seen: set[bytes] = set()  # the shared graph's quads given so far
        self.count = self.offset = 0
        self.blocks: list[tuple[int, int, int]] = []  # (offset, shared bytes, own bytes) per source
        self.block_lines: list[int] = []  # own lines per source
        from contextlib import ExitStack

        self._files = ExitStack()
        self.nt = self._files.enter_context(open(tmp.graph_nt, "wb"))
        self._old_nt = self._files.enter_context(open(old.graph_nt, "rb")) \
            if old is not None and old.graph_nt.is_file() else None

    def close(self) -> None:
        self._files.close()

    def add(self, shared: list[bytes], local: Path | None = None, old_block=None, local_count: int = 0) -> None:
        """One source's block: its shared lines not seen before, then its own (a chunk file, or a range of the old file).

        ``shared`` are the source's quads in the shared graph (part 2 of its
        N-Quads file), compared as bytes: sorted, they are in the order of
        their triples (UTF-8 keeps the order of code points, and a triple's
        end, `` .``, sorts as the graph's, `` <``, against any other line).
        """
        new = sorted(set(shared) - self.seen)
        self.seen.update(new)
        cut = len(self.suffix)
        block = b"".join([line[:-cut] + b" .\n" for line in new])
        self.nt.write(block)
        if local is not None:
            size = local.stat().st_size
            with open(local, "rb") as chunk:  # in the kernel: a large source's block is never all in memory
                copy_range(chunk, self.nt, 0, size)
            local.unlink()
        else:
            at, shared_bytes, size = old_block
            copy_range(self._old_nt, self.nt, at + shared_bytes, size)
        self.blocks.append((self.offset, len(block), size))
        self.block_lines.append(local_count)
        self.offset += len(block) + size
        self.count += len(new) + local_count
