"""Analysis of the graph's assignments: networks, centrality, overlap, communities, trends.

Assignments are read once (:mod:`.assignments`); every other module here is
pure: rows and networks in, plain rows (lists of dicts) out, deterministic for
the same graph.
"""
