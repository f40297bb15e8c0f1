"""The Cypher both stores run: named queries from ``cypher/``, and the schema and upsert
statements generated from :mod:`partnergraph.schema`.

Why generated: ``schema.py`` is the one description of the graph, so the DDL, the Neo4j
constraints and the ``UNWIND $rows MERGE`` statements are derived from it here.  They are
also written out to ``cypher/schema*.cypher`` and ``cypher/upserts*.cypher`` so that a
researcher can read and reuse exactly what runs; ``python -m
partnergraph.graph.cypher_files --write`` regenerates those files and a test fails when
they are stale.

Named queries are plain files with a header that declares their parameters::

    // @param id     string          the entity id
    // @param limit  int = 100       at most this many rows

Values only ever reach a query as parameters (never pasted into its text), unknown
parameters are refused, and declared types are enforced, so no named query can be
steered by its inputs.  ``name.embedded.cypher`` overrides ``name.cypher`` for the
embedded store where the dialects differ.

Examples
--------
>>> q = named_query("entity_by_id", "neo4j")
>>> sorted(q.params)
['id']
>>> bind(q, {"id": "org:gist"})
{'id': 'org:gist'}
"""
from __future__ import annotations

import functools
import json
import math
import re
import stat
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable

from .. import schema
from ..model import Extraction
from ..paths import CYPHER_DIR
from .store import QueryError, StoreError, UpsertSummary

DIALECTS = ("neo4j", "embedded")
#: Files in cypher/ that are not named queries.
NOT_NAMED = frozenset({"schema", "upserts"})
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_PARAM = re.compile(r"^//\s*@param\s+(\w+)\s+(string|int|float|bool)(?:\s*=\s*(\S+))?", re.M)
INT64 = (-(2 ** 63), 2 ** 63 - 1)


# --- Named queries -------------------------------------------------------------------------

@dataclass(frozen=True)
class Param:
    name: str
    type: str                 # string | int | float | bool
    default: Any = None       # None: required
    required: bool = True


@dataclass(frozen=True)
class NamedQuery:
    name: str
    dialect: str
    path: Path
    text: str
    params: dict[str, Param]
    summary: str
    isolate: bool = False      # "@isolate" in the header: run in the crash-safe worker


def named_query_names(cypher_dir: Path = CYPHER_DIR) -> list[str]:
    """The named queries in ``cypher/`` (schema and upsert files excluded)."""
    names = {p.name.split(".", 1)[0] for p in cypher_dir.glob("*.cypher")}
    return sorted(n for n in names - NOT_NAMED if _NAME.match(n))


def named_query(name: str, dialect: str, cypher_dir: Path = CYPHER_DIR) -> NamedQuery:
    """Load ``cypher/<name>.cypher`` (or ``<name>.embedded.cypher`` for the embedded store)."""
    if not _NAME.match(name or "") or name in NOT_NAMED:
        raise QueryError(f"unknown named query {name!r} (known: {', '.join(named_query_names(cypher_dir))})")
    path = cypher_dir / f"{name}.cypher"
    if dialect == "embedded" and (cypher_dir / f"{name}.embedded.cypher").is_file():
        path = cypher_dir / f"{name}.embedded.cypher"
    try:
        st = path.stat()
    except OSError:
        st = None
    if st is None or not stat.S_ISREG(st.st_mode):
        raise QueryError(f"unknown named query {name!r} (known: {', '.join(named_query_names(cypher_dir))})")
    return _load_named(name, dialect, path, st.st_mtime_ns, st.st_size)


@functools.lru_cache(maxsize=256)
def _load_named(name: str, dialect: str, path: Path, mtime_ns: int, size: int) -> NamedQuery:
    """Parse a named query file once per version of it: the API runs the same few queries
    hundreds of times a second, and an edited file (new mtime or size) is read afresh."""
    text = path.read_text(encoding="utf-8")
    params: dict[str, Param] = {}
    for m in _PARAM.finditer(text):
        pname, ptype, raw = m.groups()
        if raw is None:
            params[pname] = Param(pname, ptype)
        else:
            params[pname] = Param(pname, ptype, _coerce(pname, ptype, _literal(raw), name), False)
    first = next((ln[2:].strip() for ln in text.splitlines() if ln.startswith("//") and ln[2:].strip()), "")
    isolate = any("@isolate" in ln for ln in text.splitlines() if ln.startswith("//"))
    return NamedQuery(name, dialect, path, text, params, first, isolate)


