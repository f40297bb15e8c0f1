"""The LEADS, LOCATED_IN, HOSTS, AFFILIATED_WITH, MOU and PARTNERS_WITH rules on short
sentences written for these tests (invented names): each test states one phrasing."""
from __future__ import annotations

from partnergraph.loaders.extract import extract
from partnergraph.loaders.read import read_text_document


def rels_of(text: str):
    x = extract(read_text_document(text, name="t.txt"))
    names = {e.id: e.name for e in x.entities}
    return {(r.type, names[r.source], names[r.target]): r for r in x.relations}


def pairs(rels, typ):
    return {(a, b) for (t, a, b) in rels if t == typ}


def has(rels, typ, a, b):
    return (typ, a, b) in rels or (typ in {"MOU", "PARTNERS_WITH"} and (typ, b, a) in rels)


# -- LEADS -----------------------------------------------------------------------

def test_professor_title_is_no_leadership():
    rels = rels_of("Hanseo Valley University opened a robotics lab on Monday. "
                   "The lab will test farm robots, said Professor Min Ju-won of the Department of Mechanical Design.")
    assert not pairs(rels, "LEADS")


def test_dean_of_the_school_after_a_professor_title():
    rels = rels_of("Hanseo Valley University signed an agreement with Orlen Technical University on Monday. "
                   "Professor Lisa Marquardt, dean of the Orlen School of Engineering, welcomed the deal.")
    assert ("Lisa Marquardt", "Orlen Technical University Orlen School of Engineering") in pairs(rels, "LEADS") or \
        any(a == "Lisa Marquardt" and "Orlen School of Engineering" in b for a, b in pairs(rels, "LEADS"))
    assert not has(rels, "LEADS", "Lisa Marquardt", "Hanseo Valley University")


def test_center_is_headed_by_a_professor():
    rels = rels_of("Hanseo Valley University has opened the Coastal Ecology Research Center. "
                   "The center is headed by Professor Yoon Da-eun, a marine biologist.")
    assert has(rels, "LEADS", "Yoon Da-eun", "Coastal Ecology Research Center")
    assert not has(rels, "LEADS", "Yoon Da-eun", "Hanseo Valley University")


def test_team_headed_by_is_no_entity():
    rels = rels_of("Hanseo Valley University joined the project. "
                   "A Hanseo Valley University team headed by Professor Yoon Da-eun will build the sensors.")
    assert not pairs(rels, "LEADS")


def test_it_will_be_co_directed_by_two_professors():
    rels = rels_of("The new Hanseo-Orlen Water Lab will be housed at Hanseo Valley University. "
                   "It will be co-directed by Professor Yoon Da-eun of the Department of Chemistry "
                   "and Professor Peter Lindqvist of the Department of Physics.")
    leads = pairs(rels, "LEADS")
    lab = next(b for a, b in leads if a == "Yoon Da-eun")
    assert "Hanseo-Orlen Water Lab" in lab
    assert ("Peter Lindqvist", lab) in leads


def test_who_directs_the_institute():
    rels = rels_of("Hanseo Valley University launched the Tidal Energy Institute last year. "
                   "The work has only begun, said Kang Bo-ra, a physics professor who directs the institute.")
    assert has(rels, "LEADS", "Kang Bo-ra", "Tidal Energy Institute")
    assert not has(rels, "LEADS", "Kang Bo-ra", "Hanseo Valley University")


def test_possessive_principal_investigator():
    rels = rels_of("Hanseo Valley University leads the Marine Drone Consortium. "
                   "The consortium's principal investigator is Professor Yoon Da-eun of the Department of Physics.")
    assert has(rels, "LEADS", "Yoon Da-eun", "Marine Drone Consortium")


def test_unknown_name_before_title_is_not_the_article_subject():
    rels = rels_of("Hanseo Valley University signed an agreement with a battery maker. "
                   "The university will train engineers, said Koval CEO Oh Jin-su.")
    assert not has(rels, "LEADS", "Oh Jin-su", "Hanseo Valley University")


