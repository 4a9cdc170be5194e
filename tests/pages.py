"""Opening kg's pages in headless chromium and measuring what a reader sees: shared by the browser tests and
``benchmarks/screenshots.py``.

A page is opened offline in a fresh context; every request that is not the
file itself is recorded. :data:`MEASURE` runs in the page and returns each
label as drawn at the initial zoom: its text, its size in CSS pixels and its
bounding box in page coordinates. For a vis-network page the box comes from
the node's canvas position (``network.canvasToDOM``) and the text's width
measured with the label's own font; for the matrix, from the header cells.
"""

from __future__ import annotations

import os
import shutil

__all__ = ["CHROMIUM", "ARGS", "SIZES", "launch", "load", "MEASURE", "overlaps", "top_labels"]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
        "--disable-component-update", "--disable-sync", "--disable-quic"]
#: The window sizes every view is checked at: a desktop browser, and the notebook's frame
#: (``kg.share.html.iframe``: width 100 % of a ~1000 px notebook column, height 600).
SIZES = {"desktop": (1400, 1000), "notebook": (1000, 600)}


def launch(playwright):
    """Chromium from Debian, headless, with no background traffic."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)


def load(browser, path, size=SIZES["desktop"]):
    """Open a page offline at ``size``; return (page, outside requests, console errors, dialogs)."""
    context = browser.new_context(offline=True, viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    outside, errors, dialogs = [], [], []
    page.on("request", lambda r: None if r.url.startswith(("file://", "data:", "about:")) else outside.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-drawn=yes]", timeout=30000)
    return page, outside, errors, dialogs


MEASURE = """() => {
  const out = [];
  const net = window.kgNetwork;
  if (net) {
    const box = document.getElementById('kg-network').getBoundingClientRect();
    const ctx = document.createElement('canvas').getContext('2d');
    const scale = net.getScale();
    for (const id of net.body.nodeIndices) {
      const node = net.body.nodes[id];
      const label = node.options.label;
      if (!label || !node.labelModule.visible()) continue;
      const font = node.labelModule.fontOptions;
      const px = font.size * scale;
      ctx.font = `${font.mod || ''} ${px}px ${font.face}`;
      const lines = String(label).split('\\n');
      const width = Math.max(...lines.map(l => ctx.measureText(l).width));
      const size = node.labelModule.size;  // where vis-network draws the text, in canvas units
      const centre = net.canvasToDOM({x: size.left + size.width / 2, y: size.top + size.height / 2});
      const height = size.height * scale;
      out.push({id: String(id), text: String(label), px: px, x: box.left + centre.x - width / 2,
                y: box.top + centre.y - height / 2, w: width, h: height});
    }
  } else {
    for (const el of document.querySelectorAll('.kg-label')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.bottom < 0 || r.right < 0 || r.top > innerHeight || r.left > innerWidth) continue;
      out.push({id: el.dataset.id || el.textContent, text: el.textContent,
                px: parseFloat(getComputedStyle(el).fontSize), x: r.left, y: r.top, w: r.width, h: r.height});
    }
  }
  return out;
}"""


def top_labels(labels, n=20):
    """The ``n`` largest labels on screen (ties: the order the page drew them)."""
    return sorted(labels, key=lambda a: -a["px"])[:n]


def overlaps(labels, pad=0.0):
    """Pairs of labels whose boxes overlap (by more than ``pad`` pixels each way)."""
    out = []
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            if (a["x"] + a["w"] - pad > b["x"] and b["x"] + b["w"] - pad > a["x"]
                    and a["y"] + a["h"] - pad > b["y"] and b["y"] + b["h"] - pad > a["y"]):
                out.append((a["text"], b["text"]))
    return out


def browser_or_skip(pytest):
    """The skip rule of the browser tests: missing chromium fails under CI, skips elsewhere."""
    if not CHROMIUM and os.environ.get("CI"):
        pytest.fail("chromium is missing under CI; .ci/run installs it")
    if not CHROMIUM:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return pytest.importorskip("playwright.sync_api")
