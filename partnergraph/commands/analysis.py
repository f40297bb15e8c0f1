"""``partnergraph analyze | export | plot``: the network view of the stored graph.

All three read the store (``--store`` / ``$PARTNERGRAPH_STORE``, read-only), collapse it
to one weighted edge per pair (see ``partnergraph.graph.analysis``), and take the same
filters: ``--types``, ``--kinds``, ``--from``/``--to`` and ``--min-support``.

Exit codes: 0 done; 1 nothing matched the filters; 2 bad option or the store could not
be read (one line on stderr says why).  Tables and data go to stdout, notes to stderr.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any, List, Optional

import typer

from ..errors import PartnergraphError
from ..graph.store import DEFAULT_STORE, StoreError, is_neo4j_uri, open_store

STORE_HELP = "Graph store: a file path (embedded) or neo4j://host:7687. Env: PARTNERGRAPH_STORE."
FORMATS = {"graphml": ".graphml", "gexf": ".gexf", "csv": "", "json": ".json"}


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _split(values: Optional[List[str]]) -> Optional[list[str]]:
    """``--types MOU,FUNDS --types HOSTS`` -> ["MOU", "FUNDS", "HOSTS"]; None when unset."""
    if not values:
        return None
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def load_graph(store: str, *, types: Optional[List[str]] = None, kinds: Optional[List[str]] = None,
               date_from: Optional[str] = None, date_to: Optional[str] = None,
               min_support: int = 1) -> Any:
    """Read the store's records and build the collapsed graph; store and filter problems
    become a one-line error (exit 2), an empty result exit 1."""
    from ..graph.analysis import build_graph, records_from_store

    if not is_neo4j_uri(store) and not Path(store).expanduser().exists():
        raise _fail(f"no graph at {store}: run `partnergraph ingest PATH... --store {store}` first, "
                    "or point --store / PARTNERGRAPH_STORE at an existing graph")
    try:
        st = open_store(store, read_only=True)
        try:
            entities, relations = records_from_store(st)
        finally:
            st.close()
        G = build_graph(entities, relations, types=_split(types), kinds=_split(kinds),
                        date_from=date_from, date_to=date_to, min_support=min_support)
    except (StoreError, PartnergraphError) as exc:
        raise _fail(str(exc)) from None
    if G.number_of_edges() == 0:
        raise _fail(f"nothing to analyse: the graph at {store} has no relations matching the filters "
                    f"({len(relations)} relations, {len(entities)} entities stored)", code=1)
    return G


# Options shared by the three commands (typer reads them from the signatures).
def _store() -> Any:
    return typer.Option(DEFAULT_STORE, "--store", "-s", envvar="PARTNERGRAPH_STORE", help=STORE_HELP)


def _types() -> Any:
    return typer.Option(None, "--types", "-t", help="Relation types to use, comma-separated "
                        "(default: all but LOCATED_IN). E.g. MOU,PARTNERS_WITH,FUNDS.")


def _kinds() -> Any:
    return typer.Option(None, "--kinds", "-k", help="Entity kinds to keep, comma-separated "
                        "(default: all). E.g. University,Hospital.")


def _from() -> Any:
    return typer.Option(None, "--from", help="Only relations dated on/after this (YYYY[-MM[-DD]]).")


def _to() -> Any:
    return typer.Option(None, "--to", help="Only relations dated on/before this (YYYY[-MM[-DD]]).")


def _support() -> Any:
    return typer.Option(1, "--min-support", min=1, help="Keep ties stated by at least this many documents.")


# --- analyze --------------------------------------------------------------------------------

def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def _rank_table(title: str, rows: list[dict[str, Any]], value: str = "value") -> Any:
    from rich.table import Table
    table = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("name", overflow="fold")
    table.add_column("kind", style="dim")
    table.add_column(value, justify="right")
    for i, row in enumerate(rows, 1):
        table.add_row(str(i), row["name"], row["kind"], _fmt(row["value"]))
    return table


def _method_note(methods: dict[str, Any]) -> str:
    b = methods["betweenness"]
    if b["method"] == "exact":
        text = "betweenness: exact"
    else:
        e = b["error"]
        text = (f"betweenness: sampled, k={b['k']} pivots, seed {b['seed']}; standard error over the "
                f"top {e['top']}: median {e['se_median']:.4f} ({e['relative_se_median']:.0%} of the value), "
                f"max {e['se_max']:.4f}; top-{e['top']} agreement of two half-samples {e['top_agreement']:.0%}")
    c = methods["closeness"]
    if c["scope"] != "all":
        text += f"; closeness: {c['note']}"
    ev = methods["eigenvector"]
    if not ev.get("converged", True):
        text += f"; eigenvector: did not converge ({ev.get('error', '')})"
    return text


def print_report(result: dict[str, Any], console: Any) -> None:
    """The terminal view of :func:`analyze`'s result."""
    from rich.table import Table
    g = result["graph"]
    console.print(f"[bold]{g['nodes']:,} nodes, {g['edges']:,} ties[/bold] "
                  f"({g['components']:,} components, largest {g['largest_component']:,}; "
                  f"density {g['density']:.4f})")
    c = result["centrality"]
    for name, title in [("degree", "Most partners (degree)"),
                        ("weighted_degree", "Most evidence (weighted degree: documents over all ties)"),
                        ("betweenness", "Brokers on shortest paths (betweenness)"),
                        ("pagerank", "PageRank"),
                        ("eigenvector", "Eigenvector centrality"),
                        ("closeness", "Closeness")]:
        console.print(_rank_table(title, c[name]))
        console.print()
    console.print(f"[dim]{_method_note(result['methods'])}[/dim]\n")

    b = result["brokers"]
    console.print(_rank_table(f"Cut points: removing one splits the network "
                              f"({b['articulation_point_count']:,} in all)", b["articulation_points"],
                              "betweenness"))
    bridges = Table(title=f"Bridges: the only tie between two parts ({b['bridge_count']:,} in all, "
                          f"{b['leaf_bridge_count']:,} to a single node not shown)",
                    title_justify="left", show_edge=False, pad_edge=False)
    for col in ("from", "to", "tie", "documents"):
        bridges.add_column(col, justify="right" if col == "documents" else "left")
    for row in b["bridges"]:
        bridges.add_row(row["source_name"], row["target_name"], row["family"], str(row["weight"]))
    console.print(bridges)
    console.print()

    comm = result["communities"]
    method = result["methods"]["communities"]
    name = "Louvain" if method["method"] == "louvain" else "fast label propagation"
    table = Table(title=f"Communities ({name}, seed {method['seed']}): "
                        f"{comm['count']:,}, modularity {comm['modularity']:.3f}",
                  title_justify="left", show_edge=False, pad_edge=False)
    for col in ("#", "size", "kinds", "best connected"):
        table.add_column(col, overflow="fold")
    for row in comm["top"]:
        kinds = ", ".join(f"{k or '?'} {n}" for k, n in row["kinds"].items())
        table.add_row(str(row["community"]), str(row["size"]), kinds, "; ".join(row["members"]))
    console.print(table)
    console.print()

    f = result["funding"]
    if not f["totals"]:
        console.print("[dim]Funding: no amounts stated in the selected relations.[/dim]")
        return
    console.print("Funding stated, per currency: "
                  + ", ".join(f"{_fmt(v)} {k}" for k, v in f["totals"].items()))
    for key, title in [("by_funder", "Funding by funder"), ("by_region", "Funding by recipient's region"),
                       ("by_program", "Funding by program")]:
        table = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
        for col in ("name", "currency", "amount", "grants", "documents"):
            table.add_column(col, justify="left" if col == "name" else "right", overflow="fold")
        for row in f[key]:
            table.add_row(row["name"], row["currency"], _fmt(row["amount"]), str(row["grants"]),
                          str(row["documents"]))
        console.print(table)
        console.print()


