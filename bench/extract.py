#!/usr/bin/env python3
"""Article extraction bench: tidings vs trafilatura (bodies) and vs htmldate (dates), in one run.

Datasets (from ../shared/dev, development data; not needed at run time):
  l3s-gn1       HTML news pages        tidings.extract.extract(Page(hint="html"))  vs trafilatura.extract
  l3s-gn1-text  the same pages as text dumps: tidings.extract.read_pages (pages of one folder read
                together, as `tidings read DIR` does)                              vs trafilatura.extract
  dates         pages with their day of publication: tidings' `published`      vs htmldate.find_date
                (extensive search, with and without original_date)

Baselines: trafilatura.extract(include_comments=False) is trafilatura's body extraction (the
speed target's reference); "trafilatura+metadata" also extracts title, date, author (the same
kind of record tidings returns). Times are CPU seconds of this process (the machine is shared),
after a warm-up on the first pages, with the tools interleaved page by page.

Predictions go to bench/out/extract/<dataset>/<tool>/ (<id>.txt + meta.jsonl with seconds and
title); bodies are scored by ../shared/bench/extract_score.py and dates by date_score.py, both
run as subprocesses. Prints one table.

Usage: python bench/extract.py [--limit N] [--only l3s-gn1,l3s-gn1-text,dates] [--out DIR]
"""
from __future__ import annotations

import argparse
import json
import logging
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEV = SHARED / "dev"
SCORER = SHARED / "bench" / "extract_score.py"
DATE_SCORER = SHARED / "bench" / "date_score.py"

sys.path.insert(0, str(REPO))

# CPU seconds of this process: the development machine is shared, so wall time measures the
# neighbours; both tools are timed the same way, after the same warm-up
_clock = time.process_time
WARMUP_PAGES = 3


def load_gold(path: Path, limit: int | None) -> list[dict]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return rows[:limit] if limit else rows


class PredWriter:
    """<id>.txt per page and meta.jsonl (id, seconds, title) in one tool's prediction folder."""

    def __init__(self, folder: Path):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        self.folder = folder
        self.meta = (folder / "meta.jsonl").open("w", encoding="utf-8")

    def write(self, pid: str, body: str | None, seconds: float, title: str | None = None) -> None:
        (self.folder / f"{pid}.txt").write_text(body or "", encoding="utf-8")
        rec = {"id": pid, "seconds": seconds}
        if title is not None:
            rec["title"] = title
        self.meta.write(json.dumps(rec) + "\n")

    def close(self) -> None:
        self.meta.close()


def run_html(gold: list[dict], folder: Path, out: Path, settings) -> list[str]:
    """tidings and two trafilatura baselines: body only (its default use) and with metadata (title,
    date, author...: the same kind of record tidings returns)."""
    import trafilatura

    from tidings.extract import extract
    from tidings.records import Page

    def tidings(content: bytes, url: str | None, path: Path) -> tuple[str, str | None]:
        art = extract(Page(source=str(path), content=content, url=url, hint="html"), settings)
        return art.body, art.title or ""

    def traf_body(content: bytes, url: str | None, path: Path) -> tuple[str, str | None]:
        return trafilatura.extract(content, url=url, include_comments=False) or "", None

    def traf_meta(content: bytes, url: str | None, path: Path) -> tuple[str, str | None]:
        doc = trafilatura.bare_extraction(content, url=url, include_comments=False, with_metadata=True)
        return (doc.text or "", doc.title or "") if doc is not None else ("", "")

    tools = {"tidings": tidings, "trafilatura": traf_body, "trafilatura+metadata": traf_meta}
    writers = {name: PredWriter(out / name) for name in tools}
    for g in gold[:WARMUP_PAGES]:   # imports and lazy tables of all tools are not page time
        path = folder / f"{g['id']}.html"
        for fn in tools.values():
            try:
                fn(path.read_bytes(), g.get("url"), path)
            except Exception:
                pass
    for g in gold:
        path = folder / f"{g['id']}.html"
        content = path.read_bytes()
        for name, fn in tools.items():   # interleaved, so load on the machine hits all tools alike
            t = _clock()
            try:
                body, title = fn(content, g.get("url"), path)
            except Exception as exc:     # an error record counts as an empty prediction
                body, title = "", ""
                if name == "tidings":
                    print(f"tidings: {path.name}: {exc}", file=sys.stderr)
            writers[name].write(g["id"], body, _clock() - t, title)
    for w in writers.values():
        w.close()
    return list(tools)


