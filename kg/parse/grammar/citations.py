"""Cited documents: a title in 《》 with its number, the verbs that cite, policy instruments.

Examples
--------
>>> TITLED.search("根据《质量发展纲要》(国发〔2012〕9号)").group("title", "num")
('质量发展纲要', '国发〔2012〕9号')
>>> bool(CITING_VERB.search("贯彻落实")), bool(CONNECTOR.match("和")), POLICY_WORDS.search("若干意见").group(1)
(True, True, '意见')
"""

from __future__ import annotations

import re

__all__ = ["TITLED", "CITING_VERB", "CONNECTOR", "POLICY_WORDS"]

#: 《title》 with its number in parentheses after it, or not: 《质量发展纲要》(国发〔2012〕9号)
TITLED = re.compile(r"""
    《(?P<title>[^《》]{2,120})》                            # 《质量发展纲要》
    \s*(?:\(\s*(?P<num>[^()]{4,30}?号)\s*\))?                # (国发〔2012〕9号)
    """, re.VERBOSE)

#: Verbs that cite a document: 根据, 按照, 贯彻 …
CITING_VERB = re.compile(r"(根据|按照|依据|依照|贯彻|落实|实施|执行|遵照|参照)")

#: What may stand between two titles of one list: 和, 及, 、
CONNECTOR = re.compile(r"^[\s和及与、,]*$")

#: The word a policy instrument's title ends with: 意见, 纲要, 条例 …
POLICY_WORDS = re.compile(r"(通知|意见|决定|办法|规定|方案|纲要|规划|计划|条例|细则|法|批复|函|指导意见|实施意见|通报)$")
