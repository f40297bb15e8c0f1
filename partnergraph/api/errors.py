"""One error shape for every failure: ``{"error": {"code", "message", ...}}``.

Why one shape: a front end or a script handles errors in one place, and the message is
the same one-line diagnosis the CLI prints (what was wrong with which input, what to do).
Nothing else leaves the server: an unexpected exception is logged with its traceback on
stderr and answered with a plain 500, never with the traceback.

=========================== ====== ============================================
raised                      status code
=========================== ====== ============================================
:class:`ApiError`           any    its own (``entity_not_found`` + suggestions...)
request validation          422    ``invalid_parameters``
``WriteRefused``            403    ``write_refused``
``QueryError``              400    ``query_error`` (the engine's message)
``StoreUnavailable``        503    ``store_unavailable``
other ``StoreError``        503    ``store_error``
``AnalysisError``           422    ``invalid_parameters``
HTTP errors (404 route...)  same   ``not_found``, ``method_not_allowed``...
anything else               500    ``internal_error``
=========================== ====== ============================================
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import PartnergraphError
from ..graph.store import QueryError, StoreError, StoreUnavailable, WriteRefused

log = logging.getLogger("partnergraph.api")

HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
              405: "method_not_allowed", 406: "not_acceptable", 413: "body_too_large",
              415: "unsupported_media_type", 422: "invalid_parameters", 429: "too_many_requests",
              500: "internal_error", 503: "unavailable"}


class ApiError(Exception):
    """An answer other than 200 that a route decides on (unknown entity, busy...)."""

    def __init__(self, status: int, code: str, message: str, *,
                 suggestions: list[dict[str, Any]] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.suggestions = suggestions
        self.headers = headers


def error_body(code: str, message: str, suggestions: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    err: dict[str, Any] = {"code": code, "message": message}
    if suggestions is not None:
        err["suggestions"] = suggestions
    return {"error": err}


def error_response(status: int, code: str, message: str, *,
                   suggestions: list[dict[str, Any]] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message, suggestions), status_code=status, headers=headers)


def _where(loc: tuple | list) -> str:
    """``("query", "limit")`` -> ``query parameter 'limit'``."""
    parts = [str(p) for p in loc]
    if not parts:
        return "the request"
    head, rest = parts[0], parts[1:]
    names = {"query": "query parameter", "path": "path parameter", "body": "request body",
             "header": "header", "cookie": "cookie"}
    if head in names:
        if not rest:
            return names[head]
        label = "field" if head == "body" else names[head]
        return f"{label} '{'.'.join(rest)}'"
    return "'" + ".".join(parts) + "'"


def validation_message(errors: list[dict[str, Any]]) -> str:
    """Pydantic's error list as one line: ``query parameter 'limit': Input should be ...``."""
    seen: list[str] = []
    for err in errors[:5]:
        msg = str(err.get("msg", "invalid value"))
        if err.get("type") == "string_pattern_mismatch" and "\\d{4}" in str((err.get("ctx") or {}).get("pattern")):
            msg = "should be a date: YYYY, YYYY-MM or YYYY-MM-DD"
        loc = [p for p in err.get("loc", ()) if not isinstance(p, int)]   # type.0 -> type
        given = err.get("input")
        if isinstance(given, (str, int, float)) and not isinstance(given, bool) and err.get("type") != "missing":
            msg += f" (got {str(given)[:60]!r})"
        text = f"{_where(loc)}: {msg}"
        if text not in seen:
            seen.append(text)
    more = len(errors) - 5
    return "; ".join(seen) + (f" (and {more} more)" if more > 0 else "")


def install(app: FastAPI) -> None:
    """Install the handlers that give every failure the one error shape."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, suggestions=exc.suggestions,
                              headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, "invalid_parameters", validation_message(list(exc.errors())))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}")
        detail = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no such path: {request.url.path} (see /docs for the endpoints)"
        elif exc.status_code == 405 and detail == "Method Not Allowed":
            detail = f"{request.method} is not allowed on {request.url.path} (see /docs)"
        return error_response(exc.status_code, code, detail, headers=getattr(exc, "headers", None))

    @app.exception_handler(WriteRefused)
    async def _refused(request: Request, exc: WriteRefused) -> JSONResponse:
        return error_response(403, "write_refused", str(exc))

    @app.exception_handler(QueryError)
    async def _query(request: Request, exc: QueryError) -> JSONResponse:
        return error_response(400, "query_error", str(exc) or "the query was rejected")

    @app.exception_handler(StoreUnavailable)
    async def _unavailable(request: Request, exc: StoreUnavailable) -> JSONResponse:
        return error_response(503, "store_unavailable", str(exc), headers={"Retry-After": "5"})

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> JSONResponse:
        log.warning("store error on %s %s: %s", request.method, request.url.path, exc)
        return error_response(503, "store_error", str(exc), headers={"Retry-After": "5"})

    @app.exception_handler(PartnergraphError)
    async def _domain(request: Request, exc: PartnergraphError) -> JSONResponse:
        # AnalysisError and friends: a filter or parameter the analysis cannot use.
        return error_response(422, "invalid_parameters", str(exc))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.error("internal error on %s %s", request.method, request.url.path, exc_info=exc)
        return error_response(500, "internal_error",
                              "internal error; the server log has the details")
