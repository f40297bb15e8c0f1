"""PARTNERS_WITH: partnerships short of a signed agreement.

"A ... in collaboration/cooperation/partnership with B, C and D", "A and B launch/jointly
...", "work (together) with", "run a trial / course / track with B", "the partnership
between A and B"; and, once the document is read, dropping a headline's pair that only
restates a partnership of the units with their parents (``_drop_parent_echoes``).
"""
from __future__ import annotations

import re

from ..resolve import ORG_LIKE
from . import base
from .base import M, ORGISH, lower_twinned
from .clauses import ClauseReading

# bound by assignment, not imported by name: see base.py
_ARTICLE_GAP_RE = base._ARTICLE_GAP_RE

PARTNER_RE = re.compile(r"\b(?:in\s+(?:close\s+)?(?:collaboration|cooperation|partnership|conjunction)\s+with|"
                        r"jointly\s+with|together\s+with|(?:collaborat|cooperat|partner)(?:e|es|ed|ing|s)?\s+with|"
                        r"team(?:s|ed)?\s+up\s+with|join(?:s|ed)?\s+(?:hands|forces)\s+with|"
                        r"work(?:s|ed|ing)?\s+(?:closely\s+)?(?:with|alongside)|"
                        r"co-?(?:host(?:s|ed|ing)?|organi[sz](?:e|es|ed|ing))\s+(?:an?\s|the\s)?[a-z\s-]{0,50}?\bwith|joint\s[a-z\s-]{0,40}?\b(?:project|program|programme|"
                        r"research|study|venture|laboratory|lab|course|trial)\s+with|"
                        r"(?:run|runs|ran|running|conduct|conducts|conducted|conducting|carry\s+out|carries\s+out|"
                        r"carried\s+out)\s+(?:a\s|an\s|the\s)?[a-z\s-]{0,40}?\b(?:trials?|study|studies|research|"
                        r"projects?|tracks?|courses?|programs?|programmes?)\s+with)\b", re.I)
CO_VERB_RE = re.compile(r"^\s*(?:will\s+|to\s+|have\s+|has\s+|are\s+|were\s+|jointly\s+|officially\s+|also\s+|"
                        r"agreed\s+|plan\s+|plans\s+|planned\s+|decided\s+)*"
                        r"(?:launch(?:es|ed)?|co-?host(?:s|ed)?|co-?organi[sz]e[sd]?|jointly|join\s+hands|join(?:ed)?\s+forces|"
                        r"team\s+up|teamed\s+up|partner(?:s|ed)?|collaborate[sd]?|cooperate[sd]?|work(?:ed)?\s+together|"
                        r"(?:open(?:s|ed)?|set\s+up|sets\s+up|establish(?:es|ed)?|buil[dt]s?|creat(?:e|es|ed))\s+"
                        r"(?:a\s|an\s|the\s|their\s)?(?:new\s|first\s)?joint)\b", re.I)
_PARTNER_WORDS = ("collaborat", "cooperat", "partner", "conjunction", "jointly", "together", "team", "hands",
                  "forces", "work with", "works with", "worked with", "working with", "closely with", "joint ",
                  "trial with", "trials with", "alongside", "study with", "studies with", "research with", "project with",
                  "projects with", "track with", "tracks with", "course with", "courses with", "program with",
                  "programs with", "programme with", "programmes with", "co-host", "cohost", "co-organi", "coorgani")
_CO_VERB_WORDS = ("launch", "host", "organi", "jointly", "join", "team", "partner", "collaborat", "cooperat",
                  "together")     # ("opened a joint center": "join" is in "joint")
_PARTNERSHIP_BETWEEN_RE = re.compile(r"\b(?:[Pp]artnership|[Cc]ollaboration|[Cc]ooperation)\s(?:deal\s|programs?\s)?"
                                     r"between\s(?:the\s)?")
_WHICH_BEFORE_RE = re.compile(r",\s(?:which|that)\s(?:already\s|also\s|now\s|has\s|have\s|had\s|long\s|will\s){0,2}$")
_APPOS_MORE_RE = re.compile(r"(?:\s\([^()]{1,12}\))?,\s(?:the|an?)\s[^,;()]{3,60}?,\sas\swell\sas\s(?:the\s)?")
_DESCRIPTOR_GAP_RE = re.compile(r"[a-z][a-z\s-]{0,40}")
_AND_WITH_RE = re.compile(r",?\sand\s(?:also\s)?with\s(?:the\s)?")

# "A co-developed X with B", "A formed a strategic alliance with B": a trigger of its own,
# run only where its words are (PARTNER_RE's scan is paid on every sentence with "with")
ALLIANCE_RE = re.compile(r"\b(?:co-?develop(?:s|ed|ing)?\s+(?:an?\s|the\s|its\s)?[a-z\s-]{0,40}?\bwith|"
                         r"(?:form|forg|announc|launch|expand|deepen|establish|buil|strengthen|extend)[a-z]{0,4}\s+"
                         r"(?:a|an|its|their|the)\s+[a-z\s-]{0,30}?\b(?:partnership|alliance)\s+with)\b", re.I)
_ALLIANCE_WORDS = ("co-develop", "codevelop", "alliance with", "partnership with")

lower_twinned(PARTNER_RE, ALLIANCE_RE)


