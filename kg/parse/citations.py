"""Cited documents: 《title》(number), a bare number, or a title alone."""

from __future__ import annotations


from ..records import Citation, Document
from ..text.spacing import tidy
from .grammar.citations import CITING_VERB, CONNECTOR, POLICY_WORDS, TITLED
from .grammar.docnumbers import DOC_NUMBER, doc_number

__all__ = ["find_citations"]


def find_citations(paras, doc: Document) -> list[Citation]:
    """Documents cited in ``paras``; the document itself and its annexes are not citations.

    A title in 《》 counts when a document number follows it, or when it names
    a policy instrument (…意见, …条例, …纲要) after a citing verb (根据,
    按照, 贯彻落实 …) in the same clause or in a list the verb opens. A
    document number on its own counts too. Each cited document is listed once,
    at its first mention.

    Examples
    --------
    >>> from kg.text import TextIndex, paragraphs
    >>> idx = TextIndex("a", "根据《质量发展纲要(2011—2020年)》(国发〔2012〕9号)和国办发〔2016〕57号精神。")
    >>> doc = Document(number="浙政办发〔2017〕72号", title="t", span=None)
    >>> [(c.number, c.title) for c in find_citations(paragraphs(idx), doc)]
    [('国发〔2012〕9号', '质量发展纲要(2011—2020年)'), ('国办发〔2016〕57号', None)]
    """
    seen = set()
    out = []
    own = {x for x in (doc.number, doc.enclosed_title, *doc.annexes) if x}
    for p in paras:
        text = p.text
        taken = []
        previous_end = None
        for m in TITLED.finditer(text) if "《" in text else ():
            title = tidy(m.group("title"))
            number = None
            if m.group("num"):
                nm = DOC_NUMBER.search(m.group("num"))
                number = doc_number(nm) if nm else None
            listed = previous_end is not None and CONNECTOR.match(text[previous_end:m.start()])
            if number is None and not (POLICY_WORDS.search(title) and (
                    listed or CITING_VERB.search(_clause_before(text, m.start())))):
                continue
            previous_end = m.end()
            taken.append((m.start(), m.end()))
            if title in own or number in own or title in seen or number in seen:
                continue
            seen.update(k for k in (number, title) if k)
            out.append(Citation(number, title, p.span(m.start(), m.end())))
        for m in DOC_NUMBER.finditer(text) if "号" in text else ():  # a document number ends in 号
            start = m.start("prefix")
            if any(a <= start < b for a, b in taken):
                continue
            number = doc_number(m)
            if number in own or number in seen:
                continue
            seen.add(number)
            out.append(Citation(number, None, p.span(start, m.end())))
    return out


def _clause_before(text: str, end: int) -> str:
    """The text from the last clause break before ``end`` up to ``end``."""
    start = max(text.rfind(c, 0, end) for c in ",。;:")
    return text[start + 1:end]
