"""HTTP load on ``/entities/{id}/partners``: requests/s and p50/p99 latency, both stores.

    python bench/bench_api.py                          # 100,000+ relationships, both stores
    python bench/bench_api.py --duration 60 --rates 200 # issue 7's 60-second hold
    python bench/bench_api.py --skip-neo4j
    NEO4J_URI=bolt://127.0.0.1:7687 python bench/bench_api.py

What one run does, per store:

1. writes a synthetic graph (``graph``: ``--relations`` relationships over
   ``--entities`` entities, of every partnership shape the endpoint reads -- MOU,
   PARTNERS_WITH, participation in programs -- plus funding and structure, in
   documents of 50 relations with a date and a title);
2. starts ``partnergraph serve`` on it as a subprocess on a free 127.0.0.1 port (the
   real server: uvicorn, one process, the embedded store opened read-only);
3. warms it up (``--warmup`` requests: names, document titles);
4. **open loop**: requests at each fixed rate of ``--rates`` for ``--duration`` seconds, each for a
   random organisation, latency measured from the moment the request was *due* (so a
   slow server cannot hide its queue: no coordinated omission); errors counted;
5. **closed loop**: ``--clients`` concurrent clients as fast as they can for
   ``--duration`` seconds: the throughput ceiling;
6. reads the server's resident memory before and after, and for every phase the CPU
   spent per request by the API's processes, by the database server (when this run
   started it) and by the load generator itself.

Everything stays on loopback and is bounded in count and time.  The client shares the
machine's cores with the server (and with Neo4j), as a front end on the same host
would; it is a lean HTTP/1.1 client (``bench/loadclient.py``) so that it takes as little
of them as it can.  Without NEO4J_URI the tests' launcher (tests/neo4j) is started on a free port
with a 2 GB heap and stopped at the end.  Target (issue 4): p99 < 50 ms at 200 req/s.
"""
from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from partnergraph.model import Document, Entity, Evidence, Extraction, Relation  # noqa: E402

from loadclient import LoadClient, LoadClientError  # noqa: E402  (bench/, on sys.path as the script's folder)

ORG_KINDS = ["University", "Hospital", "Institute", "Company", "Agency"]
MIX = [("MOU", 0.25), ("PARTNERS_WITH", 0.25), ("PARTICIPATES_IN", 0.25), ("FUNDS", 0.10),
       ("AFFILIATED_WITH", 0.05), ("HOSTS", 0.05), ("ORGANIZES", 0.05)]


# --- the synthetic graph ------------------------------------------------------------------

