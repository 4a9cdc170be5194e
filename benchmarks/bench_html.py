"""HTML snapshots at 100, 1 000 and 5 000 departments: export time and time to a drawn page.

Run by hand: ``python benchmarks/bench_html.py``. Needs Debian's chromium and
Playwright (the test extras). Compares kg's export (positions computed once,
lists assigned to pyvis, physics off) with pyvis's ``from_nx`` on the same graph.
"""

import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.share.html import write_page  # noqa: E402
from kg.share.views import departments_view  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
        "--disable-component-update", "--disable-sync"]


def synthetic(n: int, seed: int = 1) -> nx.Graph:
    rng = random.Random(seed)
    g = nx.Graph()
    weights = [1 / (k + 1) ** 0.8 for k in range(n)]
    for k in range(n):
        g.add_node(f"d{k}", kind="department", label=f"部门{k}", label_en=f"Department {k}", short=f"部门{k}",
                   tasks_total=rng.randint(1, 40), weighted_degree=0, community=1 + k % 6)
    for _ in range(n * 3):
        a, b = rng.choices(range(n), weights, k=2)
        if a != b:
            w = g.edges[f"d{a}", f"d{b}"]["weight"] + 1 if g.has_edge(f"d{a}", f"d{b}") else 1
            g.add_edge(f"d{a}", f"d{b}", weight=w, distance=1 / w)
    for v in g:
        g.nodes[v]["weighted_degree"] = g.degree(v, weight="weight")
    return g


def main():
    from playwright.sync_api import sync_playwright
    from pyvis.network import Network

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for n in (100, 1000, 5000):
            g = synthetic(n)
            t = time.perf_counter()
            view = departments_view(g)
            path = write_page(view, [("synthetic", "0" * 64)], "bench", Path(tmp) / f"n{n}.html")
            t_export = time.perf_counter() - t
            t = time.perf_counter()
            net = Network(cdn_resources="in_line")
            net.from_nx(g)
            t_from_nx = time.perf_counter() - t
            page = browser.new_context(offline=True).new_page()
            t = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_selector("body[data-drawn=yes]", timeout=300_000)
            t_draw = time.perf_counter() - t
            shown = page.evaluate("kgNetwork.body.data.nodes.length")
            print(f"{n} nodes, {g.number_of_edges()} edges: kg export {t_export:.2f}s "
                  f"(pyvis from_nx alone {t_from_nx:.2f}s), {path.stat().st_size / 1e6:.1f} MB, "
                  f"drawn in chromium after {t_draw:.2f}s, {shown} nodes shown", flush=True)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