def _literal(raw: str) -> Any:
    if raw in ("''", '""'):
        return ""
    try:
        return json.loads(raw)
    except ValueError:
        return raw.strip("'\"")


def _coerce(pname: str, ptype: str, value: Any, query: str) -> Any:
    try:
        if ptype == "string":
            if isinstance(value, (dict, list)):
                raise TypeError
            return "" if value is None else str(value)
        if ptype == "int":
            if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                raise TypeError
            out = int(value)
            if not INT64[0] <= out <= INT64[1]:
                raise ValueError
            return out
        if ptype == "float":
            out = float(value)
            if not math.isfinite(out):
                raise ValueError
            return out
        if ptype == "bool":
            if isinstance(value, str):
                if value.lower() not in {"true", "false", "1", "0"}:
                    raise ValueError
                return value.lower() in {"true", "1"}
            return bool(value)
    except (TypeError, ValueError):
        pass
    raise QueryError(f"parameter {pname!r} of {query} must be a {ptype}, not {value!r}")


def bind(query: NamedQuery, params: dict[str, Any] | None) -> dict[str, Any]:
    """Check ``params`` against the query's declaration: unknown names refused, missing
    required ones refused, types coerced ("5" -> 5 for an int), defaults filled."""
    params = dict(params or {})
    unknown = sorted(set(params) - set(query.params))
    if unknown:
        raise QueryError(f"{query.name} takes no parameter {', '.join(map(repr, unknown))} "
                         f"(it takes: {', '.join(query.params) or 'none'})")
    out: dict[str, Any] = {}
    for p in query.params.values():
        if p.name in params and params[p.name] is not None:
            out[p.name] = _coerce(p.name, p.type, params[p.name], query.name)
        elif p.required:
            raise QueryError(f"{query.name} needs the parameter {p.name!r} ({p.type})")
        else:
            out[p.name] = p.default
    return out


# --- Generated schema and upsert statements ------------------------------------------------

def q(name: str) -> str:
    """A property name as Cypher: backticked where it is a keyword (``end``) in either dialect."""
    return f"`{name}`" if name in {"end"} else name


def _val(prop: str, types: dict[str, str] | None) -> str:
    """``row.prop``; on the embedded store cast to the column type, because LadybugDB
    types a parameter list's field STRING when every row has null there."""
    if types and types.get(prop, "STRING") != "STRING":
        return f"CAST(row.{q(prop)} AS {types[prop]})"
    return f"row.{q(prop)}"


def _assign(var: str, props: dict[str, str], skip: Iterable[str] = (),
            types: dict[str, str] | None = None) -> str:
    return ",\n    ".join(f"{var}.{q(p)} = {_val(p, types)}" for p in props if p not in set(skip))


def _map(props: dict[str, str], types: dict[str, str] | None = None) -> str:
    return "{" + ",\n    ".join(f"{q(p)}: {_val(p, types)}" for p in props) + "}"


@dataclass
class Statements:
    """Every statement a store's writer runs, for one dialect."""

    dialect: str
    schema: list[str]
    find_documents: str
    find_by_source: str
    read_entities: str
    write_entities: dict[str | None, str]      # Neo4j: one per kind (the second label)
    write_documents: str
    write_mentions: str
    write_relations: dict[str, str]
    mentioned_by: str
    delete_assertions: dict[str, str]
    delete_documents: str
    delete_orphans: str
    bulk: bool = False        # embedded + pyarrow: rows travel as Arrow tables (LOAD FROM / COPY)

    def rows(self, kind: str, rows: list[dict[str, Any]]) -> Any:
        """The ``$rows`` parameter for a write statement: the list of maps itself, or an
        Arrow table (columns in table order) for the bulk statements."""
        if self.bulk:
            return arrow_table(kind, rows)
        if self.dialect == "neo4j":     # a missing key reads as null: do not ship the nulls
            return [{k: v for k, v in r.items() if v is not None} for r in rows]
        return rows


