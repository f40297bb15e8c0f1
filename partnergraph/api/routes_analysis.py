"""``/analysis/*`` and ``/export/*``: the network view of :mod:`partnergraph.graph.analysis`.

Why cached: building the collapsed graph reads every relation, and the centralities
cost seconds on a large graph, so each (store state, filters) is analysed once and kept
(a few at most) until the store's counts change.  One analysis runs at a time.
"""
from __future__ import annotations

from typing import Any, Literal, Optional

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from ..graph import analysis, export
from ..schema import ENTITY_KINDS, RELATION_TYPES
from .deps import ERRORS, get_service
from .models import Centrality, Communities
from .routes_entities import DATE
from .service import Service

router = APIRouter()

GRAPHML = "application/graphml+xml"
GEXF = "application/gexf+xml"
MAX_TOP = 50
RelType = Literal[tuple(RELATION_TYPES)]  # type: ignore[valid-type]
Kind = Literal[tuple(ENTITY_KINDS)]  # type: ignore[valid-type]
Metric = Literal[analysis.METRICS]  # type: ignore[valid-type]


class Filters:
    """The query parameters every analysis and export takes."""

    def __init__(
        self,
        types: Optional[list[RelType]] = Query(None, description="relation types to use (repeat); "
                                               "default all but LOCATED_IN"),
        kinds: Optional[list[Kind]] = Query(None, description="entity kinds to keep (repeat)"),
        date_from: Optional[str] = Query(None, pattern=DATE, description="YYYY[-MM[-DD]], inclusive"),
        date_to: Optional[str] = Query(None, pattern=DATE),
        min_support: int = Query(1, ge=1, le=1000, description="keep ties stated by at least "
                                 "this many documents"),
    ) -> None:
        self.types = tuple(sorted(set(types))) if types else None
        self.kinds = tuple(sorted(set(kinds))) if kinds else None
        self.date_from, self.date_to, self.min_support = date_from, date_to, min_support

    def key(self) -> tuple:
        return (self.types, self.kinds, self.date_from, self.date_to, self.min_support)


def analysed(svc: Service, f: Filters) -> tuple[Any, dict[str, Any]]:
    """The analysed graph and the summary of :func:`analysis.analyze` for these filters."""
    key = (svc.names.snapshot().fingerprint, *f.key())
    with svc.analysis_lock:
        hit = svc.analysis_cache.get(key)
        if hit is not None:
            return hit
        entities, relations = svc.store.graph_records()
        G = analysis.build_graph(entities, relations, types=f.types, kinds=f.kinds,
                                 date_from=f.date_from, date_to=f.date_to, min_support=f.min_support)
        result = analysis.analyze(G, top=MAX_TOP)
        svc.analysis_cache.put(key, (G, result))
        return G, result


@router.get("/analysis/centrality", response_model=Centrality, responses=ERRORS, tags=["analysis"],
            summary="The most central organisations, per metric")
def get_centrality(
    metric: Optional[list[Metric]] = Query(None, description="metrics to return (repeat); default all"),
    top: int = Query(10, ge=1, le=MAX_TOP),
    f: Filters = Depends(),
    svc: Service = Depends(get_service),
) -> dict[str, Any]:
    _, result = analysed(svc, f)
    chosen = metric or list(analysis.METRICS)
    return {"graph": result["graph"],
            "centrality": {m: result["centrality"][m][:top] for m in chosen},
            "methods": {m: result["methods"][m] for m in chosen if m in result["methods"]}}


@router.get("/analysis/communities", response_model=Communities, responses=ERRORS,
            tags=["analysis"], summary="Communities (Louvain) and brokers")
def get_communities(top: int = Query(10, ge=1, le=MAX_TOP), f: Filters = Depends(),
                    svc: Service = Depends(get_service)) -> dict[str, Any]:
    _, result = analysed(svc, f)
    com = result["communities"]
    brokers = result["brokers"]
    return {"graph": result["graph"], "count": com["count"], "modularity": com["modularity"],
            "top": com["top"][:top],
            "brokers": {**brokers, "articulation_points": brokers["articulation_points"][:top],
                        "bridges": brokers["bridges"][:top]}}


def _file(data: bytes, media: str, name: str) -> Response:
    return Response(data, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _file_doc(media: str) -> dict:
    return {200: {"content": {media: {"schema": {"type": "string"}}}, "description": "the file"}, **ERRORS}


@router.get("/export/graphml", response_class=Response, responses=_file_doc(GRAPHML), tags=["export"],
            summary="The collapsed graph with its metrics as GraphML (Gephi, yEd)")
def get_graphml(f: Filters = Depends(), svc: Service = Depends(get_service)) -> Response:
    G, _ = analysed(svc, f)
    return _file(export.graphml_bytes(G), GRAPHML, "partnergraph.graphml")


@router.get("/export/gexf", response_class=Response, responses=_file_doc(GEXF), tags=["export"],
            summary="The collapsed graph with its metrics as GEXF 1.2 (Gephi)")
def get_gexf(f: Filters = Depends(), svc: Service = Depends(get_service)) -> Response:
    G, _ = analysed(svc, f)
    return _file(export.gexf_bytes(G), GEXF, "partnergraph.gexf")
