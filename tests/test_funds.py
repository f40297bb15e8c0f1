"""FUNDS, PARTICIPATES_IN and ORGANIZES phrasings, on short texts written for these tests
(invented programs and amounts)."""
from __future__ import annotations

from partnergraph.loaders.extract import extract
from partnergraph.loaders.read import read_text_document


def rels_of(text: str):
    doc = read_text_document(text, name="t.txt", source="t.txt")
    x = extract(doc)
    names = {e.id: e.name for e in x.entities}
    return {(r.type, names[r.source], names[r.target]): r.attrs for r in x.relations}


SELECTION = """Ministry picks four universities for green hydrogen training

The Ministry of Environment on Monday selected four universities as participants in the Green Hydrogen Talent Project, a scheme that trains engineers for fuel-cell plants.

The four are Jeju National University, Kangwon National University, Mokpo National University and Sunchon National University.

Schools selected last year, including Kongju National University, will keep their grants.
"""


def test_selection_list_after_a_count():
    rels = rels_of(SELECTION)
    prog = "Green Hydrogen Talent Project"
    for u in ("Jeju National University", "Kangwon National University", "Mokpo National University",
              "Sunchon National University", "Kongju National University"):
        assert ("PARTICIPATES_IN", u, prog) in rels
    # the selector runs the program; it does not take part in it
    assert ("ORGANIZES", "Ministry of Environment", prog) in rels
    assert ("PARTICIPATES_IN", "Ministry of Environment", prog) not in rels


def test_list_without_a_selection_sentence_is_no_participation():
    rels = rels_of("The Ocean Robotics Project opened a new office in Busan.\n\n"
                   "The two are Jeju National University and Mokpo National University.\n")
    assert not any(k[0] == "PARTICIPATES_IN" for k in rels)


def test_active_choice_under_its_program():
    rels = rels_of("The Korea Health Industry Development Institute chose Jeju National University Hospital "
                   "as one of five recipients under its Rural Telemedicine Trial Program.\n")
    assert ("PARTICIPATES_IN", "Jeju National University Hospital", "Rural Telemedicine Trial Program") in rels
    assert ("ORGANIZES", "Korea Health Industry Development Institute", "Rural Telemedicine Trial Program") in rels


def test_active_choice_of_a_back_reference():
    rels = rels_of("Jeju National University Hospital has opened the Island Sleep Research Center.\n\n"
                   "The Korea Health Industry Development Institute chose the center last week as one of three "
                   "recipients under its Rural Telemedicine Trial Program.\n")
    assert ("PARTICIPATES_IN", "Island Sleep Research Center", "Rural Telemedicine Trial Program") in rels


def test_money_received_by_from_and_a_named_grant():
    rels = rels_of("The Ministry of Oceans and Fisheries launched the Blue Port Talent Project this year.\n\n"
                   "Mokpo National University was awarded 1.2 billion won by the ministry to build a ship simulator "
                   "that students will use from next March.\n\n"
                   "Jeju National University will get 900 million won ($650,000) a year from the ministry.\n\n"
                   "Kunsan National University received a two-year ministry seed grant of 3억 원 for short courses.\n")
    mof = "Ministry of Oceans and Fisheries"
    assert rels[("FUNDS", mof, "Mokpo National University")]["amount_krw"] == 1_200_000_000
    jeju = rels[("FUNDS", mof, "Jeju National University")]
    assert jeju["amount_krw"] == 900_000_000 and jeju["per_year"] is True
    kunsan = rels[("FUNDS", mof, "Kunsan National University")]
    assert kunsan["amount_krw"] == 300_000_000 and kunsan["years"] == 2


def test_adjective_years_but_not_ages():
    from partnergraph.loaders.money import find_period
    assert find_period("a three-year grant of 2 billion won")["years"] == 3
    assert "years" not in find_period("a 20-year-old student received 1 million won")


def test_funded_by_a_grant_from():
    rels = rels_of("Jeju National University launched the Ocean Drone Consortium with three local firms.\n\n"
                   "The project is backed by a grant worth 2.5 billion won over five years from the Ministry of "
                   "Oceans and Fisheries.\n")
    attrs = rels[("FUNDS", "Ministry of Oceans and Fisheries", "Ocean Drone Consortium")]
    assert attrs["amount_krw"] == 2_500_000_000 and attrs["years"] == 5


