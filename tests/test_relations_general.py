"""Paraphrases of the MOU, PARTNERS_WITH, LOCATED_IN, HOSTS, AFFILIATED_WITH and LEADS
rules (invented names): the same fact in the other shapes news gives it, and near misses
that state no such fact."""
from __future__ import annotations

from partnergraph.loaders.extract import extract
from partnergraph.loaders.read import read_text_document


def rels_of(text: str):
    x = extract(read_text_document(text, name="t.txt"))
    names = {e.id: e.name for e in x.entities}
    return {(r.type, names[r.source], names[r.target]) for r in x.relations}


def has(rels, typ, a, b):
    return (typ, a, b) in rels or (typ in {"MOU", "PARTNERS_WITH"} and (typ, b, a) in rels)


def of_type(rels, typ):
    return {(a, b) for t, a, b in rels if t == typ}


A = "Daegyeong National University"
B = "Halvorsen Technical University"
H = "Brightwater Medical Center"
C = "Sanrio Electronics Co."


# -- MOU: passive "signed by", signers for their organisations ---------------------

def test_mou_agreement_signed_by_two_parties():
    rels = rels_of(f"The agreement, signed by {A} and {B}, covers joint degrees.")
    assert has(rels, "MOU", A, B)


def test_mou_agreement_signed_on_a_day_by_two_parties():
    rels = rels_of(f"Under the pact signed Tuesday by {A} and {B}, students will spend a year abroad.")
    assert has(rels, "MOU", A, B)


def test_mou_signed_by_the_heads_of_two_organisations():
    rels = rels_of(f"The memorandum was signed by Park Ji-hoon, president of {A}, and Oliver Brandt, CEO of {C}, on Friday.")
    assert has(rels, "MOU", A, C)


def test_mou_signer_with_his_title_as_subject():
    rels = rels_of(f"Park Ji-hoon, president of {A}, signed the memorandum with {B} on Friday.")
    assert has(rels, "MOU", A, B)


def test_no_mou_from_a_leader_who_only_comments():
    rels = rels_of(f"Park Ji-hoon, president of {A}, said the agreement with the city was a milestone.")
    assert not of_type(rels, "MOU")


# -- clauses: each contrasted clause pairs its own subject ---------------------------

def test_partner_of_a_while_clause_is_its_own_subject():
    rels = rels_of(f"{A} signed an agreement with {B}, while {H} partnered with {C} on imaging.")
    assert has(rels, "MOU", A, B)
    assert has(rels, "PARTNERS_WITH", H, C)
    assert not has(rels, "PARTNERS_WITH", A, C)


def test_partner_after_a_semicolon_is_its_own_subject():
    rels = rels_of(f"{A} will open a hydrogen lab next year; {H} will collaborate with {C} on imaging.")
    assert has(rels, "PARTNERS_WITH", H, C)
    assert not has(rels, "PARTNERS_WITH", A, C)


def test_list_subject_with_and_still_partners():
    rels = rels_of(f"{A}, {B}, and {H} will work with {C} on sensors.")
    for x in (A, B, H):
        assert has(rels, "PARTNERS_WITH", x, C)


# -- MOU: parties named in the sentences before ------------------------------------

def test_mou_the_three_parties_of_the_sentence_before():
    rels = rels_of(f"{A} has teamed up with {B} and {H} to build imaging models.\n\n"
                   "The three parties signed a memorandum of understanding on Tuesday.")
    for x, y in ((A, B), (A, H), (B, H)):
        assert has(rels, "MOU", x, y)


def test_mou_the_two_signed_after_a_sentence_with_one_back_reference():
    rels = rels_of(f"{A} will train nurses at {H}. The hospital will provide the wards.\n\n"
                   "The two signed a cooperation agreement in February.")
    assert has(rels, "MOU", A, H)


def test_mou_the_agreement_was_signed_names_the_pair_before():
    rels = rels_of(f"{A} will launch a joint degree with {B} next year.\n\n"
                   "The agreement was signed Thursday in Seoul.")
    assert has(rels, "MOU", A, B)


