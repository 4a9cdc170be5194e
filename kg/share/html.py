"""One HTML file that opens offline, anywhere, and is safe to send.

The page inlines vis-network (JavaScript and CSS from the pyvis package) and
nothing else: no Bootstrap, no CDN, no font. A Content-Security-Policy forbids
any request the page might still try, and allows only the page's own three
scripts, by their SHA-256 hashes (no ``'unsafe-inline'``, no handler
attributes: the page has none). Data goes in as JSON with ``<``, ``>``
and ``&`` escaped, and every tooltip becomes a DOM text node, so a label such
as ``<img src=x onerror=alert(1)>`` shows as those characters and runs nothing.
The same view always gives the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from functools import lru_cache
from pathlib import Path

from ..output import atomic_write
from .views import View

__all__ = ["render_page", "write_page", "safe_json", "iframe", "Frame", "script_hash", "content_security_policy",
           "source_files"]


def script_hash(text: str) -> str:
    """The CSP source that allows one inline script: ``'sha256-…'`` of its exact text.

    Examples
    --------
    >>> script_hash("alert(1)")
    "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    """
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(scripts) -> str:
    """The page's policy: no request at all, and no script but ``scripts`` (by their hashes).

    No ``'unsafe-inline'`` for scripts, so a script or an ``on…=`` handler that
    escaping let through would still not run. Styles stay inline.

    Examples
    --------
    >>> content_security_policy(["alert(1)"]).split("; ")[:2]
    ["default-src 'none'", "script-src 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"]
    """
    hashes = " ".join(script_hash(s) for s in scripts)
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
            "img-src data:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'")

_STYLE = """
html, body { margin: 0; height: 100%; overflow: hidden; font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei",
  "Microsoft YaHei", "PingFang SC", sans-serif; color: #222; background: #fff; }
body { display: flex; flex-direction: column; }
header { padding: 8px 14px 2px; }
header h1 { margin: 0; font-size: 18px; line-height: 1.25; }
header p { margin: 1px 0 0; font-size: 12px; color: #555; }
main { position: relative; flex: 1; min-height: 0; display: flex; }
#kg-network { position: relative; flex: 1; min-width: 0; }
#kg-legend { flex: 0 0 230px; overflow: auto; border-left: 1px solid #eee; padding: 8px 10px; font-size: 12px;
  line-height: 1.35; }
#kg-legend li { list-style: none; margin: 0 0 5px; }
#kg-legend ul { margin: 0; padding: 0; }
.kg-swatch { display: inline-block; width: 10px; height: 10px; border-radius: 5px; margin-right: 6px; }
@media (max-width: 700px) { main { flex-direction: column; }
  #kg-legend { flex: 0 0 auto; max-height: 30%; border-left: 0; border-top: 1px solid #eee; } }
footer { padding: 3px 14px 4px; font-size: 11px; color: #666; border-top: 1px solid #eee; max-height: 28px;
  overflow: hidden; }
footer code { font-size: 11px; }
.kg-tip { white-space: pre-line; font-size: 12px; max-width: 420px; }
"""

_SCRIPT = """
(function () {
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  function tip(text) { var el = document.createElement("div"); el.className = "kg-tip"; el.textContent = text; return el; }
  data.nodes.forEach(function (n) { if (n.tip !== undefined) { n.title = tip(n.tip); delete n.tip; } });
  data.edges.forEach(function (e) { if (e.tip !== undefined) { e.title = tip(e.tip); delete e.tip; } });
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges) },
                                data.options);
  function frame() {  // open on the frame the layout was made for, as large as the window allows
    var f = data.frame;
    if (!f) return;
    network.moveTo({position: {x: (f[0] + f[2]) / 2, y: (f[1] + f[3]) / 2}, animation: false,
                    scale: Math.min(container.clientWidth / (f[2] - f[0]), container.clientHeight / (f[3] - f[1]))});
  }
  frame();
  window.addEventListener("resize", frame);
  network.once("afterDrawing", function () { frame(); document.body.setAttribute("data-drawn", "yes"); });
  window.kgNetwork = network;
})();
"""


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    import pyvis

    folder = Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2"
    return (folder / "vis-network.min.js").read_text("utf-8"), (folder / "vis-network.css").read_text("utf-8")


@lru_cache(maxsize=1)
def _matrix_assets() -> tuple[str, str]:
    """The matrix page's own script and styles (``matrix.js``, ``matrix.css`` beside this module)."""
    folder = Path(__file__).resolve().parent
    return (folder / "matrix.js").read_text("utf-8"), (folder / "matrix.css").read_text("utf-8")


