"""Document numbers (发文字号): 浙政办发〔2017〕72号, with any bracket and stray spaces.

Examples
--------
>>> [doc_number(m) for m in DOC_NUMBER.finditer("根据国办发〔2016〕57号和(浙政办发[2 0 1 7] 72 号)")]
['国办发〔2016〕57号', '浙政办发〔2017〕72号']
"""

from __future__ import annotations

import re

from ...records import DocNumber
from .words import one_of

__all__ = ["DOC_NUMBER", "ANNOUNCEMENT", "ORDER", "CITING_WORDS", "doc_number", "any_number"]

#: Words that may stand right before a cited number and are not part of its prefix.
CITING_WORDS = ("根据", "按照", "依据", "依照", "参照", "贯彻落实", "贯彻", "落实", "印发", "转发", "和", "及", "与",
                "的", "经", "将", "对", "由", "以", "见", "并", "或")

DOC_NUMBER = re.compile(r"""
    (?:""" + one_of(CITING_WORDS) + r""")?     # 根据 (国办发〔2016〕57号): not part of the prefix
    (?P<prefix>[\u4e00-\u9fff]{1,12}?)         # 浙政办发
    \s* [〔\[(【] \s*                          # 〔 or [ ( 【
    (?P<year>\d(?:\s*\d){3})                   # 2017, or 2 0 1 7
    \s* [〕\])】]                              # 〕
    \s* (?:第\s*)?                             # 第 (第72号)
    (?P<seq>\d(?:\s*\d){0,4})                  # 72
    \s* 号
    """, re.VERBOSE)


def doc_number(match: re.Match) -> DocNumber:
    """The :class:`~kg.records.DocNumber` of a :data:`DOC_NUMBER` match.

    Examples
    --------
    >>> n = doc_number(DOC_NUMBER.search("(浙政办发[2 0 1 7] 72 号)"))
    >>> n, n.key
    ('浙政办发〔2017〕72号', '浙政办发-2017-72')
    """
    year = re.sub(r"\s", "", match.group("year"))
    seq = re.sub(r"\s", "", match.group("seq"))
    return DocNumber(match.group("prefix"), int(year), int(seq))


#: An announcement's number: 国家林业和草原局公告(2024年第1号)
ANNOUNCEMENT = re.compile(r"""
    (?P<prefix>[\u4e00-\u9fff]{2,20}?公告)            # 国家林业和草原局公告
    \s* \(? \s* (?P<year>\d{4}) \s* 年 \s*           # (2024年
    第 \s* (?P<seq>\d{1,4}) \s* 号 \s* \)?            # 第1号)
    """, re.VERBOSE)

#: An order's number: 国家林业局令第45号, 中华人民共和国国务院令 第708号
ORDER = re.compile(r"""
    (?P<prefix>[\u4e00-\u9fff]{2,20}?令)                # 国家林业局令
    \s* \(? \s* 第 \s* (?P<seq>\d{1,4}) \s* 号          # 第45号
    """, re.VERBOSE)


def any_number(text: str) -> DocNumber | None:
    """The first document number of any style in ``text``, or ``None``.

    Examples
    --------
    >>> any_number("国家林业和草原局公告(2024年第1号)"), any_number("林生发〔2022〕104号"), any_number("令第45号")
    ('国家林业和草原局公告2024年第1号', '林生发〔2022〕104号', None)
    """
    m = DOC_NUMBER.search(text)
    if m:
        return doc_number(m)
    m = ANNOUNCEMENT.search(text)
    if m:
        return DocNumber(m.group("prefix"), int(m.group("year")), int(m.group("seq")), "announcement")
    m = ORDER.search(text)
    if m:
        return DocNumber(m.group("prefix"), None, int(m.group("seq")), "order")
    return None
