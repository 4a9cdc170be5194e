"""The HTML views in a real browser (Debian's chromium, headless, offline), as a reader sees them.

Every view is opened at 1400×1000 and at the notebook's frame (1000×600): the
node count, the top-20 labels at least 12 px at the initial zoom and no two of
them overlapping (boxes from vis-network's canvas positions and the text's
measured width, :data:`tests.pages.MEASURE`), no request leaving the page, no
page scrollbar, and a hostile label staying text. One browser per module.
Skipped where chromium or Playwright is missing, except under CI, where
.ci/run installs both and a missing browser is a failure.
"""

import pytest
from click.testing import CliRunner

from kg.cli import main
from tests.pages import MEASURE, SIZES, browser_or_skip, launch, load, overlaps, top_labels

EVIL = "<img src=x onerror=window.__xss=1>"
DOC = "浙政办发〔2017〕72号"
VIEWS = {  # view: (options, nodes drawn)
    "departments": ([], 38), "lead": (["--view", "departments", "--arrows"], 38),  # no collectives
    "document": (["--view", "document", "--document", DOC], 73),
    "ego": (["--view", "ego", "--department", "省质监局"], 36), "industries": (["--view", "industries"], 269),
    "matrix": (["--view", "matrix", "--document", DOC], 178), "english": (["--lang", "en"], 38)}


@pytest.fixture(scope="module")
def browser():
    sync_api = browser_or_skip(pytest)
    with sync_api.sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture(scope="module")
