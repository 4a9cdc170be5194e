"""Text in: bytes decoded, characters normalised, lines and paragraphs that remember their offsets."""

from .brackets import split_top_level, trim
from .index import TextIndex, normalise
from .paragraphs import Paragraph, paragraphs
from .reading import Source, decode_bytes, read_source

__all__ = ["Source", "read_source", "decode_bytes", "normalise", "TextIndex", "Paragraph", "paragraphs", "trim",
           "split_top_level"]
