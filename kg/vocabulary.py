"""The domain's words, each defined once: roles, target kinds, comparators, year sources, notices.

Every member is a string (``Role.LEAD == "lead"``), so records, JSON and the
cache keep plain values; each also carries its Chinese and English label and,
where the graph has one, its ontology term (the local name in ``kgo:``) and the
colour the views draw it in. Code that needs a label, a term or a colour asks
the member, never a table of its own.

Examples
--------
>>> Role("lead").zh, Role.LEAD.term, Role.LEAD.shortcut
('牵头', 'leadRole', 'lead')
>>> Comparator("≥").en
'at least'
>>> NoticeCode.TARGET_UNREAD.explanation[:34]
'A number follows a target verb but'
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Role", "TargetKind", "Comparator", "YearSource", "HonoreeKind", "NoticeCode", "LEADING_ROLES",
           "NETWORK_KINDS", "VIEWS", "SIZE_MEASURES", "NETWORK_FORMATS"]

#: The networks kg builds from a graph's assignments.
NETWORK_KINDS = ("co-responsibility", "lead", "bipartite", "documents", "industries")
#: The views ``kg html`` draws.
VIEWS = ("departments", "document", "ego", "industries")
#: What the departments view may size its nodes by (columns of ``kg centrality``).
SIZE_MEASURES = ("weighted_degree", "tasks_total", "tasks_led", "degree", "betweenness", "closeness", "eigenvector",
                 "pagerank")
#: File formats an exported network may take.
NETWORK_FORMATS = ("graphml", "gexf", "csv")


class _Word(StrEnum):
    """A string-valued member with labels: ``Member = key, zh, en, *extra``."""

    def __new__(cls, key, zh, en, *extra):
        member = str.__new__(cls, key)
        member._value_ = key
        member.zh = zh
        member.en = en
        member._extra = extra
        return member

    def __repr__(self) -> str:  # records print their words as the strings they are
        return repr(self._value_)

    def label(self, lang: str = "zh") -> str:
        """The label in ``lang`` (``zh`` or ``en``).

        >>> Role.PARTICIPANT.label("en")
        'participant'
        """
        return self.en if lang == "en" else self.zh


class Role(_Word):
    """How an organisation takes part in a task.

    ``term`` is the ``kgo:`` role individual, ``shortcut`` the ``kgo:`` property
    linking a task straight to the organisation, ``colour`` the views' colour.
    """

    LEAD = "lead", "牵头", "lead", "leadRole", "lead", "#e15759"
    CO_LEAD = "co_lead", "共同牵头", "co-lead", "coLeadRole", "coLead", "#ff9da7"
    PARTICIPANT = "participant", "参与", "participant", "participantRole", "participant", "#4e79a7"
    OVERALL_LEAD = "overall_lead", "总牵头", "overall lead", "overallLeadRole", "overallLead", "#b07aa1"
    RESPONSIBLE = "responsible", "共同负责", "co-responsible", "coResponsibleRole", "coResponsible", "#59a14f"
    GUIDING = "guiding", "指导", "guiding", "guidingRole", "guiding", "#edc948"
    IMPLIED = "implied", "默认负责", "implied", "impliedRole", "implied", "#9c755f"

    @property
    def term(self) -> str:
        return self._extra[0]

    @property
    def shortcut(self) -> str:
        return self._extra[1]

    @property
    def colour(self) -> str:
        return self._extra[2]

    @classmethod
    def from_term(cls, local_name: str) -> Role:
        """The role of an ontology term's local name (``leadRole`` → ``Role.LEAD``).

        >>> Role.from_term("overallLeadRole") is Role.OVERALL_LEAD
        True
        """
        for role in cls:
            if role.term == local_name:
                return role
        return cls.RESPONSIBLE


#: Roles that lead a task.
LEADING_ROLES = frozenset({Role.LEAD, Role.CO_LEAD, Role.OVERALL_LEAD})


class TargetKind(_Word):
    """What a target fixes: a level, a change, or a level every year (每年)."""

    LEVEL = "level", "水平", "level"
    CHANGE = "change", "变化", "change"
    ANNUAL = "annual", "每年", "annual"


class Comparator(_Word):
    """How a target's value binds."""

    EQUAL = "=", "达到", "equal to"
    AT_LEAST = "≥", "不低于", "at least"
    AT_MOST = "≤", "不高于", "at most"
    ABOVE = ">", "超过", "above"
    BELOW = "<", "低于", "below"
    ABOUT = "≈", "左右", "about"


