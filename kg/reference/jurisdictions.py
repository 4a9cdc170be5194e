"""A document's jurisdiction, decided from its clues: issuer, document number, title, gazette, addressees.

The jurisdiction is the division whose document it is (:data:`NATIONAL` for
the State Council's and the ministries'): relative names (省发展改革委, 市财政局)
resolve in it. The first clue that decides wins, and the reason says which:

1. an issuer that names its division or is a central body (广州市市场监督管理局, 国务院办公厅);
2. the document-number prefix (``kg/reference/data/doc_numbers.json``: 浙政办发, 穗府办规, 国发);
   else a province's abbreviation opening it (皖能源电力 → 安徽省), or 国 (national);
   a prefix two jurisdictions share (宁政办发: 宁夏 or 南京) decides nothing alone;
3. a central body the title opens with (中华人民共和国国务院令), else a division it names
   (关于促进吉林省用户侧储能设施建设的若干措施);
4. the gazette (浙江省人民政府公报);
5. addressees only the national level addresses (各省、自治区、直辖市人民政府); the
   levels addressees imply also choose among a shared prefix's jurisdictions
   (各区人民政府: 南京市's, not 宁夏's).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..records import DocNumber
from ..vocabulary import JurisdictionClue as Clue
from .divisions import NATIONAL, Division
from .forms import mention_key
from .organisations import OrganisationTable, load_table
from .provinces import load_provinces

__all__ = ["Prefix", "DocNumberPrefixes", "load_prefixes", "document_jurisdiction", "gazette_division",
           "number_issuer"]

#: Where a title's issuer ends: before 关于, or before a verb of transmission.
_TITLE_ISSUER = re.compile(r"""
    ^(?P<issuer>.+?)
    (?: 关于
      | 转发
      | 批转
      | 印发 )
    """, re.VERBOSE)
_GAZETTE_NATIONAL = ("国务院公报", "中华人民共和国国务院公报")
#: A year opening a title (1978年国务院政府工作报告).
_YEAR = re.compile(r"""
    ^(?:19|20)\d\d年
    """, re.VERBOSE)


@dataclass(frozen=True)
class Prefix:
    """A document-number prefix, the division whose series it is (``national`` too) and who issues it."""

    prefix: str
    division: str
    issuer: str
    issuer_name: str | None
    grade: str


class DocNumberPrefixes:
    """Document-number prefixes, shared prefixes, and the abbreviations that open numbers.

    Examples
    --------
    >>> p = load_prefixes()
    >>> p.divisions("浙政办发"), p.divisions("林护发"), p.divisions("苏府"), p.divisions("苏市监")
    (['330000'], ['national'], ['320500'], ['320000'])
    >>> p.shared("宁政办发"), p.divisions("深发改规"), p.divisions("国能发")
    (['640000', '320100'], ['440300'], ['national'])
    """

    def __init__(self, prefixes, shared):
        self.prefixes = list(prefixes)
        self._by_prefix: dict[str, list[Prefix]] = {}
        for p in self.prefixes:
            self._by_prefix.setdefault(p.prefix, []).append(p)
        self._shared = {s["prefix"]: s["divisions"] for s in shared}
        self._abbreviations = {a: p["code"] for p in load_provinces() for a in p["abbreviations"]}
        firsts: dict[str, set[str]] = {}
        for p in self.prefixes:
            if len(p.division) == 6 and p.division.endswith("00") and not p.division.endswith("0000"):
                firsts.setdefault(p.prefix[0], set()).add(p.division)
        self._city_abbreviations = {c: next(iter(d)) for c, d in firsts.items()
                                    if len(d) == 1 and c not in self._abbreviations}

    def rows(self, prefix: str) -> list[Prefix]:
        """The table's rows for ``prefix`` (or for the longest known prefix it starts with)."""
        if prefix in self._by_prefix:
            return list(self._by_prefix[prefix])
        known = next((prefix[:k] for k in range(len(prefix) - 1, 0, -1) if prefix[:k] in self._by_prefix), None)
        return list(self._by_prefix[known]) if known else []

    def shared(self, prefix: str) -> list[str] | None:
        """The jurisdictions sharing ``prefix`` (``county``: some county not listed), or ``None``."""
        return self._shared.get(prefix)

    def divisions(self, prefix: str) -> list[str]:
        """The division codes (or ``national``) whose series ``prefix`` is: by the table, else by abbreviation."""
        if prefix in self._by_prefix:
            return list(dict.fromkeys(p.division for p in self._by_prefix[prefix]))
        known = next((prefix[:k] for k in range(len(prefix) - 1, 0, -1) if prefix[:k] in self._by_prefix
                      and prefix[:k] not in self._shared), None)
        if known is not None:
            return self.divisions(known)
        if prefix.startswith("国"):
            return ["national"]
        for k in (3, 2, 1):
            if prefix[:k] in self._abbreviations:
                return [self._abbreviations[prefix[:k]]]
        return [self._city_abbreviations[prefix[0]]] if prefix[:1] in self._city_abbreviations else []

    def explain(self, prefix: str, code: str) -> str:
        """What the table says of ``prefix`` in ``code`` (its issuer), or how it was read (an abbreviation)."""
        rows = [p for p in self._by_prefix.get(prefix, ()) if p.division == code]
        if rows:
            return rows[0].issuer_name or rows[0].issuer
        return "an abbreviation" if prefix not in self._by_prefix else ""


