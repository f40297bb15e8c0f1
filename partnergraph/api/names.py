"""Entity names in memory: tolerant search, and names given where ids are expected.

Why in memory: "gist", "Chonnam Natl Univ" or "전남대" must find the right organisation
whatever the case, punctuation, abbreviations or a small typo, ranked, in a few
milliseconds.  The stores match substrings (``search_entities``); typo tolerance needs
a fuzzy scorer over every name, so the names (with aliases, acronyms and Korean names)
are loaded once from the store and searched with rapidfuzz.  The copy is refreshed when
the store's counts change (checked at most every ``ttl_s`` seconds, in the background,
so no request waits for it except the very first).

Ranking tiers, best first (``score`` in answers):

====== ============ =========================================================
score  tier         the normalised query (``schema.search_key``) ...
====== ============ =========================================================
100    exact        equals a name, alias, acronym or Korean name
95     prefix       starts one
92     abbreviation abbreviates one word by word ("chonnam natl univ")
90     word         starts a word inside one
85     substring    occurs inside one (3+ characters)
<= 80  fuzzy        is close to one (rapidfuzz ratio / token-sort ratio >= 75)
====== ============ =========================================================

Within a score, entities that more documents mention come first, then shorter names.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Iterable

from rapidfuzz import fuzz, process

from ..graph.store import Store
from ..schema import search_key

log = logging.getLogger("partnergraph.api")

FUZZY_CUTOFF = 75.0
ALL = 10_000_000       # "no limit" for the named query that lists entities


def split_aliases(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [a.strip() for a in str(value).split("|") if a.strip()]


def _abbreviates(short: str, word: str) -> bool:
    """``natl`` abbreviates ``national``, ``univ`` ``university``: same first letter,
    the rest in order."""
    if not short or not word or short[0] != word[0] or len(short) > len(word):
        return False
    it = iter(word[1:])
    return all(ch in it for ch in short[1:])


@dataclass(slots=True)
class Entry:
    id: str
    name: str
    kind: str
    aliases: list[str]
    region: str | None
    documents: int
    keys: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Hit:
    entry: Entry
    score: float
    matched: str


class Snapshot:
    """The names of one state of the store, with the lookups built from them."""

    def __init__(self, entries: Iterable[Entry], fingerprint: Any = None) -> None:
        self.by_id: dict[str, Entry] = {}
        self.by_key: dict[str, list[str]] = {}
        self.keys: list[str] = []           # every distinct key, for the scans
        self.key_ids: list[list[str]] = []
        self.fingerprint = fingerprint
        self.loaded_at = time.monotonic()
        for e in entries:
            self.by_id[e.id] = e
            for key in e.keys:
                ids = self.by_key.get(key)
                if ids is None:
                    self.by_key[key] = [e.id]
                    self.keys.append(key)
                    self.key_ids.append(self.by_key[key])
                elif e.id not in ids:
                    ids.append(e.id)
        self.key_tokens = [k.split() for k in self.keys]
        self.key_text: dict[str, str] = {}   # key -> a readable name it came from
        for e in self.by_id.values():
            for name in [e.name, *e.aliases]:
                self.key_text.setdefault(search_key(name), name)

    def __len__(self) -> int:
        return len(self.by_id)

    def _scores(self, key: str) -> dict[str, tuple[float, str]]:
        """entity id -> (best score, the key that gave it)."""
        best: dict[str, tuple[float, str]] = {}

        def give(k: str, ids: list[str], score: float) -> None:
            for i in ids:
                if i not in best or best[i][0] < score:
                    best[i] = (score, k)

        exact = self.by_key.get(key)
        if exact:
            give(key, exact, 100.0)
        qtok = key.split()
        word = " " + key
        for k, ids, toks in zip(self.keys, self.key_ids, self.key_tokens):
            if k == key:
                continue
            if k.startswith(key):
                give(k, ids, 95.0)
            elif len(toks) == len(qtok) and len(qtok) > 1 and all(map(_abbreviates, qtok, toks)):
                give(k, ids, 92.0)
            elif word in k:
                give(k, ids, 90.0)
            elif len(key) >= 3 and key in k:
                give(k, ids, 85.0)
        # Typos: against whole names, and (4+ characters) against the start of names, so
        # that "chonam" finds "chonnam national university" and not only "cheonan".
        passes = [(self.keys, fuzz.ratio), (self.keys, fuzz.token_sort_ratio)]
        if len(key) >= 4:
            passes.append(([k[:len(key) + 1] for k in self.keys], fuzz.ratio))
        for choices, scorer in passes:
            for _, score, i in process.extract(key, choices, scorer=scorer,
                                               score_cutoff=FUZZY_CUTOFF, limit=200):
                give(self.keys[i], self.key_ids[i], round(min(score, 100.0) * 0.8, 2))
        return best

    def search(self, text: str, *, kind: str | None = None,
               regions: set[str] | None = None) -> list[Hit]:
        """Every entity matching ``text`` (all of them when it is empty), best first."""
        def keep(e: Entry) -> bool:
            return (kind is None or e.kind == kind) and (regions is None or (e.region in regions))

        key = search_key(text or "")
        if not key:
            hits = [Hit(e, 0.0, e.name) for e in self.by_id.values() if keep(e)]
        else:
            hits = []
            for eid, (score, k) in self._scores(key).items():
                e = self.by_id[eid]
                if keep(e):
                    hits.append(Hit(e, score, self.key_text.get(k, k)))
        hits.sort(key=lambda h: (-h.score, -h.entry.documents, len(h.entry.name), h.entry.id))
        return hits

    def exact(self, text: str) -> list[Entry]:
        """Entities that have ``text`` as a name, alias, acronym or Korean name."""
        return [self.by_id[i] for i in self.by_key.get(search_key(text or ""), [])]


def load_entries(store: Store) -> list[Entry]:
    """Every entity with its names and how many documents mention it.

    One named query, so both stores answer it the same way: ``search_entities`` with
    ``q = "|"``, which every stored search field contains (``schema.search_field``
    writes ``"|key1|key2|"``); an empty ``q`` would not do, as LadybugDB's
    ``CONTAINS ''`` is false where Neo4j's is true."""
    res = store.named("search_entities", {"q": "|", "kind": "", "region": "", "limit": ALL})
    col = {c: i for i, c in enumerate(res.columns)}
    out = []
    for row in res.rows:
        name = row[col["name"]] or row[col["id"]]
        aliases = split_aliases(row[col["aliases"]])
        keys: list[str] = []
        for n in [name, *aliases]:
            k = search_key(n)
            if k and k not in keys:
                keys.append(k)
        out.append(Entry(id=row[col["id"]], name=name, kind=row[col["kind"]] or "",
                         aliases=aliases, region=row[col["region"]],
                         documents=int(row[col["documents"]] or 0), keys=keys))
    return out


