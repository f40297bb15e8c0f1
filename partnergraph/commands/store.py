"""``partnergraph ingest | delete | query | stats``: put documents in the graph and ask it.

The store is ``--store`` or ``$PARTNERGRAPH_STORE`` or ``./graph.lbug``: a file path for
the embedded store, ``neo4j://host:7687`` (or ``bolt://``) for Neo4j, with
``NEO4J_USER``/``NEO4J_PASSWORD``/``NEO4J_DATABASE`` from the environment.

Exit codes: 0 done; 1 some inputs failed (``ingest``) or nothing found (``delete``);
2 the store refused or could not be reached (one line on stderr says why).
Data (query rows, summaries) goes to stdout; progress and errors to stderr.
"""
from __future__ import annotations

import csv
import json
import sys
import time
from pathlib import Path
from typing import Any, Iterator, List, Optional

import typer

from ..errors import InputError
from ..graph.store import DEFAULT_STORE, StoreError, UpsertSummary, is_neo4j_uri, open_store
from ..progress import progress_iter

STORE_HELP = "Graph store: a file path (embedded) or neo4j://host:7687. Env: PARTNERGRAPH_STORE."


def _store_option() -> Any:
    return typer.Option(DEFAULT_STORE, "--store", "-s", envvar="PARTNERGRAPH_STORE", help=STORE_HELP)


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _open(uri: str, *, read_only: bool = False, must_exist: bool = False):
    """Open the store; a missing embedded file is an error unless we are about to write."""
    try:
        if not is_neo4j_uri(uri) and must_exist and not Path(uri).expanduser().exists():
            raise StoreError(f"no graph at {uri}: run `partnergraph ingest PATH... --store {uri}` first, "
                             "or point --store / PARTNERGRAPH_STORE at an existing graph")
        return open_store(uri, read_only=read_only)
    except StoreError as exc:
        raise _fail(str(exc)) from None


# --- ingest -------------------------------------------------------------------------------

def _extractions_from_jsonl(paths: List[str]) -> Iterator[Any]:
    """Extraction records from `partnergraph extract` output (or InputError per bad line)."""
    from ..model import Extraction
    for path in paths:
        try:
            fh = sys.stdin if path == "-" else open(path, encoding="utf-8")
        except OSError as exc:
            yield InputError(path, f"cannot open ({exc.strerror or exc})")
            continue
        with fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    yield Extraction.from_dict(json.loads(line))
                except (ValueError, KeyError, TypeError) as exc:
                    yield InputError(f"{path}:{n}", f"not an extraction record ({type(exc).__name__}: {exc})")


def _extractions_from_documents(paths: List[str], max_bytes: int) -> Iterator[Any]:
    from ..loaders.extract import extract
    from ..loaders.read import read_paths
    for item in read_paths(paths, max_bytes=max_bytes):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield extract(item)
        except Exception as exc:  # a bug in one document must not cost the rest of the run
            yield InputError(item.name, f"extraction failed ({type(exc).__name__}: {exc})")


