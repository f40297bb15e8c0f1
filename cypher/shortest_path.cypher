// shortest_path: the shortest connection between two entities, with the evidence on
// each hop.  Among several shortest paths the one whose node ids sort first is shown
// (so both stores agree); every assertion between the two nodes of a hop is listed.
//
// @param source    string        one entity id, e.g. 'org:seocho-gu'
// @param target    string        the other, e.g. 'org:gist'
// @param max_hops  int = 4       longest path to look for (at most 6: the bound below)
//
// Columns: hop (1..n), from_id, from_name, to_id, to_name (the path's direction),
//   type, source_id (the assertion's own direction), doc_id, date, evidence.
// Follows partnership, funding, program, structure and people relations; not
// LOCATED_IN (a shared region is not a connection) nor MENTIONS.  Bounded at 6 hops:
// the path length in a pattern cannot be a parameter, so $max_hops filters below it.
//
// Example (Neo4j Browser):  :params {source: 'org:seocho-gu', target: 'org:gist'}
// CLI:  partnergraph query --named shortest_path --param source=org:seocho-gu --param target=org:gist
MATCH (a:Entity {id: $source}), (b:Entity {id: $target})
WHERE a.id <> b.id
MATCH p = allShortestPaths((a)-[:MOU|PARTNERS_WITH|FUNDS|HOSTS|PARTICIPATES_IN|ORGANIZES|AFFILIATED_WITH|LEADS*..6]-(b))
WITH p
WHERE length(p) <= $max_hops
WITH p, reduce(k = '', n IN nodes(p) | k + '>' + n.id) AS key
ORDER BY key
LIMIT 1
WITH nodes(p) AS ns
UNWIND range(0, size(ns) - 2) AS i
WITH i + 1 AS hop, ns[i].id AS xid, ns[i + 1].id AS yid
MATCH (x:Entity {id: xid})-[r:MOU|PARTNERS_WITH|FUNDS|HOSTS|PARTICIPATES_IN|ORGANIZES|AFFILIATED_WITH|LEADS]-(y:Entity {id: yid})
MATCH (d:Document {id: r.doc_id})
RETURN hop, x.id AS from_id, x.name AS from_name, y.id AS to_id, y.name AS to_name,
       type(r) AS type, startNode(r).id AS source_id,
       r.doc_id AS doc_id, d.date AS date, r.evidence AS evidence
ORDER BY hop, type, source_id, doc_id, evidence