def test_a_ministry_or_province_runs_its_program():
    rels = rels_of("Mokpo National University joined the effort under the Ministry of Education's Coastal "
                   "Campus Project.\n\n"
                   "The school also works under the Jeonnam Blue Talent Program, which the South Jeolla provincial "
                   "government launched in 2024.\n")
    assert ("ORGANIZES", "Ministry of Education", "Coastal Campus Project") in rels
    assert any(k[0] == "ORGANIZES" and k[2] == "Jeonnam Blue Talent Program" and "Jeolla" in k[1] for k in rels)
    # a university's program is not one it "organizes" by the possessive rule
    rels = rels_of("Jeju National University's Coastal Campus Project opened in May.\n")
    assert not any(k[0] == "ORGANIZES" for k in rels)


def test_one_of_the_lead_universities_in_a_program():
    rels = rels_of("The grant is part of the Jeju Island Talent Project, in which Jeju National University is one "
                   "of the lead universities.\n\n"
                   "It also funds Mokpo National University's research projects under the Coastal Campus Project.\n")
    assert ("PARTICIPATES_IN", "Jeju National University", "Jeju Island Talent Project") in rels
    assert ("PARTICIPATES_IN", "Mokpo National University", "Coastal Campus Project") in rels


def test_split_shares_of_the_amount_before():
    rels = rels_of("Mokpo National University secured KRW 8 billion over four years for a coastal robotics track. "
                   "Of that amount, the Ministry of Oceans and Fisheries will provide KRW 6 billion and South Jeolla "
                   "Province the remaining KRW 2 billion.\n")
    mof = rels[("FUNDS", "Ministry of Oceans and Fisheries", "Mokpo National University")]
    assert mof["amount_krw"] == 6_000_000_000 and mof["years"] == 4
    prov = [v for k, v in rels.items() if k[0] == "FUNDS" and "Jeolla" in k[1] and k[2] == "Mokpo National University"]
    assert prov and prov[0]["amount_krw"] == 2_000_000_000


def test_a_budget_then_who_provides_it():
    rels = rels_of("The Busan Harbor Skills Program has a budget of 9 billion won this year. The Ministry of Oceans "
                   "and Fisheries provides 6 billion won of that, and Busan adds 3 billion won from its own budget.\n")
    assert rels[("FUNDS", "Ministry of Oceans and Fisheries", "Busan Harbor Skills Program")]["amount_krw"] == 6_000_000_000
    assert [v["amount_krw"] for k, v in rels.items() if k[0] == "FUNDS" and k[1] == "Busan"] == [3_000_000_000]


def test_a_share_of_the_total_without_a_split_is_left_alone():
    rels = rels_of("Mokpo National University launched the Coastal Campus Project with Jeju National University. "
                   "Mokpo National University will receive 2 billion won in state funding, about 40 percent of "
                   "the total.\n")
    assert not any(k[0] == "FUNDS" and k[1] == "Mokpo National University" for k in rels)


def test_set_aside_put_into_and_awarded_to_a_unit():
    rels = rels_of("Jeju National University opened the Island Microgrid Lab in March under the Blue Energy "
                   "Campus Project.\n\n"
                   "The Ministry of Oceans and Fisheries has set aside 5 billion won for the project this year.\n\n"
                   "Jeju Special Self-Governing Province will contribute 900 million won over three years to equip "
                   "the lab.\n\n"
                   "The Korea Energy Agency awarded 700 million won to Jeju National University's new lab.\n")
    assert rels[("FUNDS", "Ministry of Oceans and Fisheries", "Blue Energy Campus Project")]["amount_krw"] == 5_000_000_000
    lab = [k for k in rels if k[0] == "FUNDS" and "Island Microgrid Lab" in k[2]]
    assert len(lab) == 2 and not any(k[0] == "FUNDS" and k[2] == "Jeju National University" for k in rels)
    assert {rels[k]["amount_krw"] for k in lab} == {900_000_000, 700_000_000}


