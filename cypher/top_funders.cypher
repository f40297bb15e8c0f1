// top_funders: who funds the most recipients, with the total in KRW.
//
// @param limit  int = 20       how many funders
//
// Columns: funder_id, funder_name, funder_kind, recipients (distinct organisations and
//   programs funded), grants (distinct recipient/amount/currency/start year: a grant
//   reported by several documents counts once), total_krw (sum of the grants' KRW
//   amounts; grants in other currencies or without an amount add 0), documents.
//
// Example (Neo4j Browser):  :param limit => 10   then paste this file.
// CLI:  partnergraph query --named top_funders --param limit=10
MATCH (f:Entity)-[r:FUNDS]->(t:Entity)
WITH f, count(DISTINCT r.doc_id) AS documents
MATCH (f)-[r:FUNDS]->(t:Entity)
WITH DISTINCT f, documents, t, r.currency AS currency, r.amount AS amount,
     r.amount_krw AS amount_krw, r.start_year AS start_year
WITH f, documents, count(DISTINCT t) AS recipients, count(*) AS grants,
     sum(coalesce(amount_krw, 0)) AS total_krw
RETURN f.id AS funder_id, f.name AS funder_name, f.kind AS funder_kind,
       recipients, grants, total_krw, documents
ORDER BY recipients DESC, total_krw DESC, funder_id
LIMIT $limit
