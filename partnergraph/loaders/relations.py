"""Relations from trigger phrases and argument structure, one sentence at a time.

Each rule reads one way a news sentence states a fact, independent of who is named:

=================  ============================================================
MOU                "A and B signed an MOU", "A ... sign(s) an agreement with B",
                   "an agreement between A and B", "the agreement, signed by X,
                   president of A, and ...", "The two / three parties signed ..."
PARTNERS_WITH      "A ... in collaboration/cooperation/partnership with B, C and D",
                   "A and B launch/jointly ...", "work (together) with", "run a trial /
                   course / track with B", "the partnership between A and B"
PARTICIPATES_IN    "A was selected for / to perform P", "designation as a P",
                   "A participates in / operates / launches P", selection lists ("The
                   six are A, B and C"), "the agency chose A as one of N recipients
                   under its P", consortium members ("formed in collaboration with",
                   "Joined by A, ..."), "the P consortium comprising A, B and C"
ORGANIZES          "P, organized/run/hosted by A and B", "the Ministry's P", "P, which
                   the province launched", "the agency oversees / runs P"
FUNDS              "P ... supported/funded by A and B", "N won from A" (split
                   contributions, "the national government" -> the ministry that
                   funds P), "A will receive N from X", "A was awarded N by X",
                   "funded by a N grant (over Y years) from X", "A invests / sets aside /
                   puts N in B", shares of an amount ("Of that, A will provide N1 and B
                   the remaining N2")
HOSTS              "A (plans to) establish(es) an X Center", "At H, ... establish X",
                   "the X Center at H", "the Center, which H opened", "X will be housed
                   in U's unit", "X opened within H", "U's ... Research Center"
AFFILIATED_WITH    units and their parent ("its affiliated H", "Department of X at A",
                   "A's Department", "A University College of ...", "X, the teaching
                   hospital of Y", "X, set up by Y", "KUMC, which operates A, B and C")
LEADS              "President X", "X, dean of Y", "Y (District Mayor X)", "X, Y's chief
                   officer", "Y is headed / directed by X", "Dean X of the <unit>"; a
                   professor's or researcher's title leads nothing
LOCATED_IN         "A, located/based/headquartered in R", "A (ACR) in R", "a Seoul-based
                   X", "its campus in R", "R1, R2" where the gazetteer puts R1 in R2
=================  ============================================================

Back-references ("the university", "the district", "the two institutions", "this
project") resolve to the entity the document is about or the latest one of that kind.
Long quotations (what officials said) state hopes, not facts: no relation is read from
inside them.  Evidence is always the whole sentence, with its offsets.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from ..model import Entity, Evidence, Relation
from .casefold import folds_differ, lower_twin
from .money import find_money, find_period, per_year_after
from .resolve import ORG_LIKE, Resolved

ORGISH = ORG_LIKE | {"Region"}
GOV_WORDS = re.compile(r"^\s*(?:the\s+)?(?:national|central|korean|state|federal)?\s*government\b|^\s*(?:the\s+)?state\b", re.I)


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
    r"organisations|company|foundation|council|center|centre|sides|parties)\b", re.I)
_SEP_RE = re.compile(r"^(?:\s|,|\band\b|&|\bthe\b|\bas well as\b|\bboth\b|\bor\b|[’']s\b)*$", re.I)
_DESC_SEP_RE = re.compile(r",?\s(?:and|as\swell\sas)\s(?:the\s)?(?:[A-Za-z][A-Za-z\s-]{0,30}\s)?(?:compan(?:y|ies)|firm|"
                          r"startup|start-up|[a-z]{0,10}maker|developer|giant|operator|provider|manufacturer)\s")
_PREP_BEFORE = re.compile(r"\b(?:with|by|from|of|at|to|in|for|into|within|between|including|and|as|under|"
                          r"on|via|through|than|among|like|such as|behind)\s+(?:the\s+|its\s+|their\s+|a\s+|an\s+)?"
                          r"(?:affiliated\s+)?$", re.I)

MOU_RE = re.compile(r"\b(?:sign(?:s|ed|ing)?|conclud(?:e|es|ed|ing)|ink(?:s|ed)?|enter(?:s|ed|ing)?\s+into|renew(?:s|ed|ing)?|"
                    r"exchang(?:e|es|ed|ing))\b[^.;]{0,80}?\b(?:MOU|MoU|memorand(?:um|a)|agreement|pact|accord|"
                    r"partnership)s?\b|\b(?:MOU|MoU|memorandum|agreement|pact|accord)\b[^.;]{0,60}?\b"
                    r"(?:was|were|has been|had been)?\s*(?:signed|concluded|renewed)\b")
PARTNER_RE = re.compile(r"\b(?:in\s+(?:close\s+)?(?:collaboration|cooperation|partnership|conjunction)\s+with|"
                        r"jointly\s+with|together\s+with|(?:collaborat|cooperat|partner)(?:e|es|ed|ing|s)?\s+with|"
                        r"team(?:s|ed)?\s+up\s+with|join(?:s|ed)?\s+(?:hands|forces)\s+with|"
                        r"work(?:s|ed|ing)?\s+(?:closely\s+)?with|"
                        r"co-?(?:host(?:s|ed|ing)?|organi[sz](?:e|es|ed|ing))\s+(?:an?\s|the\s)?[a-z\s-]{0,50}?\bwith|joint\s[a-z\s-]{0,40}?\b(?:project|program|programme|"
                        r"research|study|venture|laboratory|lab|course|trial)\s+with|"
                        r"(?:run|runs|ran|running|conduct|conducts|conducted|conducting|carry\s+out|carries\s+out|"
                        r"carried\s+out)\s+(?:a\s|an\s|the\s)?[a-z\s-]{0,40}?\b(?:trials?|study|studies|research|"
                        r"projects?|tracks?|courses?|programs?|programmes?)\s+with)\b", re.I)
CO_VERB_RE = re.compile(r"^\s*(?:will\s+|to\s+|have\s+|has\s+|are\s+|were\s+|jointly\s+|officially\s+|also\s+|"
                        r"agreed\s+|plan\s+|plans\s+|planned\s+|decided\s+)*"
                        r"(?:launch(?:es|ed)?|co-?host(?:s|ed)?|co-?organi[sz]e[sd]?|jointly|join\s+hands|join(?:ed)?\s+forces|"
                        r"team\s+up|teamed\s+up|partner(?:s|ed)?|collaborate[sd]?|cooperate[sd]?|work(?:ed)?\s+together)\b", re.I)
PARTICIPATE_RE = re.compile(
    r"\b(?:selected|chosen|picked|designated|named|tapped)\b[^.;]{0,120}?\b(?:for|to\s+(?:perform|carry\s+out|run|lead|"
    r"operate|conduct|implement|host|join)|as)\b|\bdesignation\s+as\b|\bparticipat(?:e|es|ed|ing)\s+in\b|"
    r"\btak(?:e|es|ing)\s+part\s+in\b|\btook\s+part\s+in\b|\bjoin(?:s|ed)?\b|\boperat(?:e|es|ing)\b|"
    r"\b(?:is|are|was|were|became|become|has\s+become)\s+(?:also\s+|now\s+|already\s+)?(?:a\s+|an\s+)?"
    r"(?:(?:founding|core|full|new|key)\s+)?"
    r"(?:part|members?|participants?)\s+(?:of|in)\b|"
    r"\blaunch(?:es|ed|ing)?\b|\bcarr(?:y|ies|ied)\s+out\b|\bperform(?:s|ed|ing)?\b|\bimplement(?:s|ed|ing)?\b|"
    r"\b(?:(?<!illion\s)(?<!\d\s)won|wins|win|awarded)\b", re.I)       # "1 billion won" is money
MEMBERS_RE = re.compile(r"\b(?:consortium|alliance|coalition|network|group|team)\W{0,3}\s*(?:—|–|-|,|\()?\s*"
                        r"(?:comprising|consisting\s+of|composed\s+of|made\s+up\s+of|that\s+includes|including|"
                        r"which\s+includes|of)\s", re.I)
_DATELINE_RE = re.compile(r"\s*[A-Z][A-Z .'-]{2,30}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*"
                          r"(?:\([^()]{1,30}\)\s*)?(?:—|–|--)\s*")
_CLAUSE_RE = re.compile(r";\s+|,\s+(?:and|but|while|whereas)\s+")
_REPORTED_RE = re.compile(r"\b(?:said|says|announced|stated|noted|reported|added)\b[^.;,\"“]{0,30}?\bthat\s+(?!it\b|they\b)",
                          re.I)
_REPORTED_WORDS = ("said", "says", "announced", "stated", "noted", "reported", "added")
# "The six are A, B ...", "The others are A and B", "The four recipients were A, B ..."
_LIST_RE = re.compile(r"\s*(?:(?:The|These|Those)\s+(?:other\s+)?(?P<n>two|three|four|five|six|seven|eight|nine|ten|"
                      r"eleven|twelve|\d+|others?)\s+(?:new\s+|selected\s+|participating\s+)?(?:(?:universities|"
                      r"schools|institutions|hospitals|participants|recipients|winners|members|partners|companies|"
                      r"colleges|consortia)\s+)?(?:are|were|include|included)|(?:They|These)\s+(?:include|included))"
                      r"\s+(?:the\s+)?")
# "Universities selected in the first two rounds, including A and B, ..."
# "The winners are A's Center X and B's Center Y": a selection list with no count
_WINNERS_LIST_RE = re.compile(r"\s*(?:The|This\s+year's|Last\s+year's)\s+(?:new\s+)?(?:winners|recipients|"
                              r"selected\s+(?:universities|schools|centers|institutions|hospitals|teams|projects))\s+"
                              r"(?:are|were|include|included)\s+(?:the\s+)?")
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
_PART_OF_INCLUDE_RE = re.compile(r"\b(?:[Pp]articipating|[Mm]ember)\s+" + _MEMBER_NOUNS + r"\s+(?:of|in)\s+(?:the\s+)?")
_INCLUDE_AFTER_RE = re.compile(r"\s+(?:include|included|includes|are|were)\s+(?:the\s+)?")
# "A will launch / run / offer P with B (and C)": B runs P with A, so both take part in it
_RUN_WITH_VERB_RE = re.compile(r"\b(?:launch(?:es|ed|ing)?|run(?:s|ning)?|ran|operat(?:e|es|ed|ing)|offer(?:s|ed|ing)?|"
                               r"implement(?:s|ed|ing)?|co-host(?:s|ed|ing)?|set(?:s|ting)?\s+up|start(?:s|ed|ing)?)\s+"
                               r"(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:new\s+|joint\s+)?")
_WITH_PARTNER_RE = re.compile(r"\s+with\s+(?:the\s+)?")
_MEMBER_SEP_RE = re.compile(r"(?:\s|,|\band\b|&|\bthe\b|\bas well as\b)*")
# "with A and cathode maker B": the last member with a trade noun before its name
_MEMBER_DESCR_SEP_RE = re.compile(r",?\s+and\s+(?:the\s+)?(?:[a-z][a-z-]*\s+){0,2}(?:maker|makers|firm|developer|"
                                  r"company|startup|start-up|manufacturer|supplier|producer|operator|provider)\s+")
_PAREN_OPEN_RE = re.compile(r"\s*\(")
_JOINED_BY_RE = re.compile(r"\s*Joined\s+by\s+(?:the\s+)?")
_THE_GROUP_RE = re.compile(r",\s+(?:the|our|this)\s+" + _GROUP_NOUNS + r"\b")
# "ORG's (new) projects under (the ministry's) P": the owner's work is part of P
_UNDER_WORK_RE = re.compile(r"['’]s\s+[\w\s-]{0,30}?\b(?:projects?|work|research|programs?|programmes?|courses?|"
                            r"activities|efforts|plans?)\s+under\s+")
_UNDER_RE = re.compile(r"\bunder\s+")
# "N will be invested in P (...) by X"
_PASSIVE_MONEY_RE = re.compile(r"\s+(?:will\s+be|would\s+be|is|was|are|were|has\s+been|have\s+been|had\s+been|is\s+to\s+be)\s+"
                               r"(?:invested|allocated|provided|spent|earmarked|granted|given|set\s+aside)\s+"
                               r"(?:in|into|to|for|on)\s+")
_PASSIVE_MONEY_WORDS = ("invested", "allocated", "provided", "spent", "earmarked", "granted", "given", "set aside")
_BY_WORD_RE = re.compile(r"\bby\s+(?!\d)")
_OBJ_AMOUNT_RE = re.compile(r"\s+(?:with\s+)?(?:a\s+total\s+of\s+|up\s+to\s+|about\s+|around\s+|nearly\s+)?")
_EACH_RE = re.compile(r"\beach\b")
# between a place and its verb: "Ulsan Metropolitan City will", "Jeonbuk State (전북특별자치도) will"
_PLACE_ACTS_RE = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?[a-z\s]{0,25}")
_POSSESSIVE_ONLY_RE = re.compile(r"(?:['’]s)?\s+(?:new\s+)?")
_IT_RE = re.compile(r"\s*It\s")
_IT_SUBJECT_RE = re.compile(r"\s*[Ii]t\s+(?:is|was|has|had|will|would|also|now|became|joined|remains)\b")
_WHICH_PROVIDES_RE = re.compile(r",\s+which\s+(?:will\s+|would\s+)?(?:provides?|offers?|pays?|gives?|awards?)\s+"
                                r"(?:(?:funding|grants?|support|subsidies)\s+)?(?:(?:totaling|totalling|worth|of)\s+)?")
_OWNER_END_RE = re.compile(r"(?:['’]s)?")
_POSSESSIVE_OWNER_GAP_RE = re.compile(r"(?:the\s+|its\s+|their\s+)?(?:[A-Za-z][\w&\s-]{0,60}?['’]s\s+)?")
_APPOSITIVE_PART_RE = re.compile(r",\s+(?:a|an|one\s+of\s+the|among\s+the)\s+[\w\s-]{0,40}?\b(?:participants?|members?|"
                                 r"recipients?|beneficiar(?:y|ies)|winners?)\s+(?:in|of|under)\s+")
_OPEN_PAREN_RE = re.compile(r"\s*\(\s*")
# "P, in which A is one of the lead universities / a participant / a member"
_IN_WHICH_RE = re.compile(r"[^.;]{0,40}?,\s+in\s+which\s+(?:the\s+)?")
_ONE_OF_RE = re.compile(r"\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:one\s+of\s+|among\s+)?(?:the\s+|a\s+|an\s+)?"
                        r"[\w\s-]{0,30}?\b(?:participants?|members?|universities|partners?|institutions|schools|"
                        r"hospitals|participating)\b")
# active voice: "the ministry selected / chose / named A (as ...) for / under P"
_SELECTS_RE = re.compile(r"\b(?:selected|chose|picked|named|designated|tapped)\s+", re.I)
_SELECTS_WORDS = ("selected", "chose", "picked", "named", "designated", "tapped")
_PASSIVE_GAP_RE = re.compile(r"\b(?:was|were|been|be|is|are|being|gets?|got|getting)\b|,")
_SELECTION_WORDS = ("select", "chose", "chosen", "pick", "named", "participa", "take part", "taking part",
                    "took part", "winner", "recipient", "member", "designat")
AMONG_RE = re.compile(r"^\s*(?:Among\s+(?:them|these|those)|Of\s+(?:them|these)|One\s+of\s+(?:them|these))\b", re.I)
ORGANIZE_RE = re.compile(r"\b(?:organi[sz]ed|hosted|run|managed|operated|administered|overseen|coordinated|"
                         r"led|spearheaded|implemented|launched|created|established)\s+(?:jointly\s+)?by\b", re.I)
FUND_BY_RE = re.compile(r"\b(?:(?:supported|funded|sponsored|financed|backed|bankrolled|subsidi[sz]ed|"
                        r"underwritten)\s+(?:jointly\s+|financially\s+)?by|with\s+(?:the\s+)?(?:financial\s+)?"
                        r"(?:support|funding|grants?|sponsorship)\s+(?:of|from))\b", re.I)
RECEIVE_RE = re.compile(r"\b(?:receiv(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|get(?:s)?|got|obtain(?:s|ed)?|"
                        r"(?:was|were|be|been)\s+(?:awarded|granted|allocated|given))\b", re.I)
INVEST_RE = re.compile(r"\b(?:invest(?:s|ed|ing)?|provid(?:e|es|ed|ing)|contribut(?:e|es|ed|ing)|"
                       r"set(?:s|ting)?\s+aside|earmark(?:s|ed)?|budget(?:s|ed)|put(?:s|ting)?|award(?:s|ed)?|"
                       r"inject(?:s|ed)?|pour(?:s|ed)?|"
                       r"allocat(?:e|es|ed|ing)|donat(?:e|es|ed|ing)|grant(?:s|ed)?|pledg(?:e|es|ed)|"
                       r"commit(?:s|ted)?|spend(?:s)?|fund(?:s|ed)?)\b", re.I)
ESTABLISH_RE = re.compile(r"\b(?:establish(?:es|ed|ing)?|set(?:s|ting)?\s+up|open(?:s|ed|ing)?|launch(?:es|ed|ing)?|"
                          r"build(?:s|ing)?|built|creat(?:e|es|ed|ing)|found(?:s|ed|ing)?|hous(?:e|es|ed|ing)|"
                          r"host(?:s|ed|ing)?|inaugurat(?:e|es|ed|ing)|unveil(?:s|ed|ing)?)\b"
                          r"(?P<obj>\s+(?:a|an|the|its|their|new|joint|dedicated|\s)*)", re.I)
LOCATIVE_RE = re.compile(r"^\s*(?:At|In|Within|Inside)\s+(?:its\s+|their\s+|the\s+)?(?:affiliated\s+)?$")
AFFIL_RE = re.compile(r"\b(?:its|their)\s+affiliated\s+$|\baffiliated\s+$", re.I)
LOCATED_RE = re.compile(r"^,?\s+(?:which\s+is\s+|is\s+)?(?:located|based|headquartered|situated)\s+in\s+$", re.I)
PROGRAM_LINK_VERB = re.compile(r"\b(?:link|connect|align|tie)\w*\b", re.I)
# Compiled once: inline patterns were recompiled whenever re's 512-entry cache overflowed.
_ARTICLE_GAP_RE = re.compile(r"\s*(?:the\s+|a\s+|an\s+|its\s+)?")
_BETWEEN_RE = re.compile(r"\bbetween\s")
_WITH_RE = re.compile(r"\bwith\s")
_SEMI_OR_BY_RE = re.compile(r"[;]|\bby\b")
_WITH_AMOUNT_RE = re.compile(r"[^.;,]{0,30}?\bwith\s+(?:a\s+total\s+of\s+|up\s+to\s+)?")
_WITH_THE_RE = re.compile(r"\bwith\s+(?:the\s+)?")
_ADDING_RE = re.compile(r"\s+(?:add|adding|contribut\w+|provid\w+|put(?:ting)?\s+up|chipping\s+in|"
                        r"offer\w*|invest\w*)\s+(?:another\s+|an\s+additional\s+)?")
_FROM_RE = re.compile(r"\s*(?:in\s+[\w\s]{0,30}?funds?(?:ing)?\s+)?from\s+")
_FROM_WORD_RE = re.compile(r"\bfrom\s")
# right after an amount received: "was awarded 2 billion won (about $1.5 million) by the ministry"
_BY_AFTER_RE = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:a\s+year\s+|annually\s+|in\s+\w+\s+)?"
                          r"(?:(?:research\s+|seed\s+)?(?:grant|award|subsidy|funding)\s+)?by\s+")
# after "funded by" / "backed by": "a 4.8 billion won grant over three years from", "a grant worth N from"
_GRANT_FROM_RE = re.compile(r"\s+(?:an?\s+|the\s+)?(?:[^.;]|\.(?=\d)){0,50}?\b(?:grants?|funding|subsid(?:y|ies)|investment|"
                            r"contributions?|budget)\b(?:[^.;]|\.(?=\d)){0,50}?\bfrom\s+")
# active: "the agency runs / oversees / manages the P"
_RUNS_RE = re.compile(r"\b(?:organi[sz]es|runs|oversees|manages|administers|coordinates|hosts|operates|"
                      r"(?:will|to)\s+(?:organi[sz]e|run|oversee|manage|administer|coordinate|host|operate))\s+", re.I)
_RUNS_WORDS = ("organi", "run", "oversee", "manage", "administer", "coordinate", "host", "operate")
# a program's owner: "the Ministry of Education's P"; "P, which the province launched / runs"
_OWNER_KINDS = frozenset({"Ministry", "Agency", "LocalGovernment"})
_POSSESSIVE_GAP_RE = re.compile(r"(?:['’]s)?\s+(?:new\s+|flagship\s+|own\s+)?(?:the\s+)?")
# "P, the Ministry of Education's scheme that ...": an owner's program named in apposition
_APPOS_OWNER_GAP_RE = re.compile(r",\s+(?:the\s+)?")
_APPOS_OWNED_RE = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:scheme|program|programme|initiative|project)\b")
_WHICH_RAN_RE = re.compile(r",\s+which\s+(?:the\s+)?")
_WHICH_RAN_WORDS = ("which",)
_RAN_VERB_RE = re.compile(r"(?:\s+(?:provincial|city|municipal|metropolitan|county|district)\s+government)?"
                          r"\s+(?:has\s+|had\s+|have\s+|first\s+|jointly\s+)?(?:launched|runs|ran|operates|operated|"
                          r"organi[sz]es|organi[sz]ed|set\s+up|created|introduced|oversees|manages|started|established|"
                          r"hosts|hosted)\b")
# "P, which the ministry runs together with the NRF": the co-runner organizes P too
_RAN_WITH_RE = re.compile(r"\s+(?:together\s+|jointly\s+)?with\s+(?:the\s+)?")
_JOINTLY_RUN_RE = re.compile(r"\s+(?:will\s+|would\s+|plan\s+to\s+)?(?:jointly\s+)?(?:run|operate|offer|teach)\s+"
                             r"(?:it\s+)?(?:jointly|together)\b|\s+(?:will\s+)?jointly\s+(?:run|operate|offer)\b")
# "Of that amount, A will provide N1 and B the remaining N2"; "A provides N1 of that, and B adds N2"
_SHARE_START_RE = re.compile(r"\s*(?:Of|From)\s+(?:that|this|the\s+total|the\s+sum|it)(?:\s+(?:amount|sum|total|budget))?\b")
_SHARE_AFTER_RE = re.compile(r"\s+of\s+(?:that|this|it|the\s+total)\b")
_SHARE_BEFORE_RE = re.compile(r"\bthe\s+(?:remaining|rest\s+of|remainder|balance\s+of)\s+(?:the\s+)?$")
_GIVER_PREP_RE = re.compile(r"\b(?:with|by|from|of|at|to|in|for|into|under|via|through|than|on)\s+(?:the\s+|its\s+)?$")
_SHARE_WORDS = ("of that", "of this", "of the total", "of the sum", "of it", "remaining", "the rest", "remainder",
                "balance")
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
_INVEST_TARGET_RE = re.compile(r"[^.;]{0,40}?\b(?:to|in|into|for|toward|towards|on)\s+")
_UNIT_NOUNS = r"(?P<noun>lab|laboratory|center|centre|institute|academy|cluster|program|programme|scholarship|hub|consortium)\b"
_UNIT_NOUN_RE = re.compile(r"(?:(?:equip|fund|support|build|expand|run|operate|launch|furnish)\s+)?(?:the|its|their)\s+"
                           r"(?:new\s+|joint\s+)?" + _UNIT_NOUNS)
_OWNED_NOUN_RE = re.compile(r"(?:['’]s)?\s+(?:new\s+|joint\s+)?" + _UNIT_NOUNS)
_GOV_AT_RE = re.compile(r"\s+(?:the\s+)?((?:provincial|city|municipal|metropolitan)\s+government)\b", re.I)
_LOCAL_GOV_RE = re.compile(r"\b(provincial|city|municipal|metropolitan)\s+government\b", re.I)
_LOWER_GAP_RE = re.compile(r"[\sa-z]*")
_AT_OF_IN_GAP_RE = re.compile(r"\s+(?:at|of|in)\s+(?:the\s+)?")
_ITS_AFFILIATED_RE = re.compile(r"\b(?:its|their)\s+affiliated\s+$")
_AFFILIATE_OF_RE = re.compile(r",?\s+(?:an?\s+)?(?:affiliated\s+(?:with|to)|(?:an\s+)?affiliate\s+of|"
                              r"(?:a\s+)?(?:unit|subsidiary|branch|campus)\s+of|"
                              r"(?:the|an?)\s+[a-z\s-]{0,30}?\b(?:teaching\s+hospital|research\s+arm|affiliate|"
                              r"affiliated\s+hospital)\s+of)\s+(?:the\s+)?")
_SECOND_ROLE_RE = re.compile(r"\s*\(\s*(?P<role>[A-Z][\w\s-]{1,40}?)\s+of\s+")
@functools.lru_cache(maxsize=5_000)
def _role_gap_re(role: str) -> re.Pattern:
    """"GIST President X": only the title (and a possessive) between organisation and name."""
    return re.compile(r"(?:['’]s)?\s+(?:(?:Senior|Executive|First|Deputy|Acting|Associate|Vice)\s+)?" + re.escape(role) + r"\s+")


_TWINNED = (_BACKREF_RE, _PREP_BEFORE, PARTNER_RE, PARTICIPATE_RE, MEMBERS_RE, ORGANIZE_RE, FUND_BY_RE,
            RECEIVE_RE, INVEST_RE, ESTABLISH_RE, _SELECTS_RE, _RUNS_RE)
# Keyed by id(pattern): a Pattern's hash is computed afresh from its compiled code on
# every lookup, which for these long patterns cost as much as a short scan.
_TWIN_OF = {id(p): lower_twin(p) for p in _TWINNED}

# Where folds_differ(text), the lower-case substring tests before the case-insensitive
# triggers are skipped (all pass), and the triggers run as written: see casefold.
_DIGIT_RE = re.compile(r"\d")
# Words that every match of a trigger contains (lower-cased).
_BACKREF_WORDS = ("universit", "district", "city", "province", "county", "hospital", "ministry", "agency",
                  "institut", "school", "college", "consortium", "project", "program", "initiative",
                  "organi", "company", "foundation", "council", "center", "centre", "sides", "parties")
_PARTICIPATE_WORDS = ("selected", "chosen", "picked", "designat", "named", "tapped", "participat", "part", "join",
                      "operat",
                      "member",
                      "launch", "carr", "perform", "implement", "won", "win", "awarded")
_PARTNER_WORDS = ("collaborat", "cooperat", "partner", "conjunction", "jointly", "together", "team", "hands",
                  "forces", "work with", "works with", "worked with", "working with", "closely with", "joint ",
                  "trial with", "trials with", "study with", "studies with", "research with", "project with",
                  "projects with", "track with", "tracks with", "course with", "courses with", "program with",
                  "programs with", "programme with", "programmes with", "co-host", "cohost", "co-organi", "coorgani")
_FUND_BY_WORDS = ("support", "funded", "sponsor", "financed", "backed", "bankrolled", "subsidi", "underwritten",
                  "funding", "grant")
_ORGANIZE_WORDS = ("organi", "hosted", "run", "managed", "operated", "administered", "overseen", "coordinated",
                   "led", "spearheaded", "implemented", "launched", "created", "established")
_CO_VERB_WORDS = ("launch", "host", "organi", "jointly", "join", "team", "partner", "collaborat", "cooperat",
                  "together")
_JOIN_WORDS = ("participat", "part in", "join", "member")
_JOIN_TRIGGER_RE = re.compile(r"participat|tak|took|join|(?:is|are|was|were|bec|has)\b", re.I)
# what the rules of _participates need where no program is named (besides _MEMBERS_WORDS)
_LIST_GATE_WORDS = ("including", "applied", "competed", "bid ")
_LIST_START_RE = re.compile(r"\s*(?:The|These|Those|They)\s")
_MEMBERS_WORDS = ("consortium", "alliance", "coalition", "network", "group", "team")
_ESTABLISH_WORDS = ("establish", "set", "open", "launch", "build", "built", "creat", "found", "hous",
                    "host", "inaugurat", "unveil")


class RelationExtractor:
    def __init__(self, text: str, sentences: list[tuple[int, int]], res: Resolved,
                 quotes: list[tuple[int, int]], lowered: str | None = None):
        self.text = text
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

    # -- context ---------------------------------------------------------------

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
            if self._max_end[bisect_right(self._starts, b.start())] > b.start():
                continue
            key = None
            if w in {"university", "school", "college"}:
                key = self.main_org if self.main_org and self.ents[self.main_org].kind == "University" else \
                    self._latest(b.start(), {"University"})
            elif w in {"district", "city", "province", "county"}:
                key = self._latest(b.start(), {"LocalGovernment", "Region"},
                                   pred=lambda m: self.ents[m.key].kind == "LocalGovernment" or w in m.key)
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
            elif w == "consortium":
                key = self._latest(b.start(), {"Program"}, pred=lambda m: self._consortium(m.key))
            elif w in {"institutions", "organizations", "organisations", "universities", "sides", "parties"} \
                    and self._last_mou:
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

    # -- groups ----------------------------------------------------------------

    def _group_from(self, ms: list[M], i: int, kinds=ORGISH) -> list[M]:
        """The coordination starting at ms[i]: 'A, B, and C'."""
        grp = [ms[i]]
        j = i + 1
        skip_to = -1                                  # past "(AA)" after the last one
        text = self.text
        while j < len(ms):
            between = text[max(grp[-1].end, skip_to):ms[j].start]
            if ms[j].start == grp[-1].start:          # two back-references for one phrase
                if ms[j].ref or grp[-1].ref:
                    grp.append(ms[j])
                elif ms[j].end > grp[-1].end and ms[j].kind in kinds:
                    grp[-1] = ms[j]                   # "B University School of Medicine": the unit, not B
                j += 1
                continue
            if ms[j].kind not in kinds and j + 1 < len(ms) and ms[j + 1].start == ms[j].start:
                j += 1                                # "Daegyeong University" inside "... University Hospital"
                continue
            if ms[j].key == grp[-1].key and between in (" (", "(") and text.startswith(")", ms[j].end):
                skip_to = ms[j].end + 1               # "A (AA) and B": the short form in brackets
                j += 1
                continue
            if _SEP_RE.match(between) and ms[j].kind in kinds:
                grp.append(ms[j])
                j += 1
                continue
            # "A in Suwon and B": where A is, and the list goes on
            if between == " in " and ms[j].kind in _PLACES and j + 1 < len(ms) and grp[-1].kind not in _PLACES \
                    and any(x.kind in kinds for x in ms[j + 1:j + 3] if x.start == ms[j + 1].start) \
                    and _SEP_RE.match(text[ms[j].end:ms[j + 1].start]) and text[ms[j].end:ms[j + 1].start].strip():
                skip_to = ms[j].end
                j += 1
                continue
            # "KAIST and medical AI company Lunit", "A, B and chipmaker C"
            if len(between) < 50 and ("and " in between or "as well" in between) and ms[j].kind in kinds \
                    and _DESC_SEP_RE.fullmatch(between):
                grp.append(ms[j])
                j += 1
                continue
            if between.strip() == "" and ms[j].start == grp[-1].end:
                j += 1
                continue
            break
        return [g for g in grp if g.kind in kinds]

    def _after(self, ms: list[M], pos: int, kinds=ORGISH, max_gap: int = 12) -> list[M]:
        for i, m in enumerate(ms):
            if m.start >= pos:
                if m.kind in kinds and _ARTICLE_GAP_RE.fullmatch(self.text[pos:m.start]) \
                        or (m.kind in kinds and m.start - pos <= max_gap and "," not in self.text[pos:m.start]):
                    return self._group_from(ms, i, kinds)
                return []
        return []

    def _subject(self, ms: list[M], s: int, before: int | None = None) -> list[M]:
        for i, m in enumerate(ms):
            if before is not None and m.start >= before:
                break
            if m.kind == "Person":
                continue
            if self._after_preposition(s, m.start):
                continue
            if m.kind in ORGISH or m.kind == "Program":
                grp = self._group_from(ms, i, ORGISH | {"Program"})
                return grp      # a place that acts is a local government (set after extraction)
        return []

    def _after_preposition(self, s: int, pos: int) -> bool:
        """Does text[s:pos] end with a preposition (and article), so that the name at
        ``pos`` is no subject?  Memoised per position, as several rules ask about the
        same names, and searched from the fifth-last word on: a match ends at the end
        and spans at most four words ("such as the affiliated"), so it cannot start
        earlier, and a search from the start of a long sentence is what cost."""
        key = (s, pos)
        hit = self._prep_cache.get(key)
        if hit is None:
            low = self._low
            pre = (self.text if low is None else low)[s:pos]
            parts = pre.rsplit(None, 4)
            start = len(parts[0]) if len(parts) == 5 else 0
            hit = self._prep_cache[key] = (_PREP_BEFORE if low is None else _TWIN_OF[id(_PREP_BEFORE)]) \
                .search(pre, start) is not None
        return hit

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

    # -- emit --------------------------------------------------------------------

    def _emit(self, typ: str, a: str | None, b: str | None, s: int, e: int, conf: float, **attrs):
        if not a or not b or a == b:
            return
        ev = Evidence(self.text[s:e], s, e)
        self.out.append(Relation(type=typ, source=a, target=b, evidence=ev, confidence=conf,
                                 attrs={k: v for k, v in attrs.items() if v is not None}))

    # -- rules -------------------------------------------------------------------

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
            self._affiliated(ms, s, e)
            if len(ms) > 1 or ms[0].kind in _PLACES:      # "the Ulsan-based university": one name
                self._located(ms, s, e)
        self._structural()
        self._government_funders()
        self._drop_parent_echoes()
        return self.out

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
            elif len(left) >= 2:
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

    def _party_mentions(self, ms: list[M], s: int, e: int) -> list[M]:
        """The sentence's mentions as parties: none from a dateline ("SEOUL, March 4
        (Yonhap) --"), and "Uzbekistan's Samarkand State University" one party, the
        university (the place names whose it is)."""
        text = self.text
        dm = _DATELINE_RE.match(text, s, e) if text[s:s + 1].isupper() else None
        out = []
        for i, m in enumerate(ms):
            if dm and m.start < dm.end() and m.kind in _PLACES:
                continue         # the city of the dateline ("KAIST — ..." stays a party)
            if m.kind in _PLACES and i + 1 < len(ms) and ms[i + 1].kind in ORG_LIKE and ms[i + 1].kind not in _PLACES \
                    and _POSS_GAP_RE.fullmatch(text, m.end, ms[i + 1].start) and (
                        text[m.end - 2:m.end] in ("'s", "’s") or text[m.end:m.end + 1] in ("'", "’")):
                continue
            if m.kind == "Region" and i and ms[i - 1].kind in ORG_LIKE and text.startswith(", ", ms[i - 1].end) \
                    and ms[i - 1].end + 2 == m.start and not (i + 1 < len(ms) and _SEP_RE.match(text[m.end:ms[i + 1].start])):
                continue         # "X of Aachen, Germany, to develop": where X is, not a party
            out.append(m)
        return out

    def _clause_start(self, s: int, pos: int) -> int:
        """Where the clause that holds ``pos`` starts, for its subject: after "X said
        (Monday) that", and after a fronted "Led by X," phrase; else ``s``."""
        text = self.text
        start = s
        fm = _FRONTED_BY_RE.match(text, s, pos)
        if fm:
            start = fm.end()
        if "that " in text[start:pos]:
            for sm in _SAID_THAT_RE.finditer(text, start, pos):
                start = sm.end()
        # "A signed X with B, while C partnered with D": the contrasted clause's own subject
        seg = text[start:pos]
        if ";" in seg or "while " in seg or "whereas " in seg or "but " in seg:
            for cm in _CONTRAST_RE.finditer(text, start, pos):
                start = cm.end()
        return start

    def _partners(self, ms, s, e):
        ms_p = None
        # every trigger ends in "with"
        for t in (self._finditer(PARTNER_RE, s, e) if self._may(("with",)) and self._may(_PARTNER_WORDS) else ()):
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
            right = self._after(ms_p, t.end() + 1)
            if right and "and with " in self._sent:
                # "work with A on X, and with B on Y": B too
                for am in _AND_WITH_RE.finditer(self.text, right[-1].end, e):
                    right = right + self._after(ms_p, am.end())
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
            if subj and t.group()[:3].lower() in {"sel", "cho", "pic", "des", "nam", "tap"} and \
                    not _PASSIVE_GAP_RE.search(self.text, subj[-1].end, t.start()):
                continue          # "The ministry selected A for P": the selector takes no part (_selects)
            runs = t.group()[:4].lower() in {"laun", "oper", "impl"}
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
        if self._may(("participating", "member")):
            self._members_include(ms, s, e)
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

    def _members_include(self, ms, s, e):
        """"P's participating universities include A, B and C", "the program's members are A and B",
        "Participating schools in P include A and B": each one named takes part in P."""
        for p in ms:
            if p.kind != "Program" or self._in_quote(p.start):
                continue
            im = _PART_INCLUDE_RE.match(self.text, p.end, e)
            if im is None:
                om = _PART_OF_INCLUDE_RE.search(self.text, max(s, p.start - 60), p.start)
                im = _INCLUDE_AFTER_RE.match(self.text, p.end, e) if om and om.end() == p.start else None
            if im is None:
                continue
            key = self._program_ref(p) if p.ref else p.key
            for a in self._members_at(ms, im.end()):
                if a.key != key:
                    self._emit("PARTICIPATES_IN", a.key, key, s, e, 0.75)

    def _members_at(self, ms, pos: int, kinds=ORG_LIKE) -> list[M]:
        """The coordination of names starting at ``pos`` (after an article at most), where
        a name may carry its short form: "A (AA), B (BB) and C"."""
        out: list[M] = []
        end = pos
        for m in ms:
            if m.start < end:
                continue
            gap = self.text[end:m.start]
            if not (_ARTICLE_GAP_RE.fullmatch(gap) if not out else _MEMBER_SEP_RE.fullmatch(gap) or
                    (" and " in gap and _MEMBER_DESCR_SEP_RE.fullmatch(gap))):
                if out and _PAREN_OPEN_RE.fullmatch(gap) and self.text.startswith(")", m.end):
                    end = m.end + 1           # the short form of the name before
                    continue
                break
            if m.kind not in kinds:
                break
            out.append(m)
            end = m.end
        return out

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
        if self._may(("participant", "member", "recipient", "beneficiar", "winner")):
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
            if not subj or _PASSIVE_GAP_RE.search(self.text, subj[-1].end, t.start()):
                continue
            for a in self._after(ms, t.end(), ORG_LIKE, max_gap=0):
                if a.key != prog.key:
                    self._emit("PARTICIPATES_IN", a.key, prog.key, s, e, 0.7)
            for a in subj:
                if a.kind in {"Ministry", "Agency", "LocalGovernment"}:
                    self._emit("ORGANIZES", a.key, prog.key, s, e, 0.7)
            return

    def _after_dateline(self, ms, s: int, pos: int) -> list[M]:
        """The mentions after a dateline that opens the sentence ("SEOUL, April 8 (Yonhap) --"):
        a place in capitals before a dash ("KAIST -- the school said" keeps KAIST)."""
        dm = _DATELINE_RE.match(self.text, s, pos)
        if dm is None or not ms or ms[0].start >= dm.end() or ms[0].kind != "Region":
            return ms
        return [m for m in ms if m.start >= dm.end()]

    def _it_subject(self, ms, s: int, pos: int) -> M | None:
        """Where the clause before ``pos`` has "it" for subject and names nobody: the subject of
        the sentence before."""
        cl = None
        for cm in _CLAUSE_RE.finditer(self.text, s, pos):
            cl = cm
        a = cl.end() if cl else s
        if not _IT_SUBJECT_RE.match(self.text, a, pos) or any(a <= m.start < pos for m in ms):
            return None
        return self._previous_subject(s)

    def _possessor_of(self, a: M, b: M) -> bool:
        """"Stanford's School of Engineering": ``a`` only owns ``b`` (no coordination)."""
        return _POSSESSIVE_ONLY_RE.fullmatch(self.text, a.end, b.start) is not None and \
            (self.text[a.end:a.end + 1] in ("'", "’") or self.text[a.end - 2:a.end] in {"'s", "’s"})

    def _clause_subject(self, ms, s: int, pos: int, reported: bool = False) -> list[M]:
        """The subject of the clause that ``pos`` is in: "A oversees P1, and B is part of P2" (B);
        with ``reported``, "The ministry said that A and B have been selected" (A and B)."""
        cl = None
        for cm in _CLAUSE_RE.finditer(self.text, s, pos):
            cl = cm
        if reported and self._may(_REPORTED_WORDS):
            for cm in _REPORTED_RE.finditer(self.text, cl.end() if cl else s, pos):
                cl = cm
        first = next((m for m in ms if m.start >= cl.end()), None) if cl else None
        if first and first.end <= pos and first.kind in ORG_LIKE and \
                _ARTICLE_GAP_RE.fullmatch(self.text, cl.end(), first.start):
            return self._group_from(ms, ms.index(first))
        return self._subject(ms, s, before=pos)

    def _program_ref(self, m: M) -> str:
        """"the initiative" / "the program": the latest program whose name has that word, where
        one has (else the back-reference's own choice)."""
        w = self.text[m.start:m.end].lower().split()[-1]
        for j in range(bisect_left(self._starts, m.start) - 1, -1, -1):
            x = self.ms[j]
            if x.kind == "Program":
                ent = self.ents[x.key]
                if any(w in n.lower() for n in [ent.name] + ent.aliases):
                    return x.key
        return m.key

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
                if a.kind in _OWNER_KINDS and not _PASSIVE_GAP_RE.search(self.text, a.end, t.start()):
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
        for i, p in enumerate(ms):
            if p.kind != "Program" or p.ref or self._in_quote(p.start):
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
            if target is not None and self.text[t.start():t.start() + 4].lower() == "with" and \
                    target.kind != "Program" and self._after_preposition(s, target.start):
                # "A will build X with B, with funding from C": A is funded, not the partner B
                subj = self._subject(self._after_dateline(ms, s, t.start()), s, before=t.start())
                target = subj[0] if subj and subj[0].kind in ORG_LIKE else target
            if target is None and _IT_RE.match(self.text, s, e):
                target = self._previous_subject(s)       # "It has run a center since 2017 with funding from X"
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
            elif len(funders) == 1:    # "funded by X with 5 billion won"
                wm = _WITH_AMOUNT_RE.match(self.text[funders[-1].end:e])
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
        if v and not self._in_quote(v.start()):
            amt = next((x for x in money if s + x.start > v.start()), None)
            subj = [m for m in self._clause_subject(ms, s, v.start()) if m.kind in ORG_LIKE or
                    (m.kind == "Region" and _PLACE_ACTS_RE.fullmatch(self.text, m.end, v.start()))] or \
                self._government_subject(s, v.start())     # a place gives only as the verb's own subject
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
                if key:
                    each = _EACH_RE.search(self.text, subj[-1].end, s + amt.start)
                    for g in (subj if each else subj[:1]):       # "A and B will each contribute N"
                        self._emit("FUNDS", g.key, key, s, e, 0.75, **self._money_attrs(amt, s, e))

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

    def _government_at(self, pos: int, e: int) -> list[M]:
        """"(by) the provincial government" right at ``pos``: the latest province (or city) named."""
        gm = _GOV_AT_RE.match(self.text, pos, e)
        return self._government_subject(gm.start(1), gm.end()) if gm else []

    def _government_subject(self, s: int, pos: int) -> list[M]:
        """"the provincial government will put N into ...": the latest province (or city) named."""
        gm = _LOCAL_GOV_RE.search(self.text, s, pos)
        if gm is None:
            return []
        w = "province" if gm.group(1).lower() == "provincial" else "city"
        for j in range(bisect_left(self._starts, s) - 1, -1, -1):
            x = self.ms[j]
            if x.kind in {"LocalGovernment", "Region"}:
                ent = self.ents[x.key]
                if any(w in n.lower() for n in [ent.name] + ent.aliases):
                    return [M(gm.start(), gm.end(), x.key, "LocalGovernment", True)]
        return []

    def _previous_subject(self, s: int) -> M | None:
        """What "It" at the start of the sentence at ``s`` is: the subject of the sentence before
        (an organisation, not a program)."""
        before = self._sentence_before(s)
        if before is None:
            return None
        ps, pe = before
        prev = [m for m in self._mentions_in(ps, pe) if m.end <= pe]
        subj = self._subject(prev, ps)
        return subj[0] if subj and subj[0].kind in ORG_LIKE else None

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
            # "establish the A Center and the B Institute": each centre of the list
            objs = self._group_from(ms, ms.index(obj), {"Institute"}) if obj in ms else [obj]
            for h in host[:1]:
                for o in objs or [obj]:
                    if not o.ref:
                        self._emit("HOSTS", h.key, o.key, s, e, 0.75)
        self._hosts_after_name(ms, insts, s, e)
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
            hm = _HOUSED_IN_RE.match(text, m.end, e)
            if hm:
                i = next((k for k, x in enumerate(ms) if x.start >= hm.end()), None)
                if i is not None and ms[i].start - hm.end() <= 1:
                    # "in UNIST's Graduate School of X": the unit named last
                    while i + 1 < len(ms) and ms[i + 1].kind in ORG_LIKE and \
                            _POSS_GAP_RE.fullmatch(text, ms[i].end, ms[i + 1].start) and \
                            (text[ms[i].end - 2:ms[i].end] in ("'s", "’s") or text[ms[i].end:ms[i].end + 1] in "'’"):
                        i += 1
                    h = ms[i]
                    if h.kind in ORG_LIKE and h.kind not in _PLACES and h.key != m.key:
                        self._emit("HOSTS", h.key, m.key, s, e, 0.75)

    def _affiliated(self, ms, s, e):
        sent = self._sent
        if (" by " in sent and self._has(_SET_UP_GATE)) or \
                ((", a " in sent or ", an " in sent or ", the " in sent) and self._has(_UNDER_GATE)):
            self._set_up_by(ms, s, e)
        if self._pending_units:
            self._listed_units(ms, s, e)
        if not self._has(_AFFIL_GATE) and not self._may(("affiliat",)):
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
        old = self._may(("affiliat",)) or self._has(("affiliate", "unit", "subsidiary", "branch", "campus",
                                                     "hospital of", "arm of"))
        # "X, one of its affiliated hospitals", "X, an RDA research arm"; "X, which operates A"
        appos = old or self._has((" arm",))
        which = self._has((" operates ", " runs ", " owns ", " oversees "))
        if not (appos or which):
            return
        text = self.text
        for i, m in enumerate(ms):
            if old:
                pre = text[max(s, m.start - 40):m.start]
                if AFFIL_RE.search(pre) and m.kind in ORG_LIKE:
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
                post = text[m.end:e]
                am = _AFFILIATE_OF_RE.match(post)
                if am:
                    tgt = self._after(ms, m.end + am.end(), ORG_LIKE, max_gap=2)
                    if tgt:      # of names that start together, the longest ("X University College of Y")
                        t0 = max((x for x in ms if x.start == tgt[0].start and x.kind in ORG_LIKE and not x.ref),
                                 key=lambda x: x.end, default=tgt[0])
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
        for m in self.raw_mentions:
            if m.key != child:
                continue
            s, e = self._sentence_of(m.start)
            sent = self.text[s:e]
            if any(n and len(n) > 1 and n in sent for n in pnames) or any(
                    x.key == parent and s <= x.start < e for x in self.ms):
                return s, e
        return None

    def _leads(self, s, e):
        persons = self._persons
        prev_target = None               # "by Professor A of X and Professor B of Y": both
        for i in range(bisect_left(self._person_starts, s), len(persons)):
            m = persons[i]
            if m.start >= e:
                break
            orgs = []
            unknown = False
            role = m.role
            if not role and self.text.startswith("Gov. ", m.start - 5):
                role = "Governor"            # "Gov. Park Jin-ho said"
            self._person_unit(m, s, e)
            lead = self._led_by(m, s, e) if m.org_span else self._lead_stated(m, s, e, prev_target)
            prev_target = lead
            if lead:
                role, o = lead
                if not role.lower().startswith(_PAST_ROLE):     # "X, former president of Y"
                    self._emit("LEADS", m.key, o, s, e, 0.8, role=role)
                continue
            if m.org_span:
                os_, oe = m.org_span
                inside = [x for x in self.ms if os_ <= x.start < oe and x.kind in ORG_LIKE | {"Program"}]
                if inside:
                    k = 0        # "KAIST GSMSE": the last of adjacent names is the unit led
                    while k + 1 < len(inside) and self.text[inside[k].end:inside[k + 1].start].strip() == "":
                        k += 1
                    orgs.append(inside[k].key)
                else:
                    # "X, Lunit's chief medical officer" where Lunit is not found there: an
                    # organisation of that name, or one not known here (not the article's)
                    k = self._org_named(self.text[os_:oe])
                    if k:
                        orgs.append(k)
                    elif (role and ("'s" in role or "’s" in role)) or _ORG_NAME_WORD_RE.search(self.text, os_, oe):
                        unknown = True       # ("Dean of International Affairs" names an office)
                # "(Dean of the Department ... at GIST)": a second role in parentheses
                pm = _SECOND_ROLE_RE.match(self.text[oe:e]) if oe < e else None
                if pm:
                    close = self.text.find(")", oe, e)
                    inner = [x for x in self.ms if oe < x.start < (close if close > 0 else e) and x.kind in ORG_LIKE | {"Program"}]
                    if inner:
                        self._emit("LEADS", m.key, inner[0].key, s, e, 0.8, role=pm.group("role").strip())
            if role and _NOT_LEAD_ROLE_RE.search(role):
                continue         # "Professor X of Y": a post, not the head of Y
            if not orgs:
                # "Y (Mayor X" / "(Y, President X)": the organisation just before the parenthesis
                open_p = self.text.rfind("(", s, m.start)
                if open_p >= 0 and ")" not in self.text[open_p:m.start]:
                    before = [x for x in self.ms if x.end <= open_p + 1 and x.start >= s and x.kind in ORG_LIKE]
                    inner = [x for x in self.ms if open_p < x.start < m.start and x.kind in ORG_LIKE]
                    if before:
                        orgs.append(before[-1].key)
                    elif inner:
                        orgs.append(inner[0].key)
                else:      # "GIST President X": the organisation right before the title
                    prev = [x for x in self.ms if s <= x.start and x.end <= m.start and x.kind in ORG_LIKE]
                    if prev and role and _role_gap_re(role).fullmatch(self.text[prev[-1].end:m.start]):
                        orgs.append(prev[-1].key)
            if not orgs and role:
                named = self._named_before_title(role, m.start, s)
                if named is not None:      # "Foundation Chairman X", "Hanul CEO X"
                    if named:
                        orgs.append(named)
                    elif not _PUBLIC_ROLE_RE.search(role):
                        continue           # an organisation named but not known: not the article's
            if not orgs and not unknown and (role or m.how == "person"):
                # "President X said": the organisation the article is about (a name known
                # from elsewhere, with no title here, leads nothing)
                fallback = self._org_for_role(role or "", m.start)
                if fallback:
                    orgs.append(fallback)
            if role and role.lower().startswith(_PAST_ROLE):
                continue         # "X, former president of Y": no longer
            for o in orgs[:1]:
                self._emit("LEADS", m.key, o, s, e, 0.8, role=role)

    def _org_named(self, name: str) -> str | None:
        """The one organisation of the document whose name or alias is ``name``."""
        idx = getattr(self, "_org_names", None)
        if idx is None:
            idx = self._org_names = {}
            for k, ent in self.ents.items():
                if ent.kind in ORG_LIKE:
                    for n in [ent.name] + ent.aliases:
                        idx.setdefault(n.lower(), set()).add(k)
        hit = idx.get(name.strip().lower())
        return next(iter(hit)) if hit and len(hit) == 1 else None

    def _person_unit(self, m, s: int, e: int) -> None:
        """AFFILIATED_WITH person -> unit: "Professor X of (UNIST's) Department of Y",
        "X, a psychiatrist at Z Hospital"; only to a unit, hospital or centre (a
        university named alone is where the person works, which is not asked for)."""
        text = self.text
        um = None
        if m.role and _NOT_LEAD_ROLE_RE.search(m.role) and text.startswith(" of ", m.end):
            um = _OF_THE_GAP_RE.match(text, m.end)
        elif text.startswith(",", m.end):
            um = _APPOS_POST_RE.match(text, m.end, e)
        if not um:
            return
        ms = self.ms
        i = bisect_left(self._starts, um.end())
        if i >= len(ms) or ms[i].end > e or not (
                ms[i].start == um.end() or _OWNER_WORDS_GAP_RE.fullmatch(text, um.end(), ms[i].start)):
            return
        # "of UNIST's Department of X": the unit named last
        while i + 1 < len(ms) and ms[i + 1].kind in ORG_LIKE and ms[i + 1].end <= e and \
                _POSS_GAP_RE.fullmatch(text, ms[i].end, ms[i + 1].start) and \
                (text[ms[i].end - 2:ms[i].end] in ("'s", "’s") or text[ms[i].end:ms[i].end + 1] in "'’"):
            i += 1
        u = ms[i]
        ent = self.ents[u.key]
        if u.kind in {"Hospital", "Institute"} or u.kind == "University" and (
                ent.parent or _UNIT_HEAD_RE.match(ent.name)):
            self._emit("AFFILIATED_WITH", m.key, u.key, s, e, 0.7)

    def _sentence_ms(self, s: int, e: int) -> list[M]:
        """The sentence's mentions with its back-references, in text order (once per sentence)."""
        c = self._sms_cache
        if c is not None and c[0] == s:
            return c[1]
        ms = [x for x in self._mentions_in(s, e) if x.end <= e]
        ms = sorted(ms + self._backrefs(s, e), key=lambda x: (x.start, x.end))
        self._sms_cache = (s, ms)
        return ms

    _sms_cache: tuple | None = None

    def _lead_stated(self, m, s: int, e: int, prev: tuple[str, str] | None) -> tuple[str, str] | None:
        """(role, organisation) where the sentence says whom the person heads:
        "X, dean of Y", "X, Y's chief medical officer", "X, a professor who directs Y",
        "Y is headed by (Professor) X", "Y's principal investigator is (Professor) X",
        "Dean X of the Graduate School of Business" (a unit named by the end of its name)."""
        text = self.text
        after = text[m.end:min(e, m.end + 160)]
        low_after = after.lower()
        if after.startswith(","):
            ms = None
            if _has_lead_word(low_after):
                ms = self._sentence_ms(s, e)
                for x in ms:
                    if x.start < m.end or x.kind not in ORG_LIKE | {"Program"}:
                        continue
                    if x.start - m.end > 120:
                        break
                    gap = text[m.end:x.start]
                    am = _APPOS_LEAD_RE.fullmatch(gap)
                    if am:
                        return am.group("role").strip(), x.key
                    # "X, Lunit's chief medical officer"
                    if _APPOS_OWNER_GAP_RE.fullmatch(gap):
                        pm = _POSS_ROLE_RE.match(text, x.end, e)
                        if pm:
                            return pm.group("role").strip(), x.key
                    if x.kind in ORG_LIKE and not x.ref:
                        break    # the first organisation after the name decides
            if "who " in low_after:
                rm = _WHO_LEADS_RE.match(after)
                if rm:
                    ms = ms if ms is not None else self._sentence_ms(s, e)
                    pos = m.end + rm.end()
                    k = next((k for k, x in enumerate(ms) if x.start >= pos), None)
                    x = ms[k] if k is not None else None
                    if x and x.start - pos <= 4 and x.kind in ORG_LIKE | {"Program"}:
                        # "who heads U's Coastal Robotics Center": the unit U has
                        nx = ms[k + 1] if k + 1 < len(ms) else None
                        if nx and nx.kind in ORG_LIKE | {"Program"} and nx.start in (x.end + 1, x.end + 3) and \
                                (text.startswith("'s ", x.end) or text.startswith("’s ", x.end)
                                 or text[x.end - 2:x.end] in ("'s", "’s")):
                            x = nx
                        return _VERB_ROLE[rm.group("v").lower()], x.key
        if "named " in low_after or "appointed " in low_after or "elected " in low_after:
            # "X was named (the new) director of Y"
            am = _NAMED_TITLE_RE.match(text, m.end, e)
            if am:
                ms = self._sentence_ms(s, e)
                x = next((x for x in ms if x.start >= am.end()), None)
                if x and _ARTICLE_GAP_RE.fullmatch(text, am.end(), x.start) and x.kind in ORG_LIKE | {"Program"}:
                    return am.group("role").strip(), x.key
        before = text[max(s, m.start - 90):m.start]
        low_before = before.lower()
        lead = self._led_by(m, s, e)
        if lead:
            return lead
        if prev and _AND_TITLE_RE.search(before):
            return prev
        if "'s " in low_before or "’s " in low_before:
            pm = _POSS_LEAD_BEFORE_RE.search(before)
            if pm:
                pos = m.start - len(before) + pm.start()
                ms = self._sentence_ms(s, e)
                x = next((x for x in reversed(ms) if x.start < pos), None)     # the name may hold the 's
                if x and x.end in (pos, pos + 2) and x.kind in ORG_LIKE | {"Program"}:
                    return pm.group("role").strip(), x.key
        if m.role and not _NOT_LEAD_ROLE_RE.search(m.role) and after.startswith(" of "):
            # "Dean X of Y": Y named in full, or by the end of a unit's name
            ms = self._sentence_ms(s, e)
            x = next((x for x in ms if x.start >= m.end), None)
            if x and _OF_THE_GAP_RE.fullmatch(text[m.end:x.start]) and x.kind in ORG_LIKE | {"Program"}:
                return m.role, x.key
            um = _OF_UNIT_RE.match(after)
            if um:
                tail = um.group("name").lower()
                hits = [k for k, ent in self.ents.items() if ent.kind in ORG_LIKE and ent.kind != "Region"
                        and any(n.lower().endswith(tail) for n in [ent.name] + ent.aliases)]
                if len(hits) == 1:
                    return m.role, hits[0]
        return None

    def _led_by(self, m, s: int, e: int) -> tuple[str, str] | None:
        """"Y is headed by (Professor) X" (also where X's own unit follows: "... by X of
        the Department of Radiology" leads Y, not the department)."""
        before = self.text[max(s, m.start - 90):m.start]
        if "by " not in before:
            return None
        pm = _LED_BY_RE.search(before)
        if pm:
            role = ("co-" if pm.group("co") else "") + _VERB_ROLE[pm.group("v").lower()]
            tgt = self._led_subject(s, e, m.start - len(before) + pm.start())
            if tgt:
                return role, tgt
        return None

    def _led_subject(self, s: int, e: int, pos: int) -> str | None:
        """Who "is headed by": the name or back-reference right before the verb, or for a
        sentence that opens with "It", the subject of the sentence before."""
        text = self.text
        ms = self._sentence_ms(s, e)
        x = next((x for x in reversed(ms) if x.end <= pos), None)
        if x and _BE_GAP_RE.fullmatch(text[x.end:pos]) and x.kind in ORG_LIKE | {"Program"}:
            return x.key
        # "Hanyang's center, headed by", "The UNIST center is directed by": the unit of that owner
        um = _OWNED_UNIT_BEFORE_RE.search(text, max(s, pos - 40), pos)
        if um and x and x.end <= um.start() and text[x.end:um.start()] in ("'s ", "’s ", " ", "' ") \
                and x.kind in ORG_LIKE:
            k = self._unit_of(x.key, um.group("noun").lower())
            if k:
                return k
        # "The center is based at H and is led by X": the sentence's subject
        if _AND_BE_RE.search(text, max(s, pos - 30), pos):
            subj = self._subject(ms, s, before=pos)
            if subj and subj[0].kind in ORG_LIKE | {"Program"} and subj[0].start - s <= 4:
                return subj[0].key
        if _IT_BE_RE.match(text, s, pos) and _IT_BE_RE.match(text, s, pos).end() == pos:
            before = self._sentence_before(s)
            if before is not None:
                ps, pe = before
                subj = self._subject(self._mentions_in(ps, pe), ps)
                if subj and subj[0].kind in ORG_LIKE | {"Program"}:
                    return subj[0].key
        return None

    def _unit_of(self, owner: str, noun: str) -> str | None:
        """The one centre (institute, lab) of ``owner`` that the document names: its
        parent, or the unit the relations so far make part of or hosted by it."""
        heads = _UNIT_NOUN_HEADS.get(noun, (noun,))
        cands = set()
        for k, ent in self.ents.items():
            if ent.kind == "Institute" and ent.parent == owner:
                cands.add(k)
        for r in self.out:
            if r.type == "AFFILIATED_WITH" and r.target == owner and self.ents[r.source].kind == "Institute":
                cands.add(r.source)
            elif r.type == "HOSTS" and r.source == owner and self.ents[r.target].kind == "Institute":
                cands.add(r.target)
        hits = [k for k in cands if any(h in self.ents[k].name.lower() for h in heads)]
        return hits[0] if len(hits) == 1 else None

    def _named_before_title(self, role: str, pos: int, s: int) -> str | None:
        """"Foundation Chairman X": a capitalised word right before the title that is no
        name found: the latest organisation whose name has that word, or "" (some
        organisation not known here) where the word is a name ("Hanul CEO X")."""
        start = pos - len(role) - 1
        if start <= s or self.text[start:pos - 1] != role:
            return None
        wm = _CAP_WORD_BEFORE_RE.search(self.text, max(s, start - 40), start)
        if not wm or self._max_end[bisect_right(self._starts, wm.start())] > wm.start():
            return None          # no word, or one inside a name
        word = wm.group(1)
        if word.lower() in _SENTENCE_OPENERS:
            return None          # "Meanwhile, President X", "The Chairman X"
        if word.lower() in _KIND_WORDS:
            w = word.lower()
            return self._latest(pos, ORG_LIKE, pred=lambda x: w in self.ents[x.key].name.lower()) or ""
        return ""

    def _org_for_role(self, role: str, pos: int) -> str | None:
        """Whom a title without a named organisation refers to: mayors and governors lead
        the local government, ministers the ministry, others the organisation the article
        is about."""
        r = role.lower()
        if "mayor" in r or "governor" in r:
            c = Counter(m.key for m in self.ms if m.kind in {"LocalGovernment", "Region"}
                        and not self.ents[m.key].id.startswith("region:") or m.kind == "LocalGovernment"
                        or (m.kind == "Region" and self._region_level(m.key) not in {"country", "group"}))
            # a governor heads a province, a mayor a city: of those, the most named
            want = _GOVERNOR_LEVELS if "governor" in r else \
                frozenset({"district"}) if "district" in r else frozenset({"county"}) if "county" in r else _MAYOR_LEVELS
            fit = Counter({k: n for k, n in c.items() if self._gov_level(k) in want})
            c = fit or c
            return c.most_common(1)[0][0] if c else None
        if "minister" in r:
            return self._latest(pos, {"Ministry"}) or self._latest(10**9, {"Ministry"})
        return self.main_org

    def _gov_level(self, key: str) -> str | None:
        """A place's level from the gazetteer, else from its name ("X Province", "X City")."""
        lv = self._region_level(key)
        if lv:
            return lv
        name = self.ents[key].name.lower()
        if "district" in name or name.endswith("-gu"):
            return "district"
        if "county" in name or name.endswith("-gun"):
            return "county"
        if "province" in name or name.endswith("-do"):
            return "province"
        if "city" in name or name.endswith("-si"):
            return "city"
        return None

    @staticmethod
    def _gaz_entry(key: str):
        """The gazetteer's record for an entity id (None for names it does not know)."""
        from .gazetteer import default
        return default().entries.get(key)

    def _region_level(self, key: str) -> str | None:
        e = self._gaz_entry(key)
        return e.level if e else None

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

    def _period(self, s, e) -> dict:
        """find_period of the sentence, once per sentence (it is asked for on each emit)."""
        if self._period_cache is None or self._period_cache[0] != (s, e):
            self._period_cache = ((s, e), find_period(self.text[s:e]))
        return dict(self._period_cache[1])

    _pending_gov: list
    _applied_pairs: list

    def __post_init__(self):  # pragma: no cover - dataclass-style hook not used
        pass



