"""Collective actors: groups of governments or departments a document names as one actor.

各省、自治区、直辖市人民政府, 国务院各部门, 各地区各部门, 各地级以上市人民政府,
有关部门 … are one organisation each, never split into their members
(``kg/reference/data/collectives.json``). A *relative* collective is the one
of the document's own jurisdiction (有关部门 of Guangzhou is not the State
Council's): it gets one organisation per jurisdiction, ``440100-coll-relevant-departments``.
``addressed_by`` tells which levels of government address a collective (a
clue to a document's jurisdiction). Forms with ``{X}`` stand for any function
(各省、自治区、直辖市林业和草原主管部门).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import ValidationError
from .bodies import Organisation
from .divisions import NATIONAL, Division
from .forms import mention_key

__all__ = ["Collective", "Collectives", "load_collectives"]


@dataclass(frozen=True)
class Collective:
    """One collective actor and the forms documents write for it."""

    id: str
    forms: tuple[str, ...]
    name_en: str
    scope: str
    level: str
    relative: bool
    addressed_by: tuple[str, ...]
    verified: str
    note: str = ""

    def organisation(self, division: Division | None = None, path: str = NATIONAL.name) -> Organisation:
        """The organisation of this collective in ``division`` (``path`` its full name); national when ``None``."""
        if not self.relative or division is None or division is NATIONAL:
            return Organisation(self.id, self.forms[0], self.name_en, "collective", NATIONAL.name,
                                aliases=self.forms[1:], uncertain=self.verified.startswith("knowledge"),
                                note=self.scope)
        return Organisation(f"{division.code}-{self.id}", f"{self.forms[0]}({division.name})",
                            f"{self.name_en} ({path})", "collective", path, aliases=self.forms,
                            uncertain=self.verified.startswith("knowledge"), note=self.scope,
                            division=division.code)


class Collectives:
    """Collective actors by id and by form.

    Examples
    --------
    >>> c = load_collectives()
    >>> c.find("各省(区、市)人民政府").id, c.find("有关部门").relative
    ('coll-all-provincial-governments', True)
    >>> c.find("各省、自治区、直辖市林业和草原主管部门").id
    'coll-ministry-local-departments'
    >>> c.find("省发展改革委") is None
    True
    """

    def __init__(self, collectives):
        self.collectives = list(collectives)
        self._by_id = {c.id: c for c in self.collectives}
        self._by_key: dict[str, Collective] = {}
        self._patterns: list[tuple[str, str, Collective]] = []
        for c in self.collectives:
            for form in c.forms:
                if "{X}" in form:
                    head, tail = form.split("{X}", 1)
                    self._patterns.append((mention_key(head), mention_key(tail), c))
                else:
                    self._by_key.setdefault(mention_key(form), c)

    def __contains__(self, collective_id: str) -> bool:
        return collective_id in self._by_id

    def get(self, collective_id: str) -> Collective:
        try:
            return self._by_id[collective_id]
        except KeyError:
            raise ValidationError(f"unknown collective {collective_id!r}") from None

    def find(self, key: str) -> Collective | None:
        """The collective written ``key`` (a mention key), or ``None``."""
        found = self._by_key.get(key)
        if found is not None:
            return found
        for head, tail, c in self._patterns:
            if key.startswith(head) and key.endswith(tail) and len(key) > len(head) + len(tail):
                return c
        return None


@lru_cache(maxsize=1)
def load_collectives() -> Collectives:
    """The collectives of ``kg/reference/data/collectives.json``."""
    data = json.loads(resources.files("kg.reference.data").joinpath("collectives.json").read_text("utf-8"))
    try:
        return Collectives(Collective(r["id"], tuple(r["forms"]), r["name_en"], r["scope"], r["level"], r["relative"],
                                      tuple(r["addressed_by"]), r["verified"], r.get("note", ""))
                           for r in data["collectives"])
    except KeyError as exc:
        raise ValidationError(f"kg/reference/data/collectives.json: a collective lacks field {exc}") from None
