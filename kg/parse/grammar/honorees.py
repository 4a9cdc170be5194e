"""Commendations: the documents that make them, list headings, person lines, and the sentences that name honorees.

Examples
--------
>>> DECLARED.match("先进单位(41 个)").group("category", "count", "unit")
('先进单位', '41', '个')
>>> DECLARED.match("先进市(2 个):杭州市、金华市").group("list")
'杭州市、金华市'
>>> PERSON.match("郑 盛 临安市人力社保局党委书记、局长").group("name", "position")
('郑 盛', '临安市人力社保局党委书记、局长')
>>> bool(COMMENDATION.search("关于表彰2023年度先进单位的决定")), bool(COMMENDATION.search("关于印发行动计划的通知"))
(True, False)
>>> DECLARED.match("先进单位(十二个)").group("count"), PAREN_PERSON.search("、刘思源(县统计局副主任)").group("name")
('十二', '刘思源')
>>> bool(CRITICISM.search("三、批评单位")), LIST_MARKER.match("2.市水利局").end()
(True, 2)
>>> BUREAU_HEADING.match("设区市教育局").group("bureau"), BUREAU_HEADING.match("市水利局")
('教育局', None)
>>> MERIT.search("一、给予甲大队、乙局记集体一等功。").group("list", "merit"), MIXED_COUNTS.search("奖章(4个集体、5名个人)").group("a", "b")
(('甲大队、乙局', '集体一等功'), ('4', '5'))
>>> PLACE_PREFIX.match("栖梧市:栖梧市中心、甲院").group("place"), bool(COLLECTIVE_MARK.search("乙医院(集体)"))
('栖梧市', True)
"""

from __future__ import annotations

import re

from .organisations import ends_like_organisation
from .words import one_of

__all__ = ["COUNT_UNITS", "PERSON_UNITS", "DECLARED", "PERSON", "TITLES", "TITLE_MODIFIERS", "COMMENDATION",
           "PEOPLE_WORDS", "GROUP_WORDS", "INLINE_GROUP", "FIRST_NAMED", "TIER", "NAMED_AS", "AWARD", "GENDER",
           "LIST_INTRO", "BUREAU_HEADING", "BARE_PLACE", "NUMERAL_COUNT", "AWARD_OPENS", "HONORIFICS",
           "FIRST_NAME_LEAD", "PAREN_PERSON", "CRITICISM", "PRAISED", "LIST_MARKER", "TABLE_COLUMNS", "COMMENDING",
           "MERIT", "LISTED_BELOW", "unit_like", "COLLECTIVE_MARK", "MIXED_COUNTS", "PLACE_PREFIX"]

#: Measure words of a declared count: 个 (units), 名 (people) …
COUNT_UNITS = ("个", "名", "人", "家", "位", "项", "支", "户")
#: The measure words that count people
PERSON_UNITS = ("名", "人", "位")

#: A count written in Chinese numerals or digits: 七, 118
NUMERAL_COUNT = r"(?:\d+|[一二三四五六七八九十百千两]+)"

