"""The dependency that hands routes the app's :class:`Service`, and the error responses
every route documents."""
from __future__ import annotations

from fastapi import Request

from .models import ErrorResponse
from .service import Service

ERRORS = {
    400: {"model": ErrorResponse, "description": "The store rejected the query"},
    404: {"model": ErrorResponse, "description": "Unknown entity, program or document "
          "(with suggestions)"},
    422: {"model": ErrorResponse, "description": "A parameter is missing or invalid"},
    503: {"model": ErrorResponse, "description": "The store cannot be reached"},
}


async def get_service(request: Request) -> Service:
    """``async`` so that FastAPI calls it on the event loop, not through the thread pool."""
    return request.app.state.service
