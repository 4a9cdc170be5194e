"""kg: a knowledge graph of Chinese policy entities from government gazettes.

Importing :mod:`kg` does no work: the extraction, graph and analysis modules are
imported by whoever needs them.
"""

from ._version import __version__

__all__ = ["__version__", "open_graph", "load_ipython_extension"]


def open_graph(out_dir="kg-out", endpoint=None, graph=None):
    """Open a built graph (or one on a SPARQL ``endpoint``) for notebooks: see :class:`kg.api.BuiltGraph`."""
    from .api import open_graph as _open

    return _open(out_dir, endpoint, graph)


def load_ipython_extension(ipython):
    """``%load_ext kg``: registers the ``%%sparql`` cell magic (see :mod:`kg.magic`)."""
    from .magic import load_ipython_extension as _load

    _load(ipython)