def ingest_cmd(
    paths: List[str] = typer.Argument(..., metavar="PATH...",
                                      help="Files (.txt .md .html .pdf .jsonl), folders (recursive) or -."),
    store: str = _store_option(),
    batch_size: int = typer.Option(100, "--batch-size", min=1, max=100_000,
                                   help="Documents per transaction."),
    max_mb: float = typer.Option(20.0, "--max-mb", help="Refuse documents larger than this many megabytes."),
    from_extractions: bool = typer.Option(False, "--extractions",
                                          help="PATH... are JSONL from `partnergraph extract` (stored as is)."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Read, extract and store documents; re-running is safe.

    A document already stored (same text) is skipped; one whose source (path or URL) is
    stored with other text replaces the old version's facts.  Each batch of documents is
    one transaction, so an interrupted ingest (Ctrl-C, kill) leaves only whole documents:
    run the same command again to finish.  Bad inputs get one line each on stderr and are
    skipped.  Exit 1 when any input failed.

    Example: partnergraph ingest ../shared/seeds --store ./graph.lbug
    """
    from ..graph import cypher_files as cf
    st = _open(store)
    source = (_extractions_from_jsonl(paths) if from_extractions
              else _extractions_from_documents(paths, int(max_mb * 1024 * 1024)))
    total = UpsertSummary()
    failed = 0
    batch: list[Any] = []
    started = time.monotonic()

    def flush() -> None:
        if batch:
            total.add(st.upsert(batch, batch_size=len(batch)))
            batch.clear()
    try:
        for item in progress_iter(source, "ingesting"):
            if isinstance(item, InputError):
                failed += 1
                typer.echo(f"error: {item}", err=True)
                continue
            try:
                cf.plan(item)          # refuse a document the store cannot hold, alone
            except StoreError as exc:
                failed += 1
                typer.echo(f"error: {exc}", err=True)
                continue
            batch.append(item)
            if len(batch) >= batch_size:
                flush()
        flush()
        stats = st.stats()
    except StoreError as exc:
        done = total.new + total.changed + total.unchanged
        raise _fail(f"{exc} ({done} document(s) were committed before this; "
                    "run the same command again to go on)") from None
    finally:
        st.close()
    seconds = time.monotonic() - started
    summary = {"documents": {"new": total.new, "changed": total.changed,
                             "unchanged": total.unchanged, "failed": failed},
               "entities_added": total.entities, "relations_written": total.relations,
               "seconds": round(seconds, 2),
               "graph": {"documents": stats["documents"], "entities": stats["entities"],
                         "assertions": stats["assertions"]}}
    if as_json:
        typer.echo(json.dumps(summary))
    else:
        _print_ingest_summary(summary, store)
    raise typer.Exit(1 if failed else 0)


def _print_ingest_summary(s: dict[str, Any], store: str) -> None:
    from rich.console import Console
    from rich.table import Table
    t = Table(title=f"ingested into {store}", show_header=True)
    t.add_column("")
    t.add_column("count", justify="right")
    for k, v in s["documents"].items():
        t.add_row(f"documents {k}", str(v))
    t.add_row("entities added", str(s["entities_added"]))
    t.add_row("relations written", str(s["relations_written"]))
    t.add_row("graph: documents / entities / relations",
              f'{s["graph"]["documents"]} / {s["graph"]["entities"]} / {s["graph"]["assertions"]}')
    t.add_row("seconds", f'{s["seconds"]:.1f}')
    Console(soft_wrap=True).print(t)


# --- delete -------------------------------------------------------------------------------

def delete_cmd(
    doc_id: str = typer.Argument(..., help="The document id, a unique start of it (8+ characters), "
                                           "or the document's file name or source."),
    store: str = _store_option(),
) -> None:
    """Remove one document's facts: its assertions, its mentions, the document, and the
    entities no other document mentions.  Other documents' facts stay.

    Examples: partnergraph delete 3f2a9c1e      partnergraph delete mou.txt
    """
    st = _open(store, must_exist=True)
    try:
        rows = st.named("find_documents", {"text": doc_id}).rows
        if len(rows) > 1 and not any(r[0] == doc_id for r in rows):
            listed = ", ".join(f"{r[0][:12]} ({r[1]})" for r in rows[:5])
            raise _fail(f"{doc_id} matches several documents: {listed}; give the full id", 1)
        full = doc_id if not rows or any(r[0] == doc_id for r in rows) else rows[0][0]
        deleted = st.delete_document(full)
    except StoreError as exc:
        raise _fail(str(exc)) from None
    finally:
        st.close()
    if not deleted:
        raise _fail(f"no document {doc_id} in {store} (list them: partnergraph query "
                    "\"MATCH (d:Document) RETURN d.id, d.name\")", 1)
    typer.echo(f"deleted document {full}")


# --- query --------------------------------------------------------------------------------

def _param(text: str) -> tuple[str, Any]:
    if "=" not in text:
        raise _fail(f"--param {text!r}: write it as name=value", 2)
    k, v = text.split("=", 1)
    k = k.strip()
    if not k.isidentifier():
        raise _fail(f"--param {text!r}: {k!r} is not a parameter name", 2)
    try:
        value = json.loads(v)
    except ValueError:
        value = v
    return k, value


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (dict, list)):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def query_cmd(
    cypher: Optional[str] = typer.Argument(None, metavar="[CYPHER]", help="The Cypher query (or use --named)."),
    named: Optional[str] = typer.Option(None, "--named", "-n", help="Run cypher/NAME.cypher instead."),
    params: List[str] = typer.Option([], "--param", "-p", help="name=value (JSON values: 5, true, \"5\")."),
    fmt: str = typer.Option("table", "--format", "-f", help="table | json | csv"),
    write: bool = typer.Option(False, "--write", help="Allow writes (otherwise they are refused)."),
    limit: int = typer.Option(10_000, "--limit", min=1, help="At most this many rows."),
    timeout: float = typer.Option(0, "--timeout", min=0, help="Seconds before the query is stopped (0: none)."),
    store: str = _store_option(),
) -> None:
    """Run Cypher on the graph: read-only unless --write.

    Examples:
      partnergraph query "MATCH (e:Entity {kind: 'University'}) RETURN e.id, e.name LIMIT 5"
      partnergraph query --named partners --param id=org:gist --format json
    """
    if fmt not in ("table", "json", "csv"):
        raise _fail(f"--format {fmt!r}: use table, json or csv")
    if (cypher is None) == (named is None):
        raise _fail("give either a CYPHER query or --named NAME (not both)")
    if named and write:
        raise _fail("--write is for raw Cypher; named queries only read")
    values = dict(_param(p) for p in params)
    st = _open(store, read_only=not write, must_exist=True)
    try:
        if named:
            res = st.named(named, values, row_limit=limit, timeout_s=timeout or None)
        else:
            res = st.query(cypher, values, read_only=not write, row_limit=limit, timeout_s=timeout or None)
    except StoreError as exc:
        raise _fail(str(exc)) from None
    finally:
        st.close()
    if res.truncated:
        typer.echo(f"note: only the first {limit} rows (raise --limit for more)", err=True)
    if fmt == "json":
        typer.echo(json.dumps([dict(zip(res.columns, row)) for row in res.rows], ensure_ascii=False, indent=2))
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(res.columns)
        for row in res.rows:
            w.writerow([_cell(v) for v in row])
    else:
        from rich.console import Console
        from rich.table import Table
        t = Table(show_header=True, show_lines=False)
        for c in res.columns:
            t.add_column(str(c), overflow="fold")
        for row in res.rows:
            t.add_row(*[_cell(v) for v in row])
        Console(soft_wrap=False).print(t)
        typer.echo(f"{len(res.rows)} row(s)", err=True)


# --- stats --------------------------------------------------------------------------------

def stats_cmd(
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    store: str = _store_option(),
) -> None:
    """Documents, entities per kind and relations per type in the graph."""
    st = _open(store, read_only=True, must_exist=True)
    try:
        s = st.stats()
    except StoreError as exc:
        raise _fail(str(exc)) from None
    finally:
        st.close()
    if as_json:
        typer.echo(json.dumps(s, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table
    t = Table(title=f"{s['store']} store {s['uri']}", show_header=True)
    t.add_column("what")
    t.add_column("count", justify="right")
    t.add_row("documents", str(s["documents"]))
    t.add_row("entities", str(s["entities"]))
    for k, n in sorted(s["nodes"].items()):
        t.add_row(f"  {k or '(no kind)'}", str(n))
    t.add_row("relations (assertions)", str(s["assertions"]))
    for k, n in s["relationships"].items():
        t.add_row(f"  {k}", str(n))
    t.add_row("mentions", str(s["mentions"]))
    Console().print(t)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cmd)
    app.command("delete")(delete_cmd)
    app.command("query")(query_cmd)
    app.command("stats")(stats_cmd)
