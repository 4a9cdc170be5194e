"""Lines that are not the document's text: metadata fields of the page it came from, and page furniture.

Metadata is written four ways — ``文号:X``, ``[发文字号] X``, ``| 文 号 | X |``,
``【文号】X`` — with labels often spaced (``索 引 号``, ``标  题``) and several
fields run together on one line. Page furniture (``扫一扫在手机打开当前页面``,
``【字体:大 中 小】``, ``打印 关闭``, footers with 版权所有) is dropped.

Examples
--------
>>> [(f, v) for f, _, v in fields("索 引 号:00817382/2016-00489主题分类:交通 -")]
[('index', '00817382/2016-00489'), ('subject', '交通')]
>>> [(f, v) for f, _, v in fields("[发文字号] 京发改〔2012〕1370号")]
[('number', '京发改〔2012〕1370号')]
>>> [(f, v) for f, _, v in fields("| 文        号 | 苏市监〔2022〕1号 | 主  题  词 |  |")]
[('number', '苏市监〔2022〕1号'), ('subject', '')]
>>> [(f, v) for f, _, v in fields("【颁布时间】20221025【实施时间】20221025")]
[('published', '20221025'), ('effective', '20221025')]
>>> bool(CHROME.match("苍岚市人民政府文件")), bool(CHROME.match("关于转发省政府文件"))
(True, False)
>>> bool(CHROME.match("【字体:大 中 小】 【打印本页】 【关闭窗口】"))
True
>>> fields("一、总体要求") is None, bool(CHROME.match("扫一扫在手机打开当前页面")), bool(CHROME.match("打印  关闭"))
(True, True, True)
"""

from __future__ import annotations

import re

__all__ = ["FIELDS", "fields", "label_only", "CHROME", "COMPILATION_TITLE", "BODY_START"]

#: Metadata labels by the field they give.
FIELDS = {
    "number": ("文号", "发文字号", "发文文号", "发布文号", "文件编号", "文件字号"),
    "title": ("标题", "名称", "文件名称", "题名"),
    "issuer": ("发文机关", "发布机关", "发文单位", "颁布单位", "发布单位", "发文机构", "制发机关", "发布机构", "发布部门",
               "颁发单位", "制定机关"),
    "date": ("成文日期", "发文日期", "印发日期", "签发日期", "签署日期"),
    "published": ("发布日期", "生成日期", "公开日期", "发布时间", "颁布时间", "公布日期", "发布时期"),
    "effective": ("实施日期", "施行日期", "实施时间", "废止日期", "有效性", "时效性", "效力级别"),
    "index": ("索引号", "备案登记号"),
    "subject": ("主题分类", "分类", "主题词", "关键词", "法规分类", "体裁分类", "组配分类", "公文种类", "年份",
                "地区部门", "内容概述", "题注", "目录摘要", "信息来源"),
}
_FIELD = {label: field for field, labels in FIELDS.items() for label in labels}
# A label may be spaced character by character: 索 引 号, 标  题.
_LABELS = "|".join(r"\s*".join(map(re.escape, label)) for label in sorted(_FIELD, key=len, reverse=True))

#: One field: ``文号:X`` / ``[文号] X`` / ``【文号】X`` (the value runs to the next label or the line's end).
_FIELD_AT = re.compile(rf"""
    (?: \[ \s* (?P<b>{_LABELS}) \s* \]        # [发文字号]
      | 【 \s* (?P<c>{_LABELS}) \s* 】          # 【文号】
      | (?P<a>{_LABELS}) \s* : )              # 文号:
    """, re.VERBOSE)
_PIPE_LABEL = re.compile(rf"^\s*(?P<label>{_LABELS})\s*:?\s*$")


def _key(label: str) -> str:
    return re.sub(r"\s", "", label)


