"""The ``neo4j_uri`` fixture yields a real, writable Neo4j 5.26 (the tests/neo4j launcher)."""
from __future__ import annotations

import os

import pytest

pytestmark = pytest.mark.neo4j


def test_server_is_neo4j_5_26(neo4j_driver):
    info = neo4j_driver.get_server_info()
    assert info.agent.startswith("Neo4j/5.26"), info.agent
    records, _, _ = neo4j_driver.execute_query(
        "CALL dbms.components() YIELD name, versions RETURN name, versions[0] AS version"
    )
    assert records[0]["version"].startswith("5.26"), records


def test_create_and_read_back_a_node(neo4j_clean, neo4j_driver):
    db = os.environ.get("NEO4J_DATABASE") or None
    neo4j_driver.execute_query(
        "CREATE (:Probe {name: $name, n: $n})", name="Université de Lyon", n=3, database_=db
    )
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (p:Probe) RETURN p.name AS name, p.n AS n", database_=db
    )
    assert [(r["name"], r["n"]) for r in records] == [("Université de Lyon", 3)]


def test_clean_fixture_starts_empty(neo4j_clean, neo4j_driver):
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (n) RETURN count(n) AS c", database_=os.environ.get("NEO4J_DATABASE") or None
    )
    assert records[0]["c"] == 0


def test_transactions_can_time_out(neo4j_clean, neo4j_driver):
    """Per-query timeouts (what the API's /cypher uses) are enforced by this server."""
    import neo4j
    from neo4j.exceptions import ClientError

    query = neo4j.Query(
        "UNWIND range(1, 100000000) AS i WITH i WHERE i % 7 = 99 RETURN count(*)", timeout=0.5
    )
    with neo4j_driver.session(database=os.environ.get("NEO4J_DATABASE") or None) as session:
        with pytest.raises(ClientError) as excinfo:
            session.run(query).consume()
    assert "TimedOut" in excinfo.value.code, excinfo.value.code
