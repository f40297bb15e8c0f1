"""Settings of the HTTP service, read from the environment once at start-up.

Why environment variables: the same app runs from ``partnergraph serve``, from
``uvicorn --factory partnergraph.api:app_from_env`` and in a container, and each of
those passes settings most simply as env vars.  A bad value is a one-line error that
names the variable, raised before the server starts.

=============================== ====================== ==================================
variable                        default                meaning
=============================== ====================== ==================================
``PARTNERGRAPH_STORE``          ``./graph.lbug``       embedded file path or neo4j:// URI
``PARTNERGRAPH_CORS_ORIGINS``   (none)                 comma-separated origins, or ``*``
``PARTNERGRAPH_CYPHER_TIMEOUT_S`` ``10``               seconds before a /cypher query stops
``PARTNERGRAPH_CYPHER_ROW_LIMIT`` ``1000``             rows a /cypher answer carries at most
``PARTNERGRAPH_CYPHER_CONCURRENCY`` ``4``              /cypher queries running or queued
``PARTNERGRAPH_MAX_BODY_BYTES`` ``1048576``            larger request bodies get a 413
``PARTNERGRAPH_INDEX_TTL_S``    ``2``                  how often the name index checks the
                                                       store's counts for changes
``PARTNERGRAPH_THREADS``        ``16``                 store calls running at once (the
                                                       worker threads of the endpoints)
=============================== ====================== ==================================
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping

from ..errors import PartnergraphError
from ..graph.store import store_uri


class SettingsError(PartnergraphError):
    """An environment variable holds a value the service cannot use."""


def _number(env: Mapping[str, str], name: str, default: float, kind: type, low: float,
            high: float) -> float:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = kind(raw.strip())
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a{'n integer' if kind is int else ' number'}; "
                            f"unset it or give a value from {low:g} to {high:g}") from None
    if not low <= value <= high:
        raise SettingsError(f"{name}={raw!r} is out of range; give a value from {low:g} to {high:g}")
    return value


@dataclass(frozen=True)
class Settings:
    store: str = "./graph.lbug"
    cors_origins: tuple[str, ...] = ()
    cypher_timeout_s: float = 10.0
    cypher_row_limit: int = 1000
    cypher_concurrency: int = 4
    max_body_bytes: int = 1 << 20
    index_ttl_s: float = 2.0
    threads: int = 16

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> "Settings":
        """Settings from ``env`` (default ``os.environ``); keyword overrides win."""
        env = os.environ if env is None else env
        origins = tuple(o.strip().rstrip("/") for o in env.get("PARTNERGRAPH_CORS_ORIGINS", "").split(",")
                        if o.strip())
        values = dict(
            store=store_uri(env.get("PARTNERGRAPH_STORE") or None),
            cors_origins=origins,
            cypher_timeout_s=_number(env, "PARTNERGRAPH_CYPHER_TIMEOUT_S", 10.0, float, 0.1, 3600),
            cypher_row_limit=_number(env, "PARTNERGRAPH_CYPHER_ROW_LIMIT", 1000, int, 1, 1_000_000),
            cypher_concurrency=_number(env, "PARTNERGRAPH_CYPHER_CONCURRENCY", 4, int, 1, 64),
            max_body_bytes=_number(env, "PARTNERGRAPH_MAX_BODY_BYTES", 1 << 20, int, 1024, 1 << 30),
            index_ttl_s=_number(env, "PARTNERGRAPH_INDEX_TTL_S", 2.0, float, 0.0, 86400),
            threads=_number(env, "PARTNERGRAPH_THREADS", 16, int, 2, 256),
        )
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
