"""SHACL validation: a graph against ``ontology/shapes.ttl``, with pySHACL.

pySHACL runs on an in-memory rdflib copy of the graph (it is not faster on an
Oxigraph-backed graph; pySHACL issue 184).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import KgError

__all__ = ["Violation", "validate", "shapes_text", "ontology_text"]


def _ontology_file(name: str) -> str:
    """Text of a file in ``ontology/`` (shipped as the package ``kg.ontology``)."""
    from importlib import resources

    try:
        return resources.files("kg.ontology").joinpath(name).read_text("utf-8")
    except ModuleNotFoundError:  # running from a checkout without installing
        return (Path(__file__).resolve().parents[2] / "ontology" / name).read_text("utf-8")


def shapes_text() -> str:
    return _ontology_file("shapes.ttl")


def ontology_text() -> str:
    return _ontology_file("kg.ttl")


@dataclass(frozen=True)
class Violation:
    severity: str
    focus: str
    path: str
    message: str
    value: str | None


def validate(graph_file: Path, shapes: str | Path | None = None):
    """Validate the N-Triples file ``graph_file``; return ``(conforms, violations, triple_count)``."""
    import pyshacl
    from rdflib import Graph
    from rdflib.namespace import RDF, SH

    data = _read_graph(graph_file)
    try:
        shapes_graph = Graph().parse(shapes, format="turtle") if shapes else \
            Graph().parse(data=shapes_text(), format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise KgError(f"{shapes}: cannot read the shapes ({exc})") from None
    ontology = Graph().parse(data=ontology_text(), format="turtle")
    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes_graph, ont_graph=ontology,
                                            inference="none", advanced=True, allow_warnings=True)
    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        def one(p):
            v = results.value(result, p)
            return None if v is None else str(v)
        severity = one(SH.resultSeverity) or ""
        violations.append(Violation(severity.rsplit("#", 1)[-1], one(SH.focusNode) or "",
                                    _short(results.value(result, SH.resultPath)), one(SH.resultMessage) or "",
                                    one(SH.value)))
    violations.sort(key=lambda v: (v.focus, v.path, v.message))
    return conforms, violations, len(data)


def _read_graph(graph_file: Path):
    """The N-Triples file as an rdflib graph, or one line naming the file and the line that is not N-Triples."""
    from rdflib import Graph

    try:
        return Graph().parse(graph_file, format="nt")
    except OSError as exc:
        raise KgError(f"{graph_file}: cannot be read ({exc.strerror or exc})") from None
    except Exception:  # rdflib's parser errors say "Invalid line" without a number: ask Oxigraph where
        import pyoxigraph as ox

        try:
            for _ in ox.parse(path=str(graph_file), format=ox.RdfFormat.N_TRIPLES):
                pass
        except SyntaxError as exc:
            reason = str(exc).split(": ", 1)[-1].rsplit(" (", 1)[0]
            raise KgError(f"{graph_file}:{exc.lineno}: not valid N-Triples ({reason}); is the file truncated? "
                          "run kg build again") from None
        raise


def _short(path) -> str:
    if path is None:
        return ""
    from .namespaces import PREFIXES

    text = str(path)
    for prefix, ns in PREFIXES.items():
        if text.startswith(ns):
            return f"{prefix}:{text[len(ns):]}"
    return text
