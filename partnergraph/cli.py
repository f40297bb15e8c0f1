"""The ``partnergraph`` command line.

Each group of commands lives in its own module under ``partnergraph/commands/`` and
registers itself on the one typer app here, so that a command's code sits next to the
stage it drives.  Errors from the stages reach the user as one line on stderr and a
non-zero exit code, never as a traceback.
"""
from __future__ import annotations

import importlib
import logging
import sys

import typer

from . import __version__

app = typer.Typer(
    name="partnergraph",
    help=(
        "Build a knowledge graph of higher-education partnerships from news articles.\n\n"
        "Typical flow: `partnergraph extract` (inspect what the extractor finds), "
        "`partnergraph ingest` (store it: embedded file by default, Neo4j with "
        "--store neo4j://...), then `query`, `stats`, `serve`, `analyze`, `export`.\n\n"
        "The store is chosen by --store or $PARTNERGRAPH_STORE (default ./graph.lbug)."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

# Modules that add commands; a missing one (work in progress) is simply not offered.
COMMAND_MODULES = ["extract", "store", "serve", "analysis", "run"]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"partnergraph {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress details to stderr."),
) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


for _name in COMMAND_MODULES:
    try:
        importlib.import_module(f"partnergraph.commands.{_name}").register(app)
    except ModuleNotFoundError as exc:  # only tolerate the module itself being absent
        if exc.name != f"partnergraph.commands.{_name}":
            raise


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
