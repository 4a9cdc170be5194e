"""Self-checks: what an issue says about itself against what was extracted."""

from __future__ import annotations

import re

from ..records import Issue
from ..vocabulary import NoticeCode
from .context import Context

__all__ = ["check_issue", "title_key"]


def title_key(title: str) -> str:
    """A title with white space and punctuation variants removed, for comparing.

    Examples
    --------
    >>> title_key("关于 2016 年征兵工作(通报)") == title_key("关于2016年征兵工作(通报)")
    True
    """
    return re.sub(r"[\s《》“”\"'()\-—–]", "", title)


def check_issue(ctx: Context, issue: Issue) -> None:
    """Match documents against the table of contents; report every mismatch."""
    if not issue.toc:
        if issue.gazette:
            ctx.notice(NoticeCode.NO_TOC, "the issue has a gazette header but no table of contents was read")
        return
    by_number = {d.number: d for d in issue.documents if d.number}
    listed = set()
    for entry in issue.toc:
        doc = by_number.get(entry.doc_number) if entry.doc_number else None
        if doc is None:
            doc = next((d for d in issue.documents if title_key(d.title) == title_key(entry.title)), None)
        if doc is None:
            ctx.notice(NoticeCode.TOC_MISMATCH, f"table of contents lists {entry.doc_number or entry.title!r} "
                       "but no such document was found", entry.span.line)
            continue
        listed.add(id(doc))
        doc.toc_page = entry.page
        if title_key(doc.title) != title_key(entry.title):
            ctx.notice(NoticeCode.TOC_TITLE_MISMATCH, f"title in the table of contents differs: {entry.title!r}",
                       entry.span.line, doc.number)
    for doc in issue.documents:
        if id(doc) not in listed:
            ctx.notice(NoticeCode.TOC_MISMATCH, "document is not listed in the table of contents",
                       doc.span.line, doc.number or doc.title)