def test_kind_word_before_title_is_the_latest_of_that_kind():
    rels = rels_of("The Mirae Harbor Foundation has given 1 billion won to Hanseo Valley University. "
                   "Foundation Chairman Oh Jin-su handed over the gift.")
    assert has(rels, "LEADS", "Oh Jin-su", "Mirae Harbor Foundation")


def test_senior_title_after_organisation():
    rels = rels_of("Hanseo Valley University signed an agreement with Orlen Technical University. "
                   "Hanseo Valley University will host the first students. "
                   "Orlen Technical University Senior Vice President Lisa Marquardt attended.")
    assert has(rels, "LEADS", "Lisa Marquardt", "Orlen Technical University")


# -- LOCATED_IN --------------------------------------------------------------------

def test_org_in_region_with_acronym_and_relative_clause():
    rels = rels_of("Hanseo Valley University (HVU) in Daegu, which won the top score, will get 2 billion won.")
    assert has(rels, "LOCATED_IN", "Hanseo Valley University", "Daegu")


def test_org_in_region_as_subject():
    rels = rels_of("Orlen Technical University in Germany will send ten students a year.")
    assert has(rels, "LOCATED_IN", "Orlen Technical University", "Germany")


def test_apposition_based_in_and_headquartered_in():
    rels = rels_of("Hanseo Valley University, a first-time participant based in Daejeon, received a grant. "
                   "Mirae Robotics Research Institute, a state-funded lab headquartered in Changwon, will help.")
    assert has(rels, "LOCATED_IN", "Hanseo Valley University", "Daejeon")
    assert any(t == "LOCATED_IN" and "Mirae Robotics" in a and b == "Changwon" for t, a, b in rels)


def test_apposition_then_is_located_in():
    rels = rels_of("Hanseo Valley University, the network's only member outside Seoul, is located in Gumi.")
    assert has(rels, "LOCATED_IN", "Hanseo Valley University", "Gumi")
    assert not has(rels, "LOCATED_IN", "Hanseo Valley University", "Seoul")


def test_region_based_apposition_and_back_reference():
    rels = rels_of("Hanseo Valley University signed a deal with Koval Robotics Inc., a Busan-based company. "
                   "The Daegu-based university has 12,000 students.")
    assert any(t == "LOCATED_IN" and "Koval Robotics" in a and b == "Busan" for t, a, b in rels)
    assert has(rels, "LOCATED_IN", "Hanseo Valley University", "Daegu")


def test_its_headquarters_in_district_of_city():
    rels = rels_of("Hanseo Valley University will run the line at its headquarters in Seongbuk-gu, Seoul.")
    assert has(rels, "LOCATED_IN", "Hanseo Valley University", "Seongbuk-gu")
    assert has(rels, "LOCATED_IN", "Seongbuk-gu", "Seoul")


def test_place_in_a_stated_event_or_as_modifier_is_no_location():
    rels = rels_of("Hanseo Valley University signed an agreement with Orlen Technical University in Seoul on Monday. "
                   "Hanseo Valley University will open a lab in the Ulsan industrial complex.")
    assert not pairs(rels, "LOCATED_IN")


def test_city_apposition_in_province():
    rels = rels_of("Changwon, an industrial city of one million people in South Gyeongsang Province, hosts the plant.")
    assert any(t == "LOCATED_IN" and a.startswith("Changwon") and b.startswith("South Gyeongsang") for t, a, b in rels)


# -- MOU / PARTNERS_WITH -------------------------------------------------------------

def test_country_possessive_in_headline_is_no_party():
    rels = rels_of("Hanseo Valley University signs pact with Germany's Orlen Technical University\n\n"
                   "Hanseo Valley University will exchange students with Orlen Technical University.")
    assert has(rels, "MOU", "Hanseo Valley University", "Orlen Technical University")
    assert not any(t == "MOU" and "Germany" in (a, b) for t, a, b in rels)


def test_dateline_city_is_no_party():
    rels = rels_of("DAEGU, May 2 (Yonhap) -- Hanseo Valley University said Friday it has signed a memorandum "
                   "of understanding with Orlen Technical University.")
    assert has(rels, "MOU", "Hanseo Valley University", "Orlen Technical University")
    assert not any(t == "MOU" and "Daegu" in (a, b) for t, a, b in rels)


