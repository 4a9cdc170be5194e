"""Why a slice of the graph gives no rows, in words a researcher can act on.

A table with no rows is never silent: each analysis says which part of the
question found nothing (no document of that year, a document that assigns no
tasks, a single document where pairs are asked for). The functions are pure:
the graph's assignments and the slice's in, notes (one line each) out.
"""

from __future__ import annotations

__all__ = ["why_empty", "why_no_pairs", "years_text"]


def years_text(years) -> str:
    """Years as a reader scans them.

    Examples
    --------
    >>> years_text([2017]), years_text([2019, 2017, 2018]), years_text([])
    ('2017', '2017, 2018 and 2019', 'none')
    """
    years = sorted(set(years))
    if not years:
        return "none"
    words = [str(y) for y in years]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def why_empty(everything, rows, document: str | None = None, year: int | None = None) -> list[str]:
    """Why ``rows``, the slice of ``everything`` (all assignments) for ``document`` and ``year``, is empty.

    Examples
    --------
    >>> from kg.analysis.assignments import Assignment
    >>> a = [Assignment("t", "1", "", "d", "浙政办发〔2017〕72号", 2017, "o", "lead", "m")]
    >>> why_empty(a, [], year=2016)
    ['no rows: no document of 2016 has tasks in the graph (its documents with tasks are of 2017)']
    >>> print(*why_empty(a, [], document="浙政办发〔2017〕76号"))
    no rows: document 浙政办发〔2017〕76号 assigns no tasks (of the graph's documents only 浙政办发〔2017〕72号 does)
    >>> why_empty(a, a)
    []
    """
    if rows:
        return []
    if not everything:
        return ["no rows: the graph holds no task assignments (none of its documents assigns tasks to departments)"]
    if document is not None:
        others = [a for a in everything if a.doc_number == document]
        if others and year is not None:
            return [f"no rows: document {document} is not of {year}"]
        return [f"no rows: document {document} assigns no tasks ({_those_that_do(everything)})"]
    if year is not None:
        years = {a.year for a in everything if a.year is not None}
        return [f"no rows: no document of {year} has tasks in the graph (its documents with tasks are of "
                f"{years_text(years)})"]
    return ["no rows"]


def _those_that_do(everything) -> str:
    numbers = sorted({a.doc_number or a.document for a in everything})
    if len(numbers) == 1:
        return f"of the graph's documents only {numbers[0]} does"
    return f"{len(numbers)} of the graph's documents do; kg query tasks lists them"


def why_no_pairs(rows, between: str) -> list[str]:
    """Why an overlap of ``rows`` (a non-empty slice) has no pairs.

    Examples
    --------
    >>> from kg.analysis.assignments import Assignment
    >>> a = [Assignment("t", "1", "", "d", "浙政办发〔2017〕72号", 2017, o, "lead", "m") for o in ("x", "y")]
    >>> why_no_pairs(a, "documents")
    ['no rows: only one document has tasks (浙政办发〔2017〕72号), so no two documents can be compared; widen the slice or compare departments']
    >>> why_no_pairs(a[:1], "departments")
    ['no rows: only one department has tasks, so no two departments can be compared']
    """
    if between == "documents":
        numbers = sorted({a.doc_number or a.document for a in rows})
        if len(numbers) == 1:
            return [f"no rows: only one document has tasks ({numbers[0]}), so no two documents can be compared; "
                    "widen the slice or compare departments"]
        return ["no rows: no two documents give tasks to the same department"]
    if len({a.organisation for a in rows}) == 1:
        return ["no rows: only one department has tasks, so no two departments can be compared"]
    return ["no rows: no two departments share a task"]
