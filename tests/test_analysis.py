"""Analysis over the collapsed graph: values checked against hand computation on small
graphs (path, star, two triangles joined by a bridge), the collapse rules (weight =
distinct documents, grants de-duplicated and summed per currency), the filters, and the
sampled betweenness against the exact one."""
from __future__ import annotations

import json
import math

import networkx as nx
import pytest

from partnergraph.graph.analysis import (
    AnalysisError, analyze, betweenness, brokers, build_graph, closeness, communities,
    compute_metrics, eigenvector, funding_rollups, node_table, pagerank, short_name,
)


def records(edges, kinds=None, **entity_props):  # noqa: D401
    """Entities and relations from ``(type, source, target, doc_id, extra)`` tuples;
    every node is a University unless ``kinds`` says otherwise."""
    kinds = kinds or {}
    rels, names = [], set()
    for type_, s, t, doc, *extra in edges:
        rels.append({"type": type_, "source": s, "target": t, "doc_id": doc, **(extra[0] if extra else {})})
        names |= {s, t}
    ents = [{"id": n, "name": n.upper(), "kind": kinds.get(n, "University"),
             **entity_props.get(n, {})} for n in sorted(names)]
    return ents, rels


def chain(pairs):
    return [("MOU", str(a), str(b), f"d{i}") for i, (a, b) in enumerate(pairs)]


@pytest.fixture
def path5():
    return build_graph(*records(chain([("a", "b"), ("b", "c"), ("c", "d"), ("d", "e")])))


@pytest.fixture
def star():
    return build_graph(*records(chain([("hub", x) for x in "wxyz"])))


@pytest.fixture
def two_triangles():
    pairs = [("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"), ("d", "e"), ("e", "f"), ("d", "f")]
    return build_graph(*records(chain(pairs)))


# --- centralities against hand-computed values ------------------------------------------

def test_path_betweenness_and_closeness(path5):
    # pairs through c: (a,d) (a,e) (b,d) (b,e) -> 4 of C(4,2)=6 possible; b: (a,c)(a,d)(a,e) -> 3
    btw, info = betweenness(path5)
    assert info["method"] == "exact"
    assert btw == pytest.approx({"a": 0, "b": 0.5, "c": 4 / 6, "d": 0.5, "e": 0})
    clo, _ = closeness(path5)
    assert clo["c"] == pytest.approx(4 / 6)      # distances 2+1+1+2
    assert clo["a"] == pytest.approx(4 / 10)     # distances 1+2+3+4
    assert dict(path5.degree()) == {"a": 1, "b": 2, "c": 2, "d": 2, "e": 1}


def test_star_pagerank_and_eigenvector(star):
    # PageRank, alpha .85, n=5: hub = .03 + .85*4*leaf, leaf = .03 + .85*hub/4
    hub = (0.03 + 3.4 * 0.03) / (1 - 3.4 * 0.2125)
    leaf = 0.03 + 0.2125 * hub
    pr, info = pagerank(star)
    assert info["converged"]
    assert pr["hub"] == pytest.approx(hub, abs=1e-5)
    assert pr["w"] == pytest.approx(leaf, abs=1e-5)
    assert sum(pr.values()) == pytest.approx(1.0)
    # leading eigenvalue 2, hub = 2 * leaf, unit norm: hub = 1/sqrt(2), leaf = 1/sqrt(8)
    ev, info = eigenvector(star)
    assert info["converged"] and info["method"] == "arpack"
    assert ev["hub"] == pytest.approx(1 / math.sqrt(2), abs=1e-4)
    assert ev["x"] == pytest.approx(1 / math.sqrt(8), abs=1e-4)
    btw, _ = betweenness(star)
    assert btw["hub"] == pytest.approx(1.0) and btw["w"] == 0


def test_eigenvector_falls_back_to_power_iteration_where_arpack_cannot_run():
    # ARPACK needs more than two nodes; the power iteration then answers
    G = build_graph(*records(chain([("a", "b")])))
    ev, info = eigenvector(G)
    assert info == {"scope": "largest component", "nodes": 2, "method": "power", "converged": True}
    assert ev == pytest.approx({"a": 1 / math.sqrt(2), "b": 1 / math.sqrt(2)})


def test_eigenvector_reports_non_convergence_instead_of_raising():
    G = build_graph(*records(chain([("a", "b")])))
    ev, info = eigenvector(G, max_iter=1)
    assert info["converged"] is False and info["method"] == "none"
    assert "power: PowerIterationFailedConvergence" in info["error"]
    assert ev == {"a": 0.0, "b": 0.0}


