"""An output folder: kg replaces only what it wrote, refuses folders that are not its own, and never races itself."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build.build import build
from kg.cli import main
from kg.errors import KgError


def _files(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_folder_that_is_not_a_kg_output_is_refused_before_any_work(tmp_path, seed_path):
    thesis = tmp_path / "thesis"
    (thesis / "ch1").mkdir(parents=True)
    (thesis / "ch1" / "ch1.docx").write_bytes(b"chapter one")
    (thesis / "survey.csv").write_text("a,b\n", encoding="utf-8")
    (thesis / "report.json").write_text("{}", encoding="utf-8")  # once enough to have the folder wiped
    before = _files(thesis)
    r = CliRunner().invoke(main, ["build", str(seed_path), "--out", str(thesis)])
    assert r.exit_code == 1
    assert r.output == (f"Error: {thesis}: not a kg output folder (it holds other files and no .kg-output.json); "
                        "name a new or empty folder with --out, or move those files elsewhere\n")
    assert _files(thesis) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thesis"]  # no lock, no staging folder: no work done


def test_source_folders_and_the_working_folder_are_refused(tmp_path, seed_path, monkeypatch):
    corpus = tmp_path / "g"
    corpus.mkdir()
    shutil.copy(seed_path, corpus / "a.txt")
    runner = CliRunner()
    r = runner.invoke(main, ["build", str(corpus), "--out", str(corpus)])
    assert r.output == f"Error: {corpus}: is a source folder of this build; choose another --out\n"
    inner = corpus / "kg-out"
    r = runner.invoke(main, ["build", str(corpus), "--out", str(inner)])
    assert r.output == f"Error: {inner}: lies inside the source folder {corpus}; choose an --out outside it\n"
    r = runner.invoke(main, ["build", str(corpus / "a.txt"), "--out", str(tmp_path)])
    assert r.output == f"Error: {tmp_path}: holds the source {corpus / 'a.txt'}; choose another --out\n"
    monkeypatch.chdir(corpus)
    r = runner.invoke(main, ["build", str(seed_path), "--out", "."])
    assert r.output == ("Error: .: is the working folder; name a folder of its own for the outputs, "
                        "e.g. --out kg-out\n")
    r = runner.invoke(main, ["build", str(seed_path), "--out", str(tmp_path)])
    assert r.exit_code == 1 and "is the working folder or holds it" in r.output
    assert sorted(p.name for p in corpus.iterdir()) == ["a.txt"] and not inner.exists()


def test_files_kg_did_not_write_are_kept_across_rebuilds(tmp_path, seed_path):
    out = tmp_path / "kg-out"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(seed_path), "--out", str(out)]).exit_code == 0
    r = runner.invoke(main, ["html", "--out", str(out), "-o", str(out / "departments.html")])
    assert r.exit_code == 0, r.output
    (out / "NOTES.md").write_text("# my notes\n", encoding="utf-8")
    (out / "drafts").mkdir()
    (out / "drafts" / "figure.svg").write_text("<svg/>", encoding="utf-8")
    mine = {k: v for k, v in _files(out).items() if k in ("departments.html", "NOTES.md", "drafts/figure.svg")}
    r = runner.invoke(main, ["build", str(seed_path), "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert f"kept 3 file(s) in {out}/ that kg did not write: NOTES.md, departments.html, drafts" in r.output
    assert {k: v for k, v in _files(out).items() if k in mine} == mine
    manifest = json.loads((out / ".kg-output.json").read_text("utf-8"))
    assert manifest["entries"] == ["assignments.parquet", "cache", "documents.parquet", "graph.nt", "graphs",
                                   "honorees.parquet", "report.json", "store", "targets.parquet"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".kg-out.lock", "kg-out"]


def test_an_output_of_kg_before_the_manifest_is_rebuilt_keeping_other_files(tmp_path, seed_path, built):
    out = tmp_path / "old"
    shutil.copytree(built, out)
    (out / ".kg-output.json").unlink()
    (out / "cache" / "00.pickle").write_bytes(b"old format")
    (out / "survey.csv").write_text("a,b\n", encoding="utf-8")
    result = build([seed_path], out)
    assert result.kept == ["survey.csv"] and (out / "survey.csv").read_text("utf-8") == "a,b\n"
    assert (out / "graph.nt").read_bytes() == (built / "graph.nt").read_bytes()
    assert [p.suffix for p in (out / "cache").iterdir()] == [".gz"]  # kg's own cache replaced whole


def test_a_damaged_manifest_or_a_clash_is_refused(tmp_path, seed_path):
    out = tmp_path / "o"
    build([seed_path], out)
    manifest = out / ".kg-output.json"
    good = manifest.read_bytes()
    manifest.write_text("{not json", encoding="utf-8")
    with pytest.raises(KgError, match=r"\.kg-output\.json: damaged \(not kg's list of its outputs\)"):
        build([seed_path], out)
    data = json.loads(good)
    manifest.write_text(json.dumps({**data, "format": "kg-output/9"}), encoding="utf-8")
    with pytest.raises(KgError, match=r"written by another version of kg \(format 'kg-output/9', not 'kg-output/1'\)"):
        build([seed_path], out)
    manifest.write_text(json.dumps({**data, "entries": ["graph.nt", "graph.ttl", "report.json", "store"]}),
                        encoding="utf-8")
    with pytest.raises(KgError) as err:
        build([seed_path], out)
    assert str(err.value) == (f"{out / 'assignments.parquet'}: kg writes this name but did not write this file; "
                              "move it elsewhere")
    assert (out / "cache").is_dir()


def test_a_failed_swap_puts_the_previous_outputs_back(tmp_path, seed_path, monkeypatch):
    out = tmp_path / "o"
    build([seed_path], out)
    (out / "NOTES.md").write_text("mine", encoding="utf-8")
    before = _files(out)
    real = Path.rename
    calls = []

    def rename(self, target):
        calls.append(self.name)
        if len(calls) == 8:  # the six old entries set aside, one new one moved in
            raise OSError(28, "No space left on device")
        return real(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(KgError) as err:
        build([seed_path], out, base="http://example.org/kg/")  # another base: a build that writes everything
    assert str(err.value) == (f"{out}: cannot write: the disk is full (no space left on device); "
                              "the previous outputs are as they were")
    assert _files(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".o.lock", "o"]


# Real processes: a build that stops inside its last step, until a signal comes.
_STALLED = r"""
import sys, time, pathlib
import kg.build.store

