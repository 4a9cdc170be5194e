"""kg html and kg figure: one safe, offline, deterministic file."""

from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from kg.cli import main

VIEWS = [("departments", []), ("document", ["--document", "浙政办发〔2017〕72号"]),
         ("ego", ["--department", "省质监局"]), ("industries", []), ("matrix", ["--document", "浙政办发〔2017〕72号"])]


@pytest.fixture(scope="module")
def pages(built, tmp_path_factory):
    folder = tmp_path_factory.mktemp("html")
    out = {}
    for view, extra in VIEWS:
        path = folder / f"{view}.html"
        r = CliRunner().invoke(main, ["html", "--out", str(built), "--view", view, *extra, "-o", str(path)])
        assert r.exit_code == 0, r.output
        out[view] = path
    return out


class Elements(HTMLParser):
    """The page's elements and attributes, as a browser parses them (script text stays text)."""

    def __init__(self, text):
        super().__init__()
        self.tags = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_one_file_no_external_url(pages):
    for view, path in pages.items():
        text = path.read_text("utf-8")
        tags = Elements(text).tags
        names = [t for t, _ in tags]
        assert names.count("script") == (2 if view == "matrix" else 3), view  # data, vis-network, our code
        assert "link" not in names and "img" not in names and "iframe" not in names
        assert all("src" not in a and "href" not in a for _, a in tags)
        csp = next(a["content"] for t, a in tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
        assert csp.startswith("default-src 'none'") and "connect-src 'none'" in csp


def test_same_input_same_bytes(built, pages, tmp_path):
    for view, extra in VIEWS:
        again = tmp_path / f"{view}.html"
        r = CliRunner().invoke(main, ["html", "--out", str(built), "--view", view, *extra, "-o", str(again)])
        assert r.exit_code == 0, r.output
        assert again.read_bytes() == pages[view].read_bytes(), view


def test_footer_names_sources_and_command(pages, built, tmp_path):
    text = pages["departments"].read_text("utf-8")
    assert "sha256 7aa590abbcf7ef5b" in text
    assert "由 <code>kg html --view departments -o departments.html</code> 生成(kg)" in text
    assert '<html lang="zh">' in text and "省质监局、" in text  # the legend names the centre first
    path = tmp_path / "en.html"
    r = CliRunner().invoke(main, ["html", "--out", str(built), "--lang", "en", "-o", str(path)])
    assert r.exit_code == 0, r.output
    text = path.read_text("utf-8")
    assert "Made with <code>kg html --view departments --lang en -o en.html</code> (kg)" in text
    assert '<html lang="en">' in text and "size: weighted degree" in text


def test_matrix_view_for_a_year_and_for_departments(built, tmp_path):
    for options, title in ((["--year", "2017"], "2017 年文件"), (["--department", "省财政厅", "--department", "省质监局"],
                                                              "省财政厅、省质监局")):
        path = tmp_path / "m.html"
        r = CliRunner().invoke(main, ["html", "--out", str(built), "--view", "matrix", *options, "-o", str(path)])
        assert r.exit_code == 0, r.output
        assert title in path.read_text("utf-8")
    assert "26 tasks × 39 departments, 178 cells" in CliRunner().invoke(
        main, ["html", "--out", str(built), "--view", "matrix", "--year", "2017", "-o", str(path)]).output
    assert "× 2 departments" in r.output


def test_industries_view_says_when_there_are_none(tmp_path):
    from kg.build.build import build

    source = tmp_path / "one.txt"
    source.write_text("关于某事的通知\n\n浙政办发〔2019〕5号\n\n各市政府:\n\n1. 推进。(牵头单位:省财政厅;配合单位:省发改委)\n",
                      encoding="utf-8")
    build([source], tmp_path / "out")
    r = CliRunner().invoke(main, ["html", "--out", str(tmp_path / "out"), "--view", "industries",
                                  "-o", str(tmp_path / "i.html")])
    assert r.exit_code == 1 and r.output.startswith("Error: no industries in the graph")
    assert r.output.count("\n") == 1 and not (tmp_path / "i.html").exists()


def test_target_labels_keep_value_unit_and_year(graph):
    import re

    v = graph.view("industries")
    targets = [n["label"] for n in v.nodes if n.get("shape") == "box" and n["font"].get("color") == "#1f3b5c"]
    assert len(targets) == 229 and any(t.startswith("制定国家、行业和地方标准 = 1–2个 (20") for t in targets)
    assert all(re.fullmatch(r"\S{1,12} [=≥≤><≈] [\d.]+(–[\d.]+)?\S* \((\d{4}|\?)\)", t) for t in targets), targets
    assert any(t.startswith("培育“品”字标“浙江制… = 10家 (20") for t in targets)  # the indicator cut, never the number


def test_hostile_text_stays_data():
    from kg.share.html import render_page
    from kg.share.views import View

    evil = "<img src=x onerror=alert(1)></script><script>alert(2)</script>"
    view = View(evil, evil, nodes=[{"id": evil, "label": evil, "tip": evil}], legend=[("red", evil)])
    text = render_page(view, [(evil, "0" * 64)], evil)
    names = [t for t, _ in Elements(text).tags]
    assert names.count("script") == 3 and "img" not in names
    matrix = View(evil, evil, kind="matrix", table={"columns": [{"label": evil}]}, legend=[("red", evil, evil)])
    names = [t for t, _ in Elements(render_page(matrix, [], evil)).tags]
    assert names.count("script") == 2 and "img" not in names


def test_errors_are_one_line(built, tmp_path):
    r = CliRunner().invoke(main, ["html", "--out", str(built), "--view", "ego", "-o", str(tmp_path / "x.html")])
    assert r.exit_code == 1 and r.output == "Error: the ego view needs --department NAME (e.g. 省质监局)\n"
    r = CliRunner().invoke(main, ["html", "--out", str(built), "--view", "ego", "--department", "省不存在局",
                                  "-o", str(tmp_path / "x.html")])
    assert r.output == ("Error: no department '省不存在局' with tasks in the graph; kg centrality lists the departments "
                        "with tasks\n")
    assert not (tmp_path / "x.html").exists()


@pytest.fixture(scope="module")
def cjk_font():
    pytest.importorskip("matplotlib")
    from kg.errors import KgError
    from kg.share.plotting import use_cjk_font

    try:
        use_cjk_font()
    except KgError:
        pytest.skip("no CJK font installed (apt-get install fonts-wqy-zenhei)")


def svg_texts(path):
    """The text of every <text> element of an SVG (labels, legend, source line), in order."""
    import xml.etree.ElementTree as ET

    return ["".join(t.itertext()) for t in ET.parse(path).getroot().iter("{http://www.w3.org/2000/svg}text")]


def test_static_figure(built, tmp_path, cjk_font):
    for name in ("a.svg", "b.svg", "c.png", "d.pdf"):
        r = CliRunner().invoke(main, ["figure", "--out", str(built), "-o", str(tmp_path / name)])
        assert r.exit_code == 0, r.output
    a, b = (tmp_path / "a.svg").read_text("utf-8"), (tmp_path / "b.svg").read_text("utf-8")
    assert a.replace("a.svg", "b.svg") == b  # the same figure, but for the command in its source line
    assert (tmp_path / "c.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "d.pdf").read_bytes()[:5] == b"%PDF-"
    texts = svg_texts(tmp_path / "a.svg")
    assert "省质监局" in texts and sum(t.startswith("省") for t in texts) >= 15  # labels are text, not outlines
    legend = "".join(texts)  # legend lines wrapped in the column, joined back
    assert "颜色:社区(Louvain 算法),以最核心的成员命名省质监局、省经信委、省发展改革委 等 15 个" in legend  # named by the centre (four communities once the collective 各地 is left out)
    assert "大小:加权度(共同任务之和)3" in legend and "线宽与深浅:共同任务数1" in legend  # with their values
    source = texts[-1]  # the seed's file name, its hash and the command
    assert source.startswith("来源:") and source.endswith(".txt (sha256 7aa590abbcf7ef5b…)。由 kg figure -o a.svg 生成(kg)。")
    r = CliRunner().invoke(main, ["figure", "--out", str(built), "--lang", "en", "-o", str(tmp_path / "en.svg")])
    texts = svg_texts(tmp_path / "en.svg")
    assert "Departments linked by shared tasks" in texts
    assert any("Made with kg figure --lang en -o en.svg (kg)." in t for t in texts)


def test_trends_and_centrality_plots(built, tmp_path, cjk_font):
    r = CliRunner().invoke(main, ["trends", "--out", str(built), "--as-of", "2019", "--plot", str(tmp_path / "t.svg")])
    assert r.exit_code == 0, r.output
    texts = svg_texts(tmp_path / "t.svg")
    assert "各部门每年的任务数(机构按 2019 年的继任者合并)" in texts and "2017" in texts
    assert any("kg trends --as-of 2019 --plot t.svg" in t for t in texts)
    r = CliRunner().invoke(main, ["centrality", "--out", str(built), "--top", "5", "--plot", str(tmp_path / "c.svg")])
    assert r.exit_code == 0, r.output
    texts = svg_texts(tmp_path / "c.svg")
    ranked = [t for t in texts if t.startswith("省")]
    assert ranked[:3] == ["省质监局", "省经信委", "省发展改革委"] and "22" in texts  # 16 led + 6 joined
    assert "牵头" in texts and "参与" in texts and any("kg centrality --top 5 --plot c.svg" in t for t in texts)


class Scripts(HTMLParser):
    """Every script's exact text, and every attribute of every element."""

    def __init__(self, text):
        super().__init__(convert_charrefs=False)
        self.scripts, self.attrs, self._in = [], [], False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.attrs += [name for name, _ in attrs]
        if tag == "script":
            self._in = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._in = self._in and tag != "script"

    def handle_data(self, data):
        if self._in:
            self.scripts[-1] += data


def test_the_policy_allows_exactly_the_pages_scripts_by_hash(pages):
    import base64
    import hashlib

    from kg.share.html import render_page
    from kg.share.views import View

    evil = "<img src=x onerror=alert(1)>"
    hostile = render_page(View(evil, evil, nodes=[{"id": evil, "label": evil, "tip": evil}], legend=[("red", evil)]),
                          [(evil, "0" * 64)], evil)
    for text in [p.read_text("utf-8") for p in pages.values()] + [hostile]:
        page = Scripts(text)
        csp = next(a["content"] for t, a in Elements(text).tags if t == "meta" and a.get("http-equiv"))
        script_src = next(d for d in csp.split("; ") if d.startswith("script-src "))
        hashes = ["'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
                  for s in page.scripts]
        assert len(hashes) == (2 if 'id="kg-matrix"' in text else 3) and script_src == "script-src " + " ".join(hashes)
        assert "unsafe-inline" not in script_src and "unsafe-eval" not in csp
        assert [a for a in page.attrs if a.startswith("on")] == []  # no inline handlers, hostile page included
