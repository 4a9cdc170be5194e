"""Central organisations of China through the reforms of 1988 to 2023, by any name documents write.

The table (``kg/reference/data/central.json``) holds the State Council and its
General Office, ministries and commissions, directly affiliated agencies,
offices, public institutions, bureaus under ministries, the Party organs that
co-issue, the NPC Standing Committee, the courts, the Central Military
Commission and its organs, people's organisations, financial regulators and
central enterprises: names, every short form (the State Council's shortest
ones without 国家: 发展改革委, 应急部), kind, parent, years, predecessors and
successors (``partial`` where only some functions moved), sources and what is
uncertain. A name resolves by year: the body holding it that year, else the
last one that did (historical), never one of two holders.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from ..errors import ValidationError
from ..vocabulary import ResolutionReason as Why
from .bodies import Organisation, Resolution
from .forms import mention_key

__all__ = ["CentralTable", "load_central"]


class CentralTable:
    """Central bodies by id and by written form.

    Examples
    --------
    >>> c = load_central()
    >>> [c.lookup("国家计委", y).name for y in (1995, 2000, 2005)]
    ['国家计划委员会', '国家发展计划委员会', '国家发展计划委员会']
    >>> c.lookup("国家计委", 2005).reason, c.lookup("国家计委", 1998).candidates
    ('historical', ('cn-spc', 'cn-sdpc'))
    >>> c.lookup("国家计委", 1998, "1998-02-01").id, c.lookup("国家计委", 1998, "1998-06-01").id
    ('cn-spc', 'cn-sdpc')
    >>> [c.lookup(n, y).name for n, y in (("卫生部", 2010), ("国家卫生计生委", 2015), ("国家卫生健康委", 2019))]
    ['卫生部', '国家卫生和计划生育委员会', '国家卫生健康委员会']
    >>> c.also_local("统计局"), c.generic("政治工作部"), c.unit_of("国家林业和草原局科技司")
    (True, True, ('cn-nfga', '科技司'))
    >>> c.unit_of("工业和信息化部办公厅公安部办公厅") is None  # two bodies' offices, not a unit
    True
    """

    def __init__(self, organisations, sources: dict, not_alone: dict, also_local=(), reform_dates=None):
        self.organisations = list(organisations)
        self.sources = sources
        self._by_id = {o.id: o for o in self.organisations}
        if len(self._by_id) != len(self.organisations):
            raise ValidationError("central table: duplicate ids")
        self._by_key: dict[str, list[Organisation]] = {}
        for o in self.organisations:
            for key in dict.fromkeys(mention_key(name) for name in (o.name, *o.aliases)):
                self._by_key.setdefault(key, []).append(o)
        self._also_local = {mention_key(f) for f in also_local}
        self._generic = {mention_key(g["form"]) for g in not_alone["generic"]}
        self._reform_year = {(mention_key(r["form"]), r["year"]): tuple(r["candidates"])
                             for r in not_alone["reform_year"]}
        self._longest = max(len(k) for k in self._by_key)
        self._reform_dates = {int(y): d for y, d in (reform_dates or {}).items()}

    def __contains__(self, org_id: str) -> bool:
        return org_id in self._by_id

    def get(self, org_id: str) -> Organisation:
        try:
            return self._by_id[org_id]
        except KeyError:
            raise ValidationError(f"unknown central organisation {org_id!r}") from None

    def forms(self, key: str) -> list[Organisation]:
        """Every body that ever wrote ``key``."""
        return list(self._by_key.get(key, ()))

    def also_local(self, key: str) -> bool:
        """Whether ``key``, written bare in a local document, names the local body of the same function."""
        return key in self._also_local

    def generic(self, key: str) -> bool:
        """Whether ``key`` is an organ name many bodies share (办公厅, 政治工作部)."""
        return key in self._generic

    def reform_side(self, year: int | None, date: str | None) -> bool | None:
        """Whether ``date`` falls on or after the reform of ``year``; ``None`` where that cannot matter.

        Two dates on the same side of a reform resolve every name alike, so a
        cache of resolutions may key on this instead of the date.
        """
        if date is None or year not in self._reform_dates:
            return None
        return date >= self._reform_dates[year]

    def lookup(self, key: str, year: int | None, date: str | None = None) -> Resolution:
        """The body that wrote ``key`` in ``year``; the last one before it; one set up within a year after.

        In a reform year both bodies of the chain wrote some forms: a ``date``
        (ISO) before the reform's date gives the old one, on or after it the new one.
        """
        found = self._by_key.get(key)
        if not found:
            return Resolution(None, Why.UNKNOWN)
        if (key, year) in self._reform_year:
            if date is None or year not in self._reform_dates:
                return Resolution(None, Why.REFORM_YEAR, self._reform_year[key, year])
            after = date >= self._reform_dates[year]
            org = next((o for o in (self.get(c) for c in self._reform_year[key, year])
                        if (o.valid_from == year) == after), None)
            if org is not None:
                return Resolution(org, Why.CENTRAL, name=org.name)
        valid = [o for o in found if o.valid_in(year)]
        if len(valid) == 1:
            return Resolution(valid[0], Why.CENTRAL, name=valid[0].name)
        if valid:
            return Resolution(None, Why.AMBIGUOUS, tuple(o.id for o in valid))
        past = [o for o in found if o.valid_to is not None and o.valid_to <= year]
        if past:
            last = max(past, key=lambda o: o.valid_to)
            return Resolution(last, Why.HISTORICAL, name=last.name)
        soon = [o for o in found if o.valid_from is not None and 0 < o.valid_from - year <= 1]
        if len(soon) == 1:
            return Resolution(soon[0], Why.EARLY, name=soon[0].name)
        return Resolution(None, Why.UNKNOWN, tuple(o.id for o in found))

    def _opens_with_a_name(self, text: str) -> bool:
        """Whether ``text`` starts with a central name of three characters or more (公安部办公厅…)."""
        return any(text[:k] in self._by_key for k in range(min(len(text), self._longest), 2, -1))

    def unit_of(self, key: str, year: int | None = None) -> tuple[str, str] | None:
        """``(body id, unit)`` when ``key`` is a body's name followed by one of its units (…部…司).

        The body is the longest name of three characters or more that opens
        ``key`` and resolves in ``year``; the rest must end like a unit (司, 局,
        厅, 室, 处, 中心 …) and not be a central name itself.
        """
        for k in range(min(len(key) - 2, self._longest), 2, -1):
            if key[:k] not in self._by_key:
                continue
            rest, body = key[k:], self.lookup(key[:k], year).organisation
            if body is None or not rest.endswith(_UNIT_ENDINGS) or self._opens_with_a_name(rest):
                return None
            return body.id, rest
        return None


#: How the name of a unit inside a body ends.
_UNIT_ENDINGS = ("司", "局", "厅", "办公室", "处", "中心", "所", "院", "队", "委员会")


def _organisation(r: dict) -> Organisation:
    parent = r.get("parent")
    if parent is None and r.get("parent_history"):
        parent = r["parent_history"][-1]["parent"]
    return Organisation(
        id=r["id"], name=r["name"], name_en=r["name_en"], kind=r["kind"], jurisdiction="全国",
        aliases=tuple(r.get("aliases", ())), valid_from=r["valid_from"], valid_to=r["valid_to"],
        predecessors=tuple(r.get("predecessors", ())), successors=tuple(r.get("successors", ())),
        uncertain=bool(r["uncertain"]), note=r.get("note", ""), function=r.get("function"), parent=parent,
        partial=tuple(r.get("partial", ())), link_years=tuple(sorted(r.get("link_years", {}).items())),
        sources=tuple(r["sources"]))


@lru_cache(maxsize=1)
def load_central() -> CentralTable:
    """The central table of ``kg/reference/data/central.json``."""
    data = json.loads(resources.files("kg.reference.data").joinpath("central.json").read_text("utf-8"))
    try:
        rows = data["organisations"]
        return CentralTable([_organisation(r) for r in rows], data["sources"], data["not_alone"],
                            [f for r in rows for f in r.get("also_local", ())], data["reform_dates"])
    except KeyError as exc:
        raise ValidationError(f"kg/reference/data/central.json lacks field {exc}") from None
