// schema: the constraints and indexes the Neo4j store creates (idempotent:
// IF NOT EXISTS), one unique key per node label, name/kind/source lookups, and
// a doc_id index per relationship type so that replacing or deleting a
// document finds its assertions without scanning.
// GENERATED from partnergraph/schema.py by
//   python -m partnergraph.graph.cypher_files --write
// Edit schema.py, not this file (a test fails when this file is stale).

CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind);
CREATE INDEX entity_parent IF NOT EXISTS FOR (n:Entity) ON (n.parent);
CREATE INDEX document_source IF NOT EXISTS FOR (n:Document) ON (n.source);
CREATE TEXT INDEX entity_search_text IF NOT EXISTS FOR (n:Entity) ON (n.search);
