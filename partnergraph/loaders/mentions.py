"""Find the names in a document: gazetteer hits, pattern-found organisations and
programs, acronym definitions, and people by their titles.

The gazetteer alone would miss what matters most in news (a new consortium, a foreign
university, a centre being founded), so organisations are also found by how names are
built in English: a run of capitalised words, joined by of/for/and, whose head word says
what it is ("... Hospital", "Ministry of ...", "... Center", "... Project"), programs by
the lowercase head that follows a capitalised or quoted name ("the RISE project",
"'MIRACLE' consortium"), companies by what the sentence calls them ("X, a Seoul-based
startup", "cathode maker X", "companies, including X and Y"), districts by their suffix
("Nam-gu"), and people next to a title ("President X", "X, dean of Y") or, for Korean
names, by their shape (a common surname and a hyphenated given name), which with the
byline and caption tests keeps bylines and quoted names out.

Headlines are title-cased, so capitalisation says nothing there: only known names (the
gazetteer and names this document defines elsewhere) are taken from headline lines.

How names are phrased, whatever the name: abbreviated name words stay in the name
("Kyungnam Agri. Univ."), as do possessives that belong to it ("Children's Hospital",
"St. Luke's"); "in"/"on" go on with a complement ("Center for AI in Medicine",
"Committee on X") but not before a place; foreign university words head the whole name
("Universidad de X", "Universiti X"); a company by its last word ("... Pharm", "... Tech",
"... Securities", also before a title: "X Networks CEO Y"), and a group's name with an
unknown upper-case word is its affiliate ("LG CNS"); "College of X of Y University" is
Y's college; acronyms are defined as "X (XY)", "XY (X)", "X (hereafter XY)", "X, or XY,"
and "X, (also) known as XY".
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .gazetteer import Entry, Gazetteer, is_acronym, name_key
from .sentences import NAME_ABBREV

# ----------------------------------------------------------------------------- records


@dataclass
class Mention:
    start: int
    end: int
    text: str
    kind: str
    how: str                                # gaz | pattern | quoted | acronym | person | name | dateline
    entries: list[Entry] = field(default_factory=list)   # gazetteer candidates
    parent_text: str | None = None          # an organisation named inside this one
    role: str | None = None                 # people: the title as written
    org_span: tuple[int, int] | None = None  # people: where the organisation they lead is named
    key: str | None = None                  # entity id, set by the resolver
    unit: bool = False                      # headed by a unit word (College, Hospital, Center...)
    defined: list[str] = field(default_factory=list, compare=False)   # other forms the text defines for it
    owner: Mention | None = field(default=None, repr=False, compare=False)  # acronym uses: the defined name


# ----------------------------------------------------------------------------- vocabulary

# "Universidad de X", "Technische Universität X", "Universiti Teknologi X", "Universitas X":
# the university's own word, which comes before the rest of the name
FOREIGN_UNIV_HEADS = {"universidad", "universidade", "université", "universität", "universitat", "università",
                      "universiteit", "universiti", "universitas", "universitatea", "uniwersytet", "universitet"}
UNIV_HEADS = {"university", "univ", "college", "school", "academy", "department", "dept",
              "faculty", "polytechnic", "campus"} | FOREIGN_UNIV_HEADS
HOSPITAL_HEADS = {"hospital", "hospitals", "clinic"}
AGENCY_HEADS = {"agency", "council", "foundation", "administration", "commission", "authority", "committee",
                "board", "bureau", "association", "federation", "society", "service", "corporation",
                "office", "organization", "organisation", "ministry"}
INSTITUTE_HEADS = {"institute", "center", "centre", "headquarters", "laboratory", "lab", "labs",
                   "hub", "observatory", "museum", "library", "park", "technopark"}
COMPANY_HEADS = {"co", "ltd", "inc", "corp", "company", "ag", "gmbh", "plc", "llc", "electronics", "pharmaceutical",
                 "pharmaceuticals", "holdings", "technologies", "motors", "motor", "chemical",
                 "bio", "biologics", "group",
                 # how Korean company names end in English ("Hanbit Pharm", "Cheongsan Tech",
                 # "Daerim Robotics"): only as the last word of a run of two or more
                 "pharm", "pharma", "tech", "biotech", "robotics", "therapeutics", "biosciences",
                 "semiconductor", "industries", "materials", "systems", "networks", "telecom", "securities",
                 "logistics", "construction", "shipbuilding", "electric"}
PROGRAM_HEADS = {"project", "projects", "program", "programs", "programme", "initiative",
                 "consortium", "alliance", "scheme", "track", "fund", "challenge", "plan",
                 "scholarship", "scholarships", "fellowship", "fellowships", "cluster"}
LOCALGOV_HEADS = {"province", "city", "county", "district", "gu", "gun", "si", "do"}
LOWER_PROGRAM_HEADS = {"project", "projects", "program", "programme", "initiative", "consortium",
                       "scheme", "track"}
UNIT_HEADS = UNIV_HEADS - {"university", "univ", "polytechnic"} | HOSPITAL_HEADS | INSTITUTE_HEADS | {"office"}

CONNECTORS = {"of", "for", "and", "&", "de", "du", "der", "la", "y"}
LEAD_STRIP = {"the", "a", "an", "in", "at", "on", "for", "from", "with", "by", "through", "according",
              "among", "earlier", "first", "second", "third", "finally", "additionally", "furthermore",
              "moreover", "meanwhile", "also", "however", "this", "these", "that", "those", "its",
              "their", "his", "her", "our", "we", "it", "they", "he", "she", "under", "as", "after",
              "before", "during", "since", "while", "when", "if", "having", "following", "to", "of",
              "and", "but", "or", "so", "other", "both", "each", "all", "some", "more", "many",
              "most", "over", "then", "there", "here", "such", "last", "next", "new", "one", "two",
              "about", "per", "via", "what", "which", "who", "why", "how", "where", "is", "was",
              "are", "were", "be", "in particular", "particularly", "currently", "today",
              "yesterday", "recently", "previously", "besides", "instead", "overall",
              "january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december", "monday", "tuesday", "wednesday",
              "thursday", "friday", "saturday", "sunday", "mr", "ms", "mrs", "dr", "prof"}
NOT_NAME_TOKENS = {"said", "says", "stated", "added", "noted", "explained", "announced", "photo",
                   "korea", "korean", "south", "north", "national", "university", "hospital",
                   "ministry", "project", "program", "center", "centre", "institute", "college",
                   "school", "department", "city", "province", "district", "county", "office",
                   "government", "the", "and", "of", "ai", "ict", "asia", "global"}

# Titles, in the order they are tried.  Those with an optional first word are spelt out
# ("Vice[ -]President|President", not "(?:Vice[ -])?President": the same strings tried
# in the same order): re rejects an alternative that begins with a letter on that
# letter, but enters every one that begins with an optional part, and the title
# patterns try all of them at each word (that took half of PERSON_TITLE_RE's time).
ROLE_WORDS = (r"Vice[ -]President|President|Vice[ -]Chancellor|Chancellor|Dean"
              r"|Executive Director(?:-General)?|Managing Director(?:-General)?|General Director(?:-General)?"
              r"|Director(?:-General)?|District Mayor|City Mayor|Deputy Mayor|Mayor|Provincial Governor|Governor"
              r"|Vice[ -]Minister|Minister"
              r"|Chair(?:man|woman|person)?|CEO|Chief Executive(?: Officer)?|President and CEO|Professor"
              r"|Prof\.|Dr\.|Superintendent|Head|Chief|Commissioner|Administrator|Principal|Rector|Provost"
              r"|Secretary(?:-General)?|Ambassador|Leader|Manager|Representative")
_ROLE_LOWER = ROLE_WORDS.lower()

# A person's name: 2-3 capitalised parts, Korean given names often hyphenated.
_NAME = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?(?:\s[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?){1,2}"
PERSON_TITLE_RE = re.compile(r"(?<![\w-])(?P<role>(?:" + ROLE_WORDS + "|" + _ROLE_LOWER + r"))\s(?P<name>" + _NAME + r")\b")
PERSON_APPOS_RE = re.compile(
    r"(?<![\w-])(?P<name>" + _NAME + r"),\s(?:the\s|a\s|an\s)?(?P<role>(?:[A-Za-z&-]+(?:['’]s)?\s){0,3}?(?:"
    + ROLE_WORDS + "|" + _ROLE_LOWER + r"))\b(?P<rest>[^,.;:“”\"()]{0,160})")
_NAME_COMMA_RE = re.compile(r",\s")      # what every PERSON_APPOS_RE match has after the name (a literal first)

# A Korean name as English news writes it, without a title: a surname and a hyphenated
# given name, in either order ("Kim Min-jun", "Min-jun Kim").  The surname must be one
# of the common ones and the given name hyphenated, which together almost never happen
# in anything but a name.  Starts with its class (the look-behind after it).
KOREAN_SURNAMES = frozenset((
    "Kim Gim Lee Yi Rhee Park Pak Bak Choi Choe Jung Jeong Chung Cheong Kang Gang Cho Jo Yoon Yun Jang Chang "
    "Lim Im Han Oh Seo Suh Shin Sin Kwon Gwon Hwang Ahn Song Yoo Yu Ryu Ryoo Hong Jeon Chun Jun Ko Moon Mun "
    "Yang Son Sohn Bae Baek Paik Heo Huh Nam Noh Roh Rho Ha Kwak Sung Seong Cha Joo Ju Woo Min Na Jin Ji Chi "
    "Eom Um Chae Won Bang Gong Kong Hyun Hyeon Yeo Byun Byeon Chu Choo Doh Seol Sul Gil Kil Pyo Wi Myung "
    "Ki Ban Wang Geum Ok Yook Yuk Maeng Tak Kook Yeom Yum Lyu Cheon Sim Shim Kye Gye Hur Koo Gu Goo").split())
_KOREAN_NAME_RE = re.compile(r"[A-Z](?<![\w-][A-Z])(?:[a-z]{1,4} [A-Z][a-z]+-[A-Za-z][a-z]+"
                             r"|[a-z]+-[A-Za-z][a-z]+ [A-Z][a-z]{1,4})(?![\w-])")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _search_korean_name(text: str, pos: int) -> re.Match | None:
    """``_KOREAN_NAME_RE.search(text, pos)``, driven by the hyphens instead of trying
    every capital of the text (a text has a few hyphens and hundreds of capitals).
    Every match holds a hyphen, and what lies between its start and its first hyphen
    is ASCII letters with at most one space ("Kim Min-", "Min-"); its start follows no
    letter (the look-behind).  So for each hyphen in turn only two starts can reach
    it: the start of the letters right before it and of the word before those, one
    space apart.  A match that starts earlier reaches its first hyphen no later, so
    the first hit, hyphen by hyphen and start by start, is the leftmost match."""
    h = text.find("-", pos)
    while h >= 0:
        c1 = h
        while c1 > pos and text[c1 - 1] in _ASCII_LETTERS:
            c1 -= 1
        if c1 < h:
            if c1 > pos and text[c1 - 1] == " ":
                c0 = c1 - 1
                while c0 > pos and text[c0 - 1] in _ASCII_LETTERS:
                    c0 -= 1
                if c0 < c1 - 1:
                    m = _KOREAN_NAME_RE.match(text, c0)
                    if m is not None:
                        return m
            m = _KOREAN_NAME_RE.match(text, c1)
            if m is not None:
                return m
        h = text.find("-", h + 1)
    return None


_KOREAN_SYLLABLE_RE = re.compile(r"(?:ch|kk|tt|pp|ss|jj|sh|[bdghjkmnprstwy])?[wy]?[aeiou]{1,2}(?:ng|[nmlkpbth])?", re.I)
_PLACE_SUFFIXES = ("-gu", "-gun", "-si", "-dong", "-ro", "-gil", "-eup", "-myeon")
_NAME_THEN_CAPITAL_RE = re.compile(r"\s+[A-Z]")
# Companies named by what the sentence says they are, not by a suffix: "X, a Seoul-based
# medical AI company", "cathode maker X", "companies, including X and Y".
_COMPANY_NOUNS = (r"compan(?:y|ies)|firms?|start-?ups?|(?:chip|auto|car|steel|drug|battery|tire|display|robot)?makers?|recyclers?|producers?|exporters?|retailers?"
                  r"|manufacturers?|developers?|providers?|suppliers?|(?:ship)?builders?|conglomerates?|subsidiar(?:y|ies)"
                  r"|affiliates?|operators?|distributors?|vendors?|giants?|groups?")
_COMPANY_CUES = ("compan", "firm", "startup", "start-up", "maker", "manufacturer", "developer", "provider", "supplier",
                 "builder", "conglomerate", "subsidiar", "affiliate", "operator", "distributor", "vendor", "investors",
                 "giant", "group", "recycler", "producer", "exporter", "retailer",
                 "backers")
_CO_NAME = r"[A-Z][\w&.-]*(?:\s(?:[A-Z0-9][\w&.-]*|&)){0,4}"
_COMPANY_APPOS_RE = re.compile(r"(?P<name>" + _CO_NAME + r"),\s(?:a|an|the)\s(?P<desc>[^,.;:()\"“”]{0,70}?)"
                               r"\b(?:" + _COMPANY_NOUNS + r")\b(?!-)"
                               # the noun ends the apposition ("a startup founder" is a person)
                               r"(?=\s*(?:[,.;:)]|$)|\s(?:that|which|whose|of|in|with|from|and|based|founded|"
                               r"headquartered|specializing|specialising|focused|known|set|owned|run)\b)")
_COMPANY_PREMOD_RE = re.compile(r"\b(?:" + _COMPANY_NOUNS + r")\s(?P<name>" + _CO_NAME + r")")
_COMPANY_LIST_RE = re.compile(r"\b(?:" + _COMPANY_NOUNS + r"|investors|backers),?\s(?:including|such\sas|like|namely)\s"
                              r"(?P<list>[A-Z][^.;:()\"“”]{1,200})")
# What every _COMPANY_APPOS_RE match holds: a cheap search (it starts with a literal) first.
_APPOS_GATE_RE = re.compile(r",\s(?:a|an|the)\s")
_LIST_SPLIT_RE = re.compile(r",\s(?:and\s|or\s)?|\s(?:and|or)\s")
_NOT_COMPANY_DESC_RE = re.compile(r"\b(?:at|of|in|with|for|from|by|who|which|that|to|on)\b")
_CAPITALISED_NAME_RE = re.compile(r"[A-Z0-9][\w&.-]*(?:\s(?:[A-Z0-9][\w&.-]*|&)){0,4}")
_DISTRICT_RE = re.compile(r"[A-Z](?<![\w-][A-Z])[a-z]+(?:-[a-z]+)?-gu(?:n)?(?![\w-])")
_NEIGHBOURHOOD_RE = re.compile(r"\b(?:in|at) ([A-Z][a-z]+(?:-[a-z]+)?-(?:dong|eup|myeon))(?![\w-])")
_AMP_NAME_RE = re.compile(r"[A-Z](?<![\w&-][A-Z])[A-Z]{0,3}&[A-Z]{1,4}(?![\w&-])")
_NOT_AMP_NAMES = {"R&D", "M&A", "Q&A", "S&P", "O&M", "P&L", "B&B", "E&C", "C&C", "H&H", "F&B", "A&E", "T&C", "D&I"}
_TITLE_OF_RE = re.compile(r"\s(?:of|at)\s(?:the\s)?(?P<org>[A-Z][^,.;:“”\"()]{1,160})")
_AFTER_PERSON_RE = re.compile(r"\s(?:of|at)\s(?:the\s)?")
_BYLINE_WORDS = ("reporter", "contact", "photo", "writer", "editor", "correspondent", "copyright",
                 "@", "written")

WORD_RE = re.compile(r"[A-Za-z0-9\u00C0-\u024F][\w.&\-]*(?:['’](?=[A-Za-z])[\w.&\-]*)*|&")
# A word of WORD_RE that ends any capitalised run: it begins with a lower-case letter
# (right after a character that no word continues over, so it surely begins a word) and
# is not a connector or "the".
# Consecutive such words (with what lies between them) are one match.
# The connectors in any case after their first letter, spelt out ("o[fF]", "t[hH][eE]")
# rather than as (?i:of|...): the same words (no other character folds to these
# letters), and without re's case folding each alternative is rejected on its first
# letter at once; this pattern reads every lower-case word of the text.  (An upper-case
# first letter needs no alternative: [a-z] below rejects it anyway.)
_CONNECTOR_ALTS = "|".join(w[0] + "".join(f"[{c}{c.upper()}]" for c in w[1:])
                           for w in ("of", "for", "and", "de", "du", "der", "la", "y", "the", "in", "on"))
_BREAK_WORD = (r"(?<![\w.&\-'’])(?!(?:" + _CONNECTOR_ALTS + r")(?![\w.&\-]|['’][A-Za-z]))"
               r"[a-z][\w.&\-]*(?:['’](?=[A-Za-z])[\w.&\-]*)*")
_BREAK_RE = re.compile(_BREAK_WORD + r"(?:[^A-Za-z0-9\u00C0-\u024F&]+" + _BREAK_WORD + ")*")

_QUOTED_RE = re.compile(r"[‘'“\"]([A-Z0-9][^‘’'“”\"\n]{1,80}?)[,.]?[’'”\"]")
_PAREN_RE = re.compile(r"\(([^()\n]{2,160})\)")
_LAUNCH_CUE = re.compile(r"\b(launch\w*|selected\s+for|designat\w+\s+as|named|called|dubbed|titled|"
                         r"join\w*|participat\w+\s+in|under|the)\s*$", re.I)
ROLE_START_RE = re.compile(r"(?:Vice|Deputy|Acting|Former|Executive|District|Provincial|" + ROLE_WORDS + ")")
_ORDINAL_RE = re.compile(r"\d+(?:st|nd|rd|th)")
_BAD_SUFFIX_RE = re.compile(r"-(?:related|based|led|linked|centered|centred|oriented|focused|driven|supported|"
                            r"specific|friendly|level|type|style|wide|owned|run)$", re.I)
CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
            "nov", "dec"}
ABBREVIATED = {"univ", "co", "inc", "ltd", "corp", "dept", "nat'l", "natl", "st"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"}


# Compiled once: ``re``'s own cache holds 512 patterns, and the per-name patterns below
# used to push these out of it, so they were recompiled for every document.
_HEADLINE_WORD_RE = re.compile(r"[A-Za-z][\w'’-]*")
_LOWER_PROGRAM_HEAD_RE = re.compile(r"\b(" + "|".join(sorted(LOWER_PROGRAM_HEADS)) + r")\b")
_LOWER_PROGRAM_STEMS = ("project", "program", "initiative", "consortium", "scheme", "track")
_LOWER_PROGRAM_HEAD_AFTER_RE = re.compile(r"\s*(" + "|".join(sorted(LOWER_PROGRAM_HEADS)) + r")\b")
_PROGRAM_NAME_BEFORE_RE = re.compile(
    r"([A-Z0-9][\w&.-]*(?:['’][a-z]+)?(?:\s(?:of|for|and|&)?\s?[A-Z0-9][\w&.-]*(?:['’][a-z]+)?)*)"
    r"(?P<q>[’'”\"]?)(?P<paren>\s?\([^()]{2,120}\))?(?P<mod>\s[a-z]+)?\s$")
# 'a dual-degree program, the "Global Dual Master ..."': a quoted name in apposition to a program noun
_PROGRAM_NOUN_BEFORE_RE = re.compile(r"\b(?:program|programme|project|initiative|scheme|course|curriculum)"
                                     r"(?:,\s(?:the\s)?|,?\s(?:called|named|dubbed|titled)\s(?:the\s)?)$")
_CAPITAL_OR_DIGIT_RE = re.compile(r"[A-Z0-9]")
_LOWER_WORD_RE = re.compile(r"[a-z]+")
_DIGITS_SPACES_RE = re.compile(r"[\d\s]+")
_SPACE_PAREN_RE = re.compile(r"\s\(")
_TWO_CAPITALS_RE = re.compile(r"[\w-]*[A-Z][\w-]*[A-Z]")
_OF_AT_RE = re.compile(r"\s(?:of|at)\s")
_EXPANSION_SPLIT_RE = re.compile(r"[\s\-–/]+")
_ACRONYM_SKIP_WORDS = {"of", "for", "and", "&", "the", "in", "on", "at"}
_TWO_CAPS_ANYWHERE_RE = re.compile(r"[A-Z].*[A-Z]")
_NON_CAPITAL_RE = re.compile(r"[^A-Z]")
_HANGUL_NAME_RE = re.compile(r"[\uAC00-\uD7A3][\uAC00-\uD7A3 ]{0,28}[\uAC00-\uD7A3]")
_APPOS_ACRONYM_RE = re.compile(r",\s(?:or|(?:(?:also|better|commonly|widely)\s)?known\sas|hereafter)\s"
                               r"(?P<acro>[A-Z][A-Za-z&-]{1,11})(?=[,.;:)]|\s(?!of\b|and\b|&))")
_TITLE_BEFORE_RE = re.compile(r"(?:Professor|Prof\.|Dr\.|President|Dean|Director|Chairman|CEO|Mr\.|Ms\.|Mrs\.)\s\Z")
_NAME_POSSESSIVES = {"Children", "Women", "Men", "People", "Workers", "Veterans", "Mothers", "Farmers", "Teachers",
                     "Citizens", "Patients"}
_PEOPLE_NOUNS = {"Students", "Officials", "Researchers", "Professors", "Members", "Representatives", "Executives",
                 "Doctors", "Engineers", "Leaders", "Graduates", "Employees", "Experts", "Scientists", "Staff"}
_ON_HEADS = {"Committee", "Commission", "Council", "Conference", "Forum", "Symposium", "Task"}   # "... Committee on X"
_TITLE_WORDS = {"Professor", "Prof", "Dr", "President", "Dean", "Director", "Chairman", "CEO", "Mr", "Ms", "Mrs"}
_PAREN_LEAD_RE = re.compile(r"(?:(?:hereafter|hereinafter|the|or|also|simply|or simply)\s+|[\"“'‘])"
                            r"([A-Z][A-Za-z&-]{1,11})[\"”'’]?$")
_ACRONYM_BEFORE_RE = re.compile(r"(?<![\w&-])([A-Z][A-Za-z&-]{1,11}) ?$")
_UNIT_FIRST = {"College", "School", "Department", "Dept.", "Faculty", "Division", "Graduate", "Institute", "Center",
               "Centre", "Laboratory", "Lab"}
_COLON_DEF_RE = re.compile(r"(?m)^[\s*※·-]*([A-Z][A-Za-z0-9-]{1,15}):\s+([A-Z][^\n]{5,200}?)\s*$")

_LEAD_OR_CONNECTOR = LEAD_STRIP | CONNECTORS
# Acronyms of technologies and degrees, not names: "the AI project", "the CT project".
_TECH_ACRONYMS = {"AI", "CT", "MRI", "PET", "IT", "ICT", "EV", "EVs", "R&D", "IoT", "VR", "AR", "XR", "DX", "ESG",
                  "STEM", "PhD", "MBA", "DNA", "RNA", "GPU", "CPU", "LNG", "SMR", "UAM", "HR", "PR", "SW", "HW",
                  "OLED", "LED", "5G", "6G", "3D", "2D", "AX", "GX", "BIM", "CCUS", "PPP"}
_AFFILIATE_AFTER_RE = re.compile(r" ([A-Z][A-Z0-9&]{1,5})(?![\w&'’-])")
_NOT_AFFILIATE = _TECH_ACRONYMS | {"CEO", "CTO", "CFO", "COO", "CSO", "CIO", "CHO", "VP", "SVP", "EVP", "TV", "PC",
                                   "MOU", "USA", "US", "UK", "EU", "HQ", "R&D", "IPO", "KRW", "USD"}
_DEGREE_WORDS = {"master", "masters", "master's", "bachelor", "bachelors", "bachelor's", "doctor", "doctorate"}
_BARE_SUFFIXES = {"ltd", "inc", "llc", "plc"}     # "X Co., Ltd. and Y": "Ltd." begins no name
_TRAILING_WORDS = CONNECTORS | {"the", "in", "on"}
_NO_NAME_WORDS = LEAD_STRIP | UNIT_HEADS | PROGRAM_HEADS | AGENCY_HEADS | UNIV_HEADS | CONNECTORS
# Every title in ROLE_WORDS contains one of these (lower-cased).
_ROLE_KEYWORDS = ("dr. ", "president", "chancellor", "dean", "director", "mayor", "governor", "minister", "chair",
                  "ceo", "chief", "prof", "superintendent", "head", "commissioner", "administrator",
                  "principal", "rector", "provost", "secretary", "ambassador", "leader", "manager",
                  "representative")

_HEAD_HINT: list = []


def _head_hint_re() -> re.Pattern:
    """Where a head word of head_kind may begin: a capital A-Z and the rest of the word in
    any case (the words of a run start with a capital).  It finds more than the heads
    (no word boundaries; re's case folding is wider than str.lower), never fewer.  Built
    on first use, from the head sets as they are then."""
    if not _HEAD_HINT:
        heads = (PROGRAM_HEADS | HOSPITAL_HEADS | UNIV_HEADS | INSTITUTE_HEADS | AGENCY_HEADS | COMPANY_HEADS
                 | {"province", "city", "county", "district", "ministry", "center", "centre", "complex", "valley",
                    "station"})
        by_first: dict[str, list[str]] = {}
        for h in heads:
            by_first.setdefault(h[0], []).append(h[1:])
        _HEAD_HINT.append(re.compile("|".join(
            re.escape(k.upper()) + "(?i:" + "|".join(re.escape(t) for t in sorted(v, key=lambda t: (-len(t), t))) + ")"
            for k, v in sorted(by_first.items()))))
    return _HEAD_HINT[0]


def whole_word_spans(name: str, text: str) -> list[tuple[int, int]]:
    """Spans of ``name`` in ``text`` as a whole word (not next to a word character or a
    hyphen): what ``whole_word_re(name).finditer(text)`` finds (a word character is
    ``str.isalnum()`` or "_"), by str.find, because compiling a pattern for each new
    name cost more than the search."""
    n = len(text)
    if not name:
        return [(m.start(), m.end()) for m in whole_word_re(name).finditer(text)]
    return find_spans(text, name, lambda i, j: (i == 0 or not _wordish(text[i - 1]))
                      and (j == n or not _wordish(text[j])))


def find_spans(text: str, needle: str, accept: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """The spans ``(i, j)`` of ``needle`` in ``text`` that ``accept(i, j)`` keeps, found
    by ``str.find`` as ``re.finditer`` would: after a kept span the search goes on from
    its end, after a rejected one from the next character.  The boundary rules of the
    callers are their ``accept``."""
    out = []
    L = len(needle)
    i = text.find(needle)
    while i >= 0:
        j = i + L
        if accept(i, j):
            out.append((i, j))
            i = text.find(needle, j)
        else:
            i = text.find(needle, i + 1)
    return out


def _wordish(c: str) -> bool:
    return c.isalnum() or c == "_" or c == "-"


@functools.lru_cache(maxsize=20_000)
def whole_word_re(name: str) -> re.Pattern:
    """``name`` as a whole word (not inside a longer word or hyphenated compound),
    compiled once per name: documents repeat names, and compiling is what cost most."""
    return re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])")



def is_headline(line: str) -> bool:
    """Title-case lines without sentence punctuation: capital letters carry no signal."""
    words = _HEADLINE_WORD_RE.findall(line)
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    small = {"of", "for", "and", "the", "a", "an", "in", "to", "on", "at", "with", "by", "as", "from"}
    content = [w for w in words if w.lower() not in small]
    return bool(content) and sum(1 for w in content if w[0].isupper()) / len(content) >= 0.75 \
        and caps >= 3


def _strip_possessive(tok: str) -> str:
    for suf in ("'s", "’s"):
        if tok.endswith(suf):
            return tok[: -len(suf)]
    return tok


def head_kind(tokens: Sequence[str]) -> tuple[str | None, int]:
    """Kind named by the head word of a capitalised name, and the head's index.

    The head is the last kind word, except that "Ministry of ..." and "University of ..."
    (a head followed by an of-complement) are headed by their first word.  Memoised:
    the same word sequences come back in every document."""
    return _head_kind(tuple(tokens))


@functools.lru_cache(maxsize=100_000)
def _head_kind(tokens: tuple[str, ...]) -> tuple[str | None, int]:
    low = [t.lower().rstrip(".") for t in tokens]
    if low and low[0] == "ministry":
        return "Ministry", 0
    for i in range(len(low) - 1):
        if low[i + 1] in {"of", "for"} and i + 2 < len(low) and low[i] in ALL_HEADS:
            k, _ = _kind_of_word(low, i)
            if k:
                return k, i
    for i in range(len(low) - 1, -1, -1):
        w = low[i]
        if w in PROGRAM_HEADS:
            return "Program", i
        if w in HOSPITAL_HEADS or (w in {"center", "centre"} and i > 0 and low[i - 1] == "medical"):
            return "Hospital", i
        if w in UNIV_HEADS:
            return "University", i
        if w in INSTITUTE_HEADS:
            return "Institute", i
        if w in AGENCY_HEADS or (w == "station" and i > 0 and low[i - 1] in _STATION_KINDS):
            return "Agency", i          # ("Guro Police Station", "Jung-gu Fire Station")
        if w in COMPANY_HEADS and i > 0 and (i == len(low) - 1 or low[i + 1] in _TITLES_AFTER_COMPANY):
            return "Company", i         # ("Daerim Networks CEO Yoon ...": a title after the name)
        if w in {"province", "city", "county", "district"} and i == len(low) - 1 and i > 0:
            return "LocalGovernment", i
        if i > 1 and i == len(low) - 1 and (w, low[i - 1]) in _PLACE_HEADS:
            return "Region", i          # "Yeongil Bay Industrial Complex", "Pangyo Techno Valley"
    return None, -1


_TITLES_AFTER_COMPANY = {"ceo", "chairman", "chairwoman", "president", "vice", "chief", "head", "founder",
                         "co-founder", "cto", "cfo", "coo"}
_STATION_KINDS = {"police", "fire", "health", "coast", "guard"}
_PLACE_HEADS = {("complex", "industrial"), ("valley", "techno"), ("zone", "economic"), ("zone", "industrial")}
ALL_HEADS = (PROGRAM_HEADS | HOSPITAL_HEADS | UNIV_HEADS | INSTITUTE_HEADS | AGENCY_HEADS) - {"group", "plan"}


def _kind_of_word(low: list[str], i: int) -> tuple[str | None, int]:
    w = low[i]
    for kind, heads in (("Program", PROGRAM_HEADS), ("Hospital", HOSPITAL_HEADS), ("University", UNIV_HEADS),
                        ("Institute", INSTITUTE_HEADS), ("Agency", AGENCY_HEADS)):
        if w in heads:
            return kind, i
    return None, -1


# ----------------------------------------------------------------------------- finder


class MentionFinder:
    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz

    def find(self, text: str, sentences: list[tuple[int, int]], ignore: list[tuple[int, int]],
             lowered: str | None = None) -> list[Mention]:
        """The document's mentions; ``lowered`` is ``text.lower()`` where the caller has it."""
        headline_lines = self._headline_spans(text)
        found: list[Mention] = []
        dateline_end = -1
        for g in self.gaz.find(text):
            if _inside(g.start, g.end, ignore) or self.gaz.is_stopname(g.text):
                continue
            kinds = {e.kind for e in g.entries}
            if kinds == {"Region"} and len(g.entries) == 1 and (
                    (g.text.isupper() and len(g.text) > 2 and _is_dateline(text, g.start, g.end)) or
                    # "CHUNCHEON, Gangwon Province -- ...": the province of the dateline too
                    (g.start - dateline_end <= 2 and text[dateline_end:g.start].strip() == ","
                     and _DATELINE_AFTER_RE.match(text, g.end) is not None)):
                dateline_end = g.end
                # "SEOUL, March 4 (Yonhap) --": where the story was filed, a place and no
                # party to anything (the resolver keeps the entity, relations never see it)
                found.append(Mention(g.start, g.end, g.text, "Region", "dateline", list(g.entries)))
                continue
            gov = _GOVERNMENT_AFTER_RE.match(text, g.end) if kinds == {"Region"} and len(g.entries) == 1 else None
            if gov:
                # "the Gangwon Provincial Government", "Busan Metropolitan Government": the
                # place as the local government (the resolver gives it the place's id)
                found.append(Mention(g.start, gov.end(), text[g.start:gov.end()], "LocalGovernment", "gaz",
                                     list(g.entries)))
                continue
            if kinds == {"Company"}:
                aff = _AFFILIATE_AFTER_RE.match(text, g.end)
                if aff and aff.group(1) not in _NOT_AFFILIATE and not self.gaz.lookup(aff.group(1)):
                    # "LG CNS", "CJ ENM": a group's name and an upper-case word the list does
                    # not know name an affiliate of the group, not the group
                    found.append(Mention(g.start, aff.end(), text[g.start:aff.end()], "Company", "pattern"))
                    continue
            found.append(Mention(g.start, g.end, g.text, kinds.pop() if len(kinds) == 1 else "University",
                                 "gaz", list(g.entries)))
        people = self._people(text, sentences, ignore, _aligned_lower(text, lowered))
        people += self._korean_names(text, ignore, people)
        found_starts = _sorted_starts(found)
        doc_low = _aligned_lower(text, lowered)
        low_all = doc_low if doc_low is not None else text.lower()
        company_cues = [c for c in _COMPANY_CUES if c in low_all]      # the few this document has
        heads = [m.start() for m in _head_hint_re().finditer(text)]
        pattern: list[Mention] = []
        for s, e in sentences:
            if _inside(s, e, ignore):
                continue
            headline = bool(headline_lines) and any(hs <= s < he for hs, he in headline_lines)
            pattern.extend(self._programs_before_heads(text, s, e))
            pattern.extend(self._quoted(text, s, e))
            if not headline:
                pattern.extend(self._capitalised(text, s, e, found, found_starts, heads))
                # after the names with a head word: where the spans agree, the head says the kind
                if company_cues:
                    pattern.extend(self._companies(text, s, e, doc_low[s:e] if doc_low is not None
                                                   else text[s:e].lower(), company_cues))
        if "-gu" in text or "-gun" in text:
            # a district or county by its suffix ("Nam-gu", "Uichang-gu"): the gazetteer
            # leaves out the bare forms that several cities share; the resolver places them
            pattern.extend(Mention(m.start(), m.end(), m.group(), "Region", "pattern")
                           for m in _DISTRICT_RE.finditer(text))
        if "&" in text:
            # "KT&G", "AT&T": letters joined by "&" are a company's name (not "R&D", "M&A"),
            # unless they follow another name's word ("SK C&C" is taken as a whole above)
            i = text.find("&")
            while i >= 0:
                # read from each "&" (few), not a search that tries every capital of the text
                m = None
                for a in range(max(0, i - 4), i):
                    m = _AMP_NAME_RE.match(text, a)
                    if m is not None and m.start() < i < m.end():
                        break
                    m = None
                i = text.find("&", i + 1)
                if m is None:
                    continue
                a = m.start()
                if m.group() in _NOT_AMP_NAMES or (a >= 2 and text[a - 1] == " " and text[a - 2].isalnum()
                                                   and text[a - 2].isupper()):
                    continue
                pattern.append(Mention(a, m.end(), m.group(), "Company", "pattern"))
        if "-dong" in text or "-eup" in text or "-myeon" in text:
            # a neighbourhood or town where something is ("campus in Gocheok-dong"); not
            # as a modifier ("its Irwon-dong campus")
            pattern.extend(Mention(m.start(1), m.end(1), m.group(1), "Region", "pattern")
                           for m in _NEIGHBOURHOOD_RE.finditer(text))
        pattern = [m for m in pattern if not _inside(m.start, m.end, ignore)
                   and not self.gaz.is_stopname(m.text)]
        if people and pattern:
            pattern = self._trim_after_people(text, pattern, people, found, found_starts)
        for m in pattern:
            # "the program, named the X Academy": a name in apposition to a program noun is a program
            if m.how == "pattern" and m.kind in {"University", "Institute", "Agency"} and \
                    _PROGRAM_NOUN_BEFORE_RE.search(text, max(0, m.start - 40), m.start):
                m.kind, m.unit = "Program", False
        # names found in body text are names in headlines and captions too
        known = {m.text: m for m in pattern if len(m.text) > 2}
        for hs, he in headline_lines:
            htext = text[hs:he]
            for name, like in known.items():
                if name not in htext:      # cheap test first: most names are not in most headlines
                    continue
                for ks, ke in whole_word_spans(name, htext):
                    pattern.append(Mention(hs + ks, hs + ke, name, like.kind, like.how,
                                           parent_text=like.parent_text, unit=like.unit))
        return _merge(found, pattern, people)

    # -- helpers ---------------------------------------------------------------

    @staticmethod
    def _korean_names(text: str, ignore, people: list[Mention]) -> list[Mention]:
        """Korean names without a title ("headed by Kim Min-jun of ...", "The director,
        Yang Ji-ho, said"): a common surname and a hyphenated given name (how="name": no
        title, so no role).  Not where the line is a byline, a caption or a headline
        (no sentence punctuation at its end), nor where a capitalised word follows (the
        name is part of a longer one: "Kim Dae-jung Convention Center")."""
        out: list[Mention] = []
        if "-" not in text:
            return out
        spans = sorted((p.start, p.end) for p in people)
        starts = [a for a, _ in spans]
        longest = max((b - a for a, b in spans), default=0)
        pos = 0
        while True:
            m = _search_korean_name(text, pos)
            if m is None:
                break
            # a rejected match gives its words back ("Co-founder Kim" before "Kim Min-su")
            pos = m.start() + 1
            name = m.group()
            a, b = name.split(" ", 1)
            sur, given = (b, a) if "-" in a else (a, b)
            if sur not in KOREAN_SURNAMES or given.endswith(_PLACE_SUFFIXES) or \
                    not all(_KOREAN_SYLLABLE_RE.fullmatch(h) for h in given.split("-")):
                continue       # each half of a given name is one romanised syllable ("Co-founder" is none)
            s0, e0 = m.span()
            # a titled person over the same words: only spans starting before e0 and
            # after s0 - longest can overlap
            i = bisect_left(starts, s0 - longest)
            hit = False
            while i < len(spans) and spans[i][0] < e0:
                if s0 < spans[i][1]:
                    hit = True
                    break
                i += 1
            if hit or _inside(s0, e0, ignore):
                continue
            if _NAME_THEN_CAPITAL_RE.match(text, e0):
                continue
            ls = text.rfind("\n", 0, s0) + 1
            le = text.find("\n", e0)
            line = text[ls:le if le >= 0 else len(text)].strip()
            before = text[ls:s0].lower()
            if line[:3].lower() == "by " or "@" in line or any(w in before for w in _BYLINE_WORDS):
                continue
            if not line.endswith((".", "!", "?", '"', "”", "’", "'")):
                continue
            out.append(Mention(s0, e0, name, "Person", "name"))
            pos = e0
        return out

    def _companies(self, text: str, s: int, e: int, ls: str, cues: Sequence[str] = _COMPANY_CUES) -> list[Mention]:
        """Companies by apposition ("X, a Seoul-based startup"), by a noun before the name
        ("shipping firm X", "cathode maker X") and in lists ("companies, including X
        and Y"); a name that the gazetteer knows stays what it is (the merge keeps the
        known name where the spans agree)."""
        out: list[Mention] = []
        for c in cues:
            if c in ls:
                break
        else:
            return out
        sent = text[s:e]
        spans: list[tuple[int, int]] = []
        # the patterns try a name at every capital; a literal each of them needs comes first
        for m in (_COMPANY_APPOS_RE.finditer(sent) if _APPOS_GATE_RE.search(sent) else ()):
            if _NOT_COMPANY_DESC_RE.search(m.group("desc")):
                continue              # "X, a researcher at the company": X is not the company
            spans.append((s + m.start("name"), s + m.end("name")))
        for m in _COMPANY_PREMOD_RE.finditer(sent):
            spans.append((s + m.start("name"), s + m.end("name")))
        for m in (_COMPANY_LIST_RE.finditer(sent)
                  if "including" in sent or "such" in sent or "like" in sent or "namely" in sent else ()):
            pos = s + m.start("list")
            for part in _LIST_SPLIT_RE.split(m.group("list")):
                nm = _CAPITALISED_NAME_RE.match(part)
                if not nm or nm.end() != len(part.rstrip()):
                    break             # the list ends where a part is no name
                i = text.find(part, pos)
                spans.append((i, i + nm.end()))
                pos = i + len(part)
        for a, b in spans:
            words = text[a:b].split()
            while words and (_is_lead_word(words[0]) or words[0].lower() in CALENDAR):
                a += len(words[0]) + 1
                words = words[1:]
            while words and words[-1].endswith(("'s", "’s", ".")) and words[-1].lower().rstrip(".") not in ABBREVIATED:
                cut = 2 if words[-1].endswith(("'s", "’s")) else 1
                b -= cut
                words[-1] = words[-1][:-cut]
                if words[-1]:
                    break
                words = words[:-1]
            if not words or all(w.lower() in _NO_NAME_WORDS or w.lower() in NOT_NAME_TOKENS for w in words):
                continue
            if len(words) == 1 and words[0] in KOREAN_SURNAMES:
                continue
            out.append(Mention(a, b, text[a:b], "Company", "pattern"))
        return out

    def _trim_after_people(self, text: str, pattern: list[Mention], people: list[Mention],
                           gaz_hits: list[Mention], gaz_starts: list[int] | None) -> list[Mention]:
        """A capitalised run that begins with a person's name ("Kim Min-jun of the
        Department of Radiology") names the unit after "of"/"at", not the person: the
        name is cut off and the rest classified again."""
        out: list[Mention] = []
        for p in pattern:
            q = None
            for x in people:
                if p.start <= x.start < p.end:
                    q = x
                    break
            if q is None:
                out.append(p)
                continue
            cut = _AFTER_PERSON_RE.match(text, q.end, p.end)
            if not cut:
                out.append(p)
                continue
            end = p.end
            for x in people:        # "... of the Department of X and Professor Y of Z": up to the next person
                if cut.end() <= x.start < end:
                    k = text.rfind(" and ", cut.end(), x.start)
                    end = k if k >= 0 else x.start
            seg = [(w.start(), w.end(), w.group()) for w in WORD_RE.finditer(text, cut.end(), end)]
            for sg in self._segments(seg, gaz_hits):
                m2 = self._classify(text, sg, gaz_hits, gaz_starts)
                if m2:
                    out.append(m2)
        return out

    @staticmethod
    def _headline_spans(text: str) -> list[tuple[int, int]]:
        spans, pos = [], 0
        for line in text.split("\n"):
            st = line.strip()
            if st and not st.endswith((".", "”", '"', ":")) and is_headline(st):
                spans.append((pos, pos + len(line)))
            pos += len(line) + 1
        return spans

    def _capitalised(self, text: str, s: int, e: int, gaz_hits: list[Mention],
                     gaz_starts: list[int] | None = None, heads: list[int] | None = None) -> list[Mention]:
        """Runs of capitalised words joined by of/for/and, split and classified by head.

        Why in windows: a lower-case word that is not a connector ("signed", "with")
        ends any run and looks at nothing around it, so the sentence falls apart into
        independent windows between such words, and only a window with a capital
        letter in it can hold a run.  ``_BREAK_RE`` finds those words (only where they
        surely begin a word), and the word loop runs on the windows alone: the same runs
        as running it over every word of the sentence, for a fraction of the words."""
        out: list[Mention] = []
        runs: list[list[tuple[int, int, str]]] = []
        if heads is None:
            heads = [m.start() for m in _head_hint_re().finditer(text)]
        # A run names something only with a head word in it ("... University", "Center
        # for ...": head_kind), so a window without one is skipped.
        h = bisect_left(heads, s)
        if h == len(heads) or heads[h] >= e:
            return out
        a = s
        for br in _BREAK_RE.finditer(text, s, e):
            b = br.start()
            if b > a:
                h = bisect_left(heads, a, h)
                if h < len(heads) and heads[h] < b:
                    self._runs(text, a, b, runs)
            a = br.end()
        if e > a:
            h = bisect_left(heads, a, h)
            if h < len(heads) and heads[h] < e:
                self._runs(text, a, e, runs)
        if runs and gaz_starts is None:
            gaz_starts = _sorted_starts(gaz_hits)
        for run in runs:
            if len(run) > 2 and run[0][2] in KOREAN_SURNAMES and run[1][2] == "of" and \
                    _TITLE_BEFORE_RE.search(text, max(0, run[0][0] - 16), run[0][0]):
                run = run[2:]       # "Professor Ahn of X University": the surname is the person's
            elif len(run) > 3 and run[2][2] == "of" and run[1][2] in KOREAN_SURNAMES and run[0][2] in _TITLE_WORDS:
                run = run[3:]
            for seg in self._segments(run, gaz_hits):
                m = self._classify(text, seg, gaz_hits, gaz_starts)
                if m:
                    out.append(m)
        return out

    @staticmethod
    def _runs(text: str, s: int, e: int, runs: list) -> None:
        """The word loop of ``_capitalised`` over text[s:e], appending to ``runs``.

        The runs depend on the window's text alone (offsets relative to its start), and
        names come back in window after window ("Hanbit University, "), so they are
        memoised by that text and shifted to where the window is."""
        for run in _relative_runs(text[s:e]):
            runs.append([(a + s, b + s, w) for a, b, w in run])

    @staticmethod
    def _window_runs(text: str, s: int, e: int, runs: list) -> None:
        """The word loop itself.  A gap is "ok" when it is at most two characters of
        whitespace (``_gap_ok``, written out here: this loop runs for every word)."""
        words = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text, s, e)]
        n = len(words)
        cur: list[tuple[int, int, str]] = []
        i = 0
        while i < n:
            st, en, w = words[i]
            nxt = words[i + 1] if i + 1 < n else None
            c0 = w[0]
            if c0.isupper():
                capital = w.lower().rstrip(".") not in CALENDAR
            elif c0.isdigit():
                capital = nxt is not None and nxt[2][0].isupper() and nxt[0] - en <= 2 \
                    and not text[en:nxt[0]].strip()
            else:
                capital = False
            if capital:
                if cur:
                    pe = cur[-1][1]
                    if st - pe > 2 or text[pe:st].strip():
                        runs.append(cur)
                        cur = []
                tok, stops = w, False
                if tok.endswith(".") and tok.count(".") == 1 and tok.lower().rstrip(".") not in ABBREVIATED \
                        and not (nxt is not None and nxt[0] - en <= 2 and tok.lower().rstrip(".") in NAME_ABBREV
                                 and (nxt[2][0].isupper() or nxt[2] in CONNECTORS)):
                    tok, stops = tok[:-1], True          # sentence end, not part of the name
                    # ("Agri." before a capital goes on with the name: "Kyungnam Agri. Univ.")
                if tok.endswith(("'s", "’s")) and not (
                        nxt is not None and nxt[2][0].isupper() and nxt[0] - en <= 2 and
                        (tok[:-2] in _NAME_POSSESSIVES or (cur and cur[-1][2] in ("St.", "St")))):
                    tok, stops = tok[:-2], True
                    # (not inside a name: "Hanul Children's Hospital", "Daeseong Women's
                    # University", "X St. Luke's Hospital")
                cur.append((st, st + len(tok), tok))
                if stops:
                    runs.append(cur)
                    cur = []
                i += 1
                continue
            if cur and nxt is not None:
                lw = w.lower()
                if (lw in CONNECTORS or (lw == "in" and len(cur) > 2 and any(c[2] in ("for", "of") for c in cur))
                        or (lw == "on" and cur[-1][2] in _ON_HEADS)) \
                        and st - cur[-1][1] <= 2 and not text[cur[-1][1]:st].strip():
                    # ("Center for AI in Healthcare": "in" inside a complement; _segments
                    # parts it again before a place: "Institute of X in Busan")
                    if nxt[2][0].isupper() and nxt[0] - en <= 2 and not text[en:nxt[0]].strip():
                        cur.append((st, en, w))
                        i += 1
                        continue
                    if (lw == "of" or lw == "for") and nxt[2].lower() == "the" and i + 2 < n \
                            and words[i + 2][2][0].isupper() and words[i + 2][0] - nxt[1] <= 2 \
                            and not text[nxt[1]:words[i + 2][0]].strip():
                        cur.extend([(st, en, w), nxt])
                        i += 2
                        continue
            if cur:
                runs.append(cur)
                cur = []
            i += 1
        if cur:
            runs.append(cur)

    def _segments(self, run, gaz_hits):
        """Strip leading function words; split coordinations "A and B" where both sides
        are complete names (a known name, or a capitalised name with a head word)."""
        while run and (_is_lead_word(run[0][2]) or run[0][2].lower().rstrip(".") in _BARE_SUFFIXES):
            run = run[1:]
        while run and run[-1][2].lower() in _TRAILING_WORDS:
            run = run[:-1]
        if len(run) > 2 and run[1][2] == "of" and run[0][2] in _PEOPLE_NOUNS:
            # "Students of Hanul University": people at the start of a sentence, then the name
            run = run[3:] if run[2][2] == "the" else run[2:]
        if not run:
            return []
        for k, (st, en, w) in enumerate(run):
            if "-" in w and _BAD_SUFFIX_RE.search(w):
                # "X and Seoul-based Y Co.": an adjective, no part of a name, parts the run
                return self._segments(run[:k], gaz_hits) + self._segments(run[k + 1:], gaz_hits)
        ws = [w for _, _, w in run]
        has_of, has_in = "of" in ws, "in" in ws
        if has_of and len(run) > 4 and ws[0] in _UNIT_FIRST:
            # "College of Natural Sciences of Hanul University": a unit, then "of" and
            # the university it belongs to (a name of its own, with its own head)
            for k in range(3, len(run) - 1):
                if ws[k] == "of":
                    right = run[k + 2:] if ws[k + 1] == "the" else run[k + 1:]
                    rk, rhi = head_kind([w for _, _, w in right])
                    if rk == "University" and len(right) > 1 and right[rhi][2] in {"University", "Universiti", "Universitas"} \
                            and (rhi == len(right) - 1 or rhi == 0):
                        return self._segments(run[:k], gaz_hits) + self._segments(right, gaz_hits)
        if (has_of or has_in) and len(run) > 2:
            for k in range(1, len(run) - 1):
                w = ws[k]
                if w == "of" and k > 1 and ws[k - 1].isupper() and len(ws[k - 1]) > 1 and \
                        (k == len(run) - 2 and ws[-1].lower() not in ALL_HEADS or
                         any(g.start == run[k + 1][0] and g.end == run[-1][1] and all(x.kind == "Region" for x in g.entries)
                             for g in gaz_hits)):
                    # "the Fraunhofer Institute for Production Technology IPT of Aachen": the name
                    # ended with its acronym; "of" + a place says where it is
                    return self._segments(run[:k], gaz_hits)
                if w == "in":
                    nx = run[k + 1]
                    if any(g.start == nx[0] and any(x.kind == "Region" for x in g.entries) for g in gaz_hits) or \
                            self._complete(run[k + 1:], gaz_hits) or "and" in ws[k + 1:] or "&" in ws[k + 1:]:
                        return self._segments(run[:k], gaz_hits) + self._segments(run[k + 1:], gaz_hits)
        if "and" not in ws and "&" not in ws and "And" not in ws:
            return [run]
        for k, (st, en, w) in enumerate(run):
            if w.lower() in {"and", "&"} and 0 < k < len(run) - 1:
                left, right = run[:k], run[k + 1:]
                if _inside_any(st, en, gaz_hits):
                    continue
                if self._complete(left, gaz_hits) and self._complete(right, gaz_hits):
                    return self._segments(left, gaz_hits) + self._segments(right, gaz_hits)
                if head_kind([x for _, _, x in left]) == ("Company", len(left) - 1):
                    # "X Securities and Y Capital": a company's name ends before "and"
                    return self._segments(left, gaz_hits) + self._segments(right, gaz_hits)
                if w == "and" and k <= 3 and all(x[2][0].isupper() for x in left) and (
                        head_kind([x for _, _, x in right]) == ("Company", len(right) - 1) or
                        (len(left[0][2]) > 2 and left[0][2].isupper() and self._complete(right, gaz_hits))):
                    # "Nuvola and Brightcell Therapeutics": two companies ("&" joins one name);
                    # "SUNY Korea and George Mason University Korea": an acronym's name and another
                    return self._segments(left, gaz_hits) + self._segments(right, gaz_hits)
        return [run]

    def _complete(self, seg, gaz_hits) -> bool:
        toks = [w for _, _, w in seg]
        if head_kind(toks)[0]:
            return True
        s, e = seg[0][0], seg[-1][1]
        return any(m.start == s and m.end == e for m in gaz_hits) or bool(self.gaz.lookup(" ".join(toks)))

    def _classify(self, text, seg, gaz_hits, gaz_starts=None) -> Mention | None:
        toks = tuple([w for _, _, w in seg])
        shape = _token_shape(toks)
        if not shape:
            return None
        kind, hi, low, end_i = shape
        seg = seg[: end_i + 1]
        toks = toks[: end_i + 1]
        s, e = seg[0][0], seg[-1][1]
        m = Mention(s, e, text[s:e], kind, "pattern", unit=low[hi] in UNIT_HEADS)
        # an organisation named inside (parent of a unit): the first known org in the span
        if kind in {"University", "Hospital", "Institute", "Agency"}:
            # gaz_hits are in text order: start at the first hit that begins inside the span
            lo = bisect_left(gaz_starts, s) if gaz_starts is not None else 0
            for g in gaz_hits[lo:]:
                if gaz_starts is not None and g.start >= e:
                    break
                if s <= g.start and g.end <= e and (g.start, g.end) != (s, e) and \
                        any(x.kind in {"University", "Hospital", "Agency", "Ministry", "Company"} for x in g.entries):
                    if g.end == e and kind == "Hospital" and all(x.kind == "Hospital" for x in g.entries):
                        break       # "Daejin St. Vincent's Hospital": another hospital of that name, no unit of it
                    if low[hi] in UNIT_HEADS or kind == "Hospital":
                        m.parent_text = g.text
                    break
            if m.parent_text is None and low[hi] in UNIT_HEADS and hi >= 2:
                # "X University Medical Center": a two-word head after the parent's name
                # "X University Songdo Campus": a campus after the university and a place
                ph = hi - 1 if (low[hi - 1] in ("medical", "graduate") or low[hi] in ("campus", "hospital")) and hi >= 3 else hi
                pk, phi = head_kind(toks[:ph])
                if pk == "University" and phi == ph - 1:
                    m.parent_text = " ".join(toks[:ph])
        return m

    def _programs_before_heads(self, text, s, e) -> list[Mention]:
        """'X project', 'the RISE project', '‘MIRACLE’ consortium', 'K-STAR (...) visa track':
        a capitalised or quoted name followed by a lowercase program word."""
        out: list[Mention] = []
        sent = text[s:e]
        for h in _LOWER_PROGRAM_STEMS:      # the pattern is case-sensitive; a loop, not any(<generator>)
            if h in sent:
                break
        else:
            return out
        for hm in _LOWER_PROGRAM_HEAD_RE.finditer(sent):
            hpos = s + hm.start()
            before = text[s:hpos]
            mm = _PROGRAM_NAME_BEFORE_RE.search(before) if _may_end_program_name(before) else None
            if not mm:
                continue
            if mm.group("mod") and mm.group("q"):
                continue
            name = mm.group(1)
            ns = s + mm.start(1)
            toks = name.split()
            while toks and _is_lead_word(toks[0]):
                ns += len(toks[0]) + 1
                toks = toks[1:]
            if not toks or all(t.lower() in LEAD_STRIP for t in toks) or _BAD_SUFFIX_RE.search(toks[-1]) \
                    or _ORDINAL_RE.fullmatch(toks[-1]):
                continue
            if toks[-1].endswith(("'s", "’s")) or (len(toks) == 1 and toks[0] in _TECH_ACRONYMS):
                continue        # "the Ministry of Education's scheme", "the CT project": no program's name
            name = " ".join(toks)
            if name.lower() in MONTHS or _DIGITS_SPACES_RE.fullmatch(name):
                continue
            pm = Mention(ns, ns + len(name), text[ns:ns + len(name)], "Program", "pattern")
            pm.defined = [f"{name} {hm.group(1)}"]     # "'MIRACLE' consortium" is also "MIRACLE consortium"
            out.append(pm)
            full_end = hpos + len(hm.group(1))
            if not mm.group("paren") and not mm.group("mod") and not mm.group("q"):
                out.append(Mention(ns, full_end, text[ns:full_end], "Program", "pattern"))
        return out

    def _quoted(self, text, s, e) -> list[Mention]:
        out = []
        for q in _QUOTED_RE.finditer(text, s, e):
            inner = q.group(1).strip()
            words = inner.split()
            if len(words) > 8:
                continue
            ins = q.start(1)
            name = _SPACE_PAREN_RE.split(inner)[0].rstrip(",. ")
            after = text[q.end(): q.end() + 30]
            before = text[max(s, q.start() - 40): q.start()]
            has_paren = "(" in inner
            last = name.split()[-1] if name.split() else ""
            if (last[:1].isupper() and last.lower() in PROGRAM_HEADS) or (has_paren and _LAUNCH_CUE.search(before)) or \
                    (_LAUNCH_CUE.search(before) and _TWO_CAPITALS_RE.match(name) and len(words) <= 3) or \
                    _LOWER_PROGRAM_HEAD_AFTER_RE.match(after) or \
                    (words[0][:1].isupper() and _PROGRAM_NOUN_BEFORE_RE.search(before)):
                out.append(Mention(ins, ins + len(name), name, "Program", "quoted"))
        return out

    def _people(self, text, sentences, ignore, low=None) -> list[Mention]:
        """People next to a title.  Both patterns need a title word, and few sentences
        have one, so a substring test on the lower-cased sentence comes first (the
        patterns are case-sensitive, so lower-casing only widens the test)."""
        out: list[Mention] = []
        doc_low = low if low is not None else text.lower()
        keywords = [k for k in _ROLE_KEYWORDS if k in doc_low]      # the few this document has
        if not keywords:
            return out
        for s, e in sentences:
            if _inside(s, e, ignore):
                continue
            ls = low[s:e] if low is not None else text[s:e].lower()
            for k in keywords:
                if k in ls:
                    break
            else:
                continue
            sent = text[s:e]
            for m in PERSON_TITLE_RE.finditer(sent):
                name = m.group("name")
                if not _plausible_name(name):
                    continue
                ns = s + m.start("name")
                org = None
                role = m.group("role")
                if not role.lower().startswith(("prof", "dr.")):
                    # "Dean X of the Graduate School of Business": what the title is of
                    # (a professor "of" a department works there and leads nothing)
                    om = _TITLE_OF_RE.match(sent, m.end("name"))
                    if om:
                        org = (s + om.start("org"), s + om.end("org"))
                # "Dr." says who the person is, not what they lead: a name without a title
                out.append(Mention(ns, ns + len(name), name, "Person", "name") if role == "Dr." else
                           Mention(ns, ns + len(name), name, "Person", "person", role=role, org_span=org))
            n_title = len(out)
            # (the apposition pattern tries a name at every capital; a quarter of the sentences
            # with a title word have no comma and space, which every match has after its name)
            for m in (PERSON_APPOS_RE.finditer(sent) if _NAME_COMMA_RE.search(sent) else ()):
                name = m.group("name")
                ns = s + m.start("name")
                first = name.split(" ", 1)[0]
                if " " in name and _is_lead_word(first) and name.count(" ") >= 2:
                    name = name[len(first) + 1:]     # "Professor Lena Vogt, dean of ...": the title is no name
                    ns += len(first) + 1
                if not _plausible_name(name):
                    continue
                role = m.group("role").strip()
                rest = m.group("rest")
                org = None
                om = _OF_AT_RE.match(rest)
                if om:
                    org = (s + m.start("rest") + om.end(), s + m.end("rest"))
                elif role[:1].isupper() and ("'s " in role or "’s " in role):
                    # "NAME, Lunit's chief medical officer": the organisation is the possessive
                    rs = s + m.start("role")
                    k = role.find("'s ") if "'s " in role else role.find("’s ")
                    org = (rs, rs + k)
                am = Mention(ns, ns + len(name), name, "Person", "person", role=role, org_span=org)
                # "Professor X, dean of the Y": the apposition says what X leads, the title
                # before the name does not; it replaces the title's mention of the same name
                same = next((i for i in range(n_title) if out[i].start == ns and out[i].end == am.end), None)
                if same is not None and org is not None and out[same].org_span is None:
                    out[same] = am
                else:
                    out.append(am)
        return out


