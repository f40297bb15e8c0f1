// upserts (Neo4j): the statements the store runs to write one batch of documents,
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
// Parameters: $rows (a list of maps with the keys used below; null values are left
// out, since a missing key reads as null), $ids, $sources.
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

// :statement write_entities University
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e:University, e.name = row.name,
    e.kind = row.kind,
    e.aliases = row.aliases,
    e.name_ko = row.name_ko,
    e.ror = row.ror,
    e.region = row.region,
    e.parent = row.parent,
    e.search = row.search;

// :statement write_entities Hospital
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e:Hospital, e.name = row.name,
    e.kind = row.kind,
    e.aliases = row.aliases,
    e.name_ko = row.name_ko,
    e.ror = row.ror,
    e.region = row.region,
    e.parent = row.parent,
    e.search = row.search;

// :statement write_entities Ministry
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e:Ministry, e.name = row.name,
    e.kind = row.kind,
    e.aliases = row.aliases,
    e.name_ko = row.name_ko,
    e.ror = row.ror,
    e.region = row.region,
    e.parent = row.parent,
    e.search = row.search;

// :statement write_entities Agency
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e:Agency, e.name = row.name,
    e.kind = row.kind,
    e.aliases = row.aliases,
    e.name_ko = row.name_ko,
    e.ror = row.ror,
    e.region = row.region,
    e.parent = row.parent,
    e.search = row.search;

// :statement write_entities LocalGovernment
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e:LocalGovernment, e.name = row.name,
    e.kind = row.kind,
    e.aliases = row.aliases,
    e.name_ko = row.name_ko,
    e.ror = row.ror,
    e.region = row.region,
    e.parent = row.parent,
    e.search = row.search;

// :statement write_entities Company
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e:Company, e.name = row.name,
    e.kind = row.kind,
    e.aliases = row.aliases,
    e.name_ko = row.name_ko,
    e.ror = row.ror,
    e.region = row.region,
    e.parent = row.parent,
    e.search = row.search;

// :statement write_entities Institute
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e:Institute, e.name = row.name,
    e.kind = row.kind,
    e.aliases = row.aliases,
    e.name_ko = row.name_ko,
    e.ror = row.ror,
    e.region = row.region,
    e.parent = row.parent,
    e.search = row.search;

// :statement write_entities Program
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e:Program, e.name = row.name,
    e.kind = row.kind,
    e.aliases = row.aliases,
    e.name_ko = row.name_ko,
    e.ror = row.ror,
    e.region = row.region,
    e.parent = row.parent,
    e.search = row.search;

// :statement write_entities Region
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e:Region, e.name = row.name,
    e.kind = row.kind,
    e.aliases = row.aliases,
    e.name_ko = row.name_ko,
    e.ror = row.ror,
    e.region = row.region,
    e.parent = row.parent,
    e.search = row.search;

// :statement write_entities Person
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e:Person, e.name = row.name,
    e.kind = row.kind,
    e.aliases = row.aliases,
    e.name_ko = row.name_ko,
    e.ror = row.ror,
    e.region = row.region,
    e.parent = row.parent,
    e.search = row.search;

// :statement write_entities (other kinds)
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e.name = row.name,
    e.kind = row.kind,
    e.aliases = row.aliases,
    e.name_ko = row.name_ko,
    e.ror = row.ror,
    e.region = row.region,
    e.parent = row.parent,
    e.search = row.search;

// :statement write_documents
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.name = row.name,
    d.source = row.source,
    d.title = row.title,
    d.url = row.url,
    d.date = row.date,
    d.chars = row.chars,
    d.extractor = row.extractor,
    d.ingested_at = row.ingested_at;

// :statement write_mentions
UNWIND $rows AS row
MATCH (d:Document {id: row.doc_id})
MATCH (e:Entity {id: row.entity_id})
CREATE (d)-[:MENTIONS {doc_id: row.doc_id,
    count: row.count}]->(e);

// :statement write_relations MOU
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
CREATE (a)-[:MOU {doc_id: row.doc_id,
    evidence: row.evidence,
    start: row.start,
    `end`: row.`end`,
    confidence: row.confidence,
    extractor: row.extractor,
    amount: row.amount,
    currency: row.currency,
    amount_krw: row.amount_krw,
    amount_text: row.amount_text,
    start_year: row.start_year,
    end_year: row.end_year,
    role: row.role,
    attrs: row.attrs}]->(b);

