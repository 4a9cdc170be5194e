"""A document's jurisdiction from its clues, and documents of every level parsed and built in theirs."""

import json

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.parse.extract import extract_text
from kg.records import DocNumber
from kg.reference.jurisdictions import document_jurisdiction


def decide(*args, **kwargs):
    division, reason = document_jurisdiction(*args, **kwargs)
    return (division.name if division else None), reason


def test_a_shared_prefix_is_decided_by_context_or_not_at_all():
    number = DocNumber("宁政办发", 2022, 60)
    assert decide(number) == (None, "undecided: 宁政办发 is shared by 宁夏回族自治区, 南京市")
    assert decide(number, ["南京市人民政府办公厅"])[0] == "南京市"
    assert decide(number, title="宁夏回族自治区人民政府办公厅关于加强某项工作的通知")[0] == "宁夏回族自治区"
    assert decide(number, gazette="南京市人民政府公报")[0] == "南京市"
    assert decide(number, addressees=["各市、县(区)人民政府", "自治区政府各部门、各直属机构"])[0] == "宁夏回族自治区"
    assert decide(number, addressees=["各区人民政府", "市府各委办局"])[0] == "南京市"
    assert decide(DocNumber("青政发", 2014, 62), ["青田县人民政府"]) == ("青田县", "issuer: 青田县人民政府")


def test_each_clue_in_its_turn():
    # the issuer first: a cited number (鲁政办字, Shandong) does not make 济南's document provincial
    assert decide(DocNumber("鲁政办字", 2015, 194), ["济南市人民政府办公厅"]) == ("济南市", "issuer: 济南市人民政府办公厅")
    assert decide(DocNumber("国办发", 2019, 2)) == ("全国", "document-number: 国办发 (国务院办公厅)")
    assert decide(DocNumber("苏府", 2015, 83)) == ("苏州市", "document-number: 苏府 (苏州市人民政府)")
    assert decide(DocNumber("皖能源电力", 2016, 78)) == ("安徽省", "document-number: 皖能源电力 (安徽省能源局)")
    assert decide(DocNumber("皖发改能源", 2016, 1)) == ("安徽省", "document-number: 皖发改能源 (an abbreviation)")
    assert decide(DocNumber("林护发", 2019, 3))[0] == "全国"
    assert decide(title="广州市以标准提升牵引设备更新和消费品以旧换新行动方案") == ("广州市", "title: 广州市")
    assert decide(gazette="浙江省人民政府公报") == ("浙江省", "gazette: 浙江省人民政府公报")
    assert decide(addressees=["各省、自治区、直辖市人民政府", "国务院各部委、各直属机构"]) == (
        "全国", "addressees: 各省、自治区、直辖市人民政府")
    assert decide(title="关于推进某项工作的实施意见")[0] is None


STATE_COUNCIL = """国务院办公厅关于推进某项改革的意见

国办发〔2019〕9号

各省、自治区、直辖市人民政府,国务院各部委、各直属机构:

一、主要任务

(一)推进改革。(牵头单位:发展改革委;配合单位:财政部、应急部、各省级人民政府)

(二)加强监管。(卫生健康委牵头,统计局配合)

国务院办公厅

2019年3月1日
"""

GUANGZHOU = """广州市人民政府办公厅关于推进某项工作的通知

穗府办〔2020〕5号

各区人民政府,市政府各部门、各直属机构:

1. 推进工作。(牵头单位:市发展改革委;配合单位:市人力资源和社会保障局、省财政厅、有关部门)

广州市人民政府办公厅

2020年5月6日
"""


def responsibilities(text):
    issue = extract_text(text, strict=True)
    doc = issue.documents[0]
    return doc, [(r.org.mention, r.org.organisation, r.org.reason) for t in doc.tasks for r in t.responsibilities]


def test_a_state_council_document_resolves_its_shortest_forms():
    doc, got = responsibilities(STATE_COUNCIL)
    assert (doc.jurisdiction, doc.jurisdiction_reason) == ("全国", "issuer: 国务院办公厅")
    assert [m.organisation for m in doc.issuers] == ["cn-gosc"]
    assert got == [("发展改革委", "cn-ndrc", "central"), ("财政部", "cn-mof", "central"),
                   ("应急部", "cn-mem", "central"), ("各省级人民政府", "coll-all-provincial-governments", "collective"),
                   ("卫生健康委", "cn-nhc", "central"), ("统计局", "cn-nbs", "central")]