def run_text(gold: list[dict], folder: Path, out: Path, settings) -> list[str]:
    import trafilatura

    from tidings.extract import read_pages
    from tidings.records import Article, Page

    tid = PredWriter(out / "tidings")
    traf = PredWriter(out / "trafilatura")
    pages = []
    for g in gold:
        path = folder / f"{g['id']}.txt"
        pages.append(Page(source=str(path), content=path.read_bytes(), url=g.get("url"), hint="text",
                          group=str(folder)))
    # read together, as `tidings read DIR` does (repeated lines across the folder are evidence);
    # the time of the whole run is shared out evenly between the pages
    t = _clock()
    results = list(read_pages(pages, settings))
    per_page = (_clock() - t) / max(1, len(pages))
    for g, res in zip(gold, results):
        if isinstance(res, Article):
            tid.write(g["id"], res.body, per_page, res.title or "")
        else:
            print(f"tidings: {g['id']}: {res.error}", file=sys.stderr)
            tid.write(g["id"], "", per_page, "")
    for g, page in zip(gold, pages):
        t = _clock()
        try:
            body = trafilatura.extract(page.content.decode("utf-8", errors="replace"), url=g.get("url"),
                                       include_comments=False)
        except Exception:
            body = ""
        traf.write(g["id"], body, _clock() - t)
    tid.close()
    traf.close()
    return ["tidings", "trafilatura"]


def run_dates(gold: list[dict], folder: Path, out: Path, settings) -> dict[str, tuple[Path, float]]:
    from htmldate import find_date

    from tidings.extract import extract
    from tidings.records import Page

    out.mkdir(parents=True, exist_ok=True)
    from tidings.extract.dates import find_html_date
    from tidings.extract.decode import decode

    tools = {
        # the whole article (body, title, date...), as `tidings read` gives it
        "tidings": lambda content, url: _tidings_date(extract, Page, content, url, settings),
        # the date alone, for a like-for-like speed with htmldate
        "tidings find_html_date": lambda content, url: find_html_date(decode(content).text, url),
        "htmldate-extensive": lambda content, url: find_date(content, url=url, extensive_search=True),
        "htmldate-extensive-original": lambda content, url: find_date(content, url=url, extensive_search=True,
                                                                      original_date=True),
    }
    files = {name: (out / f"{name}.jsonl").open("w", encoding="utf-8") for name in tools}
    totals = dict.fromkeys(tools, 0.0)
    for g in gold[:WARMUP_PAGES]:
        for fn in tools.values():
            try:
                fn((folder / f"{g['id']}.html").read_bytes(), g.get("url"))
            except Exception:
                pass
    for g in gold:
        content = (folder / f"{g['id']}.html").read_bytes()
        for name, fn in tools.items():
            t = _clock()
            try:
                date, how = fn(content, g.get("url")), None
                if isinstance(date, tuple):
                    date, how = date
            except Exception:
                date, how = None, None
            totals[name] += _clock() - t
            files[name].write(json.dumps({"id": g["id"], "date": date, "from": how}) + "\n")
    for f in files.values():
        f.close()
    return {name: (out / f"{name}.jsonl", len(gold) / totals[name] if totals[name] else 0.0) for name in tools}


def _tidings_date(extract, Page, content: bytes, url: str | None, settings):
    art = extract(Page(source=url or "page", content=content, url=url, hint="html"), settings)
    return art.published, art.published_from


