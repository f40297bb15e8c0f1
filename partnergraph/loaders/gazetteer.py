"""The gazetteer: known organisations, regions and programs from ``seeds/``, and a fast
longest-match finder over text.

Why a token trie and not one big regex: the seed data has thousands of names and
aliases; Python's ``re`` tries alternatives one by one, while a dict of token-tuple
prefixes finds the longest known name at each word in a handful of lookups, which keeps
extraction far above 500 documents/s.

Matching rules (each guards against a class of false hits):

* names and aliases match case-insensitively but must start with a capital letter or a
  digit in the text ("asan" in running text is not the city);
* acronyms (all-caps forms) match case-sensitively ("MOE", not "moe");
* an entry whose key is shared by several entries (CNU: Chonnam *and* Chungnam) is
  returned with all candidates; the resolver decides from context or leaves it.
"""
from __future__ import annotations

import json
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from ..paths import SEEDS_DIR
from .scan import finditer_at

log = logging.getLogger(__name__)

TOKEN_RE = re.compile(r"[A-Za-z0-9\u00C0-\u024F\uAC00-\uD7A3]+(?:['’][A-Za-z]+)?|&")


# Abbreviations news writes inside names, compared as the word ("Chonnam Natl. Univ." is
# "Chonnam National University"); the dot is no part of a token.
_ABBREV_WORDS = {"natl": "national", "nat'l": "national", "univ": "university"}


def norm_token(tok: str) -> str:
    t = tok.lower().replace("’", "'")
    if t == "&":
        return "and"
    if t.endswith("'s"):
        t = t[:-2]
    return _ABBREV_WORDS.get(t, t)


_NORM: dict[str, str] = {}
_TOKEN_CHARS = [chr(c) for c in range(0xC0, 0x250)] + [chr(c) for c in range(ord("A"), ord("Z") + 1)] + \
    [str(d) for d in range(10)]


def _norm_cached(tok: str) -> str:
    """norm_token, memoised: a document's tokens are mostly words seen before."""
    if len(_NORM) > 200_000:
        _NORM.clear()
    low = _NORM[tok] = norm_token(tok)
    return low


def _acro_tok(tok: str) -> str:
    """An acronym token as indexed: "PNU's" is "PNU" (a possessive ends a name)."""
    if tok.endswith(("'s", "’s")) and len(tok) > 2:
        return tok[:-2]
    return tok


def _trie(table: dict[tuple, list[str]]) -> dict:
    """Nested dicts, one level per token; key 0 holds the entry ids of a complete name."""
    root: dict = {}
    for key, ids in table.items():
        node = root
        for tok in key:
            node = node.setdefault(tok, {})
        node[0] = ids
    return root


def tokens_of(text: str) -> list[str]:
    get = _NORM.get
    return [get(t) or _norm_cached(t) for t in TOKEN_RE.findall(unicodedata.normalize("NFKC", text))]


@lru_cache(maxsize=100_000)
def name_key(text: str) -> str:
    """The normalised form two names are compared in (case, punctuation, '&', 'the').
    Memoised: the resolver asks for the same names' keys in every document."""
    return " ".join(t for t in tokens_of(text) if t != "the")


def is_acronym(s: str) -> bool:
    core = s.replace("-", "").replace("&", "")
    return 2 <= len(core) <= 10 and core.isupper() and core.isalnum() and " " not in s


@dataclass
class Entry:
    id: str
    kind: str
    name: str
    name_ko: str | None = None
    aliases: list[str] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)
    parent: str | None = None
    region: str | None = None
    ror: str | None = None
    level: str | None = None          # regions: country, province, city, county, district...
    extra: dict = field(default_factory=dict)

    def all_names(self) -> list[str]:
        names = [self.name] + list(self.aliases) + list(self.acronyms)
        if self.name_ko:
            names.append(self.name_ko)
        seen, out = set(), []
        for n in names:
            if n and n not in seen:
                seen.add(n)
                out.append(n)
        return out


@dataclass(slots=True)
class GazMatch:
    start: int
    end: int
    text: str
    entries: list[Entry]


