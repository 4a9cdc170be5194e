"""(jurisdiction, written form, year) → organisation, at every level, traps included; never wrong silently."""

import json
from pathlib import Path

import pytest

from kg.records import DocNumber
from kg.reference.jurisdictions import document_jurisdiction, load_prefixes
from kg.reference.organisations import load_table

CASES = json.loads((Path(__file__).parent / "data" / "cases.json").read_text("utf-8"))["cases"]


@pytest.fixture(scope="module")
def t():
    return load_table()


def resolved(t, written, year, where=None):
    r = t.resolve(written, year, where)
    return (r.id, r.name) if r.resolved else (None, r.reason.value, r.candidates)


@pytest.mark.parametrize("case", [c for c in CASES if c["kind"] == "name"],
                         ids=lambda c: f"{c['jurisdiction']}-{c['written']}-{c['year']}")
def test_worked_name_cases(t, case):
    r = t.resolve(case["written"], case["year"], case["jurisdiction"])
    assert (r.name if r.resolved else None) == case["expected"], case["why"]


@pytest.mark.parametrize("case", [c for c in CASES if c["kind"] == "doc_number"], ids=lambda c: c["written"])
def test_worked_document_number_cases(t, case):
    prefix = case["written"].split("〔")[0]
    number = DocNumber(prefix, case["year"], 1)
    gazette = f"{case['jurisdiction']}人民政府公报" if case["jurisdiction"] else None
    division, reason = document_jurisdiction(number, gazette=gazette, table=t)
    if case["expected"] is None:
        assert division is None and reason.startswith("undecided"), case["why"]
    else:
        code = "national" if division.name == "全国" else division.code
        assert load_prefixes().explain(prefix, code) == case["expected"], case["why"]


def test_central_level(t):
    assert resolved(t, "发展改革委", 2019, "全国") == ("cn-ndrc", "国家发展和改革委员会")
    assert resolved(t, "应急部", 2019, "全国") == ("cn-mem", "应急管理部")
    assert [resolved(t, "国家计委", y, "全国") for y in (1995, 2005)] == [
        ("cn-spc", "国家计划委员会"), ("cn-sdpc", "国家发展计划委员会")]
    assert t.resolve("国家计委", 2005, "全国").reason == "historical"
    assert resolved(t, "国家计委", 1998, "全国") == (None, "reform-year", ("cn-spc", "cn-sdpc"))
    assert [t.resolve("国家计委", 1998, "全国", date=d).id for d in ("1998-02-01", "1998-06-01")] == ["cn-spc", "cn-sdpc"]
    assert [resolved(t, n, y, "全国")[0] for n, y in (("卫生部", 2010), ("国家卫生计生委", 2015),
                                                     ("国家卫生健康委", 2019))] == ["cn-moh", "cn-nhfpc", "cn-nhc"]
    assert resolved(t, "国 务 院", 1996, None) == ("cn-state-council", "国务院")
    assert resolved(t, "国务院办公厅", 2019) == resolved(t, "国办", 2019, "全国") == ("cn-gosc", "国务院办公厅")
    assert resolved(t, "中央军委", 2000) == resolved(t, "中 央 军 委", 1999, "全国") == ("cn-cmc", "中央军事委员会")
    assert resolved(t, "国家核安全局", 2020) == ("cn-nnsa", "国家核安全局")
    assert resolved(t, "统计局", 2019, "全国") == ("cn-nbs", "国家统计局")


def test_provincial_level_of_three_provinces(t):
    # 省 in a Guangdong document is Guangdong, never Zhejiang; Zhejiang's is the hand-checked table's
    assert resolved(t, "省发展改革委", 2019, "广东省") == ("440000-development-reform", "广东省发展和改革委员会")
    assert resolved(t, "省发展改革委", 2019, "浙江省") == ("zj-drc", "浙江省发展和改革委员会")
    assert resolved(t, "省经信委", 2015, "浙江省") == ("zj-eitc", "浙江省经济和信息化委员会")
    assert resolved(t, "统计局", 2019, "浙江省") == ("zj-statistics", "浙江省统计局")
    # variants by province: 经济和信息化厅 (四川, 浙江) vs 工业和信息化厅 (江苏, 广东); 林业和草原局 vs 林业局
    assert resolved(t, "省经济和信息化厅", 2020, "四川省") == ("510000-industry-it", "四川省经济和信息化厅")
    assert resolved(t, "省工业和信息化厅", 2021, "江苏省") == ("320000-industry-it", "江苏省工业和信息化厅")
    assert resolved(t, "省经济和信息化厅", 2021, "江苏省") == (None, "unknown", ())
    assert resolved(t, "省林草局", 2020, "四川省") == ("510000-forestry", "四川省林业和草原局")
    assert resolved(t, "省林业局", 2020, "江西省") == ("360000-forestry", "江西省林业局")
    assert resolved(t, "省林草局", 2020, "江西省") == (None, "unknown", ())
    # a municipality writes 市 for 省: its departments are provincial-level
    bj = t.resolve("市发展改革委", 2021, "北京市").organisation
    assert (bj.id, bj.name, bj.kind, bj.jurisdiction) == (
        "110000-development-reform", "北京市发展和改革委员会", "provincial_department", "北京市")
    assert resolved(t, "北京市发展改革委", 2020, "全国") == ("110000-development-reform", "北京市发展和改革委员会")
    assert resolved(t, "自治区党委组织部", 2020, "广西壮族自治区") == (
        "450000-party-organisation", "中共广西壮族自治区委组织部")


