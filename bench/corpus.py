"""Synthetic press-release corpus for the extraction benchmark.

Why synthetic: the benchmark needs >= 10,000 articles of realistic shape and length, and
the real seed articles are few and copyrighted.  Every sentence here comes from templates
written for this file; only *facts* (organisation, region and program names) are drawn
from the gazetteer data in ``seeds/``, mixed with invented names that the gazetteer does
not know ("Hanbit University", "Tartu Institute of Technology"), so the pattern-based
finders are exercised as well as the gazetteer.

Each article has page chrome around it (Korean and English navigation strings, a byline,
a date line, a copyright line, a "Related articles" list, share buttons) so the cleaner
does real work, and a body made of paragraphs that state MOUs, collaborations, funding
(several money formats), organisers, planned centres, consortia and officials' quotes.

Deterministic: article ``i`` of seed ``s`` depends only on ``(s, i, size)``.

>>> from bench.corpus import generate
>>> name, text = next(generate(1, seed=7))
>>> name
'gen_000000.txt'
>>> len(text.encode()) > 2000
True

CLI::

    python bench/corpus.py --docs 10000 --out DIR        # one .txt per article
    python bench/corpus.py --docs 10000 --jsonl FILE     # one JSON object per line
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

__all__ = ["generate", "make_article", "pools", "main"]

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# ------------------------------------------------------------------ invented names
_ROOTS = ("Hanbit", "Saebyeok", "Narae", "Dasom", "Haeoreum", "Gaon", "Byeolbit", "Mirae", "Hanul",
          "Seorin", "Cheongam", "Daeyang", "Areum", "Solbit", "Nuri", "Iseul", "Haram", "Yerim",
          "Onnuri", "Garam", "Baekdu", "Sora", "Jinseong", "Donghae", "Seohae", "Namgang")
_FOREIGN_CITIES = ("Leeds", "Utrecht", "Adelaide", "Tartu", "Ghent", "Porto", "Turku", "Brno",
                   "Graz", "Dunedin", "Halifax", "Lyon", "Bergen", "Aarhus", "Kraków", "Bologna",
                   "Osaka", "Da Nang", "Bandung", "Cebu", "Almaty", "Tashkent", "Pune", "Monterrey")
_TOPICS = ("artificial intelligence", "semiconductor design", "secondary battery", "bio-health",
           "hydrogen energy", "quantum computing", "urban air mobility", "smart farming",
           "digital healthcare", "carbon neutrality", "space technology", "robotics",
           "cybersecurity", "marine biotechnology", "cultural content", "advanced materials")
_TOPIC_TITLE = {t: " ".join(w[:1].upper() + w[1:] for w in t.split()) for t in _TOPICS}
_DEPTS = ("College of Engineering", "Graduate School of Data Science", "College of Medicine",
          "School of Computing", "Department of Materials Science", "College of Nursing",
          "Graduate School of Public Policy", "Department of Chemical Engineering")
_SURNAMES = ("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han",
             "Oh", "Seo", "Shin", "Kwon", "Hwang", "Ahn", "Song", "Yoo", "Hong")
_GIVEN = ("Min-jun", "Seo-yeon", "Ji-ho", "Hyun-woo", "Eun-ji", "Jae-won", "Soo-ah", "Dong-hyun",
          "Ye-jin", "Tae-hoon", "Sung-min", "Ha-eun", "Jun-seo", "Mi-kyung", "Young-soo", "Na-rae")
_FOREIGN_PEOPLE = ("Sarah Whitfield", "Lukas Brandt", "Amelie Laurent", "Tomas Novak", "Priya Raman",
                   "Daniel Okafor", "Ingrid Solberg", "Marco Bellini", "Hiroshi Tanaka", "Nguyen Van Minh")
_OUTLETS = ("Campus Herald", "Korea Education Daily", "Regional Science Times", "Hanbit News Wire",
            "University Journal Korea", "Metro Policy Review", "Innovation Desk")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


# ------------------------------------------------------------------ gazetteer pools
def _read(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _usable(name: str) -> bool:
    return name.isascii() and 4 <= len(name) <= 60 and "(" not in name and "," not in name


@lru_cache(maxsize=1)
def pools() -> dict[str, tuple[str, ...]]:
    """Names by role, from seeds/ where present plus invented ones (so the generator still
    works, with fewer known names, where seeds/ is missing).  Sorted: deterministic."""
    by: dict[str, set[str]] = {k: set() for k in (
        "univ", "foreign_univ", "hospital", "ministry", "agency", "company", "institute",
        "city", "district", "province", "program")}
    for rec in _read(SEEDS / "organisations.jsonl") + _read(SEEDS / "ror_organisations.jsonl"):
        name, kind, korean = rec.get("name") or "", rec.get("kind"), bool(rec.get("name_ko"))
        if not _usable(name):
            continue
        if kind == "University":
            by["univ" if korean else "foreign_univ"].add(name)
        elif kind in ("Hospital", "Agency", "Company", "Institute") and korean:
            by[kind.lower()].add(name)
        elif kind == "Ministry" and name.startswith("Ministry"):
            by["ministry"].add(name)
    for rec in _read(SEEDS / "regions.jsonl"):
        level, aliases = rec.get("level"), rec.get("aliases") or []
        if level in ("city", "county"):
            by["city"].add(next((a for a in aliases if a.endswith(("City", "County"))), rec["name"]))
        elif level == "district" and "," not in rec["name"]:
            by["district"].add(rec["name"])
        elif level in ("province", "metropolitan_city", "special_city"):
            by["province"].add(next((a for a in aliases if "Metropolitan" in a or "Province" in a
                                     or "Special" in a), rec["name"]))
    for rec in _read(SEEDS / "programs.jsonl"):
        if _usable(rec["name"]):
            by["program"].add(rec["name"])
    # invented names the gazetteer does not know
    by["univ"] |= {f"{r} University" for r in _ROOTS[:12]} | {f"{r} National University" for r in _ROOTS[12:18]}
    by["institute"] |= {f"{r} Institute of Science and Technology" for r in _ROOTS[18:]}
    by["company"] |= {f"{r} {s}" for r, s in zip(_ROOTS, ("Robotics", "Semicon Co.", "Energy", "Biologics",
                                                            "Mobility", "Networks", "Materials"))}
    by["foreign_univ"] |= ({f"University of {c}" for c in _FOREIGN_CITIES[:12]}
                           | {f"{c} Institute of Technology" for c in _FOREIGN_CITIES[12:18]}
                           | {f"Technical University of {c}" for c in _FOREIGN_CITIES[18:]})
    by["ministry"] |= {"Ministry of Education", "Ministry of Science and ICT"}
    by["city"] |= {"Hanbit City"}
    by["district"] |= {"Gaon-gu"}
    by["province"] |= {"Gyeonggi Province"}
    by["hospital"] |= {f"{r} University Hospital" for r in _ROOTS[:6]}
    by["agency"] |= {"Korea Innovation Promotion Agency"}
    by["program"] |= {"Regional Talent Bridge Project", "Glocal Campus Initiative"}
    return {k: tuple(sorted(v)) for k, v in by.items()}


# ------------------------------------------------------------------ small generators
def _person(rng: random.Random, foreign: bool = False) -> str:
    if foreign:
        return rng.choice(_FOREIGN_PEOPLE)
    sur, given = rng.choice(_SURNAMES), rng.choice(_GIVEN)
    style = rng.random()
    if style < 0.6:
        return f"{sur} {given}"
    if style < 0.85:
        return f"{given} {sur}"
    return f"{given.replace('-', '').capitalize()} {sur}"


def _acronym(name: str) -> str:
    skip = {"of", "and", "the", "for"}
    return "".join(w[0] for w in name.replace("-", " ").split() if w.lower() not in skip and w[0].isalpha()).upper()


def money(rng: random.Random) -> str:
    """One amount in one of the formats Korean and international news use."""
    fmt = rng.randrange(7)
    if fmt == 0:
        return f"{rng.randint(1, 49)}.{rng.randint(1, 9)} billion won"
    if fmt == 1:
        return f"KRW {rng.randint(1, 30)} billion"
    if fmt == 2:
        return f"{rng.choice((150, 300, 450, 500, 750, 900))} million KRW"
    if fmt == 3:
        return f"${rng.randint(1, 25)} million"
    if fmt == 4:
        return f"{rng.randint(3, 980)}억 원"
    if fmt == 5:
        return f"{rng.randint(2, 90)} billion won"
    return f"KRW {rng.randint(1, 9)}.{rng.randint(1, 9)} billion"


def _date(rng: random.Random) -> tuple[int, int, int]:
    return rng.randint(2021, 2026), rng.randint(1, 12), rng.randint(1, 28)


def _short_place(name: str) -> str:
    """'North Jeolla Province' -> 'North Jeolla', 'Busan Metropolitan City' -> 'Busan'."""
    for suffix in (" Special Self-Governing Province", " Special Self-Governing City", " Metropolitan City",
                   " Special City", " Province", " State"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


_YEARS_WORD = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 8: "eight"}

_PURPOSES = (
    "train researchers in {topic}",
    "run joint degree programs in {topic}",
    "share laboratory equipment for {topic} research",
    "foster start-ups in {topic}",
    "exchange faculty and graduate students working on {topic}",
    "build a regional talent pipeline for {topic} companies",
    "develop a curriculum on {topic} for local workers",
)

_QUOTES = (
    "This agreement gives our students a direct path into industry",
    "We will make the region a place where young researchers want to stay",
    "Cooperation across borders is the fastest way to build real expertise",
    "Our goal is to turn laboratory results into jobs for the community",
    "The project shows what universities and local government can do together",
    "We expect the first graduates of the program within three years",
    "Funding alone is not enough; we need people who can use it well",
)

# Templates written for this generator.  Slots: the article's cast ({univ}, {city} ...),
# and fresh values per use ({money}, {other_univ}, {n}, {purpose}, {quote}, {weekday}).
_LEADS = (
    "{univ} ({univ_acr}, President {president}) announced on the {nth} that it signed a memorandum of "
    "understanding (MOU) with {foreign} to {purpose}.",
    "{univ} and {company} signed an MOU on {weekday} to {purpose}, the university said.",
    "{city} (Mayor {mayor}) said on the {nth} that it had signed a business agreement with {univ} to "
    "{purpose} under the '{project}'.",
    "{univ}, in collaboration with {institute}, will launch the {project} to {purpose}, the two "
    "institutions said on {weekday}.",
    "{hospital} has signed an agreement with {univ2} to {purpose} and to share clinical data under strict "
    "privacy rules.",
)
_HEADLINES = (
    "{univ} Signs MOU with {foreign} on {Topic} Research",
    "{city} and {univ} Join Forces to Train {Topic} Talent",
    "{univ} to Open {center} with Government Funding",
    "{ministry} Backs {project} Led by {univ}",
)
_BODY = (
    # funding, several money formats
    "{univ} will receive {money} from the {ministry} over {years_word} years until {end_year} for the project.",
    "The {project} is supported by the {ministry} and the {agency}, which will provide {money} in total.",
    "The {ministry} will provide {money} for the laboratory, while {city} will add {money} for a testing "
    "facility.",
    "The partners plan to invest a total of {money} from {start_year} to {end_year} ({money} from the "
    "national government, {money} from {province}, and {money} from {univ}).",
    "{company} pledged {money} in scholarships for students of the {dept} at {univ}.",
    "Under the {program}, {other_univ} was granted {money} last year for a similar effort.",
    # organisers, hosts
    "The opening forum, organized by {univ} and hosted by the {agency}, drew about {n} participants.",
    "A launch ceremony organized by {city} was held at {univ2} on {month} {day}, {start_year}.",
    "The workshop series was organized by the {institute} in collaboration with {foreign}.",
    # centres, affiliation, location
    "{univ} also plans to establish the {center} at its main campus with support from {province}.",
    "The {center}, affiliated with {univ}, will lead the research and coordinate the participating "
    "laboratories.",
    "{univ2}, located in {province}, joined the project as a partner and will host {small} joint laboratories.",
    "The {institute_long} ({institute_acr}) will run the shared testbed at {univ}.",
    # consortia and partnerships
    "The consortium, comprising {univ}, {univ2} and {company}, was selected for the {program} and will run "
    "courses for {n} students.",
    "{univ2} signed a separate agreement with {other_foreign} to exchange graduate students from {start_year}.",
    "In partnership with {company}, {univ2} will open a training center for {topic} for {n} local workers.",
    "{other_univ} and {other_univ} are also participating in the program as associate members.",
    # people
    "\"{quote},\" President {president} said.",
    "{dean}, dean of the {dept} at {univ}, said the program would {purpose} from next year.",
    "\"{quote},\" said {foreign_head}, president of {foreign}.",
    "{president}, president of {univ}, said the university would expand the program to other regions.",
    "Mayor {mayor} said the city would {purpose} together with {univ}.",
    # no relation: background that every real article has
    "Enrollment for the first cohort opens in the spring semester, and applicants from partner institutions "
    "will receive priority.",
    "Officials said the curriculum would combine classroom lectures with field training at participating "
    "companies.",
    "The program will also offer evening courses so that employees can study without leaving their jobs.",
    "A steering committee made up of faculty members and industry experts will review progress every six "
    "months.",
    "Students who complete the course will earn credits that count toward a master's degree.",
    "The partners also agreed to hold an annual conference to share research results with the public.",
    "Local companies have already expressed interest in hosting interns from the program.",
    "The initiative is part of a broader effort to keep young talent in the provinces rather than in the "
    "capital.",
    "Participants will have access to shared computing resources and a prototype testing facility.",
    "According to the organizers, more than {n} students and researchers are expected to take part each year.",
    "Demand for engineers in {topic} has grown faster than universities can train them, industry surveys show.",
    "The first phase focuses on short courses, while degree programs will follow once the facilities are ready.",
    "Applications will be reviewed by an independent panel, and results will be announced within two months.",
    "The curriculum was designed together with engineers from small and medium-sized enterprises in the area.",
    "Graduate students will spend at least one semester on projects proposed by companies.",
    "Tuition for working students will be largely covered, and classes will be held on weekends.",
    "The organizers said they would publish an evaluation report at the end of each academic year.",
    "Similar programs in other regions have raised local employment rates among graduates, officials noted.",
    "Researchers will be able to book time on the new equipment through an online reservation system.",
    "The agreement runs for an initial period and can be renewed if both sides agree.",
    "Faculty members said the biggest challenge would be recruiting enough qualified instructors.",
)


class _Slots(dict):
    """The cast of one article, plus slots that take a fresh value at every use."""

    def __init__(self, rng: random.Random):
        super().__init__()
        p = pools()
        self.rng = rng
        pick = rng.choice
        topic = pick(_TOPICS)
        univ = pick(p["univ"])
        univ2 = pick(p["univ"])
        while univ2 == univ:
            univ2 = pick(p["univ"])
        province = pick(p["province"])
        root = pick(_ROOTS)
        institute_long = f"{root} Research Institute for {_TOPIC_TITLE[topic]}"
        start = rng.randint(2024, 2026)
        years = pick(tuple(_YEARS_WORD))
        self.update(
            topic=topic, Topic=_TOPIC_TITLE[topic], univ=univ, univ_acr=_acronym(univ), univ2=univ2,
            foreign=pick(p["foreign_univ"]), ministry=pick(p["ministry"]), agency=pick(p["agency"]),
            company=pick(p["company"]), institute=pick(p["institute"]), hospital=pick(p["hospital"]),
            city=pick(p["city"] + p["district"]), province=province, program=pick(p["program"]),
            president=_person(rng), dean=_person(rng), mayor=_person(rng),
            foreign_head=_person(rng, foreign=True), dept=pick(_DEPTS),
            center=f"{_short_place(province)} {_TOPIC_TITLE[topic]} Center",
            project=f"{_TOPIC_TITLE[topic]} " + pick(("Talent Hub", "Innovation Project", "Open Lab Initiative",
                                                       "Convergence Program")),
            institute_long=institute_long, institute_acr=_acronym(institute_long),
            nth=_ordinal(rng.randint(1, 28)), start_year=start, end_year=start + years - 1,
            years_word=_YEARS_WORD[years], month=pick(_MONTHS), day=rng.randint(1, 28),
        )

    def __missing__(self, key: str):
        r = self.rng
        p = pools()
        fresh = {
            "money": lambda: money(r),
            "other_univ": lambda: r.choice(p["univ"]),
            "other_foreign": lambda: r.choice(p["foreign_univ"]),
            "n": lambda: r.randint(100, 900),
            "small": lambda: r.randint(2, 6),
            "weekday": lambda: r.choice(_WEEKDAYS),
            "purpose": lambda: r.choice(_PURPOSES).format(topic=self["topic"]),
            "quote": lambda: r.choice(_QUOTES),
        }
        if key not in fresh:
            raise KeyError(key)
        return fresh[key]()


def _header(rng: random.Random, slots: _Slots) -> list[str]:
    lines: list[str] = []
    if rng.random() < 0.5:
        lines += ["본문 바로가기", "bar_progress", ""]
    lines += ["Text Size", "", "Close", ""]
    lines += [rng.choice(_HEADLINES).format_map(slots), ""]
    y, m, d = _date(rng)
    if rng.random() < 0.5:
        lines += [f"Posted on {_MONTHS[m - 1]} {d}, {y}"]
    else:
        lines += [f"입력 {y}.{m:02d}.{d:02d} {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}"]
    outlet, reporter = rng.choice(_OUTLETS), _person(rng)
    lines += [f"[{outlet} Reporter {reporter}]" if rng.random() < 0.5 else f"By {reporter}, Staff Reporter", ""]
    return lines


def _footer(rng: random.Random, slots: _Slots) -> list[str]:
    outlet = rng.choice(_OUTLETS)
    lines = ["", "Share", "Facebook Twitter KakaoTalk", ""]
    lines.append(f"© {slots['start_year']} {outlet}. All rights reserved." if rng.random() < 0.5
                 else f"Copyright ⓒ {outlet}. 무단전재 및 재배포 금지")
    lines += ["", "Related articles"]
    p = pools()
    for _ in range(rng.randint(2, 4)):
        lines.append(f"- {rng.choice(p['univ'])} {rng.choice(('opens new dormitory', 'tops employment ranking', 'names new provost', 'hosts job fair'))}")
    lines += ["", "Top"]
    return lines


def make_article(index: int, seed: int = 0, size: int = 3000) -> str:
    """Article ``index`` of the corpus with ``seed``: about ``size`` UTF-8 bytes.

    Body sentences are drawn without repetition (a shuffled deck of the templates; a
    longer article than the deck allows deals a fresh deck), one or two per paragraph."""
    rng = random.Random(f"partnergraph-bench:{seed}:{index}")
    slots = _Slots(rng)
    head, foot = _header(rng, slots), _footer(rng, slots)
    used = len("\n".join(head + foot).encode()) + 2
    body = [rng.choice(_LEADS).format_map(slots)]
    used += len(body[0].encode())
    deck: list[str] = []
    while used < size:
        para = ""
        for _ in range(1 if rng.random() < 0.5 else 2):
            if not deck:
                deck = list(_BODY)
                rng.shuffle(deck)
            para = (para + " " + deck.pop().format_map(slots)).strip()
        if used + len(para.encode()) > size * 1.08 and used > size * 0.9:
            break
        body.append(para)
        used += len(para.encode()) + 2
    return "\n".join(head + "\n\n".join(body).split("\n") + foot) + "\n"


def generate(n: int, seed: int = 0, size: int = 3000) -> Iterator[tuple[str, str]]:
    """Yield ``(name, text)`` for ``n`` articles: ``gen_000000.txt``, ``gen_000001.txt`` ..."""
    for i in range(n):
        yield f"gen_{i:06d}.txt", make_article(i, seed, size)


def _title(text: str) -> str:
    lines = [ln for ln in text.split("\n") if ln.strip()]
    return next((ln for ln in lines if len(ln.split()) >= 4), lines[0])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10000, help="number of articles (default 10000)")
    ap.add_argument("--size", type=int, default=3000, help="approximate bytes per article (default 3000)")
    ap.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    out = ap.add_mutually_exclusive_group(required=True)
    out.add_argument("--out", type=Path, help="folder to write one .txt per article into")
    out.add_argument("--jsonl", type=Path, help="JSON Lines file to write (text, title, doc)")
    a = ap.parse_args(argv)
    if a.docs < 0 or a.size < 200:
        ap.error("--docs must be >= 0 and --size >= 200")
    try:
        if a.out:
            a.out.mkdir(parents=True, exist_ok=True)
            for name, text in generate(a.docs, a.seed, a.size):
                (a.out / name).write_text(text, encoding="utf-8")
        else:
            a.jsonl.parent.mkdir(parents=True, exist_ok=True)
            with a.jsonl.open("w", encoding="utf-8") as f:
                for name, text in generate(a.docs, a.seed, a.size):
                    f.write(json.dumps({"text": text, "title": _title(text), "doc": name}, ensure_ascii=False) + "\n")
    except OSError as exc:
        print(f"error: cannot write {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"wrote {a.docs} articles to {a.out or a.jsonl}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
