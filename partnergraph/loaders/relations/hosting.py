"""HOSTS: which organisation houses a centre or institute.

"A (plans to) establish(es) an X Center", "At H, ... establish X", "the X Center at H",
"the Center, which H opened", "X will be housed in U's unit", "X opened within H", "H is
home to the X Center" (where H is a place: X is LOCATED_IN H).  Every rule needs a centre
or institute named in the sentence (or one referred back to at its start).
"""
from __future__ import annotations

import re

from ..resolve import ORG_LIKE
from . import base
from .base import _PLACES, lower_twinned
from .clauses import ClauseReading

# bound by assignment, not imported by name: see base.py
_ARTICLE_GAP_RE = base._ARTICLE_GAP_RE
_POSS_GAP_RE = base._POSS_GAP_RE

ESTABLISH_RE = re.compile(r"\b(?:establish(?:es|ed|ing)?|set(?:s|ting)?\s+up|open(?:s|ed|ing)?|launch(?:es|ed|ing)?|"
                          r"build(?:s|ing)?|built|creat(?:e|es|ed|ing)|found(?:s|ed|ing)?|hous(?:e|es|ed|ing)|"
                          r"host(?:s|ed|ing)?|inaugurat(?:e|es|ed|ing)|unveil(?:s|ed|ing)?)\b"
                          r"(?P<obj>\s+(?:a|an|the|its|their|new|joint|dedicated|\s)*)", re.I)
LOCATIVE_RE = re.compile(r"^\s*(?:At|In|Within|Inside)\s+(?:its\s+|their\s+|the\s+)?(?:affiliated\s+)?$")
_LOWER_GAP_RE = re.compile(r"[\sa-z]*")
_AT_OF_IN_GAP_RE = re.compile(r"\s+(?:at|of|in)\s+(?:the\s+)?")
_ESTABLISH_WORDS = ("establish", "set", "open", "launch", "build", "built", "creat", "found", "hous",
                    "host", "inaugurat", "unveil")
# "X, which the hospital opened this month": the host's name follows "which"
_WHICH_OPENED_RE = re.compile(r"(?P<pre>,\s(?:which|that)\s)")
_OPENED_VERB_RE = re.compile(r"\s(?:has\s|had\s|also\s|will\s|now\s)?(?:opened|set\sup|established|launched|founded|built|"
                             r"created|inaugurated|operated|operates|operate|runs|run|hosts|host|houses|house|"
                             r"manages|managed|manage)\b")
# "X, which is run by H", "X, operated by H": H's centre
_RUN_BY_RE = re.compile(r",\s(?:which\s(?:is|was|has\sbeen|will\sbe)\s|that\s(?:is|was|has\sbeen|will\sbe)\s)?"
                        r"(?:jointly\s|currently\s|now\s)?(?:run|operated|managed|hosted|housed)\sby\s")
_RUN_BY_WORDS = ("run by", "operated by", "managed by", "hosted by", "housed by")
_IT_THEY_RE = re.compile(r"(?:it|they|It|They)\s")
_HOME_TO_RE = re.compile(r"\s(?:is|was|has\sbeen|will\sbe|remains)\s(?:also\s|now\s)?home\sto\s(?:the\s|a\s|an\s)?"
                         r"(?:new\s)?$")
# "X will be housed in H", "X opened within H"
_HOUSED_IN_RE = re.compile(r",?\s(?:which\s|that\s)?(?:will\sbe\s|would\sbe\s|is\s|was\s|are\s|to\sbe\s|has\sbeen\s|had\sbeen\s)?"
                           r"(?:housed|based|located|opened|launched|established|set\sup|inaugurated|built)\s"
                           r"(?P<p>in|at|within|inside|on)\s(?:the\s)?")
# "X will be built on the H campus", "on H's main campus": a host only before "campus"
_CAMPUS_AFTER_RE = re.compile(r"(?:['’]s)?\s(?:main\s|new\s|own\s)?campus\b")

# "KRIBB will house the center": the centre named before, by a back-reference
_HOUSE_REF_RE = re.compile(r"\s(?:will\s|would\s|also\s|now\s|is\sto\s)?(?:house|houses|host|hosts)\s")
HOUSE_REF_WORDS = (" house", " host")
_WHERE_BEFORE_RE = re.compile(r",\swhere\s(?:a\s|an\s|the\s)?(?:new\s)?$")
_TO_BE_SET_UP_RE = re.compile(r"\s(?:will\sbe|is\sto\sbe|was|has\sbeen|would\sbe)\s(?:set\sup|established|built|opened|"
                              r"housed|launched|created)\b")
