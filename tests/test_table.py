"""The assignments table (assignments.parquet) says what the graph says: the same rows as the queries."""

import json

import pytest

from kg.analysis.assignments import load_assignments, query_assignments, table_assignments
from kg.build.build import build
from kg.build.table import read_rows
from kg.dev.synth import write_corpus
from kg.sparql.backend import LocalStore

from .printings import build_two_printings

pytest.importorskip("pyarrow")


def test_the_seed_table_equals_the_assignments_queries(built, backend):
    from_table = table_assignments(built / "assignments.parquet")
    from_queries = query_assignments(backend)
    assert len(from_table) == 178
    assert from_table == from_queries
    assert load_assignments(backend) == from_table  # the build's own store answers from the table


def test_a_corpus_table_equals_the_queries_after_a_rebuild(tmp_path):
    folder = tmp_path / "corpus"
    write_corpus(folder, 6, years=(2017, 2019), seed=3)
    out = tmp_path / "out"
    build([folder], out)
    assert table_assignments(out / "assignments.parquet") == query_assignments(LocalStore(out))
    changed = folder / "2017-0002.txt"  # one source changed: its rows replaced, the others' kept
    changed.write_text(changed.read_text("utf-8").replace("加强", "切实加强", 1), encoding="utf-8")
    (folder / "2019-0006.txt").unlink()
    again = build([folder], out)
    assert again.parsed == 1
    rows = table_assignments(out / "assignments.parquet")
    assert rows == query_assignments(LocalStore(out))
    assert len(rows) > 300 and {a.year for a in rows} == {2017, 2019}


def test_without_the_table_the_networks_ask_the_store(built, tmp_path):
    import shutil

    copy = tmp_path / "o"
    shutil.copytree(built, copy)
    (copy / "assignments.parquet").unlink()
    assert load_assignments(LocalStore(copy)) == table_assignments(built / "assignments.parquet")
    assert json.loads((copy / ".kg-output.json").read_text("utf-8"))["entries"][0] == "assignments.parquet"


def test_a_document_two_sources_print_gives_its_rows_once(tmp_path, seed_path):
    """Two printings of the seed's documents: the table holds both sources' rows, the assignments each once."""
    out = build_two_printings(seed_path, tmp_path)
    assert len(read_rows(out / "assignments.parquet")) == 2 * 178
    rows = table_assignments(out / "assignments.parquet")
    assert len(rows) == 178 and rows == query_assignments(LocalStore(out))


# -- the named tasks query, answered from the table -------------------------------------------------------------


def _tasks_by_store(backend):
    from kg.sparql.queries import load_query

    return backend.select(load_query("tasks").text)


def _tasks_by_table(backend, name="tasks"):
    from kg.sparql.from_table import answer_from_table
    from kg.sparql.queries import load_query

    return answer_from_table(backend, load_query(name))


def _by_store(backend, name):
    """The named query's answer as the store gives it, its lists joined as run_query joins them."""
    from kg.sparql.queries import join_lists, load_query

    q = load_query(name)
    columns, rows = backend.select(q.text)
    return columns, join_lists(q, columns, rows)


def test_the_seed_tasks_from_the_table_are_the_stores(backend):
    from kg.sparql.queries import load_query, run_query

    columns, rows = _tasks_by_table(backend)
    assert (columns, rows) == _tasks_by_store(backend)
    assert run_query(backend, load_query("tasks")) == (columns, rows)
    assert len(rows) == 178
    assert rows[0] == ["浙政办发〔2017〕72号", "2.1.1", "浙江省质量技术监督局", "省质监局", "lead"]