def _division(table: OrganisationTable, code: str) -> Division:
    return NATIONAL if code == "national" else table.divisions.get(code)


def _of_issuer(table: OrganisationTable, name: str, year) -> Division | None:
    """The division of the organisation ``name`` names without a jurisdiction (or of its first part)."""
    found = table.resolve(name, year, None)
    org = found.organisation
    if org is None and found.reason == "several":
        org = table.get(found.candidates[0])
    if org is None:
        return None
    return table.divisions.get(org.division) if org.division else NATIONAL


def _named_in(table: OrganisationTable, text: str) -> Division | None:
    """The national level if ``text`` opens with a central body (after a year: 1978年国务院政府工作报告), else
    the first division it names by its full name (吉林省, 广州市, 上海市嘉定区)."""
    head = _YEAR.sub("", mention_key(text), count=1)
    for k in range(min(len(head), 24), 2, -1):
        if any(o.kind != "internal_unit" for o in table.central.forms(head[:k])):
            return NATIONAL
    for k in range(len(text) - 2):
        found = [d for d in table.divisions.starting(text[k:]) if text[k:].startswith(d.name) and len(d.name) >= 3]
        if found:
            return found[0]
    return None


def document_jurisdiction(number: DocNumber | None = None, issuers=(), title: str | None = None,
                          gazette: str | None = None, addressees=(), year: int | None = None,
                          table: OrganisationTable | None = None) -> tuple[Division | None, str]:
    """The jurisdiction of a document and the reason, from its clues; ``(None, reason)`` if none decides.

    Examples
    --------
    >>> jurisdiction = lambda *a, **k: (lambda d, r: (d and d.name, r))(*document_jurisdiction(*a, **k))
    >>> jurisdiction(DocNumber("粤府办", 2020, 2))
    ('广东省', 'document-number: 粤府办 (广东省人民政府办公厅)')
    >>> jurisdiction(None, ["国 务 院"])
    ('全国', 'issuer: 国 务 院')
    >>> jurisdiction(DocNumber("宁政办发", 2022, 60))
    (None, 'undecided: 宁政办发 is shared by 宁夏回族自治区, 南京市')
    >>> jurisdiction(DocNumber("宁政办发", 2022, 60), addressees=["各区人民政府", "市府各委办局"])
    ('南京市', 'document-number: 宁政办发, shared; addressees 各区人民政府 choose 南京市')
    >>> jurisdiction(title="关于促进吉林省用户侧储能设施建设的若干措施")
    ('吉林省', 'title: 吉林省')
    >>> jurisdiction(title="1978年中华人民共和国国务院政府工作报告")
    ('全国', 'title: 全国')
    >>> _TITLE_ISSUER.match("北京市发展和改革委员会转发国家发展改革委关于提高成品油价格的通知").group("issuer")
    '北京市发展和改革委员会'
    """
    table = table or load_table()
    prefixes = load_prefixes()
    for name in issuers:
        d = _of_issuer(table, name, year)
        if d is not None:
            return d, f"{Clue.ISSUER}: {name}"
    candidates: list[str] = []
    if number is not None:
        shared = prefixes.shared(number.prefix)
        if shared is None:
            codes = prefixes.divisions(number.prefix)
            if len(codes) == 1:
                how = prefixes.explain(number.prefix, codes[0])
                return _division(table, codes[0]), f"{Clue.NUMBER}: {number.prefix}" + (f" ({how})" if how else "")
        else:
            candidates = shared
    m = _TITLE_ISSUER.match(title or "")
    title_division = (_of_issuer(table, m.group("issuer"), year) if m else None) or _named_in(table, title or "")
    for d, clue, text in ((title_division, Clue.TITLE, title_division and title_division.name),
                          (gazette_division(table, gazette), Clue.GAZETTE, gazette)):
        if d is not None and (not candidates or d.code in candidates):
            return d, f"{clue}: {text}"
    levels, named = _addressee_levels(table, addressees)
    if not candidates and levels == {"national"}:
        return NATIONAL, f"{Clue.ADDRESSEES}: {named[0]}"
    if candidates:
        fitting = [c for c in candidates if c != "county" and levels
                   and table.divisions.issuing_level(_division(table, c)) in levels]
        names = ", ".join(_division(table, c).name for c in candidates if c != "county")
        if len(fitting) == 1 and not (levels & {"county"} and "county" in candidates):
            d = _division(table, fitting[0])
            return d, f"{Clue.NUMBER}: {number.prefix}, shared; {Clue.ADDRESSEES} {named[0]} choose {d.name}"
        return None, f"{Clue.UNDECIDED}: {number.prefix} is shared by {names}" + (
            " and a county" if "county" in candidates else "")
    return None, f"{Clue.UNDECIDED}: no issuer, number, title, gazette or addressee names a jurisdiction"


