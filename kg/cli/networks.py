"""Commands on the networks of departments: measures, exports, HTML and figures."""

from __future__ import annotations

from pathlib import Path

import click

from ..vocabulary import LANGUAGES, NETWORK_FORMATS, NETWORK_KINDS, SIZE_MEASURES, VIEWS
from . import _echo, _errors_as_messages, built_graph, graph_option, main, output_options


def network_filters(fn):
    """The options every analysis command shares: which graph and which slice of it."""
    fn = click.option("--as-of", "as_of", type=int, metavar="YEAR",
                      help="Map organisations to their successors valid in YEAR (e.g. 2019 after the 2018 reform).")(fn)
    fn = click.option("--year", type=int, help="Only documents dated in this year.")(fn)
    fn = click.option("--document", metavar="DOC_NUMBER", help="Only this document (e.g. 浙政办发〔2017〕72号).")(fn)
    return graph_option(fn)


def plot_options(fn):
    """``--plot FILE`` and ``--lang``: draw the table as a figure instead of printing it."""
    fn = click.option("--lang", type=click.Choice(LANGUAGES), default=LANGUAGES[0], show_default=True,
                      help="Language of the figure's words.")(fn)
    return click.option("--plot", type=click.Path(dir_okay=False), metavar="FILE",
                        help="Draw the table as a figure (.png, .svg or .pdf) instead of printing it.")(fn)


def _plot_command(name, plot, lang, **options):
    parts = [f"kg {name}"] + [f"--{k.replace('_', '-')} {v}" for k, v in options.items() if v is not None]
    return " ".join(parts + ([f"--lang {lang}"] if lang != LANGUAGES[0] else []) + [f"--plot {Path(plot).name}"])


@main.command()
@network_filters
@click.option("--top", type=int, help="Show only the first N departments.")
@plot_options
@output_options()
@_errors_as_messages
def centrality(out_dir, document, year, as_of, top, plot, lang, fmt):
    """Per department: tasks led and joined, degree, betweenness, closeness, eigenvector, PageRank, k-core."""
    from ..output import format_rows

    g = built_graph(out_dir)
    table = g.centrality(document, year, as_of)
    if plot:
        from ..share.charts import draw_ranking

        command = _plot_command("centrality", plot, lang, document=document, year=year, as_of=as_of, top=top)
        click.echo(f"wrote {draw_ranking(table.rows, plot, g.sources(), command, lang, top or 20)}")
        return
    columns = table.columns if fmt != "table" else [c for c in table.columns if c not in ("department", "department_en")]
    _echo(format_rows(table.rows[:top] if top else table.rows, columns, fmt))


@main.command()
@graph_option
@click.option("--as-of", "as_of", type=int, metavar="YEAR",
              help="Map organisations to their successors valid in YEAR, so lines continue across reforms.")
@click.option("--department", metavar="NAME", help="Only this department (canonical or short name).")
@plot_options
@output_options()
@_errors_as_messages
def trends(out_dir, as_of, department, plot, lang, fmt):
    """Per department per year: tasks led and joined, weighted degree, betweenness, PageRank."""
    from ..output import format_rows

    g = built_graph(out_dir)
    table = g.trends(as_of, department)
    if plot:
        from ..share.charts import draw_trends

        command = _plot_command("trends", plot, lang, as_of=as_of, department=department)
        click.echo(f"wrote {draw_trends(table.rows, plot, g.sources(), command, lang, as_of)}")
        return
    _echo(format_rows(table.rows, table.columns, fmt))


@main.command()
@network_filters
@click.option("--between", type=click.Choice(["departments", "documents"]), default="departments", show_default=True,
              help="Compare departments by their tasks, or documents by their departments.")
@click.option("--top", type=int, default=20, show_default=True, help="Show the N most overlapping pairs (0: all).")
@output_options()
@_errors_as_messages
def overlap(out_dir, document, year, as_of, between, top, fmt):
    """Pairs that overlap most: Jaccard and overlap coefficient of their sets."""
    from ..output import format_rows

    table = built_graph(out_dir).overlap(between, document, year, as_of)
    columns = table.columns[:7] if fmt == "table" else table.columns
    _echo(format_rows(table.rows[:top] if top else table.rows, columns, fmt))


@main.command()
@network_filters
@click.option("--seed", type=int, default=0, show_default=True, help="Louvain's random seed (same seed, same result).")
@click.option("--resolution", type=float, default=1.0, show_default=True, help="Louvain resolution.")
@output_options()
@_errors_as_messages
def communities(out_dir, document, year, as_of, seed, resolution, fmt):
    """Communities of departments (Louvain on shared tasks), with modularity and density."""
    from ..output import dump_json, format_rows

    table = built_graph(out_dir).communities(document, year, as_of, seed, resolution)
    summary = table.summary
    if fmt == "json":
        _echo(dump_json({**summary, "communities": [{k: c[k] for k in ("community", "size", "departments")}
                                                      for c in table.rows]}))
        return
    _echo(format_rows(table.rows, ["community", "size", "departments"], fmt))
    click.echo(f"modularity {summary['modularity']}, density {summary['density']}, "
               f"{summary['communities']} communities of {summary['departments']} departments", err=True)


@main.command("export-network")
@network_filters
@click.option("--kind", type=click.Choice(NETWORK_KINDS), default="co-responsibility", show_default=True,
              help="Which network.")
@click.option("--format", "fmt", type=click.Choice(NETWORK_FORMATS), default="graphml", show_default=True)
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False), required=True,
              help="File to write (CSV also writes <stem>.nodes.csv beside it).")
@_errors_as_messages
def export_network(out_dir, document, year, as_of, kind, fmt, output):
    """Write a network for Gephi (GraphML, GEXF) or any tool (CSV): labels, roles, weights, measures, and the page's
    positions, colours and sizes."""
    from ..share.export import export_network as write

    g = built_graph(out_dir).styled_network(kind, document, year, as_of)
    files = write(g, fmt, output)
    click.echo(f"wrote {', '.join(map(str, files))}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")


def lang_option(fn):
    """``--lang zh|en``: the language of titles, legends and tooltips."""
    return click.option("--lang", type=click.Choice(LANGUAGES), default=LANGUAGES[0], show_default=True,
                        help="Language of titles, legends and tooltips.")(fn)


def _view_options(fn):
    fn = lang_option(fn)
    fn = click.option("--arrows", is_flag=True, help="departments view: lead → participant arrows instead of shared tasks.")(fn)
    fn = click.option("--size-by", default="weighted_degree", show_default=True, type=click.Choice(SIZE_MEASURES),
                      help="departments view: what node size shows.")(fn)
    fn = click.option("--department", metavar="NAME", multiple=True,
                      help="ego view: the department (e.g. 省质监局); matrix view: one or more (repeat it).")(fn)
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

    g = built_graph(out_dir)
    v = g.view(view, document, list(department), size_by, arrows, year, as_of, lang)
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

    g = built_graph(out_dir)
    v = g.view("departments", document, None, size_by, arrows, year, as_of, lang)
    command = _command_line("figure", None, document, None, size_by, arrows, year, as_of, output, lang)
    click.echo(f"wrote {draw_departments(v, output, g.sources(), command)}")
