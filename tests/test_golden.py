"""Golden snapshots of the seed: its graph (sorted N-Triples), its kg extract JSON and its report.

Refresh them with ``pytest --update-golden`` when a change is intended; a
difference shows the triples (or lines) that changed.
"""

import json
import shutil

import pytest

from kg.build import build
from kg.output import dump_json
from kg.parse import extract_source
from kg.records import to_data
from kg.text import decode_bytes

#: The name the seed is read under, so the snapshots do not depend on where it was found.
NAME = "zhejiang-gazette-2017-24.txt"


@pytest.fixture(scope="module")
def seed_build(seed_path, tmp_path_factory):
    folder = tmp_path_factory.mktemp("golden")
    shutil.copy(seed_path, folder / NAME)
    build([folder / NAME], folder / "out")
    return folder / "out"


def test_seed_graph(seed_build, golden):
    lines = (seed_build / "graph.nt").read_text("utf-8").splitlines(keepends=True)
    golden("seed.nt", "".join(sorted(lines)))


def test_seed_report(seed_build, golden):
    report = json.loads((seed_build / "report.json").read_text("utf-8"))
    for issue in report["issues"]:
        issue["file"] = NAME  # the folder it was built in is not part of the snapshot
    golden("seed-report.json", dump_json(report) + "\n")


def test_seed_extract_json(seed_path, golden):
    issue = extract_source(decode_bytes(seed_path.read_bytes(), NAME))
    golden("seed-extract.json", dump_json({"format": "kg-extract/1", "issues": to_data([issue])}) + "\n")
