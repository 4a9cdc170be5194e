"""What once ended in a traceback (or wrote what it must not) is one line naming the folder or file, exit status 1."""

import errno
import json
import math
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build.build import build
from kg.cli import main

FULL = "the disk is full (no space left on device)"


def _error(r) -> str:
    assert r.exit_code == 1, r.output
    return r.output.splitlines()[-1]


@pytest.fixture
def previous(tmp_path, built):
    """A folder holding a good build (and a file of the user's): (folder, its files' bytes)."""
    out = tmp_path / "out"
    shutil.copytree(built, out)
    (out / "NOTES.md").write_text("mine", encoding="utf-8")
    return out, {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _unchanged(out, before) -> bool:
    now = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    staging = [p.name for p in out.parent.iterdir() if ".partial-" in p.name or ".old-" in p.name]
    return now == before and staging == []


class _FullDisk:
    """A file object whose writes fail as on a full disk."""

    def __init__(self, *args, **kwargs):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def write(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("site", ["cache", "chunk", "graph", "report", "manifest", "store"])
def test_a_full_disk_at_every_write_site_keeps_the_previous_outputs(previous, seed_path, monkeypatch, site):
    import pyoxigraph

    import kg.build.graphs
    import kg.build.parsing
    import kg.build.writing

    out, before = previous
    real_text, real_bytes = Path.write_text, Path.write_bytes

    def full(path) -> bool:
        return (site, path.name) in (("report", "report.json"), ("manifest", ".kg-output.json"))

    def write_text(self, data, *args, **kwargs):
        if full(self):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_text(self, data, *args, **kwargs)

    def write_bytes(self, data):
        if full(self):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_bytes(self, data)

    class FullStore:  # what RocksDB raises when the disk fills during the bulk load
        def __init__(self, path):
            pass

        def bulk_load(self, **kwargs):
            raise OSError("IO error: No space left on device: While appending to file: 000010.sst: "
                          "No space left on device")

    monkeypatch.setattr(Path, "write_text", write_text)
    monkeypatch.setattr(Path, "write_bytes", write_bytes)
    if site == "cache":  # a source's cache entry, written a document at a time
        monkeypatch.setattr(kg.build.parsing, "open", _FullDisk, raising=False)
    if site == "graph":
        monkeypatch.setattr(kg.build.graphs, "open", _FullDisk, raising=False)
    if site == "chunk":  # a source's N-Quads file and graph.nt block, written a batch at a time
        monkeypatch.setattr(kg.build.writing, "open", _FullDisk, raising=False)
    if site == "store":
        monkeypatch.setattr(pyoxigraph, "Store", FullStore)
    (out / "cache" / next((out / "cache").iterdir()).name).unlink()  # so that the source is parsed and cached again
    before.pop(next(k for k in before if k.startswith("cache/")))
    r = CliRunner().invoke(main, ["build", str(seed_path), "--out", str(out), "--jobs", "1"])
    assert _error(r) == f"Error: {out}: cannot write: {FULL}; the previous outputs are as they were"
    assert _unchanged(out, before)


def test_a_real_full_disk(tmp_path, seed_path):
    """A real tmpfs with room for one build, not two: the store's engine (RocksDB) and every file fill it."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.decode().strip()})")
    try:
        out = mount / "out"
        build([seed_path], out)
        before = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
        r = CliRunner().invoke(main, ["build", str(seed_path), "--out", str(out), "--base", "http://example.org/x/"])
        assert _error(r) == f"Error: {out}: cannot write: {FULL}; the previous outputs are as they were"
        assert _unchanged(out, before)
    finally:
        subprocess.run(["umount", str(mount)], check=True)


@pytest.mark.parametrize("code,reason", [(errno.EROFS, "it is on a read-only file system"),
                                         (errno.EACCES, "permission denied")])
def test_a_read_only_or_forbidden_parent_of_out(tmp_path, seed_path, monkeypatch, code, reason):
    import os

    real_open = os.open

    def refusing_open(path, flags, *args, **kwargs):  # root writes anywhere: refuse as the file system would
        if str(path).startswith(str(tmp_path)) and flags & os.O_CREAT:
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["build", str(seed_path), "--out", str(out)])
    assert _error(r) == f"Error: {out}: cannot write: {reason}; the previous outputs are as they were"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["html"], ["figure"], ["export-network", "--format", "csv"]])
def test_writing_into_a_missing_folder(built, tmp_path, command):
    missing = tmp_path / "no" / "such"
    name = {"html": "v.html", "figure": "f.svg"}.get(command[0], "n.csv")
    r = CliRunner().invoke(main, [*command, "--out", str(built), "-o", str(missing / name)])
    expected = (f"Error: {missing}: no such folder for the export" if command[0] == "export-network" else
                f"Error: {missing}: no such folder; create it first or write elsewhere")
    assert _error(r) == expected
    assert not (tmp_path / "no").exists()


def test_a_damaged_store(built, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(built, broken)
    manifest = next((broken / "store").glob("MANIFEST-*"))
    manifest.write_bytes(b"garbage" * 10)
    r = CliRunner().invoke(main, ["query", "documents", "--out", str(broken)])
    assert _error(r) == f"Error: the store in {broken} is damaged; run kg build again"


def test_a_truncated_graph_given_to_validate(built, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(built, broken)
    cut = (built / "graph.nt").read_bytes()[:100_000]
    (broken / "graph.nt").write_bytes(cut)
    r = CliRunner().invoke(main, ["validate", "--out", str(broken)])
    line = cut.count(b"\n") + 1
    assert _error(r) == (f"Error: {broken / 'graph.nt'}:{line}: not valid N-Triples (Unexpected end of file); "
                         "is the file truncated? run kg build again")


def test_a_signalling_nan_parameter(built, tmp_path):
    query = tmp_path / "d.rq"
    query.write_text("# title: d\n# param: d decimal — a number\nSELECT ?x WHERE { BIND(?d AS ?x) }\n",
                     encoding="utf-8")
    for value in ("sNaN", "NaN", "Infinity", "-inf"):
        r = CliRunner().invoke(main, ["query", str(query), "--out", str(built), "--param", f"d={value}"])
        assert _error(r) == f"Error: --param d={value!r} is not a valid decimal"


def test_push_to_something_that_is_not_a_url(built):
    for endpoint in ("not a url", "ftp://host/store", "http://"):
        r = CliRunner().invoke(main, ["push", "--out", str(built), "--endpoint", endpoint])
        assert _error(r) == (f"Error: --endpoint {endpoint!r} is not an http(s) URL; give the server's Graph Store "
                             "URL, e.g. http://HOST:7878/store")


def test_json_never_holds_nan_or_infinity():
    from kg.output import Table, dump_json, format_rows

    def strict(text):
        return json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} in JSON"))

    rows = Table(["department", "closeness"], [("甲", math.nan), ("乙", math.inf), ("丙", 0.25)])
    assert strict(format_rows(rows.rows, rows.columns, "json")) == [
        {"department": "甲", "closeness": None}, {"department": "乙", "closeness": None},
        {"department": "丙", "closeness": 0.25}]
    assert strict(dump_json({"modularity": -math.inf, "n": [1, math.nan]})) == {"modularity": None, "n": [1, None]}


def test_no_raw_control_character_reaches_the_graph(tmp_path):
    text = ("关于推进某项工作的通知\n\n浙政办发〔2019〕5号\n\n各市政府:\n\n" + "为进一步做好工作,现通知如下。" * 200 + "\n\n"
            "1. 推进\x00工作\x1b落实。(牵头单位:省发改委;配合单位:省财政厅)\n")
    source = tmp_path / "nul.txt"
    source.write_text(text, encoding="utf-8")
    assert source.read_bytes().index(b"\x00") > 4096  # past the binary check, as in the reported file
    result = build([source], tmp_path / "out")
    graph = (tmp_path / "out" / "graph.nt").read_bytes()
    assert b"\x00" not in graph and b"\x1b" not in graph and b"\\u0000" in graph and b"\\u001B" in graph
    assert b"\x00" not in (tmp_path / "out" / "graph.nt").read_bytes()
    from kg.sparql.backend import LocalStore

    assert len(LocalStore(tmp_path / "out")) == result.triples


def test_a_full_disk_under_html_keeps_the_page_that_was_there(built, tmp_path, monkeypatch):
    import kg.output

    page = tmp_path / "departments.html"
    page.write_text("the old page", encoding="utf-8")
    monkeypatch.setattr(kg.output, "open", _FullDisk, raising=False)  # the page's temporary file
    r = CliRunner().invoke(main, ["html", "--out", str(built), "-o", str(page)])
    assert _error(r) == f"Error: {tmp_path}: cannot write: {FULL}; departments.html was not written"
    assert [p.name for p in tmp_path.iterdir()] == ["departments.html"] and page.read_text("utf-8") == "the old page"