def test_said_that_its_unit_signed():
    rels = rels_of("Hanseo Valley University said Monday that its Hanseo School of Law has signed an agreement "
                   "with the Orlen School of Law at Orlen Technical University to launch a program.")
    mous = pairs(rels, "MOU")
    assert any("Hanseo School of Law" in a and "Orlen School of Law" in b or
               "Hanseo School of Law" in b and "Orlen School of Law" in a for a, b in mous)
    assert not any("Hanseo Valley University" in (a, b) for a, b in mous)


def test_three_way_agreement_pairs_every_party():
    rels = rels_of("Daegu signed a three-way agreement on Monday with Hanseo Valley University "
                   "and Orlen Technical University to build a lab.")
    assert has(rels, "MOU", "Hanseo Valley University", "Orlen Technical University")


def test_fronted_led_by_phrase_is_no_partner():
    rels = rels_of("Hanseo Valley University leads the new Marine Drone Consortium. "
                   "Led by Hanseo Valley University's Marine Institute, the consortium was formed in collaboration with "
                   "Orlen Technical University.")
    assert not pairs(rels, "PARTNERS_WITH")


def test_are_jointly_developing():
    rels = rels_of("Hanseo Valley University and Orlen Technical University are jointly developing a course.")
    assert has(rels, "PARTNERS_WITH", "Hanseo Valley University", "Orlen Technical University")


def test_will_work_with():
    rels = rels_of("Hanseo Valley University will also work with Orlen Technical University on crop studies.")
    assert has(rels, "PARTNERS_WITH", "Hanseo Valley University", "Orlen Technical University")


# -- HOSTS / AFFILIATED_WITH ----------------------------------------------------------

def test_center_which_the_hospital_opened():
    rels = rels_of("Mirae General Hospital will run trials with Koval Robotics Inc. "
                   "The two sides will operate the Surgical Robotics Research Center, which the hospital opened this month.")
    assert has(rels, "HOSTS", "Mirae General Hospital", "Surgical Robotics Research Center")


def test_said_that_unit_opened_center():
    rels = rels_of("Hanseo Medical Center said Monday that Mirae General Hospital, one of its affiliated hospitals, "
                   "has opened the Sleep Medicine Research Center.")
    assert has(rels, "HOSTS", "Mirae General Hospital", "Sleep Medicine Research Center")
    assert not has(rels, "HOSTS", "Hanseo Medical Center", "Sleep Medicine Research Center")
    assert has(rels, "AFFILIATED_WITH", "Mirae General Hospital", "Hanseo Medical Center")


def test_center_housed_in_a_unit_of_the_university():
    rels = rels_of("Hanseo Valley University signed an agreement with Orlen Technical University. "
                   "The new Tidal Energy Institute will be housed in Hanseo Valley University's Graduate School of Ocean Science.")
    hosts = pairs(rels, "HOSTS")
    assert any("Tidal Energy Institute" in b and "Graduate School of Ocean Science" in a for a, b in hosts)


def test_center_opened_within_university():
    rels = rels_of("The unit, the Tidal Energy Institute, opened within Hanseo Valley University in July.")
    assert has(rels, "HOSTS", "Hanseo Valley University", "Tidal Energy Institute")


def test_flagship_teaching_hospital_of_a_college():
    rels = rels_of("Joined by Mirae General Hospital, the flagship teaching hospital of the Hanseo Valley University "
                   "College of Medicine, the group will recruit patients.")
    assert any(t == "AFFILIATED_WITH" and a == "Mirae General Hospital" and "College of Medicine" in b
               for t, a, b in rels)


def test_which_operates_hospitals():
    rels = rels_of("Hanseo Medical Center, which operates Mirae General Hospital and Orlen Children's Hospital, "
                   "said the network will grow.")
    assert has(rels, "AFFILIATED_WITH", "Mirae General Hospital", "Hanseo Medical Center")


def test_possessive_college_of_a_university():
    rels = rels_of("Hanseo Valley University's College of Pharmacy will screen 1,000 compounds.")
    assert any(t == "AFFILIATED_WITH" and "College of Pharmacy" in a and b == "Hanseo Valley University"
               for t, a, b in rels)