# -- patterns of the LEADS rules ---------------------------------------------------
# A title that names a post, not the head of an organisation.
_NOT_LEAD_ROLE_RE = re.compile(r"(?:^|\s)(?:professor|prof\.|researcher|scientist|psychiatrist|physician|"
                               r"scholar|student|graduate|specialist)$", re.I)
_LEAD_WORDS = ("dean", "president", "director", "head", "chief", "officer", "ceo", "chair", "rector", "provost",
               "chancellor", "principal", "superintendent", "administrator", "commissioner", "governor", "mayor",
               "minister", "leader", "investigator", "secretary")


# a name that is an organisation's, not an office's: a kind word or an acronym ("Fraunhofer IPT")
_ORG_NAME_WORD_RE = re.compile(r"\b(?:University|Institute|Cent(?:er|re)|Hospital|Foundation|Agency|Ministry|Lab|"
                               r"Laboratory|Council|Corporation|Corp|Inc|Co|Ltd|Group|Society|Association)\b|"
                               r"\b[A-Z]{2,6}\b")


def _has_lead_word(low: str) -> bool:
    for w in _LEAD_WORDS:
        if w in low:
            return True
    return False


_LEAD_TITLE = (r"(?:dean|(?:vice[ -])?president|(?:co-)?director(?:-general)?|head|chief\s[a-z]{3,20}\sofficer|"
               r"ceo|chair(?:man|woman|person)?|rector|provost|(?:vice[ -])?chancellor|principal\sinvestigator|"
               r"principal|superintendent|administrator|commissioner|governor|mayor|minister|leader|"
               r"secretary-general)")
