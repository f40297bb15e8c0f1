"""Files for other tools, written from the collapsed graph with its metrics attached.

* :func:`to_graphml` and :func:`to_gexf`: for Gephi (also yEd, Cytoscape).  Nodes carry
  ``label``, ``kind``, ``region``, the centralities, ``community`` and
  ``articulation_point``; edges carry ``weight`` (evidence count), ``family``, per-family
  counts and summed amounts.  Every attribute is a scalar with one type per column:
  Gephi and NetworkX's GraphML writer reject lists and ``None``, and XML rejects control
  characters, so strings are cleaned and missing values left out.  The GEXF also carries
  ``viz`` colours (by kind) and sizes (by PageRank), so Gephi shows something useful
  before any layout or styling is applied.
* :func:`to_csv_dir`: the layout ``neo4j-admin database import full`` reads --
  ``nodes.csv`` (``id:ID``, properties, ``:LABEL`` = ``Entity;<Kind>``) and one
  ``relationships_<family>.csv`` per relation family (``:START_ID,:END_ID,:TYPE``, with
  the funder as start of funding rows), plus ``import-command.txt`` with the command.
  Rows are also plain CSV that ``LOAD CSV WITH HEADERS`` reads.
* :func:`to_json` / :func:`graph_data`: ``{"meta", "nodes", "edges"}`` for a front end.

Each writer accepts an analysed ``nx.Graph``, a plain one (metrics are computed), the
``(entities, relations)`` records of ``Store.graph_records()``, or a store.
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable

import networkx as nx

from ..schema import RELATION_TYPES
from .analysis import build_graph, ensure_metrics, json_safe, summary
from .plot import kind_color

NODE_COLUMNS: dict[str, type] = {
    "label": str, "kind": str, "region": str, "ror": str, "name_ko": str, "parent": str,
    "short": str, "degree": int, "weighted_degree": int, "betweenness": float,
    "pagerank": float, "eigenvector": float, "closeness": float, "community": int,
    "articulation_point": bool,
}
EDGE_COLUMNS: dict[str, type] = {
    "weight": int, "family": str, "families": str, "types": str, "funder": str,
}
# Neo4j import types for the CSV header (``name:type``); strings need none.
NEO4J_TYPES = {int: "long", float: "double", bool: "boolean"}

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_BREAKS = re.compile(r"[\t\r\n]+")


def clean_text(text: Any) -> str:
    """A string XML, Gephi and one-line CSV all accept: no control characters, no line
    breaks or tabs (a space instead)."""
    return _CONTROL.sub("", _BREAKS.sub(" ", str(text))).strip()


def _scalar(value: Any, kind: type) -> Any:
    """``value`` as the column's type, or None (left out) when there is nothing."""
    if value is None or value == "":
        return "" if kind is str else None
    if hasattr(value, "item"):        # numpy scalars
        value = value.item()
    if isinstance(value, (list, tuple, set, frozenset)):
        value = " | ".join(map(str, value))
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    if kind is str:
        return clean_text(value)
    if kind is bool:
        return bool(value)
    try:
        number = kind(value)
    except (TypeError, ValueError):
        return None
    return None if isinstance(number, float) and number != number else number


def as_graph(G_or_records: Any, **build_kw: Any) -> nx.Graph:
    """The analysed collapsed graph from a graph, ``(entities, relations)`` or a store."""
    if isinstance(G_or_records, nx.Graph):
        G = G_or_records
    elif hasattr(G_or_records, "graph_records"):
        G = build_graph(*G_or_records.graph_records(), **build_kw)
    elif isinstance(G_or_records, (tuple, list)) and len(G_or_records) == 2:
        G = build_graph(*G_or_records, **build_kw)
    else:
        raise TypeError("export needs an nx.Graph, (entities, relations) or a store, "
                        f"not {type(G_or_records).__name__}")
    return ensure_metrics(G)


def _edge_columns(G: nx.Graph) -> dict[str, type]:
    extra = sorted({k for _, _, d in G.edges(data=True) for k in d if k.startswith(("w_", "amount_"))})
    return {**EDGE_COLUMNS, **{k: int for k in extra}}


