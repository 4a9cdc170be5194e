"""The honorees table (honorees.parquet) says what the graph says: the named honorees query gives the store's rows."""

import pytest

from kg.build.build import build
from kg.dev.synth import write_corpus
from kg.sparql.backend import LocalStore
from kg.sparql.from_table import answer_from_table
from kg.sparql.queries import load_query, run_query

pytest.importorskip("pyarrow")


def _by_store(backend):
    return backend.select(load_query("honorees").text)


def test_the_seed_honorees_from_the_table_are_the_stores(backend):
    found = answer_from_table(backend, load_query("honorees"))
    assert found == _by_store(backend) == run_query(backend, load_query("honorees"))
    assert len(found[1]) == 97 and {r[0] for r in found[1]} == {"浙政办发〔2017〕76号"}
    assert found[1][0] == ["浙政办发〔2017〕76号", "unit", "杭州市", "先进市", "杭州市"]
    people = [r for r in found[1] if r[1] == "person"]
    assert people and all(r[3] for r in people)  # a person's position, else the list's category


def test_peoples_positions_and_units_categories_are_the_stores(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "关于表彰先进个人的决定\n\n浙政发〔2019〕5号\n\n一、先进个人\n\n张三 甲县人民政府办公室主任\n\n李四 乙县\n\n"
        "二、先进单位\n\n乙县人民政府\n", encoding="utf-8")
    build([tmp_path / "in"], tmp_path / "out")
    store = LocalStore(tmp_path / "out")
    found = answer_from_table(store, load_query("honorees"))
    assert found == _by_store(store)
    assert [r[1:4] for r in found[1]] == [["person", "张三", "甲县人民政府办公室主任"], ["person", "李四", "乙县"],
                                          ["unit", "乙县人民政府", "先进单位"]]


def test_a_corpus_honorees_from_the_table_are_the_stores_after_a_rebuild(tmp_path):
    folder = tmp_path / "corpus"
    write_corpus(folder, 6, years=(2017, 2019), seed=5)
    out = tmp_path / "out"
    build([folder], out)
    store = LocalStore(out)
    found = answer_from_table(store, load_query("honorees"))
    assert found == _by_store(store) and len(found[1]) > 50
    (folder / "2017-0001.txt").unlink()
    assert build([folder], out).parsed == 0
    again = answer_from_table(store, load_query("honorees"))
    assert again == _by_store(store) and len(again[1]) < len(found[1])
