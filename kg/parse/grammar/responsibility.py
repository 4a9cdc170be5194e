"""Responsibility clauses: the labels that open lists, the verbs that give roles, the rules stated once.

Matched on normalised text (full-width punctuation folded to ASCII, traditional
characters to simplified ones).

Examples
--------
>>> m = LABEL.match("牵头单位:省发改委")
>>> m.group("label"), LABELS[m.group("label")]
('牵头单位', 'lead')
>>> bool(FIRST_LEADS.search("列第一位的为牵头单位")), bool(SAME_BELOW.match("下同"))
(True, True)
>>> [STANDING.search(t).group("orgs") for t in ("以下各项均由各区人民政府负责落实,不再逐项列出",
...                                            "各市人民政府负责本地区组织实施,不再逐项列出")]
['各区人民政府', '各市人民政府']
>>> ETC.search("省发改委等部门").group(0), PARENS.findall("(甲〔乙〕)")
('等部门', ['(', '〔', '〕', ')'])
>>> [bool(CLAUSE_MARK.search(t)) for t in ("省财政厅负责", "责任单位:省财政厅", "省财政厅,下同", "2018—2020年")]
[True, True, True, False]

Each rule holds its word, so a text without the word is not searched for the rule:

>>> all(LEAD_RULE_WORD in p.pattern for p in (FIRST_LEADS, MARKED_LEADS_WIN, NO_LEAD_MEANS)), STANDING_WORD in STANDING.pattern
(True, True)
"""

from __future__ import annotations

import re

from ...vocabulary import Role
from .words import one_of

__all__ = ["LABELS", "LABEL", "PERSON", "DEADLINE", "SCOPE", "DIVISION", "TASK_TEXT", "VERBS", "ROLE_VERB",
           "JOINT", "FIRST_LEADS", "MARKED_LEADS_WIN", "SAME_BELOW", "NO_LEAD_MEANS", "LEAD_RULE_WORD", "STANDING",
           "STANDING_WORD", "ETC", "PARENS",
           "DEADLINE_TEXT", "POST", "LEAD_MARK", "CLAUSE_WORDS", "CLAUSE_MARK", "ALIAS"]

#: What a label's list holds, when it is not organisations in a role.
PERSON, DEADLINE, SCOPE, DIVISION, TASK_TEXT = "person", "deadline", "scope", "division", "task"

#: Labels that open a list, and what everyone under them is (a role, or persons, a deadline, a scope …).
LABELS = {
    "总牵头单位": Role.OVERALL_LEAD, "总牵头部门": Role.OVERALL_LEAD,
    "牵头单位": Role.LEAD, "牵头部门": Role.LEAD, "牵头责任单位": Role.LEAD, "主办单位": Role.LEAD,
    "主责单位": Role.LEAD, "主要责任单位": Role.LEAD, "牵头处室": Role.LEAD, "牵头机构": Role.LEAD,
    "责任单位": Role.RESPONSIBLE, "责任部门": Role.RESPONSIBLE, "负责部门": Role.RESPONSIBLE,
    "负责单位": Role.RESPONSIBLE, "实施单位": Role.RESPONSIBLE, "承办单位": Role.RESPONSIBLE,
    "落实单位": Role.RESPONSIBLE, "责任主体": Role.RESPONSIBLE, "责任处室": Role.RESPONSIBLE,
    "配合单位": Role.PARTICIPANT, "配合部门": Role.PARTICIPANT, "参与单位": Role.PARTICIPANT,
    "参与部门": Role.PARTICIPANT, "协办单位": Role.PARTICIPANT, "协助单位": Role.PARTICIPANT,
    "协同单位": Role.PARTICIPANT, "协同部门": Role.PARTICIPANT, "协同责任单位": Role.PARTICIPANT,
    "配合处室": Role.PARTICIPANT,
    "指导单位": Role.GUIDING, "指导部门": Role.GUIDING,
    "牵头领导": PERSON, "分管领导": PERSON, "分管省领导": PERSON, "分管市领导": PERSON, "牵头负责领导": PERSON,
    "责任领导": PERSON, "牵头省领导": PERSON, "牵头市领导": PERSON, "联系领导": PERSON, "责任人": PERSON,
    "时限要求": DEADLINE, "完成时限": DEADLINE, "完成时间": DEADLINE, "时间节点": DEADLINE, "完成期限": DEADLINE,
    "适用范围": SCOPE,
    "部门分工": DIVISION,
    "主要任务": TASK_TEXT, "工作任务": TASK_TEXT, "重点任务": TASK_TEXT,
}

#: A label and its colon: 牵头单位:
LABEL = re.compile(f"(?P<label>{one_of(LABELS)})" + r"\s*:\s*")

#: Verbs closing a list of organisations, and the role they give.
VERBS = {
    "总牵头": Role.OVERALL_LEAD,
    "牵头": Role.LEAD, "牵头负责": Role.LEAD, "分别牵头": Role.LEAD, "牵头实施": Role.LEAD, "牵头落实": Role.LEAD,
    "牵头推进": Role.LEAD, "牵头组织": Role.LEAD, "为牵头单位": Role.LEAD,
    "指导": Role.GUIDING, "负责指导": Role.GUIDING, "统筹指导": Role.GUIDING, "指导推进": Role.GUIDING,
    "配合": Role.PARTICIPANT, "参与": Role.PARTICIPANT, "参加": Role.PARTICIPANT, "协助": Role.PARTICIPANT,
    "协同": Role.PARTICIPANT, "配合落实": Role.PARTICIPANT, "配合推进": Role.PARTICIPANT,
    "负责": Role.RESPONSIBLE, "按职责分工负责": Role.RESPONSIBLE, "按职责负责": Role.RESPONSIBLE,
    "分工负责": Role.RESPONSIBLE, "分别负责": Role.RESPONSIBLE, "共同负责": Role.RESPONSIBLE,
    "负责落实": Role.RESPONSIBLE, "落实": Role.RESPONSIBLE, "组织实施": Role.RESPONSIBLE,
    "组织落实": Role.RESPONSIBLE, "具体负责": Role.RESPONSIBLE, "按职责分工落实": Role.RESPONSIBLE,
    "按照职责分工负责": Role.RESPONSIBLE, "依职责负责": Role.RESPONSIBLE, "承担": Role.RESPONSIBLE,
}

