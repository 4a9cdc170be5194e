"""Scoring extraction against the gold annotations in tests/gold/ (facts about real documents, and invented texts).

Each measure is counted as true positives, false positives and false negatives, so
figures add up per document and in total:

- ``departments``: (line, unit as written) of every responsible unit, white space removed, script folded;
- ``leads``: the same pairs for the units that lead (lead and co-lead);
- ``header``: the document's number, title, date and issuers, one field each (a field is right or wrong);
- ``targets``: the annotated targets found on their line with the same value, unit and comparator (and year where
  the gold gives one); precision is sampled on the lines the gold annotates (its targets and its non-targets);
- ``honorees``: (kind, name) of each commended unit or person.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "gold"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
MEASURES = ("departments", "leads", "header", "targets", "honorees")
LEADING = {"lead", "co_lead"}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def counted(self) -> bool:
        return bool(self.tp + self.fp + self.fn)


@dataclass
class DocumentScore:
    name: str
    scores: dict = field(default_factory=lambda: {m: Score() for m in MEASURES})
    misses: list = field(default_factory=list)


def key(text: str) -> str:
    """A unit as compared: no white space, traditional characters folded."""
    from kg.text import normalise

    return re.sub(r"\s", "", normalise(text or ""))


def _pairs(counter_a: Counter, counter_b: Counter) -> Score:
    tp = sum((counter_a & counter_b).values())
    return Score(tp, sum(counter_b.values()) - tp, sum(counter_a.values()) - tp)


def score_mentions(gold: list[dict], docs) -> tuple[Score, Score, list]:
    """Departments and leads of the extracted documents ``docs`` against ``gold`` mentions."""
    want = Counter((m["line"], key(m["unit"])) for m in gold)
    want_lead = Counter((m["line"], key(m["unit"])) for m in gold if m["role"] in LEADING)
    got, got_lead = Counter(), Counter()
    for doc in docs:
        for task in doc.tasks:
            for r in task.responsibilities:
                # An implied unit is sourced at its rule; the gold notes it on the line of the task it governs.
                line = task.span.line if r.role == "implied" else r.org.span.line
                k = (line, key(r.org.span.text))
                got[k] += 1
                if r.role in LEADING:
                    got_lead[k] += 1
    misses = [f"missed {k}" for k in (want - got)] + [f"extra {k}" for k in (got - want)]
    return _pairs(want, got), _pairs(want_lead, got_lead), misses


def score_header(gold: dict, doc) -> tuple[Score, list]:
    s, misses = Score(), []
    got = {"number": key(doc.number) if doc and doc.number else None, "title": key(doc.title) if doc else None,
           "date": doc.date if doc else None,
           "issuers": [key(m.mention) for m in doc.issuers] if doc else []}
    want = {"number": key(gold["number"]) if gold.get("number") else None, "title": key(gold.get("title") or ""),
            "date": gold.get("date"),
            "issuers": [key(i) for i in gold.get("issuers") or []]}
    if not want["title"]:
        want["title"] = None
        got["title"] = got["title"] or None
    for f in ("number", "title", "date", "issuers"):
        if got[f] == want[f]:
            s.tp += 1
        else:
            s.fn += 1
            s.fp += 1 if got[f] else 0
            misses.append(f"{f}: got {got[f]!r}, want {want[f]!r}")
    return s, misses


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def score_targets(gold: list[dict], non_targets: list[dict], docs) -> tuple[Score, list]:
    """Targets: recall over the gold sample; precision sampled where the gold is sure.

    The gold annotates a sample of each document's targets, so an extracted
    target that matches none is counted false only on a line the gold marks
    as holding no target (its non-targets); on a line with annotated targets
    it may be one the sample left out, and is not counted either way.
    """
    from kg.text.numbers import scale_value

    lines = {t["line"] for t in gold}
    wrong_lines = {n["line"] for n in non_targets} - lines
    got = [t for doc in docs for t in doc.targets if t.span.line in lines | wrong_lines]
    used, s, misses = set(), Score(), []
    for want in gold:
        value, unit = scale_value(float(want["value"]), key(want["unit"]))
        for k, t in enumerate(got):
            if k in used or t.span.line != want["line"]:
                continue
            top = want.get("value_max")
            if _same_value(t.value, value) and t.unit == unit and t.comparator == want["comparator"] and (
                    want.get("year") is None or t.year == want["year"]) and (
                    top is None or t.value_max is not None and _same_value(t.value_max, scale_value(float(top), key(want["unit"]))[0])):
                used.add(k)
                s.tp += 1
                break
        else:
            s.fn += 1
            near = [f"{t.indicator} {t.value:g}{t.unit} {t.comparator} {t.year}" for t in got
                    if t.span.line == want["line"]]
            misses.append(f"target missed line {want['line']}: {want['indicator']} {want['value']}{want['unit']} "
                          f"{want['comparator']} {want.get('year')}; extracted there: {near}")
    extra = [t for k, t in enumerate(got) if k not in used and t.span.line in wrong_lines]
    s.fp = len(extra)
    misses += [f"target extra line {t.span.line}: {t.indicator} {t.value_text}" for t in extra]
    return s, misses


def score_honorees(gold: list[dict], docs) -> tuple[Score, list]:
    want = Counter((h["kind"], key(h["name"])) for h in gold)
    got = Counter((h.kind, key(h.name)) for doc in docs for h in doc.honorees)
    return _pairs(want, got), [f"honoree missed {k}" for k in want - got] + [f"honoree extra {k}" for k in got - want]


def _document(issue, entry):
    """The extracted document the gold entry describes (by number, else by position)."""
    number = entry["header"].get("number")
    if number:
        for doc in issue.documents:
            if doc.number == number:
                return doc
    k = entry.get("document_index", 0)
    return issue.documents[k] if k < len(issue.documents) else None


def _in_range(entry, docs):
    """The documents whose text the gold entry's line range covers (the whole file when it gives none)."""
    if "start_line" not in entry:
        return docs
    return [d for d in docs if d.span.line <= entry["end_line"] and d.span.end_line >= entry["start_line"]]


