"""The notebook runs headless, and the %%sparql magic works in IPython."""

from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "explore.ipynb"


def test_explore_notebook_runs_without_errors():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs)
    assert "1 issue" in text and "modularity" in text
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the bar chart
    assert any("<iframe" in o.get("data", {}).get("text/html", "") for o in outputs)  # the network
    assert "IFrame" not in text and "Warning" not in text  # IPython's HTML warns about an <iframe>: kg.share.html.Frame


def test_sparql_magic_shows_and_stores(built):
    pytest.importorskip("IPython")
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    shell.run_line_magic("load_ext", "kg")
    frame = shell.run_cell_magic("sparql", f"--out {built} -o docs",
                                 "SELECT ?n WHERE { ?d eli:id_local ?n ; kgo:publishedIn ?i } ORDER BY ?n")
    assert list(frame["n"]) == ["浙政办发〔2017〕72号", "浙政办发〔2017〕76号", "浙政办发〔2017〕81号",
                                "浙政办发〔2017〕87号"]
    assert shell.user_ns["docs"] is frame
    with_param = shell.run_cell_magic("sparql", f"--out {built} --param department=省质监局",
                                      "# param: department zh\n"
                                      "SELECT (COUNT(*) AS ?n) WHERE { ?o skos:altLabel ?department . ?t kgo:lead ?o }")
    assert with_param["n"][0] == 16
    assert shell.run_cell_magic("sparql", f"--out {built}", "SELECT ?x WHERE {") is None  # one-line error, printed