def test_no_mou_when_the_number_does_not_match():
    rels = rels_of(f"{A} has teamed up with {B} and {H} to build imaging models.\n\n"
                   "The two signed a memorandum of understanding on Tuesday.")
    assert not of_type(rels, "MOU")


# -- parties: a place after a name is where it is; a descriptor before a name ----------

def test_country_after_a_party_is_no_party():
    rels = rels_of(f"{A} said it has signed a memorandum of understanding with the Halvorsen Technical University "
                   "of Bergen, Norway, to develop robots.")
    assert any(t == "MOU" and "Halvorsen" in (x + y) for t, x, y in rels)
    assert not any(t == "MOU" and "Norway" in (x + y) for t, x, y in rels)


def test_a_place_in_a_list_of_parties_stays_a_party():
    rels = rels_of(f"{A} signed an agreement with {B}, Norway and {H}.")
    assert has(rels, "MOU", A, H)


def test_descriptor_before_the_last_partner():
    rels = rels_of(f"{H} has teamed up with {A} and medical AI company Lunos to build imaging models.")
    assert has(rels, "PARTNERS_WITH", H, "Lunos")
    assert has(rels, "PARTNERS_WITH", H, A)


def test_co_host_with():
    rels = rels_of(f"The Ulsan Metropolitan City government said it will co-host an annual job fair with {A}.")
    assert any(t == "PARTNERS_WITH" and A in (x, y) and "Ulsan" in (x + y) for t, x, y in rels)


def test_co_hosted_without_a_partner_is_none():
    rels = rels_of(f"{A} co-hosted an annual job fair in Ulsan last year.")
    assert not of_type(rels, "PARTNERS_WITH")


# -- LEADS: an organisation named in the title is not the article's subject -------------

def test_leads_owner_named_in_a_possessive_title():
    rels = rels_of(f"{H} will run the trial with Lunos, a medical AI company. {H} said the data were ready. "
                   f"Kang Min-ho, Lunos's chief medical officer, said {H} would enrol patients.")
    assert not has(rels, "LEADS", "Kang Min-ho", H)


def test_leads_director_of_an_unknown_institute_is_not_the_article_subject():
    rels = rels_of(f"{A} signed an agreement with the Halvorsen Institute for Production Technology IPT. "
                   f"{A} will send engineers. Prof. Markus Lehner, director of Halvorsen IPT, welcomed the deal.")
    assert not has(rels, "LEADS", "Markus Lehner", A)


def test_leads_dean_of_an_office_is_the_article_subject():
    rels = rels_of(f"{A} was selected for the program. {A} will host students. "
                   "Cho Min-su, Dean of International Affairs, said the selection was an honour.")
    assert has(rels, "LEADS", "Cho Min-su", A)


# -- LEADS: a centre referred to by its owner ----------------------------------------

def test_leads_owner_center_is_directed_by():
    rels = rels_of(f"{A}'s Center for Coastal Robotics and {B}'s Center for Ice Physics won the grant. "
                   f"The {B} center is directed by Professor Lee Su-bin.")
    assert any(t == "LEADS" and x == "Lee Su-bin" and "Ice Physics" in y for t, x, y in rels)
    assert not any(t == "LEADS" and x == "Lee Su-bin" and "Coastal" in y for t, x, y in rels)


def test_leads_possessive_owner_center_headed_by():
    rels = rels_of(f"{A}'s Center for Coastal Robotics and {B}'s Center for Ice Physics won the grant. "
                   f"{A}'s center, headed by Professor Min Jae-won, will build drones.")
    assert any(t == "LEADS" and x == "Min Jae-won" and "Coastal" in y for t, x, y in rels)


def test_leads_coordinated_and_is_led_by():
    rels = rels_of(f"{H} has opened the Brightwater Rare Disease Care Center. The center is based at {H} "
                   "in Seocho District and is led by Professor Yang Hye-won, a geneticist.")
    assert has(rels, "LEADS", "Yang Hye-won", "Brightwater Rare Disease Care Center")
    assert not has(rels, "LEADS", "Yang Hye-won", H)


