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

__all__ = ["Role", "TargetKind", "Comparator", "YearSource", "HonoreeKind", "NoticeCode", "ResolutionReason",
           "JurisdictionClue", "ORGANISATION_KINDS", "Measure", "Phrase", "LEADING_ROLES", "ROLE_PRECEDENCE",
           "NETWORK_KINDS", "VIEWS", "SIZE_MEASURES", "NETWORK_FORMATS", "NETWORK_EXTENSIONS", "LANGUAGES", "EXTRACT_ROWS",
           "OVERLAP_BETWEEN"]

#: The networks kg builds from a graph's assignments.
NETWORK_KINDS = ("co-responsibility", "lead", "bipartite", "documents", "industries")
#: The views ``kg html`` draws.
VIEWS = ("departments", "document", "ego", "industries", "matrix")
#: The languages of titles, legends and tooltips (``--lang``); the first is the default.
LANGUAGES = ("zh", "en")
#: The kinds an organisation may have (``kgo:organisationKind``; ontology/shapes.ttl lists the same).
ORGANISATION_KINDS = (
    "provincial_government", "provincial_office", "provincial_department",  # a province's, by level
    "city_government", "city_office", "city_department",
    "county_government", "county_office", "county_department",
    "local_department", "township_government", "street_office",
    "party_organ", "people_organisation", "central_branch", "military", "enterprise",
    "supervisory_commission", "legislature", "cppcc", "court", "procuratorate",
    "state_council", "constituent_department", "directly_affiliated_agency", "administrative_office",  # central
    "public_institution", "national_bureau", "financial_regulator", "regional_office", "legislature_judiciary",
    "internal_unit", "collective",
)
#: File formats an exported network may take.
NETWORK_FORMATS = ("graphml", "gexf", "csv")
#: The format a network file's extension means (``kg export-network -o FILE``).
NETWORK_EXTENSIONS = {".graphml": "graphml", ".xml": "graphml", ".gexf": "gexf", ".csv": "csv"}
#: What one row of ``kg extract``'s CSV, TSV, JSON lines or xlsx stands for; the first is the default.
EXTRACT_ROWS = ("tasks", "documents")
#: What ``kg overlap`` compares; the first is the default.
OVERLAP_BETWEEN = ("departments", "documents")


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
    linking a task straight to the organisation, ``colour`` the views' colour,
    ``symbol`` the mark a cell of the responsibility matrix shows.
    """

    LEAD = "lead", "牵头", "lead", "leadRole", "lead", "#e15759", "●"
    CO_LEAD = "co_lead", "共同牵头", "co-lead", "coLeadRole", "coLead", "#ff9da7", "◐"
    PARTICIPANT = "participant", "参与", "participant", "participantRole", "participant", "#4e79a7", "○"
    OVERALL_LEAD = "overall_lead", "总牵头", "overall lead", "overallLeadRole", "overallLead", "#b07aa1", "◆"
    RESPONSIBLE = "responsible", "共同负责", "co-responsible", "coResponsibleRole", "coResponsible", "#59a14f", "◑"
    GUIDING = "guiding", "指导", "guiding", "guidingRole", "guiding", "#edc948", "△"
    IMPLIED = "implied", "默认负责", "implied", "impliedRole", "implied", "#9c755f", "◇"

    @property
    def term(self) -> str:
        return self._extra[0]

    @property
    def shortcut(self) -> str:
        return self._extra[1]

    @property
    def colour(self) -> str:
        return self._extra[2]

    @property
    def symbol(self) -> str:
        """What a cell of the responsibility matrix shows for the role (``Role.CO_LEAD.symbol == "◐"``)."""
        return self._extra[3]

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
#: The one role an organisation counts in when it holds several in a task (two bodies merged by ``as_of``, one
#: leading and one taking part, say): the first of these it holds, so a task is counted once per organisation.
ROLE_PRECEDENCE = (Role.OVERALL_LEAD, Role.LEAD, Role.CO_LEAD, Role.RESPONSIBLE, Role.PARTICIPANT, Role.GUIDING,
                   Role.IMPLIED)


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
    DATE_NOT_ON_CALENDAR = ("date-not-on-calendar", "日期不存在", "date not on the calendar",
                            "The signature's date names a day the calendar does not have (2月30日); the document "
                            "is given no date from it.")
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
    JURISDICTION_UNDECIDED = ("jurisdiction-undecided", "所属行政区无法判定", "jurisdiction undecided",
                              "The document's jurisdiction was not decided by its issuer, number, title, gazette or "
                              "addressees; only names that need no jurisdiction were resolved.")

    @property
    def explanation(self) -> str:
        return self._extra[0]


class ResolutionReason(_Word):
    """How a written name was resolved to an organisation, or why it was not (``explanation``; ``resolved``)."""

    TABLE = ("table", "核对表", "hand-checked table", True,
             "A name of the hand-checked Zhejiang table.")
    CENTRAL = ("central", "中央机构", "central body", True,
               "A name of a central body valid in the document's year.")
    HISTORICAL = ("historical", "历史名称", "historical name", True,
                  "No body held the name in the document's year; it names the last one that did.")
    EARLY = ("early", "提前使用", "early name", True,
             "The body holding the name was set up within a year after the document's year.")
    LOCAL = ("local", "本级或上级机构", "local body", True,
             "A body of the document's jurisdiction or of the city or province above it, by its function's name "
             "pattern.")
    NAMED_PLACE = ("named-place", "写明地名", "named place", True,
                   "A body of the place the name itself names, by its function's name pattern.")
    COLLECTIVE = ("collective", "集合主体", "collective actor", True,
                  "A collective actor (各省、自治区、直辖市人民政府, 有关部门): one organisation, never split.")
    INTERNAL_UNIT = ("internal-unit", "内设机构", "internal unit", True,
                     "A unit inside a body: named after it, or inside the issuing department in its own document.")
    TOWNSHIP = ("township", "乡镇街道", "township", True,
                "A town government or street office of a county-level division.")
    AMBIGUOUS = ("ambiguous", "多义", "ambiguous", False,
                 "Several organisations fit; the name resolves to none of them (see the candidates).")
    REFORM_YEAR = ("reform-year", "改革当年", "reform year", False,
                   "Both bodies of a reform wrote the name in the year of the reform; the year does not choose.")
    GENERIC = ("generic", "泛称", "generic name", False,
               "A name many bodies share (办公厅, 政治工作部, 总局).")
    NEEDS_JURISDICTION = ("needs-jurisdiction", "需所属行政区", "needs a jurisdiction", False,
                          "A relative name (省发展改革委, 有关部门) in a document whose jurisdiction is national or "
                          "undecided.")
    CENTRAL_OR_LOCAL = ("central-or-local", "中央或地方", "central or local", False,
                        "A bare short form of a central body (统计局) in a local document where no local body holds "
                        "it, or in a document whose jurisdiction is undecided.")
    SEVERAL = ("several", "多个机构连写", "several organisations", False,
               "Several organisations written as one name (国务院、中央军委); the candidates are the parts.")
    UNKNOWN = ("unknown", "未收录", "unknown", False,
               "No table knows the name (in the document's year).")

    @property
    def resolved(self) -> bool:
        return self._extra[0]

    @property
    def explanation(self) -> str:
        return self._extra[1]


class JurisdictionClue(_Word):
    """What decided a document's jurisdiction (the first word of its ``jurisdiction_reason``)."""

    ISSUER = "issuer", "发文机关", "issuer"
    NUMBER = "document-number", "发文字号", "document number"
    TITLE = "title", "标题", "title"
    GAZETTE = "gazette", "公报", "gazette"
    ADDRESSEES = "addressees", "主送机关", "addressees"
    UNDECIDED = "undecided", "无法判定", "undecided"