def export_graph(G_or_records: Any, **build_kw: Any) -> nx.Graph:
    """A clean copy for the file writers: only the known columns, one type each, string
    ids, no None, no lists; closeness only where it was computed for every node."""
    G = as_graph(G_or_records, **build_kw)
    node_cols = dict(NODE_COLUMNS)
    if G.graph.get("closeness_scope") != "all":
        node_cols.pop("closeness")
    edge_cols = _edge_columns(G)
    H = nx.Graph()
    H.graph.update({k: _scalar(v, type(v)) for k, v in G.graph.items()
                    if isinstance(v, (str, int, float, bool)) and k != "analysed"})
    for v, d in G.nodes(data=True):
        H.add_node(clean_text(v), **_columns(d, node_cols))
    for u, v, d in G.edges(data=True):
        H.add_edge(clean_text(u), clean_text(v), **_columns(d, edge_cols))
    return H


def _columns(data: dict[str, Any], columns: dict[str, type]) -> dict[str, Any]:
    out = {}
    for name, kind in columns.items():
        value = _scalar(data.get(name), kind)
        if value is not None:
            out[name] = value
    return out


def _open_target(path_or_file: str | Path | BinaryIO, write: Callable[[BinaryIO], None]) -> None:
    if hasattr(path_or_file, "write"):
        write(path_or_file)
        return
    path = Path(path_or_file)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        write(fh)


def to_graphml(G_or_records: Any, path: str | Path | BinaryIO, **build_kw: Any) -> None:
    """Write GraphML (valid against the GraphML 1.0 schema) for Gephi / yEd."""
    H = export_graph(G_or_records, **build_kw)
    _open_target(path, lambda fh: nx.write_graphml(H, fh, encoding="utf-8"))


def graphml_bytes(G_or_records: Any, **build_kw: Any) -> bytes:
    """The GraphML document as bytes (for an HTTP response)."""
    buf = io.BytesIO()
    to_graphml(G_or_records, buf, **build_kw)
    return buf.getvalue()


def _with_viz(H: nx.Graph) -> nx.Graph:
    """Gephi's ``viz`` colour by kind and size by PageRank (5 to 50)."""
    ranks = [d.get("pagerank", 0.0) for _, d in H.nodes(data=True)]
    top = max(ranks, default=0.0) or 1.0
    for _, d in H.nodes(data=True):
        r, g, b = kind_color(d.get("kind", ""), rgb=True)
        d["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0},
                    "size": round(5 + 45 * d.get("pagerank", 0.0) / top, 3)}
    return H


def to_gexf(G_or_records: Any, path: str | Path | BinaryIO, *, viz: bool = True,
            **build_kw: Any) -> None:
    """Write GEXF 1.2 for Gephi, with ``viz`` colours and sizes unless ``viz=False``."""
    H = export_graph(G_or_records, **build_kw)
    if viz:
        _with_viz(H)
    lines = list(nx.generate_gexf(H, encoding="utf-8", version="1.2draft"))
    for i, line in enumerate(lines):
        # NetworkX writes name="" on <graph>, which the GEXF 1.2 schema does not allow.
        if line.lstrip().startswith("<graph "):
            lines[i] = line.replace(' name=""', "", 1)
            break
    data = ("\n".join(lines) + "\n").encode("utf-8")
    _open_target(path, lambda fh: fh.write(data))


def gexf_bytes(G_or_records: Any, *, viz: bool = True, **build_kw: Any) -> bytes:
    """The GEXF document as bytes (for an HTTP response)."""
    buf = io.BytesIO()
    to_gexf(G_or_records, buf, viz=viz, **build_kw)
    return buf.getvalue()


# --- neo4j-admin CSV ------------------------------------------------------------------------