def test_professor_of_a_department_and_psychiatrist_at_a_hospital():
    rels = rels_of("The Tidal Energy Institute will study tides. The institute's principal investigator is "
                   "Professor Yoon Da-eun of Hanseo Valley University's Department of Ocean Physics. "
                   "The center is headed by Professor Kang Bo-ra, a psychiatrist at Mirae General Hospital.")
    aff = pairs(rels, "AFFILIATED_WITH")
    assert any(a == "Yoon Da-eun" and "Department of Ocean Physics" in b for a, b in aff)
    assert ("Kang Bo-ra", "Mirae General Hospital") in aff
    assert not any(a == "Yoon Da-eun" and b == "Hanseo Valley University" for a, b in aff)


def test_vice_title_after_company():
    rels = rels_of("Hanseo Valley University opened a lab. Hanseo Valley University will train engineers. "
                   "LG Chem Vice Chairman Oh Jin-su sent a message.")
    assert has(rels, "LEADS", "Oh Jin-su", "LG Chem")
    assert not has(rels, "LEADS", "Oh Jin-su", "Hanseo Valley University")


def test_place_possessive_before_a_university():
    rels = rels_of("Hanseo Valley University signed a pact with Germany's Orlen Technical University on Monday.")
    assert has(rels, "LOCATED_IN", "Orlen Technical University", "Germany")


def test_home_to_a_centre():
    rels = rels_of("Hanseo Valley University is home to the Tidal Energy Institute. "
                   "Daejeon is also home to the Quantum Sensor Research Center.")
    assert has(rels, "HOSTS", "Hanseo Valley University", "Tidal Energy Institute")
    assert has(rels, "LOCATED_IN", "Quantum Sensor Research Center", "Daejeon")
    assert not has(rels, "HOSTS", "Daejeon", "Quantum Sensor Research Center")


def test_centre_which_opened_at_a_hospital():
    rels = rels_of("The Sleep Medicine Research Center, which opened at Mirae General Hospital in 2023, treats 900 patients.")
    assert has(rels, "HOSTS", "Mirae General Hospital", "Sleep Medicine Research Center")


def test_organisation_before_a_dash_stays_a_party():
    rels = rels_of("Hanseo Valley University — the region's oldest school — signed an MOU with Orlen Technical University.")
    assert has(rels, "MOU", "Hanseo Valley University", "Orlen Technical University")


def test_centre_located_at_a_university():
    rels = rels_of("The Tidal Energy Institute, located at Hanseo Valley University, opened in May.")
    assert has(rels, "HOSTS", "Hanseo Valley University", "Tidal Energy Institute")


def test_run_a_trial_with():
    rels = rels_of("Mirae General Hospital opened the Sleep Medicine Research Center. "
                   "From 2025, the center will run a multicenter clinical trial with Orlen Technical University. "
                   "Hanseo Valley University will conduct a study with 300 patients.")
    assert has(rels, "PARTNERS_WITH", "Sleep Medicine Research Center", "Orlen Technical University")
    assert not any(t == "PARTNERS_WITH" and "Hanseo Valley University" in (a, b) for t, a, b in rels)


def test_dean_of_a_unit_named_by_the_end_of_its_name():
    rels = rels_of("Hanseo Valley University said its Hanseo Graduate School of Public Policy will open a course. "
                   "It is a first, said Dean Oh Jin-su of the Graduate School of Public Policy.")
    assert any(t == "LEADS" and a == "Oh Jin-su" and "Graduate School of Public Policy" in b for t, a, b in rels)


def test_appositive_possessive_chief_officer():
    rels = rels_of("Hanseo Valley University opened a lab. Hanseo Valley University signed an agreement with LG Chem. "
                   "Professor Oh Jin-su, LG Chem's chief technology officer, said the work starts now.")
    assert has(rels, "LEADS", "Oh Jin-su", "LG Chem")
    assert not has(rels, "LEADS", "Oh Jin-su", "Hanseo Valley University")


