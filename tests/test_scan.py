"""scan.finditer_at gives exactly the matches of Pattern.finditer for patterns whose
matches all begin with one of the given characters (random texts of those characters)."""
from __future__ import annotations

import random
import re

from partnergraph.loaders.scan import finditer_at

PATTERNS = [
    (re.compile(r"\.+(?:\s+|$)"), (".",)),                       # a sentence end: repeat first
    (re.compile(r"[\"“][^\"”]{0,6}[\"”]"), ('"', "“")),           # a quotation, two openers
    (re.compile(r"['’](?<=s['’])[A-Z]?"), ("'", "’")),           # look-behind after the start
]
ALPHABET = ".\"“”'’sA x"


def test_same_matches_as_finditer_on_random_texts():
    rnd = random.Random(7)
    for _ in range(3000):
        text = "".join(rnd.choice(ALPHABET) for _ in range(rnd.randrange(0, 40)))
        for pat, starts in PATTERNS:
            want = [(m.start(), m.end()) for m in pat.finditer(text)]
            assert [(m.start(), m.end()) for m in finditer_at(pat, text, starts)] == want, (pat.pattern, text)
