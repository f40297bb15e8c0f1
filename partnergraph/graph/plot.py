"""A picture of the network for people who would rather look than read tables.

Nodes are coloured by kind (with a legend), sized by a centrality (PageRank by
default), and labelled by short name (the acronym when one is known).  The layout is
seeded, so the same graph gives the same picture: Kamada-Kawai per connected component
for small graphs (it spreads clusters evenly), a spring layout for larger ones; the
components are then packed side by side so that small islands do not sit on top of the
main cluster.  Labels are nudged apart where they would overlap.  Graphs larger than
``max_nodes`` are cut to their most central nodes, and the title says so.

matplotlib is imported inside :func:`plot` so that the exports (which share the kind
colours) do not pay for it.
"""
from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import networkx as nx

KIND_COLORS: dict[str, str] = {
    "University": "#1f77b4",
    "Hospital": "#d62728",
    "Ministry": "#9467bd",
    "Agency": "#ff7f0e",
    "LocalGovernment": "#2ca02c",
    "Company": "#8c564b",
    "Institute": "#17becf",
    "Program": "#e377c2",
    "Region": "#bcbd22",
    "Person": "#7f7f7f",
}
OTHER_COLOR = "#b0b0b0"
FAMILY_COLORS: dict[str, str] = {
    "partnership": "#555555",
    "funding": "#2ca02c",
    "program": "#e377c2",
    "structure": "#1f77b4",
    "people": "#7f7f7f",
    "place": "#bcbd22",
}
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")


def kind_color(kind: str, rgb: bool = False) -> Any:
    """The colour of a kind, as ``#rrggbb`` or an ``(r, g, b)`` tuple of 0-255 ints."""
    color = KIND_COLORS.get(kind, OTHER_COLOR)
    if not rgb:
        return color
    return tuple(int(color[i:i + 2], 16) for i in (1, 3, 5))


