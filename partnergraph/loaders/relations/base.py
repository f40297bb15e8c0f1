"""What every relation rule stands on.

The mention record ``M``; the extractor's per-document state (``ExtractorCore.__init__``:
mentions in text order, their starts, the caches and the facts that carry from one
sentence to the next); the substring gates that skip a trigger regex where it cannot
match (``_may``, ``_has``) and the lower-cased twins of the case-insensitive triggers
(``lower_twinned``, ``_finditer``, ``_search``); ``_emit``; back-references ("the
university", "the two institutions", "this project") resolved to the entity the
document is about or the latest one of that kind; the sentence's period; and the
gazetteer's facts about places (``_region_level``).

The patterns, kind sets and words here are the ones several rule families use; a
pattern that one family uses lives in that family's module.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from ...model import Entity, Evidence, Relation
from ..casefold import lower_twin
from ..gazetteer import Gazetteer
from ..money import find_period
from ..resolve import ORG_LIKE, Resolved

ORGISH = ORG_LIKE | {"Region"}
_PLACES = frozenset({"Region", "LocalGovernment"})
# a program's owner: "the Ministry of Education's P"; "P, which the province launched / runs"
_OWNER_KINDS = frozenset({"Ministry", "Agency", "LocalGovernment"})


@dataclass
class M:
    """A mention inside one sentence, with its entity's final kind."""
    start: int
    end: int
    key: str
    kind: str
    ref: bool = False            # a back-reference ("the university"), not a name


_BACKREF_RE = re.compile(
    r"\b(?:the|this|its|their|both|our)\s+(?:(?:two|three|four|participating|partner|affiliated)\s+)?"
    r"(?P<w>university|universities|district|city|province|county|hospital|ministry|agency|institute|"
    r"school|college|consortium|project|program|programme|initiative|institutions|organizations|"
    r"organisations|company|foundation|council|center|centre|sides|parties|"
    r"alliance|cluster|academy|fellowship|lab|laboratory|track|scholarship|hub|schools|hospitals)\b", re.I)
# the head nouns of program and lab names: "the alliance" is the latest name with that word
_HEAD_NOUNS = {"alliance": "alliance", "cluster": "cluster", "academy": "academy", "fellowship": "fellowship",
               "lab": "lab", "laboratory": "laborator", "track": "track", "scholarship": "scholarship", "hub": "hub"}
# the gazetteer's levels of a place that "the city" / "the province" may refer back to
_PLACE_LEVELS = {"city": ("city", "metropolitan_city", "special_city"), "province": ("province",),
                 "county": ("county",), "district": ("district",)}
# Words that every match of a trigger contains (lower-cased): the substring tests of
# _may / _has before a trigger regex.  Where folds_differ(text), the lower-case tests are
# skipped (all pass) and the triggers run as written: see casefold.  Each family keeps
# the words of its own triggers.
_BACKREF_WORDS = ("universit", "district", "city", "province", "county", "hospital", "ministry", "agency",
                  "institut", "school", "college", "consortium", "project", "program", "initiative",
                  "organi", "company", "foundation", "council", "center", "centre", "sides", "parties",
                  "alliance", "cluster", "academy", "fellowship", " lab", "track", "scholarship", "hub")

