"""The optional extras (``pyproject.toml``) and the one line a missing one gives.

A command or method that needs a package of an extra imports it through
:func:`need`, so a user who installed only ``pip install -e .`` reads which
extra to install instead of a ``ModuleNotFoundError`` traceback.
"""

from __future__ import annotations

import importlib

from .errors import MissingExtra

__all__ = ["EXTRAS", "need"]

#: The extra that installs each optional module (a test checks pyproject.toml agrees).
EXTRAS = {"matplotlib": "figures", "pandas": "notebook"}


def need(module: str, what: str):
    """``module`` imported, or a :class:`~kg.errors.MissingExtra` naming the extra that installs it.

    Examples
    --------
    >>> need("json", "kg")  # doctest: +ELLIPSIS
    <module 'json' from ...>
    >>> EXTRAS["no_such_module"] = "figures"
    >>> need("no_such_module", "kg figure")
    Traceback (most recent call last):
    kg.errors.MissingExtra: kg figure needs no_such_module, which is not installed; pip install 'kg-gazette[figures]' (or pip install -e '.[figures]' in a checkout)
    >>> del EXTRAS["no_such_module"]
    """
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        top = module.split(".")[0]
        if exc.name is None or exc.name.split(".")[0] != top:
            raise
        raise MissingExtra(what, top, EXTRAS[top]) from None