def score_bodies(gold_path: Path, limit: int | None, out: Path, tools: list[str]) -> list[dict]:
    gold_file = gold_path
    if limit:
        # the scorer reads all gold rows: give it the subset that was run
        gold_file = out / "gold.jsonl"
        rows = load_gold(gold_path, limit)
        gold_file.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    report = out / "scores.json"
    cmd = [sys.executable, str(SCORER), "--gold", str(gold_file), "--json", str(report)]
    for t in tools:
        cmd += ["--pred", str(out / t)]
    subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(report.read_text())


def score_dates(pred: Path, gold_path: Path, limit: int | None, out: Path) -> float:
    # the scorer needs every gold date to be a string: one gold row has NaN (no known date) and is
    # left out, for every tool alike
    gold_file = out / "gold.jsonl"
    rows = [r for r in load_gold(gold_path, limit) if isinstance(r.get("date"), str)]
    gold_file.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    res = subprocess.run([sys.executable, str(DATE_SCORER), str(pred), str(gold_file)],
                         check=True, capture_output=True, text=True)
    m = re.search(r"accuracy ([\d.]+)", res.stdout)
    return float(m.group(1)) if m else float("nan")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="first N pages of each dataset (quick run)")
    ap.add_argument("--only", default="l3s-gn1,l3s-gn1-text,dates", help="comma list of datasets")
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "extract")
    a = ap.parse_args()
    if not DEV.is_dir():
        print(f"development data not found at {DEV}", file=sys.stderr)
        return 2
    logging.disable(logging.WARNING)   # trafilatura/htmldate chatter on broken pages
    from tidings.settings import Settings

    settings = Settings.from_env()
    only = {x for x in a.only.split(",") if x}
    rows: list[tuple[str, str, dict]] = []
    date_rows: list[tuple[str, float, float]] = []
    for name, runner in (("l3s-gn1", run_html), ("l3s-gn1-text", run_text)):
        if name not in only:
            continue
        folder = DEV / "extract" / name
        out = a.out / name
        out.mkdir(parents=True, exist_ok=True)
        tools = runner(load_gold(folder / "gold.jsonl", a.limit), folder, out, settings)
        for r in score_bodies(folder / "gold.jsonl", a.limit, out, tools):
            rows.append((name, r["tool"], r))
    if "dates" in only:
        folder = DEV / "dates"
        out = a.out / "dates"
        for name, (pred, pps) in run_dates(load_gold(folder / "gold.jsonl", a.limit), folder, out,
                                           settings).items():
            date_rows.append((name, score_dates(pred, folder / "gold.jsonl", a.limit, out), pps))

    if rows:
        print(f"{'dataset':<14} {'tool':<28} {'n':>4} {'F1':>6} {'F1<.5':>6} {'P':>6} {'R':>6} "
              f"{'pages/s':>8} {'title EM':>8}")
    for ds, tool, r in rows:
        title = f"{r['title_em']:.3f}" if r.get("title_em") is not None else "-"
        pps = f"{r['pages_per_s']:.1f}" if r.get("pages_per_s") else "-"
        print(f"{ds:<14} {tool:<28} {r['n']:>4} {r['F1']:>6.3f} {r['fail']:>6.3f} {r['P']:>6.3f} "
              f"{r['R']:>6.3f} {pps:>8} {title:>8}")
    for ds in dict.fromkeys(ds for ds, _, _ in rows):
        by = {tool: r for d, tool, r in rows if d == ds}
        if "tidings" in by and "trafilatura" in by and by["trafilatura"].get("pages_per_s"):
            print(f"{ds:<14} speed tidings / trafilatura = "
                  f"{by['tidings']['pages_per_s'] / by['trafilatura']['pages_per_s']:.2f}x")
    for tool, acc, pps in date_rows:
        print(f"{'dates':<14} {tool:<28} accuracy {acc:.3f}  pages/s {pps:.1f}")
    if date_rows:
        print("(dates: 'tidings' extracts the whole article per page; the gold row without a date is left out)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
