"""Exports: GraphML and GEXF round-trip through NetworkX's readers with their attributes
intact and validate against the published schemas (tests/data/xsd); the CSV has the
``neo4j-admin database import`` layout and loads into a real Neo4j with ``LOAD CSV``;
the JSON is what a front end needs."""
from __future__ import annotations

import csv
import functools
import http.server
import json
import os
import threading
from pathlib import Path

import networkx as nx
import pytest

from partnergraph.graph.analysis import analyze, build_graph
from partnergraph.graph.export import (
    clean_text, export_graph, gexf_bytes, graph_data, graphml_bytes, to_csv_dir, to_gexf,
    to_graphml, to_json,
)

XSD = Path(__file__).parent / "data" / "xsd"


def sample_records():
    """Five organisations, with the awkward values real data brings: a control
    character and a line break in a name, Korean text, a missing region, big amounts."""
    ents = [
        {"id": "ror:01", "name": "Alpha\x07 University\nof Science", "kind": "University",
         "aliases": "AU | Alpha Univ.", "name_ko": "알파대학교", "region": "Gwangju", "ror": "01"},
        {"id": "University:beta", "name": "Beta National University", "kind": "University",
         "aliases": "", "region": None, "ror": None},
        {"id": "Ministry:msit", "name": "Ministry of Science and ICT", "kind": "Ministry",
         "aliases": "MSIT"},
        {"id": "Hospital:gamma", "name": 'Gamma "General" Hospital, Seoul', "kind": "Hospital"},
        {"id": "Program:bk21", "name": "Brain Korea 21", "kind": "Program", "aliases": "BK21"},
    ]
    rels = [
        {"type": "MOU", "source": "ror:01", "target": "University:beta", "doc_id": "d1"},
        {"type": "MOU", "source": "University:beta", "target": "ror:01", "doc_id": "d2"},
        {"type": "FUNDS", "source": "Ministry:msit", "target": "University:beta", "doc_id": "d3",
         "amount": 15_000_000_000, "currency": "KRW"},
        {"type": "FUNDS", "source": "Ministry:msit", "target": "University:beta", "doc_id": "d4",
         "amount": 2_000_000, "currency": "USD"},
        {"type": "PARTNERS_WITH", "source": "University:beta", "target": "Ministry:msit", "doc_id": "d4"},
        {"type": "AFFILIATED_WITH", "source": "Hospital:gamma", "target": "ror:01", "doc_id": "d5"},
        {"type": "PARTICIPATES_IN", "source": "ror:01", "target": "Program:bk21", "doc_id": "d5"},
    ]
    return ents, rels


@pytest.fixture
def graph():
    G = build_graph(*sample_records())
    analyze(G, top=5)
    return G


NODE_ATTRS = {"label", "kind", "region", "degree", "weighted_degree", "betweenness", "pagerank",
              "eigenvector", "closeness", "community", "articulation_point"}


def check_round_trip(G: nx.Graph, H: nx.Graph) -> None:
    assert set(H) == set(G) and H.number_of_edges() == G.number_of_edges()
    for v, d in G.nodes(data=True):
        got = H.nodes[v]
        assert NODE_ATTRS <= set(got), f"{v}: {set(got)}"
        assert got["kind"] == d["kind"] and got["region"] == d["region"]
        assert got["degree"] == d["degree"] and got["community"] == d["community"]
        assert got["pagerank"] == pytest.approx(d["pagerank"], rel=1e-9)
        assert got["betweenness"] == pytest.approx(d["betweenness"], rel=1e-9)
        assert isinstance(got["articulation_point"], bool)
        assert all(value is not None and not isinstance(value, list) for value in got.values())
    beta_msit = H["University:beta"]["Ministry:msit"]
    assert beta_msit["weight"] == 2 and beta_msit["w_funding"] == 2 and beta_msit["w_partnership"] == 1
    assert beta_msit["amount_KRW"] == 15_000_000_000 and beta_msit["amount_USD"] == 2_000_000
    assert beta_msit["family"] == "funding" and beta_msit["funder"] == "Ministry:msit"
    assert H["ror:01"]["University:beta"]["weight"] == 2


