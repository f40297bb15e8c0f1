"""What the routes share: the store, the settings, the name index and small caches.

One :class:`Service` per app (``app.state.service``).  Routes are plain ``def``
functions, so FastAPI runs them in its thread pool and a slow store call never blocks
the event loop; everything here is therefore thread-safe.
"""
from __future__ import annotations

import logging
import re
import threading
import time
from collections import OrderedDict
from typing import Any, Iterable

import orjson
from fastapi.responses import Response

from ..graph.store import QueryResult, Store, StoreError, StoreUnavailable
from ..schema import search_key
from .errors import ApiError
from .names import Entry, NameIndex
from .settings import Settings

DOC_CACHE_SIZE = 20_000

log = logging.getLogger("partnergraph.api")


def records(res: QueryResult) -> list[dict[str, Any]]:
    return [dict(zip(res.columns, row)) for row in res.rows]


def prebuilt_json(data: dict[str, Any]) -> Response | dict[str, Any]:
    """``data`` as a JSON response that skips FastAPI's response-model pass.

    Why: for a route with ``response_model``, FastAPI validates the returned dict into
    the model and serialises the model again; for a partners answer (~50 evidence rows)
    that was ~15% of the API's CPU per request, the largest single cost after the store
    call.  Routes that use this build their dicts with exactly the model's fields, in
    its order; ``tests/test_api.py`` checks their answers are what the model would give
    (validating and dumping a body changes nothing), and the OpenAPI schema still comes
    from ``response_model``.  orjson, because the standard library's encoder took
    ~200 us for a median answer (19 KB) and orjson ~25 us; like pydantic it writes NaN
    as null.  A value orjson cannot write (a non-JSON type) falls back to FastAPI's
    pass, which handles it as before.
    """
    try:
        body = orjson.dumps(data)
    except TypeError:
        return data
    return Response(body, media_type="application/json")


CURSOR = r"^[0-9]{1,9}$"


def encode_cursor(offset: int) -> str:
    """Cursors are offsets written as digits: simple, and every value the schema allows
    (``CURSOR``) is one the API accepts.  Clients should treat them as opaque."""
    return str(offset)


def decode_cursor(cursor: str | None) -> int:
    """The offset a ``next_cursor`` stands for (0 for none)."""
    if not cursor:
        return 0
    if not re.fullmatch(CURSOR, cursor):
        raise ApiError(422, "invalid_parameters",
                       f"query parameter 'cursor': {cursor[:40]!r} is not a cursor from this API; "
                       "pass the next_cursor of the previous page, or leave it out for the first page")
    return int(cursor)


def page(items: list[Any], cursor: str | None, limit: int) -> tuple[list[Any], str | None]:
    start = decode_cursor(cursor)
    chunk = items[start:start + limit]
    nxt = encode_cursor(start + limit) if start + limit < len(items) else None
    return chunk, nxt


ANALYSES_CACHED = 4      # analysed graphs kept (one per filter set)


class LruCache:
    """A bounded least-recently-used map, safe across the endpoints' threads, emptied
    whenever the store changes (the Service hooks ``clear`` to the name index)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._data: OrderedDict[tuple, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> Any:
        with self._lock:
            hit = self._data.get(key)
            if hit is not None:
                self._data.move_to_end(key)
            return hit

    def put(self, key: tuple, value: Any) -> None:
        with self._lock:
            self._data[key] = value
            while len(self._data) > self.size:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


class DocCache:
    """Document titles, urls and dates by id, for the evidence in answers.

    Why preloaded: an answer cites tens of documents, and one lookup per document is a
    network round trip each on Neo4j.  So every document's metadata is read in one query
    whenever the names are (re)loaded (up to ``PRELOAD_MAX`` documents), and a document
    missing from it (ingested since) is looked up alone and kept in a small LRU.
    """

    PRELOAD_MAX = 500_000
    PRELOAD = ("MATCH (d:Document) RETURN d.id AS id, d.title AS title, d.url AS url, "
               "d.date AS date")

    def __init__(self, store: Store, size: int = DOC_CACHE_SIZE) -> None:
        self.store = store
        self._all: dict[str, dict[str, Any]] = {}
        self._recent = LruCache(size)          # documents looked up one by one

    def reload(self) -> None:
        """Read every document's metadata in one query (on failure: look up one by one)."""
        try:
            res = self.store.query(self.PRELOAD, {}, read_only=True, row_limit=self.PRELOAD_MAX,
                                   timeout_s=60)
        except StoreError as exc:
            log.warning("document metadata not preloaded: %s", exc)
            docs = {}
        else:
            docs = {r["id"]: {"id": r["id"], "title": r["title"], "url": r["url"], "date": r["date"]}
                    for r in records(res) if r["id"]}
        self._all = docs
        self._recent.clear()

    def get(self, doc_id: str | None, date: str | None = None) -> dict[str, Any]:
        if not doc_id:
            return {"id": "", "title": None, "url": None, "date": date}
        hit = self._all.get(doc_id) or self._recent.get((doc_id,))
        if hit is not None:
            return hit
        rows = records(self.store.named("document_by_id", {"id": doc_id}))
        meta = ({"id": doc_id, "title": rows[0]["title"], "url": rows[0]["url"],
                 "date": rows[0]["date"] or date} if rows
                else {"id": doc_id, "title": None, "url": None, "date": date})
        self._recent.put((doc_id,), meta)
        return meta


