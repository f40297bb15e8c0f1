// partner_ties: the assertions behind an entity's partners -- MOU, PARTNERS_WITH and
// taking part in (or organising) the same program -- without the documents' metadata.
// It is partners.cypher less the join to each Document: the API's fast path (it knows
// every document's title and date already), half the time on a large embedded graph.
//
// @param id  string   the entity id, e.g. 'org:gist'
//
// Columns: partner_id, partner_name, partner_kind,
//   relation   MOU | PARTNERS_WITH | CO_PARTICIPANT,
//   via_id, via_name   the shared program (CO_PARTICIPANT rows only),
//   doc_id, evidence, confidence   the assertion and the document that states it.
// Symmetric relations are matched in both directions; one row per assertion.
//
// Example (Neo4j Browser):  :param id => 'org:gist'   then paste this file.
// CLI:  partnergraph query --named partner_ties --param id=org:gist
MATCH (e:Entity {id: $id})-[r:MOU]-(p:Entity)
RETURN p.id AS partner_id, p.name AS partner_name, p.kind AS partner_kind,
       'MOU' AS relation,
       CASE WHEN false THEN '' END AS via_id, CASE WHEN false THEN '' END AS via_name,
       r.doc_id AS doc_id, r.evidence AS evidence, r.confidence AS confidence
UNION ALL
MATCH (e:Entity {id: $id})-[r:PARTNERS_WITH]-(p:Entity)
RETURN p.id AS partner_id, p.name AS partner_name, p.kind AS partner_kind,
       'PARTNERS_WITH' AS relation,
       CASE WHEN false THEN '' END AS via_id, CASE WHEN false THEN '' END AS via_name,
       r.doc_id AS doc_id, r.evidence AS evidence, r.confidence AS confidence
UNION ALL
MATCH (e:Entity {id: $id})-[:PARTICIPATES_IN|ORGANIZES]->(g:Entity)<-[r:PARTICIPATES_IN|ORGANIZES]-(p:Entity)
WHERE p.id <> e.id
RETURN DISTINCT p.id AS partner_id, p.name AS partner_name, p.kind AS partner_kind,
       'CO_PARTICIPANT' AS relation, g.id AS via_id, g.name AS via_name,
       r.doc_id AS doc_id, r.evidence AS evidence, r.confidence AS confidence
