"""``partnergraph serve``: the HTTP API (and the explorer page) on uvicorn.

The embedded store is opened read-only, so ``partnergraph ingest`` can keep writing to
the same file while the server runs (the server follows what was last committed).
Settings other than the store, host and port come from the environment (see
:mod:`partnergraph.api.settings`).

Exit codes: 0 stopped; 2 the store or a setting is unusable (one line on stderr).
"""
from __future__ import annotations

import os
from pathlib import Path

import typer

from ..graph.store import DEFAULT_STORE, StoreError, is_neo4j_uri, open_store

STORE_HELP = "Graph store: a file path (embedded) or neo4j://host:7687. Env: PARTNERGRAPH_STORE."


def serve_cmd(
    store: str = typer.Option(DEFAULT_STORE, "--store", "-s", envvar="PARTNERGRAPH_STORE", help=STORE_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0: every interface)."),
    port: int = typer.Option(8000, "--port", "-p", min=1, max=65535, help="Port to listen on."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, max=64,
                                help="Server processes (each opens the store read-only); more "
                                     "than one uses more cores."),
    log_level: str = typer.Option("info", "--log-level", help="uvicorn log level: debug, info, warning, error."),
) -> None:
    """Serve the HTTP API and the explorer page.

    Then open http://HOST:PORT/ (explorer) or http://HOST:PORT/docs (the API).
    Examples:  partnergraph serve --store graph.lbug
               partnergraph serve --store neo4j://localhost:7687 --port 8080
    """
    import uvicorn

    from ..api import Settings, create_app
    from ..api.settings import SettingsError

    if not is_neo4j_uri(store) and not Path(store).expanduser().exists():
        typer.echo(f"error: no graph at {store}: run `partnergraph ingest PATH... --store {store}` first, "
                   "or point --store / PARTNERGRAPH_STORE at an existing graph", err=True)
        raise typer.Exit(2)
    try:
        settings = Settings.from_env(store=store)
        st = open_store(store, read_only=True)
    except (SettingsError, StoreError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    try:
        shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
        typer.echo(f"serving {store} on http://{shown}:{port}/  (API docs: http://{shown}:{port}/docs)",
                   err=True)
        options = dict(host=host, port=port, log_level=log_level.lower(), access_log=False,
                       timeout_keep_alive=10)
        if workers == 1:
            uvicorn.run(create_app(st, settings), **options)
        else:
            # Each worker process builds its own app (and opens the store) from the env.
            st.close()
            os.environ["PARTNERGRAPH_STORE"] = store
            uvicorn.run("partnergraph.api:app_from_env", factory=True, workers=workers, **options)
    except (OSError, SystemExit) as exc:   # uvicorn exits when it cannot bind
        if isinstance(exc, SystemExit) and not exc.code:
            raise
        why = f" ({exc.strerror or exc})" if isinstance(exc, OSError) else ""
        typer.echo(f"error: cannot serve on {host}:{port}{why}; is the port in use? "
                   "Choose another --port or --host", err=True)
        raise typer.Exit(2) from None
    finally:
        st.close()


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)