def test_company_possessive_title_before_name():
    rels = rels_of("Hanseo Valley University opened a lab. Hanseo Valley University signed an agreement with LG Chem. "
                   "LG Chem's chief technology officer, Professor Oh Jin-su, signed for the company.")
    assert has(rels, "LEADS", "Oh Jin-su", "LG Chem")
    assert not has(rels, "LEADS", "Oh Jin-su", "Hanseo Valley University")


def test_region_based_team_from_is_no_location():
    rels = rels_of("Hanseo Valley University built a robot. An Ulsan-based team from Hanseo Valley University built it.")
    assert not pairs(rels, "LOCATED_IN")


def test_unknown_place_word_before_governor_keeps_the_province():
    rels = rels_of("North Jeolla Province will fund the program. Jeonbukdo Governor Kim Kwan-young attended.")
    assert any(t == "LEADS" and a == "Kim Kwan-young" for t, a, b in rels)


def test_centre_which_the_university_has_operated():
    rels = rels_of("Classes will meet at the Tidal Energy Institute, which Hanseo Valley University has operated "
                   "on its campus since 2019.")
    assert has(rels, "HOSTS", "Hanseo Valley University", "Tidal Energy Institute")


def test_centre_which_the_university_will_host():
    rels = rels_of("The Quantum Sensor Research Center, which Hanseo Valley University will host, opens in March.")
    assert has(rels, "HOSTS", "Hanseo Valley University", "Quantum Sensor Research Center")


def test_centre_which_is_run_by_a_hospital():
    rels = rels_of("Patients will be seen at the Sleep Medicine Research Center, which is run by Mirae General Hospital.")
    assert has(rels, "HOSTS", "Mirae General Hospital", "Sleep Medicine Research Center")


def test_centre_set_up_inside_the_hospital():
    rels = rels_of("Mirae General Hospital signed a deal with Orlen Technical University. "
                   "A new Sleep Medicine Research Center will be set up inside the hospital.")
    assert has(rels, "HOSTS", "Mirae General Hospital", "Sleep Medicine Research Center")


def test_centre_built_on_a_campus_but_not_on_a_day():
    rels = rels_of("The Tidal Energy Institute will be built on the Hanseo Valley University campus. "
                   "The Quantum Sensor Research Center will be built on Monday near Orlen Technical University.")
    assert has(rels, "HOSTS", "Hanseo Valley University", "Tidal Energy Institute")
    assert not any(t == "HOSTS" and b == "Quantum Sensor Research Center" for t, a, b in rels)


def test_it_also_hosts_a_centre():
    rels = rels_of("Orlen Technical University is affiliated with Hanseo Valley University. "
                   "It also hosts the Tidal Energy Institute, which trains engineers.")
    assert has(rels, "HOSTS", "Orlen Technical University", "Tidal Energy Institute")


def test_will_house_the_centre():
    rels = rels_of("Hanseo Valley University and Mirae General Hospital will launch the Sleep Medicine Research Center. "
                   "Mirae General Hospital will house the center in its east wing.")
    assert has(rels, "HOSTS", "Mirae General Hospital", "Sleep Medicine Research Center")


# -- LEADS (round 4) ------------------------------------------------------------

def test_director_general_at_the_ministry():
    rels = rels_of("The Ministry of Health and Welfare picked Mirae General Hospital for the program. "
                   "Mirae General Hospital will lead it. "
                   "The plan will help patients, said Kang Bo-ra, director general for health industry policy at the ministry.")
    assert has(rels, "LEADS", "Kang Bo-ra", "Ministry of Health and Welfare")
    assert not has(rels, "LEADS", "Kang Bo-ra", "Mirae General Hospital")


def test_head_of_the_institute_is_the_institute_named_before():
    rels = rels_of("Mirae General Hospital opened the Mirae Biomedical Research Institute. "
                   "The institute will share data, said Yoon Da-eun, head of the institute.")
    assert has(rels, "LEADS", "Yoon Da-eun", "Mirae Biomedical Research Institute")
    assert not has(rels, "LEADS", "Yoon Da-eun", "Mirae General Hospital")


