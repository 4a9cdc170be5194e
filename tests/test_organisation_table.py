"""The reference tables are consistent: no dangling ids, no form two live bodies share, years that follow each chain."""

import json
from pathlib import Path

import pytest

from kg.reference.divisions import load_divisions
from kg.reference.forms import mention_key
from kg.reference.functions import load_functions
from kg.reference.jurisdictions import load_prefixes
from kg.reference.organisations import load_table
from kg.reference.provinces import load_provinces
from kg.vocabulary import ORGANISATION_KINDS

DATA = Path(__file__).parent / "data"
YEARS = range(1980, 2027)


@pytest.fixture(scope="module")
def table():
    return load_table()


def _listed(table):
    return [*table.zhejiang.organisations, *table.central.organisations]


def test_the_tables_hold_what_was_researched(table):
    d = load_divisions()
    levels = [x.level for x in d]
    assert (levels.count("province"), levels.count("prefecture"), levels.count("county")) == (35, 333, 2845)
    assert (len(table.zhejiang), len(table.central.organisations), len(table.collectives.collectives)) == (114, 466, 35)
    assert (len(load_functions()), len(load_provinces()), len(load_prefixes().prefixes)) == (145, 35, 222)
    assert [p["name"] for p in load_provinces() if p["type"] == "corps"] == ["新疆生产建设兵团"]


def test_zhejiang_ids_never_change(table):
    ids = json.loads((DATA / "zhejiang_ids.json").read_text("utf-8"))["ids"]
    assert [o.id for o in table.zhejiang.organisations] == ids
    without = [o.id for o in table.zhejiang.organisations if o.function is None]
    assert without == ["zj-financial-holdings", "zj-local-governments", "zj-city-governments"]


def test_no_dangling_ids(table):
    functions = load_functions()
    dangling = []
    for o in _listed(table):
        links = [*o.predecessors, *o.successors, *([o.parent] if o.parent else [])]
        dangling += [(o.id, x) for x in links if x not in table]
        dangling += [(o.id, x) for x in o.partial if x not in (*o.predecessors, *o.successors)]
        dangling += [(o.id, x) for x, _ in o.link_years if x not in (*o.predecessors, *o.successors)]
        dangling += [(o.id, o.function)] if o.function and o.function not in functions else []
        dangling += [(o.id, o.kind)] if o.kind not in ORGANISATION_KINDS else []
    for o in table.central.organisations:
        dangling += [(o.id, s) for s in o.sources if s not in table.central.sources]
    tops = {t["id"] for t in functions.top_concepts}
    for f in functions:
        dangling += [(f.id, c) for c, _, _ in f.central if c not in table.central]
        dangling += [(f.id, g) for g in (*f.predecessors, *f.successors) if g not in functions]
        dangling += [(f.id, f.broader)] if f.broader not in tops else []
        dangling += [(f.id, v.duty_of) for v in f.variants if v.duty_of and v.duty_of not in functions]
    assert dangling == []
    assert not tops & {f.id for f in functions}  # concepts and top concepts share one IRI space


def test_links_are_symmetric_and_years_follow_each_chain(table):
    problems = []
    for o in _listed(table):
        for s in o.successors:
            after = table.get(s)
            problems += [("asymmetric", o.id, s)] if o.id not in after.predecessors else []
            if s in o.partial:  # a spin-off while the body lived on
                continue
            problems += [("successor of a live body", o.id, s)] if o.valid_to is None else []
            if o.valid_to is not None and after.valid_from is not None and after.valid_from > o.valid_to + 1:
                problems.append(("gap", o.id, o.valid_to, s, after.valid_from))
            if after.valid_to is not None and after.valid_to < o.valid_to:
                problems.append(("successor ended first", o.id, s))
        problems += [("asymmetric", p, o.id) for p in o.predecessors if o.id not in table.get(p).successors]
    functions = load_functions()
    for f in functions:
        t = f.templates.get("provincial")
        for g in f.successors:
            u = functions.get(g).templates.get("provincial")
            if t and u and t.valid_to is not None and u.valid_from is not None and u.valid_from > t.valid_to + 1:
                problems.append(("function gap", f.id, g))
    assert problems == []