def test_the_provincial_government_puts_money_into():
    rels = rels_of("South Jeolla Province signed an agreement with Mokpo National University to set up the Mokpo "
                   "Offshore Wind Academy.\n\n"
                   "Under the agreement, the provincial government will put 2 billion won into the Mokpo Offshore "
                   "Wind Academy over two years.\n")
    got = [(k, v) for k, v in rels.items() if k[0] == "FUNDS" and "Academy" in k[2]]
    assert got and "Jeolla" in got[0][0][1] and got[0][1]["amount_krw"] == 2_000_000_000


def test_consortium_formed_with_and_joined_by():
    rels = rels_of("Jeju National University said Monday it has started the Island Ocean Sensing Consortium.\n\n"
                   "The consortium was formed in collaboration with Mokpo National University (MNU), Kunsan "
                   "National University (KNU) and Pukyong National University. Joined by Jeju National University "
                   "Hospital, the region's largest teaching hospital, the group will test wearable sensors.\n\n"
                   "The project is backed by a grant worth 3 billion won from the Ministry of Oceans and Fisheries "
                   "under the ministry's Marine Science Frontier Program.\n")
    cons = "Island Ocean Sensing Consortium"
    for m in ("Mokpo National University", "Kunsan National University", "Pukyong National University",
              "Jeju National University Hospital"):
        assert ("PARTICIPATES_IN", m, cons) in rels
    assert rels[("FUNDS", "Ministry of Oceans and Fisheries", cons)]["amount_krw"] == 3_000_000_000
    assert ("PARTICIPATES_IN", cons, "Marine Science Frontier Program") in rels


def test_it_with_funding_from_is_the_subject_before():
    rels = rels_of("Mokpo National University launched the Coastal Campus Project last year.\n\n"
                   "Founded in 1946, Kunsan National University is one of the oldest schools in the region. "
                   "It has run a marine robotics lab since 2019 with funding from the Korea Foundation.\n")
    assert ("FUNDS", "Korea Foundation", "Kunsan National University") in rels
    assert ("FUNDS", "Korea Foundation", "Coastal Campus Project") not in rels


def test_a_program_which_provides_funding_to_the_selected():
    rels = rels_of("Jeju National University Hospital was selected in May for the Ministry of Health and Welfare's "
                   "Island Care Research Project, which will provide funding totaling 2 billion won through 2027.\n")
    attrs = rels[("FUNDS", "Ministry of Health and Welfare", "Jeju National University Hospital")]
    assert attrs["amount_krw"] == 2_000_000_000 and attrs["end_year"] == 2027
    assert ("ORGANIZES", "Ministry of Health and Welfare", "Island Care Research Project") in rels


def test_a_dateline_is_no_subject():
    rels = rels_of("BUSAN, May 2, 2025 — Pukyong National University said Friday that it has launched the Harbor "
                   "Robotics Consortium with two shipyards.\n")
    assert ("PARTICIPATES_IN", "Pukyong National University", "Harbor Robotics Consortium") in rels


def test_agreement_to_launch_a_program_and_joint_applicants():
    rels = rels_of("South Jeolla Province signed an agreement on Monday with Mokpo National University and "
                   "Sunchon National University to launch the Jeonnam Offshore Wind Talent Program.\n\n"
                   "The Ministry of Oceans and Fisheries selected four universities for the Blue Port Talent "
                   "Project. The four are Jeju National University, Pukyong National University, Kunsan National "
                   "University and Gyeongsang National University.\n\n"
                   "Jeju National University, which applied jointly with Jeju National University Hospital, "
                   "secured 2 billion won over four years.\n")
    for u in ("Mokpo National University", "Sunchon National University"):
        assert ("PARTICIPATES_IN", u, "Jeonnam Offshore Wind Talent Program") in rels
    assert not any(k[0] == "PARTICIPATES_IN" and "Jeolla" in k[1] for k in rels)
    assert ("PARTICIPATES_IN", "Jeju National University Hospital", "Blue Port Talent Project") in rels


