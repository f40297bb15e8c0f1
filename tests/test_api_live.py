"""The API as it runs: `partnergraph serve` in a subprocess over real HTTP, the name
index following an ingest made by another process, and the answers when the store is
down or a bug slips through."""
from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from partnergraph.api import Settings, create_app
from partnergraph.graph.store import open_store
from test_api_support import Proxy, TestClient, free_port, read_documents, run_cli, seed_embedded

REPO = Path(__file__).resolve().parent.parent

# Our own example text (not from the seed articles).
MOU_TEXT = ("Mokpo National University and Sunchon National University signed a memorandum of "
            "understanding on 3 March 2025 to train marine engineers together.\n\n"
            "The two universities will share laboratories in Jeollanam-do.\n")


@pytest.fixture(scope="module")
def seeded_path(tmp_path_factory, seeds_dir) -> Path:
    path = tmp_path_factory.mktemp("live") / "graph.lbug"
    seed_embedded(path, read_documents([seeds_dir])).store.close()
    return path


SERVER_PIDS: dict[str, int] = {}     # base URL -> pid of its `partnergraph serve`


@pytest.fixture(scope="module")
def server(seeded_path):
    """`partnergraph serve` on a free loopback port; yields its base URL."""
    port = free_port()
    env = {**os.environ, "PARTNERGRAPH_CYPHER_TIMEOUT_S": "3"}
    proc = subprocess.Popen([sys.executable, "-m", "partnergraph", "serve", "--store", str(seeded_path),
                             "--port", str(port), "--log-level", "warning"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=REPO)
    base = f"http://127.0.0.1:{port}"
    SERVER_PIDS[base] = proc.pid
    deadline = time.monotonic() + 60
    while True:
        if proc.poll() is not None:
            pytest.fail(f"partnergraph serve exited with {proc.returncode}: {proc.stdout.read()}")
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"partnergraph serve did not answer /health within 60 s: {proc.stdout.read()}")
        time.sleep(0.2)
    yield base
    proc.terminate()
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


@pytest.mark.shared
def test_serve_answers_over_real_http(server):
    with httpx.Client(base_url=server, timeout=10) as http:
        h = http.get("/health")
        assert h.status_code == 200 and h.json() == {"status": "ok", "store": "embedded",
                                                     "version": h.json()["version"]}
        r = http.get("/entities", params={"q": "gist"})
        assert r.status_code == 200
        assert r.json()["items"][0]["name"] == "Gwangju Institute of Science and Technology"
        assert http.get("/entities/GIST/partners").json()["total"] >= 4


@pytest.mark.shared
def test_other_requests_are_answered_while_a_heavy_query_runs(server):
    slow = {"query": "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b "
                     "WITH a, b WHERE (a * b) % 7 = 3 RETURN count(*)"}
    answers: list[int] = []
    heavy = threading.Thread(target=lambda: answers.append(
        httpx.post(f"{server}/cypher", json=slow, timeout=30).status_code))
    heavy.start()
    time.sleep(0.3)
    with httpx.Client(base_url=server, timeout=10) as http:
        for _ in range(5):
            t0 = time.perf_counter()
            assert http.get("/entities/GIST/partners").status_code == 200
            assert time.perf_counter() - t0 < 1.0
    heavy.join(30)
    assert answers == [400]          # stopped at the 3 s limit, answered in the error shape


def test_serve_refuses_a_missing_graph_in_one_line(tmp_path):
    done = run_cli("serve", "--store", str(tmp_path / "nothing.lbug"), "--port", str(free_port()))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "no graph at" in lines[0] and "Traceback" not in done.stderr


@contextlib.contextmanager
def _served_while_ingesting(tmp_path: Path, first_text: str):
    """An app over a read-only store that holds ``first_text``, and ``ingest(text)``,
    which adds a document through `partnergraph ingest` in another process."""
    path = tmp_path / "graph.lbug"
    count = [0]

    def ingest(text: str) -> None:
        count[0] += 1
        doc = tmp_path / f"doc{count[0]}.txt"
        doc.write_text(text, encoding="utf-8")
        done = run_cli("ingest", str(doc), "--store", str(path))
        assert done.returncode == 0, done.stderr

    ingest(first_text)
    store = open_store(str(path), read_only=True)
    try:
        with TestClient(create_app(store, Settings(store=str(path), index_ttl_s=0.2))) as c:
            yield c, ingest
    finally:
        store.close()