def have_arrow() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


def statements(dialect: str, bulk: bool | None = None) -> Statements:
    """The write statements for ``dialect``.  ``bulk`` (embedded only; default: when
    pyarrow is installed) passes rows as Arrow tables to ``LOAD FROM`` and ``COPY``, which
    LadybugDB ingests 5-10x faster than ``UNWIND`` over a list of maps (converting Python
    maps to STRUCT values is its bottleneck)."""
    if dialect not in DIALECTS:
        raise ValueError(f"dialect must be one of {DIALECTS}, not {dialect!r}")
    bulk = dialect == "embedded" and (have_arrow() if bulk is None else bulk)
    ent = schema.ENTITY_PROPERTIES
    doc = schema.DOCUMENT_PROPERTIES
    rel = schema.REL_PROPERTIES
    men = schema.MENTIONS_PROPERTIES
    typed = dialect == "embedded"       # cast to column types (see _val)

    if dialect == "neo4j":
        ddl = []
        for label, key in schema.UNIQUE_KEYS.items():
            ddl.append(f"CREATE CONSTRAINT {label.lower()}_{key} IF NOT EXISTS "
                       f"FOR (n:{label}) REQUIRE n.{q(key)} IS UNIQUE")
        for label, props in schema.INDEXES.items():
            for prop in props:
                ddl.append(f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS "
                           f"FOR (n:{label}) ON (n.{q(prop)})")
        for label, props in getattr(schema, "TEXT_INDEXES", {}).items():
            for prop in props:
                ddl.append(f"CREATE TEXT INDEX {label.lower()}_{prop}_text IF NOT EXISTS "
                           f"FOR (n:{label}) ON (n.{q(prop)})")
        # No relationship-property indexes: assertions are reached from their document
        # (see delete_assertions), and each such index slowed every ingest.
    else:
        def cols(props: dict[str, str]) -> str:
            return ", ".join(f"{q(k)} {t}" for k, t in props.items())
        ddl = [
            f"CREATE NODE TABLE IF NOT EXISTS Entity({cols(schema.ENTITY_PROPERTIES)}, "
            f"PRIMARY KEY({q(schema.UNIQUE_KEYS['Entity'])}))",
            f"CREATE NODE TABLE IF NOT EXISTS Document({cols(schema.DOCUMENT_PROPERTIES)}, "
            f"PRIMARY KEY({q(schema.UNIQUE_KEYS['Document'])}))",
            f"CREATE REL TABLE IF NOT EXISTS MENTIONS(FROM Document TO Entity, "
            f"{cols(schema.MENTIONS_PROPERTIES)})",
        ] + [f"CREATE REL TABLE IF NOT EXISTS {t}(FROM Entity TO Entity, {cols(schema.REL_PROPERTIES)})"
             for t in schema.RELATION_TYPES]

    merge_entity = "UNWIND $rows AS row\nMERGE (e:Entity {id: row.id})\nSET "
    if dialect == "neo4j":
        write_entities: dict[str | None, str] = {
            kind: merge_entity + f"e:{kind}, " + _assign("e", ent, ["id"])
            for kind in schema.ENTITY_KINDS}
        write_entities[None] = merge_entity + _assign("e", ent, ["id"])
    else:
        write_entities = {None: merge_entity + _assign("e", ent, ["id"], ent if typed else None)}

    write_relations = {
        t: ("UNWIND $rows AS row\n"
            "MATCH (a:Entity {id: row.source})\n"
            "MATCH (b:Entity {id: row.target})\n"
            f"CREATE (a)-[:{t} {_map(rel, rel if typed else None)}]->(b)")
        for t in schema.RELATION_TYPES}
    write_documents = ("UNWIND $rows AS row\nMERGE (d:Document {id: row.id})\nSET "
                       + _assign("d", doc, ["id"], doc if typed else None))
    write_mentions = ("UNWIND $rows AS row\n"
                      "MATCH (d:Document {id: row.doc_id})\n"
                      "MATCH (e:Entity {id: row.entity_id})\n"
                      f"CREATE (d)-[:MENTIONS {_map(men, men if typed else None)}]->(e)")
    if bulk:
        # LOAD FROM binds each column of the Arrow table to a variable of its name;
        # COPY takes the columns in table order: from, to, then the properties.
        def loaded(var: str, props: dict[str, str]) -> str:
            return ",\n    ".join(f"{var}.{q(p)} = {q(p)}" for p in props if p != "id")
        write_entities = {None: "LOAD FROM $rows\nMERGE (e:Entity {id: id})\nSET " + loaded("e", ent)}
        write_documents = "LOAD FROM $rows\nMERGE (d:Document {id: id})\nSET " + loaded("d", doc)
        write_mentions = ("LOAD FROM $rows\nMATCH (d:Document {id: `from`})\nMATCH (e:Entity {id: `to`})\n"
                          "CREATE (d)-[:MENTIONS {" + ", ".join(f"{q(p)}: {q(p)}" for p in men) + "}]->(e)")
        write_relations = {
            t: ("LOAD FROM $rows\nMATCH (a:Entity {id: `from`})\nMATCH (b:Entity {id: `to`})\n"
                f"CREATE (a)-[:{t} {{" + ",\n    ".join(f"{q(p)}: {q(p)}" for p in rel) + "}]->(b)")
            for t in schema.RELATION_TYPES}
    # A document's assertions are found from the entities it mentions (every relation's
    # source is one: ``plan`` adds the endpoints to the mentions), not through an index
    # on r.doc_id: on Neo4j nine relationship-property indexes made every ingest ~3x
    # slower, and LadybugDB has none, so `WHERE r.doc_id IN $ids` scanned every edge.
    delete_assertions = {
        t: ("UNWIND $ids AS i\nMATCH (d:Document {id: i})-[:MENTIONS]->(:Entity)-[r:" + t + "]->(:Entity)\n"
            "WHERE r.doc_id = i\nDELETE r")
        for t in schema.RELATION_TYPES}
    return Statements(
        dialect=dialect,
        schema=ddl,
        # UNWIND + a key lookup per id, not `WHERE x.id IN $ids`: LadybugDB scans the
        # table and tests list membership row by row (seconds at 100k entities).
        find_documents="UNWIND $ids AS i\nMATCH (d:Document {id: i})\nRETURN d.id AS id",
        find_by_source=("UNWIND $sources AS s\nMATCH (d:Document)\nWHERE d.source = s\n"
                        "RETURN d.id AS id, d.source AS source"),
        read_entities=("UNWIND $ids AS i\nMATCH (e:Entity {id: i})\nRETURN "
                       + ", ".join(f"e.{q(p)} AS {q(p)}" for p in ent)),
        write_entities=write_entities,
        write_documents=write_documents,
        write_mentions=write_mentions,
        write_relations=write_relations,
        mentioned_by=("MATCH (d:Document)-[:MENTIONS]->(e:Entity)\nWHERE d.id IN $ids\n"
                      "RETURN DISTINCT e.id AS id"),
        delete_assertions=delete_assertions,
        delete_documents="MATCH (d:Document)\nWHERE d.id IN $ids\nDETACH DELETE d",
        delete_orphans=("UNWIND $ids AS i\nMATCH (e:Entity {id: i})\n"
                        "WHERE NOT EXISTS { MATCH (:Document)-[:MENTIONS]->(e) }\nDETACH DELETE e"),
        bulk=bulk,
    )


