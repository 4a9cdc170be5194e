"""Responsibility clauses: the labels that open lists, the verbs that give roles, the rules stated once.

Examples
--------
>>> m = LABEL.match("牵头单位:省发改委")
>>> m.group(1), LABEL_ROLES[m.group(1)]
('牵头单位', 'lead')
>>> bool(FIRST_LEADS.search("列第一位的为牵头单位")), bool(SAME_BELOW.match("下同"))
(True, True)
>>> LEAD_VERB.search("省发改委牵头").group(1), PARTICIPANT_VERB.search("省财政厅配合").group(1)
('牵头', '配合')
>>> ETC.search("省发改委等部门").group(0), PARENS.findall("(甲〔乙〕)")
('等部门', ['(', '〔', '〕', ')'])
"""

from __future__ import annotations

import re

from ...vocabulary import Role
from .words import one_of

__all__ = ["LABEL_ROLES", "LABEL", "FIRST_LEADS", "SAME_BELOW", "LEAD_VERB", "PARTICIPANT_VERB", "ETC", "PARENS"]

#: Labels that open a list, and the role of everyone under them.
LABEL_ROLES = {
    "总牵头单位": Role.OVERALL_LEAD, "牵头单位": Role.LEAD, "牵头部门": Role.LEAD, "主办单位": Role.LEAD,
    "主责单位": Role.LEAD, "责任单位": Role.RESPONSIBLE, "责任部门": Role.RESPONSIBLE,
    "实施单位": Role.RESPONSIBLE, "配合单位": Role.PARTICIPANT, "配合部门": Role.PARTICIPANT,
    "参与单位": Role.PARTICIPANT, "参与部门": Role.PARTICIPANT, "协办单位": Role.PARTICIPANT,
    "协助单位": Role.PARTICIPANT, "协同单位": Role.PARTICIPANT,
}

#: A label and its colon: 牵头单位:
LABEL = re.compile(f"({one_of(LABEL_ROLES)})" + r"\s*:\s*")

#: The rule that the first-listed unit leads: 列第一位的为牵头单位, 排在第一的单位为牵头部门
FIRST_LEADS = re.compile(r"""
    (?:列|排)? 在? 第一[位个]? 的?      # 列第一位的, 排在第一
    (?:单位|部门)?                     # 单位
    为牵头(?:单位|部门)                # 为牵头单位
    """, re.VERBOSE)

#: A rule that holds for the rest of the document: 下同
SAME_BELOW = re.compile(r"^\s*(?:下同|以下同|后同)\s*$")

#: A verb closing a list that leads: 牵头, 总牵头, 牵头负责
LEAD_VERB = re.compile(r"(总牵头|牵头负责|牵头)\s*$")

#: A verb closing a list that takes part: 配合, 按职责分工负责, 负责
PARTICIPANT_VERB = re.compile("(" + one_of(("配合", "参与", "参加", "协助", "协同", "共同负责", "按职责分工负责",
                                            "分工负责", "负责")) + r")\s*$")

#: A list left open: 等, 等部门, 等有关单位
ETC = re.compile(r"""
    (?: 等(?:有关|相关)?(?:单位|部门)?     # 等有关部门
      | 等 ) \s*$                          # 等
    """, re.VERBOSE)

#: The brackets a clause may sit in: ( ) 〔 〕
PARENS = re.compile(r"[()〔〕]")
