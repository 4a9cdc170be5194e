"""Commands on the networks of departments: measures, exports, HTML and figures."""

from __future__ import annotations

from pathlib import Path

import click

from ..vocabulary import LANGUAGES, NETWORK_FORMATS, NETWORK_KINDS, OVERLAP_BETWEEN, SIZE_MEASURES, VIEWS
from . import _errors_as_messages, built_graph, graph_option, lang_option, main, table_options


def network_filters(fn):
    """The options every analysis command shares: which graph and which slice of it."""
    fn = click.option("--as-of", "as_of", type=int, metavar="YEAR",
                      help="Map organisations to their successors valid in YEAR (e.g. 2019 after the 2018 reform).")(fn)
    fn = click.option("--year", type=int, help="Only documents dated in this year.")(fn)
    fn = click.option("--document", metavar="DOC_NUMBER",
                      help="Only this document (e.g. 浙政办发〔2017〕72号; any brackets: 浙政办发[2017]72号).")(fn)
    return graph_option(fn)


def plot_options(fn):
    """``--plot FILE``: draw the table as a figure instead of printing it (in the table's ``--lang``)."""
    return click.option("--plot", type=click.Path(dir_okay=False), metavar="FILE",
                        help="Draw the table as a figure (.png, .svg or .pdf) instead of printing it.")(fn)


def _plot_command(name, plot, lang, **options):
    parts = [f"kg {name}"] + [f"--{k.replace('_', '-')} {v}" for k, v in options.items() if v is not None]
    return " ".join(parts + ([f"--lang {lang}"] if lang != LANGUAGES[0] else []) + [f"--plot {Path(plot).name}"])


@main.command()
@network_filters
@click.option("--top", type=int, help="Show only the first N departments.")
@plot_options
@table_options()
@_errors_as_messages
def centrality(out_dir, document, year, as_of, top, plot, out):
    """Per department: tasks led and joined, degree, betweenness, closeness, eigenvector, PageRank, k-core.

    Each task counts a department once, in its strongest role, so the task
    columns add up to tasks_total. Closeness is networkx's (Wasserman–Faust)
    on distances 1/shared tasks: above 1 when a department is, on average,
    closer to the others than one shared task.
    """
    from ..output import Table

    g = built_graph(out_dir, lang=out.lang)
    table = g.centrality(document, year, as_of)
    if plot:
        from ..share.charts import draw_ranking

        command = _plot_command("centrality", plot, out.lang, document=document, year=year, as_of=as_of, top=top)
        click.echo(f"wrote {draw_ranking(table.rows, plot, g.sources(), command, out.lang, top or 20)}")
        return
    columns = [c for c in table.columns if c not in ("department", "department_en")]
    out.emit(Table(table.columns, table.rows[:top] if top else table.rows, notes=table.notes), columns, "centrality")


@main.command()
@graph_option
@click.option("--as-of", "as_of", type=int, metavar="YEAR",
              help="Map organisations to their successors valid in YEAR, so lines continue across reforms.")
@click.option("--department", metavar="NAME",
              help="Only this department: any of its names (省质监局, 质监局, its full or English name, its id).")
@plot_options
@table_options()
@_errors_as_messages
def trends(out_dir, as_of, department, plot, out):
    """Per department per year: tasks led and joined, weighted degree, betweenness, PageRank."""
    g = built_graph(out_dir, lang=out.lang)
    table = g.trends(as_of, department)
    if plot:
        from ..share.charts import draw_trends

        command = _plot_command("trends", plot, out.lang, as_of=as_of, department=department)
        click.echo(f"wrote {draw_trends(table.rows, plot, g.sources(), command, out.lang, as_of)}")
        return
    out.emit(table, name="trends")


@main.command()
@network_filters
@click.option("--between", type=click.Choice(OVERLAP_BETWEEN), default=OVERLAP_BETWEEN[0], show_default=True,
              help="Compare departments by their tasks, or documents by their departments.")
@click.option("--top", type=int, default=20, show_default=True, help="Show the N most overlapping pairs (0: all).")
@table_options()
@_errors_as_messages
def overlap(out_dir, document, year, as_of, between, top, out):
    """Pairs that overlap most: Jaccard and overlap coefficient of their sets."""
    from ..output import Table

    table = built_graph(out_dir, lang=out.lang).overlap(between, document, year, as_of)
    out.emit(Table(table.columns, table.rows[:top] if top else table.rows, notes=table.notes), table.columns[:7],
             "overlap")


