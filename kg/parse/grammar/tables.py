"""Annex tables: HTML tags in cells, numbered items, industry columns and what titles name.

Examples
--------
>>> TAG.sub("", "<p>甲</p>"), [m.group(1) for m in CELL_ITEM.finditer("1. 甲。 2. 乙")]
('甲', ['1', '2'])
>>> bool(INDUSTRY_COLUMN.match("产业名称")), SCHEME_SUFFIX.sub("", "八大万亿产业质量提升工程目录")
(True, '八大万亿产业')
>>> SUBJECT_INDUSTRY.search("关于石化产业调结构的意见").group("name"), COLUMN_YEAR.search("2018年目标").group(1)
('石化', '2018')
"""

from __future__ import annotations

import re

__all__ = ["TAG", "CELL_ITEM", "INDUSTRY_COLUMN", "SCHEME_SUFFIX", "SUBJECT_INDUSTRY", "COLUMN_YEAR"]

#: An HTML tag inside a cell: <p>, </li>
TAG = re.compile(r"<[^>]*>")

#: A numbered statement inside a cell: 1. … 2. …
CELL_ITEM = re.compile(r"""
    (?:(?<=^)|(?<=[\s。;]))      # at the start or after a space or a full stop
    (\d{1,2})\s*[.、]\s*         # 1.
    (?=[^\d\s])                  # not 1.5
    """, re.VERBOSE)

#: A header naming the industry column: 产业, 服务领域 …
INDUSTRY_COLUMN = re.compile(r"^(产业|行业|服务领域|领域|项目)")

#: What closes an annex title naming a scheme: 质量提升工程目录
SCHEME_SUFFIX = re.compile(r"(质量提升)?(工程|项目|行动)?(目录|清单|一览表|表)$")

#: The industry a document is about: 关于石化产业…
SUBJECT_INDUSTRY = re.compile(r"""
    关于(?:推进|促进|加快|支持|推动)?     # 关于推进
    (?P<name>[\u4e00-\u9fff]{2,6}?)       # 石化
    (?P<kind>产业|行业)                   # 产业
    """, re.VERBOSE)

#: A year in a table header: 2018年
COLUMN_YEAR = re.compile(r"(\d{4})\s*年")
