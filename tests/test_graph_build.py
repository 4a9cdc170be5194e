"""kg build: outputs, determinism, atomicity, round trip, SHACL."""

import json
import shutil

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.build.build import build
from kg.cli import main
from kg.errors import InputError, KgError


def test_outputs(built):
    assert sorted(p.name for p in built.iterdir()) == [".kg-output.json", "assignments.parquet", "cache",
                                                       "documents.parquet", "graph.nt", "graphs", "honorees.parquet",
                                                       "report.json", "store", "targets.parquet"]
    manifest = json.loads((built / ".kg-output.json").read_text("utf-8"))
    assert (manifest["format"], manifest["entries"]) == ("kg-output/1", ["assignments.parquet", "cache", "documents.parquet", "graph.nt", "graphs",
                     "honorees.parquet", "report.json", "store", "targets.parquet"])
    report = json.loads((built / "report.json").read_text("utf-8"))
    assert report["totals"]["documents"] == 4 and report["totals"]["tasks"] == 26
    [issue] = report["issues"]
    assert [d["counts"]["tasks"] for d in issue["documents"]] == [26, 0, 0, 0]
    assert all(c["ok"] for c in issue["checks"])


def test_rebuild_is_byte_identical(built, tmp_path, seed_path):
    build([seed_path], tmp_path / "again")
    for name in ("graph.nt", "report.json", "assignments.parquet", "targets.parquet", "documents.parquet",
                 "honorees.parquet"):
        assert (tmp_path / "again" / name).read_bytes() == (built / name).read_bytes(), name


def test_turtle_only_when_asked_and_its_round_trip_matches_the_store(built, backend, seed_path, tmp_path):
    import pyoxigraph as ox

    from kg.build.turtle import turtle_of_build

    assert not (built / "graph.ttl").exists()
    build([seed_path], tmp_path / "t", turtle=True)
    later = turtle_of_build(built, tmp_path / "later.ttl")  # the same Turtle, asked for after the build
    assert later.read_bytes() == (tmp_path / "t" / "graph.ttl").read_bytes()
    quads = ox.serialize(backend.store, format=ox.RdfFormat.N_QUADS).decode("utf-8")  # as the store holds them
    graphs = {line.rsplit(" ", 2)[-2] for line in quads.splitlines()}
    sha = json.loads((built / "report.json").read_text("utf-8"))["issues"][0]["sha256"]
    assert graphs == {"<https://w3id.org/kg-gazette/id/graph/shared>", f"<https://w3id.org/kg-gazette/id/source/{sha[:16]}>"}
    from_store = Graph()
    for line in quads.splitlines(keepends=True):  # each triple in one graph: their union is the graph
        from_store.parse(data=line.rsplit(" ", 2)[0] + " .\n", format="nt")
    from_turtle = Graph().parse(later, format="turtle")
    assert len(quads.splitlines()) == len(from_store) == len(from_turtle) == 13217
    assert isomorphic(from_store, from_turtle)


def test_stable_readable_iris(built):
    text = (built / "graph.nt").read_text("utf-8")
    assert "<https://w3id.org/kg-gazette/id/eli/浙政办发-2017-72/task/2.1.1>" in text
    assert "<https://w3id.org/kg-gazette/id/org/zj-quality-supervision>" in text


def test_configurable_base(tmp_path, seed_path):
    build([seed_path], tmp_path / "o", base="http://example.org/kg/")
    assert "<http://example.org/kg/eli/浙政办发-2017-76>" in (tmp_path / "o" / "graph.nt").read_text("utf-8")
    with pytest.raises(KgError, match="not absolute"):
        build([seed_path], tmp_path / "p", base="kg/")
    r = CliRunner().invoke(main, ["build", str(seed_path), "--out", str(tmp_path / "q"), "--base", "http://x.org/kg#"])
    assert r.exit_code == 1 and "ends in '#'; end it in '/' (spans are '#char=' fragments)" in r.output
    assert not (tmp_path / "q").exists()


def test_failed_build_keeps_previous_outputs(tmp_path, seed_path, monkeypatch):
    out = tmp_path / "out"
    build([seed_path], out)
    before = (out / "graph.nt").read_bytes()
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError):
        build([seed_path, empty], out)

    def explode(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("kg.build.store.load_store", explode)
    with pytest.raises(KeyboardInterrupt):
        build([seed_path], out, base="http://example.org/kg/")  # another base: every graph written again
    assert (out / "graph.nt").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "empty.txt", "out"]


