"""Throw-away Virtuoso and Jena TDB2 stores on loopback, for the store tests and benchmarks/bench_stores.py.

Virtuoso: Debian's ``virtuoso-opensource-7-bin`` (``virtuoso-t``, ``isql-vt``),
a private database in a temporary folder, listening on 127.0.0.1 only, with
the settings Debian's ini gets wrong for this use (see ``virtuoso.ini.in``
beside this file). Jena: Debian's ``libapache-jena-java`` (4.5.0), whose jars
come with no launch scripts: :class:`Jena` builds the class path, plus a
small jar that fixes a packaging bug (every Jena command otherwise dies at
start-up with ``ExceptionInInitializerError … XSSimpleTypeDecl.applyFacets1``:
Debian moved the shaded Xerces classes to ``xerces.*`` but left their message
bundles under ``org/apache/jena/ext/xerces/``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

from .servers import free_port, wait_http

HERE = Path(__file__).resolve().parent
JAVA_LIB = Path("/usr/share/java")


def missing(what: str) -> str | None:
    """Why ``what`` (``virtuoso`` or ``jena``) cannot run here, or ``None``."""
    if what == "virtuoso":
        absent = [b for b in ("virtuoso-t", "isql-vt") if not shutil.which(b)]
        return f"{', '.join(absent)} not installed (apt-get install virtuoso-opensource-7-bin)" if absent else None
    if not shutil.which("java") or not (JAVA_LIB / "jena-core.jar").exists():
        return "Jena is not installed (apt-get install libapache-jena-java)"
    return None


class Virtuoso:
    """A private Virtuoso 7 server: ``start()``, ``isql(sql)``, ``bulk_load(folder, pattern, graph)``, ``stop()``."""

    def __init__(self, folder: Path, load_dir: Path):
        self.dir, self.load_dir = Path(folder), Path(load_dir)
        self.http_port, self.sql_port = free_port(), free_port()
        self.proc = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    def start(self) -> "Virtuoso":
        """Start the server and wait until it answers; a server that fails to get there is stopped."""
        try:
            return self._start()
        except BaseException:
            self.stop()
            if self.proc is not None and self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
            raise

    def _start(self) -> "Virtuoso":
        (self.dir / "vsp").mkdir(parents=True, exist_ok=True)
        self.load_dir.mkdir(parents=True, exist_ok=True)
        ini = (HERE / "virtuoso.ini.in").read_text()
        for key, value in {"DIR": self.dir, "SQLPORT": self.sql_port, "HTTPPORT": self.http_port,
                           "DATADIR": self.load_dir}.items():
            ini = ini.replace(f"@{key}@", str(value))
        (self.dir / "virtuoso.ini").write_text(ini)
        self.proc = subprocess.Popen(["virtuoso-t", "+foreground", "+configfile", str(self.dir / "virtuoso.ini")],
                                     cwd=self.dir, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while True:  # the SQL port first: the HTTP one answers a little later
            if self.proc.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited with {self.proc.returncode}: "
                                   + (self.dir / "virtuoso.log").read_text(errors="replace")[-600:])
            if subprocess.run(self._isql("select 1;"), capture_output=True, timeout=30).returncode == 0:
                break
            if time.monotonic() > deadline:
                raise RuntimeError("virtuoso did not start in 120 s")
            time.sleep(0.2)
        wait_http(f"{self.url}/sparql?query=ASK%7B%7D", 120, self.proc)
        # anonymous SPARQL Update and Graph Store writes: acceptable on loopback only
        try:
            self.isql('grant SPARQL_UPDATE to "SPARQL";')
        except RuntimeError as exc:  # a database made before
            if "already have role" not in str(exc):
                raise
        return self

    def _isql(self, sql: str) -> list[str]:
        return ["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={sql}"]

    def isql(self, sql: str) -> str:
        r = subprocess.run(self._isql(sql), capture_output=True, text=True, timeout=1800)
        if r.returncode or "*** Error" in r.stdout + r.stderr:
            raise RuntimeError(f"isql: {sql[:200]}: {(r.stdout + r.stderr)[-800:]}")
        return r.stdout

    def bulk_load(self, folder: Path, pattern: str, graph: str) -> None:
        """``ld_dir`` + ``rdf_loader_run``; fails if any file has an error (Virtuoso then keeps a partial load)."""
        folder = Path(folder).resolve()
        self.isql(f"DELETE FROM DB.DBA.load_list WHERE ll_file LIKE '{folder}/%'; "
                  f"ld_dir('{folder}', '{pattern}', '{graph}'); rdf_loader_run(); checkpoint;")
        errors = self.isql(f"SELECT ll_file, ll_error FROM DB.DBA.load_list WHERE ll_file LIKE '{folder}/%' "
                           "AND ll_error IS NOT NULL;")
        if f"{folder}/" in errors:
            raise RuntimeError(f"bulk load errors: {errors}")

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        subprocess.run(self._isql("shutdown;"), capture_output=True, timeout=60)  # checkpoint, then exit
        try:
            self.proc.wait(60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class Jena:
    """Debian's Jena 4.5 on the command line: ``tdb2.tdbloader`` and ``tdb2.tdbquery`` on one TDB2 folder."""

    def __init__(self, scratch: Path):
        self.scratch = Path(scratch)
        self.scratch.mkdir(parents=True, exist_ok=True)
        fix = self.scratch / "jena-xerces-msgfix.jar"
        if not fix.exists():
            prefix = "org/apache/jena/ext/xerces/impl/"
            with zipfile.ZipFile(JAVA_LIB / "jena-core.jar") as zi, zipfile.ZipFile(fix, "w") as zo:
                for name in zi.namelist():
                    if name.startswith(prefix) and name.endswith(".properties"):
                        zo.writestr("xerces/impl/" + name[len(prefix):], zi.read(name))
        jars = [str(fix)] + sorted(str(j) for j in JAVA_LIB.glob("jena-*.jar") if not re.search(r"-\d", j.name))
        for dep in ("commons-cli", "commons-codec", "commons-compress", "commons-csv", "commons-io", "commons-lang3",
                    "dexx.collection", "gson", "guava", "httpclient", "httpcore", "jackson-core", "jackson-databind",
                    "jackson-annotations", "jsonld-java", "jakarta.json-api", "protobuf", "slf4j-api", "slf4j-nop",
                    "thrift", "titanium-json-ld", "failureaccess"):
            if (JAVA_LIB / f"{dep}.jar").exists():
                jars.append(str(JAVA_LIB / f"{dep}.jar"))
        self.classpath = os.pathsep.join(jars)

    def command(self, tool: str, *args: str, quick: bool = False) -> list[str]:
        """The java command line of a Jena tool (``tdb2.tdbloader`` …); ``quick``: a JVM tuned to start fast."""
        opts = ["-Xmx2g"] + (["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"] if quick else [])
        return ["java", *opts, "-cp", self.classpath, tool, *args]

    def run(self, tool: str, *args: str, quick: bool = False, timeout: float = 1800) -> str:
        r = subprocess.run(self.command(tool, *args, quick=quick), capture_output=True, text=True, timeout=timeout)
        if r.returncode:
            text = r.stderr or r.stdout
            first = next((line for line in text.splitlines() if "Exception" in line or "Error" in line), "")
            raise RuntimeError(f"{tool} exited with {r.returncode}: {first} … {text[-400:]}")
        return r.stdout

    def load(self, location: Path, *files: Path, parallel: bool = False) -> None:
        self.run("tdb2.tdbloader", *(["--loader=parallel"] if parallel else []), "--loc", str(location),
                 *map(str, files))

    def select(self, location: Path, query_file: Path) -> dict:
        """SPARQL JSON results of one query (one JVM per query: about 0.9 s to start)."""
        return json.loads(self.run("tdb2.tdbquery", "--loc", str(location), "--results=json", "--query",
                                   str(query_file), quick=True))
