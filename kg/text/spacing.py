"""The stray spaces PDF extraction puts inside Chinese text, collapsed."""

from __future__ import annotations

import re

__all__ = ["tidy"]

#: A space beside a digit inside Chinese text: 2016 年, 第 24 期
_SPACE_NEAR_DIGIT = re.compile(r"""
    (?<=[\d\u4e00-\u9fff(《])\s+(?=\d)        # 关于 2016 → 关于2016
  | (?<=\d)\s+(?=[\u4e00-\u9fff)》%])         # 2016 年 → 2016年
    """, re.VERBOSE)
_SPACE = re.compile(r"\s+")
#: Spaces around 关于 in a title
_SPACE_AROUND_GUANYU = re.compile(r"(?<!\s)\s*(关于)\s*")


def tidy(text: str) -> str:
    """Collapse the stray spaces PDF extraction puts inside Chinese text.

    Spaces between two names (joint issuers) are kept.

    Examples
    --------
    >>> tidy("浙江省人民政府办公厅 浙江省军区办公室 关于 2016 年征兵工作的通报")
    '浙江省人民政府办公厅 浙江省军区办公室关于2016年征兵工作的通报'
    """
    text = text.strip()
    if not _SPACE.search(text):
        return text
    text = _SPACE_AROUND_GUANYU.sub(r"\1", text)
    text = _SPACE_NEAR_DIGIT.sub("", text)
    return _SPACE.sub(" ", text)
