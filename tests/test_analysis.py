"""Department analytics on the seed: roles, measures, overlap, communities, exports."""

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.analysis.centrality import department_measures
from kg.analysis.communities import detect_communities
from kg.analysis.networks import co_responsibility, lead_network
from kg.analysis.overlap import department_overlap
from kg.cli import main
from kg.errors import KgError

ZJ = "https://w3id.org/kg-gazette/id/org/"


@pytest.fixture(scope="module")
def rows(graph):
    return graph.assignments()


@pytest.fixture(scope="module")
def labels(graph):
    return graph.labels()


def measured(rows, labels):
    return department_measures(rows, co_responsibility(rows, labels), lead_network(rows, labels))


@pytest.fixture(scope="module")
def measures(rows, labels):
    return {m["short"]: m for m in measured(rows, labels)}


def test_roles_of_the_quality_bureau_and_the_eitc(measures):
    q, e = measures["省质监局"], measures["省经信委"]
    assert (q["tasks_led"], q["tasks_participant"], q["tasks_total"]) == (16, 6, 22)
    assert (e["tasks_led"], e["tasks_participant"], e["tasks_total"]) == (3, 16, 19)
    assert q["department"] == "浙江省质量技术监督局" and q["department_en"] == "Zhejiang Bureau of Quality and Technical Supervision"


def test_top_of_each_ranking(rows, labels):
    data = measured(rows, labels)
    assert len(data) == 38  # the 39 organisations of the seed less the collective 各市、县(市、区)政府
    top = lambda key: [m["short"] for m in sorted(data, key=lambda m: (-m[key], m["short"]))][:3]  # noqa: E731
    assert [m["short"] for m in data[:3]] == ["省质监局", "省经信委", "省发展改革委"]
    assert top("weighted_degree") == ["省质监局", "省经信委", "省发展改革委"]
    assert top("betweenness") == ["省质监局", "省经信委", "省发展改革委"]
    assert top("eigenvector") == ["省质监局", "省经信委", "省发展改革委"]
    assert top("pagerank") == ["省质监局", "省发展改革委", "省经信委"]
    assert max(m["core_number"] for m in data) == 17


def test_strongest_pair(rows, labels):
    g = co_responsibility(rows, labels)
    u, v, w = max(g.edges(data="weight"), key=lambda e: e[2])
    assert {u, v} == {ZJ + "zj-quality-supervision", ZJ + "zj-eitc"} and w == 17
    first = department_overlap(rows, labels)[0]
    assert (first["a"], first["b"], first["shared"], first["jaccard"]) == ("省经信委", "省质监局", 17, 0.708333)


def test_lead_network(rows, labels):
    d = lead_network(rows, labels)
    assert d.edges[ZJ + "zj-quality-supervision", ZJ + "zj-eitc"]["weight"] == 14
    assert not d.has_edge(ZJ + "zj-eitc", ZJ + "zj-eitc")


def test_communities_are_deterministic(rows, labels):
    first = detect_communities(co_responsibility(rows, labels), seed=0)
    again = detect_communities(co_responsibility(rows, labels), seed=0)
    assert first == again
    data, summary = first
    assert summary["communities"] == 4 and summary["departments"] == 38
    assert 0.2 < summary["modularity"] < 0.25 and summary["density"] == 0.465149
    assert sum(c["size"] for c in data) == 38


def test_slices_by_document_and_year(graph):
    assert len(graph.assignments(document="浙政办发〔2017〕72号")) == 173  # 178, less the collective's 5
    assert graph.assignments(document="浙政办发[2017]72号") == graph.assignments(document="浙政办发〔2017〕72号")
    assert graph.assignments(year=2016) == []
    assert graph.empty_notes(year=2016) == ["no rows: no document of 2016 has tasks in the graph (its documents with "
                                            "tasks are of 2017)"]
    with pytest.raises(KgError) as caught:
        graph.assignments(document="浙政办发〔2017〕99号")
    assert str(caught.value) == ("no document numbered '浙政办发〔2017〕99号' in the graph; did you mean "
                                 "浙政办发〔2017〕11号, 浙政办发〔2017〕72号 or 浙政办发〔2017〕76号?")


def test_as_of_maps_to_successors(graph, labels):
    after = graph.assignments(as_of=2019)
    orgs = {a.organisation for a in after}
    assert ZJ + "zj-market-regulation" in orgs and ZJ + "zj-quality-supervision" not in orgs
    merged = {m["department"]: m for m in measured(after, labels)}
    # 质监局, 工商局 and 食药监局 all became 市场监管局 in 2018; every task of the
    # other two is also one of 质监局's, so the successor has 质监局's 22 tasks.
    assert merged["浙江省市场监督管理局"]["tasks_total"] == 22
    assert merged["浙江省市场监督管理局"]["tasks_led"] == 16


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_opens_back_with_the_same_nodes_edges_and_weights(built, tmp_path, fmt):
    path = tmp_path / f"net.{fmt}"
    r = CliRunner().invoke(main, ["export-network", "--out", str(built), "--kind", "co-responsibility",
                                  "--format", fmt, "-o", str(path)])
    assert r.exit_code == 0, r.output
    from kg.api import BuiltGraph

    original = BuiltGraph(built).network("co-responsibility")
    back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert set(back.nodes) == set(original.nodes)
    assert {frozenset(e) for e in back.edges} == {frozenset(e) for e in original.edges}
    assert all(float(back.edges[u, v]["weight"]) == w for u, v, w in original.edges(data="weight"))
    node = back.nodes[ZJ + "zj-quality-supervision"]
    assert node["label"] == "浙江省质量技术监督局" and int(node["tasks_led"]) == 16
    again = tmp_path / f"again.{fmt}"
    CliRunner().invoke(main, ["export-network", "--out", str(built), "--format", fmt, "-o", str(again)])
    assert again.read_bytes() == path.read_bytes()


