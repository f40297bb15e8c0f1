// funding_out: money and support flowing OUT of an entity, one row per assertion
// (counterpart = the recipient: an organisation or a program).
//
// @param id  string   the funder's id, e.g. 'org:seocho-gu'
//
// Columns: counterpart_id, counterpart_name, counterpart_kind, amount, currency,
//   amount_krw, amount_text, start_year, end_year, doc_id, date, evidence, confidence.
// Totals: as in funding_in (count a repeated report of one grant once).
//
// Example (Neo4j Browser):  :param id => 'org:seocho-gu'   then paste this file.
// CLI:  partnergraph query --named funding_out --param id=org:seocho-gu
MATCH (e:Entity {id: $id})-[r:FUNDS]->(t:Entity)
MATCH (d:Document {id: r.doc_id})
RETURN t.id AS counterpart_id, t.name AS counterpart_name, t.kind AS counterpart_kind,
       r.amount AS amount, r.currency AS currency, r.amount_krw AS amount_krw,
       r.amount_text AS amount_text, r.start_year AS start_year, r.end_year AS end_year,
       r.doc_id AS doc_id, d.date AS date, r.evidence AS evidence, r.confidence AS confidence
ORDER BY counterpart_id, doc_id, evidence
