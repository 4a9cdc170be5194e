"""SHACL validation: a graph against ``ontology/shapes.ttl``, as SPARQL on Oxigraph or with pySHACL.

Two engines give the same violations (a test holds them to it):

* ``sparql`` (the default): each constraint of the shapes is one SPARQL query
  (:mod:`.shacl`) run on an Oxigraph store, the build's own store for a built
  folder, so nothing is loaded into memory: seconds and a few hundred MB for a
  2 M-triple corpus, where pySHACL took minutes and gigabytes
  (``benchmarks/README.md``);
* ``pyshacl``: pySHACL on an in-memory rdflib copy of the graph (it is not
  faster on an Oxigraph-backed graph; pySHACL issue 184). Shapes that use a
  part of SHACL the compiler does not know go to it under ``auto``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import KgError

__all__ = ["Violation", "ENGINES", "validate", "validate_store", "check_graph_file", "shapes_text", "ontology_text"]

#: The validation engines; ``auto`` is ``sparql`` for shapes it compiles, else ``pyshacl``.
ENGINES = ("auto", "sparql", "pyshacl")


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
    component: str = ""


def _shapes_graph(shapes):
    from rdflib import Graph

    try:
        return Graph().parse(shapes, format="turtle") if shapes else Graph().parse(data=shapes_text(), format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise KgError(f"{shapes}: cannot read the shapes ({exc})") from None


def _ontology_graph():
    from rdflib import Graph

    return Graph().parse(data=ontology_text(), format="turtle")


def _engine(engine: str) -> str:
    if engine not in ENGINES:
        raise KgError(f"unknown validation engine {engine!r}; choose one of {', '.join(ENGINES)}")
    return engine


def validate(graph_file: Path, shapes: str | Path | None = None, engine: str = "auto", progress=None):
    """Validate the N-Triples file ``graph_file``; return ``(conforms, violations, triple_count)``.

    The ``sparql`` engine loads the file into an in-memory Oxigraph store
    first; for a built folder :func:`validate_store` checks the build's store.
    """
    engine = _engine(engine)
    if engine != "pyshacl":
        import pyoxigraph as ox

        store = ox.Store()
        try:
            store.bulk_load(path=str(graph_file), format=ox.RdfFormat.N_TRIPLES)
        except OSError as exc:
            raise KgError(f"{graph_file}: cannot be read ({exc.strerror or exc})") from None
        except SyntaxError:
            _syntax_error(graph_file)
            raise
        found = validate_store(store, shapes, engine, progress)
        if found is not None:
            return found
    return _pyshacl(graph_file, shapes)


def validate_store(store, shapes=None, engine: str = "auto", progress=None):
    """Validate a pyoxigraph store with the shapes as SPARQL: ``(conforms, violations, triple_count)``.

    Returns ``None`` under ``auto`` when the shapes use a part of SHACL the
    compiler does not know (:class:`~.shacl.Unsupported`): the caller then
    hands them to pySHACL. ``progress(done, total)`` counts the checks run.
    """
    from .shacl import Unsupported, compile_shapes, run_check

    try:
        checks = compile_shapes(_shapes_graph(shapes), _ontology_graph())
    except Unsupported as exc:
        if _engine(engine) == "auto":
            return None
        raise KgError(f"{shapes}: {exc}; validate with --engine pyshacl") from None
    violations = set()
    for i, check in enumerate(checks, 1):
        for focus, value, component, message in run_check(store, check):
            violations.add(Violation(check.severity, focus, _short(check.path) if check.path else "", message, value,
                                     component))
        if progress:
            progress(i, len(checks))
    ordered = sorted(violations, key=lambda v: (v.focus, v.path, v.message, v.value or ""))
    return not any(v.severity == "Violation" for v in ordered), ordered, len(store)


def _pyshacl(graph_file: Path, shapes):
    import pyshacl
    from rdflib.namespace import RDF, SH

    data = _read_graph(graph_file)
    conforms, results, _ = pyshacl.validate(data, shacl_graph=_shapes_graph(shapes), ont_graph=_ontology_graph(),
                                            inference="none", advanced=True, allow_warnings=True)
    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        def one(p):
            v = results.value(result, p)
            return None if v is None else str(v)
        severity = one(SH.resultSeverity) or ""
        component = (one(SH.sourceConstraintComponent) or "").rsplit("#", 1)[-1]
        violations.append(Violation(severity.rsplit("#", 1)[-1], one(SH.focusNode) or "",
                                    _short(results.value(result, SH.resultPath)), one(SH.resultMessage) or "",
                                    one(SH.value), component))
    violations.sort(key=lambda v: (v.focus, v.path, v.message, v.value or ""))
    return conforms, violations, len(data)


def check_graph_file(graph_file: Path, triples: int) -> None:
    """Check that ``graph_file`` is whole N-Triples holding ``triples`` triples (the store's), one a line.

    Lines are counted first (fast); only a file that does not match is
    parsed, to name the line at fault.
    """
    lines = 0
    try:
        with open(graph_file, "rb") as f:
            while chunk := f.read(1 << 24):
                lines += chunk.count(b"\n")
    except OSError as exc:
        raise KgError(f"{graph_file}: cannot be read ({exc.strerror or exc})") from None
    if lines == triples:
        return
    _syntax_error(graph_file)
    raise KgError(f"{graph_file} holds {lines} triples and the store {triples}: one of them changed after kg build; "
                  "run kg build again")


def _syntax_error(graph_file: Path) -> None:
    """Raise one line naming the line of ``graph_file`` that is not N-Triples, if there is one."""
    import pyoxigraph as ox

    try:
        for _ in ox.parse(path=str(graph_file), format=ox.RdfFormat.N_TRIPLES):
            pass
    except SyntaxError as exc:
        reason = str(exc).split(": ", 1)[-1].rsplit(" (", 1)[0]
        raise KgError(f"{graph_file}:{exc.lineno}: not valid N-Triples ({reason}); is the file truncated? "
                      "run kg build again") from None


def _read_graph(graph_file: Path):
    """The N-Triples file as an rdflib graph, or one line naming the file and the line that is not N-Triples."""
    from rdflib import Graph

    try:
        return Graph().parse(graph_file, format="nt")
    except OSError as exc:
        raise KgError(f"{graph_file}: cannot be read ({exc.strerror or exc})") from None
    except Exception:  # rdflib's parser errors say "Invalid line" without a number: ask Oxigraph where
        _syntax_error(graph_file)
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
