"""The HTTP API over real HTTP (in-process client) against both real stores, with the
seed articles ingested: what a front end or a script asks, and what it must get back."""
from __future__ import annotations

import gzip
import io

import networkx as nx
import pytest

from partnergraph.api import Settings, create_app
from test_api_support import TestClient, by_name, read_documents, seed_embedded, seed_neo4j

pytestmark = pytest.mark.shared

GIST = "Gwangju Institute of Science and Technology"
CNU = "Chonnam National University"
CNU_MED = "Chonnam National University Medical School"     # alias: ... College of Medicine
CNU_HOSPITALS = ["Chonnam National University Hospital", "Hwasun Chonnam National University Hospital"]
MSIT = "Ministry of Science and ICT"

WRITES = [
    "CREATE (n:Entity {id: 'x:evil', name: 'Evil'})",
    "MERGE (n:Entity {id: 'x:evil'}) RETURN n",
    "MATCH (n:Entity) DELETE n",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n:Entity) SET n.name = 'x'",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "MATCH (n) RETURN count(n); MATCH (m) DETACH DELETE m",
    "MATCH (n) RETURN n /* harmless */ ; CREATE (x:Entity {id: 'y'})",
    "CALL dbms.components()",
    "CALL apoc.load.json('http://example.org/x')",
]


