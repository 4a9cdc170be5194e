"""Records: what extraction produces, each carrying the span it came from.

Records are plain dataclasses. :func:`to_data` turns any of them into JSON-ready
dicts and lists; the JSON schema of ``kg extract`` is exactly this shape (see
the README).
"""

from __future__ import annotations

import dataclasses
import functools
import operator
from dataclasses import dataclass, field

from .vocabulary import Comparator, HonoreeKind, NoticeCode, Role, TargetKind, YearSource

__all__ = [
    "DocNumber", "Span", "file_name", "Notice", "OrgMention", "Responsibility", "Section", "Task", "TocEntry",
    "Citation", "Target", "TableCell", "AnnexTable", "Industry", "Honoree",
    "Document", "CountCheck", "Issue", "to_data", "from_data", "record_fields",
]


class DocNumber(str):
    """A document number (发文字号) in its canonical spelling, with its parts.

    Parsed once, where the text is read; everything after (IRIs, the report,
    comparisons with plain strings) uses the parts or the spelling. Most
    numbers are ``prefix〔year〕seq号``; announcements are numbered
    ``…公告2019年第5号`` (style ``announcement``) and orders ``…令第45号``
    (style ``order``, no year).

    Examples
    --------
    >>> n = DocNumber("浙政办发", 2017, 72)
    >>> n, n.prefix, n.year, n.seq, n.key
    ('浙政办发〔2017〕72号', '浙政办发', 2017, 72, '浙政办发-2017-72')
    >>> n == "浙政办发〔2017〕72号"
    True
    >>> DocNumber("国家林业和草原局公告", 2024, 1, "announcement"), DocNumber("国家林业局令", None, 45, "order").key
    ('国家林业和草原局公告2024年第1号', '国家林业局令-45')
    """

    prefix: str
    year: int | None
    seq: int
    style: str

    def __new__(cls, prefix: str, year: int | None, seq: int, style: str = "bracket"):
        if style == "announcement":
            text = f"{prefix}{int(year):04d}年第{int(seq)}号"
        elif style == "order":
            text = f"{prefix}第{int(seq)}号"
        else:
            text = f"{prefix}〔{int(year):04d}〕{int(seq)}号"
        number = super().__new__(cls, text)
        number.prefix, number.seq, number.style = prefix, int(seq), style
        number.year = None if year is None else int(year)
        return number

    def __getnewargs__(self):
        return self.prefix, self.year, self.seq, self.style

    @classmethod
    def from_spelling(cls, text: str) -> DocNumber:
        """The number whose canonical spelling is ``text`` (the inverse of ``str``), or ``ValueError``.

        Examples
        --------
        >>> n = DocNumber.from_spelling("浙政办发〔2017〕72号")
        >>> n.prefix, n.year, n.seq
        ('浙政办发', 2017, 72)
        >>> DocNumber.from_spelling("国家林业和草原局公告2024年第1号").style, DocNumber.from_spelling("国家林业局令第45号").seq
        ('announcement', 45)
        >>> DocNumber.from_spelling("浙政办发[2017]72号")
        Traceback (most recent call last):
        ValueError: '浙政办发[2017]72号' is not a document number in its canonical spelling
        """
        import re

        number = None
        if isinstance(text, str):
            for pattern, style in _SPELLINGS:
                m = re.fullmatch(pattern, text)
                if m:
                    year = m.group("year") if "year" in m.groupdict() else None
                    number = cls(m.group("prefix"), None if year is None else int(year), int(m.group("seq")), style)
                    break
        if number is None or str(number) != text:
            raise ValueError(f"{text!r} is not a document number in its canonical spelling")
        return number

    @property
    def key(self) -> str:
        """``prefix-year-seq`` (``prefix-seq`` for an order): the form IRIs are made from."""
        return f"{self.prefix}-{self.seq}" if self.year is None else f"{self.prefix}-{self.year}-{self.seq}"


#: The canonical spellings of :class:`DocNumber`, one a style.
_SPELLINGS = ((r"(?P<prefix>.+?)〔(?P<year>\d{4})〕(?P<seq>\d+)号", "bracket"),
              (r"(?P<prefix>.+?公告)(?P<year>\d{4})年第(?P<seq>\d+)号", "announcement"),
              (r"(?P<prefix>.+?令)第(?P<seq>\d+)号", "order"))


@dataclass(slots=True, unsafe_hash=True)
class Span:
    """Where a record came from.

    ``start`` and ``end`` are character offsets into the decoded text of
    ``file``; ``line`` and ``end_line`` are 1-based; ``text`` is the exact
    quoted source (page-break blank lines included when a span crosses one).
    """

    file: str
    start: int
    end: int
    line: int
    end_line: int
    text: str


