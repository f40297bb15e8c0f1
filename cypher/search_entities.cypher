// search_entities: entities whose name, alias, acronym or Korean name contains the
// search key, best first: whole-name matches, then name prefixes, then substrings;
// within each, the most mentioned first.
//
// @param q       string          search_key(text): partnergraph.schema.search_key
//                                 (case-folded, punctuation as spaces), e.g. 'gist'
// @param kind    string = ''     only this kind (University, Program, ...); '' for all
// @param region  string = ''     only this region; '' for all
// @param limit   int = 20        at most this many
//
// Columns: id, name, kind, aliases, region, rank (0 whole name, 1 prefix, 2 substring),
//   documents (how many documents mention it).
// Typo tolerance is the caller's (e.g. rapidfuzz over these candidates).
//
// Example (Neo4j Browser):  :params {q: 'chonnam', kind: '', region: '', limit: 20}
// CLI:  partnergraph query --named search_entities --param q=chonnam
MATCH (e:Entity)
WHERE e.search CONTAINS $q
  AND ($kind = '' OR e.kind = $kind)
  AND ($region = '' OR e.region = $region)
WITH e, CASE WHEN e.search CONTAINS ('|' + $q + '|') THEN 0
             WHEN e.search CONTAINS ('|' + $q) THEN 1
             ELSE 2 END AS rank
OPTIONAL MATCH (d:Document)-[:MENTIONS]->(e)
WITH e, rank, count(DISTINCT d.id) AS documents, size(e.name) AS name_length
RETURN e.id AS id, e.name AS name, e.kind AS kind, e.aliases AS aliases, e.region AS region,
       rank, documents
ORDER BY rank, documents DESC, name_length, id
LIMIT $limit
