"""A kg output folder: where each output lives, whether it is kg's to write, and how its outputs are replaced.

Every part of kg that reads or writes an output folder asks this module for
the paths, so the names are spelled once, and "no built graph here" is said
once, with the fix.

A build replaces only what kg wrote. The folder carries a manifest,
``.kg-output.json``, naming kg's own entries (``graph.nt``, ``store/`` …) with
a format marker, the size and time of each as it was written, and the
build's inputs (:meth:`OutputDir.state`: each source's size, time and cache
key, what the rebuild needs of it), so that a rebuild with nothing changed
is a few stat calls; every other file in the folder (``departments.html``,
``NOTES.md``) is left where it is. A folder that is not a kg output (not
empty, no manifest, and not an output of a kg from before the manifest, with
``report.json``, ``graph.nt`` and ``store/``) is refused before any work, as is
a folder that is the working folder, holds the sources or lies inside them.

Outputs are built in a folder beside the output, ``.OUT.partial-PID``, and
moved in entry by entry, the previous ones first set aside in
``.OUT.old-PID``; signals wait until the renames are done, and a failure
among them puts everything back. A lock file beside the folder,
``.OUT.lock``, keeps a second build out while one runs. Staging folders left
by a build that was killed are removed by the next build (when the process
that made them is gone).

Examples
--------
>>> out = OutputDir("kg-out")
>>> out.graph_nt.as_posix(), out.store.as_posix(), out.manifest.name
('kg-out/graph.nt', 'kg-out/store', '.kg-output.json')
"""

from __future__ import annotations

import json
import os
import shutil
import signal
from contextlib import contextmanager
from pathlib import Path

from ..errors import KgError

__all__ = ["OutputDir", "GRAPH_NT", "GRAPH_TTL", "GRAPHS", "REPORT", "STORE", "CACHE", "TABLE", "TARGETS_TABLE",
           "DOCUMENTS_TABLE", "HONOREES_TABLE", "MANIFEST", "ENTRIES", "FORMAT"]

GRAPH_NT = "graph.nt"
GRAPH_TTL = "graph.ttl"  # only when asked for (kg build --turtle)
GRAPHS = "graphs"  # the N-Quads: one file per source (kg.build.writing)
REPORT = "report.json"
STORE = "store"
CACHE = "cache"
TABLE = "assignments.parquet"  # with pyarrow installed (kg.build.table)
TARGETS_TABLE = "targets.parquet"  # with pyarrow installed (kg.build.table)
DOCUMENTS_TABLE = "documents.parquet"  # with pyarrow installed (kg.build.table)
HONOREES_TABLE = "honorees.parquet"  # with pyarrow installed (kg.build.table)
#: The manifest: kg's list of the entries it wrote in the folder.
MANIFEST = ".kg-output.json"
#: Every entry a build writes (besides the manifest).
ENTRIES = (TABLE, TARGETS_TABLE, DOCUMENTS_TABLE, HONOREES_TABLE, CACHE, GRAPH_NT, GRAPH_TTL, GRAPHS, REPORT, STORE)
#: The manifest's format marker.
FORMAT = "kg-output/1"
_LEGACY = (REPORT, GRAPH_NT, STORE)  # what an output of kg before the manifest always held
_SCRATCH = ("chunks",)  # what a build writes in its staging folder and removes itself
_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


