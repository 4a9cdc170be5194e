"""Functions of government: a SKOS-style scheme, and the names each function's bodies take at each level.

A function (``development-reform``, ``finance``, ``market-regulation`` …) has
central bodies through the years and name templates for the provincial, city
(prefecture-level) and county levels: ``{place}发展和改革委员会``, short forms
written after a level prefix or a place name (``发展改革委``, ``发改委``), the
years the template holds, and the functions it came from or went to in a
reform. Variants override a level's template for some provinces or places
(``林业和草原局`` in the grassland provinces, ``经济和信息化厅`` in Zhejiang)
during their years; a variant that only adds a plate
(``市场监督管理局(知识产权局)``) leaves the template in force beside it. The data
is ``kg/reference/data/functions.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import ValidationError

__all__ = ["Template", "Function", "FunctionScheme", "load_functions", "LEVELS", "subtract", "in_interval"]

#: The template level of each division level.
LEVELS = {"province": "provincial", "prefecture": "city", "county": "county", "township": "township"}

_PLATE = re.compile(r"""
    \([^()]*\)     # a plate in parentheses: 市场监督管理局(知识产权局)
  | （[^（）]*）
    """, re.VERBOSE)


def in_interval(year: int | None, start: int | None, end: int | None) -> bool:
    """Whether ``year`` falls in ``[start, end)`` (``None`` bounds are open; a ``None`` year fits any).

    >>> in_interval(2018, 2013, 2018), in_interval(2018, 2018, None), in_interval(None, 1, 2)
    (False, True, True)
    """
    return year is None or ((start is None or start <= year) and (end is None or year < end))


def subtract(intervals, cut):
    """Half-open year intervals minus another (``None`` bounds are open).

    >>> subtract([(2003, None)], (2009, 2018))
    [(2003, 2009), (2018, None)]
    >>> subtract([(None, None)], (None, 2000))
    [(2000, None)]
    """
    low, high = cut
    out = []
    for a, b in intervals:
        overlaps = (low is None or b is None or low < b) and (high is None or a is None or a < high)
        if not overlaps:
            out.append((a, b))
            continue
        if low is not None and (a is None or a < low):
            out.append((a, low))
        if high is not None and (b is None or high < b):
            out.append((high, b))
    return out


@dataclass(frozen=True)
class Template:
    """How a function's body is named at one level, for some years (and, for a variant, some places).

    ``places`` names the provinces or places a variant holds for (``上海市*``:
    every place under 上海市); empty for the level's own template. ``duty_of``:
    there the function has no body of its own, it is that function's body's duty.
    """

    level: str
    name: str
    name_en: str
    short: tuple[str, ...]
    valid_from: int | None
    valid_to: int | None
    verified: str
    places: tuple[str, ...] = ()
    duty_of: str | None = None

    def holds_for(self, names: tuple[str, ...]) -> bool:
        """Whether a variant holds for a place; ``names`` are the place's name then its ancestors'."""
        return any(p == names[0] or p.endswith("*") and p[:-1] in names for p in self.places)


@dataclass(frozen=True)
class Function:
    """A concept of the function scheme, with its central bodies, templates and reform links."""

    id: str
    label_zh: str
    label_en: str
    kind: str
    broader: str
    central: tuple[tuple[str, int | None, int | None], ...]
    templates: dict
    variants: tuple[Template, ...]
    predecessors: tuple[str, ...]
    successors: tuple[str, ...]
    note: str = ""

    def templates_at(self, level: str, names: tuple[str, ...]) -> list[tuple[Template, list]]:
        """The templates that name this function's body at a place, each with the years it holds there.

        Examples
        --------
        >>> f = load_functions().get("forestry")
        >>> [(t.name, years) for t, years in f.templates_at("provincial", ("四川省",))]
        [('{place}林业和草原局', [(2018, None)])]
        >>> [(t.name, years) for t, years in f.templates_at("provincial", ("江西省",))]
        [('{place}林业局', [(2018, None)])]
        >>> _PLATE.sub("", "{place}市场监督管理局(知识产权局)")
        '{place}市场监督管理局'
        """
        base = self.templates.get(level)
        variants = [v for v in self.variants if v.level == level and v.holds_for(names)]
        out = [(v, [(v.valid_from, v.valid_to)]) for v in variants]
        if base is not None:
            years = [(base.valid_from, base.valid_to)]
            for v in variants:
                if _PLATE.sub("", v.name) == v.name or _PLATE.sub("", v.name) != base.name:  # not a plate only
                    years = subtract(years, (v.valid_from, v.valid_to))
            if years:
                out.append((base, years))
        return out

    def central_at(self, year: int | None) -> str | None:
        """The central body of this function in ``year`` (the latest one before it, else the first)."""
        fitting = [c for c, a, b in self.central if in_interval(year, a, b)]
        if fitting:
            return fitting[0]
        past = [(b, c) for c, a, b in self.central if b is not None and year is not None and b <= year]
        return max(past)[1] if past else (self.central[0][0] if self.central else None)


class FunctionScheme:
    """The functions by id, and the scheme they belong to.

    Examples
    --------
    >>> s = load_functions()
    >>> s.get("health").label_en, s.get("health").central_at(2019), s.get("health").predecessors
    ('health', 'cn-nhc', ('health-family-planning',))
    >>> len(s), [c["id"] for c in s.top_concepts][:3]
    (145, ['governments', 'government-departments', 'party'])
    """

    def __init__(self, functions, scheme: dict, reforms: dict):
        self._by_id = {f.id: f for f in functions}
        self.scheme = scheme
        self.top_concepts = scheme["top_concepts"]
        self.reforms = reforms

    def __iter__(self):
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, function_id) -> bool:
        return function_id in self._by_id

    def get(self, function_id: str) -> Function:
        try:
            return self._by_id[function_id]
        except KeyError:
            raise ValidationError(f"unknown function {function_id!r}") from None


def _template(level: str, t: dict, places=()) -> Template:
    return Template(level, t["name"], t.get("name_en", ""), tuple(t.get("short", ())), t.get("from"), t.get("to"),
                    t.get("verified", ""), tuple(places), t.get("duty_of"))


def _function(row: dict) -> Function:
    templates = {lvl: _template(lvl, row[lvl]) for lvl in LEVELS.values() if row.get(lvl)}
    variants = tuple(_template(v["level"], v, v.get("provinces") or v.get("places") or ())
                     for v in row.get("variants", ()))
    lineage = row.get("provincial") or {}
    return Function(row["id"], row["label_zh"], row["label_en"], row["kind"], row["broader"],
                    tuple((c["id"], c["from"], c["to"]) for c in row["central"]), templates, variants,
                    tuple(lineage.get("predecessor") or ()), tuple(lineage.get("successor") or ()),
                    row.get("note", ""))


@lru_cache(maxsize=1)
def load_functions() -> FunctionScheme:
    """The function scheme of ``kg/reference/data/functions.json``."""
    data = json.loads(resources.files("kg.reference.data").joinpath("functions.json").read_text("utf-8"))
    try:
        return FunctionScheme([_function(r) for r in data["functions"]], data["scheme"], data["reforms"])
    except KeyError as exc:
        raise ValidationError(f"kg/reference/data/functions.json: a function lacks field {exc}") from None