# -- HOSTS: a university's centre; a centre referred back to; whose clause ----------------

def test_hosts_university_possessive_center():
    rels = rels_of(f"The winners are {A}'s Coastal Robotics Research Center and {B}'s Center for Ice Physics.")
    assert any(t == "HOSTS" and x == A and "Coastal Robotics" in y for t, x, y in rels)
    assert any(t == "HOSTS" and x == B and "Ice Physics" in y for t, x, y in rels)
    assert not any(t == "HOSTS" and x == A and "Ice Physics" in y for t, x, y in rels)


def test_hosts_the_center_is_based_at():
    rels = rels_of("Eight hospitals opened the Harbor Rare Disease Care Center on Monday. "
                   f"The center is based at {H} in Seocho District.")
    assert has(rels, "HOSTS", H, "Harbor Rare Disease Care Center")


def test_hosts_none_from_a_reported_clause_with_its_own_subject():
    rels = rels_of(f"{A} said Wednesday that its eight affiliated hospitals have opened the Harbor Care Center.")
    assert not any(t == "HOSTS" and x == A for t, x, y in rels)


def test_hosts_reported_it_is_the_speaker():
    rels = rels_of(f"{A} said Wednesday that it has opened the Harbor Care Center.")
    assert any(t == "HOSTS" and x == A and "Harbor Care Center" in y for t, x, y in rels)


# -- back-references by their noun; a second "and with" partner ------------------------

def test_the_center_is_the_latest_centre_not_the_latest_institute():
    rels = rels_of(f"{A} has opened the Coastal Agri-Bio Convergence Center. "
                   "Field trials will take place at the Halvorsen Institute of Crop Science, a state research body. "
                   f"The center will also work with {H} on clinical studies.")
    assert has(rels, "PARTNERS_WITH", "Coastal Agri-Bio Convergence Center", H)
    assert not has(rels, "PARTNERS_WITH", "Halvorsen Institute of Crop Science", H)


def test_partners_and_with_a_second_partner():
    rels = rels_of(f"{A} will work with {H} on clinical studies, and with {B} on drought-tolerant rice.")
    assert has(rels, "PARTNERS_WITH", A, H)
    assert has(rels, "PARTNERS_WITH", A, B)


def test_and_with_outside_a_partnership_adds_nothing():
    rels = rels_of(f"{A} opened a lab in Busan last year, and with {B} nearby the city hopes for more.")
    assert not of_type(rels, "PARTNERS_WITH")


# -- AFFILIATED_WITH: set up by, a unit under ------------------------------------------

def test_affiliated_foundation_set_up_by_a_described_company():
    rels = rels_of("The Haneul Cultural Foundation, set up by Busan shipping firm Haneul Marine Co., "
                   f"has donated 1 billion won to {A}.")
    assert has(rels, "AFFILIATED_WITH", "Haneul Cultural Foundation", "Haneul Marine Co.")


def test_affiliated_institute_under_a_council():
    rels = rels_of("The Korea Institute of Glass Engineering, a government-funded research institute under the "
                   "National Council of Applied Science, said it will open a lab.")
    assert has(rels, "AFFILIATED_WITH", "Korea Institute of Glass Engineering", "National Council of Applied Science")


def test_founded_by_alumni_is_no_affiliation():
    rels = rels_of(f"Haneul Marine Co., founded by {A} alumni, will hire graduates.")
    assert not of_type(rels, "AFFILIATED_WITH")


# -- LEADS: a governor heads a province, a district mayor a district --------------------

def test_governor_heads_the_province_not_the_most_named_city():
    rels = rels_of("Pohang city will host the cluster. Pohang will provide land, and Pohang officials said the "
                   "site is ready. North Gyeongsang Province will fund the project. "
                   "\"This is a milestone,\" Governor Park Jin-ho said.")
    assert has(rels, "LEADS", "Park Jin-ho", "North Gyeongsang Province")