class Gazetteer:
    def __init__(self, entries: Iterable[Entry] = (), stopnames: Iterable[str] = ()):
        self.entries: dict[str, Entry] = {}
        self._names: dict[tuple, list[str]] = {}    # case-insensitive keys -> entry ids
        self._acros: dict[tuple, list[str]] = {}    # case-sensitive keys (acronyms)
        self._prefixes: set[tuple] = set()
        self._acro_prefixes: set[tuple] = set()
        self.stop_keys = {name_key(s) for s in stopnames}
        self._lookup_cache: dict[str, list[Entry]] = {}
        self._stop_cache: dict[str, bool] = {}
        self._patterns: tuple[re.Pattern, re.Pattern] | None = None
        self._suffixes: tuple[set, set] | None = None
        self._parts_cache: dict[str, tuple[tuple, tuple]] = {}
        for e in entries:
            self.add(e)

    def add(self, e: Entry) -> None:
        self._lookup_cache.clear()
        self._patterns = None
        self._suffixes = None
        if e.id in self.entries:       # curated data (loaded first) wins over generated data
            return
        self.entries[e.id] = e
        for n in [e.name] + e.aliases + ([e.name_ko] if e.name_ko else []):
            self._index(n, self._names, self._prefixes, e.id, lower=True)
        for a in e.acronyms:
            self._index(a, self._acros, self._acro_prefixes, e.id, lower=False)

    def _index(self, name, table, prefixes, eid, lower):
        if not name or name_key(name) in self.stop_keys:
            return
        toks = tuple(tokens_of(name)) if lower else tuple(
            m.group() for m in TOKEN_RE.finditer(unicodedata.normalize("NFKC", name)))
        if not toks:
            return
        ids = table.setdefault(toks, [])
        if eid not in ids:
            ids.append(eid)
        for i in range(1, len(toks) + 1):
            prefixes.add(toks[:i])

    def lookup(self, name: str) -> list[Entry]:
        """Entries whose name, alias or acronym is ``name`` (exact, normalised); memoised,
        as the resolver asks about the same names many times."""
        hit = self._lookup_cache.get(name)
        if hit is None:
            hit = self._lookup_cache[name] = self._lookup(name)
            if len(self._lookup_cache) > 100_000:
                self._lookup_cache.clear()
        return hit

    def lookup_pair(self, a: str, b: str) -> list[Entry]:
        """``lookup(f"{a} {b}")``, with a quick "no".  A space ends a token and is a
        boundary for NFKC, so the joined name's tokens are a's followed by b's; when
        neither table has that key, nothing is found (most pairs the resolver tries)."""
        ra, na = self._parts(a)
        rb, nb = self._parts(b)
        if ra + rb not in self._acros and na + nb not in self._names:
            return []
        return self.lookup(f"{a} {b}")

    def could_end_name(self, b: str) -> bool:
        """Can ``b`` be the end of a known name (is ``lookup_pair(x, b)`` ever non-empty)?"""
        if self._suffixes is None:
            self._suffixes = ({k[i:] for k in self._acros for i in range(len(k))},
                              {k[i:] for k in self._names for i in range(len(k))})
        rb, nb = self._parts(b)
        return rb in self._suffixes[0] or nb in self._suffixes[1]

    def _parts(self, name: str) -> tuple[tuple, tuple]:
        """(acronym key, name key) of ``name``: its tokens as written and normalised."""
        hit = self._parts_cache.get(name)
        if hit is None:
            if len(self._parts_cache) > 100_000:
                self._parts_cache.clear()
            hit = self._parts_cache[name] = (tuple(TOKEN_RE.findall(name)), tuple(tokens_of(name)))
        return hit

    def _lookup(self, name: str) -> list[Entry]:
        ids = self._acros.get(tuple(TOKEN_RE.findall(name)), []) + \
            self._names.get(tuple(tokens_of(name)), [])
        out, seen = [], set()
        for i in ids:
            if i not in seen:
                seen.add(i)
                out.append(self.entries[i])
        return out

    def find(self, text: str) -> list[GazMatch]:
        """Longest non-overlapping matches, left to right.

        Why not every token: only a token that begins with a capital, a digit or Hangul
        (or the first character of some acronym) can start a match, and in running text
        most tokens begin with a lower-case letter.  One regex pass finds the possible
        starting tokens and the trie walk reads the tokens after each, so the Python
        loop runs for about a quarter of the tokens.  The result is the same as
        tokenising the whole text (``_find_every_token``); the few texts where a token
        could begin right after a letter (an apostrophe tail such as "x'ab2") take
        that path."""
        cand, tricky = self._start_patterns()
        # every match of ``tricky`` begins with an apostrophe: tried only at those
        if next(finditer_at(tricky, text, ("'", "’")), None) is not None:
            return self._find_every_token(text)
        out: list[GazMatch] = []
        search = TOKEN_RE.search
        n_text = len(text)
        firsts = self._firsts
        cand_search = cand.search
        pos = 0
        while True:
            # the next possible start, from the end of the last match or candidate (a
            # match's end is a token end, so the search sees the same tokens finditer would)
            cm = cand_search(text, pos)
            if cm is None:
                break
            s = cm.start()
            pos = cm.end()
            first = cm.group()
            start = firsts.get(first)
            if start is None:
                start = self._first_nodes(first)
            name_node, acro_node = start
            if name_node is None and acro_node is None:
                continue
            toks = [cm]
            best_end, best_ids = -1, None
            if name_node is not None:
                ids = name_node.get(0)
                if ids:
                    best_end, best_ids = 0, ids
                node, j = name_node, 1
                while True:
                    if j == len(toks):
                        nm = search(text, toks[-1].end())
                        if nm is None:
                            break
                        toks.append(nm)
                    t = toks[j].group()
                    low = _NORM.get(t)
                    if low is None:
                        low = _norm_cached(t)
                    node = node.get(low)
                    if node is None:
                        break
                    ids = node.get(0)
                    if ids:
                        best_end, best_ids = j, ids
                    j += 1
            if acro_node is not None:
                node, j = acro_node, 0
                while True:
                    ids = node.get(0)
                    if ids and j >= best_end:
                        best_end, best_ids = j, (ids if j > best_end else list(dict.fromkeys((best_ids or []) + ids)))
                    j += 1
                    if j == len(toks):
                        nm = search(text, toks[-1].end())
                        if nm is None:
                            break
                        toks.append(nm)
                    t = toks[j].group()
                    nxt_node = node.get(t)
                    if nxt_node is None and t.endswith(("'s", "’s")):
                        nxt_node = node.get(_acro_tok(t))
                    node = nxt_node
                    if node is None:
                        break
            if best_ids is not None:
                e = self._possessive_end(text, s, toks[best_end].end(), best_ids)
                # a match must not cut a word that continues with a hyphen ("Asan-based" is fine,
                # "Seoul-Gyeonggi" gives two matches, but "K-MediST" must not match "K")
                if e - s <= 2 and e < n_text and text[e] == "-" and TOKEN_RE.match(text, e + 1):
                    continue
                # nor a name joined by "&" to the next letters ("KT&G" is not "KT")
                if e + 1 < n_text and text[e] == "&" and text[e + 1].isalnum():
                    continue
                out.append(GazMatch(s, e, text[s:e], [self.entries[x] for x in best_ids]))
                pos = e
        return out

    def _start_patterns(self) -> tuple[re.Pattern, re.Pattern]:
        """(tokens that can start a match, texts the fast path must not take), built
        from the loaded names on first use."""
        if self._patterns is None:
            firsts = {k[0][0] for k in self._acro_prefixes if len(k) == 1}
            firsts.update(c for c in _TOKEN_CHARS if c.isupper() or c.isdigit())
            hangul = "\uAC00-\uD7A3"
            firsts = {c for c in firsts if not ("\uAC00" <= c <= "\uD7A3")}
            amp = "&" in firsts
            firsts.discard("&")
            cls = "".join(re.escape(c) for c in sorted(firsts)) + hangul
            word = "A-Za-z0-9\u00C0-\u024F\uAC00-\uD7A3"
            # A start character not preceded by a word character.  The class comes first and
            # the look-behind after it ("the character before this one"), the same test as
            # "(?<![word])[cls]": a pattern that begins with its class lets re skip ahead
            # to the next such character, while one that begins with a look-behind is
            # tried at every position (this search covers each document once).
            cand = re.compile(r"[" + cls + r"](?<![" + word + r"].)[" + word + r"]*(?:['’][A-Za-z]+)?"
                              + (r"|&" if amp else ""))
            start_letters = "".join(re.escape(c) for c in sorted(firsts) if "A" <= c.upper() <= "Z" and c.isascii())
            # an apostrophe that may belong to the token before it ("O'Brien"), and an
            # apostrophe tail that ends at a token character ("x'ab2": "2" starts a token)
            tricky = re.compile(r"['’](?:(?<=[" + word + r"]['’])[" + (start_letters or "A-Z") + r"]"
                                r"|[A-Za-z]+[0-9\u00C0-\u024F\uAC00-\uD7A3])")
            self._patterns = (cand, tricky)
            self._name_trie = _trie(self._names)
            self._acro_trie = _trie(self._acros)
            self._firsts: dict[str, tuple] = {}
        return self._patterns

    def _first_nodes(self, first: str) -> tuple[dict | None, dict | None]:
        """(name trie node, acronym trie node) a token starts, memoised per token.  A name
        must start with a capital, a digit or Hangul in the text; an acronym as written."""
        c0 = first[0]
        name_node = None
        if c0.isupper() or c0.isdigit() or "\uAC00" <= c0 <= "\uD7A3":
            low = _NORM.get(first)
            if low is None:
                low = _norm_cached(first)
            name_node = self._name_trie.get(low)
        acro = self._acro_trie.get(first)
        if acro is None and first.endswith(("'s", "’s")):
            acro = self._acro_trie.get(_acro_tok(first))
        nodes = (name_node, acro)
        if len(self._firsts) > 200_000:
            self._firsts.clear()
        self._firsts[first] = nodes
        return nodes

    def _find_every_token(self, text: str) -> list[GazMatch]:
        """``find`` by tokenising the whole text (the reference the fast path agrees with)."""
        toks = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]
        low = [_NORM.get(t[2]) or _norm_cached(t[2]) for t in toks]
        out: list[GazMatch] = []
        key: tuple[str, ...]
        i, n = 0, len(toks)
        while i < n:
            best_end, best_ids = -1, None
            first = toks[i][2]
            if first[0].isupper() or first[0].isdigit() or "\uAC00" <= first[0] <= "\uD7A3":
                j, key = i, ()
                while j < n:
                    key = key + (low[j],)
                    if key not in self._prefixes:
                        break
                    ids = self._names.get(key)
                    if ids:
                        best_end, best_ids = j, ids
                    j += 1
            j, key = i, ()
            while j < n:
                key = key + (toks[j][2],)
                if key not in self._acro_prefixes:
                    t = toks[j][2]
                    if not t.endswith(("'s", "’s")):
                        break
                    key = key[:-1] + (_acro_tok(t),)
                    if key not in self._acro_prefixes:
                        break
                ids = self._acros.get(key)
                if ids and j >= best_end:
                    best_end, best_ids = j, (ids if j > best_end else list(dict.fromkeys((best_ids or []) + ids)))
                j += 1
            if best_ids is not None:
                s, e = toks[i][0], self._possessive_end(text, toks[i][0], toks[best_end][1], best_ids)
                # a match must not cut a word that continues with a hyphen ("Asan-based" is fine,
                # "Seoul-Gyeonggi" gives two matches, but "K-MediST" must not match "K")
                if e < len(text) and text[e] == "-" and best_end + 1 < n and toks[best_end + 1][0] == e + 1 \
                        and len(text[s:e]) <= 2:
                    i += 1
                    continue
                out.append(GazMatch(s, e, text[s:e], [self.entries[x] for x in best_ids]))
                i = best_end + 1
            else:
                i += 1
        return out

    def _possessive_end(self, text: str, s: int, e: int, ids: list[str]) -> int:
        """Where a match ending in a possessive ("Kyung Hee University's", "PNU's") ends
        as a name: before the "'s", unless the entry's own name ends so ("McDonald's")."""
        if e - s > 2 and text[e - 2:e] in ("'s", "’s"):
            for i in ids:
                if any(n.endswith(("'s", "’s")) for n in self.entries[i].all_names()):
                    return e
            return e - 2
        return e

    def is_stopname(self, name: str) -> bool:
        hit = self._stop_cache.get(name)
        if hit is None:
            hit = self._stop_cache[name] = name_key(name) in self.stop_keys
        return hit


