"""The README's tour, run as a newcomer would: every command of its shell blocks, its exit status and first line.

The commands are read from the README itself, so the tour cannot drift from
what kg does. They run in a fresh folder holding a copy of ``data/``, in the
order the README gives them, after ``kg build``. A command the tour cannot run
here (it names a folder of your own, or a server) is listed in :data:`ELSEWHERE`
with the reason, and the test fails if the README gains a command it does not
know.
"""

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
#: The sections whose ``sh`` blocks are the tour.
SECTIONS = ("## A tour of the outputs", "## Analysis: who leads, who sits at the centre",
            "## Sharing: HTML that opens offline")
#: Commands the tour shows that need what a test folder does not have.
ELSEWHERE = {
    "kg build gazettes/ --out zj-kg": "a folder of your own issues",
}
#: The first line each command prints (stdout, or the one-line error), by the command as the README writes it;
#: a table's padding is read as one space, since its widths follow its content.
FIRST_LINES = {
    "kg build": "built kg-out/: 1 issue(s), 4 documents, 26 tasks, 13217 triples in ",
    "kg validate": "kg-out: conforms (13217 triples)",
    "kg query --list": "name title params columns",
    "kg query tasks --format csv": "doc_number,task,department,mention,role",
    "kg query targets --json": "[",
    "kg query tasks_of_department --param department=质监局": "doc_number task title role mention",
    "kg query tasks -o tasks.xlsx": "wrote tasks.xlsx: 178 rows",
    "kg query my-question.rq": "n",
    "kg extract data/ --format table": "data/zhejiang-gazette-2017-24.txt: 浙江省人民政府公报 2017年第24期(总第1173期)",
    "kg extract data/ --csv": "file,doc_number,task,title,department,mention,role,line",
    "python build_graph.py": "built kg-out/: 1 issue(s), 4 documents, 26 tasks, 13217 triples in ",
    "kg centrality --top 10": "short tasks_led tasks_participant tasks_overall_lead",
    "kg centrality --document 浙政办发〔2017〕72号 --json": "[",
    "kg centrality --year 2017 --as-of 2019": "short tasks_led tasks_participant tasks_overall_lead",
    "kg overlap --top 5": "a b shared a_size b_size jaccard overlap",
    "kg overlap --between documents": "a b shared a_size b_size jaccard overlap",
    "kg communities": "community size departments",
    "kg export-network --kind co-responsibility --format graphml -o departments.graphml":
        "wrote departments.graphml: 38 nodes, 327 edges",
    "kg export-network --kind bipartite --format gexf -o tasks.gexf": "wrote tasks.gexf: 64 nodes, 173 edges",
    "kg export-network --kind lead --format csv -o lead.csv": "wrote lead.csv, lead.nodes.csv: 38 nodes, ",
    "kg html --view departments -o departments.html": "wrote departments.html: 38 nodes, 327 edges",
    "kg html --view matrix --document 浙政办发〔2017〕72号 -o matrix.html": "wrote matrix.html: 26 tasks × ",
    "kg html --view matrix --year 2017 -o matrix-2017.html": "wrote matrix-2017.html: 26 tasks × ",
    "kg html --view document --document 浙政办发〔2017〕72号 -o doc.html": "wrote doc.html: ",
    "kg html --view ego --department 省质监局 -o ego.html": "wrote ego.html: ",
    "kg html --view industries -o industries.html": "wrote industries.html: ",
    "kg html --lang en -o departments-en.html": "wrote departments-en.html: 38 nodes, 327 edges",
    "kg figure -o departments.svg": "wrote departments.svg",
    "kg trends --as-of 2019 --plot trends.svg": "wrote trends.svg",
    "kg centrality --top 20 --plot ranking.pdf": "wrote ranking.pdf",
}


def tour_commands() -> list[str]:
    """The commands of the tour's shell blocks, as written (comments dropped), in order."""
    text = (ROOT / "README.md").read_text("utf-8")
    out = []
    for heading in SECTIONS:
        assert heading in text, heading
        section = text.split(heading, 1)[1].split("\n## ", 1)[0]
        for block in re.findall(r"```sh\n(.*?)```", section, re.S):
            for line in block.splitlines():
                command = line.split("  #", 1)[0].strip()
                if command:
                    out.append(command)
    return out


def test_every_tour_command_is_known():
    unknown = [c for c in tour_commands() if c not in FIRST_LINES and c not in ELSEWHERE]
    assert unknown == []


def _run(command: str):
    """``(exit status, output)`` of one tour command, as a shell would run it here."""
    words = shlex.split(command)
    if words[0] == "python":
        done = subprocess.run([sys.executable, str(ROOT / words[1]), *words[2:]], capture_output=True, text=True)
        return done.returncode, done.stdout + done.stderr
    r = CliRunner().invoke(main, words[1:])
    if r.exception and not isinstance(r.exception, SystemExit):
        raise r.exception
    return r.exit_code, r.stdout or r.output


@pytest.mark.skipif(shutil.which("chromium") is None and os.environ.get("CI") != "true",
                    reason="the figures need a CJK font (fonts-wqy-zenhei), which CI installs with chromium")
def test_the_tour_runs_end_to_end(tmp_path, monkeypatch):
    pytest.importorskip("matplotlib")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "my-question.rq").write_text("SELECT ?n WHERE { ?d eli:id_local ?n ; kgo:publishedIn ?i } "
                                             "ORDER BY ?n\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    seen = []
    for command in tour_commands():
        if command in ELSEWHERE:
            continue
        status, output = _run(command)
        first = " ".join(output.splitlines()[0].split()) if output else ""
        seen.append((command, status, first))
        assert status == 0, (command, output)
        assert first.startswith(FIRST_LINES[command]), (command, first)
    assert len(seen) == len(FIRST_LINES)
    assert (tmp_path / "tasks.xlsx").read_bytes()[:2] == b"PK"


def test_the_readme_quotes_the_sample_as_kg_counts_it(built):
    from kg.api import BuiltGraph

    text = " ".join((ROOT / "README.md").read_text("utf-8").split())
    with BuiltGraph(built) as g:
        rows = {r["short"]: r for r in g.centrality().records()}
        pairs = g.overlap().records()
    quality = rows["省质监局"]
    led, joined, total = quality["tasks_led"], quality["tasks_participant"], quality["tasks_total"]
    assert (led, joined, total) == (16, 6, 22)
    assert f"省质监局 leads {led} tasks and takes part in {joined} more, {total} in all" in text
    assert f"省质监局 leads {led} of the 26 tasks and takes part in {joined} more ({total} in all)" in text
    assert f"({quality['closeness']:.2f} for 省质监局 on the sample)" in text  # the closeness the README explains
    assert {pairs[0]["a"], pairs[0]["b"]} == {"省质监局", "省经信委"} and pairs[0]["shared"] == 17
    assert "the strongest pair is 省质监局–省经信委 with 17 shared tasks" in text
    assert f"(on the sample {len(rows)} departments, not 39)" in text