class Measure(_Word):
    """What a department's node may be sized by (columns of ``kg centrality``), named as legends name it."""

    WEIGHTED_DEGREE = "weighted_degree", "加权度(共同任务之和)", "weighted degree (shared tasks summed)"
    TASKS_TOTAL = "tasks_total", "任务总数", "tasks in total"
    TASKS_LED = "tasks_led", "牵头任务数", "tasks led"
    DEGREE = "degree", "度(合作部门数)", "degree (departments worked with)"
    BETWEENNESS = "betweenness", "中介中心性", "betweenness"
    CLOSENESS = "closeness", "接近中心性", "closeness"
    EIGENVECTOR = "eigenvector", "特征向量中心性", "eigenvector centrality"
    PAGERANK = "pagerank", "PageRank", "PageRank"


#: What the departments view may size its nodes by.
SIZE_MEASURES = tuple(m.value for m in Measure)


class Phrase(_Word):
    """The words of pages and figures, in both languages; ``{name}`` fields are filled by ``str.format``.

    >>> Phrase.SHARED_TASKS.label("en").format(n=3)
    '3 shared task(s)'
    """

    DEPARTMENTS_TITLE = "departments_title", "部门协同网络", "Departments linked by shared tasks"
    LEAD_TITLE = "lead_title", "部门牵头网络", "Lead departments and the departments they lead"
    DEPARTMENTS_SUB = ("departments_sub", "{n} 个部门,{m} 条共同任务连线", "{n} departments, {m} links by shared tasks")
    LEAD_SUB = "lead_sub", "{n} 个部门,{m} 条牵头 → 参与连线", "{n} departments, {m} lead → participant links"
    COLOUR_COMMUNITY = ("colour_community", "颜色:社区(Louvain 算法),以最核心的成员命名",
                        "colour: community (Louvain), named by its most central members")
    COMMUNITY = "community", "{members} 等 {k} 个", "{members} … ({k})"
    COMMUNITY_SMALL = "community_small", "{members}", "{members}"
    SIZE = "size", "大小:{measure}", "size: {measure}"
    WIDTH_SHARED = "width_shared", "线宽与深浅:共同任务数", "width and shade: shared tasks"
    WIDTH_LED = "width_led", "线宽与深浅:牵头、对方参与的任务数", "width and shade: tasks led that the other joins"
    ARROW = "arrow", "箭头:牵头 → 参与", "arrow: lead → participant"
    TOP_LABELS = "top_labels", "显示前 {n} 个标签,其余放大或悬停可见", "top {n} labels shown; zoom or hover for the rest"
    TIP_TASKS = "tip_tasks", "牵头 {led} 项,参与 {joined} 项,共 {total} 项", "tasks led {led}, joined {joined}, total {total}"
    TIP_MEASURES = ("tip_measures", "加权度 {wd},中介中心性 {b},PageRank {pr}",
                    "weighted degree {wd}, betweenness {b}, PageRank {pr}")
    TIP_COMMUNITY = "tip_community", "社区 {c}", "community {c}"
    SHARED_TASKS = "shared_tasks", "共同任务 {n} 项", "{n} shared task(s)"
    LEADS_TASKS = "leads_tasks", "牵头 {n} 项、对方参与", "leads {n} task(s) the other joins"
    EGO_TITLE = "ego_title", "{name} 的协同部门", "Departments working with {name}"
    EGO_SUB = "ego_sub", "{n} 个部门与{name}共同承担任务", "{n} departments share tasks with {name}"
    EGO_LEADS = "ego_leads", "{name} 多为牵头", "{name} mostly leads it"
    EGO_FOLLOWS = "ego_follows", "对方多为牵头", "it mostly leads {name}"
    EGO_EVEN = "ego_even", "相当,或均不牵头", "even, or neither leads"
    EGO_RING = ("ego_ring", "外圈:共同任务最多的 {n} 个部门;内圈:其余", "outer ring: the {n} sharing most tasks; inner ring: the rest")
    TREE_SUB = ("tree_sub", "{t} 项任务,{d} 个部门;含任务的章节,一列一层",
                "{t} tasks, {d} departments; the sections that hold tasks, one column per level")
    SECTION = "section", "章节", "section"
    TASK = "task", "任务", "task"
    DEPARTMENT = "department", "部门", "department"
    TASK_LABEL = "task_label", "任务 {id}", "task {id}"
    INDUSTRIES_TITLE = "industries_title", "产业与目标", "Industries and their targets"
    INDUSTRIES_SUB = ("industries_sub", "{i} 个产业或领域,{t} 项目标,{s} 个目录;按产业分组",
                      "{i} industries or domains, {t} targets, {s} schemes; grouped by industry")
    SCHEME = "scheme", "目录", "scheme"
    INDUSTRY = "industry", "产业/领域 · 目标数", "industry or domain · its targets"
    TARGET = "target", "目标:指标 值 单位(年份),放大可见", "target: indicator value unit (year); zoom in to read"
    MATRIX_TITLE = "matrix_title", "{what} 责任分工矩阵", "Responsibility matrix: {what}"
    MATRIX_SUB = ("matrix_sub", "{t} 项任务 × {d} 个部门,{c} 项分工;列按牵头任务数排序",
                  "{t} tasks × {d} departments, {c} assignments; columns by tasks led")
    MATRIX_YEAR = "matrix_year", "{year} 年文件", "documents of {year}"
    MATRIX_FILTER = "matrix_filter", "筛选任务或部门…", "filter tasks or departments…"
    MATRIX_ORDER = "matrix_order", "文件顺序", "document order"
    MATRIX_HINT = ("matrix_hint", "点击部门按其分工排序,点击“任务”恢复文件顺序;悬停查看条款原文与行号",
                   "click a department to sort by its part, “task” for document order; hover for the clause and line")
    CLAUSE_LINE = "clause_line", "第 {line} 行", "line {line}"
    SOURCES = "sources", "来源:{files}。由 {command} 生成(kg)。", "Sources: {files}. Made with {command} (kg)."
    NO_SOURCE = "no_source", "未记录来源", "no source recorded"
    TRENDS_TITLE = "trends_title", "各部门每年的任务数", "Tasks per department per year"
    TRENDS_AS_OF = "trends_as_of", "(机构按 {year} 年的继任者合并)", " (organisations as of {year})"
    YEAR = "year", "年份", "year"
    TASKS = "tasks", "任务数(牵头 + 参与)", "tasks (led + joined)"
    RANKING_TITLE = "ranking_title", "部门排名:任务数(牵头 + 参与)", "Departments ranked by tasks (led + joined)"