def test_eigenvector_is_zero_outside_the_largest_component():
    G = build_graph(*records(chain([("hub", "x"), ("hub", "y"), ("p", "q")])))
    ev, info = eigenvector(G)
    assert info["nodes"] == 3
    assert ev["p"] == ev["q"] == 0.0 and ev["hub"] > 0


def test_two_triangles_bridge_brokers_and_communities(two_triangles):
    btw, _ = betweenness(two_triangles)
    # c and d each sit on the paths of {a,b,c} x {d,e,f} minus their own: 2*3 = 6 of C(5,2)=10
    assert btw["c"] == pytest.approx(0.6) and btw["d"] == pytest.approx(0.6)
    assert btw["a"] == 0
    cut, bridges = brokers(two_triangles)
    assert cut == {"c", "d"}
    assert [set(e) for e in bridges] == [{"c", "d"}]
    parts, info = communities(two_triangles, seed=1)
    assert sorted(map(sorted, parts)) == [["a", "b", "c"], ["d", "e", "f"]]
    # Q = 2 * (3/7 - (7/14)^2)
    assert info["modularity"] == pytest.approx(2 * (3 / 7 - 0.25))


def test_analyze_reports_everything_json_safe(two_triangles):
    out = analyze(two_triangles, top=3)
    json.dumps(out, allow_nan=False)
    assert out["graph"]["nodes"] == 6 and out["graph"]["edges"] == 7
    assert [r["id"] for r in out["centrality"]["betweenness"][:2]] == ["c", "d"]
    assert out["centrality"]["degree"][0]["value"] == 3
    assert out["methods"]["betweenness"]["method"] == "exact"
    assert out["communities"]["count"] == 2
    assert {r["id"] for r in out["brokers"]["articulation_points"]} == {"c", "d"}
    assert out["brokers"]["bridges"][0]["weight"] == 1
    assert out["brokers"]["bridge_count"] == 1 and out["brokers"]["leaf_bridge_count"] == 0
    assert set(out["timings"]) >= {"pagerank", "betweenness", "communities", "brokers"}
    # scores are attached for the exports
    assert two_triangles.nodes["c"]["articulation_point"] is True
    assert two_triangles.nodes["c"]["community"] != two_triangles.nodes["e"]["community"]


def test_analyze_on_an_empty_graph():
    out = analyze(build_graph([], []), top=5)
    assert out["graph"]["nodes"] == 0 and out["centrality"]["pagerank"] == []
    assert out["communities"]["count"] == 0


def test_node_table_has_one_row_per_node(star):
    rows = node_table(star)
    assert [r["id"] for r in rows][0] == "hub"
    assert len(rows) == 5 and rows[0]["degree"] == 4 and rows[0]["label"] == "HUB"


# --- collapse rules --------------------------------------------------------------------

def test_weight_counts_distinct_documents_across_types_and_directions():
    ents, rels = records([
        ("MOU", "a", "b", "d1"),
        ("PARTNERS_WITH", "a", "b", "d1"),     # same document: still one
        ("MOU", "b", "a", "d2"),               # reversed: same pair
        ("FUNDS", "a", "b", "d1"),             # funding family, document already counted
        ("MOU", "a", "b", None),               # no doc_id: its own document
        ("MOU", "b", "c", "d3"),
    ])
    G = build_graph(ents, rels)
    e = G["a"]["b"]
    assert e["weight"] == 3
    assert e["w_partnership"] == 3 and e["w_funding"] == 1
    assert e["family"] == "partnership"
    assert e["families"] == "funding|partnership"
    assert e["types"] == "FUNDS|MOU|PARTNERS_WITH"
    assert G["b"]["c"]["weight"] == 1 and G["b"]["c"]["w_funding"] == 0
    assert G.number_of_edges() == 2


