"""The FUNDS, PARTICIPATES_IN and ORGANIZES rules on short sentences written for these
tests (invented names): each test states one phrasing."""
from __future__ import annotations

from partnergraph.loaders.extract import extract
from partnergraph.loaders.read import read_text_document


def rels_of(text: str):
    x = extract(read_text_document(text, name="t.txt"))
    names = {e.id: e.name for e in x.entities}
    return {(r.type, names[r.source], names[r.target]): r for r in x.relations}


def pairs(rels, typ):
    return {(a, b) for (t, a, b) in rels if t == typ}


# -- back-references by a program's head noun ("the alliance", "the cluster") ----------

def test_the_alliance_is_the_latest_alliance_named():
    rels = rels_of("Hallasan National University and Jeju Coast Hospital formed the Jeju Island Stroke Alliance "
                   "last year. The alliance received 900 million won from the Ministry of Health and Welfare in March.")
    assert ("Ministry of Health and Welfare", "Jeju Island Stroke Alliance") in pairs(rels, "FUNDS")


def test_take_part_in_the_cluster():
    rels = rels_of("The Yeosu Marine Robotics Cluster opened in 2024. "
                   "Daedong Robotics Co. and Namhae Precision Co. also take part in the cluster.")
    assert {("Daedong Robotics Co.", "Yeosu Marine Robotics Cluster"),
            ("Namhae Precision Co.", "Yeosu Marine Robotics Cluster")} <= pairs(rels, "PARTICIPATES_IN")


def test_the_university_before_a_name_is_that_name():
    rels = rels_of("The Yeosu Marine Robotics Cluster opened in 2024 with Hallasan National University. "
                   "The University of Namhae will join the cluster as a partner school.")
    assert ("University of Namhae", "Yeosu Marine Robotics Cluster") in pairs(rels, "PARTICIPATES_IN")
    assert ("Hallasan National University", "Yeosu Marine Robotics Cluster") not in pairs(rels, "PARTICIPATES_IN")


def test_the_province_is_the_latest_province_not_a_city():
    rels = rels_of("North Chungcheong Province announced its new bio grants on Monday. "
                   "Hallasan National University, based in Cheongju, is set to receive 3 billion won from the "
                   "province through 2028.")
    assert ("North Chungcheong Province", "Hallasan National University") in pairs(rels, "FUNDS")


# -- ORGANIZES ---------------------------------------------------------------------

def test_which_the_provincial_government_launched():
    rels = rels_of("South Jeolla Province opened a new talent office in Muan. Hallasan National University joined "
                   "the Jeonnam Blue Energy Program, which the provincial government launched in March.")
    assert ("South Jeolla Province", "Jeonnam Blue Energy Program") in pairs(rels, "ORGANIZES")


def test_which_the_city_government_launched():
    rels = rels_of("Gwangju Metropolitan City hosted the forum. The center is part of the Gwangju Mobility Program, "
                   "which the city government launched this spring with five schools.")
    assert ("Gwangju Metropolitan City", "Gwangju Mobility Program") in pairs(rels, "ORGANIZES") or \
        ("Gwangju", "Gwangju Mobility Program") in pairs(rels, "ORGANIZES")


def test_has_run_the_program_since():
    rels = rels_of("The Ministry of Science and ICT has run the Coastal Data Talent Program since 2021.")
    assert ("Ministry of Science and ICT", "Coastal Data Talent Program") in pairs(rels, "ORGANIZES")


def test_agency_which_operates_the_program_picked_a_project():
    rels = rels_of("The ministry named the winners of its Regional Robot Cluster Program on Monday. "
                   "The National IT Industry Promotion Agency (NIPA), which operates the program for the ministry, "
                   "picked the Changwon Smart Robot Cluster from among five proposals.")
    assert ("National IT Industry Promotion Agency", "Regional Robot Cluster Program") in pairs(rels, "ORGANIZES")
    assert ("National IT Industry Promotion Agency", "Changwon Smart Robot Cluster") not in pairs(rels, "ORGANIZES")
    assert ("Changwon Smart Robot Cluster", "Regional Robot Cluster Program") in pairs(rels, "PARTICIPATES_IN")


