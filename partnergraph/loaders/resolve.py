"""Turn mentions into entities with canonical ids.

What resolves to what, and why it is safe:

* a gazetteer hit is its entry (``ror:...`` or a curated id);
* an acronym shared by several entries (CNU) is settled by the document: its definition
  ("Chungnam National University (CNU)"; "the other CNU" is then the other candidate
  named), the full name of one candidate appearing, or the candidate's region being
  mentioned; otherwise it stays an ``unresolved:`` entity rather than being merged with
  the wrong institution;
* "Long Name (ACR)", "ACR (Long Name)" and "ACR: Long Name" make the two forms one entity
  for the rest of the document;
* program mentions with the same core ("K-MediST", "the K-MediST project") or whose core
  is the distinctive tail of another's ("AIMS" / "CAMPUS Asia-AIMS") are one program;
* a unit named without its organisation ("its affiliated Cheonan Hospital") becomes the
  gazetteer unit "<org> <unit>" when an organisation of the document has one, and a unit
  found by pattern gets its parent from its name, "X's unit" or "unit at X";
* people are keyed by their name parts regardless of order ("Tae Kim" = "Kim Tae"), and a
  later surname before a verb of saying is the one person with that surname;
* a district found by its suffix is placed by the city named in its sentence; a company
  found by pattern is also said by its distinctive first word.
"""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..model import Entity, slug
from .gazetteer import Entry, Gazetteer, is_acronym, name_key
from .mentions import (KOREAN_SURNAMES, PROGRAM_HEADS, Mention, colon_definitions,
                       find_spans, paren_definitions, whole_word_spans)

ORG_LIKE = {"University", "Hospital", "Ministry", "Agency", "LocalGovernment", "Company", "Institute"}
_LOCALGOV_CUE = re.compile(r"(?:officials?|governors?|mayors?|heads?)\s+(?:from|of|at)\s+(?:the\s+)?"
                           r"(?:(?:cities|city|province|provinces|county|counties|district|districts)\s+of\s+)?$", re.I)

# Compiled once (see mentions.py: the per-name patterns used to evict these from re's cache).
_POSSESSIVE_GAP_RE = re.compile(r"['’]s\s+(?:[a-z]+\s+){0,2}")     # "POSTECH's new Battery ... Campus"
_ITS_BEFORE_RE = re.compile(r"\b(?:its|their)\s+$")
_AT_GAP_RE = re.compile(r"\s+at\s+(?:the\s+)?")
_OF_GAP_RE = re.compile(r"\s+of\s+(?:the\s+)?")
_THE_KIND_POSSESSIVE_RE = re.compile(r"\b[Tt]he\s(university|school|hospital|institute)['’]s\s+(?:[a-z]+\s+){0,2}$")
_LEGAL_SUFFIX_RE = re.compile(r"(.+?),?\s(?:Co\.,?\sLtd\.?|Co\.|Inc\.?|Ltd\.?|Corp\.?|LLC|PLC|GmbH|AG|S\.A\.)")
_SAID_AFTER_RE = re.compile(r"\s(?:said|says|added|noted|explained|stressed|emphasized|emphasised|told)\b")
_TITLE_AT_RE = re.compile(r"(?:CEO|President|Chairman|Chairwoman|Chair|Vice President|Director|Dean|Chief|Head)")
_LOCALGOV_NAME_RE = re.compile(r"-gu\b|\bOffice\b|City Hall|\b[Gg]overnment\b")
@functools.lru_cache(maxsize=20_000)
def _short_form_re(word: str) -> re.Pattern:
    """'Hanyang' alone or as 'Hanyang's', not followed by another capitalised word;
    compiled once per word."""
    return re.compile(r"(?<![\w-])" + re.escape(word) + r"(?=['’]s\b|\b)(?![\w-])(?!\s+[A-Z])")


