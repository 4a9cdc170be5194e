"""Targets, annex tables, industries, honorees and count checks of the seed."""

from collections import Counter

import pytest

from kg.parse.extract import extract_text

D72, D76, D81 = "浙政办发〔2017〕72号", "浙政办发〔2017〕76号", "浙政办发〔2017〕81号"


def find(targets, indicator, **fields):
    hits = [t for t in targets if t.indicator == indicator and all(getattr(t, k) == v for k, v in fields.items())]
    assert hits, f"no target {indicator} {fields}"
    return hits[0]


def test_sample_targets_from_the_issue(docs):
    t72 = docs[D72].targets
    t = find(t72, "制造业质量竞争力指数")
    assert (t.value, t.unit, t.comparator, t.year, t.year_source) == (91, "分", "=", 2019, "stated")
    assert t.span.text == "制造业质量竞争力指数达到91分"
    t = find(t72, "规模以上企业主导产品采标率")
    assert (t.value, t.unit, t.comparator) == (70, "%", "≥")
    t = find(t72, "启动大规模个性化定制项目试点")
    assert (t.value, t.comparator, t.task) == (50, "≈", "3.1")
    t = find(t72, "制定“品”字标“浙江制造”标准", industry="信息", kind="annual")
    assert (t.value, t.value_max, t.unit) == (4, 5, "个")
    t = find(t72, "新增“品”字标“浙江制造”标准", industry="信息")
    assert (t.value, t.value_max, t.year) == (10, 12, 2019)


def test_pm25_from_the_environment_annex(docs):
    pm = [t for t in docs[D72].targets if "PM2.5" in t.indicator]
    assert [(t.year, t.value, t.unit, t.comparator, t.year_source, t.industry) for t in pm] == [
        (2017, 43, "微克/立方米", "≤", "column", "治气"),
        (2018, 41, "微克/立方米", "≤", "column", "治气"),
        (2019, 40, "微克/立方米", "≤", "column", "治气"),
    ]


def test_petrochemical_targets(docs):
    t81 = docs[D81].targets
    t = find(t81, "中水回用率")
    assert (t.value, t.unit, t.comparator, t.year) == (95, "%", "≥", 2020)
    t = find(t81, "规模以上石化企业总产值", kind="level")
    assert (t.value, t.unit, t.comparator, t.value_text) == (1.5e12, "元", ">", "1.5万亿元")
    t = find(t81, "规模以上石化企业总产值", kind="change")
    assert (t.value, t.unit) == (9, "%")
    t = find(t81, "化学需氧量和氨氮排放量")
    assert (t.kind, t.value, t.year) == ("change", 10, 2020)
    assert find(t81, "全省危险化学品生产企业进入化工园区或化工集聚区").year == 2019


def test_no_numbers_that_are_not_targets(seed_issue, docs):
    assert docs[D76].targets == [] and docs["浙政办发〔2017〕87号"].targets == []
    quoted = [t.span.text for d in seed_issue.documents for t in d.targets]
    assert not [q for q in quoted if any(s in q for s in ("期", "〔", "号", "月", "日", "(41", "(56"))]


def test_year_fallback_is_reported(seed_issue):
    notes = [n for n in seed_issue.notices if n.code == "target-year-fallback"]
    assert [n.document for n in notes] == [D72, D81]
    fallback = Counter((t.year_source, t.year) for t in _all_targets(seed_issue)
                       if t.year_source in ("title", "document"))
    # 72号's plan runs 2017—2019, so its undated targets are for 2019; 81号 names no period.
    assert fallback == {("title", 2019): 84, ("document", 2017): 1}


def _all_targets(issue):
    return [t for d in issue.documents for t in d.targets]


def test_policy_package_names_and_progress_figures_are_not_targets():
    issue = extract_text("关于某事的通知\n\n浙政发〔2019〕3号\n\n各市政府:\n\n"
                         "一、进展\n\n2018年,全省生产总值达到5.6万亿元,增长7.1%。落实民营经济31条。\n\n"
                         "二、目标\n\n到2020年,全省生产总值达到6.5万亿元左右。\n", "t.txt")
    targets = issue.documents[0].targets
    assert [(t.indicator, t.value, t.comparator, t.year) for t in targets] == [
        ("全省生产总值", 6.5e12, "≈", 2020)]


