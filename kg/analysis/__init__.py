"""Network analysis of departments: centrality, overlap, communities.

Each function takes the assignments of :func:`kg.networks.assignments` and
returns plain rows (lists of dicts), deterministic for the same graph.
"""

from .annotate import annotated_network
from .centrality import department_measures, role_counts
from .communities import detect_communities
from .overlap import department_overlap, document_overlap
from .trends import department_trends

__all__ = ["annotated_network", "department_measures", "role_counts", "detect_communities", "department_overlap",
           "document_overlap", "department_trends"]
