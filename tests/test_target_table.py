"""The targets table (targets.parquet) says what the graph says: the named targets queries give the store's rows."""

import shutil

import pytest

from kg.build.build import build
from kg.dev.synth import write_corpus
from kg.errors import QueryError
from kg.sparql.backend import LocalStore
from kg.sparql.from_table import answer_from_table
from kg.sparql.queries import bind_params, join_lists, load_query, run_query, with_values

from .printings import build_two_printings

pytest.importorskip("pyarrow")

_YEARS = ({"year": "2019"}, {"year": "2017"}, {"year": "2030"})


def _by_store(backend, name, values=None):
    """The named query's answer as the store gives it, its lists joined as run_query joins them."""
    q = load_query(name)
    columns, rows = backend.select(with_values(q.text, bind_params(q, values or {})))
    return columns, join_lists(q, columns, rows)


def _by_table(backend, name, values=None):
    return answer_from_table(backend, load_query(name), values)


def test_the_seed_targets_from_the_table_are_the_stores(backend):
    columns, rows = _by_table(backend, "targets")
    assert (columns, rows) == _by_store(backend, "targets")
    assert run_query(backend, load_query("targets")) == (columns, rows)
    assert columns == ["doc_number", "indicator", "value", "unit", "comparator", "year"] and len(rows) == 267
    assert rows[0] == ["浙政办发〔2017〕72号", "制造业质量竞争力指数", 91.0, "分", "=", 2019]
    counts = []
    for values in _YEARS:
        found = _by_table(backend, "targets_by_year", values)
        assert found == _by_store(backend, "targets_by_year", values)
        counts.append(len(found[1]))
    assert counts == [249, 5, 0]
    first = _by_table(backend, "targets_by_year", {"year": "2019"})[1][0]
    assert first == ["浙政办发〔2017〕72号", "制造业质量竞争力指数", 91.0, None, "分", "=", "level", None, None, "stated"]


def test_a_corpus_targets_from_the_table_are_the_stores_after_a_rebuild(tmp_path):
    folder = tmp_path / "corpus"
    write_corpus(folder, 6, years=(2017, 2019), seed=5)
    out = tmp_path / "out"
    build([folder], out)
    store = LocalStore(out)
    found = _by_table(store, "targets")
    assert found == _by_store(store, "targets") and len(found[1]) > 50
    tasks = [r for r in _by_table(store, "targets_by_year", {"year": "2019"})[1] if r[8]]
    assert tasks and tasks == [r for r in _by_store(store, "targets_by_year", {"year": "2019"})[1] if r[8]]
    changed = folder / "2019-0003.txt"
    changed.write_text(changed.read_text("utf-8").replace("加强", "切实加强", 1), encoding="utf-8")
    (folder / "2017-0001.txt").unlink()
    assert build([folder], out).parsed == 1
    again = _by_table(store, "targets")  # the store opened before the rebuild answers of the new build
    assert again == _by_store(store, "targets") == _by_store(LocalStore(out), "targets")
    assert 0 < len(again[1]) < len(found[1])
    for values in _YEARS:
        assert _by_table(store, "targets_by_year", values) == _by_store(store, "targets_by_year", values)


def test_a_target_printed_two_ways_is_left_to_the_store(tmp_path, seed_path):
    """One document, one target printed 91分 in one source and 92分 in another: the graph holds both values."""
    store = LocalStore(build_two_printings(seed_path, tmp_path, ("达到91分", "达到92分")))
    assert _by_table(store, "targets") is None and _by_table(store, "targets_by_year", {"year": "2019"}) is None
    columns, rows = run_query(store, load_query("targets"))
    assert (columns, rows) == _by_store(store, "targets") and len(rows) == 268
    assert [r[2] for r in rows if r[1] == "制造业质量竞争力指数"] == [91.0, 92.0]


def test_a_year_that_is_none_is_refused_before_the_table_is_read(backend):
    with pytest.raises(QueryError, match="year='二〇一九' is not a valid year"):
        run_query(backend, load_query("targets_by_year"), {"year": "二〇一九"})
    with pytest.raises(QueryError, match=r"needs year="):
        run_query(backend, load_query("targets_by_year"))
    assert _by_table(backend, "targets_by_year") is None  # no year: the store's path says what is missing


def test_a_build_without_the_targets_table_is_answered_by_the_store(built, tmp_path):
    older = tmp_path / "o"
    shutil.copytree(built, older)
    (older / "targets.parquet").unlink()
    store = LocalStore(older)
    assert _by_table(store, "targets") is None
    assert run_query(store, load_query("targets")) == _by_store(store, "targets")
    copy = tmp_path / "targets.rq"  # an edited copy asks the store too
    copy.write_text(load_query("targets").text.replace("?pos\n", "?pos ?unit\n"), encoding="utf-8")
    assert answer_from_table(LocalStore(built), load_query(str(copy))) is None


def test_a_build_without_tasks_or_targets_answers_no_rows_as_the_store(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("关于某事的通知\n\n浙政办发〔2019〕5号\n\n各市人民政府:\n\n请做好工作。\n\n"
                                           "浙江省人民政府办公厅\n\n2019年3月1日\n", encoding="utf-8")
    build([tmp_path / "in"], tmp_path / "out")
    store = LocalStore(tmp_path / "out")
    for name in ("tasks", "assignment_roles", "tasks_without_lead", "departments_by_lead", "targets"):
        found = _by_table(store, name)
        assert found is not None and found == _by_store(store, name) and found[1] == []
    assert _by_table(store, "targets_by_year", {"year": "2019"})[1] == []
