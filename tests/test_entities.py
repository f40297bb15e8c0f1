"""Entity finding and resolution on short sentences written for these tests (invented
names): how news phrases a name (possessives, appositions, titles left out), and
what must not become an entity."""
from __future__ import annotations

from partnergraph.loaders.extract import extract
from partnergraph.loaders.read import read_text_document


def ents(text: str) -> dict[str, object]:
    doc = read_text_document(text, name="t.txt", source="t.txt")
    x = extract(doc)
    return {e.name: e for e in x.entities}


def by_id(text: str) -> dict[str, object]:
    doc = read_text_document(text, name="t.txt", source="t.txt")
    return {e.id: e for e in extract(doc).entities}


def test_possessive_known_name_is_the_parent_of_its_unit():
    es = ents("The grant went to Kyung Hee University's College of Dentistry last week.\n\n"
              "A team from PNU's College of Marine Science joined.\n")
    unit = es["Kyung Hee University College of Dentistry"]
    assert unit.parent == es["Kyung Hee University"].id
    assert "Kyung Hee University's" not in es["Kyung Hee University"].aliases
    assert es["Pusan National University College of Marine Science"].parent == es["Pusan National University"].id


def test_possessive_pattern_name_is_the_parent_of_its_unit():
    es = ents("Students will be taught by Varnaland State University's Faculty of Oriental Studies.\n")
    unit = es["Varnaland State University Faculty of Oriental Studies"]
    assert unit.parent == es["Varnaland State University"].id


def test_korean_names_without_a_title_and_the_unit_after_them():
    es = ents("The lab is headed by Park Do-hyun of the Department of Ocean Physics at Varnaland "
              "University College of Science, a specialist in tides.\n\n"
              "The center's director, Seo Yu-ri, spent a decade in the city.\n")
    assert es["Park Do-hyun"].kind == "Person" and es["Seo Yu-ri"].kind == "Person"
    assert not any("Park Do-hyun of" in n for n in es)              # the name is not glued to the unit
    assert any(n.endswith("Department of Ocean Physics") and e.kind == "University" for n, e in es.items())


def test_no_person_from_bylines_or_longer_names():
    es = ents("By Choi Ha-eun\n\nMedia contact: Gong Ji-ho, Press Office\n\n"
              "The event was held at the Kim Dae-jung Convention Center in the city.\n")
    assert not any(e.kind == "Person" for e in es.values())


def test_title_after_a_possessive():
    x = ents("\"We will judge them by results,\" said Ryu Ha-jin, the ministry's director-general for policy.\n\n"
             "\"It is ready,\" said Ana Torres, Brightlane's chief medical officer.\n")
    assert x["Ryu Ha-jin"].kind == "Person" and x["Ana Torres"].kind == "Person"


def test_companies_by_apposition_premodifier_list_and_suffix():
    es = ents("The hospital signed a deal with Quillon, a Busan-based medical imaging company, on Monday.\n\n"
              "The park hosts many tenant companies, including Brightwave Motors Korea and Tallis Rotor.\n\n"
              "The fund was set up by local shipping firm Oryeon Marine last year.\n\n"
              "Kaelen Cell Technologies, a US-based developer of battery cells, will join.\n\n"
              "It also signed with Hanil Sangsa Co., Ltd. and Mirae Tools Ltd. on Monday.\n")
    for name in ("Quillon", "Brightwave Motors Korea", "Tallis Rotor", "Oryeon Marine", "Kaelen Cell Technologies",
                 "Hanil Sangsa Co.", "Mirae Tools Ltd."):
        assert es[name].kind == "Company", name


def test_no_company_from_a_person_in_apposition():
    es = ents("Park Ji-yeon, a researcher at the company, said the tests went well.\n")
    assert es["Park Ji-yeon"].kind == "Person"
    assert not any(e.kind == "Company" for e in es.values())


def test_defined_ambiguous_acronym_and_the_other_one():
    es = by_id("Chungnam National University (CNU) opened a lab. CNU will hire ten people.\n\n"
               "The design borrows from a lab at Chonnam National University in Gwangju, the other CNU, "
               "and CNU staff visited it.\n")
    assert not any(k.startswith("unresolved:") for k in es)
    assert "CNU" in es["ror:0227as991"].aliases


def test_dateline_place_is_a_region_and_no_party():
    doc = read_text_document("ULSAN, May 2 (Yonhap) -- Hanbit University signed an agreement with Mokwon "
                             "University on Monday.\n", name="t.txt", source="t.txt")
    x = extract(doc)
    es = {e.id: e for e in x.entities}
    assert es["region:ulsan"].kind == "Region"
    assert not any("region:ulsan" in (r.source, r.target) for r in x.relations)


