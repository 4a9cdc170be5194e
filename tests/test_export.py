"""kg export: the build as one file for bulk loaders; N-Quads with a graph per source and one for shared lines."""

import gzip
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from kg.cli import main

from .printings import build_two_printings

BASE = "https://w3id.org/kg-gazette/id/"
SHARED = BASE + "graph/shared"


def _export(out, path, fmt="nq.gz"):
    r = CliRunner().invoke(main, ["export", "--out", str(out), "--format", fmt, "-o", str(path)])
    assert r.exit_code == 0, r.output
    return r.output


def _quads(path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return f.read().splitlines()


def _graph_of(quad):
    return quad.rsplit(" ", 2)[-2][1:-1]


def _triple_of(quad):
    return quad.rsplit(" ", 2)[0] + " ."


@pytest.fixture(scope="module")
def two_sources(tmp_path_factory, seed_path):
    """Two printings of the seed's documents (another issue number): lines shared between two sources."""
    return build_two_printings(seed_path, tmp_path_factory.mktemp("two"))


def test_nquads_hold_the_graph_one_named_graph_per_source(built, tmp_path):
    path = tmp_path / "seed.nq.gz"
    assert _export(built, path) == f"wrote 13217 triples in 2 graphs to {path}\n"
    quads = _quads(path)
    triples = (built / "graph.nt").read_text("utf-8").splitlines()
    assert sorted(_triple_of(q) for q in quads) == sorted(triples)
    (sha,) = {line.split('"')[1] for line in triples if "ontology#sha256>" in line}
    source = f"{BASE}source/{sha[:16]}"
    assert sorted({_graph_of(q) for q in quads}) == [SHARED, source]
    spans = [q for q in quads if q.startswith(f"<{source}#char=")]
    assert len(spans) > 2000 and {_graph_of(q) for q in spans} == {source}  # the source's spans in its graph
    shared_subjects = {q.split(" ", 1)[0] for q in quads if _graph_of(q) == SHARED}
    assert f"<{BASE}org/zj-quality-supervision>" in shared_subjects  # the department table is shared


def test_the_same_build_gives_the_same_bytes(built, tmp_path):
    one, two = tmp_path / "1.nq.gz", tmp_path / "2.nq.gz"
    _export(built, one)
    _export(built, two)
    assert one.read_bytes() == two.read_bytes()
    assert one.read_bytes()[4:8] == b"\0\0\0\0"  # no time in the gzip header, and no file name
    assert one.read_bytes()[3] & 0x08 == 0


def test_shared_lines_are_written_once_and_each_source_reloads_alone(two_sources, tmp_path):
    import pyoxigraph as ox

    path = tmp_path / "two.nq"
    assert "in 3 graphs" in _export(two_sources, path, "nq")
    quads = _quads(path)
    graphs = {}
    for q in quads:
        graphs.setdefault(_graph_of(q), []).append(q)
    assert len(graphs) == 3 and len(quads) == len(set(map(_triple_of, quads)))
    doc = f"<{BASE}eli/浙政办发-2017-72> <http://data.europa.eu/eli/ontology#title>"
    assert [_graph_of(q) for q in quads if q.startswith(doc)] == [SHARED]  # printed in both sources: shared
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.N_QUADS)
    before = sorted(map(str, store))
    (first,) = [g for g in graphs if g != SHARED][:1]
    store.remove_graph(ox.NamedNode(first))  # a team reloads one source: drop its graph, load its quads again
    assert len(store) == len(quads) - len(graphs[first])
    store.load(input="\n".join(graphs[first]) + "\n", format=ox.RdfFormat.N_QUADS)
    assert sorted(map(str, store)) == before


@pytest.mark.parametrize("fmt,name", [("nt", "graph.nt"), ("nt.gz", "graph.nt"), ("ttl", "graph.ttl")])
def test_triples_and_turtle_are_the_build_files(built, tmp_path, fmt, name):
    from kg.build.turtle import turtle_of_build

    path = tmp_path / f"g.{fmt}"
    assert _export(built, path, fmt) == f"wrote 13217 triples to {path}\n"
    data = gzip.decompress(path.read_bytes()) if fmt.endswith(".gz") else path.read_bytes()
    if fmt == "ttl":  # the build wrote no Turtle (only kg build --turtle does): made on request, the same bytes
        assert not (built / name).exists()
        assert data == turtle_of_build(built, tmp_path / "later.ttl").read_bytes()
    else:
        assert data == (built / name).read_bytes()


def test_oxigraph_load_reads_the_export(built, tmp_path):
    import pyoxigraph as ox

    from .servers import oxigraph_binary

    path = tmp_path / "seed.nq.gz"
    _export(built, path)
    r = subprocess.run([oxigraph_binary(), "load", "--location", str(tmp_path / "db"), "--file", str(path)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    store = ox.Store.read_only(str(tmp_path / "db"))
    assert len(store) == 13217 and len(list(store.named_graphs())) == 2
    del store


def test_bad_exports_are_one_line_and_write_nothing(built, tmp_path):
    r = CliRunner().invoke(main, ["export", "--out", str(built), "-o", str(tmp_path / "missing" / "x.nq.gz")])
    assert r.exit_code == 1 and r.output == f"Error: {tmp_path / 'missing'}: no such folder; create it first or " \
                                            "write elsewhere\n"
    r = CliRunner().invoke(main, ["export", "--out", str(tmp_path / "nothing"), "-o", str(tmp_path / "x.nq.gz")])
    assert r.exit_code == 1 and "no built graph here" in r.output
    broken = tmp_path / "broken"
    shutil.copytree(built, broken)
    with open(broken / "graph.nt", "ab") as f:  # graph.nt no longer what the cache gives
        f.write(b"<urn:a> <urn:b> <urn:c> .\n")
    r = CliRunner().invoke(main, ["export", "--out", str(broken), "-o", str(tmp_path / "x.nq.gz")])
    assert r.exit_code == 1 and "the build's cache no longer gives the lines of its graph.nt" in r.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken"]  # no half-written file