# "X, (the) dean of Y", "X, senior vice president for international alliances at Y"
_APPOS_LEAD_RE = re.compile(r",\s(?:the\s|an?\s)?(?P<role>(?:[a-z][a-z\s-]{0,50}?\s)?" + _LEAD_TITLE +
                            r"(?:\s(?:for|of)\s[a-z][a-z,&\s-]{0,50}?)?)\s(?:of|at)\s(?:the\s)?", re.I)
# "X, Lunit's chief medical officer": the owner right after the comma
_APPOS_OWNER_GAP_RE = re.compile(r",\s(?:the\s)?")
_POSS_ROLE_RE = re.compile(r"(?:['’]s)?\s(?P<role>(?:[a-z][a-z\s-]{0,50}?\s)?" + _LEAD_TITLE + r")\b", re.I)
# "X was named (the new) director of Y", "X has been appointed president of Y"
_NAMED_TITLE_RE = re.compile(r",?\s(?:was|were|has\sbeen|have\sbeen|is|will\sbe)\s(?:named|appointed|elected)\s(?:as\s)?"
                             r"(?:the\s)?(?:new\s|first\s|acting\s|interim\s)?(?P<role>" + _LEAD_TITLE +
                             r")\s(?:of|at)\s", re.I)
# "X, a physics professor who directs the institute"
_WHO_LEADS_RE = re.compile(r",\s[^,;()]{0,60}?\bwho\s(?:now\s|also\s|currently\s)?(?P<v>directs|heads|leads|chairs)"
                           r"\s", re.I)
