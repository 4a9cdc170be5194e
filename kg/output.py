"""What kg hands out: tables of rows (as an aligned table, CSV, TSV or JSON), and files written whole or not at all."""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["FORMATS", "Table", "format_rows", "dump_json", "atomic_write"]

FORMATS = ("table", "csv", "tsv", "json")


@dataclass
class Table:
    """Rows under named columns, as every analysis and query returns them.

    ``rows`` are dicts or sequences; ``summary`` holds figures about the whole
    table (a community partition's modularity, say).

    Examples
    --------
    >>> t = Table(["department", "led"], [("省质监局", 16)])
    >>> len(t), t.records()
    (1, [{'department': '省质监局', 'led': 16}])
    """

    columns: list[str]
    rows: list
    summary: dict = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.rows)

    def records(self) -> list[dict]:
        """The rows as dicts, by column."""
        return [r if isinstance(r, dict) else dict(zip(self.columns, r)) for r in self.rows]

    def to_pandas(self):
        """The table as a pandas DataFrame (``summary`` in its ``attrs``)."""
        import pandas as pd

        frame = pd.DataFrame(self.records(), columns=self.columns)
        frame.attrs.update(self.summary)
        return frame


def atomic_write(path, data: bytes | str) -> Path:
    """Write ``path`` through a temporary file beside it, so it is never left half-written.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = atomic_write(Path(d) / "a.txt", "甲")
    ...     p.read_text("utf-8"), sorted(x.name for x in Path(d).iterdir())
    ('甲', ['a.txt'])
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.partial-{os.getpid()}{path.suffix}")
    try:
        tmp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def dump_json(data) -> str:
    """JSON as kg writes it everywhere: UTF-8 text, two-space indent, stable order.

    Examples
    --------
    >>> print(dump_json({"部门": "省质监局"}))
    {
      "部门": "省质监局"
    }
    """
    return json.dumps(data, ensure_ascii=False, indent=2)


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
    """
    records = [r if isinstance(r, dict) else dict(zip(columns, r)) for r in rows]
    if fmt == "json":
        return dump_json([{c: r.get(c) for c in columns} for r in records])
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