def test_bad_file_inside_a_folder_is_skipped_and_reported(tmp_path, seed_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(seed_path, corpus / "a.txt")
    (corpus / "b.txt").write_bytes(b"\x00\x01binary")
    result = build([corpus], tmp_path / "out")
    assert [s[0] for s in result.skipped] == [str(corpus / "b.txt")]
    report = json.loads((tmp_path / "out" / "report.json").read_text("utf-8"))
    assert report["skipped"][0]["error"].endswith("looks like a binary file (NUL bytes); give the gazette as plain text")


def test_shacl_conforms_and_catches_violations(built, tmp_path):
    from kg.rdf.validate import validate

    conforms, violations, count = validate(built / "graph.nt")
    assert conforms and violations == [] and count == 13217
    broken = tmp_path / "broken"
    shutil.copytree(built, broken)
    lines = (broken / "graph.nt").read_text("utf-8").splitlines(keepends=True)
    task = "<https://w3id.org/kg-gazette/id/eli/浙政办发-2017-72/task/2.1.1>"
    kept = [ln for ln in lines if not (ln.startswith(task) and ("qualifiedAssociation" in ln or "#source>" in ln))]
    (broken / "graph.nt").write_text("".join(kept), encoding="utf-8")
    conforms, violations, _ = validate(broken / "graph.nt")
    assert not conforms
    messages = {v.message for v in violations if v.focus == task[1:-1]}
    assert messages == {"a task has at least one responsible organisation", "a task has exactly one source"}


def test_cli_build_validate_query(tmp_path, seed_path):
    runner = CliRunner()
    out = str(tmp_path / "o")
    r = runner.invoke(main, ["build", str(seed_path), "--out", out])
    assert r.exit_code == 0, r.output
    assert "1 issue(s), 4 documents, 26 tasks" in r.output
    r = runner.invoke(main, ["validate", "--out", out])
    assert r.exit_code == 0 and "conforms" in r.output
    r = runner.invoke(main, ["query", "documents", "--out", out, "--format", "csv"])
    assert r.output.splitlines()[2] == ("浙政办发〔2017〕76号,浙江省人民政府办公厅 浙江省军区办公室关于2016年征兵工作先进单位和个人的通报,"
                                        "2017-07-20,浙江省人民政府办公厅、浙江省军区办公室")
    r = runner.invoke(main, ["query", "documents", "--out", str(tmp_path / "none")])
    assert r.exit_code == 1 and "no built graph here" in r.output


def test_build_graph_script_is_the_same_command(tmp_path, seed_path):
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "build_graph.py"
    out = subprocess.run([sys.executable, str(script), str(seed_path), "--out", str(tmp_path / "o")],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "4 documents, 26 tasks" in out.stdout


def test_namespace_terms_exist_in_the_ontology():
    from rdflib.namespace import OWL, RDF

    from kg.rdf.namespaces import KGO
    from kg.rdf.validate import ontology_text

    onto = Graph().parse(data=ontology_text(), format="turtle")
    declared = {str(s) for s in onto.subjects() if str(s).startswith(str(KGO._NS))}
    used = {str(KGO[name]) for name in KGO.__annotations__}
    assert used <= declared, used - declared
    from rdflib.namespace import RDFS

    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        for term in onto.subjects(RDF.type, kind):
            for prop in (RDFS.label, RDFS.comment):
                assert {v.language for v in onto.objects(term, prop)} == {"zh", "en"}, (term, prop)


def test_the_same_text_twice_is_read_once(tmp_path, seed_path, built):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(seed_path, corpus / "a.txt")
    shutil.copy(seed_path, corpus / "b.txt")
    result = build([corpus], tmp_path / "out")
    assert result.skipped == [(str(corpus / "b.txt"), f"{corpus / 'b.txt'}: the same text as {corpus / 'a.txt'}; read once")]
    assert result.triples == 13217
    report = json.loads((tmp_path / "out" / "report.json").read_text("utf-8"))
    assert [s["file"] for s in report["skipped"]] == [str(corpus / "b.txt")]


def test_a_document_in_two_sources_is_one_node_written_once(tmp_path, seed_path, backend):
    """Two printings of the same documents (another issue number): document lines once, both sources' spans."""
    from kg.sparql.backend import LocalStore

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = seed_path.read_text("utf-8")
    shutil.copy(seed_path, corpus / "a.txt")
    (corpus / "b.txt").write_text(text.replace("第24期", "第25期", 1), encoding="utf-8")
    result = build([corpus], tmp_path / "out")
    assert result.skipped == []
    lines = (tmp_path / "out" / "graph.nt").read_text("utf-8").splitlines()
    assert len(lines) == len(set(lines)) == result.triples
    two = LocalStore(tmp_path / "out")
    assert len(two) == result.triples
    count = "SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?t a <https://w3id.org/kg-gazette/ontology#Task> }"
    assert two.select(count) == (["n"], [[26]])
    sources = ("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { <https://w3id.org/kg-gazette/id/eli/浙政办发-2017-72/task/"
               "2.1.1> <https://w3id.org/kg-gazette/ontology#source> ?s }")
    assert two.select(sources) == (["n"], [[2]])  # one span in each printing


@pytest.mark.parametrize("path, words", [
    ("comparator", "Comparator"), ("targetKind", "TargetKind"), ("yearSource", "YearSource")])
def test_shapes_allow_exactly_the_vocabulary(path, words):
    """The shapes' closed lists are the words kg defines, no more and no fewer."""
    from rdflib.collection import Collection
    from rdflib.namespace import SH

    from kg import vocabulary
    from kg.rdf.namespaces import KGO
    from kg.rdf.validate import shapes_text

    shapes = Graph().parse(data=shapes_text(), format="turtle")
    prop = next(p for p in shapes.subjects(SH.path, KGO[path]))
    allowed = {str(v) for v in Collection(shapes, shapes.value(prop, SH["in"]))}
    assert allowed == {str(w) for w in getattr(vocabulary, words)}
