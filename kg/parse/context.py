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
    _resolved: dict = field(default_factory=dict, repr=False)  # (mention, year) → (name, organisation)

    def notice(self, code: NoticeCode, message: str, line: int | None = None,
               document: str | None = None) -> None:
        """Add a notice; ``code`` is one of :class:`~kg.vocabulary.NoticeCode` (``ValueError`` otherwise)."""
        self.notices.append(Notice(NoticeCode(code), message, self.index.name, line, document))

    def organisation(self, mention: str, span: Span, year: int | None,
                     document: str | None = None) -> OrgMention:
        """Resolve a mention; an unknown name is kept and reported, never dropped."""
        known = self._resolved.get((mention, year))
        if known is None:
            name = tidy(mention)
            known = self._resolved[mention, year] = (name, self.table.resolve(name, year, self.province))
        name, org = known
        if org is not None:
            return OrgMention(name, org.id, True, span)
        self.notice(NoticeCode.UNRESOLVED_ORGANISATION,
                    f"organisation {name!r} is not in the department table; kept as unresolved",
                    span.line, document)
        return OrgMention(name, unresolved_id(name, self.province), False, span)