def test_no_program_from_possessives_or_technology_acronyms_and_scholarships():
    es = ents("The center is part of the Ministry of Education's scheme for regions. The CT project was central "
              "to its plans. It gave to Hanbit University's Saebom Hope Scholarship, a program for students.\n\n"
              "Graduates will receive a Master of Business Administration from the school.\n")
    assert es["Saebom Hope Scholarship"].kind == "Program"
    assert not any(n.startswith(("CT", "Ministry of Education's", "Master of")) for n in es)


def test_company_named_after_its_group_brings_no_group():
    es = by_id("Samsung Electronics will send engineers to the campus.\n")
    assert "ror:04w3jy968" not in es and "ror:020m7t761" in es


def test_abbreviated_national_university_is_the_known_one():
    es = by_id("The center will work with Chonnam Natl. Univ. on rice lines.\n")
    assert "ror:05kzjxq56" in es


def test_two_people_of_two_units_in_one_run():
    es = ents("It will be co-directed by Professor Yoon Ha-rim of the Hanbit University Department of Marine "
              "Biology and Professor Lena Vogt of the Faculty of Geosciences.\n")
    assert {"Yoon Ha-rim", "Lena Vogt"} <= set(es)
    assert any(n.endswith("Department of Marine Biology") for n in es)
    assert not any("Lena Vogt" in n and es[n].kind != "Person" for n in es)


def test_campus_of_an_organisation_and_a_cluster():
    es = ents("The cluster will be based at POSTECH's new Battery Recycling Campus, which opens next year.\n\n"
              "The province set up the Gyeongbuk Hydrogen Materials Cluster last month.\n")
    campus = next(e for n, e in es.items() if n.endswith("Battery Recycling Campus"))
    assert campus.parent == "ror:04xysgw12"
    assert es["Gyeongbuk Hydrogen Materials Cluster"].kind == "Program"


def test_campus_without_its_organisation_is_no_entity():
    es = ents("The plan includes the “Green Triangle Campus” connecting education and research.\n")
    assert not any(n.endswith("Campus") for n in es)


def test_affiliate_is_not_its_group():
    es = by_id("The park hosts Hanwha Aerospace and Hyundai Rotem plants.\n")
    assert "company:hanwha-aerospace" in es and "ror:016xe6q07" not in es


def test_districts_by_suffix_placed_by_the_city_in_the_sentence():
    es = by_id("The plant is in Buk-gu, Pohang, north of the main campus in Nam-gu.\n\n"
               "A new office opened in Sinpyeong-gu last year.\n")
    assert "Buk-gu" in es["region:pohang-buk-gu"].aliases
    assert "Nam-gu" in es["region:pohang-nam-gu"].aliases
    assert es["region:sinpyeong-gu"].kind == "Region"


def test_industrial_complex_is_a_place_and_quoted_program_in_apposition():
    es = ents('The lab sits in the Haneul Bay Industrial Complex. The schools will launch a joint program, '
              'the "Global Master in Ocean Policy," next year.\n')
    assert es["Haneul Bay Industrial Complex"].kind == "Region"
    assert es["Global Master in Ocean Policy"].kind == "Program"


def test_unit_named_short_is_the_unit_named_in_full():
    es = by_id("Hanbit University said its Hanbit Graduate School of Design signed the deal. "
               "\"It is a first,\" said Dean Moon Ye-jin of the Graduate School of Design.\n\n"
               "KUMC, which runs Korea University Anam Hospital and Ansan Hospital, said so.\n")
    assert not any(k.endswith(":graduate-school-of-design") for k in es)
    assert "ror:05yp5js06" in es                     # Ansan Hospital: its parent's hospital


def test_department_gets_the_one_university_of_its_sentence():
    es = ents("A POSTECH team headed by Professor Gil Na-ra of the Department of Ocean Engineering will test it.\n")
    dept = next(e for n, e in es.items() if n.endswith("Department of Ocean Engineering"))
    assert dept.parent == "ror:04xysgw12"


def test_what_a_title_is_of_and_an_apposition_after_a_title():
    doc = read_text_document("Hanbit University opened a graduate school with Mokwon University. \"It is new,\" said "
                             "Dean Moon Ye-jin of Mokwon University.\n\n"
                             "Professor Lena Vogt, dean of the Mokwon University College of Arts, agreed.\n",
                             name="t.txt", source="t.txt")
    x = extract(doc)
    names = {e.id: e.name for e in x.entities}
    leads = {(names[r.source], names[r.target]) for r in x.relations if r.type == "LEADS"}
    assert ("Moon Ye-jin", "Mokwon University") in leads
    assert ("Lena Vogt", "Mokwon University College of Arts") in leads


def test_korean_name_in_parentheses_and_an_acronym_the_document_defines():
    es = ents("Haneul National University (하늘대학교, HNU) signed with the Rural Growth Administration "
              "(농촌성장청, RGA) on Monday. HNU President Noh Jae-sung (노재성) said RGA will pay.\n")
    assert "하늘대학교" in es["Haneul National University"].aliases
    assert "HNU" in es["Haneul National University"].aliases
    assert "농촌성장청" in es["Rural Growth Administration"].aliases
    assert "노재성" in es["Noh Jae-sung"].aliases
    assert "Hannam University" not in es              # the gazetteer's HNU is not this document's