def pages(built, tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    out = {}
    for name, (options, _) in VIEWS.items():
        path = folder / f"{name}.html"
        r = CliRunner().invoke(main, ["html", "--out", str(built), *options, "-o", str(path)])
        assert r.exit_code == 0, r.output
        out[name] = path
    return out


PAINTED = """() => { const c = document.querySelector('#kg-network canvas');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let k = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) k++; return k; }"""
COUNT = "() => window.kgNetwork ? kgNetwork.body.data.nodes.length : document.querySelectorAll('td.kg-cell').length"
SCROLLBARS = "[document.documentElement.scrollWidth > innerWidth, document.documentElement.scrollHeight > innerHeight]"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", VIEWS)
def test_view_is_legible_offline(browser, pages, name, size):
    page, outside, errors, dialogs = load(browser, pages[name], SIZES[size])
    assert page.evaluate(COUNT) == VIEWS[name][1]
    labels = page.evaluate(MEASURE)
    top = top_labels(labels)
    assert len(top) == 20, [a["text"] for a in labels]
    small = [(a["text"], round(a["px"], 1)) for a in top if a["px"] < 12]
    assert small == []
    assert overlaps(top) == []
    if name != "matrix":
        assert page.evaluate(PAINTED) > 5000
    assert page.evaluate(SCROLLBARS) == [False, False]
    assert outside == [] and errors == [] and dialogs == []
    page.context.close()


def test_departments_legend_names_the_centre_and_says_what_marks_mean(browser, pages):
    page, *_ = load(browser, pages["departments"], SIZES["notebook"])
    legend = page.locator("#kg-legend").inner_text()
    assert "省质监局、" in legend  # the centre of the network names its community
    assert "大小:加权度" in legend and "线宽与深浅:共同任务数" in legend and "颜色:社区" in legend
    box, graph = page.locator("#kg-legend").bounding_box(), page.locator("#kg-network").bounding_box()
    assert box["x"] >= graph["x"] + graph["width"]  # beside the graph, not over it
    english = load(browser, pages["english"], SIZES["notebook"])[0]
    words = english.locator("header").inner_text() + english.locator("#kg-legend").inner_text()
    assert "Departments linked by shared tasks" in words and "size: weighted degree" in words
    assert not any("\u4e00" <= c <= "\u9fff" for c in words.replace("…", ""))  # titles and legend: English only
    page.context.close()
    english.context.close()


def test_matrix_cells_are_the_tasks_of_the_document(browser, pages, run):
    page, *_ = load(browser, pages["matrix"], SIZES["desktop"])
    cells = page.evaluate("""() => { const heads = Array.from(document.querySelectorAll('thead th'));
      return Array.from(document.querySelectorAll('td.kg-cell')).map(td => {
        const row = td.parentElement.querySelector('.kg-row .kg-label').textContent;
        const head = heads[+td.dataset.col + 1].title.split('\\n')[0];
        return td.dataset.roles.split(' ').map(r => [row, head, r]); }).flat(); }""")
    expected = [(r["task"], r["department"], r["role"]) for r in run("tasks") if r["doc_number"] == DOC]
    assert sorted(map(tuple, cells)) == sorted(expected) and len(set(expected)) == len(expected)
    columns = page.evaluate("Array.from(document.querySelectorAll('.kg-col .kg-label')).map(e => e.textContent)")
    assert columns[0] == "省质监局"  # leads most tasks
    rows = page.evaluate("Array.from(document.querySelectorAll('.kg-row .kg-label')).map(e => e.textContent)")
    assert rows[:3] == ["2.1.1", "2.1.2", "2.1.3"] and rows[-1] == "3.6"
    assert "责任单位" in page.locator("td.kg-cell").first.get_attribute("title")  # the clause, with its line
    page.locator("thead th").nth(2).click()  # sort by the second department: its lead tasks first
    first = page.evaluate("document.querySelector('tbody tr td[data-col=\"1\"]').dataset.mark")
    assert first in ("lead", "co_lead")
    page.locator("#kg-filter").fill("省财政厅")
    shown = page.evaluate("Array.from(document.querySelectorAll('tbody tr'))"
                          ".filter(t => t.style.display !== 'none').length")
    assert 0 < shown < len(rows)
    page.context.close()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    from kg.build.build import build

    folder = tmp_path_factory.mktemp("evil")
    source = folder / "evil.txt"
    source.write_text("关于某事的通知\n\n浙政办发〔2019〕5号\n\n各市政府:\n\n"
                      f"1. 推进。(牵头单位:{EVIL};配合单位:省财政厅、省发改委)\n\n"
                      f"2. 加强。(牵头单位:省发改委;配合单位:{EVIL})\n", encoding="utf-8")
    build([source], folder / "out")
    return folder


@pytest.mark.parametrize("options", [[], ["--view", "ego", "--department", "省发改委"],
                                     ["--view", "document", "--document", "浙政办发〔2019〕5号"],
                                     ["--view", "matrix", "--document", "浙政办发〔2019〕5号"]],
                         ids=["departments", "ego", "document", "matrix"])
def test_hostile_label_does_not_execute(browser, hostile, options):
    path = hostile / f"evil-{len(options)}{options[1] if options else ''}.html"
    r = CliRunner().invoke(main, ["html", "--out", str(hostile / "out"), *options, "-o", str(path)])
    assert r.exit_code == 0, r.output
    page, outside, errors, dialogs = load(browser, path)
    if options and options[1] == "matrix":
        head = page.locator(".kg-col .kg-label", has_text="onerror")
        assert head.inner_text().replace("\n", "") == EVIL
        assert EVIL in page.locator("thead th").filter(has_text="onerror").get_attribute("title")
    else:
        ids = page.evaluate("kgNetwork.body.data.nodes.getIds()")
        evil_id = next(i for i in ids if "unresolved" in i)
        label = page.evaluate(f"kgNetwork.body.nodes[{evil_id!r}].options.label")
        assert EVIL.startswith(label.rstrip("…")) and len(label) > 5  # the text itself (a long one shortened)
        point = page.evaluate(f"kgNetwork.canvasToDOM(kgNetwork.getPositions([{evil_id!r}])[{evil_id!r}])")
        box = page.locator("#kg-network").bounding_box()
        page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
        page.wait_for_selector(".vis-tooltip", state="visible", timeout=10000)
        assert EVIL in page.locator(".vis-tooltip").inner_text()
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("window.__xss === undefined")
    assert outside == [] and errors == [] and dialogs == []
    page.context.close()


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
    page.context.close()


def test_notebook_iframe_fits_without_scrollbars(browser, graph, tmp_path):
    """The frame a notebook shows (kg.api.BuiltGraph.show → kg.share.html.iframe) in a 1000 px column."""
    from kg.share.html import iframe

    host = tmp_path / "notebook.html"
    host.write_text('<!DOCTYPE html><html><body style="margin:0;width:1000px">'
                    f'{iframe(graph.view("departments"), graph.sources(), "show()")}</body></html>', "utf-8")
    page = browser.new_context(offline=True, viewport={"width": 1000, "height": 700}).new_page()
    page.goto(host.as_uri())
    frame = page.frames[1]
    frame.wait_for_selector("body[data-drawn=yes]", timeout=30000)
    assert frame.evaluate(SCROLLBARS) == [False, False]
    top = top_labels(frame.evaluate(MEASURE))
    assert len(top) == 20 and min(a["px"] for a in top) >= 12 and overlaps(top) == []
    legend, graph_box = frame.locator("#kg-legend").bounding_box(), frame.locator("#kg-network").bounding_box()
    assert legend["x"] >= graph_box["x"] + graph_box["width"]
    page.context.close()


def test_hostile_industry_and_target_stay_text(browser, tmp_path):
    """The industries view from hostile rows (an industry and a target named with markup), drawn and hovered."""
    from kg.share.html import write_page
    from kg.share.views import industries_view

    rows = [("i1", EVIL, "scheme " + EVIL, "o1", EVIL, "5", None, "%", "≥", "2020", "quote " + EVIL)]
    path = write_page(industries_view(rows), [(EVIL, "0" * 64)], EVIL, tmp_path / "industries.html")
    page, outside, errors, dialogs = load(browser, path)
    labels = page.evaluate("kgNetwork.body.data.nodes.get().map(n => n.label)")
    assert EVIL + " · 1" in labels and "<img src=x … ≥ 5% (2020)" in labels  # cut indicator, whole value
    point = page.evaluate("kgNetwork.canvasToDOM(kgNetwork.getPositions(['i1'])['i1'])")
    box = page.locator("#kg-network").bounding_box()
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_selector(".vis-tooltip", state="visible", timeout=10000)
    assert EVIL in page.locator(".vis-tooltip").inner_text() and page.locator(".vis-tooltip img").count() == 0
    assert page.evaluate("document.querySelectorAll('img').length") == 0 and page.evaluate("window.__xss === undefined")
    assert outside == [] and errors == [] and dialogs == []
    page.context.close()
