"""The documents table (documents.parquet): each document with its issuers, and the counts answered from it."""

import pytest

from kg.build.build import build
from kg.build.table import DOCUMENT_COLUMNS, DOCUMENTS, read_rows
from kg.dev.synth import write_corpus
from kg.sparql.backend import LocalStore
from kg.sparql.count_answers import departments_in_several_documents_from_table
from kg.sparql.from_table import answer_from_table
from kg.sparql.queries import join_lists, load_query, run_query

from .printings import build_two_printings

pytest.importorskip("pyarrow")

_NAME = "departments_in_several_documents"


def _by_store(backend):
    q = load_query(_NAME)
    columns, rows = backend.select(q.text)
    return columns, join_lists(q, columns, rows)


def test_the_seed_documents_table_holds_each_issuer_in_signature_order(built):
    rows = read_rows(built / "documents.parquet", DOCUMENT_COLUMNS, DOCUMENTS)
    assert [(r[1], r[4], r[6]) for r in rows] == [
        ("浙政办发〔2017〕72号", 0, "浙江省人民政府办公厅"), ("浙政办发〔2017〕76号", 0, "浙江省人民政府办公厅"),
        ("浙政办发〔2017〕76号", 1, "浙江省军区办公室"), ("浙政办发〔2017〕81号", 0, "浙江省人民政府办公厅"),
        ("浙政办发〔2017〕87号", 0, "浙江省人民政府办公厅")]
    assert {r[2] for r in rows} == {"2017-07-07", "2017-07-20", "2017-07-30", "2017-08-11"}


def test_the_seed_departments_in_several_documents_from_the_tables_are_the_stores(backend):
    found = answer_from_table(backend, load_query(_NAME))
    assert found == _by_store(backend) == run_query(backend, load_query(_NAME))
    assert found[1] == [["浙江省人民政府办公厅", 4,
                         "浙政办发〔2017〕72号 浙政办发〔2017〕76号 浙政办发〔2017〕81号 浙政办发〔2017〕87号"]]


def test_a_corpus_departments_in_several_documents_are_the_stores_after_a_rebuild(tmp_path):
    folder = tmp_path / "corpus"
    write_corpus(folder, 6, years=(2017, 2019), seed=5)
    out = tmp_path / "out"
    build([folder], out)
    store = LocalStore(out)
    found = answer_from_table(store, load_query(_NAME))
    assert found == _by_store(store) and len(found[1]) > 20
    assert found[1][0][1] > found[1][-1][1] > 1  # most documents first, each in more than one
    (folder / "2017-0001.txt").unlink()
    changed = folder / "2019-0003.txt"
    changed.write_text(changed.read_text("utf-8").replace("加强", "切实加强", 1), encoding="utf-8")
    assert build([folder], out).parsed == 1
    again = answer_from_table(store, load_query(_NAME))
    assert again == _by_store(store) and again != found


def test_an_organisation_the_names_query_does_not_name_is_left_to_the_store(built):
    class Unnamed:  # a graph whose organisations have no org:Organization type or no Chinese label
        def strings(self, text):
            return []

    assert departments_in_several_documents_from_table(built / "documents.parquet", built / "assignments.parquet",
                                                       Unnamed()) is None


def _documents_by_store(backend):
    q = load_query("documents")
    columns, rows = backend.select(q.text)
    return columns, join_lists(q, columns, rows)


def test_the_seed_documents_from_the_table_are_the_stores(backend):
    import datetime

    found = answer_from_table(backend, load_query("documents"))
    assert found == _documents_by_store(backend) == run_query(backend, load_query("documents"))
    assert [r[0] for r in found[1]] == ["浙政办发〔2017〕72号", "浙政办发〔2017〕76号", "浙政办发〔2017〕81号",
                                        "浙政办发〔2017〕87号"]
    assert found[1][1][2:] == [datetime.date(2017, 7, 20), "浙江省人民政府办公厅、浙江省军区办公室"]


def test_documents_without_issuer_number_or_date_are_the_stores(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("关于某事的通知\n\n请做好工作。\n", encoding="utf-8")  # no number, date or issuer
    (folder / "b.txt").write_text("关于另一事的通知\n\n浙政发〔2019〕5号\n\n请做好工作。\n\n浙江省人民政府\n\n"
                                  "2019年3月1日\n", encoding="utf-8")
    build([folder], tmp_path / "out")
    store = LocalStore(tmp_path / "out")
    found = answer_from_table(store, load_query("documents"))
    assert found == _documents_by_store(store)
    assert [(r[0], r[3]) for r in found[1]] == [(None, None), ("浙政发〔2019〕5号", "浙江省人民政府")]


def test_a_corpus_documents_from_the_table_are_the_stores_after_a_rebuild(tmp_path):
    folder = tmp_path / "corpus"
    write_corpus(folder, 6, years=(2017, 2019), seed=5)
    out = tmp_path / "out"
    build([folder], out)
    store = LocalStore(out)
    found = answer_from_table(store, load_query("documents"))
    assert found == _documents_by_store(store) and len(found[1]) == 42
    (folder / "2017-0001.txt").unlink()
    assert build([folder], out).parsed == 0
    again = answer_from_table(store, load_query("documents"))
    assert again == _documents_by_store(store) and len(again[1]) < len(found[1])


def test_a_document_published_in_two_issues_is_left_to_the_store(tmp_path, seed_path):
    """The query joins in each issue: the graph's document with two has its issuers twice, which only the store says."""
    store = LocalStore(build_two_printings(seed_path, tmp_path))
    assert answer_from_table(store, load_query("documents")) is None
    rows = run_query(store, load_query("documents"))[1]
    assert rows == _documents_by_store(store)[1] and rows[0][3] == "浙江省人民政府办公厅、浙江省人民政府办公厅"


def _issued_by_store(backend, issuer):
    from kg.sparql.names import GraphNames
    from kg.sparql.queries import bind_params, resolve_names, with_values

    q = load_query("documents_by_issuer")
    values, _ = resolve_names(q, {"issuer": issuer}, GraphNames.from_backend(backend))
    columns, rows = backend.select(with_values(q.text, bind_params(q, values)))
    return columns, rows


def test_the_seed_documents_of_an_issuer_from_the_table_are_the_stores(backend):
    q = load_query("documents_by_issuer")
    for issuer, numbers in (("省政府办公厅", ["72号", "76号", "81号", "87号"]), ("zj-military-district-office", ["76号"])):
        found = answer_from_table(backend, q, {"issuer": issuer})
        assert found == _issued_by_store(backend, issuer) == run_query(backend, q, {"issuer": issuer})
        assert [r[0][-3:] for r in found[1]] == numbers
        assert [r[3] for r in found[1]] == [n == "76号" for n in numbers]  # 76号 is joint


def test_an_issuer_the_graph_lacks_is_the_same_error_as_the_stores(backend):
    from kg.errors import KgError

    with pytest.raises(KgError, match="省政府办公厅"):
        run_query(backend, load_query("documents_by_issuer"), {"issuer": "省政府办公"})
