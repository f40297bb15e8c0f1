"""``partnergraph analyze | export | plot`` end to end: a real embedded store filled by
``partnergraph ingest --extractions`` (extraction records written here, so the test does
not depend on the extractor's heuristics), then each command through the typer app."""
from __future__ import annotations

import csv
import json

import networkx as nx
import pytest
from typer.testing import CliRunner

from partnergraph.cli import app

ORGS = {
    "ror:alpha": ("Alpha National University", "University", ["ANU"]),
    "ror:beta": ("Beta Institute of Technology", "University", ["BIT"]),
    "hospital:gamma": ("Gamma University Hospital", "Hospital", []),
    "ministry:msit": ("Ministry of Science and ICT", "Ministry", ["MSIT"]),
    "program:delta": ("Delta Innovation Program", "Program", []),
    "company:epsilon": ("Epsilon Biologics", "Company", []),
}


def extraction(n: int, date: str, facts: list[tuple[str, str, str, dict]]) -> dict:
    """One document's record as ``partnergraph extract`` prints it: our own sentence per
    fact, with the evidence offsets pointing into the text."""
    sentences, relations, used = [], [], set()
    offset = 0
    for type_, s, t, attrs in facts:
        sentence = f"{ORGS[s][0]} and {ORGS[t][0]} appear together in note {n}."
        relations.append({"type": type_, "source": s, "target": t, "attrs": attrs, "confidence": 0.9,
                          "evidence": {"text": sentence, "start": offset, "end": offset + len(sentence)}})
        sentences.append(sentence)
        offset += len(sentence) + 1
        used |= {s, t}
    return {"doc": f"note{n}.txt", "doc_id": f"{n:064x}", "source": f"notes/note{n}.txt",
            "title": f"Note {n}", "url": None, "date": date, "extractor": "test",
            "entities": [{"id": e, "name": ORGS[e][0], "type": ORGS[e][1], "aliases": ORGS[e][2]}
                         for e in sorted(used)],
            "relations": relations}


RECORDS = [
    extraction(1, "2023-03-01", [("MOU", "ror:alpha", "ror:beta", {}),
                                 ("FUNDS", "ministry:msit", "ror:alpha",
                                  {"amount": 3_000_000_000, "currency": "KRW"})]),
    extraction(2, "2023-09-10", [("MOU", "ror:beta", "ror:alpha", {}),
                                 ("PARTNERS_WITH", "ror:alpha", "hospital:gamma", {})]),
    extraction(3, "2024-01-20", [("PARTICIPATES_IN", "ror:beta", "program:delta", {}),
                                 ("FUNDS", "ministry:msit", "program:delta",
                                  {"amount": 5_000_000_000, "currency": "KRW"}),
                                 ("PARTNERS_WITH", "company:epsilon", "hospital:gamma", {})]),
]


def run(*args: str):
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "120"})
    return result


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("cli-analysis")
    jsonl = root / "extractions.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    uri = str(root / "graph.lbug")
    result = run("ingest", "--extractions", str(jsonl), "--store", uri)
    assert result.exit_code == 0, result.output
    return uri


def test_analyze_prints_tables(store):
    result = run("analyze", "--store", store, "--top", "3")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "6 nodes, 6 ties" in out
    for heading in ("Most partners (degree)", "Brokers on shortest paths", "PageRank",
                    "Cut points", "Communities (Louvain", "Funding by funder", "betweenness: exact"):
        assert heading in out, heading
    assert "Alpha National University" in out and "8,000,000,000 KRW" in out


