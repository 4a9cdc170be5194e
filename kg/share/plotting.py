"""matplotlib with Chinese labels: find a CJK font the system provides and use it.

Debian provides ``fonts-wqy-zenhei`` and ``fonts-noto-cjk`` (``apt-get install
fonts-wqy-zenhei``); nothing is downloaded.
"""

from __future__ import annotations

from ..errors import KgError

__all__ = ["use_cjk_font", "CJK_FONTS"]

_CJK_FILES = ("wqy", "cjk", "droidsansfallback", "sourcehan", "simhei", "msyh", "pingfang", "uming")

#: Font families tried, in order.
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Source Han Sans SC",
             "Droid Sans Fallback", "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC", "AR PL UMing CN")


def use_cjk_font() -> str:
    """Make matplotlib draw Chinese text with an installed CJK font; return its family name."""
    import logging

    from matplotlib import font_manager, rcParams

    # CJK fonts often come in one weight; matplotlib logs every fallback to it.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    for attempt in range(2):
        installed = {f.name for f in font_manager.fontManager.ttflist}
        for family in CJK_FONTS:
            if family in installed:
                rcParams["font.sans-serif"] = [family, *rcParams["font.sans-serif"]]
                rcParams["font.family"] = "sans-serif"
                rcParams["axes.unicode_minus"] = False
                return family
        if attempt == 0:  # matplotlib's font cache may predate the font's install
            for path in font_manager.findSystemFonts():
                if any(k in path.lower() for k in _CJK_FILES):
                    font_manager.fontManager.addfont(path)
    raise KgError("no CJK font found for Chinese labels; install one, e.g. apt-get install fonts-wqy-zenhei")