@main.command()
@network_filters
@click.option("--seed", type=int, default=0, show_default=True, help="Louvain's random seed (same seed, same result).")
@click.option("--resolution", type=float, default=1.0, show_default=True, help="Louvain resolution.")
@table_options()
@_errors_as_messages
def communities(out_dir, document, year, as_of, seed, resolution, out):
    """Communities of departments (Louvain on shared tasks), with modularity and density."""
    from ..output import Table, dump_json

    table = built_graph(out_dir, lang=out.lang).communities(document, year, as_of, seed, resolution)
    summary, shown = table.summary, ["community", "size", "departments"]
    data = None
    if out.format == "json":
        data = (dump_json({**summary, "communities": [{k: c[k] for k in shown} for c in table.rows]}) + "\n").encode()
    out.emit(Table(shown, table.rows, notes=table.notes), name="communities", data=data)
    if out.format != "json":
        click.echo(f"modularity {summary['modularity']}, density {summary['density']}, "
                   f"{summary['communities']} communities of {summary['departments']} departments", err=True)


@main.command("export-network")
@network_filters
@click.option("--kind", type=click.Choice(NETWORK_KINDS), default="co-responsibility", show_default=True,
              help="Which network.")
@click.option("--format", "fmt", type=click.Choice(NETWORK_FORMATS), default=None,
              help="graphml, gexf or csv (default: by -o FILE's extension: .graphml, .xml, .gexf, .csv).")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False), required=True,
              help="File to write (CSV also writes <stem>.nodes.csv beside it).")
@lang_option
@_errors_as_messages
def export_network(out_dir, document, year, as_of, kind, fmt, output, lang):
    """Write a network for Gephi (GraphML, GEXF) or any tool (CSV): labels, roles, weights, measures, and the page's
    positions, colours and sizes."""
    from ..share.export import export_network as write, network_format

    fmt = network_format(output, fmt)  # a wrong extension fails before any work
    g = built_graph(out_dir, lang=lang).styled_network(kind, document, year, as_of)
    files = write(g, fmt, output)
    click.echo(f"wrote {', '.join(map(str, files))}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")


def _view_options(fn):
    fn = lang_option(fn)
    fn = click.option("--arrows", is_flag=True, help="departments view: lead → participant arrows instead of shared tasks.")(fn)
    fn = click.option("--size-by", default="weighted_degree", show_default=True, type=click.Choice(SIZE_MEASURES),
                      help="departments view: what node size shows.")(fn)
    fn = click.option("--department", metavar="NAME", multiple=True,
                      help="ego view: the department, any of its names (e.g. 省质监局); matrix view: one or more "
                           "(repeat it).")(fn)
    fn = click.option("--view", type=click.Choice(VIEWS), default="departments", show_default=True,
                      help="What to show.")(fn)
    return fn


def _command_line(name, view, document, department, size_by, arrows, year, as_of, output, lang="zh"):
    """The command as it reproduces the file (the output's name only, so it does not depend on the folder)."""
    parts = [f"kg {name}"] + ([f"--view {view}"] if view else [])
    departments = [department] if isinstance(department, str) else list(department or ())
    for flag, value in (("--document", document), *(("--department", d) for d in departments), ("--year", year),
                        ("--as-of", as_of)):
        if value is not None:
            parts.append(f"{flag} {value}")
    if size_by != "weighted_degree":
        parts.append(f"--size-by {size_by}")
    if arrows:
        parts.append("--arrows")
    if lang != LANGUAGES[0]:
        parts.append(f"--lang {lang}")
    parts.append(f"-o {Path(output).name}")
    return " ".join(parts)


@main.command("html")
@network_filters
@_view_options
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The HTML file to write.")
@_errors_as_messages
def html_command(out_dir, document, year, as_of, view, department, size_by, arrows, lang, output):
    """Write an interactive view (a network, or the responsibility matrix) as one HTML file that opens offline."""
    from ..share.html import write_page

    g = built_graph(out_dir, lang=lang)
    v = g.view(view, document, list(department), size_by, arrows, year, as_of, lang)
    for note in v.notes:
        click.echo(note, err=True)
    command = _command_line("html", view, document, department, size_by, arrows, year, as_of, output, lang)
    path = write_page(v, g.sources(), command, output)
    if v.kind == "matrix":
        t = v.table
        click.echo(f"wrote {path}: {len(t['rows'])} tasks × {len(t['columns'])} departments, {len(t['cells'])} cells")
    else:
        click.echo(f"wrote {path}: {len(v.nodes)} nodes, {len(v.edges)} edges")


@main.command()
@network_filters
@click.option("--size-by", default="weighted_degree", show_default=True, type=click.Choice(SIZE_MEASURES),
              help="What node size shows.")
@click.option("--arrows", is_flag=True, help="Lead → participant links instead of shared tasks.")
@lang_option
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="A .png, .svg or .pdf file.")
@_errors_as_messages
def figure(out_dir, document, year, as_of, size_by, arrows, lang, output):
    """Draw the departments network as a static figure (PNG, SVG or PDF) with legend and source line."""
    from ..share.figure import draw_departments

    g = built_graph(out_dir, lang=lang)
    v = g.view("departments", document, None, size_by, arrows, year, as_of, lang)
    command = _command_line("figure", None, document, None, size_by, arrows, year, as_of, output, lang)
    click.echo(f"wrote {draw_departments(v, output, g.sources(), command)}")
