"""The benchmark's synthetic corpus (bench/corpus.py): deterministic, the size asked for,
and rich enough in relations that the speed benchmark exercises the whole extractor."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from partnergraph.loaders.extract import extract
from partnergraph.loaders.read import read_text_document

REPO = Path(__file__).resolve().parent.parent


def _load_corpus():
    spec = importlib.util.spec_from_file_location("bench_corpus", REPO / "bench" / "corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


corpus = _load_corpus()


def test_same_seed_same_text_other_seed_other_text():
    a = list(corpus.generate(20, seed=3))
    b = list(corpus.generate(20, seed=3))
    c = list(corpus.generate(20, seed=4))
    assert a == b
    assert [t for _, t in a] != [t for _, t in c]
    assert len({t for _, t in a}) == 20            # no two articles alike


def test_article_depends_only_on_seed_index_size():
    assert corpus.make_article(7, seed=1) == dict(corpus.generate(8, seed=1))["gen_000007.txt"]


def test_requested_count_and_names():
    names = [n for n, _ in corpus.generate(57)]
    assert len(names) == 57
    assert names[0] == "gen_000000.txt" and names[-1] == "gen_000056.txt"
    assert list(corpus.generate(0)) == []


@pytest.mark.parametrize("size", [1500, 3000, 8000])
def test_documents_are_about_the_requested_size(size):
    sizes = [len(t.encode("utf-8")) for _, t in corpus.generate(60, seed=0, size=size)]
    mean = sum(sizes) / len(sizes)
    assert 0.9 * size <= mean <= 1.1 * size
    assert all(0.8 * size <= s <= 1.2 * size for s in sizes)


def test_articles_carry_boilerplate_and_money_formats():
    text = "\n".join(t for _, t in corpus.generate(40))
    for chrome in ("Text Size", "Related articles", "Facebook Twitter KakaoTalk"):
        assert chrome in text
    assert "All rights reserved" in text or "무단전재" in text
    for money in (" billion won", "KRW ", " million KRW", "$", "억 원"):
        assert money in text


def test_extraction_finds_relations_in_every_generated_document():
    for name, text in corpus.generate(8, seed=11):
        doc = read_text_document(text, name)
        assert "Related articles" not in doc.text      # the cleaner removed the chrome
        ext = extract(doc)
        assert ext.relations, f"no relation extracted from {name}"
        for r in ext.relations:
            assert r.evidence.text == doc.text[r.evidence.start:r.evidence.end]


def test_cli_writes_txt_files_and_jsonl(tmp_path):
    script = REPO / "bench" / "corpus.py"
    out = tmp_path / "docs"
    subprocess.run([sys.executable, str(script), "--docs", "3", "--out", str(out)], check=True,
                   capture_output=True)
    files = sorted(p.name for p in out.iterdir())
    assert files == ["gen_000000.txt", "gen_000001.txt", "gen_000002.txt"]
    assert (out / "gen_000001.txt").read_text(encoding="utf-8") == corpus.make_article(1)

    jl = tmp_path / "docs.jsonl"
    subprocess.run([sys.executable, str(script), "--docs", "2", "--jsonl", str(jl)], check=True,
                   capture_output=True)
    rows = [json.loads(line) for line in jl.read_text(encoding="utf-8").splitlines()]
    assert [r["doc"] for r in rows] == ["gen_000000.txt", "gen_000001.txt"]
    assert rows[0]["text"] == corpus.make_article(0) and rows[0]["title"]
