"""Extraction: a gazette text in, an :class:`~kg.records.Issue` record out.

:func:`extract_text` is pure (text in, records out); :func:`extract_file`
reads the file first. Parsers never raise on odd layouts: they add notices
and extract what they can. Anything else escaping them is a bug, turned into
a :class:`~kg.errors.ParseError` that names the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import KgError, ParseError
from ..reference.organisations import OrganisationTable, load_table
from ..text.reading import Source, read_source
from ..records import Document, Issue
from ..text.index import TextIndex
from ..text.paragraphs import paragraphs

__all__ = ["Extraction", "extract_text", "extract_source", "extract_file"]


class Extraction:
    """One source being extracted a document at a time, so that its documents need not all be held at once.

    :attr:`issue` is read first (its header and table of contents; no
    documents); :meth:`documents` then gives each document as it is read.
    Once they have all been given, the issue's province, checks and notices
    are complete and :attr:`toc_pages` maps a document's place to the page
    the table of contents gives it (a document is matched against the table
    only when all are known). :func:`extract_source` puts it all together.

    Examples
    --------
    >>> from kg.text.reading import Source
    >>> ex = Extraction(Source("a.txt", "关于甲的通知\\n\\n浙政发〔2019〕1号\\n\\n甲。\\n", "utf-8", "0" * 64))
    >>> ex.issue.documents, [str(d.number) for d in ex.documents()], ex.issue.province
    ([], ['浙政发〔2019〕1号'], '浙江省')
    """

    def __init__(self, source: Source, table: OrganisationTable | None = None, strict: bool = False):
        from .context import Context
        from .layout import split_issue

        self.name, self.strict = source.name, strict
        self.toc_pages: dict[int, int | None] = {}
        with self._bugs():
            self._ctx = ctx = Context(TextIndex(source.name, source.text), table or load_table())
            header, toc, self._blocks = split_issue(ctx, paragraphs(ctx.index))
            ctx.gazette = header.gazette
            self.issue = Issue(source.name, source.sha256, source.encoding, ctx.gazette_province(),
                               header.gazette, header.year, header.number, header.cumulative_number,
                               header.published, header.serial, toc)

    @contextmanager
    def _bugs(self):
        """A parser bug must not surface as a traceback: a :class:`~kg.errors.ParseError` naming the file."""
        try:
            yield
        except KgError:
            raise
        except Exception as exc:
            if self.strict:
                raise
            raise ParseError(f"{self.name}: internal error while parsing ({type(exc).__name__}: {exc}); "
                             "please report it with the file") from exc

    def documents(self) -> Iterator[Document]:
        """Each document of the issue in turn (once: the text's blocks are let go as they are read)."""
        from .checks import check_toc
        from .document import parse_document
        from .entities import add_entities

        ctx, issue, blocks = self._ctx, self.issue, self._blocks
        self._blocks = []
        seen = []
        with self._bugs():
            for k in range(len(blocks)):
                block, blocks[k] = blocks[k], None
                doc, parts = parse_document(ctx, block, issue.year)
                issue.province = issue.province or ctx.province
                issue.checks.extend(add_entities(ctx, doc, block, parts, issue.year))
                seen.append((doc.number, doc.title, doc.span.line))
                del block, parts
                yield doc
            self.toc_pages = check_toc(ctx, issue, seen)
            ctx.close()
        issue.notices = ctx.notices


def extract_source(source: Source, table: OrganisationTable | None = None, strict: bool = False) -> Issue:
    """Extract every record from a decoded source.

    A parser bug is turned into a :class:`~kg.errors.ParseError` naming the
    file, unless ``strict`` (tests), where it is raised as it is.
    """
    ex = Extraction(source, table, strict)
    issue = ex.issue
    issue.documents = list(ex.documents())
    for k, page in ex.toc_pages.items():
        issue.documents[k].toc_page = page
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