def safe_json(data) -> str:
    """JSON that cannot end a ``<script>`` element or open a comment inside it.

    Examples
    --------
    >>> safe_json({"label": "</script><img src=x>"})
    '{"label": "\\\\u003c/script\\\\u003e\\\\u003cimg src=x\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=True, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _network_data(view: View) -> dict:
    """Nodes, edges and options through pyvis, the engine, assigned as lists (not node by node)."""
    from pyvis.network import Network

    net = Network(directed=False, cdn_resources="in_line")
    net.nodes = view.nodes
    net.edges = view.edges
    net.options = view.options
    nodes, edges, _, _, _, options = net.get_network_data()
    return {"nodes": nodes, "edges": edges, "options": json.loads(options), "frame": view.frame}


def render_page(view: View, sources, command: str) -> str:
    """The page's HTML text. ``sources`` are ``(file name, sha256)`` pairs."""
    from ..vocabulary import Phrase

    e = html.escape
    legend = "".join(
        f'<li{_mark_attr(item) if view.kind == "matrix" else ""}>'
        f'<span class="kg-swatch" style="background:{e(item[0])}"></span>{e(item[1])}</li>'
        if item[0] else f"<li>{e(item[1])}</li>" for item in view.legend)
    footer = e(Phrase.SOURCES.label(view.lang)).replace("{files}", e(source_files(sources, view.lang))).replace(
        "{command}", f"<code>{e(command)}</code>")
    if view.kind == "matrix":
        js, css = _matrix_assets()
        body = ('<main><div id="kg-matrix"><div class="kg-tools"><input id="kg-filter" type="search">'
                '<span id="kg-hint"></span></div><div id="kg-table-wrap"><table id="kg-table"></table></div></div>'
                f'<aside id="kg-legend"><ul>{legend}</ul></aside></main>\n')
        data, code = {"table": view.table}, [f"\n{js}\n"]
    else:
        vis_js, css = _vis_assets()
        body = f'<main><div id="kg-network"></div><aside id="kg-legend"><ul>{legend}</ul></aside></main>\n'
        data, code = _network_data(view), [f"\n{vis_js}\n", _SCRIPT]
    scripts = (safe_json(data), *code)  # each exactly as it stands between its tags
    return "".join([
        f"<!DOCTYPE html>\n<html lang=\"{e(view.lang)}\">\n<head>\n<meta charset=\"utf-8\">\n",
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(scripts)}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{e(view.title)}</title>\n<style>\n{css}\n{_STYLE}</style>\n</head>\n<body>\n",
        f"<header><h1>{e(view.title)}</h1><p>{e(view.subtitle)}</p></header>\n",
        body,
        f"<footer>{footer}</footer>\n",
        f'<script type="application/json" id="kg-data">{scripts[0]}</script>\n',
        *(f"<script>{text}</script>\n" for text in scripts[1:]),
        "</body>\n</html>\n",
    ])


def source_files(sources, lang: str = "zh", limit: int = 4) -> str:
    """The source files with their hashes, as footers and figures name them; past ``limit``, how many more.

    >>> source_files([("a.txt", "7aa590abbcf7ef5b99")], "en")
    'a.txt (sha256 7aa590abbcf7ef5b…)'
    >>> source_files([(f"{k}.txt", "0" * 64) for k in range(6)], "en", limit=2)
    '0.txt (sha256 0000000000000000…), 1.txt (sha256 0000000000000000…) … +4 (kg query source_texts)'
    """
    from ..vocabulary import Phrase

    sources = list(sources)
    if not sources:
        return Phrase.NO_SOURCE.label(lang)
    named = ", ".join(f"{name} (sha256 {sha[:16]}…)" for name, sha in sources[:limit])
    return named + (f" … +{len(sources) - limit} (kg query source_texts)" if len(sources) > limit else "")


def _mark_attr(item) -> str:
    """A legend line's ``data-mark`` (the matrix's marks are toggles)."""
    return f' data-mark="{html.escape(item[2])}"' if len(item) > 2 else ""


def write_page(view: View, sources, command: str, path) -> Path:
    """Write the page to ``path`` (via a temporary file, so never half-written)."""
    return atomic_write(path, render_page(view, sources, command))


class Frame:
    """A view as a notebook shows it: :func:`iframe`'s HTML, given to Jupyter through ``_repr_html_``.

    (IPython's own ``HTML`` object warns about any ``<iframe>`` it is handed.)
    """

    def __init__(self, view: View, sources, command: str, height: int = 600):
        self.view, self.sources, self.command, self.height = view, sources, command, height

    def _repr_html_(self) -> str:
        return iframe(self.view, self.sources, self.command, self.height)

    def __repr__(self) -> str:
        return f"<{self.view.title}: {len(self.view.nodes)} nodes, {len(self.view.edges)} edges>"


def iframe(view: View, sources, command: str, height: int = 600) -> str:
    """The page inside a sandboxed ``<iframe srcdoc>``, for notebooks (scripts run, nothing else is allowed)."""
    page = html.escape(render_page(view, sources, command), quote=True)
    return (f'<iframe sandbox="allow-scripts" srcdoc="{page}" style="width:100%;height:{int(height)}px;'
            f'border:1px solid #ddd"></iframe>')
