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


@main.command()
@click.argument("sources", nargs=-1, type=click.Path())
@click.option("--out", "out_dir", default="kg-out", show_default=True, type=click.Path(file_okay=False),
              help="Folder to write graph.ttl, graph.nt, report.json and store/ into.")
@click.option("--base", default=None, help="Base IRI of the graph's nodes (default https://w3id.org/kg-gazette/id/).")
@click.option("--encoding", help="Decode every source with this encoding instead of detecting it.")
@_errors_as_messages
def build(sources, out_dir, base, encoding):
    """Build the knowledge graph from SOURCES (files, folders, globs).

    With no SOURCES, builds the bundled sample issue. Outputs appear all at
    once; a failed build leaves the previous outputs as they were.
    """
    import time

    from .build import build as run_build
    from .iris import DEFAULT_BASE

    started = time.perf_counter()
    result = run_build(sources, out_dir, base or DEFAULT_BASE, encoding)
    docs = sum(len(i.documents) for i in result.issues)
    tasks = sum(len(d.tasks) for i in result.issues for d in i.documents)
    notices = sum(len(i.notices) for i in result.issues)
    click.echo(f"built {result.out_dir}/: {len(result.issues)} issue(s), {docs} documents, {tasks} tasks, "
               f"{result.triples} triples in {time.perf_counter() - started:.1f}s")
    if notices:
        click.echo(f"{notices} notice(s); see {result.out_dir}/report.json")
    for path, error in result.skipped:
        click.echo(f"skipped: {error}", err=True)


@main.command()
@click.option("--out", "out_dir", default="kg-out", show_default=True, type=click.Path(file_okay=False),
              help="The built output folder.")
@click.option("--shapes", type=click.Path(dir_okay=False, exists=True), help="Other SHACL shapes to use.")
@_errors_as_messages
def validate(out_dir, shapes):
    """Check a built graph against the SHACL shapes (ontology/shapes.ttl)."""
    from .validate import validate as run_validate

    conforms, violations, count = run_validate(out_dir, shapes)
    for v in violations:
        value = f" (value {v.value})" if v.value else ""
        click.echo(f"{v.severity}: {v.focus} {v.path}: {v.message}{value}")
    if not conforms:
        raise click.ClickException(f"{out_dir}: {len(violations)} violation(s) in {count} triples")
    click.echo(f"{out_dir}: conforms ({count} triples)")


def _parse_params(params):
    out = {}
    for p in params:
        if "=" not in p:
            raise click.BadParameter(f"{p!r} is not NAME=VALUE", param_hint="--param")
        k, v = p.split("=", 1)
        out[k.strip()] = v
    return out


@main.command()
@click.argument("query", required=False)
@click.option("--out", "out_dir", default="kg-out", show_default=True, type=click.Path(file_okay=False),
              help="The built output folder to query.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind a query parameter.")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries.")
@output_options()
@_errors_as_messages
def query(query, out_dir, params, list_queries, fmt):
    """Run a named QUERY, a .rq file, or - (standard input) against a built graph."""
    from .output import format_rows
    from .query import load_query, named_queries, run_query

    if list_queries or not query:
        rows = [{"name": q.name, "title": q.title,
                 "params": ", ".join(f"{p.name} ({p.type})" for p in q.params),
                 "columns": ", ".join(q.columns)} for q in named_queries().values()]
        _echo(format_rows(rows, ["name", "title", "params", "columns"], fmt))
        return
    from .store import open_store

    named = load_query(query)
    columns, rows = run_query(open_store(out_dir), named, _parse_params(params))
    _echo(format_rows(rows, columns, fmt))


def network_filters(fn):
    """The options every analysis command shares: which graph and which slice of it."""
    fn = click.option("--as-of", "as_of", type=int, metavar="YEAR",
                      help="Map organisations to their successors valid in YEAR (e.g. 2019 after the 2018 reform).")(fn)
    fn = click.option("--year", type=int, help="Only documents dated in this year.")(fn)
    fn = click.option("--document", metavar="DOC_NUMBER", help="Only this document (e.g. 浙政办发〔2017〕72号).")(fn)
    fn = click.option("--out", "out_dir", default="kg-out", show_default=True, type=click.Path(file_okay=False),
                      help="The built output folder.")(fn)
    return fn