def test_donation_to_what_a_university_has_and_no_place_as_a_modifier():
    rels = rels_of("Samsung Electronics has donated 500 million won to Pusan National University's Ocean Dream "
                   "Scholarship Program, which covers tuition for low-income students.\n")
    assert rels[("FUNDS", "Samsung Electronics", "Ocean Dream Scholarship Program")]["amount_krw"] == 500_000_000
    assert ("FUNDS", "Samsung Electronics", "Pusan National University") not in rels
    rels = rels_of("Busan shipping firm Haeun Marine has donated 500 million won to Pusan National University's "
                   "Ocean Dream Scholarship Program.\n")
    assert not any(k[0] == "FUNDS" and k[1] == "Busan" for k in rels)


def test_more_ways_to_give_and_take_part():
    rels = rels_of("The Ministry of Oceans and Fisheries launched the Blue Port Talent Project in 2023.\n\n"
                   "Samsung Electronics and LG Electronics will each contribute 1 billion won to the project.\n\n"
                   "The Korea Energy Agency will provide Mokpo National University with 800 million won.\n\n"
                   "Jeju National University, one of the first participants in the Blue Port Talent Project, "
                   "opened a marine AI center last year.\n")
    prog = "Blue Port Talent Project"
    assert ("ORGANIZES", "Ministry of Oceans and Fisheries", prog) in rels
    assert ("PARTICIPATES_IN", "Ministry of Oceans and Fisheries", prog) not in rels
    for c in ("Samsung Electronics", "LG Electronics"):
        assert rels[("FUNDS", c, prog)]["amount_krw"] == 1_000_000_000
    assert rels[("FUNDS", "Korea Energy Agency", "Mokpo National University")]["amount_krw"] == 800_000_000
    assert ("PARTICIPATES_IN", "Jeju National University", prog) in rels


def test_a_member_of_and_an_agency_that_runs_a_program():
    rels = rels_of("Mokpo National University became a founding member of the Blue Port Talent Project in 2024.\n\n"
                   "The Korea Energy Agency oversees the Island Grid Program, and Jeju National University is "
                   "part of the Island Grid Program.\n")
    assert ("PARTICIPATES_IN", "Mokpo National University", "Blue Port Talent Project") in rels
    assert ("ORGANIZES", "Korea Energy Agency", "Island Grid Program") in rels
    assert ("PARTICIPATES_IN", "Korea Energy Agency", "Island Grid Program") not in rels


def test_two_receivers_in_one_sentence_and_named_givers():
    rels = rels_of("Universities pick up regional grants\n\n"
                   "Jeju National University will receive 5 billion won from the Jeju RISE Project this year, and "
                   "Cheju Halla University will receive 2 billion won.\n\n"
                   "Mokpo National University was awarded a separate 400 million won grant by the National "
                   "Research Foundation of Korea in March.\n\n"
                   "Kunsan National University said it had received 9 billion won in research funding from "
                   "industry since 2020.\n\n"
                   "Hyundai Motor Company will invest 3 billion won in the Jeju RISE Project over three years, while "
                   "Jeju will add 1 billion won from its own budget.\n")
    prog = "Jeju RISE Project"
    assert rels[("FUNDS", prog, "Jeju National University")]["amount_krw"] == 5_000_000_000
    assert rels[("FUNDS", prog, "Cheju Halla University")]["amount_krw"] == 2_000_000_000
    assert rels[("FUNDS", "National Research Foundation of Korea", "Mokpo National University")]["amount_krw"] == 400_000_000
    assert not any(k[0] == "FUNDS" and k[2] == "Kunsan National University" for k in rels)
    assert rels[("FUNDS", "Hyundai Motor Company", prog)]["amount_krw"] == 3_000_000_000


def test_reported_selection_member_and_will_manage():
    rels = rels_of("Three universities join ministry program\n\n"
                   "The Ministry of Oceans and Fisheries said Monday that Mokpo National University and Kunsan "
                   "National University have been selected as new operators of the Blue Port Talent Project.\n\n"
                   "The Korea Institute of Marine Science and Technology Promotion will manage the program on "
                   "behalf of the ministry.\n\n"
                   "Mokpo National University is also a member of the West Sea Robotics Alliance.\n")
    prog = "Blue Port Talent Project"
    for u in ("Mokpo National University", "Kunsan National University"):
        assert ("PARTICIPATES_IN", u, prog) in rels
    assert ("PARTICIPATES_IN", "Ministry of Oceans and Fisheries", prog) not in rels
    assert any(k[0] == "ORGANIZES" and k[2] == prog and "Marine Science" in k[1] for k in rels)
    assert ("PARTICIPATES_IN", "Mokpo National University", "West Sea Robotics Alliance") in rels


