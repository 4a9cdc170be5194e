"""``kg serve``: the ``oxigraph`` server over a build's store, run as a child that never outlives kg.

What kg does for the server it runs:

- the port is checked before the server starts, and a server that cannot
  listen is reported in one line (the server's own message is a Rust panic);
- SIGTERM, SIGHUP and SIGINT sent to kg are passed on to the server, which
  kg then waits for; the kernel stops the server if kg itself is killed
  (``PR_SET_PDEATHSIG`` on Linux), so it is never left running;
- queries are stopped after ``timeout`` seconds (the server's ``--timeout-s``),
  as far as the server checks its clock: measured, it cancelled a two-way
  cartesian COUNT on the seed after 1.0 s of a 1 s timeout, a three-way one
  only after 59 s, and let a query with a huge OFFSET run 70 s to its end;
- the server's threads get 256 MiB stacks (``RUST_MIN_STACK``): with the
  default 2 MiB, one query nested 700 braces deep, or chaining 2 000 ``&&``
  or ``UNION``, aborted the whole server (measured, oxigraph 0.5.13); with
  256 MiB, 3 000-deep and 10 000-long ones are answered;
- if the server dies anyway (a crash in the engine), it is restarted, at
  most :data:`RESTARTS` times a minute, each time with one line on stderr.

What kg cannot do: the queries go straight to the oxigraph server, so kg
cannot check their shape as it does for its own (:mod:`kg.sparql.guard`);
a query deep enough for 256 MiB (hundreds of kilobytes of brackets) still
stops the server until kg restarts it, and the other queries running at
that moment fail.
"""

from __future__ import annotations

import collections
import errno
import os
import signal
import socket
import subprocess
import threading
import time

from ..errors import KgError
from .guard import DEFAULT_TIMEOUT

__all__ = ["serve", "check_port", "RESTARTS", "STACK_BYTES"]

#: Restarts of a crashed server allowed within a minute before kg gives up.
RESTARTS = 3
#: Stack size of the server's threads.
STACK_BYTES = 256 << 20
_STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)


def check_port(host: str, port: int) -> None:
    """A one-line :class:`~kg.errors.KgError` unless ``host:port`` is free to listen on."""
    if not 0 < port < 65536:
        raise KgError(f"--port {port} is not a port number (1-65535)")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise KgError(f"cannot listen on {host}: no such address ({exc.strerror})") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        try:
            s.bind(address)
        except OSError as exc:
            raise KgError(_bind_message(host, port, exc.errno, exc.strerror)) from None


def _bind_message(host, port, code, text) -> str:
    if code == errno.EADDRINUSE:
        return f"port {port} on {host} is already in use (another kg serve?); choose another with --port"
    if code == errno.EACCES:
        return f"not allowed to listen on port {port} (ports below 1024 need privileges); choose another with --port"
    if code == errno.EADDRNOTAVAIL:
        return f"cannot listen on {host}: not an address of this machine"
    return f"cannot listen on {host}:{port} ({text})"


class _Child:
    """The oxigraph process, with the last lines it wrote to stderr."""

    def __init__(self, command, env):
        from .worker import die_with_parent

        self.lines = collections.deque(maxlen=40)
        self.listening = threading.Event()
        self.proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, env=env,
                                     preexec_fn=lambda: die_with_parent(signal.SIGTERM))
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for raw in self.proc.stderr:
            line = raw.decode("utf-8", "replace").rstrip()
            if line:
                self.lines.append(line)
                if line.startswith("Listening for requests"):
                    self.listening.set()

    def failure(self, host, port) -> str:
        """The child's death in one line."""
        text = "\n".join(self.lines)
        code = self.proc.returncode
        if "Address already in use" in text or "AddrInUse" in text:
            return _bind_message(host, port, errno.EADDRINUSE, "")
        if "stack overflow" in text or "overflowed its stack" in text:
            return "the oxigraph server overflowed its stack on a query (too deeply nested)"
        how = f"signal {-code}" if code is not None and code < 0 else f"exit status {code}"
        last = next((line for line in reversed(self.lines) if "panicked" in line or "fatal" in line.lower()
                     or line.startswith(("error", "Error"))), "")
        return f"the oxigraph server stopped ({how})" + (f": {last[:200]}" if last else "")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def serve(out_dir, host: str = "127.0.0.1", port: int = 7878, timeout: float | None = DEFAULT_TIMEOUT,
          echo=print) -> int:
    """Serve a build's store read-only on ``host:port`` until a stop signal; return the exit status.

    ``echo(text)`` hears the address once the server listens and each
    restart. Raises :class:`~kg.errors.KgError` (one line) if the server
    cannot start or keeps dying.
    """
    from .remote import serve_command

    command = serve_command(out_dir, host, port, timeout)
    check_port(host, port)
    env = dict(os.environ, RUST_MIN_STACK=str(STACK_BYTES))
    stopping: list[int] = []
    child: _Child | None = None

    def forward(signum, _frame):
        stopping.append(signum)
        if child is not None and child.proc.poll() is None:
            child.proc.send_signal(signal.SIGTERM)

    main_thread = threading.current_thread() is threading.main_thread()  # only there can handlers be set
    previous = {s: signal.signal(s, forward) for s in _STOP_SIGNALS} if main_thread else {}
    crashes: collections.deque = collections.deque()
    try:
        while not stopping:
            child = _Child(command, env)
            while not stopping and child.proc.poll() is None and not child.listening.wait(0.1):
                pass
            if child.listening.is_set():
                echo(f"SPARQL endpoint: http://{host}:{port}/query  (read-only: kg push needs a writable server; "
                     "Ctrl-C to stop)" if not crashes else f"restarted the oxigraph server on http://{host}:{port}/query")
            code = _wait(child.proc)
            if stopping:
                break
            if not child.listening.is_set() or code is None or code >= 0:
                raise KgError(child.failure(host, port))
            now = time.monotonic()
            crashes.append(now)
            while crashes and now - crashes[0] > 60:
                crashes.popleft()
            if len(crashes) > RESTARTS:
                raise KgError(f"{child.failure(host, port)}, {len(crashes)} times in a minute; not restarting")
            echo(f"{child.failure(host, port)}; restarting it")
        return 0
    finally:
        if child is not None:
            child.stop()
        for s, handler in previous.items():
            signal.signal(s, handler)


def _wait(proc) -> int | None:
    """Wait for the child; signals sent to kg run their handlers meanwhile."""
    while True:
        try:
            return proc.wait()
        except KeyboardInterrupt:  # a handler installed by someone else; ours forwards instead
            proc.send_signal(signal.SIGTERM)