# The patterns and words from here on are shared by several rule families.  Their
# modules bind them as ``_X_RE = base._X_RE``, not ``from .base import _X_RE``: CPython
# (3.11) compiles a method call on a name bound by an import without LOAD_METHOD, so each
# call allocated a bound method (0.16% more instructions per document over these few).
_ARTICLE_GAP_RE = re.compile(r"\s*(?:the\s+|a\s+|an\s+|its\s+)?")
_WITH_RE = re.compile(r"\bwith\s")
_POSS_GAP_RE = re.compile(r"(?:['’]s)?\s")
_POSSESSIVE_ONLY_RE = re.compile(r"(?:['’]s)?\s+(?:new\s+)?")
_POSSESSIVE_GAP_RE = re.compile(r"(?:['’]s)?\s+(?:new\s+|flagship\s+|own\s+)?(?:the\s+)?")
_POSSESSIVE_OWNER_GAP_RE = re.compile(r"(?:the\s+|its\s+|their\s+)?(?:[A-Za-z][\w&\s-]{0,60}?['’]s\s+)?")
# the owner right after a comma: "X, Lunit's chief medical officer" (LEADS); "P, the
# Ministry of Education's scheme that ..." (ORGANIZES)
_APPOS_OWNER_GAP_RE = re.compile(r",\s(?:the\s)?")
_PASSIVE_GAP_RE = re.compile(r"\b(?:was|were|been|be|is|are|being|gets?|got|getting)\b|,")
_UNIT_HEAD_RE = re.compile(r"(?:Graduate\s|Medical\s|Law\s|Business\s)?(?:College|School|Faculty|Department|Division|"
                           r"Institute|Center|Centre|Hospital)\b")
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

# The case-insensitive triggers that run case-sensitively on the lower-cased text where
# the document allows it (see casefold.lower_twin and ExtractorCore._finditer): each
# module registers its own with lower_twinned().  Keyed by id(pattern): a Pattern's hash
# is computed afresh from its compiled code on every lookup, which for these long
# patterns cost as much as a short scan.
_TWINNED: list[re.Pattern] = []
_TWIN_OF: dict[int, re.Pattern] = {}


def lower_twinned(*pats: re.Pattern) -> None:
    """Register triggers to run through their lower-case twins (``_finditer``, ``_search``)."""
    for p in pats:
        _TWINNED.append(p)
        _TWIN_OF[id(p)] = lower_twin(p)


lower_twinned(_BACKREF_RE)