def stall(ntriples, store):
    pathlib.Path(sys.argv[3]).write_text("ready")
    time.sleep(120)

kg.build.store.load_store = stall
from kg.cli import main
main(["build", sys.argv[1], "--out", sys.argv[2], "--jobs", "1", "--base", "http://example.org/stalled/"])
"""


def _stalled_build(seed_path, out, tmp_path):
    ready = tmp_path / "ready"
    proc = subprocess.Popen([sys.executable, "-c", _STALLED, str(seed_path), str(out), str(ready)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not ready.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"the stalled build did not start: {proc.communicate()}")
        time.sleep(0.05)
    return proc


def test_a_second_build_is_locked_out_and_sigterm_cleans_up(tmp_path, seed_path):
    out = tmp_path / "o"
    build([seed_path], out)
    before = _files(out)
    proc = _stalled_build(seed_path, out, tmp_path)
    try:
        assert (tmp_path / f".o.partial-{proc.pid}").is_dir()
        r = CliRunner().invoke(main, ["build", str(seed_path), "--out", str(out)])
        assert r.exit_code == 1
        assert r.output == (f"Error: {out}: another kg build (pid {proc.pid}) is writing here; "
                            "wait for it to finish, or choose another --out\n")
    finally:
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 143
    assert stderr.splitlines()[-1] == f"kg build: terminated; the previous outputs in {out} are as they were"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".o.lock", "o", "ready"]
    assert _files(out) == before
    assert build([seed_path], out).triples == 13217  # the lock went with the process


def test_staging_folders_of_killed_builds_are_cleaned_by_the_next_build(tmp_path, seed_path):
    out = tmp_path / "o"
    proc = _stalled_build(seed_path, out, tmp_path)
    proc.kill()
    proc.communicate(timeout=120)
    stale = tmp_path / f".o.partial-{proc.pid}"
    assert stale.is_dir() and (stale / "graph.nt").is_file()
    stranded = tmp_path / f".o.old-{proc.pid}"  # as an older kg left a whole output folder, with a user's file
    stranded.mkdir()
    (stranded / "graph.nt").write_text("old", encoding="utf-8")
    (stranded / "thesis.docx").write_bytes(b"mine")
    alive = tmp_path / f".o.partial-{os.getppid()}"  # a live process's (here pytest's parent): not touched
    alive.mkdir()
    result = build([seed_path], out)
    assert result.notes == [f"left {stranded}: it holds files kg did not write (thesis.docx)",
                            f"removed {stale}, left by an interrupted build"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".o.lock", f".o.old-{proc.pid}",
                                                          f".o.partial-{os.getppid()}", "o", "ready"]
    assert [p.name for p in stranded.iterdir()] == ["thesis.docx"]
