"""How news phrases organisation names that no list knows (invented names only):
abbreviated name words, acronyms defined in several ways, company names by their last
word, units of a university's medical centre."""
from __future__ import annotations

from partnergraph.loaders import sentences
from partnergraph.loaders.extract import extract
from partnergraph.loaders.read import read_text_document


def ents(text: str) -> dict[str, object]:
    doc = read_text_document("Body text.\n\n" + text + "\n", name="t.txt", source="t.txt")
    return {e.name: e for e in extract(doc).entities}


def _sents(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences.split(text)]


# --------------------------------------------------------------- abbreviations inside names

def test_abbreviated_name_words_do_not_end_the_sentence():
    assert len(_sents("Professor Ahn of Myeongdo Agri. Univ. joined the team.")) == 1
    assert len(_sents("Researchers at Hwarang Agri. Tech. Institute joined.")) == 1
    assert len(_sents("Loans go through the Fund of Agri. Tech. Promotion and Transfer this year.")) == 1
    assert len(_sents("Engineers joined Gamma Tech. The firm was founded in 2001.")) == 2
    assert len(_sents("He moved to Orbis Tech. Kim said it was a good choice.")) == 2


def test_abbreviated_name_words_stay_in_the_name():
    assert ents("Professor Ahn of Myeongdo Agri. Univ. joined the team.")["Myeongdo Agri. Univ."].kind == "University"
    assert ents("Researchers at Hwarang Agri. Tech. Institute joined.")["Hwarang Agri. Tech. Institute"].kind \
        == "Institute"
    assert "Daeseong Sci. and Tech. Univ." in ents("The team from Daeseong Sci. and Tech. Univ. won.")


# --------------------------------------------------------------- acronyms defined in prose

def test_acronym_defined_after_or_and_known_as():
    es = ents("The Hanul Institute of Technology, or HIT, opened a branch.")
    assert "HIT" in es["Hanul Institute of Technology"].aliases
    es = ents("The Busan Center for Ocean Data, known as BCOD, opened a branch.")
    assert "BCOD" in es["Busan Center for Ocean Data"].aliases
    es = ents("The Gwangseo Institute of Water, also known as GIW. It opened in 2019.")
    assert "GIW" in es["Gwangseo Institute of Water"].aliases


def test_or_between_two_names_defines_no_acronym():
    es = ents("The prize went to the Hanul Institute of Technology, or KAIST, last year.")
    assert "KAIST" not in es["Hanul Institute of Technology"].aliases


# --------------------------------------------------------------- companies by their last word

def test_company_names_by_their_last_word_and_coordinated():
    es = ents("Hanbit Pharm and Seoyeon Holdings will fund the new lab.")
    assert es["Hanbit Pharm"].kind == "Company" and es["Seoyeon Holdings"].kind == "Company"
    es = ents("Officials from Daerim Bio and Cheongsan Tech signed the deal.")
    assert es["Daerim Bio"].kind == "Company" and es["Cheongsan Tech"].kind == "Company"
    es = ents("Yeomyung University signed an MOU with Vexon Robotics on Monday.")
    assert es["Vexon Robotics"].kind == "Company"


def test_company_legal_suffixes_in_coordination():
    es = ents("The deal was signed with Duksung Co., Ltd. and Mirae Holdings Co. on Friday.")
    assert "Mirae Holdings Co." in es and not any(n.startswith("Ltd") for n in es)


# --------------------------------------------------------------- units

def test_university_medical_center_names_its_university():
    es = ents("The trial will run at Hallim University Medical Center.")
    assert es["Hallim University Medical Center"].parent == es["Hallim University"].id
