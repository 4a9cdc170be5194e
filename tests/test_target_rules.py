"""Target rules on short invented sentences: years, grants, the document's own measures, value-led clauses."""

import pytest

from kg.parse import extract_text
from kg.parse.targets import YearState, scan_targets


def read(text, year=None, document_year=2024):
    state = YearState(year, "stated" if year else None, document_year=document_year)
    return [(t.indicator, t.value, t.unit, t.comparator, t.year, t.year_source)
            for t in scan_targets(text, 0, len(text), state)]


def test_a_period_sets_its_last_year():
    assert read("2019—2022年,新建变电站6座、输电线路610公里。", document_year=2019) == [
        ("新建变电站", 6.0, "座", "=", 2022, "stated"),
        ("新建输电线路", 610.0, "公里", "=", 2022, "stated")]


def test_this_year_is_the_documents_year_but_three_years_is_not():
    assert read("今年全市新增公共泊位1500个。") == [("新增公共泊位", 1500.0, "个", "=", 2024, "relative")]
    assert read("三年内新增公共泊位1500个。") == [("新增公共泊位", 1500.0, "个", "=", None, None)]
    assert read("到2026年底前新增泊位10个。")[0][4:] == (2026, "stated")


def test_a_reduction_to_a_value_is_an_upper_bound():
    assert [t[3] for t in read("用电报装环节压减至2个,办理时间缩短至5个工作日。")] == ["≤", "≤"]


def test_grants_are_not_targets():
    assert read("经评审后给予单个项目最高1000万元补助。") == []
    assert read("新建规模化牧场给予每头奶牛2000元。") == []


def test_counts_of_the_documents_own_measures_are_not_targets():
    assert read("2024年要重点完成16条推进举措和5项引领性改革任务。") == []


def test_a_value_that_describes_a_noun_is_not_a_target():
    assert read("经营主体可利用不超过3%的修复面积用于生态旅游。") == []
    assert read("覆盖率达到80%的目标。")[0][1:3] == (80.0, "%")


def test_a_clause_led_by_its_count():
    assert read("100个自治区重点产业项目年内全部开工。") == [
        ("自治区重点产业项目年内全部开工", 100.0, "个", "=", 2024, "relative")]
    assert read("推动10个以上认证机构通过高新技术企业认定。", 2024) == [
        ("认证机构通过高新技术企业认定", 10.0, "个", "≥", 2024, "stated")]


def test_a_subject_before_a_count_verb_names_what_grows():
    assert read("新建高标准农田12万亩,高效节水灌溉面积新增2万亩以上。", 2024) == [
        ("新建高标准农田", 120000.0, "亩", "=", 2024, "stated"),
        ("高效节水灌溉面积新增", 20000.0, "亩", "≥", 2024, "stated")]


@pytest.mark.parametrize("text", [
    "新增中国建筑工程奖25个、省建设工程奖360个。",  # 建设 begins a noun here
])
def test_a_verb_that_begins_a_noun_sets_nothing(text):
    assert [t[0] for t in read(text, 2019)] == ["新增中国建筑工程奖", "新增省建设工程奖"]


@pytest.mark.parametrize("text", [
    "为确保完成国发42号文件提出的目标,推进工作。",       # a document named by its number
    "情况报送县发展改革局(电子邮箱fgj62@163.com)。",    # an e-mail address
    "详见www.zj.gov.cn/art/2024/1/5/art_1229.html。",  # a web address
    "加快500千伏威宁变等重点输变电工程建设。",            # a voltage class
])
def test_numbers_that_are_not_quantities(text):
    assert read(text, 2024) == []


def test_a_capacity_in_kilovolt_amperes_is_read():
    assert read("户均配变容量不低于2千伏安。", 2020) == [("户均配变容量", 2.0, "千伏安", "≥", 2020, "stated")]


TABLE = """东渡区2024年城市管理重点任务分解表

| 序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限 |
| 1 | 建成区级智慧停车平台，新增公共泊位1500个 | 区城管执法局 | 区交通运输局 | 2024年9月底前 |
| 2 | 完成背街小巷整治40条 | 区住房城乡建设局 | 各街道办事处 | 2024年12月底前 |
"""


def test_targets_in_a_task_table_belong_to_their_rows():
    doc = extract_text(TABLE).documents[0]
    assert [(t.indicator, t.value, t.task, t.year, t.year_source) for t in doc.targets] == [
        ("新增公共泊位", 1500.0, "body.row1", 2024, "title"),
        ("完成背街小巷整治", 40.0, "body.row2", 2024, "title")]


PREAMBLE = """澜溪市2024年高标准农田建设工作要点

牵头单位：澜溪市农业农村局
责任单位：澜溪市财政局、澜溪市水利局

今年全市计划新建高标准农田12万亩、改造提升5万亩。
"""


def test_targets_before_the_first_section_are_read_and_belong_to_the_documents_task():
    doc = extract_text(PREAMBLE + "\n澜溪市农业农村局\n2024年2月20日\n").documents[0]
    assert [(t.indicator, t.value, t.task, t.year, t.year_source) for t in doc.targets] == [
        ("新建高标准农田", 120000.0, "body", 2024, "relative"), ("改造提升高标准农田", 50000.0, "body", 2024, "relative")]
    undated = extract_text(PREAMBLE).documents[0]  # 今年 of an undated text: the title's year stands in
    assert [(t.year, t.year_source) for t in undated.targets] == [(2024, "title"), (2024, "title")]
