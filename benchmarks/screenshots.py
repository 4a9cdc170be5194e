"""Screenshots of every view at both window sizes, for a person to look at, with the label measurements.

    python benchmarks/screenshots.py [--graph kg-out] [--into screenshots/] [--corpus]

Writes ``VIEW.html`` and ``VIEW-desktop.png`` / ``VIEW-notebook.png`` (1400×1000 and the notebook's 1000×600
frame) into the folder, and prints per view and size: the number of labels drawn at the initial zoom, the
smallest of the top 20 in pixels, and how many pairs of the top 20 (and of all drawn labels) overlap.
``--corpus`` takes the document and department from the graph instead of the sample's.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from click.testing import CliRunner  # noqa: E402

from kg.cli import main  # noqa: E402
from tests.pages import MEASURE, SIZES, launch, load, overlaps, top_labels  # noqa: E402

SAMPLE_VIEWS = {
    "departments": [],
    "lead": ["--view", "departments", "--arrows"],
    "document": ["--view", "document", "--document", "浙政办发〔2017〕72号"],
    "ego": ["--view", "ego", "--department", "省质监局"],
    "industries": ["--view", "industries"],
    "matrix": ["--view", "matrix", "--document", "浙政办发〔2017〕72号"],
    "departments-en": ["--lang", "en"],
}


def corpus_views(graph: str) -> dict:
    """The same views for any graph: its first document with tasks and its most central department."""
    from kg.api import BuiltGraph

    g = BuiltGraph(graph)
    rows = g.assignments()
    document = rows[0].doc_number
    department = g.centrality().rows[0]["short"]
    views = dict(SAMPLE_VIEWS)
    for name in ("document", "matrix"):
        views[name] = [*views[name][:3], document]
    views["ego"] = ["--view", "ego", "--department", department]
    return views


def write_pages(graph: str, into: Path, views: dict) -> dict:
    pages = {}
    for name, args in views.items():
        path = into / f"{name}.html"
        r = CliRunner().invoke(main, ["html", "--out", graph, *args, "-o", str(path)])
        if r.exit_code != 0:
            print(f"{name}: {r.output.strip()}")
            continue
        pages[name] = path
    return pages


def shoot(pages: dict, into: Path) -> list[tuple]:
    from playwright.sync_api import sync_playwright

    report = []
    with sync_playwright() as p:
        browser = launch(p)
        for name, path in pages.items():
            for size_name, size in SIZES.items():
                page, outside, errors, _ = load(browser, path, size)
                labels = page.evaluate(MEASURE)
                top = top_labels(labels)
                page.screenshot(path=str(into / f"{name}-{size_name}.png"))
                scroll = page.evaluate("[document.documentElement.scrollWidth > innerWidth, "
                                       "document.documentElement.scrollHeight > innerHeight]")
                report.append((name, size_name, len(labels), min((a["px"] for a in top), default=0),
                               len(overlaps(top)), len(overlaps(labels)), any(scroll), len(outside), len(errors)))
                page.context.close()
        browser.close()
    return report


def main_(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", default="kg-out", help="a built output folder (kg build)")
    parser.add_argument("--into", default="screenshots", help="the folder to write pages and screenshots into")
    parser.add_argument("--corpus", action="store_true", help="pick the document and department from the graph")
    parser.add_argument("--only", nargs="*", help="only these views")
    args = parser.parse_args(argv)
    into = Path(args.into)
    into.mkdir(parents=True, exist_ok=True)
    views = corpus_views(args.graph) if args.corpus else SAMPLE_VIEWS
    if args.only:
        views = {k: v for k, v in views.items() if k in args.only}
    report = shoot(write_pages(args.graph, into, views), into)
    print(f"{'view':16} {'size':9} {'labels':>6} {'top-20 min px':>13} {'top-20 overlaps':>15} "
          f"{'all overlaps':>12} {'scrollbar':>9} {'requests':>8} {'errors':>6}")
    for name, size, n, px, top, every, scroll, outside, errors in report:
        print(f"{name:16} {size:9} {n:6} {px:13.1f} {top:15} {every:12} {'yes' if scroll else 'no':>9} "
              f"{outside:8} {errors:6}")


if __name__ == "__main__":
    main_()
