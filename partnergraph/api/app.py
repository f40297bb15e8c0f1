"""The app factory: ``create_app(store)`` gives a FastAPI app over either store.

Routes are plain ``def`` functions, so FastAPI runs each in its thread pool: the
stores' calls are synchronous, and the event loop stays free to accept connections
while queries run.  Middleware, outermost first: CORS (only when origins are
configured), gzip for answers over 1 KB, and a request-body cap (413 past
``max_body_bytes``, checked from Content-Length and again while the body streams in).

The explorer page (``partnergraph/api/static/index.html``) is served at ``/`` and its
folder at ``/static``, when they exist.

Examples
--------
>>> from fastapi.testclient import TestClient             # doctest: +SKIP
>>> app = create_app(open_store("graph.lbug", read_only=True))
>>> TestClient(app).get("/entities/GIST/partners").json()["total"]
4
"""
from __future__ import annotations

import contextlib
import gc
import logging
import threading
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..graph.store import Store, open_store
from . import errors
from .errors import error_body
from .service import Service
from .settings import Settings

log = logging.getLogger("partnergraph.api")

STATIC_DIR = Path(__file__).resolve().parent / "static"

DESCRIPTION = """\
Ask the partnership graph questions over HTTP: who partners with an organisation, who
funds whom, how two organisations are connected -- every answer with the documents and
the sentences behind it.

Wherever an `{id}` is expected, a name, alias, acronym or Korean name works too
(`/entities/GIST/partners`).  Errors have one shape:
`{"error": {"code": "...", "message": "..."}}`.
"""


class BodyLimit:
    """413 for request bodies larger than ``max_bytes`` (pure ASGI, so streaming bodies
    are counted as they arrive and never held whole)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _too_large(self) -> str:
        return (f"the request body is larger than {self.max_bytes} bytes; send less "
                "(the limit is PARTNERGRAPH_MAX_BODY_BYTES)")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = None
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                length = value
        if length is not None:
            try:
                size = int(length)
            except ValueError:
                size = -1
            if size < 0 or size > self.max_bytes:
                status, code = (413, "body_too_large") if size > 0 else (400, "bad_request")
                msg = self._too_large() if size > 0 else "the Content-Length header is not a number"
                await JSONResponse(error_body(code, msg), status_code=status)(scope, receive, send)
                return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise StarletteHTTPException(413, self._too_large())
            return message

        await self.app(scope, counted, send)


class ExplorerFiles(StaticFiles):
    """``/static``: the explorer's folder, which may appear after the app starts (a
    missing folder is a 404, not the RuntimeError StaticFiles raises)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not STATIC_DIR.is_dir():
            await JSONResponse(error_body("not_found", "no explorer files are installed"),
                               status_code=404)(scope, receive, send)
            return
        await super().__call__(scope, receive, send)


def _freeze_heap() -> None:
    """Move what is alive now (the name index, the document cache) out of the cyclic
    garbage collector's reach.  Those are a few hundred thousand long-lived objects; a
    full collection walked them all (~100 ms on a 100k-relationship graph), and that
    pause landed on whichever request was running: it was the API's p99.  They are
    still freed by reference counting when a reload replaces them."""
    gc.collect()
    gc.freeze()


def _warm(service: Service) -> None:
    from .routes_entities import warm_partner_answers
    try:
        service.names.snapshot()
        warm_partner_answers(service)
    except Exception as exc:  # the store is down: the first request will say so
        log.warning("warm-up failed: %s", exc)
    _freeze_heap()


def create_app(store: Store | None = None, settings: Settings | None = None) -> FastAPI:
    """The API over ``store`` (the caller keeps it open and closes it), or over the
    store that ``settings.store`` names (opened read-only here, closed at shutdown)."""
    settings = settings or Settings.from_env()
    owned = store is None
    if store is None:
        store = open_store(settings.store, read_only=True)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        # Bound the store calls running at once (anyio's default is 40 threads): an
        # embedded query does not run faster in parallel, and many at once only contend.
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.threads
        # Load the names and document titles now, in the background, so that the first
        # requests do not pay for it (they wait for it only if it is still running).
        threading.Thread(target=_warm, args=(app.state.service,), name="warm-up", daemon=True).start()
        try:
            yield
        finally:
            if owned:
                store.close()

    app = FastAPI(title="partnergraph", version=__version__, description=DESCRIPTION,
                  lifespan=lifespan,
                  openapi_tags=[{"name": "entities", "description": "organisations and their ties"},
                                {"name": "graph", "description": "paths, neighbourhoods, documents"},
                                {"name": "query", "description": "read-only Cypher"},
                                {"name": "analysis", "description": "centralities and communities"},
                                {"name": "export", "description": "files for Gephi"},
                                {"name": "meta", "description": "counts and health"}])
    app.state.service = Service(store, settings)
    app.state.service.names.on_change.append(_freeze_heap)    # after a reload, again
    errors.install(app)

    from .routes_analysis import router as analysis_router
    from .routes_entities import router as entities_router
    from .routes_graph import router as graph_router
    from .routes_query import router as query_router
    for router in (entities_router, graph_router, query_router, analysis_router):
        app.include_router(router)

    @app.get("/", include_in_schema=False)
    def index() -> Any:
        page = STATIC_DIR / "index.html"
        if page.is_file():
            return FileResponse(page, media_type="text/html")
        return RedirectResponse("/docs")

    app.mount("/static", ExplorerFiles(directory=STATIC_DIR, check_dir=False), name="static")

    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=5)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST", "OPTIONS"], allow_headers=["Content-Type"],
                           max_age=600)
    return app


def app_from_env() -> FastAPI:
    """For ``uvicorn --factory partnergraph.api:app_from_env`` (settings from the env)."""
    return create_app()
