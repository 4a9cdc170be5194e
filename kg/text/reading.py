"""Read gazette files: bytes in, decoded text out, or one clear error.

Encodings seen in the wild are UTF-8 (with or without a byte-order mark),
GB18030/GBK from older Windows tools and, for traditional-script texts, Big5.
UTF-8 is tried first because it fails loudly on anything else; when it fails,
charset-normalizer chooses among the Chinese encodings.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

__all__ = ["Source", "read_source", "decode_bytes"]

#: Encodings considered when a file is not UTF-8.
FALLBACK_ENCODINGS = ("gb18030", "big5", "utf_16")


@dataclass(frozen=True)
class Source:
    """A decoded source file.

    Attributes
    ----------
    name : str
        The path as the user gave it; used in messages and provenance.
    text : str
        The decoded text, exactly as decoded (line ends untouched), so that
        character offsets in records point into it.
    encoding : str
        The encoding used to decode the bytes.
    sha256 : str
        Hex digest of the raw bytes.
    """

    name: str
    text: str
    encoding: str
    sha256: str


def decode_bytes(data: bytes, name: str = "<bytes>", encoding: str | None = None) -> Source:
    """Decode raw bytes into a :class:`Source`.

    Parameters
    ----------
    data : bytes
        The file's content.
    name : str
        How to name the source in messages.
    encoding : str, optional
        Force an encoding instead of detecting one.

    Returns
    -------
    Source

    Raises
    ------
    InputError
        Empty, binary or undecodable input.

    Examples
    --------
    >>> decode_bytes("责任单位".encode("gb18030"), "a.txt").encoding
    'gb18030'
    >>> decode_bytes(codecs.BOM_UTF8 + "公报".encode(), "b.txt").text
    '公报'
    >>> decode_bytes(b"", "c.txt")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: c.txt: file is empty; give a gazette text file
    """
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise InputError(name, "file is empty; give a gazette text file")
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise InputError(name, f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise InputError(
                name, f"cannot be decoded as {encoding} (byte {exc.start}); try another --encoding",
                line=line) from None
        return _checked(Source(name, _strip_bom(text), encoding, digest))

    if data.startswith(codecs.BOM_UTF8):
        text = _decode_utf8(data[len(codecs.BOM_UTF8):], name)
        return _checked(Source(name, text, "utf-8-sig", digest))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(name, "has a UTF-16 byte-order mark but invalid UTF-16; "
                             "try --encoding gb18030") from None
        return _checked(Source(name, text, "utf-16", digest))
    if b"\x00" in data[:4096]:
        raise InputError(name, "looks like a binary file (NUL bytes); give the gazette as plain text")
    try:
        return _checked(Source(name, data.decode("utf-8"), "utf-8", digest))
    except UnicodeDecodeError as exc:
        utf8_error = exc
    guessed = _guess_encoding(data)
    if guessed is None:
        line = data[: utf8_error.start].count(b"\n") + 1
        raise InputError(
            name, "cannot be decoded as UTF-8 and no Chinese encoding fits; "
            "try --encoding gb18030 (or big5)", line=line)
    return _checked(Source(name, data.decode(guessed), guessed, digest))


def read_source(path: str | Path, encoding: str | None = None) -> Source:
    """Read and decode one file.

    Raises
    ------
    InputError
        The path is missing, a directory, unreadable, empty, binary or
        undecodable. The message names the file.
    """
    name = str(path)
    p = Path(path)
    if not p.exists():
        raise InputError(name, "no such file")
    if p.is_dir():
        raise InputError(name, "is a directory; give a file (kg build takes folders)")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror})") from None
    return decode_bytes(data, name, encoding)


_COMMON = re.compile(r"[\x20-\x7e\r\n\t\u3000-\u303f\u4e00-\u9fa5\uff01-\uff5e]+")


def _checked(source: Source) -> Source:
    """Refuse decoded text that is mostly control or unassigned characters."""
    sample = source.text[:20000]
    rare = _COMMON.sub("", sample)  # printable ASCII, CJK and common punctuation are never odd
    odd = sum(1 for c in rare
              if unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs") and c not in "\r\n\t\x0c")
    if sample and odd > 0.05 * len(sample):
        raise InputError(source.name, f"decoded as {source.encoding} but does not look like text; "
                         "give the gazette as plain text or try --encoding gb18030")
    return source


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _decode_utf8(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(name, "has a UTF-8 byte-order mark but invalid UTF-8; "
                         "try --encoding gb18030", line=line) from None


def _guess_encoding(data: bytes) -> str | None:
    """Choose among :data:`FALLBACK_ENCODINGS` with charset-normalizer."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(FALLBACK_ENCODINGS)).best()
    if best is None:
        return None
    encoding = codecs.lookup(best.encoding).name
    # GBK and GB2312 are subsets of GB18030: decode with the superset.
    if encoding in ("gbk", "gb2312", "hz"):
        encoding = "gb18030"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if _cjk_ratio(text) < 0.2:
        return None
    return encoding


def _cjk_ratio(text: str) -> float:
    visible = [c for c in text if not c.isspace()]
    if not visible:
        return 0.0
    return sum("\u4e00" <= c <= "\u9fff" for c in visible) / len(visible)
