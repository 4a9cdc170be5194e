"""What a document's title and its first lines say: its kind, what it transmits, its annexes.

Examples
--------
>>> KIND.search("关于加强工作的实施意见").group(1), ENCLOSED.search("关于印发三年行动计划的通知").group(1)
('意见', '三年行动计划')
>>> ANNEX_LIST.match("附件:1. 重点任务分工").groups(), ANNEX_ITEM.match("2. 工程目录").groups()
(('1', '重点任务分工'), ('2', '工程目录'))
"""

from __future__ import annotations

import re

from .words import one_of

__all__ = ["DOCUMENT_KINDS", "KIND", "ENCLOSED", "ANNEX_LIST", "ANNEX_ITEM"]

#: The word a title ends with says what kind of document it is.
DOCUMENT_KINDS = ("通知", "通报", "意见", "决定", "办法", "规定", "方案", "批复", "函", "公告", "通告", "命令", "令",
                  "规划", "计划", "条例", "细则", "纲要", "报告")
KIND = re.compile(f"({one_of(DOCUMENT_KINDS)})$")

#: A document that transmits another: 关于印发《…》的通知, 关于转发…的函
ENCLOSED = re.compile(r"""
    (?:印发|转发|批转)     # 印发
    (.+?)                  # 三年行动计划
    的(?:通知|函)$         # 的通知
    """, re.VERBOSE)

#: The annex list after the body: 附件:1. 重点任务分工 (the first item may follow on the line)
ANNEX_LIST = re.compile(r"^\s*附\s*件\s*:\s* (?:(\d{1,2})\s*[.、]\s*)? (.*)$", re.VERBOSE)

#: A further item of the annex list: 2. 工程目录
ANNEX_ITEM = re.compile(r"^\s*(\d{1,2})\s*[.、]\s*(.+)$")
