"""The embedded store: a LadybugDB (Kuzu fork) file on disk, no server, still Cypher.

Why this shape:

* One ``Entity`` node table (with ``kind``), one ``Document`` table, ``MENTIONS`` and one
  relationship table per relation type, all generated from :mod:`partnergraph.schema`
  (see :mod:`.cypher_files`).  Columns added to ``schema.py`` later are added to an
  existing file by :meth:`EmbeddedStore.ensure_schema`.
* Writes go in one transaction per batch of whole documents, so a crash or Ctrl-C never
  leaves half a document: LadybugDB replays only committed transactions from its WAL.
* Researchers' raw read-only Cypher runs in a separate worker process on a read-only
  handle (:class:`QueryWorker`): some queries crash the engine outright (``RETURN
  id(null)`` segfaults ladybug 0.22), and then the worker dies, not the caller.  The
  text is checked by :mod:`.readonly` first, and the read-only handle refuses writes
  anyway.  Named queries (our own text, values only as parameters) run in-process.
* ``read_only=True`` opens the file without the write lock, so ``partnergraph serve``
  and ``partnergraph ingest`` can run at once; a read-only store notices when the file
  changed and reopens, so it serves what was last committed.

Examples
--------
>>> store = EmbeddedStore(tmp / "graph.lbug")          # doctest: +SKIP
>>> store.upsert([extraction]).new                     # doctest: +SKIP
1
>>> store.named("partners", {"id": "org:gist"}).rows   # doctest: +SKIP
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from pathlib import Path
from typing import Any, Iterable

from .. import schema
from ..model import Extraction
from . import cypher_files as cf
from .readonly import check_read_only
from .store import (QueryError, QueryResult, StoreError, StoreUnavailable, UpsertSummary,
                    WriteRefused)

log = logging.getLogger(__name__)

DEFAULT_BATCH = 200              # documents per transaction
WORKER_BUFFER_POOL = 1 << 30     # 1 GiB for the read-only query worker


def _lbug():
    import ladybug
    return ladybug


def _convert(value: Any) -> Any:
    """LadybugDB values -> JSON-safe: nodes and relationships become property dicts (with
    ``_label``; null properties dropped, as Neo4j has none), paths {nodes, relationships},
    internal ids "table:offset"."""
    if isinstance(value, dict):
        keys = value.keys()
        if "_NODES" in keys and "_RELS" in keys:
            return {"nodes": [_convert(n) for n in value["_NODES"]],
                    "relationships": [_convert(r) for r in value["_RELS"]]}
        if "_LABEL" in keys and "_ID" in keys:
            out: dict[str, Any] = {("_type" if "_SRC" in keys else "_label"): value["_LABEL"]}
            for k, v in value.items():
                if not k.startswith("_") and v is not None:
                    out[k] = _convert(v)
            return out
        if set(keys) == {"offset", "table"}:
            return f"{value['table']}:{value['offset']}"
        return {str(k): _convert(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_convert(v) for v in value]
    return cf.json_safe(value)


def _fetch(result: Any, row_limit: int | None) -> QueryResult:
    columns = list(result.get_column_names())
    rows: list[list[Any]] = []
    truncated = False
    while result.has_next():
        if row_limit is not None and len(rows) >= row_limit:
            truncated = True
            break
        rows.append([_convert(v) for v in result.get_next()])
    return QueryResult(columns, rows, truncated)


def _file_state(path: Path) -> tuple:
    """What changes when another process commits: the data file and its WAL."""
    state = []
    for p in (path, Path(str(path) + ".wal")):
        try:
            st = p.stat()
            state.append((st.st_mtime_ns, st.st_size))
        except OSError:
            state.append(None)
    return tuple(state)


def _engine_error(exc: Exception, what: str = "query") -> QueryError:
    msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if "interrupted" in msg.lower() or "timeout" in msg.lower():
        return QueryError(f"the {what} ran past its time limit and was stopped ({msg})")
    if "read-only" in msg.lower() or "read only" in msg.lower():
        return WriteRefused(f"refused: the store is read-only here ({msg})")
    return QueryError(msg)


class EmbeddedStore:
    """The graph in a LadybugDB file (see the module docstring)."""

    dialect = "embedded"

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False,
                 create: bool = True) -> None:
        self.path = Path(str(path).removeprefix("file://")).expanduser()
        self.uri = str(path)
        self.read_only = read_only
        self._local = threading.local()
        self._write_lock = threading.RLock()
        self._open_lock = threading.Lock()
        self._generation = 0
        self._db: Any = None
        self._state: tuple | None = None
        self._worker: QueryWorker | None = None
        self._schema_ready = False
        if (read_only or not create) and not self.path.exists():
            raise StoreUnavailable(
                f"no graph at {self.path}: run `partnergraph ingest PATH... --store {self.path}` "
                "first, or point --store / PARTNERGRAPH_STORE at an existing graph")
        self._open()
        if not read_only:
            self.ensure_schema()

    # -- connections --------------------------------------------------------------------

    def _open(self) -> None:
        lb = _lbug()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = lb.Database(str(self.path), read_only=self.read_only)
        except RuntimeError as exc:
            msg = str(exc)
            if "lock" in msg.lower():
                raise StoreUnavailable(
                    f"{self.path} is open for writing in another process (an ingest or a "
                    "server); wait for it to finish, or open the store read-only") from None
            raise StoreUnavailable(f"cannot open the graph at {self.path}: {msg.splitlines()[0]}") from None
        self._generation += 1
        self._state = _file_state(self.path)

    def _conn(self) -> Any:
        """This thread's connection (LadybugDB connections are not shared across threads).
        A read-only store reopens the file when another process has committed to it."""
        if self._db is None:
            raise StoreError(f"the store {self.path} is closed")
        if self.read_only and _file_state(self.path) != self._state:
            with self._open_lock:
                if _file_state(self.path) != self._state:
                    log.info("%s changed on disk; reopening", self.path)
                    self._open()
        local = self._local
        if getattr(local, "generation", None) != self._generation:
            local.conn = _lbug().Connection(self._db)
            local.generation = self._generation
        return local.conn

    def _run(self, text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        result = self._conn().execute(text, params or {})
        cols = result.get_column_names()
        rows = []
        while result.has_next():
            rows.append(dict(zip(cols, result.get_next())))
        return rows

    def _reopen_after_rollback(self) -> None:
        # Seen on ladybug 0.22: after a ROLLBACK the same handle could hide rows committed
        # earlier (the file itself was right).  A fresh handle reads the file as it is.
        with self._open_lock:
            self._db = None
            self._open()

    def _transaction(self, work):
        """Run ``work(run)`` in one write transaction; roll back on any error or interrupt."""
        if self.read_only:
            raise WriteRefused(f"refused: {self.path} is open read-only")
        with self._write_lock:
            conn = self._conn()
            conn.execute("BEGIN TRANSACTION")
            try:
                out = work(self._run)
                conn.execute("COMMIT")
                return out
            except BaseException as exc:
                try:
                    conn.execute("ROLLBACK")
                except Exception:
                    pass
                self._reopen_after_rollback()
                if isinstance(exc, RuntimeError):
                    raise StoreError(f"writing to {self.path} failed: {str(exc).splitlines()[0]}") from exc
                raise

    # -- the Store protocol -------------------------------------------------------------

    def ensure_schema(self) -> None:
        """Create the tables if missing and add any column schema.py gained since."""
        if self.read_only:
            return
        with self._write_lock:
            st = cf.statements("embedded")
            for ddl in st.schema:
                self._run(ddl)
            wanted = {"Entity": schema.ENTITY_PROPERTIES, "Document": schema.DOCUMENT_PROPERTIES,
                      "MENTIONS": schema.MENTIONS_PROPERTIES,
                      **{t: schema.REL_PROPERTIES for t in schema.RELATION_TYPES}}
            for table, props in wanted.items():
                have = {r["name"] for r in self._run(f"CALL table_info('{table}') RETURN *")}
                for prop, typ in props.items():
                    if prop not in have:
                        self._run(f"ALTER TABLE {table} ADD {cf.q(prop)} {typ}")
            self._schema_ready = True

    def upsert(self, extractions: Iterable[Extraction], *, batch_size: int = DEFAULT_BATCH) -> UpsertSummary:
        st = cf.statements("embedded")
        total = UpsertSummary()
        plans = (cf.plan(x) for x in extractions)
        for batch in cf.batches(plans, batch_size):
            total.add(self._transaction(lambda run, b=batch: cf.write_batch(run, st, b)))
        return total

    def delete_document(self, doc_id: str) -> bool:
        st = cf.statements("embedded")

        def work(run):
            if not run(st.find_documents, {"ids": [doc_id]}):
                return False
            orphans = cf.delete_documents(run, st, [doc_id])
            if orphans:
                run(st.delete_orphans, {"ids": sorted(orphans)})
            return True
        return self._transaction(work)

    def query(self, cypher: str, params: dict[str, Any] | None = None, *, read_only: bool = True,
              row_limit: int | None = None, timeout_s: float | None = None) -> QueryResult:
        """Raw Cypher.  Read-only (the default): checked, then run in the worker process on
        a read-only handle.  ``read_only=False``: run here, in one transaction."""
        if read_only:
            check_read_only(cypher)
            if self._worker is None:
                self._worker = QueryWorker(self.path)
            return self._worker.run(cypher, params or {}, row_limit, timeout_s)

        def work(run):
            conn = self._conn()
            if timeout_s:
                conn.set_query_timeout(int(timeout_s * 1000))
            try:
                res = conn.execute(cypher, params or {})
            except RuntimeError as exc:
                raise _engine_error(exc) from None
            finally:
                if timeout_s:
                    conn.set_query_timeout(0)
            if isinstance(res, list):
                res = res[-1]
            return _fetch(res, row_limit)
        try:
            return self._transaction(work)
        except StoreError as exc:
            raise QueryError(str(exc)) from None

    def named(self, name: str, params: dict[str, Any] | None = None, *,
              row_limit: int | None = None, timeout_s: float | None = None, **_: Any) -> QueryResult:
        nq = cf.named_query(name, self.dialect)
        bound = cf.bind(nq, params)
        conn = self._conn()
        if timeout_s:
            conn.set_query_timeout(int(timeout_s * 1000))
        try:
            return _fetch(conn.execute(nq.text, bound), row_limit)
        except RuntimeError as exc:
            raise _engine_error(exc, f"named query {name}") from None
        finally:
            if timeout_s:
                conn.set_query_timeout(0)

    def stats(self) -> dict[str, Any]:
        try:
            docs = self._run("MATCH (d:Document) RETURN count(d) AS n")[0]["n"]
            kinds = {r["kind"] or "": r["n"] for r in
                     self._run("MATCH (e:Entity) RETURN e.kind AS kind, count(e) AS n ORDER BY kind")}
            rels = {}
            for t in schema.RELATION_TYPES:
                rels[t] = self._run(f"MATCH (:Entity)-[r:{t}]->(:Entity) RETURN count(r) AS n")[0]["n"]
            mentions = self._run("MATCH (:Document)-[m:MENTIONS]->(:Entity) RETURN count(m) AS n")[0]["n"]
        except RuntimeError as exc:
            raise _engine_error(exc, "stats query") from None
        return {"store": "embedded", "uri": str(self.path), "documents": docs,
                "entities": sum(kinds.values()), "nodes": kinds,
                "relationships": rels, "assertions": sum(rels.values()), "mentions": mentions}

    def graph_records(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        props = list(schema.ENTITY_PROPERTIES)
        ents = self._run("MATCH (e:Entity) RETURN " + ", ".join(f"e.{cf.q(p)} AS {cf.q(p)}" for p in props)
                         + " ORDER BY e.id")
        rels: list[dict[str, Any]] = []
        rprops = list(schema.REL_PROPERTIES)
        for t in schema.RELATION_TYPES:
            rows = self._run(f"MATCH (a:Entity)-[r:{t}]->(b:Entity) RETURN a.id AS source, b.id AS target, "
                             + ", ".join(f"r.{cf.q(p)} AS {cf.q(p)}" for p in rprops))
            for r in rows:
                r["type"] = t
            rels.extend(rows)
        rels.sort(key=lambda r: (r["type"], r["source"], r["target"], r["doc_id"] or "", r["start"] or 0,
                                 r["end"] or 0, r["attrs"] or ""))
        return [cf.json_safe(e) for e in ents], [cf.json_safe(r) for r in rels]

    def close(self) -> None:
        if self._worker is not None:
            self._worker.close()
            self._worker = None
        self._local = threading.local()
        self._db = None

    def __enter__(self) -> "EmbeddedStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --- The read-only query worker --------------------------------------------------------------

def _worker_main(conn: Any, path: str) -> None:
    """Child process: answer (cypher, params, row_limit, timeout_ms) with rows or an error,
    on a read-only handle reopened whenever the file changed."""
    lb = _lbug()
    p = Path(path)
    db = c = None
    state = None
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        cypher, params, row_limit, timeout_ms = msg
        try:
            now = _file_state(p)
            if c is None or now != state:
                c = None
                db = lb.Database(path, read_only=True, buffer_pool_size=WORKER_BUFFER_POOL)
                c = lb.Connection(db)
                state = now
            c.set_query_timeout(timeout_ms or 0)
            res = c.execute(cypher, params)
            if isinstance(res, list):
                raise RuntimeError("only one statement per query")
            out = _fetch(res, row_limit)
            conn.send(("ok", out.columns, out.rows, out.truncated))
        except Exception as exc:  # engine errors go back as messages, never kill the worker
            err = _engine_error(exc)
            conn.send(("error", type(err).__name__, str(err)))


class QueryWorker:
    """A child process that runs read-only queries on the embedded file.

    One query at a time (callers queue on a lock).  If a query crashes the engine, the
    child dies, the caller gets a :class:`QueryError`, and the next query starts a new
    child.  A query past its time limit is interrupted by the engine, and if it does not
    stop within a grace period the child is killed.
    """

    GRACE_S = 3.0

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._proc: Any = None
        self._conn: Any = None

    def _start(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_worker_main, args=(child, str(self.path)), daemon=True,
                           name="partnergraph-query-worker")
        proc.start()
        child.close()
        self._proc, self._conn = proc, parent

    def _stop(self) -> None:
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        if conn is not None:
            try:
                conn.close()
            except OSError:
                pass
        if proc is not None and proc.is_alive():
            proc.kill()
            proc.join(5)

    def run(self, cypher: str, params: dict[str, Any], row_limit: int | None,
            timeout_s: float | None) -> QueryResult:
        with self._lock:
            if self._proc is None or not self._proc.is_alive():
                self._stop()
                self._start()
            timeout_ms = int(timeout_s * 1000) if timeout_s else 0
            try:
                self._conn.send((cypher, params, row_limit, timeout_ms))
                wait = None if not timeout_s else timeout_s + self.GRACE_S
                start = time.monotonic()
                if not self._conn.poll(wait):
                    self._stop()
                    raise QueryError(f"the query ran past its time limit of {timeout_s:g} s and was stopped")
                reply = self._conn.recv()
            except (EOFError, OSError, BrokenPipeError):
                code = self._proc.exitcode if self._proc is not None else None
                self._stop()
                raise QueryError(
                    "the query crashed the embedded query engine"
                    + (f" (exit code {code})" if code is not None else "")
                    + "; nothing was changed, and the next query gets a fresh engine. "
                    "Rewrite the query (e.g. avoid id(null))") from None
            log.debug("worker query took %.3f s", time.monotonic() - start)
        if reply[0] == "ok":
            return QueryResult(reply[1], reply[2], reply[3])
        kind, message = reply[1], reply[2]
        raise (WriteRefused if kind == "WriteRefused" else QueryError)(message)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.send(None)
                except OSError:
                    pass
            if self._proc is not None:
                self._proc.join(2)
            self._stop()