def test_exports_look_like_the_page_in_gephi(built, graph, tmp_path):
    import xml.etree.ElementTree as ET

    view = {n["id"]: n for n in graph.view("departments").nodes}
    for fmt in ("gexf", "graphml"):
        path = tmp_path / f"styled.{fmt}"
        r = CliRunner().invoke(main, ["export-network", "--out", str(built), "--format", fmt, "-o", str(path)])
        assert r.exit_code == 0, r.output
        if fmt == "gexf":
            viz = "{http://www.gexf.net/1.2draft/viz}"
            nodes = ET.parse(path).getroot().iter("{http://www.gexf.net/1.2draft}node")
            got = {n.get("id"): (n.find(viz + "position").attrib, n.find(viz + "color").attrib,
                                 n.find(viz + "size").get("value")) for n in nodes}
            for node, (position, colour, size) in got.items():
                page = view[node]
                assert (float(position["x"]), -float(position["y"])) == (page["x"], page["y"])
                assert "#%02x%02x%02x" % tuple(int(colour[k]) for k in "rgb") == page["color"]
                assert float(size) == page["size"]
            assert len(got) == 38  # the 39 departments less the collective one
        else:
            back = nx.read_graphml(path)
            node = back.nodes[ZJ + "zj-quality-supervision"]
            page = view[ZJ + "zj-quality-supervision"]
            assert (node["x"], -node["y"], node["size"]) == (page["x"], page["y"], page["size"])
            assert "#%02x%02x%02x" % (node["r"], node["g"], node["b"]) == page["color"]
    r = CliRunner().invoke(main, ["export-network", "--out", str(built), "--kind", "bipartite", "--format", "gexf",
                                  "-o", str(tmp_path / "bi.gexf")])
    assert r.exit_code == 0 and (tmp_path / "bi.gexf").read_text("utf-8").count("<viz:position") == 64  # 26 tasks, 38 departments


def test_bipartite_export_carries_roles(built, tmp_path):
    path = tmp_path / "bi.csv"
    r = CliRunner().invoke(main, ["export-network", "--out", str(built), "--kind", "bipartite", "--format", "csv",
                                  "-o", str(path)])
    assert r.exit_code == 0
    lines = path.read_text("utf-8").splitlines()
    assert lines[0] == "source,target,source_label,target_label,role,weight"
    assert len(lines) == 1 + 173
    assert (tmp_path / "bi.nodes.csv").exists()


def test_cli_centrality_json_and_top(built):
    r = CliRunner().invoke(main, ["centrality", "--out", str(built), "--top", "2", "--json"])
    data = json.loads(r.output)
    assert [d["short"] for d in data] == ["省质监局", "省经信委"]
    r = CliRunner().invoke(main, ["communities", "--out", str(built), "--json"])
    assert json.loads(r.output)["communities"][0]["community"] == 1


def test_dataframe_api(built):
    import kg

    g = kg.open_graph(built)
    df = g.centrality()
    assert list(df.columns[:3]) == ["department", "short", "department_en"]
    assert df.loc[df.short == "省质监局", "tasks_led"].item() == 16
    assert g.overlap().iloc[0]["shared"] == 17
    c = g.communities()
    assert c.attrs["communities"] == 4
    assert g.network("lead").number_of_edges() == 69


def test_collectives_are_left_out_unless_asked(built):
    from kg.api import BuiltGraph

    without, with_them = BuiltGraph(built), BuiltGraph(built, collectives=True)
    assert (len(without.assignments()), len(with_them.assignments())) == (173, 178)
    assert {a.mention for a in with_them.assignments()} - {a.mention for a in without.assignments()} == {
        "各市、县〔市、区〕政府"}
    assert len(with_them.centrality().rows) == 39 and with_them.communities().summary["communities"] == 3
    assert with_them.network("lead").number_of_edges() == 72


def test_igraph_path_measures_equal_networkx(rows, labels):
    from kg.analysis.centrality import path_measures

    g = co_responsibility(rows, labels)
    between, close = path_measures(g)
    nx_between = nx.betweenness_centrality(g, weight="distance")
    nx_close = nx.closeness_centrality(g, distance="distance")
    assert all(abs(between[v] - nx_between[v]) < 1e-9 for v in g)
    assert all(abs(close[v] - nx_close[v]) < 1e-9 for v in g)
    # A disconnected graph is scaled the way networkx scales it.
    h = nx.Graph([(1, 2), (3, 4), (4, 5)])
    nx.set_edge_attributes(h, 1.0, "distance")
    assert path_measures(h)[1] == pytest.approx(nx.closeness_centrality(h, distance="distance"))


def test_sampled_path_measures_keep_the_leaders():
    import random

    from kg.analysis.centrality import path_measures

    rng = random.Random(3)
    g = nx.Graph()
    weights = [1 / (k + 1) for k in range(300)]
    for _ in range(3000):
        a, b = rng.choices(range(300), weights, k=2)
        if a != b:
            w = g.edges[a, b]["weight"] + 1 if g.has_edge(a, b) else 1
            g.add_edge(a, b, weight=w, distance=1 / w)
    exact_b, exact_c = path_measures(g)
    sampled_b, sampled_c = path_measures(g, sample=100)
    top = lambda d, k: set(sorted(d, key=lambda v: -d[v])[:k])  # noqa: E731
    assert len(top(exact_b, 10) & top(sampled_b, 10)) >= 8
    assert len(top(exact_c, 10) & top(sampled_c, 10)) >= 8
