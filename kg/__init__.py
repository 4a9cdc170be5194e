"""kg: a knowledge graph of Chinese policy entities from government gazettes.

Importing :mod:`kg` does no work: the extraction, graph and analysis modules are
imported by whoever needs them.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
