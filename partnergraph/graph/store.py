"""The store protocol that the CLI, the API, analysis and export program against.

Two implementations: ``embedded`` (LadybugDB, a file path, the default) and ``neo4j``
(a ``neo4j://`` / ``bolt://`` URI).  ``open_store`` picks one from a URI, so the same
command works on a laptop and against a server.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Iterable, Protocol

from ..model import Extraction

DEFAULT_STORE = "./graph.lbug"


class StoreError(Exception):
    """A store could not do what was asked; the message says what and what to do."""


class StoreUnavailable(StoreError):
    """The store cannot be reached (server down, file locked)."""


class QueryError(StoreError):
    """The engine rejected a query (syntax, unknown name); carries the engine's message."""


class WriteRefused(QueryError):
    """A write was attempted on a read-only query path."""


@dataclass
class UpsertSummary:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    entities: int = 0
    relations: int = 0
    doc_ids: list[str] = field(default_factory=list)

    def add(self, other: "UpsertSummary") -> None:
        self.new += other.new
        self.changed += other.changed
        self.unchanged += other.unchanged
        self.entities += other.entities
        self.relations += other.relations
        self.doc_ids.extend(other.doc_ids)


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False     # True when row_limit cut the result short


class Store(Protocol):
    uri: str

    def ensure_schema(self) -> None: ...

    def upsert(self, extractions: Iterable[Extraction]) -> UpsertSummary:
        """Write each document's facts.  Same id already stored -> unchanged; same
        ``source`` with another id -> its old assertions are replaced; else new."""

    def delete_document(self, doc_id: str) -> bool:
        """Remove exactly that document's assertions (and entities nothing else mentions)."""

    def query(self, cypher: str, params: dict[str, Any] | None = None, *,
              read_only: bool = True, row_limit: int | None = None,
              timeout_s: float | None = None) -> QueryResult: ...

    def named(self, name: str, params: dict[str, Any] | None = None, **kw: Any) -> QueryResult:
        """Run ``cypher/<name>.cypher`` (or its ``.embedded.cypher`` override)."""

    def stats(self) -> dict[str, Any]:
        """{"documents": n, "nodes": {kind: n}, "relationships": {type: n}}."""

    def change_token(self) -> Any:
        """A cheap value that changes whenever the graph may have changed (a file's
        state, total counts): what the API polls, since ``stats`` costs a scan."""

    def graph_records(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """All entities (dicts of ENTITY_PROPERTIES) and all relation assertions (dicts
        with type, source, target and REL_PROPERTIES), for analysis and export."""

    def close(self) -> None: ...


def store_uri(uri: str | None = None) -> str:
    return uri or os.environ.get("PARTNERGRAPH_STORE") or DEFAULT_STORE


def is_neo4j_uri(uri: str) -> bool:
    return uri.split("://", 1)[0].lower() in {"neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc"}


def open_store(uri: str | None = None, *, read_only: bool = False) -> Store:
    """Open the store named by ``uri`` (or ``$PARTNERGRAPH_STORE``, or ./graph.lbug)."""
    uri = store_uri(uri)
    if is_neo4j_uri(uri):
        from .neo4j_store import Neo4jStore
        return Neo4jStore(uri)
    from .embedded_store import EmbeddedStore
    return EmbeddedStore(uri, read_only=read_only)
