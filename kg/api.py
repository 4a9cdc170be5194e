"""The Python API for notebooks: open a built graph, get pandas DataFrames.

Examples
--------
>>> import kg
>>> g = kg.open_graph("kg-out")                                   # doctest: +SKIP
>>> g.query("tasks_of_department", department="省质监局")          # doctest: +SKIP
>>> g.sparql("SELECT ?doc WHERE { ?doc a kgo:PolicyDocument }")    # doctest: +SKIP
>>> g.centrality(year=2017).head()                                 # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["BuiltGraph", "open_graph"]


def _frame(rows, columns):
    import pandas as pd

    return pd.DataFrame(rows, columns=columns)


class BuiltGraph:
    """A built output folder (``kg build``): SPARQL and network measures as DataFrames."""

    def __init__(self, out_dir="kg-out"):
        from .sparql.store import open_store

        self.out_dir = Path(out_dir)
        self.store = open_store(self.out_dir)

    def __repr__(self):
        return f"BuiltGraph({str(self.out_dir)!r})"

    def query(self, name: str, **params):
        """Run a named query (``queries/NAME.rq``) or a ``.rq`` file; parameters as keywords."""
        from .sparql.queries import load_query, run_query

        columns, rows = run_query(self.store, load_query(name), {k: str(v) for k, v in params.items()})
        return _frame(rows, columns)

    def sparql(self, text: str, **params):
        """Run SPARQL text (the project's prefixes are predeclared); parameters as keywords."""
        from .sparql.queries import parse_header, run_query

        columns, rows = run_query(self.store, parse_header("<sparql>", text), {k: str(v) for k, v in params.items()})
        return _frame(rows, columns)

    def _rows(self, document=None, year=None, as_of=None):
        from .analysis.networks import assignments, organisation_labels

        return assignments(self.store, document, year, as_of), organisation_labels(self.store)

    def centrality(self, document=None, year=None, as_of=None):
        """Per-department measures (see :mod:`kg.analysis.centrality`)."""
        from .analysis.centrality import MEASURE_COLUMNS, department_measures

        rows, labels = self._rows(document, year, as_of)
        return _frame(department_measures(rows, labels), MEASURE_COLUMNS)

    def overlap(self, between: str = "departments", document=None, year=None, as_of=None):
        """Pairs of departments (by tasks) or documents (by departments) with Jaccard and overlap."""
        from .analysis.overlap import OVERLAP_COLUMNS, department_overlap, document_overlap

        rows, labels = self._rows(document, year, as_of)
        data = department_overlap(rows, labels) if between == "departments" else document_overlap(rows)
        return _frame(data, OVERLAP_COLUMNS)

    def trends(self, as_of=None, department=None):
        """Per department per year: tasks led and joined, centrality (see :mod:`kg.analysis.trends`)."""
        from .analysis.trends import TREND_COLUMNS, department_trends

        rows, labels = self._rows(as_of=as_of)
        return _frame(department_trends(rows, labels, department), TREND_COLUMNS)

    def communities(self, document=None, year=None, as_of=None, seed: int = 0):
        """Louvain communities; the summary (modularity, density) is in ``.attrs``."""
        from .analysis.communities import detect_communities

        rows, labels = self._rows(document, year, as_of)
        data, summary = detect_communities(rows, labels, seed=seed)
        frame = _frame(data, ["community", "size", "departments", "members"])
        frame.attrs.update(summary)
        return frame

    def show(self, view: str = "departments", height: int = 600, **options):
        """An interactive view inline in a notebook (the same page ``kg html`` writes)."""
        from IPython.display import HTML

        from .share.html import iframe
        from .share.views import graph_sources, make_view

        v = make_view(self.store, view, **options)
        return HTML(iframe(v, graph_sources(self.store), f"kg.open_graph(...).show({view!r})", height))

    def network(self, kind: str = "co-responsibility", document=None, year=None, as_of=None):
        """A networkx graph of ``kind`` with measures on its department nodes."""
        from .analysis.annotate import annotated_network

        return annotated_network(self.store, kind, document, year, as_of)


def open_graph(out_dir="kg-out") -> BuiltGraph:
    """Open the graph that ``kg build`` wrote into ``out_dir``."""
    return BuiltGraph(out_dir)
