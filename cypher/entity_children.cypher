// entity_children: the units of an organisation (colleges, hospitals, institutes):
// entities whose parent it is, and entities asserted AFFILIATED_WITH it.
//
// @param id  string   the parent's id, e.g. 'org:chonnam-national-university'
//
// Columns: id, name, kind, via ('parent' | 'AFFILIATED_WITH'); one row per child and way.
//
// Example (Neo4j Browser):  :param id => 'org:chonnam-national-university'
// CLI:  partnergraph query --named entity_children --param id=org:chonnam-national-university
MATCH (c:Entity)
WHERE c.parent = $id
RETURN c.id AS id, c.name AS name, c.kind AS kind, 'parent' AS via
UNION
MATCH (c:Entity)-[:AFFILIATED_WITH]->(e:Entity {id: $id})
RETURN c.id AS id, c.name AS name, c.kind AS kind, 'AFFILIATED_WITH' AS via
