"""A static picture of the departments view (matplotlib), for papers and slides.

Same positions, colours and labelled nodes as the HTML view, with what a
figure in a paper needs: a legend (colour = community named by its most
central members, size = the measure, width = shared tasks, each with values),
a source line (the sources' file names and hashes and the command, as the
page's footer has), labels beside their nodes where the view's layout made
room for them (:func:`~.legible.make_legible`), and every size in points,
scaled from the view's pixels. adjustText and textalloc were measured here and
not taken: on the sample and a 50-issue corpus they moved labels onto other
dots (11 and 15, 6 and 19 touching) where the computed layout leaves 0 and 7
(``benchmarks/README.md``). SVG keeps its text as text
(``svg.fonttype: none``) and PDF embeds TrueType (``pdf.fonttype: 42``); SVG,
PDF and PNG are written without dates or random ids, so the same graph gives
the same file.
"""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

from ..errors import KgError
from ..output import atomic_write
from ..vocabulary import Phrase

__all__ = ["draw_departments", "start_figure", "save_figure", "source_line", "FORMATS"]

FORMATS = ("png", "svg", "pdf")


def start_figure(path, width: float, height: float):
    """matplotlib set up for a reproducible figure with Chinese text; ``(plt, fig, ax, format)``."""
    from ..extras import need

    matplotlib = need("matplotlib", "a figure (kg figure, --plot)")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from .plotting import use_cjk_font

    fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise KgError(f"{path}: write a .png, .svg or .pdf figure")
    use_cjk_font()
    matplotlib.rcParams["svg.hashsalt"] = "kg"
    matplotlib.rcParams["svg.fonttype"] = "none"  # labels stay text a reader can search and copy
    matplotlib.rcParams["pdf.fonttype"] = 42
    fig, ax = plt.subplots(figsize=(width, height))
    return plt, fig, ax, fmt


def save_figure(plt, fig, path, fmt) -> Path:
    """Write ``fig`` without dates or random ids; close it."""
    metadata = {"Date": None} if fmt == "svg" else {"CreationDate": None} if fmt == "pdf" else {"Software": None}
    buf = io.BytesIO()
    try:
        fig.savefig(buf, format=fmt, dpi=200, metadata=metadata)
    finally:
        plt.close(fig)
    return atomic_write(Path(path), buf.getvalue())


def source_line(sources, command: str, lang: str = "zh") -> str:
    """The sources (file names, hashes) and the command, as the page's footer names them.

    >>> source_line([("a.txt", "7aa590abbcf7ef5b99")], "kg figure -o f.svg", "en")
    'Sources: a.txt (sha256 7aa590abbcf7ef5b…). Made with kg figure -o f.svg (kg).'
    """
    from .html import source_files

    return Phrase.SOURCES.label(lang).format(files=source_files(sources, lang), command=command)


def _wrap(text: str, lang: str) -> str:
    """Legend text in lines that fit the legend column: English at spaces, Chinese anywhere.

    >>> _wrap("颜色" * 13, "zh").count("\\n"), _wrap("a b", "en")
    (1, 'a b')
    """
    if lang == "en":
        return textwrap.fill(text, 40)
    return "\n".join(text[k:k + 24] for k in range(0, len(text), 24))


def draw_departments(view, path, sources=(), command: str = "", width: float = 7.5, height: float = 4.4) -> Path:
    """Draw a departments :class:`~kg.share.views.View` to ``path`` (``.png``, ``.svg`` or ``.pdf``)."""
    from matplotlib.lines import Line2D

    plt, fig, ax, fmt = start_figure(path, width, height)
    fig.subplots_adjust(left=0.01, right=0.69, top=0.89, bottom=0.06)
    lang = view.lang
    left, top, right, bottom = view.frame or (-350, -220, 350, 220)
    ax.set_xlim(left, right)
    ax.set_ylim(-bottom, -top)
    ax.set_aspect("equal", adjustable="box")
    ax.set_axis_off()
    fig.canvas.draw()
    box = ax.get_window_extent()
    pt = min(box.width / (right - left), box.height / (bottom - top)) * 72 / fig.dpi  # points per view pixel
    pos = {n["id"]: (n["x"], -n["y"]) for n in view.nodes}
    for e in sorted(view.edges, key=lambda e: e.get("weight", 0)):
        (x1, y1), (x2, y2) = pos[e["from"]], pos[e["to"]]
        alpha = float(e["color"]["color"].rsplit(",", 1)[1].rstrip(")"))
        ax.plot([x1, x2], [y1, y2], color="#6e7d91", alpha=alpha, linewidth=e["width"] * pt, zorder=1,
                solid_capstyle="round")
    xs, ys = [pos[n["id"]][0] for n in view.nodes], [pos[n["id"]][1] for n in view.nodes]
    ax.scatter(xs, ys, s=[(2 * n["size"] * pt) ** 2 for n in view.nodes], c=[n["color"] for n in view.nodes],
               edgecolors="white", linewidths=0.5, zorder=2)
    labelled = [n for n in view.nodes if n.get("font", {}).get("size", 0) >= 12]
    for n in labelled:  # beside (under) their dots, where the view's layout made room for them
        ax.text(pos[n["id"]][0], pos[n["id"]][1] - n["size"] - 3, n["label"],
                fontsize=round(n["font"]["size"] * pt, 1), ha="center", va="top", zorder=3, color="#1f2328")
    # the legend, read from the view's: communities (colour), the measure (size), shared tasks (width), with values
    handles = []
    for colour, text, *key in view.legend:
        text = _wrap(text, lang)
        if colour:
            handles.append(Line2D([], [], marker="o", linestyle="", markersize=6, markerfacecolor=colour,
                                  markeredgecolor="white", label=text))
            continue
        if key and key[0] in ("colour", "size", "width"):
            handles.append(Line2D([], [], linestyle="", label=text))  # a heading
        if key and key[0] == "size":
            sized = sorted((n for n in view.nodes if "measure" in n), key=lambda n: n["measure"])
            for n in (sized[0], sized[len(sized) // 2], sized[-1]) if sized else ():
                handles.append(Line2D([], [], marker="o", linestyle="", markersize=2 * n["size"] * pt,
                                      markerfacecolor="#bbbbbb", markeredgecolor="white", label=f"{n['measure']:g}"))
        if key and key[0] == "width":
            by_weight = {e["weight"]: e for e in sorted(view.edges, key=lambda e: e.get("weight", 0)) if "weight" in e}
            weights = sorted(by_weight)
            for w in sorted({weights[0], weights[len(weights) // 2], weights[-1]}) if weights else ():
                handles.append(Line2D([], [], color="#6e7d91", linewidth=by_weight[w]["width"] * pt, label=f"{w:g}"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=6.5, frameon=False,
              handletextpad=0.6, labelspacing=0.6, borderaxespad=0.2, handlelength=1.6)
    fig.text(0.015, 0.965, view.title, fontsize=11, ha="left", va="top")
    fig.text(0.015, 0.915, view.subtitle, fontsize=7, color="#555555", ha="left", va="top")
    fig.text(0.015, 0.015, source_line(sources, command, lang), fontsize=5.5, color="#666666", ha="left", wrap=True)
    return save_figure(plt, fig, path, fmt)
