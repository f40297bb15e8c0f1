"""``partnergraph run``: the main job in one command -- ingest, then serve.

What a researcher who has just cloned the repository wants: the example articles (or
their own) in a graph, and the explorer open on it.  It is ``partnergraph ingest``
followed by ``partnergraph serve`` on the same store, nothing more, so everything those
commands promise (re-running is safe, bad files are reported and skipped, the store is
read-only while served) holds here too.

Exit codes: as ``serve``; an ingest in which some files failed still serves the rest.
"""
from __future__ import annotations

from typing import List, Optional

import typer

from ..graph.store import DEFAULT_STORE
from ..paths import SEEDS_DIR
from .serve import STORE_HELP, serve_cmd
from .store import ingest_cmd

EXAMPLES_DIR = SEEDS_DIR / "examples"


def run_cmd(
    paths: Optional[List[str]] = typer.Argument(
        None, metavar="[PATH]...",
        help=f"Articles to ingest first (files, folders, -). Default: the example articles in {EXAMPLES_DIR}."),
    store: str = typer.Option(DEFAULT_STORE, "--store", "-s", envvar="PARTNERGRAPH_STORE", help=STORE_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0: every interface)."),
    port: int = typer.Option(8000, "--port", "-p", min=1, max=65535, help="Port to listen on."),
    serve: bool = typer.Option(True, "--serve/--no-serve", help="Serve after ingesting (--no-serve: ingest only)."),
) -> None:
    """Ingest articles into the store, then serve the API and the explorer page.

    Re-running is safe: documents already stored are skipped.  Stop the server with Ctrl-C.

    \b
    Examples:
      partnergraph run                        the example articles, in ./graph.lbug
      partnergraph run articles/ --port 8080  your own articles
      partnergraph run --no-serve             ingest only
    """
    sources = list(paths) if paths else [str(EXAMPLES_DIR)]
    typer.echo(f"ingesting {', '.join(sources)} into {store}", err=True)
    try:
        ingest_cmd(paths=sources, store=store, batch_size=100, max_mb=20.0,
                   from_extractions=False, as_json=False)
    except typer.Exit as done:
        if done.exit_code == 1:
            typer.echo("some inputs failed (listed above); serving the rest", err=True)
        elif done.exit_code:
            raise
    if not serve:
        return
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    typer.echo(f"\n  open http://{shown}:{port}/ for the explorer, http://{shown}:{port}/docs for the API"
               f"\n  e.g. curl 'http://{shown}:{port}/entities/GIST/partners'   (Ctrl-C stops)\n", err=True)
    serve_cmd(store=store, host=host, port=port, workers=1, log_level="info")


def register(app: typer.Typer) -> None:
    app.command("run")(run_cmd)
