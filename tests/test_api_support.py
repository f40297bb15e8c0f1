"""Helpers shared by the API tests (no tests here): real stores with the seed articles
ingested, a real in-process HTTP client, a free loopback port."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conftest import REPO
from partnergraph.errors import InputError
from partnergraph.graph.store import Store, open_store
from partnergraph.loaders.extract import extract
from partnergraph.loaders.read import read_paths
from partnergraph.model import Document

with warnings.catch_warnings():
    warnings.simplefilter("ignore")       # starlette's note about httpx vs httpx2
    from fastapi.testclient import TestClient  # noqa: F401  (re-exported)


@dataclass
class Seeded:
    kind: str                       # "embedded" | "neo4j"
    uri: str
    store: Store                    # what the app serves (read-only for the embedded store)
    docs: dict[str, Document]       # the ingested documents by id


def read_documents(paths: list[Path]) -> list[Document]:
    docs = [d for d in read_paths([str(p) for p in paths]) if not isinstance(d, InputError)]
    assert docs, f"no readable documents in {paths}"
    return docs


def ingest(store: Store, docs: list[Document]) -> None:
    summary = store.upsert(extract(d) for d in docs)
    assert summary.new + summary.changed + summary.unchanged == len(docs)


def wipe_neo4j(driver: Any) -> None:
    with driver.session(database=os.environ.get("NEO4J_DATABASE") or None) as session:
        session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def seed_embedded(path: Path, docs: list[Document]) -> Seeded:
    """Ingest through a writer, then serve through a read-only handle, as ``serve`` does."""
    writer = open_store(str(path))
    try:
        ingest(writer, docs)
    finally:
        writer.close()
    return Seeded("embedded", str(path), open_store(str(path), read_only=True),
                  {d.id: d for d in docs})


def seed_neo4j(uri: str, driver: Any, docs: list[Document]) -> Seeded:
    wipe_neo4j(driver)
    store = open_store(uri)
    store.ensure_schema()
    ingest(store, docs)
    return Seeded("neo4j", uri, store, {d.id: d for d in docs})


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_cli(*args: str, timeout: float = 600, **kw: Any) -> "subprocess.CompletedProcess":
    """``python -m partnergraph ARGS...`` from the repository root, output captured; the
    timeout is a ceiling for a hung command, not a speed check."""
    return subprocess.run([sys.executable, "-m", "partnergraph", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=timeout, **kw)


def stop_process(proc: "subprocess.Popen") -> None:
    """Stop a server started by a test: SIGTERM, then SIGKILL if it lingers."""
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)


def by_name(items: list[dict[str, Any]], key: str = "partner") -> dict[str, dict[str, Any]]:
    return {it[key]["name"]: it for it in items}


class Proxy:
    """A loopback TCP forwarder that can be cut and restored: a network fault between
    the API and a real Neo4j, without touching the server."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = free_port()
        self._listener = None
        self._socks: list = []

    def up(self) -> None:
        import socket
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", self.port))
        self._listener.listen(16)
        threading.Thread(target=self._accept, args=(self._listener,), daemon=True).start()

    def _accept(self, listener) -> None:
        import socket
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            self._socks += [client, upstream]
            self._start_pumps(client, upstream)

    def _start_pumps(self, client, upstream) -> None:
        for a, b in ((client, upstream), (upstream, client)):
            threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(src, dst) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            Proxy._close(src, dst)

    @staticmethod
    def _close(*socks) -> None:
        for s in socks:
            try:
                s.close()
            except OSError:
                pass

    def down(self) -> None:
        import socket
        if self._listener is not None:
            try:
                self._listener.shutdown(socket.SHUT_RDWR)    # wakes the blocked accept()
            except OSError:
                pass
            self._listener.close()
            self._listener = None
        for s in self._socks:
            try:
                s.shutdown(socket.SHUT_RDWR)
                s.close()
            except OSError:
                pass
        self._socks = []


class CommitCutProxy(Proxy):
    """A :class:`Proxy` that drops the connection right after forwarding a Bolt COMMIT
    (the first ``cuts`` of them): the server receives the commit and applies it, the
    client never hears back.  That is the one network loss Neo4j's driver does not
    retry (``IncompleteCommit``): the client cannot know whether the transaction was
    stored."""

    COMMIT = b"\x00\x02\xb0\x12\x00\x00"     # chunk of 2 bytes: a struct of 0 fields, tag 0x12; end marker

    def __init__(self, target: tuple[str, int], cuts: int = 1) -> None:
        super().__init__(target)
        self.cuts = cuts
        self.cut = 0

    def _start_pumps(self, client, upstream) -> None:
        threading.Thread(target=self._to_server, args=(client, upstream), daemon=True).start()
        threading.Thread(target=self._pump, args=(upstream, client), daemon=True).start()

    def _to_server(self, client, upstream) -> None:
        import socket
        import time
        try:
            while data := client.recv(65536):
                upstream.sendall(data)
                if self.cut < self.cuts and self.COMMIT in data:
                    self.cut += 1
                    client.shutdown(socket.SHUT_RDWR)   # the client loses the answer ...
                    client.close()
                    time.sleep(0.5)                      # ... while the server commits
                    upstream.close()
                    return
        except OSError:
            pass
        self._close(client, upstream)
