// document_by_id: a document's metadata and how many entities and assertions it gave.
//
// @param id  string   the document id (sha256 of its normalised text)
//
// Columns: id, name, source, title, url, date, chars, extractor, ingested_at, entities.
// No row: no such document.
//
// Example (Neo4j Browser):  :param id => '<doc id>'   then paste this file.
// CLI:  partnergraph query --named document_by_id --param id=<doc id>
MATCH (d:Document {id: $id})
OPTIONAL MATCH (d)-[:MENTIONS]->(e:Entity)
RETURN d.id AS id, d.name AS name, d.source AS source, d.title AS title, d.url AS url,
       d.date AS date, d.chars AS chars, d.extractor AS extractor,
       d.ingested_at AS ingested_at, count(e) AS entities