_ARROW_TYPES = {"STRING": "string", "INT64": "int64", "DOUBLE": "float64"}


def arrow_table(kind: str, rows: list[dict[str, Any]]) -> Any:
    """Rows as an Arrow table with the column order and types of the embedded table:
    ``entity``/``document`` (the node properties), ``mention`` and ``relation`` (``from``,
    ``to``, then the relationship properties, as COPY and LOAD FROM expect them)."""
    import pyarrow as pa
    cols = _ARROW_COLUMNS[kind]
    fields = {key: getattr(pa, _ARROW_TYPES[t])() for _, key, t in cols}
    table = pa.Table.from_pylist(rows, schema=pa.schema(list(fields.items())))
    return pa.table([table.column(key) for _, key, _ in cols], names=[name for name, _, _ in cols])


_ARROW_COLUMNS = {
    "entity": [(p, p, t) for p, t in schema.ENTITY_PROPERTIES.items()],
    "document": [(p, p, t) for p, t in schema.DOCUMENT_PROPERTIES.items()],
    "mention": [("from", "doc_id", "STRING"), ("to", "entity_id", "STRING")]
               + [(p, p, t) for p, t in schema.MENTIONS_PROPERTIES.items()],
    "relation": [("from", "source", "STRING"), ("to", "target", "STRING")]
                + [(p, p, t) for p, t in schema.REL_PROPERTIES.items()],
}


