"""Records to RDF triples, in the terms of ``ontology/kg.ttl``.

:func:`issue_triples` yields the triples of one extracted issue
(:mod:`kg.graph_organisations` those of the department table). Every fact carries a
``kgo:source`` span: source file, character offsets, lines and quoted text.
IRIs are rdflib terms and literals :class:`~kg.ntriples.Lit` (already in
N-Triples form); :func:`to_graph` gives an rdflib Graph.
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import Graph, URIRef

from .iris import Minter
from .namespaces import DCTERMS as _DCTERMS
from .namespaces import ELI as _ELI
from .namespaces import KGO as _KGO
from .namespaces import OA as _OA
from .namespaces import ORG as _ORG
from .namespaces import PREFIXES
from .namespaces import PROV as _PROV
from .namespaces import QB as _QB
from .namespaces import RDF as _RDF
from .namespaces import RDFS as _RDFS
from .namespaces import SDMX_DIMENSION as _SDMX_DIMENSION
from .namespaces import SDMX_MEASURE as _SDMX_MEASURE
from .namespaces import SKOS as _SKOS
from .namespaces import XSD as _XSD
from .namespaces import resolved
from .ntriples import Lit

# Terms resolved once: a DefinedNamespace lookup in the hot loops below cost seconds per million triples.
DCTERMS, ELI, KGO, OA, ORG, PROV = (resolved(n) for n in (_DCTERMS, _ELI, _KGO, _OA, _ORG, _PROV))
QB, RDF, RDFS, SDMX_DIMENSION = (resolved(n) for n in (_QB, _RDF, _RDFS, _SDMX_DIMENSION))
SDMX_MEASURE, SKOS, XSD = (resolved(n) for n in (_SDMX_MEASURE, _SKOS, _XSD))
from .organisations import OrganisationTable, load_provinces
from .records import Document, Issue, Span

__all__ = ["issue_triples", "to_graph", "decimal_literal", "numbers_by_title", "zh", "Literal", "year_literal"]

ROLE = {"lead": KGO.leadRole, "participant": KGO.participantRole, "overall_lead": KGO.overallLeadRole,
        "responsible": KGO.coResponsibleRole}
SHORTCUT = {"lead": KGO.lead, "participant": KGO.participant, "overall_lead": KGO.overallLead,
            "responsible": KGO.coResponsible}


_XSD = "http://www.w3.org/2001/XMLSchema#"


def zh(text: str) -> Lit:
    return Lit(text, lang="zh")


def Literal(value, lang: str | None = None, datatype=None) -> Lit:  # noqa: N802 (reads like rdflib's)
    """A literal for ``value``: strings as they are, integers and booleans typed."""
    if datatype is not None:
        return Lit(str(value), datatype=str(datatype))
    if isinstance(value, bool):
        return Lit("true" if value else "false", datatype=_XSD + "boolean")
    if isinstance(value, int):
        return Lit(str(value), datatype=_XSD + "integer")
    return Lit(value, lang=lang)


def decimal_literal(value: float) -> Lit:
    """A decimal literal in its XSD 1.1 canonical form (the form Oxigraph stores).

    Examples
    --------
    >>> decimal_literal(1.5e12).value, decimal_literal(91.0).value, decimal_literal(2.12).value
    ('1500000000000', '91', '2.12')
    """
    return Lit(format(Decimal(repr(float(value))).normalize(), "f"), datatype=_XSD + "decimal")


def year_literal(y: int) -> Lit:
    """A year as ``xsd:gYear``."""
    return Lit(f"{y:04d}", datatype=_XSD + "gYear")


class _Emitter:
    """Collects triples for one issue; minting spans as it goes."""

    def __init__(self, issue: Issue, minter: Minter, numbers_by_title: dict):
        self.issue = issue
        self.m = minter
        self.numbers_by_title = numbers_by_title
        self.source = minter.source(issue.sha256)
        self.triples: list[tuple] = []

    def add(self, s, p, o):
        if o is not None:
            self.triples.append((s, p, o))

    def span(self, span: Span) -> URIRef:
        iri = self.m.span(self.issue.sha256, span.start, span.end)
        pos, quote = URIRef(f"{iri}/position"), URIRef(f"{iri}/quote")
        for t in ((iri, RDF.type, KGO.SourceSpan), (iri, RDF.type, OA.SpecificResource),
                  (iri, OA.hasSource, self.source), (iri, OA.hasSelector, pos), (iri, OA.hasSelector, quote),
                  (iri, KGO.line, Literal(span.line)), (iri, KGO.endLine, Literal(span.end_line)),
                  (pos, RDF.type, OA.TextPositionSelector), (pos, OA.start, Literal(span.start)),
                  (pos, OA.end, Literal(span.end)), (quote, RDF.type, OA.TextQuoteSelector),
                  (quote, OA.exact, Literal(span.text))):
            self.triples.append(t)
        return iri

    def sourced(self, node, span: Span | None, prop=KGO.source):
        if span is not None:
            self.add(node, prop, self.span(span))


def issue_triples(issue: Issue, minter: Minter, table: OrganisationTable, numbers_by_title=None):
    """The triples of one issue (documents, tasks, targets, …) as a list.

    ``numbers_by_title`` maps titles to document numbers known anywhere in the
    build, so that a document cited by title alone joins the numbered node.
    """
    e = _Emitter(issue, minter, numbers_by_title or {})
    add = e.add
    src = e.source
    add(src, RDF.type, KGO.SourceText)
    add(src, RDF.type, PROV.Entity)
    add(src, KGO.fileName, Literal(issue.file.replace("\\", "/").rsplit("/", 1)[-1]))
    add(src, KGO.sha256, Literal(issue.sha256))
    add(src, KGO.encoding, Literal(issue.encoding))
    province_en = next((p["name_en"] for p in load_provinces() if p["name"] == issue.province), None)
    iss = minter.issue(province_en, issue.year, issue.number, issue.sha256)
    add(iss, RDF.type, KGO.GazetteIssue)
    add(iss, KGO.sourceText, src)
    if issue.gazette:
        add(iss, KGO.gazetteName, zh(issue.gazette))
        add(iss, RDFS.label, zh(f"{issue.gazette} {issue.year}年第{issue.number}期" if issue.year else issue.gazette))
    if issue.year:
        add(iss, KGO.year, year_literal(issue.year))
    if issue.number:
        add(iss, KGO.issueNumber, Literal(issue.number))
    if issue.cumulative_number:
        add(iss, KGO.cumulativeNumber, Literal(issue.cumulative_number))
    if issue.published:
        add(iss, DCTERMS.issued, Literal(issue.published, datatype=XSD.date))
    if issue.serial:
        add(iss, KGO.serialNumber, Literal(issue.serial))

    doc_iris = {}
    for k, doc in enumerate(issue.documents):
        doc_iris[id(doc)] = minter.document(doc.number) if doc.number else \
            minter.unnumbered_document(issue.sha256, k)
    for n, entry in enumerate(issue.toc):
        toc = URIRef(f"{iss}/toc/{n}")
        add(iss, KGO.hasTocEntry, toc)
        add(toc, RDF.type, KGO.TocEntry)
        add(toc, KGO.position, Literal(n))
        add(toc, RDFS.label, zh(entry.title))
        if entry.page is not None:
            add(toc, KGO.page, Literal(entry.page))
        if entry.category:
            add(toc, KGO.category, zh(entry.category))
        target = next((doc_iris[id(d)] for d in issue.documents if d.number and d.number == entry.doc_number), None)
        add(toc, KGO.listsDocument, target)
        e.sourced(toc, entry.span)
    for doc in issue.documents:
        _document(e, doc, doc_iris[id(doc)], iss, table)
    return e.triples


def _document(e: _Emitter, doc: Document, d: URIRef, iss: URIRef, table: OrganisationTable):
    add, m = e.add, e.m
    add(d, RDF.type, KGO.PolicyDocument)
    add(d, RDF.type, ELI.LegalResource)
    add(d, KGO.publishedIn, iss)
    add(d, KGO.sourceText, e.source)
    add(d, ELI.title, zh(doc.title))
    add(d, RDFS.label, zh(doc.title))
    if doc.number:
        add(d, ELI.id_local, Literal(doc.number))
    if doc.date:
        add(d, ELI.date_document, Literal(doc.date, datatype=XSD.date))
    if doc.kind:
        add(d, KGO.documentKind, zh(doc.kind))
    if doc.enclosed_title:
        add(d, KGO.enclosedTitle, zh(doc.enclosed_title))
    if doc.toc_page is not None:
        add(d, KGO.tocPage, Literal(doc.toc_page))
    for a in doc.addressees:
        add(d, KGO.addressee, zh(a))
    for a in doc.annexes:
        add(d, KGO.annexTitle, zh(a))
    e.sourced(d, doc.span)
    for n, issuer in enumerate(doc.issuers):
        org = m.organisation(issuer.organisation)
        sig = m.part(d, "signature", n)
        add(d, ELI.passed_by, org)
        add(d, KGO.signature, sig)
        add(sig, RDF.type, KGO.Signature)
        add(sig, KGO.issuer, org)
        add(sig, KGO.position, Literal(n))
        add(sig, KGO.mention, Literal(issuer.mention))
        e.sourced(sig, issuer.span)
        _unresolved(e, issuer)
    for n, s in enumerate(doc.sections):
        sec = m.section(d, s.path)
        add(sec, KGO.position, Literal(n))
        add(sec, RDF.type, KGO.Section)
        add(sec, RDF.type, ELI.LegalResourceSubdivision)
        add(d, ELI.has_part, sec)
        add(sec, ELI.is_part_of, d)
        add(sec, DCTERMS.identifier, Literal(s.path))
        add(sec, KGO.marker, Literal(s.marker))
        if s.title:
            add(sec, RDFS.label, zh(s.title))
        if s.parent:
            add(sec, KGO.parentSection, m.section(d, s.parent))
        e.sourced(sec, s.span)
    for n, task in enumerate(doc.tasks):
        t = m.task(d, task.id)
        add(t, KGO.position, Literal(n))
        add(t, RDF.type, KGO.Task)
        add(t, RDF.type, PROV.Activity)
        add(t, KGO.inDocument, d)
        add(t, KGO.inSection, m.section(d, task.section))
        add(t, DCTERMS.identifier, Literal(task.id))
        add(t, RDFS.label, zh(task.title))
        e.sourced(t, task.span)
        e.sourced(t, task.clause, KGO.clauseSource)
        for k, r in enumerate(task.responsibilities):
            org = m.organisation(r.org.organisation)
            assoc = m.part(t, "responsibility", k)
            add(t, PROV.qualifiedAssociation, assoc)
            add(t, SHORTCUT[r.role], org)
            add(t, KGO.responsibleOrganisation, org)
            add(t, PROV.wasAssociatedWith, org)
            add(assoc, RDF.type, KGO.Responsibility)
            add(assoc, RDF.type, PROV.Association)
            add(assoc, PROV.agent, org)
            add(assoc, PROV.hadRole, ROLE[r.role])
            add(assoc, KGO.mention, Literal(r.org.mention))
            add(assoc, KGO.position, Literal(k))
            add(assoc, KGO.roleRule, Literal(r.rule))
            e.sourced(assoc, r.org.span)
            _unresolved(e, r.org)
    _citations(e, doc, d)
    _targets(e, doc, d)
    _industries(e, doc, d)
    _honorees(e, doc, d)


def _unresolved(e: _Emitter, mention):
    if not mention.resolved:
        org = e.m.organisation(mention.organisation)
        e.add(org, RDF.type, ORG.Organization)
        e.add(org, RDF.type, KGO.UnresolvedOrganisation)
        e.add(org, RDFS.label, zh(mention.mention))
        e.add(org, SKOS.prefLabel, zh(mention.mention))


def _citations(e, doc, d):
    for n, c in enumerate(doc.citations):
        number = c.number or e.numbers_by_title.get(c.title)
        cited = e.m.document(number) if number else e.m.titled_document(c.title)
        cit = e.m.part(d, "citation", n)
        e.add(cit, KGO.position, Literal(n))
        e.add(d, ELI.cites, cited)
        e.add(d, KGO.citation, cit)
        e.add(cit, RDF.type, KGO.Citation)
        e.add(cit, KGO.citedDocument, cited)
        e.sourced(cit, c.span)
        e.add(cited, RDF.type, KGO.PolicyDocument)
        e.add(cited, RDF.type, ELI.LegalResource)
        if number:
            e.add(cited, ELI.id_local, Literal(number))
        if c.title:
            e.add(cited, ELI.title, zh(c.title))
            e.add(cited, RDFS.label, zh(c.title))


def _targets(e, doc, d):
    if not doc.targets:
        return
    ds = URIRef(f"{d}/targets")
    e.add(ds, RDF.type, KGO.TargetDataSet)
    e.add(ds, RDF.type, QB.DataSet)
    e.add(ds, QB.structure, KGO.targetStructure)
    e.add(ds, KGO.inDocument, d)
    e.add(ds, RDFS.label, zh(f"{doc.number or doc.title} 量化目标"))
    for n, t in enumerate(doc.targets):
        obs = e.m.part(d, "target", n)
        e.add(obs, KGO.position, Literal(n))
        e.add(obs, RDF.type, KGO.Target)
        e.add(obs, RDF.type, QB.Observation)
        e.add(obs, QB.dataSet, ds)
        e.add(obs, KGO.indicator, zh(t.indicator))
        e.add(obs, SDMX_MEASURE.obsValue, decimal_literal(t.value))
        if t.value_max is not None:
            e.add(obs, KGO.upperValue, decimal_literal(t.value_max))
        e.add(obs, KGO.unit, Literal(t.unit))
        e.add(obs, KGO.comparator, Literal(t.comparator))
        e.add(obs, KGO.targetKind, Literal(t.kind))
        e.add(obs, KGO.valueText, Literal(t.value_text))
        e.add(obs, KGO.yearSource, Literal(t.year_source))
        if t.year is not None:
            e.add(obs, SDMX_DIMENSION.refPeriod, year_literal(t.year))
        if t.task:
            e.add(obs, KGO.forTask, e.m.task(d, t.task))
        if t.industry:
            e.add(obs, KGO.forIndustry, e.m.industry(t.industry))
        e.sourced(obs, t.span)


def _industries(e, doc, d):
    for ind in doc.industries:
        concept = e.m.industry(ind.label)
        anchor = ind.scheme.rsplit("#", 1)[-1]
        scheme = e.m.subject_scheme() if anchor == "subject" else e.m.part(d, "scheme", anchor)
        e.add(concept, RDF.type, KGO.Industry)
        e.add(concept, RDF.type, SKOS.Concept)
        e.add(concept, SKOS.prefLabel, zh(ind.label))
        e.add(concept, SKOS.inScheme, scheme)
        e.add(scheme, RDF.type, KGO.IndustryScheme)
        e.add(scheme, RDF.type, SKOS.ConceptScheme)
        e.add(scheme, SKOS.prefLabel, zh(ind.scheme_label))
        if anchor == "subject":
            e.add(d, ELI.is_about, concept)
        else:
            e.add(scheme, KGO.inDocument, d)
        e.sourced(concept, ind.span)


def _honorees(e, doc, d):
    for n, h in enumerate(doc.honorees):
        com = e.m.part(d, "commendation", n)
        who = e.m.part(d, "honoree", n)
        e.add(d, KGO.commendation, com)
        e.add(com, RDF.type, KGO.Commendation)
        e.add(com, KGO.honoree, who)
        e.add(com, KGO.category, zh(h.category))
        e.add(com, KGO.position, Literal(n))
        e.sourced(com, h.span)
        if h.kind == "person":
            e.add(who, RDF.type, KGO.Person)
            e.add(who, RDF.type, PROV.Person)
            e.add(who, KGO.positionTitle, zh(h.position))
            if h.organisation:
                e.add(who, KGO.positionOrganisation, zh(h.organisation))
        else:
            e.add(who, RDF.type, KGO.CommendedUnit)
            e.add(who, RDF.type, ORG.Organization)
        e.add(who, RDFS.label, zh(h.name))
        if h.place:
            place = e.m.place(h.place)
            e.add(who, KGO.place, place)
            e.add(place, RDF.type, KGO.Place)
            e.add(place, RDFS.label, zh(h.place))
            if h.parent_place and h.parent_place != h.place:
                parent = e.m.place(h.parent_place)
                e.add(place, KGO.parentPlace, parent)
                e.add(parent, RDF.type, KGO.Place)
                e.add(parent, RDFS.label, zh(h.parent_place))


def numbers_by_title(issues) -> dict:
    """Titles with the document number they carry anywhere in ``issues``."""
    out = {}
    for issue in issues:
        for doc in issue.documents:
            if doc.number:
                out.setdefault(doc.title, doc.number)
            for c in doc.citations:
                if c.number and c.title:
                    out.setdefault(c.title, c.number)
    return out


def to_graph(triples) -> Graph:
    """An rdflib Graph of ``triples`` with the project's prefixes bound."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for s, p, o in triples:
        g.add((s, p, o.to_rdflib() if type(o) is Lit else o))
    return g
