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

One module per relation family, each a mixin of rules that ``RelationExtractor``
combines; a family's patterns and trigger words live beside its rules, and what several
families use lives in ``base`` and ``clauses``:

=================  ============================================================
base.py            the mention record M, the extractor's state, trigger gates and
                   lower-cased twins, _emit, back-references, gazetteer lookups
clauses.py         argument structure: coordinated names, subjects, clause starts,
                   datelines, "It" and "the provincial government"
mou.py             MOU
partners.py        PARTNERS_WITH
participation.py   PARTICIPATES_IN (and ORGANIZES where a government selects or
                   launches)
organizing.py      ORGANIZES
funding.py         FUNDS, amounts and shares of an amount
hosting.py         HOSTS
affiliation.py     AFFILIATED_WITH between organisations (stated and structural)
leadership.py      LEADS, and a person's unit (AFFILIATED_WITH person -> unit)
location.py        LOCATED_IN
extractor.py       RelationExtractor: which rules run on a sentence, in which order,
                   then the passes over the whole document; extract_relations
=================  ============================================================

Why mixins rather than modules of functions: the rules share one document's state
(its mentions, per-sentence caches, facts pending from one sentence to the next) and
call each other's helpers, so they stay methods of one object with the names they had
when this was one module; a method is found through the mixins once per class (the
type's method cache), so the split costs no time.  Every pattern is compiled once, at
import (inline patterns were recompiled whenever re's 512-entry cache overflowed).
"""
from __future__ import annotations

from .base import _TWIN_OF, _TWINNED, M
from .extractor import RelationExtractor, extract_relations

__all__ = ["M", "RelationExtractor", "extract_relations"]
