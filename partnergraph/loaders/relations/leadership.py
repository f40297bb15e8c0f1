"""LEADS: who heads an organisation, with the title as written.

"President X", "X, dean of Y", "Y (District Mayor X)", "X, Y's chief officer", "X, a
professor who directs Y", "Y is headed / directed by X", "X was named director of Y",
"Dean X of the <unit>" (a unit named by the end of its name); a professor's or
researcher's title leads nothing, and a former one no longer.  A title with no
organisation named refers to the one the article is about; mayors and governors to the
local government of their level, ministers to the ministry.  Also a person's unit
(AFFILIATED_WITH person -> unit: "Professor X of the Department of Y", "X, a
psychiatrist at Z Hospital"), read from the same title and apposition.  run() calls
these rules only for a sentence with a person's name in it.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections import Counter

from ..resolve import ORG_LIKE
from . import base
from .base import M
from .clauses import ClauseReading

# bound by assignment, not imported by name: see base.py
_APPOS_OWNER_GAP_RE = base._APPOS_OWNER_GAP_RE
_ARTICLE_GAP_RE = base._ARTICLE_GAP_RE
_POSS_GAP_RE = base._POSS_GAP_RE
_UNIT_HEAD_RE = base._UNIT_HEAD_RE

_SECOND_ROLE_RE = re.compile(r"\s*\(\s*(?P<role>[A-Z][\w\s-]{1,40}?)\s+of\s+")


@functools.lru_cache(maxsize=5_000)
def _role_gap_re(role: str) -> re.Pattern:
    """"GIST President X": only the title (and a possessive) between organisation and name."""
    return re.compile(r"(?:['’]s)?\s+(?:(?:Senior|Executive|First|Deputy|Acting|Associate|Vice)\s+)?" + re.escape(role) + r"\s+")


_ADJ_GAPS = ("", "'s", "’s", "'", "’")
# "of its fuel cell division", "of the city's planning bureau": an unnamed unit
_UNNAMED_UNIT_RE = re.compile(r"(?:its|their|the\s[a-z]+['’]s|the)\s[a-z]")
_SPAN_END_RE = re.compile(r"\s*")
_APPOS_UNNAMED_RE = re.compile(r",\s(?:the\s)?[a-z][a-z\s-]{0,50}?\s(?:of|at)\s(?:its|their|the\s[a-z]+['’]s)\s[a-z]")
# A title that names a post, not the head of an organisation.
_NOT_LEAD_ROLE_RE = re.compile(r"(?:^|\s)(?:professor|prof\.|researcher|scientist|psychiatrist|physician|"
                               r"scholar|student|graduate|specialist)$", re.I)
_LEAD_WORDS = ("dean", "president", "director", "head", "chief", "officer", "ceo", "chair", "rector", "provost",
               "chancellor", "principal", "superintendent", "administrator", "commissioner", "governor", "mayor",
               "minister", "leader", "investigator", "secretary", "ambassador")
# a name that is an organisation's, not an office's: a kind word or an acronym ("Fraunhofer IPT")
_ORG_NAME_WORD_RE = re.compile(r"\b(?:University|Institute|Cent(?:er|re)|Hospital|Foundation|Agency|Ministry|Lab|"
                               r"Laboratory|Council|Corporation|Corp|Inc|Co|Ltd|Group|Society|Association|Embassy|"
                               r"Consulate|Bureau|Commission|Authority|Administration)\b|"
                               r"\b[A-Z]{2,6}\b")


def _has_lead_word(low: str) -> bool:
    for w in _LEAD_WORDS:
        if w in low:
            return True
    return False


_LEAD_TITLE = (r"(?:dean|(?:vice[ -])?president|(?:co-)?director(?:[-\s]general)?|head|ambassador|chief\s[a-z]{3,20}\sofficer|"
               r"ceo|chair(?:man|woman|person)?|rector|provost|(?:vice[ -])?chancellor|principal\sinvestigator|"
               r"principal|superintendent|administrator|commissioner|governor|mayor|minister|leader|"
               r"secretary-general)")
# "X, (the) dean of Y", "X, senior vice president for international alliances at Y"
_APPOS_LEAD_RE = re.compile(r",\s(?:the\s|an?\s)?(?P<role>(?:[a-z][a-z\s-]{0,50}?\s)?" + _LEAD_TITLE +
                            r"(?:\s(?:for|of)\s[a-z][a-z,&\s-]{0,50}?)?)\s(?:of|at)\s(?:the\s)?", re.I)
_POSS_ROLE_RE = re.compile(r"(?:['’]s)?\s(?P<role>(?:[a-z][a-z\s-]{0,50}?\s)?" + _LEAD_TITLE + r")\b", re.I)
# "X was named (the new) director of Y", "X has been appointed president of Y"
_NAMED_TITLE_RE = re.compile(r"(?:,\swho)?,?\s(?:(?:was|were|has\sbeen|have\sbeen|is|will\sbe)\s(?:named|appointed|elected)|"
                             r"became|becomes|will\sbecome|took\soffice\sas|took\sover\sas|serves\sas|has\sserved\sas|"
                             r"will\sserve\sas)\s(?:as\s)?"
                             r"(?:the\s)?(?:new\s|first\s|acting\s|interim\s)?(?P<role>" + _LEAD_TITLE +
                             r")\s(?:of|at)\s", re.I)
_NAMED_VERB_RE = re.compile(r",?\s(?:was|were|has\sbeen|have\sbeen|is|will\sbe)\s(?:named|appointed|elected)\s(?:as\s)?")
# "X was named the center's first director": the organisation before the title
_POSS_TITLE_RE = re.compile(r"['’]?s?\s(?:new\s|first\s|founding\s|acting\s|interim\s)?(?P<role>" + _LEAD_TITLE + r")\b",
                            re.I)
# what may stand between the name and "was named": "X of KNU's School of Y", "X, dean of Y,"
_NAMED_SKIP_RE = re.compile(r"(?:\sof\s[^,;()]{2,80}?|,\s[^,;()]{2,80}?,)(?=,?\s(?:was|were|has\sbeen|have\sbeen|is|"
                            r"will\sbe)\s(?:named|appointed|elected)\s)")
# "Its president, X, visited ...": the title of what the sentence before is about
_ITS_TITLE_RE = re.compile(r"\s*(?:Its|Their)\s(?:new\s|current\s|first\s)?(?P<role>" + _LEAD_TITLE + r"),\s(?:(?:Professor|Prof\.|Dr\.?)\s)?",
                           re.I)
# "X, a physics professor who directs the institute"
# "X of the School of Y, who will direct the center"
_WHO_LEADS_RE = re.compile(r"(?:,\s[^,;()]{0,60}?|\sof\s[^,;()]{0,80}?,\s)\bwho\s(?:now\s|also\s|currently\s|will\s)?"
                           r"(?P<v>directs|heads|leads|chairs|direct|head|lead|chair)\s", re.I)
_VERB_ROLE = {"directs": "director", "heads": "head", "leads": "leader", "chairs": "chair",
              "direct": "director", "head": "head", "lead": "leader", "chair": "chair",
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
_SERVING_AS_RE = re.compile(r"(?:\sof\s[^,;()]{2,60}?)?\sserving\sas\s(?:the\s)?(?P<role>" + _LEAD_TITLE + r")\b"
                            r"(?!\s(?:of|at)\s)", re.I)
_THE_UNIT_NOUN_RE = re.compile(r"the\s(?:new\s)?(?P<n>department|school|college|faculty|division)\b")
_THE_UNIT_RE = re.compile(r"\s*The\s(?:new\s|joint\s)?")
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


class LeadershipRules(ClauseReading):
    """The LEADS rules (and a person's unit)."""

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
            if "named " in self._sent or "appointed " in self._sent or "elected " in self._sent:
                later = self._named_later(m, s, e)
                if later and (lead is None or later[1] != lead[1]):
                    self._emit("LEADS", m.key, later[1], s, e, 0.8, role=later[0])
                    if lead is None and not m.org_span:
                        continue     # (not the article's organisation as well)
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
                    # ("of UI's Faculty of Medicine": the unit after the possessive)
                    while k + 1 < len(inside) and self.text[inside[k].end:inside[k + 1].start].strip() in _ADJ_GAPS:
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
                    else:
                        # "head of the institute": the back-reference; "head of its fuel cell
                        # division", "of the city's planning bureau": a unit not named, no one's head
                        ref = next((x for x in self._sentence_ms(s, e) if x.ref and x.start == os_), None)
                        if ref is not None and ref.kind in ORG_LIKE and \
                                _SPAN_END_RE.fullmatch(self.text, ref.end, oe):
                            orgs.append(ref.key)
                        elif _UNNAMED_UNIT_RE.match(self.text, os_, oe):
                            unknown = True
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
            if not orgs and not unknown and self.text.startswith(",", m.end) and \
                    _APPOS_UNNAMED_RE.match(self.text, m.end, e):
                unknown = True   # "X, director general of the city's industry bureau": no one named
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
        if "who " in low_after and (after.startswith(",") or after.startswith(" of ")):
            rm = _WHO_LEADS_RE.match(after)
            if rm:
                ms = self._sentence_ms(s, e)
                pos = m.end + rm.end()
                k = next((k for k, x in enumerate(ms) if x.start >= pos), None)
                x = ms[k] if k is not None else None
                if (x is None or x.start - pos > 4) and not self._in_quote(m.start):
                    # "who heads the (new) department": the latest unit of that name
                    um = _THE_UNIT_NOUN_RE.match(text, pos, e)
                    k = self._latest(pos, {"University", "Institute", "Hospital"}, pred=lambda y: (
                        um.group("n") in self.ents[y.key].name.lower())) if um else None
                    if k and self.ents[k].parent:
                        return _VERB_ROLE[rm.group("v").lower()], k
                if x and x.start - pos <= 4 and x.kind in ORG_LIKE | {"Program"}:
                    # "who heads U's Coastal Robotics Center": the unit U has
                    nx = ms[k + 1] if k + 1 < len(ms) else None
                    if nx and nx.kind in ORG_LIKE | {"Program"} and nx.start in (x.end + 1, x.end + 3) and \
                            (text.startswith("'s ", x.end) or text.startswith("’s ", x.end)
                             or text[x.end - 2:x.end] in ("'s", "’s")):
                        x = nx
                    return _VERB_ROLE[rm.group("v").lower()], x.key
        if "named " in low_after or "appointed " in low_after or "elected " in low_after or \
                "bec" in low_after or " as " in low_after:
            # "X was named (the new) director of Y", "X, who became president of Y"
            am = _NAMED_TITLE_RE.match(text, m.end, e)
            if am:
                ms = self._sentence_ms(s, e)
                x = next((x for x in ms if x.start >= am.end()), None)
                if x and _ARTICLE_GAP_RE.fullmatch(text, am.end(), x.start) and x.kind in ORG_LIKE | {"Program"}:
                    return am.group("role").strip(), x.key
            named = self._named_poss(m.end, s, e)
            if named:
                return named
        if prev and "serving as " in low_after:
            # "led by A of X, with B of Y serving as co-director": B leads what A leads
            sm = _SERVING_AS_RE.match(text, m.end, e)
            if sm:
                return sm.group("role").strip(), prev[1]
        before = text[max(s, m.start - 90):m.start]
        low_before = before.lower()
        if m.start - s < 40 and (text.startswith("I", s) or text.startswith("Th", s)):
            im = _ITS_TITLE_RE.match(text, s, m.start)
            if im and im.end() == m.start:
                prev = self._previous_subject(s)
                if prev is not None:
                    return im.group("role").strip(), prev.key
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

    def _named_poss(self, pos: int, s: int, e: int) -> tuple[str, str] | None:
        """"X was named the center's first director" (Y's title) from ``pos``."""
        nm = _NAMED_VERB_RE.match(self.text, pos, e)
        if not nm:
            return None
        x = next((x for x in self._sentence_ms(s, e) if x.start >= nm.end() or x.ref and x.start >= nm.end() - 4), None)
        if x is None or x.kind not in ORG_LIKE | {"Program"} or not (
                x.start == nm.end() or _ARTICLE_GAP_RE.fullmatch(self.text, nm.end(), x.start)):
            return None
        pm = _POSS_TITLE_RE.match(self.text, x.end, e)
        if pm and (self.text[x.end - 2:x.end] in ("'s", "’s") or self.text[x.end:x.end + 1] in "'’"):
            return pm.group("role").strip(), x.key
        return None

    def _named_later(self, m, s: int, e: int) -> tuple[str, str] | None:
        """"X of KNU's School of Y has been named director of the center", "X, dean of Y,
        was named the center's first director": the post named after what X is."""
        text = self.text
        sk = _NAMED_SKIP_RE.match(text, m.end, min(e, m.end + 100))
        if not sk:
            return None
        am = _NAMED_TITLE_RE.match(text, sk.end(), e)
        if am:
            x = next((x for x in self._sentence_ms(s, e) if x.start >= am.end()), None)
            if x and _ARTICLE_GAP_RE.fullmatch(text, am.end(), x.start) and x.kind in ORG_LIKE | {"Program"}:
                return am.group("role").strip(), x.key
            return None
        return self._named_poss(sk.end(), s, e)

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
        # "The laboratory is led by X" (no name before): the latest centre of that noun
        if um and _THE_UNIT_RE.fullmatch(text, s, um.start()):
            heads = _UNIT_NOUN_HEADS.get(um.group("noun").lower(), ())
            k = self._latest(s, {"Institute"}, pred=lambda y: any(h in self.ents[y.key].name.lower() for h in heads))
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
