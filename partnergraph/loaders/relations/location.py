"""LOCATED_IN: where an organisation or place is.

"A, located/based/headquartered in R", "A (ACR) in R", "A, a private university in R",
"A, the ..., is located in R", "A, a Seoul-based company", "the Ulsan-based university",
"its (main) campus/headquarters in R", "Uzbekistan's Samarkand State University", and a
place with the one it lies in ("Gumi, North Gyeongsang Province", "Seoul's Jongno-gu")
where the resolver or the gazetteer says so (``_parent_of``).  "in Seoul on Monday" is
where something happened, not where anyone is.
"""
from __future__ import annotations

import re

from ..resolve import ORG_LIKE
from . import base
from .base import _PLACES
from .clauses import ClauseReading

# bound by assignment, not imported by name: see base.py
_POSS_GAP_RE = base._POSS_GAP_RE

_IN_BEFORE_RE = re.compile(r"\bin\s(?:the\s)?(?:(?:city|province|county|country)['’]s\s)?$")   # "in the city's Uichang-gu"
# what a place's possessive locates ("Busan's Pusan National University"): not a ministry or agency
_SITED = frozenset({"University", "Hospital", "Institute", "Company"})
_PLACE_PAIR_GAP_RE = re.compile(r",\s(?:(?:north|south|east|west)(?:east|west)?(?:ern)?\s|central\s)?", re.I)
# after the place: a time, so the place is where something happened
_EVENT_AFTER_RE = re.compile(r"\s(?:on|last|this|next|earlier|later)\s|\s(?:in|from)\s(?:January|February|March|"
                             r"April|May|June|July|August|September|October|November|December|\d)")
# "A in R", "A (ACR) in R", "A, located in R", "A is based in R"
_ORG_IN_GAP_RE = re.compile(r"\)?(?:\s\([^()]{1,20}\))?(?:,?\s(?:which\s|that\s)?(?:is\s|are\s|was\s|were\s|remains\s)?"
                            r"(?:located|based|headquartered|situated))?\s")
# "A, a private university (based) in R", "A, the network's only site outside Seoul, is located in R"
_ORG_APPOS_RE = re.compile(r"\)?(?:\s\([^()]{1,20}\))?,\s(?:an?\s|the\s|one\sof\sthe\s)[^,;()]{0,80}?\s"
                           r"|\)?(?:\s\([^()]{1,20}\))?,\s(?:an?\s|the\s)[^,;()]{0,80},\s(?:is|are|was)\s"
                           r"(?:located|based|headquartered|situated)\s")
# "Changwon, an industrial city of about one million people in R"
_PLACE_APPOS_RE = re.compile(r",\s(?:an?|the)\s[^,;()]{0,60}?\b(?:city|county|district|town|port|capital|province)"
                             r"\b[^,;()]{0,60}?\s")
_BASED_APPOS_GAP_RE = re.compile(r"\)?(?:\s\([^()]{1,20}\))?,\s(?:an?\s|the\s)?")
_BASED_BEFORE_NAME_RE = re.compile(r"-based\s[a-z\s-]{0,40}")
_PREP_WORD_RE = re.compile(r"\s(?:from|of|at|in|with|for|by|and|to|on|led|run)\s")
_BASED_KIND_RE = re.compile(r"-based\s(university|school|college|hospital|institute|center|centre|company|firm|"
                            r"startup|foundation|agency)\b", re.I)
_THE_BEFORE_RE = re.compile(r"\b[Tt]he\s$")
# "its (main) campus in R", "KIST's headquarters in R"
_OWN_SITE_RE = re.compile(r"(?:\b(?P<who>[Ii]ts|[Tt]heir)|(?P<who2>['’]s))\s(?:main\s|new\s|[A-Z][a-z]+\s)?"
                          r"(?:campus|headquarters|head\soffice)\s(?:is\s|are\s|was\s)?(?:located\s)?$")
_ITS_START_RE = re.compile(r"\s*[Ii]ts\s")


