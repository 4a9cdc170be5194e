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
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        for arg in args:
            if arg is not type(None):
                try:
                    return rebuild(arg, value, where)
                except ValidationError:
                    continue
        raise ValidationError(f"{where}: {value!r} is not a {' or '.join(getattr(a, '__name__', str(a)) for a in args)}")
    if origin in (list, tuple):
        if not isinstance(value, list):
            raise ValidationError(f"{where}: expected a list, not {type(value).__name__}")
        item = args[0] if args else typing.Any
        items = [rebuild(item, v, f"{where}[{i}]") for i, v in enumerate(value)]
        return items if origin is list else tuple(items)
    if origin is dict:
        if not isinstance(value, dict):
            raise ValidationError(f"{where}: expected an object, not {type(value).__name__}")
        return {rebuild(args[0], k, where): rebuild(args[1], v, f"{where}[{k!r}]") for k, v in value.items()}
    if dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            raise ValidationError(f"{where}: expected an object, not {type(value).__name__}")
        fields = _fields(tp)
        unknown = set(value) - {name for name, _, _ in fields}
        if unknown:
            raise ValidationError(f"{where}: unknown field {sorted(unknown)[0]!r}")
        kwargs = {}
        for name, hint, optional in fields:
            if name in value:
                kwargs[name] = rebuild(hint, value[name], f"{tp.__name__}.{name}")
            elif not optional:
                raise ValidationError(f"{where}: field {name!r} is missing")
        return tp(**kwargs)
    if isinstance(tp, type) and issubclass(tp, str) and hasattr(tp, "from_spelling"):
        try:
            return tp.from_spelling(value) if isinstance(value, str) else _wrong(where, value, tp)
        except ValueError:
            raise ValidationError(f"{where}: {value!r} is not a {tp.__name__}") from None
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        try:
            return tp(value)
        except ValueError:
            raise ValidationError(f"{where}: {value!r} is not a {tp.__name__}") from None
    if tp is float:
        return value if isinstance(value, (int, float)) and not isinstance(value, bool) else _wrong(where, value, tp)
    if tp is int:
        return value if isinstance(value, int) and not isinstance(value, bool) else _wrong(where, value, tp)
    if tp in (str, bool):
        return value if isinstance(value, tp) else _wrong(where, value, tp)
    raise TypeError(f"{where}: from_data cannot rebuild values annotated {tp!r}")


def _wrong(where: str, value, tp):
    raise ValidationError(f"{where}: expected {tp.__name__}, not {value!r}")
