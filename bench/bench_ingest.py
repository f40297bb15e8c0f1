"""Ingest speed: relationships per second into the embedded store and into Neo4j.

    python bench/bench_ingest.py                      # 100,000 relationships, both stores
    python bench/bench_ingest.py --relations 200000 --skip-neo4j
    NEO4J_URI=bolt://127.0.0.1:7687 python bench/bench_ingest.py

What it measures, in one run:

* embedded: ``EmbeddedStore.upsert`` of the synthetic corpus into a fresh file;
* Neo4j batched: ``Neo4jStore.upsert`` (``UNWIND $rows`` per statement, one write
  transaction per batch of documents) into an emptied database;
* Neo4j one query per row: the naive way -- an auto-commit query per entity, mention and
  relationship -- on the first ``--row-subset`` relationships' documents only, then
  extrapolated to relationships/s (it would take too long on all of them; the figure is
  labelled as extrapolated).

The corpus is synthetic (``synthetic_extractions``): ``--per-doc`` relations per
document over a pool of entities with a few hubs (ministries funding many), every
relation type, money on FUNDS, an evidence sentence per relation.  Every count includes
what a real ingest writes besides relationships (entities, documents, MENTIONS), but
the rate is reported per relationship.  Without NEO4J_URI the tests' launcher
(tests/neo4j/run.sh) is started on a free port with a 2 GB heap and a 1 GB page cache,
and stopped at the end; the server is warmed up on a separate corpus first, and a
baseline (bare relationships, no properties) shows the machine's ceiling.
Target (issue 3): >= 20,000 relationships/s into each store.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from partnergraph import schema  # noqa: E402
from partnergraph.graph import cypher_files as cf  # noqa: E402
from partnergraph.model import Document, Entity, Evidence, Extraction, Relation  # noqa: E402

KINDS = ["University", "Hospital", "Agency", "Company", "Institute", "Program", "Ministry"]
TYPES = [t for t in schema.RELATION_TYPES if t != "LOCATED_IN"]


def synthetic_extractions(relations: int, per_doc: int, entities: int, seed: int = 7) -> list[Extraction]:
    """Documents with ``per_doc`` relations each, ``relations`` in all."""
    rnd = random.Random(seed)
    pool = [Entity(f"bench:{KINDS[i % len(KINDS)].lower()}-{i}", f"Bench {KINDS[i % len(KINDS)]} {i}",
                   KINDS[i % len(KINDS)], [f"B{i}"]) for i in range(entities)]
    hubs = pool[:20]
    out = []
    for n in range(-(-relations // per_doc)):
        k = min(per_doc, relations - n * per_doc)
        # An article names a handful of organisations and relates them: about half as
        # many entities as relations, a hub (ministry, agency) now and then.
        local = rnd.sample(pool, max(2, k // 2 - 2)) + rnd.sample(hubs, 2)
        sentences, rels = [], []
        for j in range(k):
            a, b = rnd.sample(local, 2)
            t = rnd.choice(TYPES)
            sentences.append(f"{a.name} and {b.name} are linked ({t.lower()}) in item {n}-{j}.")
            attrs = {"amount": rnd.randrange(1, 10_000) * 1_000_000, "currency": "KRW"} if t == "FUNDS" else {}
            if attrs:
                attrs["amount_krw"] = attrs["amount"]
            rels.append((t, a, b, attrs))
        text = " ".join(sentences)
        doc = Document.from_text(text, name=f"bench-{n}.txt", source=f"/bench/{n}.txt", date="2024-01-01")
        pos, relations_out, ents = 0, [], {}
        for s, (t, a, b, attrs) in zip(sentences, rels):
            start = text.index(s, pos)
            pos = start + len(s)
            relations_out.append(Relation(t, a.id, b.id, Evidence(s, start, pos), 0.8, attrs))
            ents[a.id], ents[b.id] = a, b
        out.append(Extraction(doc, list(ents.values()), relations_out, extractor="bench"))
    return out


def count_relations(xs: list[Extraction]) -> int:
    return sum(len(x.relations) for x in xs)


def bench_embedded(xs: list[Extraction], batch: int) -> dict:
    from partnergraph.graph.embedded_store import EmbeddedStore
    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "bench.lbug")
        t = time.perf_counter()
        s = store.upsert(xs, batch_size=batch)
        stats = store.stats()
        store.close()                        # includes the final checkpoint
        secs = time.perf_counter() - t
    assert stats["assertions"] == s.relations == count_relations(xs), (stats, s)
    return {"store": "embedded", "mode": f"batched ({batch} docs/transaction)",
            "relationships": s.relations, "seconds": round(secs, 2), "rel_per_s": round(s.relations / secs)}


def _wipe(driver, database) -> None:
    with driver.session(database=database) as session:
        session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def bench_neo4j_batched(uri: str, xs: list[Extraction], batch: int) -> dict:
    from partnergraph.graph.neo4j_store import Neo4jStore
    store = Neo4jStore(uri)
    _wipe(store._driver, store.database)
    store.ensure_schema()
    t = time.perf_counter()
    s = store.upsert(xs, batch_size=batch)
    secs = time.perf_counter() - t
    stats = store.stats()
    store.close()
    assert stats["assertions"] == s.relations == count_relations(xs), (stats, s)
    return {"store": "neo4j", "mode": f"batched UNWIND ({batch} docs/transaction)",
            "relationships": s.relations, "seconds": round(secs, 2), "rel_per_s": round(s.relations / secs)}


def bench_neo4j_per_row(uri: str, xs: list[Extraction], subset: int) -> dict:
    """The naive writer: one auto-commit query per entity, document, mention, relation."""
    from partnergraph.graph.neo4j_store import Neo4jStore
    store = Neo4jStore(uri)
    _wipe(store._driver, store.database)
    store.ensure_schema()
    st = cf.statements("neo4j")
    docs, n = [], 0
    for x in xs:
        if n >= subset:
            break
        docs.append(x)
        n += len(x.relations)
    plans = [cf.plan(x) for x in docs]
    t = time.perf_counter()
    with store._driver.session(database=store.database) as session:
        for p in plans:
            for row in p.entities.values():
                kind = row["kind"] if row["kind"] in st.write_entities else None
                session.run(st.write_entities[kind], {"rows": [row]}).consume()
            session.run(st.write_documents, {"rows": [p.doc]}).consume()
            for m in p.mentions:
                session.run(st.write_mentions, {"rows": [m]}).consume()
            for rtype, rows in p.relations.items():
                for row in rows:
                    session.run(st.write_relations[rtype], {"rows": [row]}).consume()
    secs = time.perf_counter() - t
    store.close()
    return {"store": "neo4j", "mode": f"one query per row (first {n} relationships, extrapolated)",
            "relationships": n, "seconds": round(secs, 2), "rel_per_s": round(n / secs)}


def start_neo4j(tmp: Path):
    """The tests' launcher (tests/neo4j/run.sh) with a 2 GB heap and a 1 GB page cache:
    the launcher's 64 MB test page cache would measure disk churn, not ingest."""
    import subprocess
    import threading
    env = {**os.environ, "NEO4J_JAVA_OPTS": os.environ.get("NEO4J_JAVA_OPTS", "-Xms1g -Xmx2g")}
    log = open(tmp / "neo4j.log", "w")
    proc = subprocess.Popen([str(REPO / "tests/neo4j/run.sh"), "--port", "0", "--dir", str(tmp / "db"),
                             "--conf", "server.memory.pagecache.size=1g"],
                            stdout=subprocess.PIPE, stderr=log, text=True, env=env, start_new_session=True)
    found: list[str] = []

    def read() -> None:
        for line in proc.stdout:
            if line.startswith("READY "):
                found.append(line.split(None, 1)[1].strip())
                return
    t = threading.Thread(target=read, daemon=True)
    t.start()
    t.join(300)
    if not found:
        proc.kill()
        raise SystemExit(f"the Neo4j launcher did not start; see {tmp / 'neo4j.log'}")
    return proc, found[0]


