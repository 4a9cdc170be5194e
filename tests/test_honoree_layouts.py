"""Commendation lists in their layouts, on short invented texts."""

import pytest

from kg.parse import extract_text


def honorees(text):
    issue = extract_text(text)
    doc = issue.documents[0]
    return doc, issue


def names(doc):
    return [(h.kind, h.name, h.category) for h in doc.honorees]


def test_tier_headings_without_counts_one_unit_a_line():
    doc, issue = honorees("某市人民政府关于表彰2023年度道路养护竞赛先进单位的决定\n\n某政〔2024〕5号\n\n"
                          "一、一档单位\n\n甲县人民政府\n\n乙区人民政府\n\n二、二档单位\n\n丙县人民政府\n\n"
                          "受表彰单位要保持优势。\n")
    assert names(doc) == [("unit", "甲县人民政府", "一档单位"), ("unit", "乙区人民政府", "一档单位"),
                          ("unit", "丙县人民政府", "二档单位")]
    assert issue.checks == []  # no count is declared, none is invented


def test_award_tiers_apart_by_spaces_or_commas():
    doc, _ = honorees("某省人民政府关于表彰造林绿化先进市县的决定\n\n一等奖:甲市 乙市\n三等奖:丙县、丁县\n"
                      "各地要对标先进。\n")
    assert names(doc) == [("unit", "甲市", "一等奖"), ("unit", "乙市", "一等奖"), ("unit", "丙县", "三等奖"),
                          ("unit", "丁县", "三等奖")]


def test_groups_inside_one_line_are_counted_each():
    doc, issue = honorees("关于2023年度绩效考核结果的通报\n\n1.优秀单位(3个):(1)工作部门(2个):财政局、民政局;"
                          "(2)事业单位(1个):政务服务中心。\n")
    assert [(h.name, h.category) for h in doc.honorees] == [
        ("财政局", "优秀单位/工作部门"), ("民政局", "优秀单位/工作部门"), ("政务服务中心", "优秀单位/事业单位")]
    assert [(c.what, c.declared, c.found) for c in issue.checks] == [("优秀单位", 3, 3), ("工作部门", 2, 2),
                                                                    ("事业单位", 1, 1)]


def test_bare_place_names_stand_for_the_bureaus_a_heading_names():
    doc, _ = honorees("某省教育厅关于通报表扬教育统计先进单位的通知\n\n一、先进单位\n\n(一)设区市教育局(2个)\n\n"
                      "甲市    乙市\n\n二、先进个人(1名)\n\n甲市教育局        许 帆\n\n请继续加强统计工作。\n")
    units = [(h.name, h.organisation) for h in doc.honorees if h.kind == "unit"]
    assert units == [("甲市", "甲市教育局"), ("乙市", "乙市教育局")]
    people = [(h.name, h.organisation, h.position) for h in doc.honorees if h.kind == "person"]
    assert people == [("许帆", "甲市教育局", None)]


def test_person_lines_with_gender_notes_padding_and_a_wrapped_line():
    doc, issue = honorees("某市人民政府关于颁发城市绿化贡献奖的决定\n\n市政府决定向齐文博等3名同志颁发城市绿化贡献奖。\n\n"
                          "获奖人员名单如下:\n\n齐文博  某市园林绿化局  副局长\n\n宁 芳(女)  某市绿化养护中心  主 任\n\n"
                          "贺雨桐  某市园林绿化局(绿化办)\n\n苗圃管理科  科 长\n\n获奖同志要继续发挥示范作用。\n")
    assert [(h.name, h.organisation, h.position, h.gender) for h in doc.honorees] == [
        ("齐文博", "某市园林绿化局", "某市园林绿化局副局长", None),
        ("宁芳", "某市绿化养护中心", "某市绿化养护中心主任", "女"),
        ("贺雨桐", "某市园林绿化局(绿化办)苗圃管理科", "某市园林绿化局(绿化办)苗圃管理科科长", None)]
    # 齐文博等3名 is checked against the list it heads, and 齐文博 is not counted twice
    assert [(c.what, c.declared, c.found) for c in issue.checks] == [("城市绿化贡献奖", 3, 3)]