def fields(text: str):
    """The metadata fields of a line, as ``(field, label, value)``, or ``None`` for a line that is not metadata."""
    t = text.strip()
    if t.count("|") >= 2 and _PIPE_LABEL.match(t.strip("|").split("|")[0]):
        return _pipe_fields(t)
    m = _FIELD_AT.match(t)
    if not m:
        return None
    out = []
    found = list(_FIELD_AT.finditer(t))
    for k, f in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(t)
        label = _key(f.group("a") or f.group("b") or f.group("c"))
        value = t[f.end():end].strip().rstrip("-").strip()
        if re.search(r"[\u4e00-\u9fff]{1,6}\s*:", value) and not _TIME.match(value):
            return None  # 名称: 姓名: 职务: — a form to fill in, not the page's metadata
        out.append((_FIELD[label], label, value))
    return out


_TIME = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}\s*\d{1,2}:\d{2}")


def _pipe_fields(t: str):
    cells = [c.strip() for c in t.strip("|").split("|")]
    out = []
    k = 0
    while k < len(cells):
        m = _PIPE_LABEL.match(cells[k])
        if not m:
            k += 1
            continue
        label = _key(m.group("label"))
        value = cells[k + 1] if k + 1 < len(cells) and not _PIPE_LABEL.match(cells[k + 1]) else ""
        out.append((_FIELD[label], label, value))
        k += 2 if value or (k + 1 < len(cells) and not _PIPE_LABEL.match(cells[k + 1])) else 1
    return out or None


def label_only(text: str) -> str | None:
    """The field of a line that holds only a label (``发文字号:``): its value is on the next line.

    >>> label_only("发文字号:"), label_only("发文字号:国发〔2019〕3号")
    ('number', None)
    """
    m = _FIELD_AT.fullmatch(text.strip())
    return _FIELD[_key(m.group("a") or m.group("b") or m.group("c"))] if m else None


#: Page furniture: lines of the web page, not of the document.
CHROME = re.compile(r"""^\s*(?:
      扫一扫(?:在手机)?(?:上|中)?(?:打开|查看)?.{0,12}       # 扫一扫在手机打开当前页面
    | (?:【\s*)?打印(?:本页)?(?:\s*】)?\s*(?:(?:【\s*)?关闭(?:窗口)?(?:\s*】)?)?   # 打印 关闭, 【打印】
    | 关闭窗口
    | (?:【\s*)?字[体号]\s*:?\s*大\s*中\s*小(?:\s*】)?        # 【字体:大 中 小】
    | (?:【\s*(?:字[体号][^】]{0,12}|打印本页|打印|关闭窗口|关闭|收藏|分享|返回顶部)\s*】\s*){2,}   # 【字体:大 中 小】 【打印本页】
    | (?:当前位置|您的位置|您现在的位置|所在位置)\s*:?.*       # 当前位置:首页 > …
    | 首页\s*>.*                                             # 首页 > 政务公开
    | (?:[^\s>,。:]{2,14}\s*>\s*)+[^>,。:]{2,30}              # 法律法规库 > 地方法规 > 地方规范性文件
    | 今天是.{0,24}                                          # 今天是2024年…
    | (?![^\n]*关于)[\u4e00-\u9fff ]{2,30}文\ ?件               # 苍岚市人民政府文件 (a letterhead)
    | (?:浏览次数|浏览量|阅读次数|访问量|点击数)\s*:.{0,20}   # 浏览次数:
    | GOVERNMENT\s+INFORMATION
    | 分享(?:到)?\s*:?.{0,12}                                # 分享到:
    | 展开全文 | 听全文 | 我要纠错 | 收藏 | 返回顶部 | 无障碍 | 适老版 | 登录 | 注册 | 搜索 | 简 | 繁 | >
    | (?:上一篇|下一篇)\s*:.*
    | .*(?:版权所有|ICP备|网站标识码|ICP证).*                  # a site footer
    | [-=+_*·\s]+                                            # ====, +++++, * * *
    | (?:&nbsp;|&sp;|\s)+                                     # HTML entities alone
)\s*$""", re.VERBOSE)

#: The head of a document in a compilation: 【中国林业法规】title(number)
COMPILATION_TITLE = re.compile(r"^\s*【\s*(?P<series>[^】]{2,12}?法规|[^】]{2,12}?文件|[^】]{2,12}?汇编)\s*】\s*(?P<title>\S.*)$")

#: Where the body of a compiled document starts: 【法规正文】
BODY_START = re.compile(r"^\s*【\s*(?:法规)?正文\s*】")