def test_graphml_round_trip_keeps_attributes(graph, tmp_path):
    path = tmp_path / "g.graphml"
    to_graphml(graph, path)
    H = nx.read_graphml(path)
    check_round_trip(graph, H)
    alpha = H.nodes["ror:01"]
    assert alpha["label"] == "Alpha University of Science"       # \x07 gone, \n a space
    assert alpha["name_ko"] == "알파대학교" and alpha["short"] == "AU"
    assert H.nodes["University:beta"]["region"] == ""             # None became ""


def test_graphml_validates_against_the_graphml_schema(graph, tmp_path):
    xmlschema = pytest.importorskip("xmlschema")
    schema = xmlschema.XMLSchema(str(XSD / "graphml.xsd"))
    path = tmp_path / "g.graphml"
    to_graphml(graph, path)
    schema.validate(str(path))
    # and the schema is a real check: a misplaced element is rejected
    broken = path.read_text(encoding="utf-8").replace("<graph ", "<grap ", 1).replace("</graph>", "</grap>")
    assert not schema.is_valid(broken)


def test_gexf_round_trip_and_schema(graph, tmp_path):
    path = tmp_path / "g.gexf"
    to_gexf(graph, path)
    H = nx.read_gexf(path)
    check_round_trip(graph, H)
    viz = H.nodes["Ministry:msit"]["viz"]
    assert viz["color"]["r"] == 148 and viz["size"] >= 5          # Ministry purple
    # The shipped GEXF schema declares color/size in the GEXF namespace instead of the
    # viz one (see tests/data/xsd/README.md), so validate the file without viz.
    xmlschema = pytest.importorskip("xmlschema")
    plain = tmp_path / "plain.gexf"
    to_gexf(graph, plain, viz=False)
    xmlschema.XMLSchema(str(XSD / "gexf.xsd")).validate(str(plain))


def test_exports_accept_records_and_give_bytes():
    records = sample_records()
    data = graphml_bytes(records)
    assert data.startswith(b"<?xml") and b"pagerank" in data
    assert gexf_bytes(records).count(b"<node ") == 5
    H = export_graph(records)
    assert set(H.nodes["Program:bk21"]) >= NODE_ATTRS


def test_no_list_or_none_values_reach_the_writers():
    G = build_graph(*sample_records())
    G.nodes["ror:01"]["region"] = ["Gwangju", "Jeonnam"]     # a list slipped in
    G.nodes["Program:bk21"]["label"] = None
    H = export_graph(G)
    assert H.nodes["ror:01"]["region"] == "Gwangju | Jeonnam"
    assert H.nodes["Program:bk21"]["label"] == ""
    for _, d in H.nodes(data=True):
        assert all(v is not None and not isinstance(v, (list, tuple, set)) for v in d.values())
    nx.read_graphml(__import__("io").BytesIO(graphml_bytes(G)))


def test_clean_text():
    assert clean_text("a\x00b\tc\r\nd\x1b[0m\ufffe") == "ab c d[0m"


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_has_the_neo4j_admin_import_layout(graph, tmp_path):
    written = to_csv_dir(graph, tmp_path / "csv")
    assert [p.name for p in written] == ["nodes.csv", "relationships_funding.csv",
                                         "relationships_partnership.csv", "relationships_program.csv",
                                         "relationships_structure.csv"]
    nodes = read_csv(written[0])
    header = list(nodes[0])
    assert header[:3] == ["id:ID", "name", "kind"] and header[-1] == ":LABEL"
    assert {"pagerank:double", "degree:long", "community:long", "articulation_point:boolean"} <= set(header)
    by_id = {r["id:ID"]: r for r in nodes}
    assert by_id["ror:01"][":LABEL"] == "Entity;University"
    assert by_id["Hospital:gamma"]["name"] == 'Gamma "General" Hospital, Seoul'
    funding = read_csv(written[1])
    assert funding == [{":START_ID": "Ministry:msit", ":END_ID": "University:beta", ":TYPE": "FUNDING",
                        "weight:long": "2", "types": "FUNDS", "pair_weight:long": "2",
                        "amount_KRW:long": "15000000000", "amount_USD:long": "2000000"}]
    partnership = read_csv(written[2])
    assert {(r[":TYPE"], r["weight:long"], r["types"]) for r in partnership} == {
        ("PARTNERSHIP", "2", "MOU"), ("PARTNERSHIP", "1", "PARTNERS_WITH")}
    command = (tmp_path / "csv" / "import-command.txt").read_text()
    assert "--nodes=nodes.csv" in command and "--relationships=relationships_funding.csv" in command


