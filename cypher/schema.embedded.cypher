// schema (embedded store): the node and relationship tables the embedded store
// creates.  LadybugDB has no secondary indexes: lookups by id use the
// primary key; name search scans Entity.search, which is fast at this size.
// GENERATED from partnergraph/schema.py by
//   python -m partnergraph.graph.cypher_files --write
// Edit schema.py, not this file (a test fails when this file is stale).

CREATE NODE TABLE IF NOT EXISTS Entity(id STRING, name STRING, kind STRING, aliases STRING, name_ko STRING, ror STRING, region STRING, parent STRING, search STRING, PRIMARY KEY(id));
CREATE NODE TABLE IF NOT EXISTS Document(id STRING, name STRING, source STRING, title STRING, url STRING, date STRING, chars INT64, extractor STRING, ingested_at STRING, PRIMARY KEY(id));
CREATE REL TABLE IF NOT EXISTS MENTIONS(FROM Document TO Entity, doc_id STRING, count INT64);
CREATE REL TABLE IF NOT EXISTS MOU(FROM Entity TO Entity, doc_id STRING, evidence STRING, start INT64, `end` INT64, confidence DOUBLE, extractor STRING, amount INT64, currency STRING, amount_krw INT64, amount_text STRING, start_year INT64, end_year INT64, role STRING, attrs STRING);
CREATE REL TABLE IF NOT EXISTS PARTNERS_WITH(FROM Entity TO Entity, doc_id STRING, evidence STRING, start INT64, `end` INT64, confidence DOUBLE, extractor STRING, amount INT64, currency STRING, amount_krw INT64, amount_text STRING, start_year INT64, end_year INT64, role STRING, attrs STRING);
CREATE REL TABLE IF NOT EXISTS FUNDS(FROM Entity TO Entity, doc_id STRING, evidence STRING, start INT64, `end` INT64, confidence DOUBLE, extractor STRING, amount INT64, currency STRING, amount_krw INT64, amount_text STRING, start_year INT64, end_year INT64, role STRING, attrs STRING);
CREATE REL TABLE IF NOT EXISTS HOSTS(FROM Entity TO Entity, doc_id STRING, evidence STRING, start INT64, `end` INT64, confidence DOUBLE, extractor STRING, amount INT64, currency STRING, amount_krw INT64, amount_text STRING, start_year INT64, end_year INT64, role STRING, attrs STRING);
CREATE REL TABLE IF NOT EXISTS PARTICIPATES_IN(FROM Entity TO Entity, doc_id STRING, evidence STRING, start INT64, `end` INT64, confidence DOUBLE, extractor STRING, amount INT64, currency STRING, amount_krw INT64, amount_text STRING, start_year INT64, end_year INT64, role STRING, attrs STRING);
CREATE REL TABLE IF NOT EXISTS ORGANIZES(FROM Entity TO Entity, doc_id STRING, evidence STRING, start INT64, `end` INT64, confidence DOUBLE, extractor STRING, amount INT64, currency STRING, amount_krw INT64, amount_text STRING, start_year INT64, end_year INT64, role STRING, attrs STRING);
CREATE REL TABLE IF NOT EXISTS AFFILIATED_WITH(FROM Entity TO Entity, doc_id STRING, evidence STRING, start INT64, `end` INT64, confidence DOUBLE, extractor STRING, amount INT64, currency STRING, amount_krw INT64, amount_text STRING, start_year INT64, end_year INT64, role STRING, attrs STRING);
CREATE REL TABLE IF NOT EXISTS LOCATED_IN(FROM Entity TO Entity, doc_id STRING, evidence STRING, start INT64, `end` INT64, confidence DOUBLE, extractor STRING, amount INT64, currency STRING, amount_krw INT64, amount_text STRING, start_year INT64, end_year INT64, role STRING, attrs STRING);
CREATE REL TABLE IF NOT EXISTS LEADS(FROM Entity TO Entity, doc_id STRING, evidence STRING, start INT64, `end` INT64, confidence DOUBLE, extractor STRING, amount INT64, currency STRING, amount_krw INT64, amount_text STRING, start_year INT64, end_year INT64, role STRING, attrs STRING);