def test_no_two_live_bodies_share_a_form_in_a_year(table):
    clashes = []
    for year in YEARS:
        for key, orgs in table.central._by_key.items():
            live = [o.id for o in orgs if o.valid_in(year)]
            clashes += [(year, key, live)] if len(live) > 1 else []
        for key, pairs in table.zhejiang._by_key.items():
            live = {o.id for o, _ in pairs if o.valid_in(year)}
            clashes += [(year, key, live)] if len(live) > 1 else []
    assert clashes == []


def test_no_two_local_bodies_share_a_form_in_one_jurisdiction(table):
    d, local = table.divisions, table.local
    places = [x for x in d if x.level == "province" and local.governed(x)]
    places += [d.find(n) for n in ("广州市", "深圳市", "杭州市", "南京市", "延边朝鲜族自治州", "晋城市", "阿拉善盟")]
    places += [d.find(n) for n in ("陵川县", "嘉定区", "海珠区", "义乌市", "长阳土家族自治县")]
    assert len(places) == 45  # 31 + the Corps, 7 prefecture-level, 5 county-level
    clashes = []
    for place in places:
        for key, hits in local._forms(place.code, "own").items():
            if key.endswith("部门"):  # 市工信部门 names a function generically: two bodies of it are ambiguous, by design
                continue
            for year in (1995, 2005, 2012, 2016, 2020, 2025):
                bodies = {h.function for h in hits if h.holds_in(year)}
                clashes += [(place.name, year, key, bodies)] if len(bodies) > 1 else []
    assert clashes == []


def test_division_paths_are_unique_and_names_resolve():
    d = load_divisions()
    assert len({d.path(x) for x in d}) == len(d)
    assert [d.path(x) for x in d.named("朝阳区")] == ["北京市朝阳区", "吉林省长春市朝阳区"]
    assert d.find("临平区").parent == "330100" and d.named("富阳市")[0].name == "富阳区"
    assert d.short(d.find("海南藏族自治州")) == "海南" and "海南" not in d.written(d.find("海南藏族自治州"))


def test_reform_successors(table):
    for old in ("zj-quality-supervision", "zj-industry-commerce", "zj-food-drug"):
        assert "zj-market-regulation" in table.successors_at(old, 2019)
    assert table.successors_at("zj-eitc", 2019) == ["zj-economy-it"]
    assert table.successors_at("zj-health-family-planning", 2019) == ["zj-health"]
    assert table.successors_at("zj-culture", 2025) == ["zj-culture-radio-tourism"]
    # national: 卫生部 → 国家卫生计生委 → 国家卫生健康委; its 1998 spin-off (drugs) is not followed
    assert [table.successors_at("cn-moh", y) for y in (2010, 2015, 2019)] == [["cn-moh"], ["cn-nhfpc"], ["cn-nhc"]]
    assert table.successors_at("cn-sdpc", 2010) == ["cn-ndrc"]
    # pattern-made bodies follow their function's reforms
    assert table.successors_at("440100-quality", 2020) == ["440100-market-regulation"]
    assert table.successors_at("440000-eitc", 2020) == ["440000-industry-it"]
    assert table.successors_at("330000-eitc", 2020) == ["zj-economy-it"]


def test_functions_and_counterparts(table):
    assert [table.get(i).function for i in ("zj-drc", "cn-ndrc", "440100-development-reform")] == [
        "development-reform"] * 3
    assert [table.counterpart(table.get(i)) for i in ("zj-drc", "zj-eitc", "zj-health", "440300-health")] == [
        "cn-ndrc", "cn-miit", "cn-nhc", "cn-nhc"]
    assert table.counterpart(table.get("cn-ndrc")) is None
    gz = table.get("440100-eitc")
    assert (gz.name, gz.aliases, gz.valid_from, gz.valid_to) == (
        "广州市工业和信息化委员会", ("广州市经济和信息化委员会",), 2009, 2019)


def test_forms_are_compared_by_key():
    assert mention_key(" 国 务 院 ") == "国务院" and mention_key("各省（区、市）") == "各省(区、市)"
