"""Every RDF term kg writes, in N-Triples form: IRIs, literals, and the vocabularies' terms.

The graph of a build is written as N-Triples lines made straight from records
(no rdflib terms on the way: at corpus scale making terms cost more than
everything else); query parameters are bound with the same functions, where
escaping is what keeps a hostile value a value.

Examples
--------
>>> KGO.lead, A
('<https://w3id.org/kg-gazette/ontology#lead>', '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>')
>>> from kg.vocabulary import Role
>>> role_term(Role.LEAD), role_shortcut(Role.RESPONSIBLE)
('<https://w3id.org/kg-gazette/ontology#leadRole>', '<https://w3id.org/kg-gazette/ontology#coResponsible>')
"""

from __future__ import annotations

import re
from decimal import Decimal
from types import SimpleNamespace

from ..errors import KgError
from . import namespaces as _ns

__all__ = ["XSD", "is_iri", "nt_iri", "nt_string", "nt_lang", "nt_typed", "nt_integer", "decimal_literal", "year_literal",
           "iri_term", "TERMS", "A", "DCTERMS", "ELI", "FOAF", "KGO", "OA", "ORG", "PROV", "QB", "RDF", "RDFS", "SKOS",
           "SDMX_DIMENSION", "SDMX_MEASURE", "role_term", "role_shortcut"]

XSD = "http://www.w3.org/2001/XMLSchema#"
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\b": "\\b", "\f": "\\f",
                          **{chr(c): f"\\u{c:04X}" for c in (*range(0x00, 0x08), 0x0B, *range(0x0E, 0x20), 0x7F)}})
"""Literal escapes: the four N-Triples needs, and every other control character but tab (``\\u0000`` …),
so no NUL or other raw control byte ever reaches ``graph.nt``."""
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
#: An IRI's scheme at the start of a text: anchored and bounded, so no search runs over a long word.
_SCHEME = re.compile(r"\A[A-Za-z][A-Za-z0-9+.-]{1,31}:")


def is_iri(text: str) -> bool:
    """Whether ``text`` opens with an IRI's scheme (two letters or more: ``C:\\…`` is a Windows path).

    Examples
    --------
    >>> is_iri("https://example.org/zj"), is_iri("urn:x:1"), is_iri("kg-out"), is_iri("C:/kg-out")
    (True, True, False, False)
    """
    return bool(_SCHEME.match(text))


def nt_iri(iri: str) -> str:
    """An IRI in N-Triples form, refused if it holds a character IRIs forbid.

    Examples
    --------
    >>> nt_iri("http://x/省")
    '<http://x/省>'
    >>> nt_iri("http://x/a b")
    Traceback (most recent call last):
    kg.errors.KgError: 'http://x/a b' is not a valid IRI
    """
    if _BAD_IRI.search(iri):
        raise KgError(f"{iri!r} is not a valid IRI")
    return f"<{iri}>"


def iri_term(text: str) -> str:
    """An IRI kg minted (already safe) in N-Triples form.

    >>> iri_term("http://x/y")
    '<http://x/y>'
    """
    return "<" + text + ">"


def nt_string(value: str) -> str:
    """A plain string literal.

    Examples
    --------
    >>> print(nt_string('甲"\\n乙'))
    "甲\\"\\n乙"
    >>> print(nt_string("a\\x00b\\x1bc"))
    "a\\u0000b\\u001Bc"
    """
    return '"' + value.translate(_ESCAPES) + '"'


def nt_lang(value: str, lang: str = "zh") -> str:
    """A string with a language tag (Chinese unless told).

    Examples
    --------
    >>> nt_lang("省质监局"), nt_lang("Quality", "en")
    ('"省质监局"@zh', '"Quality"@en')
    """
    return '"' + value.translate(_ESCAPES) + '"@' + lang


def nt_typed(value: str, datatype: str) -> str:
    """A typed literal; ``datatype`` is a full IRI.

    Examples
    --------
    >>> nt_typed("2017", XSD + "gYear")
    '"2017"^^<http://www.w3.org/2001/XMLSchema#gYear>'
    """
    return '"' + value.translate(_ESCAPES) + '"^^<' + datatype + ">"


def nt_integer(n: int) -> str:
    """An ``xsd:integer``.

    Examples
    --------
    >>> nt_integer(3)
    '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'
    """
    return f'"{int(n)}"^^<{XSD}integer>'


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


def _terms():
    names = dict(DCTERMS=_ns.DCTERMS, ELI=_ns.ELI, FOAF=_ns.FOAF, KGO=_ns.KGO, OA=_ns.OA, ORG=_ns.ORG, PROV=_ns.PROV,
                 QB=_ns.QB,
                 RDF=_ns.RDF, RDFS=_ns.RDFS, SDMX_DIMENSION=_ns.SDMX_DIMENSION, SDMX_MEASURE=_ns.SDMX_MEASURE,
                 SKOS=_ns.SKOS)
    return SimpleNamespace(**{k: _ns.resolved(v, ntriples=True) for k, v in names.items()})


#: Every vocabulary term in N-Triples form (``TERMS.KGO.lead`` is ``'<…ontology#lead>'``).
TERMS = _terms()
DCTERMS, ELI, FOAF, KGO, OA = TERMS.DCTERMS, TERMS.ELI, TERMS.FOAF, TERMS.KGO, TERMS.OA
ORG, PROV = TERMS.ORG, TERMS.PROV
QB, RDF, RDFS, SKOS = TERMS.QB, TERMS.RDF, TERMS.RDFS, TERMS.SKOS
SDMX_DIMENSION, SDMX_MEASURE = TERMS.SDMX_DIMENSION, TERMS.SDMX_MEASURE
A = RDF.type


def role_term(role) -> str:
    """The ``kgo:`` role individual of a :class:`~kg.vocabulary.Role`."""
    return getattr(KGO, role.term)


def role_shortcut(role) -> str:
    """The ``kgo:`` property linking a task straight to an organisation in ``role``."""
    return getattr(KGO, role.shortcut)
