"""Written forms: the key under which names are compared, and the level words that open relative names.

A name is compared by its key: whitespace removed (``国 务 院`` is ``国务院``),
brackets folded to ``()``, full-width punctuation and traditional characters
folded (:func:`kg.text.index.normalise`). Relative names open with a level
word (``省发展改革委``, ``市财政局``, ``自治区党委``): the word names a
jurisdiction relative to the document's own.
"""

from __future__ import annotations

import re

from ..text.index import FOLD, normalise

__all__ = ["mention_key", "table_key", "LEVEL_WORDS", "level_word"]

_BRACKETS = str.maketrans("〔〕[]【】", "()()()")
#: Full-width punctuation folded (as :func:`~kg.text.index.normalise` does), then brackets.
_TABLE_FOLD = {**FOLD, **{ord(a): ord(b) for a, b in zip("〔〕[]【】", "()()()")}}
_SPACE = re.compile(r"\s+")

#: Words that open a relative name, longest first: the jurisdiction they name depends on the document.
LEVEL_WORDS = ("自治区", "兵团", "地区", "省", "市", "州", "盟", "县", "区", "旗")
#: Names that open with a level word's character without being relative (市场监管局).
_NOT_LEVEL = ("市场", "区域", "县域")


def mention_key(name: str) -> str:
    """The form under which names are compared.

    Examples
    --------
    >>> mention_key("各市、县〔市、区〕 政府")
    '各市、县(市、区)政府'
    >>> mention_key("省經信廳")
    '省经信厅'
    >>> mention_key("国 务 院")
    '国务院'
    """
    return _SPACE.sub("", normalise(name)).translate(_BRACKETS)


def table_key(form: str) -> str:
    """:func:`mention_key` of a form the tables write (simplified characters): no character conversion.

    Examples
    --------
    >>> table_key("省（区、市）人民政府") == mention_key("省（区、市）人民政府")
    True
    """
    return _SPACE.sub("", form).translate(_TABLE_FOLD)


def level_word(form: str) -> str | None:
    """The level word a form opens with, if any.

    Examples
    --------
    >>> level_word("自治区党委"), level_word("市委组织部"), level_word("财政部")
    ('自治区', '市', None)
    >>> level_word("市场监管局"), level_word("市市场监管局")
    (None, '市')
    """
    word = next((w for w in LEVEL_WORDS if form.startswith(w)), None)
    return None if form.startswith(_NOT_LEVEL) else word
