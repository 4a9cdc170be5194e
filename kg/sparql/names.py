"""Names people type, read as the graph means them: organisations and document numbers.

A researcher asks for 省质监局, 质监局, 省質監局, 浙江省质量技术监督局,
``zj-quality-supervision``, "Zhejiang Bureau of Quality and Technical
Supervision" or the IRI, and means one organisation. :class:`GraphNames`
finds it the way a document's own names are found:

1. the IRI, or the table id (``dcterms:identifier``);
2. any name the graph gives it (labels in both languages, the short forms its
   sources wrote), compared by :func:`~kg.reference.forms.mention_key` (white
   space, brackets, full-width forms and traditional characters folded) and
   without case;
3. the organisation table's resolver (:mod:`kg.reference.organisations`), in
   each jurisdiction and year of the graph's documents (质监局 → 浙江省质量技术监督局);
4. through reforms: an organisation the graph (or the slice asked about)
   does not hold is followed to its successor there, and said so in a note
   (省质监局 → 浙江省市场监督管理局 after ``as_of`` 2019); its predecessors are
   named but never chosen.

A name that none of these finds is an error that suggests the nearest names
(:mod:`kg.text.nearest`); several organisations for one name is an error
listing them. Nothing is ever guessed silently. Document numbers match
whatever brackets are typed (国发[2012]9号, 国发(2012)9号, 国发〔2012〕9号).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

from ..errors import KgError, option
from ..reference.forms import mention_key
from ..text.nearest import did_you_mean

__all__ = ["Found", "GraphNames", "name_key", "typed_year", "param_text"]

_ORG = "/org/"


def name_key(name: str) -> str:
    """The form under which typed names are compared: :func:`mention_key`, without case.

    Examples
    --------
    >>> name_key("国发[2012]9号") == name_key("国发〔2012〕9号") == name_key("国发（2012）9号")
    True
    >>> name_key(" Zhejiang  Bureau ") == name_key("zhejiang bureau"), name_key("省質監局")
    (True, '省质监局')
    """
    return mention_key(name).casefold()


@dataclass(frozen=True)
class Found:
    """What a typed name was read as: the graph's ``value`` (an IRI or a document number) and a ``note``."""

    value: str
    note: str = ""


def _cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@dataclass
class _Organisations:
    """The names of a graph's organisations, indexed: ``organisation_names`` rows read once."""

    keys: dict[str, set[str]]  # name_key of each name → the organisations it names
    ids: dict[str, str]  # table id → IRI
    zh: dict[str, str]  # IRI → Chinese label
    en: dict[str, str]  # IRI → English label
    names: dict[str, set[str]]  # IRI → every name
    base: str | None  # the IRI of organisations before their id

    @classmethod
    def of(cls, rows) -> _Organisations:
        out = cls(defaultdict(set), {}, {}, {}, defaultdict(set), None)
        for org, name, lang, kind in rows:
            if not name:
                continue
            out.keys[name_key(name)].add(org)
            if kind == "id":
                out.ids[name] = org
                continue
            out.names[org].add(name)
            if kind == "label" and lang == "en":
                out.en[org] = name
            elif kind == "label":
                out.zh.setdefault(org, name)
        out.base = next((org.rsplit(_ORG, 1)[0] + _ORG for org in out.ids.values() if _ORG in org), None)
        return out


