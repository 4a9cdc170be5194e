"""What every parser of one source shares: the text, the organisation table, the document's jurisdiction, notices."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..reference.divisions import NATIONAL, Division
from ..reference.jurisdictions import document_jurisdiction, gazette_division, number_issuer
from ..reference.organisations import Organisation, OrganisationTable, unresolved_id
from ..records import Document, Notice, OrgMention, Span
from ..text.index import TextIndex
from ..text.spacing import tidy
from ..vocabulary import NoticeCode, ResolutionReason

__all__ = ["Context"]

#: Reasons a name is one some organisation holds, though it did not resolve to one.
_HELD = (ResolutionReason.AMBIGUOUS, ResolutionReason.REFORM_YEAR, ResolutionReason.CENTRAL_OR_LOCAL,
         ResolutionReason.SEVERAL)


@dataclass(slots=True)
class Context:
    """Shared state while parsing one source; ``jurisdiction`` is the current document's."""

    index: TextIndex
    table: OrganisationTable
    jurisdiction: Division | None = None
    gazette: str | None = None
    notices: list[Notice] = field(default_factory=list)
    aliases: dict = field(default_factory=dict)  # a name the text defines (以下简称“平安办”) → the full name
    document: Document | None = None
    number_issuer: Organisation | None = None  # the department whose series the document's number is
    _resolved: dict | None = field(default=None, repr=False)  # (mention, year, jurisdiction, issuer, side) → …
    _notice_counts: dict = field(default_factory=dict, repr=False)  # (code, document) → how many were raised
    _known: dict | None = field(default=None, repr=False)  # (name, jurisdiction) → whether the tables know it

    def __post_init__(self):
        # Until the text defines a name of its own, what a mention resolves to depends on the tables
        # alone: share the answers with every other source parsed against the same tables.
        if self._resolved is None:
            self._resolved = self.table.memo("mentions")
        if self._known is None:
            self._known = self.table.memo("known")

    #: Notices of one code in one document beyond this many are counted, not listed.
    NOTICE_SAMPLE = 20

    @property
    def province(self) -> str | None:
        """The name of the current jurisdiction's province (``None`` when national or undecided)."""
        if self.jurisdiction is None or self.jurisdiction is NATIONAL:
            return None
        return self.table.divisions.province_of(self.jurisdiction).name

    def gazette_province(self) -> str | None:
        """The province whose gazette the source is, if its header names one."""
        d = gazette_division(self.table, self.gazette)
        return self.table.divisions.province_of(d).name if d is not None and d is not NATIONAL else None

    def notice(self, code: NoticeCode, message: str, line: int | None = None,
               document: str | None = None) -> None:
        """Add a notice; ``code`` is one of :class:`~kg.vocabulary.NoticeCode` (``ValueError`` otherwise).

        Past :attr:`NOTICE_SAMPLE` notices of one code in one document, the
        rest are only counted (:meth:`close` says how many), so a large text
        gives a report of bounded size.
        """
        code = NoticeCode(code)
        n = self._notice_counts[code, document] = self._notice_counts.get((code, document), 0) + 1
        if n <= self.NOTICE_SAMPLE:
            self.notices.append(Notice(code, message, self.index.name, line, document))

    def close(self) -> None:
        """Say how many notices of each code and document were counted but not listed."""
        for (code, document), n in sorted(self._notice_counts.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
            if n > self.NOTICE_SAMPLE:
                self.notices.append(Notice(code, f"{n - self.NOTICE_SAMPLE} more notices like this "
                                           f"({n} in all); the first {self.NOTICE_SAMPLE} are listed",
                                           self.index.name, None, document))

    def define_alias(self, alias: str, full: str) -> None:
        """Remember a name the text defines (以下简称“平安办”); the first definition stands."""
        if alias not in self.aliases:
            self.aliases[alias] = full
            self._known, self._resolved = {}, {}  # this text's own from now on; the shared memos stay as they are

    def known(self, name: str) -> bool:
        """Whether ``name`` names an organisation the tables (or the text's own aliases) know.

        In the current jurisdiction; a name held by several organisations counts.
        """
        key = (name, self.jurisdiction)
        found = self._known.get(key)
        if found is None:
            tidied = tidy(name)
            if tidied in self.aliases:
                found = True
            else:
                resolved = self.table.resolve(tidied, None, self.jurisdiction)
                found = resolved.resolved or resolved.reason in _HELD
            self._known[key] = found
        return found

    def begin_document(self, doc: Document, issuers, year: int | None, label: str | None = None) -> None:
        """Decide ``doc``'s jurisdiction from its clues (``issuers`` as written); later names resolve in it."""
        self.document = doc
        self.jurisdiction, doc.jurisdiction_reason = document_jurisdiction(
            doc.number, issuers, doc.title, self.gazette, doc.addressees, year, self.table)
        doc.jurisdiction = self.table.divisions.path(self.jurisdiction) if self.jurisdiction else None
        self.number_issuer = number_issuer(doc.number, self.jurisdiction, year, self.table)
        if self.jurisdiction is None:
            self.notice(NoticeCode.JURISDICTION_UNDECIDED, f"jurisdiction undecided ({doc.jurisdiction_reason}); "
                        "only names that need none are resolved", doc.span.line if doc.span else None, label)

    def organisation(self, mention: str, span: Span, year: int | None,
                     document: str | None = None) -> OrgMention:
        """Resolve a mention; an unresolved name is kept and reported, never dropped.

        The document's one resolved issuer (else the department whose series its number is) is passed on: its
        own units (处室) its text may name bare.
        """
        issuers = self.document.issuers if self.document is not None else ()
        issuer = issuers[0].organisation if len(issuers) == 1 and issuers[0].resolved else None
        date = self.document.date if self.document is not None else None
        key = (mention, year, self.jurisdiction, issuer or self.number_issuer, self.table.central.reform_side(year, date))
        known = self._resolved.get(key)
        if known is None:
            name = tidy(mention)
            full = self.aliases.get(name, name)
            issuer_org = issuer and self.table.get(issuer) or self.number_issuer
            found = self.table.resolve(full, year, self.jurisdiction, issuer_org, date)
            if full != name and (not found.resolved or found.reason == ResolutionReason.INTERNAL_UNIT):
                as_written = self.table.resolve(name, year, self.jurisdiction, issuer_org, date)
                found = as_written if as_written.resolved else found  # the text's definition only where needed
            place = self.table.divisions.path(self.jurisdiction) if self.jurisdiction else None
            known = self._resolved[key] = (name, found, found.id or unresolved_id(name, place))
        name, found, org_id = known
        if not found.resolved:
            why = found.reason.en + (f"; candidates {', '.join(found.candidates)}" if found.candidates else "")
            self.notice(NoticeCode.UNRESOLVED_ORGANISATION,
                        f"organisation {name!r} is not resolved ({why}); kept as unresolved", span.line, document)
        return OrgMention(name, org_id, found.resolved, span, found.reason.value, found.candidates)
