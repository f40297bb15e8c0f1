"""Reading a sentence's argument structure: the questions several rule families ask.

Who is named together ("A, B and C", "A (AA), B and chipmaker C": ``_group_from``,
``_after``, ``_members_at``); the subject of the sentence or of the clause a trigger is
in (``_subject``, ``_clause_subject``; ``_clause_start`` after "X said that" or a fronted
"Led by X,"), never a name after a preposition; the parties of a sentence past a
dateline ("SEOUL, March 4 (Yonhap) --": ``_party_mentions``, ``_after_dateline``); "It"
as the subject of the sentence before; "the program" and "the provincial government"
as the latest program or place of that name.  MOU, PARTNERS_WITH, PARTICIPATES_IN,
ORGANIZES, FUNDS and HOSTS all read their arguments this way, so it is one mixin that
each family builds on rather than a copy in each.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ..resolve import ORG_LIKE
from . import base
from .base import ExtractorCore, M, ORGISH, _PLACES, _TWIN_OF, lower_twinned

# bound by assignment, not imported by name: see base.py
_ARTICLE_GAP_RE = base._ARTICLE_GAP_RE
_POSS_GAP_RE = base._POSS_GAP_RE

_SEP_RE = re.compile(r"^(?:\s|,|\band\b|&|\bthe\b|\bas well as\b|\bboth\b|\bor\b|[’']s\b)*$", re.I)
_DESC_SEP_RE = re.compile(r",?\s(?:and|as\swell\sas)\s(?:the\s)?(?:[A-Za-z][A-Za-z\s-]{0,30}\s)?(?:compan(?:y|ies)|firm|"
                          r"startup|start-up|[a-z]{0,10}maker|developer|giant|operator|provider|manufacturer)\s")
_PREP_BEFORE = re.compile(r"\b(?:with|by|from|of|at|to|in|for|into|within|between|including|and|as|under|"
                          r"on|via|through|than|among|like|such as|behind)\s+(?:the\s+|its\s+|their\s+|a\s+|an\s+)?"
                          r"(?:affiliated\s+)?$", re.I)
_CLAUSE_RE = re.compile(r";\s+|,\s+(?:and|but|while|whereas)\s+")
_REPORTED_RE = re.compile(r"\b(?:said|says|announced|stated|noted|reported|added)\b[^.;,\"“]{0,30}?\bthat\s+(?!it\b|they\b)",
                          re.I)
_REPORTED_WORDS = ("said", "says", "announced", "stated", "noted", "reported", "added")
_MEMBER_SEP_RE = re.compile(r"(?:\s|,|\band\b|&|\bthe\b|\bas well as\b)*")
# "with A and cathode maker B": the last member with a trade noun before its name
_MEMBER_DESCR_SEP_RE = re.compile(r",?\s+and\s+(?:the\s+)?(?:[a-z][a-z-]*\s+){0,2}(?:maker|makers|firm|developer|"
                                  r"company|startup|start-up|manufacturer|supplier|producer|operator|provider)\s+")
_PAREN_OPEN_RE = re.compile(r"\s*\(")
_IT_SUBJECT_RE = re.compile(r"\s*[Ii]t\s+(?:is|was|has|had|will|would|also|now|became|joined|remains)\b")
_GOV_AT_RE = re.compile(r"\s+(?:the\s+)?((?:provincial|city|municipal|metropolitan)\s+government)\b", re.I)
_LOCAL_GOV_RE = re.compile(r"\b(provincial|city|municipal|metropolitan)\s+government\b", re.I)
# "SEOUL, March 4 (Yonhap) --", "SEOUL, April 8, 2025 —", "BUSAN --"
_DATELINE_RE = re.compile(r"[A-Z][A-Za-z.]{1,20}(?:\s[A-Z][A-Za-z.]{1,20})?,?\s(?:[A-Z][a-z]{2,8}\.?\s\d{1,2}(?:,\s\d{4})?\s?)?"
                          r"(?:\([A-Za-z ]{2,20}\)\s?)?(?:--|—|–)\s?")
# "Led by KIST's Brain Science Institute, the consortium ..."
_FRONTED_BY_RE = re.compile(r"\s*(?:Led|Joined|Supported|Backed|Funded|Organi[sz]ed|Hosted|Headed|Run|Sponsored)\s"
                            r"(?:jointly\s)?by\s[^,;]{2,120},\s")
_SAID_THAT_RE = re.compile(r"\b(?:said|says|announced|announces|reported|stated)\s(?:on\s)?(?:[A-Z][a-z]+\s)?that\s")
_CONTRAST_RE = re.compile(r";\s|,\s(?:while|whereas|but)\s")

_UNIT_OWNER_KINDS = frozenset({"University", "Institute", "Hospital"})

lower_twinned(_PREP_BEFORE)


class ClauseReading(ExtractorCore):
    """Subjects, coordinations, clauses and datelines of the sentence being read."""

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

    def _party_mentions(self, ms: list[M], s: int, e: int) -> list[M]:
        """The sentence's mentions as parties: none from a dateline ("SEOUL, March 4
        (Yonhap) --"), and "Uzbekistan's Samarkand State University" one party, the
        university (the place names whose it is)."""
        text = self.text
        dm = _DATELINE_RE.match(text, s, e) if text[s:s + 1].isupper() else None
        out = []
        skip = None
        for i, m in enumerate(ms):
            if dm and m.start < dm.end() and m.kind in _PLACES:
                continue         # the city of the dateline ("KAIST — ..." stays a party)
            if m.kind in _PLACES and i + 1 < len(ms) and ms[i + 1].kind in ORG_LIKE and ms[i + 1].kind not in _PLACES \
                    and _POSS_GAP_RE.fullmatch(text, m.end, ms[i + 1].start) and (
                        text[m.end - 2:m.end] in ("'s", "’s") or text[m.end:m.end + 1] in ("'", "’")):
                continue
            if m is skip:
                continue
            if m.kind in _UNIT_OWNER_KINDS and not m.ref and i + 1 < len(ms) and ms[i + 1].start - m.end <= 3 \
                    and (text.startswith("'s ", m.end) or text.startswith("’s ", m.end)) \
                    and ms[i + 1].kind in _UNIT_OWNER_KINDS and self.ents[ms[i + 1].key].parent == m.key:
                # "SNU's Graduate School of X": one party, the unit, named from the owner on
                u = ms[i + 1]
                out.append(M(m.start, u.end, u.key, u.kind, u.ref))
                skip = u
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