#: A heading that declares a count, with the list on the same line or not: 先进单位(41 个), 先进市(2 个):杭州市
DECLARED = re.compile(r"""
    ^(?P<category>[^:()\s][^:()]{0,40}?(?:\([^()]{0,20}\)[^:()]{0,20}?)?) \s*   # 先进单位, 先进县(市、区)
    \(\s*(?P<count>""" + NUMERAL_COUNT + r""")\s*(?P<unit>""" + one_of(COUNT_UNITS) + r""")\s*\) \s*   # (41 个), (十二个)
    (?::\s*(?P<list>.*))?$                                     # :杭州市、金华市
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
          "民警", "科员", "场长", "工程师", "高级工程师", "园艺师", "高级园艺师", "经理", "总经理", "董事长", "会计",
          "馆长", "社长", "厂长", "组长", "班长", "村主任", "主席", "秘书长", "调研员", "辅警", "护士", "护士长",
          "股长", "统计员", "预报员", "农艺师", "高级农艺师", "总监", "记者", "编辑", "警长", "教练员", "馆员",
          "会计师", "经济师", "畜牧师", "兽医师", "技术员", "办事员", "网格员", "协管员", "联络员", "指导员", "教导员")
#: Words that may stand before a title: 原副部长, 党委书记, 兼科长
TITLE_MODIFIERS = ("原", "党委", "党组", "专职", "常务", "副", "兼", "总", "首席")

#: Words in a title or body that mark a commendation document: 表彰, 通报表扬, 授予…称号
COMMENDATION = re.compile(one_of(("表彰", "表扬", "嘉奖", "授予", "颁发", "命名", "获奖", "先进", "优胜", "称号",
                                  "考核结果", "评选结果", "考核等次", "记功", "荣誉", "示范", "认定", "劳动奖",
                                  "奖状", "奖章")))
#: What an opening paragraph says when the document commends: 予以通报表扬, 给予通报表扬, 授予…
COMMENDING = re.compile(r"(?:予以|给予)(?:通报)?(?:表扬|表彰|嘉奖)|授予|记(?:集体)?[一二三]等功")

#: Words naming people in a heading or a body count: 先进个人, 10名同志
PEOPLE_WORDS = re.compile(one_of(("个人", "同志", "人员", "劳动模范", "劳模", "先进工作者", "标兵", "能手", "工匠",
                                  "职工", "干部", "教师", "个体")))
#: Words a list heading ends with: 先进单位, 一档单位, 先进个人, 一等奖, 名单
GROUP_WORDS = ("单位", "集体", "个人", "名单", "班组", "企业", "组织", "机构", "学校", "高校", "医院", "奖", "称号", "先进",
               "档", "等次", "市", "县", "区", "局", "厅", "委", "部门", "科室", "人员", "同志", "劳动模范",
               "先进工作者", "乡镇", "街道", "社区", "村", "示范点", "基地", "家庭", "户")

#: A group opening inside a line: 1.优秀单位(4个):, (1)县政府工作部门(4个):, 二、先进个人(6名):
INLINE_GROUP = re.compile(r"""
    (?: (?: [一二三四五六七八九十]{1,3}、 | \d{1,2}\s*[.、] | \(\s*\d{1,2}\s*\)
          | \(\s*[一二三四五六七八九十]{1,3}\s*\) ) \s* )?                  # 1.
    (?P<category>[^\s:;,。、()]{2,24}?)                                       # 优秀单位
    \(\s*(?P<count>""" + NUMERAL_COUNT + r""")\s*(?P<unit>""" + one_of(COUNT_UNITS) + r""")\s*\)   # (4个)
    \s*:                                                                    # :
    """, re.VERBOSE)

#: The first-named of a group and its size: 授予邵明远等40人…, 澜溪市人民政府等64个先进集体, 等七个乡(镇)
FIRST_NAMED = re.compile(r"""
    (?: 授予 | 对 | 向 | 给予 | 决定 | ^ | (?<=[,;:。、]) | 及 | 和 )   # where the name begins
    \s* (?P<name>[^\s,;:。、“”]{2,40}?)                               # 邵明远, 简·米勒教授
    等 \s* (?P<count>""" + NUMERAL_COUNT + r""") \s*               # 等40
    (?P<unit>名|人|位|个|家|支|户|所)                                # 人
    (?P<what>(?:(?!及|和[^,;。等]{1,30}等\s*(?:\d|[一二三四五六七八九十]))[^,;。]){0,40})   # “…”称号 (not the next group)
    """, re.VERBOSE)

#: An award tier opening a list: 一等奖:, 获得二等奖的是:
TIER = re.compile(r"""
    (?:获得)?
    (?P<tier>(?:[一二三四五六七八九十]|\d{1,2})等奖 | 特等奖 | 优秀奖 | 金奖 | 银奖 | 铜奖 | 提名奖 | 优胜奖 | 组织奖
            | 鼓励奖 | 入围奖 | 突出贡献奖)                           # 一等奖
    (?:的是|单位|名单)? \s* :                                        # :
    """, re.VERBOSE)

#: Units named as something: 石屏县人民政府、东渡县人民政府为全市…优胜单位
NAMED_AS = re.compile(r"""
    (?P<list>[^,;:。为]{2,200}) 为                                  # 石屏县人民政府、东渡县人民政府 (no 为 inside: a run of 为 stays linear)
    (?P<category>[^,;:。]{2,40}(?:单位|集体|个人|先进|模范|示范|标兵|称号))   # 县区级优胜单位
    """, re.VERBOSE)

#: What is given to a list: 授予A、B、C第六届澜江质量奖, 授予A“模范集体”称号
AWARD = re.compile(r"""
    (?P<verb>授予) (?P<body>[^,;。]{2,400})                          # A、B、C第六届澜江质量奖
    """, re.VERBOSE)
#: Where an award's name begins after the name it is given to: “井冈山爱民模范中队”荣誉称号, 第六届…奖
AWARD_OPENS = re.compile(r"“|第[一二三四五六七八九十\d]{1,3}[届批次]|(?:国家|全国|省|市)[\u4e00-\u9fff]{0,12}(?:奖|称号)$")
#: Words after a name that say a person is meant: 刘某院士, 简·米勒教授
HONORIFICS = ("院士", "教授", "研究员", "同志", "先生", "女士", "博士", "医生", "烈士")
#: Words that lead to a first-named honoree: 我局同意认定命名, 决定
FIRST_NAME_LEAD = re.compile(r"^(?:[我本][局部委厅办]|市政府|省政府|县政府|国务院)?(?:决定|同意|批准|将|经|为)*"
                             r"(?:认定|命名|授予|表彰|评为|确定)*")

#: A gender or ethnicity note after a name: (女), (回族)
GENDER = re.compile(r"\(\s*(?P<note>女|男|[\u4e00-\u9fff]{1,3}族)(?:\s*[,、]\s*(?:女|男|[\u4e00-\u9fff]{1,3}族))?\s*\)")

#: A sentence that announces the list below it: 获奖人员名单如下:, 名单如下
LIST_INTRO = re.compile(r"(?:名单|名录)(?:如下)?\s*:?\s*$")

#: A heading that names the bureaus its bare place names stand for: 设区市教育局, 县(市、区)教育局
BUREAU_HEADING = re.compile(r"""
    ^(?:设区市|地级市|县\(市、区\)|县\(市\)|县市区|市县|市\(州\)|各市|各县|各区|各州)   # 设区市 (not 市水利局)
    (?P<bureau>[\u4e00-\u9fff]{1,12}(?:局|委|厅|办|院|中心|队|站))$                       # 教育局
    """, re.VERBOSE)

#: A bare place name: 青岚市, 安平黎族自治县, 岚湖区
BARE_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,10}(?:市|县|区|州|旗|盟|镇|乡)$")

#: A person with the position in brackets: 陈 默(县统计局综合核算股股长)
PAREN_PERSON = re.compile(r"""
    (?<![\u4e00-\u9fff])                                        # the name starts a word
    (?P<name>[\u4e00-\u9fff·](?:\ ?[\u4e00-\u9fff·]){1,7}?)      # 陈 默, 阿依古丽·艾力
    \s*\((?P<position>[^()]{1,60})\)                              # (县统计局综合核算股股长)
    """, re.VERBOSE)

#: Words of a list that blames, not praises: 三、批评单位, 予以通报批评
CRITICISM = re.compile(one_of(("批评", "问责", "约谈", "警示", "曝光", "督办", "滞后", "整改不力", "黄牌", "末位")))
#: A sentence that praises the units it opens with: …推进有力,予以通报表扬
PRAISED = re.compile(r"(?:予以|给予)(?:通报)?(?:表扬|表彰|嘉奖)")
#: A merit given to a list: 给予甲大队、乙局记集体一等功, 给予下列同志记二等功:
MERIT = re.compile(r"""
    给予 (?P<list>[^;。:]{2,300}?)                       # 栖梧市消防救援支队特勤大队、榴溪县应急管理局
    记 (?P<merit>(?:集体)?[一二三]等功)                    # 记集体一等功
    """, re.VERBOSE)
#: A heading for the people or units listed below it: 给予下列同志记一等功:, 以下单位
LISTED_BELOW = re.compile(r"(?:下列|以下)(?P<who>同志|人员|个人|单位|集体)")
#: A unit line marked as a collective among people: 蘅阳市中心医院(集体)
COLLECTIVE_MARK = re.compile(r"\(\s*集体\s*\)\s*$")
#: Counts of a mixed heading: (4个集体、5名个人)
MIXED_COUNTS = re.compile(r"""
    \(\s* (?P<a>""" + NUMERAL_COUNT + r""")\s*(?:个|家)\s*(?:集体|单位)   # 4个集体
    \s*[、,和及]\s* (?P<b>""" + NUMERAL_COUNT + r""")\s*(?:名|人|位)\s*(?:个人|同志)?\s*\)\s*$   # 5名个人
    """, re.VERBOSE)
#: The place a list line opens with: 栖梧市:甲中心、乙医院
PLACE_PREFIX = re.compile(r"^\s*(?P<place>[\u4e00-\u9fff]{1,10}(?:市|县|区|州|盟|旗))\s*:\s*")

#: A list item's number: 1. 2、 (3)
LIST_MARKER = re.compile(r"^\s*(?:\d{1,3}\s*[.、]|\(\s*\d{1,3}\s*\))\s*")

#: Column headings of a commendation table, by what the column holds
TABLE_COLUMNS = {
    "number": ("序号", "编号"),
    "name": ("姓名", "单位名称", "集体名称", "受表彰单位", "获奖单位", "名称", "单位"),
    "workplace": ("工作单位", "所在单位", "单位及职务", "工作单位及职务", "单位"),
    "position": ("职务", "职称", "职务职称", "现任职务"),
    "gender": ("性别",),
}


def unit_like(name: str) -> bool:
    """Whether ``name`` ends as a unit's name does (an organisation, a place, a school, a village …).

    >>> unit_like("实验小学"), unit_like("苇塘县梓桥镇石门村"), unit_like("市水文水资")
    (True, True, False)
    """
    return ends_like_organisation(name) or bool(BARE_PLACE.match(name)) or name.endswith(_UNIT_ENDS)


#: Ends of units' names beyond organisations': 校 (党校), 学 (实验小学), 村, 园 (幼儿园), 团 (歌舞团) …
_UNIT_ENDS = ("校", "馆", "队", "所", "学", "园", "村", "场", "团", "厂", "店", "台", "班", "户", "家庭", "区", "镇",
              "乡", "街道", "社区", "基地", "企业", "集团", "公司", "医院", "银行", "中心", "协会", "学会", "支部", "总支",
              "股", "科")
