"""Local organisations made from their function's name pattern: (division, written form, year) → body.

No hand list per province or city: a division's departments are its
functions' templates (:mod:`.functions`) filled in with its names. A document
of a division writes its own departments bare or after its level word
(发展改革委, 市发展改革委), those of the city and province above it after their
level word (市生态环境局陵川分局 in a county, 省财政厅 in a city), and any
division's by name (广东省发改委). The nearest division that holds a form in
the year wins. A body is ``<code>-<function>`` (``440100-development-reform``),
the same body whatever name its function's templates give it over the years.
Customs districts are named by their seat (黄埔海关), towns and street offices
by their county (奉贤区柘林镇人民政府).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..vocabulary import ResolutionReason as Why
from .bodies import Organisation
from .divisions import Division, Divisions, load_divisions
from .forms import level_word, mention_key, table_key
from .functions import LEVELS, FunctionScheme, Template, in_interval, load_functions
from .provinces import GOVERNED_TYPES, load_provinces

__all__ = ["Hit", "LocalBodies", "load_local"]

#: How far into a name a place name may start (国家税务总局广东省税务局, 中共广州市委).
_NAMED_FROM = 8

_TOWNSHIP = re.compile(r"""
    (?P<town>[\u4e00-\u9fff]{1,6}?[镇乡])人民政府$           # 柘林镇人民政府, after its county
  | 人民政府(?P<street>[\u4e00-\u9fff]{1,6}?)街道办事处$       # 人民政府洋泾街道办事处
    """, re.VERBOSE)

#: How a body's short form ends; its stem with 部门 is also written (发改委 → 市发改部门, 财政局 → 市财政部门).
_BODY_END = re.compile(r"""
    (?: 委员会
      | 局
      | 厅
      | 委
      | 办公室
      | 办 )$
    """, re.VERBOSE)

_KINDS = {"prefecture": "city", "county": "county"}


@dataclass(frozen=True)
class Hit:
    """A written form held by a function's body in a division, by one template, for some years."""

    division: Division
    function: str
    template: Template
    years: tuple[tuple[int | None, int | None], ...]

    def holds_in(self, year: int | None) -> bool:
        return any(in_interval(year, a, b) for a, b in self.years)


