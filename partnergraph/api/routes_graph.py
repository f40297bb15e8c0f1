"""``/paths``, ``/subgraph`` and ``/documents/{id}``: connections and their sources."""
from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Depends, Path, Query

from .deps import ERRORS, get_service
from .errors import ApiError
from .models import DocumentView, PathView, Subgraph
from .service import Service, records, ref

router = APIRouter()

NameParam = dict(min_length=1, max_length=300)


def attrs_of(value: Any) -> dict[str, Any]:
    """A relation's ``attrs`` JSON as a dict ({} when absent or not an object)."""
    if isinstance(value, dict):
        return value
    try:
        parsed = json.loads(value) if value else {}
    except (TypeError, ValueError):
        return {}
    return parsed if isinstance(parsed, dict) else {}


@router.get("/paths", response_model=PathView, responses=ERRORS, tags=["graph"],
            summary="The shortest connection between two entities, with evidence per hop")
def get_path(
    source: str = Query(..., **NameParam, description="id or name", examples=["Seocho-gu"]),
    target: str = Query(..., **NameParam, description="id or name",
                        examples=["Ministry of Science and ICT"]),
    max_hops: int = Query(4, ge=1, le=6, description="longest connection to look for"),
    svc: Service = Depends(get_service),
) -> dict[str, Any]:
    a = svc.resolve(source)
    b = svc.resolve(target)
    out: dict[str, Any] = {"source": ref(a), "target": ref(b), "max_hops": max_hops}
    if a.id == b.id:
        return {**out, "found": True, "hops": 0, "path": []}
    hops: dict[int, dict[str, Any]] = {}
    for r in records(svc.store.named("shortest_path", {"source": a.id, "target": b.id,
                                                        "max_hops": max_hops})):
        n = int(r["hop"])
        hop = hops.get(n)
        if hop is None:
            snap = svc.names.snapshot()
            kind = lambda i: snap.by_id[i].kind if i in snap.by_id else ""  # noqa: E731
            hop = hops[n] = {"hop": n,
                             "from": {"id": r["from_id"], "name": r["from_name"] or r["from_id"],
                                      "kind": kind(r["from_id"])},
                             "to": {"id": r["to_id"], "name": r["to_name"] or r["to_id"],
                                    "kind": kind(r["to_id"])},
                             "relations": []}
        hop["relations"].append({"type": r["type"], "source_id": r["source_id"],
                                 "document": svc.docs.get(r["doc_id"], r["date"]),
                                 "sentence": r["evidence"] or ""})
    path = [hops[n] for n in sorted(hops)]
    return {**out, "found": bool(path), "hops": len(path), "path": path}


@router.get("/subgraph", response_model=Subgraph, responses=ERRORS, tags=["graph"],
            summary="An entity's neighbourhood as nodes and edges, for drawing")
def get_subgraph(
    center: str = Query(..., **NameParam, description="id or name", examples=["GIST"]),
    depth: int = Query(1, ge=1, le=2, description="hops from the center"),
    limit: int = Query(50, ge=1, le=500, description="at most this many neighbours"),
    svc: Service = Depends(get_service),
) -> dict[str, Any]:
    c = svc.resolve(center)
    rows = records(svc.store.named("ego_network", {"id": c.id, "depth": depth, "limit": limit + 1}))
    nodes: dict[str, dict[str, Any]] = {c.id: {**ref(c), "center": True}}
    for r in rows:
        for side in ("source", "target"):
            nid = r[f"{side}_id"]
            if nid not in nodes:
                nodes[nid] = {"id": nid, "name": r[f"{side}_name"] or nid,
                              "kind": r[f"{side}_kind"] or "", "center": False}
    others = sorted(n for n in nodes if n != c.id)
    truncated = len(others) > limit
    keep = {c.id, *others[:limit]}
    edges = [{"source": r["source_id"], "target": r["target_id"], "type": r["type"],
              "assertions": int(r["assertions"]), "documents": int(r["documents"])}
             for r in rows if r["source_id"] in keep and r["target_id"] in keep]
    return {"center": ref(c), "depth": depth, "limit": limit, "truncated": truncated,
            "nodes": [nodes[n] for n in [c.id, *others[:limit]]], "edges": edges}


@router.get("/documents/{id}", response_model=DocumentView, responses=ERRORS, tags=["graph"],
            summary="A document's metadata and every fact taken from it")
def get_document(id: str = Path(min_length=1, max_length=2000, description="the document id "
                                "(sha256), its first 8+ characters, its file name or its source"),
                 svc: Service = Depends(get_service)) -> dict[str, Any]:
    rows = records(svc.store.named("document_by_id", {"id": id}))
    if not rows:
        found = records(svc.store.named("find_documents", {"text": id, "limit": 10}))
        if len(found) == 1:
            rows = records(svc.store.named("document_by_id", {"id": found[0]["id"]}))
        if not rows:
            sugg = [{"id": d["id"], "name": d["title"] or d["name"] or d["id"], "kind": "Document"}
                    for d in found]
            more = f"; {len(found)} documents match it: give the full id" if found else ""
            raise ApiError(404, "document_not_found",
                           f"no document {id[:100]!r}: give its id, the first 8+ characters of "
                           f"the id, its file name or its source{more}", suggestions=sugg)
    d = rows[0]
    ents = records(svc.store.named("document_entities", {"id": d["id"]}))
    facts = []
    for f in records(svc.store.named("document_facts", {"id": d["id"]})):
        facts.append({
            "type": f["type"],
            "source": {"id": f["source_id"], "name": f["source_name"] or f["source_id"], "kind": ""},
            "target": {"id": f["target_id"], "name": f["target_name"] or f["target_id"], "kind": ""},
            "sentence": f["evidence"] or "", "start": f["start"], "end": f["end"],
            "confidence": f["confidence"], "amount": f["amount"], "currency": f["currency"],
            "amount_krw": f["amount_krw"], "amount_text": f["amount_text"],
            "start_year": f["start_year"], "end_year": f["end_year"], "role": f["role"],
            "attrs": attrs_of(f["attrs"])})
    kinds = {e["id"]: e["kind"] or "" for e in ents}
    snap = svc.names.snapshot()
    for f in facts:
        for side in ("source", "target"):
            eid = f[side]["id"]
            f[side]["kind"] = kinds.get(eid) or (snap.by_id[eid].kind if eid in snap.by_id else "")
    return {**{k: d[k] for k in ("id", "name", "source", "title", "url", "date", "chars",
                                 "extractor", "ingested_at")},
            "entities": [{**ref(e), "count": e["count"]} for e in ents], "facts": facts}