_VERB_ROLE = {"directs": "director", "heads": "head", "leads": "leader", "chairs": "chair",
              "directed": "director", "headed": "head", "led": "leader", "chaired": "chair"}
# "The center is headed by (Professor) X", "It will be co-directed by Professor X"
_LED_BY_RE = re.compile(r"\b(?P<co>co-)?(?P<v>headed|directed|led|chaired)\sby\s(?:(?:Professor|Prof\.|Dr\.?)\s)?$")
_AND_TITLE_RE = re.compile(r"\sand\s(?:(?:Professor|Prof\.|Dr\.?)\s)?$")
_BE_GAP_RE = re.compile(r",?\s(?:(?:is|are|was|were|will\sbe|would\sbe|has\sbeen|have\sbeen|had\sbeen|to\sbe|be)\s)?"
                        r"(?:jointly\s|currently\s|now\s)?")
_IT_BE_RE = re.compile(r"\s*It\s(?:(?:is|was|will\sbe|would\sbe|has\sbeen|is\sto\sbe)\s)?(?:jointly\s)?")
# "The consortium's principal investigator is (Professor) X", "The center's director, X,"
_POSS_LEAD_BEFORE_RE = re.compile(r"['’]s\s(?:new\s)?(?P<role>(?:[a-z][a-z\s-]{0,40}?\s)?" + _LEAD_TITLE +
                                  r")(?:\s(?:is|was|will\sbe))?,?\s(?:(?:Professor|Prof\.|Dr\.?)\s)?$")