def funding_records():
    kinds = {"msit": "Ministry", "nrf": "Agency", "bk21": "Program", "gwangju": "Region"}
    props = {"u1": {"region": "gwangju"}, "u2": {"region": "Seoul"}}
    return records([
        ("FUNDS", "msit", "u1", "d1", {"amount": 10_000_000_000, "currency": "KRW"}),
        ("FUNDS", "msit", "u1", "d2", {"amount": 10_000_000_000, "currency": "KRW"}),  # same grant again
        ("FUNDS", "msit", "u2", "d3", {"amount": 5_000_000_000, "currency": "KRW",
                                       "attrs": json.dumps({"program": "RISE"})}),
        ("FUNDS", "msit", "u1", "d4", {"amount": 1_000_000, "currency": "usd"}),
        ("FUNDS", "nrf", "u2", "d5", {"amount_krw": 2_000_000_000}),
        ("FUNDS", "msit", "bk21", "d6", {"amount": 7_000_000_000, "currency": "KRW"}),
        ("FUNDS", "nrf", "u1", "d7"),                                                  # no amount
        ("MOU", "u1", "u2", "d1"),
        ("LOCATED_IN", "u2", "gwangju", "d8"),    # the region property wins over this
    ], kinds=kinds, **props)


def test_funding_edges_sum_amounts_per_currency_once_per_grant():
    G = build_graph(*funding_records())
    e = G["msit"]["u1"]
    assert e["amount_KRW"] == 10_000_000_000
    assert e["amount_USD"] == 1_000_000
    assert e["w_funding"] == 3 and e["funder"] == "msit"
    assert G["nrf"]["u1"]["amount_KRW"] == 0     # tie without a stated amount
    assert G["u1"]["u2"]["amount_KRW"] == 0      # consistent columns on every edge


def test_funding_rollups_by_funder_region_and_program():
    G = build_graph(*funding_records())
    f = funding_rollups(G)
    assert f["totals"] == {"KRW": 24_000_000_000, "USD": 1_000_000}
    msit_krw = next(r for r in f["by_funder"] if r["key"] == "msit" and r["currency"] == "KRW")
    assert msit_krw == {"key": "msit", "name": "MSIT", "currency": "KRW",
                        "amount": 22_000_000_000, "grants": 3, "documents": 4}
    regions = {(r["key"], r["currency"]): r["amount"] for r in f["by_region"]}
    # u1's region property is an entity id: resolved to that entity's name
    assert regions == {("GWANGJU", "KRW"): 10_000_000_000, ("GWANGJU", "USD"): 1_000_000,
                       ("Seoul", "KRW"): 7_000_000_000, ("(unknown)", "KRW"): 7_000_000_000}
    programs = {(r["key"], r["currency"]): r["amount"] for r in f["by_program"]}
    assert programs[("bk21", "KRW")] == 7_000_000_000
    assert programs[("RISE", "KRW")] == 5_000_000_000
    assert programs[("(none)", "KRW")] == 12_000_000_000


def test_funding_rollup_top_is_per_currency():
    f = funding_rollups(build_graph(*funding_records()), top=1)
    assert [(r["key"], r["currency"]) for r in f["by_funder"]] == [("msit", "KRW"), ("msit", "USD")]


# --- filters ----------------------------------------------------------------------------

def test_type_and_kind_filters():
    ents, rels = funding_records()
    only_funding = build_graph(ents, rels, types=["FUNDS"])
    assert not only_funding.has_edge("u1", "u2") and only_funding.has_edge("msit", "u1")
    unis = build_graph(ents, rels, kinds=["University"])
    assert set(unis) == {"u1", "u2"} and unis.number_of_edges() == 1
    with pytest.raises(AnalysisError, match="unknown relation type: SUES"):
        build_graph(ents, rels, types=["SUES"])
    with pytest.raises(AnalysisError, match="unknown entity kind: Planet"):
        build_graph(ents, rels, kinds=["Planet"])


def test_located_in_is_left_out_by_default_but_gives_the_region():
    ents, rels = records([("LOCATED_IN", "u1", "busan", "d1"), ("MOU", "u1", "u2", "d1")],
                         kinds={"busan": "Region"})
    G = build_graph(ents, rels)
    assert "busan" not in G and G.nodes["u1"]["region"] == "BUSAN"
    assert build_graph(ents, rels, types=["LOCATED_IN", "MOU"]).has_edge("u1", "busan")


def test_date_range_uses_document_date_then_start_year():
    ents, rels = records([
        ("MOU", "a", "b", "d1", {"date": "2022-05-01"}),
        ("MOU", "b", "c", "d2", {"date": "2023-02-01"}),
        ("MOU", "c", "d", "d3", {"start_year": 2024}),
        ("MOU", "d", "e", "d4"),
    ])
    G = build_graph(ents, rels, date_from="2023", date_to="2023-12")
    assert list(G.edges()) == [("b", "c")]
    assert G.graph["undated_skipped"] == 1
    assert build_graph(ents, rels, date_from="2024").has_edge("c", "d")
    assert build_graph(ents, rels).number_of_edges() == 4
    with pytest.raises(AnalysisError, match="not a date"):
        build_graph(ents, rels, date_from="last year")


