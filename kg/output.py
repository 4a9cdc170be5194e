"""What kg hands out: tables of rows (as an aligned table, CSV, TSV, JSON or JSON lines), and files written whole or not at all."""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import KgError

__all__ = ["FORMATS", "Table", "format_rows", "dump_json", "atomic_write", "atomic_file", "write_error"]

#: The text formats :func:`format_rows` writes (``nl``: one JSON object a line); :mod:`kg.share.tables` adds Excel.
FORMATS = ("table", "csv", "tsv", "json", "nl")


@dataclass
class Table:
    """Rows under named columns, as every analysis and query returns them.

    ``rows`` are dicts or sequences; ``summary`` holds figures about the whole
    table (a community partition's modularity, say); ``notes`` what a reader
    should know about it (why it is empty, how a name was read), one line each.

    Examples
    --------
    >>> t = Table(["department", "led"], [("省质监局", 16)])
    >>> len(t), t.records()
    (1, [{'department': '省质监局', 'led': 16}])
    """

    columns: list[str]
    rows: list
    summary: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)

    def records(self) -> list[dict]:
        """The rows as dicts, by column."""
        return [r if isinstance(r, dict) else dict(zip(self.columns, r)) for r in self.rows]

    def to_pandas(self):
        """The table as a pandas DataFrame (``summary`` in its ``attrs``)."""
        from .extras import need

        pd = need("pandas", "a table as a DataFrame (kg.open_graph)")

        frame = pd.DataFrame(self.records(), columns=self.columns)
        frame.attrs.update(self.summary)
        return frame


_REASONS = {errno.ENOSPC: "the disk is full (no space left on device)", errno.EDQUOT: "the disk quota is used up",
            errno.EROFS: "it is on a read-only file system", errno.EACCES: "permission denied",
            errno.EPERM: "permission denied", errno.ENOENT: "no such folder", errno.ENOTDIR: "not a folder"}


def write_error(folder, exc: OSError, then: str = "") -> KgError:
    """A one-line error for ``exc`` raised while writing in ``folder``: the folder, the reason in words, ``then``.

    Errors from the store's engine carry their reason in the text only
    (``IO error: No space left on device: …``); they are read the same way.

    Examples
    --------
    >>> print(write_error("kg-out", OSError(errno.ENOSPC, "No space left on device"), "nothing was replaced"))
    kg-out: cannot write: the disk is full (no space left on device); nothing was replaced
    >>> print(write_error("kg-out", OSError("IO error: No space left on device: While appending to file")))
    kg-out: cannot write: the disk is full (no space left on device)
    """
    code = exc.errno
    if code is None:
        text = str(exc)
        code = next((c for c in _REASONS if os.strerror(c) in text), None)
    reason = _REASONS.get(code) or (exc.strerror or str(exc)).lower()
    return KgError(f"{folder}: cannot write: {reason}" + (f"; {then}" if then else ""))


@contextlib.contextmanager
def atomic_file(path):
    """A binary file to write ``path`` through: a temporary file beside it, renamed over ``path`` when the block ends.

    If the block fails (or is interrupted) the temporary file is removed and
    ``path`` is left as it was. A missing folder, a full disk, a read-only
    file system or a folder kg may not write in is a one-line
    :class:`~kg.errors.KgError` naming the folder.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     with atomic_file(Path(d) / "a.txt") as f:
    ...         _ = f.write("乙".encode("utf-8"))
    ...     (Path(d) / "a.txt").read_text("utf-8"), sorted(x.name for x in Path(d).iterdir())
    ('乙', ['a.txt'])
    """
    path, tmp = _beside(path)
    try:
        with open(tmp, "wb") as f:
            yield f
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise write_error(path.parent, exc, f"{path.name} was not written") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _beside(path) -> tuple[Path, Path]:
    """``path`` and the temporary file to write it through; a one-line error if its folder is missing."""
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise KgError(f"{folder}: " + ("no such folder; create it first or write elsewhere" if not folder.exists()
                                       else "is not a folder; write elsewhere"))
    return path, path.with_name(f".{path.name}.partial-{os.getpid()}{path.suffix}")


def atomic_write(path, data: bytes | str) -> Path:
    """Write ``path`` through a temporary file beside it, so it is never left half-written.

    A missing folder, a full disk, a read-only file system or a folder kg
    may not write in is a one-line :class:`~kg.errors.KgError` naming the
    folder; a file that was there stays as it was.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = atomic_write(Path(d) / "a.txt", "甲")
    ...     p.read_text("utf-8"), sorted(x.name for x in Path(d).iterdir())
    ('甲', ['a.txt'])
    >>> atomic_write("/nonexistent-folder/a.html", "x")
    Traceback (most recent call last):
    kg.errors.KgError: /nonexistent-folder: no such folder; create it first or write elsewhere
    """
    with atomic_file(path) as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)
    return Path(path)


def _finite(data):
    """``data`` with every NaN or infinite float as ``None`` (JSON has no such numbers)."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {k: _finite(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [_finite(v) for v in data]
    return data


def _plain(value):
    """A date as ISO text for JSON (the only non-JSON value a query gives)."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def dump_json(data, indent: int | None = 2) -> str:
    """JSON as kg writes it everywhere: UTF-8 text, two-space indent, stable order.

    A number that is not finite (a measure undefined on a graph, say) is
    written ``null``: ``NaN`` and ``Infinity`` are not JSON, and a reader
    such as ``jq`` or JavaScript's ``JSON.parse`` refuses them.

    Examples
    --------
    >>> print(dump_json({"部门": "省质监局"}))
    {
      "部门": "省质监局"
    }
    >>> print(dump_json([float("nan"), float("inf"), 0.5]).replace("\\n", "").replace(" ", ""))
    [null,null,0.5]
    >>> import datetime
    >>> dump_json({"date": datetime.date(2017, 7, 20)}, indent=None)
    '{"date": "2017-07-20"}'
    """
    try:
        return json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False, default=_plain)
    except ValueError:  # only the rare output holding NaN or infinity pays for the walk
        return json.dumps(_finite(data), ensure_ascii=False, indent=indent, allow_nan=False, default=_plain)


def format_rows(rows, columns, fmt: str = "table") -> str:
    """Render ``rows`` (dicts or sequences) under ``columns``.

    Examples
    --------
    >>> print(format_rows([("省质监局", 16)], ["department", "led"], "csv"), end="")
    department,led
    省质监局,16
    >>> print(format_rows([("省质监局", 16)], ["department", "led"], "json"))
    [
      {
        "department": "省质监局",
        "led": 16
      }
    ]
    >>> print(format_rows([("省质监局", 16)], ["department", "led"], "nl"), end="")
    {"department": "省质监局", "led": 16}
    """
    records = [r if isinstance(r, dict) else dict(zip(columns, r)) for r in rows]
    if fmt == "json":
        return dump_json([{c: r.get(c) for c in columns} for r in records])
    if fmt == "nl":
        return "".join(dump_json({c: r.get(c) for c in columns}, indent=None) + "\n" for r in records)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(columns)
        for r in records:
            writer.writerow(["" if r.get(c) is None else r.get(c) for c in columns])
        return buf.getvalue()
    if fmt == "table":
        from tabulate import tabulate

        return tabulate([[r.get(c) for c in columns] for r in records], headers=columns,
                        disable_numparse=True, missingval="")
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
