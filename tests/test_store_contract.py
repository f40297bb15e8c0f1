"""Both stores honour one contract: the same tests run on the embedded store and on a
real Neo4j (``@pytest.mark.neo4j``; the server comes from the ``neo4j_clean`` fixture).

What is checked: idempotence, replacement of a changed document, deletion of exactly one
document's facts, read-only refusal (before running, and by the engine), JSON-safe
results, and parity -- every named query returns the same rows on both stores over the
same data.  The data is the ``sample_extractions`` fixture (hand-built, see
``test_store_data.py``); ``named_params`` says what to ask each named query.  Swap those
two fixtures to run the same checks over other data.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import test_store_data as data

from partnergraph.graph import cypher_files as cf
from partnergraph.graph.embedded_store import EmbeddedStore
from partnergraph.graph.neo4j_store import Neo4jStore
from partnergraph.graph.store import QueryError, StoreError, WriteRefused
from partnergraph.model import Evidence, Relation

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def sample_extractions():
    return data.sample()


@pytest.fixture
def named_params(sample_extractions):
    """Parameters for every named query over ``sample_extractions``."""
    funding = data.article_funding().doc.id
    return {
        "partners": {"id": "org:gist"},
        "partner_ties": {"id": "org:gist"},
        "funding_in": {"id": "program:ai-hub"},
        "funding_out": {"id": "org:nrf"},
        "program_members": {"id": "program:ai-hub"},
        "shortest_path": {"source": "org:seocho-gu", "target": "org:cnu-hospital"},
        "ego_network": {"id": "org:gist", "depth": 2, "limit": 50},
        "top_funders": {"limit": 10},
        "documents_for_relation": {"source": "org:gist", "target": "org:chonnam-national-university"},
        "entity_by_id": {"id": "org:cnu-medicine"},
        "entity_children": {"id": "org:chonnam-national-university"},
        "search_entities": {"q": "chonnam"},
        "document_by_id": {"id": funding},
        "document_facts": {"id": funding},
        "document_entities": {"id": funding},
        "find_documents": {"text": "funding.txt"},
    }


def _embedded(tmp_path: Path) -> EmbeddedStore:
    return EmbeddedStore(tmp_path / "graph.lbug")


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request, tmp_path):
    if request.param == "embedded":
        s = _embedded(tmp_path)
    else:
        s = Neo4jStore(request.getfixturevalue("neo4j_clean"))
    try:
        yield s
    finally:
        s.close()


def snapshot(store) -> tuple:
    ents, rels = store.graph_records()
    return (sorted((repr(sorted(e.items())) for e in ents)),
            sorted((repr(sorted(r.items())) for r in rels)))


# --- idempotence, replacement, deletion --------------------------------------------------

def test_ingesting_twice_changes_nothing(store, sample_extractions) -> None:
    first = store.upsert(sample_extractions)
    assert (first.new, first.changed, first.unchanged) == (3, 0, 0)
    assert first.relations == sum(len(x.relations) for x in sample_extractions)
    before, stats = snapshot(store), store.stats()
    again = store.upsert(data.sample())
    assert (again.new, again.changed, again.unchanged, again.relations) == (0, 0, 3, 0)
    assert snapshot(store) == before and store.stats() == stats
    assert stats["documents"] == 3 and stats["relationships"]["MOU"] == 2
    assert stats["nodes"]["University"] == 3 and stats["mentions"] > 0


def test_a_changed_document_replaces_its_assertions(store) -> None:
    store.upsert(data.sample())
    old_id, new = data.article_mou(1).doc.id, data.article_mou(2)
    summary = store.upsert([new])
    assert (summary.new, summary.changed, summary.unchanged) == (0, 1, 0)
    ents, rels = store.graph_records()
    assert not [r for r in rels if r["doc_id"] == old_id], "old assertions gone"
    assert {(r["type"], r["source"], r["target"]) for r in rels if r["doc_id"] == new.doc.id} == {
        ("MOU", "org:gist", "org:chonnam-national-university"), ("PARTNERS_WITH", "org:gist", "org:kaist")}
    ids = {e["id"] for e in ents}
    assert "org:kaist" in ids                           # new entity
    assert "org:cnu-hospital" not in ids                # mentioned only by the old version
    assert "org:chonnam-national-university" in ids     # still mentioned
    # The other documents' facts are untouched.
    people = data.article_people().doc.id
    assert len([r for r in rels if r["doc_id"] == people]) == len(data.article_people().relations)
    assert store.named("find_documents", {"text": "mou.txt"}).rows[0][0] == new.doc.id


def test_two_versions_in_one_call_end_as_the_last(store) -> None:
    summary = store.upsert([data.article_mou(1), data.article_mou(2)])
    assert (summary.new, summary.changed) == (1, 1)
    assert store.stats()["documents"] == 1


def test_delete_removes_exactly_one_documents_facts(store) -> None:
    store.upsert(data.sample())
    _, rels_before = store.graph_records()
    funding = data.article_funding().doc.id
    assert store.delete_document(funding) is True
    assert store.delete_document(funding) is False
    ents, rels = store.graph_records()
    assert rels == [r for r in rels_before if r["doc_id"] != funding]
    ids = {e["id"] for e in ents}
    assert {"org:seocho-gu", "org:msit", "org:nrf"}.isdisjoint(ids)   # only that document knew them
    assert "program:ai-hub" in ids                                      # another document mentions it
    assert store.stats()["documents"] == 2


def test_delete_then_ingest_equals_a_clean_ingest(store, tmp_path) -> None:
    store.upsert(data.sample())
    store.delete_document(data.article_people().doc.id)
    store.upsert([data.article_people()])
    clean = EmbeddedStore(tmp_path / "clean.lbug")
    clean.upsert(data.sample())
    mine, theirs = snapshot(store), snapshot(clean)
    clean.close()
    assert mine == theirs


# --- entities --------------------------------------------------------------------------

def test_entities_merge_across_documents(store) -> None:
    store.upsert(data.sample())
    row = store.named("entity_by_id", {"id": "org:gist"})
    rec = dict(zip(row.columns, row.rows[0]))
    assert rec["name"] == "Gwangju Institute of Science and Technology" and rec["kind"] == "University"
    assert "GIST" in rec["aliases"] and rec["documents"] == 3 and rec["region"] == "Gwangju"
    child = dict(zip(*[store.named("entity_by_id", {"id": "org:cnu-medicine"}).columns,
                       store.named("entity_by_id", {"id": "org:cnu-medicine"}).rows[0]]))
    assert child["parent_name"] == "Chonnam National University"


def test_search_is_tolerant_of_case_and_punctuation(store) -> None:
    from partnergraph.schema import search_key
    store.upsert(data.sample())
    for text in ["GIST", "gist", "광주과학기술원", "Chonnam Nat'l Univ", "chonnam"]:
        res = store.named("search_entities", {"q": search_key(text)})
        assert res.rows, text
    top = store.named("search_entities", {"q": search_key("Chonnam National University")}).rows[0]
    assert top[0] == "org:chonnam-national-university" and top[5] == 0     # whole-name match first
    only = store.named("search_entities", {"q": "chonnam", "kind": "Hospital"}).rows
    assert [r[0] for r in only] == ["org:cnu-hospital"]


def test_bad_extractions_are_refused_with_the_documents_name(store) -> None:
    bad = data.article_funding()
    bad.relations.append(Relation("INVENTED", "org:nrf", "org:gist", Evidence("x", 0, 1)))
    with pytest.raises(StoreError, match="funding.txt.*INVENTED"):
        store.upsert([bad])
    assert store.stats()["documents"] == 0


def test_relation_attributes_land_in_columns_and_json(store) -> None:
    store.upsert(data.sample())
    rows = store.named("funding_out", {"id": "org:nrf"})
    rec = dict(zip(rows.columns, rows.rows[0]))
    assert rec["amount"] == 200_000_000 and rec["currency"] == "KRW" and rec["amount_krw"] == 200_000_000
    _, rels = store.graph_records()
    nrf = next(r for r in rels if r["source"] == "org:nrf" and r["type"] == "FUNDS")
    assert '"note": "unlisted attribute"' in nrf["attrs"]
    ev = nrf["evidence"]
    doc = data.article_funding().doc
    assert doc.text[nrf["start"]:nrf["end"]] == ev


# --- queries ---------------------------------------------------------------------------

@pytest.mark.parametrize("query", [
    "MATCH (n:Entity) SET n.name = 'x'",
    "MATCH (n) DETACH DELETE n",
    "CREATE (:Entity {id: 'evil'})",
    "MATCH (n) RETURN n; MATCH (n) DETACH DELETE n",
    "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DELETE n', {})",
])
def test_read_only_queries_refuse_writes_before_running(store, query: str) -> None:
    store.upsert(data.sample())
    before = snapshot(store)
    with pytest.raises(WriteRefused):
        store.query(query)
    assert snapshot(store) == before


def test_the_engine_refuses_writes_too(store) -> None:
    """Past the text guard (called directly), the read-only session / database refuses."""
    store.upsert(data.sample())
    before = snapshot(store)
    with pytest.raises(QueryError):
        if isinstance(store, Neo4jStore):
            store._read("CREATE (:Entity {id: 'evil'})", {}, None, None, "test")
        else:
            store._query_worker().run("CREATE (:Entity {id: 'evil'})", {}, None, 10)
    assert snapshot(store) == before


def test_query_results_are_json_safe_and_limited(store) -> None:
    import json
    store.upsert(data.sample())
    res = store.query("MATCH (f:Entity)-[r:FUNDS]->(t:Entity) RETURN f, r, sum(r.amount) AS total "
                      "ORDER BY total DESC LIMIT 5")
    json.dumps(res.rows)
    node, rel, total = res.rows[0]
    assert node["id"] and node["_label"] == "Entity" and rel["_type"] == "FUNDS"
    assert isinstance(total, int)
    res = store.query("MATCH (e:Entity) RETURN e.id", row_limit=2)
    assert len(res.rows) == 2 and res.truncated
    assert not store.query("MATCH (e:Entity) RETURN e.id", row_limit=100).truncated


def test_writes_run_when_asked(store) -> None:
    store.upsert(data.sample())
    store.query("MATCH (e:Entity {id: 'org:kaist'}) DETACH DELETE e", read_only=False)
    store.query("MATCH (e:Entity {id: 'org:gist'}) SET e.region = 'Buk-gu'", read_only=False)
    assert store.named("entity_by_id", {"id": "org:gist"}).rows[0][6] == "Buk-gu"


def test_bad_cypher_is_a_query_error_with_the_engines_message(store) -> None:
    with pytest.raises(QueryError) as err:
        store.query("MATCH (n RETURN n")
    assert str(err.value)
    with pytest.raises(QueryError):
        store.named("partners", {"nope": 1})


def test_time_limit_stops_a_runaway_query(store) -> None:
    store.upsert(data.sample())
    start = time.monotonic()
    with pytest.raises(QueryError, match="time limit"):
        store.query("UNWIND range(1, 30000) AS x UNWIND range(1, 30000) AS y "
                    "WITH x, y WHERE (x * y) % 7 = 3 RETURN count(*)", timeout_s=0.5)
    assert time.monotonic() - start < 15
    assert store.query("MATCH (e:Entity) RETURN count(e)").rows[0][0] == 12   # still serving


def test_every_named_query_runs_and_finds_something(store, sample_extractions, named_params) -> None:
    store.upsert(sample_extractions)
    assert set(named_params) == set(cf.named_query_names()), "give every named query parameters"
    for name, params in named_params.items():
        res = store.named(name, params)
        assert res.rows, f"{name} found nothing on the sample data"


def test_named_queries_answer_the_questions(store) -> None:
    store.upsert(data.sample())

    def recs(name, **p):
        r = store.named(name, p)
        return [dict(zip(r.columns, row)) for row in r.rows]
    partners = recs("partners", id="org:gist")
    assert {(p["partner_id"], p["relation"]) for p in partners} == {
        ("org:chonnam-national-university", "MOU"), ("org:cnu-hospital", "PARTNERS_WITH"),
        ("org:chonnam-national-university", "CO_PARTICIPANT"), ("org:acme-bio", "CO_PARTICIPANT"),
        ("org:nrf", "CO_PARTICIPANT")}       # NRF organises the program GIST takes part in
    assert all(p["evidence"] and p["doc_id"] for p in partners)
    assert len([p for p in partners if p["relation"] == "MOU"]) == 2      # two documents, two rows
    seocho = recs("funding_out", id="org:seocho-gu")
    assert [(f["counterpart_id"], f["amount_krw"], f["start_year"], f["end_year"]) for f in seocho] == [
        ("program:ai-hub", 1_500_000_000, 2024, 2026)]
    roles = {(m["member_id"], m["role"]) for m in recs("program_members", id="program:ai-hub")}
    assert roles == {("org:seocho-gu", "FUNDS"), ("org:msit", "FUNDS"), ("org:gist", "PARTICIPATES_IN"),
                     ("org:chonnam-national-university", "PARTICIPATES_IN"), ("org:nrf", "ORGANIZES"),
                     ("org:acme-bio", "PARTICIPATES_IN")}
    path = recs("shortest_path", source="org:seocho-gu", target="org:cnu-hospital")
    assert [(h["hop"], h["from_id"], h["to_id"]) for h in path] == [
        (1, "org:seocho-gu", "program:ai-hub"), (2, "program:ai-hub", "org:gist"),
        (3, "org:gist", "org:cnu-hospital")]
    assert path[-1]["source_id"] == "org:cnu-hospital" and all(h["evidence"] for h in path)
    assert recs("shortest_path", source="org:seocho-gu", target="org:cnu-hospital", max_hops=2) == []
    assert recs("shortest_path", source="org:seocho-gu", target="org:not-there") == []
    top = recs("top_funders")
    assert top[0]["funder_id"] == "org:nrf" or top[0]["recipients"] >= top[-1]["recipients"]
    assert {t["funder_id"]: t["total_krw"] for t in top}["org:seocho-gu"] == 1_500_000_000
    ego1 = recs("ego_network", id="org:gist", depth=1)
    ego2 = recs("ego_network", id="org:gist", depth=2)
    assert len(ego2) > len(ego1) > 0
    assert len({r["source_id"] for r in recs("ego_network", id="org:gist", depth=2, limit=1)} |
               {r["target_id"] for r in recs("ego_network", id="org:gist", depth=2, limit=1)}) <= 2
    docs = recs("documents_for_relation", source="org:chonnam-national-university", target="org:gist", type="MOU")
    assert len(docs) == 2 and {d["source_id"] for d in docs} == {"org:gist", "org:chonnam-national-university"}


@pytest.mark.neo4j
def test_parity_every_named_query_same_rows_on_both_stores(tmp_path, neo4j_clean, sample_extractions,
                                                           named_params) -> None:
    emb, neo = _embedded(tmp_path), Neo4jStore(neo4j_clean)
    try:
        emb.upsert(sample_extractions)
        neo.upsert(sample_extractions)
        assert set(named_params) == set(cf.named_query_names())
        for name, params in named_params.items():
            a, b = emb.named(name, params), neo.named(name, params)
            assert a.columns == b.columns, name
            # Neo4j's second run of a query comes packed into one record (see
            # Neo4jStore.named): the same columns and rows, in the same order where the
            # query orders them (a UNION's branches, or no ORDER BY, have no order).
            packed = neo.named(name, params)
            text = cf.named_query(name, "neo4j").text
            assert text in neo._columns, name
            assert (packed.columns, packed.truncated) == (b.columns, b.truncated), name
            if "ORDER BY" in text and "UNION" not in text:
                assert packed.rows == b.rows, name
            else:
                assert sorted(packed.rows, key=repr) == sorted(b.rows, key=repr), name
            drop = [i for i, c in enumerate(a.columns) if c == "ingested_at"]   # a clock, not data
            rows_a = [[v for i, v in enumerate(r) if i not in drop] for r in a.rows]
            rows_b = [[v for i, v in enumerate(r) if i not in drop] for r in b.rows]
            if "UNION" in cf.named_query(name, "neo4j").text:
                rows_a, rows_b = sorted(rows_a, key=repr), sorted(rows_b, key=repr)
            assert rows_a == rows_b, name
        assert snapshot(emb)[1] == snapshot(neo)[1]
        assert {k: v for k, v in emb.stats().items() if k not in ("store", "uri")} == \
               {k: v for k, v in neo.stats().items() if k not in ("store", "uri")}
    finally:
        emb.close()
        neo.close()


# --- crash safety: kill -9 mid-ingest, then re-run ---------------------------------------

WRITER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {tests!r})
    from partnergraph.graph.store import open_store
    import test_store_data as data
    from partnergraph.model import Document, Entity, Evidence, Extraction, Relation

    def docs():
        for i in range(400):
            text = " ".join(f"Org {{i}} funds Org {{j}} sentence {{j}}." for j in range(40))
            d = Document.from_text(text, name=f"gen{{i}}.txt", source=f"/gen/{{i}}")
            ents = [Entity(f"org:g{{i}}-{{j}}", f"Org {{i}}-{{j}}", "Company") for j in range(41)]
            rels = []
            for j in range(40):
                s = f"Org {{i}} funds Org {{j}} sentence {{j}}."
                k = text.index(s)
                rels.append(Relation("FUNDS", ents[0].id, ents[j + 1].id, Evidence(s, k, k + len(s)),
                                     attrs={{"amount": j}}))
            yield Extraction(d, ents, rels, extractor="crash-test")
            if i == 3:
                print("STARTED", flush=True)

    store = open_store(sys.argv[1])
    store.upsert(docs(), batch_size=5)
    print("DONE", flush=True)
""")