_GENERATED = ("// GENERATED from partnergraph/schema.py by\n"
              "//   python -m partnergraph.graph.cypher_files --write\n"
              "// Edit schema.py, not this file (a test fails when this file is stale).\n")


def render_schema(dialect: str) -> str:
    st = statements(dialect)
    if dialect == "neo4j":
        head = ("// schema: the constraints and indexes the Neo4j store creates (idempotent:\n"
                "// IF NOT EXISTS), one unique key per node label, name/kind/source lookups, and\n"
                "// a doc_id index per relationship type so that replacing or deleting a\n"
                "// document finds its assertions without scanning.\n")
    else:
        head = ("// schema (embedded store): the node and relationship tables the embedded store\n"
                "// creates.  LadybugDB has no secondary indexes: lookups by id use the\n"
                "// primary key; name search scans Entity.search, which is fast at this size.\n")
    return head + _GENERATED + "\n" + "".join(s + ";\n" for s in st.schema)


def render_upserts(dialect: str) -> str:
    st = statements(dialect, bulk=True)
    props = ", ".join(schema.REL_PROPERTIES)
    out = [
        f"// upserts ({'Neo4j' if dialect == 'neo4j' else 'embedded store'}): the statements the "
        "store runs to write one batch of documents,\n"
        "// all of them in ONE transaction, so a crash never leaves half a document.\n"
        "// The store runs them in this order for each batch:\n"
        "//   1. find_documents / find_by_source: which documents are stored already\n"
        "//      (same id: unchanged, skipped; same source, other id: changed, replaced);\n"
        "//   2. delete_* for the replaced documents (see delete_document below);\n"
        "//   3. read_entities, then write_entities: entities are merged in Python first\n"
        "//      (stored values win, aliases are united) and written back;\n"
        "//   4. write_documents, write_mentions, write_relations <TYPE>.\n"
        "// Relations are CREATEd, not MERGEd: each is one document's assertion, a document\n"
        "// is written at most once (its id is its content hash) and a changed one has its\n"
        "// old assertions deleted first, so CREATE cannot duplicate.\n"
        + f"// Relation properties: {props}.\n"
        + ("// Parameters: $rows (a list of maps with the keys used below; null values are left\n"
           "// out, since a missing key reads as null), $ids, $sources.\n"
           if dialect == "neo4j" else
           "// Parameters: $rows, an Arrow table whose columns are the table's properties (for\n"
           "// COPY: from, to, then the properties, in the table's order); $ids, $sources.\n"
           "// Without pyarrow the store falls back to UNWIND $rows statements like the Neo4j\n"
           "// ones (same effect, 5-10x slower).\n")
        + "// Endpoints are looked up by two MATCH clauses, not one with a comma: LadybugDB\n"
        "// plans the comma form as a join and writes ~40x slower.\n",
        _GENERATED,
    ]

    def section(title: str, text: str) -> None:
        out.append(f"\n// :statement {title}\n{text};\n")

    section("find_documents", st.find_documents)
    section("find_by_source", st.find_by_source)
    section("read_entities", st.read_entities)
    for kind, text in st.write_entities.items():
        section(f"write_entities {kind or ('(other kinds)' if dialect == 'neo4j' else '')}".rstrip(), text)
    section("write_documents", st.write_documents)
    section("write_mentions", st.write_mentions)
    for t, text in st.write_relations.items():
        section(f"write_relations {t}", text)
    out.append("\n// delete_document: the same steps remove one document (or the replaced ones):\n"
               "// its mentioned entities are noted, its assertions and node deleted, and the\n"
               "// noted entities that no document mentions any more are deleted too.\n")
    section("mentioned_by", st.mentioned_by)
    for t, text in st.delete_assertions.items():
        section(f"delete_assertions {t}", text)
    section("delete_documents", st.delete_documents)
    section("delete_orphans", st.delete_orphans)
    return "".join(out)


