"""FUNDS: who gives money to whom, with the amount and period where stated.

"P ... supported/funded by A and B", "N won from A" (split contributions; "the national
government" -> the ministry that funds P, settled once the document is read), "A will
receive N from X", "A was awarded N by X", "funded by a N grant (over Y years) from X",
"A invests / sets aside / puts N in B", "X will support P with N", "N will be invested in
P by X", "P, which will provide funding totaling N", and shares of an amount ("Of that,
A will provide N1 and B the remaining N2": each giver funds what the sentence before
funded, kept as ``_last_money``).  Amounts come from money.find_money, periods from the
sentence (``_period``).  "A will receive N from P" (P a program) also makes A take part
in P; ``_government_funders`` also adds the joint applicants' PARTICIPATES_IN (see
participation._applied_with), as both run after the last sentence.

Giving with no amount ("the ministry bankrolls most of it", "X pays for it", "X is
sponsoring P", "the funding for P comes from X"), "X's N grant will cover Y", "funded by
X, which is putting in N", "..., while the city will chip in N" (a second giver in a
"while" clause), and a giver's amount with no target named ("Sejong has pledged N for
patient transport"; "Of that amount, N will go to SMC"): what the sentence (or the one
before) funded, kept by ``_funded_before``.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ..money import find_money, per_year_after
from ..resolve import ORG_LIKE
from . import base, clauses
from .base import M, ORGISH, _OWNER_KINDS, lower_twinned
from .clauses import ClauseReading

# bound by assignment, not imported by name: see base.py
_ARTICLE_GAP_RE = base._ARTICLE_GAP_RE
_POSSESSIVE_GAP_RE = base._POSSESSIVE_GAP_RE
_POSSESSIVE_ONLY_RE = base._POSSESSIVE_ONLY_RE
_POSSESSIVE_OWNER_GAP_RE = base._POSSESSIVE_OWNER_GAP_RE
_CLAUSE_RE = clauses._CLAUSE_RE
_PASSIVE_GAP_RE = base._PASSIVE_GAP_RE

GOV_WORDS = re.compile(r"^\s*(?:the\s+)?(?:national|central|korean|state|federal)?\s*government\b|^\s*(?:the\s+)?state\b", re.I)
_UNDER_RE = re.compile(r"\bunder\s+")
# "N will be invested in P (...) by X"
_PASSIVE_MONEY_RE = re.compile(r"\s+(?:will\s+be|would\s+be|is|was|are|were|has\s+been|have\s+been|had\s+been|is\s+to\s+be)\s+"
                               r"(?:invested|allocated|provided|spent|earmarked|granted|given|set\s+aside)\s+"
                               r"(?:in|into|to|for|on)\s+")
_PASSIVE_MONEY_WORDS = ("invested", "allocated", "provided", "spent", "earmarked", "granted", "given", "set aside")
_BY_WORD_RE = re.compile(r"\bby\s+(?!\d)")
_OBJ_AMOUNT_RE = re.compile(r"\s+(?:with\s+)?(?:a\s+total\s+of\s+|up\s+to\s+|about\s+|around\s+|nearly\s+|an?\s+)?")
_EACH_RE = re.compile(r"\beach\b")
# between a place and its verb: "Ulsan Metropolitan City will", "Jeonbuk State (전북특별자치도) will"
_PLACE_ACTS_RE = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?[a-z\s]{0,25}")
_IT_RE = re.compile(r"\s*It\s")
_WHICH_PROVIDES_RE = re.compile(r",\s+which\s+(?:will\s+|would\s+)?(?:provides?|offers?|pays?|gives?|awards?)\s+"
                                r"(?:(?:funding|grants?|support|subsidies)\s+)?(?:(?:totaling|totalling|worth|of)\s+)?")
FUND_BY_RE = re.compile(r"\b(?:(?:supported|funded|sponsored|financed|backed|bankrolled|subsidi[sz]ed|"
                        r"underwritten)\s+(?:jointly\s+|financially\s+)?by|with\s+(?:the\s+)?(?:financial\s+)?"
                        r"(?:support|funding|grants?|sponsorship)\s+(?:of|from)|(?:funded|financed|paid\s+for)\s+"
                        r"(?:through|via))\b", re.I)        # "financed through a N grant from X"
RECEIVE_RE = re.compile(r"\b(?:receiv(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|get(?:s)?|got|obtain(?:s|ed)?|"
                        r"(?:was|were|be|been)\s+(?:awarded|granted|allocated|given))\b", re.I)
INVEST_RE = re.compile(r"\b(?:invest(?:s|ed|ing)?|provid(?:e|es|ed|ing)|contribut(?:e|es|ed|ing)|"
                       r"set(?:s|ting)?\s+aside|earmark(?:s|ed)?|budget(?:s|ed)|put(?:s|ting)?|award(?:s|ed)?|"
                       r"inject(?:s|ed)?|pour(?:s|ed)?|chip(?:s|ped|ping)?\s+in|adds|will\s+add|would\s+add|"
                       r"allocat(?:e|es|ed|ing)|donat(?:e|es|ed|ing)|grant(?:s|ed)?|pledg(?:e|es|ed)|"
                       r"commit(?:s|ted)?|spend(?:s)?|fund(?:s|ed)?)\b", re.I)
_WITH_AMOUNT_RE = re.compile(r"[^.;,]{0,30}?\bwith\s+(?:a\s+total\s+of\s+|up\s+to\s+)?")
# "X's $3 million grant will cover / fund / go to Y"
_GIFT_OWNER_GAP_RE = re.compile(r"['’]s\s+(?:new\s+|additional\s+|latest\s+)?")
_GIFT_COVERS_RE = re.compile(r"\s+(?:\([^()]{0,40}\)\s+)?(?:research\s+)?(?:grant|donation|gift|investment|contribution|"
                             r"endowment|funding|sponsorship|pledge)\s+(?:will\s+|would\s+|is\s+to\s+)?(?:also\s+)?"
                             r"(?:cover|covers|fund|funds|support|supports|pay\s+for|pays\s+for|go\s+to|goes\s+to|"
                             r"finance|finances|bankroll|bankrolls)\s+")
_GIFT_WORDS = ("grant", "donation", "gift", "investment", "contribution", "endowment", "funding", "sponsorship",
               "pledge")
_WHILE_RE = re.compile(r",\s+while\s+")
_WHICH_PUTS_RE = re.compile(r"(?:\s*\([^()]{0,40}\))?,\s+which\s+(?:is\s+|will\s+be\s+|has\s+been\s+|will\s+)?"
                            r"(?:putting\s+in|put\s+in|providing|provide|contributing|contribute|investing|invest)\s+")
_WITH_THE_RE = re.compile(r"\bwith\s+(?:the\s+)?")
_ADDING_RE = re.compile(r"\s+(?:add|adding|contribut\w+|provid\w+|put(?:ting)?\s+up|chipping\s+in|"
                        r"offer\w*|invest\w*)\s+(?:another\s+|an\s+additional\s+)?")
# "N from X", "N in matching funds from X", "N in support from X", "N will come from X"
_FROM_RE = re.compile(r"\s*(?:in\s+[\w\s]{0,30}?(?:funds?|funding|support|backing|grants?)\s+|"
                      r"(?:will|would|is\s+to|are\s+to|is\s+set\s+to)\s+come\s+)?from\s+")
_FROM_WORD_RE = re.compile(r"\bfrom\s")
# right after an amount received: "was awarded 2 billion won (about $1.5 million) by the ministry"
_BY_AFTER_RE = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:a\s+year\s+|annually\s+|in\s+\w+\s+)?"
                          r"(?:(?:research\s+|seed\s+)?(?:grant|award|subsidy|funding)\s+)?by\s+")
# after "funded by" / "backed by": "a 4.8 billion won grant over three years from", "a grant worth N from"
_GRANT_FROM_RE = re.compile(r"\s+(?:an?\s+|the\s+)?(?:[^.;]|\.(?=\d)){0,50}?\b(?:grants?|funding|subsid(?:y|ies)|investment|"
                            r"contributions?|budget)\b(?:[^.;]|\.(?=\d)){0,50}?\bfrom\s+")
# "Of that amount, A will provide N1 and B the remaining N2"; "A provides N1 of that, and B adds N2"
_SHARE_START_RE = re.compile(r"\s*(?:Of|From)\s+(?:that|this|the\s+total|the\s+sum|it)(?:\s+(?:amount|sum|total|budget))?\b")
_SHARE_AFTER_RE = re.compile(r"\s+of\s+(?:that|this|it|the\s+total)\b")
_SHARE_BEFORE_RE = re.compile(r"\bthe\s+(?:remaining|rest\s+of|remainder|balance\s+of)\s+(?:the\s+)?$")
_GIVER_PREP_RE = re.compile(r"\b(?:with|by|from|of|at|to|in|for|into|under|via|through|than|on)\s+(?:the\s+|its\s+)?$")
_SHARE_WORDS = ("of that", "of this", "of the total", "of the sum", "of it", "remaining", "the rest", "remainder",
                "balance")
# a share's recipient: "Of that amount, N will go to SMC"
_GOES_TO_RE = re.compile(r"\s+(?:will\s+go|would\s+go|goes|went|is\s+to\s+go|will\s+be\s+given|is\s+earmarked|"
                         r"will\s+be\s+earmarked|has\s+been\s+earmarked)\s+(?:to|for)\s+(?:the\s+)?")
_PERIOD_KEYS = frozenset({"start_year", "end_year", "years"})
_BUDGET_OF_RE = re.compile(r"\b(?:has|had|have|with)\s+(?:a|an)\s+(?:total\s+|annual\s+|combined\s+|overall\s+)?"
                           r"budget\s+of\s+")
# "a ministry seed grant of", "a two-year city research subsidy"
_GRANT_NOUN_RE = re.compile(r"(?:['’]s)?\s+[\w\s-]{0,30}?\b(?:grants?|funding|subsid(?:y|ies)|awards?|support)\b")
_BARE_GIVER_RE = re.compile(r"\b(?P<w>ministry|agency|foundation|city|provincial|province|county|district)\s+"
                            r"[\w\s-]{0,30}?\b(?:grants?|funding|subsid(?:y|ies)|awards?)\b", re.I)
# "X will support P with N", "X is paying for P, allocating N annually": X funds P with N
_SUPPORT_WITH_RE = re.compile(r"\b(?:support(?:s|ed|ing)?|back(?:s|ed|ing)?|bankroll(?:s|ed|ing)?|pay(?:s|ing)?\s+for|"
                              r"paid\s+for)\s+(?:the\s+)?")
_SUPPORT_AMOUNT_RE = re.compile(r"(?:\s+with\s+|,\s+(?:allocating|providing|spending|contributing|investing)\s+)"
                                r"(?:a\s+total\s+of\s+|up\s+to\s+|about\s+|around\s+|nearly\s+)?")
_SUPPORT_WORDS = ("support", "back", "bankroll", "paying for", "pays for", "paid for", "pay for")
# the verbs of a giver whose target may be what the sentence before funded (INVEST_RE's
# first three letters): contribute, pledge, set aside, earmark, commit, add
_MORE_MONEY_VERBS = frozenset({"con", "ple", "set", "ear", "com", "chi", "put"})
_ADD_VERBS = frozenset({"add", "wil", "wou"})       # "adds", "will add": only to a program named after the amount
_INVEST_TARGET_RE = re.compile(r"(?:[^.;]|\.(?=\d)){0,40}?\b(?:to|in|into|for|toward|towards|on)\s+")   # "($3.2 million) to"
_UNIT_NOUNS = r"(?P<noun>lab|laboratory|center|centre|institute|academy|cluster|program|programme|scholarship|hub|consortium)\b"
_UNIT_NOUN_RE = re.compile(r"(?:(?:equip|fund|support|build|expand|run|operate|launch|furnish)\s+)?(?:the|its|their)\s+"
                           r"(?:new\s+|joint\s+)?" + _UNIT_NOUNS)
_OWNED_NOUN_RE = re.compile(r"(?:['’]s)?\s+(?:new\s+|joint\s+)?" + _UNIT_NOUNS)
# "The ministry bankrolls most of it", "X pays for it", "X funds the P": active, no amount needed
PAYS_RE = re.compile(r"\b(?:bankrolls|bankrolled|funds|funded|finances|financed|sponsors|sponsored|underwrites|"
                     r"subsidi[sz]es|pays\s+for|paid\s+for|will\s+(?:fund|finance|bankroll|sponsor|pay\s+for|subsidi[sz]e)|"
                     r"(?:is|are|will\s+be)\s+(?:funding|financing|sponsoring|bankrolling|subsidi[sz]ing|paying\s+for)|"
                     r"(?:has|have|had)\s+(?:funded|financed|bankrolled|sponsored|paid\s+for))\s+"
                     r"(?:(?:most|much|part|all|half|the\s+bulk|some)\s+of\s+)?", re.I)
_PAYS_WORDS = ("bankroll", "funds ", "funded ", "is funding", "are funding", "be funding", "financ", "sponsor",
               "underwrites", "subsidi", "pays for", "paid for", "paying for", "will fund", "will pay for")
# "Funding for P comes from X"
_FUNDING_FOR_RE = re.compile(r"\b(?:[Ff]unding|[Mm]oney|[Ss]upport|[Ff]inancing)\s+for\s+")
_COMES_FROM_RE = re.compile(r"\s+(?:comes|will\s+come|came|is\s+coming|is\s+to\s+come)\s+(?:mainly\s+|largely\s+|mostly\s+)?"
                            r"from\s+")
_IT_OBJ_RE = re.compile(r"it\b")
# "a fuel-cell project funded by X", "in a deal bankrolled by X": an unnamed thing is funded
_INDEFINITE_FUNDED_RE = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:project|deal|study|program|programme|"
                                   r"initiative|effort|grant|scheme|venture|trial)\s+$", re.I)
_FUND_BY_WORDS = ("support", "funded", "sponsor", "financed", "backed", "bankroll", "subsidi", "underwritten",
                  "funding", "grant", "funds", "pays for", "paid for", "finances", "underwrites")

lower_twinned(FUND_BY_RE, RECEIVE_RE, INVEST_RE, PAYS_RE)


class FundingRules(ClauseReading):
    """The FUNDS rules."""

    _last_giver: str | None = None       # who gave the amount of _last_money (where a FUNDS said so)

    def _program_target(self, ms, s, pos) -> str | None:
        t = next((m for m in reversed(ms) if m.end <= pos and m.kind == "Program"), None)
        if t:
            return t.key
        t = next((m for m in ms if m.kind == "Program"), None)
        return t.key if t else self._latest(s, {"Program"})

    def _funds(self, ms, s, e):
        n0 = len(self.out)
        if self._digit and self._split_shares(ms, s, e):
            return
        self._funds_rules(ms, s, e)
        for r in self.out[n0:]:          # what a later "Of that amount, ..." splits
            if r.type == "FUNDS" and "amount" in r.attrs:
                self._last_money = (r.target, s, {k: v for k, v in r.attrs.items() if k in _PERIOD_KEYS})
                self._last_giver = r.source
        if self._digit and self._may(("budget",)):
            bm = _BUDGET_OF_RE.search(self.text, s, e)
            prog = next((m for m in reversed(ms) if m.kind == "Program" and m.end <= bm.start()), None) if bm else None
            if prog:                     # "For 2025, the P program has a budget of about 62 billion won."
                self._last_money = (prog.key, s, self._period(s, e))

    def _split_shares(self, ms, s, e) -> bool:
        """"Of that amount, the ministry will provide KRW 10 billion and the province the remaining
        KRW 2.5 billion": each giver funds, with its own share, what the sentence before funded."""
        if self._last_money is None or not self._may(_SHARE_WORDS):
            return False
        money = find_money(self._sent)
        if not (_SHARE_START_RE.match(self.text, s, e) or any(
                _SHARE_AFTER_RE.match(self.text, s + mo.end, e) or _SHARE_BEFORE_RE.search(self.text, s, s + mo.start)
                for mo in money)):
            return False
        target, ls, period = self._last_money
        i = bisect_left(self._sent_starts, s)
        if bisect_left(self._sent_starts, ls) < i - 2:
            return False                 # the amount split is stated just before
        done = False
        prev_end = s
        for mo in money:
            a, b = prev_end, s + mo.start
            prev_end = s + mo.end
            giver = next((m for m in reversed(ms) if a <= m.start and m.end <= b and m.kind in ORGISH
                          and m.key != target and not _GIVER_PREP_RE.search(self.text, a, m.start)), None)
            gm = _GOES_TO_RE.match(self.text, s + mo.end, e) if giver is None and self._last_giver else None
            rc = self._after(ms, gm.end(), ORG_LIKE | {"Program"}, max_gap=0)[:1] if gm else []
            if rc and rc[0].key not in (target, self._last_giver) and not self._in_quote(mo.start + s):
                # "Of that amount, N will go to SMC": who gave the whole funds SMC with N
                self._emit("FUNDS", self._last_giver, rc[0].key, s, e, 0.7, **self._money_attrs(mo, s, e))
                done = True
                continue
            if giver is None or self._in_quote(mo.start + s):
                continue
            key = self._place_ref(giver)
            if key == target:            # a giver resolved to what it funds is a misread name
                continue
            attrs = dict(mo.attrs(), **period)
            attrs.update(self._period(s, e))
            self._emit("FUNDS", key, target, s, e, 0.75, **attrs)
            done = True
        return done

    def _place_ref(self, m: M) -> str:
        """"the city" / "the province" as a giver: the latest place called a city / province
        (by name or alias), where the back-reference chose another."""
        if not m.ref or m.kind not in {"LocalGovernment", "Region"}:
            return m.key
        w = self.text[m.start:m.end].lower().split()[-1]
        if w not in {"city", "province"}:
            return m.key
        for j in range(bisect_left(self._starts, m.start) - 1, -1, -1):
            x = self.ms[j]
            if x.kind in {"LocalGovernment", "Region"}:
                ent = self.ents[x.key]
                if any(w in n.lower() for n in [ent.name] + ent.aliases):
                    return x.key
        return m.key

    def _funds_rules(self, ms, s, e):
        sent = self._sent
        for t in (self._finditer(FUND_BY_RE, s, e) if self._may(_FUND_BY_WORDS) else ()):
            if self._in_quote(t.start()):
                continue
            target = next((m for m in reversed(ms) if m.end <= t.start() and m.kind in {"Program"} | ORG_LIKE), None)
            if target is not None and (self.text[t.start():t.start() + 4].lower() == "with" or
                                       self.text[t.start() - 2:t.start()] == ", ") and \
                    target.kind != "Program" and \
                    self._after_preposition(s, next(m.start for m in ms if m.key == target.key)):
                # "A will set up X at B (BB), backed by a grant from C": the subject A, not B
                # "A will build X with B, with funding from C": A is funded, not the partner B
                subj = self._subject(self._after_dateline(ms, s, t.start()), s, before=t.start())
                target = subj[0] if subj and subj[0].kind in ORG_LIKE else target
            if target is None and _IT_RE.match(self.text, s, e):
                target = self._previous_subject(s)       # "It has run a center since 2017 with funding from X"
            im = _INDEFINITE_FUNDED_RE.search(self.text, max(s, t.start() - 60), t.start())
            if im and (target is None or target.end <= im.start() and
                       self.text[target.end:im.start()].strip() not in {"", ","}):
                continue           # "Song led a fuel-cell project funded by X" ("P, a project funded by X" is P)
            if target is None:     # "The collaboration is supported by X": the latest program, or the article's subject
                key = self._latest(s, {"Program"}, pred=lambda m: not self._consortium(m.key)) or \
                    self._latest(s, {"Program"}) or self.main_org
                target = M(s, s, key, self.ents[key].kind, True) if key else None
            if target is None:
                continue
            if target.kind != "Program":
                prog = next((m for m in reversed(ms) if m.end <= t.start() and m.kind == "Program"), None)
                target = prog or target
            funders = self._after(ms, t.end() + 1, ORGISH) or self._government_at(t.end(), e)
            amount = {}
            gm = _GRANT_FROM_RE.match(self.text, t.end(), e) if not funders else None
            if gm:                     # "funded by a 4.8 billion won grant over three years from X"
                funders = self._after(ms, gm.end(), ORGISH)[:1]
                given = find_money(self.text[t.end():gm.end()]) if self._digit else []
                if given:
                    amount = self._money_attrs(given[0], s, e)
            elif len(funders) == 1:    # "funded by X with 5 billion won" / ", which is putting in N"
                wm = _WITH_AMOUNT_RE.match(self.text[funders[-1].end:e]) or \
                    _WHICH_PUTS_RE.match(self.text[funders[-1].end:e])
                given = find_money(self.text[funders[-1].end + wm.end():e]) if wm and self._digit else []
                if given and given[0].start == 0:
                    amount = dict(given[0].attrs(), **self._period(s, e))
            for a in funders:
                self._emit("FUNDS", a.key, target.key, s, e, 0.8, **amount)
            if funders and self._may(("under",)):     # "X is backed by ... under the ministry's P"
                um = _UNDER_RE.search(self.text, funders[-1].end, e)
                p = next((m for m in ms if m.kind == "Program" and not m.ref and um and m.start >= um.end() and
                          _POSSESSIVE_OWNER_GAP_RE.fullmatch(self.text, um.end(), m.start)), None)
                if p and p.key != target.key and (target.kind != "Program" or self._consortium(target.key)):
                    self._emit("PARTICIPATES_IN", target.key, p.key, s, e, 0.7)
        if self._may(_PAYS_WORDS):
            self._pays_for(ms, s, e)
        if self._may(("come from", "comes from", "came from", "coming from")):
            for fm in _FUNDING_FOR_RE.finditer(self.text, s, e):     # "Funding for P comes from X"
                p = self._after(ms, fm.end(), ORG_LIKE | {"Program"}, max_gap=0)
                cm = _COMES_FROM_RE.match(self.text, p[-1].end, e) if p else None
                giver = self._after(ms, cm.end(), ORGISH, max_gap=0) if cm else []
                for g in giver:
                    if g.key != p[0].key and (g.kind != "Region" or
                                              self._region_level(g.key) not in {"country", "group", None}):
                        self._emit("FUNDS", g.key, self._program_ref(p[0]) if p[0].ref and p[0].kind == "Program"
                                   else p[0].key, s, e, 0.75)
        money = [x for x in find_money(sent)] if self._digit else []     # every amount has a digit
        # "..., with North Jeolla Province adding 800 million won"
        for wm in (_WITH_THE_RE.finditer(sent) if money else ()):
            who = self._after(ms, s + wm.end(), ORGISH, max_gap=0)
            if not who:
                continue
            rest = self.text[who[-1].end:e]
            am = _ADDING_RE.match(rest)
            lead = find_money(rest[am.end():]) if am else []
            if lead and lead[0].start == 0:
                target = self._program_target(ms, s, s + wm.start())
                if target:
                    self._emit("FUNDS", who[0].key, target, s, e, 0.75, **dict(lead[0].attrs(), **self._period(s, e)))
                    money = [x for x in money if s + x.start < who[-1].end]
        if money and self._has(("'s ", "’s ")) and self._may(_GIFT_WORDS):
            self._possessive_gift(ms, s, e, money)
        if money and self._may(("which",)) and self._program_gives(ms, s, e, money):
            return
        from_parts = []
        for mo in money:
            rest = sent[mo.end:]
            fm = _FROM_RE.match(rest)
            if fm:
                from_parts.append((mo, s + mo.end + fm.end()))
        recv = self._search(RECEIVE_RE, s, e) if from_parts else None
        if recv and not self._in_quote(recv.start()) and \
                next((x for x in money if s + x.start > recv.start()), None) is from_parts[0][0]:
            from_parts = []          # "A will receive N from X": A is funded (read below)
        if from_parts:
            target = self._program_target(ms, s, e)
            read = False
            for mo, pos in from_parts:
                funder = self._after(ms, pos, ORG_LIKE, max_gap=2)
                attrs = dict(mo.attrs(), **self._period(s, e))
                if funder and target is None:      # "With N from X, A will build ...": no program, A
                    subj = [m for m in self._subject(ms, s) if m.kind in ORG_LIKE and m.key != funder[0].key]
                    if subj:
                        self._emit("FUNDS", funder[0].key, subj[0].key, s, e, 0.75, **attrs)
                        read = True
                elif funder:
                    for f in funder[:1]:
                        self._emit("FUNDS", f.key, target, s, e, 0.85, **attrs)
                    read = True
                elif GOV_WORDS.match(self.text[pos:e]) and target:
                    self._pending_gov.append((target, s, e, attrs))
                    read = True
            if read:
                return
            # "A will invest N in B, while C adds N2 from its own budget": the other rules read A
        if not money:
            return
        if self._may(_PASSIVE_MONEY_WORDS) and self._passive_money(ms, s, e, money):
            return
        rs = [r for r in self._finditer(RECEIVE_RE, s, e) if not self._in_quote(r.start())]
        subject_paid = False
        for k, r in enumerate(rs):       # "A will receive N1 from P, and B will receive N2."
            seg_end = rs[k + 1].start() if k + 1 < len(rs) else e
            amt = next((x for x in money if r.start() < s + x.start < seg_end), None)
            cl = None
            for cm in (_CLAUSE_RE.finditer(self.text, rs[k - 1].end(), r.start()) if k else ()):
                cl = cm
            if cl is None:       # the sentence's subject, unless an earlier amount went to it
                recip = [] if subject_paid else [m for m in self._subject(ms, s, before=r.start())]
            else:
                first = next((m for m in ms if cl.end() <= m.start < r.start()), None)
                recip = [first] if first and first.kind in ORG_LIKE and \
                    _ARTICLE_GAP_RE.fullmatch(self.text, cl.end(), first.start) else []
            if amt and recip and cl is None:
                subject_paid = True
            if amt and recip:
                fr = _FROM_WORD_RE.search(self.text, s + amt.end, seg_end)
                funder = self._after(ms, fr.end(), ORGISH | {"Program"}) if fr else []
                if funder and funder[0].kind == "Region" and \
                        self._region_level(funder[0].key) in {"country", "group", None}:
                    funder = []      # "from Gyeongbuk Province" gives; "from the United States" is no giver
                named_elsewhere = fr is not None and not funder and fr.start() - s - amt.end < 40  # "from industry"
                by = _BY_AFTER_RE.match(self.text, s + amt.end, seg_end) if not funder else None
                if by:               # "was awarded N by the ministry"
                    funder = self._after(ms, by.end(), ORG_LIKE)
                if not funder:       # "received a one-year ministry seed grant of N"
                    funder = self._grant_giver(ms, r.end(), s + amt.start)
                for rc in recip[:1]:
                    self._last_money = (rc.key, s, self._period(s, e))     # "X secured N. Of that amount, ..."
                    src = funder[0].key if funder else None if named_elsewhere else self._latest(
                        s + amt.start, {"Program"}, exclude={rc.key},
                        pred=lambda m: not self._consortium(m.key))
                    if src:
                        self._emit("FUNDS", src, rc.key, s, e, 0.7, **self._money_attrs(amt, s, e))
                        if self.ents[src].kind == "Program" and rc.kind in ORG_LIKE:
                            # "A will receive N from P": a recipient of P's money takes part in P
                            self._emit("PARTICIPATES_IN", rc.key, src, s, e, 0.65)
        if rs:
            return
        if self._may(_SUPPORT_WORDS) and self._supports_with(ms, s, e, money):
            return
        v = self._search(INVEST_RE, s, e)
        if v and self.text.startswith(" by ", v.end()):    # "P will be funded by X, while the city chips in N"
            v = self._search(INVEST_RE, v.end(), e)
        vs = [v] if v else []
        if v and self._may((" while ",)):    # "A will invest N1 in P, while B will chip in N2": B's verb too
            wm = _WHILE_RE.search(self.text, v.end(), e)
            later = self._search(INVEST_RE, wm.end(), e) if wm else None
            if later:
                vs.append(later)
        for k, v in enumerate(vs):
            if v and not self._in_quote(v.start()):
                amt = next((x for x in money if s + x.start > v.start()), None)
                subj = [m for m in self._clause_subject(ms, s, v.start()) if m.kind in ORG_LIKE or
                        (m.kind == "Region" and _PLACE_ACTS_RE.fullmatch(self.text, m.end, v.start()))] or \
                    self._government_subject(s, v.start())     # a place gives only as the verb's own subject
                if k:                # the "while" clause's own subject ("while the city will chip in")
                    subj = [m for m in self._after(ms, wm.end(), ORGISH, max_gap=0) if m.end <= v.start() and
                            (m.kind != "Region" or self._region_level(m.key) not in {"country", "group", None})]
                if amt and subj:
                    tm = _INVEST_TARGET_RE.match(self.text[s + amt.end:e])
                    pos = s + amt.end + tm.end() if tm else e
                    tgt = self._after(ms, pos, ORG_LIKE | {"Program"}, max_gap=2) if tm else []
                    # "to CNU's new institute", "to equip the lab", "into the center's test beds"
                    noun = self._unit_noun(pos, e, tgt[0].end if tgt else None) if tm else None
                    if tgt and not noun:         # "to PNU's Hyowon Scholarship Program": what PNU has
                        owned = next((m for m in ms if m.start > tgt[0].end and m.kind in ORG_LIKE | {"Program"}), None)
                        if owned and _POSSESSIVE_ONLY_RE.fullmatch(self.text, tgt[0].end, owned.start) and \
                                (self.text[tgt[0].end:tgt[0].end + 1] in ("'", "’") or
                                 self.text[tgt[0].end - 2:tgt[0].end] in {"'s", "’s"}):
                            tgt = [owned]
                    key = noun or (tgt[0].key if tgt else None)
                    if key and tgt and not noun and tgt[0].ref and tgt[0].kind == "Program":
                        key = self._program_ref(tgt[0])          # "for the initiative"
                    if key is None:              # "X will provide Y with N", "X funds Y with N"
                        obj = self._after(ms, v.end(), ORG_LIKE | {"Program"}, max_gap=0)
                        if obj and _OBJ_AMOUNT_RE.fullmatch(self.text, obj[-1].end, s + amt.start):
                            key = obj[0].key
                    if key is None and not tgt and v.group()[:3].lower() in _MORE_MONEY_VERBS | _ADD_VERBS:
                        # "will add N raised from graduates, bringing new money for the program to N2"
                        later = next((m for m in ms if m.start >= s + amt.end and m.kind == "Program" and
                                      self.text[m.start - 4:m.start] in ("for ", " to ", "into")), None)
                        key = (self._program_ref(later) if later.ref else later.key) if later else None
                    if key is None and not tgt and v.group()[:3].lower() in _MORE_MONEY_VERBS and \
                            not any(m.start >= s + amt.end and not m.ref and m.kind in ORG_LIKE and
                                    "," not in self.text[s + amt.end:m.start] for m in ms):
                        # "Sejong has pledged N for patient transport", "X is contributing an additional
                        # N to equip a dry room": no target named (no organisation after the amount in its clause), what the
                        # sentence before funded
                        key = self._funded_before(s, {m.key for m in subj}, same_sentence=k > 0)
                    if key:
                        each = _EACH_RE.search(self.text, subj[-1].end, s + amt.start)
                        for g in (subj if each else subj[:1]):       # "A and B will each contribute N"
                            self._emit("FUNDS", g.key, key, s, e, 0.75, **self._money_attrs(amt, s, e))

    def _possessive_gift(self, ms, s, e, money):
        """"LG AI Research's $3 million grant will cover the lab's first three years": the owner
        of the grant funds what it covers."""
        for mo in money:
            a = s + mo.start
            g = next((m for m in reversed(ms) if m.end <= a), None)
            if g is None or g.kind not in ORG_LIKE or not _GIFT_OWNER_GAP_RE.fullmatch(self.text, g.end, a):
                continue
            gm = _GIFT_COVERS_RE.match(self.text, s + mo.end, e)
            tgt = self._after(ms, gm.end(), ORG_LIKE | {"Program"}, max_gap=0) if gm else []
            if tgt and tgt[0].key != g.key and not self._in_quote(a):
                key = self._program_ref(tgt[0]) if tgt[0].ref and tgt[0].kind == "Program" else tgt[0].key
                self._emit("FUNDS", g.key, key, s, e, 0.7, **self._money_attrs(mo, s, e))

    def _pays_for(self, ms, s, e):
        """"The Ministry of Education bankrolls most of it", "The ministry pays for it", "X funds
        the P": the clause's subject funds the program ("it": the program the sentence or the
        sentence before names first)."""
        for t in self._finditer(PAYS_RE, s, e):
            if self._in_quote(t.start()) or self.text[t.end():t.end() + 3] == "by ":
                continue
            subj = [m for m in self._clause_subject(ms, s, t.start()) if m.kind in ORG_LIKE and
                    not _PASSIVE_GAP_RE.search(self.text, m.end, t.start())] or self._government_subject(s, t.start())
            if not subj:
                continue
            if _IT_OBJ_RE.match(self.text, t.end(), e):
                prog = next((m for m in ms if m.kind == "Program" and m.end <= subj[0].start), None)
                if prog is None:
                    before = self._sentence_before(s)
                    prev = self._subject(self._mentions_in(*before), before[0]) if before else []
                    prog = prev[0] if prev and prev[0].kind == "Program" else None
                key = (self._program_ref(prog) if prog.ref else prog.key) if prog else None
            else:
                obj = self._after(ms, t.end(), ORG_LIKE | {"Program"}, max_gap=0)
                key = (self._program_ref(obj[0]) if obj[0].ref and obj[0].kind == "Program" else obj[0].key) \
                    if obj else None
            if key and key != subj[0].key:
                self._emit("FUNDS", subj[0].key, key, s, e, 0.7)
                return

    def _funded_before(self, s: int, givers, same_sentence: bool = False) -> str | None:
        """What this sentence (at ``s``) or the one before funded (``_last_money``), where that is
        not one of ``givers``; else the latest program named in the two sentences before
        (``same_sentence``: only what this sentence funded)."""
        for r in reversed(self.out):     # "X will fund P, while the city will chip in N": P
            if r.evidence.start != s:
                break
            if r.type == "FUNDS" and r.target not in givers:
                return r.target
        if same_sentence:                # a "while" clause: only what its own sentence funded
            return None
        i = bisect_left(self._sent_starts, s)
        if self._last_money is not None:
            target, ls, _ = self._last_money
            if ls < s and bisect_left(self._sent_starts, ls) == i - 1:
                return target if target not in givers else None
        if i == 0:
            return None
        prog = next((m for m in reversed(self._mentions_in(self._sent_starts[max(0, i - 2)], s))
                     if m.kind == "Program"), None)
        return prog.key if prog and prog.key not in givers else None

    def _supports_with(self, ms, s, e, money) -> bool:
        """"X will support P with N over three years", "X is paying for P, allocating N annually"."""
        for v in _SUPPORT_WITH_RE.finditer(self.text, s, e):
            if self._in_quote(v.start()):
                continue
            obj = next((m for m in ms if v.start() < m.start <= v.end() < m.end and     # "the program" starts at "the"
                        m.kind in ORG_LIKE | {"Program"}), None)
            am = _SUPPORT_AMOUNT_RE.match(self.text, obj.end, e) if obj else None
            mo = next((x for x in money if am and s + x.start == am.end()), None)
            if mo is None:
                continue
            # "P is backed by X with N" names no object after the verb: no passive gets here
            subj = [m for m in self._clause_subject(ms, s, v.start()) if m.kind in ORG_LIKE and m.key != obj.key] or \
                self._government_subject(s, v.start())
            if not subj:
                continue
            key = self._program_ref(obj) if obj.ref and obj.kind == "Program" else obj.key
            self._emit("FUNDS", subj[0].key, key, s, e, 0.75, **self._money_attrs(mo, s, e))
            return True
        return False

    def _passive_money(self, ms, s, e, money) -> bool:
        """"N will be invested in P by the ministry" / "N has been allocated to A by the city"."""
        for mo in money:
            pm = _PASSIVE_MONEY_RE.match(self.text, s + mo.end, e)
            if pm is None or self._in_quote(s + mo.start):
                continue
            tgt = self._after(ms, pm.end(), ORG_LIKE | {"Program"}, max_gap=0)
            if not tgt:
                continue
            by = _BY_WORD_RE.search(self.text, tgt[-1].end, e)
            giver = self._after(ms, by.end(), ORGISH) if by else []
            if giver and (giver[0].kind != "Region" or
                          self._region_level(giver[0].key) not in {"country", "group", None}):
                key = self._program_ref(tgt[0]) if tgt[0].ref and tgt[0].kind == "Program" else tgt[0].key
                self._emit("FUNDS", giver[0].key, key, s, e, 0.7, **self._money_attrs(mo, s, e))
                return True
        return False

    def _unit_noun(self, pos: int, e: int, owner_end: int | None) -> str | None:
        """What "the lab" / "the center's ..." / "CNU's new institute" after ``pos`` names: the
        latest entity before it whose name has that word.  ``owner_end``: the end of a name found
        at ``pos``, where the noun must follow it as its possession ("CNU's new institute")."""
        if owner_end is not None:
            nm = _OWNED_NOUN_RE.match(self.text, owner_end, e)
            if nm and self.text[owner_end:owner_end + 1] not in ("'", "’") and \
                    self.text[owner_end - 2:owner_end] not in {"'s", "’s"}:
                nm = None
        else:
            nm = _UNIT_NOUN_RE.match(self.text, pos, e)
        if nm is None:
            return None
        w = nm.group("noun").lower()
        w = {"laboratory": "lab", "centre": "center", "programme": "program"}.get(w, w)
        for j in range(bisect_left(self._starts, pos) - 1, -1, -1):
            x = self.ms[j]
            if x.kind in {"Institute", "Program", "University", "Hospital"} and w in self.ents[x.key].name.lower():
                return x.key
        return None

    def _program_gives(self, ms, s, e, money) -> bool:
        """"A was selected for the ministry's P, which will provide funding totaling N through
        2028": the ministry that owns P (or P) funds A."""
        for i, p in enumerate(ms):
            if p.kind != "Program" or p.ref:
                continue
            wm = _WHICH_PROVIDES_RE.match(self.text, p.end, e)
            mo = next((x for x in money if wm and s + x.start >= wm.end()), None)
            if mo is None or s + mo.start - wm.end() > 30:
                continue
            recip = [m for m in self._subject(ms, s, before=p.start) if m.kind in ORG_LIKE]
            if not recip:
                continue
            o = ms[i - 1] if i else None
            giver = o.key if o and o.kind in _OWNER_KINDS and _POSSESSIVE_GAP_RE.fullmatch(self.text, o.end, p.start) \
                and (self.text[o.end:o.end + 1] in ("'", "’") or self.text[o.end - 2:o.end] in {"'s", "’s"}) else p.key
            self._emit("FUNDS", giver, recip[0].key, s, e, 0.7, **self._money_attrs(mo, s, e))
            return True
        return False

    def _money_attrs(self, mo, s, e) -> dict:
        """An amount's attributes, the sentence's period, and per_year where the amount is yearly."""
        attrs = dict(mo.attrs(), **self._period(s, e))
        if per_year_after(self.text[s + mo.end:e]):
            attrs["per_year"] = True
        return attrs

    def _grant_giver(self, ms, a: int, b: int) -> list[M]:
        """Who gives "a ministry seed grant" / "a KHIDI research grant" named between ``a`` and
        ``b`` (the receiving verb and the amount): a name, or a bare "ministry"/"city"."""
        for m in ms:
            if a <= m.start and m.end <= b and m.kind in ORG_LIKE and _GRANT_NOUN_RE.match(self.text, m.end, b):
                return [m]
        gm = _BARE_GIVER_RE.search(self.text, a, b)
        if gm:
            w = gm.group("w").lower()
            kinds = {"Ministry"} if w == "ministry" else {"Agency"} if w in {"agency", "foundation"} \
                else {"LocalGovernment"}
            key = self._latest(gm.start(), kinds)
            if key:
                return [M(gm.start(), gm.end(), key, self.ents[key].kind, True)]
        return []

    def _government_funders(self):
        """'N won from the national government': the ministry that funds that program; and
        the joint applicants of a participant (see _applied_with)."""
        for a, b, s, e in self._applied_pairs:
            for p in dict.fromkeys(r.target for r in self.out if r.type == "PARTICIPATES_IN" and r.source == a):
                self._emit("PARTICIPATES_IN", b, p, s, e, 0.65)
        for target, s, e, attrs in self._pending_gov:
            mins = [r.source for r in self.out if r.type == "FUNDS" and r.target == target
                    and self.ents[r.source].kind == "Ministry"]
            mins = list(dict.fromkeys(mins))
            if len(mins) == 1:
                self._emit("FUNDS", mins[0], target, s, e, 0.7, **attrs)