# "Hanyang's center, headed by", "The UNIST center is directed by"
_OWNED_UNIT_BEFORE_RE = re.compile(r"\b(?P<noun>center|centre|institute|lab|laboratory)" + r",?\s(?:(?:is|was|will\sbe|"
                                   r"would\sbe|has\sbeen|had\sbeen)\s)?(?:jointly\s|currently\s|now\s)?$")
_UNIT_NOUN_HEADS = {"center": ("center", "centre"), "centre": ("center", "centre"), "lab": ("lab",),
                    "laboratory": ("lab",), "institute": ("institute",)}
_AND_BE_RE = re.compile(r"\sand\s(?:is|was|are|were|will\sbe|has\sbeen)\s(?:jointly\s|currently\s|now\s)?$")
_OF_THE_GAP_RE = re.compile(r"\sof\s(?:the\s)?")
# "of the Graduate School of Business": a unit's name, capitalised words with "of/and/for"
_OF_UNIT_RE = re.compile(r"\sof\s(?:the\s)?(?P<name>(?:Graduate\s|Law\s|Medical\s|Business\s)?"
                         r"(?:School|College|Department|Faculty|Division|Institute|Center|Centre)\sof\s[A-Z][\w&-]{2,30}"
                         r"[\w&\s-]{0,60}?)(?=[,.;:()]|\s[a-z]|$)")
