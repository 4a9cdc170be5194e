"""What kg checks before a query reaches a SPARQL engine, and how long it lets one run.

Oxigraph parses and evaluates queries recursively, with no limit of its own:
measured here (oxigraph 0.5.13), a query nested 2 500 braces deep crashed the
embedded store (a segmentation fault, the whole Python process gone) and 700
deep aborted the ``oxigraph`` server (a stack overflow in a request thread
takes the server down), and so did a chain of 2 000 ``&&``, ``+`` or ``/``
operators, 2 000 ``UNION`` branches or 2 000 joined patterns. :func:`check_query`
refuses such shapes with one line before any engine sees them: brackets
(``{`` ``(`` ``[``) nested more than :data:`MAX_DEPTH` deep, or more than
:data:`MAX_CHAIN` operators and joins in one query. Brackets, operators and
``#`` inside strings, IRIs and comments do not count.

Examples
--------
>>> nesting_depth('SELECT * { ?s ?p "{{{" FILTER((1)) }  # {{{')
3
>>> chain_length("SELECT * { ?a <urn:p> ?b . ?b sdmx-measure:obsValue ?c FILTER(?c > 1 && ?c < 9) }")  # *, ., >, &&, <
5
>>> check_query("SELECT * WHERE " + "{ " * 3000 + "} " * 3000)
Traceback (most recent call last):
kg.errors.QueryError: the query nests brackets 3000 levels deep; kg runs at most 100 (deeper ones crash SPARQL engines)
"""

from __future__ import annotations

import re

from ..errors import QueryError

__all__ = ["MAX_DEPTH", "MAX_CHAIN", "DEFAULT_TIMEOUT", "nesting_depth", "chain_length", "check_query",
           "check_timeout"]

#: Deepest bracket nesting kg hands to an engine (kg's own queries nest at most 6 deep).
MAX_DEPTH = 100
#: Most operators and joins kg hands to an engine in one query (kg's own queries use at most 12).
MAX_CHAIN = 1000
#: Seconds a query may run, locally or on a server, unless told otherwise (``--timeout``; 0: no limit).
DEFAULT_TIMEOUT = 300.0

# One token at a time: what cannot hold structure is matched whole and skipped.
_TOKENS = re.compile(r"""
    (?P<skip>
        \#[^\n]*                                  # a comment
      | '''(?:[^'\\]|\\.|'(?!''))*'''             # long strings
      | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
      | '(?:[^'\\\n]|\\.)*'                       # short strings
      | "(?:[^"\\\n]|\\.)*"
      | <[^<>"{}|^`\\\x00-\x20]*>                 # an IRI
      | [?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+  # a variable
      | [\w][\w\-.]*(?::[\w\-.%:]*)?              # a keyword, prefixed name or number
      | :[\w\-.%:]*                               # a name in the empty prefix
      | \s+
    )
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<op>&&|\|\||!=|<=|>=|[!+\-*/=<>|^.])
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)
_JOINING_WORDS = frozenset({"UNION", "OPTIONAL", "MINUS"})


def _tokens(text: str):
    for m in _TOKENS.finditer(text):
        yield m.lastgroup, m.group()


def nesting_depth(text: str) -> int:
    """The deepest nesting of ``{``, ``(`` and ``[`` in a query, outside strings, IRIs and comments."""
    depth = deepest = 0
    for kind, _ in _tokens(text):
        if kind == "open":
            depth += 1
            deepest = max(deepest, depth)
        elif kind == "close":
            depth -= 1
    return deepest


def chain_length(text: str) -> int:
    """How many operators (``&&``, ``+``, ``/``, ``!``, ``=`` …), ``.`` joins, ``UNION``, ``OPTIONAL`` and ``MINUS``."""
    n = 0
    for kind, token in _tokens(text):
        if kind == "op" or (kind == "skip" and token.upper() in _JOINING_WORDS):
            n += 1
    return n


def check_query(text: str) -> str:
    """``text`` unchanged, or a :class:`~kg.errors.QueryError` if its shape could crash an engine."""
    depth = nesting_depth(text)
    if depth > MAX_DEPTH:
        raise QueryError(f"the query nests brackets {depth} levels deep; kg runs at most {MAX_DEPTH} "
                         "(deeper ones crash SPARQL engines)")
    chain = chain_length(text)
    if chain > MAX_CHAIN:
        raise QueryError(f"the query chains {chain} operators and joins; kg runs queries of at most {MAX_CHAIN} "
                         "(longer chains crash SPARQL engines)")
    return text


def check_timeout(timeout) -> float | None:
    """A timeout in seconds as given by a user, or ``None`` for no limit (``0`` and ``None`` mean none).

    Examples
    --------
    >>> check_timeout(None), check_timeout(0), check_timeout("2.5")
    (None, None, 2.5)
    >>> check_timeout(-1)
    Traceback (most recent call last):
    kg.errors.QueryError: a timeout is a number of seconds (0 for none), not -1
    """
    if timeout is None:
        return None
    try:
        value = float(timeout)
    except (TypeError, ValueError):
        value = -1.0
    if not value >= 0 or value == float("inf"):
        raise QueryError(f"a timeout is a number of seconds (0 for none), not {timeout!r}")
    return value or None
