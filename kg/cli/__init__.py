"""The ``kg`` command line.

Commands are thin: each parses its options, calls one library function, and
turns the library's :class:`~kg.errors.KgError` into a one-line
``click.ClickException``. Heavy modules are imported inside the commands, so
``kg --help`` starts at once. The options commands share are defined here
once: the graph a command reads (:func:`graph_option`), how a table is written
(:func:`table_options`) and the language of names (:func:`lang_option`).
"""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass

import click

from .._version import __version__
from ..errors import EXIT_EMPTY, KgError
from ..share.tables import TABLE_FORMATS
from ..vocabulary import LANGUAGES

__all__ = ["main"]

#: The folder a command reads when none is named.
DEFAULT_GRAPH = "kg-out"


def _errors_as_messages(fn):
    """Turn the project's errors into one-line CLI errors (exit status 1)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except KgError as exc:
            raise click.ClickException(exc.for_command_line()) from None

    return wrapper


def lang_option(fn):
    """``--lang zh|en``: the language of names, titles, legends and tooltips."""
    return click.option("--lang", type=click.Choice(LANGUAGES), default=LANGUAGES[0], show_default=True,
                        help="Language of organisation names (and of titles, legends and tooltips).")(fn)


@dataclass
class TableOutput:
    """How a table command writes its table: the options of :func:`table_options`, gathered."""

    fmt: str | None
    output: str | None
    bom: bool
    fail_empty: bool
    lang: str

    @property
    def format(self) -> str:
        from ..share.tables import format_for

        return format_for(self.output, self.fmt)

    def emit(self, table, columns=None, name: str = "kg", data: bytes | None = None) -> None:
        """Write ``table`` (``columns``: the columns of the aligned text table) and say what a reader should know.

        ``data`` replaces the rendered bytes (a command whose JSON is not a list of rows).
        """
        from ..share.tables import render, write_table

        fmt = self.format
        chosen = columns if fmt == "table" and columns else None
        for note in table.notes:
            click.echo(note, err=True)
        if not table.rows and not table.notes:
            click.echo("no rows", err=True)
        if self.output and self.output != "-":
            if data is None:
                path = write_table(table, self.output, fmt, chosen, self.bom, name)
            else:
                from ..output import atomic_write

                path = atomic_write(self.output, data)
            click.echo(f"wrote {path}: {len(table.rows)} rows")
        else:
            if fmt == "xlsx" and sys.stdout.isatty():
                raise KgError("an xlsx table is a binary file; give -o FILE.xlsx (or redirect the output)")
            click.echo(render(table, fmt, chosen, self.bom, name) if data is None else data, nl=False)
        if self.fail_empty and not table.rows:
            raise SystemExit(EXIT_EMPTY)


def table_options(default: str = "table", formats=TABLE_FORMATS):
    """The options of every table command, passed to it as one ``out`` (:class:`TableOutput`).

    ``--format`` (or a shortcut: ``--table``, ``--csv``, ``--tsv``, ``--json``,
    ``--nl``), ``--excel-csv`` / ``--bom``, ``-o FILE`` (its extension chooses
    the format unless ``--format`` does), ``--fail-empty`` and ``--lang``.
    """

    def decorator(fn):
        @functools.wraps(fn)
        def wrapper(*args, fmt, output, bom, excel_csv, fail_empty, lang, **kwargs):
            if excel_csv:
                fmt, bom = fmt or "csv", True
            if fmt is None and not output:
                fmt = default
            if fmt is not None and fmt not in formats:
                raise click.BadParameter(f"{fmt!r} is not one of {', '.join(formats)}", param_hint="--format")
            return fn(*args, out=TableOutput(fmt, output, bom, fail_empty, lang), **kwargs)

        wrapper = lang_option(wrapper)
        wrapper = click.option("--fail-empty", is_flag=True,
                               help=f"Exit with status {EXIT_EMPTY} when the table has no rows (errors exit with 1).")(wrapper)
        wrapper = click.option("--bom", is_flag=True,
                               help="Start CSV or TSV with a byte-order mark, so Excel reads it as UTF-8.")(wrapper)
        wrapper = click.option("--excel-csv", is_flag=True, help="CSV with a byte-order mark, for Excel.")(wrapper)
        wrapper = click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), metavar="FILE",
                               help="Write the table to FILE (its extension chooses the format: "
                                    ".txt .csv .tsv .json .jsonl .xlsx).")(wrapper)
        for flag in reversed([f for f in ("table", "csv", "tsv", "json", "nl") if f in formats]):
            wrapper = click.option(f"--{flag}", "fmt", flag_value=flag, help=f"Shortcut for --format {flag}.")(wrapper)
        return click.option("--format", "fmt", type=click.Choice(TABLE_FORMATS), default=None,
                            help=f"Output format: {', '.join(formats)} (default {default}, or by -o FILE's "
                                 "extension).")(wrapper)

    return decorator


def graph_option(fn=None, *, named_graphs: bool = False, several: bool = False):
    """The graph a command reads: ``--graph DIR`` (``--out DIR`` is the same option), default ``kg-out``.

    With ``named_graphs`` (``kg query``, ``kg push``) ``--graph`` also takes a
    named graph's IRI, as those commands always have: an IRI (``https://…``,
    ``urn:…``) names a graph on the server, anything else the folder, which
    ``--out DIR`` names too; with ``several`` (``kg query``) it may be repeated,
    for the merge of several named graphs. The command receives ``out_dir``
    and ``graph`` (``None``, one IRI, or a list of them).
    """
    if fn is None:
        return functools.partial(graph_option, named_graphs=named_graphs, several=several)
    if not named_graphs:
        return click.option("--graph", "--out", "out_dir", default=DEFAULT_GRAPH, show_default=True, metavar="DIR",
                            type=click.Path(file_okay=False),
                            help="The built graph: the folder kg build wrote (--out is the same option).")(fn)

    @functools.wraps(fn)
    def wrapper(*args, graph_value, out_value, **kwargs):
        from ..rdf.terms import is_iri

        values = list(graph_value or ()) if several else [] if graph_value is None else [graph_value]
        iris = [v for v in values if is_iri(v)]
        folders = [f"--graph {v}" for v in values if not is_iri(v)] + ([f"--out {out_value}"] if out_value else [])
        if len({f.split(" ", 1)[1] for f in folders}) > 1:
            raise click.BadParameter(f"{folders[0]} and {folders[1]} name two folders; give one", param_hint="--graph")
        out_dir = folders[0].split(" ", 1)[1] if folders else DEFAULT_GRAPH
        graph = (iris[0] if len(iris) == 1 else iris or None) if several else (iris[0] if iris else None)
        return fn(*args, out_dir=out_dir, graph=graph, **kwargs)

    wrapper = click.option("--out", "out_value", metavar="DIR", type=click.Path(file_okay=False),
                           help=f"The built folder (the same as --graph DIR; default {DEFAULT_GRAPH}).")(wrapper)
    return click.option("--graph", "graph_value", metavar="DIR|IRI", multiple=several,
                        help=f"The built folder (default {DEFAULT_GRAPH}), or with --endpoint a named graph's IRI "
                             "on the server" + (" (repeat for several: their merge)." if several else "."))(wrapper)


def built_graph(out_dir, endpoint=None, graph=None, timeout=None, lang="zh"):
    """The library object every command calls (:class:`kg.api.BuiltGraph`); ``timeout`` ``None``: the default.

    Its long steps (queries, reading the assignments, measuring) show on
    standard error when that is a terminal.
    """
    from ..api import BuiltGraph
    from ..progress import Steps
    from ..sparql.guard import DEFAULT_TIMEOUT

    return BuiltGraph(out_dir, endpoint, graph, timeout=DEFAULT_TIMEOUT if timeout is None else timeout, lang=lang,
                      steps=Steps())


def timeout_option(what="a query"):
    """The shared ``--timeout SECONDS`` option."""
    from ..sparql.guard import DEFAULT_TIMEOUT

    return click.option("--timeout", type=float, default=DEFAULT_TIMEOUT, show_default=True, metavar="SECONDS",
                        help=f"Stop {what} after this many seconds (0: no limit).")


def _echo(text: str) -> None:
    click.echo(text if text.endswith("\n") else text + "\n", nl=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main():
    """Turn Chinese government gazettes into a knowledge graph of policy entities."""


# The commands register themselves on ``main`` when their modules are imported.
from . import dev, documents, networks, sparql  # noqa: E402,F401


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