# "X, a psychiatrist at Y": a post at an organisation
_APPOS_POST_RE = re.compile(r",\s(?:an?\s|the\s)?[a-z\s-]{0,30}?\b(?:professor|researcher|psychiatrist|physician|surgeon|"
                            r"scientist|doctor|specialist|engineer|lecturer|radiologist|oncologist)\s(?:at|of|in)\s(?:the\s)?")
# "of Hanseo University's Department": an owner not found as a name, then the unit
_OWNER_WORDS_GAP_RE = re.compile(r"[A-Z][A-Za-z.&\s-]{0,50}['’]s\s")
_CAP_WORD_BEFORE_RE = re.compile(r"\b([A-Z][\w&.-]+)\s$")
# titles whose organisation _org_for_role finds by kind ("Jeonbuk Governor X": the province)
_GOVERNOR_LEVELS = frozenset({"province"})
_MAYOR_LEVELS = frozenset({"city", "metropolitan_city", "special_city", "county"})
_PAST_ROLE = ("former ", "ex-", "late ", "then-", "outgoing ")
_PUBLIC_ROLE_RE = re.compile(r"mayor|governor|minister", re.I)
_SENTENCE_OPENERS = {"meanwhile", "also", "however", "then", "and", "but", "former", "acting", "new", "the",
                     "vice", "deputy", "senior", "executive", "general", "honorary", "interim"}
