"""AFFILIATED_WITH between organisations: units and their parent.

"its affiliated H", "X, affiliated with / a unit of / the teaching hospital of Y",
"Kyung Hee University's College of Pharmacy" (and HOSTS where the unit is a centre),
"X, set up by Y", "X, a research institute under Y", "X, one of its affiliated hospitals",
"X, an RDA research arm", "KUMC, which operates A, B and C", "its eight affiliated
hospitals" followed by a list of eight; and, once the document is read, the units whose
parent the resolver knows, with a sentence that names both (``_structural``).  A
person's unit is read with the person's title, in leadership.py.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ..resolve import ORG_LIKE
from . import base
from .base import _PLACES
from .clauses import ClauseReading

# bound by assignment, not imported by name: see base.py
_ARTICLE_GAP_RE = base._ARTICLE_GAP_RE
_NUMBER_WORDS = base._NUMBER_WORDS
_UNIT_HEAD_RE = base._UNIT_HEAD_RE

AFFIL_RE = re.compile(r"\b(?:its|their)\s+affiliated\s+$|\baffiliated\s+$", re.I)
_ITS_AFFILIATED_RE = re.compile(r"\b(?:its|their)\s+affiliated\s+$")
# "X, affiliated with Y", "X, which opened in 2020, is a branch of Y", "X is the teaching
# hospital of Y", "X, which belongs to Y", "X, the flagship hospital affiliated with Y",
# "X, which is run by Y" (a hospital or school: a centre run by Y is Y's, HOSTS)
_AFFILIATE_OF_RE = re.compile(r"(?:,\s(?:which|that)\s[^,;()]{1,60}?,)?,?\s+(?:(?:which|that)\s+)?"
                              r"(?:(?:is|was|are|remains|has\s+been|have\s+been)\s+)?(?:now\s+|also\s+)?(?:an?\s+)?"
                              r"(?:affiliated\s+(?:with|to)|(?:an\s+)?affiliate\s+of|"
                              r"(?:a\s+)?(?:unit|subsidiary|branch|campus|part)\s+of|belongs?\s+to|"
                              r"one\s+of\s+(?:the\s+|its\s+)?(?:\d{1,3}\s+|[a-z]{3,10}\s+)?(?:[a-z-]{3,20}\s+)?"
                              r"(?:institutes|hospitals|units|schools|colleges|centers|centres|subsidiaries|affiliates|"
                              r"campuses|laboratories|labs)\s+(?:of|under|run\s+by)|"
                              r"(?P<run>(?:run|operated|owned)\s+by)|"
                              r"(?:the|an?)\s+[a-z\s-]{0,30}?\b(?:teaching\s+hospital|research\s+arm|affiliate|"
                              r"affiliated\s+hospital)\s+of|"
                              r"(?:the|an?)\s+[a-z\s-]{0,30}?\b(?:hospital|unit|school|college)\s+affiliated\s+with)"
                              r"\s+(?:the\s+)?")
_AFFIL_OF_WORDS = ("affiliate", "unit", "subsidiary", "branch", "campus", "hospital of", "arm of", "is part of",
                   ", part of", "are part of", "was part of", "one of",
                   "belongs to", "belong to", "run by", "operated by", "owned by")
_ITS_N_UNITS_RE = re.compile(r"\b(?:its|their)\s(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s"
                             r"affiliated\s(?P<w>hospitals|institutes|companies)\b")
_UNIT_WORD_KIND = {"hospitals": "Hospital", "institutes": "Institute", "companies": "Company"}
_UNIT_TAIL_RE = re.compile(r"\s(?:Center|Centre|Institute|Lab|Laboratory)$")
# what _SET_UP_BY_RE or _UNIT_UNDER_RE needs (the noun and "under/of" in lower case)
_SET_UP_GATE = ("set up ", "founded ", "established ", "created ", "launched ")
_UNDER_GATE = tuple(n + w for n in ("institute", "agency", "body", "ization", "isation", "foundation", "center",
                                    "centre", "unit", "affiliate", "subsidiary") for w in (" under ", " of "))
_SET_UP_BY_RE = re.compile(r",\s(?:which\swas\s|which\s(?:is|was)\s)?(?:set\sup|founded|established|created|launched)\s"
                           r"(?:in\s\d{4}\s)?by\s(?:the\s)?")
_UNIT_UNDER_RE = re.compile(r",\s(?:an?\s|the\s)[a-z\s-]{0,40}?\b(?:institute|agency|body|organi[sz]ation|foundation|"
                            r"center|centre|unit|affiliate|subsidiary)\s(?:under|of)\s(?:the\s)?")
_PEOPLE_AFTER_RE = re.compile(r"['’]?s?\s(?:[a-z-]{2,20}\s)?(?:alumni|alumnus|graduates?|researchers?|professors?|students?|"
                              r"officials?|doctors?|engineers?|scientists?|staff|employees?|members?|executives?|"
                              r"founders?|veterans?)\b")
_DESC_GAP_RE = re.compile(r"[A-Za-z\s-]{0,40}")
_ONE_OF_ITS_RE = re.compile(r",\s(?:one\sof\s)?(?:its|their)\s(?:\w+\s)?affiliated\s(?:hospitals?|institutes?|schools?|"
                            r"colleges?|units?|organi[sz]ations?|centers?|centres?)\b")
_APPOS_A_RE = re.compile(r",\s(?:an?|the)\s")
_ARM_AFTER_RE = re.compile(r"\s(?:[a-z-]{3,20}\s)?(?:arm|affiliate|subsidiary)\b")
# every word that one of the AFFILIATED_WITH rules needs, but "affiliat" (tested case-blind)
_AFFIL_GATE = ("'s ", "’s ", "affiliate", "unit", "subsidiary", "branch", "campus", "hospital of", " arm",
               " operates ", " runs ", " owns ", " oversees ", "is part of", ", part of", "are part of", "was part of",
               "one of", "belong", "run by", "operated by",
               "owned by")
_ITS_TEACHING_RE = re.compile(r"\b(?:its|their)\s(?:main\s|flagship\s|own\s|primary\s)?teaching\shospital,\s")
_WHICH_OPERATES_RE = re.compile(r",\s(?:which|that)\s(?:operates|runs|owns|oversees)\s(?:the\s)?")


class AffiliationRules(ClauseReading):
    """The AFFILIATED_WITH rules (organisations)."""

    def _affiliated(self, ms, s, e):
        sent = self._sent
        if (" by " in sent and self._has(_SET_UP_GATE)) or \
                ((", a " in sent or ", an " in sent or ", the " in sent) and self._has(_UNDER_GATE)):
            self._set_up_by(ms, s, e)
        if self._pending_units:
            self._listed_units(ms, s, e)
        if "teaching hospital, " in sent:
            # "U's Faculty of Medicine will select the fellows and its teaching hospital, H, ...":
            # H is the unit's, the organisation named last before "its"
            for tm in _ITS_TEACHING_RE.finditer(self.text, s, e):
                h = next((x for x in ms if x.start >= tm.end()), None)
                owner = next((x for x in reversed(ms) if x.end <= tm.start()), None)
                if h and h.start == tm.end() and h.kind == "Hospital" and owner and owner.kind in ORG_LIKE \
                        and owner.kind not in _PLACES and owner.key != h.key:
                    self._emit("AFFILIATED_WITH", h.key, owner.key, s, e, 0.7)
        aff = self._may(("affiliat",))
        if not aff and not self._has(_AFFIL_GATE):
            return               # no rule below can fire (one test for the usual sentence)
        if " affiliated " in self._sent:
            # "X said that its eight affiliated hospitals ...": the eight named later
            nm = _ITS_N_UNITS_RE.search(self.text, s, e)
            if nm:
                owner = [m for m in self._subject(ms, s, before=nm.start()) if m.kind in ORG_LIKE]
                n = _NUMBER_WORDS.get(nm.group("n"), int(nm.group("n")) if nm.group("n").isdigit() else 0)
                if owner and n >= 2:
                    self._pending_units = (owner[0].key, n, nm.group("w"), bisect_left(self._sent_starts, s))
        if self._has(("'s ", "’s ")):
            self._unit_of_possessor(ms, s, e)
        old = aff or self._has(_AFFIL_OF_WORDS)
        # "X, one of its affiliated hospitals", "X, an RDA research arm"; "X, which operates A"
        appos = old or self._has((" arm",))
        which = self._has((" operates ", " runs ", " owns ", " oversees "))
        if not (appos or which):
            return
        text = self.text
        for i, m in enumerate(ms):
            if old:
                pre = text[max(s, m.start - 40):m.start] if aff else ""
                if aff and AFFIL_RE.search(pre) and m.kind in ORG_LIKE:
                    owner = None
                    if _ITS_AFFILIATED_RE.search(pre):
                        later = [x for x in ms if x.start > m.end and x.kind in ORG_LIKE and x.key != m.key]
                        owner = later[0].key if later and later[0].ref else self.main_org
                        if owner is None and later:
                            owner = later[0].key
                    else:
                        prev = ms[i - 1] if i > 0 else None
                        owner = prev.key if prev and prev.kind in ORG_LIKE else None
                    if owner:
                        self._emit("AFFILIATED_WITH", m.key, owner, s, e, 0.8)
                am = _AFFILIATE_OF_RE.match(text, m.end, e)
                if am and am.group("run") and m.kind not in {"Hospital", "University"}:
                    am = None    # ("a centre run by Y": HOSTS)
                if am:
                    tgt = self._after(ms, am.end(), ORG_LIKE, max_gap=2)
                    if tgt:      # of names that start together, the longest ("X University College of Y")
                        t0 = max((x for x in ms if x.start == tgt[0].start and x.kind in ORG_LIKE and not x.ref),
                                 key=lambda x: x.end, default=tgt[0])
                        # "a unit of SKKU's College of X": the unit after the possessive
                        k = ms.index(t0) if t0 in ms else -1
                        if 0 <= k < len(ms) - 1 and ms[k + 1].kind in ORG_LIKE and not ms[k + 1].ref and \
                                ms[k + 1].start - t0.end <= 3 and (text.startswith("'s ", t0.end) or
                                                                   text.startswith("’s ", t0.end) or
                                                                   text[t0.end - 2:t0.end] in ("'s", "’s")):
                            t0 = ms[k + 1]
                        if t0.key != m.key and t0.kind not in _PLACES:
                            self._emit("AFFILIATED_WITH", m.key, t0.key, s, e, 0.8)
            if m.kind not in ORG_LIKE or m.kind in _PLACES or m.ref or not text.startswith(",", m.end):
                continue
            if appos:
                # "X, one of its affiliated hospitals": the organisation named before X
                if _ONE_OF_ITS_RE.match(text, m.end, e):
                    owner = next((x for x in reversed(ms[:i]) if x.kind in ORG_LIKE and x.kind not in _PLACES
                                  and x.key != m.key), None)
                    key = owner.key if owner else self.main_org
                    if key and key != m.key:
                        self._emit("AFFILIATED_WITH", m.key, key, s, e, 0.8)
                    continue
                # "X, an RDA research arm": the owner inside the apposition
                om = _APPOS_A_RE.match(text, m.end, e)
                if om and i + 1 < len(ms) and ms[i + 1].start == om.end() and ms[i + 1].kind in ORG_LIKE \
                        and _ARM_AFTER_RE.match(text, ms[i + 1].end, e):
                    self._emit("AFFILIATED_WITH", m.key, ms[i + 1].key, s, e, 0.75)
                    continue
            # "KUMC, which operates A, B and C"
            wm = _WHICH_OPERATES_RE.match(text, m.end, e) if which else None
            if wm:
                for u in self._after(ms, wm.end(), ORG_LIKE, max_gap=2):
                    if u.kind in {"Hospital", "Institute"} and u.key != m.key:
                        self._emit("AFFILIATED_WITH", u.key, m.key, s, e, 0.75)

    def _listed_units(self, ms, s, e):
        """A sentence within three after "its eight affiliated hospitals" that opens with
        a list of exactly eight hospitals: each is the owner's."""
        owner, n, w, at = self._pending_units
        here = bisect_left(self._sent_starts, s)
        if here == at:
            return
        if here - at > 3:
            self._pending_units = None
            return
        kind = _UNIT_WORD_KIND.get(w)
        if not ms or ms[0].kind != kind or not _ARTICLE_GAP_RE.fullmatch(self.text, s, ms[0].start):
            return
        grp = self._group_from(ms, 0, {kind})
        if len({m.key for m in grp}) != n:
            return
        self._pending_units = None
        for m in grp:
            if m.key != owner and not m.ref:
                self._emit("AFFILIATED_WITH", m.key, owner, s, e, 0.7)

    def _set_up_by(self, ms, s, e):
        """"X, set up by (Busan shipping firm) Y": X is Y's; "X, a government-funded research
        institute under the Y": X is part of Y."""
        text = self.text
        for i, m in enumerate(ms):
            if m.ref or m.kind not in {"Agency", "Institute", "Company"} or not text.startswith(", ", m.end):
                continue
            bm = _SET_UP_BY_RE.match(text, m.end, e) or _UNIT_UNDER_RE.match(text, m.end, e)
            if not bm:
                continue
            for y in ms[i + 1:]:
                if y.start < bm.end():
                    continue
                if y.start - bm.end() > 40 or not _DESC_GAP_RE.fullmatch(text, bm.end(), y.start):
                    break
                if y.kind in _PLACES:
                    continue     # "by Busan shipping firm Y": the place describes Y
                if y.kind in ORG_LIKE and y.key != m.key and not y.ref and not _PEOPLE_AFTER_RE.match(text, y.end, e):
                    self._emit("AFFILIATED_WITH", m.key, y.key, s, e, 0.7)
                break            # ("founded by KAIST alumni": people, not KAIST)

    def _unit_of_possessor(self, ms, s, e):
        """"Kyung Hee University's College of Pharmacy": a unit after its university's
        possessive."""
        text = self.text
        for i in range(len(ms) - 1):
            a, u = ms[i], ms[i + 1]
            if a.kind != "University" or a.ref or u.ref or u.kind not in {"University", "Institute", "Hospital"}:
                continue
            if not (text[a.end - 2:a.end] in ("'s", "’s") and u.start - a.end <= 1
                    or text[a.end:a.end + 3] in ("'s ", "’s ") and u.start == a.end + 3):
                continue
            if not _UNIT_HEAD_RE.match(text, u.start, u.end) and not (
                    u.kind == "Institute" and _UNIT_TAIL_RE.search(text, u.start, u.end)):
                continue         # ("UNIST's Carbon-Neutral Process Research Center": a centre too)
            parent = self.ents[u.key].parent
            if parent in (None, a.key) and u.key != a.key:
                self._emit("AFFILIATED_WITH", u.key, a.key, s, e, 0.75)
                if u.kind == "Institute":    # "Hanyang University's Center for X": its host too
                    self._emit("HOSTS", a.key, u.key, s, e, 0.7)

    def _structural(self):
        """Units and their parents (AFFILIATED_WITH), with the sentence that names both."""
        for key, ent in self.ents.items():
            if not ent.parent or ent.parent not in self.ents or ent.kind not in {"University", "Hospital", "Institute"}:
                continue
            if ent.kind == "Institute" and any(r.type == "HOSTS" and r.target == key for r in self.out):
                continue
            if any(r.type == "AFFILIATED_WITH" and r.source == key for r in self.out):
                continue         # the text says whose unit it is
            span = self._evidence_for_pair(key, ent.parent)
            if span:
                self._emit("AFFILIATED_WITH", key, ent.parent, span[0], span[1], 0.7)

    def _evidence_for_pair(self, child: str, parent: str):
        pnames = [self.ents[parent].name] + self.ents[parent].aliases
        # a parent the document never names apart from its units' names ("Pusan National
        # University Hospital" alone names no university): named apart in the sentence
        named = getattr(self, "_named_keys", None)      # the keys named in the text, once
        if named is None:
            named = self._named_keys = {x.key for x in self.ms}
        if parent not in named:
            return self._named_apart(child, pnames)
        for m in self.raw_mentions:
            if m.key != child:
                continue
            s, e = self._sentence_of(m.start)
            if any(n and len(n) > 1 and n in self.text[s:e] for n in pnames) or any(
                    x.key == parent and s <= x.start < e for x in self.ms):
                return s, e
        return None

    def _named_apart(self, child: str, pnames: list[str]):
        """The first sentence with a mention of ``child`` where one of ``pnames`` stands
        outside the child's own mentions (one scan of the text per name)."""
        text = self.text
        spans = [(x.start, x.end) for x in self.ms if x.key == child]
        best = None
        for n in pnames:
            if not n or len(n) < 2:
                continue
            i = text.find(n)
            while i >= 0:
                if not any(a <= i < b for a, b in spans):
                    s, e = self._sentence_of(i)
                    if any(s <= a < e for a, _ in spans):
                        if best is None or s < best[0]:
                            best = (s, e)
                        break        # (the first such sentence for this name)
                i = text.find(n, i + 1)
        return best
