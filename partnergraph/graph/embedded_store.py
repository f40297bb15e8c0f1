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
# LadybugDB's automatic checkpoint after a commit rewrote whole tables (seconds per
# batch, growing with the graph: ingest fell to ~3k relationships/s).  The writer turns it
# off and checkpoints itself when the WAL passes this size, and when it closes.  Commits
# stay durable either way: the WAL is what recovery replays.
CHECKPOINT_WAL_BYTES = 256 << 20


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
        rows.append([v if type(v) in cf.PLAIN_TYPES else _convert(v) for v in result.get_next()])
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
                 create: bool = True, bulk: bool | None = None) -> None:
        self.path = Path(str(path).removeprefix("file://")).expanduser()
        self.uri = str(path)
        self.read_only = read_only
        self.bulk = cf.have_arrow() if bulk is None else bulk   # Arrow tables + COPY (see cypher_files)
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
            self._db = lb.Database(str(self.path), read_only=self.read_only,
                                   auto_checkpoint=self.read_only)
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
            except BaseException as exc:
                try:
                    conn.execute("ROLLBACK")
                except Exception:
                    pass
                # (Not reopening the database here: with ladybug 0.22 a second handle in
                # this process after a rolled-back COPY crashed; the rolled-back handle
                # reads correctly, which the tests check.)
                if isinstance(exc, RuntimeError):
                    raise StoreError(f"writing to {self.path} failed: {str(exc).splitlines()[0]}") from exc
                raise
            self._maybe_checkpoint()
            return out

    def _maybe_checkpoint(self, force: bool = False) -> None:
        """Checkpoint (fold the WAL into the data file) when the WAL is large, or now."""
        wal = Path(str(self.path) + ".wal")
        try:
            size = wal.stat().st_size
        except OSError:
            return
        if size and (force or size >= CHECKPOINT_WAL_BYTES):
            with self._write_lock:
                self._conn().execute("CHECKPOINT")

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
        st = cf.statements("embedded", bulk=self.bulk)
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
            return self._query_worker().run(cypher, params or {}, row_limit, timeout_s)

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

    def _query_worker(self) -> "QueryWorker":
        with self._open_lock:
            if self._worker is None:
                self._worker = QueryWorker(self.path)
            return self._worker

    def named(self, name: str, params: dict[str, Any] | None = None, *,
              row_limit: int | None = None, timeout_s: float | None = None, **_: Any) -> QueryResult:
        nq = cf.named_query(name, self.dialect)
        bound = cf.bind(nq, params)
        if nq.isolate:
            return self._query_worker().run(nq.text, bound, row_limit, timeout_s)
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

    def change_token(self) -> Any:
        """The data file's and WAL's size and mtime: every commit, by this process or
        another, changes them; no query runs."""
        return _file_state(self.path)

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
        if self._db is not None and not self.read_only:
            try:
                self._maybe_checkpoint(force=True)   # readers then open a compact file
            except Exception as exc:                 # the WAL still holds every commit
                log.warning("checkpoint of %s on close failed: %s", self.path, exc)
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
#
# A plain child process (``python -m partnergraph.graph.embedded_store --worker PATH``)
# speaking JSON lines on stdin/stdout: no multiprocessing, so nothing of the caller's
# main module is re-imported or pickled, and a crash is just an exit code.

def _worker_main(path: str) -> int:
    """Answer {"q", "params", "row_limit", "timeout_ms"} lines with {"ok", ...} lines,
    on a read-only handle reopened whenever the file changed."""
    import json
    import sys
    lb = _lbug()
    p = Path(path)
    db = conn = None
    state = None
    out = sys.stdout
    for line in sys.stdin:
        try:
            msg = json.loads(line)
            now = _file_state(p)
            if conn is None or now != state:
                conn = None
                db = lb.Database(path, read_only=True, buffer_pool_size=WORKER_BUFFER_POOL)
                conn = lb.Connection(db)
                state = now
            conn.set_query_timeout(int(msg.get("timeout_ms") or 0))
            res = conn.execute(msg["q"], msg.get("params") or {})
            if isinstance(res, list):
                raise QueryError("only one statement per query")
            r = _fetch(res, msg.get("row_limit"))
            reply = {"ok": True, "columns": r.columns, "rows": r.rows, "truncated": r.truncated}
        except Exception as exc:  # engine errors go back as messages, never end the worker
            err = exc if isinstance(exc, QueryError) else _engine_error(exc)
            reply = {"ok": False, "kind": type(err).__name__, "message": str(err)}
        out.write(json.dumps(reply, ensure_ascii=False) + "\n")
        out.flush()
    return 0


