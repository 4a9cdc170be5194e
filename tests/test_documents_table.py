"""The documents table (documents.parquet): each document with its issuers, and the counts answered from it."""

import pytest

from kg.build.build import build
from kg.build.table import DOCUMENT_COLUMNS, DOCUMENTS, read_rows
from kg.dev.synth import write_corpus
from kg.sparql.backend import LocalStore
from kg.sparql.count_answers import departments_in_several_documents_from_table
from kg.sparql.from_table import answer_from_table
from kg.sparql.queries import join_lists, load_query, run_query

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
