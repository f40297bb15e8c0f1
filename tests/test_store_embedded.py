"""What only the embedded store has: the crash-safe query worker, read-only handles that
follow another process's commits, the file lock, and schema growth on an existing file.
"""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
import test_store_data as data

from partnergraph.graph.embedded_store import EmbeddedStore
from partnergraph.graph.store import QueryError, StoreUnavailable, WriteRefused, open_store


@pytest.fixture
def graph(tmp_path):
    s = EmbeddedStore(tmp_path / "graph.lbug")
    s.upsert(data.sample())
    yield s
    s.close()


def test_a_query_that_crashes_the_engine_costs_one_request(graph) -> None:
    with pytest.raises(QueryError, match="crashed"):
        graph.query("RETURN id(null)")          # segfaults ladybug 0.22 in-process
    assert graph.query("MATCH (e:Entity) RETURN count(e)").rows == [[12]]
    assert graph.stats()["documents"] == 3      # the caller's own handle is fine


def test_the_worker_sees_writes_made_after_it_started(graph) -> None:
    assert graph.query("MATCH (d:Document) RETURN count(d)").rows == [[3]]
    graph.delete_document(data.article_funding().doc.id)
    assert graph.query("MATCH (d:Document) RETURN count(d)").rows == [[2]]


def test_isolated_named_query_runs_in_the_worker(graph) -> None:
    rows = graph.named("shortest_path", {"source": "org:kim-minsu", "target": "org:nope"}).rows
    assert rows == []
    assert graph._worker is not None


def test_read_only_store_follows_another_processs_commits(tmp_path) -> None:
    path = tmp_path / "graph.lbug"
    EmbeddedStore(path).close()
    reader = open_store(str(path), read_only=True)
    try:
        assert reader.stats()["documents"] == 0
        with pytest.raises(WriteRefused):
            reader.upsert(data.sample())
        script = textwrap.dedent(f"""
            import sys
            sys.path.insert(0, {str(data.__file__.rsplit('/', 1)[0])!r})
            import test_store_data as data
            from partnergraph.graph.embedded_store import EmbeddedStore
            s = EmbeddedStore({str(path)!r})
            s.upsert(data.sample())
            s.close()
        """)
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]   # a writer can open while we read
        assert reader.stats()["documents"] == 3
        assert reader.named("entity_by_id", {"id": "org:gist"}).rows[0][0] == "org:gist"
    finally:
        reader.close()


def test_a_second_writer_gets_a_clear_error(graph) -> None:
    script = f"from partnergraph.graph.embedded_store import EmbeddedStore; EmbeddedStore({str(graph.path)!r})"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and "open for writing in another process" in done.stderr


def test_a_missing_graph_is_reported_not_created(tmp_path) -> None:
    with pytest.raises(StoreUnavailable, match="no graph at"):
        EmbeddedStore(tmp_path / "missing.lbug", read_only=True)
    assert not (tmp_path / "missing.lbug").exists()


def test_columns_added_to_the_schema_reach_an_existing_file(tmp_path) -> None:
    import ladybug
    path = tmp_path / "old.lbug"
    db = ladybug.Database(str(path))
    conn = ladybug.Connection(db)
    conn.execute("CREATE NODE TABLE Entity(id STRING, name STRING, kind STRING, PRIMARY KEY(id))")
    conn.close()
    db.close()
    s = EmbeddedStore(path)
    try:
        s.upsert(data.sample())
        assert s.named("entity_by_id", {"id": "org:gist"}).rows[0][6] == "Gwangju"   # region column
    finally:
        s.close()


def test_an_interrupted_batch_leaves_nothing(tmp_path, monkeypatch) -> None:
    """Ctrl-C in the middle of a batch's statements: the transaction rolls back whole."""
    s = EmbeddedStore(tmp_path / "graph.lbug")
    s.upsert([data.article_people()])
    before = s.graph_records()
    real_run, calls = s._run, []

    def interrupted_run(text, params=None):
        calls.append(text)
        if len(calls) == 8:          # after entities, documents and mentions were written
            raise KeyboardInterrupt
        return real_run(text, params)
    monkeypatch.setattr(s, "_run", interrupted_run)
    try:
        with pytest.raises(KeyboardInterrupt):
            s.upsert([data.article_mou(1), data.article_funding()], batch_size=10)
        assert any("CREATE (d)-[:MENTIONS" in c for c in calls[:7])
        monkeypatch.setattr(s, "_run", real_run)
        assert s.graph_records() == before and s.stats()["documents"] == 1
        assert s.upsert(data.sample()).new == 2         # usable after the rollback
    finally:
        s.close()


def test_without_pyarrow_the_unwind_statements_give_the_same_graph(tmp_path) -> None:
    """The bulk path (Arrow tables, LOAD FROM / COPY) and the plain UNWIND path agree."""
    bulk, plain = EmbeddedStore(tmp_path / "bulk.lbug", bulk=True), EmbeddedStore(tmp_path / "plain.lbug", bulk=False)
    try:
        for s in (bulk, plain):
            s.upsert(data.sample())
            s.upsert([data.article_mou(2)])
        assert bulk.graph_records() == plain.graph_records()
        assert bulk.stats()["mentions"] == plain.stats()["mentions"]
    finally:
        bulk.close()
        plain.close()