def ref(entry: Entry | dict[str, Any]) -> dict[str, Any]:
    if isinstance(entry, Entry):
        return {"id": entry.id, "name": entry.name, "kind": entry.kind}
    return {"id": entry["id"], "name": entry.get("name") or entry["id"], "kind": entry.get("kind") or ""}


def suggestion_rows(hits: Iterable[Any], n: int = 5) -> list[dict[str, Any]]:
    return [{"id": h.entry.id, "name": h.entry.name, "kind": h.entry.kind, "score": h.score}
            for h in list(hits)[:n]]


class GuardedStore:
    """The store, failing fast while it is known to be unreachable.

    Why: a call to an unreachable Neo4j takes seconds (the driver retries), and during an
    outage every request would hold a worker thread that long.  After a
    ``StoreUnavailable``, calls fail at once with the same message for ``cooldown_s``;
    then one call probes the store again (the others keep failing fast meanwhile), and
    the first success closes the breaker: the service recovers by itself.
    """

    METHODS = frozenset({"named", "query", "stats", "graph_records"})

    def __init__(self, store: Store, cooldown_s: float = 5.0) -> None:
        self._store = store
        self.cooldown_s = cooldown_s
        self._lock = threading.Lock()
        self._retry_at = 0.0
        self._message: str | None = None
        self._probing = False

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._store, name)
        if name not in self.METHODS:
            return attr

        def guarded(*args: Any, **kwargs: Any) -> Any:
            probe = False
            with self._lock:
                if self._message is not None:
                    if self._probing or time.monotonic() < self._retry_at:
                        raise StoreUnavailable(self._message)
                    self._probing = probe = True
            try:
                out = attr(*args, **kwargs)
            except StoreUnavailable as exc:
                with self._lock:
                    self._message = str(exc)
                    self._retry_at = time.monotonic() + self.cooldown_s
                raise
            finally:
                if probe:
                    with self._lock:
                        self._probing = False
            if self._message is not None:
                with self._lock:
                    self._message = None
            return out
        return guarded


class AnswerCache(LruCache):
    """Answers that took many rows to build (the partners of a ministry or a flagship
    university: thousands of assertions, ~100 ms of grouping), kept per question until
    the store changes.  Small answers are not kept: they are cheaper to rebuild than
    to hold."""

    MIN_ROWS = 1000          # answers built from fewer rows are not cached

    def __init__(self, size: int = 256) -> None:
        super().__init__(size)

    def put(self, key: tuple, value: Any, rows: int) -> bool:  # type: ignore[override]
        """Keep ``value`` if it was built from ``rows`` >= MIN_ROWS; say whether it was."""
        if rows < self.MIN_ROWS:
            return False
        super().put(key, value)
        return True


class Service:
    def __init__(self, store: Store, settings: Settings) -> None:
        store = GuardedStore(store)  # type: ignore[assignment]
        self.store = store
        self.settings = settings
        self.names = NameIndex(store, settings.index_ttl_s)
        self.docs = DocCache(store)
        self.cypher_slots = threading.BoundedSemaphore(settings.cypher_concurrency)
        self.analysis_cache = LruCache(ANALYSES_CACHED)
        self.analysis_lock = threading.Lock()    # one analysis computed at a time
        self.names.on_change.append(self.docs.reload)
        self.names.on_change.append(self.analysis_cache.clear)
        self.answers = AnswerCache()
        self.names.on_change.append(self.answers.clear)

    @property
    def store_kind(self) -> str:
        return "neo4j" if getattr(self.store, "dialect", "") == "neo4j" else "embedded"

    # -- names given where ids are expected --------------------------------------------

    def resolve(self, text: str, *, prefer_kinds: Iterable[str] = (), what: str = "entity") -> Entry:
        """The entity ``text`` names: its id; else the one entity with that exact name,
        alias, acronym or Korean name; else 404 with the closest names."""
        snap = self.names.snapshot()
        hit = snap.by_id.get(text)
        if hit is not None:
            return hit
        # Ids look like "ror:…" or "<kind>:<slug>": only those can be entities added since
        # the names were loaded (a name needs no store round trip).
        rows = records(self.store.named("entity_by_id", {"id": text})) if ":" in text else []
        if rows:
            r = rows[0]
            return Entry(id=r["id"], name=r["name"] or r["id"], kind=r["kind"] or "",
                         aliases=[], region=r["region"], documents=int(r["documents"] or 0))
        cands = snap.exact(text)
        prefer = set(prefer_kinds)
        if len(cands) > 1 and prefer:
            cands = [e for e in cands if e.kind in prefer] or cands
        if len(cands) > 1:
            key = search_key(text)
            primary = [e for e in cands if search_key(e.name) == key]
            if len(primary) == 1:
                cands = primary
        if len(cands) == 1:
            return cands[0]
        if len(cands) > 1:
            names = "; ".join(f"{e.name} ({e.id})" for e in cands[:5])
            raise ApiError(404, "ambiguous_name",
                           f"{text!r} names {len(cands)} entities: {names}; ask again with one of their ids",
                           suggestions=[{"id": e.id, "name": e.name, "kind": e.kind, "score": 100.0}
                                        for e in cands[:10]])
        hits = snap.search(text)
        if prefer:
            hits.sort(key=lambda h: h.entry.kind not in prefer)
        sugg = suggestion_rows(hits)
        closest = f"; closest: {', '.join(s['name'] for s in sugg[:3])}" if sugg else ""
        raise ApiError(404, f"{what}_not_found",
                       f"no {what} {text[:200]!r}: give an id or an exact name, alias or acronym "
                       f"(search with /entities?q=...){closest}", suggestions=sugg)