class YearSource(_Word):
    """Where a target's year came from."""

    STATED = "stated", "文中写明", "stated in the sentence or paragraph"
    HEADING = "heading", "章节标题", "the section heading"
    COLUMN = "column", "表格列", "the table column"
    RELATIVE = "relative", "今年", "this year (今年, 年内, 全年): the document's year"
    TITLE = "title", "标题年份", "the plan period or year the document's title names"
    DOCUMENT = "document", "文件年份", "the document's year (fallback)"


class HonoreeKind(_Word):
    """Who is commended."""

    UNIT = "unit", "先进单位", "unit"
    PERSON = "person", "先进个人", "person"


class NoticeCode(_Word):
    """What a notice in the report says, with a line of explanation (``explanation``)."""

    NO_DOCUMENT = ("no-document", "未找到文件", "no document",
                   "No document text was found in the source.")
    NO_DOCUMENT_NUMBER = ("no-document-number", "无发文字号行", "no document number line",
                          "No line holds only a document number; the text is read as one document.")
    NO_TITLE = ("no-title", "无标题", "no title",
                "A document number has no title line above it.")
    NO_TOC = ("no-toc", "无目录", "no table of contents",
              "The issue has a gazette header but no table of contents was read.")
    TOC_UNREADABLE = ("toc-unreadable", "目录无法读取", "table of contents unreadable",
                      "A table of contents entry has no page number.")
    TOC_MISMATCH = ("toc-mismatch", "目录与正文不符", "table of contents mismatch",
                    "The table of contents lists a document that was not found, or a document is not listed.")
    TOC_TITLE_MISMATCH = ("toc-title-mismatch", "目录标题不符", "table of contents title differs",
                          "A title in the table of contents differs from the document's own.")
    ISSUER_MISMATCH = ("issuer-mismatch", "发文机关不一致", "issuer mismatch",
                       "The signature names other issuers than the title.")
    NO_ISSUER = ("no-issuer", "无发文机关", "no issuer",
                 "No issuer was found in the signature or the title.")
    UNRESOLVED_ORGANISATION = ("unresolved-organisation", "机构未识别", "unresolved organisation",
                               "A name is not in the organisation table; it is kept as an unresolved organisation.")
    RESPONSIBILITY_UNREAD = ("responsibility-unread", "责任条款未读", "responsibility clause unread",
                             "Text that looks like a responsibility clause was not read as one.")
    TARGET_UNREAD = ("target-unread", "目标未读", "target unread",
                     "A number follows a target verb but was not read as a target.")
    TARGET_YEAR_FALLBACK = ("target-year-fallback", "目标年份取文件年份", "target year from the document",
                            "Targets state no year; the title's plan period or year is used, else the document's year.")
    HONOREE_UNREADABLE = ("honoree-unreadable", "表彰名单行无法读取", "honoree line unreadable",
                          "A line under a list of people is not 'name position'.")
    HONOREES_NOT_LISTED = ("honorees-not-listed", "仅列首位受表彰者", "only the first honoree named",
                           "The text names only the first of a group (授予X等40人…) and lists no others.")
    COUNT_MISMATCH = ("count-mismatch", "数量不符", "count mismatch",
                      "A list declares a count that differs from the number of names extracted.")
    PLACE_CONFLICT = ("place-conflict", "地名冲突", "place conflict",
                      "A county is listed with one city but the place table puts it in another.")

    @property
    def explanation(self) -> str:
        return self._extra[0]
