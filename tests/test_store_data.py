"""Hand-built extractions that the store tests ingest (our own invented sentences).

Why hand-built: they are the store's unit input (no extractor involved), they cover every
relation type and the awkward cases (two documents asserting one fact, a replaced
document, a Korean alias, money in two currencies, a relation to an entity the document
did not list), and every named query has something to find.  The ``sample_extractions``
fixture in the store tests returns :func:`sample` -- swap that fixture to run the same
tests over other data (e.g. the seeds, once extracted).
"""
from __future__ import annotations

from partnergraph.model import Document, Entity, Evidence, Extraction, Relation

E = {
    "gist": Entity("org:gist", "Gwangju Institute of Science and Technology", "University",
                   ["GIST", "광주과학기술원"], attrs={"region": "Gwangju", "name_ko": "광주과학기술원"}),
    "cnu": Entity("org:chonnam-national-university", "Chonnam National University", "University",
                  ["CNU", "Chonnam Nat'l Univ."], attrs={"region": "Gwangju"}),
    "cnum": Entity("org:cnu-medicine", "Chonnam National University College of Medicine",
                   "University", [], parent="org:chonnam-national-university"),
    "cnuh": Entity("org:cnu-hospital", "Chonnam National University Hospital", "Hospital", ["CNUH"]),
    "msit": Entity("org:msit", "Ministry of Science and ICT", "Ministry", ["MSIT"]),
    "nrf": Entity("org:nrf", "National Research Foundation of Korea", "Agency", ["NRF"]),
    "seocho": Entity("org:seocho-gu", "Seocho-gu", "LocalGovernment", ["Seocho District"]),
    "acme": Entity("org:acme-bio", "Acme Bio", "Company", []),
    "ai": Entity("program:ai-hub", "AI Convergence Hub Project", "Program", ["AI Hub"]),
    "lab": Entity("org:gist-ai-lab", "GIST AI Graduate School Lab", "Institute", [], parent="org:gist"),
    "gwangju": Entity("region:gwangju", "Gwangju", "Region", ["광주"]),
    "kim": Entity("person:kim-minsu", "Kim Min-su", "Person", [], attrs={"role": "president"}),
    "kaist": Entity("org:kaist", "KAIST", "University", ["Korea Advanced Institute of Science and Technology"]),
}


def doc(name: str, text: str, **meta) -> Document:
    return Document.from_text(text, name=name, source=f"/articles/{name}", **meta)


def rel(kind: str, s: str, t: str, d: Document, sentence: str, conf: float = 0.9, **attrs) -> Relation:
    start = d.text.index(sentence)
    return Relation(kind, E[s].id, E[t].id, Evidence(sentence, start, start + len(sentence)), conf, attrs)


def ext(d: Document, ents: list[str], rels: list[Relation]) -> Extraction:
    return Extraction(d, [E[k] for k in ents], rels, extractor="test-1")


def article_mou(version: int = 1) -> Extraction:
    """GIST and CNU sign an MOU; version 2 (the same source, edited) drops the hospital."""
    s1 = "GIST and Chonnam National University signed an agreement on joint AI research."
    s2 = "The Chonnam National University Hospital will share clinical data with GIST."
    s3 = "Chonnam National University College of Medicine is part of the university."
    s4 = "GIST will also work with KAIST on robotics."
    if version == 1:
        text = f"{s1} {s2} {s3}"
        d = doc("mou.txt", text, title="GIST and CNU sign MOU", date="2024-03-05",
                url="https://example.org/mou")
        return ext(d, ["gist", "cnu", "cnuh", "cnum"], [
            rel("MOU", "gist", "cnu", d, s1),
            rel("PARTNERS_WITH", "cnuh", "gist", d, s2, 0.8),
            rel("AFFILIATED_WITH", "cnum", "cnu", d, s3, 0.95),
        ])
    text = f"{s1} {s4}"
    d = doc("mou.txt", text, title="GIST and CNU sign MOU (updated)", date="2024-03-06")
    return ext(d, ["gist", "cnu", "kaist"], [
        rel("MOU", "gist", "cnu", d, s1),
        rel("PARTNERS_WITH", "gist", "kaist", d, s4, 0.7),
    ])


def article_funding() -> Extraction:
    s1 = "Seocho-gu will provide 1.5 billion won to the AI Convergence Hub Project from 2024 to 2026."
    s2 = "The Ministry of Science and ICT funds the project with 3 million dollars."
    s3 = "GIST and Chonnam National University take part in the AI Convergence Hub Project."
    s4 = "The project is organised by the National Research Foundation of Korea."
    s5 = "NRF supports GIST with 200 million won."
    d = doc("funding.txt", " ".join([s1, s2, s3, s4, s5]), title="AI hub funded", date="2024-05-01")
    return ext(d, ["seocho", "msit", "ai", "gist", "cnu", "nrf"], [
        rel("FUNDS", "seocho", "ai", d, s1, amount=1_500_000_000, currency="KRW",
            amount_krw=1_500_000_000, amount_text="1.5 billion won", start_year=2024, end_year=2026),
        rel("FUNDS", "msit", "ai", d, s2, amount=3_000_000, currency="USD", amount_text="3 million dollars"),
        rel("PARTICIPATES_IN", "gist", "ai", d, s3),
        rel("PARTICIPATES_IN", "cnu", "ai", d, s3),
        rel("ORGANIZES", "nrf", "ai", d, s4),
        rel("FUNDS", "nrf", "gist", d, s5, amount=200_000_000, currency="KRW", amount_krw=200_000_000,
            amount_text="200 million won", note="unlisted attribute"),
    ])


def article_people() -> Extraction:
    s1 = "Kim Min-su, president of GIST, opened the GIST AI Graduate School Lab in Gwangju."
    s2 = "GIST is located in Gwangju."
    s3 = "The same agreement between GIST and Chonnam National University was praised."
    s4 = "Acme Bio joins the AI Convergence Hub Project."
    d = doc("people.txt", " ".join([s1, s2, s3, s4]), title="Lab opens", date="2024-06-10")
    rels = [
        rel("LEADS", "kim", "gist", d, s1, role="president"),
        rel("HOSTS", "gist", "lab", d, s1),
        rel("LOCATED_IN", "gist", "gwangju", d, s2),
        rel("MOU", "cnu", "gist", d, s3, 0.85),          # the same fact, another document
        rel("PARTICIPATES_IN", "acme", "ai", d, s4),
    ]
    # "ai" is deliberately not listed: a relation endpoint the document did not list.
    return ext(d, ["kim", "gist", "lab", "gwangju", "cnu", "acme"], rels)


def sample() -> list[Extraction]:
    return [article_mou(1), article_funding(), article_people()]