def graph(relations: int, entities: int, per_doc: int = 50, seed: int = 11) -> tuple[list[Extraction], list[str]]:
    """Extractions stating ``relations`` relationships, and the organisation ids to ask about.

    One entity in 20 is a program (participants, organisers and funders point at it);
    20 organisations are hubs that take part in a fifth of the relations (ministries and
    flagship universities look like that), so some answers are long.
    """
    rnd = random.Random(seed)
    programs = [Entity(f"program:bench-{i}", f"Bench Program {i}", "Program") for i in range(entities // 20)]
    orgs = [Entity(f"bench:org-{i}", f"Bench {ORG_KINDS[i % 5]} {i}", ORG_KINDS[i % 5], [f"BO{i}"])
            for i in range(entities - len(programs))]
    hubs = orgs[:20]
    types, weights = zip(*MIX)
    out: list[Extraction] = []
    for n in range(-(-relations // per_doc)):
        k = min(per_doc, relations - n * per_doc)
        sentences, rels = [], []
        for j in range(k):
            t = rnd.choices(types, weights)[0]
            a = rnd.choice(hubs) if rnd.random() < 0.2 else rnd.choice(orgs)
            b = rnd.choice(programs) if t in ("PARTICIPATES_IN", "ORGANIZES") or \
                (t == "FUNDS" and rnd.random() < 0.5) else rnd.choice(orgs)
            if a.id == b.id:
                b = orgs[(orgs.index(a) + 1) % len(orgs)]
            sentences.append(f"{a.name} and {b.name} are linked ({t.lower()}) in item {n}-{j}.")
            attrs = {"amount": rnd.randrange(1, 10_000) * 1_000_000, "currency": "KRW"} if t == "FUNDS" else {}
            if attrs:
                attrs["amount_krw"] = attrs["amount"]
            rels.append((t, a, b, attrs))
        text = " ".join(sentences)
        doc = Document.from_text(text, name=f"bench-{n}.txt", source=f"/bench/{n}.txt",
                                 title=f"Bench release {n}", date=f"20{18 + n % 8}-{1 + n % 12:02d}-15")
        pos, rel_out, ents = 0, [], {}
        for s, (t, a, b, attrs) in zip(sentences, rels):
            start = text.index(s, pos)
            pos = start + len(s)
            rel_out.append(Relation(t, a.id, b.id, Evidence(s, start, pos), 0.8, attrs))
            ents[a.id], ents[b.id] = a, b
        out.append(Extraction(doc, list(ents.values()), rel_out, extractor="bench"))
    used = {e.id for x in out for e in x.entities}
    return out, [o.id for o in orgs if o.id in used]


# --- servers ------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tree(pid: int) -> list[str]:
    """``pid`` and its descendants (the uvicorn workers, the query worker)."""
    pids, out = [str(pid)], []
    while pids:
        p = pids.pop()
        out.append(p)
        try:
            pids += Path(f"/proc/{p}/task/{p}/children").read_text().split()
        except OSError:
            pass
    return out


def rss_mib(pid: int) -> float | None:
    """Resident memory of ``pid`` and its children."""
    def one(p: str) -> int:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        except OSError:
            pass
        return 0
    total = sum(one(p) for p in _tree(pid))
    return round(total / 1024, 1) if total else None


def cpu_s(pid: int | None) -> float:
    """CPU seconds (user + system) used so far by ``pid`` and its children."""
    if pid is None:
        return 0.0
    tick, total = os.sysconf("SC_CLK_TCK"), 0
    for p in _tree(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            pass
    return total / tick


class Server:
    """``partnergraph serve`` in a subprocess."""

    def __init__(self, store: str, workers: int = 1) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "partnergraph", "serve", "--store", store, "--port", str(self.port),
             "--workers", str(workers), "--log-level", "warning"], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        import httpx
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"partnergraph serve exited: {self.proc.stderr.read()}")
            try:
                if httpx.get(f"{self.base}/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        self.stop()
        raise SystemExit("partnergraph serve did not become healthy within 120 s")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


# --- load ---------------------------------------------------------------------------------

def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    i = min(len(values) - 1, max(0, round(q / 100 * (len(values) - 1))))
    return values[i]


async def open_loop(base: str, ids: list[str], rate: float, duration: float, seed: int,
                    in_flight: int = 64) -> dict:
    """``rate`` requests/s for ``duration`` s; latency from each request's due time.

    Requests are started on schedule whatever the server does; at most ``in_flight``
    are on the wire at once and the rest wait their turn in the client (an
    ``asyncio.Semaphore``, cheap to wait on), their wait counted in their latency.
    """
    rnd = random.Random(seed)
    total = int(rate * duration)
    lat: list[float] = []
    errors: dict[str, int] = {}
    async with LoadClient(base, in_flight, timeout=30) as client:
        async def one(due: float, eid: str) -> None:
            try:
                status, body = await client.get(f"/entities/{quote(eid, safe='')}/partners")
                if status != 200:
                    errors[str(status)] = errors.get(str(status), 0) + 1
                else:
                    json.loads(body)
            except (LoadClientError, OSError, ValueError) as exc:
                errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
            lat.append((time.perf_counter() - due) * 1000)

        t0 = time.perf_counter() + 0.2
        tasks = []
        for i in range(total):
            due = t0 + i / rate
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(due, rnd.choice(ids))))
        await asyncio.gather(*tasks)
        wall = time.perf_counter() - t0
    return {"mode": f"open loop {rate:g}/s", "requests": total, "errors": errors,
            "req_per_s": round(total / wall, 1), "p50_ms": round(percentile(lat, 50), 2),
            "p90_ms": round(percentile(lat, 90), 2), "p99_ms": round(percentile(lat, 99), 2),
            "max_ms": round(max(lat), 2)}


async def closed_loop(base: str, ids: list[str], clients: int, duration: float, seed: int) -> dict:
    """``clients`` concurrent clients, each sending its next request when the last is answered."""
    rnd = random.Random(seed)
    lat: list[float] = []
    errors: dict[str, int] = {}
    stop = time.perf_counter() + duration
    async with LoadClient(base, clients, timeout=10) as client:
        async def worker() -> None:
            while time.perf_counter() < stop:
                t = time.perf_counter()
                try:
                    status, _ = await client.get(f"/entities/{quote(rnd.choice(ids), safe='')}/partners")
                    if status != 200:
                        errors[str(status)] = errors.get(str(status), 0) + 1
                except (LoadClientError, OSError) as exc:
                    errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
                lat.append((time.perf_counter() - t) * 1000)

        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        wall = time.perf_counter() - t0
    return {"mode": f"closed loop {clients} clients", "requests": len(lat), "errors": errors,
            "req_per_s": round(len(lat) / wall, 1), "p50_ms": round(percentile(lat, 50), 2),
            "p90_ms": round(percentile(lat, 90), 2), "p99_ms": round(percentile(lat, 99), 2),
            "max_ms": round(max(lat), 2)}


def warm(base: str, ids: list[str], n: int) -> dict:
    """Touch ``n`` entities once (names, document titles), and note a typical answer."""
    import httpx
    sizes, times = [], []
    with httpx.Client(base_url=base, timeout=30) as client:
        for eid in ids[:n]:
            t = time.perf_counter()
            body = client.get(f"/entities/{eid}/partners").json()
            times.append((time.perf_counter() - t) * 1000)
            sizes.append(sum(len(p["evidence"]) for p in body["items"]))
    return {"warmup_requests": n, "warmup_p50_ms": round(percentile(times, 50), 2),
            "evidence_rows_median": statistics.median(sizes), "evidence_rows_max": max(sizes)}


def run_store(label: str, store_uri: str, ids: list[str], args: argparse.Namespace,
              db_pid: int | None = None) -> list[dict]:
    """All load phases against one ``partnergraph serve`` over ``store_uri``.  Each row
    also says where the CPU went, in ms per request: the API's processes, the database
    server (``db_pid``, when this run started it) and this load generator -- they share
    the machine's cores, so each one's cost is capacity the others lose."""
    server = Server(store_uri, args.workers)
    try:
        rnd = random.Random(3)
        sample = ids[:]
        rnd.shuffle(sample)
        info = warm(server.base, sample, args.warmup)
        # The load generator holds the generated corpus (hundreds of thousands of
        # objects): a full garbage collection in *this* process stalled every request in
        # flight for ~100 ms and was measured as server latency.  Freeze them out of it.
        gc.collect()
        gc.freeze()
        rss0 = rss_mib(server.proc.pid)
        print(f"[{label}] warm: {info}", file=sys.stderr)
        rows = []
        phases = [lambda i=i, rate=rate: open_loop(server.base, ids, rate, args.duration, seed=5 + i)
                  for i, rate in enumerate(args.rates)]
        phases.append(lambda: closed_loop(server.base, ids, args.clients, args.duration, seed=6))
        for phase in phases:
            before = (cpu_s(server.proc.pid), cpu_s(db_pid), time.process_time())
            res = asyncio.run(phase())
            after = (cpu_s(server.proc.pid), cpu_s(db_pid), time.process_time())
            n = max(1, res["requests"])
            res["cpu_ms_per_request"] = {
                k: round(1000 * (b - a) / n, 2) for k, a, b in zip(("api", "db", "client"), before, after)}
            if db_pid is None:
                del res["cpu_ms_per_request"]["db"]
            rows.append(res)
            print(f"[{label}] {res}", file=sys.stderr)
        rss1 = rss_mib(server.proc.pid)
        for r in rows:
            r.update(store=label, workers=args.workers, server_rss_mib=f"{rss0} -> {rss1}", **info)
        return rows
    finally:
        server.stop()


def ingest_embedded(path: Path, xs: list[Extraction]) -> float:
    from partnergraph.graph.embedded_store import EmbeddedStore
    t = time.perf_counter()
    store = EmbeddedStore(path)
    s = store.upsert(xs)
    rels = store.stats()["assertions"]
    store.close()
    assert rels == s.relations, (rels, s)
    return time.perf_counter() - t


def ingest_neo4j(uri: str, xs: list[Extraction]) -> float:
    from partnergraph.graph.neo4j_store import Neo4jStore
    store = Neo4jStore(uri)
    with store._driver.session(database=store.database) as session:
        session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    t = time.perf_counter()
    store.ensure_schema()
    s = store.upsert(xs)
    rels = store.stats()["assertions"]
    store.close()
    assert rels == s.relations, (rels, s)
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--relations", type=int, default=100_000)
    ap.add_argument("--entities", type=int, default=20_000)
    ap.add_argument("--rates", default="50,100,200",
                    help="open-loop requests per second, one phase per rate (comma-separated)")
    ap.add_argument("--duration", type=float, default=20.0, help="seconds per load phase (max 120)")
    ap.add_argument("--clients", type=int, default=16, help="closed-loop concurrent clients (max 64)")
    ap.add_argument("--warmup", type=int, default=1000, help="requests before measuring")
    ap.add_argument("--workers", type=int, default=1, help="server processes (partnergraph serve --workers)")
    ap.add_argument("--skip-neo4j", action="store_true")
    ap.add_argument("--skip-embedded", action="store_true")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args(argv)
    args.duration = min(args.duration, 120.0)
    args.clients = max(1, min(args.clients, 64))
    args.rates = [max(1.0, min(float(r), 2000.0)) for r in args.rates.split(",") if r.strip()]

    t = time.perf_counter()
    xs, ids = graph(args.relations, args.entities)
    print(f"graph: {len(xs)} documents, {sum(len(x.relations) for x in xs)} relationships, "
          f"{args.entities} entities ({time.perf_counter() - t:.1f} s to generate)", file=sys.stderr)
    results: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_embedded:
            path = Path(tmp) / "bench.lbug"
            print(f"[embedded] ingested in {ingest_embedded(path, xs):.1f} s", file=sys.stderr)
            results += run_store("embedded", str(path), ids, args)
        if not args.skip_neo4j:
            server, uri = None, os.environ.get("NEO4J_URI")
            if not uri:
                sys.path.insert(0, str(REPO / "tests"))
                import neo4j_server
                os.environ.setdefault("NEO4J_JAVA_OPTS", "-Xms1g -Xmx2g")
                server = neo4j_server.Neo4jTestServer(Path(tmp) / "neo4j")
                uri = server.start()
            try:
                print(f"[neo4j] ingested in {ingest_neo4j(uri, xs):.1f} s", file=sys.stderr)
                results += run_store("neo4j", uri, ids, args,
                                     db_pid=server._proc.pid if server else None)
            finally:
                if server:
                    server.stop()
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(f"{'store':9} {'workers':>7} {'mode':24} {'requests':>8} {'errors':>6} {'req/s':>7} {'p50 ms':>7} "
              f"{'p90 ms':>7} {'p99 ms':>7} {'max ms':>7}  {'CPU ms/req api/db/client':24}  server RSS MiB")
        for r in results:
            print(f"{r['store']:9} {r['workers']:>7} {r['mode']:24} {r['requests']:>8} {sum(r['errors'].values()):>6} "
                  f"{r['req_per_s']:>7} {r['p50_ms']:>7} {r['p90_ms']:>7} {r['p99_ms']:>7} "
                  f"{r['max_ms']:>7}  {'/'.join(str(v) for v in r['cpu_ms_per_request'].values()):24}  "
                  f"{r['server_rss_mib']}")
        print(f"answers: median {results[0]['evidence_rows_median']} evidence rows, "
              f"max {results[0]['evidence_rows_max']} (warm-up sample)" if results else "")
        for r in results:
            if r["mode"].startswith("open loop 200/"):
                ok = r["p99_ms"] < 50 and not r["errors"]
                print(f"target p99 < 50 ms at 200 req/s, {r['store']}: {'met' if ok else 'NOT met'} "
                      f"(p99 {r['p99_ms']} ms, {sum(r['errors'].values())} errors)")
        load = os.getloadavg()
        print(f"machine: {os.cpu_count()} cores, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} "
              "at the end (other processes share these cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
