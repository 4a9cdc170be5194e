"""Queries about one document, run on its graphs (kg.sparql.scoped), give the rows the union of all graphs gives."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kg.build.build import build
from kg.dev.synth import write_corpus
from kg.sparql.backend import LocalStore
from kg.sparql.queries import bind_params, load_query, parse_header, run_query, with_values
from kg.sparql.scoped import SCOPED, document_graphs

from .printings import build_two_printings

SHARED = "https://w3id.org/kg-gazette/id/graph/shared"


def _numbers(store) -> list[str]:
    return sorted({n for _, n, _ in store.strings(load_query("document_dates").text) if n})


def _on_every_graph(store, name: str, number: str):
    q = load_query(name)
    return store.select(with_values(q.text, bind_params(q, {"number": number})))


def _key(rows):
    return sorted(tuple(map(str, r)) for r in rows)


def _same_everywhere(out: Path) -> int:
    """For every document and scoped query, the rows on its graphs equal those on all; returns the rows compared."""
    store = LocalStore(out)
    try:
        compared = 0
        for number in _numbers(store):
            for name in SCOPED:
                columns, rows = run_query(store, load_query(name), {"number": number})
                all_columns, all_rows = _on_every_graph(store, name, number)
                assert (columns, _key(rows)) == (all_columns, _key(all_rows)), (name, number)
                compared += len(rows)
        return compared
    finally:
        store.close()


def test_the_seeds_documents_have_the_same_tree_and_matrix_on_their_graphs(built, backend, seed_path):
    assert len(_numbers(backend)) == 9  # the four documents and five it cites
    tree = load_query("document_tree")
    graphs = document_graphs(backend, tree, {"number": '"浙政办发〔2017〕72号"'})
    source = hashlib.sha256(seed_path.read_bytes()).hexdigest()[:16]
    assert graphs == [SHARED, "https://w3id.org/kg-gazette/id/source/" + source]
    assert document_graphs(backend, tree, {"number": '"国发〔2012〕9号"'}) is None  # only cited: no source prints it
    assert _same_everywhere(built) == 470


def test_a_synthetic_corpus_and_a_document_printed_twice_have_the_same_rows_on_their_graphs(tmp_path, seed_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 3, years=(2017,), seed=5)
    build([corpus], tmp_path / "out")
    assert _same_everywhere(tmp_path / "out") == 472
    (tmp_path / "twice").mkdir()
    twice = build_two_printings(seed_path, tmp_path / "twice")
    store = LocalStore(twice)
    try:
        graphs = document_graphs(store, load_query("document_tree"), {"number": '"浙政办发〔2017〕72号"'})
    finally:
        store.close()
    assert len(graphs) == 3 and graphs[0] == SHARED  # the shared graph and both printings'
    assert _same_everywhere(twice) == 1030  # the shared graph holds the document, each printing its spans


@pytest.mark.parametrize("query", ["edited", "server"])
def test_an_edited_query_or_a_server_reads_every_graph(backend, query):
    shipped = load_query("document_tree")
    if query == "edited":
        edited = parse_header("document_tree", shipped.text.replace("?tip ?id", "?id"), "mine.rq")
        assert document_graphs(backend, edited, {"number": '"浙政办发〔2017〕72号"'}) is None
    else:
        assert document_graphs(object(), shipped, {"number": '"浙政办发〔2017〕72号"'}) is None
