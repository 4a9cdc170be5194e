"""Stable, readable IRIs for every node, under a configurable base.

The same input always mints the same IRIs: documents by their number
(``eli/浙政办发-2017-72``), organisations by their id in the organisation table
(``org/zj-quality-supervision``, ``org/440100-development-reform``, ``org/cn-ndrc``), functions by
their id in the function scheme (``function/finance``), tasks by document and section path
(``…/task/2.1.1``), sources by the start of their SHA-256, and spans as
RFC 5147 fragments of their source (``source/81eaf4dbb71cf20c#char=2561,2565``):
the IRI form of a Web Annotation text-position selector.

IRIs are plain strings; :mod:`kg.rdf.issue` writes them as N-Triples.
"""

from __future__ import annotations

import hashlib
import re

from ..errors import KgError
from ..records import DocNumber

__all__ = ["DEFAULT_BASE", "Minter", "iri_segment"]

DEFAULT_BASE = "https://w3id.org/kg-gazette/id/"

_UNSAFE = re.compile(r"[\x00-\x20<>\"{}|\\^`%/?#\[\]]")


def iri_segment(text: str) -> str:
    """A path segment: readable Chinese kept, characters IRIs forbid escaped.

    Examples
    --------
    >>> iri_segment("省质监局")
    '省质监局'
    >>> iri_segment("a b/c")
    'a%20b%2Fc'
    """
    return _UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode("utf-8")), text)


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Minter:
    """Mints IRIs under ``base``.

    Examples
    --------
    >>> m = Minter()
    >>> number = DocNumber("浙政办发", 2017, 72)
    >>> m.document(number)
    'https://w3id.org/kg-gazette/id/eli/浙政办发-2017-72'
    >>> m.task(m.document(number), "2.1.1")
    'https://w3id.org/kg-gazette/id/eli/浙政办发-2017-72/task/2.1.1'
    >>> m.span("81eaf4dbb71cf20c" + "0" * 48, 2561, 2565)
    'https://w3id.org/kg-gazette/id/source/81eaf4dbb71cf20c#char=2561,2565'
    >>> Minter("http://example.org/kg#")
    Traceback (most recent call last):
    kg.errors.KgError: base IRI 'http://example.org/kg#' ends in '#'; end it in '/' (spans are '#char=' fragments)
    """

    def __init__(self, base: str = DEFAULT_BASE):
        if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", base):
            raise KgError(f"base IRI {base!r} is not absolute (it needs a scheme such as https:)")
        if re.search(r'[\x00-\x20<>"{}|^`\\#]', base.rstrip("#")):
            raise KgError(f"base IRI {base!r} holds a character IRIs forbid")
        if base.endswith("#"):
            raise KgError(f"base IRI {base!r} ends in '#'; end it in '/' (spans are '#char=' fragments)")
        self.base = base if base.endswith("/") else base + "/"

    def _iri(self, *parts: str) -> str:
        return self.base + "/".join(parts)

    def document(self, number: DocNumber) -> str:
        """A document, by its number's parts (``eli/浙政办发-2017-72``)."""
        return self._iri("eli", iri_segment(number.key))

    def titled_document(self, title: str) -> str:
        """A document known only by its title (cited without a number)."""
        return self._iri("eli", "title", _short_hash(title))

    def unnumbered_document(self, sha256: str, index: int) -> str:
        return self._iri("eli", "text", sha256[:16], str(index))

    def published_document(self, number: DocNumber | None, sha256: str, index: int) -> str:
        """The ``index``-th document (from 0) of the source ``sha256``: by its number, or its place without one.

        >>> m = Minter()
        >>> m.published_document(None, "81eaf4dbb71cf20c" + "0" * 48, 2)[len(m.base):]
        'eli/text/81eaf4dbb71cf20c/2'
        """
        return self.document(number) if number else self.unnumbered_document(sha256, index)

    @staticmethod
    def part(parent: str, kind: str, key) -> str:
        return f"{parent}/{kind}/{key if type(key) is int else iri_segment(key)}"

    def section(self, doc: str, path: str) -> str:
        return self.part(doc, "section", path)

    def task(self, doc: str, path: str) -> str:
        return self.part(doc, "task", path)

    def organisation(self, org_id: str) -> str:
        """An organisation by its id; a unit inside a body (``cn-nfga/科技司``) under the body's IRI.

        >>> Minter().organisation("440100-development-reform"), Minter().organisation("cn-nfga/科技司")[-15:]
        ('https://w3id.org/kg-gazette/id/org/440100-development-reform', 'org/cn-nfga/科技司')
        """
        if org_id.startswith("unresolved:"):
            return self._iri("org", "unresolved", *(iri_segment(p) for p in org_id[11:].split("/")))
        return self._iri("org", *(iri_segment(p) for p in org_id.split("/")))

    def function(self, function_id: str) -> str:
        """A concept of the function scheme (``function/development-reform``)."""
        return self._iri("function", iri_segment(function_id))

    def function_scheme(self, scheme_id: str) -> str:
        return self._iri("function-scheme", iri_segment(scheme_id))

    def issue(self, province_en: str | None, year: int | None, number: int | None, sha256: str) -> str:
        if province_en and year and number:
            return self._iri("issue", iri_segment(province_en.lower()), str(year), str(number))
        return self._iri("issue", "source", sha256[:16])

    def source(self, sha256: str) -> str:
        """A source text, by the first 16 hex digits of its SHA-256 (the full hash is a literal on it)."""
        return self._iri("source", sha256[:16])

    def shared_graph(self) -> str:
        """The named graph of the lines several sources may give (organisations, cited documents, issues …).

        >>> Minter().shared_graph()
        'https://w3id.org/kg-gazette/id/graph/shared'
        """
        return self._iri("graph", "shared")

    def span(self, sha256: str, start: int, end: int) -> str:
        """Characters ``start`` to ``end`` of a source, as an RFC 5147 fragment."""
        return f"{self.base}source/{sha256[:16]}#char={start},{end}"

    def industry(self, label: str) -> str:
        return self._iri("industry", iri_segment(label))

    def place(self, name: str) -> str:
        return self._iri("place", iri_segment(name))

    def subject_scheme(self) -> str:
        return self._iri("industry-scheme", "document-subjects")