def test_only_the_first_named_of_each_group():
    doc, issue = honorees("表彰某市劳动模范和先进集体\n\n市委、市政府决定,授予甲明远等40人“某市劳动模范”称号;"
                          "对某港务集团有限公司等28个先进集体及乙立群等18名先进个人予以通报表扬。\n")
    assert [(h.kind, h.name, h.category, h.group_size) for h in doc.honorees] == [
        ("person", "甲明远", "某市劳动模范", 40), ("unit", "某港务集团有限公司", "先进集体", 28),
        ("person", "乙立群", "先进个人", 18)]
    notes = [n.message for n in issue.notices if n.code == "honorees-not-listed"]
    assert notes[0] == "某市劳动模范: the text names 甲明远 first of 40 and lists no others"
    assert len(notes) == 3


def test_awards_named_after_the_list_and_units_named_as_something():
    doc, _ = honorees("某省人民政府关于表彰第六届质量奖的决定\n\n省政府决定授予甲精密轴承股份有限公司、"
                      "乙市第一人民医院第六届某省质量奖;丙县人民政府、丁县人民政府为县区级优胜单位,各奖励资金20万元。\n")
    assert names(doc) == [("unit", "甲精密轴承股份有限公司", "第六届某省质量奖"),
                          ("unit", "乙市第一人民医院", "第六届某省质量奖"),
                          ("unit", "丙县人民政府", "县区级优胜单位"), ("unit", "丁县人民政府", "县区级优胜单位")]


def test_a_list_carried_by_the_annex_line():
    doc, issue = honorees("某省人民政府关于通报表扬秋汛防御先进集体的决定\n\n某政〔2024〕30号\n\n"
                          "省政府决定,对甲河务局等3家单位予以通报表扬。\n\n某省人民政府\n\n2024年11月15日\n\n"
                          "附件:秋汛防御先进集体名单 甲河务局、省应急厅,乙市人民政府\n")
    assert [h.name for h in doc.honorees] == ["甲河务局", "省应急厅", "乙市人民政府"]
    assert [(c.declared, c.found) for c in issue.checks] == [(3, 3)]


def test_a_policy_document_has_no_honorees():
    doc, issue = honorees("关于印发某行动计划的通知\n\n(一)重点任务(2项):甲局、乙局\n\n对甲局等3个单位加强督查。\n")
    assert doc.honorees == [] and issue.checks == []


CORPUS_COMMENDATIONS = {
    # a State Council award decision: persons with honorifics, and the first-named of a group of five
    "nat_govcn_11_国发2018-44.txt": [("person", "刘永坦", "国家最高科学技术奖", None, "院士"),
                                    ("person", "钱七虎", "国家最高科学技术奖", None, "院士"),
                                    ("person", "简·迪安·米勒", "外国专家中华人民共和国国际科学技术合作奖", 5, "教授")],
    # an honorary title for one unit, the award in quotes after its name
    "nat_odkg_arch_test3_125.txt": [("unit", "武警江西省总队吉安市支队井冈山市中队", "井冈山爱民模范中队", None, None)],
}


@pytest.mark.parametrize("name", sorted(CORPUS_COMMENDATIONS))
def test_commendations_in_the_corpus(name):
    from .gold_scoring import CORPUS

    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{path} is absent")
    from kg.parse import extract_file

    got = [(h.kind, h.name, h.category, h.group_size, h.position)
           for d in extract_file(path).documents for h in d.honorees]
    assert got == CORPUS_COMMENDATIONS[name]
    # the 37 achievements given a prize in 国发〔2018〕44号 are works, not honorees: none is read as one
