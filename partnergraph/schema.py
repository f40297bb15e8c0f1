"""The one description of the graph: node kinds, relationship types, their properties.

The extractor, both stores (DDL, constraints, upserts), the API and the exports all read
this module, so adding a property or a kind is one edit here.

Storage shape, identical in both stores:

* every organisation, program, place or person is an ``Entity`` node with a ``kind``
  property (Neo4j also gets the kind as a second label, e.g. ``:Entity:University``,
  for browsing); every article is a ``Document`` node;
* ``(Document)-[:MENTIONS]->(Entity)``;
* one relationship type per entry of ``RELATION_TYPES``, each edge being one document's
  assertion carrying ``REL_PROPERTIES``.
"""
from __future__ import annotations

from dataclasses import dataclass

ENTITY_KINDS: dict[str, str] = {
    "University": "Universities and their colleges, schools and departments (linked to the parent)",
    "Hospital": "Hospitals, university hospitals and medical centres",
    "Ministry": "Government ministries",
    "Agency": "Public agencies, councils, foundations, institutes that fund or run programs",
    "LocalGovernment": "Provinces, cities, counties and districts acting as organisations",
    "Company": "Companies",
    "Institute": "Research institutes, centres, labs and headquarters hosted by an organisation",
    "Program": "Named projects, programs, initiatives and consortia",
    "Region": "Countries, provinces, cities and areas as places",
    "Person": "Named officials, with role and organisation",
}

ORG_KINDS = frozenset({"University", "Hospital", "Ministry", "Agency", "LocalGovernment",
                       "Company", "Institute"})


@dataclass(frozen=True)
class RelationType:
    name: str
    description: str
    symmetric: bool = False
    family: str = "partnership"   # how analysis collapses edges: partnership/funding/structure/people/place


RELATION_TYPES: dict[str, RelationType] = {r.name: r for r in [
    RelationType("MOU", "signed a memorandum of understanding or agreement with", True, "partnership"),
    RelationType("PARTNERS_WITH", "works together with", True, "partnership"),
    RelationType("FUNDS", "gives money or support to (organisation or program)", False, "funding"),
    RelationType("HOSTS", "houses or establishes (an institute, centre, event)", False, "structure"),
    RelationType("PARTICIPATES_IN", "takes part in (a program or consortium)", False, "program"),
    RelationType("ORGANIZES", "organises or runs (a program)", False, "program"),
    RelationType("AFFILIATED_WITH", "is a unit or affiliate of", False, "structure"),
    RelationType("LOCATED_IN", "is located in (a region)", False, "place"),
    RelationType("LEADS", "person leads (organisation or program), with role", False, "people"),
]}

SYMMETRIC = frozenset(n for n, r in RELATION_TYPES.items() if r.symmetric)

# Scalar properties, with their types in the embedded store's DDL.  Values the extractor
# puts in ``attrs`` that are not listed here are kept in the JSON ``attrs`` property.
ENTITY_PROPERTIES: dict[str, str] = {
    "id": "STRING",
    "name": "STRING",
    "kind": "STRING",
    "aliases": "STRING",        # " | "-joined: no list-valued properties (Gephi, CSV)
    "name_ko": "STRING",
    "ror": "STRING",
    "region": "STRING",
    "parent": "STRING",
    "search": "STRING",         # normalised names for case/punctuation-tolerant lookup
}

DOCUMENT_PROPERTIES: dict[str, str] = {
    "id": "STRING",
    "name": "STRING",
    "source": "STRING",
    "title": "STRING",
    "url": "STRING",
    "date": "STRING",
    "chars": "INT64",
    "extractor": "STRING",
    "ingested_at": "STRING",
}

REL_PROPERTIES: dict[str, str] = {
    "doc_id": "STRING",
    "evidence": "STRING",
    "start": "INT64",
    "end": "INT64",
    "confidence": "DOUBLE",
    "extractor": "STRING",
    "amount": "INT64",
    "currency": "STRING",
    "amount_krw": "INT64",
    "amount_text": "STRING",
    "start_year": "INT64",
    "end_year": "INT64",
    "role": "STRING",
    "attrs": "STRING",          # JSON of every attribute, listed or not
}

MENTIONS_PROPERTIES: dict[str, str] = {"doc_id": "STRING", "count": "INT64"}

# Unique keys and lookup indexes, created idempotently by both stores.
UNIQUE_KEYS = {"Entity": "id", "Document": "id"}
INDEXES = {"Entity": ["name", "kind", "parent"], "Document": ["source"]}
# Neo4j TEXT indexes, which serve ``CONTAINS`` (name search over ``Entity.search``).
TEXT_INDEXES = {"Entity": ["search"]}


# --- Tolerant name lookup (added for the stores and the API: one definition) -------------
import functools as _functools
import re as _re
import unicodedata as _unicodedata

_NON_WORD = _re.compile(r"[\W_]+", _re.UNICODE)


@_functools.lru_cache(maxsize=65536)
def search_key(text: str) -> str:
    """The normalised form names are matched in: NFKC, case-folded, punctuation -> space.

    Both stores keep ``Entity.search`` as ``"|key1|key2|"`` (name, aliases, Korean name)
    and the ``search_entities`` query matches ``search CONTAINS key`` (a substring) and
    ``CONTAINS '|' + key + '|'`` (a whole name), so callers must pass ``search_key(q)``.

    >>> search_key("Chonnam Nat'l Univ.")
    'chonnam nat l univ'
    """
    text = _unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_NON_WORD.sub(" ", text).split())


def search_field(names: "list[str]") -> str:
    """``"|key1|key2|"``: the distinct non-empty search keys of ``names``, in order."""
    keys: list[str] = []
    for name in names:
        key = search_key(name or "")
        if key and key not in keys:
            keys.append(key)
    return "|" + "|".join(keys) + "|" if keys else ""
