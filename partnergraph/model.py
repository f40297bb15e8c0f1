"""The plain records that flow between the stages.

Every stage (read -> extract -> store -> api/analysis/export) takes and returns these,
so each can be tested, inspected and replaced alone.  They are dataclasses rather than
pydantic models because the extractor builds thousands of them per second; the API has
its own pydantic response models built from them.

Identity rules (see DESIGN.md):

* ``Document.id`` is the sha256 of the normalised text, so the same bytes under two
  names are one document, and ``Document.source`` (path or URL) is what tells a
  *changed* document from a new one.
* ``Entity.id`` is ``ror:<id>`` when the Research Organization Registry knows the
  organisation, otherwise a deterministic ``<kind>:<slug>``.
* A ``Relation`` is one document's assertion, always with the sentence that states it.
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any


def normalise_text(text: str) -> str:
    """The form a document's identity is computed from: NFC, unified newlines,
    trailing spaces dropped.  Cosmetic re-saves of a file do not make a new document."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def document_id(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Document:
    """One article after reading and cleaning.

    ``text`` is the cleaned text that evidence offsets point into; ``name`` is the file
    name (or ``<source>#<line>`` for JSONL), which is what the scorer keys on.
    """

    id: str
    name: str
    text: str
    source: str = ""
    title: str | None = None
    url: str | None = None
    date: str | None = None
    raw_chars: int = 0

    @classmethod
    def from_text(cls, text: str, name: str, source: str = "", **meta: Any) -> "Document":
        return cls(id=document_id(text), name=name, text=text, source=source or name, **meta)

    def meta(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "source": self.source, "title": self.title,
                "url": self.url, "date": self.date, "chars": len(self.text)}


@dataclass(slots=True)
class Evidence:
    """The sentence that states a relation, exactly as it stands in ``Document.text``,
    with character offsets: ``doc.text[start:end] == text``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    parent: str | None = None          # id of the parent organisation, if any
    attrs: dict[str, Any] = field(default_factory=dict)   # ror, region, name_ko, role ...

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "name": self.name, "type": self.kind,
                             "aliases": list(self.aliases)}
        if self.parent:
            d["parent"] = self.parent
        if self.attrs:
            d["attrs"] = dict(self.attrs)
        return d


@dataclass(slots=True)
class Relation:
    type: str
    source: str                     # entity id
    target: str                     # entity id
    evidence: Evidence
    confidence: float = 0.8
    attrs: dict[str, Any] = field(default_factory=dict)   # amount, currency, role, years...

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "source": self.source, "target": self.target,
                "attrs": dict(self.attrs), "evidence": self.evidence.to_dict(),
                "confidence": round(self.confidence, 3)}


@dataclass(slots=True)
class Extraction:
    """Stage two's output for one document: what ``partnergraph extract`` prints and
    what the stores upsert."""

    doc: Document
    entities: list[Entity]
    relations: list[Relation]
    extractor: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc.name,
            "doc_id": self.doc.id,
            "source": self.doc.source,
            "title": self.doc.title,
            "url": self.doc.url,
            "date": self.doc.date,
            "extractor": self.extractor,
            "entities": [e.to_dict() for e in self.entities],
            "relations": [r.to_dict() for r in self.relations],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any], text: str = "") -> "Extraction":
        """Rebuild from the JSONL that ``extract`` prints (the text is not in it)."""
        doc = Document(id=d.get("doc_id") or document_id(text), name=d["doc"], text=text,
                       source=d.get("source") or d["doc"], title=d.get("title"),
                       url=d.get("url"), date=d.get("date"))
        ents = [Entity(id=e["id"], name=e["name"], kind=e["type"], aliases=e.get("aliases", []),
                       parent=e.get("parent"), attrs=e.get("attrs", {})) for e in d["entities"]]
        rels = []
        for r in d["relations"]:
            ev = r["evidence"]
            ev = Evidence(**ev) if isinstance(ev, dict) else Evidence(ev, -1, -1)
            rels.append(Relation(type=r["type"], source=r["source"], target=r["target"],
                                 evidence=ev, confidence=r.get("confidence", 0.8),
                                 attrs=r.get("attrs", {})))
        return cls(doc=doc, entities=ents, relations=rels, extractor=d.get("extractor", ""))


_SLUG_RE = re.compile(r"[^\w]+", re.UNICODE)


@functools.lru_cache(maxsize=50_000)
def slug(text: str) -> str:
    """Lower-case, accent-free, hyphen-joined: the stable part of a non-ROR entity id.
    Memoised: the extractor asks for the same names in document after document (86%
    of the calls on the generated corpus), and each call normalises and filters every
    character."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _SLUG_RE.sub("-", text.lower().replace("&", " and ")).strip("-") or "x"
