"""Dates as documents write them: 2017年7月20日, 2017 年 7 月 20 日, 二○○九年十二月三十一日.

Examples
--------
>>> [m.group(0) for m in DATE_PATTERN.finditer("2017 年 7 月 20 日印发;二○○九年十二月三十一日")]
['2017 年 7 月 20 日', '二○○九年十二月三十一日']
"""

from __future__ import annotations

import datetime
import re

from ...text.numbers import chinese_to_int

__all__ = ["DATE_PATTERN", "date_parts", "calendar_day", "is_calendar_date", "parse_date"]

DATE_PATTERN = re.compile(r"""
    (?P<y> \d[\d\s]{3,6} | [〇○零O一二三四五六七八九]{4} )   # 2017, 2 0 1 7 or 二○一七
    \s*年\s*
    (?P<m> \d[\d\s]? | [一二三四五六七八九十]{1,2} )          # 7 or 七
    \s*月\s*
    (?P<d> \d[\d\s]? | [一二三四五六七八九十]{1,3} )          # 20 or 二十
    \s*日
    """, re.VERBOSE)


def date_parts(text: str) -> tuple[int, int, int] | None:
    """Year, month and day of the first date in ``text`` as printed, or ``None``.

    A date is printed when its month is 1–12, its day 1–31 and its year
    1900–2200; whether the calendar holds that day is :func:`calendar_day`'s
    question, so a line shaped like a date is read as one even when its day
    is a misprint.

    Examples
    --------
    >>> date_parts("二○○九年十二月三十一日"), date_parts("2017年2月30日")
    ((2009, 12, 31), (2017, 2, 30))
    >>> date_parts("2017年13月1日") is None
    True
    """
    m = DATE_PATTERN.search(text)
    if not m:
        return None
    y, mo, d = (chinese_to_int(m.group(k).replace(" ", "")) for k in "ymd")
    if None in (y, mo, d) or not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2200):
        return None
    return y, mo, d


def calendar_day(y: int, mo: int, d: int) -> str | None:
    """The ISO date of year ``y``, month ``mo``, day ``d``, or ``None`` if the calendar has no such day.

    Examples
    --------
    >>> calendar_day(2024, 2, 29), calendar_day(2023, 2, 29), calendar_day(2017, 4, 31)
    ('2024-02-29', None, None)
    """
    try:
        return datetime.date(y, mo, d).isoformat()
    except ValueError:
        return None


def is_calendar_date(iso: str) -> bool:
    """Whether ``iso`` is an ISO date (``2017-07-20``) of a day the calendar has.

    >>> is_calendar_date("2017-07-20"), is_calendar_date("2017-02-30"), is_calendar_date("2017-07")
    (True, False, False)
    """
    try:
        return datetime.date.fromisoformat(iso).isoformat() == iso
    except ValueError:
        return False


def parse_date(text: str) -> str | None:
    """The ISO date of the first date in ``text``, or ``None`` if there is none or the calendar has no such day.

    Examples
    --------
    >>> parse_date("2017 年 7 月 20 日")
    '2017-07-20'
    >>> parse_date("二○○九年十二月三十一日")
    '2009-12-31'
    >>> parse_date("2017年13月1日") is None, parse_date("2017年2月30日") is None
    (True, True)
    """
    parts = date_parts(text)
    return calendar_day(*parts) if parts else None