@pytest.fixture(scope="module", params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def seeded(request, tmp_path_factory, seeds_dir):
    docs = read_documents([seeds_dir])
    if request.param == "embedded":
        s = seed_embedded(tmp_path_factory.mktemp("api") / "graph.lbug", docs)
    else:
        s = seed_neo4j(request.getfixturevalue("neo4j_uri"), request.getfixturevalue("neo4j_driver"), docs)
    yield s
    s.store.close()


@pytest.fixture(scope="module")
def client(seeded):
    app = create_app(seeded.store, Settings(store=seeded.uri, index_ttl_s=0.5))
    with TestClient(app) as c:
        yield c


def err(resp, status: int, code: str | None = None) -> dict:
    """Check the one error shape and return its body."""
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"}, body
    assert isinstance(body["error"]["message"], str) and body["error"]["message"], body
    assert "Traceback" not in resp.text and 'File "' not in resp.text
    if code:
        assert body["error"]["code"] == code, body
    return body["error"]


# --- meta -----------------------------------------------------------------------------------

def test_health_and_stats(client, seeded):
    h = client.get("/health")
    assert h.status_code == 200 and h.json()["status"] == "ok" and h.json()["store"] == seeded.kind
    st = client.get("/stats").json()
    assert st["documents"] == len(seeded.docs)
    assert st["entities"] > 20 and st["assertions"] > 20
    assert st["relationships"]["PARTNERS_WITH"] >= 1 and st["nodes"]["University"] >= 3


# --- search -----------------------------------------------------------------------------------

@pytest.mark.parametrize("q, first", [
    ("gist", GIST),
    ("GIST", GIST),
    ("광주과학기술원", GIST),
    ("Chonnam Natl Univ", CNU),
    ("chonnam national university", CNU),
    ("전남대", CNU),
    ("chonam national university", CNU),      # a typo
    ("Seocho-gu", "Seocho-gu"),
    ("seocho gu", "Seocho-gu"),               # punctuation
])
def test_search_is_tolerant_and_ranked(client, q, first):
    r = client.get("/entities", params={"q": q, "limit": 5})
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    assert items and items[0]["name"] == first, [i["name"] for i in items]
    scores = [i["score"] for i in items]
    assert scores == sorted(scores, reverse=True)


def test_search_filters_and_pages(client):
    unis = client.get("/entities", params={"kind": "University", "limit": 100}).json()
    assert unis["total"] >= 3 and all(i["kind"] == "University" for i in unis["items"])
    gwangju = client.get("/entities", params={"region": "Gwangju", "limit": 100}).json()
    assert CNU in {i["name"] for i in gwangju["items"]}
    assert all(i["region"] == "region:gwangju" for i in gwangju["items"])
    # walking the cursor visits every entity once
    seen, cursor, pages = [], None, 0
    while True:
        body = client.get("/entities", params={"limit": 7, **({"cursor": cursor} if cursor else {})}).json()
        seen += [i["id"] for i in body["items"]]
        cursor, pages = body["next_cursor"], pages + 1
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == body["total"] and pages == -(-body["total"] // 7)
    assert client.get("/entities", params={"q": "zzzzqqqxxx"}).json() == {
        "q": "zzzzqqqxxx", "total": 0, "items": [], "next_cursor": None}


# --- entities ---------------------------------------------------------------------------------

def test_entity_by_name_has_names_units_and_counts(client):
    cnu = client.get("/entities/Chonnam National University").json()
    assert cnu["name"] == CNU and cnu["kind"] == "University"
    assert "CNU" in cnu["aliases"] or "전남대" in cnu["aliases"]
    kids = {c["name"] for c in cnu["children"]}
    assert {CNU_MED, *CNU_HOSPITALS} <= kids
    same = client.get(f"/entities/{cnu['id']}").json()
    assert same == cnu
    gist = client.get("/entities/GIST").json()
    assert gist["name"] == GIST and gist["counts"]["documents"] >= 1
    assert gist["counts"]["partners"] == client.get("/entities/GIST/partners").json()["total"] >= 4
    assert cnu["counts"]["children"] == len(cnu["children"])
    assert client.get("/entities/Seocho-gu").json()["counts"]["funded"] >= 1
    med_id = next(c["id"] for c in cnu["children"] if c["name"] == CNU_MED)
    med = client.get(f"/entities/{med_id}").json()
    assert med["parent"]["name"] == CNU
    assert any("College of Medicine" in a for a in med["aliases"])


def test_gist_partners_with_evidence(client, seeded):
    r = client.get("/entities/GIST/partners")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["entity"]["name"] == GIST
    partners = by_name(body["items"])
    for name in [CNU, CNU_MED, *CNU_HOSPITALS]:
        assert name in partners, sorted(partners)
        p = partners[name]
        assert p["documents"] >= 1 and p["evidence"]
        for ev in p["evidence"]:
            doc = seeded.docs[ev["document"]["id"]]
            assert ev["sentence"] and ev["sentence"] in doc.text      # the sentence is really there
            assert ev["document"]["title"]
            if ev["relation"] == "CO_PARTICIPANT":
                assert ev["via"] and ev["via"]["kind"] == "Program"
    assert "PARTNERS_WITH" in partners[CNU]["relations"]
    # the id and the name give the same answer
    by_id = client.get(f"/entities/{body['entity']['id']}/partners").json()
    assert by_id == body


def test_partner_evidence_is_capped_per_partner_with_the_total(client):
    full = client.get("/entities/GIST/partners", params={"evidence": 1000}).json()["items"]
    assert any(len(p["evidence"]) > 1 for p in full), "the seeds should give a partner two sentences"
    assert all(p["evidence_total"] == len(p["evidence"]) for p in full)
    one = client.get("/entities/GIST/partners", params={"evidence": 1}).json()["items"]
    assert [p["partner"]["id"] for p in one] == [p["partner"]["id"] for p in full]
    for capped, whole in zip(one, full):
        assert capped["evidence"] == whole["evidence"][:1]           # the strongest first
        assert capped["evidence_total"] == whole["evidence_total"]
    err(client.get("/entities/GIST/partners", params={"evidence": 0}), 422)


def test_partner_answers_are_exactly_what_their_model_gives(client):
    """The partners route writes its JSON itself (``prebuilt_json``), past FastAPI's
    response-model pass: its bodies must be fixed points of ``PartnersPage`` -- no key the
    model would drop, none it would add, the model's key order, the model's types."""
    from partnergraph.api.models import PartnersPage
    ids, cursor = [], None
    while True:
        page = client.get("/entities", params={"limit": 100, **({"cursor": cursor} if cursor else {})}).json()
        ids += [e["id"] for e in page["items"] if e["kind"] != "Person"]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(ids) > 20
    checked = 0
    for eid in ids:
        for params in ({}, {"evidence": 1, "limit": 2}, {"type": "CO_PARTICIPANT", "date_from": "2020"}):
            r = client.get(f"/entities/{eid}/partners", params=params)
            assert r.status_code == 200, r.text
            assert r.headers["content-type"] == "application/json"
            body = r.json()
            dumped = PartnersPage.model_validate(body).model_dump(mode="json")
            assert dumped == body and list(dumped) == list(body), eid
            for got, want in zip(body["items"], dumped["items"]):
                assert list(got) == list(want)
                assert all(list(g) == list(w) for g, w in zip(got["evidence"], want["evidence"]))
            checked += bool(body["items"])
    assert checked > 20


def test_partner_filters(client):
    co = client.get("/entities/GIST/partners", params={"type": "CO_PARTICIPANT"}).json()
    assert co["types"] == ["CO_PARTICIPANT"] and co["items"]
    assert all(ev["relation"] == "CO_PARTICIPANT" for p in co["items"] for ev in p["evidence"])
    both = client.get("/entities/GIST/partners", params=[("type", "MOU"), ("type", "PARTNERS_WITH")]).json()
    assert both["types"] == ["MOU", "PARTNERS_WITH"]
    assert {ev["relation"] for p in both["items"] for ev in p["evidence"]} <= {"MOU", "PARTNERS_WITH"}
    future = client.get("/entities/GIST/partners", params={"date_from": "2999"}).json()
    assert future["total"] == 0 and future["items"] == []
    one = client.get("/entities/GIST/partners", params={"limit": 1}).json()
    assert len(one["items"]) == 1 and one["next_cursor"]
    two = client.get("/entities/GIST/partners", params={"limit": 1, "cursor": one["next_cursor"]}).json()
    assert two["items"][0]["partner"]["id"] != one["items"][0]["partner"]["id"]


def test_seocho_gu_funding(client, seeded):
    body = client.get("/entities/Seocho-gu/funding").json()
    assert body["entity"]["name"] == "Seocho-gu"
    assert body["totals_out"].get("KRW") == 1_500_000_000
    grants = [g for f in body["outgoing"] for g in f["grants"]]
    g = next(g for g in grants if g["amount"] == 1_500_000_000)
    assert g["currency"] == "KRW" and "1.5 billion" in (g["amount_text"] or "")
    assert g["sentence"] in seeded.docs[g["document"]["id"]].text


def test_program_members(client):
    body = client.get("/programs/K-MediST").json()
    assert body["program"]["kind"] == "Program"
    assert MSIT in {m["member"]["name"] for m in body["funders"]}
    assert GIST in {m["member"]["name"] for m in body["participants"]}
    assert all(m["evidence"] and m["evidence"][0]["sentence"] for m in body["participants"])
    e = err(client.get("/programs/GIST"), 404, "program_not_found")
    assert "not a program" in e["message"]


# --- graph ------------------------------------------------------------------------------------

def test_path_from_seocho_gu_to_msit(client, seeded):
    body = client.get("/paths", params={"source": "Seocho-gu", "target": MSIT}).json()
    assert body["found"] and body["hops"] == len(body["path"]) >= 1
    assert body["path"][0]["from"]["id"] == body["source"]["id"]
    assert body["path"][-1]["to"]["id"] == body["target"]["id"]
    for a, b in zip(body["path"], body["path"][1:]):
        assert a["to"]["id"] == b["from"]["id"]
    for hop in body["path"]:
        assert hop["relations"]
        for rel in hop["relations"]:
            assert rel["sentence"] in seeded.docs[rel["document"]["id"]].text
    short = client.get("/paths", params={"source": "Seocho-gu", "target": MSIT, "max_hops": 1}).json()
    assert body["hops"] == 1 or (short["found"] is False and short["path"] == [])
    same = client.get("/paths", params={"source": "GIST", "target": GIST}).json()
    assert same["found"] and same["hops"] == 0


def test_subgraph_for_a_front_end(client):
    body = client.get("/subgraph", params={"center": "GIST", "depth": 2, "limit": 5}).json()
    ids = {n["id"] for n in body["nodes"]}
    assert body["nodes"][0]["center"] and body["nodes"][0]["name"] == GIST
    assert len(body["nodes"]) <= 6 and body["edges"]
    assert all(e["source"] in ids and e["target"] in ids for e in body["edges"])
    full = client.get("/subgraph", params={"center": "GIST", "depth": 1, "limit": 500}).json()
    assert not full["truncated"] and CNU in {n["name"] for n in full["nodes"]}


def test_document_and_its_facts(client, seeded):
    partners = client.get("/entities/GIST/partners").json()
    doc_id = partners["items"][0]["evidence"][0]["document"]["id"]
    text = seeded.docs[doc_id].text
    for ident in (doc_id, doc_id[:12], seeded.docs[doc_id].name):
        body = client.get(f"/documents/{ident}").json()
        assert body["id"] == doc_id, ident
    assert body["entities"] and body["facts"]
    for f in body["facts"]:
        assert f["source"]["kind"] and f["target"]["kind"]
        assert text[f["start"]:f["end"]] == f["sentence"]
    err(client.get("/documents/0000000000000000"), 404, "document_not_found")


# --- errors -----------------------------------------------------------------------------------

def test_unknown_entity_404_with_suggestions(client):
    e = err(client.get("/entities/Chonam Univ/partners"), 404, "entity_not_found")
    assert "Chonam Univ" in e["message"]
    assert CNU in [s["name"] for s in e["suggestions"]]
    for path in ("/entities/nothing-like-this-xyz", "/entities/nothing-like-this-xyz/funding",
                 "/programs/nothing-like-this-xyz"):
        err(client.get(path), 404)
    e = err(client.get("/paths", params={"source": "GIST", "target": "Nowhere Univ Qq"}), 404)
    assert "Nowhere Univ Qq" in e["message"]


@pytest.mark.parametrize("path, params, bad", [
    ("/entities", {"limit": 0}, "limit"),
    ("/entities", {"limit": "many"}, "limit"),
    ("/entities", {"kind": "Castle"}, "kind"),
    ("/entities", {"cursor": "not-a-cursor"}, "cursor"),
    ("/entities", {"q": "x" * 500}, "q"),
    ("/entities/GIST/partners", {"type": "FRIENDS"}, "type"),
    ("/entities/GIST/partners", {"date_from": "last year"}, "date_from"),
    ("/paths", {"source": "GIST"}, "target"),
    ("/paths", {"source": "GIST", "target": "Seocho-gu", "max_hops": 9}, "max_hops"),
    ("/subgraph", {"center": "GIST", "depth": 3}, "depth"),
    ("/subgraph", {}, "center"),
    ("/analysis/centrality", {"metric": "fame"}, "metric"),
])
def test_bad_parameters_are_422_in_the_error_shape(client, path, params, bad):
    e = err(client.get(path, params=params), 422, "invalid_parameters")
    assert f"'{bad}'" in e["message"], e["message"]


def test_http_errors_share_the_shape(client):
    err(client.get("/no/such/endpoint"), 404, "not_found")
    err(client.delete("/entities"), 405, "method_not_allowed")
    err(client.post("/cypher", content=b"{not json", headers={"content-type": "application/json"}),
        422, "invalid_parameters")
    err(client.post("/cypher", json={"params": {}}), 422, "invalid_parameters")
    err(client.post("/cypher", json={"query": "RETURN 1", "params": {"x": 2 ** 70}}), 422)
    big = b'{"query": "RETURN 1", "params": {"x": "' + b"a" * (2 << 20) + b'"}}'
    err(client.post("/cypher", content=big, headers={"content-type": "application/json"}), 413,
        "body_too_large")


# --- /cypher ----------------------------------------------------------------------------------

def test_cypher_reads_with_params_and_json_safe_values(client):
    r = client.post("/cypher", json={
        "query": "MATCH (e:Entity) WHERE e.kind = $kind RETURN e.id AS id, e AS node ORDER BY id LIMIT 3",
        "params": {"kind": "University"}})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["columns"] == ["id", "node"] and len(body["rows"]) == 3
    assert body["rows"][0][1]["kind"] == "University" and not body["truncated"]


@pytest.mark.parametrize("query", WRITES)
def test_cypher_writes_refused_with_403_before_running(client, query):
    before = client.get("/stats").json()
    e = err(client.post("/cypher", json={"query": query}), 403, "write_refused")
    assert "refused" in e["message"]
    assert client.get("/stats").json() == before
    assert client.get("/entities/x:evil").status_code == 404


def test_cypher_engine_errors_are_400_with_the_engine_message(client):
    e = err(client.post("/cypher", json={"query": "MATCH (n RETURN n"}), 400, "query_error")
    assert len(e["message"]) > 10


def test_cypher_row_cap_and_time_limit(seeded):
    app = create_app(seeded.store, Settings(store=seeded.uri, cypher_row_limit=5, cypher_timeout_s=1.0))
    with TestClient(app) as c:
        body = c.post("/cypher", json={"query": "UNWIND range(1, 100) AS i RETURN i"}).json()
        assert body["rows"] == [[i] for i in range(1, 6)] and body["truncated"] and body["row_limit"] == 5
        slow = ("UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b "
                "WITH a, b WHERE (a * b) % 7 = 3 RETURN count(*)")
        e = err(c.post("/cypher", json={"query": slow}), 400, "query_error")
        assert "time" in e["message"].lower()
        assert c.get("/health").status_code == 200          # and the service still answers


# --- analysis and export ----------------------------------------------------------------------

def test_analysis_and_exports(client):
    cen = client.get("/analysis/centrality", params={"metric": "pagerank", "top": 5}).json()
    assert list(cen["centrality"]) == ["pagerank"] and len(cen["centrality"]["pagerank"]) == 5
    assert cen["graph"]["nodes"] > 10
    com = client.get("/analysis/communities").json()
    assert com["count"] >= 1 and com["top"][0]["size"] >= 2
    r = client.get("/export/graphml")
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    G = nx.read_graphml(io.BytesIO(r.content))
    assert G.number_of_nodes() == cen["graph"]["nodes"]
    assert any(d.get("label") == GIST for _, d in G.nodes(data=True))
    gexf = client.get("/export/gexf", params={"types": "FUNDS"})
    assert gexf.status_code == 200 and b"<gexf" in gexf.content
    err(client.get("/analysis/centrality", params={"types": "HATES"}), 422)


# --- transport --------------------------------------------------------------------------------

def test_gzip_for_large_answers(client):
    r = client.get("/entities", params={"limit": 100}, headers={"Accept-Encoding": "gzip"})
    assert r.headers.get("content-encoding") == "gzip"
    assert r.json()["items"]                         # httpx decoded it
    small = client.get("/health", headers={"Accept-Encoding": "gzip"})
    assert small.headers.get("content-encoding") is None
    raw = client.get("/entities", params={"limit": 100}, headers={"Accept-Encoding": "gzip"},
                     extensions={})
    assert gzip.compress(raw.content)              # the decoded body is the JSON itself


def test_cors_only_when_configured(seeded, client):
    pre = {"Origin": "http://localhost:5173", "Access-Control-Request-Method": "GET"}
    assert "access-control-allow-origin" not in client.options("/entities", headers=pre).headers
    app = create_app(seeded.store, Settings(store=seeded.uri, cors_origins=("http://localhost:5173",)))
    with TestClient(app) as c:
        r = c.options("/entities", headers=pre)
        assert r.headers["access-control-allow-origin"] == "http://localhost:5173"
        r = c.get("/health", headers={"Origin": "http://localhost:5173"})
        assert r.headers["access-control-allow-origin"] == "http://localhost:5173"
        r = c.get("/health", headers={"Origin": "http://evil.example"})
        assert "access-control-allow-origin" not in r.headers


def test_explorer_page_at_root(client):
    from partnergraph.api.app import STATIC_DIR
    r = client.get("/", follow_redirects=False)
    if (STATIC_DIR / "index.html").is_file():
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        assert client.get("/static/index.html").status_code == 200
    else:
        assert r.status_code in (302, 307) and r.headers["location"] == "/docs"
    err(client.get("/static/no-such-file.js"), 404)


def test_openapi_documents_models_and_examples(client):
    spec = client.get("/openapi.json").json()
    for path in ["/entities", "/entities/{id}", "/entities/{id}/partners", "/entities/{id}/funding",
                 "/programs/{id}", "/paths", "/subgraph", "/documents/{id}", "/cypher", "/stats",
                 "/health", "/analysis/centrality", "/analysis/communities", "/export/graphml",
                 "/export/gexf"]:
        assert path in spec["paths"], path
    schemas = spec["components"]["schemas"]
    for model in ["PartnersPage", "FundingView", "ErrorResponse", "CypherRequest", "PathView"]:
        assert schemas[model].get("examples"), model
    partners = spec["paths"]["/entities/{id}/partners"]["get"]
    assert {"404", "422"} <= set(partners["responses"])


# --- injection --------------------------------------------------------------------------------

HOSTILE = [
    "x' OR 1=1 //",
    "GIST'}) DETACH DELETE n //",
    "x\") MATCH (n) DETACH DELETE n RETURN 1 //",
    "`}) CREATE (:Entity {id: 'x:evil'}) //",
    "$id",
    "ror:024kbgz78' OR e.id <> '",
    "%27%20OR%201%3D1",
    "\u0000\ufffd\U0001F600",
]
INJECTABLE = [
    ("path", "/entities/{}"), ("path", "/entities/{}/partners"), ("path", "/entities/{}/funding"),
    ("path", "/programs/{}"), ("path", "/documents/{}"),
    ("query", "/entities?q={}"), ("query", "/entities?region={}"), ("query", "/paths?source={}&target=GIST"),
    ("query", "/paths?source=GIST&target={}"), ("query", "/subgraph?center={}"),
]


@pytest.mark.parametrize("where, template", INJECTABLE, ids=[t for _, t in INJECTABLE])
def test_values_never_become_cypher(client, where, template):
    """Every path and query parameter reaches the store as a parameter value: hostile
    text is only ever a name that is not found, never a change to the graph."""
    from urllib.parse import quote
    before = client.get("/stats").json()
    for text in HOSTILE:
        r = client.get(template.format(quote(text, safe="")))
        assert r.status_code in (200, 404, 422), (text, r.status_code, r.text)
        if r.status_code != 200:
            err(r, r.status_code)
        elif template.startswith("/entities?"):
            assert all(item["id"] != "x:evil" for item in r.json()["items"])
    assert client.get("/stats").json() == before
    assert client.get("/entities/x:evil").status_code == 404
