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


# --------------------------------------------------------------- group affiliates, "&"

def test_group_name_and_an_upper_case_word_name_an_affiliate():
    es = ents("Officials from SK hynix and LG CNS visited the campus on Friday.")
    assert es["LG CNS"].kind == "Company" and "LG" not in es
    es = ents("LG CEO Koo Bon-hwa said the plan was ready.")
    assert "LG" in es and "LG CEO" not in es          # a title is no affiliate


def test_a_known_acronym_joined_by_ampersand_is_another_name():
    es = ents("KT&G will sponsor the scholarship program.")
    assert "KT" not in es and es["KT&G"].kind == "Company"
    assert not ents("The R&D budget rose and M&A deals fell.")


# --------------------------------------------------------------- foreign universities

def test_foreign_university_words_head_the_whole_name():
    es = ents("The school partnered with Universidad de Valdoria and Université de Lorvenne.")
    assert es["Universidad de Valdoria"].kind == "University" and "Université de Lorvenne" in es
    es = ents("Students from Universiti Teknologi Kinabalu and Technische Universität Halden visited.")
    assert es["Universiti Teknologi Kinabalu"].kind == "University"
    assert es["Technische Universität Halden"].kind == "University"


# --------------------------------------------------------------- people

def test_korean_given_names_with_a_final_h_syllable():
    es = ents("Soo-ah Jeon, who heads the Hanul Bio Center, said the lab would open in May.")
    assert es["Soo-ah Jeon"].kind == "Person"
    es = ents("Kim Yeon-ah and Lee Jong-shik joined the team.")
    assert es["Kim Yeon-ah"].kind == "Person" and es["Lee Jong-shik"].kind == "Person"
    assert not any(e.kind == "Person" for e in ents("The Co-host Kim spoke.").values())


def test_doctor_title_names_a_person_who_leads_nothing():
    doc = read_text_document("Body text.\n\nDr. Maria Gonzalez of the University of Valdoria said the trial "
                             "worked.\n", name="t.txt", source="t.txt")
    x = extract(doc)
    names = {e.name: e for e in x.entities}
    assert names["Maria Gonzalez"].kind == "Person" and "University of Valdoria" in names
    assert not any(r.type == "LEADS" for r in x.relations)


def test_surname_after_a_title_is_not_part_of_the_university():
    es = ents("Professor Ahn of Myeongdo University joined the project.")
    assert "Myeongdo University" in es and not any(n.startswith("Ahn") for n in es)


# --------------------------------------------------------------- "in" inside a name, stations, neighbourhoods

def test_in_inside_a_centre_name_but_not_before_a_place():
    es = ents("Han Seung-woo, who heads the Center for Artificial Intelligence in Medicine, said so.")
    assert "Center for Artificial Intelligence in Medicine" in es
    es = ents("The Institute of Marine Data in Busan opened.")
    assert "Institute of Marine Data" in es and "Busan" in es
    es = ents("The Center for Robotics in Hanul University Hospital opened.")
    assert "Center for Robotics" in es and "Hanul University Hospital" in es
    es = ents("The grant came from the Marine Research Foundation of Korea in March.")
    assert "Marine Research Foundation of Korea" in es


def test_police_and_fire_stations_are_agencies():
    assert ents("The course was set up with the Yangcheon Police Station.")["Yangcheon Police Station"].kind == "Agency"
    assert not any(e.kind == "Agency" for e in ents("Trains stop at Daegok Station.").values())


def test_neighbourhood_where_something_is():
    assert ents("The academy opens at the campus in Jeongneung-dong on Monday.")["Jeongneung-dong"].kind == "Region"
    assert "Irwon-dong" not in ents("It is on its Irwon-dong campus.")


# --------------------------------------------------------------- acronym first, units of a named university

def test_acronym_before_the_name_it_stands_for():
    es = ents("KIMR (Korea Institute of Marine Robotics) opened a branch in Ulsan.")
    assert "KIMR" in es["Korea Institute of Marine Robotics"].aliases
    es = ents("The deal names GMRC (Gwangseo Marine Research Center) as the host.")
    assert "GMRC" in es["Gwangseo Marine Research Center"].aliases
    es = ents("The talks (Gwangseo Marine Research Center) went well.")
    assert not es["Gwangseo Marine Research Center"].aliases


def test_unit_of_a_named_university():
    es = ents("The College of Natural Sciences of Hanul University joined the project.")
    assert es["Hanul University College of Natural Sciences"].parent == es["Hanul University"].id
    es = ents("The School of Music of the University of Valdoria joined.")
    assert es["University of Valdoria School of Music"].parent == es["University of Valdoria"].id
    assert "Institute of Science and Technology" in ents("The Institute of Science and Technology opened.")


