"""Rows out: as an aligned table, CSV, TSV or JSON, the same way for every command."""

from __future__ import annotations

import csv
import io
import json

__all__ = ["FORMATS", "format_rows", "dump_json"]

FORMATS = ("table", "csv", "tsv", "json")


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
