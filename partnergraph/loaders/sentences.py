"""Sentence spans with character offsets into the cleaned document.

Evidence is a sentence quoted exactly from the document, so spans are offsets, never
re-joined text.  Lines are always boundaries (headlines, captions and list items are
lines of their own in scraped articles); inside a line, a sentence ends at . ! ? (or a
closing quote after one) followed by a space and an upper-case letter, a digit or an
opening quote, except after abbreviations and initials.
"""
from __future__ import annotations

import re

_ABBREV = {"univ", "nat'l", "natl", "dr", "mr", "mrs", "ms", "prof", "co", "corp", "inc", "ltd",
           "st", "no", "vs", "etc", "dept", "gov", "jr", "sr", "u.s", "u.k", "e.g", "i.e", "approx",
           "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
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
        for m in _END_RE.finditer(line):
            if line[m.start()] == ".":
                word = _word_before(line, m.start()).lower().rstrip(".")
                if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                    continue
            _add(spans, line, start_line, s, m.end())
            s = m.end()
        _add(spans, line, start_line, s, len(line))
    return spans


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