# -- PARTICIPATES_IN ---------------------------------------------------------------

def test_alliance_brings_together_members():
    rels = rels_of("The Honam Regional Stroke Alliance, organized by Jeju Coast Hospital, brings together "
                   "Mokpo Harbor Hospital, Suncheon Bay Hospital and Yeosu Hill Hospital.")
    got = pairs(rels, "PARTICIPATES_IN")
    assert {("Mokpo Harbor Hospital", "Honam Regional Stroke Alliance"),
            ("Suncheon Bay Hospital", "Honam Regional Stroke Alliance"),
            ("Yeosu Hill Hospital", "Honam Regional Stroke Alliance")} <= got


def test_list_also_selected_after_the_program_was_named():
    rels = rels_of("The Ministry of Education on Monday selected eight universities for its Regional Hub "
                   "University Program. Among this year's winners are Hallasan National University and "
                   "Namhae University. Mokpo Bay University in Mokpo and Suncheon Hill University were also selected.")
    got = pairs(rels, "PARTICIPATES_IN")
    for u in ("Hallasan National University", "Namhae University", "Mokpo Bay University", "Suncheon Hill University"):
        assert (u, "Regional Hub University Program") in got


# -- FUNDS -------------------------------------------------------------------------

def test_provide_amount_with_decimal_aside_to_the_program():
    rels = rels_of("Hanbit Semiconductor Co. and Hallasan National University launched the Jeju Chip Talent Program. "
                   "Hanbit Semiconductor Co. will provide 2.5 billion won ($1.8 million) to the program over "
                   "four years.")
    r = rels[("FUNDS", "Hanbit Semiconductor Co.", "Jeju Chip Talent Program")]
    assert r.attrs["amount_krw"] == 2500000000


def test_backed_by_a_grant_after_a_comma_funds_the_subject():
    rels = rels_of("Hallasan National University will open a farming institute at Namhae University, backed by "
                   "a $2.5 million grant from the Korea International Cooperation Agency (KOICA).")
    got = pairs(rels, "FUNDS")
    assert ("Korea International Cooperation Agency", "Hallasan National University") in got
    assert ("Korea International Cooperation Agency", "Namhae University") not in got


def test_amount_will_come_from():
    rels = rels_of("The Busan Ocean Robotics Program starts in May. On top of the state money, 5 billion won "
                   "will come from the Busan Metropolitan Government.")
    assert any(b == "Busan Ocean Robotics Program" and a.startswith("Busan") for a, b in pairs(rels, "FUNDS"))


def test_pledge_without_target_funds_what_the_sentence_before_funded():
    rels = rels_of("The Honam Regional Stroke Alliance was formed in May. "
                   "The alliance received 2 billion won from the Ministry of Health and Welfare this year. "
                   "Gwangju Metropolitan City has pledged 300 million won for patient transport.")
    got = pairs(rels, "FUNDS")
    assert ("Ministry of Health and Welfare", "Honam Regional Stroke Alliance") in got
    assert any(a.startswith("Gwangju") and b == "Honam Regional Stroke Alliance" for a, b in got)


def test_share_that_will_go_to_a_hospital():
    rels = rels_of("The Mapo District Office launched the Mapo Memory Care Project in May. "
                   "The Mapo District Office has set aside 2 billion won for the Mapo Memory Care Project. "
                   "Of that amount, 500 million won will go to Jeju Coast Hospital for brain scans.")
    got = pairs(rels, "FUNDS")
    assert ("Mapo District Office", "Jeju Coast Hospital") in got
    assert rels[("FUNDS", "Mapo District Office", "Jeju Coast Hospital")].attrs["amount_krw"] == 500000000


