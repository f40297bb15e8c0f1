// ego_network (embedded dialect): see ego_network.cypher for what it answers.
// Differs only in label(r) for type(r).
//
// @param id     string         the centre entity id, e.g. 'org:gist'
// @param depth  int = 1        1 or 2 hops (the pattern is bounded at 2)
// @param limit  int = 50       at most this many neighbours (besides the centre)
//
// CLI:  partnergraph query --named ego_network --param id=org:gist --param depth=2
MATCH (c:Entity {id: $id})-[:MOU|PARTNERS_WITH|FUNDS|HOSTS|PARTICIPATES_IN|ORGANIZES|AFFILIATED_WITH|LEADS*1..2]-(n:Entity)
WITH DISTINCT c, n
WHERE n.id <> c.id
  AND ($depth >= 2 OR EXISTS { MATCH (c)-[:MOU|PARTNERS_WITH|FUNDS|HOSTS|PARTICIPATES_IN|ORGANIZES|AFFILIATED_WITH|LEADS]-(n) })
WITH c, n
ORDER BY n.id
LIMIT $limit
WITH c, collect(n.id) + [c.id] AS ids
MATCH (a:Entity)-[r:MOU|PARTNERS_WITH|FUNDS|HOSTS|PARTICIPATES_IN|ORGANIZES|AFFILIATED_WITH|LEADS]->(b:Entity)
WHERE a.id IN ids AND b.id IN ids
RETURN a.id AS source_id, a.name AS source_name, a.kind AS source_kind, label(r) AS type,
       b.id AS target_id, b.name AS target_name, b.kind AS target_kind,
       count(*) AS assertions, count(DISTINCT r.doc_id) AS documents
ORDER BY source_id, type, target_id
