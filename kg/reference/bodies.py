"""An organisation, whatever table it comes from, and what resolving a written name gives.

:class:`Organisation` is one canonical body: a Zhejiang department of the
hand-checked table, a central body, a department made from its function's
name pattern (``440100-development-reform``), a collective actor, or a unit
inside another body. :class:`Resolution` is the answer to "which organisation
does this name mean": the organisation, or none, with the reason
(:class:`~kg.vocabulary.ResolutionReason`) and the candidates it could not
choose between.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..vocabulary import ResolutionReason

__all__ = ["Organisation", "Resolution"]


@dataclass(frozen=True)
class Organisation:
    """One canonical organisation.

    ``valid_from``/``valid_to`` are years, the body valid in
    ``[valid_from, valid_to)``: the year of a reform belongs to the successor.
    ``division`` is the code of the division whose body it is (``None`` for
    central bodies and national collectives); ``jurisdiction`` that
    division's path (``广东省广州市``, ``全国``). ``function`` is a concept of
    the function scheme; ``partial`` the predecessors or successors only some
    functions moved to or from; ``link_years`` the year of each such link.

    Examples
    --------
    >>> o = Organisation("x", "甲局", "Bureau A", "provincial_department", "浙江省", valid_from=2009, valid_to=2018)
    >>> o.valid_in(2017), o.valid_in(2018), o.valid_in(None)
    (True, False, True)
    """

    id: str
    name: str
    name_en: str
    kind: str
    jurisdiction: str
    aliases: tuple[str, ...] = ()
    valid_from: int | None = None
    valid_to: int | None = None
    predecessors: tuple[str, ...] = ()
    successors: tuple[str, ...] = ()
    uncertain: bool = False
    note: str = ""
    function: str | None = None
    division: str | None = None
    parent: str | None = None
    partial: tuple[str, ...] = ()
    link_years: tuple[tuple[str, int], ...] = ()
    sources: tuple[str, ...] = ()

    def valid_in(self, year: int | None) -> bool:
        """Whether the body existed in ``year`` (any year when ``None``)."""
        return year is None or ((self.valid_from is None or self.valid_from <= year)
                                and (self.valid_to is None or year < self.valid_to))

    @property
    def collective(self) -> bool:
        return self.kind == "collective"


@dataclass(frozen=True)
class Resolution:
    """What a written name resolves to: an organisation, or none with the candidates.

    ``name`` is the organisation's name in the year asked about (a body
    renamed under one function keeps its id).

    Examples
    --------
    >>> r = Resolution(None, ResolutionReason.AMBIGUOUS, ("cn-a", "cn-b"))
    >>> r.resolved, r.reason.en
    (False, 'ambiguous')
    """

    organisation: Organisation | None
    reason: ResolutionReason
    candidates: tuple[str, ...] = ()
    name: str | None = None

    @property
    def resolved(self) -> bool:
        return self.organisation is not None

    @property
    def id(self) -> str | None:
        return self.organisation.id if self.organisation else None