@functools.lru_cache(maxsize=50_000)
def _relative_runs(window: str) -> tuple[tuple[tuple[int, int, str], ...], ...]:
    """``MentionFinder._window_runs`` over the whole ``window``, offsets relative to its
    start: memoised by the window's text (see ``MentionFinder._runs``)."""
    rel: list = []
    MentionFinder._window_runs(window, 0, len(window), rel)
    return tuple(tuple(run) for run in rel)


@functools.lru_cache(maxsize=50_000)
def _token_shape(toks: tuple[str, ...]) -> tuple:
    """The part of ``MentionFinder._classify`` that reads the words alone: (kind, head
    index, the words lower-cased, index of the last word kept), or () for no name.
    Apart so that it is memoised by the words: the same names come back in every
    document, and the head search and lower-casing cost more than one dict lookup."""
    kind, hi = head_kind(list(toks))
    if kind is None:
        return ()
    low = [t.lower().rstrip(".") for t in toks]
    # keep the head and its of/for-complement; drop words after a final head
    end_i = len(toks) - 1
    if hi < len(toks) - 1 and low[hi + 1] not in {"of", "for", "de", "du", "der", "on"} and low[hi] not in FOREIGN_UNIV_HEADS \
            and not (low[hi] == "university" and hi == len(toks) - 2 and low[-1] in ("korea", "asia")):
        end_i = hi          # (a foreign university's campus here keeps its place: "George Mason University Korea")
    kept = toks[: end_i + 1]
    if len(low) > 2 and low[1] in {"of", "in"} and low[0] in _DEGREE_WORDS:
        return ()        # a degree ("Master of Business Administration") is no organisation
    if len(kept) == 1 and kind not in {"Program"} and not is_acronym(kept[0]):
        return ()        # a bare head word ("University", "Center") is no name
    if all(t.lower() in _NO_NAME_WORDS for t in kept):
        return ()
    return kind, hi, low, end_i


