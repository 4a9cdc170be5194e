"""Section markers: 一、 / (一) / 1. / (1) / 附件N, and where a heading's title ends.

Examples
--------
>>> [(kind, p.match(t).group(1)) for t in ("三、总体要求", "(二)标题", "12. 推进", "(3)细则")
...  for kind, p in HEADINGS if p.match(t)]
[('cn', '三'), ('paren', '二'), ('num', '12'), ('paren-num', '3')]
>>> HEADINGS[2][1].match("1.5万亿元") is None, ANNEX_HEADING.match("附件 2").group(1)
(True, '2')
"""

from __future__ import annotations

import re

__all__ = ["HEADINGS", "ANNEX_HEADING", "TITLE_END"]

#: Heading markers by kind, in the order they are tried; group 1 is the number.
HEADINGS = (
    ("cn", re.compile(r"^\s* ([一二三四五六七八九十]{1,3}) \s*、\s*", re.VERBOSE)),             # 三、
    ("paren", re.compile(r"^\s* \(\s*([一二三四五六七八九十]{1,3})\s*\) \s*", re.VERBOSE)),    # (二)
    ("num", re.compile(r"^\s* (\d{1,2}) \s*[.、](?!\d) \s*", re.VERBOSE)),                     # 12. (not 1.5)
    ("paren-num", re.compile(r"^\s* \(\s*(\d{1,2})\s*\) \s*", re.VERBOSE)),                   # (3)
)

#: An annex heading on a line of its own: 附件, 附件2
ANNEX_HEADING = re.compile(r"^\s*附\s*件\s*(\d{1,2})?\s*$")

#: Where a heading's title ends: 。 : ;
TITLE_END = re.compile(r"[。:;]")