def fingerprint(stats: dict[str, Any]) -> tuple:
    """What changes whenever entities or documents are added, changed or removed."""
    return (stats.get("documents"), stats.get("entities"), stats.get("assertions"),
            stats.get("mentions"), tuple(sorted((stats.get("nodes") or {}).items())))


class NameIndex:
    """The current :class:`Snapshot`, reloaded when the store's counts change.

    The first call loads synchronously; afterwards, a call made more than ``ttl_s``
    after the last check starts one background check, and callers keep the snapshot
    they have until the new one is ready.
    """

    def __init__(self, store: Store, ttl_s: float = 2.0) -> None:
        self.store = store
        self.ttl_s = ttl_s
        self._snap: Snapshot | None = None
        self._token: Any = None               # store.change_token() at the last load
        self._checked = 0.0
        self._load_lock = threading.Lock()
        self._refresh_lock = threading.Lock()   # held while a background check runs
        self.on_change: list[Any] = []       # callables run on every (re)load (caches)

    def _load(self) -> Snapshot:
        # The store's change token first: it costs no scan, while stats() counts every
        # kind and type (hundreds of ms on a large embedded graph, every ttl_s seconds:
        # that was the p99 of every endpoint).
        token = self.store.change_token()
        if self._snap is not None and token == self._token:
            return self._snap
        fp = fingerprint(self.store.stats())
        self._token = token
        if self._snap is not None and fp == self._snap.fingerprint:
            return self._snap
        t0 = time.perf_counter()
        snap = Snapshot(load_entries(self.store), fp)
        log.info("name index: %d entities loaded in %.0f ms", len(snap), 1000 * (time.perf_counter() - t0))
        for fn in self.on_change:       # caches built from the same state (documents)
            fn()
        self._snap = snap
        return snap

    def _refresh_in_background(self) -> None:
        try:
            with self._load_lock:
                self._load()
        except Exception as exc:  # the store is down: keep serving the names we have
            log.warning("name index refresh failed: %s", exc)
        finally:
            self._checked = time.monotonic()
            self._refresh_lock.release()

    def snapshot(self) -> Snapshot:
        snap = self._snap
        if snap is None:
            with self._load_lock:
                if self._snap is None:
                    self._load()
                    self._checked = time.monotonic()
                return self._snap  # type: ignore[return-value]
        if self.ttl_s == 0:
            with self._load_lock:
                self._checked = time.monotonic()
                return self._load()
        if time.monotonic() - self._checked >= self.ttl_s and self._refresh_lock.acquire(blocking=False):
            threading.Thread(target=self._refresh_in_background, name="name-index",
                             daemon=True).start()
        return snap

    def invalidate(self) -> None:
        """Forget the names (the next call reloads them)."""
        with self._load_lock:
            self._snap = None
