"""The Neo4j store: the same graph on a Neo4j 5.26 server, through the official driver.

Why this shape:

* Writes are managed transactions (``session.execute_write``): one transaction per batch
  of whole documents, ``UNWIND $rows`` statements generated from :mod:`partnergraph.schema`
  (``cypher/upserts.cypher`` shows them), and the driver retries the whole transaction
  function on transient errors and lost connections -- the function re-reads what is
  stored, so a retry is correct.  The one loss the driver does not retry, a connection
  that drops while COMMIT is in flight (``IncompleteCommit``: the batch may or may not be
  stored), is retried here for the same reason; if it was stored, the rerun finds its
  documents unchanged.
* Read-only queries run as auto-commit queries in a READ session, so the server itself
  refuses writes; the text is also checked first (:mod:`.readonly`) so that a refusal
  comes before anything runs, worded the same as on the embedded store.
* Constraints and indexes come from ``schema.UNIQUE_KEYS``/``INDEXES``, created with
  ``IF NOT EXISTS``.  Relationship properties are not indexed: a document's assertions are
  found through its MENTIONS when it is replaced or deleted.
* Connection settings: the URI, then ``NEO4J_USER``/``NEO4J_PASSWORD`` (no auth when both
  are unset) and ``NEO4J_DATABASE`` (the server default when unset).

Examples
--------
>>> store = Neo4jStore("neo4j://localhost:7687")        # doctest: +SKIP
>>> store.upsert(extractions)                           # doctest: +SKIP
>>> store.named("partners", {"id": "org:gist"}).rows    # doctest: +SKIP
"""
from __future__ import annotations

import logging
import os
import time
from typing import Any, Iterable

from .. import schema
from ..model import Extraction
from . import cypher_files as cf
from .readonly import check_read_only
from .store import (QueryError, QueryResult, StoreError, StoreUnavailable, UpsertSummary,
                    WriteRefused)

log = logging.getLogger(__name__)

DEFAULT_BATCH = 200              # documents per transaction
RETRY_TIME_S = 60.0              # how long the driver keeps retrying a write transaction