def write_result(result: dict[str, Any], G: Any, out: Path) -> None:
    """``.json``: the whole result; ``.csv``: one row per node with every metric."""
    from ..graph.analysis import node_table
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix.lower() == ".json":
        out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
        return
    rows = node_table(G)
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]) if rows else ["id"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def analyze_cmd(
    store: str = _store(),
    top: int = typer.Option(10, "--top", "-n", min=1, max=10_000, help="Rows per ranking."),
    out: Optional[Path] = typer.Option(None, "--out", "-o",
                                       help="Also write FILE.json (everything) or FILE.csv (one row per node)."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON instead of tables."),
    types: Optional[List[str]] = _types(),
    kinds: Optional[List[str]] = _kinds(),
    date_from: Optional[str] = _from(),
    date_to: Optional[str] = _to(),
    min_support: int = _support(),
    seed: int = typer.Option(42, "--seed", help="Seed for communities and sampled betweenness."),
    betweenness_k: Optional[int] = typer.Option(None, "--betweenness-k", min=2,
                                                help="Pivots for sampled betweenness (default: exact "
                                                     "on small graphs, a time budget on large ones)."),
    community_method: str = typer.Option("auto", "--communities",
                                         help="louvain, label_propagation, or auto (Louvain up to "
                                              "300k ties, label propagation above)."),
) -> None:
    """Centralities, brokers, communities and funding of the partnership network.

    Example: partnergraph analyze --top 15 --out analysis.json
    """
    from rich.console import Console

    from ..graph.analysis import analyze
    if out is not None and out.suffix.lower() not in {".json", ".csv"}:
        raise _fail(f"--out {out}: write a .json or .csv file")
    if community_method not in {"auto", "louvain", "label_propagation"}:
        raise _fail(f"--communities {community_method}: choose auto, louvain or label_propagation")
    G = load_graph(store, types=types, kinds=kinds, date_from=date_from, date_to=date_to,
                   min_support=min_support)
    result = analyze(G, top=top, seed=seed, betweenness_k=betweenness_k,
                     community_method=community_method)
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
    else:
        print_report(result, Console(highlight=False))
    if out is not None:
        write_result(result, G, out)
        typer.echo(f"wrote {out}", err=True)


# --- export ---------------------------------------------------------------------------------

def export_cmd(
    fmt: str = typer.Option("graphml", "--format", "-f",
                            help="graphml or gexf (Gephi), csv (neo4j-admin import folder), json."),
    out: Optional[Path] = typer.Option(None, "--out", "-o",
                                       help="File (a folder for csv); '-' for stdout. "
                                            "Default: partnergraph.<format>, or partnergraph-csv/."),
    store: str = _store(),
    types: Optional[List[str]] = _types(),
    kinds: Optional[List[str]] = _kinds(),
    date_from: Optional[str] = _from(),
    date_to: Optional[str] = _to(),
    min_support: int = _support(),
) -> None:
    """Write the network with its metrics for Gephi, Neo4j or a front end.

    Example: partnergraph export --format gexf --out network.gexf
    """
    from ..graph.analysis import ensure_metrics
    from ..graph.export import WRITERS
    fmt = fmt.lower().strip()
    if fmt not in FORMATS:
        raise _fail(f"--format {fmt}: choose one of {', '.join(FORMATS)}")
    if fmt == "csv" and str(out) == "-":
        raise _fail("--format csv writes a folder of files: give --out DIR")
    G = ensure_metrics(load_graph(store, types=types, kinds=kinds, date_from=date_from,
                                  date_to=date_to, min_support=min_support))
    target = out or Path(f"partnergraph{FORMATS[fmt]}" if fmt != "csv" else "partnergraph-csv")
    try:
        if str(target) == "-":
            WRITERS[fmt](G, sys.stdout.buffer)
            sys.stdout.buffer.flush()
            return
        WRITERS[fmt](G, target)
    except OSError as exc:
        raise _fail(f"cannot write {target}: {exc.strerror or exc}") from None
    typer.echo(f"wrote {target} ({G.number_of_nodes():,} nodes, {G.number_of_edges():,} ties)", err=True)


# --- plot -----------------------------------------------------------------------------------

def plot_cmd(
    out: Path = typer.Option(Path("partnergraph.png"), "--out", "-o", help="FILE.png or FILE.svg."),
    store: str = _store(),
    size_by: str = typer.Option("pagerank", "--size-by",
                                help="Node size: pagerank, betweenness, degree, weighted_degree, "
                                     "eigenvector or closeness."),
    max_nodes: int = typer.Option(300, "--max-nodes", min=1, help="Draw the most central N nodes."),
    max_labels: int = typer.Option(80, "--max-labels", min=0, help="Label the most central N nodes."),
    seed: int = typer.Option(42, "--seed", help="Layout seed."),
    types: Optional[List[str]] = _types(),
    kinds: Optional[List[str]] = _kinds(),
    date_from: Optional[str] = _from(),
    date_to: Optional[str] = _to(),
    min_support: int = _support(),
) -> None:
    """Draw the network: colour = kind, size = centrality, label = short name.

    Example: partnergraph plot --out network.png
    """
    from ..graph.analysis import METRICS
    from ..graph.plot import plot
    if out.suffix.lower() not in {".png", ".svg"}:
        raise _fail(f"--out {out}: write a .png or .svg file")
    if size_by not in METRICS:
        raise _fail(f"--size-by {size_by}: choose one of {', '.join(METRICS)}")
    G = load_graph(store, types=types, kinds=kinds, date_from=date_from, date_to=date_to,
                   min_support=min_support)
    try:
        plot(G, out, size_by=size_by, seed=seed, max_nodes=max_nodes, max_labels=max_labels)
    except OSError as exc:
        raise _fail(f"cannot write {out}: {exc.strerror or exc}") from None
    typer.echo(f"wrote {out} ({min(max_nodes, G.number_of_nodes()):,} of {G.number_of_nodes():,} nodes)",
               err=True)


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze_cmd)
    app.command("export")(export_cmd)
    app.command("plot")(plot_cmd)