def bench_neo4j_baseline(uri: str, n: int = 20_000) -> dict:
    """What this server and machine can do at best: bare relationships between indexed
    nodes, UNWIND-batched, no properties -- the ceiling the real writer is compared to."""
    import neo4j
    with neo4j.GraphDatabase.driver(uri) as driver, driver.session() as session:
        _wipe(driver, None)
        session.run("CREATE INDEX bench_id IF NOT EXISTS FOR (n:BenchNode) ON (n.id)").consume()
        session.run("UNWIND range(1, $n) AS i CREATE (:BenchNode {id: i})", n=n).consume()
        session.run("CALL db.awaitIndexes()").consume()
        rows = [{"s": i, "t": (i * 7) % n + 1} for i in range(1, n + 1)]
        t = time.perf_counter()
        for k in range(0, n, 5000):
            session.execute_write(lambda tx, part=rows[k:k + 5000]: tx.run(
                "UNWIND $rows AS r MATCH (a:BenchNode {id: r.s}) MATCH (b:BenchNode {id: r.t}) "
                "CREATE (a)-[:BENCH]->(b)", rows=part).consume())
        secs = time.perf_counter() - t
        _wipe(driver, None)
        session.run("DROP INDEX bench_id IF EXISTS").consume()
    return {"store": "neo4j", "mode": "baseline: bare CREATE, no properties (machine ceiling)",
            "relationships": n, "seconds": round(secs, 2), "rel_per_s": round(n / secs)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--relations", type=int, default=100_000)
    ap.add_argument("--per-doc", type=int, default=50, help="relations per document")
    ap.add_argument("--entities", type=int, default=20_000, help="size of the entity pool")
    ap.add_argument("--batch-size", type=int, default=200, help="documents per transaction")
    ap.add_argument("--row-subset", type=int, default=3_000,
                    help="relationships written one query per row (then extrapolated)")
    ap.add_argument("--skip-neo4j", action="store_true")
    ap.add_argument("--skip-embedded", action="store_true")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args(argv)

    t = time.perf_counter()
    xs = synthetic_extractions(args.relations, args.per_doc, args.entities)
    print(f"corpus: {len(xs)} documents, {count_relations(xs)} relationships "
          f"({time.perf_counter() - t:.1f} s to generate)", file=sys.stderr)
    results = []
    if not args.skip_embedded:
        results.append(bench_embedded(xs, args.batch_size))
        print(results[-1], file=sys.stderr)
    if not args.skip_neo4j:
        server = None
        with tempfile.TemporaryDirectory() as tmp:
            uri = os.environ.get("NEO4J_URI")
            if not uri:
                server, uri = start_neo4j(Path(tmp))
            try:
                # Warm the server's JIT and caches on a separate small corpus first.
                bench_neo4j_batched(uri, synthetic_extractions(20_000, args.per_doc, args.entities, seed=1),
                                    args.batch_size)
                results.append(bench_neo4j_baseline(uri))
                print(results[-1], file=sys.stderr)
                results.append(bench_neo4j_batched(uri, xs, args.batch_size))
                print(results[-1], file=sys.stderr)
                results.append(bench_neo4j_per_row(uri, xs, args.row_subset))
                print(results[-1], file=sys.stderr)
            finally:
                if server:
                    server.terminate()
                    server.wait(60)
    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores, load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} "
          "(1/5/15 min; other work on the machine slows every figure)", file=sys.stderr)
    if args.json:
        print(json.dumps({"results": results, "loadavg": load}, indent=2))
    else:
        print(f"{'store':9} {'relationships':>13} {'seconds':>8} {'rel/s':>8}  mode")
        for r in results:
            print(f"{r['store']:9} {r['relationships']:>13} {r['seconds']:>8} {r['rel_per_s']:>8}  {r['mode']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
