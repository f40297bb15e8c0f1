// documents_for_relation (embedded dialect): see documents_for_relation.cypher.
// Differs only in label(r) for type(r).
//
// @param source  string          one entity id, e.g. 'org:gist'
// @param target  string          the other, e.g. 'org:chonnam-national-university'
// @param type    string = ''     a relation type (MOU, FUNDS, ...); '' for every type
//
// CLI:  partnergraph query --named documents_for_relation --param source=org:gist --param target=org:chonnam-national-university
MATCH (a:Entity {id: $source})-[r]->(b:Entity {id: $target})
WHERE $type = '' OR label(r) = $type
MATCH (d:Document {id: r.doc_id})
RETURN label(r) AS type, a.id AS source_id, b.id AS target_id, d.id AS doc_id,
       d.title AS title, d.url AS url, d.date AS date, r.evidence AS evidence,
       r.start AS start, r.`end` AS `end`, r.confidence AS confidence, r.extractor AS extractor
UNION ALL
MATCH (b:Entity {id: $target})-[r]->(a:Entity {id: $source})
WHERE a.id <> b.id AND ($type = '' OR label(r) = $type)
MATCH (d:Document {id: r.doc_id})
RETURN label(r) AS type, b.id AS source_id, a.id AS target_id, d.id AS doc_id,
       d.title AS title, d.url AS url, d.date AS date, r.evidence AS evidence,
       r.start AS start, r.`end` AS `end`, r.confidence AS confidence, r.extractor AS extractor