def test_a_city_document_resolves_its_own_and_its_province_departments():
    doc, got = responsibilities(GUANGZHOU)
    assert (doc.jurisdiction, doc.jurisdiction_reason) == ("广东省广州市", "issuer: 广州市人民政府办公厅")
    assert [m.organisation for m in doc.issuers] == ["440100-general-office"]
    assert got == [("市发展改革委", "440100-development-reform", "local"), ("市人力资源和社会保障局", "440100-hrss", "local"),
                   ("省财政厅", "440000-finance", "local"), ("有关部门", "440100-coll-relevant-departments", "collective")]


def test_a_department_s_own_units_resolve_in_its_document():
    # no signature: the number's series names the issuing department, whose 处室 the tasks name bare
    text = ("2022年全省市场监管主要任务分工方案\n\n苏市监〔2022〕1号\n\n"
            "1. 提升质量。(牵头单位:质量发展处;配合单位:执法稽查局、省药品监管局、省局信息中心)\n")
    doc, got = responsibilities(text)
    assert (doc.jurisdiction, doc.jurisdiction_reason) == ("江苏省", "document-number: 苏市监 (江苏省市场监督管理局)")
    assert got == [("质量发展处", "320000-market-regulation/质量发展处", "internal-unit"),
                   ("执法稽查局", "320000-market-regulation/执法稽查局", "internal-unit"),
                   ("省药品监管局", "320000-drug", "local"),
                   ("省局信息中心", "320000-market-regulation/省局信息中心", "internal-unit")]


def test_honorees_find_their_places_in_any_province():
    text = ("广东省人民政府关于表彰某项工作先进单位的决定\n\n粤府〔2020〕8号\n\n各地级以上市人民政府:\n\n"
            "一、先进单位(3 个)\n\n(一)先进市(3 个):广州市、深圳市海珠区、韶关市乐昌市。\n")
    issue = extract_text(text, strict=True)
    doc = issue.documents[0]
    assert doc.jurisdiction == "广东省"
    assert [(h.name, h.place, h.parent_place) for h in doc.honorees] == [
        ("广州市", "广州市", None), ("深圳市海珠区", "深圳市", None), ("韶关市乐昌市", "韶关市乐昌市", "韶关市")]


@pytest.fixture(scope="module")
def national_build(tmp_path_factory):
    """Three national documents of 2010, 2015 and 2019 naming the health ministry of their year."""
    from kg.build.build import build

    folder = tmp_path_factory.mktemp("national")
    names = {2010: "卫生部", 2015: "国家卫生计生委", 2019: "国家卫生健康委"}
    for year, name in names.items():
        (folder / f"{year}.txt").write_text(
            f"国务院办公厅关于某项工作的通知\n\n国办发〔{year}〕1号\n\n各省、自治区、直辖市人民政府:\n\n"
            f"1. 做好工作。(牵头单位:{name};配合单位:财政部、国务院有关部门)\n\n国务院办公厅\n\n{year}年3月1日\n",
            encoding="utf-8")
    out = tmp_path_factory.mktemp("national-build") / "out"
    build([folder], out)
    return out


def test_trends_as_of_continue_the_national_reforms(national_build):
    r = CliRunner().invoke(main, ["trends", "--out", str(national_build), "--as-of", "2019", "--json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    health = [(row["year"], row["department"]) for row in rows if "卫生" in row["department"]]
    assert health == [(2010, "国家卫生健康委员会"), (2015, "国家卫生健康委员会"), (2019, "国家卫生健康委员会")]
    assert {row["department"] for row in rows} == {"国家卫生健康委员会", "财政部"}  # 国务院有关部门: a collective


def test_the_graph_carries_functions_and_counterparts(national_build):
    from kg.api import BuiltGraph

    g = BuiltGraph(national_build)
    rows = g.sparql("""SELECT ?name ?function ?kind WHERE {
        ?o org:classification ?f ; rdfs:label ?name ; kgo:organisationKind ?kind .
        ?f skos:prefLabel ?function ; skos:inScheme/a kgo:FunctionScheme .
        FILTER(LANG(?name) = "zh" && LANG(?function) = "zh") } ORDER BY ?name""").records()
    assert {"name": "国家卫生健康委员会", "function": "卫生健康", "kind": "constituent_department"} in rows
    assert {"name": "卫生部", "function": "卫生", "kind": "constituent_department"} in rows
    chain = g.query("organisation_successors").records()
    assert {"organisation": "卫生部", "successor": "国家卫生和计划生育委员会", "year": 2013} in chain
    assert {"organisation": "国家卫生和计划生育委员会", "successor": "国家卫生健康委员会", "year": 2018} in chain
    documents = g.sparql("SELECT ?n ?j WHERE { ?d eli:id_local ?n ; kgo:jurisdiction ?j }").records()
    assert sorted(r["j"] for r in documents) == ["全国", "全国", "全国"]
    assert g.validate()[0]
