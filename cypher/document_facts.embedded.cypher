// document_facts (embedded dialect): see document_facts.cypher.
// Differs only in label(r) for type(r).
//
// @param id  string   the document id
//
// CLI:  partnergraph query --named document_facts --param id=<doc id>
MATCH (d:Document {id: $id})-[:MENTIONS]->(a:Entity)-[r]->(b:Entity)
WHERE r.doc_id = $id
RETURN label(r) AS type, a.id AS source_id, a.name AS source_name,
       b.id AS target_id, b.name AS target_name, r.evidence AS evidence,
       r.start AS start, r.`end` AS `end`, r.confidence AS confidence,
       r.amount AS amount, r.currency AS currency, r.amount_krw AS amount_krw,
       r.amount_text AS amount_text, r.start_year AS start_year, r.end_year AS end_year,
       r.role AS role, r.attrs AS attrs
ORDER BY start, type, source_id, target_id, evidence
