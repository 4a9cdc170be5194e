"""The seed printed by two sources (two issues of the gazette), for the tests of what a graph holds twice."""

from __future__ import annotations

from pathlib import Path

from kg.build.build import build


def build_two_printings(seed_path: Path, root: Path, *changes: tuple[str, str]) -> Path:
    """Build ``a.txt`` (the seed) and ``b.txt`` (the seed as issue 25, each ``(old, new)`` of ``changes`` made once).

    Returns the output folder, ``root / "out"``.
    """
    corpus = root / "corpus"
    corpus.mkdir()
    text = seed_path.read_text("utf-8")
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    for old, new in (("第24期", "第25期"), *changes):
        text = text.replace(old, new, 1)
    (corpus / "b.txt").write_text(text, encoding="utf-8")
    build([corpus], root / "out")
    return root / "out"
