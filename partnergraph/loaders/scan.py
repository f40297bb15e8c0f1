"""``Pattern.finditer`` tried only where a match can begin.

Why: ``re`` tries a pattern at every character of the text, testing each against the
pattern's first class -- costly for a pattern that begins with a repeat or a look-around,
or on long texts where its first characters are rare.  When every match is known to
begin with one of a few characters (a full stop, a quote, an apostrophe), finding those
with ``str.find`` (a C memchr) and calling ``match`` there gives the same matches for a
fraction of the work.  Used by sentence splitting, the long-quotation spans and the
gazetteer's slow-path test; each caller's docstring says why its pattern qualifies.
"""
from __future__ import annotations

import re
from typing import Iterator


def finditer_at(pat: re.Pattern, text: str, starts: tuple[str, ...]) -> Iterator[re.Match]:
    """The matches of ``pat.finditer(text)``, for a pattern every match of which begins
    with one of the characters ``starts``: tried at each of them, left to right, going
    on after a match from its end, as finditer does."""
    if len(starts) == 1:
        c = starts[0]
        i = text.find(c)
        while i >= 0:
            m = pat.match(text, i)
            if m is None:
                i = text.find(c, i + 1)
            else:
                yield m
                i = text.find(c, m.end())
        return
    cands = []
    for c in starts:
        i = text.find(c)
        while i >= 0:
            cands.append(i)
            i = text.find(c, i + 1)
    cands.sort()
    last = 0
    for p in cands:
        if p < last:
            continue
        m = pat.match(text, p)
        if m is not None:
            yield m
            last = m.end()
