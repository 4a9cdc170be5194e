"""The vocabulary terms and literals :mod:`kg.rdf.issue` writes, in N-Triples form."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

from .namespaces import DCTERMS as _DCTERMS
from .namespaces import ELI as _ELI
from .namespaces import KGO as _KGO
from .namespaces import OA as _OA
from .namespaces import ORG as _ORG
from .namespaces import PROV as _PROV
from .namespaces import QB as _QB
from .namespaces import RDF as _RDF
from .namespaces import RDFS as _RDFS
from .namespaces import SDMX_DIMENSION as _SDMX_DIMENSION
from .namespaces import SDMX_MEASURE as _SDMX_MEASURE
from .namespaces import SKOS as _SKOS
from .namespaces import resolved
from .ntriples import XSD, nt_typed

__all__ = ["TERMS", "decimal_literal", "year_literal", "iri_term", "A", "DCTERMS", "ELI", "KGO", "OA", "ORG",
           "PROV", "QB", "RDF", "RDFS", "SKOS", "SDMX_DIMENSION", "SDMX_MEASURE", "ROLE", "SHORTCUT"]


def _terms():
    names = dict(DCTERMS=_DCTERMS, ELI=_ELI, KGO=_KGO, OA=_OA, ORG=_ORG, PROV=_PROV, QB=_QB, RDF=_RDF, RDFS=_RDFS,
                 SDMX_DIMENSION=_SDMX_DIMENSION, SDMX_MEASURE=_SDMX_MEASURE, SKOS=_SKOS)
    return SimpleNamespace(**{k: resolved(v, ntriples=True) for k, v in names.items()})


#: Every vocabulary term in N-Triples form (``TERMS.KGO.lead`` is ``'<…ontology#lead>'``).
TERMS = _terms()
DCTERMS, ELI, KGO, OA, ORG, PROV = TERMS.DCTERMS, TERMS.ELI, TERMS.KGO, TERMS.OA, TERMS.ORG, TERMS.PROV
QB, RDF, RDFS, SKOS = TERMS.QB, TERMS.RDF, TERMS.RDFS, TERMS.SKOS
SDMX_DIMENSION, SDMX_MEASURE = TERMS.SDMX_DIMENSION, TERMS.SDMX_MEASURE
A = RDF.type

ROLE = {"lead": KGO.leadRole, "participant": KGO.participantRole, "overall_lead": KGO.overallLeadRole,
        "responsible": KGO.coResponsibleRole}
SHORTCUT = {"lead": KGO.lead, "participant": KGO.participant, "overall_lead": KGO.overallLead,
            "responsible": KGO.coResponsible}


def decimal_literal(value: float) -> str:
    """A decimal literal in its XSD 1.1 canonical form (the form Oxigraph stores).

    Examples
    --------
    >>> decimal_literal(1.5e12), decimal_literal(2.12)
    ('"1500000000000"^^<http://www.w3.org/2001/XMLSchema#decimal>', '"2.12"^^<http://www.w3.org/2001/XMLSchema#decimal>')
    """
    return nt_typed(format(Decimal(repr(float(value))).normalize(), "f"), XSD + "decimal")


def year_literal(y: int) -> str:
    """A year as ``xsd:gYear``.

    Examples
    --------
    >>> year_literal(2019)
    '"2019"^^<http://www.w3.org/2001/XMLSchema#gYear>'
    """
    return f'"{y:04d}"^^<{XSD}gYear>'


def iri_term(text: str) -> str:
    """An IRI kg minted (already safe) in N-Triples form."""
    return "<" + text + ">"