class PartnerRules(ClauseReading):
    """The PARTNERS_WITH rules."""

    def _drop_parent_echoes(self):
        """A headline "SKK GSB and TUM to launch ..." where the article has SKK GSB's deal
        with TUM's School of Management: the pair with the parent is the same partnership
        named coarsely (a headline's short names), not another one."""
        ents = self.ents
        pairs = {(r.source, r.target) for r in self.out if r.type in ("MOU", "PARTNERS_WITH")}
        if len(pairs) < 2:
            return
        parent = {k: {e.parent} for k, e in ents.items() if e.parent}
        for r in self.out:
            if r.type == "AFFILIATED_WITH" and ents[r.source].kind != "Person":
                parent.setdefault(r.source, set()).add(r.target)
        unit_pairs = set()
        for a, b in pairs:
            for x, y in ((a, b), (b, a)):
                for py in parent.get(y, ()):
                    unit_pairs.add((x, py))
                for px in parent.get(x, ()):
                    unit_pairs.add((px, y))
        if not unit_pairs:
            return
        # only a headline's (no closing stop): a sentence of the body says what it says
        self.out = [r for r in self.out if not (
            r.type == "PARTNERS_WITH" and ((r.source, r.target) in unit_pairs or (r.target, r.source) in unit_pairs)
            and not r.evidence.text.rstrip().endswith((".", "!", "?", '"', "”", "'", "’")))]

    def _partners(self, ms, s, e):
        ms_p = None
        # every trigger ends in "with"
        with_ = self._may(("with", "alongside"))
        triggers = self._finditer(PARTNER_RE, s, e) if with_ and self._may(_PARTNER_WORDS) else ()
        if with_ and self._may(_ALLIANCE_WORDS):
            triggers = sorted(list(triggers) + list(self._finditer(ALLIANCE_RE, s, e)), key=lambda t: t.start())
        for t in triggers:
            if self._in_quote(t.start()):
                continue
            if ms_p is None:
                ms_p = self._party_mentions(ms, s, e)
            cs = self._clause_start(s, t.start())
            if self._program_subject(ms_p, cs, t.start()):
                continue         # "Led by X, the consortium was formed with Y": the consortium's members
            subj = [m for m in self._subject([m for m in ms_p if m.start >= cs], cs, before=t.start())
                    if m.kind in ORGISH]
            if not subj and cs > s:      # "X said that it ...": the sentence's subject
                subj = [m for m in self._subject(ms_p, s, before=t.start()) if m.kind in ORGISH]
            wm = _WHICH_BEFORE_RE.search(self.text, max(s, t.start() - 30), t.start()) \
                if ", which " in self._sent or ", that " in self._sent else None
            if wm:
                # "..., Naver Cloud, which already works with Y": the name before "which"
                x = next((m for m in reversed(ms_p) if m.end <= wm.start()), None)
                subj = [x] if x is not None and x.end == wm.start() and x.kind in ORG_LIKE else []
            right = self._after(ms_p, t.end() + 1)
            if right and "and with " in self._sent:
                # "work with A on X, and with B on Y": B too
                for am in _AND_WITH_RE.finditer(self.text, right[-1].end, e):
                    right = right + self._after(ms_p, am.end())
            if right and "as well as " in self._sent:
                # "with A, the state-run institute in Daejeon, as well as (the software company) B and C"
                am = _APPOS_MORE_RE.match(self.text, right[-1].end, e)
                nxt = next((m for m in ms_p if m.start >= am.end()), None) if am else None
                if nxt is not None and (nxt.start == am.end() or
                                        _DESCRIPTOR_GAP_RE.fullmatch(self.text, am.end(), nxt.start)):
                    right = right + self._group_from(ms_p, ms_p.index(nxt))
            if t.group().lower().startswith("joint"):
                right = [m for m in right if not m.ref]     # "a joint project with the institute": which one?
            for a in subj:
                for b in right:
                    if b.kind in ORG_LIKE:
                        self._emit("PARTNERS_WITH", a.key, b.key, s, e, 0.8)
        # "the partnership (collaboration) between A and B": each pair
        if "between " in self._sent and self._may(("partnership", "collaboration", "cooperation")):
            for bm in _PARTNERSHIP_BETWEEN_RE.finditer(self.text, s, e):
                if self._in_quote(bm.start()):
                    continue
                grp = [m for m in self._after(self._party_mentions(ms, s, e), bm.end()) if m.kind in ORG_LIKE]
                for i in range(len(grp)):
                    for j in range(i + 1, len(grp)):
                        self._emit("PARTNERS_WITH", grp[i].key, grp[j].key, s, e, 0.7)
        # "A and B launch ...": needs two organisations and one of the verbs
        if not self._may(_CO_VERB_WORDS) or sum(1 for m in ms if m.kind in ORG_LIKE) < 2:
            return
        subj = self._subject(ms, s)
        subj = [m for m in subj if m.kind in ORG_LIKE]
        if len(subj) >= 2 and CO_VERB_RE.match(self.text[subj[-1].end:e]):
            for i in range(len(subj)):
                for j in range(i + 1, len(subj)):
                    self._emit("PARTNERS_WITH", subj[i].key, subj[j].key, s, e, 0.7)

    def _program_subject(self, ms: list[M], cs: int, pos: int) -> bool:
        """Does the clause open with a program or consortium ("Led by X, the consortium
        ...")?"""
        for m in ms:
            if m.start < cs:
                continue
            if m.start >= pos:
                return False
            return m.kind == "Program" and _ARTICLE_GAP_RE.fullmatch(self.text, cs, m.start) is not None
        return False