def _short_form_spans(word: str, text: str) -> list[tuple[int, int]]:
    """What ``_short_form_re(word).finditer(text)`` finds, by str.find: a regex that
    starts with a look-behind is tried at every position of the text, which cost more
    than the rest of the resolver.  (A word character is ``str.isalnum()`` or "_".)"""
    n = len(text)
    if not word:
        return [k.span() for k in _short_form_re(word).finditer(text)]

    def accept(i: int, j: int) -> bool:
        if i and _hyphen_or_word(text[i - 1]):                      # (?<![\w-])
            return False
        # (?=['’]s\b|\b): a possessive, or a word boundary right after the word
        nxt = text[j] if j < n else ""
        possessive = (nxt in ("'", "’") and j + 1 < n and text[j + 1] == "s"
                      and (j + 2 == n or not _word(text[j + 2])))
        if not possessive and _word(text[j - 1]) == (nxt != "" and _word(nxt)):
            return False
        if j < n and _hyphen_or_word(text[j]):                      # (?![\w-])
            return False
        if j < n and text[j].isspace():                             # (?!\s+[A-Z])
            k = j
            while k < n and text[k].isspace():
                k += 1
            if k < n and "A" <= text[k] <= "Z":
                # unless a title follows: "Hanul CEO Bae", "Yonsei President Kim"
                t = _TITLE_AT_RE.match(text, k)
                if t is None or (t.end() < n and (text[t.end()].isalnum() or text[t.end()] == "-")):
                    return False
        return True
    return find_spans(text, word, accept)


def _word(c: str) -> bool:
    return c.isalnum() or c == "_"


def _hyphen_or_word(c: str) -> bool:
    return c.isalnum() or c == "_" or c == "-"


# First words of company names that stand for nothing alone.
_NOT_SHORT = {"korea", "korean", "global", "smart", "advanced", "national", "international", "new", "first",
              "united", "general", "digital", "future", "green", "blue", "asia", "seoul", "the", "north", "south",
              "east", "west", "central", "royal", "grand", "great", "world", "universal", "modern", "total"}


@dataclass
class Resolved:
    entities: dict[str, Entity]
    mentions: list[Mention]                      # with .key set, in text order
    first_span: dict[str, tuple[int, int]] = field(default_factory=dict)


def program_core(text: str) -> str:
    toks = name_key(text).split()
    while toks and toks[-1] in PROGRAM_HEADS | {"group", "business"}:
        toks = toks[:-1]
    return " ".join(toks) or name_key(text)


def person_key(name: str) -> str:
    parts = sorted(p.replace("-", "").lower() for p in name.split())
    return "person:" + slug(" ".join(parts))


def person_aliases(name: str) -> list[str]:
    parts = name.split()
    out = []
    if len(parts) >= 2:
        out.append(" ".join(parts[1:] + parts[:1]))
        out.append(" ".join(parts[-1:] + parts[:-1]))
    dehy = name.replace("-", "").replace("  ", " ")
    if dehy != name:
        out.append(" ".join(p[0].upper() + p[1:].lower() if p else p for p in dehy.split()))
    return [a for a in dict.fromkeys(out) if a != name]