class LocalBodies:
    """The departments of every division by their function's templates.

    Examples
    --------
    >>> local = load_local()
    >>> d = load_divisions()
    >>> hits, why = local.find("市发展改革委", 2020, d.find("广州市"))
    >>> [local.name(h) for h in hits], why
    (['广州市发展和改革委员会'], 'local')
    >>> [local.name(h) for h in local.find("市生态环境局陵川分局", 2019, d.find("陵川县"))[0]]
    ['晋城市生态环境局陵川分局']
    >>> [h.division.name for h in local.find_named("广东省发改委", 2020)[0]]
    ['广东省']
    >>> local.organisation(d.find("广州市"), "eitc").id
    '440100-eitc'
    >>> _TOWNSHIP.fullmatch("柘林镇人民政府").group("town"), _TOWNSHIP.fullmatch("人民政府洋泾街道办事处").group("street")
    ('柘林镇', '洋泾')
    >>> [local.name(h) for h in local.find("市发改部门", 2016, d.find("济南市"))[0]], _BODY_END.search("发改委").start()
    (['济南市发展和改革委员会'], 2)
    """

    def __init__(self, functions: FunctionScheme, divisions: Divisions):
        self.functions = functions
        self.divisions = divisions
        self._english = {p["code"]: p["name_en"] for p in load_provinces()}
        self._governed = {p["code"] for p in load_provinces() if p["type"] in GOVERNED_TYPES}
        self._customs = {}
        for p in load_provinces():
            for seat_customs in p.get("customs", ()):
                seat = seat_customs.removesuffix("海关")
                for form in (seat_customs, "中华人民共和国" + seat_customs):
                    self._customs[mention_key(form)] = (p["code"], seat)
        self._forms = lru_cache(maxsize=4096)(self._build_forms)

    # -- names ------------------------------------------------------------------------------------------------

    def governed(self, d: Division) -> bool:
        """Whether ``d`` has departments of its own (not 香港, 澳门, 台湾, the national level)."""
        return d.level != "national" and self.divisions.province_of(d).code in self._governed

    def _names(self, d: Division) -> tuple[str, ...]:
        return tuple(x.name for x in self.divisions.chain(d))

    def fill(self, text: str, d: Division) -> str:
        """A template with ``d``'s names in it."""
        parent = self.divisions.get(d.parent) if d.parent else None
        place_en = self._english.get(d.code, self.divisions.full(d))
        return (text.replace("{place}", self.divisions.full(d)).replace("{place_short}", self.divisions.short(d))
                .replace("{parent}", self.divisions.full(parent) if parent else "")
                .replace("{parent_short}", self.divisions.short(parent) if parent else "")
                .replace("{Place}", place_en))

    def templates(self, d: Division, function: str):
        """``[(template, years)]`` naming ``function``'s body in ``d``."""
        if not self.governed(d) or d.level not in LEVELS:
            return []
        return self.functions.get(function).templates_at(LEVELS[d.level], self._names(d))

    def name(self, hit: Hit) -> str:
        return self.fill(hit.template.name, hit.division)

    # -- forms --------------------------------------------------------------------------------------------------

    def _build_forms(self, code: str, role: str) -> dict[str, tuple[Hit, ...]]:
        """Every form that names a body of division ``code`` in a document where it is ``role``.

        ``own`` (the document's division: bare short forms too), ``above``
        (a city or province above it: after its level word) or ``named``
        (any other division: only after its name).
        """
        d = self.divisions.get(code)
        explicit = list(self.divisions.written(d))
        parent = self.divisions.get(d.parent) if d.parent else None
        if d.level == "county" and parent is not None:
            explicit.append(self.divisions.full(parent) + d.name)
        words = self.divisions.level_words(d) if role != "named" else ()
        out: dict[str, list[Hit]] = {}

        def add(form: str, hit: Hit) -> None:
            found = out.setdefault(table_key(form), [])
            if hit not in found:
                found.append(hit)

        for f in self.functions:
            for t, years in self.templates(d, f.id):
                if "{seat}" in t.name or t.duty_of:
                    continue
                hit = Hit(d, f.id, t, tuple(years))
                add(self.fill(t.name, d), hit)
                stem = t.name.removeprefix("{place}")
                for s in (*t.short, *((stem,) if "{" not in stem and stem != t.name else ())):
                    for form in self._short_forms(s, d, explicit, words, role == "own"):
                        add(form, hit)
                    m = _BODY_END.search(s) if "{" not in s and not level_word(s) else None
                    if m and m.start() >= 2:  # 市发改部门: the department of the function, written generically
                        for form in self._short_forms(s[:m.start()] + "部门", d, explicit, words, False):
                            add(form, hit)
                if t.name.startswith("中共{place}"):  # Party organs: 广州市委组织部, 中共广州市委组织部
                    tail = t.name.removeprefix("中共{place}")
                    for p in explicit:
                        add(p + tail, hit)
                        add("中共" + p + tail, hit)
        return {k: tuple(v) for k, v in out.items()}

    def _short_forms(self, short: str, d: Division, explicit, words, bare: bool):
        if "{" in short:  # the short form names its place itself
            yield self.fill(short, d)
            return
        word = level_word(short)
        if word:  # it carries its level word already: 省委, 市委组织部
            if word in words:
                yield short
            yield from (p + short[len(word):] for p in explicit if p.endswith(word))
            return
        yield from (p + short for p in explicit)
        yield from (w + short for w in words)
        if bare:
            yield short

    # -- finding ------------------------------------------------------------------------------------------------

    @staticmethod
    def _in_year(hits, year: int | None):
        """The hits holding in ``year`` (``local``), else the last ones before it (``historical``), else early ones."""
        valid = [h for h in hits if h.holds_in(year)]
        if valid or year is None:
            return valid, Why.LOCAL
        ends = [(b, h) for h in hits for a, b in h.years if b is not None and b <= year]
        if ends:
            last = max(b for b, _ in ends)
            return list(dict.fromkeys(h for b, h in ends if b == last)), Why.HISTORICAL
        early = [h for h in hits for a, b in h.years if a is not None and 0 < a - year <= 1]
        return list(dict.fromkeys(early)), Why.EARLY

    def find(self, key: str, year: int | None, division: Division) -> tuple[list[Hit], Why]:
        """Hits for ``key`` in a document of ``division``: the nearest division holding it, in the year first."""
        if division is None or not self.governed(division):
            return [], Why.UNKNOWN
        chain = self.divisions.chain(division)
        found = [(d, self._forms(d.code, "own" if k == 0 else "above").get(key, ())) for k, d in enumerate(chain)]
        for _, hits in found:
            valid = [h for h in hits if h.holds_in(year)]
            if valid:
                return valid, Why.LOCAL
        for _, hits in found:
            if hits:
                return self._in_year(hits, year)
        return [], Why.UNKNOWN

    def find_named(self, key: str, year: int | None, skip=()) -> tuple[list[Hit], Why]:
        """Hits for ``key`` in the divisions it names (广东省发改委, 中共广州市委组织部), ``skip`` left out."""
        places: list[Division] = []
        for k in range(min(_NAMED_FROM, len(key) - 1)):
            places.extend(d for d in self.divisions.starting(key[k:]) if d not in places and d.code not in skip)
        hits = [h for d in places if self.governed(d) for h in self._forms(d.code, "named").get(key, ())]
        if not hits:
            return [], Why.UNKNOWN
        found, why = self._in_year(hits, year)
        return found, (Why.NAMED_PLACE if why is Why.LOCAL else why)

    # -- organisations ------------------------------------------------------------------------------------------

    def organisation(self, d: Division, function: str) -> Organisation | None:
        """The body of ``function`` in ``d`` (``None`` where no template names one)."""
        return _organisation(self, d.code, function)

    def customs(self, key: str) -> Organisation | None:
        """A customs district written by its seat (黄埔海关, 中华人民共和国杭州海关)."""
        if key not in self._customs:
            return None
        code, seat = self._customs[key]
        path = self.divisions.path(self.divisions.get(code))
        return Organisation(f"{code}-customs-{seat}", f"中华人民共和国{seat}海关", f"{seat} Customs", "central_branch",
                            path, aliases=(f"{seat}海关",), function="customs", division=code, uncertain=True)

    def township(self, key: str) -> Organisation | None:
        """A town government or street office written after its county (奉贤区柘林镇人民政府)."""
        for d in self.divisions.starting(key):
            if d.level != "county":
                continue
            for written in sorted(set(self.divisions.written(d)), key=len, reverse=True):
                m = _TOWNSHIP.fullmatch(key[len(written):]) if key.startswith(written) else None
                if m:
                    full, path = self.divisions.full(d), self.divisions.path(d)
                    if m.group("town"):
                        return Organisation(f"{d.code}-{m.group('town')}-township-government",
                                            f"{full}{m.group('town')}人民政府", f"{m.group('town')} Government, {full}",
                                            "township_government", path, function="township-government",
                                            division=d.code)
                    return Organisation(f"{d.code}-{m.group('street')}街道-street-office",
                                        f"{full}人民政府{m.group('street')}街道办事处",
                                        f"{m.group('street')} Street Office, {full}", "street_office", path,
                                        function="street-office", division=d.code)
        return None


