"""Errors raised by kg.

Every error the package raises on purpose descends from :class:`KgError`, so a
caller (the CLI above all) can catch one type and show a one-line message.
"""

__all__ = ["KgError", "InputError", "ParseError", "QueryError", "ValidationError"]


class KgError(Exception):
    """Base class of every error raised by kg."""


class InputError(KgError):
    """A source file cannot be read: missing, empty, binary or undecodable.

    Parameters
    ----------
    path : str
        The file, as the user named it.
    message : str
        What is wrong and, where possible, what to do about it.
    line : int, optional
        The 1-based line where the problem is.

    Examples
    --------
    >>> str(InputError("a.txt", "file is empty"))
    'a.txt: file is empty'
    >>> str(InputError("a.txt", "bad byte", line=3))
    'a.txt:3: bad byte'
    """

    def __init__(self, path, message, line=None):
        self.path = str(path)
        self.line = line
        self.reason = message
        where = self.path if line is None else f"{self.path}:{line}"
        super().__init__(f"{where}: {message}")


class ParseError(KgError):
    """Text that a parser cannot make sense of, with its position.

    Examples
    --------
    >>> str(ParseError("unbalanced parenthesis", line=4, column=12))
    'unbalanced parenthesis at (4, 12)'
    """

    def __init__(self, message, line=None, column=None):
        self.line = line
        self.column = column
        if line is not None:
            message = f"{message} at ({line}, {column if column is not None else 0})"
        super().__init__(message)


class QueryError(KgError):
    """A SPARQL query that is unknown, malformed, or failed to run."""


class ValidationError(KgError):
    """A graph or a data table that breaks its declared shape."""
