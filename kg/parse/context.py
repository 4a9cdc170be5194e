"""What every parser of one source shares: the text, the department table, notices."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..reference.organisations import OrganisationTable, unresolved_id
from ..records import Notice, OrgMention, Span
from ..text.paragraphs import TextIndex

__all__ = ["Context", "DOC_NUMBER", "canonical_doc_number", "tidy"]

#: A document number: 浙政办发〔2017〕72号, with [] () 【】 brackets and spaced digits.
DOC_NUMBER = re.compile(
    r"(?:根据|按照|依据|依照|参照|贯彻落实|贯彻|落实|印发|转发|和|及|与|的|经|将|对|由|以|见|并|或)?"
    r"(?P<prefix>[\u4e00-\u9fff]{1,12}?)\s*[〔\[(【]\s*(?P<year>\d(?:\s*\d){3})\s*[〕\])】]"
    r"\s*(?:第\s*)?(?P<seq>\d(?:\s*\d){0,4})\s*号")


def canonical_doc_number(match: re.Match) -> str:
    """The canonical spelling of a document number match.

    Examples
    --------
    >>> canonical_doc_number(DOC_NUMBER.search("(浙政办发[2 0 1 7] 72 号)"))
    '浙政办发〔2017〕72号'
    >>> canonical_doc_number(DOC_NUMBER.search("根据国办发〔2016〕57号精神"))
    '国办发〔2016〕57号'
    """
    year = re.sub(r"\s", "", match.group("year"))
    seq = re.sub(r"\s", "", match.group("seq"))
    return f"{match.group('prefix')}〔{year}〕{int(seq)}号"


_SPACE_NEAR_DIGIT = re.compile(r"(?<=[\d\u4e00-\u9fff(《])\s+(?=\d)|(?<=\d)\s+(?=[\u4e00-\u9fff)》%])")
_SPACE_AROUND_GUANYU = re.compile(r"\s*(关于)\s*")


def tidy(text: str) -> str:
    """Collapse the stray spaces PDF extraction puts inside Chinese text.

    Spaces between two names (joint issuers) are kept.

    Examples
    --------
    >>> tidy("浙江省人民政府办公厅 浙江省军区办公室 关于 2016 年征兵工作的通报")
    '浙江省人民政府办公厅 浙江省军区办公室关于2016年征兵工作的通报'
    """
    text = _SPACE_AROUND_GUANYU.sub(r"\1", text.strip())
    text = _SPACE_NEAR_DIGIT.sub("", text)
    return re.sub(r"\s+", " ", text)


@dataclass
class Context:
    """Shared state while parsing one source."""

    index: TextIndex
    table: OrganisationTable
    province: str | None = None
    notices: list[Notice] = field(default_factory=list)
    _resolved: dict = field(default_factory=dict, repr=False)  # (mention, year) → (name, organisation)

    def notice(self, code: str, message: str, line: int | None = None,
               document: str | None = None) -> None:
        self.notices.append(Notice(code, message, self.index.name, line, document))

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
        self.notice("unresolved-organisation",
                    f"organisation {name!r} is not in the department table; kept as unresolved",
                    span.line, document)
        return OrgMention(name, unresolved_id(name, self.province), False, span)
