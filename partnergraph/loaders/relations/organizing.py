"""ORGANIZES: who runs a program.

"P, organized/run/hosted by A and B" (a place that acts is its local government), "the
Ministry of Education's P" and "P, the ministry's scheme" (a ministry, agency or local
government's program is one it runs), "P, which the province launched (together with
X)", "the agency oversees / runs / has run / is running / introduced P", "KIAT, which
operates P", "the ministry said, ... the latest winner of its P".  "P (or "the
program"), which KAIST and POSTECH will run jointly" makes the universities take part in
P (PARTICIPATES_IN) instead.  Other ORGANIZES come from the participation rules, where a
government launches or selects (participation.py).
"""
from __future__ import annotations

import re

from ..resolve import ORG_LIKE
from . import base, clauses
from .base import M, ORGISH, _OWNER_KINDS, lower_twinned
from .clauses import ClauseReading

# bound by assignment, not imported by name: see base.py
_APPOS_OWNER_GAP_RE = base._APPOS_OWNER_GAP_RE
_ARTICLE_GAP_RE = base._ARTICLE_GAP_RE
_PASSIVE_GAP_RE = base._PASSIVE_GAP_RE
_POSSESSIVE_GAP_RE = base._POSSESSIVE_GAP_RE
_LOCAL_GOV_RE = clauses._LOCAL_GOV_RE

ORGANIZE_RE = re.compile(r"\b(?:organi[sz]ed|hosted|run|managed|operated|administered|overseen|coordinated|"
                         r"led|spearheaded|implemented|launched|created|established)\s+(?:jointly\s+)?by\b", re.I)
# active: "the agency runs / oversees / manages the P"
_RUNS_RE = re.compile(r"\b(?:organi[sz]es|runs|oversees|manages|administers|coordinates|hosts|operates|"
                      r"(?:will|to)\s+(?:organi[sz]e|run|oversee|manage|administer|coordinate|host|operate)|"
                      r"(?:has|have|had)\s+(?:also\s+|long\s+|jointly\s+)?(?:run|overseen|managed|administered|"
                      r"coordinated|operated|organi[sz]ed|introduced|created|established)|ran|oversaw|operated|managed|"
                      r"administered|introduced|introduces|unveiled|unveils|created|creates|established|establishes|"
                      r"(?:is|are)\s+(?:now\s+)?(?:running|operating|overseeing|managing|organi[sz]ing|administering|"
                      r"coordinating))\s+",
                      re.I)
_RUNS_WORDS = ("organi", "run", "ran ", "oversee", "oversaw", "manage", "administer", "coordinate", "host", "operate",
               "introduc", "unveil", "creat", "establish")
# between the one who runs and the verb: "KIAT, which operates the program"
_WHICH_GAP_RE = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?,\s+which\s+")
# "P, the Ministry of Education's scheme that ...": an owner's program named in apposition
_APPOS_OWNED_RE = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:scheme|program|programme|initiative|project)\b")
_ITS_RE = re.compile(r"\bits\s+(?:own\s+|new\s+|flagship\s+)?$")
_WHICH_RAN_RE = re.compile(r",\s+which\s+(?:the\s+)?")
_WHICH_RAN_WORDS = ("which",)
_RAN_VERB_RE = re.compile(r"(?:\s+(?:(?:provincial|city|municipal|metropolitan|county|district)\s+)?government)?"
                          r"\s+(?:has\s+|had\s+|have\s+|first\s+|jointly\s+)?(?:launched|runs|ran|operates|operated|"
                          r"organi[sz]es|organi[sz]ed|set\s+up|created|introduced|oversees|manages|started|established|"
                          r"hosts|hosted)\b")
# "P, which the ministry runs together with the NRF": the co-runner organizes P too
_RAN_WITH_RE = re.compile(r"\s+(?:together\s+|jointly\s+)?with\s+(?:the\s+)?")
_JOINTLY_RUN_RE = re.compile(r"\s+(?:will\s+|would\s+|plan\s+to\s+)?(?:jointly\s+)?(?:run|operate|offer|teach)\s+"
                             r"(?:it\s+)?(?:jointly|together)\b|\s+(?:will\s+)?jointly\s+(?:run|operate|offer)\b")
_ORGANIZE_WORDS = ("organi", "hosted", "run", "managed", "operated", "administered", "overseen", "coordinated",
                   "led", "spearheaded", "implemented", "launched", "created", "established")

lower_twinned(ORGANIZE_RE, _RUNS_RE)


