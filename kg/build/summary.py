"""What the build keeps of each source between its passes: its report, the titles it numbers, its documents."""

from __future__ import annotations

from ..records import Document, Issue

__all__ = ["Summary", "summarise", "numbers_by_title"]


def numbers_by_title(issues) -> dict:
    """Titles with the document number they carry anywhere in ``issues`` (the first wins).

    A document cited by title alone joins the node of the numbered document
    with that title.
    """
    out: dict = {}
    for issue in issues:
        for doc in issue.documents:
            _titles(doc, out)
    return out


def _titles(doc: Document, out: dict) -> None:
    if doc.number:
        out.setdefault(doc.title, doc.number)
    for c in doc.citations:
        if c.number and c.title:
            out.setdefault(c.title, c.number)


class Summary:
    """The summary of one issue gathered a document at a time, so that no document need be kept.

    Examples
    --------
    >>> from kg.parse.extract import extract_text
    >>> issue = extract_text("关于甲的通知\\n\\n浙政发〔2019〕1号\\n\\n甲。\\n", "a.txt")
    >>> s = Summary()
    >>> for doc in issue.documents:
    ...     s.add(doc)
    >>> report, titles, numbers = s.finish(issue, {0: 3})
    >>> [(d["number"], d["toc_page"]) for d in report["documents"]], titles, numbers
    ([('浙政发〔2019〕1号', 3)], {'关于甲的通知': '浙政发〔2019〕1号'}, ('浙政发〔2019〕1号',))
    """

    def __init__(self):
        self.entries: list[dict] = []
        self.starts: list[int] = []  # the line each document starts on
        self.unresolved: dict = {}
        self.titles: dict = {}
        self.numbers: list = []

    def add(self, doc: Document) -> None:
        """Take what the summary needs of one document, in the issue's order."""
        from .report import document_entry, unresolved_mentions

        self.entries.append(document_entry(doc))
        self.starts.append(doc.span.line)
        for key, where in unresolved_mentions(doc):
            self.unresolved.setdefault(key, []).append(where)
        _titles(doc, self.titles)
        if doc.number:
            self.numbers.append(doc.number)

    def finish(self, issue: Issue, toc_pages: dict | None = None):
        """``(report, titles, numbers)``, once every document was added; ``toc_pages``: the pages matched after."""
        from .report import issue_report

        for k, page in (toc_pages or {}).items():
            self.entries[k]["toc_page"] = page
        return issue_report(issue, self.entries, self.unresolved, self.starts), self.titles, tuple(self.numbers)


def summarise(issue: Issue):
    """``(report, titles, numbers)`` of one extracted issue: all the first pass keeps."""
    summary = Summary()
    for doc in issue.documents:
        summary.add(doc)
    return summary.finish(issue)