@pytest.mark.neo4j
def test_a_commit_lost_on_the_wire_is_run_again(neo4j_clean, sample_extractions) -> None:
    """The connection drops after Neo4j received COMMIT and before the client heard back
    (the driver raises IncompleteCommit and does not retry it).  The upsert must not
    fail, and the graph must hold each document once: the same as a clean ingest."""
    from urllib.parse import urlsplit

    from test_api_support import CommitCutProxy

    clean = Neo4jStore(neo4j_clean)
    try:
        clean.upsert(data.sample())
        want = snapshot(clean)
        clean.query("MATCH (n) DETACH DELETE n", read_only=False)
    finally:
        clean.close()
    where = urlsplit(neo4j_clean)
    proxy = CommitCutProxy((where.hostname, where.port), cuts=2)
    proxy.up()
    try:
        store = Neo4jStore(f"bolt://127.0.0.1:{proxy.port}")
        try:
            summary = store.upsert(sample_extractions, batch_size=1)
            assert proxy.cut == 2, "no commit was cut: the test proved nothing"
            assert summary.new + summary.unchanged == 3 and summary.changed == 0
            assert snapshot(store) == want
        finally:
            store.close()
    finally:
        proxy.down()


@pytest.mark.slow
def test_kill_9_mid_ingest_then_rerun_equals_a_clean_ingest(store, tmp_path) -> None:
    uri = str(store.path) if isinstance(store, EmbeddedStore) else store.uri
    if isinstance(store, EmbeddedStore):
        store.close()          # the writer process needs the file lock
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(tests=str(Path(__file__).parent)))
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, str(script), uri], stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout.readline().strip() == "STARTED"
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    # Killed mid-way: whole batches only (5 documents each, 40 relations per document).
    half = EmbeddedStore(uri) if isinstance(store, EmbeddedStore) else Neo4jStore(uri)
    try:
        stats = half.stats()
    finally:
        half.close()
    assert 0 < stats["documents"] < 400, "the kill must land mid-ingest for this test to mean anything"
    assert stats["documents"] % 5 == 0 and stats["assertions"] == 40 * stats["documents"]
    # Re-run to the end, then compare with a clean ingest of the same documents.
    done = subprocess.run([sys.executable, str(script), uri], capture_output=True, text=True, env=env,
                          timeout=600)
    assert done.returncode == 0 and "DONE" in done.stdout, done.stderr[-2000:]
    clean_path = tmp_path / "clean.lbug"
    done = subprocess.run([sys.executable, str(script), str(clean_path)], capture_output=True, text=True,
                          env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    again = EmbeddedStore(uri) if isinstance(store, EmbeddedStore) else Neo4jStore(uri)
    clean = EmbeddedStore(clean_path)
    try:
        assert snapshot(again) == snapshot(clean)
        assert again.stats()["documents"] == clean.stats()["documents"] == 400
    finally:
        again.close()
        clean.close()
