"""Typed request and response bodies: what the OpenAPI schema (``/docs``) shows.

Every answer that states a fact carries the evidence behind it: the document (id,
title, url, date) and the sentence the fact was taken from.  Examples are real shapes
from the seed articles, shortened.
"""
from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from ..schema import ENTITY_KINDS

PARTNER_RELATIONS = ("MOU", "PARTNERS_WITH", "CO_PARTICIPANT")
PartnerRelation = Literal["MOU", "PARTNERS_WITH", "CO_PARTICIPANT"]
EntityKind = Literal[tuple(ENTITY_KINDS)]  # type: ignore[valid-type]

_GIST = {"id": "ror:024kbgz78", "name": "Gwangju Institute of Science and Technology", "kind": "University"}
_CNU = {"id": "ror:05kzjxq56", "name": "Chonnam National University", "kind": "University"}
_DOC = {"id": "2a7cfd4fb9235d812e666b2af5f77d8091f819daf96e660245732fc8114cfd0a",
        "title": "GIST and Chonnam National University launch a physician-scientist program",
        "url": None, "date": "2025-03-04"}


def _example(value: Any) -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": [value]})


# --- errors --------------------------------------------------------------------------------

class Suggestion(BaseModel):
    id: str
    name: str
    kind: str
    score: Optional[float] = None


class ErrorDetail(BaseModel):
    code: str = Field(description="machine-readable: entity_not_found, invalid_parameters, "
                                  "write_refused, query_error, store_unavailable, ...")
    message: str = Field(description="one line: what was wrong with which input, what to do")
    suggestions: Optional[list[Suggestion]] = Field(
        None, description="for an unknown or ambiguous entity: the closest names")


class ErrorResponse(BaseModel):
    model_config = _example({"error": {
        "code": "entity_not_found",
        "message": "no entity 'Chonam Univ': give an id or an exact name; closest: Chonnam National University",
        "suggestions": [{**_CNU, "score": 72.4}]}})
    error: ErrorDetail


# --- shared pieces -------------------------------------------------------------------------

class EntityRef(BaseModel):
    model_config = _example(_GIST)
    id: str
    name: str
    kind: str


class DocumentRef(BaseModel):
    model_config = _example(_DOC)
    id: str
    title: Optional[str] = None
    url: Optional[str] = None
    date: Optional[str] = None


# --- /entities -----------------------------------------------------------------------------

class EntityHit(BaseModel):
    id: str
    name: str
    kind: str
    aliases: list[str] = Field(description="other names, acronyms and the Korean name")
    region: Optional[str] = Field(None, description="region id, e.g. region:gwangju")
    documents: int = Field(description="how many documents mention it")
    score: float = Field(description="100 exact name, 95 prefix, 92 abbreviation, 90 word, "
                                     "85 substring, <= 80 fuzzy; 0 when no q was given")
    matched: str = Field(description="the name, alias or acronym that matched")


class EntityPage(BaseModel):
    model_config = _example({
        "q": "gist", "total": 3, "next_cursor": None,
        "items": [{**_GIST, "aliases": ["GIST", "광주과학기술원"], "region": "region:gwangju",
                   "documents": 1, "score": 100.0, "matched": "GIST"}]})
    q: Optional[str] = None
    total: int
    items: list[EntityHit]
    next_cursor: Optional[str] = Field(None, description="pass as cursor= for the next page")


class ChildRef(EntityRef):
    via: list[str] = Field(description="'parent' (a unit of it) and/or 'AFFILIATED_WITH'")


class EntityCounts(BaseModel):
    documents: int = Field(description="documents that mention it")
    partners: int = Field(description="distinct partners (MOU, PARTNERS_WITH, same program)")
    funders: int = Field(description="distinct entities that fund it")
    funded: int = Field(description="distinct entities and programs it funds")
    children: int = Field(description="its units (colleges, hospitals, institutes)")


class EntityDetail(BaseModel):
    model_config = _example({
        **_CNU, "aliases": ["Chonnam National Univ.", "CNU", "전남대"], "name_ko": "전남대학교",
        "ror": "05kzjxq56", "region": {"id": "region:gwangju", "name": "Gwangju", "kind": "Region"},
        "parent": None,
        "children": [{"id": "ror:00f200z37", "name": "Chonnam National University Hospital",
                      "kind": "Hospital", "via": ["parent", "AFFILIATED_WITH"]}],
        "counts": {"documents": 1, "partners": 5, "funders": 0, "funded": 0, "children": 3}})
    id: str
    name: str
    kind: str
    aliases: list[str]
    name_ko: Optional[str] = None
    ror: Optional[str] = None
    region: Optional[EntityRef] = None
    parent: Optional[EntityRef] = None
    children: list[ChildRef]
    counts: EntityCounts


# --- /entities/{id}/partners ---------------------------------------------------------------