class OrganizingRules(ClauseReading):
    """The ORGANIZES rules."""

    def _organizes(self, ms, s, e):
        if not any(m.kind == "Program" for m in ms):
            return
        self._owned_programs(ms, s, e)
        for t in (self._finditer(_RUNS_RE, s, e) if self._may(_RUNS_WORDS) else ()):
            p = next((m for m in ms if m.kind == "Program" and (m.start == t.end() or m.start >= t.end() and
                      _ARTICLE_GAP_RE.fullmatch(self.text, t.end(), m.start))), None)
            if p is None or self._in_quote(t.start()):
                continue            # "The ministry oversees / runs the P": it organizes P
            for a in self._subject(ms, s, before=t.start()):
                if a.kind in _OWNER_KINDS and (not _PASSIVE_GAP_RE.search(self.text, a.end, t.start()) or
                                               _WHICH_GAP_RE.fullmatch(self.text, a.end, t.start())):
                    self._emit("ORGANIZES", a.key, p.key, s, e, 0.7)
        if not self._may(("by",)) or not self._may(_ORGANIZE_WORDS):
            return                 # the trigger ends in "by", and the target is a program
        for t in self._finditer(ORGANIZE_RE, s, e):
            if self._in_quote(t.start()):
                continue
            target = next((m for m in reversed(ms) if m.end <= t.start() and m.kind == "Program"), None)
            if not target:
                continue
            # "run by the province": a place that acts; "led by the provincial government"
            for a in self._after(ms, t.end() + 1, ORGISH) or self._government_at(t.end(), e):
                if a.kind != "Region" or self._region_level(a.key) not in {"country", "group", None}:
                    self._emit("ORGANIZES", a.key, target.key, s, e, 0.8)

    def _owned_programs(self, ms, s, e):
        """"the Ministry of Education's P", "under the city's P" (a ministry, agency or local
        government's program is one it runs) and "P, which the provincial government launched"."""
        which = self._may(_WHICH_RAN_WORDS)
        its = self._may(("its ",))
        for i, p in enumerate(ms):
            if p.kind != "Program" or self._in_quote(p.start):
                continue
            if p.ref:                # "The program, which the two schools will run jointly": the latest program
                if which and _WHICH_RAN_RE.match(self.text, p.end, e):
                    p = M(p.start, p.end, self._program_ref(p), "Program", True)
                else:
                    continue
            im = _ITS_RE.search(self.text, max(s, p.start - 20), p.start) if its else None
            if im and i and ms[i - 1].end <= im.start() and ms[i - 1].kind in _OWNER_KINDS:
                # "..., the ministry said, making the city the latest winner of its P": the
                # government named last before "its" runs P
                self._emit("ORGANIZES", ms[i - 1].key, p.key, s, e, 0.7)
                continue
            o = ms[i - 1] if i else None
            if o and o.kind in _OWNER_KINDS and _POSSESSIVE_GAP_RE.fullmatch(self.text, o.end, p.start) and \
                    (self.text[o.end:o.end + 1] in ("'", "’") or self.text[o.end - 2:o.end] in {"'s", "’s"}):
                self._emit("ORGANIZES", o.key, p.key, s, e, 0.7)
                continue
            o = ms[i + 1] if i + 1 < len(ms) else None
            if o and o.kind in _OWNER_KINDS and _APPOS_OWNER_GAP_RE.fullmatch(self.text, p.end, o.start) and \
                    _APPOS_OWNED_RE.match(self.text, o.end, e):
                self._emit("ORGANIZES", o.key, p.key, s, e, 0.7)
                continue
            wm = _WHICH_RAN_RE.match(self.text, p.end, e) if which else None
            if wm:
                who = self._after(ms, wm.end(), ORGISH, max_gap=0)
                if not who:          # "which the ministry runs": the back-reference starts at "the"
                    k = next((k for k, m in enumerate(ms) if wm.start() < m.start < wm.end() < m.end and m.ref
                              and m.kind in ORGISH), None)
                    who = self._group_from(ms, k, ORGISH) if k is not None else []
                if not who:          # "which the provincial government launched": the latest province
                    gm = _LOCAL_GOV_RE.match(self.text, wm.end(), e)
                    who = self._government_subject(wm.end(), gm.end()) if gm else []
                rv = _RAN_VERB_RE.match(self.text, who[-1].end, e) if who else None
                if rv:
                    rw = _RAN_WITH_RE.match(self.text, rv.end(), e)
                    co = [a for a in self._members_at(ms, rw.end()) if a.kind in _OWNER_KINDS] if rw else []
                    for a in who + co:
                        if a.kind in _OWNER_KINDS | {"Region"}:
                            self._emit("ORGANIZES", a.key, p.key, s, e, 0.7)
                elif who and _JOINTLY_RUN_RE.match(self.text, who[-1].end, e):
                    for a in who:        # "the program, which KAIST and POSTECH will run jointly"
                        if a.kind in ORG_LIKE and a.kind not in _OWNER_KINDS:
                            self._emit("PARTICIPATES_IN", a.key, p.key, s, e, 0.7)
