"""The ``%%sparql`` cell magic for Jupyter (``%load_ext kg``).

::

    %%sparql --graph kg-out -o led
    SELECT ?department (COUNT(?t) AS ?n) WHERE { ?t kgo:lead/rdfs:label ?department } GROUP BY ?department

The cell's SPARQL runs against a built graph (``--graph DIR``, or ``--out DIR``
as before; or ``--endpoint URL``, with ``--graph IRI`` for a named graph), with the
project's prefixes predeclared; the result shows as a table (a pandas
DataFrame) and, with ``-o NAME``, is stored in the notebook variable ``NAME``.
``--param name=value`` binds parameters as terms, as on the command line; ``--timeout SECONDS``
bounds the query (default 300, 0 for none).
"""

from __future__ import annotations

import shlex

__all__ = ["load_ipython_extension", "sparql_cell"]


def _parse(line: str):
    import argparse

    parser = argparse.ArgumentParser(prog="%%sparql", add_help=False)
    parser.add_argument("--out")
    parser.add_argument("--endpoint")
    parser.add_argument("--graph", action="append", default=[])
    parser.add_argument("-o", "--output", dest="variable")
    parser.add_argument("--param", action="append", default=[])
    parser.add_argument("--timeout", type=float, default=None)
    try:
        return parser.parse_args(shlex.split(line))
    except SystemExit:
        from .errors import QueryError

        raise QueryError(f"%%sparql: cannot read the options {line!r}; "
                         "use --graph DIR (or --out DIR), --endpoint URL, --graph IRI, -o NAME, --param NAME=VALUE, "
                         "--timeout SECONDS") from None


def sparql_cell(line: str, cell: str, namespace: dict | None = None):
    """Run the cell's SPARQL; return a DataFrame (stored in ``namespace`` under ``-o NAME``)."""
    from .api import open_graph
    from .rdf.terms import is_iri
    from .sparql.guard import DEFAULT_TIMEOUT

    args = _parse(line)
    params = dict(p.split("=", 1) for p in args.param if "=" in p)
    timeout = DEFAULT_TIMEOUT if args.timeout is None else args.timeout
    named = [g for g in args.graph if is_iri(g)]  # with --endpoint: named graphs (several: their merge)
    folder = args.out or next((g for g in args.graph if not is_iri(g)), "kg-out")
    with open_graph(folder, args.endpoint, named[0] if len(named) == 1 else named or None, timeout=timeout) as g:
        frame = g.sparql(cell, **params)
    if args.variable and namespace is not None:
        namespace[args.variable] = frame
    return frame


def load_ipython_extension(ipython):
    """Register ``%%sparql``; errors show as one line, not a traceback."""
    from .errors import KgError

    def sparql(line, cell):
        try:
            return sparql_cell(line, cell, ipython.user_ns)
        except KgError as exc:
            print(f"Error: {exc}")
            return None

    ipython.register_magic_function(sparql, "cell", "sparql")
