"""Parsing: decoded text in, records out (pure: no file is read here but by :func:`extract_file`)."""

from .extract import extract_file, extract_source, extract_text

__all__ = ["extract_text", "extract_source", "extract_file"]
