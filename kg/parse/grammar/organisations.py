"""What organisations' names look like: how they end, and governments named by place.

Examples
--------
>>> ends_like_organisation("省质监局"), ends_like_organisation("信息中心"), ends_like_organisation("杭州")
(True, True, False)
>>> GOVERNMENT.match("舟山市人民政府").group("place", "suffix")
('舟山', '市人民政府')
"""

from __future__ import annotations

import re

__all__ = ["ORG_NAME_ENDS", "ends_like_organisation", "GOVERNMENT"]

#: The last word of a complete organisation's name: 厅 (省财政厅), 局, 委, 办 … 中心 (信息中心), 组 (领导小组),
#: 联 (全国妇联), 协 (中国科协), 中央 (共青团中央).
ORG_NAME_ENDS = ("厅", "局", "委", "办", "部", "会", "室", "院", "府", "所", "队", "行", "司", "社", "处", "署",
                 "站", "馆", "中心", "组", "关", "联", "协", "中央")


def ends_like_organisation(name: str) -> bool:
    """Whether ``name`` ends as an organisation's name does."""
    return name.endswith(ORG_NAME_ENDS)


#: A government named by its place: 舟山市人民政府, 杭州市政府, 各县政府
GOVERNMENT = re.compile(r"""
    ^(?P<place>.+?)
    (?P<suffix>(?:市|县|区|州|盟)?(?:人民)?政府)$     # 市人民政府, 政府
    """, re.VERBOSE)
