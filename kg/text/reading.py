"""Read gazette files: bytes in, decoded text out, or one clear error.

Encodings seen in the wild are UTF-8 (with or without a byte-order mark),
GB18030/GBK from older Windows tools and, for traditional-script texts, Big5.
UTF-8 is tried first because it fails loudly on anything else; when it fails,
charset-normalizer chooses among the Chinese encodings.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

__all__ = ["Source", "read_source", "read_bytes", "decode_bytes", "not_regular", "DEFAULT_MAX_SIZE", "size_text"]

#: Encodings considered when a file is not UTF-8.
FALLBACK_ENCODINGS = ("gb18030", "big5", "utf_16")
#: The largest source read unless told otherwise (``kg build --max-size``): 64 MB.
DEFAULT_MAX_SIZE = 64 * 2**20


@dataclass(slots=True, unsafe_hash=True)
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
    >>> decode_bytes("公报\\n2017".encode("utf-16-le"), "d.txt").encoding
    'utf-16-le'
    >>> decode_bytes(b"", "c.txt")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: c.txt: file is empty; give a gazette text file
    >>> decode_bytes(codecs.BOM_UTF8 + b"\\n", "e.txt")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: e.txt: holds only white space or a byte-order mark; give a gazette text file
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
        utf16 = _utf16_without_bom(data)
        try:
            if utf16 is not None:
                return _checked(Source(name, data.decode(utf16), utf16, digest))
        except InputError:
            pass
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


def read_source(path: str | Path, encoding: str | None = None, max_size: int = DEFAULT_MAX_SIZE) -> Source:
    """Read and decode one file.

    Raises
    ------
    InputError
        The path is missing, a directory, not a regular file, larger than
        ``max_size`` bytes, unreadable, empty, binary or undecodable. The
        message names the file.
    """
    return decode_bytes(read_bytes(path, max_size), str(path), encoding)


def size_text(n: int) -> str:
    """A byte count for messages.

    >>> size_text(64 * 2**20), size_text(1536)
    ('64 MB', '1.5 KB')
    """
    for unit, scale in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"


def not_regular(mode: int) -> str | None:
    """What a file of ``mode`` is when it is not a regular file (``None`` when it is).

    >>> not_regular(stat.S_IFIFO | 0o644), not_regular(stat.S_IFREG | 0o644)
    ('a FIFO (named pipe)', None)
    """
    for test, what in ((stat.S_ISREG, None), (stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return what
    return "not a regular file"


def read_bytes(path: str | Path, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """The bytes of a regular file of at most ``max_size`` bytes, or an :class:`InputError` naming it.

    A FIFO, a device or a socket is refused without waiting on it (it is
    opened non-blocking and checked before a byte is read), so ``/dev/zero``
    or a pipe nobody writes to never hangs a build.

    Examples
    --------
    >>> read_bytes("/dev/zero")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: /dev/zero: is a character device, not a regular file; give a text file
    """
    name = str(path)
    try:
        _refuse_special(name, os.stat(path).st_mode)  # a socket cannot even be opened: say what it is first
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror})") from None
    try:
        _refuse_special(name, os.fstat(fd).st_mode)  # what was opened, should the name have changed meanwhile
    except InputError:
        os.close(fd)
        raise
    os.set_blocking(fd, True)
    with os.fdopen(fd, "rb") as f:
        try:
            data = f.read(max_size + 1)
        except OSError as exc:
            raise InputError(name, f"cannot be read ({exc.strerror})") from None
    if len(data) > max_size:
        raise InputError(name, f"is larger than {size_text(max_size)}, the limit for one source; "
                         "raise it with --max-size if the file is really one gazette text")
    return data


_COMMON = re.compile(r"[\x20-\x7e\r\n\t\u3000-\u303f\u4e00-\u9fa5\uff01-\uff5e]+")


def _checked(source: Source) -> Source:
    """Refuse decoded text that is blank or mostly control or unassigned characters."""
    if not source.text.replace("\ufeff", "").strip():
        raise InputError(source.name, "holds only white space or a byte-order mark; give a gazette text file")
    sample = source.text[:20000]
    rare = _COMMON.sub("", sample)  # printable ASCII, CJK and common punctuation are never odd
    odd = sum(1 for c in rare
              if unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs") and c not in "\r\n\t\x0c")
    if sample and odd > 0.05 * len(sample):
        raise InputError(source.name, f"decoded as {source.encoding} but does not look like text; "
                         "give the gazette as plain text or try --encoding gb18030")
    return source


def _refuse_special(name: str, mode: int) -> None:
    what = not_regular(mode)
    if what == "a directory":
        raise InputError(name, "is a directory; give a file (kg build takes folders)")
    if what:
        raise InputError(name, f"is {what}, not a regular file; give a text file")


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when NUL bytes fall only on one side of each pair and the bytes decode.

    Chinese text in UTF-16 has NULs in the high byte of every ASCII character
    (digits, line ends), so nearly all sit at odd offsets (little-endian) or
    at even ones (big-endian): a few characters such as 一 (U+4E00) put one on
    the other side. A binary file's NULs fall on both.

    >>> _utf16_without_bom("一、2017年\\n".encode("utf-16-be")), _utf16_without_bom(b"\\x7fELF\\x02\\x00\\x00")
    ('utf-16-be', None)
    """
    if len(data) % 2:
        return None
    sample = data[:65536]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    encoding = "utf-16-le" if odd > 4 * even else "utf-16-be" if even > 4 * odd else None
    if encoding is None:
        return None
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return encoding


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
