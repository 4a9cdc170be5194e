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
>>> g.queries()[["name", "params"]]                                # doctest: +SKIP

Names are read as the graph means them (:mod:`kg.sparql.names`): a
department by any of its names, a document number with any brackets; a name
that matches nothing is an error suggesting the nearest, never an empty table.
A table with no rows says why in its ``notes`` (in a notebook, as a warning).
"""

from __future__ import annotations

from pathlib import Path

from .api_views import Views
from .build.parsing import extract_sources as extract
from .build.report import EXTRACT_COLUMNS, extract_table
from .errors import KgError, check_keywords
from .output import Table
from .sparql.guard import DEFAULT_TIMEOUT
from .sparql.names import param_text, typed_year
from .vocabulary import LANGUAGES, NETWORK_KINDS, OVERLAP_BETWEEN, SIZE_MEASURES, VIEWS

__all__ = ["BuiltGraph", "NotebookGraph", "open_graph", "extract", "extract_table", "EXTRACT_COLUMNS"]


@check_keywords
class BuiltGraph(Views):
    """A built output folder (``kg build``), or a SPARQL ``endpoint`` holding such a graph.

    Every method that slices the graph takes ``document`` (a 发文字号),
    ``year`` (documents dated that year) and ``as_of`` (organisations mapped to
    their successors valid in that year). Collective actors (各省、自治区、直辖市人民政府,
    有关部门 …) are not departments: the assignments, and so every network and
    measure, leave them out unless ``collectives`` is true. ``timeout`` is the
    seconds each query may run (``None`` or 0: no limit); a query past it, or
    interrupted with Ctrl-C, is stopped and its cores freed. ``lang`` is the
    language organisation names come in (``zh`` or ``en``), in tables and views.
    ``steps`` (a :class:`kg.progress.Steps`; default: none shown) hears the
    long steps: queries, reading the assignments, measuring. A wrong keyword
    to any method is an error naming the keywords it takes.
    """

    NETWORK_KINDS = NETWORK_KINDS
    VIEWS = VIEWS
    SIZE_MEASURES = SIZE_MEASURES

    def __init__(self, out_dir="kg-out", endpoint: str | None = None, graph: str | None = None,
                 collectives: bool = False, timeout: float | None = DEFAULT_TIMEOUT, lang: str = "zh", steps=None):
        from .progress import QUIET
        from .sparql.backend import open_backend
        from .sparql.guard import check_timeout

        if lang not in LANGUAGES:
            raise KgError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
        self.out_dir = Path(out_dir)
        self.collectives = collectives
        self.lang = lang
        self.graph_iri = graph
        self.steps = steps or QUIET
        self.backend = open_backend(self.out_dir, endpoint, graph, check_timeout(timeout))
        self._names = None
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
        """What the public methods return: the table, its names in :attr:`lang` (see :class:`NotebookGraph`)."""
        if self.lang == "en":
            from .share.tables import translated

            names = self.names().english()
            names.update({v["label"]: v["label_en"] for v in (self._labels or {}).values() if v.get("label_en")})
            return translated(table, names)
        return table

    def names(self):
        """The graph's organisations and document numbers as names are looked up (:class:`~kg.sparql.names.GraphNames`)."""
        if self._names is None:
            from .sparql.names import GraphNames

            self._names = GraphNames.from_backend(self.backend)
        return self._names

    # -- SPARQL --------------------------------------------------------------------------------------------------

    def queries(self):
        """The named queries (``queries/*.rq``) with their titles, parameters and columns."""
        from .sparql.queries import catalogue

        return self._result(catalogue())

    def query(self, name: str, /, **params):
        """Run a named query (``queries/NAME.rq``), a ``.rq`` file or ``-``; parameters as keywords.

        An ``organisation`` parameter takes any name of one, a ``document``
        one a number with any brackets (see :meth:`queries` for each query's).
        """
        from .sparql.queries import load_query, resolve_names, run_query

        q = load_query(name)
        values, notes = resolve_names(q, {k: param_text(v) for k, v in params.items()}, self.names)
        with self.steps.waiting(f"query {q.name}"):
            columns, rows = run_query(self.backend, q, values, self.names)
        table = Table(columns, rows, notes=notes)
        if not rows:
            read = {p.name: self.names().label(values[p.name]) for p in q.params if p.type == "organisation"}
            table.notes.append(self._no_rows(q.name, {k: f"{v} ({read[k]})" if k in read and read[k] != v else v
                                                      for k, v in params.items()}))
        return self._result(table)

    def _no_rows(self, name: str, params: dict) -> str:
        if self.graph_iri:
            found = self.backend.strings("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1")
            if not found:
                graphs = [self.graph_iri] if isinstance(self.graph_iri, str) else list(self.graph_iri)
                held = f"the graph {graphs[0]} holds" if len(graphs) == 1 else f"the graphs {', '.join(graphs)} hold"
                return f"no rows: {held} no triples on the server; kg push --graph IRI uploads one"
        given = ", ".join(f"{k}={v}" for k, v in params.items())
        return f"no rows: query {name} matched nothing in the graph" + (f" for {given}" if given else "")

    def sparql(self, text: str, /, **params):
        """Run SPARQL text (the project's prefixes are predeclared); parameters as keywords."""
        from .sparql.queries import parse_header, run_query

        columns, rows = run_query(self.backend, parse_header("<sparql>", text),
                                  {k: param_text(v) for k, v in params.items()}, self.names)
        return self._result(Table(columns, rows, notes=[] if rows else ["no rows: the query matched nothing"]))

    # -- assignments and networks, each made once ---------------------------------------------------------------

    def labels(self) -> dict:
        """``{organisation IRI: {"label", "label_en", "kind"}}``."""
        if self._labels is None:
            from .analysis.assignments import organisation_labels

            self._labels = organisation_labels(self.backend)
        return self._labels

    def _everything(self) -> list:
        if self._all is None:
            from .analysis.assignments import load_assignments

            labels = self.labels()
            with self.steps.waiting("reading the assignments"):
                self._all = load_assignments(self.backend)
            if not self.collectives:
                self._all = [a for a in self._all if labels.get(a.organisation, {}).get("kind") != "collective"]
        return self._all

    def document_number(self, number: str | None) -> str | None:
        """The graph's number for a document number typed with any brackets; an error suggests the nearest."""
        return None if number is None else self.names().document(number).value

    def assignments(self, document=None, year=None, as_of=None) -> list:
        """The assignments (:class:`~kg.analysis.assignments.Assignment`) of a slice of the graph."""
        document, year, as_of = self.document_number(document), typed_year(year, "year"), typed_year(as_of, "as_of")
        key = (document, year, as_of)
        if key not in self._slices:
            from .analysis.assignments import select

            self._slices[key] = select(self._everything(), document, year, as_of)
            if as_of is not None:
                self._label_successors(self._slices[key])
        return self._slices[key]

    def _label_successors(self, rows) -> None:
        """Names for the successors an ``as_of`` slice maps to that the graph itself does not hold."""
        from .reference.organisations import load_table

        labels, table = self.labels(), None
        for org in {a.organisation for a in rows} - set(labels):
            table = table or load_table()
            org_id = org.rsplit("/org/", 1)[-1]
            if org_id in table:
                o = table.get(org_id)
                labels[org] = {"label": o.name, "label_en": o.name_en, "kind": o.kind}

    def empty_notes(self, document=None, year=None, as_of=None) -> list[str]:
        """Why a slice has no assignments (``[]`` when it has some)."""
        from .analysis.slices import why_empty

        return why_empty(self._everything(), self.assignments(document, year, as_of), self.document_number(document),
                         year)

    def find_department(self, name: str, document=None, year=None, as_of=None, notes: list | None = None) -> str:
        """The IRI of the department ``name`` means, among those with tasks in the slice (any of its names).

        A name no department of the slice has is an error that suggests the
        nearest; a department reorganised since is followed to its successor
        when the slice holds that (``as_of``), and ``notes`` gets a line saying so.
        """
        rows = self.assignments(document, year, as_of)
        where = "with tasks in the graph" if (document, year) == (None, None) else "with tasks in this slice"
        found = self.names().organisation(name, {a.organisation for a in rows}, typed_year(as_of, "as_of"),
                                          "department", where)
        if found.note and notes is not None:
            notes.append(found.note)
        return found.value

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

        rows = self.assignments(document, year, as_of)
        shared, lead = self.network("co-responsibility", document, year, as_of), self.network("lead", document, year,
                                                                                                 as_of)
        with self.steps.waiting(f"measuring {shared.number_of_nodes()} departments"):
            return department_measures(rows, shared, lead)

    def _communities(self, document, year, as_of, seed=0, resolution=1.0):
        from .analysis.communities import detect_communities

        shared = self.network("co-responsibility", document, year, as_of)
        with self.steps.waiting("finding communities"):
            return detect_communities(shared, seed=seed, resolution=resolution)

    # -- analysis -----------------------------------------------------------------------------------------------

    def centrality(self, document=None, year=None, as_of=None):
        """Per department: tasks by role, degree, betweenness, closeness, eigenvector, PageRank, k-core."""
        from .analysis.centrality import MEASURE_COLUMNS

        return self._result(Table(MEASURE_COLUMNS, self._measures(document, year, as_of),
                                  notes=self.empty_notes(document, year, as_of)))

    def overlap(self, between: str = "departments", document=None, year=None, as_of=None):
        """Pairs of departments (by the tasks they share) or of documents (by the departments they task)."""
        from .analysis.overlap import OVERLAP_COLUMNS, department_overlap, document_overlap
        from .analysis.slices import why_no_pairs

        if between not in OVERLAP_BETWEEN:
            raise KgError(f"overlap is between {' or '.join(map(repr, OVERLAP_BETWEEN))}, not {between!r}")
        rows = self.assignments(document, year, as_of)
        data = department_overlap(rows, self.labels()) if between == "departments" else document_overlap(rows)
        notes = self.empty_notes(document, year, as_of) or ([] if data else why_no_pairs(rows, between))
        return self._result(Table(OVERLAP_COLUMNS, data, notes=notes))

    def communities(self, document=None, year=None, as_of=None, seed: int = 0, resolution: float = 1.0):
        """Louvain communities of departments; modularity and density in the table's ``summary``."""
        data, summary = self._communities(document, year, as_of, seed, resolution)
        return self._result(Table(["community", "size", "departments", "members"], data, summary,
                                  self.empty_notes(document, year, as_of)))

    def trends(self, as_of=None, department=None):
        """Per department per year: tasks led and joined, centrality (see :mod:`kg.analysis.trends`).

        ``department`` is any name of one department (its line alone).
        """
        from .analysis.trends import TREND_COLUMNS, department_trends

        found: list[str] = []
        iri = self.find_department(department, as_of=as_of, notes=found) if department else None
        rows = department_trends(self.assignments(as_of=as_of), self.labels(), iri)
        notes = self.empty_notes(as_of=as_of)
        if not rows and not notes:
            notes = ["no rows: no document with tasks has a date, so no year to count them in"]
        return self._result(Table(TREND_COLUMNS, rows, notes=found + notes))

    def annotated_network(self, kind: str = "co-responsibility", document=None, year=None, as_of=None,
                          seed: int = 0):
        """A copy of network ``kind`` whose department nodes carry their measures and community."""
        from .analysis.annotate import annotate

        communities, _ = self._communities(document, year, as_of, seed)
        return annotate(self.network(kind, document, year, as_of).copy(), self._measures(document, year, as_of),
                        communities)

    def styled_network(self, kind: str = "co-responsibility", document=None, year=None, as_of=None, lang=None):
        """:meth:`annotated_network` with the page's positions, colours and sizes (:func:`kg.share.export.style`).

        With ``lang="en"`` (default :attr:`lang`) department nodes are labelled in English.
        """
        from .share.export import style

        lang = lang or self.lang
        g = self.annotated_network(kind, document, year, as_of)
        view = self.view("departments", document, None, arrows=kind == "lead", year=year, as_of=as_of, lang=lang) \
            if kind in ("co-responsibility", "lead") else None
        return style(g, view, lang)

    # -- checking -----------------------------------------------------------------------------------------------

    def validate(self, shapes=None, engine: str = "auto", progress=None):
        """SHACL validation of the built graph: ``(conforms, violations, triple_count)``.

        The ``sparql`` engine (``auto``'s choice for shapes it compiles) runs
        the shapes as SPARQL on the build's store, after checking that
        ``graph.nt`` holds the store's triples; ``pyshacl`` reads ``graph.nt``
        (see :mod:`kg.rdf.validate`). ``progress(done, total)`` counts checks.
        """
        from .build.output_dir import GRAPH_NT, STORE, OutputDir
        from .rdf.validate import check_graph_file, validate, validate_store

        built = OutputDir(self.out_dir)
        graph_file = built.built(GRAPH_NT)
        if engine != "pyshacl":
            import pyoxigraph as ox

            try:
                store = ox.Store.read_only(str(built.built(STORE)))
            except (OSError, RuntimeError):
                raise KgError(f"the store in {self.out_dir} is damaged; run kg build again") from None
            check_graph_file(graph_file, len(store))
            found = validate_store(store, shapes, engine, progress)
            if found is not None:
                return found
        return validate(graph_file, shapes, "pyshacl")


class NotebookGraph(BuiltGraph):
    """A :class:`BuiltGraph` whose tables come back as pandas DataFrames, for notebooks.

    A table's notes (why it is empty, how a name was read) come as warnings,
    and stay in the frame's ``attrs["notes"]``.
    """

    def _result(self, table: Table):
        import warnings

        table = super()._result(table)
        for note in table.notes:
            warnings.warn(note, stacklevel=3)
        frame = table.to_pandas()
        frame.attrs["notes"] = list(table.notes)
        return frame


def open_graph(out_dir="kg-out", endpoint: str | None = None, graph: str | None = None,
               collectives: bool = False, timeout: float | None = DEFAULT_TIMEOUT, lang: str = "zh") -> NotebookGraph:
    """Open the graph that ``kg build`` wrote into ``out_dir`` (or one on a SPARQL ``endpoint``), for notebooks.

    ``collectives``: count collective actors as departments too; ``timeout``:
    seconds a query may run; ``lang``: organisation names in Chinese (``zh``)
    or English (``en``).
    """
    return NotebookGraph(out_dir, endpoint, graph, collectives, timeout=timeout, lang=lang)
