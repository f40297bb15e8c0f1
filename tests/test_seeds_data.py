"""The gazetteer reference data in ``seeds/`` is consistent, so the resolver can trust it.

A wrong alias makes the extractor merge two institutions, and a dangling parent or
region id breaks AFFILIATED_WITH / LOCATED_IN and context disambiguation.  These tests
read the real files; the ROR rebuild check reads ../shared (skipped outside the
workplace, a failure under CI).
"""
from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

from partnergraph.model import slug
from partnergraph.schema import ENTITY_KINDS, ORG_KINDS
from tests.conftest import need_shared

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
READABLE = re.compile(r"[A-Za-z\u00c0-\u024f\uac00-\ud7a3]")
ORG_FIELDS = ["id", "kind", "name", "name_ko", "aliases", "acronyms", "parent", "region", "ror"]
REGION_FIELDS = ["id", "kind", "level", "name", "name_ko", "aliases", "parent"]
PROGRAM_FIELDS = ["id", "kind", "name", "name_ko", "aliases", "acronyms", "organizer", "funder"]
REGION_LEVELS = {"country", "group", "province", "metropolitan_city", "special_city", "city", "county",
                 "district"}


def norm(name: str) -> str:
    """The scorer's and resolver's comparison form: case, punctuation and "the" blind."""
    s = unicodedata.normalize("NFKC", name).lower()
    s = s.replace("&", " and ").replace("’", "'")
    s = re.sub(r"[^\w\s-]", " ", s)
    s = re.sub(r"\b(the)\b", " ", s)
    s = re.sub(r"[-_]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def read_jsonl(name: str) -> list[dict]:
    path = SEEDS / name
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"{name}:{n}: blank line"
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as e:   # pragma: no cover - the assert below reports it
            pytest.fail(f"{name}:{n}: not JSON ({e})")
    return records


def load_build_ror():
    spec = importlib.util.spec_from_file_location("build_ror", SEEDS / "build_ror.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


FILES = {
    "organisations.jsonl": ORG_FIELDS,
    "ror_organisations.jsonl": ORG_FIELDS,
    "regions.jsonl": REGION_FIELDS,
    "programs.jsonl": PROGRAM_FIELDS,
}
DATA = {name: read_jsonl(name) for name in FILES}


def merged() -> dict[str, dict]:
    """id -> record as the extractor sees it: curated records replace ROR ones."""
    out = {r["id"]: r for r in DATA["ror_organisations.jsonl"]}
    for name in ("organisations.jsonl", "regions.jsonl", "programs.jsonl"):
        out.update({r["id"]: r for r in DATA[name]})
    return out


def names_of(r: dict) -> list[str]:
    return [n for n in [r["name"], r.get("name_ko"), *r["aliases"]] if n]


# --- shape -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(FILES))
def test_fields_and_types(name):
    fields = FILES[name]
    for r in DATA[name]:
        assert list(r) == fields, f"{name}: {r.get('id')}: fields {list(r)} != {fields}"
        assert isinstance(r["name"], str) and r["name"].strip() == r["name"] and r["name"], r
        assert r["name_ko"] is None or HANGUL.search(r["name_ko"]), f"{r['id']}: name_ko has no Hangul"
        assert isinstance(r["aliases"], list) and all(isinstance(a, str) and a.strip() == a and a
                                                      for a in r["aliases"]), r["id"]
        assert len({norm(a) for a in r["aliases"]}) == len(r["aliases"]), f"{r['id']}: repeated alias"
        assert norm(r["name"]) not in {norm(a) for a in r["aliases"]}, f"{r['id']}: alias repeats the name"
        for n in names_of(r):
            assert READABLE.search(n), f"{r['id']}: {n!r} has no Latin or Hangul letter"
        if "acronyms" in r:
            assert all(isinstance(a, str) and len(a) >= 2 and a.strip() == a for a in r["acronyms"]), r["id"]
            assert len(set(r["acronyms"])) == len(r["acronyms"]), f"{r['id']}: repeated acronym"


@pytest.mark.parametrize("name", sorted(FILES))
def test_sorted_and_unique_ids(name):
    ids = [r["id"] for r in DATA[name]]
    assert ids == sorted(ids), f"{name} is not sorted by id"
    assert len(ids) == len(set(ids)), f"{name} repeats an id"


def test_kinds_are_schema_kinds():
    for name in ("organisations.jsonl", "ror_organisations.jsonl"):
        for r in DATA[name]:
            assert r["kind"] in ORG_KINDS and r["kind"] in ENTITY_KINDS, f"{name}: {r['id']}: {r['kind']}"
    assert {r["kind"] for r in DATA["regions.jsonl"]} == {"Region"}
    assert {r["kind"] for r in DATA["programs.jsonl"]} == {"Program"}
    assert {r["level"] for r in DATA["regions.jsonl"]} <= REGION_LEVELS


def test_id_scheme():
    for name in ("organisations.jsonl", "ror_organisations.jsonl"):
        for r in DATA[name]:
            if r["ror"]:
                assert r["id"] == f"ror:{r['ror']}" and re.fullmatch(r"0[a-z0-9]{8}", r["ror"]), r["id"]
            else:
                assert r["id"] == f"{r['kind'].lower()}:{slug(r['name'])}", r["id"]
    assert all(r["id"].startswith("region:") for r in DATA["regions.jsonl"])
    assert all(r["id"] == f"program:{slug(r['name'])}" for r in DATA["programs.jsonl"])


def test_curated_ror_ids_exist_in_ror_file():
    ror_ids = {r["id"] for r in DATA["ror_organisations.jsonl"]}
    missing = [r["id"] for r in DATA["organisations.jsonl"] if r["ror"] and r["id"] not in ror_ids]
    assert not missing, f"curated records claim ROR ids the ROR file lacks: {missing}"


def test_ids_unique_across_files():
    """Only a curated organisation may reuse an id, to override its ROR record."""
    seen: dict[str, str] = {}
    for name in ("ror_organisations.jsonl", "organisations.jsonl", "regions.jsonl", "programs.jsonl"):
        for r in DATA[name]:
            prev = seen.get(r["id"])
            assert prev is None or (prev, name) == ("ror_organisations.jsonl", "organisations.jsonl"), \
                f"{r['id']} is in {prev} and {name}"
            seen[r["id"]] = name


# --- references --------------------------------------------------------------------------

def test_references_resolve():
    allr = merged()
    for rid, r in allr.items():
        kind = r["kind"]
        if kind in ORG_KINDS:
            if r["parent"]:
                assert r["parent"] in allr and allr[r["parent"]]["kind"] in ORG_KINDS, f"{rid}: parent {r['parent']}"
            if r["region"]:
                assert r["region"] in allr and allr[r["region"]]["kind"] == "Region", f"{rid}: region {r['region']}"
        elif kind == "Region":
            if r["parent"]:
                assert allr.get(r["parent"], {}).get("kind") == "Region", f"{rid}: parent {r['parent']}"
        else:
            for f in ("organizer", "funder"):
                if r[f]:
                    assert allr.get(r[f], {}).get("kind") in ORG_KINDS, f"{rid}: {f} {r[f]}"


def test_no_parent_cycles():
    allr = merged()
    for rid in allr:
        seen, cur = set(), rid
        while cur:
            assert cur not in seen, f"parent cycle through {rid}"
            seen.add(cur)
            cur = allr[cur].get("parent")


# --- names: the property the resolver relies on -------------------------------------------

def test_no_name_shared_by_two_records():
    """A name, Korean name or alias resolves to exactly one record; only acronyms may be
    shared (CNU = Chonnam and Chungnam), and those the extractor settles by context."""
    owners: dict[str, set[str]] = defaultdict(set)
    for rid, r in merged().items():
        for n in names_of(r):
            owners[norm(n)].add(rid)
    clashes = {k: sorted(v) for k, v in owners.items() if len(v) > 1}
    assert not clashes, f"names shared by several records: {dict(list(clashes.items())[:20])}"


def test_shared_acronyms_are_listed_on_each_institution():
    orgs = {r["id"]: r for r in DATA["organisations.jsonl"]}
    by_name = {r["name"]: r for r in orgs.values()}
    for acr, names in {"CNU": ["Chonnam National University", "Chungnam National University"],
                       "KNU": ["Kyungpook National University", "Kangwon National University",
                               "Kongju National University"],
                       "CBNU": ["Chungbuk National University", "Jeonbuk National University"]}.items():
        for n in names:
            assert acr in by_name[n]["acronyms"], f"{acr} missing on {n}"
            assert by_name[n]["region"], f"{n} needs a region for disambiguation"
        regions = {by_name[n]["region"] for n in names}
        assert len(regions) == len(names), f"{acr}: institutions must differ in region to be told apart"


def test_stopnames_never_name_a_record():
    lines = (SEEDS / "stopnames.txt").read_text(encoding="utf-8").splitlines()
    stops = {norm(x) for x in lines if x.strip() and not x.startswith("#")}
    for must in ("Korea", "South Korea", "Republic of Korea", "Yonhap News Agency", "The Korea Herald"):
        assert norm(must) in stops, must
    for rid, r in merged().items():
        for n in names_of(r):
            assert norm(n) not in stops, f"{rid}: {n!r} is a stopname"


def test_home_country_is_not_a_region():
    for r in DATA["regions.jsonl"]:
        for n in names_of(r):
            assert norm(n) not in {"korea", "south korea", "republic of korea", "대한민국", "한국"}, r["id"]


# --- coverage: the facts the extractor is promised ------------------------------------------

def test_regions_cover_first_level_divisions_and_seoul_districts():
    regs = {r["id"]: r for r in DATA["regions.jsonl"]}
    top = [r for r in regs.values() if r["level"] in ("province", "metropolitan_city", "special_city")]
    assert len(top) == 17
    seoul = [r for r in regs.values() if r["parent"] == "region:seoul" and r["level"] == "district"]
    assert len(seoul) == 25
    names = {norm(n): r["id"] for r in regs.values() for n in names_of(r)}
    for n, rid in {"Chungcheongnam-do": "region:south-chungcheong", "Jeonnam": "region:south-jeolla",
                   "Seocho District": "region:seoul-seocho-gu", "Yesan County": "region:yesan",
                   "충청남도": "region:south-chungcheong", "Jeonbuk State": "region:north-jeolla"}.items():
        assert names.get(norm(n)) == rid, n
    local = [r for r in regs.values() if r["level"] in ("city", "county", "district")]
    assert len(local) >= 226


def test_key_organisations_are_present():
    orgs = merged()
    names = {norm(n): rid for rid, r in orgs.items() for n in names_of(r)}
    for n in ["KAIST", "Soongsil University", "University of Ulsan", "Keimyung University", "전남대학교",
              "Chonnam Nat'l Univ.", "Severance Hospital", "Asan Medical Center",
              "Hwasun Chonnam National University Hospital", "Ministry of Science & ICT", "교육부",
              "Korean Council for University Education", "Institute for Information and Communications "
              "Technology Planning and Evaluation", "Glocal University 30", "BK21 FOUR"]:
        assert norm(n) in names, n
    korean_univ = [r for r in DATA["organisations.jsonl"]
                   if r["kind"] == "University" and not r["parent"] and r["region"]]
    assert len(korean_univ) >= 150


# --- the generated ROR file ----------------------------------------------------------------

def test_ror_file_is_what_build_ror_makes():
    ror = need_shared("data", "ror_subset.json")
    build_ror = load_build_ror()
    expected = build_ror.dumps(build_ror.build(ror))
    actual = (SEEDS / "ror_organisations.jsonl").read_text(encoding="utf-8")
    assert actual == expected, "seeds/ror_organisations.jsonl is stale: run python seeds/build_ror.py"


def _ror(suffix, name, types, cc="KR", acronyms=(), aliases=(), ko=(), city="Seoul", parents=()):
    return {"id": f"https://ror.org/{suffix}", "name": name, "types": list(types), "country_code": cc,
            "acronyms": list(acronyms), "aliases": list(aliases), "labels": [{"value": k, "lang": "ko"} for k in ko],
            "labels_ko": list(ko), "city": city,
            "relationships": [{"type": "parent", "id": f"https://ror.org/{p}", "label": ""} for p in parents]}


def test_build_ror_rules(tmp_path):
    """The mapping rules on a small registry written here: kinds, acronym filtering,
    shared aliases dropped, parents, regions, scope by country."""
    records = [
        _ror("0aaaaaa01", "Alpha National University", ["education"], acronyms=["ANU", "UI", "TIME"],
             aliases=["Alpha Univ"], ko=["알파대학교"], city="Cheonan"),
        _ror("0aaaaaa02", "Alpha National University Hospital", ["healthcare"], acronyms=["ANU", "ANUH"],
             aliases=["Alpha Univ"], ko=["알파대학교병원"], parents=["0aaaaaa01"], city="Jung-gu"),
        _ror("0aaaaaa03", "Ministry of Examples", ["government", "funder"], city="Sejong-Si"),
        _ror("0aaaaaa04", "Example Research Institute of Things", ["government"]),
        _ror("0aaaaaa05", "Example Corp (South Korea)", ["company"], aliases=["다음"], ko=["예시은 지난"]),
        _ror("0aaaaaa06", "Universitas Contoh", ["education"], cc="ID", city="Bandung"),
        _ror("0aaaaaa07", "Hospital Far Away", ["healthcare"], cc="ID"),
    ]
    path = tmp_path / "ror.json"
    path.write_text(json.dumps({"records": records}), encoding="utf-8")
    build_ror = load_build_ror()
    out = {r["ror"]: r for r in build_ror.build(path)}
    assert set(out) == {"0aaaaaa01", "0aaaaaa02", "0aaaaaa03", "0aaaaaa04", "0aaaaaa05", "0aaaaaa06"}
    uni, hosp = out["0aaaaaa01"], out["0aaaaaa02"]
    assert uni["kind"] == "University" and uni["acronyms"] == ["ANU"] and uni["name_ko"] == "알파대학교"
    assert uni["region"] == "region:cheonan"
    assert hosp["kind"] == "Hospital" and hosp["parent"] == "ror:0aaaaaa01" and hosp["acronyms"] == ["ANUH"]
    assert hosp["region"] is None                     # Jung-gu: six cities have one
    assert "Alpha Univ" not in uni["aliases"] + hosp["aliases"]   # shared by two records
    assert out["0aaaaaa03"]["kind"] == "Ministry" and out["0aaaaaa03"]["region"] == "region:sejong"
    assert out["0aaaaaa04"]["kind"] == "Institute"
    corp = out["0aaaaaa05"]
    assert corp["kind"] == "Company" and corp["name"] == "Example Corp" and "다음" not in corp["aliases"]
    assert out["0aaaaaa06"]["region"] == "region:indonesia"
    assert build_ror.dumps(build_ror.build(path)) == build_ror.dumps(build_ror.build(path))


def test_build_ror_reports_a_missing_file(tmp_path, capsys):
    build_ror = load_build_ror()
    rc = build_ror.main([str(tmp_path / "nope.json"), "--out", str(tmp_path / "out.jsonl")])
    assert rc == 2
    err = capsys.readouterr().err
    assert "nope.json" in err and "Traceback" not in err and not (tmp_path / "out.jsonl").exists()
