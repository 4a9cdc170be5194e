"""The build cache is data, never code: every entry is checked, and one that fails is parsed again with a note."""

import ast
import dataclasses
import gzip
import hashlib
import json
import pickle
from pathlib import Path

import pytest

from kg.build.build import build
from kg.build.cache import FORMAT
from kg.build.sources import display_path
from kg.records import Issue, from_data, to_data

ROOT = Path(__file__).resolve().parent.parent


def _same(a, b, where="issue"):
    """Equal, and of the same types all the way down (a DocNumber stays one, with its parts; a Role stays a Role)."""
    assert type(a) is type(b), (where, type(a), type(b))
    if dataclasses.is_dataclass(a):
        for f in dataclasses.fields(a):
            _same(getattr(a, f.name), getattr(b, f.name), f"{where}.{f.name}")
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b)):
            _same(x, y, f"{where}[{i}]")
    else:
        assert a == b, where
        if hasattr(a, "prefix"):
            assert (a.prefix, a.year, a.seq) == (b.prefix, b.year, b.seq), where


def test_every_record_of_the_seed_survives_to_data_and_back(seed_issue):
    data = json.loads(json.dumps(to_data(seed_issue), ensure_ascii=False))
    back = from_data(Issue, data)
    assert back == seed_issue
    _same(seed_issue, back)
    assert sum(len(d.tasks) for d in back.documents) == 26


def test_records_of_a_compilation_survive_too():
    from kg.parse import extract_text

    text = ("【中国林业法规】 某某局公告（2024年第3号）（关于某事）\n【法规正文】 特此公告。\n某某局\n2024年1月2日\n"
            "【文号】 某某局公告（2024年第3号）\n-----\n"
            "【中国林业法规】 某某局令（第9号）\n【法规正文】 第一条 为了规范。\n【文号】 某某局令第9号\n-----\n")
    issue = extract_text(text, "c.txt")
    assert [(d.number, d.number.style) for d in issue.documents] == [("某某局公告2024年第3号", "announcement"),
                                                                     ("某某局令第9号", "order")]
    back = from_data(Issue, json.loads(json.dumps(to_data(issue), ensure_ascii=False)))
    assert back == issue and [d.number.style for d in back.documents] == ["announcement", "order"]


def test_no_module_of_kg_uses_pickle():
    users = []
    for path in sorted((ROOT / "kg").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            users += [f"{path.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] in ("pickle", "marshal",
                                                                                              "shelve", "dill")]
    assert users == []


@pytest.fixture
def cached(tmp_path, seed_path):
    """A build with one cache entry: (out folder, the entry, a fresh build's graph.nt)."""
    out = tmp_path / "out"
    build([seed_path], out, jobs=1)
    [entry] = (out / "cache").iterdir()
    return out, entry, (out / "graph.nt").read_bytes()


def _lines(entry: Path) -> list[bytes]:
    """The entry's lines: its header, one per document, the issue, the summary, the trailer."""
    return gzip.decompress(entry.read_bytes()).split(b"\n")[:-1]


def _write(entry: Path, lines: list[bytes], fix_checksum: bool = False) -> None:
    if fix_checksum:
        body = b"".join(line + b"\n" for line in lines[1:-1])
        lines = [*lines[:-1], json.dumps({"body_sha256": hashlib.sha256(body).hexdigest()}).encode("utf-8")]
    entry.write_bytes(gzip.compress(b"".join(line + b"\n" for line in lines)))


def _rebuild(out, seed_path):
    result = build([seed_path], out, jobs=1)
    return result, (out / "graph.nt").read_bytes()


def test_a_rebuild_reads_the_cache(cached, seed_path):
    out, entry, fresh = cached
    result, graph = _rebuild(out, seed_path)
    assert (result.parsed, result.cached, result.notes, graph) == (0, 1, [], fresh)
    assert entry.name.endswith(".json.gz") and json.loads(_lines(entry)[0])["format"] == "kg-cache"


def test_a_pickle_in_the_cache_runs_nothing(cached, seed_path, tmp_path):
    out, entry, fresh = cached
    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self):
            return (Path.write_text, (marker, "ran"))

    entry.write_bytes(pickle.dumps(Exploit()))
    result, graph = _rebuild(out, seed_path)
    assert not marker.exists()
    assert result.parsed == 1 and graph == fresh
    assert result.notes == [f"cache entry {entry.name[:16]}… for {display_path(seed_path)} cannot be read "
                            "(Not a gzipped file (b'\\x80\\x04')); parsed the source again"]


