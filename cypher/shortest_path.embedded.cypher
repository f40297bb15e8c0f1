// shortest_path (embedded dialect): see shortest_path.cypher for what it answers.
// Differs from the Neo4j text in: `* ALL SHORTEST 1..6` instead of allShortestPaths(),
// list_to_string/list_transform instead of reduce(), 1-based list indexing, label(r)
// for type(r), and the assertion's source found from its internal _SRC id (start_node(r)
// on an undirected match gives the left node, not the source).  Written with care for
// ladybug 0.22: endpoints bound by WHERE before the path (an `{id: $target}` map on a
// missing target crashed the engine), the length compared through a WITH alias (a
// direct `length(p)` in WHERE failed to bind).  @isolate: the store runs it in its
// crash-safe worker process all the same.
//
// @param source    string        one entity id, e.g. 'org:seocho-gu'
// @param target    string        the other, e.g. 'org:gist'
// @param max_hops  int = 4       longest path to look for (at most 6: the bound below)
//
// CLI:  partnergraph query --named shortest_path --param source=org:seocho-gu --param target=org:gist
MATCH (a:Entity), (b:Entity)
WHERE a.id = $source AND b.id = $target AND a.id <> b.id
WITH a, b
MATCH p = (a)-[:MOU|PARTNERS_WITH|FUNDS|HOSTS|PARTICIPATES_IN|ORGANIZES|AFFILIATED_WITH|LEADS* ALL SHORTEST 1..6]-(b)
WITH p, length(p) AS hops
WHERE hops <= $max_hops
WITH p, list_to_string('>', list_transform(nodes(p), n -> n.id)) AS key
ORDER BY key
LIMIT 1
WITH nodes(p) AS ns
UNWIND range(1, size(ns) - 1) AS i
WITH i AS hop, ns[i] AS xn, ns[i + 1] AS yn
WITH hop, xn.id AS xid, yn.id AS yid
MATCH (x:Entity {id: xid})-[r:MOU|PARTNERS_WITH|FUNDS|HOSTS|PARTICIPATES_IN|ORGANIZES|AFFILIATED_WITH|LEADS]-(y:Entity {id: yid})
MATCH (d:Document {id: r.doc_id})
RETURN hop, x.id AS from_id, x.name AS from_name, y.id AS to_id, y.name AS to_name,
       label(r) AS type,
       CASE WHEN struct_extract(r, '_SRC') = id(x) THEN x.id ELSE y.id END AS source_id,
       r.doc_id AS doc_id, d.date AS date, r.evidence AS evidence
ORDER BY hop, type, source_id, doc_id, evidence