def number_issuer(number: DocNumber | None, division: Division | None, year: int | None = None,
                  table: OrganisationTable | None = None):
    """The department whose series ``number`` is in ``division`` (苏市监 → 江苏省市场监督管理局), if the table says.

    >>> number_issuer(DocNumber("苏市监", 2022, 1), load_table().divisions.get("320000")).id
    '320000-market-regulation'
    """
    if number is None or division is None:
        return None
    table = table or load_table()
    code = "national" if division is NATIONAL else division.code
    rows = [p for p in load_prefixes().rows(number.prefix) if p.division == code and p.issuer == "department"]
    if len(rows) != 1 or not rows[0].issuer_name:
        return None
    return table.resolve(rows[0].issuer_name, year, division).organisation


def gazette_division(table: OrganisationTable, gazette: str | None) -> Division | None:
    """The division whose gazette ``gazette`` is (浙江省人民政府公报 → 浙江省), or ``None``."""
    if not gazette:
        return None
    if gazette.startswith(_GAZETTE_NATIONAL):
        return NATIONAL
    found = table.divisions.starting(mention_key(gazette))
    return found[0] if found else None


def _addressee_levels(table: OrganisationTable, addressees) -> tuple[set[str], list[str]]:
    """The levels of government that address these collectives (intersected), and the addressees that said so."""
    levels: set[str] | None = None
    named = []
    for a in addressees:
        c = table.collectives.find(mention_key(a))
        if c is not None and c.addressed_by:
            levels = set(c.addressed_by) if levels is None else levels & set(c.addressed_by)
            named.append(a)
    return levels or set(), named


@lru_cache(maxsize=1)
def load_prefixes() -> DocNumberPrefixes:
    """The prefixes of ``kg/reference/data/doc_numbers.json``."""
    data = json.loads(resources.files("kg.reference.data").joinpath("doc_numbers.json").read_text("utf-8"))
    return DocNumberPrefixes((Prefix(p["prefix"], p["division"], p["issuer"], p.get("issuer_name"), p["grade"])
                              for p in data["prefixes"]), data["shared"])
