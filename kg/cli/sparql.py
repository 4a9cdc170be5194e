"""Commands that ask SPARQL: named queries, a shared SPARQL server, and handing the graph to other stores."""

from __future__ import annotations

import click

from . import _errors_as_messages, built_graph, graph_option, main, table_options, timeout_option


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
@graph_option(named_graphs=True, several=True)
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind a query parameter.")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries.")
@click.option("--endpoint", metavar="URL", help="Run on a SPARQL server (its query URL) instead of the local build.")
@timeout_option("the query")
@table_options()
@_errors_as_messages
def query(query, out_dir, graph, params, list_queries, endpoint, timeout, out):
    """Run a named QUERY, a .rq file, or - (standard input) against a built graph or a SPARQL server."""
    if list_queries or not query:
        from ..sparql.queries import catalogue

        table = catalogue()
    else:
        with built_graph(out_dir, endpoint, graph, timeout, out.lang) as g:
            table = g.query(query, **_parse_params(params))
    out.emit(table, name=query or "queries")


@main.command()
@click.option("--endpoint", required=True, metavar="URL",
              help="The server's Graph Store Protocol URL (Oxigraph: http://HOST:7878/store; Fuseki: …/ds/data; "
                   "Virtuoso: …/sparql-graph-crud).")
@graph_option(named_graphs=True)
@click.option("--update", "update_url", metavar="URL",
              help="The server's SPARQL Update URL (guessed for Oxigraph, Fuseki, Virtuoso and GraphDB).")
@click.option("--query-url", metavar="URL", help="The server's SPARQL query URL, to count triples (guessed likewise).")
@click.option("--swap", type=click.Choice(["auto", "move", "insert", "none"]), default="auto", show_default=True,
              help="How the uploaded temporary graph replaces the target: MOVE, INSERT…WHERE in one request "
                   "(Jena 4.5, whose MOVE fails), or none: one streamed PUT straight into the target; auto: none "
                   "for Oxigraph (its PUT is atomic), else move.")
@click.option("--append", is_flag=True, help="Add to the graph instead of replacing it.")
@timeout_option("each request")
@_errors_as_messages
def push(endpoint, out_dir, graph, update_url, query_url, swap, append, timeout):
    """Upload the built graph (--graph DIR) to a SPARQL server, all or nothing (Oxigraph, Fuseki, Virtuoso,
    GraphDB); --graph IRI uploads into that named graph."""
    from ..progress import Steps
    from ..sparql.guard import check_timeout
    from ..sparql.remote import push as run_push

    result = run_push(out_dir, endpoint, graph, update=update_url, query=query_url, swap=swap, append=append,
                      timeout=check_timeout(timeout), progress=Steps().say)
    if result.note:
        click.echo(result.note, err=True)
    held = f"; it holds {result.holds}" if result.holds is not None else ""
    click.echo(f"pushed {result.triples} triples to {endpoint}" + (f" (graph {graph})" if graph else "") + held)


@main.command()
@graph_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default answers this machine only.")
@click.option("--port", type=int, default=7878, show_default=True)
@timeout_option("a query")
@_errors_as_messages
def serve(out_dir, host, port, timeout):
    """Serve the built graph as a read-only SPARQL 1.1 endpoint (the oxigraph server)."""
    from ..sparql.guard import check_timeout
    from ..sparql.server import serve as run_server

    raise SystemExit(run_server(out_dir, host, port, check_timeout(timeout), lambda text: click.echo(text, err=True)))


@main.command()
@graph_option
@click.option("--format", "fmt", type=click.Choice(["nq.gz", "nq", "nt.gz", "nt", "ttl"]), default="nq.gz",
              show_default=True, help="N-Quads (a named graph per source, shared lines in their own), N-Triples "
                                      "or Turtle; .gz compressed.")
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="The file to write.")
@_errors_as_messages
def export(out_dir, fmt, output):
    """Write the built graph as one file for a store's bulk loader (oxigraph load, tdb2.tdbloader, ld_dir …)."""
    from ..sparql.export import export as run_export

    result = run_export(out_dir, output, fmt)
    click.echo(f"wrote {result.triples} triples" + (f" in {result.graphs} graphs" if result.graphs else "")
               + f" to {output}")
