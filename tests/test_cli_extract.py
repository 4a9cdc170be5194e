"""kg extract as a user runs it."""

import json

from click.testing import CliRunner

from kg.cli import main


def test_extract_json(seed_path):
    result = CliRunner().invoke(main, ["extract", str(seed_path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["format"] == "kg-extract/1"
    [issue] = data["issues"]
    assert [d["number"] for d in issue["documents"]][0] == "浙政办发〔2017〕72号"
    task = issue["documents"][0]["tasks"][0]
    assert task["responsibilities"][0]["org"]["organisation"] == "zj-quality-supervision"
    assert task["responsibilities"][0]["org"]["span"]["text"] == "省质监局"


def test_extract_table(seed_path):
    result = CliRunner().invoke(main, ["extract", "--format", "table", str(seed_path)])
    assert result.exit_code == 0
    assert "浙政办发〔2017〕76号  2017-07-20" in result.stdout
    assert "zj-quality-supervision" in result.stdout


def test_extract_is_deterministic(seed_path):
    a = CliRunner().invoke(main, ["extract", str(seed_path)]).stdout
    b = CliRunner().invoke(main, ["extract", str(seed_path)]).stdout
    assert a == b


def test_errors_are_one_line_without_traceback(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("责任单位".encode("gb18030"))
    cases = [
        ([str(tmp_path / "missing.txt")], f"Error: {tmp_path / 'missing.txt'}: no such file\n"),
        ([str(empty)], f"Error: {empty}: file is empty; give a gazette text file\n"),
        (["--encoding", "utf-8", str(gbk)],
         f"Error: {gbk}:1: cannot be decoded as utf-8 (byte 0); try another --encoding\n"),
    ]
    for args, message in cases:
        result = CliRunner().invoke(main, ["extract", *args])
        assert result.exit_code == 1
        assert result.output == message
        assert result.stdout == ""


def test_help_imports_little():
    import subprocess
    import sys

    code = "import sys, kg.cli; print(sorted(m for m in sys.modules if m.split('.')[0] in " \
           "('rdflib', 'pyvis', 'pandas', 'networkx', 'pyoxigraph', 'opencc', 'pyshacl')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
