"""Shared fixtures.

``shared_dir``: ../shared (seed articles, gold, reference data).  Outside this workplace
it may be absent: the tests that need it skip with a reason -- except under CI
(``CI=true``), where its absence is a failure.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PARTNERGRAPH_SHARED", REPO.parent / "shared"))
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def need_shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if IN_CI:
            pytest.fail(f"{path} is missing, and under CI the tests that read ../shared must run")
        pytest.skip(f"{path} not found (these tests read ../shared, present only in the workplace)")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return need_shared("seeds")


@pytest.fixture(scope="session")
def gold_path() -> Path:
    return need_shared("eval", "seeds_gold.jsonl")


@pytest.fixture(scope="session")
def score_script() -> Path:
    return need_shared("eval", "score.py")


# --- Real Neo4j (tests/neo4j launcher; see tests/neo4j_server.py) -------------------------
# ``neo4j_uri``: $NEO4J_URI when set (checked reachable), else a server this session starts
# on a free port when java and mvn are on PATH, else skip -- but under CI (CI=true) a
# missing or unreachable Neo4j fails the tests, never skips them.


@pytest.fixture(scope="session")
def neo4j_uri(tmp_path_factory: pytest.TempPathFactory):
    import neo4j_server

    uri = os.environ.get("NEO4J_URI")
    if uri:
        try:
            neo4j_server.wait_for_bolt(uri, neo4j_server.env_auth(), timeout=15)
        except neo4j_server.Neo4jServerError as exc:
            pytest.fail(f"NEO4J_URI={uri} is set but unusable: {exc} "
                        "(start one with tests/neo4j/start.sh, or unset NEO4J_URI)")
        yield uri
        return
    reason = neo4j_server.missing_tools()
    if reason:
        if IN_CI:
            pytest.fail(f"{reason}; under CI the Neo4j tests must run")
        pytest.skip(reason)
    server = neo4j_server.Neo4jTestServer(tmp_path_factory.mktemp("neo4j"))
    try:
        uri = server.start()
    except neo4j_server.Neo4jServerError as exc:
        pytest.fail(str(exc))
    try:
        yield uri
    finally:
        server.stop()


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_uri: str):
    """One driver for the session (auth from NEO4J_USER/NEO4J_PASSWORD, else none)."""
    import neo4j
    import neo4j_server

    driver = neo4j.GraphDatabase.driver(neo4j_uri, auth=neo4j_server.env_auth())
    try:
        yield driver
    finally:
        driver.close()


@pytest.fixture
def neo4j_clean(neo4j_uri: str, neo4j_driver) -> str:
    """The URI of a Neo4j whose nodes and relationships are all deleted (schema kept).

    Deletes in batches so that the wipe after a large benchmark graph stays within the
    test server's small heap. Database: $NEO4J_DATABASE or the server default.
    """
    with neo4j_driver.session(database=os.environ.get("NEO4J_DATABASE") or None) as session:
        session.run(
            "MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
        ).consume()
    return neo4j_uri