@lru_cache(maxsize=65536)
def _organisation(local: LocalBodies, code: str, function: str) -> Organisation | None:
    d = local.divisions.get(code)
    templates = [(t, years) for t, years in local.templates(d, function) if not t.duty_of]
    if not templates:
        return None
    f = local.functions.get(function)
    ends = [(b if b is not None else 10 ** 4, t) for t, years in templates for a, b in years]
    latest = max(ends, key=lambda e: e[0])[1]
    starts = [a for _, years in templates for a, b in years]
    names = [local.fill(t.name, d) for t, _ in templates]
    name = local.fill(latest.name, d)

    def linked(functions):
        """Bodies of these functions in ``d``: a function that is a duty there links to the body that holds it."""
        out = []
        for g in functions:
            ts = [t for t, _ in local.templates(d, g)] if g in local.functions else []
            body = g if any(not t.duty_of for t in ts) else (ts[0].duty_of if ts else None)
            if body and f"{code}-{body}" not in out:
                out.append(f"{code}-{body}")
        return tuple(out)

    kind = f.kind.replace("provincial", _KINDS[d.level], 1) if d.level in _KINDS else f.kind
    return Organisation(
        id=f"{code}-{function}", name=name, name_en=local.fill(latest.name_en, d) or name, kind=kind,
        jurisdiction=local.divisions.path(d), aliases=tuple(n for n in dict.fromkeys(names) if n != name),
        valid_from=None if None in starts else min(starts),
        valid_to=None if any(e == 10 ** 4 for e, _ in ends) else max(e for e, _ in ends),
        predecessors=linked(f.predecessors), successors=linked(f.successors),
        uncertain=any(t.verified.startswith("knowledge") for t, _ in templates), function=function, division=code)


@lru_cache(maxsize=1)
def load_local() -> LocalBodies:
    """The local bodies of every division, made on demand."""
    return LocalBodies(load_functions(), load_divisions())