class OutputDir:
    """A build's outputs: ``graph.nt``, ``graphs/``, ``report.json``, ``store/``, ``cache/``, tables, ``graph.ttl``."""

    def __init__(self, path):
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"OutputDir({str(self.path)!r})"

    graph_nt = property(lambda self: self.path / GRAPH_NT)
    graph_ttl = property(lambda self: self.path / GRAPH_TTL)
    report = property(lambda self: self.path / REPORT)
    store = property(lambda self: self.path / STORE)
    cache = property(lambda self: self.path / CACHE)
    graphs = property(lambda self: self.path / GRAPHS)
    table = property(lambda self: self.path / TABLE)
    targets = property(lambda self: self.path / TARGETS_TABLE)
    documents = property(lambda self: self.path / DOCUMENTS_TABLE)
    honorees = property(lambda self: self.path / HONOREES_TABLE)
    manifest = property(lambda self: self.path / MANIFEST)

    def _beside(self, what: str) -> Path:
        return self.path.parent / f".{self.path.name}.{what}"

    def built(self, part: str) -> Path:
        """The path of ``part`` (``graph.nt``, ``store`` …) of a built graph, or an error saying how to build one."""
        path = self.path / part
        if not path.exists():
            what = f"{part}/ folder" if part in (STORE, CACHE) else part
            raise KgError(f"{self.path}: no built graph here (no {what}); run kg build first, "
                          "or name the build's folder with --graph DIR")
        return path

    # -- whose folder is it ---------------------------------------------------------------------------------------

    def own_entries(self) -> set[str]:
        """The entries kg wrote here (none for a missing or empty folder), or an error if it is not kg's folder."""
        out = self.path
        if not out.exists() and not out.is_symlink():
            return set()
        if not out.is_dir():
            raise KgError(f"{out}: exists and is not a folder; choose another --out")
        names = set(os.listdir(out))
        if MANIFEST in names:
            return self._read_manifest() & names
        if not names:
            return set()
        if all(n in names for n in _LEGACY):
            return names & set(ENTRIES)
        raise KgError(f"{out}: not a kg output folder (it holds other files and no {MANIFEST}); "
                      "name a new or empty folder with --out, or move those files elsewhere")

    def _read_manifest(self) -> set[str]:
        try:
            data = json.loads(self.manifest.read_text("utf-8"))
            entries = data["entries"]
            fmt = data["format"]
            if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
                raise TypeError("entries")
        except (OSError, ValueError, KeyError, TypeError):
            raise KgError(f"{self.manifest}: damaged (not kg's list of its outputs); move the folder aside "
                          "and build again") from None
        if fmt != FORMAT:
            raise KgError(f"{self.path}: written by another version of kg (format {fmt!r}, not {FORMAT!r}); "
                          "use that version or another --out")
        return set(entries) & set(ENTRIES)

    def state(self) -> dict | None:
        """The inputs the previous build recorded, when its outputs are still as it wrote them (else ``None``).

        An entry changed, added or removed since (by its size and time, or
        those of the files in a folder) makes the record untrusted: the
        next build then writes every output again (from the cache).
        """
        try:
            data = json.loads(self.manifest.read_text("utf-8"))
            outputs, state = data.get("outputs"), data.get("build")
        except (OSError, ValueError, AttributeError):
            return None
        if not isinstance(state, dict) or not isinstance(outputs, dict) or data.get("format") != FORMAT:
            return None
        names = set(os.listdir(self.path))
        if set(outputs) != names & set(ENTRIES) or any(_stat(self.path / n) != v for n, v in outputs.items()):
            return None
        return state

    def check(self, sources=()) -> list[str]:
        """Refuse an output folder kg must not write; return the names of the files in it that it keeps.

        ``sources`` are the paths the build reads (folders and files): the
        output may not be one of them, hold one, or lie inside one.
        """
        out = self.path
        real = os.path.realpath(out)
        cwd = os.path.realpath(os.getcwd())
        if real == cwd or _inside(cwd, real):
            raise KgError(f"{out}: is the working folder{'' if real == cwd else ' or holds it'}; "
                          "name a folder of its own for the outputs, e.g. --out kg-out")
        for source in sources:
            src = os.path.realpath(source)
            if src == real:
                raise KgError(f"{out}: is a source folder of this build; choose another --out")
            if _inside(src, real):
                raise KgError(f"{out}: holds the source {source}; choose another --out")
            if _inside(real, src):
                raise KgError(f"{out}: lies inside the source folder {source}; choose an --out outside it")
        own = self.own_entries()
        foreign = sorted(set(os.listdir(out)) - own - {MANIFEST}) if out.is_dir() else []
        clash = [n for n in foreign if n in ENTRIES]
        if clash:
            raise KgError(f"{out / clash[0]}: kg writes this name but did not write this file; move it elsewhere")
        return foreign

    # -- one build at a time; what killed builds left --------------------------------------------------------------

    @contextmanager
    def locked(self):
        """Hold ``.OUT.lock`` beside the folder for the duration, or fail at once if another build holds it."""
        import fcntl

        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = self._beside("lock")
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                pid = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
                raise KgError(f"{self.path}: another kg build (pid {pid}) is writing here; "
                              "wait for it to finish, or choose another --out") from None
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
            yield
        finally:
            os.close(fd)  # releases the lock; the file stays, so that no two builds ever lock two files

    def clean_stale(self) -> list[str]:
        """Remove the staging folders of builds that were killed (their process is gone); return what was done."""
        done = []
        parent = self.path.parent
        if not parent.is_dir():
            return done
        for name in sorted(os.listdir(parent)):
            for kind in ("partial", "old"):
                prefix = f".{self.path.name}.{kind}-"
                pid = name[len(prefix):]
                if name.startswith(prefix) and pid.isdigit() and not _alive(int(pid)):
                    left = _remove_own(parent / name)
                    done.append(f"removed {parent / name}, left by an interrupted build" if not left else
                                f"left {parent / name}: it holds files kg did not write ({', '.join(left)})")
        return done

    # -- building beside, then moving in ----------------------------------------------------------------------------

    def partial(self) -> Path:
        """A new empty folder beside this one to build into."""
        tmp = self._beside(f"partial-{os.getpid()}")
        if tmp.exists():
            _remove_own(tmp)
        tmp.mkdir(parents=True)
        return tmp

    def discard(self, tmp: Path) -> None:
        """Remove a staging folder of this build (kg's own entries only)."""
        if tmp.exists():
            _remove_own(tmp)

    def swap_in(self, tmp: Path, state: dict | None = None) -> None:
        """Move the outputs built in ``tmp`` into this folder, replacing only the entries kg wrote here before.

        ``state`` (the build's inputs, :meth:`state`) goes into the manifest
        with each entry's size and time. Signals wait until every rename is
        done; a failure among them moves the previous outputs back.
        """
        from .._version import __version__

        out = self.path
        new = sorted(set(os.listdir(tmp)) - {MANIFEST})
        unexpected = [n for n in new if n not in ENTRIES]
        if unexpected:
            raise KgError(f"{tmp / unexpected[0]}: not an output kg writes")
        manifest = {"format": FORMAT, "kg_version": __version__, "entries": new,
                    "note": "kg wrote the entries listed here and replaces them on each build; "
                            "it leaves every other file in this folder as it is."}
        if state is not None:
            manifest.update(outputs={n: _stat(tmp / n) for n in new}, build=state)
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
        try:
            if not out.exists():
                tmp.rename(out)
                return
            self._swap_entries(tmp, new, manifest)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)

    def _swap_entries(self, tmp: Path, new: list[str], manifest: dict) -> None:
        out = self.path
        own = sorted(self.own_entries())
        old = self._beside(f"old-{os.getpid()}")
        if old.exists():
            _remove_own(old)
        old.mkdir()
        both = {**manifest, "entries": sorted(set(own) | set(new))}  # kg's names, whatever happens below
        both_path = tmp / ".kg-output.both"
        both_path.write_text(json.dumps(both, indent=2) + "\n", encoding="utf-8")
        moved_out, moved_in = [], []
        try:
            if self.manifest.exists():
                os.replace(self.manifest, old / MANIFEST)
            both_path.replace(self.manifest)
            for name in own:
                (out / name).rename(old / name)
                moved_out.append(name)
            for name in new:
                (tmp / name).rename(out / name)
                moved_in.append(name)
            (tmp / MANIFEST).replace(self.manifest)
        except BaseException:
            for name in reversed(moved_in):
                (out / name).rename(tmp / name)
            for name in reversed(moved_out):
                (old / name).rename(out / name)
            if (old / MANIFEST).exists():
                os.replace(old / MANIFEST, self.manifest)
            elif self.manifest.exists():
                self.manifest.unlink()
            _remove_own(old)
            raise
        _remove_own(old)
        tmp.rmdir()