class LocationRules(ClauseReading):
    """The LOCATED_IN rules."""

    def _located(self, ms, s, e):
        """"A, located/based/headquartered in R", "A (ACR) in R, which ...", "A, a private
        university in R", "A, the ..., is located in R", "A, a Seoul-based company", "the
        Ulsan-based university", "its (main) campus/headquarters in R", and a place with the
        one it lies in ("Gumi, North Gyeongsang Province", "Seoul's Jongno-gu")."""
        may_in = self._may((" in ",))
        if not may_in and not self._has(("-based", "'s ", "’s ")):
            return
        text = self.text
        for i, b in enumerate(ms):
            if b.kind not in _PLACES or b.ref:
                continue
            key_b = b.key
            # "in Seoul's Jongno-gu": the district, which lies in the city
            nxt = ms[i + 1] if i + 1 < len(ms) else None
            if nxt and nxt.kind in _PLACES and _POSS_GAP_RE.fullmatch(text, b.end, nxt.start) \
                    and self._parent_of(nxt.key) == b.key:
                self._emit("LOCATED_IN", nxt.key, b.key, s, e, 0.75)
                key_b = nxt.key
            # "Uzbekistan's Samarkand State University"
            elif nxt and nxt.kind in _SITED and not nxt.ref and _POSS_GAP_RE.fullmatch(text, b.end, nxt.start) and (
                    text[b.end - 2:b.end] in ("'s", "’s") or text[b.end:b.end + 1] in ("'", "’")):
                self._emit("LOCATED_IN", nxt.key, b.key, s, e, 0.75)
            prev = ms[i - 1] if i > 0 else None
            # "Gumi, North Gyeongsang Province": a place and the one it lies in
            if prev and prev.kind in _PLACES and not prev.ref and self._parent_of(prev.key) == b.key \
                    and _PLACE_PAIR_GAP_RE.fullmatch(text, prev.end, b.start):
                self._emit("LOCATED_IN", prev.key, b.key, s, e, 0.75)
            if text.startswith("-based", b.end):
                src_key = self._based_owner(ms, i, s)
                if src_key:
                    self._emit("LOCATED_IN", src_key, b.key, s, e, 0.75)
                continue
            if not may_in:
                continue
            im = _IN_BEFORE_RE.search(text, max(s, b.start - 24), b.start)
            if not im or (im.group().endswith("the ") and self._region_level(b.key) != "country"):
                continue         # "in the Ulsan industrial complex": the place names something else
            if _EVENT_AFTER_RE.match(text, b.end if key_b == b.key else nxt.end, e):
                continue         # "signed with A in Seoul on Monday": where it happened
            # the organisation (or place) this one locates: the latest before "in"
            a = None
            for j in range(i - 1, -1, -1):
                x = ms[j]
                if x.end > im.start():
                    continue
                if x.kind in ORG_LIKE and not x.ref or \
                        x.kind in _PLACES and _PLACE_APPOS_RE.fullmatch(text, x.end, im.start()):
                    a = x
                    break
                if x.kind in _PLACES or x.ref:
                    continue     # "the network's only site outside Seoul"
                break
            if a is None:
                own = _OWN_SITE_RE.search(text, max(s, im.start() - 40), im.start())
                if own:
                    src_key = self._site_owner(ms, s, own, im.start())
                    if src_key:
                        self._emit("LOCATED_IN", src_key, key_b, s, e, 0.75)
                continue
            gap = text[a.end:im.start()]
            if a.kind in _PLACES:
                ok = _PLACE_APPOS_RE.fullmatch(gap) is not None
            else:
                ok = _ORG_IN_GAP_RE.fullmatch(gap) is not None or _ORG_APPOS_RE.fullmatch(gap) is not None
                if not ok and _OWN_SITE_RE.search(text, max(s, im.start() - 40), im.start()):
                    own = _OWN_SITE_RE.search(text, max(s, im.start() - 40), im.start())
                    src_key = self._site_owner(ms, s, own, im.start())
                    if src_key:
                        self._emit("LOCATED_IN", src_key, key_b, s, e, 0.75)
                    continue
            if ok and a.kind not in {"Program", "Person"}:
                self._emit("LOCATED_IN", a.key, key_b, s, e, 0.8)

    def _parent_of(self, key: str) -> str | None:
        ent = self.ents.get(key)
        if ent and ent.parent:
            return ent.parent
        g = self._gaz_entry(key)
        return g.parent if g else None

    def _based_owner(self, ms, i: int, s: int) -> str | None:
        """Who "R-based" describes: "A, a Seoul-based company", "Seoul-based A",
        "the Ulsan-based university" (as a back-reference of that kind)."""
        b = ms[i]
        text = self.text
        if i > 0 and ms[i - 1].kind in ORG_LIKE and ms[i - 1].kind not in _PLACES and not ms[i - 1].ref \
                and _BASED_APPOS_GAP_RE.fullmatch(text, ms[i - 1].end, b.start):
            return ms[i - 1].key
        if i + 1 < len(ms) and ms[i + 1].kind in ORG_LIKE and ms[i + 1].kind not in _PLACES \
                and _BASED_BEFORE_NAME_RE.fullmatch(text, b.end, ms[i + 1].start) \
                and not _PREP_WORD_RE.search(text, b.end, ms[i + 1].start):
            return ms[i + 1].key         # "Seoul-based startup X", not "a Seoul-based team from X"
        km = _BASED_KIND_RE.match(text, b.end)
        if km and _THE_BEFORE_RE.search(text, max(s, b.start - 5), b.start):
            w = km.group(1).lower()
            if w in {"university", "school", "college"}:
                if self.main_org and self.ents[self.main_org].kind == "University":
                    return self.main_org
                return self._latest(b.start, {"University"})
            kinds = {"hospital": {"Hospital"}, "institute": {"Institute"}, "center": {"Institute"},
                     "centre": {"Institute"}, "company": {"Company"}, "firm": {"Company"},
                     "startup": {"Company"}, "foundation": {"Agency"}, "agency": {"Agency"}}[w]
            return self._latest(b.start, kinds)
        return None

    def _site_owner(self, ms, s: int, own: re.Match, pos: int) -> str | None:
        """Whose campus or headquarters: "A's campus in R"; "its campus in R" of the
        sentence's subject, or at the start of a sentence of the subject before."""
        if own.group("who"):
            subj = [x for x in self._subject(ms, s, before=own.start()) if x.kind in ORG_LIKE
                    and x.kind not in _PLACES]
            if subj:
                return subj[0].key
            if _ITS_START_RE.match(self.text, s, own.end()):
                before = self._sentence_before(s)
                if before is not None:
                    ps, pe = before
                    psubj = [x for x in self._subject(self._mentions_in(ps, pe), ps) if x.kind in ORG_LIKE]
                    if psubj and psubj[0].kind not in _PLACES:
                        return psubj[0].key
            return None
        x = next((x for x in reversed(ms) if x.start < own.start()), None)
        if x and x.kind in ORG_LIKE and x.kind not in _PLACES and not x.ref and x.end in (own.start(), own.end("who2")):
            return x.key
        return None