def test_district_mayor_heads_the_district_not_the_city():
    rels = rels_of("Seoul will expand the digital classes. Seoul officials said Guro-gu will run the first one. "
                   "Seoul plans ten more. \"Residents asked for this,\" District Mayor Jang In-su said.")
    assert any(t == "LEADS" and x == "Jang In-su" and "Guro" in y for t, x, y in rels)


# -- LEADS for names found without a title next to them ---------------------------------

def test_leads_the_centers_director_comma_name():
    rels = rels_of("The program is run by the Haenam Innovation Center, which Haenam County set up last year. "
                   "The center's director, Yang Sung-chul, spent a decade in the county office.")
    assert has(rels, "LEADS", "Yang Sung-chul", "Haenam Innovation Center")


def test_leads_headed_by_a_name_with_his_department():
    rels = rels_of(f"{H} opened the Thoracic Imaging Research Center. The center is headed by Kim Min-jun of the "
                   "Department of Radiology at Halvorsen College of Medicine.")
    assert has(rels, "LEADS", "Kim Min-jun", "Thoracic Imaging Research Center")


# -- PARTNERS_WITH: more shapes of the same fact ---------------------------------------

def test_partners_agreed_to_jointly_develop():
    rels = rels_of(f"{A} and {H} have agreed to jointly develop imaging software.")
    assert has(rels, "PARTNERS_WITH", A, H)


def test_partners_plan_to_work_together():
    rels = rels_of(f"{A} and {H} plan to work together on imaging software.")
    assert has(rels, "PARTNERS_WITH", A, H)


def test_partners_the_partnership_between():
    rels = rels_of(f"The partnership between {A} and {H} began in 2020.")
    assert has(rels, "PARTNERS_WITH", A, H)


def test_no_partners_from_a_contest_or_a_meeting():
    rels = rels_of(f"{A} beat {H} in the final round of the contest. {A} officials met {B} staff on Monday.")
    assert not of_type(rels, "PARTNERS_WITH")


def test_hosts_each_centre_of_a_list():
    rels = rels_of(f"{A} will establish the Coastal Robotics Center and the Ice Physics Center.")
    assert has(rels, "HOSTS", A, "Coastal Robotics Center")
    assert has(rels, "HOSTS", A, "Ice Physics Center")


def test_hosts_not_the_centre_of_another_clause():
    rels = rels_of(f"{A} will establish the Coastal Robotics Center, while {B} runs the Ice Physics Center.")
    assert not has(rels, "HOSTS", A, "Ice Physics Center")


# -- MOU: agreements with "five universities" named later; short forms in brackets ----------

def test_mou_signatories_listed_after_the_signing():
    rels = rels_of(f"North Gyeongsang Province on Tuesday signed agreements with three universities to run the scheme. "
                   "The province will spend 10 billion won this year.\n\n"
                   f"Signatories were {A}, {B} and Halvorsen Catholic University.")
    for x in (A, B, "Halvorsen Catholic University"):
        assert any(t == "MOU" and "Gyeongsang" in y1 and x == y2 or "Gyeongsang" in y2 and x == y1
                   for t, y1, y2 in rels if t == "MOU"), x


def test_no_mou_from_a_later_unrelated_list():
    rels = rels_of(f"North Gyeongsang Province signed an agreement with {A} on Tuesday.\n\n"
                   f"Signatories were {B} and Halvorsen Catholic University.")
    assert not any(t == "MOU" and B in (x, y) for t, x, y in rels)


def test_group_continues_past_a_short_form_in_brackets():
    rels = rels_of(f"{H} signed a memorandum of understanding with {A} (DNU) and {B} (HTU) on Monday.")
    assert has(rels, "MOU", H, A)
    assert has(rels, "MOU", H, B)


# -- AFFILIATED_WITH: "its three affiliated hospitals" named in a later list ---------------

