"""The relation extractor: the rule families combined, and the order they run in.

``RelationExtractor.run`` reads each sentence once: its mentions (none from inside a long
quotation) and back-references, then each family's rules behind the cheap tests that say
whether they can fire, in a fixed order (later rules read what earlier ones emitted: the
MOU rules the sentence's LEADS, ``_signers``); after the last sentence, the passes that
need the whole document (structural AFFILIATED_WITH, the national government's funds,
dropping a headline's echoes of partnerships).  ``extract_relations`` is the stage's
entry point (loaders.extract).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ...model import Relation
from ..casefold import folds_differ
from ..gazetteer import Gazetteer
from . import participation
from .affiliation import AffiliationRules
from .base import _BACKREF_WORDS, _PLACES
from .funding import FundingRules, _FUND_BY_WORDS
from .hosting import HOUSE_REF_WORDS, HostingRules
from .leadership import LeadershipRules
from .location import LocationRules
from .mou import MouRules
from .organizing import OrganizingRules
from .participation import ParticipationRules, _JOIN_WORDS, _LIST_GATE_WORDS, _MEMBERS_WORDS
from .partners import PartnerRules

# bound by assignment, not imported by name: see base.py
_LIST_START_RE = participation._LIST_START_RE

_DIGIT_RE = re.compile(r"\d")


class RelationExtractor(LeadershipRules, MouRules, PartnerRules, ParticipationRules, OrganizingRules, FundingRules,
                        HostingRules, AffiliationRules, LocationRules):
    """One document's relations: ``RelationExtractor(text, sentences, res, quotes).run()``."""

    def run(self) -> list[Relation]:
        """Each rule on each sentence.  Why the tests before the rules: most rules can
        only fire when their trigger words are in the sentence (or a program or centre
        is named in it), and the substring tests that say so cost far less than the
        trigger regexes; each test is implied by a match, so the output is the same."""
        text = self.text
        low = None if folds_differ(text) else (self._lowered if self._lowered is not None else text.lower())
        if low is not None and len(low) != len(text):
            low = None
        self._low = low
        starts = self._starts
        ms_all = self.ms
        n_ms = len(ms_all)
        self._sent_starts = [a for a, _ in self.sentences]
        # a person's full name, whether found by its shape or known by name ("name")
        self._persons = [m for m in self.raw_mentions if m.how == "person" or
                         m.how == "name" and m.key in self.ents and self.ents[m.key].kind == "Person"]
        self._person_starts = [m.start for m in self._persons]
        for s, e in self.sentences:
            ms = []
            for i in range(bisect_left(starts, s), n_ms):
                m = ms_all[i]
                if m.start > e:
                    break
                if m.end <= e and not self._in_quote(m.start):
                    ms.append(m)
            self._sent = text[s:e]
            self._ls = low[s:e] if low is not None else None
            self._prep_cache = {}
            self._period_cache = None
            refs = [b for b in self._backrefs(s, e) if not self._in_quote(b.start)] \
                if self._may(_BACKREF_WORDS) else []
            ms = sorted(ms + refs, key=lambda m: (m.start, m.end))
            if not ms:
                if self._sent[:1] in "TB":       # "The two signed an agreement": parties before
                    self._mou(ms, s, e)
                # "the provincial government will put N into the cluster": no name, a giver still
                if self._may(("government",)) and _DIGIT_RE.search(text, s, e):
                    self._digit = True
                    self._funds(ms, s, e)
                continue
            # one search per sentence with mentions (\d is a fast scan: re skips to the
            # first digit) costs less than listing every digit of the document
            self._digit = _DIGIT_RE.search(text, s, e) is not None
            # the rules below do nothing without what is tested before each call
            prog = prog_named = inst_named = False
            for m in ms:
                if m.kind == "Program":
                    prog = True
                    prog_named = prog_named or not m.ref
                elif m.kind == "Institute" and not m.ref:
                    inst_named = True
            p = bisect_left(self._person_starts, s)
            if p < len(self._person_starts) and self._person_starts[p] < e:
                self._leads(s, e)
            self._mou(ms, s, e)
            if self._pending_list:
                self._signatories(ms, s, e)
            self._partners(ms, s, e)
            if prog_named or self._may(_MEMBERS_WORDS) or self._may(_LIST_GATE_WORDS) or \
                    (prog and self._may(_JOIN_WORDS)) or _LIST_START_RE.match(text, s, e):
                self._participates(ms, s, e)
            if prog:
                self._organizes(ms, s, e)
            if self._digit or self._may(_FUND_BY_WORDS):
                self._funds(ms, s, e)
            if inst_named:
                self._hosts(ms, s, e)
            elif ms[0].ref and ms[0].kind == "Institute" and self._may(("based", "housed", "located")):
                self._ref_housed(ms, s, e)
            if self._may(HOUSE_REF_WORDS):
                self._house_ref(ms, s, e)
            self._affiliated(ms, s, e)
            if len(ms) > 1 or ms[0].kind in _PLACES:      # "the Ulsan-based university": one name
                self._located(ms, s, e)
        self._structural()
        self._government_funders()
        self._drop_parent_echoes()
        return self.out


def extract_relations(text, sentences, res, quotes, lowered: str | None = None,
                      gaz: Gazetteer | None = None) -> list[Relation]:
    """The document's relations; ``lowered`` is ``text.lower()`` where the caller has it;
    ``gaz`` the gazetteer the mentions were found with (None: the default one), which the
    rules ask for places' levels and parents."""
    return RelationExtractor(text, sentences, res, quotes, lowered, gaz).run()
