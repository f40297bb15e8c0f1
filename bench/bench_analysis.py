"""Benchmark the analysis suite on generated graphs of 10k, 100k and 1M edges.

For each size: generate store-shaped records (entities and relation assertions, some
ties stated by several documents, some funding with amounts), time ``build_graph`` and
every algorithm of ``analyze`` (NetworkX, as the CLI and API run them), then run the same
algorithms on python-igraph and NetworKit when they are installed, as references for
speed and for the accuracy of the sampled betweenness and the candidate closeness.

The generated graph has what partnership networks have: a heavy-tailed degree
distribution (a few hubs with hundreds of partners, a median around ten) and
communities (regional clusters of varying size) with a share ``mu`` of ties across them.

Run:  .venv/bin/python bench/bench_analysis.py [--sizes 10000,100000,1000000] [--json out.json]
      [--no-references] [--no-forced-louvain]

Every figure is given as wall and process CPU seconds: the 2-core workplace machine is
shared with other jobs, and the CPU figure is the one that compares across runs.  The
last table row, build_graph + analyze, is what the issue's target is about (1M edges
under 120 s); the run prints whether it is met.

Measured on the 2-core workplace machine, seconds wall / CPU (bench/README.md has the
full tables and the spread between runs):

    edges   before (1d6f4d0)        after              load average
    10k       4.6 /   4.8          2.9 /  2.5         3.3
    100k     17.4 /  17.3         12.6 / 11.4         3.3
    1M      262.1 / 186.9         91.0 / 90.0         4.8 before, 1.9-2.3 after

At 1M the suite is build_graph 9.4, PageRank 3.7, eigenvector 11.9, closeness of 15
candidates 16.5, betweenness from 4 pivots 16.9, label propagation + modularity 18.4,
brokers 4.9, degree, weighted degree, funding and reporting 9.2.  igraph runs the same
algorithms in 9.5 s (conversion included), NetworKit in 21-72 s (its exact top-10
closeness is 16-60 s of that).  Betweenness error on the reference's top 10: 10k (400
pivots) 9% median relative error against exact (stated split-half SE 3%); 100k (40
pivots) 25% (stated 74%); 1M (4 pivots) 51-70% against NetworKit with 500 pivots
(stated 99%), top-10 overlap 0: at 1M edges the sampled betweenness gives the order of
magnitude only.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import sys
import time
from typing import Any, Callable

import networkx as nx
import numpy as np

from partnergraph.graph import analysis
from partnergraph.graph.analysis import analyze, build_graph

TYPES = ["MOU", "PARTNERS_WITH", "PARTICIPATES_IN", "FUNDS", "AFFILIATED_WITH"]
KINDS = ["University", "Hospital", "Company", "Institute", "Agency", "Program"]


# --- data -------------------------------------------------------------------------------------

def generate_edges(m: int, seed: int = 1, mean_degree: int = 10, mu: float = 0.2) -> np.ndarray:
    """``m`` distinct undirected edges over ``2m / mean_degree`` nodes: heavy-tailed node
    weights (Pareto, capped at sqrt(n)) choose the ends; a share ``1 - mu`` of edges stays
    inside the first end's community (community sizes are Pareto too)."""
    rng = np.random.default_rng(seed)
    n = max(10, 2 * m // mean_degree)
    sizes: list[int] = []
    while sum(sizes) < n:
        sizes.append(int(min(n - sum(sizes), max(8, rng.pareto(1.5) * 25))))
    starts = np.concatenate([[0], np.cumsum(sizes)])
    community = np.repeat(np.arange(len(sizes)), sizes)
    weight = np.minimum(rng.pareto(1.3, n) + 1, np.sqrt(n))
    p = weight / weight.sum()
    seen = np.empty((0, 2), dtype=np.int64)
    while len(seen) < m:
        need = int((m - len(seen)) * 1.3) + 100
        a = rng.choice(n, size=need, p=p)
        b = rng.choice(n, size=need, p=p)
        inside = rng.random(need) > mu
        c = community[a[inside]]
        lo, hi = starts[c], starts[c + 1]
        b[inside] = lo + (rng.random(inside.sum()) * (hi - lo)).astype(np.int64)
        pairs = np.sort(np.stack([a, b], axis=1), axis=1)
        pairs = pairs[pairs[:, 0] != pairs[:, 1]]
        seen = np.unique(np.concatenate([seen, pairs]), axis=0)
    return seen[rng.permutation(len(seen))[:m]]


def generate_records(m: int, seed: int = 1) -> tuple[list[dict], list[dict]]:
    """Store-shaped records over ``m`` distinct pairs; 20% of pairs are stated by a
    second document, FUNDS carry KRW amounts."""
    rng = np.random.default_rng(seed + 1)
    edges = generate_edges(m, seed)
    n = int(edges.max()) + 1
    kinds = rng.choice(len(KINDS), size=n, p=[0.35, 0.1, 0.2, 0.15, 0.1, 0.1])
    entities = [{"id": f"e{i}", "name": f"Organisation {i}", "kind": KINDS[k], "aliases": "",
                 "region": f"region {i % 17}"} for i, k in enumerate(kinds)]
    types = rng.choice(len(TYPES), size=m, p=[0.35, 0.3, 0.15, 0.1, 0.1])
    docs = rng.integers(0, max(1, m // 3), size=m)
    second = rng.random(m) < 0.2
    relations = []
    for (u, v), t, d, again in zip(edges.tolist(), types.tolist(), docs.tolist(), second.tolist()):
        rel = {"type": TYPES[t], "source": f"e{u}", "target": f"e{v}", "doc_id": f"d{d}"}
        if TYPES[t] == "FUNDS":
            rel.update(amount=int(d % 50 + 1) * 100_000_000, currency="KRW")
        relations.append(rel)
        if again:
            relations.append({**rel, "doc_id": f"d{d + 1}"})
    return entities, relations


# --- references -------------------------------------------------------------------------------

def timed(timings: dict[str, float], name: str, fn: Callable[[], Any],
          cpu: dict[str, float] | None = None) -> Any:
    """Wall seconds into ``timings[name]``; process CPU seconds into ``cpu[name]`` when
    given (NetworKit runs OpenMP threads, so its CPU can exceed its wall time)."""
    t0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    timings[name] = time.perf_counter() - t0
    if cpu is not None:
        cpu[name] = time.process_time() - c0
    return out


def run_igraph(G: nx.Graph, candidates: list, exact_betweenness: bool) -> dict[str, Any]:
    """The same algorithms on igraph (C): degree, strength, PageRank, eigenvector,
    closeness of the same candidates, Louvain (multilevel), articulation points, bridges,
    and exact betweenness where affordable."""
    import igraph as ig
    t: dict[str, float] = {}
    c: dict[str, float] = {}
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}

    def convert() -> Any:
        h = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in G.edges()])
        h.es["weight"] = [d["weight"] for _, _, d in G.edges(data=True)]
        return h
    h = timed(t, "convert", convert, c)
    timed(t, "degree", h.degree, c)
    timed(t, "weighted_degree", lambda: h.strength(weights="weight"), c)
    timed(t, "pagerank", lambda: h.pagerank(weights="weight"), c)
    timed(t, "eigenvector", lambda: h.eigenvector_centrality(weights="weight"), c)
    closeness = timed(t, "closeness", lambda: h.closeness(vertices=[index[v] for v in candidates]), c)
    parts = timed(t, "communities", lambda: h.community_multilevel(weights="weight"), c)
    timed(t, "brokers", lambda: (h.articulation_points(), h.bridges()), c)
    out: dict[str, Any] = {"timings": t, "cpu": c, "modularity": parts.modularity, "communities": len(parts),
                           "closeness": dict(zip(candidates, closeness))}
    if exact_betweenness:
        n = len(nodes)
        raw = timed(t, "betweenness", h.betweenness, c)
        out["betweenness_exact"] = {v: raw[index[v]] * 2 / ((n - 1) * (n - 2)) for v in nodes}
    return out