def generated_files() -> dict[str, str]:
    """{file name in cypher/: content} for every generated file."""
    return {
        "schema.cypher": render_schema("neo4j"),
        "schema.embedded.cypher": render_schema("embedded"),
        "upserts.cypher": render_upserts("neo4j"),
        "upserts.embedded.cypher": render_upserts("embedded"),
    }


# --- Rows: from Extraction records to the parameter maps the statements take ---------------

_INT_ATTRS = {k for k, t in schema.REL_PROPERTIES.items() if t == "INT64"} - {"start", "end"}
_STR_ATTRS = {"currency", "amount_text", "role"}
_EMPTY_REL = {p: None for p in schema.REL_PROPERTIES}


def _int_or_none(value: Any) -> int | None:
    if type(value) is int:                       # the common case, first
        return value if INT64[0] <= value <= INT64[1] else None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            return None
        value = int(value)
    if isinstance(value, str):
        value = value.strip().replace(",", "")
        if not re.fullmatch(r"-?\d+", value):
            return None
        value = int(value)
    if isinstance(value, int) and INT64[0] <= value <= INT64[1]:
        return value
    return None


@dataclass
class DocPlan:
    """One document's rows, ready for the statements."""

    doc: dict[str, Any]
    entities: dict[str, dict[str, Any]]
    mentions: list[dict[str, Any]]
    relations: dict[str, list[dict[str, Any]]]

    @property
    def n_relations(self) -> int:
        return sum(len(v) for v in self.relations.values())


def _entity_row(ent: Any) -> dict[str, Any]:
    attrs = ent.attrs or {}
    aliases: list[str] = []
    for a in ent.aliases or []:
        a = str(a).strip()
        if a and a != ent.name and a not in aliases:
            aliases.append(a)
    name_ko = attrs.get("name_ko")
    ror = attrs.get("ror") or (ent.id[4:] if ent.id.startswith("ror:") else None)
    row = {p: None for p in schema.ENTITY_PROPERTIES}
    row.update(id=ent.id, name=ent.name or ent.id, kind=ent.kind or None,
               aliases=" | ".join(aliases) or None, name_ko=str(name_ko) if name_ko else None,
               ror=str(ror) if ror else None,
               region=str(attrs["region"]) if attrs.get("region") else None,
               parent=ent.parent or None,
               search=schema.search_field([ent.name, *aliases, name_ko or ""]) or None)
    return row


