"""``Store``: the embedded event store (one SQLite file) and every query the CLI and the web app ask.

Why SQLite in WAL mode (docs/store.md has more): it is in the standard library (no setup), one
file, readers never block the writer nor the writer the readers (one process ingests while
another serves the dashboard), crash-safe transactions (a SIGKILL loses at most the article being
written), FTS5 for full-text search, and covering indexes keep dyad/actor aggregates over a million
events interactive.

Writes: ``add(analysis)`` stores one article and everything found in it in ONE transaction, then
re-clusters the affected mentions in the same transaction. Reads return plain dicts.
"""
from __future__ import annotations

import json
import os
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tidings.ids import stable_id
from tidings.records import Analysis, ErrorRecord
from tidings.settings import Settings
from tidings.store import cluster as clus
from tidings.store.filters import EventFilters, fts_query, where
from tidings.store.rows import article_row, mention_row, quote_row
from tidings.store.schema import SCHEMA_VERSION, SchemaError, current_version, migrate

PERIODS = {   # --by value -> SQL bucket expression (a fixed whitelist: never user text in SQL)
    "day": "date",
    "week": "date(date, '-6 days', 'weekday 1')",   # the Monday starting the week
    "month": "substr(date, 1, 7)",
    "year": "substr(date, 1, 4)",
}

EVENT_COLUMNS = ("id", "date", "date_end", "src_code", "src_country", "src_name", "tgt_code",
                 "tgt_country", "tgt_name", "cameo_code", "cameo_root", "cameo_name", "goldstein",
                 "quad_class", "plover_type", "plover_mode", "factual", "place_name", "place_lat",
                 "place_lon", "place_country", "confidence", "n_mentions", "n_articles", "n_sources",
                 "first_seen", "last_seen")

MENTION_COLUMNS = ("id", "article_id", "event_id", "day", "src_code", "src_country", "src_sector",
                   "src_name", "src_text", "src_start", "src_end", "tgt_code", "tgt_country", "tgt_sector",
                   "tgt_name", "tgt_text", "tgt_start", "tgt_end", "cameo_code", "cameo_name", "cameo_root",
                   "goldstein", "quad_class", "plover_type", "plover_mode", "plover_context", "negated",
                   "hypothetical", "future", "historical", "factual", "date", "date_granularity",
                   "date_from", "place_name", "place_lat", "place_lon", "place_country", "place_start",
                   "place_end", "confidence", "sentence", "sentence_start", "trigger_start", "trigger_end",
                   "trigger_text", "ev_src_start", "ev_src_end", "ev_src_text", "ev_tgt_start",
                   "ev_tgt_end", "ev_tgt_text", "quote_id")

ARTICLE_COLUMNS = ("id", "source", "url", "site", "title", "author", "published", "published_from",
                   "language", "format", "version", "previous_id")


@dataclass(frozen=True, slots=True)
class AddResult:
    article_id: str
    status: str          # "added" | "skipped" (same content already stored) | "version" (new content at a known URL)
    events: int = 0      # event mentions stored
    previous_id: str | None = None


def default_db(settings: Settings | None = None) -> str:
    return os.environ.get("TIDINGS_DB") or (settings.db if settings else "tidings.db")


