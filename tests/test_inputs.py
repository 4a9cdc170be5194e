"""Inputs that once hung a build or blew it up: only regular files, of bounded size, and every skip listed."""

import codecs
import json
import os
import shutil
import socket
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kg.build.build import build
from kg.cli import main
from kg.errors import InputError
from kg.parse.extract import extract_file
from kg.text.reading import read_source


def _kg(*args, cwd=None):
    """``kg`` in a real process, so that a regression that hangs fails instead of hanging the suite."""
    return subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", *args], capture_output=True,
                          text=True, timeout=120, cwd=cwd)


def test_a_fifo_or_a_device_named_on_the_command_line_is_one_line(tmp_path, seed_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    r = _kg("build", str(fifo), "--out", str(tmp_path / "o"))
    assert (r.returncode, r.stderr.splitlines()[-1]) == (
        1, f"Error: {fifo}: is a FIFO (named pipe), not a regular file; give a text file")
    r = _kg("build", "/dev/zero", "--out", str(tmp_path / "o"))
    assert r.stderr.splitlines()[-1] == "Error: /dev/zero: is a character device, not a regular file; give a text file"
    sock = tmp_path / "sock.txt"
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(sock))
        r = CliRunner().invoke(main, ["build", str(sock), "--out", str(tmp_path / "o")])
    assert r.output.splitlines()[-1] == f"Error: {sock}: is a socket, not a regular file; give a text file"
    assert not (tmp_path / "o").exists()


def test_special_files_unreadable_folders_and_link_loops_in_a_folder_are_skipped_and_listed(tmp_path, seed_path,
                                                                                          monkeypatch):
    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    shutil.copy(seed_path, corpus / "a.txt")
    os.mkfifo(corpus / "fifo.txt")
    (corpus / "loop").symlink_to(corpus)  # a folder that contains itself
    (corpus / "self.txt").symlink_to(corpus / "self.txt")  # a link to itself
    (corpus / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    real_scandir = os.scandir

    def scandir(path="."):  # root reads every folder: make one unreadable as it is for anyone else
        if not isinstance(path, int) and os.fspath(path) == str(corpus / "locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = build([corpus], tmp_path / "out")
    assert result.triples == 13217
    report = json.loads((tmp_path / "out" / "report.json").read_text("utf-8"))
    assert report["skipped"] == [
        {"file": str(corpus / "fifo.txt"), "error": f"{corpus / 'fifo.txt'}: is a FIFO (named pipe), not a regular "
                                                    "file; skipped"},
        {"file": str(corpus / "gone.txt"), "error": f"{corpus / 'gone.txt'}: a broken or looping symbolic link; skipped"},
        {"file": str(corpus / "locked"), "error": f"{corpus / 'locked'}: cannot read this folder (Permission denied); "
                                                  "skipped"},
        {"file": str(corpus / "loop"), "error": f"{corpus / 'loop'}: a folder already walked (a symbolic link loop?); "
                                                "not followed"},
        {"file": str(corpus / "self.txt"), "error": f"{corpus / 'self.txt'}: a broken or looping symbolic link; skipped"},
    ]


def test_the_size_limit_and_its_option(tmp_path, seed_path):
    big = tmp_path / "big.txt"
    big.write_bytes(seed_path.read_bytes() + b"\n" * (1 << 20))
    r = CliRunner().invoke(main, ["build", str(big), "--out", str(tmp_path / "o"), "--max-size", "1"])
    assert r.exit_code == 1
    assert r.output.splitlines()[-1] == (f"Error: {big}: is larger than 1 MB, the limit for one source; "
                                         "raise it with --max-size if the file is really one gazette text")
    assert not (tmp_path / "o").exists()
    r = CliRunner().invoke(main, ["build", str(seed_path), "--out", str(tmp_path / "o"), "--max-size", "1"])
    assert r.exit_code == 0 and "4 documents, 26 tasks" in r.output
    assert read_source(big, max_size=2 << 20).text.startswith(seed_path.read_text("utf-8"))  # a raised limit reads it
    sparse = tmp_path / "sparse.txt"
    with open(sparse, "wb") as f:
        f.truncate(65 << 20)
    with pytest.raises(InputError) as err:
        read_source(sparse)
    assert str(err.value).startswith(f"{sparse}: is larger than 64 MB, the limit for one source")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark(tmp_path, seed_path, seed_issue, encoding):
    f = tmp_path / "seed16.txt"
    f.write_bytes(seed_path.read_text("utf-8").encode(encoding))
    issue = extract_file(f)
    assert issue.encoding == encoding
    assert [(t.id, len(t.responsibilities)) for d in issue.documents for t in d.tasks] == \
        [(t.id, len(t.responsibilities)) for d in seed_issue.documents for t in d.tasks]


@pytest.mark.parametrize("content", [b" \n\t\r\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\n \n",
                                     codecs.BOM_UTF16_LE, codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"),
                                     "\u3000\n".encode("utf-8")])
def test_a_blank_or_bom_only_file_never_replaces_good_outputs(tmp_path, built, content):
    out = tmp_path / "out"
    shutil.copytree(built, out)
    before = (out / "graph.nt").read_bytes()
    blank = tmp_path / "blank.txt"
    blank.write_bytes(content)
    r = CliRunner().invoke(main, ["build", str(blank), "--out", str(out)])
    assert r.exit_code == 1
    assert r.output.splitlines()[-1] in (
        f"Error: {blank}: file is empty; give a gazette text file",
        f"Error: {blank}: holds only white space or a byte-order mark; give a gazette text file")
    assert (out / "graph.nt").read_bytes() == before


def test_report_names_sources_inside_the_working_folder_relative_to_it(tmp_path, seed_path, monkeypatch):
    (tmp_path / "corpus").mkdir()
    shutil.copy(seed_path, tmp_path / "corpus" / "a.txt")
    monkeypatch.chdir(tmp_path)
    build([tmp_path / "corpus", seed_path], tmp_path / "out")
    report = json.loads((tmp_path / "out" / "report.json").read_text("utf-8"))
    assert [i["file"] for i in report["issues"]] == ["corpus/a.txt"]
    assert report["skipped"] == [{"file": str(seed_path), "error": f"{seed_path}: the same text as corpus/a.txt; "
                                                                   "read once"}]
    assert str(tmp_path) not in (tmp_path / "out" / "report.json").read_text("utf-8")