def test_a_corpus_tasks_from_the_table_are_the_stores_after_a_rebuild(tmp_path):
    folder = tmp_path / "corpus"
    write_corpus(folder, 6, years=(2017, 2019), seed=5)
    out = tmp_path / "out"
    build([folder], out)
    store = LocalStore(out)
    found = _tasks_by_table(store)
    assert found == _tasks_by_store(store) and len(found[1]) > 300
    unled = _tasks_by_table(store, "tasks_without_lead")
    assert unled == _by_store(store, "tasks_without_lead") and len(unled[1]) > 30
    assert all(r[3] for r in unled[1]) and unled[0] == ["doc_number", "task", "title", "departments"]
    for name in ("departments_by_lead", "department_pairs"):
        assert _tasks_by_table(store, name) == _by_store(store, name)
    columns, tasks = _tasks_by_table(store, "task_documents")  # the query leaves the order open
    assert columns == _by_store(store, "task_documents")[0] and len(tasks) == len({r[:2] for r in map(tuple, found[1])})
    assert sorted(tasks) == sorted(_by_store(store, "task_documents")[1]) and len(tasks) == 228
    changed = folder / "2019-0003.txt"
    changed.write_text(changed.read_text("utf-8").replace("加强", "切实加强", 1), encoding="utf-8")
    assert build([folder], out).parsed == 1
    assert _tasks_by_table(store) == _tasks_by_store(store)
    for name in ("tasks_without_lead", "departments_by_lead", "department_pairs"):
        assert _tasks_by_table(store, name) == _by_store(store, name)
    assert sorted(_tasks_by_table(store, "task_documents")[1]) == sorted(_by_store(store, "task_documents")[1])


_UNNUMBERED = "关于{what}的通知\n\n一、{what}\n1. 推进{what}。(牵头单位:省发改委、省财政厅)\n2. 落实{what}。(省商务厅负责)\n"


def test_documents_without_numbers_come_in_the_same_rows(tmp_path):
    """No number and no date: the query leaves their order open, the table's answer orders them by IRI."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, what in (("a.txt", "甲事"), ("b.txt", "乙事"), ("c.txt", "丙事")):
        (folder / name).write_text(_UNNUMBERED.format(what=what), encoding="utf-8")
    build([folder], tmp_path / "out")
    store = LocalStore(tmp_path / "out")
    columns, rows = _tasks_by_table(store)
    assert sorted(rows) == sorted(_tasks_by_store(store)[1])
    assert [r[0] for r in rows] == [None] * 9
    # no issuer, so no province: each name unresolved, the graph names it as written
    assert {(r[2], r[4]) for r in rows} == {("省发改委", "co_lead"), ("省财政厅", "co_lead"), ("省商务厅", "responsible")}
    # two co-leads are no lead: every task is listed, its names in written order
    columns, unled = _tasks_by_table(store, "tasks_without_lead")
    assert sorted(unled) == sorted(_by_store(store, "tasks_without_lead")[1])
    assert sorted(unled)[:2] == [[None, "1.1", "推进丙事", "省发改委、省财政厅"], [None, "1.1", "推进乙事", "省发改委、省财政厅"]]
    assert len(unled) == 6


def test_unnumbered_documents_alike_share_a_row_the_store_gives(tmp_path):
    """Grouped by number, task and title, two unnumbered notices alike in their tasks make one row: left to the store."""
    from kg.sparql.queries import load_query, run_query

    folder = tmp_path / "corpus"
    folder.mkdir()
    text = _UNNUMBERED.format(what="甲事")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text + "3. 另办一事。(省教育厅负责)\n", encoding="utf-8")
    build([folder], tmp_path / "out")
    store = LocalStore(tmp_path / "out")
    assert _tasks_by_table(store, "tasks_without_lead") is None
    rows = run_query(store, load_query("tasks_without_lead"))[1]
    assert [(r[1], sorted(r[3].split("、"))) for r in rows] == [
        ("1.1", ["省发改委", "省发改委", "省财政厅", "省财政厅"]), ("1.2", ["省商务厅", "省商务厅"]), ("1.3", ["省教育厅"])]
    assert _tasks_by_table(store) is not None  # the tasks query does not group: the table answers it


def test_a_document_printed_two_ways_is_left_to_the_store(tmp_path, seed_path):
    """The graph holds both printings' facts, the query their combinations: only the store gives those."""
    from kg.sparql.queries import load_query, run_query

    store = LocalStore(build_two_printings(seed_path, tmp_path, ("省经信委", "省商务厅")))
    assert _tasks_by_table(store) is None
    columns, rows = run_query(store, load_query("tasks"))
    assert (columns, rows) == _tasks_by_store(store) and len(rows) > 178
    # counts of distinct (task, organisation) pairs need no fact single-valued: still the table's, still the store's
    for name in ("departments_by_lead", "department_pairs"):
        assert _tasks_by_table(store, name) == _by_store(store, name)


