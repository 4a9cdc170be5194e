"""The hand-checked table of Zhejiang's organisations (``kg/reference/data/organisations.json``).

114 organisations with canonical and English names, every short form the
gazette writes, kind, function, years and reform links, checked against the
2017 gazette seed. Their ids (``zj-…``) are the seed's IRIs and never change:
a Zhejiang body the function patterns make (``330000-development-reform``)
is this table's (``zj-drc``). Short forms that start with ``省`` or ``各`` are
relative to the province: they resolve only in Zhejiang's documents.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import ValidationError
from ..vocabulary import ResolutionReason as Why
from .bodies import Organisation, Resolution
from .divisions import load_divisions
from .forms import mention_key

__all__ = ["ZhejiangTable", "load_zhejiang", "ZHEJIANG"]

#: The province this table is of.
ZHEJIANG = "330000"


class ZhejiangTable:
    """Zhejiang's organisations by id, by written form, by function and by collective.

    Examples
    --------
    >>> z = load_zhejiang()
    >>> z.lookup("省建设厅", 2017, True).organisation.id, z.lookup("省建设厅", 2005, True).organisation.id
    ('zj-housing-construction', 'zj-construction')
    >>> z.lookup("省质监局", 2017, False) is None
    True
    >>> z.for_function("government", "330100", 2017).id, z.for_collective("coll-districted-city-governments").id
    ('zj-hangzhou-gov', 'zj-city-governments')
    """

    def __init__(self, organisations, collectives: dict):
        self.organisations = list(organisations)
        self._by_id: dict[str, Organisation] = {}
        for o in self.organisations:
            if o.id in self._by_id:
                raise ValidationError(f"organisation table: duplicate id {o.id!r}")
            self._by_id[o.id] = o
        self._by_key: dict[str, list[tuple[Organisation, bool]]] = {}
        for o in self.organisations:
            for name in sorted({o.name, *o.aliases}):
                self._by_key.setdefault(mention_key(name), []).append((o, name.startswith(("省", "各"))))
        self._collectives = collectives
        for o in self.organisations:
            for other in (*o.predecessors, *o.successors):
                if other not in self._by_id:
                    raise ValidationError(f"organisation table: {o.id} links to unknown id {other!r}")

    def __contains__(self, org_id: str) -> bool:
        return org_id in self._by_id

    def __len__(self) -> int:
        return len(self.organisations)

    def get(self, org_id: str) -> Organisation:
        try:
            return self._by_id[org_id]
        except KeyError:
            raise ValidationError(f"unknown organisation id {org_id!r}") from None

    def lookup(self, key: str, year: int | None, in_zhejiang: bool) -> Resolution | None:
        """The organisation written ``key``; relative forms only ``in_zhejiang``; ``None`` if the table lacks it.

        Among organisations sharing a form, the one valid in ``year``; else the
        last one before it (historical); else the first.
        """
        fitting = [o for o, relative in self._by_key.get(key, ()) if not relative or in_zhejiang]
        if not fitting:
            return None
        in_time = [o for o in fitting if o.valid_in(year)]
        if in_time:
            return Resolution(in_time[0], Why.TABLE, name=in_time[0].name)
        past = [o for o in fitting if o.valid_to is not None and year is not None and o.valid_to <= year]
        org = max(past, key=lambda o: o.valid_to) if past else fitting[0]
        return Resolution(org, Why.HISTORICAL if past else Why.EARLY, name=org.name)

    def named(self, name: str) -> Organisation | None:
        """The organisation whose name (or alias) is ``name``, if one only."""
        found = {o.id: o for o, _ in self._by_key.get(mention_key(name), ())}
        return next(iter(found.values())) if len(found) == 1 else None

    def for_function(self, function: str, division: str, year: int | None) -> Organisation | None:
        """The organisation of ``function`` in Zhejiang division ``division`` (valid in ``year`` if one is)."""
        found = [o for o in self.organisations if o.function == function and o.division == division]
        in_time = [o for o in found if o.valid_in(year)]
        if in_time or not found:
            return in_time[0] if in_time else None
        return max(found, key=lambda o: o.valid_to or 10 ** 4)

    def for_collective(self, collective: str) -> Organisation | None:
        """The organisation that is collective ``collective`` in Zhejiang."""
        org_id = self._collectives.get(collective)
        return self._by_id[org_id] if org_id else None


def _division(row: dict) -> str | None:
    if row["kind"] == "collective":
        return ZHEJIANG
    if row["kind"] == "city_government":
        return load_divisions().find(row["name"].removesuffix("人民政府")).code
    return ZHEJIANG


@lru_cache(maxsize=None)
def load_zhejiang(path: str | None = None) -> ZhejiangTable:
    """The bundled table, or one at ``path``."""
    if path is None:
        text = resources.files("kg.reference.data").joinpath("organisations.json").read_text("utf-8")
        origin = "kg/reference/data/organisations.json"
    else:
        origin = str(path)
        try:
            text = Path(path).read_text("utf-8")
        except OSError as exc:
            raise ValidationError(f"{origin}: cannot be read ({exc.strerror})") from None
    try:
        rows = json.loads(text)["organisations"]
    except json.JSONDecodeError as exc:
        raise ValidationError(f"{origin}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    try:
        orgs = [Organisation(
            id=r["id"], name=r["name"], name_en=r["name_en"], kind=r["kind"], jurisdiction=r["jurisdiction"],
            aliases=tuple(r.get("aliases", ())), valid_from=r.get("valid_from"), valid_to=r.get("valid_to"),
            predecessors=tuple(r.get("predecessors", ())), successors=tuple(r.get("successors", ())),
            uncertain=bool(r.get("uncertain", False)), note=r.get("note", ""), function=r.get("function"),
            division=_division(r)) for r in rows]
    except (KeyError, TypeError) as exc:
        raise ValidationError(f"{origin}: organisation table lacks field {exc}") from None
    return ZhejiangTable(orgs, {r["collective"]: r["id"] for r in rows if r.get("collective")})
