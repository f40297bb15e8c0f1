// program_members: who organises, funds, takes part in and leads a program, one row per
// assertion, with the document and sentence (and the amount for funders).
//
// @param id  string   the program's id, e.g. 'program:ai-hub'
//
// Columns: member_id, member_name, member_kind,
//   role   ORGANIZES | FUNDS | PARTICIPATES_IN | LEADS,
//   amount, currency, amount_krw, amount_text (FUNDS rows), doc_id, date, evidence,
//   confidence.
//
// Example (Neo4j Browser):  :param id => 'program:ai-hub'   then paste this file.
// CLI:  partnergraph query --named program_members --param id=program:ai-hub
MATCH (m:Entity)-[r:ORGANIZES]->(g:Entity {id: $id})
MATCH (d:Document {id: r.doc_id})
RETURN m.id AS member_id, m.name AS member_name, m.kind AS member_kind, 'ORGANIZES' AS role,
       r.amount AS amount, r.currency AS currency, r.amount_krw AS amount_krw,
       r.amount_text AS amount_text,
       r.doc_id AS doc_id, d.date AS date, r.evidence AS evidence, r.confidence AS confidence
UNION ALL
MATCH (m:Entity)-[r:FUNDS]->(g:Entity {id: $id})
MATCH (d:Document {id: r.doc_id})
RETURN m.id AS member_id, m.name AS member_name, m.kind AS member_kind, 'FUNDS' AS role,
       r.amount AS amount, r.currency AS currency, r.amount_krw AS amount_krw,
       r.amount_text AS amount_text,
       r.doc_id AS doc_id, d.date AS date, r.evidence AS evidence, r.confidence AS confidence
UNION ALL
MATCH (m:Entity)-[r:PARTICIPATES_IN]->(g:Entity {id: $id})
MATCH (d:Document {id: r.doc_id})
RETURN m.id AS member_id, m.name AS member_name, m.kind AS member_kind, 'PARTICIPATES_IN' AS role,
       r.amount AS amount, r.currency AS currency, r.amount_krw AS amount_krw,
       r.amount_text AS amount_text,
       r.doc_id AS doc_id, d.date AS date, r.evidence AS evidence, r.confidence AS confidence
UNION ALL
MATCH (m:Entity)-[r:LEADS]->(g:Entity {id: $id})
MATCH (d:Document {id: r.doc_id})
RETURN m.id AS member_id, m.name AS member_name, m.kind AS member_kind, 'LEADS' AS role,
       r.amount AS amount, r.currency AS currency, r.amount_krw AS amount_krw,
       r.amount_text AS amount_text,
       r.doc_id AS doc_id, d.date AS date, r.evidence AS evidence, r.confidence AS confidence
