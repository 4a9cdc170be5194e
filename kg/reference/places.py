"""Places: cities and their county-level divisions, from ``kg/reference/data/places.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["PlaceTable", "load_places"]


@dataclass(frozen=True)
class Place:
    name: str
    level: str
    parent: str


class PlaceTable:
    """Find the place a name or a position text starts with.

    Examples
    --------
    >>> places = load_places()
    >>> places.locate("杭州市上城区望江街道武装部部长")
    ('杭州市上城区', '杭州市')
    >>> places.locate("桐庐县人武部职工")
    ('桐庐县', '杭州市')
    >>> places.locate("温州军分区原司令部参谋")
    ('温州市', None)
    >>> places.locate("浙江大学") is None
    True
    >>> places.city_of("海盐县")
    '嘉兴市'
    """

    def __init__(self, rows, province):
        self.province = province
        self._by_name: dict[str, Place] = {}
        for r in rows:
            place = Place(r["name"], r["level"], r["parent"])
            self._by_name[r["name"]] = place
            for old in r.get("former_names", ()):
                self._by_name[old] = place
        self._cities = sorted((p for p in self._by_name.values() if p.level == "city"),
                              key=lambda p: -len(p.name))
        self._names = sorted(self._by_name, key=len, reverse=True)

    def city_of(self, name: str) -> str | None:
        """The city a county-level name (or a city name) belongs to."""
        place = self._by_name.get(name)
        if place is None:
            return None
        return place.name if place.level == "city" else place.parent

    def locate(self, text: str):
        """``(place, parent_city)`` named at the start of ``text``, or ``None``.

        A city followed by one of its counties gives the county with the city
        named; a city alone gives the city (parent ``None``); a county alone
        gives the county and its city.
        """
        for city in self._cities:
            for form in (city.name, city.name[:-1]):
                if text.startswith(form):
                    rest = text[len(form):]
                    county = next((n for n in self._names if rest.startswith(n)
                                   and self._by_name[n].parent == city.name), None)
                    if county:
                        return form + county, city.name
                    return city.name, None
        for name in self._names:
            place = self._by_name[name]
            if place.level == "county" and text.startswith(name):
                return name, place.parent
        return None


@lru_cache(maxsize=1)
def load_places() -> PlaceTable:
    data = json.loads(resources.files("kg.reference.data").joinpath("places.json").read_text("utf-8"))
    return PlaceTable(data["places"], data["province"])