class Store:
    """One store file. Open one ``Store`` per thread (connections are not shared); opening is cheap."""

    def __init__(self, path: str | os.PathLike | None = None, settings: Settings | None = None,
                 readonly: bool = False):
        self.settings = settings or Settings.from_env()
        self.path = Path(path or default_db(self.settings))
        self.readonly = readonly
        if readonly:
            if not self.path.exists():
                raise FileNotFoundError(f"no store at {self.path}")
            self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, isolation_level=None,
                                        check_same_thread=False)
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA busy_timeout = 30000")
        if not readonly:
            self.conn.execute("PRAGMA journal_mode = WAL")
            # NORMAL is durable against process crashes (SIGKILL) in WAL mode; only an OS crash
            # may lose the last transactions, never corrupt the file
            self.conn.execute("PRAGMA synchronous = NORMAL")
            migrate(self.conn)
        else:
            v = current_version(self.conn)
            if v != SCHEMA_VERSION:
                raise SchemaError(f"{self.path}: schema version {v}, this tidings reads {SCHEMA_VERSION}")
        self.conn.execute("PRAGMA cache_size = -65536")

    # -- lifecycle --------------------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- writes -----------------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def article_ids(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT id FROM articles")}

    def add(self, analysis: Analysis) -> AddResult:
        """Store an article and all it holds in one transaction; idempotent on the content id."""
        a = analysis.article
        with self._tx() as c:
            if c.execute("SELECT 1 FROM articles WHERE id = ?", (a.id,)).fetchone():
                return AddResult(a.id, "skipped")
            row = article_row(a)
            row["warnings"] = json.dumps(list(a.warnings) + [w for w in analysis.warnings if w not in a.warnings],
                                         ensure_ascii=False)
            prev = None
            if a.url:
                prev = c.execute("SELECT id, version FROM articles WHERE url = ? ORDER BY version DESC, id "
                                 "LIMIT 1", (a.url,)).fetchone()
            row["version"] = prev["version"] + 1 if prev else 1
            row["previous_id"] = prev["id"] if prev else None
            _insert(c, "articles", row)
            rowid = c.execute("SELECT rowid FROM articles WHERE id = ?", (a.id,)).fetchone()[0]
            c.execute("INSERT INTO articles_fts(rowid, title, body) VALUES (?, ?, ?)",
                      (rowid, a.title or "", a.body))
            c.executemany('INSERT INTO sentences(article_id, idx, start, "end", text) VALUES (?, ?, ?, ?, ?)',
                          [(a.id, i, s.start, s.end, s.text) for i, s in enumerate(analysis.sentences)])
            c.executemany('INSERT INTO entities(article_id, idx, label, start, "end", text) '
                          'VALUES (?, ?, ?, ?, ?, ?)',
                          [(a.id, i, e.label, e.start, e.end, e.text) for i, e in enumerate(analysis.entities)])
            c.executemany(
                'INSERT INTO actor_mentions(article_id, idx, start, "end", text, kind, via, code, country, '
                'sector, name, kb_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
                [(a.id, i, m.start, m.end, m.text, m.kind, m.via,
                  m.actor.code if m.actor else None, m.actor.country if m.actor else None,
                  m.actor.sector if m.actor else None, m.actor.name if m.actor else None,
                  m.actor.kb_id if m.actor else None) for i, m in enumerate(analysis.actors)])
            for q in analysis.quotes:
                _insert(c, "quotes", quote_row(a.id, q), ignore=True)
            touched: dict[str, set[str | None]] = {}
            n = 0
            for e in analysis.events:
                m = mention_row(e, row["day"])
                m["article_id"] = a.id     # the mention belongs to the article it was stored with
                if _insert(c, "mentions", m, ignore=True):
                    n += 1
                    touched.setdefault(m["cluster_key"], set()).add(m["day"])
            self._recluster(c, touched)
        return AddResult(a.id, "version" if prev else "added", n, prev["id"] if prev else None)

    def add_error(self, error: ErrorRecord) -> None:
        eid = stable_id("error", error.source, error.stage, error.error)
        with self._tx() as c:
            c.execute("INSERT OR IGNORE INTO errors(id, source, stage, error) VALUES (?, ?, ?, ?)",
                      (eid, error.source, error.stage, error.error))

    def _recluster(self, c: sqlite3.Connection, touched: dict[str, set[str | None]]) -> None:
        window = int(self.settings.cluster_window_days)
        min_score = float(self.settings.cluster_min_score)
        for key in sorted(touched):
            days = {d for d in touched[key] if d}
            ranges: list[tuple[str | None, str | None]] = []
            if days:
                all_days = [r[0] for r in c.execute(
                    "SELECT DISTINCT day FROM mentions WHERE cluster_key = ? AND day IS NOT NULL", (key,))]
                ranges = [s for s in clus.segments(all_days, window) if any(s[0] <= d <= s[1] for d in days)]
            for first, last in ranges:
                rows = c.execute(_MENTION_JOIN + " WHERE m.cluster_key = ? AND m.day BETWEEN ? AND ?",
                                 (key, first, last)).fetchall()
                self._write_clusters(c, key, rows, window, min_score)
            if None in touched[key]:
                rows = c.execute(_MENTION_JOIN + " WHERE m.cluster_key = ? AND m.day IS NULL AND m.event_id IS NULL",
                                 (key,)).fetchall()
                self._write_clusters(c, key, rows, window, min_score)

    def _write_clusters(self, c, key: str, rows: list[sqlite3.Row], window: int, min_score: float) -> None:
        by_id = {r["id"]: r for r in rows}
        points = [clus.Point(r["id"], r["day"], r["src_code"], r["tgt_code"], r["cameo_code"], r["place_name"],
                             r["place_country"], clus.evidence_words(r["sentence"])) for r in rows]
        old = sorted({r["event_id"] for r in rows if r["event_id"]})
        for i in range(0, len(old), 500):
            chunk = old[i:i + 500]
            marks = ", ".join("?" for _ in chunk)
            for ev in c.execute(f"SELECT * FROM events WHERE id IN ({marks})", chunk).fetchall():
                _count(c, ev, -1)
        c.executemany("DELETE FROM events WHERE id = ?", [(e,) for e in old])
        for members in clus.cluster(points, window, min_score):
            ev = _event_row(key, [by_id[i] for i in members])
            _insert(c, "events", ev)
            _count(c, ev, +1)
            c.executemany("UPDATE mentions SET event_id = ? WHERE id = ?", [(ev["id"], i) for i in members])
        c.execute("DELETE FROM actor_totals WHERE as_source = 0 AND as_target = 0")
        c.execute("DELETE FROM dyad_totals WHERE n = 0")

    # -- queries ----------------------------------------------------------------------------------
    def events(self, filters: EventFilters | None = None, limit: int = 100, offset: int = 0,
               mentions: bool = False, order: str = "date_desc") -> list[dict]:
        """Events (clusters) matching the filters, newest first; ``mentions=True`` gives the mention rows."""
        table = "mentions" if mentions else "events"
        clause, params = where(filters, table)
        date_col = "day" if mentions else "date"
        orders = {"date_desc": f"{date_col} DESC, id", "date_asc": f"{date_col} ASC, id",
                  "mentions_desc": "n_mentions DESC, id" if not mentions else "id"}
        if order not in orders:
            raise ValueError(f"unknown order {order!r} (one of {', '.join(orders)})")
        cols = ", ".join(MENTION_COLUMNS if mentions else EVENT_COLUMNS)
        sql = f"SELECT {cols} FROM {table}{clause} ORDER BY {orders[order]} LIMIT ? OFFSET ?"
        rows = [dict(r) for r in self.conn.execute(sql, [*params, int(limit), int(offset)])]
        if mentions:
            _attach_articles(self.conn, rows)
        return rows

    def count_events(self, filters: EventFilters | None = None, mentions: bool = False) -> int:
        table = "mentions" if mentions else "events"
        clause, params = where(filters, table)
        return self.conn.execute(f"SELECT count(*) FROM {table}{clause}", params).fetchone()[0]

    def iter_events(self, filters: EventFilters | None = None, mentions: bool = False,
                    batch: int = 5000) -> Iterator[dict]:
        """Every matching row, oldest first (exports)."""
        table = "mentions" if mentions else "events"
        clause, params = where(filters, table)
        cols = ", ".join(MENTION_COLUMNS if mentions else EVENT_COLUMNS)
        date_col = "day" if mentions else "date"
        cur = self.conn.execute(f"SELECT {cols} FROM {table}{clause} ORDER BY {date_col}, id", params)
        while chunk := cur.fetchmany(batch):
            rows = [dict(r) for r in chunk]
            if mentions:
                _attach_articles(self.conn, rows)
            yield from rows

    def event(self, event_id: str) -> dict | None:
        """An event with every mention: evidence sentence, spans and the reporting article."""
        r = self.conn.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE id = ?",
                              (event_id,)).fetchone()
        if r is None:
            return None
        ev = dict(r)
        ms = [dict(m) for m in self.conn.execute(
            f"SELECT {', '.join(MENTION_COLUMNS)} FROM mentions WHERE event_id = ? ORDER BY day, id", (event_id,))]
        _attach_articles(self.conn, ms)
        ev["mentions"] = ms
        return ev

    def mention(self, mention_id: str) -> dict | None:
        r = self.conn.execute(f"SELECT {', '.join(MENTION_COLUMNS)} FROM mentions WHERE id = ?",
                              (mention_id,)).fetchone()
        if r is None:
            return None
        rows = [dict(r)]
        _attach_articles(self.conn, rows)
        return rows[0]

    def article(self, article_id: str) -> dict | None:
        """An article with its body, sentences, entities, actors, quotes, mentions and events."""
        r = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if r is None:
            return None
        a = dict(r)
        a["warnings"] = json.loads(a["warnings"] or "[]")
        a.pop("day", None)
        q = self.conn.execute
        a["sentences"] = [dict(x) for x in q('SELECT start, "end", text FROM sentences WHERE article_id = ? '
                                             'ORDER BY idx', (article_id,))]
        a["entities"] = [dict(x) for x in q('SELECT label, start, "end", text FROM entities '
                                            'WHERE article_id = ? ORDER BY idx', (article_id,))]
        a["actors"] = [dict(x) for x in q('SELECT start, "end", text, kind, via, code, country, sector, name, '
                                          'kb_id FROM actor_mentions WHERE article_id = ? ORDER BY idx',
                                          (article_id,))]
        a["quotes"] = [_quote_dict(x) for x in q('SELECT * FROM quotes WHERE article_id = ? '
                                                 'ORDER BY content_start, id', (article_id,))]
        a["mentions"] = [dict(x) for x in q(f"SELECT {', '.join(MENTION_COLUMNS)} FROM mentions "
                                            "WHERE article_id = ? ORDER BY sentence_start, trigger_start, id",
                                            (article_id,))]
        a["events"] = [dict(x) for x in q(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE id IN "
                                          "(SELECT event_id FROM mentions WHERE article_id = ?) ORDER BY date, id",
                                          (article_id,))]
        a["versions"] = [dict(x) for x in q("SELECT id, version, published FROM articles WHERE url = ? "
                                            "ORDER BY version", (a["url"],))] if a["url"] else []
        return a

    def articles(self, limit: int = 100, offset: int = 0, site: str | None = None) -> list[dict]:
        cols = ", ".join(ARTICLE_COLUMNS)
        clause, params = ("WHERE site = ?", [site]) if site else ("", [])
        return [dict(r) for r in self.conn.execute(
            f"SELECT {cols}, (SELECT count(*) FROM mentions m WHERE m.article_id = articles.id) AS n_mentions "
            f"FROM articles {clause} ORDER BY day DESC, id LIMIT ? OFFSET ?", [*params, int(limit), int(offset)])]

    def show(self, any_id: str) -> dict | None:
        """An event, else a mention's event, else an article: ``{"kind": ..., **record}``."""
        if (ev := self.event(any_id)) is not None:
            return {"kind": "event", **ev}
        m = self.conn.execute("SELECT event_id FROM mentions WHERE id = ?", (any_id,)).fetchone()
        if m and m[0] and (ev := self.event(m[0])) is not None:
            return {"kind": "event", **ev}
        if (a := self.article(any_id)) is not None:
            return {"kind": "article", **a}
        return None

    def dyad(self, a: str, b: str, by: str = "month", filters: EventFilters | None = None,
             mentions: bool = False) -> dict:
        """Counts per quad class and mean Goldstein per period, for A->B and B->A.

        ``mentions=True`` counts reports (mentions) instead of events.
        """
        if by not in PERIODS:
            raise ValueError(f"--by must be one of {', '.join(PERIODS)}")
        base = EventFilters.from_mapping({k: getattr(filters, k) for k in
                                          ("type", "cameo", "since", "until", "place", "include_hypothetical",
                                           "min_confidence")} if filters else {})
        weight = "n_mentions" if mentions else "1"
        series = []
        totals = {}
        for direction, (s, t) in (("a->b", (a, b)), ("b->a", (b, a))):
            clause, params = where(base, "events")
            sc, sp = _dyad_side("src", s)
            tc, tp = _dyad_side("tgt", t)
            clause = (clause + " AND " if clause else " WHERE ") + f"{sc} AND {tc} AND date IS NOT NULL"
            sql = (f"SELECT {PERIODS[by]} AS period, quad_class, sum({weight}) AS n, "
                   f"sum(goldstein * {weight}) AS gsum, sum(CASE WHEN goldstein IS NULL THEN 0 ELSE {weight} END) "
                   f"AS gn FROM events{clause} GROUP BY period, quad_class ORDER BY period")
            per: dict[str, dict] = {}
            for r in self.conn.execute(sql, [*params, *sp, *tp]):
                p = per.setdefault(r["period"], {"period": r["period"], "direction": direction, "n": 0,
                                                 "quad": {"1": 0, "2": 0, "3": 0, "4": 0}, "_g": 0.0, "_gn": 0})
                p["n"] += r["n"]
                if r["quad_class"] in (1, 2, 3, 4):
                    p["quad"][str(r["quad_class"])] += r["n"]
                p["_g"] += r["gsum"] or 0.0
                p["_gn"] += r["gn"] or 0
            tot = {"n": 0, "quad": {"1": 0, "2": 0, "3": 0, "4": 0}, "_g": 0.0, "_gn": 0}
            for p in per.values():
                tot["n"] += p["n"]
                for k in tot["quad"]:
                    tot["quad"][k] += p["quad"][k]
                tot["_g"] += p["_g"]
                tot["_gn"] += p["_gn"]
                g, gn = p.pop("_g"), p.pop("_gn")
                p["goldstein"] = round(g / gn, 3) if gn else None
                series.append(p)
            g, gn = tot.pop("_g"), tot.pop("_gn")
            tot["goldstein"] = round(g / gn, 3) if gn else None
            totals[direction] = tot
        series.sort(key=lambda p: (p["period"], p["direction"]))
        return {"a": a, "b": b, "by": by, "counts": "mentions" if mentions else "events",
                "series": series, "totals": totals}

    def actors(self, top: int = 20, filters: EventFilters | None = None) -> list[dict]:
        """The most active actors (full codes): events as source, as target, mean Goldstein."""
        base = filters or EventFilters()
        if base == EventFilters():
            out = [dict(r) for r in self.conn.execute(
                "SELECT code, as_source, as_target, as_source + as_target AS n, "
                "CASE WHEN gn > 0 THEN gsum / 1000.0 / gn END AS goldstein FROM actor_totals "
                "ORDER BY as_source + as_target DESC, code LIMIT ?", (int(top),))]
            return self._actor_names(out)
        clause, params = where(base, "events")
        src = clause + (" AND " if clause else " WHERE ") + "src_code IS NOT NULL"
        tgt = clause + (" AND " if clause else " WHERE ") + "tgt_code IS NOT NULL"
        sql = (f"SELECT code, sum(ns) AS as_source, sum(nt) AS as_target, sum(ns) + sum(nt) AS n, "
               f"sum(g) / nullif(sum(gn), 0) AS goldstein FROM ("
               f"SELECT src_code AS code, count(*) AS ns, 0 AS nt, sum(goldstein) AS g, count(goldstein) AS gn "
               f"FROM events{src} GROUP BY src_code UNION ALL "
               f"SELECT tgt_code, 0, count(*), sum(goldstein), count(goldstein) FROM events{tgt} GROUP BY tgt_code"
               f") GROUP BY code ORDER BY n DESC, code LIMIT ?")
        out = [dict(r) for r in self.conn.execute(sql, [*params, *params, int(top)])]
        return self._actor_names(out)

    def rebuild_totals(self) -> None:
        """Recompute the running totals from the events table (after a bulk load that bypassed ``add``)."""
        from tidings.store.schema import REBUILD_TOTALS, _statements
        with self._tx() as c:
            for statement in _statements(REBUILD_TOTALS):
                c.execute(statement)

    def _actor_names(self, out: list[dict]) -> list[dict]:
        for r in out:
            if r["goldstein"] is not None:
                r["goldstein"] = round(r["goldstein"], 3)
            info = self.conn.execute(
                "SELECT country, name FROM actor_mentions WHERE code = ? AND name IS NOT NULL "
                "GROUP BY country, name ORDER BY count(*) DESC, name LIMIT 1", (r["code"],)).fetchone()
            if info is None:
                info = self.conn.execute(
                    "SELECT src_country AS country, src_name AS name FROM events WHERE src_code = ? "
                    "LIMIT 1", (r["code"],)).fetchone()
            r["country"] = info["country"] if info else None
            r["name"] = info["name"] if info else None
        return out

    def partners(self, actor: str, top: int = 20, filters: EventFilters | None = None) -> list[dict]:
        """An actor's relations: per partner code, events each way and mean Goldstein (the network view)."""
        out: dict[str, dict] = {}
        for direction, mine, theirs in (("out", "src", "tgt"), ("in", "tgt", "src")):
            clause, params = where(filters, "events")
            mc, mp = _dyad_side(mine, actor)
            clause = (clause + " AND " if clause else " WHERE ") + f"{mc} AND {theirs}_code IS NOT NULL"
            sql = (f"SELECT {theirs}_code AS code, count(*) AS n, sum(goldstein) AS g, count(goldstein) AS gn "
                   f"FROM events{clause} GROUP BY {theirs}_code")
            for r in self.conn.execute(sql, [*params, *mp]):
                p = out.setdefault(r["code"], {"code": r["code"], "out": 0, "in": 0, "_g": 0.0, "_gn": 0})
                p[direction] += r["n"]
                p["_g"] += r["g"] or 0.0
                p["_gn"] += r["gn"]
        rows = []
        for p in out.values():
            g, gn = p.pop("_g"), p.pop("_gn")
            p["n"] = p["out"] + p["in"]
            p["goldstein"] = round(g / gn, 3) if gn else None
            rows.append(p)
        rows.sort(key=lambda p: (-p["n"], p["code"]))
        return rows[: int(top)]

    def quotes(self, speaker: str | None = None, limit: int = 100, offset: int = 0) -> list[dict]:
        """Quotes, optionally by a speaker: name (case-insensitive substring) or actor code."""
        sql = ("SELECT q.*, a.title AS article_title, a.url AS article_url, a.site AS article_site, "
               "a.published AS article_published FROM quotes q JOIN articles a ON a.id = q.article_id")
        params: list = []
        if speaker:
            sql += " WHERE (instr(lower(q.speaker_name), lower(?)) > 0 OR q.speaker_code = ? OR q.speaker_country = ?)"
            params = [speaker.strip(), speaker.strip(), speaker.strip()]
        sql += " ORDER BY a.day DESC, q.article_id, q.content_start LIMIT ? OFFSET ?"
        return [_quote_dict(r) for r in self.conn.execute(sql, [*params, int(limit), int(offset)])]

    def search(self, q: str, limit: int = 20, offset: int = 0) -> list[dict]:
        """Full-text search over article titles and bodies (all words must match), best first."""
        sql = ("SELECT a.id, a.title, a.url, a.site, a.published, "
               "snippet(articles_fts, 1, '[', ']', ' ... ', 16) AS snippet, bm25(articles_fts) AS rank "
               "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
               "WHERE articles_fts MATCH ? ORDER BY rank, a.id LIMIT ? OFFSET ?")
        return [dict(r) for r in self.conn.execute(sql, (fts_query(q), int(limit), int(offset)))]

    def errors(self, limit: int = 100, offset: int = 0) -> list[dict]:
        return [dict(r) for r in self.conn.execute(
            "SELECT source, stage, error FROM errors ORDER BY source, id LIMIT ? OFFSET ?", (int(limit), int(offset)))]

    def overview(self, top: int = 10) -> dict:
        """What the store holds: counts, date range, the most active dyads, the latest events."""
        q = lambda sql, *p: self.conn.execute(sql, p).fetchone()  # noqa: E731
        span = q("SELECT min(date), max(date) FROM events WHERE factual = 1")
        dyads = [dict(r) for r in self.conn.execute(
            "SELECT src_country AS a, tgt_country AS b, n, CASE WHEN gn > 0 THEN gsum / 1000.0 / gn END AS goldstein "
            "FROM dyad_totals WHERE src_country != tgt_country ORDER BY n DESC, a, b LIMIT ?", (int(top),))]
        for d in dyads:
            d["goldstein"] = round(d["goldstein"], 3) if d["goldstein"] is not None else None
        return {
            "db": str(self.path),
            "schema_version": current_version(self.conn),
            "articles": q("SELECT count(*) FROM articles")[0],
            "sites": q("SELECT count(DISTINCT site) FROM articles")[0],
            "mentions": q("SELECT count(*) FROM mentions")[0],
            "events": q("SELECT count(*) FROM events WHERE factual = 1")[0],
            "events_all": q("SELECT count(*) FROM events")[0],
            "quotes": q("SELECT count(*) FROM quotes")[0],
            "errors": q("SELECT count(*) FROM errors")[0],
            "first_date": span[0], "last_date": span[1],
            "top_dyads": dyads,
            "recent_events": self.events(limit=top),
        }