def test_head_of_an_unnamed_division_leads_nothing():
    rels = rels_of("Hanseo Valley University signed an MOU with Koval Robotics Inc. "
                   "Koval Robotics Inc. was represented by Min Ju-won, head of its drone business division. "
                   "Lee Ho-jin, head of the city's planning bureau, attended.")
    assert not any(t == "LEADS" and a in ("Min Ju-won", "Lee Ho-jin") for t, a, b in rels)


def test_dean_of_a_faculty_after_a_possessive():
    rels = rels_of("Hanseo Valley University signed an MOU with Orlen Technical University. "
                   "Lee Ho-jin, president of Hanseo Valley University, signed it with Dean Kang Bo-ra of "
                   "Orlen Technical University's Faculty of Medicine.")
    assert any(t == "LEADS" and a == "Kang Bo-ra" and "Faculty of Medicine" in b for t, a, b in rels)
    assert not has(rels, "LEADS", "Kang Bo-ra", "Orlen Technical University")


def test_professor_of_a_school_who_will_direct_the_center():
    rels = rels_of("Hanseo Valley University opened the Coastal Robotics Center. "
                   "Professor Kang Bo-ra of the School of Computing, who will direct the center, said it would grow.")
    assert has(rels, "LEADS", "Kang Bo-ra", "Coastal Robotics Center")


def test_professor_of_a_school_named_director_of_the_center():
    rels = rels_of("Hanseo Valley University opened the Coastal Robotics Center. "
                   "Professor Kang Bo-ra of Hanseo Valley University's School of Computing has been named director "
                   "of the center.")
    assert has(rels, "LEADS", "Kang Bo-ra", "Coastal Robotics Center")


def test_dean_named_the_centers_first_director():
    rels = rels_of("Hanseo Valley University opened the Coastal Robotics Center. "
                   "Lee Ho-jin, dean of the Graduate School of Ocean Science, was named the center's first director.")
    assert has(rels, "LEADS", "Lee Ho-jin", "Coastal Robotics Center")


def test_its_director_after_a_sentence_about_the_center():
    rels = rels_of("The Coastal Robotics Center, which is operated by Mirae General Hospital, will run the sessions. "
                   "Its director, Kang Bo-ra, said the center had grown.")
    assert has(rels, "LEADS", "Kang Bo-ra", "Coastal Robotics Center")
    assert not has(rels, "LEADS", "Kang Bo-ra", "Mirae General Hospital")


def test_the_laboratory_is_led_by():
    rels = rels_of("Hanseo Valley University and Orlen Technical University launched the Hanseo-Orlen Joint "
                   "Laboratory for Batteries. The laboratory is led by Professor Min Ju-won of the Department of Physics.")
    assert has(rels, "LEADS", "Min Ju-won", "Hanseo-Orlen Joint Laboratory for Batteries")


def test_known_parent_only_inside_the_units_name_is_no_affiliation():
    # the gazetteer knows the hospital's university; a sentence that names only the hospital
    # does not name the university, and no other sentence does
    rels = rels_of("The city signed an agreement with Pusan National University Hospital and Dong-A University "
                   "Hospital on Monday.")
    assert not pairs(rels, "AFFILIATED_WITH")
    rels = rels_of("The city signed an agreement with Pusan National University Hospital on Monday. "
                   "Pusan National University will send staff.")
    assert has(rels, "AFFILIATED_WITH", "Pusan National University Hospital", "Pusan National University")


def test_which_opened_is_a_branch_of():
    rels = rels_of("Mirae General Hospital, which opened in 2020, is a branch of Hanseo Medical Center.")
    assert has(rels, "AFFILIATED_WITH", "Mirae General Hospital", "Hanseo Medical Center")


def test_is_the_teaching_hospital_of():
    rels = rels_of("Koval Hospital is the teaching hospital of Hanseo Valley University College of Medicine.")
    assert any(t == "AFFILIATED_WITH" and a == "Koval Hospital" and "College of Medicine" in b for t, a, b in rels)


