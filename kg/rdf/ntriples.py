"""N-Triples: the exact, escaped form of RDF terms kg writes and binds.

The graph of a build is written as N-Triples lines made here directly from
records (no rdflib terms on the way: at corpus scale making terms cost more
than everything else). :func:`nt_term` writes rdflib terms too, for binding
query parameters in a ``VALUES`` block, where escaping is what keeps a hostile
value a value.
"""

from __future__ import annotations

import re

from ..errors import KgError

__all__ = ["nt_iri", "nt_string", "nt_lang", "nt_typed", "nt_integer", "nt_term", "XSD"]

XSD = "http://www.w3.org/2001/XMLSchema#"
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


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


def nt_string(value: str) -> str:
    """A plain string literal.

    Examples
    --------
    >>> print(nt_string('甲"\\n乙'))
    "甲\\"\\n乙"
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


def nt_term(term) -> str:
    """An rdflib term in N-Triples syntax.

    Examples
    --------
    >>> from rdflib import Literal, URIRef
    >>> nt_term(Literal("甲\\n乙", lang="zh")), nt_term(URIRef("http://x/省"))
    ('"甲\\\\n乙"@zh', '<http://x/省>')
    """
    from rdflib import Literal, URIRef

    if isinstance(term, URIRef):
        return nt_iri(str(term))
    if isinstance(term, Literal):
        if term.language:
            return nt_lang(str(term), term.language)
        if term.datatype and str(term.datatype) != XSD + "string":
            return nt_typed(str(term), str(term.datatype))
        return nt_string(str(term))
    raise KgError(f"cannot write {term!r} as N-Triples (blank nodes are not used in kg graphs)")
