"""Stable, readable IRIs for every node, under a configurable base.

The same input always mints the same IRIs: documents by their number
(``eli/浙政办发-2017-72``), organisations by their id in the department table
(``org/zj-quality-supervision``), tasks by document and section path
(``…/task/2.1.1``), spans by source hash and character offsets.
"""

from __future__ import annotations

import hashlib
import re

from rdflib import URIRef

from .parse.context import DOC_NUMBER

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
    >>> str(m.document("浙政办发〔2017〕72号"))
    'https://w3id.org/kg-gazette/id/eli/浙政办发-2017-72'
    >>> str(m.task(m.document("浙政办发〔2017〕72号"), "2.1.1"))
    'https://w3id.org/kg-gazette/id/eli/浙政办发-2017-72/task/2.1.1'
    """

    def __init__(self, base: str = DEFAULT_BASE):
        if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", base):
            from .errors import KgError

            raise KgError(f"base IRI {base!r} is not absolute (it needs a scheme such as https:)")
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def _iri(self, *parts: str) -> URIRef:
        return URIRef(self.base + "/".join(parts))

    def document(self, number: str) -> URIRef:
        m = DOC_NUMBER.search(number)
        key = f"{m.group('prefix')}-{m.group('year')}-{int(m.group('seq'))}" if m else number
        return self._iri("eli", iri_segment(key))

    def titled_document(self, title: str) -> URIRef:
        """A document known only by its title (cited without a number)."""
        return self._iri("eli", "title", _short_hash(title))

    def unnumbered_document(self, sha256: str, index: int) -> URIRef:
        return self._iri("eli", "text", sha256[:16], str(index))

    @staticmethod
    def part(parent: URIRef, kind: str, key) -> URIRef:
        return URIRef(f"{parent}/{kind}/{iri_segment(str(key))}")

    def section(self, doc: URIRef, path: str) -> URIRef:
        return self.part(doc, "section", path)

    def task(self, doc: URIRef, path: str) -> URIRef:
        return self.part(doc, "task", path)

    def organisation(self, org_id: str) -> URIRef:
        if org_id.startswith("unresolved:"):
            return self._iri("org", "unresolved", *(iri_segment(p) for p in org_id[11:].split("/")))
        return self._iri("org", iri_segment(org_id))

    def issue(self, province_en: str | None, year: int | None, number: int | None, sha256: str) -> URIRef:
        if province_en and year and number:
            return self._iri("issue", iri_segment(province_en.lower()), str(year), str(number))
        return self._iri("issue", "source", sha256[:16])

    def source(self, sha256: str) -> URIRef:
        return self._iri("source", sha256)

    def span(self, sha256: str, start: int, end: int) -> URIRef:
        return self._iri("source", sha256, "span", f"{start}-{end}")

    def industry(self, label: str) -> URIRef:
        return self._iri("industry", iri_segment(label))

    def place(self, name: str) -> URIRef:
        return self._iri("place", iri_segment(name))

    def subject_scheme(self) -> URIRef:
        return self._iri("industry-scheme", "document-subjects")
