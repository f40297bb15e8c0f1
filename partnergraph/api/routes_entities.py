"""``/entities``, ``/entities/{id}`` (+ ``/partners``, ``/funding``) and ``/programs/{id}``.

Wherever an ``{id}`` is expected, a name, alias, acronym or Korean name works too
(``/entities/GIST/partners``): see :meth:`Service.resolve`.
"""
from __future__ import annotations

from typing import Any, Optional

from fastapi import APIRouter, Depends, Path, Query

from .deps import ERRORS, get_service
from .errors import ApiError
from .models import (PARTNER_RELATIONS, EntityDetail, EntityKind, EntityPage, FundingView,
                     PartnerRelation, PartnersPage, ProgramView)
from .names import Snapshot, split_aliases
from .service import CURSOR, Service, page, prebuilt_json, records, ref

router = APIRouter()

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
STRENGTH = {"MOU": 0, "PARTNERS_WITH": 1, "CO_PARTICIPANT": 2}
PLACE_KINDS = {"Region", "LocalGovernment"}

EntityId = Path(min_length=1, max_length=300, description="an entity id, or a name, alias, "
                "acronym or Korean name (e.g. ror:024kbgz78 or GIST)", examples=["GIST"])


def _kind_of(snap: Snapshot, eid: str | None, default: str = "") -> str:
    e = snap.by_id.get(eid or "")
    return e.kind if e else default


def in_range(date: Any, date_from: str | None, date_to: str | None) -> bool:
    """Inclusive, over date prefixes: 2023 to 2023 keeps all of 2023."""
    text = str(date)[:10]
    if date_from and text[:len(date_from)] < date_from:
        return False
    return not date_to or text[:len(date_to)] <= date_to


# --- /entities -------------------------------------------------------------------------------

def _regions(snap: Snapshot, region: str) -> set[str]:
    """A region filter given as an id or a name: the ids it stands for."""
    ids = {region}
    ids.update(e.id for e in snap.exact(region) if e.kind in PLACE_KINDS)
    return ids


@router.get("/entities", response_model=EntityPage, responses=ERRORS, tags=["entities"],
            summary="Search organisations, programs, places and people by name")
def search_entities(
    q: Optional[str] = Query(None, max_length=200, description="name, alias, acronym or Korean "
                             "name; case, punctuation and small typos are tolerated",
                             examples=["gist", "Chonnam Natl Univ", "전남대"]),
    kind: Optional[EntityKind] = Query(None, description="only this kind"),
    region: Optional[str] = Query(None, max_length=200, description="only entities in this region "
                                  "(id or name, e.g. region:gwangju or Gwangju)"),
    limit: int = Query(20, ge=1, le=100),
    cursor: Optional[str] = Query(None, pattern=CURSOR, description="next_cursor of the previous page"),
    svc: Service = Depends(get_service),
) -> dict[str, Any]:
    snap = svc.names.snapshot()
    hits = snap.search(q or "", kind=kind, regions=_regions(snap, region) if region else None)
    chunk, nxt = page(hits, cursor, limit)
    return {"q": q, "total": len(hits), "next_cursor": nxt, "items": [
        {"id": h.entry.id, "name": h.entry.name, "kind": h.entry.kind, "aliases": h.entry.aliases,
         "region": h.entry.region, "documents": h.entry.documents, "score": h.score,
         "matched": h.matched} for h in chunk]}


@router.get("/entities/{id}", response_model=EntityDetail, responses=ERRORS, tags=["entities"],
            summary="One entity: names, kind, parent and units, counts")