def _may_end_program_name(before: str) -> bool:
    """False only where _PROGRAM_NAME_BEFORE_RE cannot match ``before``: a test read
    from the end, because the search itself, which must end there, tries every capital
    of the text as a start and backtracks through the whole name from each.  On the
    generated corpus two thirds of the searches fail, and those took 94% of its time.

    A match ends in one whitespace character, and before it in a name word (which holds
    a capital A-Z or a digit: its first character), a quote, a ")" (the parenthesis),
    or a lower-case modifier word ("the RISE initiative project") that one whitespace
    character parts from such a word, quote or ")".  Words here are the runs between
    whitespace, which hold each of those parts whole."""
    if before.endswith("\n"):
        return True                    # "$" also matches before a final newline
    if len(before) < 2 or not before[-1].isspace() or before[-2].isspace():
        return False
    parts = before[:-1].rsplit(None, 1)
    if _ends_name(parts[-1]):
        return True
    if len(parts) < 2 or not _LOWER_WORD_RE.fullmatch(parts[-1]):
        return False
    gap = len(before) - 1 - len(parts[-1]) - len(parts[0])     # whitespace before the modifier
    return gap == 1 and _ends_name(parts[0].rsplit(None, 1)[-1])


def _ends_name(word: str) -> bool:
    """Can ``word`` end the name, quote or parenthesis of a program name (see above)?"""
    return word[-1] in ")’'”\"" or _CAPITAL_OR_DIGIT_RE.search(word) is not None


