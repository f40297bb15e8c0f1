// documents_for_relation: the documents behind a relation between two entities (either
// direction), with each assertion's sentence and offsets.
//
// @param source  string          one entity id, e.g. 'org:gist'
// @param target  string          the other, e.g. 'org:chonnam-national-university'
// @param type    string = ''     a relation type (MOU, FUNDS, ...); '' for every type
//
// Columns: type, source_id, target_id (the assertion's own direction), doc_id, title,
//   url, date, evidence, start, end (offsets of the sentence in the document's text),
//   confidence, extractor.
//
// Example (Neo4j Browser):  :params {source: 'org:gist', target: 'org:chonnam-national-university', type: 'MOU'}
// CLI:  partnergraph query --named documents_for_relation --param source=org:gist --param target=org:chonnam-national-university --param type=MOU
MATCH (a:Entity {id: $source})-[r]->(b:Entity {id: $target})
WHERE $type = '' OR type(r) = $type
MATCH (d:Document {id: r.doc_id})
RETURN type(r) AS type, a.id AS source_id, b.id AS target_id, d.id AS doc_id,
       d.title AS title, d.url AS url, d.date AS date, r.evidence AS evidence,
       r.start AS start, r.`end` AS `end`, r.confidence AS confidence, r.extractor AS extractor
UNION ALL
MATCH (b:Entity {id: $target})-[r]->(a:Entity {id: $source})
WHERE a.id <> b.id AND ($type = '' OR type(r) = $type)
MATCH (d:Document {id: r.doc_id})
RETURN type(r) AS type, b.id AS source_id, a.id AS target_id, d.id AS doc_id,
       d.title AS title, d.url AS url, d.date AS date, r.evidence AS evidence,
       r.start AS start, r.`end` AS `end`, r.confidence AS confidence, r.extractor AS extractor
