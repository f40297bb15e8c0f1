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