def test_with_funding_from_funds_the_doer_and_a_program_referred_back_to():
    rels = rels_of("Hospitals start rare disease registry\n\n"
                   "Severance Hospital said Thursday it will build a rare disease registry with the Mayo Clinic, "
                   "with funding from the Korea Health Industry Development Institute.\n\n"
                   "The registry is one of five projects under the Ministry of Health and Welfare's Rare Disease "
                   "Data Initiative. The hospital joined the Island Care Program in 2022.\n\n"
                   "The Korea Disease Control and Prevention Agency is also participating in the initiative, and "
                   "Samsung Electronics will invest 1 billion won in the initiative.\n")
    khidi = "Korea Health Industry Development Institute"
    assert ("FUNDS", khidi, "Severance Hospital") in rels and ("FUNDS", khidi, "Mayo Clinic") not in rels
    assert ("PARTICIPATES_IN", "Korea Disease Control and Prevention Agency", "Rare Disease Data Initiative") in rels
    assert rels[("FUNDS", "Samsung Electronics", "Rare Disease Data Initiative")]["amount_krw"] == 1_000_000_000


def test_agreement_to_run_a_named_program_and_a_province_as_giver():
    rels = rels_of("Universities start ocean program\n\n"
                   "Mokpo National University said Friday it has signed an agreement with Stanford University to "
                   "run a joint ocean robotics program, the Pacific Ocean Robotics Initiative, for five years.\n\n"
                   "Mokpo National University also received 800 million won from South Jeolla Province for a "
                   "test tank this year.\n\n"
                   "Stanford's School of Engineering, which joined the Pacific Ocean Robotics Initiative last "
                   "year, will send ten researchers.\n")
    prog = "Pacific Ocean Robotics Initiative"
    assert ("PARTICIPATES_IN", "Mokpo National University", prog) in rels
    assert ("PARTICIPATES_IN", "Stanford University", prog) in rels      # from the agreement
    assert any(k[0] == "FUNDS" and "Jeolla" in k[1] and k[2] == "Mokpo National University" for k in rels)
    rels = rels_of("Stanford joins program\n\nStanford's School of Engineering, which joined the Pacific Ocean "
                   "Robotics Initiative last year, will send ten researchers.\n")
    assert ("PARTICIPATES_IN", "Stanford University", prog) not in rels


def test_organized_by_a_province_and_a_university():
    rels = rels_of("Energy program opens\n\nThe Island Grid Program, organized by Jeollanam-do and Mokpo National "
                   "University, tests grid software on real substations.\n")
    assert any(k[0] == "ORGANIZES" and "Jeolla" in k[1] and k[2] == "Island Grid Program" for k in rels)
    assert ("ORGANIZES", "Mokpo National University", "Island Grid Program") in rels


def test_it_as_the_clause_subject():
    rels = rels_of("Port city schools\n\nDespite its name, Mokpo National University is not in Mokpo's old town. "
                   "Its main campus is near the harbor, and it is the largest of the four schools taking part in "
                   "the Blue Port Talent Project.\n")
    assert ("PARTICIPATES_IN", "Mokpo National University", "Blue Port Talent Project") in rels


def test_passive_money_with_its_giver():
    rels = rels_of("Funds flow\n\nA total of 3 billion won will be invested in the Island Grid Program by the Korea "
                   "Energy Agency through 2027.\n\n"
                   "500 million won has been allocated to Jeju National University by Jeju for a test site.\n\n"
                   "20 billion won will be spent on the Coastal Campus Project by 2030.\n")
    attrs = rels[("FUNDS", "Korea Energy Agency", "Island Grid Program")]
    assert attrs["amount_krw"] == 3_000_000_000 and attrs["end_year"] == 2027
    assert rels[("FUNDS", "Jeju", "Jeju National University")]["amount_krw"] == 500_000_000
    assert not any(k[0] == "FUNDS" and k[2] == "Coastal Campus Project" for k in rels)   # no giver named