def _read_jsonl(path: Path) -> Iterable[dict]:
    with path.open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                log.warning("%s:%d: skipped a broken gazetteer line (%s)", path, lineno, exc)


def _entry(rec: dict) -> Entry:
    known = {"id", "kind", "name", "name_ko", "aliases", "acronyms", "parent", "region", "ror", "level"}
    return Entry(id=rec["id"], kind=rec.get("kind", "Region"), name=rec["name"],
                 name_ko=rec.get("name_ko"), aliases=list(rec.get("aliases") or []),
                 acronyms=list(rec.get("acronyms") or []), parent=rec.get("parent"),
                 region=rec.get("region"), ror=rec.get("ror"), level=rec.get("level"),
                 extra={k: v for k, v in rec.items() if k not in known})


# Curated files first: an id that appears in both keeps the curated record.
SEED_FILES = ["organisations.jsonl", "regions.jsonl", "programs.jsonl", "ror_organisations.jsonl"]


def load(seeds_dir: Path | None = None) -> Gazetteer:
    seeds_dir = Path(seeds_dir or SEEDS_DIR)
    stop: list[str] = []
    sp = seeds_dir / "stopnames.txt"
    if sp.exists():
        stop = [ln.strip() for ln in sp.read_text(encoding="utf-8").splitlines()
                if ln.strip() and not ln.startswith("#")]
    gaz = Gazetteer(stopnames=stop)
    for fname in SEED_FILES:
        p = seeds_dir / fname
        if p.exists():
            for rec in _read_jsonl(p):
                if rec.get("id") and rec.get("name"):
                    gaz.add(_entry(rec))
    return gaz


@lru_cache(maxsize=1)
def default() -> Gazetteer:
    return load()
