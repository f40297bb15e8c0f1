// partners: who works with an entity -- signed an MOU, partners with it, or takes part
// in (or organises) the same program -- one row per supporting assertion, each with the
// document and the sentence behind it.
//
// @param id  string   the entity id, e.g. 'org:gist'
//
// Columns: partner_id, partner_name, partner_kind,
//   relation   MOU | PARTNERS_WITH | CO_PARTICIPANT,
//   via_id, via_name   the shared program (CO_PARTICIPANT rows only),
//   doc_id, date, evidence, confidence   the partner's assertion and its document.
// Symmetric relations are matched in both directions.  The same fact reported by two
// documents is two rows: group by partner and count documents to rank.
// (`CASE WHEN false THEN '' END` is a null typed as a string: the embedded store types
// the columns of a UNION from its first part.)
//
// Example (Neo4j Browser):  :param id => 'org:gist'   then paste this file.
// CLI:  partnergraph query --named partners --param id=org:gist
MATCH (e:Entity {id: $id})-[r:MOU]-(p:Entity)
MATCH (d:Document {id: r.doc_id})
RETURN p.id AS partner_id, p.name AS partner_name, p.kind AS partner_kind,
       'MOU' AS relation,
       CASE WHEN false THEN '' END AS via_id, CASE WHEN false THEN '' END AS via_name,
       r.doc_id AS doc_id, d.date AS date, r.evidence AS evidence, r.confidence AS confidence
UNION ALL
MATCH (e:Entity {id: $id})-[r:PARTNERS_WITH]-(p:Entity)
MATCH (d:Document {id: r.doc_id})
RETURN p.id AS partner_id, p.name AS partner_name, p.kind AS partner_kind,
       'PARTNERS_WITH' AS relation,
       CASE WHEN false THEN '' END AS via_id, CASE WHEN false THEN '' END AS via_name,
       r.doc_id AS doc_id, d.date AS date, r.evidence AS evidence, r.confidence AS confidence
UNION ALL
MATCH (e:Entity {id: $id})-[:PARTICIPATES_IN|ORGANIZES]->(g:Entity)<-[r:PARTICIPATES_IN|ORGANIZES]-(p:Entity)
WHERE p.id <> e.id
MATCH (d:Document {id: r.doc_id})
RETURN DISTINCT p.id AS partner_id, p.name AS partner_name, p.kind AS partner_kind,
       'CO_PARTICIPANT' AS relation, g.id AS via_id, g.name AS via_name,
       r.doc_id AS doc_id, d.date AS date, r.evidence AS evidence, r.confidence AS confidence
