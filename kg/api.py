"""The one face of a built graph: queries, networks, measures and views, each computed once.

:class:`BuiltGraph` is what the command line, notebooks and the ``%%sparql``
magic all call, as sqlite-utils' CLI calls its ``Database``: it opens the
store (or a SPARQL endpoint) once, reads the assignments and organisation
names once, builds each network once, and answers with :class:`~kg.output.Table`
rows. :func:`open_graph` gives notebooks the same object answering with pandas
DataFrames.

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

from .errors import KgError
from .output import Table
from .sparql.guard import DEFAULT_TIMEOUT
from .vocabulary import NETWORK_KINDS, SIZE_MEASURES, VIEWS, Phrase

__all__ = ["BuiltGraph", "NotebookGraph", "open_graph"]


class BuiltGraph:
    """A built output folder (``kg build``), or a SPARQL ``endpoint`` holding such a graph.

    Every method that slices the graph takes ``document`` (a 发文字号),
    ``year`` (documents dated that year) and ``as_of`` (organisations mapped to
    their successors valid in that year). Collective actors (各省、自治区、直辖市人民政府,
    有关部门 …) are not departments: the assignments, and so every network and
    measure, leave them out unless ``collectives`` is true. ``timeout`` is the
    seconds each query may run (``None`` or 0: no limit); a query past it, or
    interrupted with Ctrl-C, is stopped and its cores freed.
    """

    NETWORK_KINDS = NETWORK_KINDS
    VIEWS = VIEWS
    SIZE_MEASURES = SIZE_MEASURES

    def __init__(self, out_dir="kg-out", endpoint: str | None = None, graph: str | None = None,
                 collectives: bool = False, timeout: float | None = DEFAULT_TIMEOUT):
        from .sparql.backend import open_backend
        from .sparql.guard import check_timeout

        self.out_dir = Path(out_dir)
        self.collectives = collectives
        self.backend = open_backend(self.out_dir, endpoint, graph, check_timeout(timeout))
        self._all: list | None = None
        self._labels: dict | None = None
        self._slices: dict = {}
        self._networks: dict = {}

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.backend!r})"

    def close(self) -> None:
        """Stop the embedded store's worker process now (it also stops when the object is dropped)."""
        close = getattr(self.backend, "close", None)
        if close:
            close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _result(self, table: Table):
        """What the public methods return: the table itself (see :class:`NotebookGraph`)."""
        return table

    # -- SPARQL --------------------------------------------------------------------------------------------------

    def queries(self):
        """The named queries (``queries/*.rq``) with their titles, parameters and columns."""
        from .sparql.queries import catalogue

        return self._result(catalogue())

    def query(self, name: str, /, **params):
        """Run a named query (``queries/NAME.rq``), a ``.rq`` file or ``-``; parameters as keywords."""
        from .sparql.queries import load_query, run_query

        columns, rows = run_query(self.backend, load_query(name), {k: str(v) for k, v in params.items()})
        return self._result(Table(columns, rows))

    def sparql(self, text: str, /, **params):
        """Run SPARQL text (the project's prefixes are predeclared); parameters as keywords."""
        from .sparql.queries import parse_header, run_query

        columns, rows = run_query(self.backend, parse_header("<sparql>", text), {k: str(v) for k, v in params.items()})
        return self._result(Table(columns, rows))

    # -- assignments and networks, each made once ---------------------------------------------------------------

    def labels(self) -> dict:
        """``{organisation IRI: {"label", "label_en", "kind"}}``."""
        if self._labels is None:
            from .analysis.assignments import organisation_labels

            self._labels = organisation_labels(self.backend)
        return self._labels

    def assignments(self, document=None, year=None, as_of=None) -> list:
        """The assignments (:class:`~kg.analysis.assignments.Assignment`) of a slice of the graph."""
        key = (document, year, as_of)
        if key not in self._slices:
            from .analysis.assignments import load_assignments, select

            if self._all is None:
                self._all = load_assignments(self.backend)
                if not self.collectives:
                    labels = self.labels()
                    self._all = [a for a in self._all if labels.get(a.organisation, {}).get("kind") != "collective"]
            self._slices[key] = select(self._all, document, year, as_of)
        return self._slices[key]

    def network(self, kind: str = "co-responsibility", document=None, year=None, as_of=None):
        """A networkx graph of ``kind`` (one of :data:`NETWORK_KINDS`) for a slice; built once, shared after."""
        key = (kind, document, year, as_of)
        if key not in self._networks:
            from .analysis.networks import build_network

            industries = ()
            if kind == "industries":
                from .analysis.assignments import document_industries

                industries = document_industries(self.backend)
            self._networks[key] = build_network(kind, self.assignments(document, year, as_of), self.labels(),
                                                industries)
        return self._networks[key]

    def _measures(self, document, year, as_of) -> list[dict]:
        from .analysis.centrality import department_measures

        return department_measures(self.assignments(document, year, as_of),
                                   self.network("co-responsibility", document, year, as_of),
                                   self.network("lead", document, year, as_of))

    def _communities(self, document, year, as_of, seed=0, resolution=1.0):
        from .analysis.communities import detect_communities

        return detect_communities(self.network("co-responsibility", document, year, as_of), seed=seed,
                                  resolution=resolution)

    # -- analysis -----------------------------------------------------------------------------------------------

    def centrality(self, document=None, year=None, as_of=None):
        """Per department: tasks by role, degree, betweenness, closeness, eigenvector, PageRank, k-core."""
        from .analysis.centrality import MEASURE_COLUMNS

        return self._result(Table(MEASURE_COLUMNS, self._measures(document, year, as_of)))

    def overlap(self, between: str = "departments", document=None, year=None, as_of=None):
        """Pairs of departments (by the tasks they share) or of documents (by the departments they task)."""
        from .analysis.overlap import OVERLAP_COLUMNS, department_overlap, document_overlap

        if between not in ("departments", "documents"):
            raise KgError(f"overlap is between 'departments' or 'documents', not {between!r}")
        rows = self.assignments(document, year, as_of)
        data = department_overlap(rows, self.labels()) if between == "departments" else document_overlap(rows)
        return self._result(Table(OVERLAP_COLUMNS, data))

    def communities(self, document=None, year=None, as_of=None, seed: int = 0, resolution: float = 1.0):
        """Louvain communities of departments; modularity and density in the table's ``summary``."""
        data, summary = self._communities(document, year, as_of, seed, resolution)
        return self._result(Table(["community", "size", "departments", "members"], data, summary))

    def trends(self, as_of=None, department=None):
        """Per department per year: tasks led and joined, centrality (see :mod:`kg.analysis.trends`)."""
        from .analysis.trends import TREND_COLUMNS, department_trends

        return self._result(Table(TREND_COLUMNS, department_trends(self.assignments(as_of=as_of), self.labels(),
                                                                   department)))

    def annotated_network(self, kind: str = "co-responsibility", document=None, year=None, as_of=None,
                          seed: int = 0):
        """A copy of network ``kind`` whose department nodes carry their measures and community."""
        from .analysis.annotate import annotate

        communities, _ = self._communities(document, year, as_of, seed)
        return annotate(self.network(kind, document, year, as_of).copy(), self._measures(document, year, as_of),
                        communities)

    def styled_network(self, kind: str = "co-responsibility", document=None, year=None, as_of=None, lang="zh"):
        """:meth:`annotated_network` with the page's positions, colours and sizes (:func:`kg.share.export.style`)."""
        from .share.export import style

        g = self.annotated_network(kind, document, year, as_of)
        view = self.view("departments", document, None, arrows=kind == "lead", year=year, as_of=as_of, lang=lang) \
            if kind in ("co-responsibility", "lead") else None
        return style(g, view)

    # -- checking -----------------------------------------------------------------------------------------------

    def validate(self, shapes=None):
        """SHACL validation of the built graph: ``(conforms, violations, triple_count)``."""
        from .build.output_dir import GRAPH_NT, OutputDir
        from .rdf.validate import validate

        return validate(OutputDir(self.out_dir).built(GRAPH_NT), shapes)

    # -- sharing ------------------------------------------------------------------------------------------------

    def sources(self) -> list[tuple[str, str]]:
        """``(file name, sha256)`` of every source text in the graph, sorted."""
        from .sparql.queries import load_query

        return sorted({(name, sha) for name, sha in self.backend.strings(load_query("source_texts").text)})

    def view(self, view: str = "departments", document=None, department=None, size_by="weighted_degree",
             arrows=False, year=None, as_of=None, lang: str = "zh"):
        """One of :data:`VIEWS` as a :class:`~kg.share.views.View` (nodes, edges, legend) for the HTML page.

        ``department`` is one name (the ego view) or, for the matrix, one name
        or a list of them; ``lang`` (``zh`` or ``en``) the language of titles,
        legends and tooltips.
        """
        from .share import views

        if view not in VIEWS:
            raise KgError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
        views.say(Phrase.TASK, lang)  # an unknown language fails here, before any query
        names = [department] if isinstance(department, str) else list(department or [])
        if view == "departments":
            g = self.annotated_network("lead" if arrows else "co-responsibility", document, year, as_of)
            return views.departments_view(g, size_by, lang)
        if view == "document":
            from .share.tree import document_view

            if not document:
                raise KgError("the document view needs --document DOC_NUMBER")
            names_en = {k: v["label_en"] for k, v in self.labels().items()}
            return document_view(self._rows("document_tree", number=document), document, lang, names_en)
        if view == "ego":
            if len(names) != 1:
                raise KgError("the ego view needs --department NAME (e.g. 省质监局)")
            return views.ego_view(self.annotated_network("co-responsibility", document, year, as_of),
                                  self.assignments(document, year, as_of), names[0], lang)
        if view == "matrix":
            return self._matrix(document, names, year, as_of, lang)
        return views.industries_view(self._rows("industry_targets"), lang)

    def _matrix(self, document, names, year, as_of, lang):
        """The responsibility matrix of a document, a year's documents or the tasks of some departments."""
        from .share.matrix import matrix_view
        from .share.views import find_department

        if as_of is not None:
            raise KgError("the matrix view shows organisations as each document names them; drop --as-of")
        if not (document or year or names):
            raise KgError("the matrix view needs --document DOC_NUMBER, --year YEAR or --department NAME")
        rows = self.assignments(document, year)
        chosen = None
        if names:
            g = self.network("co-responsibility", document, year)
            chosen = [find_department(g, n) for n in names]
            rows = [a for a in rows if a.organisation in chosen]
        numbers = sorted({a.doc_number for a in rows if a.doc_number})
        if not numbers:
            raise KgError(f"no tasks for {self._slice_name(document, year, names)} in the graph")
        data = [(number, *r) for number in numbers for r in self._rows("responsibility_matrix", number=number)]
        return matrix_view(data, self._slice_name(document, year, names, lang), lang, chosen)

    @staticmethod
    def _slice_name(document, year, names, lang="zh") -> str:
        from .share.views import say

        parts = [document] if document else []
        if year:
            parts.append(say(Phrase.MATRIX_YEAR, lang, year=year))
        if names:
            parts.append("、".join(names))
        return " · ".join(parts)

    def _rows(self, name: str, **params):
        """Rows of lexical values of a named query, for the views."""
        from .sparql.queries import bind_params, load_query, with_values

        q = load_query(name)
        return self.backend.strings(with_values(q.text, bind_params(q, params)))

    def show(self, view: str = "departments", height: int = 600, **options):
        """An interactive view inline in a notebook (the same page ``kg html`` writes; ``lang="en"`` for English)."""
        from IPython.display import HTML

        from .share.html import iframe

        v = self.view(view, **options)
        return HTML(iframe(v, self.sources(), f"kg.open_graph(...).show({view!r})", height))


class NotebookGraph(BuiltGraph):
    """A :class:`BuiltGraph` whose tables come back as pandas DataFrames, for notebooks."""

    def _result(self, table: Table):
        return table.to_pandas()


def open_graph(out_dir="kg-out", endpoint: str | None = None, graph: str | None = None,
               collectives: bool = False, timeout: float | None = DEFAULT_TIMEOUT) -> NotebookGraph:
    """Open the graph that ``kg build`` wrote into ``out_dir`` (or one on a SPARQL ``endpoint``), for notebooks.

    ``collectives``: count collective actors as departments too; ``timeout``: seconds a query may run.
    """
    return NotebookGraph(out_dir, endpoint, graph, collectives, timeout)
