"""Sorting a source's paragraphs into the documents' text, the page's metadata, and page furniture.

Metadata lines (``文号:…``, ``[发文字号] …``, ``| 标 题 | … |``, ``【颁布时间】…``,
or a label on one line and its value on the next) are taken out of the text
and kept as fields with their spans: the number, title, issuer and dates they
give are used where the document's own text lacks them. Page furniture is
dropped (and said nothing of: it is not the document's).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Span
from ..text.paragraphs import Paragraph
from .grammar.metadata import CHROME, fields, label_only

__all__ = ["Field", "Metadata", "BODY", "META", "CHROME_LINE", "classify"]

BODY, META, CHROME_LINE = "body", "meta", "chrome"


@dataclass(slots=True, unsafe_hash=True)
class Field:
    """One metadata value, as written, with where it stands."""

    label: str
    value: str
    span: Span
    paragraph: Paragraph


@dataclass(slots=True)
class Metadata:
    """The fields of one document's metadata: the first value of each wins."""

    fields: dict = field(default_factory=dict)

    def add(self, name: str, item: Field) -> None:
        if item.value and name not in self.fields:
            self.fields[name] = item

    def get(self, name: str) -> Field | None:
        return self.fields.get(name)

    def __bool__(self) -> bool:
        return bool(self.fields)


def classify(paras: list[Paragraph]):
    """``(kinds, found)``: each paragraph's kind (body, meta, chrome) and, by paragraph index, its fields.

    Examples
    --------
    >>> from kg.text import TextIndex, paragraphs
    >>> ps = paragraphs(TextIndex("a", "发文字号:\\n国发〔2019〕3号\\n扫一扫在手机打开当前页面\\n一、总则\\n"))
    >>> kinds, found = classify(ps)
    >>> kinds, [(f, v.value) for f, v in found[0]]
    (['meta', 'meta', 'chrome', 'body'], [('number', '国发〔2019〕3号')])
    """
    kinds, found = [], {}
    pending = None  # (index, field, label) of a label whose value is on the next line
    for i, p in enumerate(paras):
        text = p.text.strip()
        if pending is not None:
            k, name, label = pending
            pending = None
            if not fields(text) and not CHROME.match(text) and len(text) <= 200:
                found.setdefault(k, []).append((name, _field(p, label, text)))
                kinds.append(META)
                continue
        if CHROME.match(text):
            kinds.append(CHROME_LINE)
            continue
        only = label_only(text)
        if only:
            kinds.append(META)
            pending = (i, only, text.rstrip(":").strip())
            continue
        got = fields(text)
        if got is None:
            kinds.append(BODY)
            continue
        kinds.append(META)
        found[i] = [(name, _field(p, label, value)) for name, label, value in got]
    return kinds, found


def _field(p: Paragraph, label: str, value: str) -> Field:
    a = p.text.find(value) if value else -1
    span = p.span(a, a + len(value)) if a >= 0 else p.span(*p.stripped())
    return Field(label, value, span, p)