def test_a_program_which_two_universities_run_jointly():
    rels = rels_of("Dual degree\n\nThe Ocean Data Master Program, which Mokpo National University and Kunsan National "
                   "University will run jointly, admits 20 students a year.\n")
    for u in ("Mokpo National University", "Kunsan National University"):
        assert ("PARTICIPATES_IN", u, "Ocean Data Master Program") in rels


def test_a_name_in_capitals_before_a_dash_is_no_dateline():
    rels = rels_of("Robotics\n\nKAIST -- the country's top science school -- said it has joined the Ocean Robotics "
                   "Consortium.\n")
    assert ("PARTICIPATES_IN", "KAIST", "Ocean Robotics Consortium") in rels


def test_agreement_partners_and_the_provincial_government():
    rels = rels_of("Offshore wind\n\nSouth Jeolla Province signed a three-way agreement on Tuesday with Mokpo National "
                   "University and Korea Electric Power Corporation to set up the Jeonnam Offshore Wind Project.\n\n"
                   "Under the agreement, the provincial government will put 2.7 billion won into the project over "
                   "three years. The project is led by the provincial government.\n")
    prog = "Jeonnam Offshore Wind Project"
    for a in ("Mokpo National University", "Korea Electric Power Corporation"):
        assert ("PARTICIPATES_IN", a, prog) in rels
    funds = [v for k, v in rels.items() if k[0] == "FUNDS" and "Jeolla" in k[1] and k[2] == prog]
    assert funds and funds[0]["amount_krw"] == 2_700_000_000 and funds[0]["years"] == 3
    assert any(k[0] == "ORGANIZES" and "Jeolla" in k[1] and k[2] == prog for k in rels)


def test_they_include_after_a_selection():
    rels = rels_of("Hospitals picked\n\nFive hospitals were selected on Monday for the Island Care Program. They "
                   "include Jeju National University Hospital and Cheju Halla General Hospital.\n")
    assert ("PARTICIPATES_IN", "Jeju National University Hospital", "Island Care Program") in rels


def test_received_from_funds_the_receiver_even_without_a_program():
    rels = rels_of("Grants\n\nKunsan National University received 5 billion won from the Ministry of Oceans and "
                   "Fisheries to build a ship simulator.\n\n"
                   "With 2 billion won from the Korea Energy Agency, Mokpo National University will build a microgrid.\n")
    assert rels[("FUNDS", "Ministry of Oceans and Fisheries", "Kunsan National University")]["amount_krw"] == 5_000_000_000
    assert rels[("FUNDS", "Korea Energy Agency", "Mokpo National University")]["amount_krw"] == 2_000_000_000
    # split contributions after a receiving program stay with the program
    rels = rels_of("Batteries\n\nThe Ulsan Battery Innovation Project will receive 45 billion won over five years "
                   "(30 billion won from the Ministry of Trade, Industry and Energy, 15 billion won from Samsung SDI).\n")
    assert rels[("FUNDS", "Samsung SDI", "Ulsan Battery Innovation Project")]["amount_krw"] == 15_000_000_000


def test_tapped_to_run():
    rels = rels_of("Ports\n\nThe Blue Port Talent Project opened in 2024.\n\n"
                   "Mokpo National University has been tapped to run the Blue Port Talent Project.\n")
    assert ("PARTICIPATES_IN", "Mokpo National University", "Blue Port Talent Project") in rels


WIND_CLUSTER = """Jeonnam sets up offshore wind cluster

South Jeolla Province signed an agreement on Monday with Mokpo National University and turbine maker Haesol Wind to set up the Jeonnam Offshore Wind Industry Cluster, a joint training and research base.

Under the agreement, the provincial government will put 3.1 billion won into the cluster over four years.
"""


def test_partner_with_a_trade_noun_before_its_name_takes_part():
    rels = rels_of(WIND_CLUSTER)
    prog = "Jeonnam Offshore Wind Industry Cluster"
    assert ("PARTICIPATES_IN", "Mokpo National University", prog) in rels
    assert ("PARTICIPATES_IN", "Haesol Wind", prog) in rels


def test_unnamed_provincial_government_puts_money_into_the_unit():
    rels = rels_of(WIND_CLUSTER)
    attrs = rels[("FUNDS", "South Jeolla Province", "Jeonnam Offshore Wind Industry Cluster")]
    assert attrs["amount_krw"] == 3_100_000_000 and attrs["years"] == 4


