"""Provinces: their names, abbreviations and the document-number prefixes that name them."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

__all__ = ["load_provinces", "province_of_text"]


@lru_cache(maxsize=1)
def load_provinces():
    """The province table: list of dicts with name, short, abbreviation, name_en."""
    text = resources.files("kg.reference.data").joinpath("provinces.json").read_text("utf-8")
    return json.loads(text)["provinces"]


def province_of_text(*clues: str | None) -> str | None:
    """The province named by the first clue that names one.

    Clues are tried in order: a gazette title (``浙江省人民政府公报``), an
    issuer (``江苏省人民政府办公厅``), a document number (``浙政办发…``).

    Examples
    --------
    >>> province_of_text(None, "浙政办发〔2017〕72号")
    '浙江省'
    >>> province_of_text("江苏省人民政府公报")
    '江苏省'
    """
    provinces = load_provinces()
    for clue in clues:
        if not clue:
            continue
        for p in provinces:
            if clue.startswith((p["name"], p["short"])):
                return p["name"]
        for p in provinces:
            if re.match(re.escape(p["abbreviation"]) + r"[\u4e00-\u9fff]{0,6}[〔\[(]", clue):
                return p["name"]
    return None
