"""What a document states about itself: its title, number, addressees, date and issuers.

Each field is read from the text first and from the page's metadata
(:mod:`.metadata`) only where the text lacks it: the signature's date before
a 成文日期 field, before a 发布日期 field; the signature's issuers before the
title's, before a 发文机关 field.
"""

from __future__ import annotations

import re

from ..records import DocNumber, OrgMention
from ..text.brackets import split_top_level
from ..text.spacing import tidy
from ..vocabulary import NoticeCode
from .blocks import DocumentBlock, is_date_line
from .grammar.dates import DATE_PATTERN, calendar_day, date_parts, parse_date
from .grammar.docnumbers import any_number
from .grammar.organisations import ends_like_organisation

__all__ = ["despace", "read_title", "read_number", "find_addressees", "find_date", "read_issuers",
           "metadata_date"]

#: Characters spaced one by one: 通 知, 国 务 院
_SPACED = re.compile(r"(?:[\u4e00-\u9fff] ){2,}[\u4e00-\u9fff]|[\u4e00-\u9fff] [\u4e00-\u9fff](?![\u4e00-\u9fff])")
#: A signature of a person, not an organisation: 总理 李克强, 国务院总理 某某
_LEADER = re.compile(r"^(?:国务院)?(?:总理|副总理|主席|部长|局长|主任|省长|市长)\s*[\u4e00-\u9fff]{2,4}$")
_ISO = re.compile(r"(?P<y>\d{4})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})")
_COMPACT = re.compile(r"^\s*(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])\s*$")


def despace(text: str) -> str:
    """Characters spaced one by one joined again: ``通 知`` → ``通知``, ``国 务 院`` → ``国务院``.

    >>> despace("关于…的 通 知"), despace("国 务 院"), despace("浙江省人民政府办公厅 浙江省军区办公室")
    ('关于…的通知', '国务院', '浙江省人民政府办公厅 浙江省军区办公室')
    """
    return _SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)


def read_title(block: DocumentBlock):
    """``(title, span)``: the title paragraphs joined, else the metadata's title, else ``("", None)``."""
    paras = block.title
    if paras:
        first, last = paras[0], paras[-1]
        title = tidy(despace("".join(p.text.strip() for p in paras)))
        span = first.index.span(first.source_offset(first.stripped()[0]),
                                last.source_offset(last.stripped()[1] - 1) + 1)
        return _without_byline(_without_number(title)), span
    item = block.metadata.get("title")
    if item:
        value = item.value
        m = _LEADING_NUMBER.match(value)
        if m:  # 标题: 柳政发〔2023〕21号 柳塘市人民政府关于…
            value = value[m.end():]
        return _without_byline(tidy(despace(value))), item.span
    return "", None


#: A number opening a metadata title: 柳政发〔2023〕21号 柳塘市人民政府关于…
_LEADING_NUMBER = re.compile(r"^\s*[\u4e00-\u9fff]{1,12}\s*[〔\[(【]\s*\d{4}\s*[〕\])】]\s*第?\s*\d{1,5}\s*号\s*")
#: A page's byline glued to a title: …的决定-时间:2025-11-03-来源:省政府办公厅
_BYLINE = re.compile(r"(?<!\s)\s*[-—|]\s*(?:发布)?(?:时间|日期|来源|作者|浏览)\s*:.*$")


def _without_byline(title: str) -> str:
    """A title without the page's byline glued to it.

    >>> _without_byline("澜江省人民政府关于表彰的决定-时间:2025-11-03-来源:省政府办公厅")
    '澜江省人民政府关于表彰的决定'
    """
    return _BYLINE.sub("", title)


def _without_number(title: str) -> str:
    """A title without the number it carries in parentheses at its end: ``…通知(林生发〔2022〕104号)``."""
    m = re.search(r"\([^()]*号\)\s*$", title)
    if m and any_number(m.group(0)):
        return title[:m.start()].rstrip()
    return title


def read_number(block: DocumentBlock) -> DocNumber | None:
    """The document's number: its number line, else its metadata's 文号 (of any style)."""
    if block.number:
        return block.number
    for name in ("number", "title"):  # a title field may carry the number before the title
        item = block.metadata.get(name)
        if item is not None and (name == "number" or _LEADING_NUMBER.match(item.value)):
            found = any_number(item.value)
            if found:
                return found
    return None


def _is_addressee(text: str) -> bool:
    """A line of addressees: organisations and their collectives, closed by a colon.

    >>> _is_addressee("各市、县(市、区)人民政府,省政府直属各单位:"), _is_addressee("获奖人员名单如下:")
    (True, False)
    """
    t = text.strip()
    if not (t.endswith(":") and "。" not in t and len(t) <= 200 and not t.startswith("附件")):
        return False
    names = [n.strip() for n in re.split(r"[,;、]", t.rstrip(":"))]
    return any(n.startswith(("各", "有关")) or ends_like_organisation(n) or n.endswith(("单位", "部门", "机构"))
               for n in names if n)


def find_addressees(body):
    """``(index, names)`` of the addressee line among the first paragraphs of ``body``, or ``(None, [])``."""
    for k, p in enumerate(body[:3]):
        if _is_addressee(p.text):
            t = p.text.strip().rstrip(":")
            return k, [tidy(t[a:b]) for a, b in split_top_level(t, ",;")]
    return None, []