def test_min_support_and_isolates():
    ents, rels = records([("MOU", "a", "b", "d1"), ("MOU", "a", "b", "d2"), ("MOU", "b", "c", "d3")])
    G = build_graph(ents, rels, min_support=2)
    assert list(G.edges()) == [("a", "b")] and "c" not in G
    assert "c" in build_graph(ents, rels, min_support=2, isolates=True)
    with pytest.raises(AnalysisError):
        build_graph(ents, rels, min_support=0)


def test_missing_entity_and_self_loop_are_tolerated():
    G = build_graph([{"id": "a", "name": "Alpha", "kind": "University"}],
                    [{"type": "MOU", "source": "a", "target": "ghost", "doc_id": "d"},
                     {"type": "MOU", "source": "a", "target": "a", "doc_id": "d"}])
    assert G.nodes["ghost"]["label"] == "ghost" and G.nodes["ghost"]["kind"] == ""
    assert G.number_of_edges() == 1


def test_short_name_prefers_acronyms():
    assert short_name("Korea Advanced Institute of Science and Technology", "KAIST | Korea AIST") == "KAIST"
    assert short_name("Chonnam National University Hospital", ["CNUH", "CNU Hospital"]) == "CNUH"
    # long names keep their first and last words: the end tells a hospital from a school
    assert short_name("Gwangju Institute of Science and Technology Commercialization Center") == \
        "Gwangju Institute \u2026 Center"
    assert short_name("Chonnam National University Medical School", limit=24) == "Chonnam \u2026 Medical School"
    assert short_name("Supercalifragilisticexpialidociousness Institute", limit=10) == "Supercali\u2026"
    assert short_name("NRF") == "NRF"


# --- sampled betweenness ------------------------------------------------------------------

def test_sampled_betweenness_reports_error_close_to_the_real_one():
    G = build_graph(*records(chain(nx.powerlaw_cluster_graph(600, 3, 0.2, seed=7).edges())))
    exact, info = betweenness(G)
    assert info["method"] == "exact"
    sampled, info = betweenness(G, k=120, seed=3, top=10)
    assert info["method"] == "sampled" and info["k"] == 120
    err = info["error"]
    top = sorted(exact, key=exact.get, reverse=True)[:10]
    real = [abs(sampled[v] - exact[v]) for v in top]
    # the split-half estimate is of the right size: the real errors of the top nodes
    # stay within twice the stated ones (measured: median 0.0068 vs stated 0.0083)
    assert sorted(real)[len(real) // 2] <= 2 * err["se_median"]
    assert max(real) <= 2 * err["se_max"]
    assert err["se_median"] < 0.5 * exact[top[0]]
    assert len(set(top[:5]) & set(sorted(sampled, key=sampled.get, reverse=True)[:10])) >= 4


def test_compute_metrics_is_deterministic(two_triangles):
    a = compute_metrics(two_triangles, seed=5)
    b = compute_metrics(two_triangles, seed=5)
    assert a["scores"] == b["scores"] and a["communities"] == b["communities"]


# --- reference implementation -------------------------------------------------------------

def test_networkx_agrees_with_igraph():
    ig = pytest.importorskip("igraph")
    G = build_graph(*records(chain(nx.powerlaw_cluster_graph(300, 2, 0.3, seed=2).edges())))
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    h = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in G.edges()])
    h.es["weight"] = [d["weight"] for _, _, d in G.edges(data=True)]
    n = len(nodes)
    btw, _ = betweenness(G)
    ref = h.betweenness(directed=False)
    assert [btw[v] for v in nodes] == pytest.approx([b * 2 / ((n - 1) * (n - 2)) for b in ref], abs=1e-9)
    pr, _ = pagerank(G)
    assert [pr[v] for v in nodes] == pytest.approx(h.pagerank(weights="weight"), abs=1e-5)
    cut, bridges = brokers(G)
    assert {nodes[i] for i in h.articulation_points()} == cut
    assert {frozenset((nodes[h.es[i].source], nodes[h.es[i].target])) for i in h.bridges()} == \
        {frozenset(e) for e in bridges}


