"""SPARQL: the named queries, where they run (the embedded store or a server), and sharing a graph with servers."""
