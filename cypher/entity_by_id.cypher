// entity_by_id: one entity with its names, parent and how many documents mention it.
//
// @param id  string   the entity id, e.g. 'org:chonnam-national-university'
//
// Columns: id, name, kind, aliases (' | '-joined), name_ko, ror, region, parent_id,
//   parent_name, documents.  No row: no such entity (try search_entities).
//
// Example (Neo4j Browser):  :param id => 'org:gist'   then paste this file.
// CLI:  partnergraph query --named entity_by_id --param id=org:gist
MATCH (e:Entity {id: $id})
OPTIONAL MATCH (d:Document)-[:MENTIONS]->(e)
WITH e, count(DISTINCT d.id) AS documents
OPTIONAL MATCH (pe:Entity)
WHERE pe.id = e.parent
RETURN e.id AS id, e.name AS name, e.kind AS kind, e.aliases AS aliases,
       e.name_ko AS name_ko, e.ror AS ror, e.region AS region,
       e.parent AS parent_id, pe.name AS parent_name, documents