def find_date(ctx, body, label=None):
    """``(index, iso date)`` of the signature's date line in ``body``, or ``(None, None)``.

    A date line whose day the calendar does not hold (``2017年2月30日``) keeps
    its index, so the signature above it is still read, but gives no date and
    a ``date-not-on-calendar`` notice naming its line.
    """
    for k, p in enumerate(body):
        if is_date_line(p.text):
            found = calendar_day(*date_parts(p.text))
            if found is None:
                ctx.notice(NoticeCode.DATE_NOT_ON_CALENDAR,
                           f"the date line {p.text.strip()} names a day the calendar does not have; "
                           "the document is given no date from it", p.first_line, label)
            return k, found
    for k, p in enumerate(body):  # a date closing the last sentence of a paragraph: …绿色覆盖。 二○二四年三月一日
        m = _CLOSING_DATE.search(p.text)
        if m and parse_date(m.group("date")):
            return k, parse_date(m.group("date"))
    return None, None


#: A date after the last sentence of a paragraph, where the signature would stand.
_CLOSING_DATE = re.compile(r"。\s+(?P<date>(?:\d{4}|[〇○零O一二三四五六七八九]{4})\s*年[^。]{1,12}日)\s*$")


def metadata_date(block: DocumentBlock) -> str | None:
    """The date a metadata field gives: 成文日期 first, then 发布日期 and its kin, in any spelling."""
    for name in ("date", "published"):
        item = block.metadata.get(name)
        if item is None:
            continue
        value = item.value
        found = parse_date(value) or _iso(_ISO.search(value)) or _iso(_COMPACT.match(value))
        if found:
            return found
    return None


def _iso(m) -> str | None:
    if not m:
        return None
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    return calendar_day(y, mo, d)


def _org_line(text: str, known) -> bool:
    """Whether a line above the date is a signature: organisation names only, no sentence or title in it.

    >>> known = lambda name: False
    >>> _org_line("浙江省人民政府办公厅", known), _org_line("国家发展改革委 财政部", known)
    (True, True)
    >>> _org_line("根据《国家核安全局", known)  # a sentence cut off before a title, run into the signature
    False
    """
    t = despace(text.strip())
    if not (3 <= len(t) <= 60) or re.search(r"[,。:;、《》]", t) or _LEADER.match(t):
        return False
    parts = t.split()
    return all(ends_like_organisation(n) or known(n) for n in parts)


def read_issuers(ctx, doc, block, body, k_date, year, label) -> list[OrgMention]:
    """Issuers from the signature above the date, else from the title, else from the metadata."""
    lines = []
    if k_date is not None:
        k = k_date - 1
        while k >= 0 and _org_line(body[k].text, ctx.known):
            lines.insert(0, body[k])
            k -= 1
    from_title = _title_issuers(doc.title, ctx.known)
    item = block.metadata.get("issuer")
    ctx.begin_document(doc, [name for p in lines for name, _, _ in _names(p)] or from_title
                       or ([item.value] if item else []), year, label)
    mentions = [ctx.organisation(name, p.span(a, b), year, label) for p in lines for name, a, b in _names(p)]
    if not mentions and from_title and block.title:
        p = block.title[0]
        pos = 0
        for name in from_title:
            i = p.text.find(name, pos)
            span = p.span(i, i + len(name)) if i >= 0 else p.span(*p.stripped())
            pos = i + len(name) if i >= 0 else pos
            mentions.append(ctx.organisation(name, span, year, label))
        return mentions
    if mentions and from_title and [m.mention for m in mentions] != from_title:
        ctx.notice(NoticeCode.ISSUER_MISMATCH, "the signature names other issuers than the title",
                   lines[0].first_line, label)
    if not mentions and item:
        p = item.paragraph
        for a, b in split_top_level(p.text, ",;、", p.text.find(item.value), p.text.find(item.value) + len(item.value)):
            for name, x, y in _split_spaces(p.text, a, b):
                mentions.append(ctx.organisation(name, p.span(x, y), year, label))
    if not mentions:
        ctx.notice(NoticeCode.NO_ISSUER, "no issuer found in the signature, the title or the metadata", doc.span.line,
                   label)
    return mentions


def _names(p):
    """The issuers of one signature line: ``(name, start, end)``, joint ones split at spaces."""
    a, b = p.stripped()
    return list(_split_spaces(p.text, a, b))


def _split_spaces(text, a, b):
    whole = text[a:b]
    joined = despace(whole)
    if joined != whole and " " not in joined:
        yield joined, a, b  # 国 务 院
        return
    for m in re.finditer(r"\S+", text[a:b]):
        yield m.group(0), a + m.start(), a + m.end()


def _title_issuers(title: str, known):
    if "关于" not in title:
        return []
    prefix = title.split("关于", 1)[0]
    names = [n for part in prefix.split() for n in part.split("、") if n]
    return names if names and all(ends_like_organisation(n) or known(n) for n in names) else []


def is_date_text(text: str) -> bool:
    return bool(DATE_PATTERN.search(text))
