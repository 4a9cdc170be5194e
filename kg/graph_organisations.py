"""The department table as RDF: names in Chinese and English, kinds, years, reforms.

Each organisation is an ``org:FormalOrganization``; a reform is an
``org:ChangeEvent`` from the old organisation to its successors, with
``kgo:successor`` / ``kgo:predecessor`` shortcuts.
"""

from __future__ import annotations

from rdflib import URIRef

from .graph import DCTERMS, KGO, ORG, RDF, RDFS, SKOS, Literal, year_literal, zh
from .iris import Minter
from .organisations import OrganisationTable

__all__ = ["organisation_triples"]


def organisation_triples(table: OrganisationTable, minter: Minter):
    """The department table: names, kinds, years and reform links."""
    out = []
    add = out.append
    for org in table.organisations:
        o = minter.organisation(org.id)
        add((o, RDF.type, ORG.Organization))
        add((o, RDF.type, ORG.FormalOrganization))
        add((o, DCTERMS.identifier, Literal(org.id)))
        add((o, SKOS.prefLabel, zh(org.name)))
        add((o, SKOS.prefLabel, Literal(org.name_en, lang="en")))
        add((o, RDFS.label, zh(org.name)))
        add((o, RDFS.label, Literal(org.name_en, lang="en")))
        for alias in org.aliases:
            add((o, SKOS.altLabel, zh(alias)))
        add((o, KGO.organisationKind, Literal(org.kind)))
        add((o, KGO.jurisdiction, zh(org.jurisdiction)))
        if org.valid_from:
            add((o, KGO.validFrom, year_literal(org.valid_from)))
        if org.valid_to:
            add((o, KGO.validTo, year_literal(org.valid_to)))
        if org.uncertain:
            add((o, KGO.uncertain, Literal(True)))
        if org.note:
            add((o, SKOS.note, Literal(org.note, lang="en")))
        if org.successors:
            event = URIRef(f"{o}/change")
            add((event, RDF.type, ORG.ChangeEvent))
            add((event, ORG.originalOrganization, o))
            add((o, ORG.changedBy, event))
            if org.valid_to:
                add((event, KGO.year, year_literal(org.valid_to)))
            for succ in org.successors:
                s = minter.organisation(succ)
                add((event, ORG.resultingOrganization, s))
                add((s, ORG.resultedFrom, event))
                add((o, KGO.successor, s))
                add((s, KGO.predecessor, o))
    return out
