"""Property-based tests of the API from its own OpenAPI schema (schemathesis): requests
generated from the schema -- valid ones, then invalid ones -- never get a 500, and every
answer matches what the schema documents (status code, content type, body).

Why not ``@schema.parametrize()`` with ``schemathesis.pytest.from_fixture``: with
pytest 9 that lazy loader fails (it sets ``node._nodeid``), and an eager loader would
ingest the seeds at collection time.  So each operation gets a plain Hypothesis test
over ``operation.as_strategy()``, which is what ``parametrize`` does underneath.
"""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from partnergraph.api import Settings, create_app
from test_api_support import read_documents, seed_embedded

pytestmark = pytest.mark.shared

EXAMPLES = 20      # per operation and mode: the whole file stays well under a minute here

OPERATIONS = [
    ("GET", "/entities"), ("GET", "/entities/{id}"), ("GET", "/entities/{id}/partners"),
    ("GET", "/entities/{id}/funding"), ("GET", "/programs/{id}"), ("GET", "/paths"),
    ("GET", "/subgraph"), ("GET", "/documents/{id}"), ("POST", "/cypher"), ("GET", "/stats"),
    ("GET", "/health"), ("GET", "/analysis/centrality"), ("GET", "/analysis/communities"),
    ("GET", "/export/graphml"), ("GET", "/export/gexf"),
]

NO_INPUT = {"/stats", "/health"}


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory, seeds_dir):
    seeded = seed_embedded(tmp_path_factory.mktemp("schema") / "graph.lbug", read_documents([seeds_dir]))
    app = create_app(seeded.store, Settings(store=seeded.uri, cypher_timeout_s=2.0, index_ttl_s=60))
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    seeded.store.close()


def test_every_operation_is_exercised(api_schema):
    found = {(op.ok().method.upper(), op.ok().path) for op in api_schema.get_all_operations()}
    assert found == set(OPERATIONS)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
                         ids=["valid", "invalid"])
@pytest.mark.parametrize("method, path", OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_operation_matches_its_schema_and_never_fails(api_schema, method, path, mode):
    operation = api_schema[path][method]
    if mode == GenerationMode.NEGATIVE and path in NO_INPUT:
        pytest.skip(f"{method} {path} takes no input, so no request to it is invalid")
    # Any string is a schema-valid query, but not every string is Cypher: for /cypher a
    # 400 with the engine's message is the right answer to valid-looking nonsense.
    excluded = [positive_data_acceptance] if path == "/cypher" else []

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(generation_mode=mode))
    def check(case):
        case.call_and_validate(excluded_checks=excluded)

    check()
