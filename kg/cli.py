"""The ``kg`` command line.

Commands are thin: each parses its options, calls one library function, and
turns the library's :class:`~kg.errors.KgError` into a one-line
``click.ClickException``. Heavy modules are imported inside the commands, so
``kg --help`` starts at once.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

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
@click.option("--jobs", "-j", type=int, help="Processes that parse sources (default: one per core).")
@_errors_as_messages
def build(sources, out_dir, base, encoding, jobs):
    """Build the knowledge graph from SOURCES (files, folders, globs).

    With no SOURCES, builds the bundled sample issue. Outputs appear all at
    once; a failed build leaves the previous outputs as they were.
    """
    import time

    from .build import build as run_build
    from .iris import DEFAULT_BASE

    started = time.perf_counter()
    with click.progressbar(length=1, label="parsing", file=sys.stderr) as bar:
        def progress(done, total):
            bar.length = total
            bar.update(done - bar.pos)

        result = run_build(sources, out_dir, base or DEFAULT_BASE, encoding, jobs=jobs, progress=progress)
    docs = sum(len(i.documents) for i in result.issues)
    tasks = sum(len(d.tasks) for i in result.issues for d in i.documents)
    notices = sum(len(i.notices) for i in result.issues)
    click.echo(f"built {result.out_dir}/: {len(result.issues)} issue(s), {docs} documents, {tasks} tasks, "
               f"{result.triples} triples in {time.perf_counter() - started:.1f}s")
    if result.cached:
        click.echo(f"re-parsed {result.parsed} of {result.parsed + result.cached} files "
                   f"({result.cached} unchanged, from the cache)")
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
@click.option("--endpoint", metavar="URL", help="Run on a SPARQL server (its query URL) instead of the local build.")
@click.option("--graph", metavar="IRI", help="With --endpoint: query this named graph.")
@output_options()
@_errors_as_messages
def query(query, out_dir, params, list_queries, endpoint, graph, fmt):
    """Run a named QUERY, a .rq file, or - (standard input) against a built graph or a SPARQL server."""
    from .output import format_rows
    from .query import load_query, named_queries, run_query

    if list_queries or not query:
        rows = [{"name": q.name, "title": q.title,
                 "params": ", ".join(f"{p.name} ({p.type})" for p in q.params),
                 "columns": ", ".join(q.columns)} for q in named_queries().values()]
        _echo(format_rows(rows, ["name", "title", "params", "columns"], fmt))
        return
    named = load_query(query)
    if endpoint:
        columns, rows = run_query(None, named, _parse_params(params), endpoint=endpoint, graph=graph)
    else:
        from .store import open_store

        columns, rows = run_query(open_store(out_dir), named, _parse_params(params))
    _echo(format_rows(rows, columns, fmt))


@main.command()
@click.option("--endpoint", required=True, metavar="URL",
              help="The server's Graph Store Protocol URL (Oxigraph: http://HOST:7878/store; Fuseki: …/ds/data).")
@click.option("--graph", metavar="IRI", help="Upload into this named graph (default: the default graph).")
@click.option("--out", "out_dir", default="kg-out", show_default=True, type=click.Path(file_okay=False),
              help="The built output folder.")
@click.option("--batch", type=int, default=50_000, show_default=True, help="Triples per request.")
@click.option("--append", is_flag=True, help="Add to the graph instead of replacing it.")
@_errors_as_messages
def push(endpoint, graph, out_dir, batch, append):
    """Upload the built graph to a SPARQL server (Oxigraph, Fuseki, Virtuoso, GraphDB)."""
    from .remote import push as run_push

    def progress(sent, total):
        click.echo(f"\rsent {sent}/{total} triples", nl=False, err=True)

    sent = run_push(out_dir, endpoint, graph, batch, append, progress)
    click.echo("", err=True)
    click.echo(f"pushed {sent} triples to {endpoint}" + (f" (graph {graph})" if graph else ""))


@main.command()
@click.option("--out", "out_dir", default="kg-out", show_default=True, type=click.Path(file_okay=False),
              help="The built output folder to serve.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default answers this machine only.")
@click.option("--port", type=int, default=7878, show_default=True)
@_errors_as_messages
def serve(out_dir, host, port):
    """Serve the built graph as a read-only SPARQL 1.1 endpoint (the oxigraph server)."""
    import subprocess

    from .remote import serve_command

    command = serve_command(out_dir, host, port)
    click.echo(f"SPARQL endpoint: http://{host}:{port}/query  (Ctrl-C to stop)", err=True)
    try:
        raise SystemExit(subprocess.call(command))
    except KeyboardInterrupt:
        raise SystemExit(0) from None


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
@click.option("--out", "out_dir", default="kg-out", show_default=True, type=click.Path(file_okay=False),
              help="The built output folder.")
@click.option("--as-of", "as_of", type=int, metavar="YEAR",
              help="Map organisations to their successors valid in YEAR, so lines continue across reforms.")
@click.option("--department", metavar="NAME", help="Only this department (canonical or short name).")
@output_options()
@_errors_as_messages
def trends(out_dir, as_of, department, fmt):
    """Per department per year: tasks led and joined, weighted degree, betweenness, PageRank."""
    from .analysis.trends import TREND_COLUMNS, department_trends
    from .output import format_rows

    _, rows, labels = _assignments(out_dir, None, None, as_of)
    _echo(format_rows(department_trends(rows, labels, department), TREND_COLUMNS, fmt))


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


def _view_options(fn):
    fn = click.option("--arrows", is_flag=True, help="departments view: lead → participant arrows instead of shared tasks.")(fn)
    fn = click.option("--size-by", default="weighted_degree", show_default=True,
                      type=click.Choice(["weighted_degree", "tasks_total", "tasks_led", "degree", "betweenness",
                                         "closeness", "eigenvector", "pagerank"]),
                      help="departments view: what node size shows.")(fn)
    fn = click.option("--department", metavar="NAME", help="ego view: the department (e.g. 省质监局).")(fn)
    fn = click.option("--view", type=click.Choice(["departments", "document", "ego", "industries"]),
                      default="departments", show_default=True, help="What to show.")(fn)
    return fn


def _command_line(name, view, document, department, size_by, arrows, year, as_of, output):
    """The command as it reproduces the file (the output's name only, so it does not depend on the folder)."""
    parts = [f"kg {name}", f"--view {view}"]
    for flag, value in (("--document", document), ("--department", department), ("--year", year),
                        ("--as-of", as_of)):
        if value is not None:
            parts.append(f"{flag} {value}")
    if size_by != "weighted_degree":
        parts.append(f"--size-by {size_by}")
    if arrows:
        parts.append("--arrows")
    parts.append(f"-o {Path(output).name}")
    return " ".join(parts)


@main.command("html")
@network_filters
@_view_options
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The HTML file to write.")
@_errors_as_messages
def html_command(out_dir, document, year, as_of, view, department, size_by, arrows, output):
    """Write an interactive network as one HTML file that opens offline and is safe to send."""
    from .html import write_page
    from .snapshot import graph_sources, make_view
    from .store import open_store

    store = open_store(out_dir)
    v = make_view(store, view, document, department, size_by, arrows, year, as_of)
    command = _command_line("html", view, document, department, size_by, arrows, year, as_of, output)
    path = write_page(v, graph_sources(store), command, output)
    click.echo(f"wrote {path}: {len(v.nodes)} nodes, {len(v.edges)} edges")


@main.command()
@network_filters
@click.option("--size-by", default="weighted_degree", show_default=True,
              type=click.Choice(["weighted_degree", "tasks_total", "tasks_led", "degree", "betweenness", "closeness",
                                 "eigenvector", "pagerank"]), help="What node size shows.")
@click.option("--arrows", is_flag=True, help="Lead → participant links instead of shared tasks.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="A .png, .svg or .pdf file.")
@_errors_as_messages
def figure(out_dir, document, year, as_of, size_by, arrows, output):
    """Draw the departments network as a static figure (PNG, SVG or PDF) for papers and slides."""
    from .figure import draw_departments
    from .snapshot import make_view
    from .store import open_store

    v = make_view(open_store(out_dir), "departments", document, None, size_by, arrows, year, as_of)
    click.echo(f"wrote {draw_departments(v, output)}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
