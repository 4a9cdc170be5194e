"""Every command answers a researcher (issue 16): names read as meant, no silent empty table, the formats people open."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from kg.cli import main

ZJ = "https://w3id.org/kg-gazette/id/org/"


def kg(*args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], **kwargs)


def rows_of(r):
    return list(csv.DictReader(io.StringIO(r.stdout)))


# -- names ----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["省质监局", "质监局", "省質監局", "浙江省质量技术监督局", "zj-quality-supervision",
                                  ZJ + "zj-quality-supervision", "Zhejiang Bureau of Quality and Technical Supervision",
                                  "zhejiang bureau of quality and technical supervision", " 省 质监局 "])
def test_a_department_by_any_of_its_names(built, name):
    r = kg("query", "tasks_of_department", "--graph", built, "--param", f"department={name}", "--csv")
    assert r.exit_code == 0, r.output
    rows = rows_of(r)
    assert len(rows) == 22 and rows[0] == {"doc_number": "浙政办发〔2017〕72号", "task": "2.1.1",
                                           "title": "提升重点领域标准水平", "role": "lead", "mention": "省质监局"}
    assert r.stderr == ""


def test_a_misspelt_department_is_an_error_that_suggests_never_a_guess(built):
    r = kg("query", "tasks_of_department", "--graph", built, "--param", "department=省质检局")
    assert r.exit_code == 1
    assert r.output == ("Error: no department '省质检局' in the graph; did you mean 省质监局, "
                        "中华人民共和国浙江出入境检验检疫局 or 浙江出入境检验检疫局?\n")
    r = kg("trends", "--graph", built, "--department", "省不存在局")
    assert r.exit_code == 1 and r.output == ("Error: no department '省不存在局' with tasks in the graph; kg centrality "
                                             "lists the departments with tasks\n")


def test_a_successor_is_named_and_its_predecessors_listed(built):
    r = kg("trends", "--graph", built, "--as-of", 2019, "--department", "省质监局", "--csv")
    assert r.exit_code == 0, r.output
    assert rows_of(r) == [{"year": "2017", "department": "浙江省市场监督管理局", "short": "省市场监管局",
                           "tasks_led": "16", "tasks_participant": "6", "tasks_total": "22",
                           "weighted_degree": "120", "betweenness": "0.297696", "pagerank": "0.357554"}]
    r = kg("trends", "--graph", built, "--department", "省市场监管局")
    assert r.exit_code == 1 and r.output == (
        "Error: no department '省市场监管局' with tasks in the graph; it was formed from 浙江省工商行政管理局、"
        "浙江省质量技术监督局、浙江省食品药品监督管理局: name one of them, or map them to it with --as-of YEAR\n")


@pytest.mark.parametrize("number", ["国发〔2012〕9号", "国发[2012]9号", "国发(2012)9号", "国发（2012）9号",
                                    "国发【2012】9号", "國發〔2012〕9號"])
def test_document_numbers_in_any_brackets(built, number):
    r = kg("query", "citing_documents", "--graph", built, "--param", f"number={number}", "--csv")
    assert r.exit_code == 0, r.output
    assert [(x["doc_number"], x["quote"]) for x in rows_of(r)] == [
        ("浙政办发〔2017〕72号", "《质量发展纲要(2011—2020年)》(国发〔2012〕9号)")]
    r = kg("centrality", "--graph", built, "--document", number.replace("国发", "浙政办发").replace("2012", "2017")
           .replace("9", "72").replace("國發", "浙政辦發").replace("號", "号"), "--top", 1, "--csv")
    assert r.exit_code == 0 and rows_of(r)[0]["short"] == "省质监局"


def test_names_are_asked_of_the_graph_only_when_a_lookup_needs_them(backend):
    """A number asks for itself alone, a department for the names and contexts, never the 25 000 numbers of a corpus."""
    from kg.sparql.names import GraphNames
    from kg.sparql.queries import named_queries

    asked = []
    texts = {q.text: name for name, q in named_queries().items()}

    class Counting:
        def strings(self, text):
            asked.append(texts.get(text, "one number"))
            return backend.strings(text)

    names = GraphNames.from_backend(Counting())
    assert asked == []
    assert names.document("浙政办发〔2017〕72号").value == "浙政办发〔2017〕72号"  # as the graph writes it: asked alone
    assert asked == ["one number"]  # a document's number needs no organisation's name
    assert names.organisation("质监局").value == ZJ + "zj-quality-supervision"  # a name the graph holds
    names.organisation("省市场监督管理局", as_of=2019)  # one it does not: read through the table, in its contexts
    assert asked == ["one number", "organisation_names", "document_contexts"]
    assert names.document("浙政办发[2017]72号").value == "浙政办发〔2017〕72号"
    assert asked == ["one number", "organisation_names", "document_contexts", "one number", "document_dates"]


def test_an_unknown_document_suggests_the_nearest(built):
    r = kg("centrality", "--graph", built, "--document", "浙政办发〔2017〕99号")
    assert r.exit_code == 1 and r.output == ("Error: no document numbered '浙政办发〔2017〕99号' in the graph; did you "
                                             "mean 浙政办发〔2017〕11号, 浙政办发〔2017〕72号 or 浙政办发〔2017〕76号?\n")


def test_an_undeclared_parameter_is_an_error(built, tmp_path):
    query = tmp_path / "mine.rq"
    query.write_text("SELECT ?t WHERE { ?t kgo:lead ?o . ?o skos:altLabel ?department }\n", encoding="utf-8")
    r = kg("query", query, "--graph", built, "--param", "department=省质监局")
    assert r.exit_code == 1 and r.output == ("Error: query 'mine' declares no parameter 'department'; it takes: none "
                                             "(declare one with a '# param: NAME TYPE' line)\n")
    r = kg("query", "tasks_of_department", "--graph", built, "--param", "department=省质监局", "--param", "year=2017")
    assert r.exit_code == 1 and r.output == ("Error: query 'tasks_of_department' declares no parameter 'year'; it "
                                             "takes: department\n")


# -- no silent empty result -----------------------------------------------------------------------------------------

def test_an_empty_table_says_why_and_fail_empty_tells_a_script(built):
    r = kg("centrality", "--graph", built, "--year", 2016, "--csv")
    assert r.exit_code == 0
    assert r.stdout.splitlines() == ["department,short,department_en,tasks_led,tasks_participant,tasks_overall_lead,"
                                     "tasks_responsible,tasks_guiding,tasks_implied,tasks_total,degree,weighted_degree,"
                                     "betweenness,closeness,eigenvector,pagerank,core_number"]
    assert r.stderr == ("no rows: no document of 2016 has tasks in the graph (its documents with tasks are of 2017)\n")
    r = kg("centrality", "--graph", built, "--year", 2016, "--fail-empty")
    assert r.exit_code == 3
    r = kg("centrality", "--graph", built, "--year", 2017, "--fail-empty", "--top", 1)
    assert r.exit_code == 0
    r = kg("overlap", "--graph", built, "--between", "documents", "--fail-empty")
    assert r.exit_code == 3 and r.stderr == ("no rows: only one document has tasks (浙政办发〔2017〕72号), so no two "
                                             "documents can be compared; widen the slice or compare departments\n")
    r = kg("communities", "--graph", built, "--document", "浙政办发〔2017〕76号")
    assert r.exit_code == 0 and r.stderr.startswith(
        "no rows: document 浙政办发〔2017〕76号 assigns no tasks (of the graph's documents only 浙政办发〔2017〕72号 does)\n")
    r = kg("query", "tasks_of_department", "--graph", built, "--param", "department=省市场监管局", "--fail-empty")
    assert r.exit_code == 3 and r.stderr == ("no rows: query tasks_of_department matched nothing in the graph for "
                                             "department=省市场监管局 (浙江省市场监督管理局)\n")


# -- --as-of ---------------------------------------------------------------------------------------------------------

def test_as_of_names_the_successor_everywhere_and_roles_add_up(built, tmp_path):
    r = kg("centrality", "--graph", built, "--year", 2017, "--as-of", 2019, "--csv")
    rows = {x["department"]: x for x in rows_of(r)}
    assert "浙江省质量技术监督局" not in rows and "省质监局" not in {x["short"] for x in rows.values()}
    merged = rows["浙江省市场监督管理局"]
    assert (merged["short"], merged["tasks_led"], merged["tasks_participant"], merged["tasks_total"]) == (
        "省市场监管局", "16", "6", "22")
    for x in rows.values():  # one role per organisation per task: the role columns add up to the total
        roles = ("tasks_led", "tasks_participant", "tasks_overall_lead", "tasks_responsible", "tasks_guiding",
                 "tasks_implied")
        assert sum(int(x[k]) for k in roles) == int(x["tasks_total"]), x["department"]
    r = kg("overlap", "--graph", built, "--as-of", 2019, "--top", 1, "--csv")
    assert {rows_of(r)[0]["a"], rows_of(r)[0]["b"]} == {"省市场监管局", "省经信厅"}
    kg("export-network", "--graph", built, "--as-of", 2019, "-o", tmp_path / "n.csv")
    nodes = {x["label"]: x for x in csv.DictReader(open(tmp_path / "n.nodes.csv", encoding="utf-8"))}
    assert "浙江省市场监督管理局" in nodes and "浙江省质量技术监督局" not in nodes
    assert nodes["浙江省市场监督管理局"]["short"] == "省市场监管局"


# -- formats ----------------------------------------------------------------------------------------------------------

def test_every_table_command_writes_every_format(built, tmp_path):
    base = ["query", "tasks_of_department", "--graph", built, "--param", "department=省质监局"]
    first = {"doc_number": "浙政办发〔2017〕72号", "task": "2.1.1", "title": "提升重点领域标准水平", "role": "lead",
             "mention": "省质监局"}
    assert kg(*base, "--tsv").stdout.splitlines()[1] == "\t".join(first.values())
    assert json.loads(kg(*base, "--json").stdout)[0] == first
    lines = kg(*base, "--nl").stdout.splitlines()
    assert len(lines) == 22 and json.loads(lines[0]) == first
    assert kg(*base, "--table").stdout.splitlines()[2].split() == list(first.values())
    r = kg(*base, "--excel-csv", "-o", tmp_path / "t.csv")
    assert r.stdout == f"wrote {tmp_path / 't.csv'}: 22 rows\n"
    data = (tmp_path / "t.csv").read_bytes()
    assert data.startswith("\ufeffdoc_number,task".encode("utf-8"))
    assert kg(*base, "--format", "tsv", "--bom").stdout_bytes.startswith("\ufeffdoc_number\t".encode("utf-8"))
    kg(*base, "-o", tmp_path / "t.jsonl")
    assert json.loads((tmp_path / "t.jsonl").read_text("utf-8").splitlines()[0]) == first
    r = kg(*base, "-o", tmp_path / "t.docx")
    assert r.exit_code == 1 and r.output.startswith(f"Error: {tmp_path / 't.docx'}: kg does not know the format of "
                                                    ".docx files; name it with --format")
    for command in (["centrality"], ["overlap"], ["communities"], ["trends"], ["query", "--list"]):
        r = kg(*command, "--graph", built, "--nl")
        assert r.exit_code == 0 and all(json.loads(x) for x in r.stdout.splitlines()), command


def test_xlsx_opens_in_a_spreadsheet_and_is_the_same_bytes_each_time(built, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    for name in ("a.xlsx", "b.xlsx"):
        r = kg("centrality", "--graph", built, "-o", tmp_path / name)
        assert r.exit_code == 0 and r.stdout == f"wrote {tmp_path / name}: 38 rows\n"
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
    sheet = openpyxl.load_workbook(tmp_path / "a.xlsx").active
    values = list(sheet.values)
    assert sheet.title == "centrality" and values[0][:4] == ("department", "short", "department_en", "tasks_led")
    assert values[1][:5] == ("浙江省质量技术监督局", "省质监局", "Zhejiang Bureau of Quality and Technical Supervision",
                             16, 6)
    r = kg("query", "documents", "--graph", built, "--format", "xlsx", "-o", tmp_path / "d.xlsx")
    rows = list(openpyxl.load_workbook(tmp_path / "d.xlsx").active.values)
    assert rows[1][0] == "浙政办发〔2017〕72号" and rows[1][2].date().isoformat() == "2017-07-07"  # a date, not text
    for command, sheet, rows in ((["overlap"], "overlap", 20), (["communities"], "communities", 4),
                                 (["trends"], "trends", 38), (["query", "tasks"], "tasks", 178),
                                 (["query", "--list"], "queries", 30)):
        path = tmp_path / f"{sheet}.xlsx"
        r = kg(*command, "--graph", built, "-o", path)
        assert r.exit_code == 0 and r.stdout == f"wrote {path}: {rows} rows\n", command
        book = openpyxl.load_workbook(path).active
        assert (book.title, len(list(book.values)) - 1) == (sheet, rows), command


def test_lang_en_for_tables_and_exports(built, tmp_path):
    r = kg("centrality", "--graph", built, "--lang", "en", "--top", 1, "--csv")
    assert rows_of(r)[0]["department"] == "Zhejiang Bureau of Quality and Technical Supervision"
    r = kg("query", "tasks", "--graph", built, "--lang", "en", "--csv")
    first = rows_of(r)[0]
    assert first["department"] == "Zhejiang Bureau of Quality and Technical Supervision"
    assert first["mention"] == "省质监局"  # the words of the source stay as written
    r = kg("communities", "--graph", built, "--lang", "en", "--json")
    assert "Zhejiang" in json.loads(r.stdout)["communities"][0]["departments"]
    kg("export-network", "--graph", built, "--lang", "en", "-o", tmp_path / "en.csv")
    nodes = list(csv.DictReader(open(tmp_path / "en.nodes.csv", encoding="utf-8")))
    quality = next(n for n in nodes if n["id"] == ZJ + "zj-quality-supervision")
    assert quality["label"] == "Zhejiang Bureau of Quality and Technical Supervision"
    assert quality["label_zh"] == "浙江省质量技术监督局"


def test_export_network_goes_by_the_extension(built, tmp_path):
    r = kg("export-network", "--graph", built, "-o", tmp_path / "y.gexf")
    assert r.exit_code == 0 and (tmp_path / "y.gexf").read_text("utf-8").splitlines()[1].startswith("<gexf ")
    r = kg("export-network", "--graph", built, "-o", tmp_path / "y.csv")
    assert r.stdout == f"wrote {tmp_path / 'y.csv'}, {tmp_path / 'y.nodes.csv'}: 38 nodes, 327 edges\n"
    r = kg("export-network", "--graph", built, "-o", tmp_path / "y.graphml")
    assert "<graphml " in (tmp_path / "y.graphml").read_text("utf-8")
    r = kg("export-network", "--graph", built, "-o", tmp_path / "y.png")
    assert r.exit_code == 1 and r.output == (f"Error: {tmp_path / 'y.png'}: a network is written as .graphml, .xml, "
                                             ".gexf or .csv (or name the format: graphml, gexf, csv)\n")
    assert not (tmp_path / "y.png").exists()


# -- extract -------------------------------------------------------------------------------------------------------------

def test_extract_a_folder_as_csv(seed_path, tmp_path):
    folder = tmp_path / "issues"
    folder.mkdir()
    (folder / seed_path.name).write_bytes(seed_path.read_bytes())
    r = kg("extract", folder, "--csv")
    assert r.exit_code == 0, r.output
    rows = rows_of(r)
    assert len(rows) == 178 and rows[0] == {
        "file": str(folder / seed_path.name), "doc_number": "浙政办发〔2017〕72号", "task": "2.1.1",
        "title": "提升重点领域标准水平", "department": "zj-quality-supervision", "mention": "省质监局", "role": "lead",
        "line": "69"}
    r = kg("extract", folder, "--rows", "documents", "--tsv")
    assert [x.split("\t")[1] for x in r.stdout.splitlines()] == [
        "doc_number", "浙政办发〔2017〕72号", "浙政办发〔2017〕76号", "浙政办发〔2017〕81号", "浙政办发〔2017〕87号"]
    r = kg("extract", folder)
    assert json.loads(r.stdout)["format"] == "kg-extract/1"
    r = kg("extract", folder, "-o", tmp_path / "tasks.xlsx")
    assert r.exit_code == 0 and r.stdout == f"wrote {tmp_path / 'tasks.xlsx'}: 178 rows\n"
    r = kg("extract", tmp_path / "empty-folder-missing")
    assert r.exit_code == 1


# -- the graph a command reads ---------------------------------------------------------------------------------------

def test_graph_names_the_folder_and_out_stays_an_alias(built):
    for flag in ("--graph", "--out"):
        r = kg("centrality", flag, built, "--top", 1, "--csv")
        assert r.exit_code == 0 and rows_of(r)[0]["short"] == "省质监局"
    r = kg("query", "documents", "--graph", built, "--csv")
    assert len(rows_of(r)) == 4
    r = kg("query", "documents", "--graph", "https://example.org/zj")
    assert r.exit_code == 1 and r.output == "Error: --graph names a graph on a SPARQL server; give --endpoint URL too\n"
    r = kg("query", "documents", "--graph", built, "--out", built.parent)
    assert r.exit_code == 2 and f"--graph {built} and --out {built.parent} name two folders; give one" in r.output


def test_a_missing_extra_is_one_line(built, tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if only `pip install -e .` had run
    r = kg("figure", "--graph", built, "-o", tmp_path / "f.svg")
    assert r.exit_code == 1 and r.output == ("Error: a figure (kg figure, --plot) needs matplotlib, which is not "
                                             "installed; pip install 'kg-gazette[figures]' (or pip install -e "
                                             "'.[figures]' in a checkout)\n")
    assert not (tmp_path / "f.svg").exists()


def test_every_extra_the_code_names_is_in_pyproject():
    import tomllib
    from pathlib import Path

    from kg.extras import EXTRAS

    extras = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text("utf-8"))[
        "project"]["optional-dependencies"]
    for module, extra in EXTRAS.items():
        assert any(d.lower().startswith(module.lower()) for d in extras[extra]), (module, extra)
    assert {"ipykernel", "notebook"} <= {d.split(">")[0] for d in extras["notebook"]}  # runs the shipped notebook


# -- a server ------------------------------------------------------------------------------------------------------------

def test_serve_then_push_says_push_needs_a_writable_server(built):
    from .servers import free_port
    from .test_endpoint import _serve

    port = free_port()
    proc, _ = _serve(built, port)
    try:
        r = kg("push", "--endpoint", f"http://127.0.0.1:{port}/store", "--graph", built)
        unknown = kg("query", "documents", "--endpoint", f"http://127.0.0.1:{port}/query", "--graph",
                     "https://example.org/nothing", "--fail-empty")
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert err.startswith(f"SPARQL endpoint: http://127.0.0.1:{port}/query  (read-only: kg push needs a writable "
                          "server; Ctrl-C to stop)")
    assert r.exit_code == 1 and r.output == (
        f"Error: http://127.0.0.1:{port}/store?default: the server answered 403 Forbidden: The server is read-only; "
        "kg push needs a writable server (kg serve is read-only: start a writable one, e.g. oxigraph serve --location "
        "DIR); nothing was written, the default graph is unchanged\n")
    assert unknown.exit_code == 3 and unknown.stderr == ("no rows: the graph https://example.org/nothing holds no "
                                                         "triples on the server; kg push --graph IRI uploads one\n")


# -- progress ------------------------------------------------------------------------------------------------------------

class Terminal(io.StringIO):
    """Standard error as a terminal shows it."""

    def isatty(self):
        return True

    def lines(self):
        """What stays on the screen, and every label shown on the way, in order."""
        shown = [part.replace("\x1b[K", "") for line in self.getvalue().split("\n") for part in line.split("\r")]
        return [s for k, s in enumerate(shown) if s and s not in shown[k - 1:k]]  # a redraw of the same line once


def test_every_long_step_shows_on_a_terminal_and_nothing_when_piped(seed_path, tmp_path):
    from kg.api import BuiltGraph
    from kg.build.build import build
    from kg.progress import Steps

    screen = Terminal()
    build([seed_path], tmp_path / "out", jobs=1, steps=Steps(screen))
    assert screen.lines() == ["parsing: 0/1 files (0%)", "parsing: 1/1 files (100%)",
                              "writing the graph: 1/1 sources (100%)", "loading 13217 triples into the store…",
                              "compacting the store…"]
    screen = Terminal()
    with BuiltGraph(tmp_path / "out", steps=Steps(screen)) as g:
        g.centrality()
        g.communities()
        g.query("tasks")
    assert screen.lines() == ["reading the assignments…", "measuring 38 departments…", "finding communities…",
                              "query tasks…"]
    r = kg("build", seed_path, "--out", tmp_path / "piped")  # standard error is not a terminal: no progress at all
    assert r.exit_code == 0 and r.stderr == ""
    r = kg("centrality", "--graph", tmp_path / "piped", "--top", 1, "--csv")
    assert r.exit_code == 0 and r.stderr == ""


# -- Python ------------------------------------------------------------------------------------------------------------

def test_the_python_api_lists_queries_gives_typed_values_and_speaks_keywords(built):
    pytest.importorskip("pandas")
    import datetime
    import warnings

    import kg as library
    from kg.errors import KeywordError, KgError, QueryError

    g = library.open_graph(built)
    queries = g.queries().set_index("name")
    assert len(queries) == 30 and list(queries.columns) == ["title", "params", "columns", "description", "parameters"]
    assert queries.loc["tasks_of_department", "params"] == "department (organisation)"
    assert queries.loc["tasks_of_department", "parameters"] == (
        "department (organisation): the department: any of its names (省质监局, 质监局, its full or English name, "
        "its table id)")
    assert g.query("documents")["date"][0] == datetime.date(2017, 7, 7)
    first = g.query("targets").iloc[0].to_dict()
    assert first == {"doc_number": "浙政办发〔2017〕72号", "indicator": "制造业质量竞争力指数", "value": 91.0, "unit": "分",
                     "comparator": "=", "year": 2019}
    assert type(first["value"]) is float and type(first["year"]) is int
    assert len(g.query("tasks_of_department", department="质监局")) == 22
    with pytest.raises(QueryError) as info:
        g.query("tasks_of_department")
    assert str(info.value) == ('query \'tasks_of_department\' needs department="…" (the department: any of its names '
                               "(省质监局, 质监局, its full or English name, its table id))")  # a keyword, not --param
    with pytest.raises(QueryError, match="^query 'tasks_of_department' declares no parameter 'dept'; it takes: "
                                         "department$"):
        g.query("tasks_of_department", dept="质监局")
    for call, says in [(lambda: g.centrality(yr=2017),
                        "centrality() takes no keyword 'yr'; its keywords: document, year, as_of"),
                       (lambda: g.overlap(betwen="documents"),
                        "overlap() takes no keyword 'betwen'; its keywords: between, document, year, as_of"),
                       (lambda: g.show(departmnt="省质监局"),
                        "show() takes no keyword 'departmnt'; its keywords: height, document, department, size_by, "
                        "arrows, year, as_of, lang")]:
        with pytest.raises(KeywordError) as info:
            call()
        assert str(info.value) == says and isinstance(info.value, TypeError)
    assert len(g.centrality(year="2017")) == 38  # a year typed as text is the year, never an empty slice
    with pytest.raises(KgError, match=r"^as_of='2019年' is not a year \(e.g. as_of=2019\)$"):
        g.trends(as_of="2019年")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        empty = g.centrality(year=2016)
    assert [str(w.message) for w in caught] == empty.attrs["notes"] == [
        "no rows: no document of 2016 has tasks in the graph (its documents with tasks are of 2017)"]