def _median(values: Any) -> float:
    values = sorted(values)
    return values[len(values) // 2] if values else 0.0


def _component_layout(H: nx.Graph, seed: int) -> dict[Any, tuple[float, float]]:
    """Positions of one connected component, spread so that one hop is about one unit."""
    n = len(H)
    if n == 1:
        return {next(iter(H)): (0.0, 0.0)}
    if n == 2:
        u, v = H
        return {u: (-0.6, 0.0), v: (0.6, 0.0)}
    if n <= 150:
        pos = nx.kamada_kawai_layout(H, weight=None)
    else:
        pos = nx.spring_layout(H, seed=seed, iterations=100)
    # rescale so that the median edge is 1.4 units long and the median distance from a
    # node to its nearest other node at least 1.2 (dense components need the room)
    unit = 1.4 / (_median(math.dist(pos[u], pos[v]) for u, v in H.edges()) or 1.0)
    if n <= 400:
        nearest = _median(min(math.dist(p, q) for w, q in pos.items() if w != v) for v, p in pos.items())
        unit = max(unit, 1.2 / (nearest or 1.0))
    return {v: (x * unit, y * unit) for v, (x, y) in pos.items()}


def _pack(boxes: list[tuple[float, float]], aspect: float = 1.6) -> list[tuple[float, float]]:
    """Top-left corners for boxes (largest first): rows filled with columns, so that
    small components stack beside a large one instead of starting a new row each."""
    area = sum(w * h for w, h in boxes)
    width = max(max(w for w, _ in boxes), math.sqrt(area * aspect))
    corners: list[tuple[float, float]] = []
    row_top, row_h, col_x, col_y, col_w = 0.0, 0.0, 0.0, 0.0, 0.0
    for w, h in boxes:
        if corners and col_y + h <= row_h + 1e-9:        # fits in the current column
            corners.append((col_x, row_top - col_y))
            col_y += h
            col_w = max(col_w, w)
            continue
        col_x += col_w                                    # start a new column ...
        if corners and col_x + w > width * 1.2:           # ... or a new row
            row_top -= row_h
            col_x, row_h = 0.0, 0.0
        row_h = max(row_h, h)
        corners.append((col_x, row_top))
        col_y, col_w = h, w
    return corners


def _layout(G: nx.Graph, seed: int) -> dict[Any, tuple[float, float]]:
    """Lay out each connected component alone (largest first) and pack them."""
    comps = sorted(nx.connected_components(G), key=lambda c: (-len(c), min(map(str, c))))
    local = [_component_layout(G.subgraph(c), seed) for c in comps]
    boxes, origins = [], []
    for pos in local:
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        boxes.append((max(xs) - min(xs) + 2.4, max(ys) - min(ys) + 1.6))
        origins.append((min(xs) - 1.2, max(ys) + 0.8))
    out: dict[Any, tuple[float, float]] = {}
    for pos, (ox, oy), (cx, cy) in zip(local, origins, _pack(boxes)):
        for v, (x, y) in pos.items():
            out[v] = (cx + x - ox, cy + y - oy)
    return out


def _label(data: dict[str, Any], node: Any, can_hangul: bool) -> str:
    text = data.get("short") or data.get("label") or str(node)
    if not can_hangul and _HANGUL.search(text):
        text = str(node).split(":", 1)[-1]
    return text


def _distinct(labels: dict, H: nx.Graph, can_hangul: bool) -> dict:
    """Two nodes must not wear one label: an acronym shared by two institutions (CNU is
    Chonnam and Chungnam) gives way to each one's shortened full name."""
    from collections import Counter
    from .analysis import short_name
    seen = Counter(labels.values())
    out = dict(labels)
    for v, text in labels.items():
        if seen[text] > 1:
            name = H.nodes[v].get("label") or str(v)
            alt = short_name(name, None)
            if can_hangul or not _HANGUL.search(alt):
                out[v] = alt
    return out


def _spread_labels(pos: dict, labels: dict, char_w: float, line_h: float, rounds: int = 60) -> dict:
    """Move overlapping label boxes apart vertically (a few rounds of pairwise pushes);
    returns the label positions (data coordinates)."""
    at = {v: [pos[v][0], pos[v][1]] for v in labels}
    keys = list(labels)
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                dx = abs(at[a][0] - at[b][0])
                dy = at[a][1] - at[b][1]
                need_x = char_w * (len(labels[a]) + len(labels[b])) / 2
                if dx >= need_x or abs(dy) >= line_h:
                    continue
                push = (line_h - abs(dy)) / 2 + 1e-9
                sign = 1 if dy >= 0 else -1
                at[a][1] += sign * push
                at[b][1] -= sign * push
                moved = True
        if not moved:
            break
    return {v: tuple(p) for v, p in at.items()}


def plot(G_or_records: Any, path: str | Path, *, size_by: str = "pagerank", seed: int = 42,
         max_nodes: int = 300, max_labels: int = 80, title: str | None = None) -> Path:
    """Draw the network to ``path`` (``.png`` or ``.svg``, chosen by the suffix).

    Parameters
    ----------
    G_or_records : an analysed graph, a plain one, ``(entities, relations)`` or a store.
    size_by : node attribute that sets node size (a centrality).
    max_nodes : draw at most this many nodes, the most central by ``size_by``.
    max_labels : label at most this many nodes, the most central first.
    """
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager
    from matplotlib.lines import Line2D

    from .export import as_graph

    path = Path(path)
    if path.suffix.lower() not in {".png", ".svg"}:
        raise ValueError(f"{path}: write .png or .svg")
    G = as_graph(G_or_records)
    score = {v: float(d.get(size_by) or 0.0) for v, d in G.nodes(data=True)}
    shown = sorted(G, key=lambda v: (-score[v], str(v)))[:max_nodes]
    H = G.subgraph(shown)
    n = H.number_of_nodes()
    if n == 0:
        fig = plt.figure(figsize=(6, 3))
        fig.text(0.5, 0.5, "empty graph: nothing matched the filters", ha="center", va="center")
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path)
        plt.close(fig)
        return path

    pos = _layout(H, seed)
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    xlim = (min(xs) - 1.0, max(xs) + 1.0)
    ylim = (min(ys) - 0.8, max(ys) + 1.2)
    # about 72 points (one inch) per layout unit, so a hop is ~100 pt, within page limits
    inch = min(1.0, 24.0 / (xlim[1] - xlim[0]), 20.0 / (ylim[1] - ylim[0]))
    axes_w = max(6.0, (xlim[1] - xlim[0]) * inch)
    axes_h = max(4.5, (ylim[1] - ylim[0]) * inch)
    legend_w, title_h = 2.3, 0.5
    fig = plt.figure(figsize=(axes_w + legend_w, axes_h + title_h))
    box = (0.0, 0.0, axes_w / (axes_w + legend_w), axes_h / (axes_h + title_h))
    ax = fig.add_axes(box)
    ax.set_axis_off()
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    # data units per typographic point, to size labels and offsets exactly
    per_pt_x = (xlim[1] - xlim[0]) / (axes_w * 72)
    per_pt_y = (ylim[1] - ylim[0]) / (axes_h * 72)

    lo, hi = min(score[v] for v in H), max(score[v] for v in H)
    norm = {v: (score[v] - lo) / (hi - lo) if hi > lo else 0.5 for v in H}
    sizes = {v: 70 + 1300 * norm[v] ** 0.8 for v in H}
    colors = [kind_color(H.nodes[v].get("kind", "")) for v in H]
    weights = [d.get("weight", 1) for _, _, d in H.edges(data=True)]
    nx.draw_networkx_edges(
        H, pos, ax=ax, alpha=0.45,
        width=[0.6 + 1.2 * math.log1p(w) for w in weights],
        edge_color=[FAMILY_COLORS.get(d.get("family", ""), "#888888") for _, _, d in H.edges(data=True)])
    nx.draw_networkx_nodes(H, pos, ax=ax, node_size=[sizes[v] for v in H], node_color=colors,
                           edgecolors="white", linewidths=0.8)

    can_hangul = any(re.search("CJK|Nanum|Gothic|Batang", f.name)
                     for f in font_manager.fontManager.ttflist)
    labelled = sorted(H, key=lambda v: (-score[v], str(v)))[:max_labels]
    labels = {v: _label(H.nodes[v], v, can_hangul) for v in labelled}
    labels = _distinct(labels, H, can_hangul)
    font = 9
    char_w, line_h = font * 0.62 * per_pt_x, font * 1.3 * per_pt_y
    # start each label just above its node (radius in points = sqrt(size) / 2)
    start = {v: (pos[v][0], pos[v][1] + (math.sqrt(sizes[v]) / 2 + 1) * per_pt_y) for v in labels}
    label_pos = _spread_labels(start, labels, char_w, line_h)
    for v, (x, y) in label_pos.items():
        moved = abs(y - start[v][1]) > 0.6 * line_h
        ax.annotate(labels[v], xy=pos[v], xytext=(x, y), textcoords="data", fontsize=font,
                    ha="center", va="bottom", zorder=5,
                    bbox=dict(boxstyle="round,pad=0.12", fc="white", ec="none", alpha=0.7),
                    arrowprops=dict(arrowstyle="-", color="#999999", lw=0.5) if moved else None)

    kinds = sorted({H.nodes[v].get("kind", "") for v in H})
    handles = [Line2D([], [], marker="o", ls="", markersize=9, markerfacecolor=kind_color(k),
                      markeredgecolor="white", label=k or "(unknown)") for k in kinds]
    families = sorted({d.get("family", "") for _, _, d in H.edges(data=True)} - {""})
    handles += [Line2D([], [], color=FAMILY_COLORS.get(f, "#888888"), lw=2, label=f"{f} tie")
                for f in families]
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(box[2] + 0.005, box[3]), frameon=False,
              fontsize=9, title="kind / tie", title_fontsize=9)
    cut = f" (the {n} most central of {G.number_of_nodes()})" if n < G.number_of_nodes() else ""
    fig.suptitle(title or f"Partnership network: {n} organisations, {H.number_of_edges()} ties{cut}; "
                 f"size = {size_by}", fontsize=11, x=box[2] / 2, y=1 - 0.15 / (axes_h + title_h),
                 va="top")
    path.parent.mkdir(parents=True, exist_ok=True)
    # SVG keeps labels as text (searchable, editable) rather than outlines
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        fig.savefig(path, dpi=110 if path.suffix.lower() == ".png" else None)
    plt.close(fig)
    return path