def test_the_three_schools_are_the_list_of_the_sentence_before():
    rels = rels_of("South Jeolla Province signed an agreement with Hallasan National University, Namhae University "
                   "and Mokpo Bay University on Monday. Under the pact, the three schools will take part in the "
                   "Jeonnam Blue Energy Program.")
    got = pairs(rels, "PARTICIPATES_IN")
    for u in ("Hallasan National University", "Namhae University", "Mokpo Bay University"):
        assert (u, "Jeonnam Blue Energy Program") in got
    assert ("South Jeolla Province", "Jeonnam Blue Energy Program") not in got


def test_one_of_the_projects_in_the_program():
    rels = rels_of("The Yeosu Marine Robotics Cluster opened in 2024. The cluster is one of 12 projects in the first "
                   "year of the Jeonnam Blue Energy Program.")
    assert ("Yeosu Marine Robotics Cluster", "Jeonnam Blue Energy Program") in pairs(rels, "PARTICIPATES_IN")


def test_received_money_as_one_of_the_universities_chosen_for():
    rels = rels_of("Hallasan National University received 900 million won this year from the Ministry of SMEs and "
                   "Startups as one of the universities chosen for the ministry's Campus Founders Program.")
    assert ("Hallasan National University", "Campus Founders Program") in pairs(rels, "PARTICIPATES_IN")


def test_the_academy_may_be_a_school_named_academy():
    rels = rels_of("Hallasan National University opened the Jeju Smart Welding Academy in March. The academy is one "
                   "of 12 projects in the first year of the Jeonnam Blue Energy Program.")
    assert any(a.endswith("Welding Academy") and b == "Jeonnam Blue Energy Program"
               for a, b in pairs(rels, "PARTICIPATES_IN"))


def test_bankrolls_most_of_it():
    rels = rels_of("The Jeonnam Blue Energy Program is run by the provincial government, while the Ministry of "
                   "Education bankrolls most of it through block grants.")
    assert ("Ministry of Education", "Jeonnam Blue Energy Program") in pairs(rels, "FUNDS")


def test_pays_for_it_in_the_next_sentence():
    rels = rels_of("The Coastal Data Talent Program trains 40 engineers a year at Hallasan National University. "
                   "The Ministry of Science and ICT pays for it.")
    assert ("Ministry of Science and ICT", "Coastal Data Talent Program") in pairs(rels, "FUNDS")


def test_an_unnamed_project_funded_by_is_not_the_article_subject():
    rels = rels_of("Hallasan National University opened a hydrogen lab on Monday. The lab is led by Professor "
                   "Min Ju-won of Hallasan National University. Min previously led a fuel-cell project funded by "
                   "the National Research Foundation of Korea (NRF).")
    assert ("National Research Foundation of Korea", "Hallasan National University") not in pairs(rels, "FUNDS")


def test_a_deal_bankrolled_by_does_not_fund_the_partner():
    rels = rels_of("Hallasan National University and Orlen Technical University signed an agreement on Tuesday to "
                   "run a research center on batteries, in a deal bankrolled by Hanbit Semiconductor Co.")
    assert ("Hanbit Semiconductor Co.", "Orlen Technical University") not in pairs(rels, "FUNDS")


def test_program_which_a_city_joined():
    rels = rels_of("The network is part of the ministry's Coastal Emergency Care Project, which Gwangju Metropolitan "
                   "City joined in February.")
    assert any(a.startswith("Gwangju") and b == "Coastal Emergency Care Project"
               for a, b in pairs(rels, "PARTICIPATES_IN"))


def test_its_program_after_the_ministry():
    rels = rels_of("The Ministry of SMEs and Startups will give 3 billion won to a robot project in Changwon, the "
                   "ministry said, making the southern port city the latest winner of its Regional Robot Cluster "
                   "Program.")
    assert ("Ministry of SMEs and Startups", "Regional Robot Cluster Program") in pairs(rels, "ORGANIZES")


