"""Every named query on the seed, parameter binding, and errors."""

import datetime
import re

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import KgError, QueryError
from kg.sparql.queries import load_query, named_queries, run_query

#: Parameters for the queries that take them.
PARAMS = {"tasks_of_department": {"department": "省质监局"}, "targets_by_year": {"year": "2019"},
          "targets_by_industry": {"industry": "治气"}, "citing_documents": {"number": "国发〔2012〕9号"},
          "honorees_by_city": {"city": "丽水市"}, "responsibility_sources": {"department": "省卫生计生委"},
          "documents_by_issuer": {"issuer": "省军区办公室"}, "span_selectors": {"file": "000_81eaf4dbb71cf20c.txt"},
          "document_tree": {"number": "浙政办发〔2017〕72号"}, "responsibility_matrix": {"number": "浙政办发〔2017〕72号"}}


def test_library_has_headers_and_declared_params():
    queries = named_queries()
    assert len(queries) >= 17
    for name, q in queries.items():
        assert q.title and q.description and q.columns, name
        assert {p.name for p in q.params} == set(PARAMS.get(name, {})), name


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_columns_match_the_header(backend, name):
    columns, _ = run_query(backend, load_query(name), PARAMS.get(name, {}))
    assert columns == load_query(name).columns


def test_span_selectors_quote_the_seed_at_their_offsets(run, seed_path):
    text = seed_path.read_text("utf-8")
    spans = run("span_selectors", file=seed_path.name)
    assert len(spans) == 716
    for row in spans:
        assert row["exact"] == text[row["start"]:row["end"]], row
        assert row["span"].endswith(f"#char={row['start']},{row['end']}")
        assert row["line"] == text.count("\n", 0, row["start"]) + 1
        assert row["end_line"] >= row["line"]
    first_lead = next(r for r in spans if r["exact"] == "省质监局")
    assert (first_lead["start"], first_lead["end"], first_lead["line"]) == (2561, 2565, 69)


def test_departments_by_lead(run):
    rows = run("departments_by_lead")
    assert rows[:3] == [{"department": "浙江省质量技术监督局", "tasks_led": 16, "tasks_total": 22},
                        {"department": "浙江省发展和改革委员会", "tasks_led": 4, "tasks_total": 15},
                        {"department": "浙江省经济和信息化委员会", "tasks_led": 3, "tasks_total": 19}]
    assert sum(r["tasks_led"] for r in rows) == 26


def test_department_pairs(run):
    first = run("department_pairs")[0]
    assert first == {"a": "浙江省经济和信息化委员会", "b": "浙江省质量技术监督局", "shared_tasks": 17}


def test_tasks_of_department_by_short_or_full_name(run):
    short = run("tasks_of_department", department="省质监局")
    full = run("tasks_of_department", department="浙江省质量技术监督局")
    assert short == full and len(short) == 22
    assert [r["role"] for r in short].count("lead") == 16
    assert short[0] == {"doc_number": "浙政办发〔2017〕72号", "task": "2.1.1", "title": "提升重点领域标准水平",
                        "role": "lead", "mention": "省质监局"}


def test_targets_by_year_and_industry(run):
    y2020 = run("targets_by_year", year=2020)
    assert {r["indicator"] for r in y2020} >= {"中水回用率", "规模以上石化企业总产值"}
    assert all(r["doc_number"] == "浙政办发〔2017〕81号" for r in y2020)
    air = run("targets_by_industry", industry="治气")
    assert [(r["value"], r["year"]) for r in air if "PM2.5" in r["indicator"]] == [(43.0, 2017), (41.0, 2018),
                                                                                 (40.0, 2019)]


def test_citing_documents(run):
    rows = run("citing_documents", number="国发〔2012〕9号")
    assert rows == [{"doc_number": "浙政办发〔2017〕72号",
                     "title": "浙江省人民政府办公厅关于印发浙江省质量提升三年行动计划(2017—2019年)的通知",
                     "date": datetime.date(2017, 7, 7), "quote": "《质量发展纲要(2011—2020年)》(国发〔2012〕9号)"}]
    assert [r["doc_number"] for r in run("citing_documents", number="浙政发〔2015〕51号")] == [
        "浙政办发〔2017〕72号", "浙政办发〔2017〕81号"]


def test_honorees_by_city(run):
    lishui = run("honorees_by_city", city="丽水市")
    assert {r["name"] for r in lishui} == {"青田县", "缙云县", "丽水学院", "江勇", "毛华新", "吴新立", "秦成业"}
    hangzhou = run("honorees_by_city", city="杭州市")
    assert [r["kind"] for r in hangzhou].count("unit") == 4 and len(hangzhou) == 12
    assert {"郑盛", "建德市", "杭州市"} <= {r["name"] for r in hangzhou}


def test_departments_in_several_documents(run):
    rows = run("departments_in_several_documents")
    assert [(r["department"], r["documents"]) for r in rows] == [("浙江省人民政府办公厅", 4)]
    assert sorted(rows[0]["doc_numbers"].split()) == [
        "浙政办发〔2017〕72号", "浙政办发〔2017〕76号", "浙政办发〔2017〕81号", "浙政办发〔2017〕87号"]


