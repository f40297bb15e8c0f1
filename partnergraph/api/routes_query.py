"""``POST /cypher`` (read-only, limited), ``/stats`` and ``/health``.

Why ``/cypher`` is safe to expose: the text is checked by the read-only guard before
anything runs (a write is a 403 whatever the store), the store runs it on a read-only
path as a second wall (a READ session on Neo4j, a read-only worker process on the
embedded store, where a query that crashes the engine costs one request), every query
has a time limit and a row cap, and at most ``cypher_concurrency`` run or wait at once,
so the other endpoints keep answering while someone runs a heavy query.
"""
from __future__ import annotations

import asyncio
import math
import re
import time
from typing import Any

from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool

from .. import __version__
from ..graph.cypher_files import json_safe
from ..graph.readonly import check_read_only
from ..graph.store import StoreError
from .deps import ERRORS, get_service
from .errors import ApiError
from .models import CypherRequest, CypherResult, ErrorResponse, Health, Stats
from .service import Service

router = APIRouter()

INT64 = (-(1 << 63), (1 << 63) - 1)
MAX_PARAM_DEPTH = 8
_PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")


def check_params(params: dict[str, Any]) -> None:
    """Values both drivers take: names like $name, 64-bit integers, finite numbers, not
    nested too deep.  Anything else is a 422 here rather than an error deep in a driver."""
    def walk(value: Any, where: str, depth: int) -> None:
        if depth > MAX_PARAM_DEPTH:
            raise ApiError(422, "invalid_parameters", f"field '{where}': nested deeper than "
                           f"{MAX_PARAM_DEPTH} levels")
        if isinstance(value, bool) or value is None or isinstance(value, str):
            return
        if isinstance(value, int):
            if not INT64[0] <= value <= INT64[1]:
                raise ApiError(422, "invalid_parameters", f"field '{where}': {value} does not fit "
                               "in a 64-bit integer")
        elif isinstance(value, float):
            if not math.isfinite(value):
                raise ApiError(422, "invalid_parameters", f"field '{where}': {value} is not a finite number")
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, f"{where}[{i}]", depth + 1)
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(v, f"{where}.{k}", depth + 1)
        else:
            raise ApiError(422, "invalid_parameters", f"field '{where}': unsupported value")

    for name, value in params.items():
        if not _PARAM_NAME.match(name):
            raise ApiError(422, "invalid_parameters", f"field 'params': {name[:40]!r} is not a "
                           "parameter name (letters, digits and _, not starting with a digit)")
        walk(value, f"params.{name}", 1)


def _checked(body: CypherRequest) -> None:
    check_read_only(body.query)             # 403 / 400 before anything runs
    check_params(body.params)


def _run(svc: Service, body: CypherRequest) -> tuple[Any, float]:
    s = svc.settings
    t0 = time.perf_counter()
    res = svc.store.query(body.query, body.params, read_only=True,
                          row_limit=s.cypher_row_limit, timeout_s=s.cypher_timeout_s)
    return res, (time.perf_counter() - t0) * 1000


@router.post("/cypher", response_model=CypherResult, tags=["query"],
             summary="Run one read-only Cypher statement",
             responses={**ERRORS, 403: {"model": ErrorResponse, "description": "The query writes "
                                        "or administers the store, and was refused before it ran"},
                        413: {"model": ErrorResponse, "description": "The request body is too large"}})
async def run_cypher(body: CypherRequest, svc: Service = Depends(get_service)) -> dict[str, Any]:
    """``async`` so that a query waiting for a free slot holds no worker thread: the
    thread pool stays free for the other endpoints however many queries queue here."""
    await run_in_threadpool(_checked, body)
    s = svc.settings
    deadline = time.monotonic() + s.cypher_timeout_s
    while not svc.cypher_slots.acquire(blocking=False):
        if time.monotonic() > deadline:
            raise ApiError(503, "busy", f"{s.cypher_concurrency} Cypher queries are running already; "
                           "retry in a few seconds", headers={"Retry-After": "2"})
        await asyncio.sleep(0.05)
    try:
        res, elapsed = await run_in_threadpool(_run, svc, body)
    finally:
        svc.cypher_slots.release()
    return {"columns": [str(c) for c in res.columns], "rows": json_safe(res.rows),
            "truncated": bool(res.truncated), "row_limit": s.cypher_row_limit,
            "elapsed_ms": round(elapsed, 2)}


@router.get("/stats", response_model=Stats, responses=ERRORS, tags=["meta"],
            summary="How many documents, entities and relations the graph holds")
def get_stats(svc: Service = Depends(get_service)) -> dict[str, Any]:
    st = svc.store.stats()
    return {"store": svc.store_kind, **{k: st.get(k) or 0 for k in ("documents", "entities",
                                                                   "assertions", "mentions")},
            "nodes": st.get("nodes") or {}, "relationships": st.get("relationships") or {}}


@router.get("/health", response_model=Health, tags=["meta"],
            responses={503: {"model": ErrorResponse, "description": "The store cannot be reached"}},
            summary="Whether the service can read its store")
def get_health(svc: Service = Depends(get_service)) -> dict[str, Any]:
    try:
        svc.store.named("entity_by_id", {"id": ""}, timeout_s=5)
    except StoreError as exc:
        raise ApiError(503, "store_unavailable", str(exc), headers={"Retry-After": "5"}) from None
    return {"status": "ok", "store": svc.store_kind, "version": __version__}