def get_entity(id: str = EntityId, svc: Service = Depends(get_service)) -> dict[str, Any]:
    e = svc.resolve(id)
    rows = records(svc.store.named("entity_by_id", {"id": e.id}))
    if not rows:
        raise ApiError(404, "entity_not_found", f"entity {e.id!r} was removed from the graph just now")
    r = rows[0]
    snap = svc.names.snapshot()
    children: dict[str, dict[str, Any]] = {}
    for c in records(svc.store.named("entity_children", {"id": e.id})):
        child = children.setdefault(c["id"], {**ref(c), "via": []})
        if c["via"] not in child["via"]:
            child["via"] = sorted({*child["via"], c["via"]})
    # Counts from the same cheap one-hop queries the other endpoints use (a neighbourhood
    # query would cost ~100 ms on a large embedded graph).
    partners = {r["partner_id"] for r in records(svc.store.named("partner_ties", {"id": e.id}))} - {e.id}
    funders = {r["counterpart_id"] for r in records(svc.store.named("funding_in", {"id": e.id}))}
    funded = {r["counterpart_id"] for r in records(svc.store.named("funding_out", {"id": e.id}))}
    region = None
    if r["region"]:
        reg = snap.by_id.get(r["region"])
        region = ref(reg) if reg else {"id": r["region"], "name": r["region"], "kind": "Region"}
    parent = None
    if r["parent_id"]:
        parent = {"id": r["parent_id"], "name": r["parent_name"] or r["parent_id"],
                  "kind": _kind_of(snap, r["parent_id"])}
    return {"id": r["id"], "name": r["name"] or r["id"], "kind": r["kind"] or "",
            "aliases": split_aliases(r["aliases"]), "name_ko": r["name_ko"], "ror": r["ror"],
            "region": region, "parent": parent,
            "children": sorted(children.values(), key=lambda c: (c["kind"], c["name"], c["id"])),
            "counts": {"documents": int(r["documents"] or 0), "partners": len(partners),
                       "funders": len(funders), "funded": len(funded), "children": len(children)}}


# --- /entities/{id}/partners -----------------------------------------------------------------

def _partner_items(svc: Service, entity_id: str, types: list[str], date_from: str | None,
                   date_to: str | None) -> tuple[list[dict[str, Any]], int, int]:
    """(partners ranked by documents, assertions skipped for want of a date, rows read)."""
    snap = svc.names.snapshot()
    rows = 0
    groups: dict[str, dict[str, Any]] = {}
    undated = 0
    # partner_ties is partners.cypher without the join to each Document: the titles and
    # dates come from the service's document cache (half the query time on a big graph).
    for r in records(svc.store.named("partner_ties", {"id": entity_id})):
        rows += 1
        if r["relation"] not in types or r["partner_id"] == entity_id:
            continue
        doc = svc.docs.get(r["doc_id"])
        if date_from or date_to:
            if not doc["date"]:
                undated += 1
                continue
            if not in_range(doc["date"], date_from, date_to):
                continue
        g = groups.get(r["partner_id"])
        if g is None:
            g = groups[r["partner_id"]] = {
                "partner": {"id": r["partner_id"], "name": r["partner_name"] or r["partner_id"],
                            "kind": r["partner_kind"] or ""},
                "relations": set(), "docs": set(), "evidence": [], "seen": set()}
        key = (r["relation"], r["via_id"], r["doc_id"], r["evidence"])
        if key in g["seen"]:
            continue
        g["seen"].add(key)
        g["relations"].add(r["relation"])
        g["docs"].add(r["doc_id"])
        via = None
        if r["via_id"]:
            via = {"id": r["via_id"], "name": r["via_name"] or r["via_id"],
                   "kind": _kind_of(snap, r["via_id"], "Program")}
        g["evidence"].append({"relation": r["relation"], "via": via,
                              "document": doc,
                              "sentence": r["evidence"] or "", "confidence": r["confidence"]})
    items = []
    for g in groups.values():
        rels = sorted(g["relations"], key=STRENGTH.__getitem__)
        g["evidence"].sort(key=lambda ev: (STRENGTH[ev["relation"]], ev["document"]["id"], ev["sentence"]))
        items.append({"partner": g["partner"], "relations": rels, "documents": len(g["docs"]),
                      "evidence": g["evidence"]})
    items.sort(key=lambda p: (-p["documents"], STRENGTH[p["relations"][0]], p["partner"]["name"],
                              p["partner"]["id"]))
    return items, undated, rows


