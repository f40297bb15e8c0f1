// find_documents: documents by id, the start of an id (8+ characters), file name or
// source (path or URL) -- for `partnergraph delete` and for people who know the file.
//
// @param text   string          an id, an id prefix, a name ('mou.txt') or a source
// @param limit  int = 10        at most this many
//
// Columns: id, name, source, title, date.
//
// Example (Neo4j Browser):  :param text => 'mou.txt'   then paste this file.
// CLI:  partnergraph query --named find_documents --param text=mou.txt
MATCH (d:Document)
WHERE d.id = $text OR d.name = $text OR d.source = $text
   OR (size($text) >= 8 AND d.id STARTS WITH $text)
RETURN d.id AS id, d.name AS name, d.source AS source, d.title AS title, d.date AS date
ORDER BY id
LIMIT $limit
