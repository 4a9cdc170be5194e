"""The department table as RDF: names in Chinese and English, kinds, years, reforms.

Each organisation is an ``org:FormalOrganization``; a reform is an
``org:ChangeEvent`` from the old organisation to its successors, with
``kgo:successor`` / ``kgo:predecessor`` shortcuts.
"""

from __future__ import annotations

from .terms import DCTERMS, KGO, ORG, RDF, RDFS, SKOS, iri_term, year_literal
from .iris import Minter
from .terms import XSD, nt_lang, nt_string, nt_typed
from ..reference.organisations import OrganisationTable

__all__ = ["organisation_lines"]


def organisation_lines(table: OrganisationTable, minter: Minter) -> list[str]:
    """The department table as N-Triples lines: names, kinds, years and reform links."""
    out = []

    def add(triple):
        out.append(" ".join(triple) + " .\n")

    zh = nt_lang
    for org in table.organisations:
        o_path = minter.organisation(org.id)
        o = iri_term(o_path)
        add((o, RDF.type, ORG.Organization))
        add((o, RDF.type, ORG.FormalOrganization))
        add((o, DCTERMS.identifier, nt_string(org.id)))
        add((o, SKOS.prefLabel, zh(org.name)))
        add((o, SKOS.prefLabel, nt_lang(org.name_en, "en")))
        add((o, RDFS.label, zh(org.name)))
        add((o, RDFS.label, nt_lang(org.name_en, "en")))
        for alias in org.aliases:
            add((o, SKOS.altLabel, zh(alias)))
        add((o, KGO.organisationKind, nt_string(org.kind)))
        add((o, KGO.jurisdiction, zh(org.jurisdiction)))
        if org.valid_from:
            add((o, KGO.validFrom, year_literal(org.valid_from)))
        if org.valid_to:
            add((o, KGO.validTo, year_literal(org.valid_to)))
        if org.uncertain:
            add((o, KGO.uncertain, nt_typed("true", XSD + "boolean")))
        if org.note:
            add((o, SKOS.note, nt_lang(org.note, "en")))
        if org.successors:
            event = iri_term(f"{o_path}/change")
            add((event, RDF.type, ORG.ChangeEvent))
            add((event, ORG.originalOrganization, o))
            add((o, ORG.changedBy, event))
            if org.valid_to:
                add((event, KGO.year, year_literal(org.valid_to)))
            for succ in org.successors:
                s = iri_term(minter.organisation(succ))
                add((event, ORG.resultingOrganization, s))
                add((s, ORG.resultedFrom, event))
                add((o, KGO.successor, s))
                add((s, KGO.predecessor, o))
    return out
