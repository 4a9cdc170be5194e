"""A worker process for the embedded store, so that a query can be stopped: by its deadline or by Ctrl-C.

pyoxigraph cannot cancel a query: ``Store.query`` releases the GIL and runs
in Rust until it is done, and Python's signal handlers only run after it
returns (measured: a cartesian product on the seed, Ctrl-C sent after 2 s,
``KeyboardInterrupt`` raised after 67 s). So the store is opened, and every
query run, in a child process; the parent waits for the answer with a
deadline and, on timeout or Ctrl-C, kills the child, which frees its cores at
once. The next query starts a new child.

The child is a new Python process (``python -c``, about 0.15 s to start
and open the store), not a fork: a fork would inherit the parent's threads
and locks (RocksDB's among them), and multiprocessing's spawn and fork
server would run the user's ``__main__`` script again in the child. A child
that dies (a crash in the engine) is reported as one line; the kernel stops
it if the parent dies (``PR_SET_PDEATHSIG`` on Linux).

Examples
--------
>>> import operator
>>> w = Worker(_echo_state, ("state",))
>>> w.call(operator.add, "ful", timeout=30)
'stateful'
>>> w.close(); w.alive()
False
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import weakref
from multiprocessing.connection import Connection
from pathlib import Path

from ..errors import KgError, QueryError

__all__ = ["Worker", "die_with_parent"]

_CHILD = "import sys; from kg.sparql.worker import _main; _main(int(sys.argv[1]))"


def _echo_state(value):
    """A setup for the doctest: the state is the value itself."""
    return value


def die_with_parent(sig: int = signal.SIGKILL) -> None:
    """Have the kernel send ``sig`` to this process when its parent dies (Linux; elsewhere nothing)."""
    import ctypes
    import sys

    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, int(sig), 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass


def _main(fd: int) -> None:
    """The child's entry point: serve the connection on file descriptor ``fd``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides; Ctrl-C reaches the whole process group
    die_with_parent()
    conn = Connection(fd)
    try:
        setup, args = conn.recv()
    except EOFError:
        return
    _serve(conn, setup, args)


def _serve(conn, setup, args):
    """The child's loop: ``state = setup(*args)``, then answer ``(function, payload)`` requests until ``None``."""
    try:
        state = setup(*args)
    except KgError as exc:
        conn.send(("error", str(exc)))
        return
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        function, payload = job
        try:
            conn.send(("ok", function(state, payload)))
        except KgError as exc:
            conn.send(("error", str(exc)))


class Worker:
    """One child process holding ``setup(*args)`` (the open store), answering calls with a deadline.

    Parameters
    ----------
    setup : callable
        Run once in the child; its result is the ``state`` every call gets.
        A :class:`~kg.errors.KgError` it raises is raised by the first call.
    args : tuple
        Picklable arguments of ``setup``.
    """

    def __init__(self, setup, args=()):
        self.setup, self.args = setup, tuple(args)
        self._proc = self._conn = None
        self._finalizer = None

    def __repr__(self) -> str:
        return f"Worker({self.setup.__name__}, pid={self._proc.pid if self.alive() else None})"

    def alive(self) -> bool:
        """Whether the child is running."""
        return self._proc is not None and self._proc.poll() is None

    def _start(self):
        ours, theirs = socket.socketpair()
        package_root = str(Path(__file__).resolve().parents[2])  # so the child imports this kg
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")])))
        try:
            proc = subprocess.Popen([sys.executable, "-c", _CHILD, str(theirs.fileno())], pass_fds=[theirs.fileno()],
                                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, env=env)
        finally:
            theirs.close()
        conn = Connection(ours.detach())
        self._proc, self._conn = proc, conn
        self._finalizer = weakref.finalize(self, _kill, proc, conn)
        conn.send((self.setup, self.args))
        status, value = self._receive(None, "starting")
        if status == "error":  # the setup's own error (the store cannot be opened), as it said it
            self.close()
            raise KgError(value)

    def _receive(self, timeout, doing):
        try:
            if not self._conn.poll(timeout):
                self.close()
                raise QueryError(f"the query ran longer than the timeout ({timeout:g} s) and was stopped; "
                                 "give a longer --timeout (0: none) or a narrower query")
            return self._conn.recv()
        except (EOFError, OSError, ConnectionError):
            try:
                code = self._proc.wait(10) if self._proc is not None else None
            except subprocess.TimeoutExpired:
                code = None
            self.close()
            how = f"signal {-code}" if code is not None and code < 0 else f"exit status {code}"
            raise QueryError(f"the SPARQL engine crashed while {doing} ({how})") from None
        except BaseException:  # Ctrl-C (KeyboardInterrupt) or any other interruption: stop the query
            self.close()
            raise

    def call(self, function, payload, timeout: float | None = None):
        """``function(state, payload)`` in the child; waits at most ``timeout`` seconds (``None``: no limit)."""
        if not self.alive():
            self.close()
            self._start()
        try:
            self._conn.send((function, payload))
        except (OSError, ConnectionError):
            self.close()
            raise QueryError("the SPARQL engine stopped unexpectedly; run the query again") from None
        status, value = self._receive(timeout, "running the query")
        if status == "error":
            raise QueryError(value)
        return value

    def close(self) -> None:
        """Stop the child at once (a running query is abandoned)."""
        if self._finalizer is not None:
            self._finalizer()
        self._proc = self._conn = self._finalizer = None


def _kill(proc, conn) -> None:
    try:
        conn.close()
    except OSError:
        pass
    if proc.poll() is None:
        proc.kill()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        pass