_APPOS_GAP_RE = re.compile(r",\s(?:the|an?|its)\s[^,;()]{2,60}")
_HOUSED_KINDS = frozenset({"Institute", "Program", "University"})
_THE_NOUN_RE = re.compile(r"the\s(?:new\s)?(?P<n>[a-z]{4,20})\b")

lower_twinned(ESTABLISH_RE)


class HostingRules(ClauseReading):
    """The HOSTS rules."""

    def _hosts(self, ms, s, e):
        insts = [m for m in ms if m.kind == "Institute" and not m.ref]
        if not insts:
            return             # both rules need a centre or institute named in the sentence
        for t in (self._finditer(ESTABLISH_RE, s, e) if self._may(_ESTABLISH_WORDS) else ()):
            if self._in_quote(t.start()):
                continue
            obj = next((m for m in insts if m.start == t.end("obj") or
                        (0 <= m.start - t.end() <= 20 and _LOWER_GAP_RE.fullmatch(self.text[t.end():m.start]))), None)
            if obj is None:
                continue
            host = None
            first = ms[0]
            if LOCATIVE_RE.match(self.text[s:first.start]) and first.kind in ORG_LIKE and first.key != obj.key:
                host = [first]
            if host is None:     # "X said that H has opened ...": H
                cs = self._clause_start(s, t.start())
                host = [m for m in self._subject([m for m in ms if m.start >= cs], cs, before=t.start())
                        if m.kind in ORG_LIKE]
                if not host and cs > s and _IT_THEY_RE.match(self.text, cs):
                    # "X said that it has opened": X ("X said that its hospitals have opened": none)
                    host = [m for m in self._subject(ms, s, before=t.start()) if m.kind in ORG_LIKE]
                if not host and cs == s and _IT_THEY_RE.match(self.text, s) and \
                        not any(x.start < t.start() for x in ms):
                    # "It also hosts the X Center": the subject of the sentence before
                    prev = self._previous_subject(s)
                    host = [prev] if prev is not None and prev.key != obj.key else []
            # "establish the A Center and the B Institute": each centre of the list
            objs = self._group_from(ms, ms.index(obj), {"Institute"}) if obj in ms else [obj]
            for h in host[:1]:
                for o in objs or [obj]:
                    if not o.ref:
                        self._emit("HOSTS", h.key, o.key, s, e, 0.75)
        self._hosts_after_name(ms, insts, s, e)
        if ", where " in self._sent:
            self._where_set_up(ms, insts, s, e)
        if self._has(("home to",)):      # "H is home to the X Center"; a place: where X is
            for m in insts:
                hm = _HOME_TO_RE.search(self.text, max(s, m.start - 60), m.start)
                if not hm:
                    continue
                h = next((x for x in reversed(ms) if x.end <= hm.start()), None)
                if h is None or h.end != hm.start() or h.key == m.key or h.kind not in ORG_LIKE | {"Region"}:
                    continue
                if h.kind in _PLACES:
                    self._emit("LOCATED_IN", m.key, h.key, s, e, 0.75)
                else:
                    self._emit("HOSTS", h.key, m.key, s, e, 0.75)
        for i, m in enumerate(ms):
            if m.kind != "Institute" or m.ref or i + 1 >= len(ms):
                continue
            nxt = ms[i + 1]
            if _AT_OF_IN_GAP_RE.fullmatch(self.text[m.end:nxt.start]) and nxt.kind in ORG_LIKE \
                    and nxt.kind != "LocalGovernment":
                self._emit("HOSTS", nxt.key, m.key, s, e, 0.8)

    def _house_ref(self, ms, s, e):
        """"H will house the center (in one of its buildings)": H hosts the centre the
        back-reference names; H the subject, right before the verb.  "H will house the
        academy": the latest centre whose name ends in that word."""
        text = self.text
        h = ms[0]
        hm = _HOUSE_REF_RE.match(text, h.end, e) if h.kind in ORG_LIKE and h.kind not in _PLACES else None
        # (a back-reference mention right after the verb is the noun read below, not a new name)
        if hm and _ARTICLE_GAP_RE.fullmatch(text, s, h.start) and \
                not (len(ms) > 1 and ms[1].start <= hm.end() + 4 and not ms[1].ref):
            nm = _THE_NOUN_RE.match(text, hm.end(), e)
            if nm:
                noun = nm.group("n").lower()
                # (a centre, a program housed: "the academy" is either, as the resolver typed it)
                k = self._latest(s, _HOUSED_KINDS, pred=lambda y: self.ents[y.key].name.lower().endswith(noun)) \
                    if noun not in ("university", "hospital", "company", "ministry") else None
                if k and k != h.key:
                    self._emit("HOSTS", h.key, k, s, e, 0.7)
                    return
        for i in range(1, len(ms)):
            m = ms[i]
            if not m.ref or m.kind != "Institute":
                continue
            h = ms[i - 1]
            if h.kind not in ORG_LIKE or h.kind in _PLACES or h.key == m.key:
                continue
            hm = _HOUSE_REF_RE.match(text, h.end, m.start)
            if hm and hm.end() == m.start and h in self._subject(ms, s, before=h.end):
                self._emit("HOSTS", h.key, m.key, s, e, 0.7)

    def _where_set_up(self, ms, insts, s, e):
        """"H (, the university's affiliated hospital), where a new X will be set up": H
        hosts X."""
        text = self.text
        for m in insts:
            wm = _WHERE_BEFORE_RE.search(text, max(s, m.start - 30), m.start)
            if not wm or wm.end() != m.start or not _TO_BE_SET_UP_RE.match(text, m.end, e):
                continue
            # the organisation before the comma, or before an apposition that ends there
            for x in reversed([x for x in ms if x.end <= wm.start()]):
                if x.ref or x.kind not in ORG_LIKE or x.kind in _PLACES:
                    continue
                gap = text[x.end:wm.start()]
                if (gap == "" or _APPOS_GAP_RE.fullmatch(gap)) and x.key != m.key:
                    self._emit("HOSTS", x.key, m.key, s, e, 0.7)
                break

    def _ref_housed(self, ms, s, e):
        """"The center is based at H (in R)", "The institute will be housed in H's unit":
        H hosts the centre the sentence opens with."""
        m = ms[0]
        if not m.ref or m.kind != "Institute" or not _ARTICLE_GAP_RE.fullmatch(self.text, s, m.start):
            return
        self._hosts_after_name(ms, [m], s, e)

    def _hosts_after_name(self, ms, insts, s, e):
        """What follows a centre's name says where it is: "X, which the hospital opened",
        "X will be housed in H", "X opened within H"."""
        text = self.text
        run_by = self._may(_RUN_BY_WORDS)
        for m in insts:
            if self._in_quote(m.start):
                continue
            wm = _WHICH_OPENED_RE.match(text, m.end, e) if text.startswith(",", m.end) else None
            if wm:
                h = next((x for x in ms if x.start >= wm.end("pre")), None)
                if h and h.start <= wm.end("pre") + 1 and h.kind in ORG_LIKE and h.kind not in _PLACES \
                        and _OPENED_VERB_RE.match(text, h.end, e) and h.key != m.key:
                    self._emit("HOSTS", h.key, m.key, s, e, 0.75)
                    continue
            if run_by:
                rm = _RUN_BY_RE.match(text, m.end, e)
                if rm:
                    # "X, which is run by H" (or "by the hospital": a back-reference from "the")
                    h = next((x for x in ms if x.start >= rm.end()), None)
                    if h and h.start == rm.end() and h.kind in ORG_LIKE and h.key != m.key:
                        self._emit("HOSTS", h.key, m.key, s, e, 0.75)
                        continue
            hm = _HOUSED_IN_RE.match(text, m.end, e)
            if hm:
                # the host's name right after the preposition, or a back-reference from its
                # article ("set up inside the hospital")
                i = next((k for k, x in enumerate(ms) if x.start >= hm.end() or
                          (x.ref and x.start >= hm.start("p") and x.end > hm.end())), None)
                if i is not None and hm.group("p") == "on" and not _CAMPUS_AFTER_RE.match(text, ms[i].end, e):
                    i = None     # "opened on Monday": "on" names a host only before "campus"
                if i is not None and ms[i].start - hm.end() <= 1:
                    # "in UNIST's Graduate School of X": the unit named last
                    while i + 1 < len(ms) and ms[i + 1].kind in ORG_LIKE and \
                            _POSS_GAP_RE.fullmatch(text, ms[i].end, ms[i + 1].start) and \
                            (text[ms[i].end - 2:ms[i].end] in ("'s", "’s") or text[ms[i].end:ms[i].end + 1] in "'’"):
                        i += 1
                    h = ms[i]
                    if h.kind in ORG_LIKE and h.kind not in _PLACES and h.key != m.key:
                        self._emit("HOSTS", h.key, m.key, s, e, 0.75)
