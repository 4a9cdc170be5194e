"""Errors raised by kg.

Every error the package raises on purpose descends from :class:`KgError`, so a
caller (the CLI above all) can catch one type and show a one-line message.
"""

__all__ = ["KgError", "InputError", "ParseError", "QueryError", "ValidationError", "ServerError", "MissingExtra",
           "KeywordError", "check_keywords", "option", "EXIT_EMPTY"]

#: The exit status of a table command that found no rows, under ``--fail-empty`` (errors exit with 1, usage with 2).
EXIT_EMPTY = 3

_MARK, _SPLIT = "\x1e", "\x1f"


def option(cli: str, python: str) -> str:
    """A parameter as an error names it: ``cli`` on the command line, ``python`` in Python.

    The same library error reads ``--as-of YEAR`` in a terminal and
    ``as_of=YEAR`` in a notebook: ``str(error)`` gives the Python form,
    :meth:`KgError.for_command_line` the other.

    Examples
    --------
    >>> e = KgError(f"the ego view needs {option('--department NAME', 'department=NAME')}")
    >>> str(e), e.for_command_line()
    ('the ego view needs department=NAME', 'the ego view needs --department NAME')
    """
    return f"{_MARK}{cli}{_SPLIT}{python}{_MARK}"


def _render(text: str, side: int) -> str:
    parts = text.split(_MARK)
    return "".join(p.split(_SPLIT)[side] if i % 2 else p for i, p in enumerate(parts))


class KgError(Exception):
    """Base class of every error raised by kg.

    Its message may name parameters both ways (:func:`option`): ``str()`` is
    the Python reading, :meth:`for_command_line` the command line's.
    """

    def __str__(self) -> str:
        return _render(super().__str__(), 1)

    def for_command_line(self) -> str:
        """The message as the command line says it (``--as-of YEAR``, ``kg query --list``)."""
        return _render(super().__str__(), 0)


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


class ServerError(KgError):
    """A SPARQL server answered with an HTTP error; ``status`` is its code (403, 404 …)."""

    def __init__(self, message, status: int | None = None):
        self.status = status
        super().__init__(message)


class MissingExtra(KgError):
    """A feature needs a package of an optional extra that is not installed.

    Examples
    --------
    >>> str(MissingExtra("kg figure", "matplotlib", "figures"))
    "kg figure needs matplotlib, which is not installed; pip install 'kg-gazette[figures]' (or pip install -e '.[figures]' in a checkout)"
    """

    def __init__(self, what: str, module: str, extra: str):
        self.module, self.extra = module, extra
        super().__init__(f"{what} needs {module}, which is not installed; pip install 'kg-gazette[{extra}]' "
                         f"(or pip install -e '.[{extra}]' in a checkout)")


class KeywordError(KgError, TypeError):
    """A keyword a method of kg's Python API does not take; the message names the ones it does.

    A :class:`TypeError` too, as Python's own error for a wrong keyword is.
    """


def check_keywords(cls):
    """Make each public method of ``cls`` refuse a wrong keyword by listing its keywords (:class:`KeywordError`).

    Python's own error names the wrong keyword only; a researcher who typed
    ``yr=`` wants to see ``year``. Methods taking ``**keywords`` check their
    own (a query's parameters).

    Examples
    --------
    >>> @check_keywords
    ... class Graph:
    ...     def centrality(self, document=None, year=None, as_of=None):
    ...         return year
    >>> Graph().centrality(year=2017)
    2017
    >>> Graph().centrality(yr=2017)
    Traceback (most recent call last):
    kg.errors.KeywordError: centrality() takes no keyword 'yr'; its keywords: document, year, as_of
    """
    import functools
    import inspect

    def checked(name, fn):
        parameters = list(inspect.signature(fn).parameters.values())[1:]  # not self
        if any(p.kind is p.VAR_KEYWORD for p in parameters):
            return fn
        known = [p.name for p in parameters if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]

        @functools.wraps(fn)
        def method(self, *args, **keywords):
            wrong = [k for k in keywords if k not in known]
            if wrong:
                raise KeywordError(f"{name}() takes no keyword {wrong[0]!r}; its keywords: "
                                   + (", ".join(known) or "none"))
            return fn(self, *args, **keywords)

        return method

    for name, fn in list(vars(cls).items()):
        if not name.startswith("_") and inspect.isfunction(fn):
            setattr(cls, name, checked(name, fn))
    return cls