@functools.lru_cache(maxsize=50_000)
def _is_lead_word(tok: str) -> bool:
    """A word stripped from the front of a name: a function word or connector, a title
    or its first word ("President", "Vice"), an ordinal ("2nd").  Memoised: asked of the
    first word of every capitalised run, and the same words come back in every text."""
    return (tok.lower() in _LEAD_OR_CONNECTOR or ROLE_START_RE.fullmatch(tok) is not None
            or _ORDINAL_RE.fullmatch(tok) is not None)


_GOVERNMENT_AFTER_RE = re.compile(r"\s(?:(?:Provincial|provincial|Metropolitan|metropolitan|Metropolitan City|City|city|"
                                  r"County|county|Special City|Special Self-Governing Provincial)\s)?[Gg]overnment\b")
_DATELINE_AFTER_RE = re.compile(r"\s*(?:,|--|—|–|\()")


def _is_dateline(text: str, s: int, e: int) -> bool:
    """Is the upper-case place at ``s:e`` a dateline: first on its line, then a comma, a
    dash or a parenthesis ("SEOUL, March 4 (Yonhap) --", "CHANGWON -- ...")?"""
    ls = text.rfind("\n", 0, s) + 1
    return not text[ls:s].strip() and _DATELINE_AFTER_RE.match(text, e) is not None


