"""``partnergraph ingest | delete | query | stats`` end to end: real files, the real
reader and extractor, a real store (embedded here; Neo4j in the marked test).

The example articles are our own sentences (the seeds are copyrighted).
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnergraph.cli import app

GIST = "ror:024kbgz78"
CNU = "ror:05kzjxq56"

MOU = """GIST and Chonnam National University sign research agreement

Gwangju Institute of Science and Technology (GIST) and Chonnam National University signed a \
memorandum of understanding on Monday to cooperate on artificial intelligence research and \
joint degree programs.
"""
FUNDING = """Seocho-gu funds AI education

Seocho-gu will provide 1.5 billion won to Gwangju Institute of Science and Technology for an \
AI education program from 2024 to 2026.
"""


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    d = tmp_path / "articles"
    d.mkdir()
    (d / "mou.txt").write_text(MOU, encoding="utf-8")
    (d / "funding.txt").write_text(FUNDING, encoding="utf-8")
    return d


@pytest.fixture
def run(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("PARTNERGRAPH_STORE", raising=False)
    runner = CliRunner()

    def invoke(*args: str, store: str | None = None, code: int | None = 0):
        argv = list(args) + (["--store", store] if store else [])
        result = runner.invoke(app, argv, catch_exceptions=False)
        if code is not None:
            assert result.exit_code == code, (result.stdout, result.stderr)
        return result
    return invoke


def summary(result) -> dict:
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_ingest_is_idempotent_and_reports_bad_files(run, articles, tmp_path) -> None:
    store = str(tmp_path / "g.lbug")
    (articles / "broken.txt").write_bytes(b"\x00\x01\x02\x03 binary \xff\xfe")
    first = run("ingest", str(articles), "--json", store=store, code=1)
    s = summary(first)
    assert s["documents"] == {"new": 2, "changed": 0, "unchanged": 0, "failed": 1}
    assert s["relations_written"] >= 2 and s["graph"]["documents"] == 2
    errors = [ln for ln in first.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and "broken.txt" in errors[0]
    (articles / "broken.txt").unlink()
    again = summary(run("ingest", str(articles), "--json", store=store))
    assert again["documents"] == {"new": 0, "changed": 0, "unchanged": 2, "failed": 0}
    assert again["graph"] == s["graph"]


def test_a_changed_file_replaces_its_facts(run, articles, tmp_path) -> None:
    store = str(tmp_path / "g.lbug")
    run("ingest", str(articles), store=store)
    (articles / "mou.txt").write_text(MOU + "\nThe agreement runs until 2027.\n", encoding="utf-8")
    s = summary(run("ingest", str(articles), "--json", store=store))
    assert s["documents"] == {"new": 0, "changed": 1, "unchanged": 1, "failed": 0}
    docs = json.loads(run("query", "MATCH (d:Document) RETURN d.name AS name", "-f", "json", store=store).stdout)
    assert sorted(d["name"] for d in docs) == ["funding.txt", "mou.txt"]


def test_summary_table_names_the_counts(run, articles, tmp_path) -> None:
    out = run("ingest", str(articles), "--batch-size", "1", store=str(tmp_path / "g.lbug")).stdout
    for words in ["documents new", "documents changed", "documents unchanged", "documents failed",
                  "entities added", "relations written"]:
        assert words in out


def test_query_named_formats_and_refusals(run, articles, tmp_path) -> None:
    store = str(tmp_path / "g.lbug")
    run("ingest", str(articles), store=store)
    partners = json.loads(run("query", "--named", "partners", "-p", f"id={GIST}", "-f", "json", store=store).stdout)
    mou = [p for p in partners if p["partner_id"] == CNU and p["relation"] == "MOU"]
    assert mou and mou[0]["evidence"] and mou[0]["evidence"] in MOU
    out = run("query", "MATCH (e:Entity) RETURN e.id AS id, e.kind AS kind ORDER BY id", "-f", "csv",
              store=store).stdout
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["id", "kind"] and [GIST, "University"] in rows
    table = run("query", "MATCH (e:Entity) RETURN e.name AS name LIMIT 1", store=store)
    assert "name" in table.stdout and "1 row(s)" in table.stderr
    limited = run("query", "MATCH (e:Entity) RETURN e.id", "--limit", "1", "-f", "json", store=store)
    assert len(json.loads(limited.stdout)) == 1 and "only the first 1 rows" in limited.stderr
    refused = run("query", "MATCH (e:Entity) DETACH DELETE e", store=store, code=2)
    assert refused.stderr.startswith("error: refused") and "Traceback" not in refused.stderr
    bad = run("query", "MATCH (e:Entity RETURN e", store=store, code=2)
    assert bad.stderr.startswith("error:")
    run("query", "--named", "partners", "-p", "nope=1", store=store, code=2)
    run("query", "MATCH (e:Entity {id: $id}) SET e.region = 'Buk-gu'", "-p", f"id={GIST}", "--write",
        store=store)
    region = json.loads(run("query", "--named", "entity_by_id", "-p", f"id={GIST}", "-f", "json",
                            store=store).stdout)[0]["region"]
    assert region == "Buk-gu"


def test_delete_by_name_and_stats(run, articles, tmp_path) -> None:
    store = str(tmp_path / "g.lbug")
    run("ingest", str(articles), store=store)
    stats = json.loads(run("stats", "--json", store=store).stdout)
    assert stats["documents"] == 2 and stats["relationships"]["MOU"] == 1
    assert run("delete", "mou.txt", store=store).stdout.startswith("deleted document ")
    after = json.loads(run("stats", "--json", store=store).stdout)
    assert after["documents"] == 1 and after["relationships"]["MOU"] == 0
    assert after["relationships"]["FUNDS"] == stats["relationships"]["FUNDS"]
    assert "no document" in run("delete", "mou.txt", store=store, code=1).stderr
    assert "documents" in run("stats", store=store).stdout


def test_store_from_the_environment_and_missing_store(run, articles, tmp_path, monkeypatch) -> None:
    store = tmp_path / "env.lbug"
    monkeypatch.setenv("PARTNERGRAPH_STORE", str(store))
    run("ingest", str(articles))
    assert store.exists()
    missing = run("stats", store=str(tmp_path / "nothing.lbug"), code=2)
    assert "no graph at" in missing.stderr and not (tmp_path / "nothing.lbug").exists()


def test_ingest_extractions_jsonl(run, articles, tmp_path) -> None:
    jsonl = tmp_path / "x.jsonl"
    jsonl.write_text(run("extract", str(articles)).stdout, encoding="utf-8")
    with jsonl.open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    a = summary(run("ingest", "--extractions", str(jsonl), "--json", store=str(tmp_path / "a.lbug"), code=1))
    b = summary(run("ingest", str(articles), "--json", store=str(tmp_path / "b.lbug")))
    assert a["documents"]["new"] == 2 and a["documents"]["failed"] == 1
    assert a["graph"] == b["graph"]


@pytest.mark.neo4j
def test_cli_on_neo4j(run, articles, neo4j_clean) -> None:
    first = summary(run("ingest", str(articles), "--json", store=neo4j_clean))
    assert first["documents"]["new"] == 2
    assert summary(run("ingest", str(articles), "--json", store=neo4j_clean))["documents"]["unchanged"] == 2
    partners = json.loads(run("query", "--named", "partners", "-p", f"id={GIST}", "-f", "json",
                              store=neo4j_clean).stdout)
    assert any(p["partner_id"] == CNU for p in partners)
    assert run("query", "CREATE (n:X)", store=neo4j_clean, code=2).stderr.startswith("error: refused")
    assert run("delete", "funding.txt", store=neo4j_clean).stdout.startswith("deleted")
    assert json.loads(run("stats", "--json", store=neo4j_clean).stdout)["documents"] == 1


def test_unreachable_neo4j_is_one_line_and_exit_2(run) -> None:
    out = run("stats", store="bolt://127.0.0.1:9", code=2)
    lines = out.stderr.strip().splitlines()
    assert lines[-1].startswith("error: Neo4j at bolt://127.0.0.1:9 is unreachable") and "Traceback" not in out.stderr


@pytest.mark.neo4j
def test_ingest_rides_out_a_neo4j_outage(tmp_path, neo4j_clean, neo4j_driver) -> None:
    """The network to Neo4j is cut for a few seconds in the middle of an ingest: the
    ingest retries, resumes, exits 0, and the graph holds every document exactly once."""
    import subprocess
    import sys
    import time
    from urllib.parse import urlsplit

    from conftest import REPO
    from partnergraph.loaders.extract import extract
    from partnergraph.loaders.read import read_paths
    from test_api_support import Proxy

    sys.path.insert(0, str(REPO / "bench"))
    import corpus

    d = tmp_path / "articles"
    d.mkdir()
    for name, text in corpus.generate(40, seed=11, size=1500):
        (d / name).write_text(text, encoding="utf-8")
    expected = sum(len(extract(doc).relations) for doc in read_paths([str(d)]))

    def counts() -> tuple[int, int]:
        with neo4j_driver.session() as s:
            docs = s.run("MATCH (n:Document) RETURN count(n)").single()[0]
            rels = s.run("MATCH ()-[r]->() WHERE NOT r:MENTIONS RETURN count(r)").single()[0]
        return docs, rels

    where = urlsplit(neo4j_clean)
    proxy = Proxy((where.hostname, where.port))
    proxy.up()
    proc = subprocess.Popen([sys.executable, "-m", "partnergraph", "ingest", str(d), "--batch-size", "1",
                             "--json", "--store", f"bolt://127.0.0.1:{proxy.port}"],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while counts()[0] < 5:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the ingest wrote nothing within 120 s"
            time.sleep(0.05)
        proxy.down()
        cut_at = counts()[0]
        time.sleep(4)
        proxy.up()
        out, err = proc.communicate(timeout=300)
    finally:
        if proc.poll() is None:
            proc.kill()
        proxy.down()
    assert cut_at < 40, "the ingest finished before the cut; the test proved nothing"
    assert proc.returncode == 0, err[-2000:]
    assert "Traceback" not in err
    summary = json.loads(out)
    assert summary["documents"]["failed"] == 0
    assert counts() == (40, expected)
