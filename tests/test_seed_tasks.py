"""Tasks of 72号 and their responsible departments, roles and provenance."""

from collections import Counter

import pytest

D72 = "浙政办发〔2017〕72号"


@pytest.fixture(scope="module")
def tasks(docs):
    return {t.id: t for t in docs[D72].tasks}


def test_twenty_six_tasks(docs, tasks):
    assert len(tasks) == 26
    assert sum(t.startswith("2.") for t in tasks) == 20
    assert [t for t in tasks if t.startswith("3.")] == ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6"]
    assert all(not docs[n].tasks for n in docs if n != D72)


def test_first_task_in_written_order(tasks):
    t = tasks["2.1.1"]
    assert t.title == "提升重点领域标准水平"
    assert [(r.org.mention, r.role) for r in t.responsibilities] == [
        ("省质监局", "lead"), ("省经信委", "participant"), ("省商务厅", "participant"),
        ("省食品药品监管局", "participant"), ("浙江检验检疫局", "participant")]
    assert {r.rule for r in t.responsibilities} == {"first-listed-leads"}


def test_rule_carries_to_later_lists(tasks):
    assert [(r.org.organisation, r.role) for r in tasks["3.4"].responsibilities] == [
        ("zj-housing-construction", "lead")]
    assert tasks["3.1"].responsibilities[0].org.organisation == "zj-eitc"
    assert tasks["3.1"].responsibilities[0].role == "lead"


def test_list_on_a_new_page_belongs_to_its_task(tasks):
    t = tasks["2.1.3"]
    assert [r.org.mention for r in t.responsibilities][:2] == ["省质监局", "省发展改革委"]
    assert (t.span.line, t.span.end_line, t.clause.line) == (73, 75, 75)


def test_page_break_inside_a_name_is_repaired(tasks):
    r = next(r for r in tasks["2.4.1"].responsibilities if r.org.mention == "省卫生计生委")
    assert r.org.organisation == "zj-health-family-planning"
    assert r.org.span.text == "省卫生计\n\n生委"
    assert (r.org.span.line, r.org.span.end_line) == (103, 105)


def test_collective_and_distributive_actors(tasks):
    mentions = [r.org.mention for r in tasks["2.4.1"].responsibilities]
    assert mentions[-1] == "各市、县〔市、区〕政府"
    assert tasks["2.4.1"].responsibilities[-1].org.organisation == "zj-local-governments"
    cities = [r.org for r in tasks["3.1"].responsibilities][-8:]
    assert [c.mention for c in cities] == ["杭州市政府", "宁波市政府", "湖州市政府", "嘉兴市政府", "绍兴市政府",
                                           "金华市政府", "衢州市政府", "舟山市政府"]
    assert [c.organisation for c in cities][:2] == ["zj-hangzhou-gov", "zj-ningbo-gov"]
    assert [c.span.text for c in cities][:2] == ["杭州", "宁波"]


def test_forty_spellings_thirty_nine_organisations(docs):
    pairs = {(r.org.mention, r.org.organisation) for t in docs[D72].tasks for r in t.responsibilities}
    assert len({m for m, _ in pairs}) == 40
    assert len({o for _, o in pairs}) == 39
    assert ("省食品药品监督管理局", "zj-food-drug") in pairs and ("省食品药品监管局", "zj-food-drug") in pairs
    assert all(not o.startswith("unresolved:") for _, o in pairs)


def test_quality_bureau_leads_sixteen_and_joins_twenty_two(docs):
    roles = Counter(r.role for t in docs[D72].tasks for r in t.responsibilities
                    if r.org.organisation == "zj-quality-supervision")
    assert roles == {"lead": 16, "participant": 6}


def test_every_mention_quotes_its_source(seed_path, docs):
    text = seed_path.read_text(encoding="utf-8")
    for t in docs[D72].tasks:
        assert text[t.span.start:t.span.end] == t.span.text
        for r in t.responsibilities:
            s = r.org.span
            assert text[s.start:s.end] == s.text
            assert s.file == str(seed_path)
