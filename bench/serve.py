"""Bounded load on the API over loopback: 16 concurrent clients for 20 s against the dyad and events
endpoints of a real ``tidings serve`` process, over a store of 100k synthetic events.

    python bench/serve.py [--events 100000] [--clients 16] [--seconds 20] [--db bench/out/serve-100k.db]

Prints p50/p95/p99 latency, requests/s and errors (which must be 0) per endpoint, and a baseline
measured in the same run: the same request mix answered by direct ``Store`` calls in one thread
(no HTTP, no JSON), so the cost of the web layer is visible. The synthetic store is built once with
``Store.add`` (the store's own write path) and reused while its parameters are unchanged.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

COUNTRIES = ["USA", "RUS", "CHN", "TUR", "UKR", "IRN", "ISR", "DEU", "FRA", "GBR", "IND", "PAK", "SYR", "IRQ",
             "SAU", "JPN", "KOR", "PRK", "BRA", "EGY"]
SECTORS = ["GOV", "MIL", "", "LEG", "COP"]
CAMEO = [  # code, name, goldstein, quad class, PLOVER type
    ("040", "Consult", 1.0, 1, "CONSULT"), ("043", "Host a visit", 2.8, 1, "CONSULT"),
    ("057", "Sign formal agreement", 8.0, 1, "AGREE"), ("061", "Cooperate economically", 6.4, 2, "COOPERATE"),
    ("070", "Provide aid", 7.0, 2, "AID"), ("112", "Accuse", -2.0, 3, "ACCUSE"),
    ("130", "Threaten", -4.4, 3, "THREATEN"), ("163", "Impose embargo", -8.0, 4, "SANCTION"),
    ("173", "Arrest", -5.0, 4, "ARREST"), ("190", "Use conventional military force", -10.0, 4, "ASSAULT"),
]
START = date(2016, 1, 1)
DAYS = 9 * 365


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- the synthetic store ------------------------------------------------------------------------------------

def synthetic_analyses(n_events: int, seed: int = 7):
    """Articles of synthetic events. Dyads are skewed (a few pairs carry most events, like real
    data); each mention names its own place so clustering keeps it a separate event."""
    from tidings.ids import article_id, stable_id
    from tidings.records import (Actor, ActorMention, Analysis, Article, EventMention, Evidence, Place,
                                 Sentence, Span)

    rnd = random.Random(seed)
    weights = [1.0 / (i + 1) for i in range(len(COUNTRIES))]
    per_article = 250
    made = 0
    k = 0
    while made < n_events:
        n = min(per_article, n_events - made)
        lines, events, sents = [], [], []
        offset = 0
        art_day = START + timedelta(days=rnd.randrange(DAYS))
        for j in range(n):
            a, b = rnd.choices(COUNTRIES, weights)[0], rnd.choices(COUNTRIES, weights)[0]
            while b == a:
                b = rnd.choice(COUNTRIES)
            sa, sb = rnd.choice(SECTORS), rnd.choice(SECTORS)
            code, name, gold, quad, ptype = rnd.choice(CAMEO)
            src_text, tgt_text, trig = f"{a} {sa or 'state'} officials", f"{b} {sb or 'state'} officials", "acted"
            place = f"Place {k}-{j}"
            sentence = f"{src_text} {trig} toward {tgt_text} near {place}."
            s0 = offset
            day = (art_day + timedelta(days=rnd.randrange(-400, 1))).isoformat()
            events.append((sentence, s0, a + sa, a, sa, src_text, b + sb, b, sb, tgt_text, trig, code, name, gold,
                           quad, ptype, day, place))
            lines.append(sentence)
            sents.append((s0, s0 + len(sentence), sentence))
            offset += len(sentence) + 1
        body = " ".join(lines)
        title = f"Synthetic report {k}"
        aid = article_id(body, title)
        art = Article(id=aid, source=f"synthetic#{k}", url=f"https://synthetic{k % 50}.example/{k}",
                      site=f"synthetic{k % 50}.example", title=title, author=None, published=art_day.isoformat(),
                      published_from="meta", language="en", format="text", body=body)
        ems = []
        for (sentence, s0, scode, sc, ss, st, tcode, tc, ts, tt, trig, code, name, gold, quad, ptype, day,
             place) in events:
            src_s = s0
            tgt_s = s0 + sentence.index(tt, len(st))
            trg_s = s0 + len(st) + 1
            ems.append(EventMention(
                id=stable_id("mention", aid, src_s, code), article_id=aid,
                source=ActorMention(st, src_s, src_s + len(st), Actor(scode, sc, ss or None, f"{sc} {ss}".strip())),
                target=ActorMention(tt, tgt_s, tgt_s + len(tt), Actor(tcode, tc, ts or None, f"{tc} {ts}".strip())),
                cameo={"code": code, "name": name}, goldstein=gold, quad_class=quad,
                plover={"type": ptype, "mode": None}, context={}, date=day, date_granularity="day",
                date_from="synthetic", place=Place(place), confidence=round(rnd.uniform(0.3, 1.0), 2),
                evidence=Evidence(sentence, s0, Span(trg_s, trg_s + len(trig), trig),
                                  Span(src_s, src_s + len(st), st), Span(tgt_s, tgt_s + len(tt), tt))))
        yield Analysis(article=art, sentences=[Sentence(*s) for s in sents], events=ems)
        made += n
        k += 1


def build_store(path: Path, n_events: int) -> None:
    from tidings.store import Store
    stamp = path.with_suffix(".json")
    if path.exists() and stamp.exists() and json.loads(stamp.read_text()).get("events") == n_events:
        Store(path).close()              # brings a store made by an older schema up to date
        return
    for p in path.parent.glob(path.name + "*"):
        p.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    with Store(path) as st:
        for i, a in enumerate(synthetic_analyses(n_events)):
            st.add(a)
            if i % 40 == 39:
                print(f"  built {(i + 1) * 250:,} events ({time.perf_counter() - t0:.0f}s)", file=sys.stderr)
        st.conn.execute("PRAGMA optimize")
        n = st.count_events()
    stamp.write_text(json.dumps({"events": n_events, "stored": n}))
    print(f"store: {n:,} events built in {time.perf_counter() - t0:.0f}s", file=sys.stderr)


# -- the request mix -----------------------------------------------------------------------------------------

def request_mix(rnd: random.Random) -> tuple[str, str, dict]:
    """(endpoint name, path, params): half dyad series, half event lists with assorted filters."""
    weights = [1.0 / (i + 1) for i in range(len(COUNTRIES))]
    a, b = rnd.choices(COUNTRIES, weights, k=2)
    if b == a:
        b = "USA" if a != "USA" else "RUS"
    if rnd.random() < 0.5:
        return "dyad", "/api/dyad", {"a": a, "b": b, "by": rnd.choice(["week", "month", "month", "day"])}
    kind = rnd.randrange(5)
    since = (START + timedelta(days=rnd.randrange(DAYS - 365))).isoformat()
    params = [{"actor": a}, {"source": a, "target": b}, {"type": rnd.choice(CAMEO)[4], "since": since},
              {"actor": a + "GOV", "min_confidence": "0.8"},
              {"cameo": rnd.choice(CAMEO)[0][:2], "since": since,
               "until": (date.fromisoformat(since) + timedelta(days=90)).isoformat()}][kind]
    params = {**params, "limit": 50, "offset": rnd.choice([0, 0, 0, 50, 200])}
    return "events", "/api/events", params


def baseline(db: Path, seconds: float, seed: int) -> dict[str, list[float]]:
    """The same mix as direct Store calls, one thread: what the data costs without the web layer."""
    from tidings.store import EventFilters, Store
    rnd = random.Random(seed)
    lat: dict[str, list[float]] = {"dyad": [], "events": []}
    with Store(db, readonly=True) as st:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            name, _, p = request_mix(rnd)
            t = time.perf_counter()
            if name == "dyad":
                st.dyad(p["a"], p["b"], by=p["by"])
            else:
                f = EventFilters.from_mapping({k: float(v) if k == "min_confidence" else v
                                               for k, v in p.items() if k not in ("limit", "offset")})
                st.count_events(f)
                st.events(f, limit=p["limit"], offset=p["offset"])
            lat[name].append(time.perf_counter() - t)
    return lat


async def load(base: str, clients: int, seconds: float, seed: int) -> tuple[dict[str, list[float]], dict]:
    import httpx
    lat: dict[str, list[float]] = {"dyad": [], "events": []}
    errors: dict[str, int] = {}
    end = time.perf_counter() + seconds

    async def client(i: int, http: httpx.AsyncClient) -> None:
        rnd = random.Random(seed * 1000 + i)
        while time.perf_counter() < end:
            name, path, params = request_mix(rnd)
            t = time.perf_counter()
            try:
                r = await http.get(base + path, params=params)
                body = r.json()
                ok = r.status_code == 200 and ("items" in body or "ab" in body)
            except Exception as exc:  # noqa: BLE001 - every failure is counted, none stops the load
                ok = False
                errors[f"{name}: {type(exc).__name__}"] = errors.get(f"{name}: {type(exc).__name__}", 0) + 1
            else:
                if not ok:
                    errors[f"{name}: HTTP {r.status_code}"] = errors.get(f"{name}: HTTP {r.status_code}", 0) + 1
            if ok:
                lat[name].append(time.perf_counter() - t)

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=30.0, limits=limits) as http:
        await asyncio.gather(*(client(i, http) for i in range(clients)))
    return lat, errors


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000 if len(values) > 1 else values[0] * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--baseline-seconds", type=float, default=10.0)
    ap.add_argument("--db", type=Path, default=REPO / "bench" / "out" / "serve-100k.db")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=1, help="server processes (tidings serve --workers)")
    args = ap.parse_args()

    build_store(args.db, args.events)
    base_lat = baseline(args.db, args.baseline_seconds, args.seed)

    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("TIDINGS_TOKEN", None)
    server = subprocess.Popen([sys.executable, "-c", "from tidings.cli import main; main()", "serve", "--db",
                               str(args.db), "--port", str(port), "--workers", str(args.workers),
                               "--log-level", "warning"], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx
        deadline = time.time() + 60
        while True:
            try:
                if httpx.get(base + "/api/overview", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.time() > deadline or server.poll() is not None:
                raise SystemExit("the server did not start")
            time.sleep(0.2)
        asyncio.run(load(base, 2, 2.0, args.seed + 99))            # warm-up: page cache, pool threads
        lat, errors = asyncio.run(load(base, args.clients, args.seconds, args.seed))
    finally:
        server.terminate()
        server.wait(timeout=20)

    print(f"\nstore: {args.db.name}, {json.loads(args.db.with_suffix('.json').read_text())['stored']:,} events; "
          f"{args.clients} clients x {args.seconds:.0f}s on loopback, {args.workers} server process(es)")
    print(f"{'endpoint':<10}{'requests':>10}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
          f"{'base p50':>10}{'base p95':>10}")
    total = 0
    for name in ("dyad", "events"):
        v, b = lat[name], base_lat[name]
        total += len(v)
        print(f"{name:<10}{len(v):>10}{len(v) / args.seconds:>9.1f}{pct(v, 50):>9.1f}{pct(v, 95):>9.1f}"
              f"{pct(v, 99):>9.1f}{pct(b, 50):>10.1f}{pct(b, 95):>10.1f}")
    allv = lat["dyad"] + lat["events"]
    n_err = sum(errors.values())
    print(f"{'all':<10}{total:>10}{total / args.seconds:>9.1f}{pct(allv, 50):>9.1f}{pct(allv, 95):>9.1f}"
          f"{pct(allv, 99):>9.1f}")
    if errors:
        print("errors: " + ", ".join(f"{k} x{v}" for k, v in sorted(errors.items())))
    print("baseline = the same mix as direct Store calls in one thread (no HTTP, no JSON)")
    print(f"p50 {pct(allv, 50):.1f} ms, p95 {pct(allv, 95):.1f} ms, {total / args.seconds:.0f} req/s, errors {n_err}")
    return 1 if n_err else 0


if __name__ == "__main__":
    sys.exit(main())
