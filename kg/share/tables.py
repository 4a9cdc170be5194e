"""Tables as the files people open: aligned text, CSV and TSV (with a byte-order mark for Excel), JSON, JSON lines, xlsx.

Every table command writes through :func:`render`, so each format means the
same everywhere. The format follows the output file's extension unless one
is named (:func:`format_for`), as ``kg figure`` does. Excel opens a UTF-8 CSV
as Chinese only when it starts with a byte-order mark (``bom``). xlsx is
written with XlsxWriter, pure Python and write-only, with a fixed creation
date so the same table gives the same bytes.
"""

from __future__ import annotations

import datetime
import io
from pathlib import Path

from ..errors import KgError
from ..output import FORMATS, Table, atomic_write, format_rows

__all__ = ["TABLE_FORMATS", "EXTENSIONS", "QUOTED_COLUMNS", "format_for", "render", "write_table", "translated"]

#: Every format a table command writes.
TABLE_FORMATS = (*FORMATS, "xlsx")
#: The format an output file's extension means.
EXTENSIONS = {".txt": "table", ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".json": "json", ".jsonl": "nl",
              ".ndjson": "nl", ".xlsx": "xlsx"}
_BOM = "\ufeff".encode("utf-8")
#: The creation date written into every xlsx file (a real one would change the bytes at every run).
_CREATED = datetime.datetime(2000, 1, 1)


def format_for(path, fmt: str | None = None) -> str:
    """The format to write: ``fmt`` when named, else the one ``path``'s extension means, else ``table``.

    Examples
    --------
    >>> format_for("tasks.xlsx"), format_for("tasks.csv", "tsv"), format_for(None), format_for("a.jsonl")
    ('xlsx', 'tsv', 'table', 'nl')
    >>> format_for("tasks.docx")
    Traceback (most recent call last):
    kg.errors.KgError: tasks.docx: kg does not know the format of .docx files; name it with --format (table, csv, tsv, json, nl, xlsx) or use one of .txt, .csv, .tsv, .tab, .json, .jsonl, .ndjson, .xlsx
    """
    if fmt:
        if fmt not in TABLE_FORMATS:
            raise KgError(f"unknown table format {fmt!r}; choose one of {', '.join(TABLE_FORMATS)}")
        return fmt
    if path is None or str(path) == "-":
        return "table"
    suffix = Path(path).suffix.lower()
    if suffix not in EXTENSIONS:
        raise KgError(f"{path}: kg does not know the format of {suffix or 'extension-less'} files; name it with "
                      f"--format ({', '.join(TABLE_FORMATS)}) or use one of {', '.join(EXTENSIONS)}")
    return EXTENSIONS[suffix]


def render(table: Table, fmt: str, columns=None, bom: bool = False, name: str = "kg") -> bytes:
    """``table`` (its ``columns``, or those given) as the bytes of a file of format ``fmt``.

    ``bom`` starts CSV and TSV with a UTF-8 byte-order mark; ``name`` is the
    xlsx sheet's name.

    Examples
    --------
    >>> t = Table(["department", "led"], [("省质监局", 16)])
    >>> render(t, "csv", bom=True)[:3] == "\\ufeff".encode("utf-8"), render(t, "tsv").decode("utf-8")
    (True, 'department\\tled\\n省质监局\\t16\\n')
    >>> render(t, "xlsx")[:2], render(t, "xlsx") == render(t, "xlsx")
    (b'PK', True)
    """
    columns = list(columns or table.columns)
    if fmt == "xlsx":
        return _xlsx(table.records(), columns, name)
    text = format_rows(table.rows, columns, fmt)
    data = (text if text.endswith("\n") or not text else text + "\n").encode("utf-8")
    return _BOM + data if bom and fmt in ("csv", "tsv") else data


def _xlsx(records: list[dict], columns: list[str], name: str) -> bytes:
    import xlsxwriter

    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                                     "strings_to_urls": False, "nan_inf_to_errors": True})
    book.set_properties({"created": _CREATED})
    sheet = book.add_worksheet(name[:31])
    bold, date = book.add_format({"bold": True}), book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, columns, bold)
    widths = [len(c) for c in columns]
    for i, r in enumerate(records, 1):
        for j, c in enumerate(columns):
            value = r.get(c)
            if value is None:
                continue
            if isinstance(value, datetime.date):
                sheet.write_datetime(i, j, datetime.datetime.combine(value, datetime.time()), date)
            elif isinstance(value, (bool, int, float)):
                sheet.write(i, j, value)
            else:
                sheet.write_string(i, j, str(value))
            widths[j] = max(widths[j], _width(str(value)))
    for j, w in enumerate(widths):
        sheet.set_column(j, j, min(w + 2, 60))
    sheet.freeze_panes(1, 0)
    book.close()
    return buf.getvalue()


def _width(text: str) -> int:
    """Columns of a cell's text: a Chinese character takes two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def write_table(table: Table, path, fmt: str | None = None, columns=None, bom: bool = False,
                name: str = "kg") -> Path:
    """Write ``table`` to ``path`` whole or not at all; the format by ``fmt`` or the extension."""
    if Path(path).is_dir():
        raise KgError(f"{path}: is a folder; give a file name (e.g. {Path(path) / 'table.csv'})")
    return atomic_write(path, render(table, format_for(path, fmt), columns, bom, name))


#: Columns that quote the source: their words stay as written, in any language.
QUOTED_COLUMNS = ("mention", "quote", "exact", "clause", "text", "cited_title")


def translated(table: Table, names: dict[str, str], joiner: str = "、", joined: str = "; ") -> Table:
    """``table`` with every cell that is a name in ``names`` (Chinese → English) replaced by its translation.

    A cell listing names (``joiner`` between them: 省质监局、省经信委) is
    translated when each of its names is, and listed with ``joined``. Other
    cells (numbers, titles, document numbers) and the columns that quote the
    source (:data:`QUOTED_COLUMNS`) stay as they are; columns keep their names.

    Examples
    --------
    >>> t = Table(["who", "n"], [("省质监局", 1), ("省质监局、省经信委", 2), ("浙政办发〔2017〕72号", 3)])
    >>> translated(t, {"省质监局": "Quality Bureau", "省经信委": "Economy Commission"}).rows
    [['Quality Bureau', 1], ['Quality Bureau; Economy Commission', 2], ['浙政办发〔2017〕72号', 3]]
    """
    def one(value):
        if not isinstance(value, str) or not value:
            return value
        if value in names:
            return names[value]
        parts = value.split(joiner)
        if len(parts) > 1 and all(p in names for p in parts):
            return joined.join(names[p] for p in parts)
        return value

    def row(r):
        if isinstance(r, dict):
            return {k: v if k in QUOTED_COLUMNS else one(v) for k, v in r.items()}
        return [v if c in QUOTED_COLUMNS else one(v) for c, v in zip(table.columns, r)]

    return Table(table.columns, [row(r) for r in table.rows], table.summary, table.notes)