class PartnerEvidence(BaseModel):
    relation: PartnerRelation
    via: Optional[EntityRef] = Field(None, description="the shared program (CO_PARTICIPANT)")
    document: DocumentRef
    sentence: str = Field(description="the sentence the relation was taken from")
    confidence: Optional[float] = None


class Partner(BaseModel):
    partner: EntityRef
    relations: list[PartnerRelation] = Field(description="how they work together, strongest first")
    documents: int = Field(description="distinct documents that support it")
    evidence: list[PartnerEvidence] = Field(description="the strongest assertions first, at most "
                                            "the request's `evidence` of them")
    evidence_total: int = Field(description="assertions behind this partner, listed or not")


class PartnersPage(BaseModel):
    model_config = _example({
        "entity": _GIST, "types": ["MOU", "PARTNERS_WITH", "CO_PARTICIPANT"],
        "date_from": None, "date_to": None, "undated_skipped": 0, "total": 4, "next_cursor": None,
        "items": [{"partner": _CNU, "relations": ["PARTNERS_WITH", "CO_PARTICIPANT"], "documents": 1,
                   "evidence_total": 1, "evidence": [{"relation": "PARTNERS_WITH", "via": None, "document": _DOC,
                                 "sentence": "GIST and Chonnam National University launched ...",
                                 "confidence": 0.7}]}]})
    entity: EntityRef
    types: list[PartnerRelation]
    date_from: Optional[str] = None
    date_to: Optional[str] = None
    undated_skipped: int = Field(0, description="assertions left out for having no date "
                                                "while a date range was asked for")
    total: int
    items: list[Partner]
    next_cursor: Optional[str] = None


# --- /entities/{id}/funding ----------------------------------------------------------------

class Grant(BaseModel):
    amount: Optional[int] = Field(None, description="in units of currency; null: support without an amount")
    currency: Optional[str] = None
    amount_krw: Optional[int] = None
    amount_text: Optional[str] = Field(None, description="as written in the document")
    start_year: Optional[int] = None
    end_year: Optional[int] = None
    document: DocumentRef
    sentence: str
    confidence: Optional[float] = None


class FundingFlow(BaseModel):
    counterpart: EntityRef
    totals: dict[str, int] = Field(description="per currency; a grant reported by several "
                                               "documents counts once")
    grants: list[Grant]


class FundingView(BaseModel):
    model_config = _example({
        "entity": {"id": "region:seoul-seocho-gu", "name": "Seocho-gu", "kind": "LocalGovernment"},
        "totals_in": {}, "totals_out": {"KRW": 1500000000}, "incoming": [],
        "outgoing": [{"counterpart": {"id": "program:local-intelligence-innovation-talent-development-project",
                                      "name": "Local Intelligence Innovation Talent Development Project",
                                      "kind": "Program"},
                      "totals": {"KRW": 1500000000},
                      "grants": [{"amount": 1500000000, "currency": "KRW", "amount_krw": 1500000000,
                                  "amount_text": "1.5 billion KRW", "start_year": 2022, "end_year": 2029,
                                  "document": _DOC, "sentence": "... 1.5 billion KRW from the district ...",
                                  "confidence": 0.85}]}]})
    entity: EntityRef
    totals_in: dict[str, int]
    totals_out: dict[str, int]
    incoming: list[FundingFlow] = Field(description="who gives it money or support")
    outgoing: list[FundingFlow] = Field(description="whom it gives money or support")


# --- /programs/{id} ------------------------------------------------------------------------

class MemberEvidence(BaseModel):
    document: DocumentRef
    sentence: str
    confidence: Optional[float] = None
    amount: Optional[int] = None
    currency: Optional[str] = None
    amount_text: Optional[str] = None


class ProgramMember(BaseModel):
    member: EntityRef
    evidence: list[MemberEvidence]


class ProgramView(BaseModel):
    model_config = _example({
        "program": {"id": "program:k-medist", "name": "K-MediST project", "kind": "Program"},
        "organisers": [], "participants": [{"member": _GIST, "evidence": [
            {"document": _DOC, "sentence": "...", "confidence": 0.75}]}],
        "funders": [{"member": {"id": "ror:01wpjm123", "name": "Ministry of Science and ICT",
                                "kind": "Ministry"},
                     "evidence": [{"document": _DOC, "sentence": "...", "confidence": 0.8}]}],
        "leaders": [], "funding_totals": {}})
    program: EntityRef
    organisers: list[ProgramMember]
    funders: list[ProgramMember]
    participants: list[ProgramMember]
    leaders: list[ProgramMember]
    funding_totals: dict[str, int] = Field(description="stated amounts per currency, each grant once")


# --- /paths, /subgraph ---------------------------------------------------------------------

class HopRelation(BaseModel):
    type: str
    source_id: str = Field(description="the assertion's own direction starts here")
    document: DocumentRef
    sentence: str


