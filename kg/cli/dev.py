"""Tools for developing and testing kg."""

from __future__ import annotations

import click

from . import _errors_as_messages, main


@main.group()
def dev():
    """Tools for developing and testing kg."""


@dev.command()
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--issues", type=int, default=20, show_default=True, help="Issues per year.")
@click.option("--years", default="2017,2019", show_default=True, help="Comma-separated years.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the random model.")
@click.option("--documents", type=click.IntRange(min=1), default=None,
              help="Policy documents per issue (default two or three; 24 make real-size issues of ~75 KB).")
@_errors_as_messages
def synth(folder, issues, years, seed, documents):
    """Write a synthetic gazette corpus with its ground truth (truth.json) into FOLDER."""
    from ..errors import KgError
    from ..dev.synth import write_corpus

    try:
        year_list = tuple(int(y) for y in years.split(",") if y.strip())
    except ValueError:
        raise KgError(f"--years {years!r}: give years like 2017,2019") from None
    truth = write_corpus(folder, issues, year_list, seed, documents)
    click.echo(f"wrote {issues * len(year_list)} issues and {truth}")
