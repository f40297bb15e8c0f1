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