# -- helpers ------------------------------------------------------------------------------------------

_MENTION_JOIN = ("SELECT m.*, a.published AS a_published, a.site AS a_site, a.url AS a_url "
                 "FROM mentions m JOIN articles a ON a.id = m.article_id")


def _insert(c: sqlite3.Connection, table: str, row: dict, ignore: bool = False) -> bool:
    # table and column names come from this package's own dicts, never from input
    cols = ", ".join(f'"{k}"' for k in row)
    marks = ", ".join("?" for _ in row)
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    cur = c.execute(f"{verb} INTO {table} ({cols}) VALUES ({marks})", list(row.values()))
    return cur.rowcount > 0


def _count(c: sqlite3.Connection, ev, sign: int) -> None:
    """Add (sign=+1) or remove (-1) one event from the running totals (factual events only)."""
    if not ev["factual"]:
        return
    g = ev["goldstein"]
    gsum, gn = (sign * round(g * 1000), sign) if g is not None else (0, 0)
    for code, s, t in ((ev["src_code"], sign, 0), (ev["tgt_code"], 0, sign)):
        if code:
            c.execute("INSERT INTO actor_totals(code, as_source, as_target, gsum, gn) VALUES (?, ?, ?, ?, ?) "
                      "ON CONFLICT(code) DO UPDATE SET as_source = as_source + excluded.as_source, "
                      "as_target = as_target + excluded.as_target, gsum = gsum + excluded.gsum, gn = gn + excluded.gn",
                      (code, s, t, gsum, gn))
    if ev["src_country"] and ev["tgt_country"]:
        c.execute("INSERT INTO dyad_totals(src_country, tgt_country, n, gsum, gn) VALUES (?, ?, ?, ?, ?) "
                  "ON CONFLICT(src_country, tgt_country) DO UPDATE SET n = n + excluded.n, "
                  "gsum = gsum + excluded.gsum, gn = gn + excluded.gn",
                  (ev["src_country"], ev["tgt_country"], sign, gsum, gn))


