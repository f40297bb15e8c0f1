"""Sentence spans with character offsets into the cleaned document.

Evidence is a sentence quoted exactly from the document, so spans are offsets, never
re-joined text.  Lines are always boundaries (headlines, captions and list items are
lines of their own in scraped articles); inside a line, a sentence ends at . ! ? (or a
closing quote after one) followed by a space and an upper-case letter, a digit or an
opening quote, except after abbreviations and initials, and after an abbreviated word of
a name ("Agri.", "Tech.", "Sci.") where the name goes on: a head word, another such
abbreviation, or a capitalised word followed by more of the name ("Agri. Tech.
Commercialization and Transfer"), not a sentence's first word ("Tech. The firm ...").
"""
from __future__ import annotations

import re

from .scan import finditer_at

_ABBREV = {"univ", "nat'l", "natl", "dr", "mr", "mrs", "ms", "prof", "co", "corp", "inc", "ltd",
           "st", "no", "vs", "etc", "dept", "gov", "jr", "sr", "u.s", "u.k", "e.g", "i.e", "approx",
           "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
           # titles before a name ("Rep. Kim Min-jun", "Lt. Gen. Park"), "Mt. Halla"
           "rep", "sen", "lt", "gen", "col", "capt", "sgt", "adm", "rev", "hon", "mt"}
# abbreviated words inside organisation names ("Kyungnam Agri. Univ.", "Gangwon Agri. Tech.
# Institute"): no sentence end where the next word goes on with the name (another such
# abbreviation or a head word); before anything else they may end a sentence ("... at Gamma Tech.")
NAME_ABBREV = {"agri", "agric", "tech", "sci", "inst", "med", "eng", "engr", "intl", "int'l", "assn", "assoc",
               "hosp", "ctr", "mfg", "ind", "indus", "elec", "chem", "pharm", "edu", "res", "dev", "mgmt",
               "admin", "env", "info", "mech", "metro", "prov", "coll", "fed", "found", "tel", "comm"}
_NAME_GOES_ON_RE = re.compile(r"\s+(?:(?:University|Univ|College|Institute|Inst|School|Hospital|Hosp|Center|Centre|"
                              r"Ctr|Foundation|Agency|Association|Assn|Academy|Laboratory|Lab|Co|Corp|Inc|Ltd|"
                              r"Group|Industries|Industrial|Park|Complex)\b"
                              r"|[A-Z][a-z]{1,6}\.(?=\s+[A-Z]))")
_CAPITAL_THEN_NAME_RE = re.compile(r"\s+([A-Z][a-z]+)\s+(?:[A-Z]|(?:of|and|for|&)\s+[A-Z])")
_SENTENCE_STARTS = {"The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We",
                    "In", "On", "At", "By", "For", "From", "With", "As", "After", "But", "And", "Some", "Both"}
_END_RE = re.compile(r"[.!?…]+[\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9\uAC00-\uD7A3▲△▴■●*-])")
_WORD_BEFORE = re.compile(r"([\w.'’]+)$")


def split(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start_line = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        s = 0
        for m in (_END_RE.finditer(line) if "!" in line or "?" in line or "…" in line else _period_ends(line)):
            if line[m.start()] == ".":
                word = _word_before(line, m.start()).lower().rstrip(".")
                if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                    continue
                if word in NAME_ABBREV and _continues_name(line, m.start() + 1):
                    continue
            _add(spans, line, start_line, s, m.end())
            s = m.end()
        _add(spans, line, start_line, s, len(line))
    return spans


def _period_ends(line: str) -> list[re.Match]:
    """``list(_END_RE.finditer(line))`` for a line whose only sentence-end character is
    ".": every match begins with one of the class's characters, so the pattern is tried
    at each full stop (``scan.finditer_at``) instead of at every character of the line."""
    return list(finditer_at(_END_RE, line, (".",)))


def _continues_name(line: str, pos: int) -> bool:
    """After an abbreviated name word: a head word or another abbreviation that is
    itself followed by a capital ("Agri. Univ.", "Agri. Tech. Institute")."""
    m = _NAME_GOES_ON_RE.match(line, pos)
    if m is None:
        # a capitalised word that the name goes on after ("Agri. Tech. Commercialization
        # and Transfer"), not one that begins a sentence ("Tech. The firm ...", "Tech. Kim said")
        m = _CAPITAL_THEN_NAME_RE.match(line, pos)
        return m is not None and m.group(1) not in _SENTENCE_STARTS
    w = m.group().strip()
    return not w.endswith(".") or w[:-1].lower() in NAME_ABBREV or w[:-1].lower() in _ABBREV


def _word_before(line: str, end: int) -> str:
    """What ``_WORD_BEFORE.search(line, 0, end)`` captures ("" for no match): the run of
    word characters, dots and apostrophes that ends at ``end``.  Read backwards, because
    the search from the start of the line cost more than the rest of the split."""
    i = end
    while i > 0:
        c = line[i - 1]
        if c.isalnum() or c in "_.'’":
            i -= 1
        else:
            break
    return line[i:end]


def _add(spans, line, base, s, e):
    seg = line[s:e]
    lead = len(seg) - len(seg.lstrip())
    seg = seg.strip()
    if seg:
        spans.append((base + s + lead, base + s + lead + len(seg)))
