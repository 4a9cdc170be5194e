"""Building: sources in, the graph, its report and its store out, all at once or not at all."""

from .build import BuildResult, build

__all__ = ["build", "BuildResult"]
