"""Commands on sources: extract records, build the graph, validate it."""

from __future__ import annotations

import click

from ..rdf.validate import ENGINES
from ..vocabulary import EXTRACT_ROWS
from . import _errors_as_messages, built_graph, graph_option, main, table_options


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path())
@click.option("--encoding", help="Decode with this encoding instead of detecting it (e.g. gb18030).")
@click.option("--max-size", type=click.IntRange(min=1), default=64, show_default=True, metavar="MB",
              help="The largest file read, in megabytes.")
@click.option("--rows", "rows_of", type=click.Choice(EXTRACT_ROWS), default=EXTRACT_ROWS[0], show_default=True,
              help="What a CSV, TSV, JSON-lines or xlsx table holds: one row per assignment, or per document.")
@table_options(default="json")
@_errors_as_messages
def extract(sources, encoding, max_size, rows_of, out):
    """Extract documents, tasks and responsible departments from SOURCES (files, folders, globs), without building.

    JSON (the default) prints every record with its source span
    (kg-extract/1); table prints the documents, the tasks with their
    departments and roles, and the report; CSV, TSV, JSON lines and xlsx
    give one table (--rows).
    """
    from ..api import extract as run_extract, extract_table

    issues, skipped = run_extract(sources, encoding, max_size * 2**20)
    for _, error in skipped:
        click.echo(f"skipped: {error}", err=True)
    fmt = out.format
    table = extract_table(issues, rows_of)
    if fmt == "json":
        from ..output import dump_json
        from ..records import to_data

        out.emit(table, data=(dump_json({"format": "kg-extract/1", "issues": to_data(issues)}) + "\n").encode())
    elif fmt == "table":
        out.emit(table, data=_extract_text(issues).encode("utf-8"))
    else:
        out.emit(table, name=rows_of)
    for issue in issues:
        for n in issue.notices:
            where = f"{n.file}:{n.line}" if n.line else n.file
            click.echo(f"warning: {where}: [{n.code}] {n.message}", err=True)


def _extract_text(issues) -> str:
    from ..api import EXTRACT_COLUMNS
    from ..build.report import document_rows, task_rows
    from ..output import format_rows

    parts = []
    for issue in issues:
        head = f"{issue.file}: {issue.gazette or 'no gazette header'}"
        if issue.year:
            head += f" {issue.year}年第{issue.number}期"
            if issue.cumulative_number:
                head += f"(总第{issue.cumulative_number}期)"
        parts += [head, format_rows(list(document_rows(issue)), EXTRACT_COLUMNS["documents"][1:]), "",
                  format_rows(list(task_rows(issue)), EXTRACT_COLUMNS["tasks"][1:])]
    return "\n".join(parts) + "\n"


@main.command()
@click.argument("sources", nargs=-1, type=click.Path())
@click.option("--out", "out_dir", default="kg-out", show_default=True, type=click.Path(file_okay=False),
              help="Folder to write graph.nt, graphs/, store/, the table and report.json into.")
@click.option("--base", default=None, help="Base IRI of the graph's nodes (default https://w3id.org/kg-gazette/id/).")
@click.option("--encoding", help="Decode every source with this encoding instead of detecting it.")
@click.option("--jobs", "-j", type=int, help="Processes that parse sources (default: one per core).")
@click.option("--max-size", type=click.IntRange(min=1), default=64, show_default=True, metavar="MB",
              help="The largest source file read, in megabytes.")
@click.option("--turtle", is_flag=True, help="Write graph.ttl too (Turtle: for small graphs and their readers).")
@_errors_as_messages
def build(sources, out_dir, base, encoding, jobs, max_size, turtle):
    """Build the knowledge graph from SOURCES (files, folders, globs).

    With no SOURCES, builds the bundled sample issue. Outputs appear all at
    once; a failed build leaves the previous outputs as they were. Only the
    files kg wrote in the output folder are replaced; others are kept.
    """
    import time

    from ..build.build import Terminated, build as run_build
    from ..progress import Steps
    from ..rdf.iris import DEFAULT_BASE

    started = time.perf_counter()
    try:
        result = run_build(sources, out_dir, base or DEFAULT_BASE, encoding, jobs=jobs, steps=Steps(),
                           max_size=max_size * 2**20, turtle=turtle)
    except Terminated:
        click.echo(f"kg build: terminated; the previous outputs in {out_dir} are as they were", err=True)
        raise SystemExit(143) from None
    for note in result.notes:
        click.echo(note, err=True)
    docs = sum(len(r["documents"]) for r in result.reports)
    tasks = sum(d["counts"]["tasks"] for r in result.reports for d in r["documents"])
    notices = sum(len(r["notices"]) + sum(len(d["notices"]) for d in r["documents"]) for r in result.reports)
    click.echo(f"built {result.out_dir}/: {len(result.reports)} issue(s), {docs} documents, {tasks} tasks, "
               f"{result.triples} triples in {time.perf_counter() - started:.1f}s")
    if result.unchanged:
        click.echo(f"nothing changed since the last build of {result.out_dir}/: no file re-parsed, no graph written")
    elif result.cached:
        click.echo(f"re-parsed {result.parsed} of {result.parsed + result.cached} files "
                   f"({result.cached} unchanged, from the cache); wrote the graphs of {result.written} "
                   f"source(s), kept the others'")
    if notices:
        click.echo(f"{notices} notice(s); see {result.out_dir}/report.json")
    if result.kept:
        click.echo(f"kept {len(result.kept)} file(s) in {result.out_dir}/ that kg did not write: "
                   + ", ".join(result.kept))
    for path, error in result.skipped:
        click.echo(f"skipped: {error}", err=True)


@main.command()
@graph_option
@click.option("--shapes", type=click.Path(dir_okay=False, exists=True), help="Other SHACL shapes to use.")
@click.option("--engine", type=click.Choice(ENGINES), default=ENGINES[0], show_default=True,
              help="sparql: the shapes as SPARQL on the build's store (fast at corpus scale); pyshacl: pySHACL in "
                   "memory; auto: sparql unless the shapes use SHACL it does not compile.")
@_errors_as_messages
def validate(out_dir, shapes, engine):
    """Check a built graph against the SHACL shapes (ontology/shapes.ttl)."""
    from ..progress import Progress

    with Progress("validating", unit="checks") as bar:
        conforms, violations, count = built_graph(out_dir).validate(shapes, engine, bar.update)
    for v in violations:
        value = f" (value {v.value})" if v.value else ""
        click.echo(f"{v.severity}: {v.focus} {v.path}: {v.message}{value}")
    if not conforms:
        raise click.ClickException(f"{out_dir}: {len(violations)} violation(s) in {count} triples")
    click.echo(f"{out_dir}: conforms ({count} triples)")
