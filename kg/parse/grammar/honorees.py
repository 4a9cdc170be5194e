"""Commendation lists: headings that declare a count, person lines, and the titles that end a position.

Examples
--------
>>> DECLARED.match("先进单位(41 个)").group("category", "count", "unit")
('先进单位', '41', '个')
>>> DECLARED.match("先进市(2 个):杭州市、金华市").group("list")
'杭州市、金华市'
>>> PERSON.match("郑 盛 临安市人力社保局党委书记、局长").group("name", "position")
('郑 盛', '临安市人力社保局党委书记、局长')
>>> POSITION_TITLE.search("临安市人力社保局党委书记、局长").group(0)
'党委书记、局长'
"""

from __future__ import annotations

import re

from .words import one_of

__all__ = ["COUNT_UNITS", "DECLARED", "PERSON", "TITLES", "POSITION_TITLE"]

#: Measure words of a declared count: 个 (units), 名 (people) …
COUNT_UNITS = ("个", "名", "人", "家", "位", "项")

#: A heading that declares a count, with the list on the same line or not: 先进单位(41 个), 先进市(2 个):杭州市
DECLARED = re.compile(r"""
    ^(?P<category>.+?) \s*                           # 先进单位
    \(\s*(?P<count>\d+)\s*(?P<unit>""" + one_of(COUNT_UNITS) + r""")\s*\) \s*   # (41 个)
    (?::\s*(?P<list>.*))?$                           # :杭州市、金华市
    """, re.VERBOSE)

#: One person a line, the name padded or not: 郑 盛 临安市…局长, - 王小明 …主任
PERSON = re.compile(r"""
    ^\s*(?:[-*•]\s*)?                                    # a bullet
    (?P<name>[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3}?)   # 郑 盛, 王小明
    \s+
    (?P<position>\S.*?)\s*$                              # 临安市人力社保局党委书记、局长
    """, re.VERBOSE)

#: Titles that end a position text (the organisation stands before them).
TITLES = ("部长", "政治委员", "政委", "主任医师", "主任", "干部", "职工", "参谋", "科长", "处长", "书记", "局长", "镇长",
          "乡长", "干事", "支队长", "大队长", "医师", "委员", "司令员", "院长", "校长", "所长", "站长", "队长", "教师",
          "民警", "科员")

#: The titles closing a position: 党委书记、局长, 原副部长兼科长
POSITION_TITLE = re.compile(r"""
    (?: [、]?                                  # 、 between two titles
        (?:原|党委|党组|专职|兼)* (?:副)?      # 原副
        (?:""" + "|".join(TITLES) + r""")      # 部长
        (?:兼[^、]*?(?:科长|部长|主任|参谋))?   # 兼…科长
    )+$""", re.VERBOSE)