def reference_pivots(k: int) -> int:
    """Pivots of NetworKit's sampled betweenness used as the accuracy reference where
    exact is out of reach: 10x ours, at least 500 (C++ on all cores: ~30 s at 1M edges)."""
    return max(10 * k, 500)


def run_networkit(G: nx.Graph, k: int | None, exact_betweenness: bool, top: int) -> dict[str, Any] | None:
    """NetworKit (C++, OpenMP on all cores): PageRank, eigenvector, PLM (Louvain),
    sampled betweenness with the same pivots (and with ``reference_pivots(k)``, or
    exact, as the accuracy reference), and exact top-k closeness."""
    try:
        import networkit as nk
    except ImportError:
        return None
    t: dict[str, float] = {}
    c: dict[str, float] = {}
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}

    def convert() -> Any:
        g = nk.Graph(len(nodes), weighted=True)
        for u, v, d in G.edges(data=True):
            g.addEdge(index[u], index[v], d["weight"])
        return g
    g = timed(t, "convert", convert, c)
    timed(t, "degree", lambda: nk.centrality.DegreeCentrality(g).run(), c)
    timed(t, "pagerank", lambda: nk.centrality.PageRank(g, damp=0.85).run(), c)
    timed(t, "eigenvector", lambda: nk.centrality.EigenvectorCentrality(g).run(), c)
    plm = timed(t, "communities", lambda: nk.community.PLM(g, refine=True).run(), c)
    partition = plm.getPartition()
    out: dict[str, Any] = {"timings": t, "cpu": c, "threads": nk.getMaxNumberOfThreads(),
                           "modularity": nk.community.Modularity().getQuality(partition, g),
                           "communities": partition.numberOfSubsets()}
    top_close = timed(t, "closeness", lambda: nk.centrality.TopCloseness(g, k=top).run(), c)
    out["closeness_top"] = [nodes[i] for i in top_close.topkNodesList()]
    timed(t, "brokers", lambda: nk.components.BiconnectedComponents(g).run(), c)
    if k:
        est = timed(t, "betweenness", lambda: nk.centrality.EstimateBetweenness(g, k, True, True).run(), c)
        out["betweenness_sampled"] = dict(zip(nodes, est.scores()))
    if exact_betweenness:
        exact = timed(t, "betweenness_exact", lambda: nk.centrality.Betweenness(g, normalized=True).run(), c)
        out["betweenness_exact"] = dict(zip(nodes, exact.scores()))
    elif k:
        ref = timed(t, "betweenness_reference",
                    lambda: nk.centrality.EstimateBetweenness(g, reference_pivots(k), True, True).run(), c)
        out["betweenness_reference"] = dict(zip(nodes, ref.scores()))
    return out