def plan(extraction: Extraction, ingested_at: str | None = None) -> DocPlan:
    """Turn one Extraction into rows; raise :class:`StoreError` naming the document when
    it cannot be stored (unknown relation type, relation to an empty id)."""
    d = extraction.doc
    label = d.name or d.source or d.id
    if not d.id:
        raise StoreError(f"{label}: the document has no id")
    ingested_at = ingested_at or datetime.now(timezone.utc).isoformat(timespec="seconds")
    doc_row = {p: None for p in schema.DOCUMENT_PROPERTIES}
    doc_row.update(id=d.id, name=d.name, source=d.source or d.name, title=d.title, url=d.url,
                   date=d.date, chars=len(d.text or "") or d.raw_chars or None,
                   extractor=extraction.extractor or None, ingested_at=ingested_at)
    entities: dict[str, dict[str, Any]] = {}
    mention_count: dict[str, int] = {}
    for ent in extraction.entities:
        if not ent.id:
            raise StoreError(f"{label}: an entity ({ent.name!r}) has no id")
        row = _entity_row(ent)
        entities[ent.id] = merge_entity(entities.get(ent.id), row)
        n = (ent.attrs or {}).get("mentions")
        mention_count[ent.id] = n if isinstance(n, int) and not isinstance(n, bool) else 1
    relations: dict[str, list[dict[str, Any]]] = {}
    seen: set[tuple] = set()
    for r in extraction.relations:
        if r.type not in schema.RELATION_TYPES:
            raise StoreError(f"{label}: relation type {r.type!r} is not in schema.RELATION_TYPES")
        for end in (r.source, r.target):
            if not end:
                raise StoreError(f"{label}: a {r.type} relation has an empty endpoint")
            if end not in entities:       # an endpoint the extractor did not list: keep it findable
                stub = {p: None for p in schema.ENTITY_PROPERTIES}
                stub.update(id=end, name=end, search=schema.search_field([end]) or None)
                entities[end] = stub
                mention_count.setdefault(end, 1)
        attrs = r.attrs or {}
        row = dict(_EMPTY_REL)
        row.update(source=r.source, target=r.target, doc_id=d.id, evidence=r.evidence.text,
                   start=_int_or_none(r.evidence.start), end=_int_or_none(r.evidence.end),
                   confidence=float(r.confidence) if r.confidence is not None else None,
                   extractor=extraction.extractor or None,
                   attrs=json.dumps(attrs, ensure_ascii=False, sort_keys=True, default=str) if attrs else "{}")
        if attrs:
            for k in _INT_ATTRS:
                row[k] = _int_or_none(attrs.get(k))
            for k in _STR_ATTRS:
                row[k] = str(attrs[k]) if attrs.get(k) not in (None, "") else None
        key = (r.type, row["source"], row["target"], row["start"], row["end"], row["attrs"])
        if key in seen:
            continue
        seen.add(key)
        relations.setdefault(r.type, []).append(row)
    mentions = [{"doc_id": d.id, "entity_id": eid, "count": mention_count.get(eid, 1)}
                for eid in entities]
    return DocPlan(doc_row, entities, mentions, relations)


