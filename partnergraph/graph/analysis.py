"""Network analysis over a collapsed view of the stored graph.

The store keeps one edge per *assertion* (one document saying that A and B signed an
MOU).  Network questions -- who brokers, how the ecosystem clusters, where the money
goes -- ask whether two organisations are tied and how well the tie is attested, so
:func:`build_graph` collapses the assertions into an undirected ``nx.Graph`` with **one
edge per unordered pair** carrying:

``weight``
    number of distinct documents asserting any selected relation between the pair
    (the tie's evidence count; a relation without ``doc_id`` counts as its own document).
``w_<family>``
    the same count per relation family (``partnership``, ``funding``, ``program``,
    ``structure``, ``people``, ``place``: ``schema.RELATION_TYPES[t].family``), 0 where
    the pair has none.  ``family`` is the family with most documents (ties by name),
    ``families`` and ``types`` list all of them, ``|``-joined.
``amount_<CUR>``
    money over the pair's FUNDS assertions, summed per currency after de-duplicating a
    grant reported by several documents (same funder, recipient, currency, amount and
    start year count once).  ``funder`` is the funder's id when the pair's money flows
    one way, ``"both"`` otherwise.

Why a ``Graph`` with per-family attributes rather than a ``MultiGraph`` keyed by family:
every algorithm below takes it unchanged (several NetworkX algorithms reject or
mis-handle multigraphs), a tie's strength across families is one number, and Gephi draws
one edge per pair.  The per-family split is kept in ``w_<family>``; the CSV export writes
one relationship row per family.

Every analysis is a plain NetworkX call on that graph, so a NetworkX backend
(nx-parallel, a GPU backend) can run it unchanged.  Choices that matter for reading the
numbers:

* betweenness and closeness count hops (edge weights are evidence counts, not
  distances); PageRank, eigenvector, Louvain and weighted degree use ``weight``;
* betweenness is exact when that is affordable (``n * m`` up to
  ``BETWEENNESS_WORK``), otherwise Brandes-Pich sampling from ``k`` pivots with a fixed
  seed, run as two independent halves whose mean is reported and whose difference gives
  the standard error (``|b1 - b2| / 2`` per node), reported in ``methods.betweenness``;
* closeness is exact up to ``CLOSENESS_WORK``; above it, it is computed exactly for the
  highest-degree candidates only (``methods.closeness.scope == "candidates"``);
* eigenvector centrality is computed on the largest connected component (elsewhere it
  is 0: the leading eigenvector of a disconnected graph lives on one component) by
  ARPACK, falling back to the power iteration, then reported as not converged with
  zeros;
* communities: Louvain with a fixed seed, so the same graph gives the same partition;
  above ``LOUVAIN_MAX_EDGES`` seeded fast label propagation over the ties (unweighted,
  see :func:`communities`) instead (reported in ``methods.communities.method``;
  ``community_method="louvain"`` forces Louvain).

Example
-------
>>> entities = [{"id": "a", "name": "Alpha University", "kind": "University"},
...             {"id": "b", "name": "Beta Hospital", "kind": "Hospital"}]
>>> relations = [{"type": "MOU", "source": "a", "target": "b", "doc_id": "d1"},
...              {"type": "MOU", "source": "b", "target": "a", "doc_id": "d2"}]
>>> G = build_graph(entities, relations)
>>> G["a"]["b"]["weight"]
2
>>> analyze(G, top=1)["centrality"]["degree"][0]["value"]
1
"""
from __future__ import annotations

import contextlib
import gc
import heapq
import json
import math
import re
import statistics
import time
import warnings
from collections import Counter, defaultdict
from typing import Any, Callable, Iterable, Iterator

import networkx as nx

from ..errors import PartnergraphError
from ..schema import ENTITY_KINDS, RELATION_TYPES

# Relation types used when none are named: all but the ``place`` family.  LOCATED_IN
# would make every region a hub of the network; the region is a node attribute instead.
DEFAULT_TYPES: tuple[str, ...] = tuple(n for n, r in RELATION_TYPES.items() if r.family != "place")
FAMILIES: tuple[str, ...] = tuple(sorted({r.family for r in RELATION_TYPES.values()}))

# Work budgets, in edge visits (n * m for exact, k * m for sampled).  Measured here:
# one betweenness pivot costs ~4 us per edge, one closeness BFS ~1 us per edge.
# The betweenness floor is what keeps the 1M-edge suite within two minutes on the
# 2-core workplace machine (bench/bench_analysis.py): 4 pivots (14 s) there, where 10
# took 39 s for an estimate no better than order of magnitude either way; graphs up to
# 400k edges keep their pivots.  Closeness candidates (one BFS, ~1 s at 1M, each an
# exact value): 20 up to 750k edges, 15 at 1M (6 of the exact top 10 there; 20 found 7
# but took the suite to 100 s on a busy machine), 10 from 1.5M.
BETWEENNESS_WORK = 4_000_000
BETWEENNESS_MIN_PIVOTS = 4
BETWEENNESS_MAX_PIVOTS = 500
CLOSENESS_WORK = 5_000_000
CLOSENESS_CANDIDATES = 20
CLOSENESS_MIN_CANDIDATES = 10
CLOSENESS_CANDIDATE_WORK = 15_000_000
LOUVAIN_MAX_EDGES = 300_000
DEFAULT_SEED = 42

METRICS = ("degree", "weighted_degree", "betweenness", "pagerank", "eigenvector", "closeness")


