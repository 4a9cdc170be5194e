"""The assignments table (assignments.parquet) says what the graph says: the same rows as the queries."""

import json

import pytest

from kg.analysis.assignments import load_assignments, query_assignments, table_assignments
from kg.build.build import build
from kg.dev.synth import write_corpus
from kg.sparql.backend import LocalStore

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
    import shutil

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(seed_path, corpus / "a.txt")
    (corpus / "b.txt").write_text(seed_path.read_text("utf-8").replace("第24期", "第25期", 1), encoding="utf-8")
    build([corpus], tmp_path / "out")
    from kg.build.table import read_rows

    assert len(read_rows(tmp_path / "out" / "assignments.parquet")) == 2 * 178
    rows = table_assignments(tmp_path / "out" / "assignments.parquet")
    assert len(rows) == 178 and rows == query_assignments(LocalStore(tmp_path / "out"))