def merge_entity(stored: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
    """Stored values win (an entity belongs to no one document); aliases and search keys
    are united, so the result does not depend on which document came first."""
    if not stored:
        return dict(new)
    if stored == new:
        return dict(stored)
    out = {p: stored.get(p) if stored.get(p) not in (None, "") else new.get(p)
           for p in schema.ENTITY_PROPERTIES}
    names = [a for a in (stored.get("aliases") or "").split(" | ") if a]
    for a in (new.get("aliases") or "").split(" | "):
        if a and a not in names and a != out["name"]:
            names.append(a)
    out["aliases"] = " | ".join(names) or None
    keys = [k for k in (stored.get("search") or "").split("|") if k]
    for k in (new.get("search") or "").split("|"):
        if k and k not in keys:
            keys.append(k)
    out["search"] = "|" + "|".join(keys) + "|" if keys else None
    return out


# --- The write script, shared by both stores ----------------------------------------------

Run = Callable[[str, dict[str, Any]], list[dict[str, Any]]]


def delete_documents(run: Run, st: Statements, doc_ids: list[str]) -> set[str]:
    """Delete these documents' assertions, MENTIONS and nodes; return the entities they
    mentioned (candidates for :func:`delete_orphans`, run once the batch is written)."""
    if not doc_ids:
        return set()
    mentioned = {r["id"] for r in run(st.mentioned_by, {"ids": doc_ids})}
    for text in st.delete_assertions.values():
        run(text, {"ids": doc_ids})
    run(st.delete_documents, {"ids": doc_ids})
    return mentioned


def write_batch(run: Run, st: Statements, plans: list[DocPlan]) -> UpsertSummary:
    """Write a batch of documents through ``run`` (one transaction, opened by the caller).

    The batch must not hold two plans with the same document id or source (the stores
    split batches so); the state is re-read here, so a retried transaction is correct.
    """
    summary = UpsertSummary(doc_ids=[p.doc["id"] for p in plans])
    ids = [p.doc["id"] for p in plans]
    stored = {r["id"] for r in run(st.find_documents, {"ids": ids})}
    todo = [p for p in plans if p.doc["id"] not in stored]
    summary.unchanged = len(plans) - len(todo)
    if not todo:
        return summary
    old = run(st.find_by_source, {"sources": [p.doc["source"] for p in todo]})
    replaced_sources = {r["source"] for r in old}
    orphans = delete_documents(run, st, sorted({r["id"] for r in old}))
    summary.changed = sum(p.doc["source"] in replaced_sources for p in todo)
    summary.new = len(todo) - summary.changed

    entities: dict[str, dict[str, Any]] = {}
    for p in todo:
        for eid, row in p.entities.items():
            entities[eid] = merge_entity(entities.get(eid), row)
    existing = {r["id"]: r for r in run(st.read_entities, {"ids": list(entities)})}
    summary.entities = sum(eid not in existing for eid in entities)
    by_kind: dict[str | None, list[dict[str, Any]]] = {}
    for eid, row in entities.items():
        stored = existing.get(eid)
        merged = merge_entity(stored, row)
        if stored is not None and all(stored.get(p) == merged.get(p) for p in schema.ENTITY_PROPERTIES):
            continue                  # nothing new about it: no write (most entities recur)
        kind = merged.get("kind") if merged.get("kind") in st.write_entities else None
        by_kind.setdefault(kind, []).append(merged)
    for kind, rows in by_kind.items():
        run(st.write_entities[kind], {"rows": st.rows("entity", rows)})
    run(st.write_documents, {"rows": st.rows("document", [p.doc for p in todo])})
    mentions = [m for p in todo for m in p.mentions]
    if mentions:
        run(st.write_mentions, {"rows": st.rows("mention", mentions)})
    for t, text in st.write_relations.items():
        rows = [r for p in todo for r in p.relations.get(t, [])]
        if rows:
            run(text, {"rows": st.rows("relation", rows)})
            summary.relations += len(rows)
    orphans -= set(entities)
    if orphans:
        run(st.delete_orphans, {"ids": sorted(orphans)})
    return summary


def batches(plans: Iterable[DocPlan], size: int) -> Iterable[list[DocPlan]]:
    """Split into batches of at most ``size`` documents, never putting two plans with the
    same id or source in one batch (the second must see the first as stored)."""
    batch: list[DocPlan] = []
    keys: set[str] = set()
    for p in plans:
        mine = {"id:" + p.doc["id"], "src:" + (p.doc["source"] or "")}
        if batch and (len(batch) >= size or mine & keys):
            yield batch
            batch, keys = [], set()
        batch.append(p)
        keys |= mine
    if batch:
        yield batch


# --- Values out: JSON-safe rows ------------------------------------------------------------

# Values that are JSON-safe as they come: the stores test a row's values against this
# before calling their converters, since most values are plain strings and numbers.
PLAIN_TYPES = frozenset({str, int, bool, type(None)})


def json_safe(value: Any) -> Any:
    """Decimal -> int/float, dates -> ISO strings, bytes -> hex, containers recursively.
    Store-specific objects (nodes, relationships, paths) are converted by the store first."""
    from decimal import Decimal
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [json_safe(v) for v in value]
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    iso = getattr(value, "isoformat", None)
    if callable(iso):
        return iso()
    return str(value)


def _main(argv: list[str]) -> int:
    if argv[1:] not in (["--write"], ["--check"]):
        print("usage: python -m partnergraph.graph.cypher_files --write | --check", file=sys.stderr)
        return 2
    stale = []
    for fname, content in generated_files().items():
        path = CYPHER_DIR / fname
        if argv[1] == "--write":
            path.write_text(content, encoding="utf-8")
        elif not path.is_file() or path.read_text(encoding="utf-8") != content:
            stale.append(fname)
    if stale:
        print(f"stale: {', '.join(stale)} (run with --write)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv))