_KIND_WORDS = {"foundation", "university", "hospital", "institute", "center", "centre", "company", "ministry",
               "agency", "council", "school", "college", "association", "corporation", "group"}



# -- patterns of the LOCATED_IN rules ------------------------------------------------
_PLACES = frozenset({"Region", "LocalGovernment"})
_IN_BEFORE_RE = re.compile(r"\bin\s(?:the\s)?(?:(?:city|province|county|country)['’]s\s)?$")   # "in the city's Uichang-gu"
# what a place's possessive locates ("Busan's Pusan National University"): not a ministry or agency
_SITED = frozenset({"University", "Hospital", "Institute", "Company"})
_POSS_GAP_RE = re.compile(r"(?:['’]s)?\s")
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



# -- patterns of the MOU / PARTNERS_WITH rules ----------------------------------------
# "SEOUL, March 4 (Yonhap) --", "SEOUL, April 8, 2025 —", "BUSAN --"
_DATELINE_RE = re.compile(r"[A-Z][A-Za-z.]{1,20}(?:\s[A-Z][A-Za-z.]{1,20})?,?\s(?:[A-Z][a-z]{2,8}\.?\s\d{1,2}(?:,\s\d{4})?\s?)?"
                          r"(?:\([A-Za-z ]{2,20}\)\s?)?(?:--|—|–)\s?")
