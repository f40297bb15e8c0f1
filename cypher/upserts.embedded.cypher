// upserts (embedded store): the statements the store runs to write one batch of documents,
// all of them in ONE transaction, so a crash never leaves half a document.
// The store runs them in this order for each batch:
//   1. find_documents / find_by_source: which documents are stored already
//      (same id: unchanged, skipped; same source, other id: changed, replaced);
//   2. delete_* for the replaced documents (see delete_document below);
//   3. read_entities, then write_entities: entities are merged in Python first
//      (stored values win, aliases are united) and written back;
//   4. write_documents, write_mentions, write_relations <TYPE>.
// Relations are CREATEd, not MERGEd: each is one document's assertion, a document
// is written at most once (its id is its content hash) and a changed one has its
// old assertions deleted first, so CREATE cannot duplicate.
// Relation properties: doc_id, evidence, start, end, confidence, extractor, amount, currency, amount_krw, amount_text, start_year, end_year, role, attrs.
// Parameters: $rows, an Arrow table whose columns are the table's properties (for
// COPY: from, to, then the properties, in the table's order); $ids, $sources.
// Without pyarrow the store falls back to UNWIND $rows statements like the Neo4j
// ones (same effect, 5-10x slower).
// Endpoints are looked up by two MATCH clauses, not one with a comma: LadybugDB
// plans the comma form as a join and writes ~40x slower.
// GENERATED from partnergraph/schema.py by
//   python -m partnergraph.graph.cypher_files --write
// Edit schema.py, not this file (a test fails when this file is stale).

// :statement find_documents
UNWIND $ids AS i
MATCH (d:Document {id: i})
RETURN d.id AS id;

// :statement find_by_source
UNWIND $sources AS s
MATCH (d:Document)
WHERE d.source = s
RETURN d.id AS id, d.source AS source;

// :statement read_entities
UNWIND $ids AS i
MATCH (e:Entity {id: i})
RETURN e.id AS id, e.name AS name, e.kind AS kind, e.aliases AS aliases, e.name_ko AS name_ko, e.ror AS ror, e.region AS region, e.parent AS parent, e.search AS search;

// :statement write_entities
LOAD FROM $rows
MERGE (e:Entity {id: id})
SET e.name = name,
    e.kind = kind,
    e.aliases = aliases,
    e.name_ko = name_ko,
    e.ror = ror,
    e.region = region,
    e.parent = parent,
    e.search = search;

// :statement write_documents
LOAD FROM $rows
MERGE (d:Document {id: id})
SET d.name = name,
    d.source = source,
    d.title = title,
    d.url = url,
    d.date = date,
    d.chars = chars,
    d.extractor = extractor,
    d.ingested_at = ingested_at;

// :statement write_mentions
LOAD FROM $rows
MATCH (d:Document {id: `from`})
MATCH (e:Entity {id: `to`})
CREATE (d)-[:MENTIONS {doc_id: doc_id, count: count}]->(e);

// :statement write_relations MOU
LOAD FROM $rows
MATCH (a:Entity {id: `from`})
MATCH (b:Entity {id: `to`})
CREATE (a)-[:MOU {doc_id: doc_id,
    evidence: evidence,
    start: start,
    `end`: `end`,
    confidence: confidence,
    extractor: extractor,
    amount: amount,
    currency: currency,
    amount_krw: amount_krw,
    amount_text: amount_text,
    start_year: start_year,
    end_year: end_year,
    role: role,
    attrs: attrs}]->(b);

// :statement write_relations PARTNERS_WITH
LOAD FROM $rows
MATCH (a:Entity {id: `from`})
MATCH (b:Entity {id: `to`})
CREATE (a)-[:PARTNERS_WITH {doc_id: doc_id,
    evidence: evidence,
    start: start,
    `end`: `end`,
    confidence: confidence,
    extractor: extractor,
    amount: amount,
    currency: currency,
    amount_krw: amount_krw,
    amount_text: amount_text,
    start_year: start_year,
    end_year: end_year,
    role: role,
    attrs: attrs}]->(b);

// :statement write_relations FUNDS
LOAD FROM $rows
MATCH (a:Entity {id: `from`})
MATCH (b:Entity {id: `to`})
CREATE (a)-[:FUNDS {doc_id: doc_id,
    evidence: evidence,
    start: start,
    `end`: `end`,
    confidence: confidence,
    extractor: extractor,
    amount: amount,
    currency: currency,
    amount_krw: amount_krw,
    amount_text: amount_text,
    start_year: start_year,
    end_year: end_year,
    role: role,
    attrs: attrs}]->(b);

// :statement write_relations HOSTS
LOAD FROM $rows
MATCH (a:Entity {id: `from`})
MATCH (b:Entity {id: `to`})
CREATE (a)-[:HOSTS {doc_id: doc_id,
    evidence: evidence,
    start: start,
    `end`: `end`,
    confidence: confidence,
    extractor: extractor,
    amount: amount,
    currency: currency,
    amount_krw: amount_krw,
    amount_text: amount_text,
    start_year: start_year,
    end_year: end_year,
    role: role,
    attrs: attrs}]->(b);

// :statement write_relations PARTICIPATES_IN
LOAD FROM $rows
MATCH (a:Entity {id: `from`})
MATCH (b:Entity {id: `to`})
CREATE (a)-[:PARTICIPATES_IN {doc_id: doc_id,
    evidence: evidence,
    start: start,
    `end`: `end`,
    confidence: confidence,
    extractor: extractor,
    amount: amount,
    currency: currency,
    amount_krw: amount_krw,
    amount_text: amount_text,
    start_year: start_year,
    end_year: end_year,
    role: role,
    attrs: attrs}]->(b);