class Resolver:
    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz

    def resolve(self, text: str, mentions: list[Mention]) -> Resolved:
        mentions = self._add_definition_mentions(text, mentions)
        alias_of: dict[str, str] = {}        # extra names per entity key
        extra_names: defaultdict[str, list[str]] = defaultdict(list)

        mentions = self._short_forms(text, mentions)
        mentions = self._surname_uses(text, mentions)
        district_parent: dict[int, str] = {}
        # 1. unambiguous gazetteer hits and people first: they anchor the rest
        for m in mentions:
            if m.how == "person" or m.how == "name":
                m.key = person_key(m.text)
            elif (m.how == "gaz" or m.how == "dateline") and len(m.entries) == 1:
                m.key = m.entries[0].id
        # pattern names the gazetteer knows under exactly that name
        for m in mentions:
            if m.key is None and m.how != "gaz":
                hits = self.gaz.lookup(m.text)
                if len(hits) == 1:
                    m.key, m.entries = hits[0].id, hits
        # districts found by their suffix: the city said in the same sentence places them
        # ("the main campus in Nam-gu" after "Pohang"), so two cities' Nam-gu stay apart
        for i, m in enumerate(mentions):
            if m.key is None and m.how == "pattern" and m.kind == "Region" and m.text.endswith(("-gu", "-gun")):
                city = self._city_near(text, mentions, i)
                if city:
                    qid = f"{city}-{slug(m.text)}"
                    e = self.gaz.entries.get(qid)
                    m.key = qid
                    if e:
                        m.entries = [e]
                    else:
                        district_parent[id(m)] = city
        # 2. ambiguous acronyms: settle by the document's other names and regions
        known_ids = {m.key for m in mentions if m.key}
        region_ids = {m.key for m in mentions if m.key and m.key.startswith("region:")}
        region_names = {name_key(m.text) for m in mentions if m.kind == "Region"}
        # "Chungnam National University (CNU)": the document says which one its CNU is
        defined_as: dict[str, set[str]] = {}
        for m in mentions:
            if m.key and m.defined:
                for d in m.defined:
                    defined_as.setdefault(d, set()).add(m.key)
        for m in mentions:
            if m.key is None and m.how == "gaz":
                m.key = self._by_definition(m, text, defined_as.get(m.text), known_ids) or \
                    self._disambiguate(m, known_ids, region_ids, region_names)
        # 3. units without their organisation: "<org> <unit>" in the gazetteer
        orgs_in_doc = [m for m in mentions if m.key and m.kind in ORG_LIKE]
        for m in mentions:
            if m.key is None and m.kind in {"Hospital", "University", "Institute"} and m.parent_text is None:
                if not self.gaz.could_end_name(m.text):
                    continue               # no "<org> <unit>" name ends with this unit
                for o in sorted(orgs_in_doc, key=lambda o: abs(o.start - m.start)):
                    e = self.gaz.entries.get(o.key) if o.key else None
                    if not e:
                        continue
                    # the organisation's own names, then its parent's ("KUMC, which operates
                    # Guro Hospital": Korea University Guro Hospital)
                    pe = self.gaz.entries.get(e.parent) if e.parent else None
                    for nm in [e.name] + e.acronyms + ([pe.name] + pe.acronyms if pe else []):
                        hits = self.gaz.lookup_pair(nm, m.text)
                        if len(hits) == 1:
                            extra_names[hits[0].id].append(m.text)
                            m.key, m.entries = hits[0].id, hits
                            break
                    if m.key:
                        break
        # 4. parents for pattern units: in the name, "X's unit", "unit at/of X"
        parent_key: dict[int, str] = dict(district_parent)
        new_parents: list[Mention] = []
        by_start = sorted(mentions, key=lambda x: x.start)
        for idx, m in enumerate(by_start):
            if m.how == "person" or m.kind not in {"University", "Hospital", "Institute"}:
                continue
            if m.entries and m.entries[0].parent:
                continue
            head = m.text.split()[0].lower() if m.text else ""
            if not m.unit:
                continue
            p = None
            if m.parent_text:
                p = next((o for o in by_start if o.start >= m.start and o.end <= m.end and o is not m
                          and o.text == m.parent_text), None)
                if p is None:
                    hits = self.gaz.lookup(m.parent_text)
                    if len(hits) == 1:
                        parent_key[id(m)] = hits[0].id
                        continue
            if p is None and idx > 0:
                prev = by_start[idx - 1]
                gap = text[prev.end:m.start]
                if _POSSESSIVE_GAP_RE.fullmatch(gap) and prev.kind in ORG_LIKE:
                    p = prev
            if p is None and _ITS_BEFORE_RE.search(text[max(0, m.start - 8):m.start]):
                # "its College of Engineering": the organisation the sentence is about
                sent_start = max(text.rfind("\n", 0, m.start), text.rfind(". ", 0, m.start)) + 1
                owners = [o for o in by_start[:idx] if o.start >= sent_start and o.kind in ORG_LIKE and o.how != "person"]
                if owners:
                    p = owners[-1]        # the nearest: "..., while B will ... from its College"
            if p is None and idx + 1 < len(by_start):
                nxt = by_start[idx + 1]
                gap = text[m.end:nxt.start]
                if nxt.kind in ORG_LIKE and nxt.kind not in {"LocalGovernment"} and (
                        _AT_GAP_RE.fullmatch(gap) or
                        (_OF_GAP_RE.fullmatch(gap) and
                         head in {"department", "dept", "college", "school", "graduate", "faculty", "division"})):
                    p = nxt
            tk = _THE_KIND_POSSESSIVE_RE.search(text, max(0, m.start - 24), m.start) if p is None else None
            if tk:
                # "the university's College of Medicine": the nearest such organisation before it
                kind = {"university": "University", "school": "University", "hospital": "Hospital",
                        "institute": "Institute"}[tk.group(1).lower()]
                owners = [o for o in by_start[:idx] if o.kind == kind and not o.unit and o.how != "person"]
                if owners:
                    p = owners[-1]
            if p is None and m.kind in {"Hospital", "Institute", "University"} and " " in m.text:
                # "Hallym Sacred Heart Hospital" where "Hallym University" is named
                w = m.text.split(" ", 1)[0]
                owners = {o.key for o in by_start if o.kind == "University" and o.key and not o.unit
                          and o.text == w + " University"}
                if owners and (len(w) < 4 or self.gaz.is_stopname(w) or w.lower() in _NOT_SHORT
                               or any(e.kind == "Region" for e in self.gaz.lookup(w))):
                    owners = set()     # "Korea Cancer Center Hospital" is no unit of "Korea University"
                if len(owners) == 1:
                    p = next(o for o in by_start if o.key in owners)
            if p is None and idx + 1 < len(by_start) and by_start[idx + 1].kind == "University" \
                    and not by_start[idx + 1].unit and text[m.end:by_start[idx + 1].start] == ", ":
                p = by_start[idx + 1]      # "the Department of Physics, Pusan National University"
            if p is None and head in {"department", "dept", "faculty", "division"}:
                # "A POSTECH team headed by Professor X of the Department of Y": the one
                # university named in the sentence, before it
                sent_start = max(text.rfind("\n", 0, m.start), text.rfind(". ", 0, m.start)) + 1
                ends = [x for x in (text.find("\n", m.end), text.find(". ", m.end)) if x >= 0]
                sent_end = min(ends) if ends else len(text)
                owners = {o.key or o.text: o for o in by_start if sent_start <= o.start < sent_end
                          and o.kind == "University" and not o.unit and o.how != "person"}
                if len(owners) == 1:
                    o = next(iter(owners.values()))
                    if o.start < m.start:
                        p = o
            if p is not None and p.key is None and p.owner is None and p.how == "pattern" and not p.unit \
                    and p.kind in ORG_LIKE:
                # a parent found by pattern ("Samarkand State University's Faculty of ..."):
                # the id step 6 would give it, now, so the unit can point to it
                p.key = f"{p.kind.lower()}:{slug(p.text)}"
            pkey = p.key or (p.owner.key if p.owner is not None else None) if p is not None else None
            if pkey:
                parent_key[id(m)] = pkey
            elif p is None and m.parent_text and m.text.startswith(m.parent_text):
                # a parent named only inside the unit and unknown to the gazetteer
                pm = Mention(m.start, m.start + len(m.parent_text), m.parent_text, "University", "pattern")
                pm.key = "university:" + slug(m.parent_text)
                parent_key[id(m)] = pm.key
                new_parents.append(pm)
        # a campus is a place of an organisation: one whose organisation is not said
        # ("the 'AI Triangle Campus' connecting ...") is a plan's name, not an entity
        mentions = [m for m in mentions if not (m.how == "pattern" and m.key is None and m.unit
                                                 and m.text.endswith("Campus") and id(m) not in parent_key)]
        mentions = sorted(mentions + new_parents, key=lambda x: (x.start, x.end))
        # 5. programs: merge by core name and distinctive tails
        progs = [m for m in mentions if m.kind == "Program" and m.how != "person"]
        core_key: dict[str, str] = {}
        for m in sorted(progs, key=lambda x: -len(program_core(x.text))):
            core = program_core(m.text)
            if m.key:
                core_key.setdefault(core, m.key)
                continue
            if core in core_key:
                m.key = core_key[core]
                continue
            tail_hit = next((k for c, k in core_key.items()
                             if c.endswith(" " + core) and (is_acronym(m.text.split()[0]) or len(core) > 5)), None)
            if tail_hit:
                m.key = tail_hit
                continue
            m.key = "program:" + slug(core)
            core_key[core] = m.key
        # definitions resolve both forms to one key
        for m in mentions:
            if m.key is None and m.how == "acronym" and m.parent_text in alias_of:
                m.key = alias_of[m.parent_text]
        # 6. everything else: a deterministic id from kind and name, units named with parent
        for m in mentions:
            if m.key is None:
                pk = parent_key.get(id(m))
                base = m.text
                pnames = self._names_of(pk, mentions) if pk else []
                if pk and not any(w in m.text for w in pnames[:1]) and not (
                        pnames and m.text.split(" ", 1)[0] == pnames[0].split(" ", 1)[0]):
                    # the id carries the parent's full name, so "KU College of ..." and
                    # "Korea University College of ..." in two articles are one unit
                    full = self._names_of(pk, mentions)[0] if self._names_of(pk, mentions) else pk
                    base = f"{full} {m.text}"
                    canon = extra_names.setdefault("__canon__" + str(id(m)), [])
                    canon.append(base)
                    short = self._short_name(pk, mentions)
                    if short != full:
                        canon.append(f"{short} {m.text}")
                m.key = f"{m.kind.lower()}:{slug(base)}"
        # a unit said without its organisation that ends another unit's name in the
        # document is that unit ("Graduate School of Business" after "SKK Graduate
        # School of Business", "Guro Hospital" after "Korea University Guro Hospital")
        for m in mentions:
            if m.how == "pattern" and m.unit and id(m) not in parent_key and m.key and not m.entries:
                tail = " " + m.text
                keys = {o.key for o in mentions if o is not m and o.key and o.key != m.key and o.kind == m.kind
                        and o.how != "acronym" and o.text.endswith(tail)}
                if len(keys) == 1:
                    m.key = keys.pop()
        # definition mentions (acronyms defined in the text) take their owner's key
        for m in mentions:
            if m.how == "acronym" and m.owner is not None:
                m.key = m.owner.key
        return self._entities(text, mentions, parent_key, extra_names)

    # -- steps ---------------------------------------------------------------

    def _add_definition_mentions(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Record 'X (ACR)' / 'ACR (X)' / 'ACR: X' and add every later use of the defined
        form as a mention of the same entity."""
        defs: list[tuple[Mention, str]] = []
        for owner, other, s, e in paren_definitions(text, mentions):
            defs.append((owner, other))
            if not any(x.start <= s < x.end for x in mentions):
                am = Mention(s, e, other, owner.kind, "acronym")
                am.owner = owner
                mentions.append(am)
        for acro, exp, s, e in colon_definitions(text):
            named = next((m for m in mentions if m.text == acro or program_core(m.text) == program_core(acro)), None)
            if named:
                defs.append((named, exp))
        taken = [(m.start, m.end) for m in mentions]
        # a known acronym the document defines for something else is that thing here
        # ("Haneul National University (HNU)": not the gazetteer's HNU)
        gaz_acros = {(m.start, m.end): m for m in mentions if m.how == "gaz" and is_acronym(m.text)}
        for owner, other in defs:
            owner.defined.append(other)
            if not is_acronym(other.replace(" ", "")) and len(other.split()) > 1:
                continue
            if other not in text:       # cheap test before the (cached) whole-word pattern
                continue
            for ms_, me_ in whole_word_spans(other, text):
                g = gaz_acros.get((ms_, me_))
                if g is not None and owner.how != "gaz" and g.text == other and \
                        text[max(0, ms_ - 6):ms_].lower() != "other ":
                    g.how, g.entries, g.owner, g.kind = "acronym", [], owner, owner.kind
                    continue
                if any(a < me_ and ms_ < b for a, b in taken):
                    continue
                am = Mention(ms_, me_, other, owner.kind, "acronym")
                am.owner = owner
                mentions.append(am)
                taken.append((ms_, me_))
        mentions.sort(key=lambda m: (m.start, m.end))
        return mentions

    @staticmethod
    def _surname_uses(text: str, mentions: list[Mention]) -> list[Mention]:
        """'... said Kim Min-jun.' then 'Kim said': a surname alone before a verb of
        saying is the one person of the document with that surname (Korean names put it
        first, others last)."""
        if " said" not in text and " says" not in text and " added" not in text:
            return mentions
        by_surname: dict[str, set[str]] = {}
        first: dict[str, Mention] = {}
        for m in mentions:
            if m.kind == "Person" and m.how in ("person", "name") and " " in m.text:
                parts = m.text.split()
                sur = parts[0] if parts[0] in KOREAN_SURNAMES and "-" in parts[1] else parts[-1]
                by_surname.setdefault(sur, set()).add(person_key(m.text))
                first.setdefault(sur, m)
        taken = [(m.start, m.end) for m in mentions]
        added = []
        for sur, keys in by_surname.items():
            if len(keys) != 1 or len(sur) < 2:
                continue
            for ks, ke in find_spans(text, sur, lambda i, j: (i == 0 or not text[i - 1].isalnum())
                                     and _SAID_AFTER_RE.match(text, j) is not None):
                if ks < first[sur].end or any(a <= ks < b for a, b in taken):
                    continue        # (only after the full name: the entity is named by its first mention)
                am = Mention(ks, ke, sur, "Person", "acronym")
                am.owner = first[sur]
                added.append(am)
        return sorted(mentions + added, key=lambda x: (x.start, x.end)) if added else mentions

    def _short_forms(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """'Hanyang's Graduate School', 'Yonsei researchers': the distinctive first word of
        a '<Word> University' named in the document stands for it (not when the word is a
        place or a stop name: 'Seoul', 'Korea')."""
        taken = [(m.start, m.end) for m in mentions]
        added = []
        done: set[str] = set()      # a word searched once has all its uses taken already
        # a company found by pattern is said by its first word too ("Hanul Energy Materials"
        # ... "Hanul CEO X"), when that word begins no other name of the document
        # (each name counted once: two finders may give the same span)
        firsts = Counter(t.split()[0] for t in {m.text for m in mentions if m.kind in ORG_LIKE and " " in m.text})
        for m in list(mentions):
            if m.how == "acronym":
                continue
            words = m.text.split()
            if m.kind == "University":
                if len(words) != 2 or words[1] != "University":
                    continue
            elif m.kind == "Company" and m.how == "pattern" and len(words) >= 2:
                if firsts[words[0]] != 1 or words[0].lower() in _NOT_SHORT or self.gaz.lookup(words[0]):
                    continue
            else:
                continue
            w = words[0]
            if w in done:
                continue
            if len(w) < 4 or self.gaz.is_stopname(w) or any(e.kind == "Region" for e in self.gaz.lookup(w)):
                continue
            done.add(w)
            for ks, ke in _short_form_spans(w, text):
                if any(a <= ks < b for a, b in taken):
                    continue
                am = Mention(ks, ke, w, m.kind, "acronym")
                am.owner = m
                added.append(am)
                taken.append((ks, ke))
        return sorted(mentions + added, key=lambda x: (x.start, x.end))

    def _city_near(self, text: str, mentions: list[Mention], i: int) -> str | None:
        """The id of the city (or metropolitan city) named nearest to mentions[i] in its
        sentence, or None."""
        m = mentions[i]
        s = max(text.rfind("\n", 0, m.start), text.rfind(". ", 0, m.start)) + 1
        e = min(x for x in (text.find("\n", m.end), text.find(". ", m.end), len(text)) if x >= 0)
        best = None
        for o in mentions:
            if o is m or not o.key or not o.key.startswith("region:") or not (s <= o.start < e):
                continue
            ent = self.gaz.entries.get(o.key)
            city = o.key if ent and ent.level in {"city", "metropolitan_city", "special_city"} else \
                ent.parent if ent and ent.level == "district" and ent.parent else None
            if city:
                d = abs(o.start - m.start)
                if best is None or d < best[0]:
                    best = (d, city)
        return best[1] if best else None

    @staticmethod
    def _by_definition(m: Mention, text: str, defined: set[str] | None, known_ids) -> str | None:
        """An ambiguous acronym the document defines ("X (CNU)") is that X throughout;
        "the other CNU" is the one candidate that is not, when the document names it."""
        if not defined or len(defined) != 1:
            return None
        cands = {e.id for e in m.entries}
        if not defined <= cands:
            return None
        if text[max(0, m.start - 6):m.start].lower() == "other ":
            rest = [c for c in cands - defined if c in known_ids]
            return rest[0] if len(rest) == 1 else None
        return next(iter(defined))

    def _disambiguate(self, m: Mention, known_ids, region_ids, region_names) -> str:
        scores: Counter[str] = Counter()
        for e in m.entries:
            if e.id in known_ids:
                scores[e.id] += 10
            if e.region and (e.region in region_ids or name_key(e.region.split(":")[-1].replace("-", " ")) in region_names):
                scores[e.id] += 3
        if scores:
            best = scores.most_common(2)
            if len(best) == 1 or best[0][1] > best[1][1]:
                return best[0][0]
        return "unresolved:" + slug(m.text)

    def _names_of(self, key: str, mentions) -> list[str]:
        e = self.gaz.entries.get(key)
        if e:
            return [e.name] + e.acronyms
        return [m.text for m in mentions if m.key == key]

    def _short_name(self, key: str, mentions) -> str:
        e = self.gaz.entries.get(key)
        if e:
            acr = [a for a in e.acronyms if is_acronym(a)]
            return acr[0] if acr else e.name
        names = [m.text for m in mentions if m.key == key]
        acr = [n for n in names if is_acronym(n)]
        return acr[0] if acr else (names[0] if names else key)

    def _entities(self, text, mentions, parent_key, extra_names) -> Resolved:
        groups: dict[str, list[Mention]] = {}
        for m in mentions:
            groups.setdefault(m.key, []).append(m)
        has_canon = any(k.startswith("__canon__") for k in extra_names)
        entities: dict[str, Entity] = {}
        first_span: dict[str, tuple[int, int]] = {}
        for key, ms in groups.items():
            entry: Entry | None = self.gaz.entries.get(key)
            surfaces = list(dict.fromkeys(m.text for m in ms))
            for m in ms:
                surfaces.extend(m.defined)
                if has_canon:
                    surfaces.extend(extra_names.get("__canon__" + str(id(m)), ()))
            surfaces.extend(extra_names.get(key, []))
            if not entry and ms[0].kind == "Company":
                # "Vextra Robotics Inc." is also "Vextra Robotics"
                surfaces.extend(m_.group(1) for t in list(surfaces) for m_ in [_LEGAL_SUFFIX_RE.fullmatch(t)] if m_)
            if entry and entry.level == "district" and ", " in entry.name:
                # "Buk-gu, Pohang" in the text: the document calls it "Buk-gu"
                surfaces.extend(t.split(",")[0] for t in list(surfaces) if ", " in t)
            surfaces = list(dict.fromkeys(surfaces))
            if entry:
                kind = entry.kind
            else:
                # the most frequent kind among the names said (Counter.most_common(1):
                # the first counted wins a tie)
                counts: dict[str, int] = {}
                for m in ms:
                    if m.how != "acronym":
                        counts[m.kind] = counts.get(m.kind, 0) + 1
                kind = max(counts.items(), key=lambda kv: kv[1])[0] if counts else ms[0].kind
            if entry:
                name = entry.name
                aliases = surfaces + entry.aliases + entry.acronyms + ([entry.name_ko] if entry.name_ko else [])
            elif key.startswith("unresolved:"):
                name = surfaces[0]
                aliases = surfaces
            else:
                said = list(dict.fromkeys(m.text for m in ms if m.how != "acronym"))
                if has_canon:
                    said += [c for m in ms for c in extra_names.get("__canon__" + str(id(m)), [])[:1]]
                canon = [s for s in said if not is_acronym(s)]
                name = max(canon or said or surfaces, key=len)
                aliases = surfaces
            if kind == "Person":
                name = ms[0].text
                aliases = surfaces + [a for s in surfaces for a in person_aliases(s)]
            aliases = [a for a in dict.fromkeys(aliases) if a and a != name]
            parent = entry.parent if entry and entry.parent else next(
                (parent_key[id(m)] for m in ms if id(m) in parent_key), None)
            attrs: dict[str, object] = {}
            if entry and entry.ror:
                attrs["ror"] = entry.ror
            if entry and entry.region:
                attrs["region"] = entry.region
            if entry and entry.name_ko:
                attrs["name_ko"] = entry.name_ko
            if key.startswith("unresolved:"):
                attrs["candidates"] = [e.id for e in ms[0].entries]
            if kind == "Region" and entry and entry.level in {"district", "city", "county", "province",
                                                                "metropolitan_city", "special_city"}:
                if any(_LOCALGOV_CUE.search(text[max(0, m.start - 60):m.start]) or
                       _LOCALGOV_NAME_RE.search(m.text) for m in ms):
                    kind = "LocalGovernment"
            entities[key] = Entity(id=key, name=name, kind=kind, aliases=aliases, parent=parent, attrs=attrs)
            first_span[key] = (ms[0].start, ms[0].end)
        # a unit whose parent is named inside it brings the parent along (even when the
        # parent is never mentioned alone): "Yonsei University College of Medicine"
        for key, ent in list(entities.items()):
            pk = ent.parent
            if pk and pk not in entities:
                pe = self.gaz.entries.get(pk)
                # (not a company: "Samsung Electronics" names an affiliate, not the group)
                if pe and ent.kind != "Company" and any(n in s for n in [pe.name] + pe.acronyms
                                                        for s in [ent.name] + ent.aliases if len(n) > 2):
                    entities[pk] = Entity(id=pk, name=pe.name, kind=pe.kind,
                                          aliases=[a for a in pe.aliases + pe.acronyms if a != pe.name]
                                          + ([pe.name_ko] if pe.name_ko else []),
                                          parent=pe.parent, attrs={"ror": pe.ror} if pe.ror else {})
                    first_span[pk] = first_span[key]
                elif pk not in entities:
                    ent.parent = None if not pe else pk
        # a dateline's place is an entity of the document, but no mention relations read
        return Resolved(entities, sorted((m for m in mentions if m.how != "dateline"), key=lambda m: m.start),
                        first_span)
