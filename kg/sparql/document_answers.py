"""The named ``documents`` query answered from the build's documents table.

On the 1 000-issue corpus ``documents`` lists 25 001 documents with their
issuers, which the on-disk store gives in 5–9 s (benchmarks/README.md). The
build's documents table (:data:`kg.build.table.DOCUMENTS`) holds each
document's number, date, title and issuers in signature order, so
:func:`kg.sparql.from_table.answer_from_table` answers the query from it when
it is run as shipped, on a build's own store; the issuers are named by their
Chinese labels, asked of the store in one query.

The query groups its rows by number, title and date, and joins in each
document's every issue and title. So the table answers only when its
documents are what the query groups: every document printed alike
(:func:`~kg.sparql.table_reading.printed_alike`), each published in one issue
with one title (one count asked of the store: a document two sources print,
or one a citation elsewhere gives another title, is counted more than once),
no two alike in number, title and date, and each issuer with one Chinese
name, an ``org:Organization`` of the graph. Otherwise the store answers, as
the query would combine them.
"""

from __future__ import annotations

import datetime

from .table_reading import Distinct, names_of, python_rows, single

__all__ = ["documents_from_table", "documents_by_issuer_from_table"]

#: How many (document, issue, title) the graph holds: one per document when each has one issue and one title.
_PUBLISHED = "SELECT (COUNT(*) AS ?n) WHERE { ?doc kgo:publishedIn ?issue ; eli:title ?title }"
#: How many (document, issuer, title) the graph holds: one per (document, issuer) when each has one title.
_ISSUED = "SELECT (COUNT(*) AS ?n) WHERE { ?doc eli:passed_by ?issuer ; eli:title ?title }"
_COLUMNS = ("document", "doc_number", "doc_date", "title", "position", "issuer")


def documents_from_table(path, backend):
    """The named ``documents`` query's ``(columns, rows)`` from the documents table; ``None`` if it cannot say."""
    import pyarrow.compute as pc

    from .queries import LIST_SEPARATOR

    rows = Distinct.read_dated(path, _COLUMNS)
    if rows is None or not single(rows.codes, ["doc_number", "title", "doc_date"], ["document"]):
        return None  # a date no calendar holds, or two documents in one of the query's groups
    documents = len(rows.values("document"))
    (published,), = backend.strings(_PUBLISHED)
    if int(published) != documents:
        return None
    names = names_of(backend)
    if any(len(names.get(org, ())) != 1 for org in rows.values("issuer")):
        return None
    facts = rows.decoded()
    order = [(c, "ascending", "at_start") for c in ("doc_date", "doc_number", "title", "document", "position")]
    out: list[list] = []
    previous = None
    for document, number, date, title, issuer in python_rows(facts.take(pc.sort_indices(facts, sort_keys=order)),
                                                       ["document", "doc_number", "doc_date", "title", "issuer"]):
        if document != previous:
            out.append([number, title, None if date is None else datetime.date.fromisoformat(date), []])
            previous = document
        if issuer is not None:
            out[-1][3].append(names[issuer][0])
    for row in out:  # no issuer: the aggregate of no value, which Oxigraph leaves unbound
        row[3] = LIST_SEPARATOR.join(row[3]) if row[3] else None
    return ["doc_number", "title", "date", "issuers"], out


def documents_by_issuer_from_table(path, backend, issuer: str):
    """The named ``documents_by_issuer`` query's ``(columns, rows)`` for the organisation ``issuer`` (its IRI).

    ``None`` if it cannot say: the query joins in each document's every title,
    so the table answers only when each document an organisation issued has
    one title (one count asked of the store), number and date.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    rows = Distinct.read_dated(path, _COLUMNS)
    if rows is None:
        return None
    facts = rows.decoded()
    signed = facts.filter(pc.is_valid(facts.column("issuer")))
    pairs = signed.group_by(["document", "issuer"], use_threads=False).aggregate([])
    (issued,), = backend.strings(_ISSUED)
    if int(issued) != pairs.num_rows:
        return None
    by = {}  # document → its issuers, of the documents ``issuer`` signed
    for document, org in zip(*(pairs.column(c).to_pylist() for c in ("document", "issuer"))):
        by.setdefault(document, set()).add(org)
    mine = {d for d, orgs in by.items() if issuer in orgs}
    docs = facts.filter(pc.is_in(facts.column("document"), value_set=pa.array(sorted(mine), pa.string())))
    docs = docs.group_by(["document", "doc_number", "doc_date", "title"], use_threads=False).aggregate([])
    order = [(c, "ascending", "at_start") for c in ("doc_date", "doc_number", "title", "document")]
    docs = docs.take(pc.sort_indices(docs, sort_keys=order))
    out = [[number, title, None if date is None else datetime.date.fromisoformat(date), len(by[document]) > 1]
           for document, number, date, title in zip(*(docs.column(c).to_pylist()
                                                      for c in ("document", "doc_number", "doc_date", "title")))]
    return ["doc_number", "title", "date", "joint"], out

