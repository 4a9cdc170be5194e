"""What every parser of one source shares: the text, the department table, notices."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..reference.organisations import OrganisationTable, unresolved_id
from ..records import Notice, OrgMention, Span
from ..text.index import TextIndex
from ..text.spacing import tidy
from ..vocabulary import NoticeCode

__all__ = ["Context"]


@dataclass
class Context:
    """Shared state while parsing one source."""

    index: TextIndex
    table: OrganisationTable
    province: str | None = None
    notices: list[Notice] = field(default_factory=list)
    aliases: dict = field(default_factory=dict)  # a name the text defines (以下简称“平安办”) → the full name
    _resolved: dict = field(default_factory=dict, repr=False)  # (mention, year) → (name, organisation)
    _notice_counts: dict = field(default_factory=dict, repr=False)  # (code, document) → how many were raised
    _known: dict = field(default_factory=dict, repr=False)  # name → whether the tables know it

    #: Notices of one code in one document beyond this many are counted, not listed.
    NOTICE_SAMPLE = 20

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
            self._known.clear()
            self._resolved.clear()

    def known(self, name: str) -> bool:
        """Whether ``name`` names an organisation the tables (or the text's own aliases) know."""
        found = self._known.get(name)
        if found is None:
            tidied = tidy(name)
            found = self._known[name] = tidied in self.aliases or \
                self.table.resolve(tidied, None, self.province) is not None
        return found

    def organisation(self, mention: str, span: Span, year: int | None,
                     document: str | None = None) -> OrgMention:
        """Resolve a mention; an unknown name is kept and reported, never dropped."""
        known = self._resolved.get((mention, year))
        if known is None:
            name = tidy(mention)
            full = self.aliases.get(name, name)
            known = self._resolved[mention, year] = (name, self.table.resolve(full, year, self.province))
        name, org = known
        if org is not None:
            return OrgMention(name, org.id, True, span)
        self.notice(NoticeCode.UNRESOLVED_ORGANISATION,
                    f"organisation {name!r} is not in the department table; kept as unresolved",
                    span.line, document)
        return OrgMention(name, unresolved_id(name, self.province), False, span)
