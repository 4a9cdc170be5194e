"""kg validate: the shapes as SPARQL give pySHACL's violations, on the build's store, with progress on a terminal."""

import shutil

import pytest
from click.testing import CliRunner

from kg.cli import main

KGO = "https://w3id.org/kg-gazette/ontology#"
ID = "https://w3id.org/kg-gazette/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"
TASK = f"{ID}eli/浙政办发-2017-72/task/2.1.1"
SPAN = f"{ID}source/7aa590abbcf7ef5b#char=10335,10344"
SOURCE = f"{ID}source/7aa590abbcf7ef5b"


def damaged(text: str) -> str:
    """The seed's graph.nt broken once for each kind of constraint the shapes use."""
    resp = f"<{TASK}/responsibility/1>"
    out = []
    for ln in text.splitlines(keepends=True):
        if ln.startswith(f"<{TASK}>") and ("qualifiedAssociation" in ln or "#source>" in ln):
            continue  # minCount
        if ln.startswith(resp + " <http://www.w3.org/ns/prov#hadRole>"):
            ln = f"{resp} <http://www.w3.org/ns/prov#hadRole> <{KGO}bossRole> .\n"  # in
        if ln.startswith(f"<{SOURCE}> <{KGO}sha256>"):
            ln = f'<{SOURCE}> <{KGO}sha256> "XYZ" .\n'  # pattern
        if ln.startswith(f"<{ID}eli/浙政办发-2017-72/targets> <http://purl.org/linked-data/cube#structure>"):
            ln = f"<{ID}eli/浙政办发-2017-72/targets> <http://purl.org/linked-data/cube#structure> <{KGO}other> .\n"
        out.append(ln)
        if ln.startswith(f"<{SPAN}> <{KGO}line>"):
            out.append(f'<{SPAN}> <{KGO}line> "142"^^<{XSD}integer> .\n')  # maxCount
            out.append(f'<{SPAN}> <{KGO}endLine> "x1"^^<{XSD}integer> .\n')  # datatype: not a well-formed integer
        if ln.startswith(f"<{ID}eli/浙政办发-2017-72> <http://data.europa.eu/eli/ontology#passed_by>"):
            out.append(f"<{ID}eli/浙政办发-2017-72> <http://data.europa.eu/eli/ontology#passed_by> <{SPAN}> .\n")  # class
    out.append(f'<{ID}org/zj-general-office> <http://www.w3.org/2004/02/skos/core#prefLabel> "又一个名字"@zh .\n')
    out.append(f"<{ID}span-without-fragment> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{KGO}SourceSpan> .\n")
    return "".join(out)


EXPECTED = {
    (f"{ID}eli/浙政办发-2017-72", "eli:passed_by", "ClassConstraintComponent", SPAN),
    (f"{ID}eli/浙政办发-2017-72/targets", "qb:structure", "HasValueConstraintComponent", None),
    (TASK, "kgo:source", "MinCountConstraintComponent", None),
    (TASK, "prov:qualifiedAssociation", "MinCountConstraintComponent", None),
    (f"{TASK}/responsibility/1", "prov:hadRole", "InConstraintComponent", f"{KGO}bossRole"),
    (f"{ID}org/zj-general-office", "skos:prefLabel", "QualifiedMaxCountConstraintComponent", None),
    (SPAN, "kgo:endLine", "DatatypeConstraintComponent", "x1"),
    (SPAN, "kgo:line", "MaxCountConstraintComponent", None),
    (SOURCE, "kgo:sha256", "PatternConstraintComponent", "XYZ"),
    (f"{ID}span-without-fragment", "", "PatternConstraintComponent", f"{ID}span-without-fragment"),
    *((f"{ID}span-without-fragment", p, "MinCountConstraintComponent", None)
      for p in ("kgo:line", "kgo:quote", "oa:hasSource")),
}


@pytest.fixture(scope="module")
def broken(built, tmp_path_factory):
    path = tmp_path_factory.mktemp("shacl") / "graph.nt"
    path.write_text(damaged((built / "graph.nt").read_text("utf-8")), encoding="utf-8")
    return path


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_both_engines_find_every_kind_of_violation(broken, engine):
    from kg.rdf.validate import validate

    conforms, violations, count = validate(broken, engine=engine)
    assert not conforms and count == len(broken.read_text("utf-8").splitlines())
    assert {(v.focus, v.path, v.component, v.value) for v in violations} == EXPECTED
    messages = {v.message for v in violations if v.focus == TASK}
    assert messages == {"a task has at least one responsible organisation", "a task has exactly one source"}


def test_the_built_store_is_what_is_validated(built, tmp_path):
    r = CliRunner().invoke(main, ["validate", "--graph", str(built)])
    assert r.exit_code == 0 and r.output == f"{built}: conforms (13217 triples)\n"
    changed = tmp_path / "changed"
    shutil.copytree(built, changed)
    with open(changed / "graph.nt", "a", encoding="utf-8") as f:
        f.write('<https://example.org/a> <https://example.org/b> "c" .\n')
    r = CliRunner().invoke(main, ["validate", "--graph", str(changed)])
    assert r.exit_code == 1 and r.output == (f"Error: {changed / 'graph.nt'} holds 13218 triples and the store 13217: "
                                             "one of them changed after kg build; run kg build again\n")
    r = CliRunner().invoke(main, ["validate", "--graph", str(changed), "--engine", "pyshacl"])
    assert r.exit_code == 0 and r.output == f"{changed}: conforms (13218 triples)\n"


def test_shapes_outside_the_compiled_part_go_to_pyshacl(built, tmp_path):
    shapes = tmp_path / "sparql-shapes.ttl"
    shapes.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix kgo: <https://w3id.org/kg-gazette/ontology#> .
        kgo:S a sh:NodeShape ; sh:targetClass kgo:Task ;
            sh:property [ sh:path ( kgo:inDocument kgo:jurisdiction ) ; sh:minCount 1 ] .""", encoding="utf-8")
    r = CliRunner().invoke(main, ["validate", "--graph", str(built), "--shapes", str(shapes), "--engine", "sparql"])
    assert r.exit_code == 1 and r.output == (f"Error: {shapes}: shape https://w3id.org/kg-gazette/ontology#S: a property "
                                             "path that is not one predicate is not compiled to SPARQL; validate with "
                                             "--engine pyshacl\n")
    r = CliRunner().invoke(main, ["validate", "--graph", str(built), "--shapes", str(shapes)])
    assert r.exit_code == 0 and r.output == f"{built}: conforms (13217 triples)\n"  # auto: pySHACL


def test_progress_shows_on_a_terminal_only(built):
    import io

    from kg.api import BuiltGraph
    from kg.progress import Progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen = Terminal()
    with Progress("validating", unit="checks", stream=screen) as bar:
        BuiltGraph(built).validate(progress=bar.update)
    last = screen.getvalue().split("\r")[-1].replace("\x1b[K", "")
    assert last.startswith("validating: ") and last.endswith(" checks (100%)\n")
    done, total = last.split(": ")[1].split(" ")[0].split("/")
    assert done == total and int(total) > 100
    r = CliRunner().invoke(main, ["validate", "--graph", str(built)])
    assert r.stderr == ""  # not a terminal: no progress at all
