"""A static picture of the departments view (matplotlib), for papers and slides.

Same positions, sizes and colours as the HTML view. SVG and PNG are written
without dates or random ids, so the same graph gives the same file.
"""

from __future__ import annotations

import io
from pathlib import Path

from ..errors import KgError
from ..output import atomic_write

__all__ = ["draw_departments"]


def draw_departments(view, path, width: float = 12.0, height: float = 9.0) -> Path:
    """Draw a departments :class:`~kg.snapshot.View` to ``path`` (``.png``, ``.svg`` or ``.pdf``)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from .plotting import use_cjk_font

    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg", "pdf"):
        raise KgError(f"{path}: write a .png, .svg or .pdf figure")
    use_cjk_font()
    matplotlib.rcParams["svg.hashsalt"] = "kg"
    matplotlib.rcParams["svg.fonttype"] = "none"  # labels stay text a reader can search and copy
    matplotlib.rcParams["pdf.fonttype"] = 42
    pos = {n["id"]: (n["x"], -n["y"]) for n in view.nodes}
    fig, ax = plt.subplots(figsize=(width, height))
    for e in view.edges:
        (x1, y1), (x2, y2) = pos[e["from"]], pos[e["to"]]
        ax.plot([x1, x2], [y1, y2], color="#9aa5b1", alpha=0.5, linewidth=e.get("width", 1) * 0.6, zorder=1)
    ax.scatter([pos[n["id"]][0] for n in view.nodes], [pos[n["id"]][1] for n in view.nodes],
               s=[(n.get("size", 10) * 1.6) ** 2 / 4 for n in view.nodes], c=[n["color"] for n in view.nodes],
               edgecolors="white", linewidths=0.8, zorder=2)
    for n in view.nodes:
        x, y = pos[n["id"]]
        ax.annotate(n["label"], (x, y), fontsize=8, ha="center", va="center", zorder=3)
    ax.set_title(f"{view.title}\n{view.subtitle}", fontsize=11)
    ax.set_axis_off()
    fig.tight_layout()
    metadata = {"Date": None} if fmt in ("svg", "pdf") else {"Software": None}
    if fmt == "pdf":
        metadata["CreationDate"] = None
        metadata.pop("Date")
    buf = io.BytesIO()
    try:
        fig.savefig(buf, format=fmt, dpi=150, metadata=metadata)
    finally:
        plt.close(fig)
    return atomic_write(path, buf.getvalue())
