"""Commands that ask SPARQL: named queries, and a shared SPARQL server."""

from __future__ import annotations

import click

from . import _echo, _errors_as_messages, built_graph, main, output_options


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
    from ..output import format_rows

    if list_queries or not query:
        from ..sparql.queries import catalogue

        table = catalogue()
    else:
        table = built_graph(out_dir, endpoint, graph).query(query, **_parse_params(params))
    _echo(format_rows(table.rows, table.columns, fmt))


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
    from ..sparql.remote import push as run_push

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

    from ..sparql.remote import serve_command

    command = serve_command(out_dir, host, port)
    click.echo(f"SPARQL endpoint: http://{host}:{port}/query  (Ctrl-C to stop)", err=True)
    try:
        raise SystemExit(subprocess.call(command))
    except KeyboardInterrupt:
        raise SystemExit(0) from None
