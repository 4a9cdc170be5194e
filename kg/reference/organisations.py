"""The organisation table and the resolver everyone calls: (written form, year, jurisdiction) → organisation.

Every name a document writes resolves to one canonical organisation, or to
none with the reason and the candidates: a short form two bodies could own
resolves to neither, never silently to one. The order:

1. collective actors (各省、自治区、直辖市人民政府, 有关部门): one organisation,
   of the document's jurisdiction when the collective is relative;
2. Zhejiang's hand-checked table (:mod:`.zhejiang`);
3. customs districts, town governments and street offices;
4. generic organ names (办公厅, 政治工作部): a unit of the issuing department, or none;
5. the departments of the document's jurisdiction and of the city and province
   above it, by their functions' name patterns (:mod:`.local`);
6. the departments of a division the name itself names (广东省发改委);
7. central bodies by year (and in a reform year by date) (:mod:`.central`); a
   bare central short form that names the local body in local documents (统计局,
   发展改革委) resolves to neither there, nor where the jurisdiction is undecided;
8. a unit named after its central body (国家林业和草原局科技司);
9. several names written as one (国务院、中央军委): none, the parts as candidates.

A division written alone (北京市) is a place, not an organisation: it does not resolve.

Ids: ``zj-…`` (Zhejiang's table), ``cn-…`` (central), ``coll-…`` and
``<code>-coll-…`` (collectives), ``<code>-<function>`` (pattern-made: Zhejiang's
provincial ones are the table's), ``<body>/<unit>`` (internal units).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..errors import KgError, ValidationError
from ..vocabulary import ResolutionReason as Why
from .bodies import Organisation, Resolution
from .central import CentralTable, load_central
from .collectives import Collectives, load_collectives
from .divisions import NATIONAL, Division, Divisions, load_divisions
from .forms import level_word, mention_key
from .local import Hit, LocalBodies, load_local
from .zhejiang import ZHEJIANG, ZhejiangTable, load_zhejiang

__all__ = ["Organisation", "Resolution", "OrganisationTable", "load_table", "mention_key", "unresolved_id"]

#: Kinds whose units a document may name bare (the issuing department's 处室): not governments or their offices.
_NO_UNITS = ("collective", "state_council", "provincial_government", "provincial_office", "city_government",
             "city_office", "county_government", "county_office", "township_government")
#: A unit's name (its department's 处室, 司, 局 …); a list marked 等 is not one.
_UNIT = re.compile(r"""
    ^(?!.*等)
    (?: (?:省局|市局)?                # 省局信息中心: the issuing bureau's own
        [\u4e00-\u9fff]{2,16}?
        (?: 处室?                     # 质量发展处
          | 司                        # 科技司
          | 局                        # 执法稽查局
          | 办公室
          | 科
          | 中心
          | 所
          | 队 )
      | [\u4e00-\u9fff]{2,6}办 )$    # 平安办, 洋泾街道信访办
    """, re.VERBOSE)
#: The issuing bureau naming itself before one of its units (省局信息中心).
_OWN_BUREAU = ("省局", "市局")
#: Between names written as one (国务院、中央军委; 国务院 中央军委).
_SEPARATORS = re.compile(r"""
    [、,，\s]+
    """, re.VERBOSE)
#: The longest name cut into the names it joins (民政部国家卫生健康委员会): longer ones are not tried.
_LONGEST_JOINT = 48


def unresolved_id(mention: str, jurisdiction: str | None = None) -> str:
    """Id of an organisation no table knows (``jurisdiction`` the document's, by path).

    Examples
    --------
    >>> unresolved_id("省新设局", "江苏省")
    'unresolved:江苏省/省新设局'
    """
    key = mention_key(mention)
    return f"unresolved:{jurisdiction}/{key}" if jurisdiction else f"unresolved:{key}"


class OrganisationTable:
    """Every organisation: Zhejiang's table, central bodies, collectives, and local bodies made on demand.

    Examples
    --------
    >>> t = load_table()
    >>> t.resolve("省发展改革委", 2019, "广东省").name, t.resolve("省发展改革委", 2019, "浙江省").id
    ('广东省发展和改革委员会', 'zj-drc')
    >>> t.resolve("省质监局", 2017, "江苏省").id, t.resolve("统计局", 2019).reason
    ('320000-quality', 'central-or-local')
    >>> t.resolve("统计局", 2019, "全国").name, t.resolve("统计局", 2019, "浙江省").name
    ('国家统计局', '浙江省统计局')
    >>> t.successors_at("cn-moh", 2019), t.successors_at("440100-quality", 2020)
    (['cn-nhc'], ['440100-market-regulation'])
    >>> t.resolve("北京市", 2020, "全国").reason, t.resolve("北京市人民政府", 2020, "全国").id
    ('unknown', '110000-government')
    >>> bool(_UNIT.fullmatch("质量发展处")), bool(_UNIT.fullmatch("省财政厅")), _SEPARATORS.split("国务院、中央军委")
    (True, False, ['国务院', '中央军委'])
    >>> bool(_UNIT.fullmatch("平安办")), bool(_UNIT.fullmatch("境外机构等举办")), bool(_UNIT.fullmatch("各有关单位按职责举办"))
    (True, False, False)
    >>> bureau = t.get("320000-market-regulation")
    >>> [t.resolve(n, 2022, "江苏省", bureau).id for n in ("办公室", "省局信息中心", "省消保委秘书处")]
    ['320000-market-regulation/办公室', '320000-market-regulation/省局信息中心', '320000-consumer-council/秘书处']
    >>> t.resolve("省档案局", 2022, "江苏省", bureau).id is None
    True
    """

    def __init__(self, zhejiang: ZhejiangTable, central: CentralTable, collectives: Collectives, local: LocalBodies,
                 divisions: Divisions):
        self.zhejiang, self.central, self.collectives, self.local, self.divisions = (
            zhejiang, central, collectives, local, divisions)
        self._cache: dict = {}
        self._memos: dict[str, dict] = {}

    #: A memo past this many entries starts again empty, so a long run's memory stays bounded.
    MEMO_LIMIT = 500_000

    def memo(self, name: str) -> dict:
        """A dict that callers share to remember answers derived from this table alone (by ``name``).

        Parsing remembers each mention's resolution here, so a corpus resolves a
        name once, not once per file; the memo is emptied past :attr:`MEMO_LIMIT` entries.
        """
        found = self._memos.get(name)
        if found is None or len(found) > self.MEMO_LIMIT:
            found = self._memos[name] = {}
        return found

    @property
    def organisations(self) -> list[Organisation]:
        """The listed organisations: Zhejiang's, the central ones and the national collectives."""
        return [*self.zhejiang.organisations, *self.central.organisations,
                *(c.organisation() for c in self.collectives.collectives)]

    def __contains__(self, org_id: str) -> bool:
        try:
            self.get(org_id)
        except ValidationError:
            return False
        return True

    def division(self, jurisdiction) -> Division | None:
        """A jurisdiction given as a :class:`Division`, code, path, unique name or ``全国``."""
        return self.divisions.find(jurisdiction)

    # -- by id --------------------------------------------------------------------------------------------------

    def get(self, org_id: str) -> Organisation:
        """The organisation with this id (pattern-made ones are made here)."""
        if "/" in org_id and not org_id.startswith("unresolved:"):
            parent_id, unit = org_id.split("/", 1)
            return self._unit(self.get(parent_id), unit)
        if org_id.startswith("zj-"):
            return self.zhejiang.get(org_id)
        if org_id.startswith("cn-"):
            return self.central.get(org_id)
        if org_id.startswith("coll-"):
            return self.collectives.get(org_id).organisation()
        code, _, rest = org_id.partition("-")
        try:
            d = self.divisions.get(code)
        except KgError:  # not a division code: not an id of this table
            raise ValidationError(f"unknown organisation id {org_id!r}") from None
        found = None
        if rest.startswith("coll-") and rest in self.collectives:
            found = self._collective(self.collectives.get(rest), d).organisation
        elif rest.startswith("customs-"):
            found = self.local.customs(mention_key(rest.removeprefix("customs-") + "海关"))
        elif rest.endswith("-township-government"):
            found = self.local.township(self.divisions.full(d) + rest.removesuffix("-township-government") + "人民政府")
        elif rest.endswith("-street-office"):
            found = self.local.township(self.divisions.full(d) + "人民政府" + rest.removesuffix("-street-office") + "办事处")
        elif rest in self.local.functions:
            found = self._canonical(d, rest, None)
        if found is None:
            raise ValidationError(f"unknown organisation id {org_id!r}")
        return found

    def _unit(self, parent: Organisation, unit: str) -> Organisation:
        return Organisation(f"{parent.id}/{unit}", parent.name + unit, f"{unit}, {parent.name_en}", "internal_unit",
                            parent.jurisdiction, division=parent.division, parent=parent.id, uncertain=True)

    def _canonical(self, d: Division, function: str, year: int | None, name: str | None = None):
        """The body of ``function`` in ``d``: Zhejiang's table's where it has it."""
        if self.divisions.province_of(d).code == ZHEJIANG:
            found = (self.zhejiang.named(name) if name else None) or self.zhejiang.for_function(function, d.code, year)
            if found is not None:
                return found
        return self.local.organisation(d, function)

    # -- resolving ----------------------------------------------------------------------------------------------

    def resolve(self, mention: str, year: int | None = None, jurisdiction=None,
                issuer: Organisation | None = None, date: str | None = None) -> Resolution:
        """The organisation ``mention`` names in a document of ``jurisdiction`` dated ``year``.

        Parameters
        ----------
        mention : str
            The name as written.
        year : int, optional
            The document's year: chooses among bodies that held the name.
        jurisdiction : Division or str, optional
            The document's jurisdiction (a division, its code or path, a
            unique name, or ``全国``); ``None`` when undecided: then only names
            that need no jurisdiction resolve.
        issuer : Organisation, optional
            The issuing department, whose own units its document names bare.
        date : str, optional
            The document's date (ISO): in a year of reform, before or after it.
        """
        place = self.divisions.find(jurisdiction)
        key = mention_key(mention)
        cache_key = (key, year, place.code if place else None, issuer.id if issuer else None,
                     self.central.reform_side(year, date))
        if cache_key not in self._cache:
            found = self._resolve(key, year, place, issuer, date)
            if not found.resolved and found.reason is Why.UNKNOWN:
                found = self._several(mention, year, place, issuer) or found
            self._cache[cache_key] = found
        return self._cache[cache_key]

    def _resolve(self, key: str, year, place: Division | None, issuer, date=None) -> Resolution:
        if not key:
            return Resolution(None, Why.UNKNOWN)
        local_doc = place is not None and place is not NATIONAL
        collective = self.collectives.find(key)
        if collective is not None:
            return self._collective(collective, place)
        in_zhejiang = local_doc and self.divisions.province_of(place).code == ZHEJIANG
        found = self.zhejiang.lookup(key, year, in_zhejiang)
        if found is not None:
            return found
        org = self.local.customs(key) or self.local.township(key)
        if org is not None:
            return Resolution(self._canonical_org(org), Why.NAMED_PLACE if org.kind == "central_branch" else Why.TOWNSHIP,
                              name=org.name)
        if self.central.generic(key):  # 办公室: the issuing department's own, else nobody's
            return self._issuer_unit(key, issuer, generic=True) or Resolution(None, Why.GENERIC)
        if local_doc:
            hits, why = self.local.find(key, year, place)
            if hits:
                return self._from_hits(hits, why, year)
        hits, why = self.local.find_named(key, year)
        if hits:
            return self._from_hits(hits, why, year)
        if self.central.forms(key):
            if (local_doc or place is None) and self.central.also_local(key):
                return Resolution(None, Why.CENTRAL_OR_LOCAL, tuple(o.id for o in self.central.forms(key)
                                                                    if o.valid_in(year)))
            found = self.central.lookup(key, year, date)
            if found.resolved or found.reason is not Why.UNKNOWN:
                return found
        if level_word(key) and not local_doc:
            return Resolution(None, Why.NEEDS_JURISDICTION)
        unit = self.central.unit_of(key, year)
        if unit is not None:
            org = self._unit(self.central.get(unit[0]), unit[1])
            return Resolution(org, Why.INTERNAL_UNIT, name=org.name)
        return self._issuer_unit(key, issuer) or Resolution(None, Why.UNKNOWN)

    def _canonical_org(self, org: Organisation) -> Organisation:
        if org.division and self.divisions.province_of(self.divisions.get(org.division)).code == ZHEJIANG:
            return self.zhejiang.named(org.name) or org
        return org

    def _collective(self, collective, place: Division | None) -> Resolution:
        if collective.relative and place is None:
            return Resolution(None, Why.NEEDS_JURISDICTION, (collective.id,))
        if collective.relative and place is not NATIONAL:
            org = self.zhejiang.for_collective(collective.id) if place.code == ZHEJIANG else None
            org = org or collective.organisation(place, self.divisions.path(place))
        else:
            org = collective.organisation()
        return Resolution(org, Why.COLLECTIVE, name=org.name)

    def _from_hits(self, hits: list[Hit], why: Why, year) -> Resolution:
        bodies: dict[str, tuple[Organisation, str]] = {}
        for h in hits:
            name = self.local.name(h)
            org = self._canonical(h.division, h.function, year, name)
            if org is not None:
                bodies.setdefault(org.id, (org, name))
        if len(bodies) == 1:
            org, name = next(iter(bodies.values()))
            return Resolution(org, why, name=name)
        return Resolution(None, Why.AMBIGUOUS, tuple(bodies))

    def _issuer_unit(self, key: str, issuer: Organisation | None, generic: bool = False) -> Resolution | None:
        """A unit of the issuing department its own document names bare (质量发展处 in 江苏省市场监管局's).

        A name opening with a level word is another body's (省档案局), unless it is the issuing bureau's
        own (省局信息中心).
        """
        if issuer is None or issuer.kind in _NO_UNITS or not (generic or _UNIT.fullmatch(key)):
            return None
        if level_word(key) and not key.startswith(_OWN_BUREAU):
            return None
        org = self._unit(issuer, key)
        return Resolution(org, Why.INTERNAL_UNIT, name=org.name)

    def _several(self, mention: str, year, place, issuer) -> Resolution | None:
        """Several organisations written as one name: none of them, the parts as candidates."""
        parts = [p for p in _SEPARATORS.split(mention.strip()) if p]
        if len(parts) < 2 and len(mention) <= _LONGEST_JOINT:
            parts = self._segments(mention_key(mention), year, place, issuer)
        if len(parts) < 2:
            return None
        found = [self._resolve(mention_key(p), year, place, issuer) for p in parts]
        if len(found) == 2 and found[0].resolved and found[1].reason is Why.INTERNAL_UNIT and _UNIT.fullmatch(
                mention_key(parts[1])):  # 省消保委秘书处: a body and one of its units
            org = self._unit(found[0].organisation, mention_key(parts[1]))
            return Resolution(org, Why.INTERNAL_UNIT, name=org.name)
        if all(r.resolved for r in found):
            return Resolution(None, Why.SEVERAL, tuple(r.id for r in found))
        return None

    def _segments(self, key: str, year, place, issuer) -> list[str]:
        """``key`` cut into the longest names that resolve, left to right (民政部国家卫生健康委员会); ``[]`` if none."""
        out, i = [], 0
        while i < len(key):
            for j in range(len(key), i + 2, -1):
                if self._resolve(key[i:j], year, place, issuer).resolved:
                    out.append(key[i:j])
                    i = j
                    break
            else:
                return []
        return out

    # -- reforms ------------------------------------------------------------------------------------------------

    def successors_at(self, org_id: str, year: int) -> list[str]:
        """Follow successor links until organisations valid in ``year``.

        A body's successors are followed once it is dissolved: links of a body
        that lived on (卫生部's drug functions, 1998) are not.

        Examples
        --------
        >>> load_table().successors_at("zj-quality-supervision", 2020)
        ['zj-market-regulation']
        >>> load_table().successors_at("zj-finance", 2020)
        ['zj-finance']
        """
        org = self.get(org_id)
        if org.valid_in(year) or not org.successors or (org.valid_from is not None and year < org.valid_from):
            return [org_id]
        links = dict(org.link_years)
        out = []
        for succ in org.successors:
            if org.valid_to is not None and links.get(succ, org.valid_to) < org.valid_to:
                continue
            for found in self.successors_at(self._canonical_id(succ), year):
                if found not in out:
                    out.append(found)
        return out or [org_id]

    def _canonical_id(self, org_id: str) -> str:
        return self.get(org_id).id

    def counterpart(self, org: Organisation) -> str | None:
        """The central body of an organisation's function, when the organisation is not central itself."""
        if org.function is None or org.id.startswith("cn-") or org.function not in self.local.functions:
            return None
        year = org.valid_to - 1 if org.valid_to else None
        return self.local.functions.get(org.function).central_at(year)


@lru_cache(maxsize=None)
def load_table(path: str | None = None) -> OrganisationTable:
    """The organisation table; ``path`` replaces Zhejiang's hand-checked table (a JSON file of its shape)."""
    return OrganisationTable(load_zhejiang(path), load_central(), load_collectives(), load_local(), load_divisions())