def test_an_edited_query_or_an_older_table_is_left_to_the_store(built, tmp_path):
    import shutil

    from kg.sparql.from_table import answer_from_table
    from kg.sparql.queries import load_query

    copy = tmp_path / "tasks.rq"
    copy.write_text(load_query("tasks").text.replace("?pos\n", "?pos ?mention\n"), encoding="utf-8")
    assert answer_from_table(LocalStore(built), load_query(str(copy))) is None
    import pyarrow.parquet as pq

    older = tmp_path / "o"
    shutil.copytree(built, older)
    table = pq.read_table(built / "assignments.parquet").drop_columns(["task_pos"])
    pq.write_table(table, older / "assignments.parquet")
    store = LocalStore(older)
    assert _tasks_by_table(store) is None
    assert answer_from_table(store, load_query("tasks"), {"x": "1"}) is None


def test_the_assignment_roles_from_the_table_are_the_stores(backend, tmp_path):
    """The query leaves the order open: the same rows as a multiset, the table's by task in written order."""
    from kg.sparql.from_table import answer_from_table
    from kg.sparql.queries import load_query

    columns, rows = answer_from_table(backend, load_query("assignment_roles"))
    store_columns, store_rows = backend.select(load_query("assignment_roles").text)
    assert columns == store_columns and sorted(rows) == sorted(store_rows) and len(rows) == 178
    first = [r for r in rows if r[0].endswith("/浙政办发-2017-72/task/2.1.1")]
    assert [(r[2].rsplit("#", 1)[1], r[3]) for r in first][:3] == [
        ("leadRole", "省质监局"), ("participantRole", "省经信委"), ("participantRole", "省商务厅")]


def test_the_seed_counts_from_the_table_are_the_stores(backend):
    """Who leads, and who shares tasks with whom: the product's first questions, counted from the table."""
    leads = _tasks_by_table(backend, "departments_by_lead")
    assert leads == _by_store(backend, "departments_by_lead") and len(leads[1]) == 39
    assert leads[1][0] == ["浙江省质量技术监督局", 16, 22]
    pairs = _tasks_by_table(backend, "department_pairs")
    assert pairs == _by_store(backend, "department_pairs") and len(pairs[1]) == 340
    assert pairs[1][0] == ["浙江省经济和信息化委员会", "浙江省质量技术监督局", 17]


def test_task_documents_come_from_the_table_only_when_it_holds_every_task(built, backend, tmp_path):
    """A task with no responsible unit has no row in the table: a table short of the graph's tasks is not used."""
    import shutil

    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    columns, rows = _tasks_by_table(backend, "task_documents")
    assert len(rows) == 26 and sorted(rows) == sorted(_by_store(backend, "task_documents")[1])
    short = tmp_path / "o"
    shutil.copytree(built, short)
    table = pq.read_table(built / "assignments.parquet")
    pq.write_table(table.filter(pc.invert(pc.equal(table.column("task_id"), "2.1.1"))), short / "assignments.parquet")
    store = LocalStore(short)
    assert _tasks_by_table(store, "task_documents") is None
    assert _tasks_by_table(store, "departments_by_lead") is not None  # the counts ask nothing of the graph's tasks


