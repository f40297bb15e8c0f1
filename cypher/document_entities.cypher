// document_entities: the entities a document mentions.
//
// @param id  string   the document id
//
// Columns: id, name, kind, count (mentions in the document, when the extractor counted).
//
// Example (Neo4j Browser):  :param id => '<doc id>'   then paste this file.
// CLI:  partnergraph query --named document_entities --param id=<doc id>
MATCH (d:Document {id: $id})-[m:MENTIONS]->(e:Entity)
RETURN e.id AS id, e.name AS name, e.kind AS kind, m.count AS count
ORDER BY kind, name, id
