"""Build the knowledge graph: the same as ``kg build`` (run ``python build_graph.py --help``)."""

import sys

from kg.cli import main

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]], prog_name="build_graph.py"))