def _plausible_name(name: str) -> bool:
    parts = name.split()
    return all(p.lower().split("-")[0] not in NOT_NAME_TOKENS and p.lower() not in LEAD_STRIP
               for p in parts)


def _sorted_starts(mentions: list[Mention]) -> list[int] | None:
    """The mentions' start offsets when they are in text order (for bisect), else None."""
    starts = [m.start for m in mentions]
    if any(a > b for a, b in zip(starts, starts[1:])):
        return None
    return starts


def _aligned_lower(text: str, lowered: str | None = None) -> str | None:
    """text.lower() (``lowered``, where given) when it keeps every offset (one character
    for one), else None."""
    low = text.lower() if lowered is None else lowered
    return low if len(low) == len(text) else None


def _gap_ok(text: str, a: int, b: int) -> bool:
    return b - a <= 2 and text[a:b].strip() == ""


def _inside(s: int, e: int, spans) -> bool:
    """Is [s, e) inside one of ``spans``?  Most documents have no spans to ignore, and
    this is asked for every sentence and name: no generator for an empty list."""
    if not spans:
        return False
    return any(a <= s and e <= b for a, b in spans)


def _inside_any(s, e, mentions) -> bool:
    return any(m.start <= s and e <= m.end for m in mentions)


def _merge(gaz: list[Mention], pattern: list[Mention], people: list[Mention]) -> list[Mention]:
    """One mention per span: people first (a title marks them), then the longest span;
    a pattern name that strictly contains a gazetteer hit replaces it when it is a unit
    of it ("X University College of Medicine") or a program named after a place."""
    allm = people + sorted(gaz + pattern, key=lambda m: (-(m.end - m.start), m.how != "gaz"))
    chosen: list[Mention] = []
    if any(m.start >= m.end for m in allm):        # empty spans: the plain pairwise test
        for m in allm:
            if any(c.start < m.end and m.start < c.end for c in chosen):
                continue
            chosen.append(m)
    else:
        # chosen spans never overlap, so sorted by start they are sorted by end too: only
        # the last one that starts before m ends can overlap m
        starts: list[int] = []
        ends: list[int] = []
        for m in allm:
            i = bisect_left(starts, m.end)
            if i and ends[i - 1] > m.start:
                continue
            starts.insert(i, m.start)
            ends.insert(i, m.end)
            chosen.append(m)
    # dedupe people found by both patterns (same span)
    chosen.sort(key=lambda m: (m.start, m.end))
    return chosen