class GraphNames:
    """The organisations and document numbers of one graph, as names can be looked up (queries run once, lazily).

    ``rows`` are those of the ``organisation_names`` query, ``contexts``
    ``(jurisdiction, year)`` pairs, ``numbers`` the graph's document numbers
    (each a list, or a function giving one when first needed); ``numbered`` tells whether the graph holds a number exactly as
    given, so that a number typed as the graph writes it is found without
    reading them all. :meth:`from_backend` reads them from a store or an endpoint.

    Examples
    --------
    >>> iri = "https://w3id.org/kg-gazette/id/org/zj-quality-supervision"
    >>> names = GraphNames([(iri, "浙江省质量技术监督局", "zh", "label"), (iri, "省质监局", "", "alt"),
    ...                     (iri, "Zhejiang Bureau of Quality and Technical Supervision", "en", "label"),
    ...                     (iri, "zj-quality-supervision", "", "id")], [("浙江省", 2017)], ["浙政办发〔2017〕72号"])
    >>> {names.organisation(n).value == iri for n in ("省質監局", "质监局", "zj-quality-supervision", iri,
    ...                                                 "zhejiang bureau of quality and technical supervision")}
    {True}
    >>> names.organisation("省质检局")
    Traceback (most recent call last):
    kg.errors.KgError: no organisation '省质检局' in the graph; did you mean 省质监局?
    >>> names.document("浙政办发[2017]72号").value
    '浙政办发〔2017〕72号'
    """

    def __init__(self, rows, contexts, numbers, table=None, numbered=None):
        self._table = table
        self._numbered = numbered
        self._given = {"rows": rows, "contexts": contexts, "numbers": numbers}
        self._contexts = self._numbers = None

    @functools.cached_property
    def _orgs(self) -> _Organisations:
        """The organisations' names and ids (asked of the graph when first needed: a document's number needs none)."""
        return _Organisations.of(self._read("rows"))

    @classmethod
    def of(cls, backend) -> GraphNames:
        """:meth:`from_backend`, made once for a build's store as it is now (every query with a name needs it)."""
        from .backend import LocalStore

        if isinstance(backend, LocalStore):
            return backend.made_once("graph_names", lambda: cls.from_backend(backend))
        return cls.from_backend(backend)

    @classmethod
    def from_backend(cls, backend) -> GraphNames:
        """The names of the graph a backend (:mod:`kg.sparql.backend`) holds."""
        from .queries import load_query

        def strings(name):
            return backend.strings(load_query(name).text)

        def contexts():
            return [(j, int(y) if y else None) for j, y in strings("document_contexts")]

        def numbers():
            return [n for _, n, _ in strings("document_dates")]

        def numbered(number: str) -> bool:
            from ..rdf.terms import nt_string

            return bool(backend.strings(f"SELECT ?d WHERE {{ ?d eli:id_local {nt_string(number)} }} LIMIT 1"))

        return cls(lambda: strings("organisation_names"), contexts, numbers, numbered=numbered)

    def _read(self, what: str):
        given = self._given[what]
        return given() if callable(given) else given

    @property
    def contexts(self) -> list[tuple]:
        """The graph's ``(jurisdiction, year)`` pairs, sorted (asked of the graph when first needed)."""
        if self._contexts is None:
            self._contexts = sorted({(j, y) for j, y in self._read("contexts") if j}, key=lambda c: (c[0], c[1] or 0))
        return self._contexts

    @property
    def numbers(self) -> list[str]:
        """The graph's document numbers, sorted (asked of the graph when first needed)."""
        if self._numbers is None:
            self._numbers = sorted({n for n in self._read("numbers") if n})
        return self._numbers

    @property
    def table(self):
        if self._table is None:
            from ..reference.organisations import load_table

            self._table = load_table()
        return self._table

    def label(self, org: str) -> str:
        """The organisation's Chinese name (its IRI's last part if it has none)."""
        return self._orgs.zh.get(org) or org.rsplit("/", 1)[-1]

    def _iri(self, org_id: str) -> str | None:
        return self._orgs.ids.get(org_id) or (self._orgs.base + org_id if self._orgs.base else None)

    def _table_ids(self, name: str) -> set[str]:
        """The ids the organisation table resolves ``name`` to, in each context of the graph's documents."""
        found = set()
        for jurisdiction, year in self.contexts or [(None, None)]:
            r = self.table.resolve(name, year, jurisdiction)
            if r.resolved and not r.organisation.collective:
                found.add(r.id)
        return found

    def _id(self, org: str) -> str | None:
        return org.rsplit(_ORG, 1)[-1] if _ORG in org else None

    def organisation(self, name: str, among=None, as_of: int | None = None, what: str = "organisation",
                     where: str = "in the graph") -> Found:
        """The IRI of the organisation ``name`` means, among ``among`` (IRIs; default: every organisation).

        ``as_of`` maps the organisation to its successors valid in that year,
        as the slice asked about was mapped. ``what`` and ``where`` word the
        error (``department``, ``with tasks in 2017``).
        """
        text = name.strip()
        pool = set(self._orgs.names) if among is None else set(among)
        if not text:
            raise KgError(f"give the {what}'s name (e.g. 省质监局)")
        if text in self._orgs.names or text in pool or text in self._orgs.ids.values():
            direct = {text}
        elif text in self._orgs.ids:
            direct = {self._orgs.ids[text]}
        else:
            direct = set(self._orgs.keys.get(name_key(text), ()))
        if not direct:
            direct = {iri for i in self._table_ids(text) if (iri := self._iri(i))}
        if as_of is not None:
            direct = {self._iri(s) or org for org in direct for s in self._successors(org, as_of)}
        hits = sorted(direct & pool)
        if len(hits) > 1:
            listed = "; ".join(f"{self.label(o)} ({self._id(o) or o})" for o in hits)
            raise KgError(f"{name!r} names {len(hits)} organisations {where}: {listed}; give a full name or an id")
        if hits:
            return Found(hits[0])
        for org in sorted(direct):
            later = [s for s in self._successors(org, 9999) if self._iri(s) in pool]
            if len(later) == 1:
                succ = self._iri(later[0])
                return Found(succ, f"note: {name} ({self.label(org)}) was reorganised into {self.label(succ)}; "
                                   f"showing {self.label(succ)}")
            earlier = [p for p in self._predecessors(org) if self._iri(p) in pool]
            if earlier:
                listed = "、".join(sorted(self.label(self._iri(p)) for p in earlier))
                raise KgError(f"no {what} {name!r} {where}; it was formed from {listed}: name one of them, or map "
                              f"them to it with {option('--as-of YEAR', 'as_of=YEAR')}")
        choices = [n for org in pool for n in self._orgs.names.get(org, ()) if _cjk(n) == _cjk(text)]
        near = did_you_mean(text, choices)
        if not near:
            near = "; " + (option("kg centrality", "g.centrality()") + " lists the departments with tasks"
                           if among is not None else
                           option("kg query organisation_names", 'g.query("organisation_names")') + " lists them")
        raise KgError(f"no {what} {name!r} {where}" + near)

    def _successors(self, org: str, year: int) -> list[str]:
        org_id = self._id(org)
        if org_id is None or org_id not in self.table:
            return [org_id or org]
        return self.table.successors_at(org_id, year)

    def _predecessors(self, org: str) -> list[str]:
        org_id = self._id(org)
        if org_id is None or org_id not in self.table:
            return []
        return list(self.table.get(org_id).predecessors)

    def document(self, number: str, among=None, where: str = "in the graph") -> Found:
        """The graph's document number that ``number`` means, whatever brackets it is typed with.

        ``among`` limits the numbers (the documents that have tasks, say).
        """
        if among is None and self._numbered is not None and self._numbers is None and self._numbered(number):
            return Found(number)  # as the graph writes it: no need to read all its numbers
        numbers = self.numbers if among is None else sorted(set(among))
        keys = {name_key(n): n for n in numbers}
        hit = keys.get(name_key(number))
        if hit is not None:
            return Found(hit)
        if among is not None and name_key(number) in {name_key(n) for n in self.numbers}:
            raise KgError(f"document {number} has no tasks {where}")
        raise KgError(f"no document numbered {number!r} {where}" + did_you_mean(number.strip(), numbers))

    def english(self) -> dict[str, str]:
        """Every Chinese name of an organisation that has an English one → the English name (for ``lang="en"``)."""
        out = {}
        for org, en in self._orgs.en.items():
            for n in self._orgs.names.get(org, ()):
                if n != en:
                    out.setdefault(n, en)
        return out


def typed_year(value, name: str) -> int | None:
    """A year keyword as an int: ``2017`` or ``"2017"``; anything else is an error, never a silent empty slice.

    Examples
    --------
    >>> typed_year("2017", "year"), typed_year(2019, "as_of"), typed_year(None, "year")
    (2017, 2019, None)
    >>> typed_year("2017年", "as_of")
    Traceback (most recent call last):
    kg.errors.KgError: as_of='2017年' is not a year (e.g. as_of=2019)
    """
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    raise KgError(f"{name}={value!r} is not a year (e.g. {name}=2019)")


def param_text(value) -> str:
    """A keyword's value as a query parameter's text (a date as ISO, a number as written)."""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