// :statement write_relations PARTNERS_WITH
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
CREATE (a)-[:PARTNERS_WITH {doc_id: row.doc_id,
    evidence: row.evidence,
    start: row.start,
    `end`: row.`end`,
    confidence: row.confidence,
    extractor: row.extractor,
    amount: row.amount,
    currency: row.currency,
    amount_krw: row.amount_krw,
    amount_text: row.amount_text,
    start_year: row.start_year,
    end_year: row.end_year,
    role: row.role,
    attrs: row.attrs}]->(b);

// :statement write_relations FUNDS
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
CREATE (a)-[:FUNDS {doc_id: row.doc_id,
    evidence: row.evidence,
    start: row.start,
    `end`: row.`end`,
    confidence: row.confidence,
    extractor: row.extractor,
    amount: row.amount,
    currency: row.currency,
    amount_krw: row.amount_krw,
    amount_text: row.amount_text,
    start_year: row.start_year,
    end_year: row.end_year,
    role: row.role,
    attrs: row.attrs}]->(b);

// :statement write_relations HOSTS
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
CREATE (a)-[:HOSTS {doc_id: row.doc_id,
    evidence: row.evidence,
    start: row.start,
    `end`: row.`end`,
    confidence: row.confidence,
    extractor: row.extractor,
    amount: row.amount,
    currency: row.currency,
    amount_krw: row.amount_krw,
    amount_text: row.amount_text,
    start_year: row.start_year,
    end_year: row.end_year,
    role: row.role,
    attrs: row.attrs}]->(b);

// :statement write_relations PARTICIPATES_IN
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
CREATE (a)-[:PARTICIPATES_IN {doc_id: row.doc_id,
    evidence: row.evidence,
    start: row.start,
    `end`: row.`end`,
    confidence: row.confidence,
    extractor: row.extractor,
    amount: row.amount,
    currency: row.currency,
    amount_krw: row.amount_krw,
    amount_text: row.amount_text,
    start_year: row.start_year,
    end_year: row.end_year,
    role: row.role,
    attrs: row.attrs}]->(b);

// :statement write_relations ORGANIZES
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
CREATE (a)-[:ORGANIZES {doc_id: row.doc_id,
    evidence: row.evidence,
    start: row.start,
    `end`: row.`end`,
    confidence: row.confidence,
    extractor: row.extractor,
    amount: row.amount,
    currency: row.currency,
    amount_krw: row.amount_krw,
    amount_text: row.amount_text,
    start_year: row.start_year,
    end_year: row.end_year,
    role: row.role,
    attrs: row.attrs}]->(b);

// :statement write_relations AFFILIATED_WITH
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
CREATE (a)-[:AFFILIATED_WITH {doc_id: row.doc_id,
    evidence: row.evidence,
    start: row.start,
    `end`: row.`end`,
    confidence: row.confidence,
    extractor: row.extractor,
    amount: row.amount,
    currency: row.currency,
    amount_krw: row.amount_krw,
    amount_text: row.amount_text,
    start_year: row.start_year,
    end_year: row.end_year,
    role: row.role,
    attrs: row.attrs}]->(b);

// :statement write_relations LOCATED_IN
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
CREATE (a)-[:LOCATED_IN {doc_id: row.doc_id,
    evidence: row.evidence,
    start: row.start,
    `end`: row.`end`,
    confidence: row.confidence,
    extractor: row.extractor,
    amount: row.amount,
    currency: row.currency,
    amount_krw: row.amount_krw,
    amount_text: row.amount_text,
    start_year: row.start_year,
    end_year: row.end_year,
    role: row.role,
    attrs: row.attrs}]->(b);

// :statement write_relations LEADS
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
CREATE (a)-[:LEADS {doc_id: row.doc_id,
    evidence: row.evidence,
    start: row.start,
    `end`: row.`end`,
    confidence: row.confidence,
    extractor: row.extractor,
    amount: row.amount,
    currency: row.currency,
    amount_krw: row.amount_krw,
    amount_text: row.amount_text,
    start_year: row.start_year,
    end_year: row.end_year,
    role: row.role,
    attrs: row.attrs}]->(b);

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
