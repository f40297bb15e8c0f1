"""PARTICIPATES_IN: who takes part in a program or consortium.

"A was selected for / to perform P", "designation as a P", "A participates in / operates /
launches P", selection lists ("The six are A, B and C" after a sentence that names P and
a selection), "the agency chose A as one of N recipients under its P", consortium
members ("formed in collaboration with", "Joined by A, ...", "the P consortium comprising
A, B and C"), "P's participating universities include A and B", "A will launch P with B",
"an agreement with B to set up P", "A, which applied jointly with B" (B takes part in
what A takes part in, read once the document is done), "A's projects under P", "P
(, organized by X,) brings together / comprises / has selected A, B and C", "Among this
year's winners are A and B", "A, B and C were also selected.", "the three schools will
take part in P" (the list of three in the sentence before), "X is one of 27 projects in
P", "P, which Busan joined", "the cluster will be anchored by A".

Where the one who launches or selects is a ministry, agency or local government, the
same triggers say that it runs P: those rules emit ORGANIZES here (the ORGANIZES rules of
their own are in organizing.py).  The words of ``_MEMBERS_WORDS``, ``_LIST_GATE_WORDS``
and ``_JOIN_WORDS`` are also run()'s test for calling ``_participates`` at all.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ..resolve import ORG_LIKE
from . import base, clauses
from .base import M, ORGISH, _OWNER_KINDS, lower_twinned
from .clauses import ClauseReading

# bound by assignment, not imported by name: see base.py
_ARTICLE_GAP_RE = base._ARTICLE_GAP_RE
_PASSIVE_GAP_RE = base._PASSIVE_GAP_RE
_POSSESSIVE_ONLY_RE = base._POSSESSIVE_ONLY_RE
_POSSESSIVE_OWNER_GAP_RE = base._POSSESSIVE_OWNER_GAP_RE
_WITH_RE = base._WITH_RE
_MEMBER_SEP_RE = clauses._MEMBER_SEP_RE

PARTICIPATE_RE = re.compile(
    r"\b(?:selected|chosen|picked|designated|named|tapped)\b[^.;]{0,120}?\b(?:for|to\s+(?:perform|carry\s+out|run|lead|"
    r"operate|conduct|implement|host|join)|as)\b|\bdesignation\s+as\b|\bparticipat(?:e|es|ed|ing)\s+in\b|"
    r"\btak(?:e|es|ing)\s+part\s+in\b|\btook\s+part\s+in\b|\bjoin(?:s|ed)?\b|\boperat(?:e|es|ing)\b|"
    r"\b(?:is|are|was|were|became|become|has\s+become|has\s+been|have\s+been|had\s+been|will\s+be|would\s+be)\s+"
    r"(?:also\s+|now\s+|already\s+)?(?:a\s+|an\s+)?"
    r"(?:(?:founding|core|full|new|key)\s+)?"
    r"(?:part|members?|participants?)\s+(?:of|in)\b|"
    r"\blaunch(?:es|ed|ing)?\b|\bcarr(?:y|ies|ied)\s+out\b|\bperform(?:s|ed|ing)?\b|\bimplement(?:s|ed|ing)?\b|"
    r"\b(?:(?<!illion\s)(?<!\d\s)won|wins|win|awarded)\b|\bsign(?:s|ed)?\s+(?:on\s+to|up\s+for)\b", re.I)  # "1 billion won" is money
MEMBERS_RE = re.compile(r"\b(?:consortium|alliance|coalition|network|group|team)\W{0,3}\s*(?:—|–|-|,|\()?\s*"
                        r"(?:comprising|consisting\s+of|composed\s+of|made\s+up\s+of|that\s+includes|including|"
                        r"which\s+includes|of)\s", re.I)
# "The six are A, B ...", "The others are A and B", "The four recipients were A, B ..."
_LIST_RE = re.compile(r"\s*(?:(?:The|These|Those)\s+(?:other\s+)?(?P<n>two|three|four|five|six|seven|eight|nine|ten|"
                      r"eleven|twelve|\d+|others?)\s+(?:new\s+|selected\s+|participating\s+)?(?:(?:universities|"
                      r"schools|institutions|hospitals|participants|recipients|winners|members|partners|companies|"
                      r"colleges|consortia)\s+)?(?:are|were|include|included)|(?:They|These)\s+(?:include|included))"
                      r"\s+(?:the\s+)?")
# "Universities selected in the first two rounds, including A and B, ..."
# "The winners are A's Center X and B's Center Y": a selection list with no count
_WINNERS_LIST_RE = re.compile(r"\s*(?:Among\s+(?:the|this\s+year['’]s|last\s+year['’]s)|The|This\s+year['’]s|"
                              r"Last\s+year['’]s)\s+(?:new\s+)?(?:winners|recipients|"
                              r"selected\s+(?:universities|schools|centers|institutions|hospitals|teams|projects))\s+"
                              r"(?:are|were|include|included)\s+(?:the\s+)?")
# "A, B in Daegu and C were also selected.": a list chosen, the program named before
_ALSO_SELECTED_RE = re.compile(r"\s+(?:were|was|have\s+been|has\s+been)\s+(?:also\s+)?(?:selected|chosen|picked|named|"
                               r"designated)(?:\s+as\s+well)?\s*[.,]")
# "P (, organized by X,) brings together A, B and C"; "The alliance comprises A and B"
_BRINGS_RE = re.compile(r"\b(?:brings|brought|bring|will\s+bring)\s+together\s+(?:the\s+)?|"
                        r"\b(?:comprises|comprised|consists\s+of|consisted\s+of|is\s+made\s+up\s+of|"
                        r"is\s+composed\s+of|groups|includes|included|will\s+include|has\s+selected|selected|"
                        r"chose|has\s+chosen)\s+(?:the\s+)?")
_BRINGS_WORDS = ("together", "compris", "consist", "made up", "composed", "groups", "include", "selected", "chose")
# "the three schools", "all four hospitals": a list named in the sentence before
_COUNTED_RE = re.compile(r"\b(?:[Tt]he|[Tt]hese|[Aa]ll|[Tt]hose)\s+(?P<n>two|three|four|five|six|seven|eight)\s+"
                         r"(?:schools|universities|hospitals|institutions|companies|firms|partners|organizations)\b")
_COUNTED_WORDS = ("schools", "universities", "hospitals", "institutions", "companies", "firms", "partners",
                  "organizations")
# "A received N as one of the universities chosen for P": A is chosen
_ONE_OF_THE_RE = re.compile(r"\b(?:one\s+of|among)\s+(?:the\s+)?(?:\w+\s+){0,3}?(?:universities|schools|hospitals|"
                            r"institutions|companies|firms|teams|centers|projects)\s+$")
# "The academy is one of 27 projects in the first year of the P": a project of P
_ONE_OF_PROJECTS_RE = re.compile(r"\s+(?:is|was|are|were)\s+(?:also\s+)?(?:one\s+of|among)\s+(?:the\s+)?"
                                 r"(?:\w+\s+){0,3}?(?:projects|programs|participants|members|recipients|winners|"
                                 r"teams|consortia)\s+(?:in|of|under|for|selected\s+for|chosen\s+for|funded\s+by)\s+")
_ANCHORED_RE = re.compile(r"\s+(?:will\s+be|is|was|are|were|has\s+been|to\s+be)\s+anchored\s+by\s+(?:the\s+)?")
# "P, which Busan joined in February"
_WHICH_OBJ_RE = re.compile(r",\s+which\s+(?:the\s+)?")
_JOINED_VERB_RE = re.compile(r"\s+(?:also\s+|later\s+|first\s+)?(?:has\s+|had\s+|have\s+)?(?:also\s+)?(?:joined|entered|"
                             r"signed\s+up\s+for|took\s+part\s+in|takes\s+part\s+in|participates\s+in|"
                             r"participated\s+in)\b")
_OWNER_POSS_RE = re.compile(r"['’]s\s+(?:new\s+)?")
_SELECTED_INCL_RE = re.compile(r"\b(?:[Uu]niversities|[Ss]chools|[Ii]nstitutions|[Hh]ospitals|[Cc]olleges|[Pp]articipants|"
                               r"[Rr]ecipients)\s+(?:(?:already|previously|newly)\s+)?(?:selected|chosen|picked|named|"
                               r"designated)\b[^.;,]{0,60},?\s+including\s+(?:the\s+)?")
# "the consortium was formed in collaboration with A, B and C"; "Joined by A, ..., the group will"
_GROUP_NOUNS = r"(?P<w>consortium|alliance|coalition|network|group|team)"
_FORMED_WITH_RE = re.compile(r"\b" + _GROUP_NOUNS + r"\s+(?:was|is|were|has\s+been|will\s+be)\s+(?:formed|created|"
                             r"set\s+up|established|launched|organi[sz]ed|built)\s+(?:jointly\s+)?(?:in\s+(?:close\s+)?"
                             r"(?:collaboration|partnership|cooperation)\s+with|together\s+with|with)\s+(?:the\s+)?", re.I)
_AGREED_TO_RE = re.compile(r"\b(?P<deal>agreement|MOU|MoU|memorandum|pact)\b[^.;]{0,160}?\b(?P<to>to)\s+(?:jointly\s+)?"
                           r"(?:set\s+up|launch|establish|create|run|operate|form|build)\s+")
# "to run a joint battery research program, the Pacific Battery Initiative"
_NAMED_APPOSITION_RE = re.compile(r"(?:a|an)\s+[\w\s-]{0,50}?\b(?:program|programme|project|initiative|course|"
                                  r"consortium|cluster|academy|school)\s*,?\s+(?:the\s+|called\s+(?:the\s+)?|"
                                  r"named\s+(?:the\s+)?|dubbed\s+(?:the\s+)?)?[\"“‘']?")
_APPLIED_WITH_RE = re.compile(r",\s+which\s+(?:had\s+|has\s+)?(?:applied|bid|competed)\s+(?:jointly\s+|together\s+)?with\s+"
                              r"(?:the\s+)?")
# "P's participating universities include A, B and C" / "Member schools of P are A and B"
_MEMBER_NOUNS = r"(?:universities|schools|institutions|hospitals|companies|firms|colleges|organizations|members|partners)"
_PART_INCLUDE_RE = re.compile(r"(?:['’]s\s+(?:(?:participating|member)\s+" + _MEMBER_NOUNS + r"|members|participants|"
                              r"partners)|\s+(?:participating|member)\s+" + _MEMBER_NOUNS + r")\s+(?:include|included|"
                              r"includes|are|were)\s+(?:the\s+)?")
_PART_OF_INCLUDE_RE = re.compile(r"\b(?:(?:[Pp]articipating|[Mm]ember)\s+" + _MEMBER_NOUNS + r"|[Pp]articipants|[Mm]embers)"
                                 r"\s+(?:of|in)\s+(?:the\s+)?")
# "P now has 12 member universities, including A and B"
_HAS_MEMBERS_RE = re.compile(r"\s+(?:now\s+)?(?:has|have|had|counts|includes)\s+(?:\w+\s+){0,2}?(?:member|participating|"
                             r"partner)\s+" + _MEMBER_NOUNS + r",?\s+(?:including|such\s+as)\s+(?:the\s+)?")
_INCLUDE_AFTER_RE = re.compile(r"\s+(?:include|included|includes|are|were)\s+(?:the\s+)?")
# "A will launch / run / offer P with B (and C)": B runs P with A, so both take part in it
_RUN_WITH_VERB_RE = re.compile(r"\b(?:launch(?:es|ed|ing)?|run(?:s|ning)?|ran|operat(?:e|es|ed|ing)|offer(?:s|ed|ing)?|"
                               r"implement(?:s|ed|ing)?|co-host(?:s|ed|ing)?|set(?:s|ting)?\s+up|start(?:s|ed|ing)?)\s+"
                               r"(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:new\s+|joint\s+)?")
_WITH_PARTNER_RE = re.compile(r"\s+with\s+(?:the\s+)?")
_JOINED_BY_RE = re.compile(r"\s*Joined\s+by\s+(?:the\s+)?")
_THE_GROUP_RE = re.compile(r",\s+(?:the|our|this)\s+" + _GROUP_NOUNS + r"\b")
# "ORG's (new) projects under (the ministry's) P": the owner's work is part of P
_UNDER_WORK_RE = re.compile(r"['’]s\s+[\w\s-]{0,30}?\b(?:projects?|work|research|programs?|programmes?|courses?|"
                            r"activities|efforts|plans?)\s+under\s+")
_OWNER_END_RE = re.compile(r"(?:['’]s)?")
_APPOSITIVE_PART_RE = re.compile(r",\s+(?:a|an|one\s+of\s+the|among\s+the)\s+[\w\s-]{0,40}?\b(?:participants?|members?|"
                                 r"recipients?|beneficiar(?:y|ies)|winners?|(?:participating|member)\s+(?:school|"
                                 r"universit(?:y|ies)|hospital|institution|compan(?:y|ies)|firm|partner)s?)\s+"
                                 r"(?:in|of|under)\s+")
_OPEN_PAREN_RE = re.compile(r"\s*\(\s*")
# "P, in which A is one of the lead universities / a participant / a member"
_IN_WHICH_RE = re.compile(r"[^.;]{0,40}?,\s+in\s+which\s+(?:the\s+)?")
_ONE_OF_RE = re.compile(r"\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:one\s+of\s+|among\s+)?(?:the\s+|a\s+|an\s+)?"
                        r"[\w\s-]{0,30}?\b(?:participants?|members?|universities|partners?|institutions|schools|"
                        r"hospitals|participating)\b")
# active voice: "the ministry selected / chose / named A (as ...) for / under P"
_SELECTS_RE = re.compile(r"\b(?:selected|chose|picked|named|designated|tapped)\s+", re.I)
_WHICH_CLAUSE_GAP_RE = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?,\s+which\s+[^,;()]{0,100},\s+")
_SELECTS_WORDS = ("selected", "chose", "picked", "named", "designated", "tapped")
_SELECTION_WORDS = ("select", "chose", "chosen", "pick", "named", "participa", "take part", "taking part",
                    "took part", "winner", "recipient", "member", "designat")
AMONG_RE = re.compile(r"^\s*(?:Among\s+(?:them|these|those)|Of\s+(?:them|these)|One\s+of\s+(?:them|these))\b", re.I)
_SEMI_OR_BY_RE = re.compile(r"[;]|\bby\b")
_PARTICIPATE_WORDS = ("selected", "chosen", "picked", "designat", "named", "tapped", "participat", "part", "join",
                      "operat",
                      "member",
                      "launch", "carr", "perform", "implement", "won", "win", "awarded", "signed on", "signed up",
                      "signs on", "signs up", "sign on", "sign up")
_JOIN_WORDS = ("participat", "part in", "join", "member")
_JOIN_TRIGGER_RE = re.compile(r"participat|tak|took|join|(?:is|are|was|were|bec|has)\b", re.I)
# what the rules of _participates need where no program is named (besides _MEMBERS_WORDS)
_LIST_GATE_WORDS = ("including", "applied", "competed", "bid ", "winners", "recipients", "selected", "chosen",
                    "picked", "designated")
_LIST_START_RE = re.compile(r"\s*(?:The|These|Those|They)\s")
_MEMBERS_WORDS = ("consortium", "alliance", "coalition", "network", "group", "team")

lower_twinned(PARTICIPATE_RE, MEMBERS_RE, _SELECTS_RE)


class ParticipationRules(ClauseReading):
    """The PARTICIPATES_IN rules."""

    def _participates(self, ms, s, e):
        progs = [m for m in ms if m.kind == "Program" and not m.ref]
        prog_refs = [m for m in ms if m.kind == "Program" and m.ref] if self._may(_JOIN_WORDS) else []
        # with no program named in the sentence no trigger finds a target
        for t in (self._finditer(PARTICIPATE_RE, s, e) if (progs or prog_refs) and self._may(_PARTICIPATE_WORDS)
                  else ()):
            if self._in_quote(t.start()):
                continue
            # "is also participating in the initiative": a program referred back to, after a verb of joining
            cands = progs + prog_refs if prog_refs and _JOIN_TRIGGER_RE.match(t.group()) else progs
            target = next((p for p in cands if p.start >= t.end() - 1 and
                           not _SEMI_OR_BY_RE.search(self.text[t.end():p.start])), None)
            if target is None:
                continue
            body = self._after_dateline(ms, s, t.start())      # "SEOUL, April 8 — KIST said ..."
            subj = [m for m in self._clause_subject(body, s, t.start(), reported=True) if m.key != target.key]
            subj = [m for i, m in enumerate(subj) if i + 1 == len(subj) or not self._possessor_of(m, subj[i + 1])]
            if self._may(("it ",)):          # "..., and it is one of the five schools taking part in P"
                it = self._it_subject(ms, s, t.start())
                subj = [it] if it and it.key != target.key else subj
            if not subj and self._may(_COUNTED_WORDS):   # "Under the pact, the three schools will join P"
                subj = [m for m in self._counted_group(s, t.start()) if m.key != target.key]
            if subj and t.group()[:3].lower() in {"sel", "cho", "pic", "des", "nam", "tap"} and \
                    not _PASSIVE_GAP_RE.search(self.text, subj[-1].end, t.start()) and \
                    not _ONE_OF_THE_RE.search(self.text, subj[-1].end, t.start()):
                continue          # "The ministry selected A for P": the selector takes no part (_selects)
            runs = t.group()[:4].lower() in {"laun", "oper", "impl"}
            if runs and any(t.end() <= m.start < target.start for m in ms):
                continue          # "KIAT operates the program ... picked P": what is run is named first
            tkey = self._program_ref(target) if target.ref else target.key
            if tkey != target.key:
                target = M(target.start, target.end, tkey, "Program", True)
            for a in subj:
                if runs and a.kind in _OWNER_KINDS:     # "The ministry launched P in 2023": it runs P
                    self._emit("ORGANIZES", a.key, target.key, s, e, 0.7)
                elif a.kind in ORG_LIKE or (a.kind == "Program" and self._consortium(a.key)):
                    self._emit("PARTICIPATES_IN", a.key, target.key, s, e, 0.75, **self._period(s, e))
            if subj:
                break
        mm = self._search(MEMBERS_RE, s, e) if self._may(_MEMBERS_WORDS) else None
        if mm:
            cons = self._latest(mm.end(), {"Program"})
            members = self._after(ms, mm.end(), ORG_LIKE, max_gap=4)
            for a in members:
                self._emit("PARTICIPATES_IN", a.key, cons, s, e, 0.85)
        if self._may(("participa", "member")):
            self._members_include(ms, s, e)
        if self._may(("anchored by",)):
            self._anchored_by(ms, s, e)
        if progs and self._may((", which",)):
            self._which_joined(ms, progs, s, e)
        if progs and self._may(("one of", "among")):
            self._one_of_projects(ms, progs, s, e)
        if ms[0].kind == "Program" and self._has(_BRINGS_WORDS):     # the program is the subject
            self._brings_together(ms, s, e)
        self._listed(ms, s, e)
        if self._may(_MEMBERS_WORDS):        # every pattern of _formed_with names the group
            self._formed_with(ms, s, e)
        if progs and self._has(("agreement", "MOU", "MoU", "memorandum", "pact")):
            self._agreed_to_launch(ms, progs, s, e)
        if self._may(("applied", "bid ", "competed")):
            self._applied_with(ms, s, e)
        if progs:
            self._under_program(ms, progs, s, e)
        if progs and self._may((" with ",)):
            self._run_with(ms, progs, s, e)
        if progs and self._may(_SELECTS_WORDS):
            self._selects(ms, progs, s, e)
        # a consortium inside a program: "Among them, the X consortium ..."
        for c in progs:
            if not self._consortium(c.key):
                continue
            other = next((p for p in progs if p.key != c.key and not self._consortium(p.key)), None)
            host = other.key if other else (self._latest(s, {"Program"}, exclude={c.key},
                                                          pred=lambda m: not self._consortium(m.key))
                                            if AMONG_RE.match(self.text[s:e]) else None)
            if host:
                self._emit("PARTICIPATES_IN", c.key, host, s, e, 0.7)

    def _anchored_by(self, ms, s, e):
        """"The cluster will be anchored by A (and B)": the program's anchors take part in it."""
        for am in _ANCHORED_RE.finditer(self.text, s, e):
            p = next((m for m in reversed(ms) if m.end <= am.start() and m.kind == "Program"), None)
            if p is None or p.end != am.start() or self._in_quote(am.start()):
                continue
            key = self._program_ref(p) if p.ref else p.key
            for a in self._members_at(ms, am.end()):
                if a.key != key:
                    self._emit("PARTICIPATES_IN", a.key, key, s, e, 0.7)

    def _which_joined(self, ms, progs, s, e):
        """"P, which Busan joined in February": the one named after "which" takes part in P."""
        for p in progs:
            wm = _WHICH_OBJ_RE.match(self.text, p.end, e)
            who = self._after(ms, wm.end(), ORGISH, max_gap=0) if wm else []
            jm = _JOINED_VERB_RE.match(self.text, who[-1].end, e) if who else None
            if jm is None or self._in_quote(p.start):
                continue
            for a in who:
                if a.key != p.key:
                    self._emit("PARTICIPATES_IN", a.key, p.key, s, e, 0.7)

    def _one_of_projects(self, ms, progs, s, e):
        """"The academy is one of 27 projects in the first year of the P": the sentence's first
        name (a project, a school) takes part in the program named next."""
        a = ms[0]
        om = _ONE_OF_PROJECTS_RE.match(self.text, a.end, e) if _ARTICLE_GAP_RE.fullmatch(self.text, s, a.start) \
            else None
        if om is None or self._in_quote(a.start):
            return
        p = next((m for m in ms if m.start >= om.end()), None)
        if p is None or p.kind != "Program" or p.ref or p.start - om.end() > 40 or p.key == a.key:
            return
        if a.kind in ORG_LIKE or a.kind == "Program":
            self._emit("PARTICIPATES_IN", a.key, p.key, s, e, 0.7)

    def _counted_group(self, s: int, pos: int) -> list[M]:
        """"the three schools" as the subject before ``pos`` (nobody named before it in the
        sentence): the list of exactly three organisations in the sentence before."""
        cm = _COUNTED_RE.search(self.text, s, pos)
        before = self._sentence_before(s) if cm else None
        if before is None or self._mentions_in(s, cm.start()):
            return []
        n = base._NUMBER_WORDS[cm.group("n").lower()]
        prev = [m for m in self._mentions_in(*before) if m.kind in ORG_LIKE]
        i = 0
        while i < len(prev):
            grp = self._group_from(prev, i, ORG_LIKE)
            if len({m.key for m in grp}) == n:
                return grp
            i += max(1, len(grp))
        return []

    def _run_with(self, ms, progs, s, e):
        """"A will launch P with B and C": B and C take part in P (and A, unless it owns P)."""
        for p in progs:
            wm = _WITH_PARTNER_RE.match(self.text, p.end, e)
            if wm is None or self._in_quote(p.start):
                continue
            vm = None
            for vm in _RUN_WITH_VERB_RE.finditer(self.text, max(s, p.start - 40), p.start):
                pass
            if vm is None or vm.end() != p.start:
                continue
            partners = [a for a in self._members_at(ms, wm.end()) if a.kind not in _OWNER_KINDS]
            if not partners:
                continue
            subj = [a for a in self._clause_subject(ms, s, vm.start()) if a.kind in ORG_LIKE and
                    a.kind not in _OWNER_KINDS and not _PASSIVE_GAP_RE.search(self.text, a.end, vm.start())]
            subj = [a for a in subj if not any(b is not a and b.start <= a.start and a.end <= b.end for b in subj)]
            for a in subj + partners:
                if a.key != p.key:
                    self._emit("PARTICIPATES_IN", a.key, p.key, s, e, 0.7)

    def _brings_together(self, ms, s, e):
        """"The P alliance, organized by X, brings together A, B and C" / "P comprises A and B":
        the program is the sentence's subject, and each one named takes part in it."""
        for t in _BRINGS_RE.finditer(self.text, s, e):
            if self._in_quote(t.start()):
                continue
            subj = self._subject(ms, s, before=t.start())
            if not subj or subj[0].kind != "Program":
                continue
            key = self._program_ref(subj[0]) if subj[0].ref else subj[0].key
            for a in self._members_at(ms, t.end()):
                if a.key != key:
                    self._emit("PARTICIPATES_IN", a.key, key, s, e, 0.75)
            return

    def _members_include(self, ms, s, e):
        """"P's participating universities include A, B and C", "the program's members are A and B",
        "Participating schools in P include A and B": each one named takes part in P."""
        for p in ms:
            if p.kind != "Program" or self._in_quote(p.start):
                continue
            im = _PART_INCLUDE_RE.match(self.text, p.end, e) or _HAS_MEMBERS_RE.match(self.text, p.end, e)
            if im is None:
                om = _PART_OF_INCLUDE_RE.search(self.text, max(s, p.start - 60), p.start)
                im = _INCLUDE_AFTER_RE.match(self.text, p.end, e) if om and om.end() == p.start else None
            if im is None:
                continue
            key = self._program_ref(p) if p.ref else p.key
            for a in self._members_at(ms, im.end()):
                if a.key != key:
                    self._emit("PARTICIPATES_IN", a.key, key, s, e, 0.75)

    def _agreed_to_launch(self, ms, progs, s, e):
        """"A signed an agreement with B and C to set up the P": the partners take part in P
        (and A, unless a government or agency that sets P up for others)."""
        am = _AGREED_TO_RE.search(self.text, s, e)
        if am is None or self._in_quote(am.start()):
            return
        p = next((p for p in progs if p.start == am.end() or (p.start > am.end() and (
                  _ARTICLE_GAP_RE.fullmatch(self.text, am.end(), p.start) or
                  _NAMED_APPOSITION_RE.fullmatch(self.text, am.end(), p.start)))), None)
        if p is None:
            return
        w = _WITH_RE.search(self.text, am.start("deal"), am.start("to"))
        parties = self._members_at(ms, w.end()) if w else []
        subj = [m for m in self._subject(ms, s, before=am.start()) if m.kind in ORG_LIKE
                and m.kind not in _OWNER_KINDS]
        for a in subj + parties:
            if a.key != p.key:
                self._emit("PARTICIPATES_IN", a.key, p.key, s, e, 0.7)

    def _applied_with(self, ms, s, e):
        """"A, which applied jointly with B, ...": B takes part in what A takes part in (read at
        the end, once every PARTICIPATES_IN of A is known)."""
        for i, m in enumerate(ms):
            if m.kind not in ORG_LIKE:
                continue
            am = _APPLIED_WITH_RE.match(self.text, m.end, e)
            if am:
                for b in self._members_at(ms, am.end()):
                    self._applied_pairs.append((m.key, b.key, s, e))

    def _formed_with(self, ms, s, e):
        """A consortium's members: "the consortium was formed in collaboration with A, B and C";
        "Joined by A, (appositive,) the group will ..."."""
        fm = _FORMED_WITH_RE.search(self.text, s, e)
        if fm and not self._in_quote(fm.start()):
            members = self._members_at(ms, fm.end())
        else:
            jm = _JOINED_BY_RE.match(self.text, s, e)
            members = self._members_at(ms, jm.end()) if jm else []
            fm = _THE_GROUP_RE.search(self.text, members[-1].end, e) if members else None
        if not members or fm is None:
            return
        ref = next((m for m in ms if m.kind == "Program" and m.start <= fm.start("w") < m.end), None)
        cons = ref.key if ref and self._consortium(ref.key) else \
            self._latest(fm.start(), {"Program"}, pred=lambda m: self._consortium(m.key))
        for a in members:
            self._emit("PARTICIPATES_IN", a.key, cons, s, e, 0.75)

    def _under_program(self, ms, progs, s, e):
        """"the university's projects under P" and "P, in which A is one of the lead universities"."""
        if self._may(("under",)):
            for um in _UNDER_WORK_RE.finditer(self.text, s, e):
                p = next((p for p in progs if p.start >= um.end() and
                          _POSSESSIVE_OWNER_GAP_RE.fullmatch(self.text, um.end(), p.start)), None)
                if p is None or self._in_quote(um.start()):
                    continue
                owner = next((m for m in reversed(ms) if m.end <= um.start() + 2 and m.kind in ORG_LIKE), None)
                if owner and not owner.ref and _OWNER_END_RE.fullmatch(self.text, owner.end, um.start() + 2):
                    self._emit("PARTICIPATES_IN", owner.key, p.key, s, e, 0.7)
        if self._may(("participa", "member", "recipient", "beneficiar", "winner")):
            for i, m in enumerate(ms):       # "A, a participant in P," / "A, one of the recipients of P"
                am = _APPOSITIVE_PART_RE.match(self.text, m.end, e) if m.kind in ORG_LIKE else None
                p = next((p for p in progs if am and p.start >= am.end() and
                          _POSSESSIVE_OWNER_GAP_RE.fullmatch(self.text, am.end(), p.start)), None)
                if p:
                    self._emit("PARTICIPATES_IN", m.key, p.key, s, e, 0.7)
        if self._may(("in which",)):
            for i, p in enumerate(progs):
                wm = _IN_WHICH_RE.match(self.text, p.end, e)
                if wm:
                    if i and _OPEN_PAREN_RE.fullmatch(self.text, progs[i - 1].end, p.start):
                        p = progs[i - 1]       # "the X RISE (Regional Innovation ...) project, in which"
                    who = self._after(ms, wm.end(), ORG_LIKE, max_gap=0)
                    if who and _ONE_OF_RE.match(self.text, who[-1].end, e):
                        for a in who:
                            self._emit("PARTICIPATES_IN", a.key, p.key, s, e, 0.7)

    def _selects(self, ms, progs, s, e):
        """"KHIDI chose the center as one of four recipients under its P": the one chosen
        takes part in P, and an agency, ministry or local government that chooses runs it."""
        for t in self._finditer(_SELECTS_RE, s, e):
            if self._in_quote(t.start()):
                continue
            prog = next((p for p in progs if p.start >= t.end() and
                         not _SEMI_OR_BY_RE.search(self.text, t.end(), p.start)), None)
            if prog is None:
                continue
            body = self._after_dateline(ms, s, t.start())
            subj = [m for m in self._subject(body, s, before=t.start()) if m.kind in ORG_LIKE]
            if not subj or _PASSIVE_GAP_RE.search(self.text, subj[-1].end, t.start()) and \
                    not _WHICH_CLAUSE_GAP_RE.fullmatch(self.text, subj[-1].end, t.start()):
                continue          # "A was selected" (not "KIAT, which runs P, picked A")
            if _ARTICLE_GAP_RE.fullmatch(self.text, t.end(), prog.start):
                # "KIAT, which operates the program, picked the X Cluster": what is picked is a
                # project of the program named before (in the sentence or the latest one)
                host = next((p for p in reversed(ms) if p.kind == "Program" and p.end <= t.start()), None)
                hkey = (self._program_ref(host) if host.ref else host.key) if host else \
                    self._latest(s, {"Program"}, exclude={prog.key})
                if hkey and hkey != prog.key:
                    self._emit("PARTICIPATES_IN", prog.key, hkey, s, e, 0.7)
                    prog = M(prog.start, prog.end, hkey, "Program", True)
            for a in self._after(ms, t.end(), ORG_LIKE, max_gap=0):
                if a.key != prog.key:
                    self._emit("PARTICIPATES_IN", a.key, prog.key, s, e, 0.7)
            for a in subj:
                if a.kind in {"Ministry", "Agency", "LocalGovernment"}:
                    self._emit("ORGANIZES", a.key, prog.key, s, e, 0.7)
            return

    def _possessor_of(self, a: M, b: M) -> bool:
        """"Stanford's School of Engineering": ``a`` only owns ``b`` (no coordination)."""
        return _POSSESSIVE_ONLY_RE.fullmatch(self.text, a.end, b.start) is not None and \
            (self.text[a.end:a.end + 1] in ("'", "’") or self.text[a.end - 2:a.end] in {"'s", "’s"})

    def _listed(self, ms, s, e):
        """Selection lists: "The six are A, B and C." / "The others are A and B." after a
        sentence that names a program and who was selected for it or takes part in it;
        "Universities selected in the first round, including A and B, ..."."""
        lm = _LIST_RE.match(self.text, s, e)
        if lm:
            grp = self._members_at(ms, lm.end())
            prog = self._listed_program(s, lm.group("n")) if grp else None
            for a in grp:
                self._emit("PARTICIPATES_IN", a.key, prog, s, e, 0.7)
            return
        wm = _WINNERS_LIST_RE.match(self.text, s, e) if self._may(("winners", "recipients", "selected")) else None
        if wm:
            grp = self._owned_members_at(ms, wm.end())
            prog = self._listed_program(s, None) if grp else None
            for a in grp:
                self._emit("PARTICIPATES_IN", a.key, prog, s, e, 0.7)
            if grp:
                return
        sm = _ALSO_SELECTED_RE.search(self.text, s, e) if self._may(("selected", "chosen", "picked", "named",
                                                                      "designated")) else None
        if sm and not any(m.kind == "Program" for m in ms):
            grp = self._subject(ms, s, before=sm.start())
            prog = self._listed_program(s, None) if grp and grp[-1].end == sm.start() and \
                not self._in_quote(sm.start()) else None
            for a in grp if prog else ():
                if a.kind in ORG_LIKE:
                    self._emit("PARTICIPATES_IN", a.key, prog, s, e, 0.65)
        im = _SELECTED_INCL_RE.search(self.text, s, e) if self._may(("including",)) else None
        if im and not self._in_quote(im.start()):
            grp = self._members_at(ms, im.end())
            later = next((m for m in ms if m.kind == "Program" and not m.ref and m.start >= im.end()), None)
            prog = later.key if later else self._latest(s, {"Program"}, pred=lambda m: not self._consortium(m.key))
            for a in grp:
                self._emit("PARTICIPATES_IN", a.key, prog, s, e, 0.7)

    def _owned_members_at(self, ms, pos: int) -> list[M]:
        """The members of a list where each may be owned: "A's Center X, B's Lab Y and C" (X, Y, C)."""
        out: list[M] = []
        end = pos
        owner = None
        for m in ms:
            if m.start < end:
                continue
            gap = self.text[end:m.start]
            if owner is not None:
                if not _OWNER_POSS_RE.fullmatch(gap) or m.kind not in ORG_LIKE:
                    break
                out[-1] = m              # the owned unit, not its owner
                owner = None
                end = m.end
                continue
            if not (_ARTICLE_GAP_RE.fullmatch(gap) if not out else _MEMBER_SEP_RE.fullmatch(gap)) or \
                    m.kind not in ORG_LIKE:
                break
            out.append(m)
            end = m.end
            if _OWNER_POSS_RE.match(self.text, m.end):
                owner = m
        return out if owner is None else out[:-1]

    def _listed_program(self, s: int, n: str | None) -> str | None:
        """The program of a selection list: the latest program named in the four sentences
        before, where that sentence says who was selected or takes part (or repeats the count)."""
        i = bisect_left(self._sent_starts, s)
        lo = self.sentences[max(0, i - 4)][0]
        for j in range(bisect_left(self._starts, s) - 1, -1, -1):
            m = self.ms[j]
            if m.start < lo:
                return None
            if m.kind == "Program":
                break
        else:
            return None
        ps, pe = self._sentence_of(m.start)
        ls = self.text[ps:pe].lower()
        count = n.lower() if n and n.lower() not in {"other", "others"} else None
        if any(w in ls for w in _SELECTION_WORDS) or (count and re.search(r"\b" + count + r"\b", ls)):
            return m.key
        return None