class AnalysisError(PartnergraphError, ValueError):
    """A filter or parameter of the analysis is not valid; the message says which."""


def records_from_store(store: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``(entities, relations)`` of a store, the input of :func:`build_graph`."""
    return store.graph_records()


# --- filters ------------------------------------------------------------------------------

def _check_names(values: Iterable[str] | None, known: Iterable[str], what: str) -> set[str] | None:
    if values is None:
        return None
    chosen = {v.strip() for v in values if v and v.strip()}
    unknown = sorted(chosen - set(known))
    if unknown:
        raise AnalysisError(f"unknown {what}: {', '.join(unknown)} "
                            f"(choose from {', '.join(sorted(known))})")
    return chosen


def _check_date(value: Any, name: str) -> str | None:
    if value is None or value == "":
        return None
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text[:10]):
        raise AnalysisError(f"{name} {value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    return text[:10]


def relation_date(rel: dict[str, Any]) -> str | None:
    """The date a relation is filed under: its document's date, else its start year."""
    date = rel.get("date")
    if date:
        return date.isoformat()[:10] if hasattr(date, "isoformat") else str(date)[:10]
    year = rel.get("start_year")
    return str(year) if year not in (None, "") else None


def in_date_range(date: str | None, date_from: str | None, date_to: str | None) -> bool:
    """Inclusive range over date prefixes: ``2023`` to ``2023`` keeps all of 2023."""
    if date_from is None and date_to is None:
        return True
    if date is None:
        return False
    if date_from is not None and date[:len(date_from)] < date_from:
        return False
    return date_to is None or date[:len(date_to)] <= date_to


# --- the collapsed graph --------------------------------------------------------------------

def _clean(value: Any) -> Any:
    return "" if value is None else value


def short_name(name: str, aliases: str | Iterable[str] | None = None, limit: int = 28) -> str:
    """A label for plots: the acronym when one is known (``KAIST``), else the name,
    shortened past ``limit`` characters to its first and last words."""
    if isinstance(aliases, str):
        aliases = [a.strip() for a in aliases.split("|")]
    acronyms = [a for a in (aliases or [])
                if 2 <= len(a) <= 8 and re.fullmatch(r"[A-Z][A-Z0-9&\-]*[A-Z0-9]", a)]
    if acronyms:
        return min(acronyms, key=lambda a: (len(a), a))
    if re.fullmatch(r"[A-Z][A-Z0-9&\-]{1,7}", name or ""):
        return name
    name = name or ""
    if len(name) <= limit:
        return name
    # keep first and last words, which tell "... University Hospital" from "... University
    # Medical School": of the splits that fit, the one that keeps the most text
    words = name.split()
    best = ""
    for h in range(1, len(words)):
        head = " ".join(words[:h])
        room = limit - len(head) - 3
        tail = [w for w in words[h:]][::-1]
        kept: list[str] = []
        while tail and len(" ".join([tail[0], *kept])) <= room:
            kept.insert(0, tail.pop(0))
        if kept and len(head) + len(" ".join(kept)) > len(best) - 3:
            best = f"{head} \u2026 {' '.join(kept)}"
    if best:
        return best
    return name[:limit - 1].rstrip() + "\u2026"


def _node_attrs(entity: dict[str, Any], region: str) -> dict[str, Any]:
    name = _clean(entity.get("name")) or entity["id"]
    return {
        "label": name,
        "kind": _clean(entity.get("kind")),
        "region": region,
        "ror": _clean(entity.get("ror")),
        "name_ko": _clean(entity.get("name_ko")),
        "parent": _clean(entity.get("parent")),
        "short": short_name(name, entity.get("aliases")),
    }


def _regions(entities: dict[str, dict[str, Any]], relations: list[dict[str, Any]]) -> dict[str, str]:
    """Region name per entity: its ``region`` property (an id is resolved to a name),
    else the Region/LocalGovernment it is LOCATED_IN (whatever the type filter)."""
    def name_of(value: str) -> str:
        ent = entities.get(value)
        return (ent.get("name") or value) if ent else value

    located: dict[str, str] = {}
    for rel in relations:
        if rel.get("type") == "LOCATED_IN" and rel.get("target") in entities:
            located.setdefault(rel["source"], name_of(rel["target"]))
    out = {}
    for eid, ent in entities.items():
        region = ent.get("region")
        out[eid] = name_of(region) if region else located.get(eid, "")
    return out


def _attrs_json(rel: dict[str, Any]) -> dict[str, Any]:
    raw = rel.get("attrs")
    if isinstance(raw, dict):
        return raw
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except (TypeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _grant_key(rel: dict[str, Any]) -> tuple | None:
    """What identifies one grant across documents, or None when no amount is stated.
    ``amount`` + ``currency`` as stored; a bare ``amount_krw`` counts as KRW."""
    amount, currency = rel.get("amount"), rel.get("currency")
    if amount in (None, "") and rel.get("amount_krw") not in (None, ""):
        amount, currency = rel["amount_krw"], "KRW"
    if amount in (None, ""):
        return None
    try:
        amount = int(amount)
    except (TypeError, ValueError):
        return None
    currency = str(currency).strip().upper() if currency else "unknown"
    return (rel["source"], rel["target"], currency, amount, rel.get("start_year"))


def relation_types(types: Iterable[str] | None) -> set[str]:
    """The validated set of relation types to use (``DEFAULT_TYPES`` when None)."""
    return _check_names(types, RELATION_TYPES, "relation type") or set(DEFAULT_TYPES)


def select_relations(relations: Iterable[dict[str, Any]], *, types: Iterable[str] | None = None,
                     date_from: Any = None, date_to: Any = None) -> tuple[list[dict[str, Any]], int]:
    """The relations of the chosen types within the date range, and how many were left
    out for having no date while a date range was asked for."""
    chosen = relation_types(types)
    lo, hi = _check_date(date_from, "date_from"), _check_date(date_to, "date_to")
    if not (lo or hi):       # no range: every date is in (one pass, no date parsing)
        return [rel for rel in relations
                if rel.get("type") in chosen and rel.get("source") != rel.get("target")], 0
    kept, undated = [], 0
    for rel in relations:
        if rel.get("type") not in chosen or rel.get("source") == rel.get("target"):
            continue
        date = relation_date(rel)
        if (lo or hi) and date is None:
            undated += 1
            continue
        if in_date_range(date, lo, hi):
            kept.append(rel)
    return kept, undated


def build_graph(entities: Iterable[dict[str, Any]], relations: Iterable[dict[str, Any]], *,
                types: Iterable[str] | None = None, kinds: Iterable[str] | None = None,
                date_from: Any = None, date_to: Any = None, min_support: int = 1,
                isolates: bool = False) -> nx.Graph:
    """The collapsed, weighted, undirected view described in the module docstring.

    Parameters
    ----------
    entities, relations : the two lists of ``Store.graph_records()``.
    types : relation types to use; default every type but LOCATED_IN (``DEFAULT_TYPES``).
    kinds : entity kinds to keep; a relation needs both ends kept.  Default all.
    date_from, date_to : inclusive range (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) over
        each relation's document ``date`` (else its ``start_year``); with a range set,
        undated relations are left out and counted in ``G.graph["undated_skipped"]``.
    min_support : keep pairs asserted by at least this many documents.
    isolates : also keep selected entities that have no edge.

    ``G.graph["grants"]`` holds the de-duplicated grants behind the funding rollups.

    Nodes are added in the order of their first kept tie (after the isolates), edges in
    the order of their pair's first assertion: the same records always give the same
    graph, down to the iteration order the seeded algorithms depend on.
    """
    if int(min_support) < 1:
        raise AnalysisError(f"min_support must be 1 or more, not {min_support}")
    kind_set = _check_names(kinds, ENTITY_KINDS, "entity kind")
    with _gc_paused():
        entities = {e["id"]: e for e in entities if e.get("id")}
        relations = list(relations)
        regions = _regions(entities, relations)
        selected, undated = select_relations(relations, types=types, date_from=date_from,
                                             date_to=date_to)
        if kind_set is not None:
            kept_ids = {eid for eid, ent in entities.items() if ent.get("kind") in kind_set}
            selected = [r for r in selected if r["source"] in kept_ids and r["target"] in kept_ids]
        G = nx.Graph()
        G.graph.update(types="|".join(sorted(relation_types(types))),
                       kinds="|".join(sorted(kind_set)) if kind_set else "",
                       date_from=_check_date(date_from, "date_from") or "",
                       date_to=_check_date(date_to, "date_to") or "",
                       min_support=int(min_support), undated_skipped=undated)
        nodes: dict[Any, None] = {}
        if isolates:
            nodes.update((eid, None) for eid in entities if kind_set is None or eid in kept_ids)
        edges, grants = _collapse(selected, int(min_support))
        for u, v, _ in edges:
            nodes[u] = None
            nodes[v] = None
        G.add_nodes_from((eid, _node_attrs(entities.get(eid, {"id": eid}), regions.get(eid, "")))
                         for eid in nodes)
        _fill_edge_defaults(edges)
        G.add_edges_from(edges)
        G.graph["grants"] = grants
    return G


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Hold Python's cyclic garbage collector while a large graph is built or analysed.

    Building and analysing allocate millions of long-lived dicts and lists (edge data,
    BFS predecessor lists, score dicts) and almost no cyclic garbage; every collection
    then walks the whole heap for nothing.  Measured on the 1M-edge benchmark graph:
    build_graph 28 -> 16 CPU-s, PageRank 6.4 -> 2.8, eigenvector 17 -> 10, one
    betweenness pivot 5.4 -> 3.4.  Reference counting still frees everything as usual;
    the collector is switched back on (if it was on) when the block ends, and the next
    collection finds whatever cycles there are.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


FAMILY_OF: dict[str, str] = {name: rt.family for name, rt in RELATION_TYPES.items()}
_W_KEY: dict[str, str] = {family: f"w_{family}" for family in FAMILIES}


class _Pair:
    """What the assertions about one unordered pair add up to (see :func:`_collapse`);
    only pairs stated more than once get one."""

    __slots__ = ("docs", "families", "types", "grants")

    def __init__(self) -> None:
        self.docs: set = set()
        self.families: dict[str, set] = {}
        self.types: set = set()
        self.grants: dict[tuple, dict[str, Any]] = {}

    def add(self, rel: dict[str, Any], doc: Any, family: str) -> None:
        self.docs.add(doc)
        fam = self.families.get(family)
        if fam is None:
            self.families[family] = {doc}
        else:
            fam.add(doc)
        self.types.add(rel["type"])
        if family == "funding":
            key = _grant_key(rel)
            if key is not None:
                grant = self.grants.get(key)
                if grant is None:
                    grant = self.grants[key] = {
                        "funder": key[0], "recipient": key[1], "currency": key[2], "amount": key[3],
                        "start_year": key[4], "program": _program_of(rel), "docs": set()}
                grant["docs"].add(doc)

    def edge(self) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """The edge attributes and the pair's grants (with document counts)."""
        fams = {f: len(d) for f, d in self.families.items()}
        grants = [dict(g, documents=len(g.pop("docs"))) for g in self.grants.values()]
        attrs: dict[str, Any] = {_W_KEY[f]: n for f, n in fams.items()}
        attrs["family"] = min(fams, key=lambda f: (-fams[f], f))
        attrs["families"] = "|".join(sorted(fams))
        attrs["types"] = "|".join(sorted(self.types))
        for g in grants:
            key = f"amount_{g['currency']}"
            attrs[key] = attrs.get(key, 0) + g["amount"]
        funders = {g["funder"] for g in grants}
        if funders:
            attrs["funder"] = funders.pop() if len(funders) == 1 else "both"
        attrs["weight"] = len(self.docs)
        return attrs, grants


def _single_edge(rel: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """``_Pair.edge`` for a pair stated once (most pairs), without building a ``_Pair``:
    the same attributes in the same order."""
    rtype = rel["type"]
    family = FAMILY_OF[rtype]
    attrs: dict[str, Any] = {_W_KEY[family]: 1, "family": family, "families": family, "types": rtype}
    if family == "funding":
        key = _grant_key(rel)
        if key is not None:
            attrs[f"amount_{key[2]}"] = key[3]
            attrs["funder"] = key[0]
            attrs["weight"] = 1
            return attrs, [{"funder": key[0], "recipient": key[1], "currency": key[2], "amount": key[3],
                            "start_year": key[4], "program": _program_of(rel), "documents": 1}]
    attrs["weight"] = 1
    return attrs, []


def _collapse(relations: Iterable[dict[str, Any]], min_support: int = 1
              ) -> tuple[list[tuple[Any, Any, dict[str, Any]]], list[dict[str, Any]]]:
    """Group assertions by unordered pair: distinct documents overall and per family,
    types seen, and de-duplicated grants.  Returns the edges ``(u, v, attrs)`` of the
    pairs with at least ``min_support`` documents, in order of first assertion, and
    their grants.

    Why two shapes: in partnership data most pairs are stated once (80% of the 1M-edge
    benchmark's), and a ``_Pair`` with its four containers per pair was half the
    collapse's time; a pair keeps its first ``(relation, document)`` and becomes a
    ``_Pair`` only when a second assertion arrives.
    """
    pairs: dict[tuple[Any, Any], Any] = {}
    get = pairs.get
    for i, rel in enumerate(relations):
        u, v = rel["source"], rel["target"]
        key = (u, v) if u <= v else (v, u)
        doc = rel.get("doc_id") or f"_assertion_{i}"
        entry = get(key)
        if entry is None:
            pairs[key] = (rel, doc)
            continue
        if entry.__class__ is tuple:
            first, first_doc = entry
            entry = pairs[key] = _Pair()
            entry.add(first, first_doc, FAMILY_OF[first["type"]])
        entry.add(rel, doc, FAMILY_OF[rel["type"]])
    edges: list[tuple[Any, Any, dict[str, Any]]] = []
    grants: list[dict[str, Any]] = []
    for (u, v), entry in pairs.items():
        if entry.__class__ is tuple:
            if min_support > 1:
                continue
            attrs, pair_grants = _single_edge(entry[0])
        else:
            if len(entry.docs) < min_support:
                continue
            attrs, pair_grants = entry.edge()
        edges.append((u, v, attrs))
        if pair_grants:
            grants.extend(pair_grants)
    return edges, grants


def _program_of(rel: dict[str, Any]) -> str:
    """The program a grant belongs to: named in the relation's attrs, if at all."""
    attrs = _attrs_json(rel)
    return str(attrs.get("program") or attrs.get("program_id") or "")


def _fill_edge_defaults(edges: list[tuple[Any, Any, dict[str, Any]]]) -> None:
    """Give every edge every per-family count and amount column (0 where absent), so
    Gephi and the CSV see one consistent set of columns.  Missing columns are appended
    in sorted order, ``funder`` (``""``) last.  Edges come in a handful of shapes (which
    columns they have): what each shape lacks is worked out once."""
    shapes = [tuple(d) for _, _, d in edges]
    distinct = set(shapes)
    numeric = {k for shape in distinct for k in shape if k[:2] == "w_" or k[:7] == "amount_"}
    defaults: dict[str, Any] = {k: 0 for k in sorted(numeric)}
    defaults["funder"] = ""
    lacks = {shape: [(k, v) for k, v in defaults.items() if k not in shape] for shape in distinct}
    for (_, _, d), shape in zip(edges, shapes):
        missing = lacks[shape]
        if missing:
            d.update(missing)



# --- the analyses: each one NetworkX call -------------------------------------------------

def degree(G: nx.Graph) -> dict[Any, int]:
    """Number of distinct partners (any selected relation)."""
    return dict(G.degree())


def weighted_degree(G: nx.Graph) -> dict[Any, int]:
    """Sum of evidence counts over a node's ties ("strength")."""
    return dict(G.degree(weight="weight"))


def pagerank(G: nx.Graph, *, alpha: float = 0.85) -> tuple[dict[Any, float], dict[str, Any]]:
    """Weighted PageRank; on non-convergence, zeros and ``converged: False``."""
    if G.number_of_nodes() == 0:
        return {}, {"method": "pagerank", "converged": True}
    try:
        return nx.pagerank(G, alpha=alpha, weight="weight"), {"method": "pagerank", "alpha": alpha,
                                                              "converged": True}
    except nx.PowerIterationFailedConvergence as exc:
        return dict.fromkeys(G, 0.0), {"method": "pagerank", "converged": False, "error": str(exc)}


def eigenvector(G: nx.Graph, *, max_iter: int = 1000) -> tuple[dict[Any, float], dict[str, Any]]:
    """Weighted eigenvector centrality on the largest connected component (0 elsewhere).

    ARPACK first (``eigenvector_centrality_numpy``: fast, and converges where the plain
    power iteration crawls); where it cannot run (components of two nodes) or fails, the
    power iteration; if that does not converge either, zeros with ``converged: False``
    rather than an exception.
    """
    scores = dict.fromkeys(G, 0.0)
    if G.number_of_edges() == 0:
        return scores, {"method": "none", "converged": True, "scope": "no edges"}
    component = max(nx.connected_components(G), key=len)
    H = G if len(component) == len(G) else _weighted_copy(G, component)
    info: dict[str, Any] = {"scope": "largest component", "nodes": len(component)}
    attempts: list[tuple[str, Callable[[], dict]]] = [
        ("arpack", lambda: nx.eigenvector_centrality_numpy(H, weight="weight", max_iter=max_iter)),
        ("power", lambda: nx.eigenvector_centrality(H, max_iter=max_iter, weight="weight")),
    ]
    errors = []
    for method, run in attempts:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                values = run()
            # ARPACK starts from a random vector: round off the last bits so that the
            # same graph always gives the same numbers (and the same exported files)
            scores.update((v, round(x, 12)) for v, x in values.items())
            return scores, {**info, "method": method, "converged": True}
        except Exception as exc:  # ARPACK and scipy raise their own types; report, go on
            errors.append(f"{method}: {type(exc).__name__}: {exc}")
    return scores, {**info, "method": "none", "converged": False, "error": "; ".join(errors)}


def _weighted_copy(G: nx.Graph, nodes: set) -> nx.Graph:
    """The subgraph on ``nodes`` with only the edge weights: algorithms on a subgraph
    *view* filter every adjacency lookup (27 s instead of 13 s for eigenvector centrality
    on 1M edges), and a full ``.copy()`` also copies every attribute."""
    H = nx.Graph()
    H.add_nodes_from(nodes)
    H.add_weighted_edges_from((u, v, d.get("weight", 1)) for u, v, d in G.edges(nodes, data=True))
    return H


def betweenness_pivots(n: int, m: int, k: int | None = None) -> int | None:
    """How many pivots sampled betweenness uses, or None for exact."""
    if k is not None:
        return None if k >= n else max(2, int(k))
    if m == 0 or n * m <= BETWEENNESS_WORK:
        return None
    pivots = min(BETWEENNESS_MAX_PIVOTS, max(BETWEENNESS_MIN_PIVOTS, BETWEENNESS_WORK // m))
    return None if pivots >= n else pivots


def betweenness(G: nx.Graph, *, k: int | None = None, seed: int = DEFAULT_SEED,
                top: int = 10) -> tuple[dict[Any, float], dict[str, Any]]:
    """Normalised betweenness (hops).  Exact when affordable; otherwise the mean of two
    seeded samples of ``k/2`` pivots each, with the per-node standard error
    ``|b1 - b2| / 2`` summarised over the ``top`` nodes (absolute and relative), and how
    many of the top nodes the two halves agree on.
    """
    n, m = G.number_of_nodes(), G.number_of_edges()
    pivots = betweenness_pivots(n, m, k)
    if pivots is None:
        return nx.betweenness_centrality(G), {"method": "exact", "nodes": n}
    k1 = pivots // 2
    b1 = nx.betweenness_centrality(G, k=k1, seed=seed)
    b2 = nx.betweenness_centrality(G, k=pivots - k1, seed=seed + 1)
    w1 = k1 / pivots
    scores = {v: w1 * b1[v] + (1 - w1) * b2[v] for v in G}
    return scores, {"method": "sampled", "k": pivots, "seed": seed, "nodes": n,
                    "error": _split_half_error(scores, b1, b2, top)}


def _split_half_error(scores: dict, b1: dict, b2: dict, top: int) -> dict[str, Any]:
    # heapq.nlargest(n, it, key) is sorted(it, key=key, reverse=True)[:n], ties included
    best = heapq.nlargest(max(1, top), scores, key=scores.get)
    se = [abs(b1[v] - b2[v]) / 2 for v in best]
    rel = [s / scores[v] for s, v in zip(se, best) if scores[v] > 0]
    top1 = set(heapq.nlargest(len(best), b1, key=b1.get))
    top2 = set(heapq.nlargest(len(best), b2, key=b2.get))
    return {
        "estimator": "split-half: SE = |b1 - b2| / 2 per node, over the top nodes",
        "top": len(best),
        "se_median": statistics.median(se),
        "se_max": max(se),
        "relative_se_median": statistics.median(rel) if rel else 0.0,
        "top_agreement": len(top1 & top2) / len(best),
    }


def closeness_candidates(m: int) -> int:
    """How many candidates :func:`closeness` takes when it cannot do all nodes: one BFS
    each, ``CLOSENESS_CANDIDATES`` while that stays within ``CLOSENESS_CANDIDATE_WORK``
    edge visits, never fewer than ``CLOSENESS_MIN_CANDIDATES``."""
    return max(CLOSENESS_MIN_CANDIDATES, min(CLOSENESS_CANDIDATES, CLOSENESS_CANDIDATE_WORK // max(1, m)))


def closeness(G: nx.Graph, *, candidates: int | None = None,
              rank_by: dict[Any, float] | None = None) -> tuple[dict[Any, float], dict[str, Any]]:
    """Closeness (hops, Wasserman-Faust scaled for disconnected graphs).

    All nodes when affordable (``n * m`` up to ``CLOSENESS_WORK``); else exact closeness
    of ``candidates`` nodes only (others are absent; default
    :func:`closeness_candidates`: 20 up to 750k edges, 15 at 1M, 10 from 1.5M): the top
    nodes by ``rank_by`` (the eigenvector centrality in :func:`compute_metrics`) or else
    by degree.  On the 1M-edge benchmark graph the top 10 / 15 / 20 eigenvector nodes
    held 4 / 6 / 7 of the exact top-10 closeness nodes, the 20 top-degree ones 6; ranking
    by distance sums from 2-8 BFS pivots did worse (3 of 10 at best).
    """
    n, m = G.number_of_nodes(), G.number_of_edges()
    if n * m <= CLOSENESS_WORK:
        return nx.closeness_centrality(G), {"method": "exact", "scope": "all"}
    if candidates is None:
        candidates = closeness_candidates(m)
    rank = rank_by if rank_by and any(rank_by.values()) else dict(G.degree())
    by = "eigenvector centrality" if rank is rank_by else "degree"
    chosen = _top_by(list(G), lambda v: rank.get(v, 0), candidates, str)
    return ({v: nx.closeness_centrality(G, u=v) for v in chosen},
            {"method": "exact", "scope": "candidates", "candidates": len(chosen),
             "note": f"computed for the {len(chosen)} nodes of highest {by} only"})


def communities(G: nx.Graph, *, seed: int = DEFAULT_SEED, resolution: float = 1.0,
                method: str = "auto") -> tuple[list[set], dict[str, Any]]:
    """Communities, largest first, with their modularity.

    ``louvain`` (weighted, seeded) is the default; ``auto`` switches to seeded fast label
    propagation above ``LOUVAIN_MAX_EDGES`` edges, where NetworkX's Louvain takes minutes
    (116 s on 1M edges here) for a partition of nearly the same modularity.

    Label propagation counts ties, not evidence (``weight=None``): NetworkX's weighted
    variant builds an edge view for every node it visits and took 27 CPU-s on the 1M-edge
    benchmark graph against 11 s unweighted, and the unweighted partition scored a
    *weighted* modularity of 0.752 there (weighted propagation 0.749, Louvain 0.750).
    The modularity reported is always the weighted one.
    """
    if method == "auto":
        method = "louvain" if G.number_of_edges() <= LOUVAIN_MAX_EDGES else "label_propagation"
    if method not in {"louvain", "label_propagation"}:
        raise AnalysisError(f"unknown community method {method!r}: use auto, louvain or label_propagation")
    if G.number_of_nodes() == 0:
        return [], {"method": method, "seed": seed, "modularity": 0.0}
    if method == "louvain":
        parts = nx.community.louvain_communities(G, weight="weight", resolution=resolution, seed=seed)
    else:
        parts = nx.community.fast_label_propagation_communities(G, weight=None, seed=seed)
    parts = sorted(parts, key=lambda c: (-len(c), min(map(str, c))))
    q = nx.community.modularity(G, parts, weight="weight") if G.number_of_edges() else 0.0
    info = {"method": method, "seed": seed, "modularity": q}
    if method == "louvain":
        info["resolution"] = resolution
    else:
        info["weight"] = None           # propagation counted ties; the modularity is weighted
    return parts, info


def brokers(G: nx.Graph) -> tuple[set, list[tuple[Any, Any]]]:
    """Articulation points and bridges, from one biconnected-component pass: a bridge is
    a component of one edge, an articulation point a node in two or more components."""
    seen: Counter = Counter()
    bridges = []
    for edges in nx.biconnected_component_edges(G):
        if len(edges) == 1:
            bridges.append(edges[0])
        seen.update({x for e in edges for x in e})
    return {v for v, c in seen.items() if c > 1}, bridges


# --- funding rollups --------------------------------------------------------------------

def funding_rollups(G: nx.Graph, *, top: int | None = None) -> dict[str, Any]:
    """Money by funder, by the recipient's region and by program, per currency (never
    added across currencies).  Rows: key, name, currency, amount, grants, documents.
    A grant's program is its recipient or funder when that is a Program, else the
    ``program`` named in the relation's attrs."""
    grants = G.graph.get("grants", [])
    names = {v: d.get("label", v) for v, d in G.nodes(data=True)}

    def recipient_region(g: dict) -> str:
        node = G.nodes[g["recipient"]] if g["recipient"] in G else {}
        return node.get("region") or "(unknown)"

    def program(g: dict) -> str:
        """The program money goes to, else the program it comes through, else the one
        the relation names."""
        for end in (g["recipient"], g["funder"]):
            if end in G and G.nodes[end].get("kind") == "Program":
                return end
        return g["program"] or "(none)"

    totals: dict[str, int] = defaultdict(int)
    for g in grants:
        totals[g["currency"]] += g["amount"]
    return {
        "totals": dict(sorted(totals.items())),
        "by_funder": _rollup(grants, lambda g: g["funder"], names, top),
        "by_region": _rollup(grants, recipient_region, {}, top),
        "by_program": _rollup(grants, program, names, top),
    }


def _rollup(grants: list[dict], key: Callable[[dict], str], names: dict, top: int | None) -> list[dict]:
    acc: dict[tuple[str, str], dict[str, Any]] = {}
    for g in grants:
        k = (key(g), g["currency"])
        row = acc.setdefault(k, {"key": k[0], "name": names.get(k[0], k[0]), "currency": k[1],
                                 "amount": 0, "grants": 0, "documents": 0})
        row["amount"] += g["amount"]
        row["grants"] += 1
        row["documents"] += g["documents"]
    rows = sorted(acc.values(), key=lambda r: (r["currency"], -r["amount"], r["name"]))
    if top is None:
        return rows
    per_currency: Counter = Counter()
    kept = []
    for row in rows:
        per_currency[row["currency"]] += 1
        if per_currency[row["currency"]] <= top:
            kept.append(row)
    return kept


# --- the whole suite ----------------------------------------------------------------------

def compute_metrics(G: nx.Graph, *, seed: int = DEFAULT_SEED, betweenness_k: int | None = None,
                    top: int = 10, community_method: str = "auto") -> dict[str, Any]:
    """Run every analysis once; returns ``{"scores": {metric: {node: value}},
    "communities": [...], "articulation_points", "bridges", "methods", "timings",
    "cpu_timings"}`` (wall and process CPU seconds per algorithm: on a shared machine
    the CPU figure is the one that compares across runs)."""
    timings: dict[str, float] = {}
    cpu_timings: dict[str, float] = {}

    def timed(name: str, fn: Callable[[], Any]) -> Any:
        t0, c0 = time.perf_counter(), time.process_time()
        out = fn()
        timings[name] = round(time.perf_counter() - t0, 4)
        cpu_timings[name] = round(time.process_time() - c0, 4)
        return out

    with _gc_paused():    # see _gc_paused: the whole suite allocates, nothing cycles
        scores: dict[str, dict] = {}
        methods: dict[str, Any] = {}
        scores["degree"] = timed("degree", lambda: degree(G))
        scores["weighted_degree"] = timed("weighted_degree", lambda: weighted_degree(G))
        scores["pagerank"], methods["pagerank"] = timed("pagerank", lambda: pagerank(G))
        scores["eigenvector"], methods["eigenvector"] = timed("eigenvector", lambda: eigenvector(G))
        scores["closeness"], methods["closeness"] = timed(
            "closeness", lambda: closeness(G, rank_by=scores["eigenvector"]))
        scores["betweenness"], methods["betweenness"] = timed(
            "betweenness", lambda: betweenness(G, k=betweenness_k, seed=seed, top=top))
        parts, methods["communities"] = timed(
            "communities", lambda: communities(G, seed=seed, method=community_method))
        cut_nodes, bridge_edges = timed("brokers", lambda: brokers(G))
    return {"scores": scores, "communities": parts, "articulation_points": cut_nodes,
            "bridges": bridge_edges, "methods": methods, "timings": timings,
            "cpu_timings": cpu_timings}


def attach_metrics(G: nx.Graph, metrics: dict[str, Any]) -> nx.Graph:
    """Write the scores onto the nodes (what the exports and the plot read):
    one attribute per metric, ``community`` (0 = largest) and ``articulation_point``."""
    for name, values in metrics["scores"].items():
        nx.set_node_attributes(G, values, name)
    for i, part in enumerate(metrics["communities"]):
        nx.set_node_attributes(G, dict.fromkeys(part, i), "community")
    nx.set_node_attributes(G, {v: v in metrics["articulation_points"] for v in G}, "articulation_point")
    G.graph["analysed"] = True
    G.graph["closeness_scope"] = metrics["methods"]["closeness"]["scope"]
    return G


def ensure_metrics(G: nx.Graph, **kw: Any) -> nx.Graph:
    """Attach the metrics unless an earlier :func:`analyze` already did."""
    if not G.graph.get("analysed"):
        attach_metrics(G, compute_metrics(G, **kw))
    return G


def _top_by(items: list, value: Callable[[Any], Any], top: int, tie: Callable[[Any], Any]) -> list:
    """``sorted(items, key=lambda x: (-value(x), tie(x)))[:top]``, without building the
    tie key for every item: only items whose value reaches the ``top``-th largest can be
    in the answer (on 200k nodes the full sort with names cost ~0.4 s per metric)."""
    if top <= 0:
        return []
    if len(items) > 4 * top:
        values = [value(x) for x in items]
        threshold = heapq.nlargest(top, values)[-1]
        if threshold == threshold:                 # not NaN: filtering is exact
            items = [x for x, y in zip(items, values) if y >= threshold]
    return sorted(items, key=lambda x: (-value(x), tie(x)))[:top]


def top_rows(G: nx.Graph, values: dict[Any, float], top: int) -> list[dict[str, Any]]:
    """The ``top`` nodes by value (ties by name) as JSON rows."""
    best = _top_by(list(values), values.__getitem__, top, lambda v: G.nodes[v].get("label", str(v)))
    return [{"id": v, "name": G.nodes[v].get("label", v), "kind": G.nodes[v].get("kind", ""),
             "value": _json_number(values[v])} for v in best]


def _json_number(x: Any) -> Any:
    if isinstance(x, float):
        return x if math.isfinite(x) else None
    return x


def summary(G: nx.Graph) -> dict[str, Any]:
    """Size, density and components of the view, with the filters that made it."""
    comps = [len(c) for c in nx.connected_components(G)] if len(G) else []
    return {
        "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
        "density": nx.density(G) if len(G) > 1 else 0.0,
        "components": len(comps), "largest_component": max(comps, default=0),
        "kinds": dict(Counter(d.get("kind", "") for _, d in G.nodes(data=True)).most_common()),
        "filters": {k: G.graph.get(k) for k in ("types", "kinds", "date_from", "date_to",
                                                  "min_support", "undated_skipped")},
    }


def community_rows(G: nx.Graph, parts: list[set], top: int, members: int = 5) -> list[dict[str, Any]]:
    """The ``top`` largest communities: size, kinds, and their best-connected members."""
    rows = []
    for i, part in enumerate(parts[:top]):
        ranked = sorted(part, key=lambda v: (-G.degree(v, weight="weight"), G.nodes[v].get("label", "")))
        rows.append({"community": i, "size": len(part),
                     "kinds": dict(Counter(G.nodes[v].get("kind", "") for v in part).most_common()),
                     "members": [G.nodes[v].get("label", v) for v in ranked[:members]]})
    return rows


def broker_rows(G: nx.Graph, metrics: dict[str, Any], top: int) -> dict[str, Any]:
    """Articulation points ranked by betweenness; bridges between two non-leaf nodes
    (a leaf's only edge is always a bridge, and says little) ranked by the betweenness
    of their ends."""
    btw = metrics["scores"]["betweenness"]
    cut = {v: btw.get(v, 0.0) for v in metrics["articulation_points"]}
    inner = [(u, v) for u, v in metrics["bridges"] if G.degree(u) > 1 and G.degree(v) > 1]
    inner.sort(key=lambda e: (-(btw.get(e[0], 0) + btw.get(e[1], 0)), str(e)))
    name = lambda v: G.nodes[v].get("label", v)  # noqa: E731
    return {
        "articulation_points": top_rows(G, cut, top),
        "articulation_point_count": len(cut),
        "bridges": [{"source": u, "target": v, "source_name": name(u), "target_name": name(v),
                     "weight": G[u][v].get("weight", 1), "family": G[u][v].get("family", "")}
                    for u, v in inner[:top]],
        "bridge_count": len(metrics["bridges"]),
        "leaf_bridge_count": len(metrics["bridges"]) - len(inner),
    }


def analyze(G: nx.Graph, top: int = 10, *, seed: int = DEFAULT_SEED,
            betweenness_k: int | None = None, community_method: str = "auto") -> dict[str, Any]:
    """Run the whole suite on ``G``, attach the scores to its nodes (so an export or a
    plot afterwards reuses them), and return a JSON-safe summary: ``graph``,
    ``centrality`` (top ``top`` per metric), ``methods`` (how each was computed, with
    the sampling error of betweenness), ``communities``, ``brokers``, ``funding`` and
    ``timings`` and ``cpu_timings`` (wall and process CPU seconds per algorithm)."""
    if top < 1:
        raise AnalysisError(f"top must be 1 or more, not {top}")
    with _gc_paused():
        return _analyze(G, top, seed=seed, betweenness_k=betweenness_k,
                        community_method=community_method)


def _analyze(G: nx.Graph, top: int, **kw: Any) -> dict[str, Any]:
    metrics = compute_metrics(G, top=top, **kw)
    attach_metrics(G, metrics)
    t0, c0 = time.perf_counter(), time.process_time()
    funding = funding_rollups(G, top=top)
    metrics["timings"]["funding"] = round(time.perf_counter() - t0, 4)
    metrics["cpu_timings"]["funding"] = round(time.process_time() - c0, 4)
    return json_safe({
        "graph": summary(G),
        "centrality": {name: top_rows(G, metrics["scores"][name], top) for name in METRICS},
        "methods": metrics["methods"],
        "communities": {"count": len(metrics["communities"]),
                        "modularity": metrics["methods"]["communities"]["modularity"],
                        "top": community_rows(G, metrics["communities"], top)},
        "brokers": broker_rows(G, metrics, top),
        "funding": funding,
        "timings": metrics["timings"],
        "cpu_timings": metrics["cpu_timings"],
    })


def node_table(G: nx.Graph) -> list[dict[str, Any]]:
    """One row per node with every attached metric (``analyze --out x.csv``), sorted by
    PageRank."""
    ensure_metrics(G)
    cols = ["label", "kind", "region", *METRICS, "community", "articulation_point"]
    rows = [{"id": v, **{c: d.get(c, "") for c in cols}} for v, d in G.nodes(data=True)]
    return sorted(rows, key=lambda r: (-(r["pagerank"] or 0), str(r["label"])))


def json_safe(value: Any) -> Any:
    """Plain JSON types only: sets and tuples become lists, NaN/inf become None."""
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [json_safe(v) for v in value]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if value is None or isinstance(value, (str, int, bool)):
        return value
    if hasattr(value, "item"):  # numpy scalars
        return json_safe(value.item())
    return str(value)
