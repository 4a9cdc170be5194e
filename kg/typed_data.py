"""Plain data (what JSON gives) back into typed values, driven by the type annotations alone.

What :func:`kg.records.from_data` runs on: dataclasses (their fields and
annotations), ``list[X]``, ``tuple[X, ...]``, ``dict[K, V]``, ``X | None``
(members tried in written order), enums (the :mod:`kg.vocabulary` words), a
``str`` subclass that reads itself back with a ``from_spelling`` class method
(:class:`~kg.records.DocNumber`), ``str``, ``int``, ``float`` and ``bool``.
Nothing in the data is trusted: a missing or unknown field, a value of the
wrong type or a word outside its vocabulary is a
:class:`~kg.errors.ValidationError` naming the field.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from functools import lru_cache

from .errors import ValidationError

__all__ = ["rebuild"]


@lru_cache(maxsize=None)
def _fields(cls) -> tuple:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name], f.default is not dataclasses.MISSING
                  or f.default_factory is not dataclasses.MISSING) for f in dataclasses.fields(cls))


def rebuild(tp, value, where: str):
    """The value of type ``tp`` that plain ``value`` (JSON data) stands for, or a :class:`ValidationError` at ``where``.

    Examples
    --------
    >>> from dataclasses import dataclass
    >>> @dataclass
    ... class Point:
    ...     x: int
    ...     tags: tuple[str, ...] = ()
    >>> rebuild(list[Point], [{"x": 1, "tags": ["a"]}], "points")
    [Point(x=1, tags=('a',))]
    >>> rebuild(Point, {"x": "1"}, "point")
    Traceback (most recent call last):
    kg.errors.ValidationError: Point.x: expected int, not '1'
    """
    return _decoder(tp)(value, where)


def _place(where) -> str:
    """``where`` as written in a message: a field name, or (container, index) pairs built lazily."""
    if isinstance(where, tuple):
        return f"{_place(where[0])}[{where[1]!r}]" if isinstance(where[1], str) else f"{_place(where[0])}[{where[1]}]"
    return where


@lru_cache(maxsize=None)
def _decoder(tp):
    """A function ``(value, where) -> typed value`` for ``tp``, built once per type."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return _union(args)
    if origin in (list, tuple):
        return _sequence(_decoder(args[0]) if args else _any, origin)
    if origin is dict:
        return _mapping(_decoder(args[0]), _decoder(args[1]))
    if dataclasses.is_dataclass(tp):
        return _record(tp)
    if isinstance(tp, type) and issubclass(tp, str) and hasattr(tp, "from_spelling"):
        return _spelled(tp)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _word(tp)
    if tp in (int, float, str, bool):
        return _scalar(tp)
    raise TypeError(f"from_data cannot rebuild values annotated {tp!r}")


def _any(value, where):
    return value


def _union(args):
    nullable = type(None) in args
    members = [_decoder(arg) for arg in args if arg is not type(None)]
    names = " or ".join(getattr(a, "__name__", str(a)) for a in args)

    def decode(value, where):
        if value is None and nullable:
            return None
        for member in members:
            try:
                return member(value, where)
            except ValidationError:
                continue
        raise ValidationError(f"{_place(where)}: {value!r} is not a {names}")
    return decode


def _sequence(item, origin):
    def decode(value, where):
        if not isinstance(value, list):
            raise ValidationError(f"{_place(where)}: expected a list, not {type(value).__name__}")
        items = [item(v, (where, i)) for i, v in enumerate(value)]
        return items if origin is list else tuple(items)
    return decode


def _mapping(key, item):
    def decode(value, where):
        if not isinstance(value, dict):
            raise ValidationError(f"{_place(where)}: expected an object, not {type(value).__name__}")
        return {key(k, where): item(v, (where, k)) for k, v in value.items()}
    return decode


def _record(tp):
    fields = [(name, _decoder(hint), f"{tp.__name__}.{name}", optional) for name, hint, optional in _fields(tp)]
    names = frozenset(name for name, *_ in fields)

    def decode(value, where):
        if not isinstance(value, dict):
            raise ValidationError(f"{_place(where)}: expected an object, not {type(value).__name__}")
        if not names.issuperset(value):
            raise ValidationError(f"{_place(where)}: unknown field {sorted(set(value) - names)[0]!r}")
        kwargs = {}
        for name, field_decoder, field_where, optional in fields:
            if name in value:
                kwargs[name] = field_decoder(value[name], field_where)
            elif not optional:
                raise ValidationError(f"{_place(where)}: field {name!r} is missing")
        return tp(**kwargs)
    return decode


def _spelled(tp):
    def decode(value, where):
        if not isinstance(value, str):
            _wrong(_place(where), value, tp)
        try:
            return tp.from_spelling(value)
        except ValueError:
            raise ValidationError(f"{_place(where)}: {value!r} is not a {tp.__name__}") from None
    return decode


def _word(tp):
    def decode(value, where):
        try:
            return tp(value)
        except ValueError:
            raise ValidationError(f"{_place(where)}: {value!r} is not a {tp.__name__}") from None
    return decode


def _scalar(tp):
    if tp in (int, float):
        accepted = (int, float) if tp is float else int

        def decode(value, where):
            if isinstance(value, accepted) and not isinstance(value, bool):
                return value
            _wrong(_place(where), value, tp)
        return decode

    def decode(value, where):
        if isinstance(value, tp):
            return value
        _wrong(_place(where), value, tp)
    return decode


def _wrong(where: str, value, tp):
    raise ValidationError(f"{where}: expected {tp.__name__}, not {value!r}")
