"""The ``kg`` command line.

Commands are thin: each parses its options, calls one library function, and
turns the library's :class:`~kg.errors.KgError` into a one-line
``click.ClickException``. Heavy modules are imported inside the commands, so
``kg --help`` starts at once.
"""

from __future__ import annotations

import functools
import sys

import click

from . import __version__
from .errors import KgError

__all__ = ["main"]


def _errors_as_messages(fn):
    """Turn the project's errors into one-line CLI errors (exit status 1)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except KgError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper


def output_options(default="table", formats=("table", "csv", "tsv", "json")):
    """The shared ``--format`` option (and ``--csv/--tsv/--json`` shortcuts)."""

    def decorator(fn):
        fn = click.option("--json", "fmt", flag_value="json", help="Shortcut for --format json.")(fn)
        fn = click.option("--csv", "fmt", flag_value="csv", help="Shortcut for --format csv.")(fn)
        fn = click.option("--format", "fmt", type=click.Choice(formats), default=default,
                          show_default=True, help="Output format.")(fn)
        return fn

    return decorator


def _echo(text: str) -> None:
    click.echo(text if text.endswith("\n") else text + "\n", nl=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main():
    """Turn Chinese government gazettes into a knowledge graph of policy entities."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--encoding", help="Decode with this encoding instead of detecting it (e.g. gb18030).")
@output_options(default="json", formats=("json", "table"))
@_errors_as_messages
def extract(files, encoding, fmt):
    """Extract documents, tasks and responsible departments from gazette FILES.

    JSON (the default) prints every record with its source span; table prints
    the documents, the tasks with their departments and roles, and the report.
    """
    from .extract import extract_file

    issues = [extract_file(f, encoding=encoding) for f in files]
    if fmt == "json":
        from .output import dump_json
        from .records import to_data

        _echo(dump_json({"format": "kg-extract/1", "issues": to_data(issues)}))
        return
    from .output import format_rows
    from .report import document_rows, task_rows

    for issue in issues:
        head = f"{issue.file}: {issue.gazette or 'no gazette header'}"
        if issue.year:
            head += f" {issue.year}年第{issue.number}期"
            if issue.cumulative_number:
                head += f"(总第{issue.cumulative_number}期)"
        _echo(head)
        _echo(format_rows(list(document_rows(issue)),
                          ["doc_number", "date", "title", "issuers", "tasks", "citations", "targets",
                           "honorees"]))
        _echo("")
        _echo(format_rows(list(task_rows(issue)),
                          ["doc_number", "task", "title", "department", "mention", "role", "line"]))
        for n in issue.notices:
            where = f"{n.file}:{n.line}" if n.line else n.file
            click.echo(f"warning: {where}: [{n.code}] {n.message}", err=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