#: A role verb closing a segment: 省发改委牵头, 各地落实, 财政部、税务总局按职责分工负责
ROLE_VERB = re.compile(f"(?P<verb>{one_of(VERBS)})" + r"\s*$")

#: 会同: the unit before it leads, the units after it take part (省商务厅会同海关负责)
JOINT = re.compile(r"会同|联合")

#: The rule that the first-listed unit leads: 列第一位的为牵头单位, 排在第一位的部门为牵头部门, 第一责任单位为牵头单位
FIRST_LEADS = re.compile(r"""
    (?: (?:列|排) (?:在|名)? (?:第一位|第一个|第一|首位)      # 列第一位, 排在首位, 排名第一
      | 第一                                                  # 第一责任单位
    )
    (?:的|者)? (?:责任)? (?:单位|部门)?                        # 的, 者, 的部门
    为牵头 (?:单位|部门)? (?:或汇总(?:单位|部门)?)?            # 为牵头单位, 为牵头或汇总单位
    """, re.VERBOSE)

#: Explicit marks win over the first-listed rule: 除标注“牵头”的外
MARKED_LEADS_WIN = re.compile(r"除(?:标注|注明|标明)[“\"]?牵头[”\"]?(?:的|者)?(?:单位)?外")

#: A rule that holds for the rest of the document: 下同
SAME_BELOW = re.compile(r"^\s*(?:下同|以下同|后同|下同。)\s*$")

#: With no lead named, the responsible units lead: 无牵头单位的,责任单位即为牵头单位
NO_LEAD_MEANS = re.compile(r"(?:无|未明确|没有)牵头单位的?[,]?责任单位(?:即|均)?为牵头单位")

#: The word every lead rule above holds (first-listed, marked leads win, no lead means lead)
LEAD_RULE_WORD = "牵头"

#: A standing rule naming units for every later item: 以下各项均由各区人民政府负责落实,不再逐项列出
STANDING = re.compile(r"""
    (?:以下|下列|具体)? (?:各项|任务|工作)? (?:均|都)?
    (?P<by>由|涉及|需)?                                     # 由 (or the units alone, then 负责…)
    (?P<orgs>[^,;。]{2,60}?)
    (?(by) (?:负责落实|负责|落实|组织实施|组织落实|参与)?     # 由各区人民政府负责落实
         | 负责[^,;。]{0,20})                               # 各市人民政府负责本地区组织实施
    [,]? (?:并)? 不再(?:逐项|一一|单独)?(?:列出|做分工|分工|标注)
    """, re.VERBOSE)
#: The word every standing rule holds
STANDING_WORD = "不再"

#: A list left open: 等, 等部门, 等有关单位
ETC = re.compile(r"""
    (?: 等(?:有关|相关)?(?:单位|部门|机构)?     # 等有关部门
      | 等 ) \s*$                              # 等
    """, re.VERBOSE)

#: The brackets a clause may sit in: ( ) 〔 〕 [ ]
PARENS = re.compile(r"[()〔〕\[\]]")

#: A segment that is a deadline or a note, not organisations: 2019年底前完成, 持续推进
DEADLINE_TEXT = re.compile(r"""
    ^\s*(?:
        (?:\d{4}年)?(?:\d{1,2}月)?(?:底|末|中旬|上旬|下旬)?(?:前|内|以前)(?:完成|启动|实现|见效)?   # 2019年底前完成
      | \d{4}年(?:\d{1,2}月)?(?:底|末)?(?:起|开始)?(?:完成|启动|实施)?                        # 2019年完成
      | 年内(?:完成)?                                                                          # 年内完成
      | (?:持续|长期|常态化|逐步|分步|分年度)(?:推进|坚持|开展|实施)                           # 持续推进
      | \d+个(?:工作日|月)内(?:完成)?                                                          # 15个工作日内
      | 每(?:年|季度|月|半年)(?:推进|开展|完成)?                                                # 每年
    )\s*$""", re.VERBOSE)

#: A post, not an organisation: 分管副省长, 市领导
POST = re.compile(r"(?:副?省长|副?市长|副?县长|副?区长|副?秘书长|领导|同志|书记)$")

#: A unit marked as lead inside a list: 省工业和信息化厅(牵头)
LEAD_MARK = re.compile(r"\(\s*(?:牵头|牵头单位|总牵头)\s*\)$")

#: Words whose presence makes a bracket look like a responsibility clause (for the unread-clause notice).
CLAUSE_WORDS = re.compile(r"负责|牵头|配合|参与|落实|责任单位|责任部门")

#: What every clause holds somewhere (a label, a role verb, or the 下同 of a rule): a bracket
#: without any of these is not read as one, e.g. (2018—2020年)
CLAUSE_MARK = re.compile(one_of(tuple(LABELS) + tuple(VERBS) + ("下同", "后同")))

#: A name defined in the text: 洋泾街道社区平安办公室(以下简称“平安办”)
ALIAS = re.compile(r"\(\s*以下(?:简称|称)\s*[“\"](?P<alias>[^”\"]{1,12})[”\"]\s*\)")