def score_entry(entry: dict, issue) -> DocumentScore:
    out = DocumentScore(entry["file"] if not entry.get("document_index") else f"{entry['file']}#{entry['document_index']}")
    doc = _document(issue, entry)
    docs = _in_range(entry, issue.documents)
    if "start_line" in entry:
        docs = [d for d in docs if d is doc] or docs
    deps, leads, misses = score_mentions(entry.get("mentions", []), docs)
    out.scores["departments"], out.scores["leads"] = deps, leads
    out.misses += misses
    if entry.get("header"):
        out.scores["header"], m = score_header(entry["header"], doc)
        out.misses += m
    out.scores["targets"], m = score_targets(entry.get("targets", []), entry.get("non_targets", []), docs)
    out.misses += m
    out.scores["honorees"], m = score_honorees(entry.get("honorees", []), docs)
    out.misses += m
    return out


def load(name: str) -> list[dict]:
    data = json.loads((GOLD / name).read_text("utf-8"))
    return data.get("documents") or data.get("texts")


def score_all(extract) -> tuple[list[DocumentScore], dict]:
    """Score every gold entry whose file is present; ``extract(path)`` gives an Issue."""
    rows, totals = [], {m: Score() for m in MEASURES}
    cache = {}
    for name, folder in (("corpus.json", CORPUS), ("texts.json", GOLD)):
        for entry in load(name):
            path = folder / entry["file"]
            if not path.exists():
                continue
            if path not in cache:
                cache[path] = extract(path)
            row = score_entry(entry, cache[path])
            rows.append(row)
            for m in MEASURES:
                totals[m].add(row.scores[m])
    return rows, totals


def table(rows, totals) -> str:
    """Precision, recall and F1 per document and in total, as text."""
    head = f"{'document':58} " + " ".join(f"{m[:11]:>17}" for m in MEASURES)
    lines = [head, " " * 59 + " ".join(f"{'P    R    F1':>17}" for _ in MEASURES)]

    def cells(scores):
        return " ".join(f"{s.precision:.2f} {s.recall:.2f} {s.f1:.2f}".rjust(17) if s.counted else f"{'-':>17}"
                        for s in (scores[m] for m in MEASURES))

    lines += [f"{r.name[:58]:58} {cells(r.scores)}" for r in rows]
    lines.append(f"{'total':58} {cells(totals)}")
    return "\n".join(lines)
