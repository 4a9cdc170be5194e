"""Quantitative targets: the verbs that set them, the values and units, the years that govern them.

Examples
--------
>>> m = VALUE.search("达到70%以上")
>>> m.group("lo", "unit", "suffix")
('70', '%', '以上')
>>> VALUE.search("4—5个").group("lo", "hi", "unit")
('4', '5', '个')
>>> VERB.search("全省研发投入年均增长10%").group(0), COMPOUND_COUNT.search("培育创建100家").group(0)
('年均增长', '培育创建')
>>> YEAR.search("力争到2019年底").group("pre", "y", "post")
('力争到', '2019', '底')
>>> [bool(p.search(t)) for p, t in zip(MASKS, ("《纲要》", "“三改一拆”", "(2018—2020年)", "2018—2020年",
...     "2019年底", "7月20日", "第24期", "PM2.5", "H7N9", "31条"))]
[True, True, True, True, True, True, True, True, True, True]
>>> LEAD_TRIM.sub("", "全省力争使"), TAIL_TRIM.sub("", "采标率均"), TREND.search("质量持续提升").group(0)
('', '采标率', '持续提升')
>>> BASELINE.search("比□□□□□").group(0), bool(MARKER.match("(一)")), LATEX.sub(r"\\1\\2", "$PM_{2.5}$")
('比□□□□□', True, 'PM2.5')
"""

from __future__ import annotations

import re

from ...vocabulary import Comparator
from .words import one_of

__all__ = ["UNITS", "VALUE", "LEVEL_VERBS", "CHANGE_VERBS", "COUNT_VERBS", "COMPOUND_COUNT", "VERB",
           "VERB_COMPARATOR", "SUFFIX_COMPARATOR", "YEAR", "MASKS", "LEAD_TRIM", "TAIL_TRIM", "TREND", "DIGIT",
           "BASELINE", "MARKER", "LATEX"]

#: Units a target's value may carry (a magnitude 万亿/亿/万 may stand before them).
UNITS = ("个百分点", "%", "‰", "分", "家", "个", "项", "人", "张", "册", "标台", "台", "座", "所", "元", "吨/年", "吨",
         "平方米", "平方公里", "公里/百平方公里", "公里", "千米", "微克/立方米", "毫克/立方米", "立方米", "天", "倍",
         "次", "批", "套", "户", "辆", "艘", "亩", "公顷", "千瓦", "兆瓦", "小时", "名", "位", "件", "款", "种", "处",
         "篇", "部", "支", "万人次", "人次")

#: A value: 70%以上, 4—5个, 1.5万亿元, 91分
VALUE = re.compile(r"""
    (?P<lo>\d+(?:\.\d+)?)                              # 70, 1.5
    (?:\s*[—–~～]\s*(?P<hi>\d+(?:\.\d+)?))?            # —5 (a range)
    \s*
    (?P<unit>(?:万亿|亿|万)?(?:""" + one_of(UNITS) + r"""))?   # 万亿元, %
    \s*
    (?P<suffix>及以上|以上|及以下|以下|以内|左右)?      # 以上
    """, re.VERBOSE)

#: Verbs that set a level: 达到, 控制在, 不低于 …
LEVEL_VERBS = ("提高到", "提升到", "上升到", "增加到", "增长到", "降低到", "下降到", "降至", "减少到", "保持在", "稳定在",
               "控制在", "达到", "超过", "高于", "低于", "不低于", "不高于", "不少于", "不超过", "突破", "拥有", "达")
#: Verbs that set a change: 年均增长, 下降 …
CHANGE_VERBS = ("年均增长", "年均下降", "平均增长", "增长", "下降", "降低", "减少", "提高", "提升", "增加")
#: Verbs that set a count: 新增, 培育, 创建 …
COUNT_VERBS = ("新认定", "新增", "培育", "创建", "建成", "打造", "制定", "制(修)订", "修订", "引进", "认定", "导入",
               "发布", "建立", "组建", "启动", "争创", "推广", "开展", "选取", "累计")

#: Count verbs one after another: 培育创建
COMPOUND_COUNT = re.compile(f"(?:{one_of(COUNT_VERBS)})+")
#: Any target verb
VERB = re.compile(one_of(LEVEL_VERBS + CHANGE_VERBS + COUNT_VERBS))