def _stat(path: Path) -> list:
    """What says an entry is as kg wrote it: a file's size and time; a folder's, those of every file in it.

    A few thousand stat calls for a 1 000-source build, and no file read.
    """
    import hashlib

    st = path.stat()
    if not path.is_dir():
        return [st.st_size, st.st_mtime_ns]
    h = hashlib.sha256()
    count = 0
    for entry in sorted(os.scandir(path), key=lambda e: e.name):
        est = entry.stat(follow_symlinks=False)
        h.update(f"{entry.name}\0{est.st_size}\0{est.st_mtime_ns}\0".encode("utf-8", "surrogateescape"))
        count += 1
    return [count, h.hexdigest()[:32]]


def _inside(path: str, folder: str) -> bool:
    """Whether ``path`` lies strictly inside ``folder`` (both real paths)."""
    return path != folder and os.path.commonpath([path, folder]) == folder


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # no staging folder of this process exists before it makes one
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_own(folder: Path) -> list[str]:
    """Remove kg's entries from a staging folder, then the folder if nothing else is left; return what is left."""
    own = set(ENTRIES) | set(_SCRATCH) | {MANIFEST, ".kg-output.both"}
    left = []
    for name in sorted(os.listdir(folder)):
        path = folder / name
        if name not in own:
            left.append(name)
        elif path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    if not left:
        folder.rmdir()
    return left
