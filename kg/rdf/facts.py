"""Targets, industries and honorees of a document as N-Triples lines (for :mod:`kg.rdf.issue`)."""

from __future__ import annotations

from .terms import A, ELI, FOAF, KGO, ORG, PROV, QB, RDFS, SDMX_DIMENSION, SDMX_MEASURE, SKOS, decimal_literal
from .terms import iri_term as _iri
from .terms import year_literal
from .terms import nt_integer, nt_lang, nt_string

__all__ = ["add_targets", "add_industries", "add_honorees"]


def add_targets(e, doc, doc_iri: str, d: str):
    if not doc.targets:
        return
    add = e.add
    ds = _iri(f"{d}/targets")
    add(ds, A, KGO.TargetDataSet)
    add(ds, A, QB.DataSet)
    add(ds, QB.structure, KGO.targetStructure)
    add(ds, KGO.inDocument, doc_iri)
    add(ds, RDFS.label, nt_lang(f"{doc.number or doc.title} 量化目标"))
    for n, t in enumerate(doc.targets):
        obs = _iri(e.m.part(d, "target", n))
        add(obs, KGO.position, nt_integer(n))
        add(obs, A, KGO.Target)
        add(obs, A, QB.Observation)
        add(obs, QB.dataSet, ds)
        add(obs, KGO.indicator, nt_lang(t.indicator))
        add(obs, SDMX_MEASURE.obsValue, decimal_literal(t.value))
        if t.value_max is not None:
            add(obs, KGO.upperValue, decimal_literal(t.value_max))
        add(obs, KGO.unit, nt_string(t.unit))
        add(obs, KGO.comparator, nt_string(t.comparator))
        add(obs, KGO.targetKind, nt_string(t.kind))
        add(obs, KGO.valueText, nt_string(t.value_text))
        add(obs, KGO.yearSource, nt_string(t.year_source))
        if t.year is not None:
            add(obs, SDMX_DIMENSION.refPeriod, year_literal(t.year))
        if t.task:
            add(obs, KGO.forTask, _iri(e.m.task(d, t.task)))
        if t.industry:
            add(obs, KGO.forIndustry, _iri(e.m.industry(t.industry)))
        e.sourced(obs, t.span)


def add_industries(e, doc, doc_iri: str, d: str):
    for ind in doc.industries:
        concept = _iri(e.m.industry(ind.label))
        anchor = ind.scheme.rsplit("#", 1)[-1]
        scheme = _iri(e.m.subject_scheme() if anchor == "subject" else e.m.part(d, "scheme", anchor))
        e.share(concept, A, KGO.Industry)
        e.share(concept, A, SKOS.Concept)
        e.share(concept, SKOS.prefLabel, nt_lang(ind.label))
        e.share(concept, SKOS.inScheme, scheme)
        e.share(scheme, A, KGO.IndustryScheme)
        e.share(scheme, A, SKOS.ConceptScheme)
        e.share(scheme, SKOS.prefLabel, nt_lang(ind.scheme_label))
        if anchor == "subject":
            e.add(doc_iri, ELI.is_about, concept)
        else:
            e.share(scheme, KGO.inDocument, doc_iri)
        e.sourced(concept, ind.span)


#: foaf:gender as FOAF writes it, from the note after a name: 宁芳(女)
_GENDERS = {"女": "female", "男": "male"}


def add_honorees(e, doc, doc_iri: str, d: str):
    add = e.add
    for n, h in enumerate(doc.honorees):
        com = _iri(e.m.part(d, "commendation", n))
        who = _iri(e.m.part(d, "honoree", n))
        add(doc_iri, KGO.commendation, com)
        add(com, A, KGO.Commendation)
        add(com, KGO.honoree, who)
        add(com, KGO.category, nt_lang(h.category))
        add(com, KGO.position, nt_integer(n))
        if h.group_size is not None:
            add(com, KGO.groupSize, nt_integer(h.group_size))
        e.sourced(com, h.span)
        if h.kind == "person":
            add(who, A, KGO.Person)
            add(who, A, PROV.Person)
            if h.position:
                add(who, KGO.positionTitle, nt_lang(h.position))
            if h.organisation:
                add(who, KGO.positionOrganisation, nt_lang(h.organisation))
            if h.gender in _GENDERS:
                add(who, FOAF.gender, nt_string(_GENDERS[h.gender]))
        else:
            add(who, A, KGO.CommendedUnit)
            add(who, A, ORG.Organization)
            if h.organisation:
                add(who, KGO.standsFor, nt_lang(h.organisation))
        add(who, RDFS.label, nt_lang(h.name))
        if h.place:
            place = _iri(e.m.place(h.place))
            add(who, KGO.place, place)
            e.share(place, A, KGO.Place)
            e.share(place, RDFS.label, nt_lang(h.place))
            if h.parent_place and h.parent_place != h.place:
                parent = _iri(e.m.place(h.parent_place))
                e.share(place, KGO.parentPlace, parent)
                e.share(parent, A, KGO.Place)
                e.share(parent, RDFS.label, nt_lang(h.parent_place))
