// document_facts: every relation a document asserts, in text order.
//
// @param id  string   the document id
//
// Columns: type, source_id, source_name, target_id, target_name, evidence, start, end,
//   confidence, amount, currency, amount_krw, amount_text, start_year, end_year, role,
//   attrs (JSON of every attribute the extractor gave).
//
// Example (Neo4j Browser):  :param id => '<doc id>'   then paste this file.
// CLI:  partnergraph query --named document_facts --param id=<doc id>
MATCH (d:Document {id: $id})-[:MENTIONS]->(a:Entity)-[r]->(b:Entity)
WHERE r.doc_id = $id
RETURN type(r) AS type, a.id AS source_id, a.name AS source_name,
       b.id AS target_id, b.name AS target_name, r.evidence AS evidence,
       r.start AS start, r.`end` AS `end`, r.confidence AS confidence,
       r.amount AS amount, r.currency AS currency, r.amount_krw AS amount_krw,
       r.amount_text AS amount_text, r.start_year AS start_year, r.end_year AS end_year,
       r.role AS role, r.attrs AS attrs
ORDER BY start, type, source_id, target_id, evidence
