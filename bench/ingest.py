"""Throughput of `tidings ingest` against a baseline of trafilatura + bare spaCy, same pages, same cores.

    python bench/ingest.py [--voa 89] [--l3s 120] [--workers N] [--json bench/out/ingest.json]

For each corpus (the bundled VOA stories; the L3S-GN1 pages from ../shared/dev/extract/l3s-gn1):
- tidings: `tidings ingest INPUT --workers N` into a fresh store (the whole pipeline: extraction,
  parse, actors, quotes, events, clustering, SQLite writes);
- baseline: N worker processes doing `trafilatura.extract` (HTML; JSONL text is taken as is) and the
  bare `nlp.pipe` of the same spaCy model on the same pages.
Both run as child processes of this script, timed wall-clock from start to exit (model loading
included in both), and the peak RSS of the largest process of each run is read from
getrusage(RUSAGE_CHILDREN) in a fresh wrapper process. Prints articles/s for both and the ratio.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
VOA = REPO / "samples" / "voa" / "voa_stories.jsonl"
L3S = SHARED / "dev" / "extract" / "l3s-gn1"

_MEASURE = r"""
import json, resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"wall": wall, "rss_mb": rss, "rc": p.returncode, "stdout": p.stdout, "stderr": p.stderr[-3000:]}))
"""


def measure(cmd: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-c", _MEASURE, *cmd], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


# --------------------------------------------------------------------------- the baseline (child process)

_nlp = None


def _init_baseline() -> None:
    global _nlp
    import spacy
    from tidings.nlp.parse import installed_model
    from tidings.settings import Settings
    _nlp = spacy.load(installed_model(Settings.from_env().spacy_model))


def _baseline_task(pages: list[tuple[bytes, bool]]) -> int:
    import trafilatura
    texts = []
    for content, clean in pages:
        text = content.decode("utf-8", "replace")
        if not clean:
            text = trafilatura.extract(text) or ""
        if text.strip():
            texts.append(text)
    for _ in _nlp.pipe(texts, batch_size=32):
        pass
    return len(texts)


def run_baseline(inputs: list[str], workers: int) -> None:
    import multiprocessing
    from tidings.ingest import iter_pages
    from tidings.records import Page
    from tidings.settings import Settings

    settings = Settings.from_env()
    pages = [(p.content, bool(p.meta.get("clean"))) for p in iter_pages(inputs, settings) if isinstance(p, Page)]
    chunks = [pages[i:i + 8] for i in range(0, len(pages), 8)]
    t = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(workers, initializer=_init_baseline) as pool:
        articles = sum(pool.imap_unordered(_baseline_task, chunks))
    print(json.dumps({"articles": articles, "pages": len(pages), "seconds": time.perf_counter() - t}))


# --------------------------------------------------------------------------- the bench

def corpora(voa: int, l3s: int, tmp: Path) -> dict[str, str]:
    out = {}
    if voa:
        lines = VOA.read_text(encoding="utf-8").splitlines()[:voa]
        path = tmp / "voa.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        out[f"VOA stories ({len(lines)})"] = str(path)
    if l3s:
        if not L3S.is_dir():
            print(f"skipping L3S: {L3S} not found", file=sys.stderr)
        else:
            d = tmp / "l3s"
            d.mkdir()
            files = sorted(L3S.glob("*.html"))[:l3s]
            for f in files:
                shutil.copy(f, d / f.name)
            out[f"L3S-GN1 pages ({len(files)})"] = str(d)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--voa", type=int, default=89, help="VOA stories to use (0: skip).")
    ap.add_argument("--l3s", type=int, default=120, help="L3S pages to use (0: skip).")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--json", dest="json_out", help="Also write the results to this file.")
    ap.add_argument("--_baseline", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args._baseline:
        run_baseline(args._baseline, args.workers)
        return 0

    tidings = str(Path(sys.executable).with_name("tidings"))
    results = []
    with tempfile.TemporaryDirectory(prefix="tidings-bench-") as tmp_s:
        tmp = Path(tmp_s)
        for name, path in corpora(args.voa, args.l3s, tmp).items():
            base = measure([sys.executable, __file__, "--workers", str(args.workers), "--_baseline", path])
            b = json.loads(base["stdout"].strip().splitlines()[-1])
            db = tmp / f"{len(results)}.db"
            run = measure([tidings, "ingest", path, "--db", str(db), "--workers", str(args.workers),
                           "--json", "--no-progress"])
            if not run["stdout"].strip():
                print(run["stderr"], file=sys.stderr)
                return 2
            s = json.loads(run["stdout"].strip().splitlines()[-1])
            row = {
                "corpus": name, "workers": args.workers,
                "tidings_articles": s["added"], "tidings_seconds": round(run["wall"], 2),
                "tidings_articles_per_s": round(s["added"] / run["wall"], 3),
                "tidings_peak_rss_mb": round(run["rss_mb"]), "tidings_errors": s["errors"],
                "events_in_store": s["events_in_store"], "mentions": s["mentions"],
                "baseline_articles": b["articles"], "baseline_seconds": round(base["wall"], 2),
                "baseline_articles_per_s": round(b["articles"] / base["wall"], 3),
                "baseline_peak_rss_mb": round(base["rss_mb"]),
            }
            row["ratio"] = round(row["tidings_articles_per_s"] / row["baseline_articles_per_s"], 3) \
                if row["baseline_articles_per_s"] else None
            results.append(row)
            print(f"{name}: tidings {row['tidings_articles_per_s']:.2f} articles/s ({s['added']} articles, "
                  f"{row['tidings_seconds']}s, peak RSS {row['tidings_peak_rss_mb']} MB, {s['errors']} errors, "
                  f"{s['mentions']} event mentions -> {s['events_in_store']} events) | baseline "
                  f"{row['baseline_articles_per_s']:.2f} articles/s ({b['articles']} articles, "
                  f"{row['baseline_seconds']}s, peak RSS {row['baseline_peak_rss_mb']} MB) | ratio {row['ratio']}x")
    if args.json_out:
        Path(args.json_out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json_out).write_text(json.dumps(results, indent=1) + "\n")
    ok = all(r["ratio"] is not None and r["ratio"] >= 1.0 and r["tidings_peak_rss_mb"] < 1536 for r in results)
    print(f"target (ratio >= 1.0x, peak RSS per process < 1.5 GB): {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
