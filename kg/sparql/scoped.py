"""Named queries about one document, run on the graphs that hold its facts.

A build's store holds a graph for each source and one shared graph
(:mod:`kg.build.graphs`): a document's lines are in the graph of the source
that prints it, and what several sources may give (organisations, cited
documents, the lines of a document two sources print or another cites) in
the shared graph. Every query kg runs reads the union of them all. The
named ``document_tree`` and ``responsibility_matrix`` queries read the facts
of the one document their ``number`` names, so on a build's own store
(:class:`~kg.sparql.backend.LocalStore`), run as shipped, they read only the
shared graph and the graphs of the sources that print that document (its
lines, and the spans that quote them): the same rows, since no fact of the
document is anywhere else (tests/test_scoped.py compares them for every
document of the seed, of a synthetic corpus and of the seed printed twice).

It is for speed. Oxigraph evaluates each branch of ``document_tree``'s
``UNION`` over the whole dataset and only then joins the one document: on
the 1 000-issue corpus 3.4–6.8 s, and 0.02 s on its graphs
(benchmarks/README.md, "Issue 18").
"""

from __future__ import annotations

__all__ = ["SCOPED", "bound_rows", "document_graphs", "shared_graph_of"]

#: The named queries that read only the facts of one document, and the parameter that names it.
SCOPED = {"document_tree": "number", "responsibility_matrix": "number"}

#: The sources that print a document: each source's own lines are in the graph its IRI names.
_PRINTED_BY = "SELECT DISTINCT ?source WHERE { ?doc eli:id_local ?number ; kgo:publishedIn/kgo:sourceText ?source }"


def document_graphs(backend, query, bindings: dict[str, str]) -> list[str] | None:
    """The graphs ``query`` may be run on instead of the union of all, or ``None`` to run it on the union.

    ``bindings`` are the query's parameters as N-Triples terms
    (:func:`~kg.sparql.queries.bind_params`). Only a query of :data:`SCOPED`,
    unedited, on a build's own store is scoped: to the shared graph and the
    graphs of the sources that print the document, sorted. A document no
    source prints (only cited) is left to the union.

    Examples
    --------
    >>> from kg.sparql.queries import load_query
    >>> document_graphs(object(), load_query("document_tree"), {"number": '"x"'}) is None  # a server, say
    True
    """
    from .backend import LocalStore
    from .queries import is_shipped, with_values

    parameter = SCOPED.get(query.name)
    if parameter is None or parameter not in bindings or not isinstance(backend, LocalStore) or \
            not is_shipped(query):
        return None
    sources = {source for (source,) in backend.strings(with_values(_PRINTED_BY, {"number": bindings[parameter]}))}
    shared = {shared_graph_of(source) for source in sources}
    if not sources or None in shared:
        return None
    return sorted(sources | shared)


def bound_rows(backend, query, bindings: dict[str, str], lexical: bool = False):
    """``query`` run with ``bindings`` as its inline data: ``backend.select``'s answer, or ``strings``' with ``lexical``.

    On the graphs :func:`document_graphs` gives, where it gives any; else on
    the union of all.
    """
    from .queries import with_values

    text, graphs = with_values(query.text, bindings), document_graphs(backend, query, bindings)
    run = backend.strings if lexical else backend.select
    return run(text) if graphs is None else run(text, graphs)


def shared_graph_of(source_graph: str) -> str | None:
    """The shared graph of the build whose source graph is ``source_graph`` (``None``: not a source's graph).

    Examples
    --------
    >>> shared_graph_of("https://w3id.org/kg-gazette/id/source/81eaf4dbb71cf20c")
    'https://w3id.org/kg-gazette/id/graph/shared'
    >>> shared_graph_of("https://w3id.org/kg-gazette/id/graph/shared") is None
    True
    """
    from ..rdf.iris import Minter

    base, cut, digits = source_graph.rpartition("source/")
    if not cut or len(digits) != 16 or digits.strip("0123456789abcdef"):
        return None
    return Minter(base).shared_graph()