def file_name(path: str) -> str:
    r"""The name of a source's file without its folders, as the graph names it (``kgo:fileName``).

    >>> file_name("corpus/2017/a.txt"), file_name("C:\\gazette\\b.txt")
    ('a.txt', 'b.txt')
    """
    return path.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(slots=True, unsafe_hash=True)
class Notice:
    """A warning or a self-check result, with where it applies."""

    code: NoticeCode
    message: str
    file: str
    line: int | None = None
    document: DocNumber | str | None = None


@dataclass(slots=True, unsafe_hash=True)
class OrgMention:
    """A name of an organisation as written, and what it resolves to.

    ``organisation`` is the canonical id from the organisation table, or an id
    of the form ``unresolved:<jurisdiction>/<name>`` when no organisation is
    certain. ``reason`` says how it was resolved or why not (a
    :class:`~kg.vocabulary.ResolutionReason`); ``candidates`` are the
    organisations an ambiguous name could be (or the parts of several names
    written as one).
    """

    mention: str
    organisation: str
    resolved: bool
    span: Span
    reason: str = ""
    candidates: tuple[str, ...] = ()


@dataclass(slots=True, unsafe_hash=True)
class Responsibility:
    """One organisation's role in one task.

    ``role`` is a :class:`~kg.vocabulary.Role` (``responsible`` when the
    document designates no lead). ``rule`` says how the role was decided
    (for example ``first-listed-leads``). ``nonexhaustive`` is set when the
    list the organisation is in ends with 等 (the document names not all).
    """

    org: OrgMention
    role: Role
    rule: str
    position: int
    nonexhaustive: bool = False


@dataclass(slots=True)
class Section:
    """A numbered part of a document (一、 / (一) / 1. / 附件N)."""

    path: str
    marker: str
    kind: str
    title: str
    span: Span
    parent: str | None = None


@dataclass(slots=True)
class Task:
    """A numbered item that carries a responsibility clause."""

    id: str
    section: str
    title: str
    span: Span
    clause: Span
    responsibilities: list[Responsibility] = field(default_factory=list)
    deadline: str | None = None


@dataclass(slots=True, unsafe_hash=True)
class TocEntry:
    """An entry of the issue's table of contents."""

    title: str
    doc_number: DocNumber | None
    page: int | None
    category: str | None
    span: Span


@dataclass(slots=True, unsafe_hash=True)
class Citation:
    """A document cited by another, by number and/or title."""

    number: DocNumber | None
    title: str | None
    span: Span


@dataclass(slots=True, unsafe_hash=True)
class Target:
    """A quantitative target: indicator, value, unit, comparator and year.

    ``comparator`` is one of ``=``, ``≥``, ``≤``, ``>``, ``<``, ``≈``;
    ``kind`` is ``level``, ``change`` (a decrease or growth rate) or
    ``annual`` (a level to reach every year, 每年). ``year_source`` says
    where the year came from: ``stated`` in the sentence or paragraph,
    ``heading`` of the section, ``column`` of a table, or ``document`` (the
    fallback, also reported as a notice).
    ``value_max`` is set for ranges (``4—5个``). ``value`` is scaled for
    Chinese magnitudes (万, 亿) and ``value_text`` keeps the original.
    """

    indicator: str
    value: float
    unit: str
    comparator: Comparator
    year: int | None
    year_source: YearSource
    kind: TargetKind
    value_text: str
    span: Span
    value_max: float | None = None
    task: str | None = None
    industry: str | None = None


@dataclass(slots=True, unsafe_hash=True)
class TableCell:
    column: str
    text: str
    items: tuple[str, ...]


@dataclass(slots=True)
class AnnexTable:
    """A tab-separated annex table: header and rows of cells."""

    annex: str
    title: str
    header: list[str]
    rows: list[list[TableCell]]
    span: Span


@dataclass(slots=True, unsafe_hash=True)
class Industry:
    """An industry or domain named in a document (a SKOS concept)."""

    id: str
    label: str
    scheme: str
    scheme_label: str
    span: Span


@dataclass(slots=True, unsafe_hash=True)
class Honoree:
    """A commended unit or person.

    ``category`` is the list heading or award (先进市, 一等奖 …). For people
    ``position`` is the full position text and ``organisation`` the unit it
    names; for a unit written as a bare place name under a heading that
    names bureaus, ``organisation`` is the bureau it stands for (青岚市 under
    设区市教育局 → 青岚市教育局). ``place`` is the city (and county) the unit
    or position is in. ``group_size`` is set when the text names only this
    first member of a group of that size (授予邵明远等40人…).
    """

    kind: HonoreeKind
    name: str
    category: str
    span: Span
    position: str | None = None
    organisation: str | None = None
    place: str | None = None
    parent_place: str | None = None
    gender: str | None = None
    group_size: int | None = None


