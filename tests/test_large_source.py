"""A source larger than memory holds: both passes go a document at a time, lines are sorted on disk.

The figures for a 105 MB source are in benchmarks/README.md; these tests
prove the mechanisms on small texts: no more than one document's records
are alive at any step of either pass, lines sorted in runs on disk give byte
for byte the graph of lines sorted in memory, and a document printed many
times under one number does not multiply the report's notices.
"""

from __future__ import annotations

import gc

import pytest

from kg.build import sorted_lines
from kg.build.build import build
from kg.dev.synth import generate_issue
from kg.records import Document

DOCUMENTS = 12  # policy documents in the issue, and a commendation


@pytest.fixture
def large(tmp_path):
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "issue.txt").write_text(generate_issue(7, 2018, 3, DOCUMENTS).text, encoding="utf-8")
    return folder


def _alive() -> int:
    return sum(isinstance(o, Document) for o in gc.get_objects())


def test_each_pass_holds_one_document_at_a_time(large, tmp_path, monkeypatch):
    """Counted when the summary takes a document (first pass) and when its lines are made (second)."""
    from kg.build import summary
    from kg.rdf import issue as rdf_issue

    seen = {"first": [], "second": []}
    add, lines = summary.Summary.add, rdf_issue.document_lines

    def counting_add(self, doc):
        seen["first"].append(_alive())
        return add(self, doc)

    def counting_lines(e, k, doc, table):
        seen["second"].append(_alive())
        return lines(e, k, doc, table)

    monkeypatch.setattr(summary.Summary, "add", counting_add)
    monkeypatch.setattr(rdf_issue, "document_lines", counting_lines)
    gc.collect()
    held = _alive()  # documents other tests' fixtures hold
    result = build([large], tmp_path / "out", jobs=1)
    assert len(result.reports[0]["documents"]) == DOCUMENTS + 1
    assert len(seen["first"]) == len(seen["second"]) == DOCUMENTS + 1
    assert max(seen["first"]) - held == max(seen["second"]) - held == 1, (held, seen)


def test_lines_sorted_in_runs_on_disk_give_the_same_graph(large, tmp_path, monkeypatch):
    in_memory = tmp_path / "memory"
    build([large], in_memory, jobs=1)
    monkeypatch.setattr(sorted_lines, "LIMIT", 50)
    made = []
    original = sorted_lines.SortedLines.merged

    def merged(self):
        made.append(self.runs)
        return original(self)

    monkeypatch.setattr(sorted_lines.SortedLines, "merged", merged)
    on_disk = tmp_path / "disk"
    build([large], on_disk, jobs=1)
    assert made == [14]  # the source's lines went to disk in 14 runs (a document's lines at a time, past 50)
    for name in ("graph.nt", "report.json", "assignments.parquet", "targets.parquet", "documents.parquet",
                 "honorees.parquet"):
        assert (on_disk / name).read_bytes() == (in_memory / name).read_bytes(), name
    [nq] = (in_memory / "graphs").iterdir()
    assert (on_disk / "graphs" / nq.name).read_bytes() == nq.read_bytes()
    assert not any(".run" in p.name for p in on_disk.rglob("*")), "run files left behind"


def test_sorted_runs_merge_every_line_once_in_order(tmp_path):
    lines = sorted_lines.SortedLines(tmp_path / "x", limit=3)
    words = ["牵头", "b", "a", "牵头", "c", "a", "é", "b", "z", "b"]
    for w in words:
        lines.extend([f"<{w}> .\n"])
    assert lines.runs == 3 and len(list(tmp_path.iterdir())) == 3
    assert [line.decode() for line in lines.merged()] == sorted({f"<{w}> .\n" for w in words})
    assert list(tmp_path.iterdir()) == []


def test_a_notice_is_listed_once_under_its_own_document():
    """Two documents under one number: each lists its own notices, not the other's as well."""
    from kg.build.report import combine_reports
    from kg.build.summary import summarise
    from kg.parse.extract import extract_text

    text = "关于甲的通知\n\n浙政发〔2019〕1号\n\n1. 推进。(牵头单位:某某办)\n\n" \
           "关于甲的通知\n\n浙政发〔2019〕1号\n\n1. 推进。(牵头单位:另一办)\n"
    report, _, _ = summarise(extract_text(text, "a.txt"))
    assert [[(n["code"], n["line"]) for n in d["notices"]] for d in report["documents"]] == [
        [("no-issuer", 1), ("unresolved-organisation", 5)], [("no-issuer", 7), ("unresolved-organisation", 11)]]
    assert "另一办" in report["documents"][1]["notices"][1]["message"]
    assert combine_reports([report])["totals"]["notices"] == 4


def test_an_export_sorts_a_large_source_on_disk_to_the_same_bytes(large, tmp_path, monkeypatch):
    from kg.sparql.export import export

    out = tmp_path / "out"
    build([large], out, jobs=1)
    assert export(out, tmp_path / "memory.nq", "nq").triples == 10_278
    monkeypatch.setattr(sorted_lines, "LIMIT", 50)
    assert export(out, tmp_path / "disk.nq", "nq").triples == 10_278
    assert (tmp_path / "disk.nq").read_bytes() == (tmp_path / "memory.nq").read_bytes()
