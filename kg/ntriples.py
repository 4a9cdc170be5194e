"""N-Triples: the exact, escaped form of RDF terms kg writes and binds.

Used for the sorted ``graph.nt`` of a build and for binding query parameters
as terms in a ``VALUES`` block, where escaping is what keeps a hostile value a
value.
"""

from __future__ import annotations

import re

from rdflib import Literal, URIRef

from .errors import KgError

__all__ = ["Lit", "nt_term", "ntriples_lines", "merge_sorted"]

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


class Lit:
    """A literal already in N-Triples form: much cheaper to make than rdflib's ``Literal``.

    Examples
    --------
    >>> Lit("省", lang="zh").nt, Lit("3", datatype="http://www.w3.org/2001/XMLSchema#integer").nt
    ('"省"@zh', '"3"^^<http://www.w3.org/2001/XMLSchema#integer>')
    >>> Lit("省", lang="zh").to_rdflib()
    rdflib.term.Literal('省', lang='zh')
    """

    __slots__ = ("nt", "value", "lang", "datatype")

    def __init__(self, value: str, lang: str | None = None, datatype: str | None = None):
        self.value, self.lang, self.datatype = value, lang, datatype
        text = '"' + value.translate(_ESCAPES) + '"'
        self.nt = f"{text}@{lang}" if lang else f"{text}^^<{datatype}>" if datatype else text

    def __hash__(self):
        return hash(self.nt)

    def __eq__(self, other):
        return isinstance(other, Lit) and other.nt == self.nt

    def __repr__(self):
        return f"Lit({self.nt})"

    def to_rdflib(self) -> Literal:
        return Literal(self.value, lang=self.lang, datatype=URIRef(self.datatype) if self.datatype else None)


def nt_term(term) -> str:
    """A term in N-Triples syntax.

    Examples
    --------
    >>> from rdflib import Literal, URIRef
    >>> nt_term(Literal("甲\\n乙", lang="zh")), nt_term(URIRef("http://x/省"))
    ('"甲\\\\n乙"@zh', '<http://x/省>')
    """
    if type(term) is Lit:
        return term.nt
    if isinstance(term, URIRef):
        if _BAD_IRI.search(str(term)):
            raise KgError(f"{str(term)!r} is not a valid IRI")
        return f"<{term}>"
    if isinstance(term, Literal):
        text = '"' + str(term).translate(_ESCAPES) + '"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype and str(term.datatype) != _XSD_STRING:
            return f"{text}^^<{term.datatype}>"
        return text
    raise KgError(f"cannot write {term!r} as N-Triples (blank nodes are not used in kg graphs)")


def ntriples_lines(triples) -> list[str]:
    """Sorted, unique N-Triples lines (each distinct term written once)."""
    cache: dict = {}

    def term(t):
        text = cache.get(t)
        if text is None:
            text = cache[t] = nt_term(t)
        return text

    return sorted({f"{term(s)} {term(p)} {term(o)} .\n" for s, p, o in triples})


def merge_sorted(paths, target, fan_in: int = 200) -> int:
    """Merge sorted N-Triples files into ``target`` without duplicates; return the line count.

    Streams: memory stays flat however many lines there are. At most
    ``fan_in`` files are open at once (larger sets merge in rounds).
    """
    import heapq
    from contextlib import ExitStack
    from pathlib import Path

    paths = [Path(p) for p in paths]
    round_no = 0
    while len(paths) > fan_in:
        merged = []
        for k in range(0, len(paths), fan_in):
            step = paths[k].with_name(f"merge-{round_no}-{k}.nt")
            merge_sorted(paths[k:k + fan_in], step, fan_in)
            merged.append(step)
        paths, round_no = merged, round_no + 1
    count, last = 0, None
    with ExitStack() as stack, open(target, "w", encoding="utf-8", newline="\n") as out:
        files = [stack.enter_context(open(p, encoding="utf-8", newline="\n")) for p in paths]
        for line in heapq.merge(*files):
            if line != last:
                out.write(line)
                last = line
                count += 1
    return count
