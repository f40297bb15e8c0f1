#!/usr/bin/env python3
"""Generate ``seeds/ror_organisations.jsonl`` from the ROR subset (CC0).

    python seeds/build_ror.py [ROR_JSON] [--out FILE]

ROR_JSON defaults to ``../shared/data/ror_subset.json`` next to the repository (or
``$PARTNERGRAPH_SHARED/data/ror_subset.json``); FILE defaults to
``seeds/ror_organisations.jsonl``.  The output is a pure function of the input and of
``seeds/regions.jsonl`` (used to turn ROR cities into region ids), so a test can rebuild
it and compare with the committed file.

Why a script and not hand edits: the registry is large (1,838 records) and updated
upstream; keeping the mapping rules here means a new ROR release is one command, and
every rule that drops or changes something is written down below.

What the rules do, and why:

* kinds: ROR ``types`` → our ENTITY_KINDS (education → University, healthcare →
  Hospital, government → Ministry/Agency/Institute, company → Company, the rest →
  Institute or Agency by name), because the extractor's relation rules depend on kinds;
* acronyms shorter than 3 characters or that are ordinary English words are dropped:
  in news text "UI", "UP", "ITS" or "TIME" are not organisations, and in a registry of
  this size two-letter acronyms collide constantly;
* names (aliases, Korean labels) shared by two records are kept only where they are a
  record's display name: a name that could mean two institutions must not resolve to
  either (DESIGN.md: never guess silently);
* aliases in scripts other than Latin and Hangul (Thai, Chinese) are left out: the
  extractor reads English and Korean text, so they could never match;
* a handful of Korean labels in the source are text fragments (a trailing particle, a
  page caption); ``LABEL_FIXES`` repairs or drops exactly those.

Curated records in ``organisations.jsonl`` with the same id take precedence (the
extractor merges the two files); this script does not read them.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_OUT = HERE / "ror_organisations.jsonl"
REGIONS = HERE / "regions.jsonl"
FIELDS = ["id", "kind", "name", "name_ko", "aliases", "acronyms", "parent", "region", "ror"]

# Countries kept from the subset, and the region id each maps to.
COUNTRY_REGION = {
    "KR": None,   # Korean records get a city/province region instead
    "ID": "region:indonesia", "PH": "region:philippines", "VN": "region:vietnam",
    "MY": "region:malaysia", "TH": "region:thailand", "BN": "region:brunei",
}

# Acronyms that are ordinary English words (or, like GPU, everyday abbreviations):
# matching them in text would invent organisations.
COMMON_WORD_ACRONYMS = {
    "ADD", "AIM", "AIMS", "ART", "CARE", "CASE", "CEO", "CPU", "DAD", "DENT", "DUE", "GPU", "GUST",
    "HOPE", "HUB", "ICT", "ITS", "KIT", "LIFE", "LIT", "MOU", "PIT", "SAC", "SCAT", "SEMI", "SIC",
    "STAIN", "STAR", "TIME", "UMP", "WISE",
}

# Single-word aliases that are common words, not names (Korean 다음 = "next").
COMMON_WORD_ALIASES = {"다음", "daum"}

# Korean labels in the source that are fragments of page text: repaired or dropped (None).
LABEL_FIXES = {
    "국가슈퍼컴퓨팅센터는": "국가슈퍼컴퓨팅센터",
    "㈜아이센스는": "아이센스",
    "포항가속기연구소로고": "포항가속기연구소",
    "산업연구원은 국내외 산업과 무역통상 분야를 서로 연계하여": None,
    "한국아동청소년문학학회 권혁준 올림": "한국아동청소년문학학회",
    "한국국제경영관리학회 홈페": "한국국제경영관리학회",
    "대한상부위장관·헬리코박터학회지": None,
    "한국금융연구원은 지난": "한국금융연구원",
    "경희대학교 동서신의학병원 - 협진진료센터": None,
}

# Labels the source attaches to the wrong record: (ror suffix, label) pairs to drop.
# St. Paul's Hospital (closed 2019, succeeded by Eunpyeong St. Mary's) carries the Korean
# name of Seoul St. Mary's Hospital.
WRONG_LABELS = {("04y7ajp38", "가톨릭대학교 서울성모병원")}

# ROR cities that are not a plain city name, mapped to the region they lie in.
CITY_FIX = {
    "Sinchon-dong": "region:seoul", "Jukjeon-dong": "region:yongin", "Yongsan-dong": "region:seoul",
    "Giheung": "region:yongin", "Ochang-eup": "region:cheongju", "Baegam": "region:yongin",
    "Chinch'ŏn": "region:jincheon", "Yangp'yŏng": "region:yangpyeong", "Hongch’ŏn": "region:hongcheon",
    "Yangjeongdong": None, "Sejong-Si": "region:sejong", "Jeju City": "region:jeju-city",
    "Seosan City": "region:seosan", "Uljin County": "region:uljin",
    "Yuseong-gu": "region:daejeon-yuseong-gu", "Jongno-gu": "region:seoul-jongno-gu",
    "Seocho-gu": "region:seoul-seocho-gu",
}

_SUFFIX_RE = re.compile(r"\s*\((South )?Korea\)$")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
# the extractor reads English and Korean: names in other scripts (Thai, Chinese) can never match
_READABLE = re.compile(r"[A-Za-z\u00c0-\u024f\uac00-\ud7a3]")


def norm(name: str) -> str:
    """Case-, accent- and punctuation-blind form used to compare names (the scorer's)."""
    s = unicodedata.normalize("NFKC", name).lower()
    s = s.replace("&", " and ").replace("’", "'")
    s = re.sub(r"[^\w\s-]", " ", s)
    s = re.sub(r"\b(the)\b", " ", s)
    s = re.sub(r"[-_]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def ascii_fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def kind_of(rec: dict) -> str:
    """Our entity kind for a ROR record: the first rule that applies wins."""
    types, name = rec["types"], rec["name"]
    if "education" in types:
        if rec["country_code"] != "KR" or re.search(
                r"Universit|College|School|Academy of|Institute of Science and Technology|"
                r"Campus|Graduate|WISE", name):
            if not re.search(r"^Korea(n)? Academy of Science|Society", name):
                return "University"
        return "Institute"
    if "healthcare" in types:
        if re.search(r"Research Institute|Institute (of|for)|Research Center|Fertility Center|"
                     r"Healthcare Center", name):
            return "Institute"
        return "Hospital"
    if "government" in types:
        if re.search(r"(Metropolitan|Provincial|City) Government$", name):
            return "LocalGovernment"
        if name.startswith("Ministry"):
            return "Ministry"
        if (re.search(r"Research Institute|Institute (of|for) .*(Science|Technology|Engineering|Research)|"
                      r"Institute of Environmental Research", name)
                and not re.search(r"Planning|Evaluation|Promotion|Advancement", name)):
            return "Institute"
        return "Agency"
    if "company" in types or re.search(r"\bBank\b", name):
        return "Company"
    if re.search(r"Planning|Evaluation|Promotion|Advancement", name):
        return "Agency"
    if re.search(r"Foundation|Council|Agency|Service|Administration|Commission|Authority|"
                 r"Association|Society|Federation|Corporation|Fund\b|Exchange|Red Cross|"
                 r"Academy of Science|College of|Group$|Cochrane", name):
        return "Agency"
    return "Institute"


def load_region_index(path: Path) -> dict[str, str | None]:
    """normalised place name -> region id (None where two regions share the name)."""
    index: dict[str, str | None] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["level"] in ("country", "group"):
                continue
            for n in [r["name"], *r["aliases"]]:
                if _HANGUL.search(n):
                    continue
                k = norm(ascii_fold(n))
                if k in index and index[k] != r["id"]:
                    index[k] = None
                else:
                    index[k] = r["id"]
    return index


def region_of(rec: dict, index: dict[str, str | None]) -> str | None:
    cc = rec["country_code"]
    if cc != "KR":
        return COUNTRY_REGION.get(cc)
    city = (rec.get("city") or "").strip()
    if city in CITY_FIX:
        return CITY_FIX[city]
    key = norm(ascii_fold(city))
    for cand in (key, re.sub(r" (si|gun|gu|city|county)$", "", key)):
        if cand in index:
            return index[cand]
    return None


def clean_label(s: str) -> str | None:
    s = " ".join(s.split())
    if s in LABEL_FIXES:
        return LABEL_FIXES[s]
    return s or None


def clean_acronyms(values: list[str]) -> list[str]:
    out = []
    for v in values:
        for a in v.split(","):
            a = a.strip()
            if len(a) < 3 or _HANGUL.search(a) or a.upper() in COMMON_WORD_ACRONYMS:
                continue
            if a not in out:
                out.append(a)
    return out


def convert(rec: dict, index: dict[str, str | None]) -> dict:
    suffix = rec["id"].rsplit("/", 1)[-1]
    name = _SUFFIX_RE.sub("", rec["name"]).strip()
    ko_labels = [l["value"] for l in rec.get("labels", [])
                 if l.get("lang") == "ko" and _HANGUL.search(l["value"])]
    ko_all = []
    for s in ko_labels + [x for x in rec.get("labels_ko", []) if _HANGUL.search(x)]:
        s = clean_label(s)
        if s and (suffix, s) not in WRONG_LABELS and s not in ko_all:
            ko_all.append(s)
    name_ko = ko_all[0] if ko_all else None
    aliases: list[str] = []
    seen = {norm(name)} | ({norm(name_ko)} if name_ko else set())
    others = [l["value"] for l in rec.get("labels", []) if not _HANGUL.search(l["value"])]
    for s in [*others, *rec.get("aliases", []), *ko_all[1:]]:
        s = clean_label(s)
        if not s or (suffix, s) in WRONG_LABELS or not _READABLE.search(s):
            continue
        k = norm(s)
        if not k or k in seen or len(k) <= 2:
            continue
        if " " not in s.strip() and s.strip().lower() in COMMON_WORD_ALIASES:
            continue
        seen.add(k)
        aliases.append(s)
    return {
        "id": f"ror:{suffix}", "kind": kind_of(rec), "name": name, "name_ko": name_ko,
        "aliases": aliases, "acronyms": clean_acronyms(rec.get("acronyms", [])),
        "parent": None, "region": region_of(rec, index), "ror": suffix,
        "_parents": [r["id"].rsplit("/", 1)[-1] for r in rec.get("relationships", [])
                     if r.get("type") == "parent"],
        "_city": rec.get("city") or "",
        "_kr": rec["country_code"] == "KR",
    }


def resolve_parents(out: dict[str, dict]) -> None:
    for r in out.values():
        parents = [p for p in r.pop("_parents") if f"ror:{p}" in out and f"ror:{p}" != r["id"]]
        r["parent"] = f"ror:{parents[0]}" if parents else None
        if r["parent"]:
            # a child repeating its parent's acronym (PNU on the PNU hospital) is noise
            pac = set(out[r["parent"]]["acronyms"])
            r["acronyms"] = [a for a in r["acronyms"] if a not in pac]


def drop_shared_names(out: dict[str, dict]) -> None:
    """A name carried by two records stays only where it is the display name."""
    owners: dict[str, set[str]] = {}
    display: dict[str, set[str]] = {}
    for r in out.values():
        display.setdefault(norm(r["name"]), set()).add(r["id"])
        for n in [r["name"], r["name_ko"], *r["aliases"]]:
            if n:
                owners.setdefault(norm(n), set()).add(r["id"])
    for r in out.values():
        if r["name_ko"] and len(owners[norm(r["name_ko"])]) > 1 and norm(r["name_ko"]) not in display:
            r["name_ko"] = None
        r["aliases"] = [a for a in r["aliases"] if len(owners[norm(a)]) == 1]
    # identical display names (two branches of a chain, or a Korean and a foreign
    # namesake): qualify by city, except a lone Korean record, which keeps its name
    for key, ids in display.items():
        if len(ids) > 1:
            korean = [i for i in ids if out[i]["_kr"]]
            for i in sorted(ids):
                if len(korean) == 1 and i == korean[0]:
                    continue
                out[i]["name"] = f"{out[i]['name']} ({out[i]['_city']})"


def build(ror_path: Path, regions_path: Path = REGIONS) -> list[dict]:
    data = json.loads(ror_path.read_text(encoding="utf-8"))
    index = load_region_index(regions_path)
    out: dict[str, dict] = {}
    for rec in data["records"]:
        cc = rec.get("country_code")
        if cc not in COUNTRY_REGION:
            continue
        if cc != "KR" and "education" not in rec["types"]:
            continue
        r = convert(rec, index)
        out[r["id"]] = r
    resolve_parents(out)
    drop_shared_names(out)
    records = []
    for rid in sorted(out):
        r = out[rid]
        r.pop("_city")
        r.pop("_kr")
        records.append({k: r[k] for k in FIELDS})
    return records


def dumps(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def default_ror_path() -> Path:
    shared = os.environ.get("PARTNERGRAPH_SHARED")
    base = Path(shared) if shared else REPO.parent / "shared"
    return base / "data" / "ror_subset.json"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("ror", nargs="?", type=Path, default=None,
                    help="ROR subset JSON (default: ../shared/data/ror_subset.json)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output JSONL (default: %(default)s)")
    a = ap.parse_args(argv)
    ror = a.ror or default_ror_path()
    if not ror.is_file():
        print(f"build_ror: {ror} not found; pass the path of ror_subset.json", file=sys.stderr)
        return 2
    try:
        records = build(ror)
    except (ValueError, KeyError) as e:
        print(f"build_ror: {ror} is not a ROR subset file ({e}); check the path", file=sys.stderr)
        return 2
    a.out.write_text(dumps(records), encoding="utf-8")
    print(f"build_ror: wrote {len(records)} records to {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