def test_trade_noun_coordination_needs_a_trade_noun():
    rels = rels_of("Busan signed an agreement with Pukyong National University and later hired Dongbang Marine "
                   "to set up the Busan Port Logistics Academy.\n")
    assert ("PARTICIPATES_IN", "Dongbang Marine", "Busan Port Logistics Academy") not in rels


def test_unnamed_government_spending_on_no_unit_is_no_funding():
    rels = rels_of("Jeonnam sets up offshore wind cluster\n\nSouth Jeolla Province launched the Jeonnam Offshore "
                   "Wind Industry Cluster on Monday.\n\nThe provincial government has spent 3.1 billion won on "
                   "roads since 2020.\n")
    assert not any(k[0] == "FUNDS" for k in rels)


TALENT = """Jeonnam launches offshore wind talent program

South Jeolla Province launched the Jeonnam Offshore Wind Talent Program on Monday.

{}
"""


def test_participating_universities_of_a_program_include():
    rels = rels_of(TALENT.format("The Jeonnam Offshore Wind Talent Program's participating universities include "
                                 "Mokpo National University, Chosun University and Sunchon National University."))
    for u in ("Mokpo National University", "Chosun University", "Sunchon National University"):
        assert ("PARTICIPATES_IN", u, "Jeonnam Offshore Wind Talent Program") in rels


def test_participating_schools_in_a_program_are():
    rels = rels_of(TALENT.format("Participating schools in the Jeonnam Offshore Wind Talent Program are "
                                 "Mokpo National University and Chosun University."))
    assert ("PARTICIPATES_IN", "Chosun University", "Jeonnam Offshore Wind Talent Program") in rels


def test_the_programs_members_are():
    rels = rels_of(TALENT.format("The program's members are Mokpo National University and Chosun University."))
    assert ("PARTICIPATES_IN", "Mokpo National University", "Jeonnam Offshore Wind Talent Program") in rels


def test_program_partners_doing_something_else_is_no_membership():
    rels = rels_of(TALENT.format("The Jeonnam Offshore Wind Talent Program's partners are looking for "
                                 "Mokpo National University graduates."))
    assert ("PARTICIPATES_IN", "Mokpo National University", "Jeonnam Offshore Wind Talent Program") not in rels


def test_program_in_apposition_to_an_owners_scheme_is_organized_by_it():
    rels = rels_of("Ministry expands talent scheme\n\nJeonnam received 30 billion won under the Glocal Talent "
                   "Initiative, the Ministry of Education's scheme that funds regional universities.\n")
    assert ("ORGANIZES", "Ministry of Education", "Glocal Talent Initiative") in rels


def test_program_followed_by_a_ministry_that_speaks_is_not_owned():
    rels = rels_of("Ministry expands talent scheme\n\nMokpo National University joined the Glocal Talent "
                   "Initiative, the Ministry of Education said on Monday.\n")
    assert ("ORGANIZES", "Ministry of Education", "Glocal Talent Initiative") not in rels
    assert ("PARTICIPATES_IN", "Mokpo National University", "Glocal Talent Initiative") in rels


def test_program_launched_with_partners():
    rels = rels_of("Schools launch farm program\n\nKongju National University will run the Chungnam Smart Farm "
                   "Program with Hoseo University and Sunmoon University.\n")
    for u in ("Kongju National University", "Hoseo University", "Sunmoon University"):
        assert ("PARTICIPATES_IN", u, "Chungnam Smart Farm Program") in rels


def test_program_launched_with_money_or_a_ministry_has_no_partner():
    rels = rels_of("Ministry launches talent scheme\n\nKongju National University launched the Chungnam Smart "
                   "Farm Program with the Ministry of Education.\n")
    assert ("PARTICIPATES_IN", "Ministry of Education", "Chungnam Smart Farm Program") not in rels


SENIOR = """District funds senior digital classes

Mapo-gu and Hongik University opened the Mapo Digital Senior Program in March.

{}
"""