WARM_PARTNERS = 50      # entities whose default partner answer is built at start-up


def warm_partner_answers(svc: Service, top: int = WARM_PARTNERS) -> int:
    """Build the default partners answer of the ``top`` entities named in the most
    documents (ministries, flagship universities: the answers that take thousands of
    rows) into the answer cache, so that no request waits ~100 ms for one.  Runs in the
    start-up thread; returns how many were kept."""
    import heapq
    snap = svc.names.snapshot()
    busiest = heapq.nlargest(top, snap.by_id.values(), key=lambda e: e.documents)
    types = list(PARTNER_RELATIONS)
    kept = 0
    for e in busiest:
        answer = _partner_items(svc, e.id, types, None, None)
        kept += svc.answers.put(("partners", e.id, tuple(types), None, None), answer, answer[2])
    return kept


@router.get("/entities/{id}/partners", response_model=PartnersPage, responses=ERRORS,
            tags=["entities"], summary="Who works with it: MOU, partnership, same program")
def get_partners(
    id: str = EntityId,
    type: Optional[list[PartnerRelation]] = Query(
        None, description="relation types to keep (repeat the parameter); default all three: "
        "MOU, PARTNERS_WITH, CO_PARTICIPANT (takes part in the same program)"),
    date_from: Optional[str] = Query(None, pattern=DATE, description="YYYY, YYYY-MM or YYYY-MM-DD, "
                                     "inclusive, on the document's date", examples=["2024"]),
    date_to: Optional[str] = Query(None, pattern=DATE, examples=["2025-06"]),
    limit: int = Query(100, ge=1, le=500, description="partners per page"),
    evidence: int = Query(10, ge=1, le=1000, description="assertions listed per partner, the "
                          "strongest first (evidence_total counts them all)"),
    cursor: Optional[str] = Query(None, pattern=CURSOR, description="next_cursor of the previous page"),
    svc: Service = Depends(get_service),
) -> Any:
    e = svc.resolve(id)
    types = [t for t in PARTNER_RELATIONS if not type or t in type]
    key = ("partners", e.id, tuple(types), date_from, date_to)
    cached = svc.answers.get(key)
    if cached is None:
        cached = _partner_items(svc, e.id, types, date_from, date_to)
        svc.answers.put(key, cached, cached[2])
    items, undated, _ = cached
    chunk, nxt = page(items, cursor, limit)
    # A ministry's partners share dozens of programs: listing every assertion made its
    # answer ~700 KB.  A few sentences per partner, and the count, answer the question.
    chunk = [{**p, "evidence": p["evidence"][:evidence], "evidence_total": len(p["evidence"])}
             for p in chunk]
    return prebuilt_json({"entity": ref(e), "types": types, "date_from": date_from, "date_to": date_to,
                          "undated_skipped": undated, "total": len(items), "items": chunk,
                          "next_cursor": nxt})


# --- /entities/{id}/funding ------------------------------------------------------------------

def _currency(r: dict[str, Any]) -> str | None:
    if r.get("currency"):
        return str(r["currency"]).upper()
    return "KRW" if r.get("amount_krw") is not None else None


