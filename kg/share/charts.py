"""Charts of the analysis tables for papers: trends per year (``kg trends --plot``) and ranked bars
(``kg centrality --plot``).

Both take the rows the commands print, so a figure shows exactly the table;
both carry the source line (sources and command) and write reproducible
PNG, SVG or PDF through :func:`~.figure.start_figure`.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from ..errors import KgError
from ..vocabulary import Phrase, Role
from .figure import save_figure, source_line, start_figure
from .views import PALETTE, say

__all__ = ["draw_trends", "draw_ranking", "trend_lines"]


def trend_lines(rows, top: int = 8) -> tuple[list, list]:
    """``(years, [(department, tasks per year), …])`` for the ``top`` departments with most tasks in all years.

    Examples
    --------
    >>> rows = [{"iri": "a", "short": "甲", "department": "", "year": 2017, "tasks_total": 3},
    ...         {"iri": "a", "short": "甲", "department": "", "year": 2019, "tasks_total": 5},
    ...         {"iri": "b", "short": "乙", "department": "", "year": 2019, "tasks_total": 1}]
    >>> trend_lines(rows)
    ([2017, 2019], [('甲', [3, 5]), ('乙', [0, 1])])
    """
    series, names, totals = defaultdict(dict), {}, defaultdict(int)
    for r in rows:
        series[r["iri"]][r["year"]] = r["tasks_total"]
        names[r["iri"]] = r["short"] or r["department"]
        totals[r["iri"]] += r["tasks_total"]
    years = sorted({r["year"] for r in rows})
    chosen = sorted(totals, key=lambda k: (-totals[k], names[k]))[:top]
    return years, [(names[k], [series[k].get(y, 0) for y in years]) for k in chosen]


def draw_trends(rows, path, sources=(), command: str = "", lang: str = "zh", as_of=None, top: int = 8) -> Path:
    """A department's tasks per year, one line per department (the ``top`` with most tasks over all years).

    ``rows`` are :func:`kg.analysis.trends.department_trends` rows; with
    ``as_of`` they already name each organisation's successor, so a line
    continues through a reform under the new name.
    """
    if not rows:
        raise KgError("no department has tasks in a dated document; nothing to plot")
    years, lines = trend_lines(rows, top)
    plt, fig, ax, fmt = start_figure(path, 6.5, 3.8)
    for k, (name, ys) in enumerate(lines):
        ax.plot(years, ys, marker="o", markersize=3.5, linewidth=1.4, color=PALETTE[k % len(PALETTE)], label=name)
    ax.set_xticks(years)
    ax.set_xticklabels([str(y) for y in years], fontsize=7)
    ax.tick_params(axis="y", labelsize=7)
    ax.set_xlabel(say(Phrase.YEAR, lang), fontsize=8)
    ax.set_ylabel(say(Phrase.TASKS, lang), fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#eeeeee", linewidth=0.6)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7, frameon=False)
    title = say(Phrase.TRENDS_TITLE, lang) + (say(Phrase.TRENDS_AS_OF, lang, year=as_of) if as_of else "")
    fig.text(0.015, 0.965, title, fontsize=10, ha="left", va="top")
    fig.text(0.015, 0.015, source_line(sources, command, lang), fontsize=5.5, color="#666666", ha="left", wrap=True)
    fig.subplots_adjust(left=0.09, right=0.74, top=0.86, bottom=0.18)
    return save_figure(plt, fig, path, fmt)


def draw_ranking(rows, path, sources=(), command: str = "", lang: str = "zh", top: int = 20) -> Path:
    """The centrality table's first ``top`` departments as ranked bars: tasks led and joined, stacked.

    Examples
    --------
    >>> rows = [{"short": "甲", "department": "", "tasks_led": 2, "tasks_total": 5}]
    >>> draw_ranking(rows, "/tmp/kg-ranking.svg", lang="en").name  # doctest: +SKIP
    'kg-ranking.svg'
    """
    if not rows:
        raise KgError("no department has tasks in this slice of the graph; nothing to plot")
    rows = rows[:top]
    plt, fig, ax, fmt = start_figure(path, 6.5, 1.2 + 0.2 * len(rows))
    names = [r["short"] or r["department"] for r in rows]
    led = [r["tasks_led"] for r in rows]
    joined = [r["tasks_total"] - r["tasks_led"] for r in rows]
    at = list(range(len(rows)))[::-1]
    ax.barh(at, led, color=Role.LEAD.colour, height=0.7, label=Role.LEAD.label(lang))
    ax.barh(at, joined, left=led, color=Role.PARTICIPANT.colour, height=0.7, label=Role.PARTICIPANT.label(lang))
    for y, a, b in zip(at, led, joined):
        ax.text(a + b + 0.3, y, f"{a + b}", va="center", fontsize=6.5, color="#333333")
    ax.set_yticks(at)
    ax.set_yticklabels(names, fontsize=7.5)
    ax.tick_params(axis="x", labelsize=7)
    ax.set_xlabel(say(Phrase.TASKS, lang), fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="lower right", fontsize=7, frameon=False)
    fig.text(0.015, 1 - 0.12 / fig.get_figheight(), say(Phrase.RANKING_TITLE, lang), fontsize=10, ha="left",
             va="top")
    fig.text(0.015, 0.04 / fig.get_figheight(), source_line(sources, command, lang), fontsize=5.5, color="#666666",
             ha="left", va="bottom", wrap=True)
    fig.subplots_adjust(left=0.2, right=0.97, top=1 - 0.45 / fig.get_figheight(), bottom=0.55 / fig.get_figheight())
    return save_figure(plt, fig, path, fmt)