def _header(name: str, kind: type) -> str:
    return f"{name}:{NEO4J_TYPES[kind]}" if kind in NEO4J_TYPES else name


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def _node_rows(H: nx.Graph) -> tuple[list[str], list[list[Any]]]:
    cols = {k: t for k, t in NODE_COLUMNS.items()
            if k != "label" and any(k in d for _, d in H.nodes(data=True))}
    header = ["id:ID", "name", *(_header(k, t) for k, t in cols.items()), ":LABEL"]
    rows = []
    for v, d in H.nodes(data=True):
        labels = "Entity" + (f";{d['kind']}" if re.fullmatch(r"[A-Za-z]\w*", d.get("kind", "")) else "")
        rows.append([v, d.get("label", v), *(_cell(d.get(k)) for k in cols), labels])
    return header, rows


def _relationship_rows(H: nx.Graph) -> dict[str, tuple[list[str], list[list[Any]]]]:
    """One table per family: a pair tied in two families gets a row in each, with that
    family's evidence count as ``weight``; money goes on the funding row."""
    amounts = sorted({k for _, _, d in H.edges(data=True) for k in d if k.startswith("amount_")})
    tables: dict[str, tuple[list[str], list[list[Any]]]] = {}
    for u, v, d in H.edges(data=True):
        for family in d.get("families", "").split("|"):
            if not family:
                continue
            funding = family == "funding"
            header = [":START_ID", ":END_ID", ":TYPE", "weight:long", "types", "pair_weight:long"]
            if funding:
                header += [f"{a}:long" for a in amounts]
            start, end = (v, u) if funding and d.get("funder") == v else (u, v)
            row = [start, end, family.upper(), d.get(f"w_{family}", 0),
                   "|".join(t for t in d.get("types", "").split("|") if _family_of(t) == family),
                   d.get("weight", 0)]
            if funding:
                row += [d.get(a, 0) for a in amounts]
            tables.setdefault(family, (header, []))[1].append(row)
    return tables


def _family_of(rel_type: str) -> str:
    rt = RELATION_TYPES.get(rel_type)
    return rt.family if rt else ""


def _write_csv(path: Path, header: list[str], rows: Iterable[list[Any]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def to_csv_dir(G_or_records: Any, directory: str | Path, **build_kw: Any) -> list[Path]:
    """Write ``nodes.csv`` and ``relationships_<family>.csv`` for ``neo4j-admin database
    import full`` (and ``LOAD CSV``), plus ``import-command.txt``; returns the CSV paths."""
    H = export_graph(G_or_records, **build_kw)
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "nodes.csv"]
    _write_csv(written[0], *_node_rows(H))
    for family, (header, rows) in sorted(_relationship_rows(H).items()):
        path = out / f"relationships_{family}.csv"
        _write_csv(path, header, rows)
        written.append(path)
    rels = " ".join(f"--relationships={p.name}" for p in written[1:])
    (out / "import-command.txt").write_text(
        "# from this directory, with the target database stopped:\n"
        f"neo4j-admin database import full --nodes=nodes.csv {rels} --overwrite-destination neo4j\n",
        encoding="utf-8")
    return written


# --- JSON for a front end -------------------------------------------------------------------

def graph_data(G_or_records: Any, **build_kw: Any) -> dict[str, Any]:
    """``{"meta": summary, "nodes": [{"id", ...}], "edges": [{"source", "target", ...}]}``,
    JSON-safe, with the same attributes as the GraphML."""
    G = as_graph(G_or_records, **build_kw)
    H = export_graph(G)
    return json_safe({
        "meta": summary(G),
        "nodes": [{"id": v, **d} for v, d in H.nodes(data=True)],
        "edges": [{"source": u, "target": v, **d} for u, v, d in H.edges(data=True)],
    })


def to_json(G_or_records: Any, path: str | Path | BinaryIO, **build_kw: Any) -> None:
    """Write :func:`graph_data` as UTF-8 JSON."""
    data = json.dumps(graph_data(G_or_records, **build_kw), ensure_ascii=False, indent=1).encode("utf-8")
    _open_target(path, lambda fh: fh.write(data))


WRITERS: dict[str, Callable[..., Any]] = {
    "graphml": to_graphml, "gexf": to_gexf, "csv": to_csv_dir, "json": to_json,
}