// :statement write_relations ORGANIZES
LOAD FROM $rows
MATCH (a:Entity {id: `from`})
MATCH (b:Entity {id: `to`})
CREATE (a)-[:ORGANIZES {doc_id: doc_id,
    evidence: evidence,
    start: start,
    `end`: `end`,
    confidence: confidence,
    extractor: extractor,
    amount: amount,
    currency: currency,
    amount_krw: amount_krw,
    amount_text: amount_text,
    start_year: start_year,
    end_year: end_year,
    role: role,
    attrs: attrs}]->(b);

// :statement write_relations AFFILIATED_WITH
LOAD FROM $rows
MATCH (a:Entity {id: `from`})
MATCH (b:Entity {id: `to`})
CREATE (a)-[:AFFILIATED_WITH {doc_id: doc_id,
    evidence: evidence,
    start: start,
    `end`: `end`,
    confidence: confidence,
    extractor: extractor,
    amount: amount,
    currency: currency,
    amount_krw: amount_krw,
    amount_text: amount_text,
    start_year: start_year,
    end_year: end_year,
    role: role,
    attrs: attrs}]->(b);

// :statement write_relations LOCATED_IN
LOAD FROM $rows
MATCH (a:Entity {id: `from`})
MATCH (b:Entity {id: `to`})
CREATE (a)-[:LOCATED_IN {doc_id: doc_id,
    evidence: evidence,
    start: start,
    `end`: `end`,
    confidence: confidence,
    extractor: extractor,
    amount: amount,
    currency: currency,
    amount_krw: amount_krw,
    amount_text: amount_text,
    start_year: start_year,
    end_year: end_year,
    role: role,
    attrs: attrs}]->(b);

// :statement write_relations LEADS
LOAD FROM $rows
MATCH (a:Entity {id: `from`})
MATCH (b:Entity {id: `to`})
CREATE (a)-[:LEADS {doc_id: doc_id,
    evidence: evidence,
    start: start,
    `end`: `end`,
    confidence: confidence,
    extractor: extractor,
    amount: amount,
    currency: currency,
    amount_krw: amount_krw,
    amount_text: amount_text,
    start_year: start_year,
    end_year: end_year,
    role: role,
    attrs: attrs}]->(b);

// delete_document: the same steps remove one document (or the replaced ones):
// its mentioned entities are noted, its assertions and node deleted, and the
// noted entities that no document mentions any more are deleted too.

// :statement mentioned_by
MATCH (d:Document)-[:MENTIONS]->(e:Entity)
WHERE d.id IN $ids
RETURN DISTINCT e.id AS id;

// :statement delete_assertions MOU
UNWIND $ids AS i
MATCH (d:Document {id: i})-[:MENTIONS]->(:Entity)-[r:MOU]->(:Entity)
WHERE r.doc_id = i
DELETE r;

// :statement delete_assertions PARTNERS_WITH
UNWIND $ids AS i
MATCH (d:Document {id: i})-[:MENTIONS]->(:Entity)-[r:PARTNERS_WITH]->(:Entity)
WHERE r.doc_id = i
DELETE r;

// :statement delete_assertions FUNDS
UNWIND $ids AS i
MATCH (d:Document {id: i})-[:MENTIONS]->(:Entity)-[r:FUNDS]->(:Entity)
WHERE r.doc_id = i
DELETE r;

// :statement delete_assertions HOSTS
UNWIND $ids AS i
MATCH (d:Document {id: i})-[:MENTIONS]->(:Entity)-[r:HOSTS]->(:Entity)
WHERE r.doc_id = i
DELETE r;

// :statement delete_assertions PARTICIPATES_IN
UNWIND $ids AS i
MATCH (d:Document {id: i})-[:MENTIONS]->(:Entity)-[r:PARTICIPATES_IN]->(:Entity)
WHERE r.doc_id = i
DELETE r;

// :statement delete_assertions ORGANIZES
UNWIND $ids AS i
MATCH (d:Document {id: i})-[:MENTIONS]->(:Entity)-[r:ORGANIZES]->(:Entity)
WHERE r.doc_id = i
DELETE r;

// :statement delete_assertions AFFILIATED_WITH
UNWIND $ids AS i
MATCH (d:Document {id: i})-[:MENTIONS]->(:Entity)-[r:AFFILIATED_WITH]->(:Entity)
WHERE r.doc_id = i
DELETE r;

// :statement delete_assertions LOCATED_IN
UNWIND $ids AS i
MATCH (d:Document {id: i})-[:MENTIONS]->(:Entity)-[r:LOCATED_IN]->(:Entity)
WHERE r.doc_id = i
DELETE r;

// :statement delete_assertions LEADS
UNWIND $ids AS i
MATCH (d:Document {id: i})-[:MENTIONS]->(:Entity)-[r:LEADS]->(:Entity)
WHERE r.doc_id = i
DELETE r;

// :statement delete_documents
MATCH (d:Document)
WHERE d.id IN $ids
DETACH DELETE d;

// :statement delete_orphans
UNWIND $ids AS i
MATCH (e:Entity {id: i})
WHERE NOT EXISTS { MATCH (:Document)-[:MENTIONS]->(e) }
DETACH DELETE e;