def test_more_company_endings_and_a_title_after_the_name():
    es = ents("Daerim Networks CEO Yoon Seo-hyun said it was a good start.")
    assert es["Daerim Networks"].kind == "Company" and es["Yoon Seo-hyun"].kind == "Person"
    es = ents("Mirae Asset Securities and Hanul Capital will invest in the fund.")
    assert es["Mirae Asset Securities"].kind == "Company"
    es = ents("The ship was built by Daeyang Shipbuilding Co. last year.")
    assert es["Daeyang Shipbuilding Co."].kind == "Company"


def test_graduate_school_after_a_university_name_and_technoparks():
    es = ents("Professors at the Yeomyung University Graduate School of Public Health joined.")
    assert es["Yeomyung University Graduate School of Public Health"].parent == es["Yeomyung University"].id
    assert ents("The Hwaseo Technopark signed a deal.")["Hwaseo Technopark"].kind == "Institute"


def test_of_a_place_after_the_acronym_that_ends_a_name():
    es = ents("The MOU was signed with the Hanseatic Institute for Laser Technology HILT of Hamburg, Germany, "
              "on Monday.")
    assert "Hanseatic Institute for Laser Technology HILT" in es
    assert "University of Busan" in ents("The University of Busan signed.")


def test_two_companies_joined_by_and_and_more_company_nouns():
    es = ents("The grant went to startups including Nuvola and Brightcell Therapeutics.")
    assert es["Nuvola"].kind == "Company" and es["Brightcell Therapeutics"].kind == "Company"
    assert ents("Battery recycler Ecoreon will join the project.")["Ecoreon"].kind == "Company"
    assert "Mirae Steel & Chemical" in ents("The agreement with Mirae Steel & Chemical was signed in Seoul.")


def test_campus_after_a_university_and_a_place():
    es = ents("The Yeomyung University Songdo Campus will open in 2027.")
    assert es["Yeomyung University Songdo Campus"].parent == es["Yeomyung University"].id


def test_possessive_words_inside_names():
    assert ents("Doctors at Hanul Children's Hospital led the study.")["Hanul Children's Hospital"].kind == "Hospital"
    assert ents("Students from Daeseong Women's University joined.")["Daeseong Women's University"].kind == "University"
    assert "Hanul St. Luke's Hospital" in ents("The trial ran at Hanul St. Luke's Hospital in Busan.")
    es = ents("Hanul University's College of Nursing joined.")     # a possessive still names the parent
    assert es["Hanul University College of Nursing"].parent == es["Hanul University"].id


def test_titles_abbreviated_before_a_name_end_no_sentence():
    assert len(_sents("Rep. Kim Min-jun of the Hanul Party attended.")) == 1
    assert len(_sents("Lt. Gen. Park Do-yun spoke at the ceremony.")) == 1
    assert len(_sents("The lab sits at the foot of Mt. Halla on the island.")) == 1


def test_acronym_in_parentheses_after_a_lead_word_or_in_quotes():
    for form in ("(hereafter KIMR)", "(the KIMR)", "(or KIMR)", '("KIMR")'):
        es = ents(f"The Korea Institute of Marine Robotics {form} opened a branch.")
        assert "KIMR" in es["Korea Institute of Marine Robotics"].aliases, form
    es = ents("The Korea Institute of Marine Robotics (the Netherlands) opened a branch.")
    assert "Netherlands" not in es["Korea Institute of Marine Robotics"].aliases


def test_university_hospital_with_a_place_between():
    es = ents("Doctors at Hanul University Ilsan Hospital led the study.")
    assert es["Hanul University Ilsan Hospital"].parent == es["Hanul University"].id


def test_branch_campus_names_and_people_before_of():
    es = ents("Four schools share the campus, including SUNY Korea and George Mason University Korea.")
    assert es["George Mason University Korea"].kind == "University"
    assert not any(" and " in n for n in es)
    es = ents("Students of Hanul University visited the lab.")
    assert "Hanul University" in es and not any(n.startswith("Students") for n in es)


def test_committee_on_a_subject():
    es = ents("The Presidential Committee on Regional Balance will review the plan.")
    assert es["Presidential Committee on Regional Balance"].kind == "Agency"
    es = ents("The Hanul Commission on Monday said it would review the plan.")
    assert "Hanul Commission" in es and not any("Monday" in n for n in es)


def test_a_place_before_a_known_hospital_name_is_another_hospital():
    es = ents("The trial will run at Daejin St. Vincent's Hospital.")
    assert "Daejin St. Vincent's Hospital" in es and es["Daejin St. Vincent's Hospital"].parent is None
    assert not any("Daejin" in n and n != "Daejin St. Vincent's Hospital" for n in es)
