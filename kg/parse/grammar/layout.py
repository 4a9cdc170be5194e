"""The furniture of a gazette issue: its title, numbers, publication date, serial and table of contents.

Examples
--------
>>> bool(GAZETTE.match("浙江省人民政府公报")), ISSUE_NUMBER.search("第24期(总第1173期)").groups()
(True, ('24', '1173'))
>>> YEAR_ISSUE.search("2017 年第 24 期(总第 1173 期)").groups()
('2017', '24', '1173')
>>> PUBLISHED.search("9 月 4 日出版").groups(), SERIAL.search("CN 33-1354/D").group(0)
((None, '9', '4'), 'CN 33-1354/D')
>>> bool(TOC_HEAD.match("目 录")), TOC_PAGE.search("关于…的通知 (3)").group(1), TOC_CATEGORY.match("【省政府文件】").group(1)
(True, '3', '省政府文件')
"""

from __future__ import annotations

import re

__all__ = ["GAZETTE", "ISSUE_NUMBER", "YEAR_ISSUE", "PUBLISHED", "SERIAL", "TOC_HEAD", "TOC_PAGE", "TOC_CATEGORY"]

#: The gazette's name on a line of its own (spaces removed first).
GAZETTE = re.compile(r"""
    ^[\u4e00-\u9fff]{2,20}?
    (?: 人民政府公报      # 浙江省人民政府公报
      | 政府公报          # 杭州市政府公报
      | 公报 )$           # 国务院公报
    """, re.VERBOSE)

#: 第24期(总第1173期)
ISSUE_NUMBER = re.compile(r"第\s*(\d+)\s*期 \s*\(\s* 总\s*第\s*(\d+)\s*期 \s*\)", re.VERBOSE)

#: 2017年第24期, with the cumulative number when given: 2017年第24期(总第1173期)
YEAR_ISSUE = re.compile(r"(\d{4})\s*年 \s*第\s*(\d+)\s*期 (?:\s*\(\s* 总\s*第\s*(\d+)\s*期 \s*\))?", re.VERBOSE)

#: 9月4日出版, 2017年9月4日出版
PUBLISHED = re.compile(r"(?:(\d{4})\s*年\s*)? (\d{1,2})\s*月 \s*(\d{1,2})\s*日 \s*出版", re.VERBOSE)

#: The periodical's serial number: CN33-1354/D
SERIAL = re.compile(r"CN \s*\d{2}\s* - \s*\d{4}\s* / \s*[A-Z]", re.VERBOSE)

#: 目录 / 目 录
TOC_HEAD = re.compile(r"^目\s*录$")

#: A page number closing a table of contents line: (3)
TOC_PAGE = re.compile(r"\(\s*(\d{1,4})\s*\)\s*$")

#: A category line of the table of contents: 【省政府办公厅文件】
TOC_CATEGORY = re.compile(r"^\s*【(.+)】\s*$")
