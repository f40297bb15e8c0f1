"""Where ``str.lower()`` and ``re.IGNORECASE`` disagree, tested once per text.

Several stages put a substring test on the lower-cased text before a case-insensitive
pattern (a match must contain one of a few words, so a text without them skips the
scan).  That test is sound only when lower-casing cannot hide a match: re.IGNORECASE
matches four characters to ASCII letters that ``str.lower()`` does not turn into those
letters (dotted and dotless i, long s, the Kelvin sign).  Where one occurs, the callers
skip their substring tests and run the pattern.  Where none occurs (and lower-casing
keeps every offset), a case-insensitive pattern can also run case-sensitively on the
lower-cased text, which is faster: ``lower_twin``.
"""
from __future__ import annotations

import re

FOLD_CHARS = "\u0130\u0131\u017f\u212a"


def folds_differ(text: str) -> bool:
    """Does ``text`` hold a character that re.IGNORECASE folds to an ASCII letter while
    ``str.lower()`` does not?  Four ``in`` tests (each a C scan) rather than a regex
    search over a character class: on a 3 KB article the regex took ~9 µs, these ~0.3."""
    return "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text


def lower_twin(pat: re.Pattern) -> re.Pattern:
    """A case-insensitive pattern compiled case-sensitively, to run on the lower-cased
    text instead.  Why: under re.IGNORECASE the engine folds every character it
    compares and cannot take its quick first-character test of each alternative, so
    scanning a sentence took nearly twice as long (relations' back-reference pattern:
    79 vs 44 µs per article).  Both find the same spans when the pattern is written in
    lower case with ASCII letters only (checked here) and the text was lower-cased
    without moving an offset and ``folds_differ`` is false for it: for every other
    character re's folding and str.lower() agree, and \\w, \\s, \\d hold of a
    character exactly when they hold of its lower case (both checked over all of
    Unicode when this was written).  Groups then hold lower-cased text: callers that
    need the text as written slice it by the group's span."""
    letters = re.sub(r"\\.|\(\?P<\w+>|\(\?P=\w+\)", "", pat.pattern)
    assert pat.flags & re.IGNORECASE and "(?i" not in letters and "(?-i" not in letters, pat.pattern
    assert not any(c.isupper() or (c.isalpha() and not c.isascii()) for c in letters), pat.pattern
    return re.compile(pat.pattern, pat.flags & ~re.IGNORECASE)
