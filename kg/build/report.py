"""The report: what was found per document, every warning and every self-check; and ``kg extract``'s tables."""

from __future__ import annotations

from ..records import Issue
from ..vocabulary import EXTRACT_ROWS

__all__ = ["document_entry", "unresolved_mentions", "issue_report", "combine_reports", "task_rows", "document_rows", "extract_table", "EXTRACT_COLUMNS"]

#: The columns of ``kg extract``'s tables, by what a row stands for (:data:`~kg.vocabulary.EXTRACT_ROWS`).
EXTRACT_COLUMNS = {"tasks": ["file", "doc_number", "task", "title", "department", "mention", "role", "line"],
                   "documents": ["file", "doc_number", "date", "title", "issuers", "tasks", "citations", "targets",
                                 "honorees"]}


def unresolved_mentions(doc) -> list[tuple]:
    """``(key, where)`` of each name in ``doc`` that did not resolve; the key: mention, reason, candidates, jurisdiction."""
    label = doc.number or doc.title
    named = [(m, label) for m in doc.issuers] + [(r.org, f"{label}:{t.id}") for t in doc.tasks
                                                 for r in t.responsibilities]
    return [((m.mention, m.reason, tuple(m.candidates), doc.jurisdiction), where) for m, where in named
            if not m.resolved]


def document_entry(doc) -> dict:
    """A document's entry in the report; its ``notices`` are filled in by :func:`issue_report` (they come later)."""
    return {
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
        "notices": [],
    }


def issue_report(issue: Issue, entries: list[dict], unresolved: dict, starts: list[int]) -> dict:
    """Counts per document, notices, and unresolved organisations of one issue.

    ``entries`` (:func:`document_entry`, in order), ``unresolved`` (each
    :func:`unresolved_mentions` key with its places) and ``starts`` (the
    line each document starts on) stand for the issue's documents, gathered
    as they were read (:class:`kg.build.summary.Summary` does, and
    :func:`kg.build.summary.summarise` for an issue extracted whole). A
    notice goes to the document of the label (number, or title) it names:
    of the documents with that label, the last that starts on or before the
    notice's line (the first, for a notice before them all or of no line);
    once, so a label printed many times does not multiply the notices. A
    notice naming no document's label goes to the issue.

    Examples
    --------
    >>> from kg.build.summary import summarise
    >>> from kg.parse.extract import extract_text
    >>> report, _, _ = summarise(extract_text("关于甲的通知\\n\\n浙政发〔2019〕1号\\n\\n1. 推进。(牵头单位:某某办)\\n", "a.txt"))
    >>> report["documents"][0]["counts"]["tasks"], [u["mention"] for u in report["unresolved_organisations"]]
    (1, ['某某办'])
    """
    from bisect import bisect_right

    by_label: dict = {}
    for entry, line in zip(entries, starts):
        lines, labelled = by_label.setdefault(entry["number"] or entry["title"], ([], []))
        lines.append(line)
        labelled.append(entry)
    loose = []
    for n in issue.notices:
        if n.document not in by_label:
            loose.append(_notice(n))
            continue
        lines, labelled = by_label[n.document]
        at = bisect_right(lines, n.line) - 1 if n.line is not None else 0
        labelled[max(at, 0)]["notices"].append(_notice(n))
    return {
        "file": issue.file,
        "sha256": issue.sha256,
        "encoding": issue.encoding,
        "gazette": issue.gazette,
        "year": issue.year,
        "number": issue.number,
        "cumulative_number": issue.cumulative_number,
        "published": issue.published,
        "documents": entries,
        "checks": [{"document": c.document, "what": c.what, "declared": c.declared, "found": c.found,
                    "ok": c.ok, "line": c.line} for c in issue.checks],
        "notices": loose,
        "unresolved_organisations": [
            {"mention": mention, "reason": reason, "candidates": list(candidates), "jurisdiction": jurisdiction,
             "count": len(where), "where": where}
            for (mention, reason, candidates, jurisdiction), where in sorted(
                unresolved.items(), key=lambda kv: tuple("" if x is None else str(x) for x in kv[0]))],
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


def report_bytes(report: dict, kept: list) -> tuple[bytes, list[list[int]]]:
    r"""``report.json``'s bytes, as :func:`~kg.output.dump_json` writes ``report``, and each issue's place in them.

    ``kept`` holds, for each issue of ``report``, its bytes in the previous
    build's ``report.json`` (the same report, as that build wrote it) or
    ``None``; only the others are encoded (Python's encoder, which
    indentation needs, took 1–1.5 s for the 1 000 issues at every rebuild).
    The places are ``[offset, length]`` of each issue's bytes, for the next
    build.

    Examples
    --------
    >>> from kg.output import dump_json
    >>> r = combine_reports([{"file": "a.txt", "documents": [], "notices": [{"line": 3}]},
    ...                      {"file": "b.txt", "documents": [], "notices": []}], [("c.txt", "empty")])
    >>> data, places = report_bytes(r, [None, None])
    >>> data == (dump_json(r) + "\n").encode("utf-8"), data[places[1][0]:sum(places[1])].decode()
    (True, '    {\n      "file": "b.txt",\n      "documents": [],\n      "notices": []\n    }')
    >>> report_bytes(r, [None, data[places[1][0]:sum(places[1])]])[0] == data
    True
    """
    from ..output import dump_json

    if not report["issues"] or next(iter(report)) != "issues":
        return (dump_json(report) + "\n").encode("utf-8"), [[0, 0] for _ in report["issues"]]
    out, places = bytearray(b'{\n  "issues": [\n'), []
    for n, (issue, text) in enumerate(zip(report["issues"], kept)):
        if n:
            out += b",\n"
        if text is None:  # nested two levels deep: every line indented by four more spaces
            text = ("    " + dump_json(issue).replace("\n", "\n    ")).encode("utf-8")
        places.append([len(out), len(text)])
        out += text
    rest = dump_json({k: v for k, v in report.items() if k != "issues"})  # "{\n  ...\n}"
    out += ("\n  ],\n" + rest[2:] + "\n").encode("utf-8")
    return bytes(out), places


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
