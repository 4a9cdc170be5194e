"""Entities beyond tasks: citations, targets, annex tables, industries, honorees."""

from __future__ import annotations

from ..records import Document
from .citations import find_citations
from .context import Context
from .layout import DocumentBlock

__all__ = ["add_entities"]


def add_entities(ctx: Context, doc: Document, block: DocumentBlock, default_year: int | None) -> None:
    """Add the document's citations, targets, tables, industries and honorees."""
    doc.citations = find_citations(block.paragraphs, doc)
