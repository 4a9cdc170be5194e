"""The HTML views in a real browser (Debian's chromium, headless, offline).

Skipped where chromium or Playwright is missing, except under CI, where
.ci/run installs both and a missing browser is a failure.
"""

import os
import shutil

import pytest
from click.testing import CliRunner

from kg.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
        "--disable-component-update", "--disable-sync", "--disable-quic"]
EVIL = "<img src=x onerror=window.__xss=1>"


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM and os.environ.get("CI"):
        pytest.fail("chromium is missing under CI; .ci/run installs it")
    if not CHROMIUM:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def load(browser, path):
    """Open a page offline; return (page, outside requests, console errors, dialogs)."""
    context = browser.new_context(offline=True, viewport={"width": 1200, "height": 800})
    page = context.new_page()
    outside, errors, dialogs = [], [], []
    page.on("request", lambda r: None if r.url.startswith(("file://", "data:")) else outside.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-drawn=yes]", timeout=30000)
    return page, outside, errors, dialogs


PAINTED = """() => { const c = document.querySelector('#kg-network canvas');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let k = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) k++; return k; }"""


@pytest.mark.parametrize("view,extra,nodes", [
    ("departments", [], 38), ("document", ["--document", "浙政办发〔2017〕72号"], 112),  # no collective actors
    ("ego", ["--department", "省质监局"], 36), ("industries", [], 269)])
def test_view_renders_offline(browser, built, tmp_path, view, extra, nodes):
    path = tmp_path / f"{view}.html"
    r = CliRunner().invoke(main, ["html", "--out", str(built), "--view", view, *extra, "-o", str(path)])
    assert r.exit_code == 0, r.output
    page, outside, errors, dialogs = load(browser, path)
    assert page.evaluate("kgNetwork.body.data.nodes.length") == nodes
    assert page.evaluate(PAINTED) > 5000
    assert outside == [] and errors == [] and dialogs == []


def test_hostile_label_does_not_execute(browser, tmp_path):
    from kg.build.build import build

    source = tmp_path / "evil.txt"
    source.write_text("关于某事的通知\n\n浙政办发〔2019〕5号\n\n各市政府:\n\n"
                      f"1. 推进。(牵头单位:{EVIL};配合单位:省财政厅、省发改委)\n\n"
                      f"2. 加强。(牵头单位:省发改委;配合单位:{EVIL})\n", encoding="utf-8")
    build([source], tmp_path / "out")
    path = tmp_path / "evil.html"
    r = CliRunner().invoke(main, ["html", "--out", str(tmp_path / "out"), "-o", str(path)])
    assert r.exit_code == 0, r.output
    page, outside, errors, dialogs = load(browser, path)
    ids = page.evaluate("kgNetwork.body.data.nodes.getIds()")
    assert len(ids) == 3
    evil_id = next(i for i in ids if "unresolved" in i)
    point = page.evaluate(f"kgNetwork.canvasToDOM(kgNetwork.getPositions([{evil_id!r}])[{evil_id!r}])")
    box = page.locator("#kg-network").bounding_box()
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_selector(".vis-tooltip", state="visible", timeout=10000)
    tooltip = page.locator(".vis-tooltip")
    assert EVIL in tooltip.inner_text()
    assert tooltip.locator("img").count() == 0
    assert page.evaluate("window.__xss === undefined")
    assert outside == [] and errors == [] and dialogs == []


def test_the_policy_is_a_second_defence(browser, built, tmp_path):
    """Markup that escaping let through (put into a real page by hand here) still runs nothing: no handler, no script."""
    path = tmp_path / "departments.html"
    r = CliRunner().invoke(main, ["html", "--out", str(built), "-o", str(path)])
    assert r.exit_code == 0, r.output
    injected = '<img src=x onerror="window.__xss=1"><script>window.__xss2=1</script><b onclick="window.__xss3=1">b</b>'
    path.write_text(path.read_text("utf-8").replace("<main>", injected + "<main>", 1), encoding="utf-8")
    page, outside, errors, dialogs = load(browser, path)
    page.click("b")
    assert page.evaluate("[window.__xss, window.__xss2, window.__xss3]") == [None, None, None]
    assert page.evaluate("kgNetwork.body.data.nodes.length") == 38  # the page's own scripts still ran (no collective actors)
    assert all("Content Security Policy" in e for e in errors) and len(errors) >= 2 and outside == []
