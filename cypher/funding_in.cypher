// funding_in: money and support flowing INTO an entity or program, one row per
// assertion (counterpart = the funder), with amounts as stated and normalised.
//
// @param id  string   the recipient's id, e.g. 'program:ai-hub'
//
// Columns: counterpart_id, counterpart_name, counterpart_kind, amount, currency,
//   amount_krw (when the currency is KRW), amount_text (as written), start_year,
//   end_year, doc_id, date, evidence, confidence.
// Totals: sum per currency; the same grant reported by two documents appears twice,
// so count a (counterpart, amount, currency, start_year) once when summing.
//
// Example (Neo4j Browser):  :param id => 'program:ai-hub'   then paste this file.
// CLI:  partnergraph query --named funding_in --param id=program:ai-hub
MATCH (f:Entity)-[r:FUNDS]->(e:Entity {id: $id})
MATCH (d:Document {id: r.doc_id})
RETURN f.id AS counterpart_id, f.name AS counterpart_name, f.kind AS counterpart_kind,
       r.amount AS amount, r.currency AS currency, r.amount_krw AS amount_krw,
       r.amount_text AS amount_text, r.start_year AS start_year, r.end_year AS end_year,
       r.doc_id AS doc_id, d.date AS date, r.evidence AS evidence, r.confidence AS confidence
ORDER BY counterpart_id, doc_id, evidence
