"""The department table: canonical organisations and the names documents use.

The table is data (``kg/reference/data/organisations.json``), not code. A mention such as
``省质监局`` resolves to one canonical organisation; short forms that start
with ``省`` or ``各`` are relative to a province and resolve only in documents
of that province. An alias shared by two organisations (``省建设厅`` before and
after the 2009 reform) resolves by the document's year.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import ValidationError
from ..text.index import normalise

__all__ = ["Organisation", "OrganisationTable", "mention_key", "unresolved_id", "load_table"]

_BRACKETS = str.maketrans("〔〕[]【】", "()()()")
_SPACE = re.compile(r"\s+")


def mention_key(name: str) -> str:
    """The form under which names are compared.

    Examples
    --------
    >>> mention_key("各市、县〔市、区〕 政府")
    '各市、县(市、区)政府'
    >>> mention_key("省經信廳")
    '省经信厅'
    """
    return _SPACE.sub("", normalise(name)).translate(_BRACKETS)


def unresolved_id(mention: str, province: str | None = None) -> str:
    """Id of an organisation the table does not know.

    Examples
    --------
    >>> unresolved_id("省新设局", "江苏省")
    'unresolved:江苏省/省新设局'
    """
    key = mention_key(mention)
    return f"unresolved:{province}/{key}" if province else f"unresolved:{key}"


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    name_en: str
    kind: str
    jurisdiction: str
    aliases: tuple[str, ...]
    valid_from: int | None
    valid_to: int | None
    predecessors: tuple[str, ...]
    successors: tuple[str, ...]
    uncertain: bool
    note: str

    def valid_in(self, year: int | None) -> bool:
        if year is None:
            return True
        return (self.valid_from is None or self.valid_from <= year) and (
            self.valid_to is None or year <= self.valid_to)


class OrganisationTable:
    """Canonical organisations with lookup by any of their names.

    Examples
    --------
    >>> table = load_table()
    >>> table.resolve("省食品药品监管局", 2017, "浙江省").name
    '浙江省食品药品监督管理局'
    >>> table.resolve("省建设厅", 2017, "浙江省").id
    'zj-housing-construction'
    >>> table.resolve("省建设厅", 2005, "浙江省").id
    'zj-construction'
    >>> table.resolve("省质监局", 2017, "江苏省") is None
    True
    """

    def __init__(self, organisations):
        self.organisations = list(organisations)
        self._by_id = {}
        self._by_key: dict[str, list[tuple[Organisation, bool]]] = {}
        for org in self.organisations:
            if org.id in self._by_id:
                raise ValidationError(f"organisation table: duplicate id {org.id!r}")
            self._by_id[org.id] = org
            names = {org.name, *org.aliases}
            for name in sorted(names):
                relative = name.startswith(("省", "各"))
                self._by_key.setdefault(mention_key(name), []).append((org, relative))
        for org in self.organisations:
            for other in (*org.predecessors, *org.successors):
                if other not in self._by_id:
                    raise ValidationError(f"organisation table: {org.id} links to unknown id {other!r}")

    def __contains__(self, org_id: str) -> bool:
        return org_id in self._by_id

    def __len__(self) -> int:
        return len(self.organisations)

    def get(self, org_id: str) -> Organisation:
        try:
            return self._by_id[org_id]
        except KeyError:
            raise ValidationError(f"unknown organisation id {org_id!r}") from None

    def resolve(self, mention: str, year: int | None = None,
                province: str | None = None) -> Organisation | None:
        """The organisation a mention names, or ``None``.

        Parameters
        ----------
        mention : str
            The name as written.
        year : int, optional
            The document's year; chooses among organisations sharing a name.
        province : str, optional
            The document's province; names relative to a province (``省…``)
            resolve only when it matches the organisation's.
        """
        candidates = self._by_key.get(mention_key(mention), [])
        fitting = [org for org, relative in candidates
                   if not relative or province is None or org.jurisdiction == province]
        if not fitting:
            return None
        in_time = [org for org in fitting if org.valid_in(year)]
        return (in_time or fitting)[0]

    def successors_at(self, org_id: str, year: int) -> list[str]:
        """Follow successor links until organisations valid in ``year``.

        Examples
        --------
        >>> load_table().successors_at("zj-quality-supervision", 2020)
        ['zj-market-regulation']
        >>> load_table().successors_at("zj-finance", 2020)
        ['zj-finance']
        """
        org = self.get(org_id)
        if org.valid_in(year) or not org.successors or (
                org.valid_from is not None and year < org.valid_from):
            return [org_id]
        out = []
        for succ in org.successors:
            for found in self.successors_at(succ, year):
                if found not in out:
                    out.append(found)
        return out


def _from_json(data, origin: str) -> OrganisationTable:
    try:
        rows = data["organisations"]
        orgs = [Organisation(
            id=r["id"], name=r["name"], name_en=r["name_en"], kind=r["kind"],
            jurisdiction=r["jurisdiction"], aliases=tuple(r.get("aliases", ())),
            valid_from=r.get("valid_from"), valid_to=r.get("valid_to"),
            predecessors=tuple(r.get("predecessors", ())), successors=tuple(r.get("successors", ())),
            uncertain=bool(r.get("uncertain", False)), note=r.get("note", ""),
        ) for r in rows]
    except (KeyError, TypeError) as exc:
        raise ValidationError(f"{origin}: organisation table lacks field {exc}") from None
    return OrganisationTable(orgs)


@lru_cache(maxsize=None)
def load_table(path: str | None = None) -> OrganisationTable:
    """Load the bundled department table, or one at ``path``."""
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
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(f"{origin}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    return _from_json(data, origin)
