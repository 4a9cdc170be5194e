"""Organisations as RDF: names, kinds, years, reforms, function and central counterpart.

A graph holds the organisations its sources name, with their reform chains
(every predecessor back, every successor forward) and parents, not the whole
table. Each is an ``org:FormalOrganization``; a reform is an
``org:ChangeEvent`` from the old organisation to its successors, with
``kgo:successor`` / ``kgo:predecessor`` shortcuts (``kgo:partialSuccessor``
where only some functions moved). ``org:classification`` points at the
organisation's function, a ``skos:Concept`` of the function scheme (a
``skos:ConceptScheme``), and ``kgo:centralCounterpart`` at the central body of
that function, so "the finance department" compares across provinces and years.
"""

from __future__ import annotations

from ..reference.bodies import Organisation
from ..reference.organisations import OrganisationTable
from .iris import Minter
from .terms import DCTERMS, KGO, ORG, RDF, RDFS, SKOS, XSD, iri_term, nt_lang, nt_string, nt_typed, year_literal

__all__ = ["organisation_lines", "organisation_closure"]


def organisation_closure(table: OrganisationTable, ids) -> list[str]:
    """``ids``, their predecessors back and successors forward, and their parents; sorted.

    Examples
    --------
    >>> from kg.reference.organisations import load_table
    >>> organisation_closure(load_table(), ["zj-quality-supervision"])
    ['zj-market-regulation', 'zj-quality-supervision']
    """
    found: set[str] = set()
    back = [i for i in ids if i in table]
    while back:
        org_id = back.pop()
        if org_id not in found:
            found.add(org_id)
            back.extend(table.get(org_id).predecessors)
    forward, chain = list(found), set()
    while forward:
        org_id = forward.pop()
        if org_id not in chain:
            chain.add(org_id)
            org = table.get(org_id)
            forward.extend(org.successors)
            forward.extend([org.parent] if org.parent and org.parent in table else [])
    return sorted(chain)


def organisation_lines(table: OrganisationTable, minter: Minter, ids) -> list[str]:
    """N-Triples lines of the organisations ``ids`` name, their chains and parents, and their functions."""
    out: list[str] = []

    def add(s, p, o):
        out.append(f"{s} {p} {o} .\n")

    functions: set[str] = set()
    for org_id in organisation_closure(table, ids):
        org = table.get(org_id)
        _organisation(add, table, minter, org)
        if org.function in table.local.functions:
            functions.add(org.function)
        counterpart = table.counterpart(org)
        if counterpart:
            _organisation(add, table, minter, table.get(counterpart), brief=True)
    if functions:
        _functions(add, table, minter, functions)
    return out


def _organisation(add, table: OrganisationTable, minter: Minter, org: Organisation, brief: bool = False) -> None:
    o_path = minter.organisation(org.id)
    o = iri_term(o_path)
    add(o, RDF.type, ORG.Organization)
    add(o, RDF.type, ORG.FormalOrganization)
    add(o, DCTERMS.identifier, nt_string(org.id))
    for prop in (SKOS.prefLabel, RDFS.label):
        add(o, prop, nt_lang(org.name))
        add(o, prop, nt_lang(org.name_en, "en"))
    add(o, KGO.organisationKind, nt_string(org.kind))
    add(o, KGO.jurisdiction, nt_lang(org.jurisdiction))
    if brief:
        return
    for alias in org.aliases:
        add(o, SKOS.altLabel, nt_lang(alias))
    if org.valid_from:
        add(o, KGO.validFrom, year_literal(org.valid_from))
    if org.valid_to:
        add(o, KGO.validTo, year_literal(org.valid_to))
    if org.uncertain:
        add(o, KGO.uncertain, nt_typed("true", XSD + "boolean"))
    if org.note:
        add(o, SKOS.note, nt_lang(org.note, "en"))
    if org.function in table.local.functions:
        add(o, ORG.classification, iri_term(minter.function(org.function)))
    counterpart = table.counterpart(org)
    if counterpart:
        add(o, KGO.centralCounterpart, iri_term(minter.organisation(counterpart)))
    if org.parent and org.parent in table:
        add(o, ORG.subOrganizationOf, iri_term(minter.organisation(org.parent)))
    if org.successors:
        event = iri_term(f"{o_path}/change")
        add(event, RDF.type, ORG.ChangeEvent)
        add(event, ORG.originalOrganization, o)
        add(o, ORG.changedBy, event)
        if org.valid_to:
            add(event, KGO.year, year_literal(org.valid_to))
        for succ in org.successors:
            s = iri_term(minter.organisation(succ))
            add(event, ORG.resultingOrganization, s)
            add(s, ORG.resultedFrom, event)
            add(o, KGO.successor, s)
            add(s, KGO.predecessor, o)
            if succ in org.partial:
                add(o, KGO.partialSuccessor, s)


def _functions(add, table: OrganisationTable, minter: Minter, used: set[str]) -> None:
    """The functions ``used``, the top concepts above them, and the scheme."""
    scheme = table.local.functions
    s = iri_term(minter.function_scheme(scheme.scheme["id"]))
    add(s, RDF.type, SKOS.ConceptScheme)
    add(s, RDF.type, KGO.FunctionScheme)
    add(s, DCTERMS.identifier, nt_string(scheme.scheme["id"]))
    add(s, SKOS.prefLabel, nt_lang(scheme.scheme["label_zh"]))
    add(s, SKOS.prefLabel, nt_lang(scheme.scheme["label_en"], "en"))
    tops = {t["id"]: t for t in scheme.top_concepts}
    for function_id in sorted(used):
        f = scheme.get(function_id)
        c = iri_term(minter.function(f.id))
        add(c, RDF.type, SKOS.Concept)
        add(c, RDF.type, KGO.Function)
        add(c, DCTERMS.identifier, nt_string(f.id))
        add(c, SKOS.prefLabel, nt_lang(f.label_zh))
        add(c, SKOS.prefLabel, nt_lang(f.label_en, "en"))
        add(c, SKOS.inScheme, s)
        if f.note:
            add(c, SKOS.scopeNote, nt_lang(f.note, "en"))
        top = tops.get(f.broader)
        if top is not None:
            t = iri_term(minter.function(top["id"]))
            add(c, SKOS.broader, t)
            add(t, RDF.type, SKOS.Concept)
            add(t, RDF.type, KGO.Function)
            add(t, DCTERMS.identifier, nt_string(top["id"]))
            add(t, SKOS.prefLabel, nt_lang(top["label_zh"]))
            add(t, SKOS.prefLabel, nt_lang(top["label_en"], "en"))
            add(t, SKOS.inScheme, s)
            add(t, SKOS.topConceptOf, s)
            add(s, SKOS.hasTopConcept, t)
