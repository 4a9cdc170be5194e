"""Collecting an issue's N-Triples lines, each fact with the span of text it came from."""

from __future__ import annotations

from ..records import Issue, Span
from .iris import Minter
from .terms import A, KGO, OA, nt_integer, nt_string
from .terms import iri_term as _iri

__all__ = ["IssueLines"]


class IssueLines:
    """Collects the N-Triples lines of one issue.

    ``local`` lines have subjects only this source gives (its spans, its
    documents and their parts); ``shared`` lines have subjects other issues may
    give as well (organisations, cited documents, industries, places, the
    issue itself), so the build removes their duplicates across issues.
    """

    def __init__(self, issue: Issue, minter: Minter, titles: dict, shared_numbers):
        self.issue = issue
        self.m = minter
        self.titles = titles
        self.shared_numbers = shared_numbers
        self.source = _iri(minter.source(issue.sha256))
        self.local: list[str] = []
        self.shared: list[str] = []
        self.out = self.local
        self.issue_path = ""  # the issue's IRI (set by kg.rdf.issue.start_lines)
        self.numbered: dict = {}  # the IRIs of the issue's numbered documents given so far, by number
        self.named: set[str] = set()  # the organisations its documents name, by id

    def add(self, s: str, p: str, o: str | None) -> None:
        if o is not None:
            self.out.append(f"{s} {p} {o} .\n")

    def share(self, s: str, p: str, o: str | None) -> None:
        if o is not None:
            self.shared.append(f"{s} {p} {o} .\n")

    def sourced(self, node: str, span: Span | None, prop: str = KGO.source) -> None:
        """``node prop span``, and the span itself: its source, line(s) and quoted text.

        A span is an ``oa:SpecificResource`` named by an RFC 5147 fragment of
        its source (``…/source/81eaf4dbb71cf20c#char=2561,2565``, offsets in the
        IRI) with the line it starts on and the exact quoted text.
        """
        if span is None:
            return
        iri = _iri(self.m.span(self.issue.sha256, span.start, span.end))
        self.out.append(f"{node} {prop} {iri} .\n")
        self.local += (f"{iri} {A} {KGO.SourceSpan} .\n", f"{iri} {OA.hasSource} {self.source} .\n",
                       f"{iri} {KGO.line} {nt_integer(span.line)} .\n",
                       f"{iri} {KGO.quote} {nt_string(span.text)} .\n")
        if span.end_line != span.line:
            self.local.append(f"{iri} {KGO.endLine} {nt_integer(span.end_line)} .\n")
