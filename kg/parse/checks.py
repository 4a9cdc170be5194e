"""Self-checks: what an issue says about itself against what was extracted."""

from __future__ import annotations

import re

from ..records import Issue
from ..vocabulary import NoticeCode
from .context import Context

__all__ = ["check_toc", "title_key"]


def title_key(title: str) -> str:
    """A title with white space and punctuation variants removed, for comparing.

    Examples
    --------
    >>> title_key("关于 2016 年征兵工作(通报)") == title_key("关于2016年征兵工作(通报)")
    True
    """
    return re.sub(r"[\s《》“”\"'()\-—–]", "", title)


def check_toc(ctx: Context, issue: Issue, documents: list[tuple]) -> dict[int, int | None]:
    """Match documents against the table of contents; report every mismatch; the page of each document listed.

    ``documents`` are ``(number, title, line)`` of the issue's documents in
    order (only these, so the documents themselves need not be held); the
    result maps a document's place among them to the page its entry gives.

    Examples
    --------
    >>> from kg.parse.extract import extract_text
    >>> issue = extract_text("浙江省人民政府公报\\n\\n2017\\n\\n第24期\\n\\n目 录\\n\\n"
    ...                      "- 关于甲的通知(浙政发〔2017〕1号) (3)\\n\\n关于甲的通知\\n\\n浙政发〔2017〕1号\\n\\n甲。\\n")
    >>> [(d.title, d.toc_page) for d in issue.documents]
    [('关于甲的通知', 3)]
    """
    if not issue.toc:
        if issue.gazette:
            ctx.notice(NoticeCode.NO_TOC, "the issue has a gazette header but no table of contents was read")
        return {}
    by_number = {number: k for k, (number, _, _) in enumerate(documents) if number}  # the last wins
    by_title: dict[str, int] = {}
    for k, (_, title, _) in enumerate(documents):
        by_title.setdefault(title_key(title), k)
    listed, pages = set(), {}
    for entry in issue.toc:
        k = by_number.get(entry.doc_number) if entry.doc_number else None
        if k is None:
            k = by_title.get(title_key(entry.title))
        if k is None:
            ctx.notice(NoticeCode.TOC_MISMATCH, f"table of contents lists {entry.doc_number or entry.title!r} "
                       "but no such document was found", entry.span.line)
            continue
        listed.add(k)
        pages[k] = entry.page
        number, title, _ = documents[k]
        if title_key(title) != title_key(entry.title):
            ctx.notice(NoticeCode.TOC_TITLE_MISMATCH, f"title in the table of contents differs: {entry.title!r}",
                       entry.span.line, number)
    for k, (number, title, line) in enumerate(documents):
        if k not in listed:
            ctx.notice(NoticeCode.TOC_MISMATCH, "document is not listed in the table of contents", line,
                       number or title)
    return pages
