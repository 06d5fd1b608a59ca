"""Dyad and actor queries over one million synthetic event rows (the store's real schema and indexes).

    python bench/dyad.py [--rows 1000000] [--db /tmp/tidings-dyad-bench.db] [--keep]

Actor popularity is Zipf-like, so the busiest dyad holds tens of thousands of events (the hard case),
and the median dyad a handful. Prints the time of each query (best of 5 after a warm-up).
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tidings.store import EventFilters, Store  # noqa: E402

COUNTRIES = [f"{chr(65 + i // 26 % 26)}{chr(65 + i % 26)}{chr(65 + (i * 7) % 26)}" for i in range(200)]
COUNTRIES[:4] = ["USA", "CHN", "RUS", "TUR"]
SECTORS = ["", "GOV", "MIL", "COP", "OPP", "REB", "BUS", "MED"]
CAMEO = [("010", 0.0, 1, "STATEMENT"), ("040", 1.0, 1, "CONSULT"), ("042", 1.9, 1, "CONSULT"),
         ("057", 8.0, 1, "AGREE"), ("070", 7.0, 2, "AID"), ("112", -2.0, 3, "ACCUSE"),
         ("130", -4.4, 3, "THREATEN"), ("173", -5.0, 4, "COERCE"), ("190", -10.0, 4, "ASSAULT")]


def synth(n: int, seed: int = 1):
    rng = random.Random(seed)
    weights = [1 / (i + 1) for i in range(len(COUNTRIES))]
    start = date(2015, 1, 1)
    for i in range(n):
        a, b = rng.choices(COUNTRIES, weights, k=2)
        sa, sb = rng.choice(SECTORS), rng.choice(SECTORS)
        code, gold, quad, ptype = rng.choice(CAMEO)
        d = (start + timedelta(days=rng.randrange(3650))).isoformat()
        nm = 1 + int(rng.expovariate(0.7))
        row = (f"{i:016x}", f"{a}|{b}|{ptype}|f", d, d, a + sa, a, a + sa, b + sb, b, b + sb, code, code[:2], code,
               gold, quad, ptype, None, 1 if rng.random() > 0.05 else 0, None, None, None, None,
               round(rng.random(), 2), nm, max(1, nm // 2), max(1, nm // 3), d, d)
        yield row


COLUMNS = ("id", "cluster_key", "date", "date_end", "src_code", "src_country", "src_name", "tgt_code",
           "tgt_country", "tgt_name", "cameo_code", "cameo_root", "cameo_name", "goldstein", "quad_class",
           "plover_type", "plover_mode", "factual", "place_name", "place_lat", "place_lon", "place_country",
           "confidence", "n_mentions", "n_articles", "n_sources", "first_seen", "last_seen")


def build(path: Path, rows: int) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    with Store(path) as s:
        t = time.perf_counter()
        s.conn.execute("BEGIN")
        marks = ", ".join("?" for _ in COLUMNS)
        s.conn.executemany(f"INSERT INTO events ({', '.join(COLUMNS)}) VALUES ({marks})", synth(rows))
        s.conn.execute("COMMIT")
        s.rebuild_totals()      # the bulk load bypassed add(), which keeps them up to date
        s.conn.execute("ANALYZE")
        print(f"built {rows:,} events in {time.perf_counter() - t:.1f}s ({path})")


def timed(label: str, fn, repeat: int = 5) -> float:
    fn()
    best = min(_once(fn) for _ in range(repeat))
    print(f"{label:55s} {best * 1000:8.1f} ms")
    return best


def _once(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--db", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "tidings-dyad-bench.db"))
    ap.add_argument("--keep", action="store_true", help="Reuse the database if it exists.")
    args = ap.parse_args()
    path = Path(args.db)
    if not (args.keep and path.exists()):
        build(path, args.rows)
    else:
        with Store(path) as s:      # upgrades an older bench database
            s.rebuild_totals()
    with Store(path, readonly=True) as s:
        n = s.count_events(EventFilters(include_hypothetical=True))
        busiest = s.count_events(EventFilters(source="USA", target="CHN", include_hypothetical=True))
        print(f"{n:,} event rows; busiest dyad USA->CHN holds {busiest:,}")
        results = {
            "dyad USA CHN --by month (busiest dyad)": timed("dyad USA CHN --by month (busiest dyad)",
                                                             lambda: s.dyad("USA", "CHN", by="month")),
            "dyad USA CHN --by week": timed("dyad USA CHN --by week", lambda: s.dyad("USA", "CHN", by="week")),
            "dyad USAGOV CHNMIL --by day (full codes)": timed("dyad USAGOV CHNMIL --by day (full codes)",
                                                               lambda: s.dyad("USAGOV", "CHNMIL", by="day")),
            "dyad TUR RUS --by month --since 2020-01-01": timed(
                "dyad TUR RUS --by month --since 2020-01-01",
                lambda: s.dyad("TUR", "RUS", by="month", filters=EventFilters(since="2020-01-01"))),
            f"dyad {COUNTRIES[120]} {COUNTRIES[150]} (a median dyad)": timed(
                f"dyad {COUNTRIES[120]} {COUNTRIES[150]} (a median dyad)",
                lambda: s.dyad(COUNTRIES[120], COUNTRIES[150])),
            "events --actor TUR --type ASSAULT --limit 50": timed(
                "events --actor TUR --type ASSAULT --limit 50",
                lambda: s.events(EventFilters(actor="TUR", type="ASSAULT"), limit=50)),
            "partners TUR (actor network)": timed("partners TUR (actor network)", lambda: s.partners("TUR")),
            "overview (counts, top dyads, latest events)": timed("overview (counts, top dyads, latest events)",
                                                                  s.overview, repeat=2),
            "events (latest 100)": timed("events (latest 100)", lambda: s.events(limit=100)),
            "actors --top 20 (whole store)": timed("actors --top 20 (whole store)", lambda: s.actors(20), repeat=2),
        }
    worst_dyad = max(v for k, v in results.items() if k.startswith("dyad"))
    print(f"slowest dyad query: {worst_dyad * 1000:.1f} ms (target: well under 1000 ms)")
    return 0 if worst_dyad < 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