def test_belongs_to_the_college_after_a_possessive():
    rels = rels_of("The Hanseo Valley University School of Computing, which belongs to Hanseo Valley University's "
                   "College of Engineering, grew.")
    assert any(t == "AFFILIATED_WITH" and "School of Computing" in a and "College of Engineering" in b
               for t, a, b in rels)


def test_a_unit_of_the_college_after_a_possessive():
    rels = rels_of("The Hanseo Valley University Department of Physics, a unit of Hanseo Valley University's "
                   "College of Natural Sciences, was founded in 1990.")
    assert any(t == "AFFILIATED_WITH" and "Department of Physics" in a and "College of Natural Sciences" in b
               for t, a, b in rels)


def test_the_flagship_hospital_affiliated_with():
    rels = rels_of("Fellows will train at Mirae General Hospital, the flagship hospital affiliated with "
                   "Hanseo Medical Center.")
    assert has(rels, "AFFILIATED_WITH", "Mirae General Hospital", "Hanseo Medical Center")


def test_hospital_run_by_a_university_but_centre_hosted():
    rels = rels_of("Orlen Children's Hospital, which is run by Orlen Technical University, treats children. "
                   "The Tidal Energy Institute, which is run by Orlen Technical University, opened.")
    assert has(rels, "AFFILIATED_WITH", "Orlen Children's Hospital", "Orlen Technical University")
    assert has(rels, "HOSTS", "Orlen Technical University", "Tidal Energy Institute")
    assert not has(rels, "AFFILIATED_WITH", "Tidal Energy Institute", "Orlen Technical University")


# -- MOU (round 4) ---------------------------------------------------------------

def test_two_titled_signers_sign_an_agreement():
    rels = rels_of("Hanseo Valley University President Lee Ho-jin and Orlen Technical University Rector Kang Bo-ra "
                   "signed an agreement on the project in Seoul on Monday.")
    assert has(rels, "MOU", "Hanseo Valley University", "Orlen Technical University")


def test_an_agreement_that_two_parties_signed():
    rels = rels_of("The Tidal Energy Institute grew out of an agreement that Mirae General Hospital and KAIST "
                   "signed in March.")
    assert has(rels, "MOU", "Mirae General Hospital", "KAIST")


def test_both_signed_agreements_with_unnamed_others():
    rels = rels_of("Mirae General Hospital and Hanseo Medical Center have both signed training agreements "
                   "with Indonesian hospitals in the past two years.")
    assert not pairs(rels, "MOU")


def test_possessive_owner_of_a_unit_is_no_party_of_its_own():
    rels = rels_of("Koval Robotics Inc. and Hanseo Valley University's College of Engineering signed an MOU on Monday.")
    assert has(rels, "MOU", "Koval Robotics Inc.", "Hanseo Valley University College of Engineering")
    assert not has(rels, "MOU", "Koval Robotics Inc.", "Hanseo Valley University")
    assert not has(rels, "MOU", "Hanseo Valley University", "Hanseo Valley University College of Engineering")


# -- PARTNERS_WITH (round 4) -------------------------------------------------------

def test_two_open_a_joint_center():
    rels = rels_of("Hanseo Valley University and Orlen Technical University have opened a joint research center "
                   "for farm robots.")
    assert has(rels, "PARTNERS_WITH", "Hanseo Valley University", "Orlen Technical University")


def test_work_alongside():
    rels = rels_of("Koval Robotics Inc., a venture capital firm, will work alongside Hanseo Valley University "
                   "to screen candidate teams.")
    assert has(rels, "PARTNERS_WITH", "Koval Robotics Inc.", "Hanseo Valley University")


def test_which_already_works_with():
    rels = rels_of("The digital track is being developed together with Koval Robotics Inc., which already works "
                   "with Mirae General Hospital on cloud records.")
    assert has(rels, "PARTNERS_WITH", "Koval Robotics Inc.", "Mirae General Hospital")


def test_partners_after_an_apposition_as_well_as():
    rels = rels_of("Hanseo Valley University will carry out the research together with the Korea Institute of "
                   "Science and Technology (KIST), the state-run institute in Seoul, as well as the software company "
                   "Koval Robotics Inc. and the chip maker SK hynix.")
    assert has(rels, "PARTNERS_WITH", "Hanseo Valley University", "Korea Institute of Science and Technology")
    assert has(rels, "PARTNERS_WITH", "Hanseo Valley University", "Koval Robotics Inc.")
    assert has(rels, "PARTNERS_WITH", "Hanseo Valley University", "SK hynix")