def test_affiliated_units_counted_then_listed():
    rels = rels_of("The Halvorsen College of Medicine said Wednesday that its three affiliated hospitals have "
                   "opened the Harbor Care Center.\nBrightwater Medical Center, Seaside General Hospital in Suwon "
                   "and Daegyeong University Hospital will each designate a coordinator.")
    for h in (H, "Seaside General Hospital", "Daegyeong University Hospital"):
        assert has(rels, "AFFILIATED_WITH", h, "Halvorsen College of Medicine"), h


def test_affiliated_units_not_when_the_count_differs():
    rels = rels_of("The Halvorsen College of Medicine said Wednesday that its four affiliated hospitals have "
                   "opened the Harbor Care Center.\nBrightwater Medical Center and Seaside General Hospital "
                   "will each designate a coordinator.")
    assert not any(t == "AFFILIATED_WITH" and y == "Halvorsen College of Medicine" for t, x, y in rels)


def test_list_goes_on_past_a_place():
    rels = rels_of(f"{A} signed an agreement with Seaside General Hospital in Suwon and {H} on Monday.")
    assert has(rels, "MOU", A, H)


def test_located_in_the_citys_district():
    rels = rels_of(f"{A}, a state-run school based in the city's Uichang-gu, will run the robotics modules.")
    assert has(rels, "LOCATED_IN", A, "Uichang-gu")


def test_partners_running_a_track_with():
    rels = rels_of(f"{A} is running a defense electronics track with {C} this year.")
    assert has(rels, "PARTNERS_WITH", A, C)


def test_no_partners_running_a_program_with_funding():
    rels = rels_of(f"{A} is running a summer program with funding from the city.")
    assert not of_type(rels, "PARTNERS_WITH")


def test_mou_renewed_by_the_two_universities_of_the_sentence():
    rels = rels_of(f"{A} will send doctoral students to {B} under an exchange agreement the two universities "
                   "renewed in 2024.")
    assert has(rels, "MOU", A, B)


def test_no_mou_the_two_universities_with_three_named():
    rels = rels_of(f"{A} will send students to {B} and {H} under an exchange agreement the two universities "
                   "renewed in 2024.")
    assert not of_type(rels, "MOU")


# -- headlines: the parent named for the unit the article is about ------------------------

def test_headline_parent_pair_gives_way_to_the_unit_pair():
    rels = rels_of(f"{H} and {B} team up on digital health\n\n"
                   f"{H} has partnered with {B} School of Medicine to develop digital health tools.")
    assert any(t == "PARTNERS_WITH" and "School of Medicine" in (x + y) for t, x, y in rels)
    assert not has(rels, "PARTNERS_WITH", H, B)


def test_body_parent_pair_stays():
    rels = rels_of(f"{H} has partnered with {B} School of Medicine to develop digital health tools. "
                   f"{H} will also collaborate with {B} on nursing.")
    assert has(rels, "PARTNERS_WITH", H, B)


def test_unit_name_does_not_pair_its_parent_inside_it():
    rels = rels_of(f"{H} has partnered with {B} School of Medicine to develop digital health tools.")
    assert not has(rels, "PARTNERS_WITH", H, B)


# -- LEADS: appointed, the unit a possessive names, and former titles --------------------

def test_leads_was_named_director_of_the_center():
    rels = rels_of(f"{A} opened the Coastal Robotics Center. Professor Park Ji-hoon was named director of the center.")
    assert has(rels, "LEADS", "Park Ji-hoon", "Coastal Robotics Center")


def test_leads_who_heads_the_universitys_center():
    rels = rels_of(f"Park Ji-hoon, who heads {A}'s Coastal Robotics Center, said it will hire 20 researchers.")
    assert any(t == "LEADS" and x == "Park Ji-hoon" and "Coastal Robotics Center" in y for t, x, y in rels)
    assert not has(rels, "LEADS", "Park Ji-hoon", A)


def test_former_president_leads_nothing():
    rels = rels_of(f"Park Ji-hoon, former president of {A}, said the plan was sound.")
    assert not of_type(rels, "LEADS")
