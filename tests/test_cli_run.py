"""``partnergraph run`` (what ``make run`` calls): ingest, then serve, in one command.

Run as a real subprocess on a free loopback port: the explorer page and the API answer
over HTTP on the graph the same command just built.  The articles are our own
(tests/data/articles); ``seeds/examples`` is the default when no path is given.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path


from test_api_support import free_port, run_cli, stop_process
from conftest import REPO

ARTICLES = REPO / "tests" / "data" / "articles"


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=5) as r:
        return r.status, r.read()


def test_run_no_serve_ingests_the_examples_by_default(tmp_path: Path):
    store = tmp_path / "g.lbug"
    done = run_cli("run", "--no-serve", "--store", str(store))
    assert done.returncode == 0, done.stderr[-2000:]
    assert "examples" in done.stderr
    stats = json.loads(run_cli("stats", "--json", "--store", str(store)).stdout)
    examples = list((REPO / "seeds" / "examples").glob("*.txt"))
    assert stats["documents"] == len(examples) >= 15
    # running it again changes nothing
    again = run_cli("run", "--no-serve", "--store", str(store))
    assert again.returncode == 0
    assert json.loads(run_cli("stats", "--json", "--store", str(store)).stdout) == stats


def test_run_ingests_then_serves_the_explorer_and_api(tmp_path: Path):
    store = tmp_path / "g.lbug"
    port = free_port()
    log = (tmp_path / "run.log").open("w+")
    proc = subprocess.Popen([sys.executable, "-m", "partnergraph", "run", str(ARTICLES),
                             "--store", str(store), "--port", str(port)],
                            cwd=REPO, stdout=log, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, f"run exited early: {Path(log.name).read_text()[-2000:]}"
            try:
                if _get(f"{base}/health")[0] == 200:
                    break
            except (urllib.error.URLError, OSError):
                pass
            assert time.monotonic() < deadline, "run did not serve /health within 120 s"
            time.sleep(0.3)
        status, page = _get(f"{base}/")
        assert status == 200 and b"<html" in page.lower()
        stats = json.loads(_get(f"{base}/stats")[1])
        assert stats["documents"] == len(list(ARTICLES.glob("*.txt")))
        found = json.loads(_get(f"{base}/entities?q=pusan%20national")[1])
        assert found["items"], found
        pnu = found["items"][0]["id"]
        partners = json.loads(_get(f"{base}/entities/{pnu}/partners")[1])
        assert any("Tokyo" in json.dumps(p) for p in partners["items"]), partners
        assert f"open http://127.0.0.1:{port}/" in Path(log.name).read_text()
    finally:
        stop_process(proc)
        log.close()


def test_run_with_a_missing_path_reports_it_and_serves_nothing(tmp_path: Path):
    done = run_cli("run", "--no-serve", str(tmp_path / "nope"), "--store", str(tmp_path / "g.lbug"))
    assert "nope" in done.stderr and "Traceback" not in done.stderr