def test_title_of_an_unnamed_bureau_or_an_unknown_embassy_leads_nothing():
    rels = rels_of("Hanseo Valley University opened a lab. Hanseo Valley University will train engineers. "
                   "Kim Seon-woo, director general of the city's future industry bureau, said the lab would grow. "
                   "Ahn Tae-ho, ambassador of the Embassy of Korea in Orlenia, spoke.")
    assert not any(t == "LEADS" and a in ("Kim Seon-woo", "Ahn Tae-ho") and b == "Hanseo Valley University"
                   for t, a, b in rels)


def test_who_heads_the_department():
    rels = rels_of("Hanseo Valley University's Department of Ocean Physics will run the course. "
                   "The course matters, said Professor Kang Bo-ra, who heads the department and will manage the project.")
    assert any(t == "LEADS" and a == "Kang Bo-ra" and "Department of Ocean Physics" in b for t, a, b in rels)


def test_serving_as_co_director_of_what_the_first_leads():
    rels = rels_of("Hanseo Valley University and Orlen Technical University launched the Hanseo-Orlen Joint Laboratory "
                   "for Batteries. The laboratory is led by Professor Min Ju-won of the Department of Physics, with "
                   "Prof. Peter Lindqvist of Orlen Technical University serving as co-director on the Orlen side.")
    assert has(rels, "LEADS", "Peter Lindqvist", "Hanseo-Orlen Joint Laboratory for Batteries")
    assert not has(rels, "LEADS", "Peter Lindqvist", "Orlen Technical University")


def test_will_house_the_academy_named_before():
    rels = rels_of("Hanseo Valley University will open the Carbon Talent Academy next year. "
                   "Hanseo Valley University will house the academy in its new building.")
    assert has(rels, "HOSTS", "Hanseo Valley University", "Carbon Talent Academy")


def test_hospital_where_a_centre_will_be_set_up():
    rels = rels_of("The plan centers on Mirae General Hospital, the university's affiliated hospital, where a new "
                   "Sleep Medicine Research Center will be set up to test devices.")
    assert has(rels, "HOSTS", "Mirae General Hospital", "Sleep Medicine Research Center")


def test_its_teaching_hospital_apposition():
    rels = rels_of("Hanseo Valley University's Faculty of Medicine will select the fellows and its teaching hospital, "
                   "Mirae General Hospital, will take part.")
    assert any(t == "AFFILIATED_WITH" and a == "Mirae General Hospital" and "Faculty of Medicine" in b
               for t, a, b in rels)


def test_one_of_the_institutes_of():
    rels = rels_of("Mirae General Hospital, one of the five hospitals run by Hanseo Medical Center, opened a ward. "
                   "Hanseo Valley University is one of the best schools in Korea.")
    assert has(rels, "AFFILIATED_WITH", "Mirae General Hospital", "Hanseo Medical Center")
    assert not any(t == "AFFILIATED_WITH" and a == "Hanseo Valley University" for t, a, b in rels)


def test_became_director_of():
    rels = rels_of("Hanseo Valley University signed a deal. Orlen Technical University agreed. "
                   "Kang Bo-ra became director of the Tidal Energy Institute in 2023.")
    assert has(rels, "LEADS", "Kang Bo-ra", "Tidal Energy Institute")
    assert not has(rels, "LEADS", "Kang Bo-ra", "Hanseo Valley University")


def test_co_developed_with_and_formed_an_alliance_with():
    rels = rels_of("Hanseo Valley University co-developed the sensor with Koval Robotics Inc. last year. "
                   "Mirae General Hospital has formed a strategic alliance with Orlen Technical University.")
    assert has(rels, "PARTNERS_WITH", "Hanseo Valley University", "Koval Robotics Inc.")
    assert has(rels, "PARTNERS_WITH", "Mirae General Hospital", "Orlen Technical University")