@dataclass(slots=True)
class Document:
    """One document of an issue.

    ``jurisdiction`` is the division whose document it is, by its path
    (``广东省广州市``, ``全国``), ``None`` when no clue decides it;
    ``jurisdiction_reason`` the clue that decided it (``document-number: 浙政办发 …``)
    or why none did (``undecided: …``).
    """

    number: DocNumber | None
    title: str
    span: Span
    kind: str | None = None
    issuers: list[OrgMention] = field(default_factory=list)
    addressees: list[str] = field(default_factory=list)
    date: str | None = None
    enclosed_title: str | None = None
    annexes: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    tables: list[AnnexTable] = field(default_factory=list)
    industries: list[Industry] = field(default_factory=list)
    honorees: list[Honoree] = field(default_factory=list)
    toc_page: int | None = None
    clauses_read: int = 0
    clauses_unread: int = 0
    jurisdiction: str | None = None
    jurisdiction_reason: str | None = None


@dataclass(slots=True, unsafe_hash=True)
class CountCheck:
    """A count a document declares (先进单位(41 个)) against what was extracted."""

    document: DocNumber | str | None
    what: str
    declared: int
    found: int
    line: int

    @property
    def ok(self) -> bool:
        return self.declared == self.found


@dataclass(slots=True)
class Issue:
    """One source file: a gazette issue, or a single pasted document."""

    file: str
    sha256: str
    encoding: str
    province: str | None
    gazette: str | None = None
    year: int | None = None
    number: int | None = None
    cumulative_number: int | None = None
    published: str | None = None
    serial: str | None = None
    toc: list[TocEntry] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    checks: list[CountCheck] = field(default_factory=list)


def to_data(record):
    """Turn a record (or list of records) into JSON-ready data.

    Examples
    --------
    >>> to_data(Span("a.txt", 0, 2, 1, 1, "公报"))
    {'file': 'a.txt', 'start': 0, 'end': 2, 'line': 1, 'end_line': 1, 'text': '公报'}
    """
    names = _field_names(type(record))
    if names is not None:
        return {name: to_data(getattr(record, name)) for name in names}
    if isinstance(record, (list, tuple)):
        return [to_data(r) for r in record]
    return record


def record_fields(record) -> dict:
    """One record's fields, for :func:`json.dumps` ``default=``: records encode as :func:`to_data` gives them.

    Encoding this way builds no copy of the whole tree first, so a large issue
    costs its records' memory once.

    Examples
    --------
    >>> import json
    >>> span = Span("a.txt", 0, 2, 1, 1, "公报")
    >>> json.dumps(span, default=record_fields, ensure_ascii=False) == json.dumps(to_data(span), ensure_ascii=False)
    True
    """
    read = _fields_reader(type(record))
    if read is None:
        raise TypeError(f"{type(record).__name__} is not a record")
    return read(record)


@functools.lru_cache(maxsize=None)
def _fields_reader(cls):
    """A function from a record of type ``cls`` to the dict of its fields (``None`` for a type not a record)."""
    names = _field_names(cls)
    if names is None:
        return None
    get = operator.attrgetter(*names)
    if len(names) == 1:
        return lambda record: {names[0]: get(record)}
    return lambda record: dict(zip(names, get(record)))


@functools.lru_cache(maxsize=None)
def _field_names(cls) -> tuple[str, ...] | None:
    """The field names of a dataclass type, or ``None`` for any other type."""
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


def from_data(cls, data):
    """The record of type ``cls`` that :func:`to_data` turned into ``data``, rebuilt from the fields' types.

    Driven by the dataclass fields and their annotations, so new fields need no
    code here: dataclasses, ``list[X]``, ``tuple[X, ...]``, ``dict[str, X]``,
    ``X | None`` (members tried in written order), :class:`DocNumber` (from its
    canonical spelling), the :mod:`kg.vocabulary` words, ``str``, ``int``,
    ``float`` and ``bool``. Data of any other shape (a field missing or unknown,
    a wrong type, a word not in the vocabulary) raises
    :class:`~kg.errors.ValidationError` naming the field: nothing in ``data``
    is trusted.

    Examples
    --------
    >>> r = Responsibility(OrgMention("省质监局", "zj-qs", True, Span("a.txt", 0, 4, 1, 1, "省质监局")),
    ...                    Role.LEAD, "first-listed-leads", 1)
    >>> back = from_data(Responsibility, to_data(r))
    >>> back == r, back.role is Role.LEAD
    (True, True)
    >>> from_data(Citation, {"number": "浙政发〔2018〕1号", "title": None, "span": to_data(r.org.span)}).number.year
    2018
    >>> from_data(Responsibility, {**to_data(r), "role": "boss"})
    Traceback (most recent call last):
    kg.errors.ValidationError: Responsibility.role: 'boss' is not a Role
    """
    from .typed_data import rebuild

    return rebuild(cls, data, cls.__name__)
