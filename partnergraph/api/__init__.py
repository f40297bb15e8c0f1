"""The HTTP service: ``create_app(store)`` (see :mod:`.app`) and ``partnergraph serve``."""
from __future__ import annotations

from .app import app_from_env, create_app
from .settings import Settings

__all__ = ["create_app", "app_from_env", "Settings"]