def _flows(svc: Service, rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Assertions grouped per counterpart, with totals per currency in which a grant
    (counterpart, amount, currency, start year) reported by several documents counts once."""
    flows: dict[str, dict[str, Any]] = {}
    counted: set[tuple] = set()
    totals: dict[str, int] = {}
    for r in rows:
        f = flows.get(r["counterpart_id"])
        if f is None:
            f = flows[r["counterpart_id"]] = {
                "counterpart": {"id": r["counterpart_id"], "name": r["counterpart_name"] or r["counterpart_id"],
                                "kind": r["counterpart_kind"] or ""},
                "totals": {}, "grants": []}
        currency = _currency(r)
        amount = r["amount"] if r["amount"] is not None else r["amount_krw"]
        f["grants"].append({"amount": amount, "currency": currency, "amount_krw": r["amount_krw"],
                            "amount_text": r["amount_text"], "start_year": r["start_year"],
                            "end_year": r["end_year"], "document": svc.docs.get(r["doc_id"], r["date"]),
                            "sentence": r["evidence"] or "", "confidence": r["confidence"]})
        if amount is None or currency is None:
            continue
        grant = (r["counterpart_id"], int(amount), currency, r["start_year"])
        if grant in counted:
            continue
        counted.add(grant)
        f["totals"][currency] = f["totals"].get(currency, 0) + int(amount)
        totals[currency] = totals.get(currency, 0) + int(amount)
    out = sorted(flows.values(), key=lambda f: (-sum(f["totals"].values()), f["counterpart"]["name"]))
    return out, dict(sorted(totals.items()))


@router.get("/entities/{id}/funding", response_model=FundingView, responses=ERRORS,
            tags=["entities"], summary="Money and support in and out, per counterpart")
def get_funding(id: str = EntityId, svc: Service = Depends(get_service)) -> dict[str, Any]:
    e = svc.resolve(id)
    incoming, totals_in = _flows(svc, records(svc.store.named("funding_in", {"id": e.id})))
    outgoing, totals_out = _flows(svc, records(svc.store.named("funding_out", {"id": e.id})))
    return {"entity": ref(e), "totals_in": totals_in, "totals_out": totals_out,
            "incoming": incoming, "outgoing": outgoing}


# --- /programs/{id} --------------------------------------------------------------------------

ROLES = {"ORGANIZES": "organisers", "FUNDS": "funders", "PARTICIPATES_IN": "participants",
         "LEADS": "leaders"}


@router.get("/programs/{id}", response_model=ProgramView, responses=ERRORS, tags=["entities"],
            summary="A program's organisers, funders, participants and leaders")
def get_program(id: str = Path(min_length=1, max_length=300, examples=["K-MediST"],
                               description="a program id or name"),
                svc: Service = Depends(get_service)) -> dict[str, Any]:
    e = svc.resolve(id, prefer_kinds={"Program"}, what="program")
    if e.kind != "Program":
        raise ApiError(404, "program_not_found",
                       f"{e.name} ({e.id}) is a {e.kind or 'entity'}, not a program; "
                       f"see /entities/{e.id} or search /entities?kind=Program&q=...")
    groups: dict[str, dict[str, dict[str, Any]]] = {v: {} for v in ROLES.values()}
    counted: set[tuple] = set()
    totals: dict[str, int] = {}
    for r in records(svc.store.named("program_members", {"id": e.id})):
        role = ROLES.get(r["role"])
        if role is None:
            continue
        m = groups[role].setdefault(r["member_id"], {
            "member": {"id": r["member_id"], "name": r["member_name"] or r["member_id"],
                       "kind": r["member_kind"] or ""}, "evidence": []})
        currency = _currency(r)
        amount = r["amount"] if r["amount"] is not None else r["amount_krw"]
        m["evidence"].append({"document": svc.docs.get(r["doc_id"], r["date"]),
                              "sentence": r["evidence"] or "", "confidence": r["confidence"],
                              "amount": amount, "currency": currency, "amount_text": r["amount_text"]})
        if role == "funders" and amount is not None and currency:
            grant = (r["member_id"], int(amount), currency)
            if grant not in counted:
                counted.add(grant)
                totals[currency] = totals.get(currency, 0) + int(amount)
    out: dict[str, Any] = {"program": ref(e), "funding_totals": dict(sorted(totals.items()))}
    for role, members in groups.items():
        out[role] = sorted(members.values(), key=lambda m: (m["member"]["name"], m["member"]["id"]))
    return out

