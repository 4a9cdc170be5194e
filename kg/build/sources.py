"""The sources of a build: files, folders and globs expanded, in a stable order; the bundled sample.

A folder is walked without ever failing: a sub-folder that cannot be read, a
symbolic link that loops back or points nowhere, a ``.txt`` name that is a
FIFO, a device or a socket are each skipped and listed (they go to
``report.json`` under ``skipped``), never followed and never waited on.

Paths inside the working folder are named relative to it, so the report a
build writes does not hold the home folder of whoever ran it.
"""

from __future__ import annotations

import glob
import os
from pathlib import Path

from ..errors import InputError, KgError

__all__ = ["SOURCE_SUFFIXES", "sample_sources", "collect_sources", "display_path"]

#: The file names searched for in a folder.
SOURCE_SUFFIXES = (".txt", ".text")


def display_path(path) -> Path:
    """``path`` relative to the working folder when it lies inside it, else as given.

    Examples
    --------
    >>> display_path(Path.cwd() / "corpus" / "a.txt").as_posix(), display_path("/elsewhere/a.txt").as_posix()
    ('corpus/a.txt', '/elsewhere/a.txt')
    """
    path = Path(path)
    try:
        cwd = os.getcwd()
    except OSError:  # the working folder was removed: nothing to be relative to
        return path
    absolute = os.path.abspath(path)
    if os.path.commonpath([cwd, absolute]) == cwd and absolute != cwd:
        return Path(os.path.relpath(absolute, cwd))
    return path


def sample_sources() -> list[Path]:
    """The bundled sample issue (``data/`` beside the package)."""
    data = Path(__file__).resolve().parents[2] / "data"
    files = sorted(p for p in data.glob("*.txt")) if data.is_dir() else []
    if not files:
        raise KgError("no sources given and no bundled sample found (data/*.txt); name the files to build")
    return files


def _walk(folder: Path, skipped: list) -> list[Path]:
    """The source files under ``folder``, sorted; what cannot be walked goes to ``skipped``, sorted too."""
    from ..text.reading import not_regular

    found, seen, stack, skipped_here = [], set(), [folder], []
    while stack:
        current = stack.pop()
        try:
            st = current.stat()
            if (st.st_dev, st.st_ino) in seen:
                skipped_here.append((str(current), f"{current}: a folder already walked (a symbolic link loop?); "
                                              "not followed"))
                continue
            seen.add((st.st_dev, st.st_ino))
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as exc:
            skipped_here.append((str(current), f"{current}: cannot read this folder ({exc.strerror}); skipped"))
            continue
        for entry in entries:
            path = current / entry.name
            is_source = path.suffix.lower() in SOURCE_SUFFIXES
            try:
                mode = entry.stat().st_mode  # follows links
            except OSError as exc:
                if is_source or entry.is_symlink():
                    why = "a broken or looping symbolic link" if entry.is_symlink() else f"cannot be read ({exc.strerror})"
                    skipped_here.append((str(path), f"{path}: {why}; skipped"))
                continue
            what = not_regular(mode)
            if what == "a directory":
                stack.append(path)
            elif what is None and is_source:
                found.append(path)
            elif is_source:
                skipped_here.append((str(path), f"{path}: is {what}, not a regular file; skipped"))
    skipped.extend(sorted(skipped_here))
    return sorted(found)


def collect_sources(sources) -> tuple[list[tuple[Path, bool]], list[tuple[str, str]]]:
    """Expand files, folders and globs into ``(path, named_explicitly)`` pairs, and what was skipped.

    Folders are searched recursively for ``.txt`` files (symbolic links
    followed, loops not); the order is sorted, so builds do not depend on the
    file system's order. ``skipped`` holds ``(path, message)`` for every
    folder or file found that cannot be read.
    """
    out, skipped = [], []
    for s in sources:
        s = str(s)
        if any(ch in s for ch in "*?[") and not Path(s).exists():
            matches = sorted(glob.glob(s, recursive=True))
            if not matches:
                raise InputError(s, "no files match this pattern")
            out.extend((display_path(m), False) for m in matches if Path(m).is_file())
            continue
        p = display_path(s)
        if p.is_dir():
            before = len(skipped)
            found = _walk(p, skipped)
            if not found:
                detail = f" it can read ({len(skipped) - before} skipped)" if len(skipped) > before else ""
                raise InputError(s, f"folder holds no .txt files{detail}")
            out.extend((f, False) for f in found)
        else:
            out.append((p, True))
    seen, unique = set(), []
    for p, named in out:
        key = os.path.realpath(p)
        if key not in seen:
            seen.add(key)
            unique.append((p, named))
    return unique, skipped