class QueryWorker:
    """A child process that runs read-only queries on the embedded file.

    One query at a time (callers queue on a lock).  If a query crashes the engine, the
    child dies, the caller gets a :class:`QueryError`, and the next query starts a new
    child.  A query past its time limit is interrupted by the engine; if the child does
    not answer within a grace period after that, it is killed.
    """

    GRACE_S = 3.0

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._proc: Any = None
        self._buf = b""

    def _start(self) -> None:
        import subprocess
        import sys
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "partnergraph.graph.embedded_store", "--worker", str(self.path)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            start_new_session=True)       # a Ctrl-C in the terminal is the caller's to handle
        self._buf = b""

    def _stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.kill()
        try:
            proc.wait(5)
        except Exception:
            pass
        for f in (proc.stdin, proc.stdout):
            try:
                f.close()
            except Exception:
                pass

    def _read_line(self, deadline: float | None) -> bytes | None:
        """One reply line, or None at EOF (the child died); TimeoutError past ``deadline``."""
        import select
        fd = self._proc.stdout.fileno()
        while b"\n" not in self._buf:
            wait = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([fd], [], [], wait)
            if not ready:
                raise TimeoutError
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return None
            self._buf += chunk
        line, self._buf = self._buf.split(b"\n", 1)
        return line

    def run(self, cypher: str, params: dict[str, Any], row_limit: int | None,
            timeout_s: float | None) -> QueryResult:
        import json
        msg = json.dumps({"q": cypher, "params": params, "row_limit": row_limit,
                          "timeout_ms": int(timeout_s * 1000) if timeout_s else 0},
                         ensure_ascii=False, default=str)
        with self._lock:
            if self._proc is None or self._proc.poll() is not None:
                self._stop()
                self._start()
            deadline = time.monotonic() + timeout_s + self.GRACE_S if timeout_s else None
            try:
                self._proc.stdin.write(msg.encode("utf-8") + b"\n")
                self._proc.stdin.flush()
                line = self._read_line(deadline)
            except TimeoutError:
                self._stop()
                raise QueryError(f"the query ran past its time limit of {timeout_s:g} s and was stopped") from None
            except (BrokenPipeError, OSError):
                line = None
            if line is None:
                try:
                    code = self._proc.wait(2)
                except Exception:
                    code = None
                self._stop()
                raise QueryError(
                    "the query crashed the embedded query engine"
                    + (f" (exit code {code})" if code is not None else "")
                    + "; nothing was changed and the next query gets a fresh engine -- "
                    "rewrite the query (e.g. avoid id(null))")
        reply = json.loads(line)
        if reply["ok"]:
            return QueryResult(reply["columns"], reply["rows"], reply["truncated"])
        raise (WriteRefused if reply["kind"] == "WriteRefused" else QueryError)(reply["message"])

    def close(self) -> None:
        with self._lock:
            if self._proc is not None and self._proc.poll() is None:
                try:
                    self._proc.stdin.close()
                    self._proc.wait(2)
                except Exception:
                    pass
            self._stop()


if __name__ == "__main__":
    import sys
    if len(sys.argv) == 3 and sys.argv[1] == "--worker":
        sys.exit(_worker_main(sys.argv[2]))
    print("usage: python -m partnergraph.graph.embedded_store --worker PATH", file=sys.stderr)
    sys.exit(2)