class ExtractorCore:
    """The state of one document's extraction and the questions every rule asks of it;
    the rule families (mixins of RelationExtractor) add the rules."""

    def __init__(self, text: str, sentences: list[tuple[int, int]], res: Resolved,
                 quotes: list[tuple[int, int]], lowered: str | None = None, gaz: Gazetteer | None = None):
        self.text = text
        self.gaz = gaz                       # the Extractor's gazetteer (None: the default one)
        self._pending_gov: list = []         # FUNDS from "the government", resolved at the end
        self._applied_pairs: list = []       # joint applicants: they take part in what their partner does
        self._lowered = lowered              # text.lower(), where the caller has it
        self.sentences = sentences
        self.ents: dict[str, Entity] = res.entities
        self.quotes = quotes
        self.ms = [M(m.start, m.end, m.key, self.ents[m.key].kind) for m in res.mentions
                   if m.key in self.ents]
        self.raw_mentions = res.mentions
        self._starts = [m.start for m in self.ms]
        self._max_end = [-1]                 # _max_end[i]: the furthest end among ms[:i]
        for m in self.ms:
            self._max_end.append(max(self._max_end[-1], m.end))
        self._period_cache: tuple | None = None
        self._prep_cache: dict = {}
        self._ls: str | None = None
        self._low: str | None = None         # the text lower-cased, where run() may use it
        self._sent = ""
        self._digit = True
        self.out: list[Relation] = []
        self._last_mou: tuple[str, str] | None = None
        self._pending_list: tuple[list[str], int] | None = None    # who signed with "five universities", where
        self._pending_units: tuple[str, int, str, int] | None = None  # "its eight affiliated hospitals": owner, n, noun, where
        self._last_money: tuple[str, int, dict] | None = None     # the latest funded target, its sentence, period
        self.main_org = self._main_org()

    def _main_org(self) -> str | None:
        c = Counter(m.key for m in self.ms if m.kind in ORG_LIKE and m.kind != "Region")
        if not c:
            return None
        # the most mentioned organisation; among equals, a university (the usual subject)
        return max(c, key=lambda k: (c[k], self.ents[k].kind == "University" and not self.ents[k].parent))

    def _latest(self, pos: int, kinds: AbstractSet[str], exclude: AbstractSet[str] = frozenset(), pred=None) -> str | None:
        """The last mention before ``pos`` of one of ``kinds`` (self.ms is in text order)."""
        ms = self.ms
        for i in range(bisect_left(self._starts, pos) - 1, -1, -1):
            m = ms[i]
            if m.kind in kinds and m.key not in exclude and (pred is None or pred(m)):
                return m.key
        return None

    def _backrefs(self, s: int, e: int) -> list[M]:
        out = []
        for b in self._finditer(_BACKREF_RE, s, e):
            w = b.group("w").lower()
            # inside a name?  every mention that starts at or before it: the furthest end
            i = bisect_right(self._starts, b.start())
            if self._max_end[i] > b.start():
                continue
            # the start of a name: "The University of Ulsan", "the Academy of ..."
            if i < len(self._starts) and self._starts[i] < b.end():
                continue
            key = None
            if w in {"university", "school", "college"}:
                key = self.main_org if self.main_org and self.ents[self.main_org].kind == "University" else \
                    self._latest(b.start(), {"University"})
            elif w in {"district", "city", "province", "county"}:
                # "the province": a place the gazetteer knows as one (North Gyeongsang Province)
                levels = _PLACE_LEVELS[w]
                # first the latest place called so ("Ulsan Metropolitan City", "Gangwon Province")
                key = self._latest(b.start(), {"LocalGovernment", "Region"},
                                   pred=lambda m: any(w in n.lower() for n in [self.ents[m.key].name] +
                                                      self.ents[m.key].aliases))
                key = key or self._latest(b.start(), {"LocalGovernment", "Region"},
                                   pred=lambda m: self.ents[m.key].kind == "LocalGovernment" or w in m.key or
                                   self._region_level(m.key) in levels)
                key = key or self._latest(b.start(), {"LocalGovernment"})
            elif w == "hospital":
                key = self._latest(b.start(), {"Hospital"})
            elif w in {"ministry"}:
                key = self._latest(b.start(), {"Ministry"})
            elif w in {"agency", "foundation", "council"}:
                key = self._latest(b.start(), {"Agency"})
            elif w in {"institute", "center", "centre"}:
                # the latest whose name has the word ("the center": not the academy named
                # since), "the institute": the article's institute where it is one
                heads = ("center", "centre") if w != "institute" else ("institute",)
                mo = self.main_org
                if w == "institute" and mo and self.ents[mo].kind == "Institute" and "institute" in mo:
                    key = mo
                else:
                    key = self._latest(b.start(), {"Institute"},
                                       pred=lambda m: any(h in self.ents[m.key].name.lower() for h in heads)) \
                        or self._latest(b.start(), {"Agency"},      # "the Daejeon RISE Center", an agency
                                        pred=lambda m: any(h in self.ents[m.key].name.lower() for h in heads)) \
                        or self._latest(b.start(), {"Institute"})
            elif w in {"company"}:
                key = self._latest(b.start(), {"Company"})
            elif w in {"project", "program", "programme", "initiative"}:
                key = self._latest(b.start(), {"Program"}, pred=lambda m: not self._consortium(m.key))
            elif w in _HEAD_NOUNS:
                # "the alliance", "the academy", "the lab": the latest program or institute
                # whose name has that word (none where no such name came before)
                h = _HEAD_NOUNS[w]
                has = lambda m: h in self.ents[m.key].name.lower()     # noqa: E731
                key = self._latest(b.start(), {"Institute"}, pred=has) if h.startswith("lab") else None
                key = key or self._latest(b.start(), {"Program", "Institute"} if h != "academy" else
                                          {"Program", "Institute", "University"}, pred=has)
            elif w == "consortium":
                key = self._latest(b.start(), {"Program"}, pred=lambda m: self._consortium(m.key))
            elif w in {"schools", "hospitals"} and not ("two" in b.group().lower() or "both" in b.group().lower()):
                continue             # "the three schools": no pair (see participation._counted_group)
            elif w in {"institutions", "organizations", "organisations", "universities", "sides", "parties",
                       "schools", "hospitals"} and self._last_mou:
                a, c = self._last_mou
                out.append(M(b.start(), b.end(), a, self.ents[a].kind, True))
                out.append(M(b.start(), b.end(), c, self.ents[c].kind, True))
                continue
            if key:
                out.append(M(b.start(), b.end(), key, self.ents[key].kind, True))
        return out

    def _consortium(self, key: str) -> bool:
        e = self.ents[key]
        return any("consortium" in n.lower() for n in [e.name] + e.aliases)

    def _in_quote(self, pos: int) -> bool:
        """Is ``pos`` inside a long quotation?  Asked for every trigger and mention;
        most documents have no long quotation or one, so no generator for those."""
        quotes = self.quotes
        if not quotes:
            return False
        if len(quotes) == 1:
            a, b = quotes[0]
            return a <= pos < b
        return any(a <= pos < b for a, b in quotes)

    def _may(self, words: tuple[str, ...]) -> bool:
        """Could a case-insensitive trigger built on one of ``words`` match in the current
        sentence?  A substring test on the lower-cased sentence, which any match must
        pass; always True where lower-casing could hide a match (see casefold)."""
        ls = self._ls
        if ls is None:
            return True
        # Every word is tested on the sentence alone: narrowing the words first to those
        # the whole document has cost more (one scan of the document per word, about 60
        # scans) than the tests it saved on sentences of ~140 characters.
        for w in words:
            if w in ls:
                return True
        return False

    def _has(self, words: tuple[str, ...]) -> bool:
        """The same for a case-sensitive trigger: a substring test on the sentence."""
        sent = self._sent
        for w in words:
            if w in sent:
                return True
        return False

    def _finditer(self, pat: re.Pattern, s: int, e: int):
        """``pat.finditer(self.text, s, e)`` for a trigger of _TWINNED: its twin on the
        lower-cased text where the document has one (same spans, see casefold.lower_twin)."""
        if self._low is not None:
            return _TWIN_OF[id(pat)].finditer(self._low, s, e)
        return pat.finditer(self.text, s, e)

    def _search(self, pat: re.Pattern, s: int, e: int) -> re.Match | None:
        """``pat.search(self.text, s, e)`` the same way."""
        if self._low is not None:
            return _TWIN_OF[id(pat)].search(self._low, s, e)
        return pat.search(self.text, s, e)

    def _emit(self, typ: str, a: str | None, b: str | None, s: int, e: int, conf: float, **attrs):
        if not a or not b or a == b:
            return
        ev = Evidence(self.text[s:e], s, e)
        self.out.append(Relation(type=typ, source=a, target=b, evidence=ev, confidence=conf,
                                 attrs={k: v for k, v in attrs.items() if v is not None}))

    def _mentions_in(self, a: int, b: int) -> list[M]:
        """The mentions that start in text[a:b] (self.ms is in text order)."""
        return self.ms[bisect_left(self._starts, a):bisect_left(self._starts, b)]

    def _sentence_before(self, s: int) -> tuple[int, int] | None:
        """The sentence before the one that starts at ``s`` (the last to start before it)."""
        i = bisect_left(self._sent_starts, s)
        return self.sentences[i - 1] if i else None

    def _sentence_of(self, pos: int) -> tuple[int, int]:
        for s, e in self.sentences:
            if s <= pos < e:
                return s, e
        return pos, pos

    def _gaz_entry(self, key: str):
        """The gazetteer's record for an entity id (None for names it does not know): the
        one the mentions were found with, so that a custom gazetteer's places have its
        levels and parents; the default one, loaded once, where none was given."""
        gaz = self.gaz
        if gaz is None:
            from ..gazetteer import default
            gaz = default()
        return gaz.entries.get(key)

    def _region_level(self, key: str) -> str | None:
        e = self._gaz_entry(key)
        return e.level if e else None

    def _period(self, s, e) -> dict:
        """find_period of the sentence, once per sentence (it is asked for on each emit)."""
        if self._period_cache is None or self._period_cache[0] != (s, e):
            self._period_cache = ((s, e), find_period(self.text[s:e]))
        return dict(self._period_cache[1])

