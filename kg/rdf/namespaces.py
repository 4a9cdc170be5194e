"""Vocabularies as rdflib ``DefinedNamespace`` classes.

A misspelt term fails at once (``_fail = True``) instead of minting a new IRI.
rdflib ships ORG, PROV, QB, SKOS, DCTERMS and FOAF; ELI, Web Annotation, the SDMX
terms of the Data Cube and this project's own ontology (``kgo:``, in
``ontology/kg.ttl``) are declared here. A test checks :class:`KGO` against the
ontology file.
"""

from rdflib import URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, QB, RDF, RDFS, SKOS, XSD, DefinedNamespace, Namespace

__all__ = ["KGO", "ELI", "OA", "SDMX_DIMENSION", "SDMX_MEASURE", "PREFIXES", "resolved",
           "DCTERMS", "FOAF", "ORG", "OWL", "PROV", "QB", "RDF", "RDFS", "SKOS", "XSD"]


class KGO(DefinedNamespace):
    """Terms of the kg ontology (``ontology/kg.ttl``)."""

    _NS = Namespace("https://w3id.org/kg-gazette/ontology#")
    _fail = True

    GazetteIssue: URIRef
    PolicyDocument: URIRef
    Section: URIRef
    Task: URIRef
    Responsibility: URIRef
    ResponsibilityRole: URIRef
    Signature: URIRef
    UnresolvedOrganisation: URIRef
    Target: URIRef
    TargetDataSet: URIRef
    Industry: URIRef
    IndustryScheme: URIRef
    Function: URIRef
    FunctionScheme: URIRef
    Commendation: URIRef
    CommendedUnit: URIRef
    Person: URIRef
    Place: URIRef
    Citation: URIRef
    TocEntry: URIRef
    SourceText: URIRef
    SourceSpan: URIRef
    gazetteName: URIRef
    issueNumber: URIRef
    cumulativeNumber: URIRef
    year: URIRef
    serialNumber: URIRef
    hasTocEntry: URIRef
    publishedIn: URIRef
    sourceText: URIRef
    page: URIRef
    category: URIRef
    listsDocument: URIRef
    position: URIRef
    documentKind: URIRef
    addressee: URIRef
    enclosedTitle: URIRef
    annexTitle: URIRef
    tocPage: URIRef
    signature: URIRef
    issuer: URIRef
    mention: URIRef
    source: URIRef
    clauseSource: URIRef
    marker: URIRef
    parentSection: URIRef
    inDocument: URIRef
    inSection: URIRef
    responsibleOrganisation: URIRef
    lead: URIRef
    participant: URIRef
    overallLead: URIRef
    coResponsible: URIRef
    coLead: URIRef
    guiding: URIRef
    implied: URIRef
    nonExhaustive: URIRef
    deadline: URIRef
    roleRule: URIRef
    organisationKind: URIRef
    jurisdiction: URIRef
    jurisdictionReason: URIRef
    centralCounterpart: URIRef
    partialSuccessor: URIRef
    validFrom: URIRef
    validTo: URIRef
    successor: URIRef
    predecessor: URIRef
    uncertain: URIRef
    indicator: URIRef
    upperValue: URIRef
    unit: URIRef
    comparator: URIRef
    targetKind: URIRef
    yearSource: URIRef
    valueText: URIRef
    forTask: URIRef
    forIndustry: URIRef
    commendation: URIRef
    honoree: URIRef
    positionTitle: URIRef
    positionOrganisation: URIRef
    standsFor: URIRef
    groupSize: URIRef
    place: URIRef
    parentPlace: URIRef
    citation: URIRef
    citedDocument: URIRef
    fileName: URIRef
    sha256: URIRef
    encoding: URIRef
    line: URIRef
    endLine: URIRef
    quote: URIRef
    leadRole: URIRef
    participantRole: URIRef
    overallLeadRole: URIRef
    coResponsibleRole: URIRef
    coLeadRole: URIRef
    guidingRole: URIRef
    impliedRole: URIRef
    roles: URIRef
    targetStructure: URIRef


class ELI(DefinedNamespace):
    """The European Legislation Identifier ontology (the terms kg uses)."""

    _NS = Namespace("http://data.europa.eu/eli/ontology#")
    _fail = True

    LegalResource: URIRef
    LegalResourceSubdivision: URIRef
    id_local: URIRef
    title: URIRef
    date_document: URIRef
    passed_by: URIRef
    has_part: URIRef
    is_part_of: URIRef
    cites: URIRef
    is_about: URIRef


class OA(DefinedNamespace):
    """Web Annotation: selectors that point into a text."""

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True

    SpecificResource: URIRef
    TextPositionSelector: URIRef
    TextQuoteSelector: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    start: URIRef
    end: URIRef
    exact: URIRef


class SDMX_DIMENSION(DefinedNamespace):
    _NS = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
    _fail = True

    refPeriod: URIRef


class SDMX_MEASURE(DefinedNamespace):
    _NS = Namespace("http://purl.org/linked-data/sdmx/2009/measure#")
    _fail = True

    obsValue: URIRef


#: Prefixes written in Turtle output and accepted in queries.
PREFIXES = {
    "kgo": str(KGO._NS), "eli": str(ELI._NS), "org": str(ORG._NS), "prov": str(PROV._NS),
    "skos": str(SKOS._NS), "qb": str(QB._NS), "sdmx-dimension": str(SDMX_DIMENSION._NS),
    "sdmx-measure": str(SDMX_MEASURE._NS), "oa": str(OA._NS), "dcterms": str(DCTERMS._NS),
    "foaf": str(FOAF._NS), "rdf": str(RDF._NS), "rdfs": str(RDFS._NS), "owl": str(OWL._NS),
    "xsd": str(XSD._NS),
}


def resolved(namespace, ntriples: bool = False):
    """The declared terms of a ``DefinedNamespace`` as plain attributes, for hot loops.

    Looking a term up on a ``DefinedNamespace`` runs its checks every time;
    this object resolves each declared term once and, like the namespace,
    raises ``AttributeError`` for a term it does not declare. With
    ``ntriples=True`` each term is the string ``<iri>`` that N-Triples writes.

    Examples
    --------
    >>> k = resolved(KGO)
    >>> k.lead == KGO.lead
    True
    >>> resolved(KGO, ntriples=True).lead
    '<https://w3id.org/kg-gazette/ontology#lead>'
    >>> k.leed
    Traceback (most recent call last):
    ...
    AttributeError: 'types.SimpleNamespace' object has no attribute 'leed'
    """
    from types import SimpleNamespace

    names = {}
    for cls in reversed(namespace.__mro__):
        names.update(getattr(cls, "__annotations__", {}))
    return SimpleNamespace(**{n: f"<{namespace[n]}>" if ntriples else namespace[n]
                              for n in names if not n.startswith("_")})
