"""The Cypher files and the read-only guard: no store needed.

Why: the guard is the first wall in front of researchers' Cypher (the engines' read-only
modes are the second), named queries must only ever take values as parameters, and the
generated schema/upsert files must say exactly what the stores run.
"""
from __future__ import annotations

import re

import pytest

from partnergraph.graph import cypher_files as cf
from partnergraph.graph.readonly import check_read_only, strip_cypher
from partnergraph.graph.store import QueryError, WriteRefused
from partnergraph.paths import CYPHER_DIR

READS = [
    "MATCH (n:Entity) RETURN n.id LIMIT 5",
    "MATCH (n) WHERE n.name = 'CREATE something' RETURN n",
    'MATCH (n) WHERE n.name = "DELETE \\" me" RETURN n',
    "MATCH (n) RETURN n.start AS start, n.`set` AS s",
    "MATCH (n:Set) RETURN n.delete, n.merge",
    "MATCH (n) RETURN n // DELETE n",
    "MATCH (n) /* SET n.x = 1 */ RETURN n",
    "MATCH (n) RETURN n;",
    "CALL db.labels() YIELD label RETURN label",
    "CALL db.relationshipTypes()",
    "CALL show_tables() RETURN *",
    "MATCH (n) CALL { WITH n MATCH (n)--(m) RETURN count(m) AS c } RETURN n, c",
    "MATCH (n) WHERE n.id = $create RETURN n",
    "EXPLAIN MATCH (n) RETURN n",
    "MATCH (n) WHERE n.name STARTS WITH 'x' RETURN n",
]

WRITES = [
    "CREATE (n:Entity {id: 'x'})",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n) SET n.name = 'x'",
    "MATCH (n) REMOVE n.name",
    "MERGE (n:Entity {id: 'x'})",
    "match (n) delete n",
    "MATCH (n) /* hide */ DELETE n",
    "MATCH (n) RETURN n; MATCH (m) DELETE m",
    "MATCH (n) RETURN n; RETURN 1",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "LOAD FROM '/etc/passwd' RETURN *",
    "COPY Entity FROM 'x.csv'",
    "COPY (MATCH (n) RETURN n) TO '/tmp/out.csv'",
    "CALL apoc.load.json('http://example.org') YIELD value RETURN value",
    "CALL dbms.killQueries(['x'])",
    "CALL db.createLabel('X')",
    "CALL threads=4",
    "CALL `db`.`labels`()",
    "DROP TABLE Entity",
    "ALTER TABLE Entity ADD x STRING",
    "INSTALL httpfs",
    "ATTACH 'other.lbug' AS o",
    "USE system SHOW USERS",
    "STOP DATABASE neo4j",
    "TERMINATE TRANSACTIONS 'x'",
    "BEGIN TRANSACTION",
    "FOREACH (x IN [1] | CREATE (:X))",
    "MATCH (n) WITH n CALL { WITH n SET n.x = 1 } RETURN n",
    "EXPORT DATABASE '/tmp/x'",
    "MATCH (n) RETURN n /* ; */ ; DELETE n",
]


@pytest.mark.parametrize("query", READS)
def test_guard_lets_reads_through(query: str) -> None:
    check_read_only(query)


@pytest.mark.parametrize("query", WRITES)
def test_guard_refuses_writes_and_escapes(query: str) -> None:
    with pytest.raises(WriteRefused):
        check_read_only(query)


@pytest.mark.parametrize("query", ["MATCH (n) RETURN 'unterminated", "MATCH (n) /* RETURN n",
                                   "MATCH (n) RETURN n.`x", "", "   ", "// only a comment"])
def test_guard_refuses_what_parsers_could_disagree_on(query: str) -> None:
    with pytest.raises(QueryError):
        check_read_only(query)


def test_strip_blanks_literals_names_and_comments() -> None:
    out = strip_cypher("MATCH (n) // c\nWHERE n.x = 'a;b' AND n.`y;z` = $p /* k */ RETURN n")
    assert ";" not in out and "c\n" not in out and "k" not in out.split("RETURN")[0].split("$p")[1]


# --- named queries -------------------------------------------------------------------------

NAMES = cf.named_query_names()


def test_the_named_queries_the_api_needs_exist() -> None:
    for name in ["partners", "partner_ties", "funding_in", "funding_out", "program_members", "shortest_path",
                 "ego_network", "top_funders", "documents_for_relation", "entity_by_id",
                 "search_entities", "entity_children", "document_by_id", "document_facts",
                 "document_entities", "find_documents"]:
        assert name in NAMES


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("dialect", cf.DIALECTS)
def test_named_query_files_are_documented_and_parameterised(name: str, dialect: str) -> None:
    q = cf.named_query(name, dialect)
    header = [ln for ln in q.text.splitlines() if ln.startswith("//")]
    body = "\n".join(ln for ln in q.text.splitlines() if not ln.startswith("//"))
    assert header and header[0].startswith(f"// {name}"), "first line names the query"
    assert any("CLI:" in ln or "Example" in ln for ln in header), "header has an example"
    used = set(re.findall(r"\$(\w+)", body))
    assert used == set(q.params), f"declared {sorted(q.params)} but uses {sorted(used)}"
    check_read_only(body)      # named queries only read
    assert "*]" not in body and not re.search(r"\*\s*\]", body), "no unbounded variable-length pattern"


def test_overrides_have_a_base_file() -> None:
    for p in CYPHER_DIR.glob("*.embedded.cypher"):
        assert (CYPHER_DIR / p.name.replace(".embedded", "")).is_file()


def test_bind_checks_names_types_and_fills_defaults() -> None:
    q = cf.named_query("search_entities", "neo4j")
    assert cf.bind(q, {"q": "gist"}) == {"q": "gist", "kind": "", "region": "", "limit": 20}
    assert cf.bind(q, {"q": "gist", "limit": "5"})["limit"] == 5
    with pytest.raises(QueryError, match="no parameter"):
        cf.bind(q, {"q": "gist", "evil": "x"})
    with pytest.raises(QueryError, match="needs the parameter 'q'"):
        cf.bind(q, {})
    with pytest.raises(QueryError, match="must be a int"):
        cf.bind(q, {"q": "x", "limit": "5; DROP"})
    with pytest.raises(QueryError, match="must be a string"):
        cf.bind(q, {"q": {"nested": 1}})


@pytest.mark.parametrize("name", ["../schema", "schema", "upserts", "nope", "Partners", ""])
def test_unknown_or_reserved_names_are_refused(name: str) -> None:
    with pytest.raises(QueryError, match="unknown named query"):
        cf.named_query(name, "neo4j")


def test_generated_files_are_current() -> None:
    for fname, content in cf.generated_files().items():
        assert (CYPHER_DIR / fname).read_text(encoding="utf-8") == content, (
            f"cypher/{fname} is stale: run python -m partnergraph.graph.cypher_files --write")