def _eventually(check, what: str, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, what
        time.sleep(0.2)


def test_names_follow_an_ingest_by_another_process(tmp_path):
    """The server's store is read-only; `partnergraph ingest` writes from another process;
    new names become searchable without a restart, the old ones keep working."""
    with _served_while_ingesting(
            tmp_path, "Yonsei University and Korea University agreed to exchange students.\n") as (c, ingest):
        def best() -> float:
            items = c.get("/entities", params={"q": "Mokpo National University"}).json()["items"]
            return items[0]["score"] if items else 0.0

        assert best() < 100
        assert c.get("/entities/Mokpo National University").status_code == 404
        ingest(MOU_TEXT)
        _eventually(lambda: best() >= 100, "the new name never became searchable")
        partners = c.get("/entities/Mokpo National University/partners").json()
        assert "Sunchon National University" in {p["partner"]["name"] for p in partners["items"]}


def test_cached_partner_answers_follow_an_ingest(tmp_path, monkeypatch):
    """Large partner answers are kept (AnswerCache); a later ingest by another process
    must still show up in them."""
    from partnergraph.api.service import AnswerCache
    monkeypatch.setattr(AnswerCache, "MIN_ROWS", 0)         # cache every answer here
    first = ("Yonsei University and Korea University signed a memorandum of understanding "
             "to exchange students.\n")
    with _served_while_ingesting(tmp_path, first) as (c, ingest):
        def partners() -> set[str]:
            return {p["partner"]["name"] for p in c.get("/entities/Yonsei University/partners").json()["items"]}

        assert partners() == {"Korea University"}
        assert partners() == {"Korea University"}               # now from the cache
        ingest("Yonsei University and Sogang University signed an MOU on AI research.\n")
        _eventually(lambda: "Sogang University" in partners(), "the cached answer never saw the new document")


def test_start_up_builds_the_busiest_entities_partner_answers(seeded_path, monkeypatch):
    from partnergraph.api.routes_entities import PARTNER_RELATIONS, warm_partner_answers
    from partnergraph.api.service import AnswerCache
    monkeypatch.setattr(AnswerCache, "MIN_ROWS", 1)
    store = open_store(str(seeded_path), read_only=True)
    try:
        svc = create_app(store, Settings(store=str(seeded_path))).state.service
        assert warm_partner_answers(svc, top=1000) >= 1
        gist = svc.resolve("GIST")
        kept = svc.answers.get(("partners", gist.id, tuple(PARTNER_RELATIONS), None, None))
        assert kept is not None and kept[2] >= 1
        assert "Chonnam National University" in {p["partner"]["name"] for p in kept[0]}
    finally:
        store.close()


def test_answer_cache_keeps_only_large_answers_and_the_newest():
    from partnergraph.api.service import AnswerCache
    cache = AnswerCache(size=2)
    cache.put(("a",), 1, rows=AnswerCache.MIN_ROWS - 1)
    assert cache.get(("a",)) is None                                # small: rebuilt, not kept
    for k in "bcd":
        cache.put((k,), k, rows=AnswerCache.MIN_ROWS)
    assert cache.get(("b",)) is None and cache.get(("d",)) == "d"   # oldest dropped
    cache.clear()
    assert cache.get(("d",)) is None


def test_store_unreachable_is_503_with_a_clear_message():
    store = open_store(f"bolt://127.0.0.1:{free_port()}")     # nothing listens there
    try:
        with TestClient(create_app(store, Settings(store=store.uri))) as c:
            for path in ("/health", "/entities?q=gist", "/entities/GIST/partners", "/stats"):
                r = c.get(path)
                assert r.status_code == 503, (path, r.text)
                e = r.json()["error"]
                assert e["code"] == "store_unavailable" and "unreachable" in e["message"]
                assert r.headers.get("retry-after")
    finally:
        store.close()


def test_closed_store_is_503(tmp_path):
    path = tmp_path / "graph.lbug"
    open_store(str(path)).close()
    store = open_store(str(path), read_only=True)
    c = TestClient(create_app(store, Settings(store=str(path))))
    assert c.get("/health").status_code == 200
    store.close()
    r = c.get("/health")
    assert r.status_code == 503 and r.json()["error"]["code"] == "store_unavailable"


def test_an_unexpected_bug_is_a_500_without_a_traceback(tmp_path):
    """Fault injection: a store method that fails in a way nobody planned for."""
    path = tmp_path / "graph.lbug"
    open_store(str(path)).close()
    store = open_store(str(path), read_only=True)
    try:
        def broken(*a, **kw):
            raise ZeroDivisionError("secret internal detail")
        store.stats = broken              # type: ignore[method-assign]
        with TestClient(create_app(store, Settings(store=str(path))), raise_server_exceptions=False) as c:
            r = c.get("/stats")
            assert r.status_code == 500
            assert r.json() == {"error": {"code": "internal_error",
                                          "message": "internal error; the server log has the details"}}
            assert "secret" not in r.text and "Traceback" not in r.text
    finally:
        store.close()


@pytest.mark.neo4j
def test_neo4j_cut_off_gives_503_then_recovers_by_itself(neo4j_uri):
    from urllib.parse import urlsplit
    where = urlsplit(neo4j_uri)
    proxy = Proxy((where.hostname, where.port))
    proxy.up()
    store = open_store(f"bolt://127.0.0.1:{proxy.port}")
    try:
        with TestClient(create_app(store, Settings(store=store.uri))) as c:
            assert c.get("/health").status_code == 200
            proxy.down()
            r = c.get("/health")
            assert r.status_code == 503 and r.json()["error"]["code"] == "store_unavailable"
            t0 = time.perf_counter()
            assert c.get("/stats").status_code == 503
            assert time.perf_counter() - t0 < 1.0          # fails fast while known down
            proxy.up()
            deadline = time.monotonic() + 30
            while c.get("/health").status_code != 200:
                assert time.monotonic() < deadline, "the API did not recover after Neo4j came back"
                time.sleep(0.5)
            assert c.get("/stats").status_code == 200
    finally:
        proxy.down()
        store.close()


# --- hostile and heavy traffic (issue 7) ------------------------------------------------------

HOSTILE_READS = [
    "MATCH (a), (b), (c), (d), (e) RETURN count(*)",          # cartesian product
    "MATCH p = (a)-[*]-(b) RETURN count(p)",                    # unbounded variable length
    "MATCH p = (a)-[*1..40]-(b) RETURN p",                      # bounded, but explosive
    "UNWIND range(1, 1000000000) AS x RETURN x",                # a billion rows
    "MATCH (a), (b) RETURN a, b",                               # a large result of whole nodes
]


def _rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError(f"no VmRSS for pid {pid}")


@pytest.mark.shared
@pytest.mark.parametrize("query", HOSTILE_READS)
def test_hostile_reads_are_cut_by_limits_while_others_are_answered(server, query):
    """Each heavy read ends within the time limit (3 s here) or the row cap, in the error
    shape or as a truncated answer, and other requests are answered meanwhile.  (The
    guard refusals -- writes, LOAD CSV, procedures, several statements -- are in
    test_api.py and test_store_cypher.py.)"""
    answers: list[httpx.Response] = []
    heavy = threading.Thread(target=lambda: answers.append(
        httpx.post(f"{server}/cypher", json={"query": query}, timeout=60)))
    t0 = time.perf_counter()
    heavy.start()
    time.sleep(0.2)
    with httpx.Client(base_url=server, timeout=10) as http:
        for _ in range(3):
            assert http.get("/entities/GIST/partners").status_code == 200
    heavy.join(60)
    assert answers, "the heavy query got no answer within 60 s"
    r = answers[0]
    assert time.perf_counter() - t0 < 30
    assert r.status_code in (200, 400), r.text[:300]
    body = r.json()
    if r.status_code == 200:
        assert len(body["rows"]) <= body["row_limit"]
    else:
        # stopped at the time limit, or refused by the engine (e.g. a bound past its maximum)
        assert body["error"]["code"] == "query_error" and body["error"]["message"]
    assert httpx.get(f"{server}/health", timeout=10).status_code == 200


@pytest.mark.shared
def test_slow_clients_do_not_hold_up_others(server):
    """Fifty connections that send half a request and stall (a slowloris), and one body
    that never finishes: normal requests are still answered promptly."""
    import socket
    from urllib.parse import urlsplit
    where = urlsplit(server)
    stalled = []
    try:
        for i in range(50):
            s = socket.create_connection((where.hostname, where.port), timeout=5)
            s.sendall(b"GET /entities?q=gi HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            stalled.append(s)
        s = socket.create_connection((where.hostname, where.port), timeout=5)
        s.sendall(b"POST /cypher HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 100000\r\n\r\n{\"query\": \"RETURN 1")
        stalled.append(s)
        with httpx.Client(base_url=server, timeout=10) as http:
            for _ in range(10):
                t0 = time.perf_counter()
                assert http.get("/entities/GIST/partners").status_code == 200
                assert time.perf_counter() - t0 < 2.0
    finally:
        for s in stalled:
            s.close()
    assert httpx.get(f"{server}/health", timeout=10).status_code == 200


@pytest.mark.shared
def test_many_concurrent_requests_no_500_and_bounded_memory(server):
    """600 requests from 64 concurrent clients over every kind of read: no 5xx, and the
    server's resident memory grows by less than 300 MB."""
    from concurrent.futures import ThreadPoolExecutor
    pid = SERVER_PIDS[server]
    paths = ["/entities/GIST/partners", "/entities?q=chonnam", "/entities/GIST/funding",
             "/subgraph?center=GIST&depth=2", "/paths?source=Seocho-gu&target=GIST",
             "/entities/no-such-thing", "/stats", "/entities?q=%00%ff" + "x" * 150]
    before = _rss_mb(pid)
    with httpx.Client(base_url=server, timeout=30,
                      limits=httpx.Limits(max_connections=64, max_keepalive_connections=64)) as http:
        with ThreadPoolExecutor(64) as pool:
            statuses = list(pool.map(lambda i: http.get(paths[i % len(paths)]).status_code, range(600)))
    after = _rss_mb(pid)
    assert not [s for s in statuses if s >= 500], sorted(set(statuses))
    assert set(statuses) <= {200, 404, 422}, sorted(set(statuses))
    assert after - before < 300, f"resident memory grew from {before:.0f} MB to {after:.0f} MB"