def test_awarded_the_school_a_grant():
    rels = rels_of("The Ministry of Education awarded Hallasan National University a 3 billion won grant.")
    assert ("Ministry of Education", "Hallasan National University") in pairs(rels, "FUNDS")


def test_funded_by_x_which_is_putting_in_and_while_the_city_chips_in():
    rels = rels_of("Gwangju Metropolitan City announced the plan on Monday. The Gwangju Welding Talent Program will be "
                   "funded by Hanbit Semiconductor Co., which is putting in $2 million, while the city will chip in "
                   "3 billion won from its own budget.")
    assert rels[("FUNDS", "Hanbit Semiconductor Co.", "Gwangju Welding Talent Program")].attrs["amount"] == 2000000
    city = [r for (t, a, b), r in rels.items() if t == "FUNDS" and a.startswith("Gwangju") and
            b == "Gwangju Welding Talent Program"]
    assert city and city[0].attrs["amount_krw"] == 3000000000


def test_put_up_money_with_no_target_named():
    rels = rels_of("The Ministry of Science and ICT will invest 5 billion won in the Jeju Quantum Device Institute, "
                   "a new lab in Jeju. Orlen Technical University will put $1.2 million into a joint "
                   "fabrication project with the institute over three years.")
    assert ("Orlen Technical University", "Jeju Quantum Device Institute") in pairs(rels, "FUNDS")


def test_participants_in_the_program_include():
    rels = rels_of("Participants in the Coastal Talent Program include Hallasan National University and "
                   "Namhae University.")
    assert {("Hallasan National University", "Coastal Talent Program"),
            ("Namhae University", "Coastal Talent Program")} <= pairs(rels, "PARTICIPATES_IN")


def test_program_selected_and_includes_members():
    rels = rels_of("The Coastal Talent Program has selected Hallasan National University and Namhae University. "
                   "The Jeonnam Blue Energy Program will include Mokpo Bay University.")
    got = pairs(rels, "PARTICIPATES_IN")
    assert ("Namhae University", "Coastal Talent Program") in got
    assert ("Mokpo Bay University", "Jeonnam Blue Energy Program") in got


def test_signed_on_to_the_program():
    rels = rels_of("Hallasan National University has signed on to the Coastal Talent Program.")
    assert ("Hallasan National University", "Coastal Talent Program") in pairs(rels, "PARTICIPATES_IN")


def test_ministry_introduced_the_program():
    rels = rels_of("The Ministry of Education introduced the Coastal Talent Program in 2021.")
    assert ("Ministry of Education", "Coastal Talent Program") in pairs(rels, "ORGANIZES")


def test_pledge_for_students_at_a_named_school_is_not_the_program_before():
    rels = rels_of("The Ministry of Education will invest 5 billion won in the Coastal Talent Program. "
                   "Hanbit Semiconductor Co. pledged 2 billion won in scholarships for students of the College of "
                   "Engineering at Hallasan National University.")
    assert ("Hanbit Semiconductor Co.", "Coastal Talent Program") not in pairs(rels, "FUNDS")


def test_cluster_anchored_by():
    rels = rels_of("The Yeosu Marine Robotics Cluster opened in 2024. The cluster will be anchored by Hallasan "
                   "National University, which will build a test pool on its campus.")
    assert ("Hallasan National University", "Yeosu Marine Robotics Cluster") in pairs(rels, "PARTICIPATES_IN")


def test_possessive_grant_will_cover_the_lab():
    rels = rels_of("Hallasan National University opened the Jeju Ocean AI Lab with Hanbit Semiconductor Co. on "
                   "Monday. Hanbit Semiconductor Co.'s $2 million grant will cover the lab's first two years.")
    r = rels[("FUNDS", "Hanbit Semiconductor Co.", "Jeju Ocean AI Lab")]
    assert r.attrs["amount"] == 2000000