# "Led by KIST's Brain Science Institute, the consortium ..."
_FRONTED_BY_RE = re.compile(r"\s*(?:Led|Joined|Supported|Backed|Funded|Organi[sz]ed|Hosted|Headed|Run|Sponsored)\s"
                            r"(?:jointly\s)?by\s[^,;]{2,120},\s")
_SAID_THAT_RE = re.compile(r"\b(?:said|says|announced|announces|reported|stated)\s(?:on\s)?(?:[A-Z][a-z]+\s)?that\s")
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
_ITS_N_UNITS_RE = re.compile(r"\b(?:its|their)\s(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s"
                             r"affiliated\s(?P<w>hospitals|institutes|companies)\b")
_UNIT_WORD_KIND = {"hospitals": "Hospital", "institutes": "Institute", "companies": "Company"}
_TWO_OF_RE = re.compile(r"\b(?:the\stwo|[Bb]oth)\s(?:universities|institutions|sides|parties|schools|hospitals|"
                        r"organi[sz]ations|institutes|partners)\b")
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_CONTRAST_RE = re.compile(r";\s|,\s(?:while|whereas|but)\s")
_MULTI_PARTY_RE = re.compile(r"\b(?:three-way|four-way|trilateral|tripartite|multilateral|three-party|four-party)\b", re.I)



# -- patterns of the HOSTS / AFFILIATED_WITH rules -------------------------------------
# "X, which the hospital opened this month": the host's name follows "which"
_WHICH_OPENED_RE = re.compile(r"(?P<pre>,\s(?:which|that)\s)")
_OPENED_VERB_RE = re.compile(r"\s(?:has\s|had\s|also\s)?(?:opened|set\sup|established|launched|founded|built|"
                             r"created|inaugurated)\b")
# "X will be housed in H", "X opened within H"
_UNIT_TAIL_RE = re.compile(r"\s(?:Center|Centre|Institute|Lab|Laboratory)$")
_PARTNERSHIP_BETWEEN_RE = re.compile(r"\b(?:[Pp]artnership|[Cc]ollaboration|[Cc]ooperation)\s(?:deal\s|programs?\s)?"
                                     r"between\s(?:the\s)?")
_AND_WITH_RE = re.compile(r",?\sand\s(?:also\s)?with\s(?:the\s)?")
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
_IT_THEY_RE = re.compile(r"(?:it|they|It|They)\s")
_HOME_TO_RE = re.compile(r"\s(?:is|was|has\sbeen|will\sbe|remains)\s(?:also\s|now\s)?home\sto\s(?:the\s|a\s|an\s)?"
                         r"(?:new\s)?$")
_HOUSED_IN_RE = re.compile(r",?\s(?:which\s|that\s)?(?:will\sbe\s|would\sbe\s|is\s|was\s|are\s|to\sbe\s|has\sbeen\s|had\sbeen\s)?"
                           r"(?:housed|based|located|opened|launched|established|set\sup|inaugurated)\s(?:in|at|within|inside)"
                           r"\s(?:the\s)?")
_ONE_OF_ITS_RE = re.compile(r",\s(?:one\sof\s)?(?:its|their)\s(?:\w+\s)?affiliated\s(?:hospitals?|institutes?|schools?|"
                            r"colleges?|units?|organi[sz]ations?|centers?|centres?)\b")
_APPOS_A_RE = re.compile(r",\s(?:an?|the)\s")
_ARM_AFTER_RE = re.compile(r"\s(?:[a-z-]{3,20}\s)?(?:arm|affiliate|subsidiary)\b")
# every word that one of the AFFILIATED_WITH rules needs, but "affiliat" (tested case-blind)
_AFFIL_GATE = ("'s ", "’s ", "affiliate", "unit", "subsidiary", "branch", "campus", "hospital of", " arm",
               " operates ", " runs ", " owns ", " oversees ")
_WHICH_OPERATES_RE = re.compile(r",\s(?:which|that)\s(?:operates|runs|owns|oversees)\s(?:the\s)?")
_UNIT_HEAD_RE = re.compile(r"(?:Graduate\s|Medical\s|Law\s|Business\s)?(?:College|School|Faculty|Department|Division|"
                           r"Institute|Center|Centre|Hospital)\b")


def extract_relations(text, sentences, res, quotes, lowered: str | None = None) -> list[Relation]:
    """The document's relations; ``lowered`` is ``text.lower()`` where the caller has it."""
    rx = RelationExtractor(text, sentences, res, quotes, lowered)
    rx._pending_gov = []
    rx._applied_pairs = []
    return rx.run()
