"""Province-level units: names, short names, abbreviations, the level prefix their documents write.

The table (``kg/reference/data/provinces.json``) holds the 31 provinces,
autonomous regions and municipalities, 新疆生产建设兵团 (code ``xpcc``: it has
no GB/T 2260 code), 台湾, 香港 and 澳门. ``level_prefix`` is the word a
province's own documents write before a department's short form (``省``
发展改革委, ``自治区`` or ``区`` 党委, ``市`` 教委 in a municipality, ``兵团``).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

__all__ = ["load_provinces", "province", "GOVERNED_TYPES"]

#: Province-level types that have departments of their own in the function scheme.
GOVERNED_TYPES = ("province", "autonomous_region", "municipality", "corps")


@lru_cache(maxsize=1)
def load_provinces() -> tuple[dict, ...]:
    """The province table: one dict a unit (``code``, ``name``, ``short``, ``abbreviations``, ``name_en``, …).

    Examples
    --------
    >>> [p["name"] for p in load_provinces()][:3], len(load_provinces())
    (['北京市', '天津市', '河北省'], 35)
    """
    text = resources.files("kg.reference.data").joinpath("provinces.json").read_text("utf-8")
    return tuple(json.loads(text)["provinces"])


@lru_cache(maxsize=None)
def province(key: str) -> dict | None:
    """The unit with this code, name or short name, or ``None``.

    Examples
    --------
    >>> province("宁夏")["level_prefix_alternatives"], province("xpcc")["short"]
    (['区'], '兵团')
    """
    return next((p for p in load_provinces() if key in (p["code"], p["name"], p["short"])), None)
