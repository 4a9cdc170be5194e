"""The report: what was found per document, every warning and every self-check; and ``kg extract``'s tables."""

from __future__ import annotations

from ..records import Issue
from ..vocabulary import EXTRACT_ROWS

__all__ = ["issue_report", "combine_reports", "task_rows", "document_rows", "extract_table", "EXTRACT_COLUMNS"]

#: The columns of ``kg extract``'s tables, by what a row stands for (:data:`~kg.vocabulary.EXTRACT_ROWS`).
EXTRACT_COLUMNS = {"tasks": ["file", "doc_number", "task", "title", "department", "mention", "role", "line"],
                   "documents": ["file", "doc_number", "date", "title", "issuers", "tasks", "citations", "targets",
                                 "honorees"]}


def _org_summary(issue: Issue):
    """Each name that did not resolve: why, the candidates, how often and where."""
    unresolved: dict[tuple, list[str]] = {}
    for doc in issue.documents:
        label = doc.number or doc.title
        named = [(m, label) for m in doc.issuers] + [(r.org, f"{label}:{t.id}") for t in doc.tasks
                                                     for r in t.responsibilities]
        for m, where in named:
            if not m.resolved:
                unresolved.setdefault((m.mention, m.reason, tuple(m.candidates), doc.jurisdiction), []).append(where)
    return [{"mention": mention, "reason": reason, "candidates": list(candidates), "jurisdiction": jurisdiction,
             "count": len(where), "where": where}
            for (mention, reason, candidates, jurisdiction), where in sorted(
                unresolved.items(), key=lambda kv: tuple("" if x is None else str(x) for x in kv[0]))]


def issue_report(issue: Issue) -> dict:
    """Counts per document, notices, and unresolved organisations of one issue."""
    documents = []
    for doc in issue.documents:
        label = doc.number or doc.title
        documents.append({
            "number": doc.number,
            "title": doc.title,
            "date": doc.date,
            "toc_page": doc.toc_page,
            "jurisdiction": doc.jurisdiction,
            "jurisdiction_reason": doc.jurisdiction_reason,
            "issuers": [m.mention for m in doc.issuers],
            "counts": {
                "sections": len(doc.sections),
                "tasks": len(doc.tasks),
                "responsibilities": sum(len(t.responsibilities) for t in doc.tasks),
                "citations": len(doc.citations),
                "targets": len(doc.targets),
                "tables": len(doc.tables),
                "industries": len(doc.industries),
                "honorees": len(doc.honorees),
                "clauses_read": doc.clauses_read,
                "clauses_unread": doc.clauses_unread,
            },
            "notices": [_notice(n) for n in issue.notices if n.document == label],
        })
    documented = {d.number or d.title for d in issue.documents}
    return {
        "file": issue.file,
        "sha256": issue.sha256,
        "encoding": issue.encoding,
        "gazette": issue.gazette,
        "year": issue.year,
        "number": issue.number,
        "cumulative_number": issue.cumulative_number,
        "published": issue.published,
        "documents": documents,
        "checks": [{"document": c.document, "what": c.what, "declared": c.declared, "found": c.found,
                    "ok": c.ok, "line": c.line} for c in issue.checks],
        "notices": [_notice(n) for n in issue.notices if n.document not in documented],
        "unresolved_organisations": _org_summary(issue),
    }


def combine_reports(reports, skipped=()) -> dict:
    """The report of a whole build from the reports of its issues (:func:`issue_report`)."""
    reports = list(reports)
    return {
        "issues": reports,
        "skipped": [{"file": f, "error": e} for f, e in skipped],
        "totals": {
            "issues": len(reports),
            "documents": sum(len(r["documents"]) for r in reports),
            "tasks": sum(d["counts"]["tasks"] for r in reports for d in r["documents"]),
            "clauses_read": sum(d["counts"]["clauses_read"] for r in reports for d in r["documents"]),
            "clauses_unread": sum(d["counts"]["clauses_unread"] for r in reports for d in r["documents"]),
            "notices": sum(len(r["notices"]) + sum(len(d["notices"]) for d in r["documents"])
                           for r in reports),
        },
    }


def _notice(n):
    return {"code": n.code, "message": n.message, "line": n.line}


def document_rows(issue: Issue):
    for doc in issue.documents:
        yield {"doc_number": doc.number, "date": doc.date, "title": doc.title,
               "issuers": "、".join(m.mention for m in doc.issuers),
               "tasks": len(doc.tasks), "citations": len(doc.citations),
               "targets": len(doc.targets), "honorees": len(doc.honorees)}


def task_rows(issue: Issue):
    for doc in issue.documents:
        for task in doc.tasks:
            for r in task.responsibilities:
                yield {"doc_number": doc.number, "task": task.id, "title": task.title,
                       "department": r.org.organisation, "mention": r.org.mention,
                       "role": r.role, "line": r.org.span.line}


def extract_table(issues, rows: str = EXTRACT_ROWS[0]):
    """One row per assignment (``tasks``) or per document (``documents``) of extracted issues, with its file.

    A :class:`~kg.output.Table` (``kg extract``'s CSV, TSV, JSON lines, xlsx).
    """
    from ..errors import KgError
    from ..output import Table

    if rows not in EXTRACT_ROWS:
        raise KgError(f"rows are one of {', '.join(EXTRACT_ROWS)}, not {rows!r}")
    each = task_rows if rows == "tasks" else document_rows
    data = [{"file": issue.file, **r} for issue in issues for r in each(issue)]
    notes = [] if data else [f"no rows: no document of these sources has {rows}"]
    return Table(EXTRACT_COLUMNS[rows], data, notes=notes)