def betweenness_accuracy(ours: dict, reference: dict, top: int) -> dict[str, float]:
    """Error of our betweenness against a reference over the reference's top nodes."""
    best = sorted(reference, key=reference.get, reverse=True)[:top]
    errors = [abs(ours[v] - reference[v]) for v in best]
    rel = [e / reference[v] for e, v in zip(errors, best) if reference[v] > 0]
    mine = set(sorted(ours, key=ours.get, reverse=True)[:top])
    return {"abs_median": statistics.median(errors), "abs_max": max(errors),
            "rel_median": statistics.median(rel) if rel else 0.0, "top_overlap": len(mine & set(best)) / top}


# --- one size ---------------------------------------------------------------------------------

def bench_size(m: int, top: int, seed: int, references: bool, forced_louvain: bool = True) -> dict[str, Any]:
    t0 = time.perf_counter()
    entities, relations = generate_records(m, seed)
    gen_s = time.perf_counter() - t0
    gc.collect()              # the generator's garbage is not build_graph's to collect
    load_before = os.getloadavg()[0]
    t0, c0 = time.perf_counter(), time.process_time()
    G = build_graph(entities, relations)
    build_s, build_cpu = time.perf_counter() - t0, time.process_time() - c0
    del entities, relations
    gc.collect()
    t0, c0 = time.perf_counter(), time.process_time()
    result = analyze(G, top=top, seed=seed)
    suite_s, suite_cpu = time.perf_counter() - t0, time.process_time() - c0
    row: dict[str, Any] = {
        "edges": G.number_of_edges(), "nodes": G.number_of_nodes(), "generate_s": gen_s,
        "build_s": build_s, "build_cpu_s": build_cpu, "suite_s": suite_s, "suite_cpu_s": suite_cpu,
        "total_s": build_s + suite_s, "total_cpu_s": build_cpu + suite_cpu,
        "load_before": load_before, "load_after": os.getloadavg()[0],
        "networkx": {**result["timings"], "other": suite_s - sum(result["timings"].values())},
        "networkx_cpu": {**result["cpu_timings"], "other": suite_cpu - sum(result["cpu_timings"].values())},
        "methods": result["methods"], "modularity": result["communities"]["modularity"],
        "communities": result["communities"]["count"],
        "max_degree": result["centrality"]["degree"][0]["value"],
    }
    print(f"# {m:,} edges ({row['nodes']:,} nodes): generated in {gen_s:.1f} s; "
          f"build_graph {build_s:.1f} s (CPU {build_cpu:.1f}); "
          f"analyze {suite_s:.1f} s (CPU {suite_cpu:.1f}): "
          + ", ".join(f"{k} {v:.1f}/{row['networkx_cpu'][k]:.1f}" for k, v in row["networkx"].items())
          + f" (wall/CPU); load average {load_before:.2f} -> {row['load_after']:.2f}", flush=True)
    if forced_louvain and G.number_of_edges() > analysis.LOUVAIN_MAX_EDGES:
        # the suite switched to label propagation here: time Louvain too, for the record
        t0 = time.perf_counter()
        parts = nx.community.louvain_communities(G, weight="weight", seed=seed)
        row["louvain_forced_s"] = time.perf_counter() - t0
        row["louvain_forced_modularity"] = nx.community.modularity(G, parts, weight="weight")
        print(f"# forced Louvain: {row['louvain_forced_s']:.1f} s, modularity "
              f"{row['louvain_forced_modularity']:.3f}", flush=True)
    if not references:
        return row
    t_ref = time.perf_counter()
    ours_btw = nx.get_node_attributes(G, "betweenness")
    b = result["methods"]["betweenness"]
    k = b.get("k")
    exact = G.number_of_edges() <= 100_000
    candidates = list(nx.get_node_attributes(G, "closeness"))
    try:
        ig_out = run_igraph(G, candidates, exact_betweenness=G.number_of_edges() <= 10_000)
        row["igraph"] = ig_out["timings"]
        row["igraph_modularity"] = ig_out["modularity"]
        ours_close = nx.get_node_attributes(G, "closeness")
        row["closeness_max_abs_diff_vs_igraph"] = max(abs(ours_close[v] - ig_out["closeness"][v])
                                                      for v in candidates)
    except ImportError:
        ig_out = {}
    nk_out = run_networkit(G, k, exact, top)
    if nk_out:
        row["networkit"] = nk_out["timings"]
        row["networkit_modularity"] = nk_out["modularity"]
        ours_top_close = sorted(candidates, key=nx.get_node_attributes(G, "closeness").get, reverse=True)[:top]
        row["closeness_top_overlap_vs_exact"] = len(set(ours_top_close) & set(nk_out["closeness_top"])) / top
    if nk_out:
        row["networkit_cpu"] = nk_out["cpu"]
        row["networkit_threads"] = nk_out["threads"]
    if ig_out:
        row["igraph_cpu"] = ig_out["cpu"]
    reference = (nk_out or {}).get("betweenness_exact") or ig_out.get("betweenness_exact")
    label = "exact"
    if reference is None and nk_out and "betweenness_reference" in nk_out:
        reference, label = nk_out["betweenness_reference"], f"NetworKit sampled, {reference_pivots(k)} pivots"
    if reference is not None:
        row["betweenness_error"] = {"reference": label, **betweenness_accuracy(ours_btw, reference, top)}
        if nk_out and "betweenness_sampled" in nk_out:
            # the sampling error of the estimator itself, in C++ with the same pivot count
            row["networkit_sampled_error"] = betweenness_accuracy(nk_out["betweenness_sampled"],
                                                                  reference, top)
    row["references_s"] = time.perf_counter() - t_ref
    return row