def acronym_fits(acro: str, expansion: str) -> bool:
    """Do the acronym's letters appear, in order, among the expansion's word initials
    (first letters must agree)?  'GSMSE' ~ 'Graduate School of Medical Science and
    Engineering'; 'KSTAR' ~ 'Korea-Science & Technology Advanced Human Resources'."""
    letters = [c for c in acro if c.isalpha()]
    words = [w for w in _EXPANSION_SPLIT_RE.split(expansion) if w and w.lower() not in _ACRONYM_SKIP_WORDS]
    initials = [w[0].upper() for w in words if w[0].isalpha()]
    if not letters or not initials or letters[0].upper() != initials[0]:
        return False
    # letters may also come from inside a word (KAIST: Korea Advanced Institute of Science and Technology)
    it = iter(initials)
    ok = all(any(c.upper() == x for x in it) for c in letters)
    if ok:
        return True
    joined = "".join(words).upper()
    pos = 0
    for c in letters:
        pos = joined.find(c.upper(), pos)
        if pos < 0:
            return False
        pos += 1
    return len(letters) >= 3 and len(words) >= 2


def paren_definitions(text: str, mentions: list[Mention]) -> list[tuple[Mention, str, int, int]]:
    """'Long Name (ACR)' and 'ACR (Long Name)': (the named mention, the other form, span)."""
    out: list[tuple[Mention, str, int, int]] = []
    by_end: dict[int, Mention] = {}
    for x in mentions:
        by_end.setdefault(x.end, x)
    by_start: dict[int, Mention] | None = None
    if "(" in text:
        by_start = {}
        for x in mentions:
            by_start.setdefault(x.start, x)
    for p in _PAREN_RE.finditer(text):
        inner = p.group(1).strip()
        first = inner.split(",")[0].strip()
        lead = _PAREN_LEAD_RE.match(first)
        if lead:
            # "(hereafter KIMR)", "(the KIMR)", "(or KIMR)", '("SCUF")': the acronym itself
            first = lead.group(1)
        m: Mention | None = by_end.get(p.start()) or by_end.get(p.start() - 1)
        if not m:
            # "KIMR (Korea Institute of Marine Robotics)": an acronym the list does not
            # know, then the name it stands for
            inner_m = by_start.get(p.start(1)) if by_start is not None else None
            if inner_m is not None and inner_m.end == p.end(1) and inner_m.kind != "Person":
                am = _ACRONYM_BEFORE_RE.search(text, max(0, p.start() - 14), p.start())
                if am and is_acronym(am.group(1)) and acronym_fits(am.group(1), inner_m.text):
                    out.append((inner_m, am.group(1), am.start(1), am.end(1)))
            continue
        if "," in inner or _HANGUL_NAME_RE.fullmatch(first):
            # "Jeonbuk National University (전북대학교, JBNU)": the Korean name is another
            # name of it, and an acronym may follow the Korean name
            pos = p.start(1)
            for k, part in enumerate(inner.split(",")[:3]):
                w = part.strip()
                ws = p.start(1) + inner.find(w, pos - p.start(1))
                pos = ws + len(w)
                if _HANGUL_NAME_RE.fullmatch(w):
                    out.append((m, w, ws, ws + len(w)))
                elif k and is_acronym(w) and w != m.text and acronym_fits(w, m.text) and \
                        _HANGUL_NAME_RE.fullmatch(first):
                    out.append((m, w, ws, ws + len(w)))
            if _HANGUL_NAME_RE.fullmatch(first):
                continue
        if is_acronym(first) and first != m.text and (acronym_fits(first, m.text) or len(m.text.split()) > 2):
            s = p.start(1) + inner.find(first)
            out.append((m, first, s, s + len(first)))
        elif _TWO_CAPS_ANYWHERE_RE.search(m.text) and len(first.split()) >= 2 and first[0].isupper() \
                and acronym_fits(_NON_CAPITAL_RE.sub("", m.text.split("-")[-1]) or m.text, first):
            s = p.start(1) + inner.find(first)
            out.append((m, first, s, s + len(first)))
    if ", or " in text or "known as " in text or "hereafter " in text:
        # "the X Institute, or XI," / "X, known as XI" / "X, also known as XI": an acronym
        # defined without parentheses (only one that fits the name's words)
        for d in _APPOS_ACRONYM_RE.finditer(text):
            m = by_end.get(d.start())
            acro = d.group("acro")
            if m and is_acronym(acro) and acro != m.text and acronym_fits(acro, m.text):
                out.append((m, acro, d.start("acro"), d.end("acro")))
    return out


def colon_definitions(text: str) -> list[tuple[str, str, int, int]]:
    """'* MIRACLE: Medicine-Engineering Innovation and ...' footnote-style definitions."""
    out: list[tuple[str, str, int, int]] = []
    if ":" not in text:
        return out
    for m in _COLON_DEF_RE.finditer(text):
        acro, exp = m.group(1), m.group(2).rstrip(".")
        if acronym_fits(acro, exp):
            out.append((acro, exp, m.start(2), m.start(2) + len(exp)))
    return out


__all__ = ["Mention", "MentionFinder", "head_kind", "paren_definitions", "colon_definitions",
           "acronym_fits", "name_key", "is_headline", "UNIT_HEADS", "PROGRAM_HEADS"]