def _mode(values: Iterable) -> object:
    """Most frequent non-null value; ties go to the smallest (deterministic)."""
    counts = Counter(v for v in values if v is not None and v != "")
    if not counts:
        return None
    return min(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[0]


def _event_row(key: str, ms: list[sqlite3.Row]) -> dict:
    anchor = ms[0]
    days = [m["day"] for m in ms if m["day"]]
    src = _mode(m["src_code"] for m in ms)
    tgt = _mode(m["tgt_code"] for m in ms)
    cameo = _mode(m["cameo_code"] for m in ms)
    with_code = [m for m in ms if m["cameo_code"] == cameo] or ms
    place = _mode(m["place_name"] for m in ms)
    at_place = next((m for m in ms if m["place_name"] == place), None) if place else None
    gold = [m["goldstein"] for m in ms if m["goldstein"] is not None]
    published = [m["a_published"] or m["day"] for m in ms if m["a_published"] or m["day"]]
    return {
        "id": clus.event_id(anchor["id"]), "cluster_key": key,
        "date": min(days) if days else None, "date_end": max(days) if days else None,
        "src_code": src, "src_country": _mode(m["src_country"] for m in ms if m["src_code"] == src),
        "src_name": _mode(m["src_name"] for m in ms if m["src_code"] == src),
        "tgt_code": tgt, "tgt_country": _mode(m["tgt_country"] for m in ms if m["tgt_code"] == tgt),
        "tgt_name": _mode(m["tgt_name"] for m in ms if m["tgt_code"] == tgt),
        "cameo_code": cameo, "cameo_root": (cameo or "")[:2] or None,
        "cameo_name": _mode(m["cameo_name"] for m in with_code),
        "goldstein": round(sum(gold) / len(gold), 3) if gold else None,
        "quad_class": _mode(m["quad_class"] for m in with_code),
        "plover_type": _mode(m["plover_type"] for m in ms), "plover_mode": _mode(m["plover_mode"] for m in ms),
        "factual": 1 if key.endswith("|f") else 0,
        "place_name": place, "place_lat": at_place["place_lat"] if at_place else None,
        "place_lon": at_place["place_lon"] if at_place else None,
        "place_country": (at_place["place_country"] if at_place else _mode(m["place_country"] for m in ms)),
        "confidence": max(m["confidence"] for m in ms),
        "n_mentions": len(ms),
        # versions of one URL are one article; articles without a URL count by content id
        "n_articles": len({m["a_url"] or m["article_id"] for m in ms}),
        "n_sources": len({m["a_site"] or m["a_url"] or m["article_id"] for m in ms}),
        "first_seen": min(published) if published else None,
        "last_seen": max(published) if published else None,
    }


def _attach_articles(c: sqlite3.Connection, rows: list[dict]) -> None:
    ids = sorted({r["article_id"] for r in rows})
    info = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ", ".join("?" for _ in chunk)
        for r in c.execute(f"SELECT id, title, url, site, published FROM articles WHERE id IN ({marks})", chunk):
            info[r["id"]] = dict(r)
    for r in rows:
        r["article"] = info.get(r["article_id"])


def _dyad_side(side: str, value: str) -> tuple[str, list]:
    """Index-friendly actor match for one side: a 3-letter country, a full code, or a name."""
    assert side in ("src", "tgt")
    v = value.strip()
    if len(v) == 3 and v.isalpha() and v.isupper():
        return f"{side}_country = ?", [v]
    if v.upper() == v and v.replace("_", "").isalnum():
        return f"{side}_code = ?", [v]
    return f"{side}_name = ? COLLATE NOCASE", [v]


def _quote_dict(r: sqlite3.Row) -> dict:
    d = dict(r)
    out = {"id": d["id"], "article_id": d["article_id"], "direct": bool(d["direct"]),
           "content": {"start": d["content_start"], "end": d["content_end"], "text": d["content_text"]},
           "cue": ({"start": d["cue_start"], "end": d["cue_end"], "text": d["cue_text"]}
                   if d["cue_start"] is not None else None),
           "speaker": ({"start": d["speaker_start"], "end": d["speaker_end"], "text": d["speaker_text"],
                        "name": d["speaker_name"], "code": d["speaker_code"], "country": d["speaker_country"]}
                       if d["speaker_start"] is not None else None)}
    for k in ("article_title", "article_url", "article_site", "article_published"):
        if k in d:
            out[k] = d[k]
    return out
