"""The extractor on texts written for these tests (tests/data/articles), the development
set floors, and properties that must hold for any input (hypothesis)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnergraph.loaders.extract import extract
from partnergraph.loaders.money import find_money, find_period
from partnergraph.loaders.read import read_text_document
from partnergraph.model import Document

ARTICLES = Path(__file__).parent / "data" / "articles"
REPO = Path(__file__).resolve().parent.parent


def run(name: str):
    path = ARTICLES / name
    doc = read_text_document(path.read_text(encoding="utf-8"), name=name, source=str(path))
    x = extract(doc)
    names = {e.id: e.name for e in x.entities}
    rels = {(r.type, names[r.source], names[r.target]) for r in x.relations}
    return x, names, rels


def has(rels, typ, a, b):
    sym = typ in {"MOU", "PARTNERS_WITH"}
    return (typ, a, b) in rels or (sym and (typ, b, a) in rels)


def test_mou_with_foreign_university_and_hosting():
    x, names, rels = run("mou_foreign.txt")
    assert "University of Tokyo" in names.values()       # not in any gazetteer: found by pattern
    assert has(rels, "MOU", "Pusan National University", "University of Tokyo")
    assert has(rels, "HOSTS", "Pusan National University", "Busan Semiconductor Innovation Center")
    assert has(rels, "LEADS", "Choi Jae-won", "Pusan National University")
    funds = [r for r in x.relations if r.type == "FUNDS"]
    assert any(names[r.target] == "Busan Semiconductor Innovation Center" for r in funds)
    # nothing is read from the quoted speech: "both institutions" is no MOU pair
    assert len([r for r in x.relations if r.type == "MOU"]) == 1


def test_consortium_members_organiser_and_money():
    x, names, rels = run("consortium.txt")
    prog = "Daegu AI Talent Hub Project"
    for member in ("Kyungpook National University", "Keimyung University", "Samsung Electronics"):
        assert has(rels, "PARTICIPATES_IN", member, prog)
    assert has(rels, "ORGANIZES", "Daegu Digital Innovation Agency", prog)
    funds = [r for r in x.relations if r.type == "FUNDS" and names[r.source] == "Ministry of Science and ICT"]
    assert funds and funds[0].attrs["amount_krw"] == 4_500_000_000
    assert has(rels, "PARTNERS_WITH", "Daegu", "Kyungpook National University")
    lead = {(names[r.source], names[r.target]) for r in x.relations if r.type == "LEADS"}
    assert ("Hong Jun-pyo", "Daegu") in lead           # a mayor leads the city, not the university
    kinds = {e.name: e.kind for e in x.entities}
    assert kinds["Daegu"] == "LocalGovernment"           # a place that acts
    assert not any("Monday" in n for n in names.values())


def test_units_get_their_parents():
    x, names, rels = run("hospital_units.txt")
    by_name = {e.name: e for e in x.entities}
    som = by_name["Stanford University School of Medicine"]
    assert names[som.parent] == "Stanford University"
    assert has(rels, "AFFILIATED_WITH", "Stanford University School of Medicine", "Stanford University")
    centres = [e for e in x.entities if "Center for Digital Health" in e.name]
    assert len(centres) == 1, "the two mentions of the centre are one entity"
    assert has(rels, "HOSTS", "Seoul National University Hospital", centres[0].name)
    assert has(rels, "FUNDS", "Korea Health Industry Development Institute", "Seoul National University Hospital") \
        or any(r.type == "FUNDS" for r in x.relations)


def test_split_contributions_and_boilerplate():
    x, names, rels = run("split_funding.txt")
    amounts = {names[r.source]: r.attrs.get("amount_krw") for r in x.relations if r.type == "FUNDS"}
    assert amounts == {"Ministry of Education": 2_000_000_000, "Gangnam-gu": 600_000_000,
                       "Hanbit University": 400_000_000}
    assert has(rels, "MOU", "Gangnam-gu", "Hanbit University")
    assert ("LEADS", "Park Seo-yeon", "Gangnam-gu") in rels
    assert all(r.attrs.get("end_year") == 2027 for r in x.relations if r.type == "FUNDS" and "amount" in r.attrs)
    # page chrome, copyright and related-article headlines are not article content
    for r in x.relations:
        assert "Related" not in r.evidence.text and "Copyright" not in r.evidence.text
    assert "Example Daily" not in " ".join(names.values())
    assert not any("dormitory" in r.evidence.text or "job fair" in r.evidence.text for r in x.relations)


def test_ambiguous_acronym_settled_by_region_or_left_unresolved():
    x, names, _ = run("ambiguous_cnu.txt")
    assert "Chungnam National University" in names.values()     # Daejeon is Chungnam's city
    assert "Chonnam National University" not in names.values()
    x2, names2, _ = run("ambiguous_cnu_none.txt")
    ids = [e.id for e in x2.entities if e.name == "CNU"]
    assert ids and ids[0].startswith("unresolved:")
    assert not any(n in names2.values() for n in ("Chungnam National University", "Chonnam National University"))


@pytest.mark.parametrize("name", sorted(p.name for p in ARTICLES.glob("*.txt")))
def test_evidence_offsets_and_determinism(name):
    path = ARTICLES / name
    doc = read_text_document(path.read_text(encoding="utf-8"), name=name)
    a, b = extract(doc).to_dict(), extract(doc).to_dict()
    assert a == b
    ids = {e["id"] for e in a["entities"]}
    for r in a["relations"]:
        ev = r["evidence"]
        assert doc.text[ev["start"]:ev["end"]] == ev["text"]
        assert r["source"] in ids and r["target"] in ids


@pytest.mark.parametrize("text,amount,currency", [
    ("19.4 billion won", 19_400_000_000, "KRW"),
    ("KRW 17.2 billion", 17_200_000_000, "KRW"),
    ("750 million KRW", 750_000_000, "KRW"),
    ("$3 million", 3_000_000, "USD"),
    ("£2m", 2_000_000, "GBP"),
    ("194억 원", 19_400_000_000, "KRW"),
    ("1조 2천억원", 1_200_000_000_000, "KRW"),
    ("100,000,000 won", 100_000_000, "KRW"),
])
def test_money(text, amount, currency):
    [m] = find_money(f"they will receive {text} over five years")
    assert (m.amount, m.currency) == (amount, currency)
    assert m.attrs().get("amount_krw") == (amount if currency == "KRW" else None)


def test_periods():
    assert find_period("over five years until 2030") == {"end_year": 2030, "years": 5, "start_year": 2026}
    assert find_period("the 3rd cycle (2026–2030)") == {"start_year": 2026, "end_year": 2030}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(
    st.text(max_size=40),
    st.sampled_from(["University", "Hospital", "Ministry of Education", "signed an MOU with", "CNU",
                     "(GIST, President Kim Lee)", "supported by", "‘X’ consortium", "billion won",
                     "\n", ", ", " and ", "Dean", "of", "(", ")", "’s", "Project", "at its affiliated",
                     "19.4", "KRW", "Seocho-gu", "“", "”", "the university", "Korea-ASEAN"])),
    max_size=60))
def test_fuzz_never_raises_and_offsets_hold(parts):
    text = " ".join(parts)
    if not text.strip():
        return
    doc = Document.from_text(text, name="fuzz.txt")
    x = extract(doc)
    ids = {e.id for e in x.entities}
    for r in x.relations:
        assert 0 <= r.evidence.start <= r.evidence.end <= len(text)
        assert text[r.evidence.start:r.evidence.end] == r.evidence.text
        assert r.source in ids and r.target in ids


def test_dev_set_floors(seeds_dir, gold_path, score_script, tmp_path):
    """The development set: entity F1 >= 0.90, relation F1 >= 0.80, every funding amount
    right, no evidence that is not in the document."""
    out = tmp_path / "out.jsonl"
    cli = [sys.executable, "-m", "partnergraph", "extract", *sorted(str(p) for p in seeds_dir.glob("*.txt")),
           "--out", str(out)]
    subprocess.run(cli, check=True, cwd=REPO)
    res = subprocess.run([sys.executable, str(score_script), str(gold_path), str(out), "--docs", str(seeds_dir),
                          "--json"], check=True, capture_output=True, text=True)
    score = json.loads(res.stdout)
    print(json.dumps({k: score[k] for k in ("funding_amounts", "unsupported_evidence")}),
          "entity F1", score["entities"]["ALL"]["f1"], "relation F1", score["relations"]["ALL"]["f1"])
    assert score["entities"]["ALL"]["f1"] >= 0.90
    assert score["relations"]["ALL"]["f1"] >= 0.80
    assert score["funding_amounts"].get("wrong", 0) == 0 and score["funding_amounts"].get("right", 0) >= 4
    assert score["unsupported_evidence"] == 0
    assert not score["documents_missing_from_output"]


DEVSET2 = Path(__file__).parent / "data" / "devset2"
ENT_FLOOR_2, REL_FLOOR_2 = 0.97, 0.80      # scored 0.983 and 0.831 when these floors were set (0.983 / 0.863 at stop 10)


DEVSET3 = Path(__file__).parent / "data" / "devset3"
ENT_FLOOR_3, REL_FLOOR_3 = 0.92, 0.79      # scored 0.937 and 0.817 when these floors were set (stop 11)


def _score_folder(score_script, tmp_path, folder: Path, n_docs: int) -> dict:
    out = tmp_path / "out.jsonl"
    docs = sorted(str(p) for p in folder.glob("*.txt"))
    assert len(docs) == n_docs
    subprocess.run([sys.executable, "-m", "partnergraph", "extract", *docs, "--out", str(out)], check=True, cwd=REPO)
    res = subprocess.run([sys.executable, str(score_script), str(folder / "gold.jsonl"), str(out),
                          "--docs", str(folder), "--json"], check=True, capture_output=True, text=True)
    score = json.loads(res.stdout)
    print("entity F1", score["entities"]["ALL"]["f1"], "relation F1", score["relations"]["ALL"]["f1"],
          json.dumps(score["funding_amounts"]))
    assert score["unsupported_evidence"] == 0
    assert not score["documents_missing_from_output"]
    return score


def test_second_dev_set_floors(score_script, tmp_path):
    """Our own twenty articles (tests/data/devset2, written after the rules by annotators
    who had not seen the extractor): floors just under what the rules score there, so a
    change that loses facts on text other than the five seeds fails here."""
    score = _score_folder(score_script, tmp_path, DEVSET2, 20)
    assert score["entities"]["ALL"]["f1"] >= ENT_FLOOR_2
    assert score["relations"]["ALL"]["f1"] >= REL_FLOOR_2
    assert score["funding_amounts"].get("wrong", 0) <= 1


def test_third_dev_set_floors(score_script, tmp_path):
    """tests/data/devset3 (21 articles written blind to the extractor, then used for the
    stop-11 rules): the same kind of floors."""
    score = _score_folder(score_script, tmp_path, DEVSET3, 21)
    assert score["entities"]["ALL"]["f1"] >= ENT_FLOOR_3
    assert score["relations"]["ALL"]["f1"] >= REL_FLOOR_3
    assert score["funding_amounts"].get("wrong", 0) <= 1


def test_cli_reports_bad_files_and_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text((ARTICLES / "mou_foreign.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    res = subprocess.run([sys.executable, "-m", "partnergraph", "extract", str(tmp_path)],
                         capture_output=True, text=True, cwd=REPO)
    assert res.returncode == 1
    lines = [json.loads(line) for line in res.stdout.splitlines()]
    assert [d["doc"] for d in lines] == ["good.txt"]
    errs = [ln for ln in res.stderr.splitlines() if ln.startswith("error:")]
    assert len(errs) == 2 and any("empty.txt" in e for e in errs) and any("bin.txt" in e for e in errs)
    assert "Traceback" not in res.stderr


def test_funding_amount_with_funder_units_and_cofunding():
    x, names, rels = run("joint_program.txt")
    by_name = {e.name: e for e in x.entities}
    [coe] = [e for e in x.entities if e.name.endswith("College of Engineering")]
    assert names[coe.parent] == "Korea University"          # "its" is the nearest subject
    [f] = [r for r in x.relations if r.type == "FUNDS"]
    assert names[f.source] == "National Research Foundation of Korea" and f.attrs["amount_krw"] == 5_000_000_000
    assert has(rels, "PARTNERS_WITH", "Korea University", by_name["KAIST"].name)
    x, names, rels = run("hospital_program.txt")
    co = [r for r in x.relations if r.type == "FUNDS" and r.attrs.get("amount_krw") == 800_000_000]
    assert co and "Jeolla" in names[co[0].source] or "Jeonbuk" in names[co[0].source]
    assert any(r.type == "LEADS" and names[r.source] == "Yoo Hee-chul" for r in x.relations)
    assert has(rels, "AFFILIATED_WITH", "Jeonbuk National University Hospital", "Jeonbuk National University")


def test_short_forms_alliances_and_both_sides():
    x, names, rels = run("signing_ceremony.txt")
    assert has(rels, "MOU", "Hanyang University", "Incheon Port Authority")
    units = [e for e in x.entities if "Graduate School of Technology Management" in e.name]
    assert len(units) == 1 and names[units[0].parent] == "Hanyang University"   # "Hanyang's ..."
    assert has(rels, "ORGANIZES", "Ministry of Oceans and Fisheries", "Smart Port Alliance")
    for side in ("Hanyang University", "Incheon Port Authority"):                # "Both sides ... join"
        assert has(rels, "PARTICIPATES_IN", side, "Smart Port Alliance")
    assert ("LEADS", "Lee Kyung-kyu", "Incheon Port Authority") in rels


_TWIN_WORDS = ["the", "this", "its", "their", "both", "our", "two", "partner", "affiliated", "university",
               "universities", "district", "project", "consortium", "sides", "in collaboration with",
               "jointly with", "teamed up with", "selected", "for", "to perform", "designation as",
               "participates in", "took part in", "won", "consortium comprising", "group of", "organized by",
               "hosted jointly by", "supported by", "with the financial support of", "funded financially by",
               "received", "was awarded", "invests", "provided", "establish", "set up", "a new", "opens",
               "with", "by", "from", "such as", "among", "between", "KRW", "US$", "$", "€", "3", "1,500", "17.2",
               " billion", "m", "bn", "thousand"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_TWIN_WORDS), st.text(max_size=6),
                          st.sampled_from([" ", "  ", "\n", ",", ".", ";", "-", "’s", "Σ", "ß", "ǅ", "대학"])),
                max_size=40),
       st.lists(st.booleans(), max_size=400), st.integers(0, 30), st.integers(0, 30))
def test_lower_twins_find_the_same_spans(parts, upper, cut_a, cut_b):
    """Each case-insensitive trigger and its case-sensitive twin on the lower-cased text
    (casefold.lower_twin) find the same spans wherever the twin is used: a text whose
    lower-casing keeps every offset and that has none of the characters of casefold."""
    from partnergraph.loaders.casefold import folds_differ
    from partnergraph.loaders import money
    from partnergraph.loaders.relations import _TWIN_OF, _TWINNED
    text = "".join(parts)
    text = "".join(c.upper() if i < len(upper) and upper[i] else c for i, c in enumerate(text))
    low = text.lower()
    if folds_differ(text) or len(low) != len(text):
        return
    s, e = min(cut_a, len(text)), max(len(text) - cut_b, 0)
    for pat, twin in [(p, _TWIN_OF[id(p)]) for p in _TWINNED] + [(money._PATTERNS[0], money._CUR_FIRST_LOW)]:
        assert [m.span() for m in pat.finditer(text, s, e)] == [m.span() for m in twin.finditer(low, s, e)]
        assert [(m.span(), m.groupdict().keys()) for m in pat.finditer(text)] == \
            [(m.span(), m.groupdict().keys()) for m in twin.finditer(low)]
        for name in pat.groupindex:
            assert [m.span(name) for m in pat.finditer(text)] == [m.span(name) for m in twin.finditer(low)]


@given(st.text(alphabet=st.sampled_from("aIiKkSs \u0130\u0131\u017f\u212aé대"), max_size=20))
def test_folds_differ_is_the_character_class(text):
    import re

    from partnergraph.loaders.casefold import FOLD_CHARS, folds_differ
    assert folds_differ(text) == bool(re.search("[" + FOLD_CHARS + "]", text))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(
    st.one_of(st.sampled_from(["The", "RISE", "the", "new", "Korea’s", "of", "for", "and", "&", "(", ")",
                               "(Regional Innovation)", "‘", "’", "'", '"', "”", "K-STAR", "2030", "iPhone",
                               "signed", "G-", "é", "대학", ",", ".", "-", "’s"]),
              st.text(max_size=4)),
    st.sampled_from(["", " ", "  ", "\t", "\n", "\u3000"])), max_size=8))
def test_program_name_shortcut_never_hides_a_match(parts):
    """mentions._may_end_program_name is False only where _PROGRAM_NAME_BEFORE_RE finds
    nothing, so skipping the search there changes no result."""
    from partnergraph.loaders.mentions import _PROGRAM_NAME_BEFORE_RE, _may_end_program_name
    before = "".join(w + sep for w, sep in parts)
    if _PROGRAM_NAME_BEFORE_RE.search(before):
        assert _may_end_program_name(before)


# mentions.ROLE_WORDS as it was written before its optional first words were spelt out.
_FACTORED_ROLES = (r"(?:Vice[ -])?President|(?:Vice[ -])?Chancellor|Dean|(?:Executive |Managing |General )?Director"
                   r"(?:-General)?|(?:District |City |Deputy )?Mayor|(?:Provincial )?Governor|(?:Vice[ -])?Minister"
                   r"|Chair(?:man|woman|person)?|CEO|Chief Executive(?: Officer)?|President and CEO|Professor"
                   r"|Prof\.|Superintendent|Head|Chief|Commissioner|Administrator|Principal|Rector|Provost"
                   r"|Secretary(?:-General)?|Ambassador|Leader|Manager|Representative")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(
    st.sampled_from(["Vice", "vice", "President", "president", "Vice-President", "Chancellor", "Executive", "Managing",
                     "General", "Director", "Director-General", "director-general", "District", "City", "Deputy",
                     "Mayor", "Provincial", "Governor", "Minister", "Chairman", "CEO", "Chief", "Officer", "and",
                     "Prof.", "Kim", "Lee", "Ji-won", "Hanbit", "University", "of", "the", "said"]),
    st.sampled_from([" ", " ", ", ", "-", ""])), max_size=9))
def test_spelt_out_titles_match_as_the_factored_ones(parts):
    """The title patterns built from mentions.ROLE_WORDS find what they found when its
    optional first words were written as optional groups (same strings, same order)."""
    import re

    from partnergraph.loaders import mentions as m
    low = _FACTORED_ROLES.lower()
    title = re.compile(r"(?<![\w-])(?P<role>(?:" + _FACTORED_ROLES + "|" + low + r"))\s(?P<name>" + m._NAME + r")\b")
    appos = re.compile(r"(?<![\w-])(?P<name>" + m._NAME + r"),\s(?:the\s|a\s|an\s)?(?P<role>(?:[A-Za-z&-]+\s){0,3}?(?:"
                       + _FACTORED_ROLES + "|" + low + r"))\b(?P<rest>[^,.;:“”\"()]{0,160})")
    start = re.compile(r"(?:Vice|Deputy|Acting|Former|Executive|District|Provincial|" + _FACTORED_ROLES + ")")
    text = "".join(w + sep for w, sep in parts)
    for old, new in ((title, m.PERSON_TITLE_RE), (appos, m.PERSON_APPOS_RE)):
        assert [(x.span(), x.groupdict()) for x in old.finditer(text)] == \
            [(x.span(), x.groupdict()) for x in new.finditer(text)]
    for w, _ in parts:
        assert bool(start.fullmatch(w)) == bool(m.ROLE_START_RE.fullmatch(w))


def test_money_keeps_the_amount_as_written():
    """The currency-first pattern runs on the lower-cased sentence (casefold.lower_twin);
    the amount text and the currency still come from the sentence as written."""
    [m] = find_money("They will get Krw 3 Billion from the city.")
    assert (m.text, m.amount, m.currency) == ("Krw 3 Billion", 3_000_000_000, "KRW")
    [m] = find_money("İnha will get US$ 2M.")           # a character that lower-casing widens
    assert (m.text, m.amount, m.currency) == ("US$ 2M", 2_000_000, "USD")


def test_relation_rules_ask_the_extractors_own_gazetteer():
    """An Extractor built with its own gazetteer gives the relation rules that gazetteer's
    places: "P, run by Zembla Province" is ORGANIZES only where Zembla is known as a
    province (a region of no known level, such as a country, runs nothing).  The default
    gazetteer does not know Zembla, so rules that asked it saw no level."""
    from partnergraph.loaders import gazetteer
    from partnergraph.loaders.extract import Extractor
    from partnergraph.loaders.gazetteer import Entry, Gazetteer

    gaz = Gazetteer([
        Entry(id="region:zembla", kind="Region", name="Zembla Province", level="province"),
        Entry(id="region:onhava", kind="Region", name="Onhava", level="city", parent="region:zembla"),
        Entry(id="org:zembla-univ", kind="University", name="Zembla National University"),
        Entry(id="prog:zembla-talent", kind="Program", name="Zembla Talent Program"),
    ])
    assert "region:zembla" not in gazetteer.default().entries
    doc = read_text_document("The Zembla Talent Program, run by Zembla Province, supports Zembla National "
                             "University.\n\nZembla National University is in Onhava, Zembla Province.\n", "z.txt")
    x = Extractor(gaz)(doc)
    rels = {(r.type, r.source, r.target) for r in x.relations}
    assert ("ORGANIZES", "region:zembla", "prog:zembla-talent") in rels
    assert ("LOCATED_IN", "region:onhava", "region:zembla") in rels
    # the same text through the default gazetteer's extractor finds none of these places
    assert not any(k.startswith("region:zembla") for r in extract(doc).relations for k in (r.source, r.target))
