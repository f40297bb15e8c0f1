"""MOU: the signed agreements.

"A and B signed an MOU", "A ... sign(s) an agreement with B", "an agreement between A and
B", "the agreement, signed by X, president of A, and ..." (whom the signers lead, as this
sentence's LEADS say), "The two / three parties signed ..." (the organisations of the
sentences before, where they are as many), "a three-way agreement with A and B" (A and B
are parties to each other too), and "X signed agreements with five universities"
followed within four sentences by "Signatories were A, B and C."
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ..resolve import ORG_LIKE
from . import base
from .base import M, ORGISH
from .clauses import ClauseReading

# bound by assignment, not imported by name: see base.py
_NUMBER_WORDS = base._NUMBER_WORDS
_WITH_RE = base._WITH_RE

MOU_RE = re.compile(r"\b(?:sign(?:s|ed|ing)?|conclud(?:e|es|ed|ing)|ink(?:s|ed)?|enter(?:s|ed|ing)?\s+into|renew(?:s|ed|ing)?|"
                    r"exchang(?:e|es|ed|ing))\b[^.;]{0,80}?\b(?:MOU|MoU|memorand(?:um|a)|agreement|pact|accord|"
                    r"partnership)s?\b|\b(?:MOU|MoU|memorandum|agreement|pact|accord)\b[^.;]{0,60}?\b"
                    r"(?:was|were|has been|had been)?\s*(?:signed|concluded|renewed)\b")
_BETWEEN_RE = re.compile(r"\bbetween\s")
_REL_SIGNED_RE = re.compile(r"\s(?:that|which)\s")
# "with Indonesian hospitals", "with local firms": partners not named, in the plural
_UNNAMED_OTHER_RE = re.compile(r"(?:[A-Za-z-]+\s){0,3}?(?:hospitals|universities|companies|firms|institutions|schools|"
                               r"partners|institutes|governments|agencies)\b")
# "The agreement, signed (on Monday) by A and B": the parties after "by"
_SIGNED_BY_RE = re.compile(r"\b(?:signed|concluded|inked)\s(?:(?:on\s)?[A-Z][a-z]{2,8}\s|last\s[a-z]{3,9}\s|"
                           r"earlier\s[a-z]{3,9}\s|jointly\s)?by\s(?:the\s)?")
# a deal's parties named in the sentence before: "The two signed", "Both sides signed",
# "The three parties signed", "The agreement was signed Thursday at ..."
_DEF_DEAL_RE = re.compile(r"(?:The|Both)\s(?:(?P<n>two|three|four|five)\s(?:(?:sides|parties|institutions|organi[sz]ations|"
                          r"universities|partners|schools|hospitals)\s)?|(?:sides|parties)\s|(?:agreement|memorandum|"
                          r"MOU|MoU|pact|accord|deal)\s(?:was|were|has\sbeen|had\sbeen)\s)")
_WITH_N_RE = re.compile(r"(?:the\s)?(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s(?:[a-z-]+\s)?"
                        r"(?:universities|schools|colleges|institutions|hospitals|companies|firms|partners|"
                        r"organi[sz]ations|institutes)\b")
_SIGNATORIES_RE = re.compile(r"\s*(?:(?:The\s)?(?:[Ss]ignatories|[Ss]igners|[Pp]artners|[Pp]articipants)\s|They\s|These\s|"
                             r"The\s(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s(?:[a-z]+\s)?)"
                             r"(?:were|are|include|included)\s(?:the\s)?")
_TWO_OF_RE = re.compile(r"\b(?:the\stwo|[Bb]oth)\s(?:universities|institutions|sides|parties|schools|hospitals|"
                        r"organi[sz]ations|institutes|partners)\b")
_MULTI_PARTY_RE = re.compile(r"\b(?:three-way|four-way|trilateral|tripartite|multilateral|three-party|four-party)\b", re.I)


class MouRules(ClauseReading):
    """The MOU rules."""

    def _mou(self, ms, s, e):
        if not self._has(("MOU", "MoU", "memorandum", "agreement", "pact", "accord", "partnership")):
            return
        t = MOU_RE.search(self.text, s, e)
        if not t or self._in_quote(t.start()):
            return
        ms = self._party_mentions(ms, s, e)
        cs = self._clause_start(s, t.start())
        between = _BETWEEN_RE.search(self.text[t.start():e])
        pairs = []
        if between:
            grp = self._after(ms, t.start() + between.end())
            pairs = [(grp[i].key, grp[j].key) for i in range(len(grp)) for j in range(i + 1, len(grp))]
        else:
            left = [m for m in self._subject([m for m in ms if m.start >= cs], cs, before=t.start()) if m.kind in ORGISH]
            if not left and cs > s:      # "X said that it has signed": the sentence's subject
                left = [m for m in self._subject(ms, s, before=t.start()) if m.kind in ORGISH]
            by = _SIGNED_BY_RE.search(self.text, t.start(), min(e, t.end() + 40)) if "by " in self._sent else None
            if by:                       # "The agreement, signed by A and B, ...": the parties after "by"
                left = [m for m in self._after(ms, by.end()) if m.kind in ORGISH]
                if len(left) < 2:
                    left = self._signers(s, by.end(), e)
            elif not left:               # "A President X and B CEO Y signed the MOU": whom the signers lead
                left = self._signers(s, cs, t.start())
            w = _WITH_RE.search(self.text[t.start():e])
            if len(left) == 1 and not w and not by:
                # "SKKU President X and TSAU Rector Y signed": the subject is one title's owner
                sg = self._signers(s, cs, t.start())
                if len(sg) >= 2:
                    left = sg
            # "a memorandum of understanding that A and B signed": the relative clause's subject
            rel = _REL_SIGNED_RE.search(self.text, t.start(), t.end()) if not w and len(left) < 2 else None
            if rel:
                grp = [m for m in self._after(ms, rel.end()) if m.kind in ORGISH and m.end <= t.end()]
                if len(grp) >= 2:
                    left = grp
            right = self._after(ms, t.start() + w.end()) if w else []
            if w and not right and left:
                # "signed agreements with five universities": named in a list that follows
                nm = _WITH_N_RE.match(self.text, t.start() + w.end(), e)
                if nm:
                    self._pending_list = ([m.key for m in left], bisect_left(self._sent_starts, s))
            if not w:
                w2 = _WITH_RE.search(self.text[cs:t.start()])
                if w2:
                    right = self._after(ms, cs + w2.end())
            if left and right:
                pairs = [(a.key, b.key) for a in left for b in right]
                # "a three-way agreement with A and B": A and B are parties to each other too
                if len(right) >= 2 and _MULTI_PARTY_RE.search(self.text, s, t.end()):
                    pairs += [(right[i].key, right[j].key) for i in range(len(right)) for j in range(i + 1, len(right))]
            elif len(left) >= 2 and not (w and _UNNAMED_OTHER_RE.match(self.text, t.start() + w.end(), e)):
                # ("A and B have both signed agreements with Indonesian hospitals": each with others)
                pairs = [(left[i].key, left[j].key) for i in range(len(left)) for j in range(i + 1, len(left))]
        if not pairs and ms and ("two " in self._sent or "oth " in self._sent):
            # "under an exchange agreement the two universities renewed": the sentence's two
            if _TWO_OF_RE.search(self.text, s, e):
                keys = []
                for m in ms:
                    if m.kind in ORG_LIKE and not m.ref and m.key not in keys:
                        keys.append(m.key)
                if len(keys) == 2:
                    pairs = [(keys[0], keys[1])]
        if not pairs and self._sent[:1] in "TB":
            # "The two signed ...", "The three parties signed ...", "The agreement was signed
            # Thursday": the organisations of the sentence before, where they are as many
            dm = _DEF_DEAL_RE.match(self.text, s, t.end())
            if dm:
                pairs = self._previous_parties(s, dm.group("n"))
        for a, b in pairs:
            if a != b and self.ents[a].kind != "Program" and self.ents[b].kind != "Program":
                self._emit("MOU", a, b, s, e, 0.9)
                self._last_mou = (a, b)

    def _signatories(self, ms, s, e):
        """"Signatories were A, B and C." (or "They are", "The five are") within four
        sentences after "X signed agreements with five universities": X and each."""
        left, at = self._pending_list
        here = bisect_left(self._sent_starts, s)
        if here - at > 4:
            self._pending_list = None
            return
        if here == at:
            return
        lm = _SIGNATORIES_RE.match(self.text, s, e)
        if not lm:
            return
        self._pending_list = None
        for b in self._after(ms, lm.end(), ORG_LIKE):
            for a in left:
                if a != b.key:
                    self._emit("MOU", a, b.key, s, e, 0.8)

    def _previous_parties(self, s: int, n: str | None) -> list[tuple[str, str]]:
        """Every pair of the organisations named in the sentence before ``s`` (names and
        back-references), where there are exactly ``n`` of them (two where unsaid)."""
        i = bisect_left(self._sent_starts, s)
        want = _NUMBER_WORDS.get(n or "two", 2)
        keys: list[str] = []
        # up to three sentences back, until as many are named ("... the university is
        # providing classrooms. Students in the university's ... The two signed")
        for j in range(i - 1, max(i - 4, -1), -1):
            ps, pe = self.sentences[j]
            cands = self._mentions_in(ps, pe)
            for m in sorted(cands + [r for r in self._backrefs(ps, pe) if not self._in_quote(r.start)],
                            key=lambda m: m.start):
                if m.end <= pe and m.kind in ORG_LIKE and m.key not in keys and not self._in_quote(m.start):
                    keys.append(m.key)
            if len(keys) >= want:
                break
        if len(keys) != want:
            return []
        return [(keys[x], keys[y]) for x in range(want) for y in range(x + 1, want)]

    def _signers(self, s: int, a: int, b: int) -> list[M]:
        """The organisations led by the persons named in text[a:b], as this sentence's
        LEADS say ("signed by X, president of A, and Y, CEO of B": A and B)."""
        ps = self._person_starts
        i = bisect_left(ps, a)
        if i >= len(ps) or ps[i] >= b:
            return []
        led = {}
        for r in self.out:
            if r.type == "LEADS" and r.evidence.start == s:
                led.setdefault(r.source, r.target)
        out: list[M] = []
        seen = set()
        for m in self._persons[i:]:
            if m.start >= b:
                break
            k = led.get(m.key)
            if k and k not in seen and self.ents[k].kind in ORG_LIKE:
                seen.add(k)
                out.append(M(m.start, m.end, k, self.ents[k].kind, True))
        return out