def test_label_propagation_and_forced_louvain(two_triangles):
    parts, info = communities(two_triangles, seed=1, method="label_propagation")
    assert info["method"] == "label_propagation"
    assert sorted(map(sorted, parts)) == [["a", "b", "c"], ["d", "e", "f"]]
    assert communities(two_triangles, method="auto")[1]["method"] == "louvain"   # small graph
    with pytest.raises(AnalysisError, match="unknown community method"):
        communities(two_triangles, method="girvan")


def test_closeness_on_candidates_when_over_budget(path5, monkeypatch):
    from partnergraph.graph import analysis
    monkeypatch.setattr(analysis, "CLOSENESS_WORK", 0)
    clo, info = closeness(path5, candidates=2, rank_by={"c": 0.9, "b": 0.5, "a": 0.1})
    assert info["scope"] == "candidates" and "eigenvector" in info["note"]
    assert clo == pytest.approx({"c": 4 / 6, "b": 4 / 7})          # exact for those two
    clo, info = closeness(path5, candidates=1)
    assert set(clo) == {"b"} and "degree" in info["note"]          # ties by id: b first


# --- the large-graph paths, checked on small graphs -----------------------------------------

def test_pair_stated_once_gets_the_same_edge_and_grant_as_a_repeated_one():
    # a pair stated once skips _Pair (the fast path); the same assertion stated twice by
    # the same document goes through _Pair: both must give identical columns and grants
    once = [("FUNDS", "msit", "u1", "d1", {"amount": 7, "currency": "krw",
                                           "attrs": json.dumps({"program": "RISE"})}),
            ("MOU", "u1", "u2", "d2"), ("MOU", "u2", "u3", None)]
    twice = once[:1] + once
    a, b = build_graph(*records(once)), build_graph(*records(twice))
    assert [(u, v, list(d.items())) for u, v, d in a.edges(data=True)] == \
        [(u, v, list(d.items())) for u, v, d in b.edges(data=True)]
    assert a.graph["grants"] == b.graph["grants"] == [
        {"funder": "msit", "recipient": "u1", "currency": "KRW", "amount": 7, "start_year": None,
         "program": "RISE", "documents": 1}]
    assert list(a) == list(b) == ["msit", "u1", "u2", "u3"]


def test_budgets_keep_small_graphs_and_bound_large_ones():
    from partnergraph.graph.analysis import betweenness_pivots, closeness_candidates
    assert betweenness_pivots(2_000, 10_000) == 400          # as before
    assert betweenness_pivots(20_000, 100_000) == 40
    assert betweenness_pivots(80_000, 400_000) == 10
    assert betweenness_pivots(200_000, 1_000_000) == 4       # the floor at 1M edges
    assert betweenness_pivots(200_000, 1_000_000, k=50) == 50
    assert closeness_candidates(100_000) == closeness_candidates(750_000) == 20
    assert closeness_candidates(1_000_000) == 15
    assert closeness_candidates(1_500_000) == closeness_candidates(5_000_000) == 10


def test_top_by_equals_the_full_sort_with_ties():
    import random

    from partnergraph.graph.analysis import _top_by
    rng = random.Random(3)
    items = [f"n{i}" for i in range(500)]
    value = {x: rng.choice([0, 0.5, 1, 2, 2, 3]) for x in items}
    for top in (1, 3, 10, 200, 600):
        assert _top_by(items, value.get, top, str) == sorted(items, key=lambda x: (-value[x], x))[:top]


def test_analyze_reports_cpu_time_and_restores_the_garbage_collector(two_triangles):
    import gc
    assert gc.isenabled()
    out = analyze(two_triangles, top=3)
    assert set(out["cpu_timings"]) == set(out["timings"])
    assert all(v >= 0 for v in out["cpu_timings"].values())
    assert gc.isenabled()
    gc.disable()
    try:
        build_graph(*records(chain([("a", "b")])))
        assert not gc.isenabled()          # left as the caller had it
    finally:
        gc.enable()


def test_label_propagation_counts_ties_and_reports_weighted_modularity(two_triangles):
    two_triangles["a"]["b"]["weight"] = 5
    parts, info = communities(two_triangles, seed=1, method="label_propagation")
    assert info["weight"] is None
    assert info["modularity"] == pytest.approx(nx.community.modularity(two_triangles, parts, weight="weight"))
