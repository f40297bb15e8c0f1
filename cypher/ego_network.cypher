// ego_network: an entity and its neighbourhood as edges for a front end: the nodes
// within $depth hops (1 or 2), at most $limit of them, and every relation among them
// collapsed to one row per (source, type, target) with its weight.
//
// @param id     string         the centre entity id, e.g. 'org:gist'
// @param depth  int = 1        1 or 2 hops (the pattern is bounded at 2)
// @param limit  int = 50       at most this many neighbours (besides the centre)
//
// Columns: source_id, source_name, source_kind, type, target_id, target_name,
//   target_kind, assertions (how many), documents (how many distinct documents).
// Neighbours past $limit are cut in id order.  LOCATED_IN and MENTIONS are not
// followed (a shared region or document is not a tie).  No rows: the entity has no
// ties (or does not exist: ask entity_by_id).
//
// Example (Neo4j Browser):  :params {id: 'org:gist', depth: 2, limit: 50}
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
RETURN a.id AS source_id, a.name AS source_name, a.kind AS source_kind, type(r) AS type,
       b.id AS target_id, b.name AS target_name, b.kind AS target_kind,
       count(*) AS assertions, count(DISTINCT r.doc_id) AS documents
ORDER BY source_id, type, target_id