def test_is_sponsoring_and_will_subsidize():
    rels = rels_of("Hanbit Semiconductor Co. is sponsoring the Coastal Talent Program. "
                   "Namhae Precision Co. will subsidize the Jeonnam Blue Energy Program.")
    got = pairs(rels, "FUNDS")
    assert ("Hanbit Semiconductor Co.", "Coastal Talent Program") in got
    assert ("Namhae Precision Co.", "Jeonnam Blue Energy Program") in got


def test_financed_through_a_grant_from():
    rels = rels_of("The Coastal Talent Program is financed through a 2 billion won grant from Hanbit Semiconductor Co.")
    assert rels[("FUNDS", "Hanbit Semiconductor Co.", "Coastal Talent Program")].attrs["amount_krw"] == 2000000000


def test_the_funding_for_the_program_comes_from():
    rels = rels_of("The Coastal Talent Program started in 2019. Most of the funding for the Coastal Talent Program "
                   "comes from Hanbit Semiconductor Co.")
    assert ("Hanbit Semiconductor Co.", "Coastal Talent Program") in pairs(rels, "FUNDS")


def test_has_been_part_of_and_a_participating_school_in():
    rels = rels_of("Namhae University has been part of the Coastal Talent Program since 2020. Mokpo Bay University, "
                   "a participating school in the Jeonnam Blue Energy Program, opened a lab.")
    got = pairs(rels, "PARTICIPATES_IN")
    assert ("Namhae University", "Coastal Talent Program") in got
    assert ("Mokpo Bay University", "Jeonnam Blue Energy Program") in got


def test_program_has_member_universities_including():
    rels = rels_of("The Coastal Talent Program now has 12 member universities, including Namhae University and "
                   "Mokpo Bay University.")
    assert {("Namhae University", "Coastal Talent Program"),
            ("Mokpo Bay University", "Coastal Talent Program")} <= pairs(rels, "PARTICIPATES_IN")


def test_ministry_is_running_the_program():
    rels = rels_of("The Ministry of Education is running the Coastal Talent Program.")
    assert ("Ministry of Education", "Coastal Talent Program") in pairs(rels, "ORGANIZES")


def test_the_track_refers_to_the_program_named_track():
    rels = rels_of("Hallasan National University and Orlen Technical University launched the Hallasan-Orlen Joint "
                   "Degree Track in March. The Jeju Free Economic Zone Authority will support the track with "
                   "KRW 2 billion over three years.")
    assert ("Jeju Free Economic Zone Authority", "Hallasan-Orlen Joint Degree Track") in pairs(rels, "FUNDS")


def test_the_program_which_the_two_schools_will_run_jointly():
    rels = rels_of("Hallasan National University signed an agreement with Orlen Technical University on Monday. "
                   "The Coastal Data Dual Degree Program will start in 2026. The program, which the two schools will "
                   "run jointly, targets engineers.")
    got = pairs(rels, "PARTICIPATES_IN")
    assert ("Hallasan National University", "Coastal Data Dual Degree Program") in got
    assert ("Orlen Technical University", "Coastal Data Dual Degree Program") in got


def test_will_add_money_for_the_program_named_later():
    rels = rels_of("Hanbit Semiconductor Co. has donated 1 billion won to the Jeju Dream Scholarship. The donor met "
                   "students on Monday. The gift is its largest. The Hallasan Alumni Association will add 300 million "
                   "won raised from graduates, bringing new money for the scholarship to 1.3 billion won.")
    assert ("Hallasan Alumni Association", "Jeju Dream Scholarship") in pairs(rels, "FUNDS")


def test_while_clause_adds_money_only_to_what_its_own_sentence_funded():
    rels = rels_of("Under the Coastal Talent Program, Namhae University was granted 8 billion won last year. "
                   "The Ministry of Science and ICT will provide 9 billion won for the laboratory, while Gwangju "
                   "Metropolitan City will chip in 4 billion won for a testing facility.")
    assert not any(a.startswith("Gwangju") for a, b in pairs(rels, "FUNDS"))
