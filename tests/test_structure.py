"""The package's promises about itself: a light command line, work done once, and a README that covers it all."""

import json
import re
import subprocess
import sys
from pathlib import Path

import click
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_help_imports_no_heavy_library():
    code = ("import sys; from kg.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "import json; print(json.dumps(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loaded = set(json.loads(out.splitlines()[-1]))
    heavy = {"rdflib", "pyvis", "pandas", "networkx", "pyoxigraph", "igraph", "matplotlib", "opencc", "pyshacl"}
    assert loaded & heavy == set()


def test_centrality_reads_assignments_once_and_builds_each_network_once(built, monkeypatch):
    import kg.analysis.assignments as assignments
    import kg.analysis.networks as networks

    calls = {"assignments": 0, "networks": []}
    real_load, real_build = assignments.load_assignments, networks.build_network

    def load(backend):
        calls["assignments"] += 1
        return real_load(backend)

    def build(kind, *args, **kwargs):
        calls["networks"].append(kind)
        return real_build(kind, *args, **kwargs)

    monkeypatch.setattr(assignments, "load_assignments", load)
    monkeypatch.setattr(networks, "build_network", build)
    r = CliRunner().invoke(main, ["centrality", "--out", str(built), "--top", "1"])
    assert r.exit_code == 0, r.output
    assert calls == {"assignments": 1, "networks": ["co-responsibility", "lead"]}
    calls.update(assignments=0, networks=[])
    r = CliRunner().invoke(main, ["html", "--out", str(built), "--view", "ego", "--department", "省质监局",
                                  "-o", str(built.parent / "ego.html")])
    assert r.exit_code == 0, r.output
    assert calls == {"assignments": 1, "networks": ["co-responsibility", "lead"]}


def _commands(group, prefix=()):
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))
        else:
            yield " ".join((*prefix, name))


def test_readme_names_every_command_query_and_notice():
    from kg.sparql.queries import named_queries
    from kg.vocabulary import NoticeCode

    readme = (ROOT / "README.md").read_text("utf-8")
    missing = [f"kg {c}" for c in _commands(main) if not re.search(rf"`kg {re.escape(c)}[ `]", readme)]
    missing += [f"query {q}" for q in named_queries() if f"`{q}`" not in readme]
    missing += [f"notice {c.value}" for c in NoticeCode if f"`{c.value}`" not in readme]
    assert missing == []
