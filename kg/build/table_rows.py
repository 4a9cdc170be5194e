"""Each document's rows of the build's tables (:mod:`kg.build.table`), made from its records.

A row names the document as the graph does (the same IRIs, minted by the
same :class:`~kg.rdf.iris.Minter`) and ends with the columns of its
printing (:attr:`kg.build.table.Table.printing`): the source, and for an
assignment where the printing states it.

Examples
--------
>>> from kg.parse.extract import extract_text
>>> from kg.rdf.iris import Minter
>>> issue = extract_text("关于某事的通知\\n\\n浙政办发〔2019〕5号\\n\\n1. 推进。(牵头单位:省发改委)\\n", "a.txt")
>>> [(r[1], r[4], r[7], r[8], r[10], r[11], r[13:16]) for r in assignment_rows(issue, Minter())]
[('1', '浙政办发〔2019〕5号', 'lead', '省发改委', 0, 0, ('a.txt', 5, '省发改委'))]
"""

from __future__ import annotations

from .table import TABLES

__all__ = ["assignment_rows", "document_rows", "target_rows", "issuer_rows", "honoree_rows", "document_tables"]


def _document_keys(sha256: str, k: int, doc, minter) -> tuple[str, str, str | None]:
    """What every table's row of ``doc`` names it by: its source (16 hex digits), its IRI and its number."""
    return sha256[:16], minter.published_document(doc.number, sha256, k), str(doc.number) if doc.number else None


def target_rows(sha256: str, k: int, doc, minter) -> list[tuple]:
    """The targets table's rows of ``doc``, the ``k``-th document (from 0) of the source whose SHA-256 is ``sha256``.

    Examples
    --------
    >>> from kg.parse.extract import extract_text
    >>> from kg.rdf.iris import Minter
    >>> issue = extract_text("关于某事的通知\\n\\n浙政办发〔2019〕5号\\n\\n1. 到2020年,覆盖率达到95%以上。\\n", "a.txt")
    >>> [r[5:13] for r in target_rows(issue.sha256, 0, issue.documents[0], Minter())]
    [('覆盖率', 95.0, None, '%', '≥', 'level', 2020, 'stated')]
    """
    from ..vocabulary import Comparator, TargetKind, YearSource

    source, d, number = _document_keys(sha256, k, doc, minter)
    return [(minter.part(d, "target", n), d, number, doc.date, n, t.indicator, float(t.value),
             None if t.value_max is None else float(t.value_max), t.unit, Comparator(t.comparator).value,
             TargetKind(t.kind).value, t.year, YearSource(t.year_source).value, t.task,
             minter.industry(t.industry) if t.industry else None, t.industry, source)
            for n, t in enumerate(doc.targets)]


def issuer_rows(sha256: str, k: int, doc, minter, facts: str | None = None) -> list[tuple]:
    """The documents table's rows of ``doc``, the ``k``-th document (from 0) of the source whose SHA-256 is ``sha256``.

    ``facts`` is the digest of what this printing states (:func:`document_tables` makes it).

    Examples
    --------
    >>> from kg.parse.extract import extract_text
    >>> from kg.rdf.iris import Minter
    >>> text = "关于某事的通知\\n\\n浙政发〔2019〕5号\\n\\n请做好工作。\\n\\n浙江省人民政府\\n\\n2019年3月1日\\n"
    >>> issue = extract_text(text, "a.txt")
    >>> [r[1:7] for r in issuer_rows(issue.sha256, 0, issue.documents[0], Minter())]  # doctest: +NORMALIZE_WHITESPACE
    [('浙政发〔2019〕5号', '2019-03-01', '关于某事的通知', 0, 'https://w3id.org/kg-gazette/id/org/zj-government',
      '浙江省人民政府')]
    """
    source, d, number = _document_keys(sha256, k, doc, minter)
    head = (d, number, doc.date, doc.title)
    if not doc.issuers:
        return [(*head, None, None, None, facts, source)]
    return [(*head, n, minter.organisation(i.organisation), i.mention, facts, source)
            for n, i in enumerate(doc.issuers)]