# --- report -----------------------------------------------------------------------------------

ALGORITHMS = ["degree", "weighted_degree", "pagerank", "eigenvector", "closeness", "betweenness",
              "communities", "brokers", "funding"]


def fmt_s(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


TARGET_EDGES, TARGET_S = 1_000_000, 120.0


def print_table(rows: list[dict[str, Any]]) -> None:
    """Seconds per algorithm: NetworkX wall and CPU (the suite as analyze runs it), then
    igraph and NetworKit wall (NetworKit's CPU is its threads' total, in the JSON)."""
    cols = []
    for r in rows:
        cols += [(r, "networkx"), (r, "networkx_cpu"), (r, "igraph"), (r, "networkit")]
    names = {"networkx": "nx", "networkx_cpu": "nx CPU", "igraph": "igraph", "networkit": "nk"}
    head = ["algorithm (s)"] + [f"{r['edges'] // 1000}k {names[lib]}" for r, lib in cols]
    width = [max(16, len(head[0]))] + [max(9, len(h)) for h in head[1:]]
    line = lambda cells: "  ".join(str(c).rjust(w) if i else str(c).ljust(w)  # noqa: E731
                                   for i, (c, w) in enumerate(zip(cells, width)))
    print(line(head))
    print(line(["-" * w for w in width]))
    first = {"networkx": "build_s", "networkx_cpu": "build_cpu_s"}
    print(line(["build_graph"] + [fmt_s(r[first[lib]]) if lib in first else
                                  fmt_s(r.get(lib, {}).get("convert")) for r, lib in cols]))
    for alg in ALGORITHMS + ["other"]:
        print(line([alg] + [fmt_s(r.get(lib, {}).get(alg)) for r, lib in cols]))
    suite = {"networkx": "suite_s", "networkx_cpu": "suite_cpu_s"}
    print(line(["suite (analyze)"] + [fmt_s(r[suite[lib]]) if lib in suite else
                                      fmt_s(sum(v for k, v in r.get(lib, {}).items()
                                                if k in ALGORITHMS) or None) for r, lib in cols]))
    total = {"networkx": "total_s", "networkx_cpu": "total_cpu_s"}
    print(line(["build + suite"] + [fmt_s(r[total[lib]]) if lib in total else
                                    fmt_s(sum(v for k, v in r.get(lib, {}).items()
                                              if k in ALGORITHMS or k == "convert") or None)
                                    for r, lib in cols]))
    print()
    for r in rows:
        if r["edges"] >= TARGET_EDGES:
            ok = r["total_s"] < TARGET_S
            print(f"target: build_graph + analyze on {r['edges']:,} edges under {TARGET_S:.0f} s: "
                  f"{r['total_s']:.1f} s wall, {r['total_cpu_s']:.1f} s CPU (load average "
                  f"{r['load_before']:.2f} -> {r['load_after']:.2f}): "
                  + ("MET" if ok else f"NOT MET, {r['total_s'] - TARGET_S:.1f} s over"))
    print()
    for r in rows:
        b = r["methods"]["betweenness"]
        desc = "exact" if b["method"] == "exact" else (
            f"sampled k={b['k']}: stated SE median {b['error']['se_median']:.2e} "
            f"({b['error']['relative_se_median']:.0%}), max {b['error']['se_max']:.2e}, "
            f"half-sample top-{b['error']['top']} agreement {b['error']['top_agreement']:.0%}")
        print(f"{r['edges']:>9,} edges, {r['nodes']:>8,} nodes (max degree {r['max_degree']}): "
              f"betweenness {desc}")
        if "betweenness_error" in r:
            e = r["betweenness_error"]
            print(f"{'':>36}measured vs {e['reference']}: abs error median {e['abs_median']:.2e}, "
                  f"max {e['abs_max']:.2e}, relative median {e['rel_median']:.0%}, "
                  f"top-10 overlap {e['top_overlap']:.0%}")
        if "networkit_sampled_error" in r:
            e = r["networkit_sampled_error"]
            print(f"{'':>36}NetworKit with the same {b['k']} pivots, vs the same reference: abs error "
                  f"median {e['abs_median']:.2e}, relative median {e['rel_median']:.0%}, "
                  f"top-10 overlap {e['top_overlap']:.0%}")
        c = r["methods"]["closeness"]
        extra = ""
        if "closeness_top_overlap_vs_exact" in r:
            extra = f"; top-10 overlap with NetworKit's exact top-10 closeness {r['closeness_top_overlap_vs_exact']:.0%}"
        print(f"{'':>36}closeness {c['scope']}{extra}")
        mods = [f"networkx {r['methods']['communities']['method']} {r['modularity']:.3f} "
                f"({r['communities']:,} communities)"]
        if "louvain_forced_s" in r:
            mods.append(f"networkx louvain {r['louvain_forced_modularity']:.3f} "
                        f"(but {r['louvain_forced_s']:.0f} s)")
        if "igraph_modularity" in r:
            mods.append(f"igraph {r['igraph_modularity']:.3f}")
        if "networkit_modularity" in r:
            mods.append(f"networkit {r['networkit_modularity']:.3f}")
        print(f"{'':>36}modularity: " + ", ".join(mods))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="10000,100000,1000000", help="Edge counts, comma-separated.")
    p.add_argument("--top", type=int, default=10)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--no-references", action="store_true", help="Skip igraph and NetworKit.")
    p.add_argument("--no-forced-louvain", action="store_true",
                   help="Above LOUVAIN_MAX_EDGES, skip the extra Louvain run kept for the record "
                        "(~2 min at 1M edges; not part of the suite's time).")
    p.add_argument("--json", help="Also write the measurements to this file.")
    args = p.parse_args(argv)
    print(f"# {platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"networkx {nx.__version__}, load average {os.getloadavg()[0]:.2f} at start; "
          f"budgets: betweenness {analysis.BETWEENNESS_WORK:,} edge visits "
          f"({analysis.BETWEENNESS_MIN_PIVOTS}-{analysis.BETWEENNESS_MAX_PIVOTS} pivots), closeness "
          f"{analysis.CLOSENESS_WORK:,} (all nodes) or {analysis.CLOSENESS_CANDIDATE_WORK:,} "
          f"({analysis.CLOSENESS_MIN_CANDIDATES}-{analysis.CLOSENESS_CANDIDATES} candidates)", flush=True)
    rows = []
    for m in (int(s) for s in args.sizes.split(",")):
        row = bench_size(m, args.top, args.seed, not args.no_references, not args.no_forced_louvain)
        rows.append(row)
        print(f"# {m:,} edges: references {row.get('references_s', 0):.1f} s; "
              f"load average {os.getloadavg()[0]:.2f}", flush=True)
    print()
    print_table(rows)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(rows, fh, indent=1, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main())