def test_paying_for_a_program_allocating_an_amount_yearly():
    rels = rels_of(SENIOR.format("Mapo-gu is paying for the program, allocating 150 million won annually."))
    attrs = rels[("FUNDS", "Mapo-gu", "Mapo Digital Senior Program")]
    assert attrs["amount_krw"] == 150_000_000 and attrs.get("per_year") is True


def test_support_a_program_with_an_amount():
    rels = rels_of(SENIOR.format("Mapo-gu will support the Mapo Digital Senior Program with 450 million won "
                                 "over three years."))
    attrs = rels[("FUNDS", "Mapo-gu", "Mapo Digital Senior Program")]
    assert attrs["amount_krw"] == 450_000_000 and attrs["years"] == 3


def test_support_with_no_amount_right_after_is_no_funding():
    rels = rels_of(SENIOR.format("Mapo-gu will support the Mapo Digital Senior Program with volunteers, and "
                                 "Hongik University spent 2 billion won on dormitories."))
    assert ("FUNDS", "Mapo-gu", "Mapo Digital Senior Program") not in rels


WATER = """Ministry picks research centers

The Ministry of Environment named three universities for the Clean Water Research Program on Monday.

{}
"""


def test_program_which_the_ministry_runs_with_an_agency():
    rels = rels_of(WATER.format("The Clean Water Research Program, which the ministry runs together with the "
                                "National Research Foundation of Korea (NRF), started in 2019."))
    assert ("ORGANIZES", "National Research Foundation of Korea", "Clean Water Research Program") in rels
    assert ("ORGANIZES", "Ministry of Environment", "Clean Water Research Program") in rels


def test_program_which_the_ministry_praised_is_not_run_with_the_agency():
    rels = rels_of(WATER.format("The Clean Water Research Program, which the ministry praised together with the "
                                "National Research Foundation of Korea (NRF), started in 2019."))
    assert ("ORGANIZES", "National Research Foundation of Korea", "Clean Water Research Program") not in rels


CENTERS = """Ministry names three engineering centers

The Ministry of Science and ICT on Monday selected three new centers for the Smart Materials Center Program.

{}
"""


def test_winners_list_of_owned_centers_takes_part():
    rels = rels_of(CENTERS.format("The winners are Hoseo University's Center for Flexible Batteries, KAIST's Soft "
                                  "Robotics Research Center, and Inha University's Center for Ocean Sensors."))
    parts = {k[1] for k in rels if k[0] == "PARTICIPATES_IN" and k[2] == "Smart Materials Center Program"}
    assert len(parts) == 3 and all("Center" in p for p in parts)
    assert ("PARTICIPATES_IN", "KAIST", "Smart Materials Center Program") not in rels


def test_winners_of_something_else_with_no_program_before():
    rels = rels_of("Chefs meet in Busan\n\nThe winners are Hoseo University and Inha University, the jury said.\n")
    assert not any(k[0] == "PARTICIPATES_IN" for k in rels)


def test_a_donor_of_won_is_no_participant():
    rels = rels_of("Foundation gives to scholarship\n\nThe Haenam Culture Foundation, set up by Mokpo shipping firm "
                   "Haenam Marine, has donated 2 billion won to Chosun University's Bitgoeul Dream Scholarship, "
                   "a program that covers tuition for students from rural towns.\n")
    assert ("FUNDS", "Haenam Culture Foundation", "Bitgoeul Dream Scholarship") in rels
    assert ("PARTICIPATES_IN", "Haenam Culture Foundation", "Bitgoeul Dream Scholarship") not in rels


def test_a_university_that_won_a_program_still_takes_part():
    rels = rels_of("Ministry picks schools\n\nHoseo University won the Chungnam Smart Farm Program last year.\n")
    assert ("PARTICIPATES_IN", "Hoseo University", "Chungnam Smart Farm Program") in rels


def test_recipient_of_a_programs_money_takes_part_in_it():
    rels = rels_of("Farm program grows\n\nThe Ministry of Agriculture runs the Chungnam Smart Farm Program.\n\n"
                   "Hoseo University will receive 2.1 billion won from the Chungnam Smart Farm Program this year.\n")
    assert ("FUNDS", "Chungnam Smart Farm Program", "Hoseo University") in rels
    assert ("PARTICIPATES_IN", "Hoseo University", "Chungnam Smart Farm Program") in rels