def test_analyze_json_and_out_files(store, tmp_path):
    result = run("analyze", "--store", store, "--json", "--out", str(tmp_path / "a.json"))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data == json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    # alpha-beta: two documents (MOU each way); the weighted degree counts them
    assert data["centrality"]["weighted_degree"][0] == {
        "id": "ror:alpha", "name": "Alpha National University", "kind": "University", "value": 4}
    assert data["funding"]["by_funder"][0]["amount"] == 8_000_000_000
    # alpha-beta-delta-msit is a cycle; gamma hangs off alpha and epsilon off gamma
    assert {r["id"] for r in data["brokers"]["articulation_points"]} == {"ror:alpha", "hospital:gamma"}

    result = run("analyze", "--store", store, "--out", str(tmp_path / "nodes.csv"))
    assert result.exit_code == 0, result.output
    with (tmp_path / "nodes.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 6 and {"id", "pagerank", "betweenness", "community"} <= set(rows[0])


def test_analyze_filters(store):
    result = run("analyze", "--store", store, "--json", "--types", "MOU,PARTNERS_WITH",
                 "--kinds", "University", "--kinds", "Hospital")
    data = json.loads(result.stdout)
    assert data["graph"]["nodes"] == 3 and data["graph"]["edges"] == 2
    result = run("analyze", "--store", store, "--json", "--min-support", "2",
                 "--communities", "label_propagation")
    data = json.loads(result.stdout)
    assert data["graph"]["edges"] == 1 and data["methods"]["communities"]["method"] == "label_propagation"
    # nothing in 2019: exit 1 with one line saying so
    result = run("analyze", "--store", store, "--from", "2019", "--to", "2019")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: nothing to analyse") and result.stderr.count("\n") == 1


@pytest.mark.parametrize("args, message", [
    (["--types", "SUES"], "unknown relation type: SUES"),
    (["--kinds", "Planet"], "unknown entity kind: Planet"),
    (["--from", "soon"], "is not a date"),
    (["--out", "x.txt"], "write a .json or .csv file"),
    (["--communities", "girvan"], "choose auto, louvain or label_propagation"),
])
def test_analyze_bad_options_are_one_line(store, args, message):
    result = run("analyze", "--store", store, *args)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output


def test_missing_store_is_one_line(tmp_path):
    result = run("analyze", "--store", str(tmp_path / "none.lbug"))
    assert result.exit_code == 2
    assert "no graph at" in result.stderr and "partnergraph ingest" in result.stderr


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_export_gephi_formats(store, tmp_path, fmt, reader):
    out = tmp_path / f"net.{fmt}"
    result = run("export", "--store", store, "--format", fmt, "--out", str(out))
    assert result.exit_code == 0, result.output
    G = reader(out)
    assert G.number_of_nodes() == 6 and G.number_of_edges() == 6
    alpha = G.nodes["ror:alpha"]
    assert alpha["kind"] == "University" and alpha["short"] == "ANU"
    assert {"pagerank", "betweenness", "community", "degree"} <= set(alpha)
    assert G["ministry:msit"]["ror:alpha"]["amount_KRW"] == 3_000_000_000


def test_export_csv_and_json(store, tmp_path):
    result = run("export", "--store", store, "--format", "csv", "--out", str(tmp_path / "csv"))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "csv").iterdir())
    assert names == ["import-command.txt", "nodes.csv", "relationships_funding.csv",
                     "relationships_partnership.csv", "relationships_program.csv"]
    result = run("export", "--store", store, "--format", "json", "--out", "-")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert len(data["nodes"]) == 6 and len(data["edges"]) == 6
    result = run("export", "--store", store, "--format", "pdf")
    assert result.exit_code == 2 and "choose one of graphml, gexf, csv, json" in result.stderr


@pytest.mark.parametrize("suffix, magic", [(".png", b"\x89PNG"), (".svg", b"<?xml")])
def test_plot(store, tmp_path, suffix, magic):
    out = tmp_path / f"net{suffix}"
    result = run("plot", "--store", store, "--out", str(out), "--size-by", "betweenness")
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(magic)
    if suffix == ".svg":
        text = out.read_text(encoding="utf-8")
        assert "ANU" in text and "MSIT" in text          # labels are there, as text
    result = run("plot", "--store", store, "--out", str(tmp_path / "net.pdf"))
    assert result.exit_code == 2 and "write a .png or .svg file" in result.stderr
