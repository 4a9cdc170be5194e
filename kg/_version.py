"""The version of kg, in one place (the package face and the build's cache key read it)."""

__version__ = "0.1.0"