def honoree_rows(sha256: str, k: int, doc, minter) -> list[tuple]:
    """The honorees table's rows of ``doc``, the ``k``-th document (from 0) of the source whose SHA-256 is ``sha256``.

    Examples
    --------
    >>> from kg.parse.extract import extract_text
    >>> from kg.rdf.iris import Minter
    >>> issue = extract_text("关于表彰先进单位的决定\\n\\n浙政发〔2019〕5号\\n\\n一、先进单位\\n\\n甲县人民政府\\n", "a.txt")
    >>> [r[4:10] for r in honoree_rows(issue.sha256, 0, issue.documents[0], Minter())]
    [(0, 'unit', '甲县人民政府', '先进单位', None, None)]
    """
    from ..vocabulary import HonoreeKind

    source, d, number = _document_keys(sha256, k, doc, minter)
    return [(minter.part(d, "commendation", n), d, number, doc.date, n, HonoreeKind(h.kind).value, h.name, h.category,
             (h.position or None) if h.kind == HonoreeKind.PERSON else None, h.place or None, source)
            for n, h in enumerate(doc.honorees)]


def document_tables(sha256: str, k: int, doc, minter) -> dict[str, list]:
    """``doc``'s rows of each of the build's tables, by entry (:data:`TABLES`); the documents' carry a digest.

    The digest covers everything the tables say of the document (its number,
    date, title, issuers, every task's number, place and title, every
    responsibility, target and honoree), the printings' own columns left out
    (the source, and the file, line and words of each responsibility). Two printings of one
    document (one IRI) with one digest state the same facts, so the graph
    holds each once; with two, the graph holds both versions. A document
    whose tasks share a number (one IRI for two tasks) has no digest. The
    answers of :mod:`kg.sparql.from_table` read the digests to know whether
    every fact they join has one value.

    Examples
    --------
    >>> from kg.parse.extract import extract_text
    >>> from kg.rdf.iris import Minter
    >>> one = extract_text("关于某事的通知\\n\\n浙政办发〔2019〕5号\\n\\n1. 推进。(牵头单位:省发改委)\\n", "a.txt")
    >>> two = extract_text("关于某事的通知\\n\\n浙政办发〔2019〕5号\\n\\n1. 推进。(牵头单位:省财政厅)\\n", "b.txt")
    >>> a, b = (document_tables(i.sha256, 0, i.documents[0], Minter())["documents"][0] for i in (one, two))
    >>> a[0] == b[0], a[7] == b[7]  # one document, printed two ways
    (True, False)
    """
    import hashlib

    tables = {"table": document_rows(sha256, k, doc, minter), "targets": target_rows(sha256, k, doc, minter),
              "honorees": honoree_rows(sha256, k, doc, minter), "documents": issuer_rows(sha256, k, doc, minter)}
    ids = [task.id for task in doc.tasks]
    if len(set(ids)) == len(ids):
        digest = hashlib.sha256()
        for entry, rows in tables.items():
            for row in rows:  # what the printing says of the document (and the digest, still None)
                digest.update(repr(TABLES[entry].stated(row)).encode("utf-8"))
        for n, task in enumerate(doc.tasks):  # a task no unit is named for too
            digest.update(repr((task.id, n, task.title)).encode("utf-8"))
        facts = digest.hexdigest()[:16]
        tables["documents"] = [(*row[:-2], facts, row[-1]) for row in tables["documents"]]
    return tables


def assignment_rows(issue, minter) -> list[tuple]:
    """The rows of one issue's records, as the graph states them (see :func:`kg.rdf.issue.issue_lines`)."""
    return [row for k, doc in enumerate(issue.documents) for row in document_rows(issue.sha256, k, doc, minter)]


def document_rows(sha256: str, k: int, doc, minter) -> list[tuple]:
    """The rows of ``doc``, the ``k``-th document (from 0) of the source whose SHA-256 is ``sha256``."""
    from ..records import file_name
    from ..vocabulary import Role

    source, d, number = _document_keys(sha256, k, doc, minter)
    rows = []
    year = int(doc.date[:4]) if doc.date else None
    for n, task in enumerate(doc.tasks):
        t = minter.task(d, task.id)
        for position, r in enumerate(task.responsibilities):
            span = r.org.span
            where = (None, None, None) if span is None else (file_name(span.file), span.line, span.text)
            rows.append((t, task.id, task.title or task.id, d, number, year,
                         minter.organisation(r.org.organisation), Role(r.role).value, r.org.mention, doc.date, n,
                         position, task.title, *where, source))
    return rows
