"""Extraction against the gold set: 15 real documents annotated by hand (tests/gold/corpus.json, read from
../shared/corpus when it is there) and 48 invented texts (tests/gold/texts/). Two sets of 12 (hon_*, tgt_*
and h2_*, t2_*) were written as held-out sets by someone who had not seen the parser; before the layouts
they show were handled they scored honorees F1 0.43 and 0.53, leads 1.00 and 0.60, targets 0.96 and 0.95. Run with ``pytest -s tests/test_gold.py`` to see precision, recall and F1 per document and in
total."""

import pytest

from kg.parse import extract_file

from .gold_scoring import CORPUS, score_all, table

#: The issue's goals (F1) on the gold set.
GOALS = {"departments": 0.95, "leads": 0.95, "header": 0.95, "targets": 0.85, "honorees": 0.90}
#: What the parser reaches today (F1, rounded down): a change that loses ground fails here first.
REACHED = {"departments": 0.99, "leads": 0.99, "header": 0.97, "targets": 0.97, "honorees": 0.99}


@pytest.fixture(scope="module")
def scored():
    return score_all(lambda path: extract_file(path))


def test_gold_figures_meet_the_goals(scored):
    rows, totals = scored
    print("\n" + table(rows, totals))
    below = {m: round(totals[m].f1, 3) for m, goal in GOALS.items() if totals[m].f1 < goal}
    assert below == {}


def test_gold_figures_hold_what_was_reached(scored):
    rows, totals = scored
    if not CORPUS.exists():
        pytest.skip("../shared/corpus is absent: the figures cover the invented texts only")
    assert {m: round(totals[m].f1, 3) for m in REACHED if totals[m].f1 < REACHED[m]} == {}
    assert sum(1 for r in rows if not r.name.startswith("texts/")) == 15
    assert sum(1 for r in rows if r.name.startswith("texts/")) == 48