#: The comparator a verb implies (others: =)
VERB_COMPARATOR = {"超过": Comparator.ABOVE, "高于": Comparator.ABOVE, "突破": Comparator.ABOVE,
                   "低于": Comparator.BELOW, "不低于": Comparator.AT_LEAST, "不少于": Comparator.AT_LEAST,
                   "不高于": Comparator.AT_MOST, "不超过": Comparator.AT_MOST, "控制在": Comparator.AT_MOST,
                   "降至": Comparator.AT_MOST, "降低到": Comparator.AT_MOST, "下降到": Comparator.AT_MOST}
#: The comparator a suffix implies; it wins over the verb's
SUFFIX_COMPARATOR = {"以上": Comparator.AT_LEAST, "及以上": Comparator.AT_LEAST, "以下": Comparator.AT_MOST,
                     "及以下": Comparator.AT_MOST, "以内": Comparator.AT_MOST, "左右": Comparator.ABOUT}

#: A year: 到2019年, 截至2018年底, 比2015年 (a baseline, not a target year)
YEAR = re.compile(r"""
    (?P<pre>截至|截止到|截止|力争到|确保到|争取到|到|至|比|较|与|同)?   # 到
    \s*(?P<y>\d{4})\s*年\s*                                           # 2019年
    (?P<post>底|末|前)?                                                # 底
    """, re.VERBOSE)

#: Spans whose digits are not quantities (blanked before reading values).
MASKS = tuple(re.compile(p, re.VERBOSE) for p in (
    r"《[^《》]*》",                                          # 《纲要2025》 a title
    r"“[^“”]*”",                                              # “三改一拆” a quotation
    r"\(\s*\d{4}\s*[—–\-]\s*\d{4}\s*年?\s*\)",                # (2018—2020年) a plan period
    r"\d{4}\s*[—–\-]\s*\d{4}\s*年",                           # 2018—2020年
    r"\d{4}\s*年(?:底|末|前)?",                               # 2019年底
    r"\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?",                      # 7月20日
    r"第\s*\d+\s*[期条款次届批号位名]",                       # 第24期
    r"\$?PM_?\{?\d+(?:\.\d+)?\}?\$?",                         # PM2.5, $PM_{2.5}$
    r"[A-Za-z]+\s*\d+(?:\.\d+)?|\d+(?:\.\d+)?\s*[A-Za-z]+",   # H7N9, 5G
    r"\d+\s*条",                                              # 31条 a plan's name
))

#: Words before an indicator that are not part of it: 全省力争使
LEAD_TRIM = re.compile(r"^(全省|全市)?(?:其中|确保|力争|争取|使|实现|共|分别|累计|均|都|要|并|且|和|每年|年)+")
#: Words after an indicator that are not part of it: 均, 稳步 …
TAIL_TRIM = re.compile(r"(均|都|要|力争|争取|确保|稳步|持续|基本|逐步|明显|进一步|累计|共|分别)+$")
#: A trend without a value closing a subject: 持续提升
TREND = re.compile("(" + one_of(("持续下降", "稳步提升", "持续提升", "不断提高", "明显提升", "逐步提高", "稳步增长",
                                 "持续改善", "明显改善", "持续提高", "逐年提高")) + ")$")
#: Any digit
DIGIT = re.compile(r"\d")
#: A masked baseline year closing a subject: 比2015年 (masked to 比□□□□□)
BASELINE = re.compile(r"(均)?(比|较)\s*□+\s*$")
#: A list marker opening a sentence: 1. (1) (一) 一、
MARKER = re.compile(r"""
    ^\s*(?: \d{1,2}\s*[.、]                        # 1.
          | \(\s*\d{1,2}\s*\)                      # (1)
          | \(\s*[一二三四五六七八九十]+\s*\)      # (一)
          | [一二三四五六七八九十]+、 )            # 一、
    """, re.VERBOSE)
#: A name written in LaTeX by the PDF extraction: $PM_{2.5}$
LATEX = re.compile(r"\$?([A-Za-z]+)_?\{?(\d+(?:\.\d+)?)\}?\$?")