def test_a_misprinted_day_gives_a_notice_and_no_date(tmp_path, seed_path):
    """2月30日 as printed: the signature is still read above it, the document has no date, and the report says why."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = seed_path.read_text("utf-8")
    line = text[:text.index("2017年7月7日")].count("\n") + 1
    (corpus / "a.txt").write_text(text.replace("2017年7月7日", "2017年2月30日", 1), encoding="utf-8")
    build([corpus], tmp_path / "out")
    store = LocalStore(tmp_path / "out")
    dates = {r[1] for r in store.strings("SELECT ?n ?date WHERE { ?d eli:id_local ?n ; eli:date_document ?date }")}
    assert dates == {"2017-07-20", "2017-07-30", "2017-08-11"}  # 72号 has none
    report = json.loads((tmp_path / "out" / "report.json").read_text("utf-8"))
    notices = [n for d in report["issues"][0]["documents"] for n in d["notices"] if n["code"] == "date-not-on-calendar"]
    assert [(n["line"], n["message"]) for n in notices] == [
        (line, "the date line 2017年2月30日 names a day the calendar does not have; "
               "the document is given no date from it")]
    assert _tasks_by_table(store) == _tasks_by_store(store)


def test_a_table_whose_dates_are_not_days_is_left_to_the_store(tmp_path):
    """A table written by an earlier kg, whose parser let 2月30日 through, is never trusted for the lists."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from kg.sparql.from_table import _FACTS, _facts

    row = {"task": "t1", "task_id": "1", "document": "d1", "doc_number": "浙政发〔2017〕1号", "organisation": "o1",
           "role": "lead", "mention": "省发展改革委", "doc_date": "2017-07-20", "task_pos": 1, "position": 1,
           "title": "一", "source": "7aa590abbcf7ef5b"}
    good = tmp_path / "good.parquet"
    pq.write_table(pa.Table.from_pylist([row]), good)
    assert _facts(good).num_rows == 1
    bad = tmp_path / "bad.parquet"
    pq.write_table(pa.Table.from_pylist([row | {"doc_date": "2017-02-30"}]), bad)
    assert _facts(bad) is None
    assert [*_FACTS, "source"] == list(row)


def test_a_printing_without_tasks_that_dates_the_document_otherwise_is_left_to_the_store(tmp_path):
    """Printing b has no task, so no row, but dates the document a day later: only the digests tell them apart."""
    from kg.sparql.queries import load_query, run_query

    folder = tmp_path / "corpus"
    folder.mkdir()
    head = "关于推进某事的通知\n\n浙政发〔2019〕5号\n\n一、总体要求\n"
    (folder / "a.txt").write_text(head + "1. 推进甲事。(牵头单位:省发改委)\n\n浙江省人民政府\n\n2019年3月1日\n",
                                  encoding="utf-8")
    (folder / "b.txt").write_text(head + "请各地抓好落实。\n\n浙江省人民政府\n\n2019年3月2日\n", encoding="utf-8")
    build([folder], tmp_path / "out")
    store = LocalStore(tmp_path / "out")
    assert len(read_rows(tmp_path / "out" / "assignments.parquet")) == 1  # printing b has no task, no row
    assert _tasks_by_table(store) is None
    rows = run_query(store, load_query("tasks"))[1]
    assert rows == _tasks_by_store(store)[1] and len(rows) == 2  # one assignment, once for each of the two dates
    assert _tasks_by_table(store, "departments_by_lead") == _by_store(store, "departments_by_lead")  # counts still


def test_a_departments_tasks_from_the_table_are_the_stores(backend, tmp_path):
    from kg.sparql.from_table import answer_from_table
    from kg.sparql.names import GraphNames
    from kg.sparql.queries import bind_params, join_lists, load_query, resolve_names, run_query, with_values

    q = load_query("tasks_of_department")

    def by_store(store, name):
        values, _ = resolve_names(q, {"department": name}, GraphNames.from_backend(store))
        columns, rows = store.select(with_values(q.text, bind_params(q, values)))
        return columns, join_lists(q, columns, rows)

    found = answer_from_table(backend, q, {"department": "质监局"})
    assert found == by_store(backend, "质监局") == run_query(backend, q, {"department": "质监局"})
    assert len(found[1]) == 22 and found[1][0] == ["浙政办发〔2017〕72号", "2.1.1", "提升重点领域标准水平", "lead", "省质监局"]
    folder = tmp_path / "corpus"
    write_corpus(folder, 6, years=(2017, 2019), seed=5)
    build([folder], tmp_path / "out")
    store = LocalStore(tmp_path / "out")
    counts = []
    for name in ("省发展改革委", "省财政厅"):
        rows = answer_from_table(store, q, {"department": name})
        assert rows == by_store(store, name)
        counts.append(len(rows[1]))
    assert counts == [14, 17]
