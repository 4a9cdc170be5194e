"""Progress of long steps on standard error: a counted line, redrawn in place, only on a terminal.

A step that knows how much there is to do calls :class:`Progress`'s
``update(done, total)`` (the shape of every ``progress`` callback in kg); a
step that cannot count (one SPARQL query) runs inside :func:`ticking`, which
shows the seconds it has taken. When standard error is not a terminal (a pipe,
a log file, CI) nothing is written, so output stays clean and byte-stable.
"""

from __future__ import annotations

import sys
import threading
import time
from contextlib import contextmanager

__all__ = ["Progress", "ticking"]

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
    """Show ``label… N s`` on a terminal while the block runs (for a step that cannot count)."""
    stream = stream if stream is not None else sys.stderr
    if not _shown(stream):
        yield
        return
    stop = threading.Event()
    started = time.monotonic()

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
        if time.monotonic() - started >= every:
            stream.write("\r\x1b[K")
            stream.flush()