def test_annex_tables(docs):
    tables = docs[D72].tables
    assert [t.annex for t in tables] == ["annex1", "annex2", "annex3", "annex4", "annex5", "annex6"]
    assert [len(t.rows) for t in tables] == [8, 10, 6, 1, 3, 8]
    assert tables[4].header == ["序号", "项目", "2017年环境指标", "2018年环境指标", "2019年环境指标"]
    cell = tables[0].rows[0][2]
    assert len(cell.items) == 3 and cell.items[0].startswith("每年制定“品”字标“浙江制造”标准4—5个")
    assert "<" not in cell.text


def test_industries(docs):
    by_scheme = {}
    for ind in docs[D72].industries:
        by_scheme.setdefault(ind.scheme_label, []).append(ind.label)
    assert by_scheme["八大万亿产业"] == ["信息", "环保", "健康", "旅游", "时尚", "金融", "高端装备制造", "文化"]
    assert by_scheme["十大传统产业"] == ["纺织", "服装", "皮革", "化工", "化纤", "造纸", "橡胶塑料", "建材",
                                        "有色金属加工", "农副产品加工"]
    assert by_scheme["服务业"] == ["物流", "商贸", "旅游", "文化", "金融", "健康"]
    assert by_scheme["建筑业"] == ["建筑业"]
    assert by_scheme["生态环境"] == ["治水", "治气", "治土"]
    assert len(by_scheme["公共服务"]) == 8 and by_scheme["公共服务"][0] == "公共交通"
    assert [i.label for i in docs[D81].industries] == ["石化"]


def test_honoree_counts_and_checks(seed_issue, docs):
    honorees = docs[D76].honorees
    units = [h for h in honorees if h.kind == "unit"]
    people = [h for h in honorees if h.kind == "person"]
    assert (len(units), len(people)) == (41, 56)
    assert [sum(h.category == c for h in units) for c in ("先进市", "先进县(市、区)", "先进高校")] == [2, 25, 14]
    assert [(c.what, c.declared, c.found, c.ok) for c in seed_issue.checks] == [
        ("先进单位", 41, 41, True), ("先进市", 2, 2, True), ("先进县(市、区)", 25, 25, True),
        ("先进高校", 14, 14, True), ("先进个人", 56, 56, True)]


@pytest.mark.parametrize("name,city", [("建德市", "杭州市"), ("海盐县", "嘉兴市"), ("缙云县", "丽水市"),
                                       ("杭州市江干区", "杭州市"), ("开化县", "衢州市")])
def test_county_units_get_their_city(docs, name, city):
    unit = next(h for h in docs[D76].honorees if h.name == name)
    assert unit.parent_place == city


def test_named_people(docs):
    people = {h.name: h for h in docs[D76].honorees if h.kind == "person"}
    assert "郑 盛" not in people
    z = people["郑盛"]
    assert (z.position, z.organisation, z.place, z.parent_place) == (
        "临安市人力社保局党委书记、局长", "临安市人力社保局", "临安市", "杭州市")
    assert z.span.text == "郑 盛 临安市人力社保局党委书记、局长"
    liu = people["刘志清"]
    assert (liu.position, liu.place, liu.parent_place) == ("杭州市上城区望江街道武装部部长", "杭州市上城区", "杭州市")
    jiang = people["江勇"]
    assert (jiang.organisation, jiang.place) == ("丽水市国动委综合办", "丽水市")


def test_a_count_mismatch_is_reported():
    issue = extract_text("关于表彰的通报\n\n浙政办发〔2018〕9号\n\n各市政府:\n\n一、先进单位(3 个):杭州市、宁波市。\n",
                         "t.txt")
    assert [(c.declared, c.found, c.ok) for c in issue.checks] == [(3, 2, False)]
    assert [n.message for n in issue.notices if n.code == "count-mismatch"] == [
        "先进单位: the text declares 3, 2 were extracted"]


def test_text_that_defeats_a_pattern_is_a_warning_with_its_line():
    issue = extract_text("关于某事的通知\n\n浙政发〔2019〕3号\n\n各市政府:\n\n一、目标\n\n"
                         "推动达到国际先进水平的企业占比为30%。\n", "t.txt")
    assert issue.documents[0].targets == []
    [note] = [n for n in issue.notices if n.code == "target-unread"]
    assert note.line == 9 and "企业占比为30%" in note.message
