"""responsibility_sources from the assignments table's spans gives the store's rows (kg.sparql.source_answers)."""

from __future__ import annotations

from kg.build.build import build
from kg.dev.synth import write_corpus
from kg.sparql.backend import LocalStore
from kg.sparql.from_table import answer_from_table
from kg.sparql.names import GraphNames
from kg.sparql.queries import bind_params, load_query, resolve_names, run_query, with_values

from .printings import build_two_printings

QUERY = load_query("responsibility_sources")


def _by_store(store, name):
    values, _ = resolve_names(QUERY, {"department": name}, GraphNames.from_backend(store))
    return store.select(with_values(QUERY.text, bind_params(QUERY, values)))


def _same(store, name) -> list:
    """The table's answer, checked against the store's: the same rows, and in the query's order where it sets one."""
    found = answer_from_table(store, QUERY, {"department": name})
    columns, rows = _by_store(store, name)
    assert found is not None and found[0] == columns
    assert sorted(map(repr, found[1])) == sorted(map(repr, rows))
    assert [(r[0] or "", r[1]) for r in found[1]] == [(r[0] or "", r[1]) for r in rows] or \
        [r[0] or "" for r in found[1]] == [r[0] or "" for r in rows]  # ORDER BY number, place: ties open
    return found[1]


def test_the_seeds_sources_of_a_department_from_the_table_are_the_stores(backend):
    rows = _same(backend, "质监局")
    assert run_query(backend, QUERY, {"department": "质监局"}) == (list(QUERY.columns), rows)
    assert len(rows) == 22
    assert rows[0] == ["浙政办发〔2017〕72号", "2.1.1", "lead", "省质监局", "000_81eaf4dbb71cf20c.txt", 69, "省质监局"]


def test_a_corpus_and_a_document_printed_twice_give_the_stores_sources(tmp_path, seed_path):
    folder = tmp_path / "corpus"
    write_corpus(folder, 6, years=(2017, 2019), seed=5)
    build([folder], tmp_path / "out")
    store = LocalStore(tmp_path / "out")
    try:
        assert [len(_same(store, name)) for name in ("省发展改革委", "省财政厅")] == [14, 17]
    finally:
        store.close()
    (tmp_path / "twice").mkdir()
    store = LocalStore(build_two_printings(seed_path, tmp_path / "twice"))
    try:
        rows = _same(store, "质监局")
    finally:
        store.close()
    assert len(rows) == 44 and {r[4] for r in rows} == {"a.txt", "b.txt"}  # each responsibility in each printing


def test_a_printing_that_differs_leaves_the_sources_to_the_store(tmp_path, seed_path):
    (tmp_path / "twice").mkdir()
    out = build_two_printings(seed_path, tmp_path / "twice", ("省质监局、省经信委", "省经信委、省质监局"))
    store = LocalStore(out)
    try:
        assert answer_from_table(store, QUERY, {"department": "质监局"}) is None
        columns, rows = run_query(store, QUERY, {"department": "质监局"})
        assert sorted(map(repr, rows)) == sorted(map(repr, _by_store(store, "质监局")[1]))
    finally:
        store.close()


def test_the_names_made_once_for_a_store_are_made_anew_after_a_rebuild(tmp_path):
    """A store opened before ``kg build`` ran again into its folder looks names up in the new build."""
    import pytest

    from kg.errors import KgError

    source = tmp_path / "a.txt"
    text = "关于某事的通知\n\n浙政办发〔2019〕5号\n\n1. 推进。(牵头单位:{})\n"
    source.write_text(text.format("省发改委"), encoding="utf-8")
    build([source], tmp_path / "out")
    store = LocalStore(tmp_path / "out")
    try:
        assert len(run_query(store, QUERY, {"department": "省发改委"})[1]) == 1
        with pytest.raises(KgError, match="^no department '省财政厅' in the graph"):
            run_query(store, QUERY, {"department": "省财政厅"})
        source.write_text(text.format("省财政厅"), encoding="utf-8")
        build([source], tmp_path / "out")
        assert run_query(store, QUERY, {"department": "省财政厅"})[1] == [
            ["浙政办发〔2019〕5号", "1", "lead", "省财政厅", "a.txt", 5, "省财政厅"]]
    finally:
        store.close()