class Hop(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    hop: int
    from_: EntityRef = Field(alias="from")
    to: EntityRef
    relations: list[HopRelation]


class PathView(BaseModel):
    model_config = _example({
        "source": {"id": "region:seoul-seocho-gu", "name": "Seocho-gu", "kind": "LocalGovernment"},
        "target": {"id": "ror:01wpjm123", "name": "Ministry of Science and ICT", "kind": "Ministry"},
        "max_hops": 4, "found": True, "hops": 2, "path": []})
    source: EntityRef
    target: EntityRef
    max_hops: int
    found: bool
    hops: int
    path: list[Hop]


class GraphNode(EntityRef):
    center: bool = False


class GraphEdge(BaseModel):
    source: str
    target: str
    type: str
    assertions: int
    documents: int


class Subgraph(BaseModel):
    model_config = _example({
        "center": _GIST, "depth": 1, "limit": 50, "truncated": False,
        "nodes": [{**_GIST, "center": True}, {**_CNU, "center": False}],
        "edges": [{"source": _GIST["id"], "target": _CNU["id"], "type": "PARTNERS_WITH",
                   "assertions": 1, "documents": 1}]})
    center: EntityRef
    depth: int
    limit: int
    truncated: bool = Field(description="true when more neighbours exist than limit")
    nodes: list[GraphNode]
    edges: list[GraphEdge]


# --- /documents/{id} -----------------------------------------------------------------------

class Fact(BaseModel):
    type: str
    source: EntityRef
    target: EntityRef
    sentence: str
    start: Optional[int] = Field(None, description="character offsets of the sentence in the text")
    end: Optional[int] = None
    confidence: Optional[float] = None
    amount: Optional[int] = None
    currency: Optional[str] = None
    amount_krw: Optional[int] = None
    amount_text: Optional[str] = None
    start_year: Optional[int] = None
    end_year: Optional[int] = None
    role: Optional[str] = None
    attrs: dict[str, Any] = Field(default_factory=dict)


class MentionedEntity(EntityRef):
    count: Optional[int] = None


class DocumentView(BaseModel):
    model_config = _example({
        **_DOC, "name": "000_e61012f222c6cf01.txt", "source": "seeds/000_e61012f222c6cf01.txt",
        "chars": 3120, "extractor": "partnergraph-rules/0.1.0", "ingested_at": "2025-06-01T10:00:00Z",
        "entities": [{**_GIST, "count": 4}], "facts": []})
    id: str
    name: Optional[str] = None
    source: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    date: Optional[str] = None
    chars: Optional[int] = None
    extractor: Optional[str] = None
    ingested_at: Optional[str] = None
    entities: list[MentionedEntity]
    facts: list[Fact]


# --- /cypher -------------------------------------------------------------------------------

class CypherRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"query": "MATCH (e:Entity {kind: $kind}) RETURN e.id AS id, e.name AS name LIMIT 5",
         "params": {"kind": "University"}}]})
    query: str = Field(min_length=1, max_length=20_000, description="one read-only Cypher statement")
    params: dict[str, Any] = Field(default_factory=dict, description="values for $parameters")


class CypherResult(BaseModel):
    model_config = _example({"columns": ["id", "name"], "rows": [["ror:024kbgz78",
                             "Gwangju Institute of Science and Technology"]],
                             "truncated": False, "row_limit": 1000, "elapsed_ms": 3.1})
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = Field(description="true when the row cap cut the answer short")
    row_limit: int
    elapsed_ms: float


# --- /stats, /health -----------------------------------------------------------------------

class Stats(BaseModel):
    model_config = _example({"store": "embedded", "documents": 5, "entities": 56,
                             "nodes": {"University": 11}, "relationships": {"MOU": 2},
                             "assertions": 45, "mentions": 59})
    store: str
    documents: int
    entities: int
    nodes: dict[str, int]
    relationships: dict[str, int]
    assertions: int
    mentions: int


class Health(BaseModel):
    model_config = _example({"status": "ok", "store": "embedded", "version": "0.1.0"})
    status: Literal["ok"]
    store: str
    version: str


# --- /analysis -----------------------------------------------------------------------------

class RankedNode(BaseModel):
    id: str
    name: str
    kind: str
    value: Optional[float] = None


class Centrality(BaseModel):
    graph: dict[str, Any] = Field(description="size, density, components and the filters used")
    centrality: dict[str, list[RankedNode]] = Field(description="top nodes per metric")
    methods: dict[str, Any] = Field(description="how each metric was computed")


class Communities(BaseModel):
    graph: dict[str, Any]
    count: int
    modularity: Optional[float] = None
    top: list[dict[str, Any]] = Field(description="largest communities: size, kinds, members")
    brokers: dict[str, Any] = Field(description="articulation points and bridges")
