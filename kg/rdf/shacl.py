"""SHACL shapes run as SPARQL on an Oxigraph store: ``kg validate`` at corpus scale.

pySHACL checks a graph in memory as rdflib terms: on a 2 M-triple corpus it
took 323 s and 4.3 GB. The shapes kg ships use a small part of SHACL Core, and
each of its constraints is one SPARQL query that returns the violating focus
nodes (and values); Oxigraph answers them on the build's own store, on disk,
so nothing is loaded (``benchmarks/README.md`` has the figures).
:func:`compile_shapes` turns a shapes graph into those queries, or raises
:class:`Unsupported` for a feature outside the part it knows, so a caller can
hand such shapes to pySHACL instead (:mod:`.validate`).

The part of SHACL Core compiled:

* targets ``sh:targetClass`` (instances of the class or of its subclasses in
  the ontology, as pySHACL sees them with the ontology mixed in),
  ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``, ``sh:targetNode``;
* on a node shape: ``sh:pattern`` on the focus node's IRI, ``sh:or`` of
  shapes that each require a path (``sh:minCount``), ``sh:property``;
* on a property shape with a predicate path: ``sh:minCount``,
  ``sh:maxCount``, ``sh:datatype``, ``sh:class``, ``sh:in``, ``sh:pattern``,
  ``sh:hasValue``, ``sh:languageIn``, ``sh:nodeKind``, and
  ``sh:qualifiedValueShape`` with ``sh:languageIn`` and
  ``sh:qualifiedMinCount`` / ``sh:qualifiedMaxCount``;
* ``sh:message`` and ``sh:severity``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

__all__ = ["Check", "Unsupported", "compile_shapes", "run_check", "COMPONENTS"]

_SH = "http://www.w3.org/ns/shacl#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"

#: What a node or property shape may say, by the part of SHACL that says it; anything else is :class:`Unsupported`.
_NODE_KEYS = {"targetClass", "targetSubjectsOf", "targetObjectsOf", "targetNode", "property", "pattern", "or",
              "message", "severity", "name", "description"}
_PROPERTY_KEYS = {"path", "minCount", "maxCount", "datatype", "class", "in", "pattern", "hasValue", "languageIn",
                  "nodeKind", "qualifiedValueShape", "qualifiedMinCount", "qualifiedMaxCount", "message", "severity",
                  "name", "description", "flags"}
#: The constraint component each check reports (SHACL's ``sh:sourceConstraintComponent``, local names).
COMPONENTS = ("MinCountConstraintComponent", "MaxCountConstraintComponent", "DatatypeConstraintComponent",
              "ClassConstraintComponent", "InConstraintComponent", "PatternConstraintComponent",
              "HasValueConstraintComponent", "LanguageInConstraintComponent", "NodeKindConstraintComponent",
              "QualifiedMinCountConstraintComponent", "QualifiedMaxCountConstraintComponent",
              "OrConstraintComponent")
#: The lexical forms of the datatypes whose values kg checks are well formed (as pySHACL does).
_LEXICAL = {"integer": r"^[+-]?[0-9]+$", "decimal": r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$",
            "date": r"^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?$",
            "gYear": r"^-?[0-9]{4,}(Z|[+-][0-9]{2}:[0-9]{2})?$", "boolean": r"^(true|false|1|0)$"}
_NODE_KINDS = {"IRI": "isIRI(?v)", "BlankNode": "isBlank(?v)", "Literal": "isLiteral(?v)",
               "BlankNodeOrIRI": "(isBlank(?v) || isIRI(?v))", "BlankNodeOrLiteral": "(isBlank(?v) || isLiteral(?v))",
               "IRIOrLiteral": "(isIRI(?v) || isLiteral(?v))"}


class Unsupported(Exception):
    """A shapes graph uses a part of SHACL that :func:`compile_shapes` does not compile."""


@dataclass(frozen=True)
class Check:
    """One constraint as a SPARQL query whose rows (``?f``, and ``?v`` where a value is at fault) are violations."""

    shape: str
    component: str
    path: str
    message: str
    severity: str
    query: str


def _nt(term) -> str:
    """An rdflib term in SPARQL (N-Triples) form."""
    return term.n3()


def compile_shapes(shapes, ontology=None) -> list[Check]:
    """The checks of a shapes graph (an rdflib ``Graph``); ``ontology`` gives the subclasses of target classes.

    Examples
    --------
    >>> from rdflib import Graph
    >>> shapes = Graph().parse(data='''@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://ex/> .
    ...   ex:S a sh:NodeShape ; sh:targetClass ex:T ;
    ...     sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:message "a T has a p" ] .''', format="turtle")
    >>> [(c.component, c.path, c.message) for c in compile_shapes(shapes)]
    [('MinCountConstraintComponent', 'http://ex/p', 'a T has a p')]
    >>> bad = Graph().parse(data='''@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://ex/> .
    ...   ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:sparql [ sh:select "" ] .''', format="turtle")
    >>> compile_shapes(bad)
    Traceback (most recent call last):
    kg.rdf.shacl.Unsupported: shape http://ex/S: sh:sparql is not compiled to SPARQL
    """
    from rdflib import RDF, URIRef

    sh = lambda name: URIRef(_SH + name)  # noqa: E731
    subclasses = _subclasses(ontology) if ontology is not None else {}
    checks = []
    for shape in sorted(set(shapes.subjects(RDF.type, sh("NodeShape"))) | set(shapes.subjects(sh("targetClass"), None)),
                        key=str):
        keys = {str(p)[len(_SH):] for p in shapes.predicates(shape) if str(p).startswith(_SH)}
        odd = sorted(keys - _NODE_KEYS)
        if odd:
            raise Unsupported(f"shape {shape}: sh:{odd[0]} is not compiled to SPARQL")
        target = _target(shapes, shape, sh, subclasses)
        if target is None:
            continue
        severity = str(shapes.value(shape, sh("severity")) or sh("Violation"))[len(_SH):]
        message = str(shapes.value(shape, sh("message")) or "")
        pattern = shapes.value(shape, sh("pattern"))
        if pattern is not None:
            checks.append(Check(str(shape), "PatternConstraintComponent", "",
                                message or f"Value does not match pattern '{pattern}'", severity,
                                f"SELECT ?f ?v WHERE {{ {target} BIND(?f AS ?v) "
                                f"FILTER(isBlank(?f) || !REGEX(STR(?f), {_nt(pattern)})) }}"))
        alternatives = shapes.value(shape, sh("or"))
        if alternatives is not None:
            checks.append(_or(shapes, shape, alternatives, target, message, severity, sh))
        for prop in sorted(shapes.objects(shape, sh("property")), key=str):
            checks += _property(shapes, shape, prop, target, severity, sh, subclasses)
    return checks


def _subclasses(ontology) -> dict[str, set[str]]:
    """Each class with every class below it (itself included), from ``rdfs:subClassOf``."""
    from rdflib import RDFS

    below = defaultdict(set)
    for sub, sup in ontology.subject_objects(RDFS.subClassOf):
        below[str(sup)].add(str(sub))
    closed = {}
    for cls in list(below):
        seen, stack = {cls}, [cls]
        while stack:
            for sub in below.get(stack.pop(), ()):
                if sub not in seen:
                    seen.add(sub)
                    stack.append(sub)
        closed[cls] = seen
    return closed


def _instances(cls: str, subclasses, var: str = "?f") -> str:
    classes = sorted(subclasses.get(cls, {cls}) | {cls})
    if len(classes) == 1:
        return f"{var} <{_RDF_TYPE}> <{classes[0]}> ."
    return f"VALUES ?_c {{ {' '.join(f'<{c}>' for c in classes)} }} {var} <{_RDF_TYPE}> ?_c ."


def _target(shapes, shape, sh, subclasses) -> str | None:
    """The graph pattern binding ``?f`` to the focus nodes of ``shape``, or ``None`` when it has no target.

    A plain join, not a ``DISTINCT`` subquery, which keeps Oxigraph's joins
    fast; a node it binds twice (typed with a class and its subclass) is
    reported once, as violations are a set.
    """
    parts = []
    for cls in shapes.objects(shape, sh("targetClass")):
        parts.append(_instances(str(cls), subclasses))
    for p in shapes.objects(shape, sh("targetSubjectsOf")):
        parts.append(f"?f {_nt(p)} ?_o .")
    for p in shapes.objects(shape, sh("targetObjectsOf")):
        parts.append(f"?_s {_nt(p)} ?f .")
    for node in shapes.objects(shape, sh("targetNode")):
        parts.append(f"VALUES ?f {{ {_nt(node)} }}")
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else " UNION ".join(f"{{ {p} }}" for p in parts)


def _path(shapes, prop, sh, shape) -> str:
    from rdflib import URIRef

    path = shapes.value(prop, sh("path"))
    if not isinstance(path, URIRef):
        raise Unsupported(f"shape {shape}: a property path that is not one predicate is not compiled to SPARQL")
    return str(path)


def _or(shapes, shape, alternatives, target, message, severity, sh) -> Check:
    from rdflib.collection import Collection

    paths = []
    for alt in Collection(shapes, alternatives):
        keys = {str(p)[len(_SH):] for p in shapes.predicates(alt) if str(p).startswith(_SH)}
        if keys != {"path", "minCount"} or int(shapes.value(alt, sh("minCount"))) != 1:
            raise Unsupported(f"shape {shape}: sh:or is compiled only for alternatives that each require a path")
        paths.append(_path(shapes, alt, sh, shape))
    missing = " ".join(f"FILTER NOT EXISTS {{ ?f <{p}> ?_x{i} }}" for i, p in enumerate(paths))
    return Check(str(shape), "OrConstraintComponent", "", message or "Node must conform to one or more shapes",
                 severity, f"SELECT ?f WHERE {{ {target} {missing} }}")


def _property(shapes, shape, prop, target, severity, sh, subclasses) -> list[Check]:
    from rdflib.collection import Collection

    keys = {str(p)[len(_SH):] for p in shapes.predicates(prop) if str(p).startswith(_SH)}
    odd = sorted(keys - _PROPERTY_KEYS)
    if odd:
        raise Unsupported(f"shape {shape}: sh:{odd[0]} on a property is not compiled to SPARQL")
    path = _path(shapes, prop, sh, shape)
    given = str(shapes.value(prop, sh("message")) or "")
    severity = str(shapes.value(prop, sh("severity")) or "")[len(_SH):] or severity
    out = []

    def add(component, default, query):
        out.append(Check(str(shape), component, path, given or default, severity, query))

    # Each query reads the path's triples first and joins the targets after: a predicate's triples are one
    # index scan, where joining every target first costs a lookup each (3 to 10 times slower on 2 M triples).
    def values(condition):
        return f"SELECT ?f ?v WHERE {{ {{ SELECT ?f ?v WHERE {{ ?f <{path}> ?v FILTER({condition}) }} }} {target} }}"

    def counted(op, k, condition=""):
        where = f"?f <{path}> ?v" + (f" FILTER({condition})" if condition else "")
        counts = f"SELECT ?f (COUNT(?v) AS ?n) WHERE {{ {where} }} GROUP BY ?f"
        if op == ">":  # a predicate's values of one focus are distinct triples: COUNT needs no DISTINCT
            return f"SELECT ?f ?n WHERE {{ {{ {counts} HAVING (COUNT(?v) > {k}) }} {target} }}"
        return f"SELECT ?f WHERE {{ {target} OPTIONAL {{ {{ {counts} }} }} FILTER(COALESCE(?n, 0) < {k}) }}"

    low, high = shapes.value(prop, sh("minCount")), shapes.value(prop, sh("maxCount"))
    if low is not None and int(low) == 1:  # MINUS is a hash anti-join: faster than FILTER NOT EXISTS per focus
        add("MinCountConstraintComponent", f"Less than 1 values on {path}",
            f"SELECT ?f WHERE {{ {target} MINUS {{ ?f <{path}> ?_v }} }}")
    elif low is not None and int(low) > 1:
        add("MinCountConstraintComponent", f"Less than {int(low)} values on {path}", counted("<", int(low)))
    if high is not None:
        add("MaxCountConstraintComponent", f"More than {int(high)} values on {path}", counted(">", int(high)))
    datatype = shapes.value(prop, sh("datatype"))
    if datatype is not None:
        lexical = _LEXICAL.get(str(datatype).rsplit("#", 1)[-1])
        well_formed = f" || !REGEX(STR(?v), {_quote(lexical)})" if lexical else ""
        add("DatatypeConstraintComponent", f"Value is not Literal with datatype {datatype}",
            values(f"!isLiteral(?v) || DATATYPE(?v) != <{datatype}>{well_formed}"))
    cls = shapes.value(prop, sh("class"))
    if cls is not None:
        instances = _instances(str(cls), subclasses, "?v").replace("?_c", "?_k")
        add("ClassConstraintComponent", f"Value does not have class {cls}",
            f"SELECT ?f ?v WHERE {{ {{ SELECT ?f ?v WHERE {{ ?f <{path}> ?v MINUS {{ {instances} }} }} }} {target} }}")
    listed = shapes.value(prop, sh("in"))
    if listed is not None:
        terms = [_nt(t) for t in Collection(shapes, listed)]
        add("InConstraintComponent", f"Value not in list {terms}",
            values("!(" + " || ".join(f"sameTerm(?v, {t})" for t in terms) + ")"))
    pattern = shapes.value(prop, sh("pattern"))
    if pattern is not None:
        flags = shapes.value(prop, sh("flags"))
        regex = f"REGEX(STR(?v), {_nt(pattern)}" + (f", {_nt(flags)})" if flags is not None else ")")
        add("PatternConstraintComponent", f"Value does not match pattern '{pattern}'", values(f"isBlank(?v) || !{regex}"))
    has = shapes.value(prop, sh("hasValue"))
    if has is not None:
        add("HasValueConstraintComponent", f"Node does not contain a value in the set: {has}",
            f"SELECT ?f WHERE {{ {target} MINUS {{ ?f <{path}> {_nt(has)} }} }}")
    languages = shapes.value(prop, sh("languageIn"))
    if languages is not None:
        add("LanguageInConstraintComponent", "Language not in list",
            values("!" + _language_in(shapes, languages)))
    kind = shapes.value(prop, sh("nodeKind"))
    if kind is not None:
        name = str(kind)[len(_SH):]
        if name not in _NODE_KINDS:
            raise Unsupported(f"shape {shape}: sh:nodeKind {kind} is not known")
        add("NodeKindConstraintComponent", f"Value is not of Node Kind {kind}", values(f"!{_NODE_KINDS[name]}"))
    qualified = shapes.value(prop, sh("qualifiedValueShape"))
    if qualified is not None:
        keys = {str(p)[len(_SH):] for p in shapes.predicates(qualified) if str(p).startswith(_SH)}
        if keys != {"languageIn"}:
            raise Unsupported(f"shape {shape}: sh:qualifiedValueShape is compiled only with sh:languageIn")
        fits = _language_in(shapes, shapes.value(qualified, sh("languageIn")))
        low, high = shapes.value(prop, sh("qualifiedMinCount")), shapes.value(prop, sh("qualifiedMaxCount"))
        if low is not None:
            add("QualifiedMinCountConstraintComponent", f"Focus node does not conform to shape (min {int(low)})",
                counted("<", int(low), fits))
        if high is not None:
            add("QualifiedMaxCountConstraintComponent", f"Focus node does not conform to shape (max {int(high)})",
                counted(">", int(high), fits))
    return out


def _language_in(shapes, languages) -> str:
    from rdflib.collection import Collection

    tags = [str(t) for t in Collection(shapes, languages)]
    return "(" + " || ".join(f'(isLiteral(?v) && langMatches(LANG(?v), "{t}"))' for t in tags) + ")"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def run_check(store, check: Check):
    """The violations of one check on a pyoxigraph store: ``(focus, value, component, message)`` as plain text."""
    # a build's store holds a graph per source and a shared one: the shapes hold for their union
    result = store.query(check.query, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    out = []
    for solution in result:
        value = solution["v"] if "v" in names else None
        out.append((solution["f"].value, None if value is None else value.value, check.component, check.message))
    return out