def _assignments(out_dir, document, year, as_of):
    from .networks import assignments, organisation_labels
    from .store import open_store

    store = open_store(out_dir)
    return store, assignments(store, document, year, as_of), organisation_labels(store)


@main.command()
@network_filters
@click.option("--top", type=int, help="Show only the first N departments.")
@output_options()
@_errors_as_messages
def centrality(out_dir, document, year, as_of, top, fmt):
    """Per department: tasks led and joined, degree, betweenness, closeness, eigenvector, PageRank, k-core."""
    from .analysis.centrality import MEASURE_COLUMNS, department_measures
    from .output import format_rows

    _, rows, labels = _assignments(out_dir, document, year, as_of)
    data = department_measures(rows, labels)
    columns = MEASURE_COLUMNS if fmt != "table" else [c for c in MEASURE_COLUMNS if c not in ("department", "department_en")]
    _echo(format_rows(data[:top] if top else data, columns, fmt))


@main.command()
@network_filters
@click.option("--between", type=click.Choice(["departments", "documents"]), default="departments", show_default=True,
              help="Compare departments by their tasks, or documents by their departments.")
@click.option("--top", type=int, default=20, show_default=True, help="Show the N most overlapping pairs (0: all).")
@output_options()
@_errors_as_messages
def overlap(out_dir, document, year, as_of, between, top, fmt):
    """Pairs that overlap most: Jaccard and overlap coefficient of their sets."""
    from .analysis.overlap import OVERLAP_COLUMNS, department_overlap, document_overlap
    from .output import format_rows

    _, rows, labels = _assignments(out_dir, document, year, as_of)
    data = department_overlap(rows, labels) if between == "departments" else document_overlap(rows)
    columns = OVERLAP_COLUMNS[:7] if fmt == "table" else OVERLAP_COLUMNS
    _echo(format_rows(data[:top] if top else data, columns, fmt))


@main.command()
@network_filters
@click.option("--seed", type=int, default=0, show_default=True, help="Louvain's random seed (same seed, same result).")
@click.option("--resolution", type=float, default=1.0, show_default=True, help="Louvain resolution.")
@output_options()
@_errors_as_messages
def communities(out_dir, document, year, as_of, seed, resolution, fmt):
    """Communities of departments (Louvain on shared tasks), with modularity and density."""
    from .analysis.communities import detect_communities
    from .output import dump_json, format_rows

    _, rows, labels = _assignments(out_dir, document, year, as_of)
    data, summary = detect_communities(rows, labels, seed=seed, resolution=resolution)
    if fmt == "json":
        _echo(dump_json({**summary, "communities": [{k: c[k] for k in ("community", "size", "departments")}
                                                      for c in data]}))
        return
    _echo(format_rows(data, ["community", "size", "departments"], fmt))
    click.echo(f"modularity {summary['modularity']}, density {summary['density']}, "
               f"{summary['communities']} communities of {summary['departments']} departments", err=True)


@main.command("export-network")
@network_filters
@click.option("--kind", type=click.Choice(["co-responsibility", "lead", "bipartite", "documents", "industries"]),
              default="co-responsibility", show_default=True, help="Which network.")
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "csv"]), default="graphml", show_default=True)
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False), required=True,
              help="File to write (CSV also writes <stem>.nodes.csv beside it).")
@_errors_as_messages
def export_network(out_dir, document, year, as_of, kind, fmt, output):
    """Write a network for Gephi (GraphML, GEXF) or any tool (CSV), with labels, roles, weights and measures."""
    from .analysis.annotate import annotated_network
    from .export import export_network as write
    from .store import open_store

    g = annotated_network(open_store(out_dir), kind, document, year, as_of)
    files = write(g, fmt, output)
    click.echo(f"wrote {', '.join(map(str, files))}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
