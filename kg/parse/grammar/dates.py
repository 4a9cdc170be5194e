"""Dates as documents write them: 2017年7月20日, 2017 年 7 月 20 日, 二○○九年十二月三十一日.

Examples
--------
>>> [m.group(0) for m in DATE_PATTERN.finditer("2017 年 7 月 20 日印发;二○○九年十二月三十一日")]
['2017 年 7 月 20 日', '二○○九年十二月三十一日']
"""

from __future__ import annotations

import re

from ...text.numbers import chinese_to_int

__all__ = ["DATE_PATTERN", "parse_date"]

DATE_PATTERN = re.compile(r"""
    (?P<y> \d[\d\s]{3,6} | [〇○零O一二三四五六七八九]{4} )   # 2017, 2 0 1 7 or 二○一七
    \s*年\s*
    (?P<m> \d[\d\s]? | [一二三四五六七八九十]{1,2} )          # 7 or 七
    \s*月\s*
    (?P<d> \d[\d\s]? | [一二三四五六七八九十]{1,3} )          # 20 or 二十
    \s*日
    """, re.VERBOSE)


def parse_date(text: str) -> str | None:
    """The ISO date of the first date in ``text``, or ``None``.

    Examples
    --------
    >>> parse_date("2017 年 7 月 20 日")
    '2017-07-20'
    >>> parse_date("二○○九年十二月三十一日")
    '2009-12-31'
    >>> parse_date("2017年13月1日") is None
    True
    """
    m = DATE_PATTERN.search(text)
    if not m:
        return None
    y, mo, d = (chinese_to_int(m.group(k).replace(" ", "")) for k in "ymd")
    if None in (y, mo, d) or not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2200):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"
