"""``partnergraph extract``: print what the extractor finds, one JSON object per document.

The output is the format ``../shared/eval/score.py`` reads, so extraction can be scored
and inspected without any store.  Bad inputs get one line on stderr each and the run
goes on; the exit code is 1 when any input failed.  ``--out`` writes through a temporary
file that is renamed at the end, so an interrupted run never leaves half a file.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import InputError
from ..progress import progress_iter


def extract_cmd(
    paths: List[str] = typer.Argument(..., metavar="PATH...",
                                      help="Files (.txt .md .html .pdf .jsonl), folders (searched recursively) "
                                           "or - for standard input."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write the JSONL here instead of stdout."),
    pretty: bool = typer.Option(False, "--pretty", help="Indent the JSON (one object per document still)."),
    max_mb: float = typer.Option(20.0, "--max-mb", help="Refuse documents larger than this many megabytes."),
) -> None:
    """Extract entities and relations (with evidence) from articles, as JSON Lines.

    Each line: {"doc", "doc_id", "entities": [{"id", "name", "type", "aliases"}],
    "relations": [{"type", "source", "target", "attrs", "evidence": {"text", "start", "end"}}]}.
    Evidence offsets point into the cleaned document text.  Deterministic and offline.

    Example: partnergraph extract ../shared/seeds/*.txt > out.jsonl
    """
    from ..loaders.extract import extract
    from ..loaders.read import read_paths

    failed = 0
    done = 0
    tmp = None
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=str(out.parent))
        sink = os.fdopen(fd, "w", encoding="utf-8")
    else:
        sink = sys.stdout
    try:
        for item in progress_iter(read_paths(paths, max_bytes=int(max_mb * 1024 * 1024)), "extracting"):
            if isinstance(item, InputError):
                failed += 1
                typer.echo(f"error: {item}", err=True)
                continue
            try:
                rec = extract(item).to_dict()
            except Exception as exc:   # a bug must not cost the rest of the run
                failed += 1
                typer.echo(f"error: {item.name}: extraction failed ({type(exc).__name__}: {exc})", err=True)
                continue
            sink.write(json.dumps(rec, ensure_ascii=False, indent=2 if pretty else None) + "\n")
            done += 1
        if tmp:
            sink.close()
            os.replace(tmp, out)
            tmp = None
    except BrokenPipeError:       # `partnergraph extract ... | head`
        sys.stderr.close()
        raise typer.Exit(0)
    finally:
        if tmp:
            sink.close()
            os.unlink(tmp)
    if failed or done == 0:
        typer.echo(f"{done} document(s) extracted, {failed} failed", err=True)
    raise typer.Exit(1 if failed or done == 0 else 0)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_cmd)
