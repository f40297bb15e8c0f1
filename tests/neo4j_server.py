"""A real Neo4j 5.26 server for the tests, started from the ``tests/neo4j`` launcher.

Why: the Neo4j store must be tested against the real database (Cypher dialect,
constraints, transactions), and Docker has no engine here. The launcher is a small Maven
project that runs Neo4j Community embedded with Bolt on 127.0.0.1; this module builds it
if needed, starts it on a free port with its own database directory, waits for the
``READY bolt://...`` line, and stops it again. The pytest fixtures in ``conftest.py`` use
it when ``NEO4J_URI`` is unset.

Examples
--------
>>> server = Neo4jTestServer(Path("/tmp/neo4j-db"))  # doctest: +SKIP
>>> uri = server.start()                              # doctest: +SKIP
>>> server.stop()                                     # doctest: +SKIP
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

LAUNCHER = Path(__file__).resolve().parent / "neo4j"

#: A cold build downloads ~170 MB of jars into ~/.m2; allow for a slow mirror.
BUILD_TIMEOUT_S = 900
START_TIMEOUT_S = 180


class Neo4jServerError(RuntimeError):
    """The test server could not be built or started; the message says why and what to do."""


def missing_tools() -> str | None:
    """Why the launcher cannot run here (``java``/``mvn`` not on PATH), or None if it can."""
    missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
    if missing:
        return (
            f"{' and '.join(missing)} not on PATH, so the tests cannot start Neo4j "
            "(install Java 17 and Maven, or set NEO4J_URI to a running Neo4j 5.26)"
        )
    return None


def build() -> None:
    """Compile the launcher and resolve its jars (a no-op when already up to date)."""
    try:
        done = subprocess.run(
            [str(LAUNCHER / "build.sh")],
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT_S,
        )
    except subprocess.TimeoutExpired as exc:
        raise Neo4jServerError(
            f"building {LAUNCHER} took over {BUILD_TIMEOUT_S} s; run tests/neo4j/build.sh by hand"
        ) from exc
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-30:])
        raise Neo4jServerError(f"building the Neo4j test launcher failed:\n{tail}")


class Neo4jTestServer:
    """One Neo4j test server process with its own database directory.

    Parameters
    ----------
    data_dir
        Where the database, its logs and ``server.log`` (the launcher's stderr) go.
    port
        Bolt port; 0 (the default) lets the server pick a free one, named in :attr:`uri`.
    """

    def __init__(self, data_dir: Path, port: int = 0) -> None:
        self.data_dir = Path(data_dir)
        self.port = port
        self.uri: str | None = None
        self.log_path = self.data_dir / "server.log"
        self._proc: subprocess.Popen[str] | None = None

    def start(self, timeout: float = START_TIMEOUT_S) -> str:
        """Build if needed, start the server, and return its ``bolt://`` URI once ready."""
        build()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "w")
        self._proc = subprocess.Popen(
            [str(LAUNCHER / "run.sh"), "--port", str(self.port), "--dir", str(self.data_dir / "db")],
            stdout=subprocess.PIPE,
            stderr=log,
            stdin=subprocess.DEVNULL,
            text=True,
            start_new_session=True,  # a Ctrl-C on pytest must not kill it before stop() runs
        )
        log.close()
        self.uri = self._wait_ready(timeout)
        return self.uri

    def _wait_ready(self, timeout: float) -> str:
        assert self._proc is not None and self._proc.stdout is not None
        found: list[str] = []

        def read() -> None:
            for line in self._proc.stdout:  # type: ignore[union-attr]
                if line.startswith("READY "):
                    found.append(line.split(None, 1)[1].strip())
                    return

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        reader.join(timeout)
        if found:
            return found[0]
        exited = not reader.is_alive()  # stdout closed: the process has ended
        self.stop()
        why = "exited during start-up" if exited else f"was not ready within {timeout:.0f} s"
        raise Neo4jServerError(f"the Neo4j test server {why}; its log:\n{self._log_tail()}")

    def _log_tail(self, lines: int = 25) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return f"(no log at {self.log_path})"

    def stop(self, timeout: float = 30) -> None:
        """SIGTERM (a clean shutdown), then SIGKILL if it is still up after ``timeout`` s."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()

    def __enter__(self) -> "Neo4jTestServer":
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def wait_for_bolt(uri: str, auth: tuple[str, str] | None = None, timeout: float = 30) -> None:
    """Raise :class:`Neo4jServerError` unless a driver can connect to ``uri`` within ``timeout``."""
    import neo4j

    deadline = time.monotonic() + timeout
    while True:
        try:
            with neo4j.GraphDatabase.driver(uri, auth=auth) as driver:
                driver.verify_connectivity()
            return
        except Exception as exc:  # driver errors vary: ServiceUnavailable, OSError, auth
            if time.monotonic() >= deadline:
                raise Neo4jServerError(f"cannot connect to Neo4j at {uri}: {exc}") from exc
            time.sleep(0.5)


def env_auth() -> tuple[str, str] | None:
    """Credentials from NEO4J_USER/NEO4J_PASSWORD, or None (the test server has auth off)."""
    user = os.environ.get("NEO4J_USER")
    return (user, os.environ.get("NEO4J_PASSWORD", "")) if user else None