def test_city_and_county_level(t):
    assert resolved(t, "市发展改革委", 2020, "广州市") == ("440100-development-reform", "广州市发展和改革委员会")
    assert resolved(t, "市人力资源和社会保障局", 2020, "广州市") == ("440100-hrss", "广州市人力资源和社会保障局")
    assert resolved(t, "省财政厅", 2020, "广州市") == ("440000-finance", "广东省财政厅")
    assert resolved(t, "发展改革委", 2024, "深圳市") == ("440300-development-reform", "深圳市发展和改革委员会")
    assert resolved(t, "市生态环境局陵川分局", 2019, "陵川县") == (
        "140524-ecology-environment", "晋城市生态环境局陵川分局")
    assert resolved(t, "县发展和改革局", 2019, "陵川县") == ("140524-development-reform", "陵川县发展和改革局")
    assert resolved(t, "市政府", 2017, "杭州市") == ("zj-hangzhou-gov", "杭州市人民政府")
    gz = t.resolve("市工业和信息化委", 2017, "广州市")
    assert (gz.id, gz.name) == ("440100-eitc", "广州市工业和信息化委员会")
    # a function's department written generically, after the level word
    assert resolved(t, "市发改部门", 2016, "济南市") == ("370100-development-reform", "济南市发展和改革委员会")
    assert resolved(t, "市质监部门", 2016, "济南市") == ("370100-quality", "济南市质量技术监督局")
    assert resolved(t, "深圳供电局", 2024, "深圳市") == ("440300-power-supply", "深圳供电局")  # 南方电网, not 国网


def test_an_ambiguous_form_resolves_to_neither(t):
    # 鼓楼区 is a district of four cities
    r = t.resolve("鼓楼区发展和改革局", 2020, "全国")
    assert (r.organisation, r.reason, len(r.candidates)) == (None, "ambiguous", 4)
    # a bare central short form where the jurisdiction is undecided, or unheld locally
    assert resolved(t, "统计局", 2019) == (None, "central-or-local", ("cn-nbs",))
    assert resolved(t, "人民银行", 2019, "广东省") == (None, "central-or-local", ("cn-pbc",))
    # relative names need a jurisdiction
    assert resolved(t, "省发展改革委", 2019, "全国") == (None, "needs-jurisdiction", ())
    assert resolved(t, "有关部门", 2019) == (None, "needs-jurisdiction", ("coll-relevant-departments",))
    # generic organ names
    assert resolved(t, "政治工作部", 2018, "全国") == (None, "generic", ())


def test_collectives_are_one_organisation_of_their_jurisdiction(t):
    assert resolved(t, "各省、自治区、直辖市人民政府", 2019, "全国") == (
        "coll-all-provincial-governments", "各省、自治区、直辖市人民政府")
    assert resolved(t, "国务院各部门", 2019, "全国")[0] == "coll-sc-departments"
    assert resolved(t, "有关部门", 2019, "全国")[0] == "coll-relevant-departments"
    assert resolved(t, "有关部门", 2019, "广州市") == ("440100-coll-relevant-departments", "有关部门(广州市)")
    assert resolved(t, "各地级以上市人民政府", 2019, "广东省")[0] == "440000-coll-guangdong-cities"
    assert resolved(t, "各市、县(市、区)人民政府", 2017, "浙江省")[0] == "zj-local-governments"
    assert t.get("440100-coll-relevant-departments").collective


def test_units_and_several_names(t):
    assert resolved(t, "国家林业和草原局科技司", 2020, "全国") == ("cn-nfga/科技司", "国家林业和草原局科技司")
    issuer = t.get("320000-market-regulation")
    r = t.resolve("食品安全协调处", 2022, "江苏省", issuer)
    assert (r.id, r.reason) == ("320000-market-regulation/食品安全协调处", "internal-unit")
    assert t.resolve("食品安全协调处", 2022, "江苏省").reason == "unknown"  # without the issuer: nobody's
    assert t.get(r.id).parent == "320000-market-regulation"
    assert resolved(t, "国务院、中央军委", 2000, "全国") == (None, "several", ("cn-state-council", "cn-cmc"))
    assert resolved(t, "民政部国家卫生健康委员会", 2019, "全国") == (None, "several", ("cn-mca", "cn-nhc"))
    assert resolved(t, "奉贤区柘林镇人民政府", 2023, "奉贤区") == (
        "310120-柘林镇-township-government", "上海市奉贤区柘林镇人民政府")
    assert t.get("310120-柘林镇-township-government").name == "上海市奉贤区柘林镇人民政府"
    assert resolved(t, "黄埔海关", 2024, "广州市") == ("440000-customs-黄埔", "中华人民共和国黄埔海关")
