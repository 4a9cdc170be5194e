"""Extraction: a gazette text in, an :class:`~kg.records.Issue` record out.

:func:`extract_text` is pure (text in, records out); :func:`extract_file`
reads the file first. Parsers never raise on odd layouts: they add notices
and extract what they can. Anything else escaping them is a bug, turned into
a :class:`~kg.errors.ParseError` that names the file.
"""

from __future__ import annotations

from ..errors import KgError, ParseError
from ..reference.organisations import OrganisationTable, load_table
from ..text.reading import Source, read_source
from ..records import Issue
from ..text.index import TextIndex
from ..text.paragraphs import paragraphs

__all__ = ["extract_text", "extract_source", "extract_file"]


def extract_source(source: Source, table: OrganisationTable | None = None, strict: bool = False) -> Issue:
    """Extract every record from a decoded source.

    A parser bug is turned into a :class:`~kg.errors.ParseError` naming the
    file, unless ``strict`` (tests), where it is raised as it is.
    """
    from .checks import check_issue
    from .context import Context
    from .document import parse_document
    from .entities import add_entities
    from .layout import split_issue

    table = table or load_table()
    index = TextIndex(source.name, source.text)
    ctx = Context(index, table)
    try:
        paras = paragraphs(index)
        header, toc, blocks = split_issue(ctx, paras)
        ctx.gazette = header.gazette
        issue = Issue(source.name, source.sha256, source.encoding, ctx.gazette_province(),
                      header.gazette, header.year, header.number, header.cumulative_number,
                      header.published, header.serial, toc)
        for block in blocks:
            doc, parts = parse_document(ctx, block, header.year)
            issue.province = issue.province or ctx.province
            issue.checks.extend(add_entities(ctx, doc, block, parts, header.year))
            issue.documents.append(doc)
        check_issue(ctx, issue)
        ctx.close()
    except KgError:
        raise
    except Exception as exc:  # a parser bug must not surface as a traceback
        if strict:
            raise
        raise ParseError(f"{source.name}: internal error while parsing ({type(exc).__name__}: {exc}); "
                         "please report it with the file") from exc
    issue.notices = ctx.notices
    return issue


def extract_text(text: str, name: str = "<text>", table: OrganisationTable | None = None,
                 strict: bool = False) -> Issue:
    """Extract records from text already decoded.

    Examples
    --------
    >>> issue = extract_text("某某的通知\\n\\n浙政办发〔2017〕1号\\n\\n各市政府:\\n\\n"
    ...                      "1. 做好工作。(牵头单位:省发改委;配合单位:省财政厅)\\n")
    >>> doc = issue.documents[0]
    >>> doc.number, [(r.org.organisation, r.role) for r in doc.tasks[0].responsibilities]
    ('浙政办发〔2017〕1号', [('zj-drc', 'lead'), ('zj-finance', 'participant')])
    """
    import hashlib

    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return extract_source(Source(name, text, "utf-8", digest), table, strict)


def extract_file(path, encoding: str | None = None, table: OrganisationTable | None = None) -> Issue:
    """Read and extract one file."""
    return extract_source(read_source(path, encoding), table)
