"""Quantitative targets: the verbs that set them, the values and units, the years that govern them.

Examples
--------
>>> m = VALUE.search("达到70%以上")
>>> m.group("lo", "unit", "suffix")
('70', '%', '以上')
>>> VALUE.search("4—5个").group("lo", "hi", "unit"), VALUE.search("3万—3.5万亩").group("lo", "lo_magnitude", "hi")
(('4', '5', '个'), ('3', '万', '3.5'))
>>> VERB.search("全省研发投入年均增长10%").group(0), COMPOUND_COUNT.search("培育创建100家").group(0)
('年均增长', '培育创建')
>>> YEAR.search("力争到2019年底").group("pre", "y", "post")
('力争到', '2019', '底')
>>> PERIOD.search("2019—2022年,新建").group("y"), THIS_YEAR.search("三年内完成,今年新增").group(0)
('2022', '今年')
>>> examples = ("《纲要》", "“三改一拆”", "(2018—2020年)", "2018—2020年", "2019年底", "7月20日", "第24期", "PM2.5",
...     "H7N9", "31条措施", "1:1", "国发42号", "500千伏", "fgj62@163.com", "www.zj.gov.cn", "12345热线")
>>> [bool(p.search(t)) and bool(need in t if isinstance(need, str) else need.search(t))
...  for (p, need), t in zip(MASKS, examples)] == [True] * 16
True
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
           "BASELINE", "MARKER", "LATEX", "HORIZON", "horizon", "GRANT", "OWN_MEASURES", "SCOPE",
           "VALUE_LEAD_IN", "OUTCOME", "COUNT_UNITS", "MODIFIER", "RANK", "GRANT_AFTER", "NOUN_USES", "PERIOD", "THIS_YEAR"]

#: Units a target's value may carry (a magnitude 万亿/亿/万 may stand before them).
UNITS = ("个百分点", "%", "‰", "分", "家", "个", "项", "人", "张", "册", "标台", "台", "座", "所", "元", "吨/年", "吨",
         "平方米", "平方公里", "公里/百平方公里", "公里", "千米", "微克/立方米", "毫克/立方米", "立方米", "天", "倍",
         "次", "批", "套", "户", "辆", "艘", "亩", "公顷", "千瓦", "兆瓦", "小时", "名", "位", "件", "款", "种", "处",
         "篇", "部", "支", "万人次", "人次",
         # added for the family: energy, grain, livestock, trees, working days, streets, power equipment
         "千瓦时", "千伏安", "吨标准煤", "标准煤", "斤", "公斤", "头", "只", "株", "棵", "个工作日", "工作日", "条",
         "元/人", "元/吨", "元/户", "米", "公里/小时", "个月", "年", "人/万人", "张/千人", "床", "所学校", "间", "栋",
         "台套", "位")

#: A value: 70%以上, 4—5个, 1.5万亿元, 91分
VALUE = re.compile(r"""
    (?P<lo>\d+(?:\.\d+)?)                              # 70, 1.5
    (?:(?P<lo_magnitude>万亿|亿|万)?%?\s*[—–~～\-－至到]\s*(?P<hi>\d+(?:\.\d+)?))?   # —5, 6%-6.5%, 3万—3.5万 (a range)
    \s*
    (?P<unit>(?:万亿|亿|千万|百万|万|千)?(?:""" + one_of(UNITS) + r""")|万亿|亿|万)?   # 万亿元, %, 1100万 (a magnitude)
    \s*
    (?P<suffix>及以上|以上|及以下|以下|以内|左右)?      # 以上
    """, re.VERBOSE)

#: Verbs that set a level: 达到, 控制在, 不低于 …
LEVEL_VERBS = ("提高到", "提升到", "上升到", "增加到", "增长到", "降低到", "下降到", "降至", "减少到", "保持在", "稳定在",
               "控制在", "达到", "超过", "高于", "低于", "不低于", "不高于", "不少于", "不超过", "突破", "拥有", "达",
               "提高至", "提升至", "增加至", "压缩至", "压减至", "缩短至", "缩减至", "压缩到", "缩短到", "下降至",
               "降低至", "减少至", "控制到", "达到或超过", "力争达到", "确保达到", "覆盖", "扩大至", "扩大到",
               "降到", "减至", "≤", "≥", "不大于", "不小于")
#: Verbs that set a change: 年均增长, 下降 …
CHANGE_VERBS = ("年均增长", "年均下降", "平均增长", "增长", "下降", "降低", "减少", "提高", "提升", "增加", "压缩", "缩短",
                "压减", "削减")
#: Verbs that set a count: 新增, 培育, 创建 …
COUNT_VERBS = ("新认定", "新增", "培育", "创建", "建成", "打造", "制定", "制(修)订", "修订", "引进", "认定", "导入",
               "发布", "建立", "组建", "启动", "争创", "推广", "开展", "选取", "累计",
               "新建", "新改建", "改造", "改造提升", "完成", "开发", "整治", "撮合", "实施", "举办", "培训",
               "带动", "吸引", "招引", "植树", "造林", "种植", "扶持", "建设", "评选", "执行", "筹建", "培养", "推出")

#: Verbs that are also the first word of nouns: 建设 in 建设工程 or 建设用地 sets nothing
NOUN_USES = {"建设": ("工程", "用地", "单位", "领域", "规划", "管理", "标准", "部门", "银行", "资金", "厅", "局", "委")}


def _verbs(words) -> str:
    """An alternation of ``words``, each kept from matching where it begins a noun.

    >>> bool(re.fullmatch(_verbs(["建设", "新增"]), "建设")), re.match(_verbs(["建设"]), "建设工程")
    (True, None)
    """
    words = list(words)
    plain = one_of(w for w in words if w not in NOUN_USES)
    guarded = [f"{re.escape(w)}(?!{one_of(NOUN_USES[w])})" for w in words if w in NOUN_USES]
    return "|".join(p for p in [plain, *guarded] if p)


#: Count verbs one after another: 培育创建 (完成 alone: 完成投资, but 完成发布 is 发布)
_OTHER_COUNT = _verbs(v for v in COUNT_VERBS if v != "完成")
COMPOUND_COUNT = re.compile(f"(?:{_OTHER_COUNT})+|完成(?!并?(?:{_OTHER_COUNT}))")
#: Any target verb
VERB = re.compile(_verbs(LEVEL_VERBS + CHANGE_VERBS + COUNT_VERBS))

#: The comparator a verb implies (others: =)
VERB_COMPARATOR = {"超过": Comparator.ABOVE, "高于": Comparator.ABOVE, "突破": Comparator.ABOVE,
                   "≤": Comparator.AT_MOST, "不大于": Comparator.AT_MOST, "≥": Comparator.AT_LEAST,
                   "不小于": Comparator.AT_LEAST,
                   "低于": Comparator.BELOW, "不低于": Comparator.AT_LEAST, "不少于": Comparator.AT_LEAST,
                   "不高于": Comparator.AT_MOST, "不超过": Comparator.AT_MOST, "控制在": Comparator.AT_MOST,
                   **{verb: Comparator.AT_MOST for verb in (  # reduced to: at most what remains
                       "降至", "降到", "减至", "降低到", "下降到", "降低至", "下降至", "减少到", "减少至", "压缩至", "压缩到",
                       "压减至", "缩短至", "缩短到", "缩减至", "控制到")}}
#: The comparator a suffix implies; it wins over the verb's
SUFFIX_COMPARATOR = {"以上": Comparator.AT_LEAST, "及以上": Comparator.AT_LEAST, "以下": Comparator.AT_MOST,
                     "及以下": Comparator.AT_MOST, "以内": Comparator.AT_MOST, "左右": Comparator.ABOUT}

#: A year: 到2019年, 截至2018年底, 比2015年 (a baseline, not a target year)
YEAR = re.compile(r"""
    (?:(?P<pre>截至|截止到|截止|力争到|确保到|争取到|到|至|比|较|与|同)\s*)?   # 到
    (?<!\d)(?P<y>\d{4})\s*年                                                # 2019年
    (?:\s*(?P<post>底|末|前))?                                              # 底
    """, re.VERBOSE)
#: A period: 2019—2022年 (its targets are for its last year)
PERIOD = re.compile(r"""
    (?:(?P<pre>到|至|在|于)\s*)?                  # 在
    (?<!\d)(?P<y0>\d{4})\s*[—–\-~～至到]\s*     # 2019—
    (?P<y>\d{4})\s*年                            # 2022年
    """, re.VERBOSE)
#: This year, read on masked text so that 2019年底前 is not taken for 年底前: 今年, 年内, 全年
THIS_YEAR = re.compile(r"""
    今年 | 本年度? | 全年
  | (?<![\d一二三四五六七八九十两几□])年内     # 年内 (not 三年内)
  | (?<![\d□])年底前                        # 年底前 (not 2019年底前)
    """, re.VERBOSE)

#: Spans whose digits are not quantities (blanked before reading values), each with the text it
#: needs to be present (a string, or a cheap pattern that must be found), so a sentence without 《
#: never runs the title pattern.
MASKS = tuple((re.compile(p, re.VERBOSE), need) for p, need in (
    (r"《[^《》]*》", "《"),                                             # 《纲要2025》 a title
    (r"“[^“”]*”", "“"),                                                 # “三改一拆” a quotation
    (r"\(\s*\d{4}\s*[—–\-]\s*\d{4}\s*年?\s*\)", "("),                     # (2018—2020年) a plan period
    (r"(?<!\d)\d{4}\s*[—–\-]\s*\d{4}\s*年", "年"),                        # 2018—2020年
    (r"(?<!\d)\d{4}\s*年(?:底|末|前)?", "年"),                              # 2019年底
    (r"(?<!\d)\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?", "月"),                     # 7月20日
    (r"第\s*\d+\s*[期条款次届批号位名]", "第"),                              # 第24期
    (r"\$?PM_?\{?\d+(?:\.\d+)?\}?\$?", "PM"),                                # PM2.5, $PM_{2.5}$
    (r"(?<![A-Za-z])[A-Za-z]+\s*\d+(?:\.\d+)?|(?<![\d.])\d+(?:\.\d+)?\s*[A-Za-z]+", re.compile("[A-Za-z]")),   # H7N9, 5G
    (r"(?<!\d)\d+\s*条(?=[”\"」》]|\s*(?:措施|政策|意见|举措|规定|细则))", "条"),  # “民营经济31条” a plan's name
    (r"(?<!\d)\d+\s*:\s*\d+", ":"),                                          # 1:1 a ratio
    (r"(?<!\d)\d+\s*号", "号"),                                               # 国发42号文件 a number, never a unit
    (r"(?<!\d)\d+\s*(?:千伏(?!安)|kV|KV)", re.compile("千伏|kV|KV")),                             # 500千伏 a voltage class (千伏安: capacity)
    (r"(?<![A-Za-z0-9._\-])[A-Za-z0-9._\-]+\s*@\s*[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*", "@"),  # fgj62@163.com
    (r"(?:https?://|www\.)[A-Za-z0-9./?=&%_\-]+", re.compile("http|www")),                     # www.zj.gov.cn a web address
    (r"\d{3,6}(?=\s*(?:热线|服务热线|电话))|(?<!\d)(?:12345|96333)(?!\d)", re.compile("热线|电话|12345|96333")),   # 12345 a hotline
))

#: Words that make an amount a grant, not a target: 给予单个项目最高1000万元, 每头奶牛补贴2000元
GRANT = re.compile(one_of(("给予", "奖励", "补贴", "补助", "资助", "奖补", "最高", "每头", "每户", "每人", "每个")))
#: Counts of the document's own measures, not targets: 16条推进举措, 5项改革任务
OWN_MEASURES = re.compile(one_of(("举措", "措施", "任务", "意见", "政策", "条款")) + r"\s*$")
#: Words that may stand between a level verb and its value: 覆盖全省50%, 达到每年100%
SCOPE = re.compile(r"全省|全市|全区|全县|全国|每年|了")
#: Words that may open a clause led by its value: 推动10个以上认证机构通过认定
VALUE_LEAD_IN = re.compile(r"(?:推动|支持|引导|力争|确保|组织|促进|指导|鼓励|争取|实现|全省|全市|共有|共|每年|为|帮助)*")
#: Verbs that close a clause led by its value: 100个项目全部开工, 3000家企业完成诊断
OUTCOME = re.compile(one_of(("通过", "完成", "开工", "建成", "投产", "达标", "实现", "获得", "纳入", "接入", "上线",
                             "落地", "覆盖", "参与", "运营", "入驻", "签约", "认定", "竣工", "挂牌", "转型", "提供")))
#: A rank: 进入全市前3位 (at most 3rd)
RANK = re.compile(r"前\s*$")
#: What follows an amount that is given, not reached: 按投资额的10%给予补助
GRANT_AFTER = re.compile(r"(?<!\s)\s*(?:的\s*)?(?:(?:给予|予以)\s*)?(?:补助|补贴|奖励|奖补|资助)")
#: Counted things (a value in these leads its clause): 家, 个, 项 …
COUNT_UNITS = ("家", "个", "项", "所", "座", "名", "人", "户", "批", "条", "件", "处", "支", "套", "台", "辆", "艘",
               "间", "栋", "部", "款", "种", "位")
#: A value followed by 的 modifies a noun (利用不超过3%的面积) unless the noun is the target itself
MODIFIER = re.compile(r"(?<!\s)\s*的(?!\s*(?:目标|水平|要求|规模|幅度))")

#: Words before an indicator that are not part of it: 全省力争使
LEAD_TRIM = re.compile(r"^(全省|全市)?(?:其中|确保|力争|争取|使|实现|共|分别|累计|均|都|要|并|且|和|每年|年)+")
#: Words after an indicator that are not part of it: 均, 稳步 …
TAIL_TRIM = re.compile(r"(均|都|各|要|力争|争取|确保|稳步|持续|基本|逐步|明显|进一步|累计|共|分别)+$")
#: A trend without a value closing a subject: 持续提升
TREND = re.compile("(" + one_of(("持续下降", "稳步提升", "持续提升", "不断提高", "明显提升", "逐步提高", "稳步增长",
                                 "持续改善", "明显改善", "持续提高", "逐年提高")) + ")$")
#: Any digit
DIGIT = re.compile(r"\d")
#: A masked baseline year closing a subject: 比2015年 (masked to 比□□□□□)
BASELINE = re.compile(r"(均)?(比|较)\s*□+\s*$")
#: The horizon a title names: a plan period (2018—2020年 → 2020), a five-year plan (“十四五” → 2025), a year
HORIZON = re.compile(r"""
    (?P<start>\d{4}) \s* [—–\-~～至到] \s* (?P<end>\d{4}) \s* 年?      # 2018—2020年
  | (?P<plan>十[一二三四五六七八九]?五)                               # 十四五
  | (?P<year>\d{4}) \s* 年(?!\s*\d{1,2}\s*月)                         # 2024年工作要点 (not a date)
    """, re.VERBOSE)
_PLANS = {"十五": 2005, "十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}


def horizon(title: str) -> int | None:
    """The year a title's plan ends in, or the year it names, or ``None``.

    >>> horizon("浙江省质量提升三年行动计划(2017—2019年)"), horizon("“十四五”乡村绿化美化行动方案"), horizon("2024年工作要点")
    (2019, 2025, 2024)
    """
    m = HORIZON.search(title or "")
    if not m:
        return None
    if m.group("end"):
        return int(m.group("end"))
    if m.group("plan"):
        return _PLANS.get(m.group("plan"))
    return int(m.group("year"))


#: A list marker opening a sentence: 1. (1) (一) 一、
MARKER = re.compile(r"""
    ^\s*(?: \d{1,2}\s*[.、]                        # 1.
          | \(\s*\d{1,2}\s*\)                      # (1)
          | \(\s*[一二三四五六七八九十]+\s*\)      # (一)
          | [一二三四五六七八九十]+、 )            # 一、
    """, re.VERBOSE)
#: A name written in LaTeX by the PDF extraction: $PM_{2.5}$
LATEX = re.compile(r"\$?(?<![A-Za-z])([A-Za-z]+)_?\{?(\d+(?:\.\d+)?)\}?\$?")
