"""Progress of long steps on standard error: a counted line, redrawn in place, only on a terminal.

A step that knows how much there is to do calls :class:`Progress`'s
``update(done, total)`` (the shape of every ``progress`` callback in kg); a
step that cannot count (one SPARQL query, the store's bulk load) runs inside
:func:`ticking`, which shows its label and the seconds it has taken. A job of
several steps (``kg build``, the façade's queries and measures) is given a
:class:`Steps`, which makes both on one stream; :data:`QUIET` shows nothing.
When standard error is not a terminal (a pipe, a log file, CI) nothing is
written, so output stays clean and byte-stable.
"""

from __future__ import annotations

import sys
import threading
import time
from contextlib import contextmanager

__all__ = ["Progress", "Steps", "QUIET", "ticking"]

#: The shortest time between two redraws, in seconds.
REDRAW = 0.1


def _shown(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """``label: done/total unit`` on ``stream`` (standard error), redrawn as ``update`` is called.

    Examples
    --------
    >>> import io
    >>> class Terminal(io.StringIO):
    ...     def isatty(self):
    ...         return True
    >>> t = Terminal()
    >>> with Progress("pushing", unit="triples", stream=t) as p:
    ...     p.update(50, 100)
    ...     p.update(100, 100)
    >>> t.getvalue().split("\\r")[-1].replace("\\x1b[K", "")
    'pushing: 100/100 triples (100%)\\n'
    >>> quiet = io.StringIO()                    # not a terminal: nothing at all
    >>> with Progress("pushing", stream=quiet) as p:
    ...     p.update(1, 2)
    >>> quiet.getvalue()
    ''
    """

    def __init__(self, label: str, total: int | None = None, unit: str = "", stream=None):
        self.label, self.total, self.unit = label, total, unit
        self.stream = stream if stream is not None else sys.stderr
        self.shown = _shown(self.stream)
        self.done = 0
        self._last = 0.0
        self._drawn = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc) -> None:
        if self._drawn:
            self._draw()
            self.stream.write("\n")
            self.stream.flush()

    def update(self, done: int, total: int | None = None) -> None:
        """``done`` of ``total`` (or of the total given before) are done."""
        self.done = done
        if total is not None:
            self.total = total
        now = time.monotonic()
        if self.shown and (now - self._last >= REDRAW or (self.total and done >= self.total)):
            self._last = now
            self._draw()

    def _draw(self) -> None:
        if not self.shown:
            return
        unit = f" {self.unit}" if self.unit else ""
        if self.total:
            text = f"{self.label}: {self.done}/{self.total}{unit} ({100 * self.done // self.total}%)"
        else:
            text = f"{self.label}: {self.done}{unit}"
        self.stream.write(f"\r{text}\x1b[K")
        self.stream.flush()
        self._drawn = True


@contextmanager
def ticking(label: str, stream=None, every: float = 1.0):
    """Show ``label…`` on a terminal while the block runs, with its seconds every ``every`` s; cleared after.

    Examples
    --------
    >>> import io
    >>> class Terminal(io.StringIO):
    ...     def isatty(self):
    ...         return True
    >>> t = Terminal()
    >>> with ticking("loading the store", t):
    ...     pass
    >>> t.getvalue()
    '\\rloading the store…\\x1b[K\\r\\x1b[K'
    """
    stream = stream if stream is not None else sys.stderr
    if not _shown(stream):
        yield
        return
    stop = threading.Event()
    started = time.monotonic()
    stream.write(f"\r{label}…\x1b[K")
    stream.flush()

    def tick():
        while not stop.wait(every):
            stream.write(f"\r{label}… {time.monotonic() - started:.0f} s\x1b[K")
            stream.flush()

    thread = threading.Thread(target=tick, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
        stream.write("\r\x1b[K")
        stream.flush()


class _Nowhere:
    """A stream that is no terminal and keeps nothing."""

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


class Steps:
    """The progress of a job of several steps, on ``stream`` (standard error) when it is a terminal.

    ``counting(label, unit)`` is a :class:`Progress` for a step that counts,
    ``waiting(label)`` a :func:`ticking` block for one that cannot, and
    ``say(text)`` a line for a step that only names itself (a push's phases).

    Examples
    --------
    >>> import io
    >>> class Terminal(io.StringIO):
    ...     def isatty(self):
    ...         return True
    >>> t = Terminal()
    >>> steps = Steps(t)
    >>> with steps.counting("parsing", "files") as bar:
    ...     bar.update(2, 2)
    >>> steps.say("uploading 3 triples")
    >>> t.getvalue().replace("\\x1b[K", "").split("\\r")[-1]
    'uploading 3 triples\\n'
    >>> QUIET.say("nothing"), Steps(io.StringIO()).say("nothing")   # not a terminal: nothing is written
    (None, None)
    """

    def __init__(self, stream=None):
        self.stream = stream if stream is not None else sys.stderr

    def counting(self, label: str, unit: str = "") -> Progress:
        return Progress(label, unit=unit, stream=self.stream)

    def waiting(self, label: str):
        return ticking(label, self.stream)

    def say(self, text: str) -> None:
        if _shown(self.stream):
            self.stream.write(f"\r{text}\x1b[K\n")
            self.stream.flush()


#: Steps that show nothing: the default of the library's long steps when no one is watching.
QUIET = Steps(_Nowhere())
