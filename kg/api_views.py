"""The sharing half of :class:`kg.api.BuiltGraph`: views for the HTML pages, figures and notebooks.

A mixin, so the façade stays one object (``g.view``, ``g.show``) in two files;
it calls the analysis half (``assignments``, ``annotated_network``,
``find_department``, ``document_number``) and the backend.
"""

from __future__ import annotations

from .errors import KeywordError, KgError, check_keywords, option
from .vocabulary import VIEWS, Phrase

__all__ = ["Views"]


@check_keywords
class Views:
    """Views of a built graph (see :class:`kg.api.BuiltGraph`)."""

    # -- sharing ------------------------------------------------------------------------------------------------

    def sources(self) -> list[tuple[str, str]]:
        """``(file name, sha256)`` of every source text in the graph, sorted."""
        from .sparql.queries import load_query

        return sorted({(name, sha) for name, sha in self.backend.strings(load_query("source_texts").text)})

    def view(self, view: str = "departments", document=None, department=None, size_by="weighted_degree",
             arrows=False, year=None, as_of=None, lang: str | None = None):
        """One of :data:`VIEWS` as a :class:`~kg.share.views.View` (nodes, edges, legend) for the HTML page.

        ``department`` is one name (the ego view) or, for the matrix, one name
        or a list of them; ``lang`` (``zh`` or ``en``, default :attr:`lang`)
        the language of titles, legends and tooltips.
        """
        from .share import views

        lang = lang or self.lang
        document = self.document_number(document)
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
                raise KgError(f"the document view needs {option('--document DOC_NUMBER', 'document=DOC_NUMBER')}")
            names_en = {k: v["label_en"] for k, v in self.labels().items()}
            return document_view(self._rows("document_tree", number=document), document, lang, names_en)
        if view == "ego":
            if len(names) != 1:
                raise KgError(f"the ego view needs {option('--department NAME', 'department=NAME')} (e.g. 省质监局)")
            notes: list[str] = []
            ego = self.find_department(names[0], document, year, as_of, notes)
            v = views.ego_view(self.annotated_network("co-responsibility", document, year, as_of),
                               self.assignments(document, year, as_of), ego, lang)
            v.notes = notes
            return v
        if view == "matrix":
            return self._matrix(document, names, year, as_of, lang)
        return views.industries_view(self._rows("industry_targets"), lang)

    def _matrix(self, document, names, year, as_of, lang):
        """The responsibility matrix of a document, a year's documents or the tasks of some departments."""
        from .share.matrix import matrix_view

        if as_of is not None:
            raise KgError("the matrix view shows organisations as each document names them; drop "
                          + option("--as-of", "as_of"))
        if not (document or year or names):
            raise KgError("the matrix view needs " + option("--document DOC_NUMBER, --year YEAR or --department NAME",
                                                            "document=, year= or department="))
        rows = self.assignments(document, year)
        chosen, notes = None, []
        if names:
            chosen = [self.find_department(n, document, year, notes=notes) for n in names]
            rows = [a for a in rows if a.organisation in chosen]
        numbers = sorted({a.doc_number for a in rows if a.doc_number})
        if not numbers:
            raise KgError(f"no tasks for {self._slice_name(document, year, names)} in the graph: "
                          + " ".join(self.empty_notes(document, year)).removeprefix("no rows: "))
        data = [(number, *r) for number in numbers for r in self._rows("responsibility_matrix", number=number)]
        v = matrix_view(data, self._slice_name(document, year, names, lang), lang, chosen)
        v.notes = notes
        return v

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
        from .sparql.queries import bind_params, load_query
        from .sparql.scoped import bound_rows

        q = load_query(name)
        return bound_rows(self.backend, q, bind_params(q, params), lexical=True)

    def show(self, view: str = "departments", height: int = 600, **options):
        """An interactive view inline in a notebook (the same page ``kg html`` writes; ``lang="en"`` for English).

        ``options`` are :meth:`view`'s keywords; a wrong one says which exist.
        """
        import inspect

        from .share.html import Frame

        known = [k for k in inspect.signature(self.view).parameters if k != "view"]
        wrong = sorted(set(options) - set(known))
        if wrong:
            raise KeywordError(f"show() takes no keyword {wrong[0]!r}; its keywords: height, {', '.join(known)}")
        v = self.view(view, **options)
        return Frame(v, self.sources(), f"kg.open_graph(...).show({view!r})", height)