@pytest.mark.parametrize("damage,reason", [
    ("truncated", "cannot be read (Compressed file ended before the end-of-stream marker was reached)"),
    ("edited", "does not match its own checksum (truncated or edited)"),
    ("foreign", "stored under another key (a foreign entry)"),
    ("version", f"is of cache version 2, not {FORMAT}"),
    ("source", "was made from another text than the source's"),
    ("marker", "is not a kg cache entry"),
])
def test_a_damaged_or_forged_entry_is_parsed_again(cached, seed_path, damage, reason):
    out, entry, fresh = cached
    lines = _lines(entry)
    header = json.loads(lines[0])
    if damage == "truncated":
        entry.write_bytes(entry.read_bytes()[: len(entry.read_bytes()) // 2])
    elif damage == "edited":  # a forged title in the records; the checksum left as it was
        assert "浙江省人民政府办公厅关于".encode() in lines[1]  # the first document's line
        _write(entry, [lines[0], lines[1].replace("浙江省人民政府办公厅关于".encode(), "伪造的标题".encode(), 1),
                       *lines[2:]])
    else:
        header.update({"foreign": {"key": "0" * 64}, "version": {"version": 2}, "source": {"source_sha256": "0" * 64},
                       "marker": {"format": "something-else"}}[damage])
        _write(entry, [json.dumps(header).encode("utf-8"), *lines[1:]])
    result, graph = _rebuild(out, seed_path)
    assert result.notes == [f"cache entry {entry.name[:16]}… for {display_path(seed_path)} {reason}; parsed the source again"]
    assert (result.parsed, graph) == (1, fresh)
    assert "伪造的标题".encode() not in graph


def test_records_of_the_wrong_shape_are_never_trusted(cached, seed_path):
    """Even with a checksum made to match, records that are not the records' shape are parsed again."""
    out, entry, fresh = cached
    lines = _lines(entry)
    document = json.loads(lines[1])
    document["tasks"][0]["responsibilities"][0]["role"] = "boss"
    _write(entry, [lines[0], json.dumps(document, ensure_ascii=False).encode("utf-8"), *lines[2:]],
           fix_checksum=True)
    result, graph = _rebuild(out, seed_path)
    assert result.notes == [f"cache entry {entry.name[:16]}… for {display_path(seed_path)} has unreadable records "
                            "(Responsibility.role: 'boss' is not a Role); parsed the source again"]
    assert graph == fresh


def test_a_summary_of_the_wrong_shape_is_never_trusted(cached, seed_path):
    """A forged report in the summary, its checksum made to match, read when no manifest vouches for the source."""
    out, entry, fresh = cached
    lines = _lines(entry)
    summary = json.loads(lines[-2])
    summary["report"]["documents"] = 5
    _write(entry, [*lines[:-2], json.dumps(summary, ensure_ascii=False).encode("utf-8"), lines[-1]], fix_checksum=True)
    (out / ".kg-output.json").unlink()  # so that the first pass reads the entry's summary, not the manifest's record
    result, graph = _rebuild(out, seed_path)
    assert result.notes == [f"cache entry {entry.name[:16]}… for {display_path(seed_path)} has an unreadable summary "
                            "(object of type 'int' has no len()); parsed the source again"]
    assert (result.parsed, graph) == (1, fresh)


def test_the_cache_key_covers_the_reference_data(cached, seed_path, monkeypatch, tmp_path):
    """Every file of kg/reference/data/ (divisions.json, provinces.json …) is in the key: one changed, all re-parsed."""
    from importlib import resources

    from kg.build import parsing

    out, _, _ = cached
    data = Path(str(resources.files("kg.reference.data")))
    assert {"organisations.json", "divisions.json", "provinces.json"} <= {p.name for p in data.iterdir()}
    copy = tmp_path / "data"
    copy.mkdir()
    for f in data.iterdir():
        if f.suffix == ".json":
            (copy / f.name).write_bytes(f.read_bytes())
    same = parsing.reference_digest()
    monkeypatch.setattr(resources, "files", lambda package: copy)
    assert parsing.reference_digest() == same
    (copy / "divisions.json").write_bytes((copy / "divisions.json").read_bytes().replace("江干区".encode(), "江干".encode()))
    assert parsing.reference_digest() != same
    assert _rebuild(out, seed_path)[0].parsed == 1