def test_no_company_from_a_founder_and_no_person_from_a_district():
    es = ents("John Carver, a startup founder, spoke at the event. The office moved to Busan Seo-gu "
              "last year, and Ha Nam-gu is no name.\n")
    assert not any(e.kind == "Company" for e in es.values())
    assert not any(e.kind == "Person" and "gu" in n for n, e in es.items())


def test_company_short_form_legal_suffix_and_title_after_it():
    doc = read_text_document("Hanbit University signed an agreement with Vextra Robotics Inc., a Pangyo-based developer "
                             "of surgical robots. \"We are ready,\" said Vextra CEO Dana Osei.\n",
                             name="t.txt", source="t.txt")
    x = extract(doc)
    es = {e.name: e for e in x.entities}
    co = es["Vextra Robotics Inc."]
    assert {"Vextra", "Vextra Robotics"} <= set(co.aliases)
    leads = {(r.source, r.target) for r in x.relations if r.type == "LEADS"}
    assert (es["Dana Osei"].id, co.id) in leads


def test_dateline_province_provincial_government_and_the_universitys_unit():
    doc = read_text_document("CHUNCHEON, Gangwon Province -- Hallym University said it signed a pact with Mokwon "
                             "University. Park Ji-young of the university's College of Nursing will lead it. "
                             "Hallym Sacred Heart Hospital will join. The Gangwon Provincial Government will pay.\n",
                             name="t.txt", source="t.txt")
    x = extract(doc)
    es = {e.id: e for e in x.entities}
    assert not any(r.source == "region:gangwon" and r.type == "MOU" for r in x.relations)
    assert es["region:gangwon"].kind == "LocalGovernment"
    units = {e.name: e.parent for e in x.entities if e.parent}
    assert units.get("Hallym Sacred Heart Hospital") == es["ror:03sbhge02"].id
    assert any(n.endswith("College of Nursing") and p in ("ror:03sbhge02", "university:mokwon-university")
               for n, p in units.items())


def test_place_based_adjective_parts_a_run_of_names():
    es = ents("The project will include medical AI startup Deepnoa and Seoul-based Medikor Co. as partners.\n")
    assert es["Deepnoa"].kind == "Company" and es["Medikor Co."].kind == "Company"
    assert not any("Seoul-based" in n for n in es)


def test_group_premodifier_foreign_suffix_and_head_word_wins():
    es = ents("German engineering group Kessler AG will provide equipment. Vextra Robotics GmbH joined, and "
              "the firm Hanbit Institute of Robotics signed.\n")
    assert es["Kessler AG"].kind == "Company" and es["Vextra Robotics GmbH"].kind == "Company"
    assert es["Hanbit Institute of Robotics"].kind == "Institute"


def test_later_surname_before_a_verb_of_saying_is_the_person():
    es = ents('"It works," said Ryu Da-eun of the lab. Ryu said the tests were done. Professor Anna Berg agreed, '
              'and Berg said so. Later, Olympic Park said nothing.\n')
    assert "Ryu" in es["Ryu Da-eun"].aliases and "Berg" in es["Anna Berg"].aliases
    assert not any(e.kind == "Person" and "Park" in n for n, e in es.items())


def test_name_in_apposition_to_a_program_noun_is_a_program():
    es = ents("Under the program, named the Haneul Smart Farm Youth Academy, each school will teach a course.\n")
    assert es["Haneul Smart Farm Youth Academy"].kind == "Program"


def test_company_by_a_definite_apposition_and_compound_maker_nouns():
    es = ents("It signed with Daelim Steelworks, the country's largest steelmaker. Drugmaker rivals such as "
              "drugmaker Boryung Pharm came too. Mirae Bio, the company said, will join.\n")
    assert es["Daelim Steelworks"].kind == "Company" and es["Boryung Pharm"].kind == "Company"
    assert "Mirae Bio" not in es or es["Mirae Bio"].kind == "Company"


def test_korean_name_shape_needs_syllables():
    es = ents("Co-founder Kim Min-su said the plan works. A well-meaning Non-profit Lee agreed.\n")
    assert es["Kim Min-su"].kind == "Person"
    assert not any(n.startswith(("Co-founder", "Non-profit")) for n in es)


def test_unit_comma_university_and_lowercase_government():
    x = by_id("Seoul National University will host it, along with Lee Jun-ho, a researcher at the Department of "
              "Physics, Pusan National University. The Busan Metropolitan City government will fund it.\n")
    dept = next(e for e in x.values() if e.name.endswith("Department of Physics"))
    assert dept.parent == "ror:01an57a31"
    assert x["region:busan"].kind == "LocalGovernment"
