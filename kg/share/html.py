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

__all__ = ["render_page", "write_page", "safe_json", "iframe", "script_hash", "content_security_policy"]


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
html, body { margin: 0; height: 100%; font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei",
  "PingFang SC", sans-serif; color: #222; background: #fff; }
body { display: flex; flex-direction: column; }
header { padding: 10px 16px 4px; }
header h1 { margin: 0; font-size: 20px; }
header p { margin: 2px 0 0; font-size: 13px; color: #555; }
main { position: relative; flex: 1; min-height: 420px; }
#kg-network { position: absolute; inset: 0; }
#kg-legend { position: absolute; top: 8px; right: 8px; max-width: 340px; background: rgba(255,255,255,0.92);
  border: 1px solid #ddd; border-radius: 4px; padding: 6px 10px; font-size: 12px; }
#kg-legend li { list-style: none; margin: 2px 0; }
#kg-legend ul { margin: 0; padding: 0; }
.kg-swatch { display: inline-block; width: 10px; height: 10px; border-radius: 5px; margin-right: 6px; }
footer { padding: 4px 16px 8px; font-size: 11px; color: #666; border-top: 1px solid #eee; }
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
  network.once("afterDrawing", function () { document.body.setAttribute("data-drawn", "yes"); });
  window.kgNetwork = network;
})();
"""


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    import pyvis

    folder = Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2"
    return (folder / "vis-network.min.js").read_text("utf-8"), (folder / "vis-network.css").read_text("utf-8")


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
    return {"nodes": nodes, "edges": edges, "options": json.loads(options)}


def render_page(view: View, sources, command: str) -> str:
    """The page's HTML text. ``sources`` are ``(file name, sha256)`` pairs."""
    js, css = _vis_assets()
    e = html.escape
    legend = "".join(
        f'<li><span class="kg-swatch" style="background:{e(colour)}"></span>{e(text)}</li>' if colour
        else f"<li>{e(text)}</li>" for colour, text in view.legend)
    files = ", ".join(f"{e(name)} (sha256 {e(sha[:16])}…)" for name, sha in sources) or "no source recorded"
    data = safe_json(_network_data(view))
    scripts = (data, f"\n{js}\n", _SCRIPT)  # each exactly as it stands between its tags
    return "".join([
        "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n",
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(scripts)}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{e(view.title)}</title>\n<style>\n{css}\n{_STYLE}</style>\n</head>\n<body>\n",
        f"<header><h1>{e(view.title)}</h1><p>{e(view.subtitle)}</p></header>\n",
        f'<main><div id="kg-network"></div><aside id="kg-legend"><ul>{legend}</ul></aside></main>\n',
        f"<footer>Sources: {files}. Made with <code>{e(command)}</code> (kg).</footer>\n",
        f'<script type="application/json" id="kg-data">{scripts[0]}</script>\n',
        f"<script>{scripts[1]}</script>\n<script>{scripts[2]}</script>\n</body>\n</html>\n",
    ])


def write_page(view: View, sources, command: str, path) -> Path:
    """Write the page to ``path`` (via a temporary file, so never half-written)."""
    return atomic_write(path, render_page(view, sources, command))


def iframe(view: View, sources, command: str, height: int = 600) -> str:
    """The page inside a sandboxed ``<iframe srcdoc>``, for notebooks (scripts run, nothing else is allowed)."""
    page = html.escape(render_page(view, sources, command), quote=True)
    return (f'<iframe sandbox="allow-scripts" srcdoc="{page}" style="width:100%;height:{int(height)}px;'
            f'border:1px solid #ddd"></iframe>')