def test_tasks_without_lead(run, tmp_path):
    assert run("tasks_without_lead") == []  # every task of 72号 names a lead
    from kg.build.build import build
    from kg.sparql.backend import LocalStore

    src = tmp_path / "t.txt"
    src.write_text("关于某事的通知\n\n浙政发〔2019〕3号\n\n各市政府:\n\n1. 推进。(责任单位:省发改委、省财政厅)\n",
                   encoding="utf-8")
    build([src], tmp_path / "o")
    _, rows = run_query(LocalStore(tmp_path / "o"), load_query("tasks_without_lead"))
    assert rows == [["浙政发〔2019〕3号", "1", "推进", "省发改委、省财政厅"]]


def test_industries_and_successors(run):
    industries = {r["industry"]: r for r in run("industries")}
    assert industries["旅游"]["schemes"] in ("八大万亿产业、服务业", "服务业、八大万亿产业")
    assert industries["石化"]["targets"] == 0
    successors = run("organisation_successors")
    assert {"organisation": "浙江省质量技术监督局", "successor": "浙江省市场监督管理局", "year": 2018} in successors


def test_responsibility_sources_quote_the_text(run):
    rows = run("responsibility_sources", department="省卫生计生委")
    assert len(rows) == 6
    assert rows[0]["quote"] == "省卫生计\n\n生委" and rows[0]["line"] == 103
    assert rows[0]["file"] in ("000_81eaf4dbb71cf20c.txt", "zhejiang-gazette-2017-24.txt")


def test_documents_by_issuer(run):
    assert run("documents_by_issuer", issuer="省军区办公室") == [
        {"doc_number": "浙政办发〔2017〕76号",
         "title": "浙江省人民政府办公厅 浙江省军区办公室关于2016年征兵工作先进单位和个人的通报",
         "date": datetime.date(2017, 7, 20), "joint": True}]


HOSTILE = ['省质监局" } ?s ?p ?o . {', "省质监局'))}#", "} UNION { ?a ?b ?c }", "省质监局\\\" . } #",
           "\n} SELECT * WHERE { ?s ?p ?o"]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_parameters_stay_values(run, hostile):
    assert run("span_selectors", file=hostile) == []  # a string parameter: one literal, matching nothing
    with pytest.raises(KgError) as caught:  # an organisation: looked up as a name, never pasted into the query
        run("tasks_of_department", department=hostile)
    assert str(caught.value).startswith(f"no department {hostile!r} in the graph; ")


def test_parameters_restrict_aggregates(backend):
    from kg.sparql.queries import parse_header

    q = parse_header("t", "# param: department zh\nSELECT (COUNT(*) AS ?n) WHERE { ?o skos:altLabel ?department . "
                          "?t kgo:lead ?o }")
    assert run_query(backend, q, {"department": "省质监局"})[1] == [[16]]


def test_bad_parameters_and_syntax_errors(backend, built, tmp_path):
    with pytest.raises(QueryError, match='^query \'tasks_of_department\' needs department="…" \\(the department: '):
        run_query(backend, load_query("tasks_of_department"))
    r = CliRunner().invoke(main, ["query", "tasks_of_department", "--out", str(built)])
    assert r.output.startswith("Error: query 'tasks_of_department' needs --param department=VALUE (the department: ")
    with pytest.raises(QueryError, match="not a valid year"):
        run_query(backend, load_query("targets_by_year"), {"year": "next"})
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?x\nWHERE {\n  ?x ?y\n}\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["query", str(bad), "--out", str(built)])
    assert r.exit_code == 1
    assert re.fullmatch(rf"Error: {re.escape(str(bad))}: SPARQL syntax error at \(\d+, \d+\): \S.*\n", r.output), r.output
    r = CliRunner().invoke(main, ["query", "zzzz", "--out", str(built)])
    assert r.exit_code == 1
    assert r.output == ("Error: no query named 'zzzz'; see assignment_roles, citations, " + ", ".join(
        list(named_queries())[2:]) + " (kg query --list lists them)\n")
    r = CliRunner().invoke(main, ["query", "tasks_of_departmen", "--out", str(built)])
    assert r.output == ("Error: no query named 'tasks_of_departmen'; did you mean tasks_of_department, tasks or "
                        "department_pairs? (kg query --list lists them)\n")


def test_query_from_stdin_and_tsv(built):
    r = CliRunner().invoke(main, ["query", "-", "--out", str(built), "--format", "tsv"],
                           input="SELECT ?n WHERE { ?d eli:id_local ?n ; kgo:publishedIn ?i } ORDER BY ?n LIMIT 1")
    assert r.output == "n\n浙政办发〔2017〕72号\n"


def test_queries_that_name_roles_name_every_role():
    """Each role of the graph (kg.vocabulary.Role) in every query that lists roles, so no assignment is dropped."""
    from kg.vocabulary import Role

    for name, q in named_queries().items():
        if "kgo:leadRole" in q.text and "VALUES (?r ?role)" in q.text:
            missing = [r.value for r in Role if f'(kgo:{r.term} "{r.value}")' not in q.text]
            assert missing == [], name
