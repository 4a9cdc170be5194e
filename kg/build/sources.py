"""The sources of a build: files, folders and globs expanded, in a stable order; the bundled sample."""

from __future__ import annotations

import glob
from pathlib import Path

from ..errors import InputError, KgError

__all__ = ["SOURCE_SUFFIXES", "sample_sources", "collect_sources"]

#: The file names searched for in a folder.
SOURCE_SUFFIXES = (".txt", ".text")


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
