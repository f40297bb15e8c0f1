"""Refuse Cypher that writes, reaches outside the graph, or hides a second statement.

Why a text check when both stores also enforce read-only at the engine (a READ session
on Neo4j, a read-only database in a worker process on the embedded store)?  Because a
refusal should happen *before* anything runs, with a message that says what was refused,
and the same way on both stores.  The engine-level guard stays as the second wall: this
one is a keyword check, and keyword checks are only as good as their tokenizer.

The check works on the query with comments removed and string literals, backtick-quoted
names and parameters blanked, so ``'DELETE me'``, ```SET``` or ``// CREATE`` do not
trip it and ``/* */ CREATE`` cannot hide from it.  Then it refuses:

* write clauses: CREATE, MERGE, SET, DELETE, DETACH, REMOVE, FOREACH, DROP, ALTER;
* reaching outside the graph or administering it: LOAD (LOAD CSV, LOAD FROM, LOAD
  EXTENSION), COPY, IMPORT, EXPORT, ATTACH, INSTALL, USE, CHECKPOINT, transactions
  (BEGIN/COMMIT/ROLLBACK), GRANT/DENY/REVOKE, START/STOP DATABASE, TERMINATE
  TRANSACTIONS;
* ``CALL proc(...)`` unless ``proc`` is a whitelisted read-only procedure
  (``CALL { ... }`` subqueries are fine: their contents are checked like the rest);
* more than one statement (a ``;`` anywhere but at the very end).

Examples
--------
>>> check_read_only("MATCH (n:Entity) WHERE n.name = 'CREATE' RETURN n.id")
>>> check_read_only("MATCH (n) DETACH DELETE n")
Traceback (most recent call last):
...
partnergraph.graph.store.WriteRefused: refused: the query contains DETACH, ...
"""
from __future__ import annotations

import re

from .store import QueryError, WriteRefused

#: Clauses that change the graph, the schema, the server or the file system.
WRITE_WORDS = frozenset({
    "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH", "DROP", "ALTER",
    "LOAD", "COPY", "IMPORT", "EXPORT", "ATTACH", "INSTALL", "USE", "CHECKPOINT",
    "BEGIN", "COMMIT", "ROLLBACK", "GRANT", "DENY", "REVOKE",
})

#: Administration commands whose first word is also an ordinary name (``AS start``).
_ADMIN = re.compile(r"\b(START|STOP)\s+DATABASE\b|\bTERMINATE\s+TRANSACTIONS?\b", re.IGNORECASE)

#: Procedures that only read the catalogue (Neo4j and the embedded store).
ALLOWED_PROCEDURES = frozenset({
    # Neo4j
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
    "db.schema.nodetypeproperties", "db.schema.reltypeproperties",
    # LadybugDB / Kuzu
    "show_tables", "table_info", "show_connection", "db_version",
})

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_CALL = re.compile(r"\bCALL\b\s*([A-Za-z_][A-Za-z0-9_.]*)?\s*(.)?", re.IGNORECASE | re.DOTALL)


def strip_cypher(text: str) -> str:
    """Return ``text`` with comments removed and literals blanked.

    String literals become ``''``, backtick-quoted names ```q```, ``$parameters`` ``$p``.
    An unterminated string, name or block comment is refused: two parsers may disagree
    about where it ends, and the engine would reject it anyway.
    """
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        nxt = text[i + 1] if i + 1 < n else ""
        if c == "/" and nxt == "/":
            j = text.find("\n", i)
            i = n if j < 0 else j
            out.append(" ")
        elif c == "/" and nxt == "*":
            j = text.find("*/", i + 2)
            if j < 0:
                raise QueryError("refused: the query has an unterminated /* comment")
            out.append(" ")
            i = j + 2
        elif c in "'\"":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            if j >= n:
                raise QueryError("refused: the query has an unterminated string literal")
            out.append("''")
            i = j + 1
        elif c == "`":
            j = text.find("`", i + 1)
            if j < 0:
                raise QueryError("refused: the query has an unterminated `quoted name`")
            out.append("`q`")
            i = j + 1
        elif c == "$":
            m = _WORD.match(text, i + 1)
            out.append("$p")
            i = m.end() if m else i + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def check_read_only(text: str) -> None:
    """Raise :class:`WriteRefused` unless ``text`` is one read-only Cypher statement."""
    clean = strip_cypher(text)
    body = clean.rstrip().rstrip(";")
    if ";" in body:
        raise WriteRefused("refused: only one statement per query (remove the ';' between statements)")
    if not body.strip():
        raise QueryError("the query is empty")
    for m in _WORD.finditer(body):
        word = m.group(0).upper()
        if word not in WRITE_WORDS:
            continue
        before = body[:m.start()].rstrip()
        if before.endswith((".", ":")):     # n.set, (x:Create): a property or a label
            continue
        raise WriteRefused(
            f"refused: the query contains {word}, and this path is read-only "
            "(run writes with `partnergraph query --write` on a store you own)")
    admin = _ADMIN.search(body)
    if admin:
        raise WriteRefused(f"refused: {admin.group(0).upper()} administers the server; "
                           "this path is read-only")
    for m in _CALL.finditer(body):
        proc, follow = m.group(1), m.group(2)
        if proc is None and follow == "{":
            continue                          # CALL { subquery }: already checked above
        if proc and proc.lower() in ALLOWED_PROCEDURES and follow != "=":
            continue
        raise WriteRefused(
            f"refused: CALL {proc or ''} is not an allowed procedure on the read-only path "
            f"(allowed: {', '.join(sorted(ALLOWED_PROCEDURES))})")