def test_json_for_a_front_end(graph, tmp_path):
    data = graph_data(graph)
    assert data["meta"]["nodes"] == 5 and len(data["edges"]) == graph.number_of_edges()
    node = next(n for n in data["nodes"] if n["id"] == "Ministry:msit")
    assert node["kind"] == "Ministry" and node["short"] == "MSIT"
    path = tmp_path / "g.json"
    to_json(graph, path)
    assert json.loads(path.read_text(encoding="utf-8")) == data


# --- into a real Neo4j --------------------------------------------------------------------

@pytest.fixture
def csv_server(tmp_path):
    """Serve a directory over HTTP on 127.0.0.1, so LOAD CSV can read it whatever the
    server's import directory is."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a, **k: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield tmp_path, f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


LOAD_NODES = """
LOAD CSV WITH HEADERS FROM $url AS row
CREATE (n:$(split(row.`:LABEL`, ';')))
SET n.id = row.`id:ID`, n.name = row.name, n.kind = row.kind, n.region = row.region,
    n.pagerank = toFloat(row.`pagerank:double`), n.degree = toInteger(row.`degree:long`),
    n.community = toInteger(row.`community:long`),
    n.articulation_point = toBoolean(row.`articulation_point:boolean`)
"""
LOAD_RELS = """
LOAD CSV WITH HEADERS FROM $url AS row
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
CREATE (a)-[r:$(row.`:TYPE`)]->(b)
SET r.weight = toInteger(row.`weight:long`), r.types = row.types,
    r.amount_KRW = toInteger(row.`amount_KRW:long`)
"""


@pytest.mark.neo4j
def test_csv_loads_into_neo4j(graph, csv_server, neo4j_clean, neo4j_driver):
    root, base = csv_server
    written = to_csv_dir(graph, root / "csv")
    database = os.environ.get("NEO4J_DATABASE") or None
    with neo4j_driver.session(database=database) as session:
        session.run(LOAD_NODES, url=f"{base}/csv/nodes.csv").consume()
        for path in written[1:]:
            session.run(LOAD_RELS, url=f"{base}/csv/{path.name}").consume()
        nodes = session.run("MATCH (n:Entity) RETURN count(n) AS c").single()["c"]
        rels = session.run("MATCH ()-[r]->() RETURN count(r) AS c").single()["c"]
        by_type = dict(session.run("MATCH ()-[r]->() RETURN type(r) AS t, count(r) AS c").values())
        msit = session.run("MATCH (m:Ministry:Entity {id: 'Ministry:msit'})-[r:FUNDING]->(b) "
                           "RETURN m.pagerank AS pr, r.amount_KRW AS krw, b.id AS b").single()
    rows = sum(len(read_csv(p)) for p in written[1:])
    assert nodes == graph.number_of_nodes() == 5
    assert rels == rows == 5           # 4 pairs, one of them in two families
    assert by_type == {"FUNDING": 1, "PARTNERSHIP": 2, "PROGRAM": 1, "STRUCTURE": 1}
    assert msit["krw"] == 15_000_000_000 and msit["b"] == "University:beta"
    assert msit["pr"] == pytest.approx(graph.nodes["Ministry:msit"]["pagerank"])
