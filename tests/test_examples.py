"""The example articles in seeds/examples make a graph worth exploring.

`make run` ingests seeds/examples into the embedded store and serves the explorer; a
newcomer's first impression is that graph.  These tests hold the articles (and the
extractor that reads them) to the promise of issue 6: at least 15 documents, each with
at least one relation, naming at least 40 distinct organisations, and wired to the
organisations the explorer's walkthrough uses (GIST, Chonnam National University,
Seocho-gu, Soongsil University, the Ministry of Science and ICT).
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from partnergraph.loaders.extract import extract
from partnergraph.loaders.read import read_paths
from partnergraph.schema import ORG_KINDS

EXAMPLES = Path(__file__).resolve().parent.parent / "seeds" / "examples"


@pytest.fixture(scope="module")
def extractions():
    files = sorted(EXAMPLES.glob("*.txt"))
    assert files, f"no example articles in {EXAMPLES}"
    docs = list(read_paths([str(f) for f in files]))
    errors = [d for d in docs if isinstance(d, Exception)]
    assert not errors, f"unreadable example articles: {errors}"
    return [extract(d) for d in docs]


def _names(ex):
    return {e.id: e.name for e in ex.entities}


def test_at_least_15_documents_each_with_a_relation(extractions):
    without = [ex.doc.name for ex in extractions if not ex.relations]
    assert len(extractions) >= 15
    assert not without, f"example articles with no relation extracted: {without}"


def test_at_least_40_distinct_organisations(extractions):
    orgs = {e.id: (e.name, e.kind) for ex in extractions for e in ex.entities if e.kind in ORG_KINDS}
    kinds = Counter(kind for _, kind in orgs.values())
    assert len(orgs) >= 40, f"only {len(orgs)} organisations: {sorted(n for n, _ in orgs.values())}"
    # variety: the legend of the explorer should have more than one colour in use
    for kind in ("University", "Hospital", "Ministry", "Agency", "LocalGovernment", "Company", "Institute"):
        assert kinds[kind] >= 1, f"no {kind} among the example organisations ({dict(kinds)})"


def test_most_relations_are_between_organisations_or_programs(extractions):
    types = Counter(r.type for ex in extractions for r in ex.relations)
    for t in ("MOU", "PARTNERS_WITH", "FUNDS", "ORGANIZES", "PARTICIPATES_IN", "HOSTS",
              "AFFILIATED_WITH", "LEADS"):
        assert types[t] >= 2, f"relation type {t} seldom found in the examples ({dict(types)})"


def _has(extractions, rtype: str, source: str, target: str, **attrs) -> bool:
    for ex in extractions:
        names = _names(ex)
        for r in ex.relations:
            if r.type != rtype:
                continue
            pair = (names.get(r.source), names.get(r.target))
            ok = pair == (source, target) or (rtype in {"MOU", "PARTNERS_WITH"} and pair == (target, source))
            if ok and all(r.attrs.get(k) == v for k, v in attrs.items()):
                assert r.evidence.text and ex.doc.text[r.evidence.start:r.evidence.end] == r.evidence.text
                return True
    return False


@pytest.mark.parametrize("rtype,source,target,attrs", [
    ("MOU", "Gwangju Institute of Science and Technology", "Chonnam National University", {}),
    ("MOU", "Seocho-gu", "Soongsil University", {}),
    ("FUNDS", "Seocho-gu", "Seocho AI Talent Program", {"amount_krw": 600_000_000}),
    ("FUNDS", "Ministry of Science and ICT", "Seocho AI Talent Program", {}),
    ("PARTICIPATES_IN", "Gwangju Institute of Science and Technology", "AI Graduate School Program", {}),
    ("ORGANIZES", "Ministry of Education", "BK21 FOUR", {}),
    ("FUNDS", "BK21 FOUR", "Seoul National University", {"amount_krw": 4_200_000_000}),
    ("MOU", "KAIST", "Samsung Electronics", {}),
    ("PARTNERS_WITH", "Ulsan National Institute of Science and Technology", "LG Energy Solution", {}),
    ("HOSTS", "Soongsil University", "Seocho AI Learning Center", {}),
    ("AFFILIATED_WITH", "Hwasun Chonnam National University Hospital", "Chonnam National University", {}),
    ("LEADS", "Han Do-yoon", "Seocho-gu", {"role": "District Mayor"}),
])
def test_walkthrough_relations_are_extracted(extractions, rtype, source, target, attrs):
    assert _has(extractions, rtype, source, target, **attrs), \
        f"{source} -{rtype}-> {target} {attrs or ''} not extracted from seeds/examples"


def test_examples_are_short_original_articles():
    for f in sorted(EXAMPLES.glob("*.txt")):
        size = f.stat().st_size
        assert 500 <= size <= 3500, f"{f.name}: {size} bytes; example articles are meant to be short"
        first = f.read_text(encoding="utf-8").splitlines()[0]
        assert first.strip(), f"{f.name}: the first line is the headline"
