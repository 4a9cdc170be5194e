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

from .._version import __version__
from ..errors import KgError

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


def graph_option(fn):
    """The built graph a command reads: ``--out DIR``."""
    return click.option("--out", "out_dir", default="kg-out", show_default=True, type=click.Path(file_okay=False),
                        help="The built output folder.")(fn)


def built_graph(out_dir, endpoint=None, graph=None, timeout=None):
    """The library object every command calls (:class:`kg.api.BuiltGraph`); ``timeout`` ``None``: the default."""
    from ..api import BuiltGraph
    from ..sparql.guard import DEFAULT_TIMEOUT

    return BuiltGraph(out_dir, endpoint, graph, timeout=DEFAULT_TIMEOUT if timeout is None else timeout)


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