def _convert(value: Any) -> Any:
    """Driver values -> JSON-safe: nodes {_labels, props}, relationships {_type, props},
    paths {nodes, relationships}, temporal values as ISO strings."""
    if type(value) in cf.PLAIN_TYPES:    # most values: no imports, no isinstance chain
        return value
    from neo4j.graph import Node, Path, Relationship
    if isinstance(value, Node):
        return {"_label": "Entity" if "Entity" in value.labels else next(iter(sorted(value.labels)), ""),
                "_labels": sorted(value.labels), **{k: _convert(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, **{k: _convert(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {"nodes": [_convert(n) for n in value.nodes],
                "relationships": [_convert(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {str(k): _convert(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_convert(v) for v in value]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return cf.json_safe(value)


def _fetch(result: Any, row_limit: int | None) -> QueryResult:
    """A driver result's columns and converted rows, at most ``row_limit`` of them."""
    columns = list(result.keys())
    rows: list[list[Any]] = []
    truncated = False
    for record in result:
        if row_limit is not None and len(rows) >= row_limit:
            truncated = True
            break
        rows.append([_convert(v) for v in record.values()])
    return QueryResult(columns, rows, truncated)


def _packed(text: str, columns: list[str]) -> str:
    """``text`` (one read query, ending in RETURN) with all its rows collected into one
    list of lists, in the order the query gives them."""
    body = text.strip().rstrip(";")
    cols = ", ".join("`" + c.replace("`", "``") + "`" for c in columns)
    return f"CALL {{\n{body}\n}}\nRETURN collect([{cols}]) AS rows"


def _auth() -> tuple[str, str] | None:
    user = os.environ.get("NEO4J_USER")
    password = os.environ.get("NEO4J_PASSWORD")
    if not user and not password:
        return None
    return (user or "neo4j", password or "")


class Neo4jStore:
    """The graph in Neo4j (see the module docstring)."""

    dialect = "neo4j"

    def __init__(self, uri: str, *, auth: tuple[str, str] | None = None, database: str | None = None,
                 **_: Any) -> None:
        import neo4j
        if logging.getLogger("neo4j").level == logging.NOTSET:
            # The driver logs every retry as a multi-line WARNING; our errors say it once.
            logging.getLogger("neo4j").setLevel(logging.ERROR)
        self.uri = uri
        self.database = database or os.environ.get("NEO4J_DATABASE") or None
        try:
            self._driver = neo4j.GraphDatabase.driver(
                uri, auth=auth if auth is not None else _auth(),
                max_transaction_retry_time=RETRY_TIME_S, connection_timeout=10,
                connection_acquisition_timeout=30,
                notifications_min_severity="OFF")   # "unknown property" warnings on an empty graph
        except (ValueError, neo4j.exceptions.ConfigurationError) as exc:
            raise StoreUnavailable(f"bad Neo4j URI {uri!r}: {exc}") from None
        self._schema_ready = False
        self._columns: dict[str, list[str]] = {}     # named query text -> its columns

    # -- errors ----------------------------------------------------------------------------

    def _translate(self, exc: Exception, what: str) -> StoreError:
        import warnings
        from neo4j import exceptions as ne
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")      # the driver flags GQL status fields as preview
            msg = (exc.message if isinstance(exc, ne.Neo4jError) else None) or str(exc) or ""
            code = (exc.code if isinstance(exc, ne.Neo4jError) else None) or ""
        msg = msg.strip().splitlines()[0].rstrip(":") if msg.strip() else type(exc).__name__
        if isinstance(exc, ne.AuthError):
            return StoreUnavailable(f"Neo4j at {self.uri} refused the credentials ({msg}); "
                                    "set NEO4J_USER and NEO4J_PASSWORD")
        if isinstance(exc, (ne.ServiceUnavailable, ne.SessionExpired, OSError)):
            return StoreUnavailable(f"Neo4j at {self.uri} is unreachable ({msg}); is it running? "
                                    "Check the URI, or start it (docker compose up neo4j)")
        if "AccessMode" in code or "ForbiddenDueToTransactionType" in code or "WriteOnReadOnly" in code:
            return WriteRefused(f"refused: this path is read-only and the server refused a write ({msg})")
        if "TransactionTimedOut" in code or "TransactionTimedOutClientConfiguration" in code:
            return QueryError(f"the {what} ran past its time limit and was stopped")
        if "DatabaseNotFound" in code:
            return StoreUnavailable(f"Neo4j at {self.uri} has no database {self.database!r} "
                                    "(check NEO4J_DATABASE)")
        if isinstance(exc, (ne.ClientError, ne.CypherSyntaxError, ne.CypherTypeError)):
            return QueryError(msg)
        return StoreError(f"Neo4j {what} failed: {msg}")

    def _session(self, read: bool):
        import neo4j
        return self._driver.session(
            database=self.database,
            default_access_mode=neo4j.READ_ACCESS if read else neo4j.WRITE_ACCESS)

    def _write(self, work, what: str):
        """Run ``work(run)`` as one managed write transaction (retried on transient errors,
        lost connections and unconfirmed commits, for up to ``RETRY_TIME_S``)."""
        from neo4j import exceptions as ne

        def tx_fn(tx):
            def run(text: str, params: dict[str, Any]) -> list[dict[str, Any]]:
                # Records are tuples: zip with the keys (Record.data() converts each
                # value recursively, a third of the client's time on entity reads).
                result = tx.run(text, params)
                keys = result.keys()
                return [dict(zip(keys, r)) for r in result]
            return work(run)
        deadline = time.monotonic() + RETRY_TIME_S
        delay = 0.2
        while True:
            try:
                with self._session(read=False) as session:
                    return session.execute_write(tx_fn)
            except ne.IncompleteCommit as exc:
                # The connection dropped while COMMIT was in flight.  The driver never
                # retries that (for a non-idempotent transaction it could apply it
                # twice); ours re-reads what is stored, so running it again is correct.
                if time.monotonic() + delay > deadline:
                    raise self._translate(exc, what) from None
                log.info("Neo4j %s: commit not confirmed (%s); running it again", what, exc)
                time.sleep(delay)
                delay = min(delay * 2, 5.0)
            except (ne.Neo4jError, ne.DriverError, OSError) as exc:
                raise self._translate(exc, what) from None

    # -- the Store protocol -------------------------------------------------------------------

    def ensure_schema(self) -> None:
        from neo4j import exceptions as ne
        try:
            with self._session(read=False) as session:
                for ddl in cf.statements("neo4j").schema:
                    session.run(ddl).consume()
        except (ne.Neo4jError, ne.DriverError, OSError) as exc:
            raise self._translate(exc, "schema setup") from None
        self._schema_ready = True

    def upsert(self, extractions: Iterable[Extraction], *, batch_size: int = DEFAULT_BATCH) -> UpsertSummary:
        if not self._schema_ready:
            self.ensure_schema()
        st = cf.statements("neo4j")
        total = UpsertSummary()
        for batch in cf.batches((cf.plan(x) for x in extractions), batch_size):
            total.add(self._write(lambda run, b=batch: cf.write_batch(run, st, b), "write"))
        return total

    def delete_document(self, doc_id: str) -> bool:
        st = cf.statements("neo4j")

        def work(run):
            if not run(st.find_documents, {"ids": [doc_id]}):
                return False
            orphans = cf.delete_documents(run, st, [doc_id])
            if orphans:
                run(st.delete_orphans, {"ids": sorted(orphans)})
            return True
        return self._write(work, "delete")

    def _read(self, text: str, params: dict[str, Any], row_limit: int | None,
              timeout_s: float | None, what: str) -> QueryResult:
        """One auto-commit read in a READ session (the server refuses writes in it).

        Auto-commit, not a managed transaction: BEGIN and COMMIT were a third of an API
        request's time.  A read that meets a dropped connection or a transient error is
        tried once more; the driver's own 3 s of retries would only delay the 503."""
        import neo4j
        from neo4j import exceptions as ne
        query = neo4j.Query(text, timeout=timeout_s) if timeout_s else text
        for attempt in (1, 2):
            try:
                with self._session(read=True) as session:
                    return _fetch(session.run(query, params), row_limit)
            except (ne.ServiceUnavailable, ne.SessionExpired, ne.TransientError) as exc:
                if attempt == 2:
                    raise self._translate(exc, what) from None
            except (ne.Neo4jError, ne.DriverError, OSError) as exc:
                raise self._translate(exc, what) from None
        raise AssertionError("unreachable")

    def query(self, cypher: str, params: dict[str, Any] | None = None, *, read_only: bool = True,
              row_limit: int | None = None, timeout_s: float | None = None) -> QueryResult:
        if read_only:
            check_read_only(cypher)
            return self._read(cypher, params or {}, row_limit, timeout_s, "query")
        import neo4j
        from neo4j import exceptions as ne

        def tx_fn(tx):
            result = tx.run(cypher, params or {})
            fetched = _fetch(result, row_limit)
            result.consume()
            return fetched
        if timeout_s:
            tx_fn = neo4j.unit_of_work(timeout=timeout_s)(tx_fn)
        try:
            with self._session(read=False) as session:
                return session.execute_write(tx_fn)
        except (ne.Neo4jError, ne.DriverError, OSError) as exc:
            raise self._translate(exc, "query") from None

    def named(self, name: str, params: dict[str, Any] | None = None, *,
              row_limit: int | None = None, timeout_s: float | None = None, **_: Any) -> QueryResult:
        """A named query's rows.  Without a row limit the server packs them into one
        record (``CALL { query } RETURN collect([columns])``): the driver spends ~20 us
        of Python per record, which was most of an API request's client time on a
        50-row answer.  The columns are learnt from the query's first, plain run."""
        nq = cf.named_query(name, self.dialect)
        params = cf.bind(nq, params)
        what = f"named query {name}"
        columns = self._columns.get(nq.text)
        if row_limit is not None or columns is None:
            res = self._read(nq.text, params, row_limit, timeout_s, what)
            self._columns[nq.text] = res.columns
            return res
        packed = self._read(_packed(nq.text, columns), params, None, timeout_s, what)
        return QueryResult(list(columns), packed.rows[0][0], False)

    def change_token(self) -> Any:
        """Node and relationship totals, both read from Neo4j's count store (no scan),
        in one round trip."""
        return tuple(self._read("CALL { MATCH (n) RETURN count(n) AS nodes } "
                                "CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } "
                                "RETURN nodes, relationships", {}, None, None, "change check").rows[0])

    def stats(self) -> dict[str, Any]:
        def one(text: str) -> list[list[Any]]:
            return self._read(text, {}, None, None, "stats query").rows
        docs = one("MATCH (d:Document) RETURN count(d)")[0][0]
        kinds = {k or "": n for k, n in one("MATCH (e:Entity) RETURN e.kind AS kind, count(e) ORDER BY kind")}
        # Counts per type from the count store: instant, no scan.
        rels = {t: one(f"MATCH ()-[r:{t}]->() RETURN count(r)")[0][0] for t in schema.RELATION_TYPES}
        mentions = one("MATCH ()-[m:MENTIONS]->() RETURN count(m)")[0][0]
        return {"store": "neo4j", "uri": self.uri, "documents": docs,
                "entities": sum(kinds.values()), "nodes": kinds,
                "relationships": rels, "assertions": sum(rels.values()), "mentions": mentions}

    def graph_records(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        props = list(schema.ENTITY_PROPERTIES)
        res = self._read("MATCH (e:Entity) RETURN " + ", ".join(f"e.{cf.q(p)} AS {cf.q(p)}" for p in props)
                         + " ORDER BY e.id", {}, None, None, "export")
        ents = [dict(zip(res.columns, row)) for row in res.rows]
        rprops = list(schema.REL_PROPERTIES)
        rels: list[dict[str, Any]] = []
        for t in schema.RELATION_TYPES:
            res = self._read(f"MATCH (a:Entity)-[r:{t}]->(b:Entity) RETURN a.id AS source, b.id AS target, "
                             + ", ".join(f"r.{cf.q(p)} AS {cf.q(p)}" for p in rprops), {}, None, None, "export")
            for row in res.rows:
                rec = dict(zip(res.columns, row))
                rec["type"] = t
                rels.append(rec)
        rels.sort(key=lambda r: (r["type"], r["source"], r["target"], r["doc_id"] or "", r["start"] or 0,
                                 r["end"] or 0, r["attrs"] or ""))
        return ents, rels

    def close(self) -> None:
        self._driver.close()

    def __enter__(self) -> "Neo4jStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
