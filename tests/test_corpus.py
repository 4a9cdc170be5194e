"""Corpus builds on a synthetic corpus with known truth: correctness, incremental, parallel, trends."""

import json
import shutil

import pytest

from kg.build.build import build
from kg.parse.extract import extract_file
from kg.dev.synth import differences, write_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synth")
    truth = json.loads(write_corpus(folder, 12, years=(2017, 2019), seed=7).read_text("utf-8"))
    return folder, truth


def test_extracted_facts_equal_the_generated_truth(corpus):
    folder, truth = corpus
    wrong = {name: differences(extract_file(folder / name), t) for name, t in truth.items()}
    assert {k: v for k, v in wrong.items() if v} == {}
    tasks = sum(len(d["tasks"]) for t in truth.values() for d in t["documents"])
    assert tasks > 150  # a corpus worth the name


def test_parallel_build_equals_sequential(corpus, tmp_path):
    folder, truth = corpus
    one = build([folder], tmp_path / "one", jobs=1)
    two = build([folder], tmp_path / "two", jobs=2)
    assert (one.parsed, two.parsed) == (len(truth), len(truth))
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")


def test_rebuild_reparses_only_what_changed(corpus, tmp_path):
    folder, truth = corpus
    work = tmp_path / "corpus"
    shutil.copytree(folder, work)
    out = tmp_path / "out"
    first = build([work], out)
    assert (first.parsed, first.cached) == (len(truth), 0)
    again = build([work], out)
    assert (again.parsed, again.cached) == (0, len(truth))
    changed = work / "2019-0003.txt"
    changed.write_text(changed.read_text("utf-8").replace("浙江省人民政府办公厅关于进一步加强",
                                                          "浙江省人民政府办公厅关于切实加强", 1), encoding="utf-8")
    third = build([work], out)
    assert (third.parsed, third.cached) == (1, len(truth) - 1)
    assert third.written < len(truth) // 2  # the changed source and those citing its title, not the rest
    fresh = build([work], tmp_path / "fresh")
    assert fresh.parsed == len(truth)
    assert outputs(out) == outputs(tmp_path / "fresh")
    assert build([work], out).unchanged


def test_sources_added_and_removed_keep_the_rest(corpus, tmp_path):
    folder, truth = corpus
    work = tmp_path / "corpus"
    shutil.copytree(folder, work)
    out = tmp_path / "out"
    build([work], out)
    (work / "2017-0002.txt").unlink()
    shutil.copy(folder / "2017-0002.txt", work / "2017-0002b.txt")  # the same text under a later name
    shutil.copy(folder / "2019-0004.txt", work / "2019-0004c.txt")  # a repeated text: read once
    again = build([work], out)
    assert (again.parsed, again.written) == (2, 1)
    build([work], tmp_path / "fresh")
    assert outputs(out) == outputs(tmp_path / "fresh")


def outputs(out):
    """Every output of a build as bytes (the store as its sorted N-Quads), the manifest's times left out."""
    import pyoxigraph as ox

    found = {name: (out / name).read_bytes() for name in ("graph.nt", "report.json", "assignments.parquet",
                                                                     "targets.parquet", "documents.parquet",
                                                                     "honorees.parquet")}
    found.update({f"graphs/{p.name}": p.read_bytes() for p in sorted((out / "graphs").iterdir())})
    store = ox.Store.read_only(str(out / "store"))
    found["store"] = b"".join(sorted(ox.serialize(store, format=ox.RdfFormat.N_QUADS).splitlines(keepends=True)))
    found["quads in the store"] = len(store)
    assert len(store) == len(set(found["graph.nt"].splitlines()))  # each triple in one graph only
    return found


def test_successor_continues_the_line(corpus, tmp_path):
    from kg.api import BuiltGraph

    folder, _ = corpus
    build([folder], tmp_path / "out")
    graph = BuiltGraph(tmp_path / "out")
    plain = graph.trends(department="浙江省市场监督管理局").records()
    mapped = graph.trends(as_of=2019, department="浙江省市场监督管理局").records()
    assert [r["year"] for r in plain] == [2019]
    assert [r["year"] for r in mapped] == [2017, 2019]
    # after --as-of every year names the successor, and a task counts it once, in its strongest role
    assert [(r["year"], r["department"], r["short"], r["tasks_led"], r["tasks_participant"], r["tasks_total"])
            for r in mapped] == [(2017, "浙江省市场监督管理局", "省市场监管局", 28, 36, 64),
                                 (2019, "浙江省市场监督管理局", "省市场监管局", 7, 10, 17)]
    shorts = {r["short"] for r in graph.centrality(year=2017, as_of=2019).records()}
    assert "省市场监管局" in shorts and not shorts & {"省质监局", "省工商局", "省食品药品监管局"}
    # a slice that holds only the successor follows the old name to it, and says so
    from click.testing import CliRunner

    from kg.cli import main

    page = tmp_path / "ego.html"
    r = CliRunner().invoke(main, ["html", "--graph", str(tmp_path / "out"), "--view", "ego", "--department", "省质监局",
                                  "--year", "2019", "-o", str(page)])
    assert r.exit_code == 0 and r.stdout == f"wrote {page}: 26 nodes, 25 edges\n"
    assert r.stderr == ("note: 省质监局 (浙江省质量技术监督局) was reorganised into 浙江省市场监督管理局; showing "
                        "浙江省市场监督管理局\n")


def test_synth_command_makes_real_size_issues(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    r = CliRunner().invoke(main, ["dev", "synth", str(tmp_path / "c"), "--issues", "1", "--years", "2017",
                                  "--documents", "24"])
    assert r.exit_code == 0, r.output
    assert r.output == f"wrote 1 issues and {tmp_path / 'c' / 'truth.json'}\n"
    truth = json.loads((tmp_path / "c" / "truth.json").read_text("utf-8"))
    assert len(truth["2017-0001.txt"]["documents"]) == 25  # 24 policy documents and a commendation
    assert (tmp_path / "c" / "2017-0001.txt").stat().st_size > 50_000
