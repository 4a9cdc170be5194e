"""What the build keeps of each source between its passes: its report, the titles it numbers, its documents."""

from __future__ import annotations

from ..records import Issue

__all__ = ["summarise", "numbers_by_title"]


def numbers_by_title(issues) -> dict:
    """Titles with the document number they carry anywhere in ``issues`` (the first wins).

    A document cited by title alone joins the node of the numbered document
    with that title.
    """
    out = {}
    for issue in issues:
        for doc in issue.documents:
            if doc.number:
                out.setdefault(doc.title, doc.number)
            for c in doc.citations:
                if c.number and c.title:
                    out.setdefault(c.title, c.number)
    return out


def summarise(issue: Issue):
    """``(report, titles, numbers)`` of one extracted issue: all the first pass keeps."""
    from .report import issue_report

    return issue_report(issue), numbers_by_title([issue]), tuple(d.number for d in issue.documents if d.number)
