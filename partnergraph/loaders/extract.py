"""Stage two: a cleaned ``Document`` in, an ``Extraction`` (entities + relations with
evidence) out.  Deterministic and offline: same text, same output.

    read -> sentences -> mentions (gazetteer + patterns) -> resolve -> relations

Spans that are not article content even after cleaning are ignored here: bracketed
bylines and section tags at the start of a line ("[Seoul District News]",
"[... Reporter Name]").  Long double-quoted passages (what officials said) are searched
for names but not for relations.
"""
from __future__ import annotations

import re

from .. import EXTRACTOR_VERSION
from ..model import Document, Extraction, Relation
from . import gazetteer, sentences
from .casefold import folds_differ
from .gazetteer import Gazetteer
from .mentions import MentionFinder
from .relations import extract_relations
from .resolve import Resolver
from .scan import finditer_at

_BRACKET_LEAD = re.compile(r"(?m)^\s*\[[^\]\n]{2,80}\]")
_PHOTO = re.compile(r"[·ㆍ]\s*photo\b|\(photo[^)]*\)|\bphoto\s*=\s*[^)\n]*", re.I)
_SPEECH = re.compile(r"“[^”]{40,}”|\"[^\"\n]{40,}\"")



def _speech_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``_SPEECH.finditer(text)``, tried only at the opening quotes
    (``scan.finditer_at``): every match begins with one.  The scan of the whole text
    against the pattern's first characters cost more than the finds."""
    return [m.span() for m in finditer_at(_SPEECH, text, ("“", '"'))]


ORG_ROLE_TYPES = {"MOU", "FUNDS", "PARTNERS_WITH", "ORGANIZES", "PARTICIPATES_IN", "HOSTS"}


class Extractor:
    def __init__(self, gaz: Gazetteer | None = None):
        self.gaz = gaz or gazetteer.default()
        self.finder = MentionFinder(self.gaz)
        self.resolver = Resolver(self.gaz)

    def __call__(self, doc: Document) -> Extraction:
        text = doc.text
        sents = sentences.split(text)
        # lower-cased once here for every stage's substring tests (each stage used to
        # lower-case the whole text on its own)
        lowered = text.lower()
        # each pattern needs a character or word that most texts lack: test for it first
        ignore = [(m.start(), m.end()) for m in _BRACKET_LEAD.finditer(text)] if "[" in text else []
        if folds_differ(text) or "photo" in lowered:
            ignore += [(m.start(), m.end()) for m in _PHOTO.finditer(text)]
        quotes = _speech_spans(text) if '"' in text or "“" in text else []
        mentions = self.finder.find(text, sents, ignore, lowered)
        res = self.resolver.resolve(text, mentions)
        rels = extract_relations(text, sents, res, quotes, lowered, self.gaz)
        rels = _dedupe(rels)
        ents = res.entities
        for r in rels:                      # places that act are local governments
            for k in (r.source, r.target):
                if ents[k].kind == "Region" and r.type in ORG_ROLE_TYPES | {"LEADS"} and k == r.source or \
                        (ents[k].kind == "Region" and r.type == "LEADS" and k == r.target):
                    ents[k].kind = "LocalGovernment"
        return Extraction(doc=doc, entities=sorted(ents.values(), key=lambda x: x.id),
                          relations=rels, extractor=EXTRACTOR_VERSION)


def _dedupe(rels: list[Relation]) -> list[Relation]:
    """One assertion per (type, source, target) per document: the first sentence that
    states it, with the attributes of every statement merged (an amount stated later
    is kept).  A formal agreement (MOU) subsumes a generic partnership of the same pair."""
    out: dict[tuple, Relation] = {}
    mou_pairs = {frozenset((r.source, r.target)) for r in rels if r.type == "MOU"}
    for r in rels:
        if r.type == "PARTNERS_WITH" and frozenset((r.source, r.target)) in mou_pairs:
            continue
        key = (r.type, *sorted((r.source, r.target))) if r.type in {"MOU", "PARTNERS_WITH"} else \
            (r.type, r.source, r.target)
        if key not in out:
            out[key] = r
            continue
        kept = out[key]
        if "amount" in r.attrs and "amount" not in kept.attrs:
            r.attrs = {**kept.attrs, **r.attrs}
            out[key] = r
        else:
            for k, v in r.attrs.items():
                kept.attrs.setdefault(k, v)
            kept.confidence = max(kept.confidence, r.confidence)
    return sorted(out.values(), key=lambda r: (r.evidence.start, r.type, r.source, r.target))


_default: Extractor | None = None


def extract(doc: Document) -> Extraction:
    """Extract with the default gazetteer (loaded once per process)."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default(doc)
