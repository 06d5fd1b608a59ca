"""The store's schema as an ordered list of versioned migrations.

A migration is applied once, in its own transaction, and recorded in ``schema_version``;
opening an older store upgrades it, opening a newer one is refused (we cannot know its
columns). Never edit a published migration: append a new one.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

_V1 = """
CREATE TABLE articles (
    id             TEXT PRIMARY KEY,        -- content hash (tidings.ids.article_id)
    source         TEXT NOT NULL,
    url            TEXT,
    site           TEXT,
    title          TEXT,
    author         TEXT,
    published      TEXT,
    published_from TEXT,
    language       TEXT,
    format         TEXT,
    body           TEXT NOT NULL,           -- the cleaned body: evidence survives link rot
    warnings       TEXT NOT NULL DEFAULT '[]',   -- JSON list
    day            TEXT,                    -- published[:10]
    version        INTEGER NOT NULL DEFAULT 1,
    previous_id    TEXT REFERENCES articles(id)  -- the earlier version at the same URL
);
CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_day ON articles(day);

CREATE TABLE sentences (
    article_id TEXT NOT NULL REFERENCES articles(id),
    idx        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles(id),
    idx        INTEGER NOT NULL,
    label      TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE actor_mentions (
    article_id TEXT NOT NULL REFERENCES articles(id),
    idx        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    kind       TEXT,
    via        TEXT,
    code       TEXT,
    country    TEXT,
    sector     TEXT,
    name       TEXT,
    kb_id      TEXT,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX actor_mentions_code ON actor_mentions(code);

CREATE TABLE quotes (
    article_id     TEXT NOT NULL REFERENCES articles(id),
    id             TEXT NOT NULL,
    direct         INTEGER NOT NULL,
    content_start  INTEGER NOT NULL,
    content_end    INTEGER NOT NULL,
    content_text   TEXT NOT NULL,
    cue_start      INTEGER,
    cue_end        INTEGER,
    cue_text       TEXT,
    speaker_start  INTEGER,
    speaker_end    INTEGER,
    speaker_text   TEXT,
    speaker_name   TEXT,
    speaker_code   TEXT,
    speaker_country TEXT,
    PRIMARY KEY (article_id, id)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker_name ON quotes(speaker_name COLLATE NOCASE);
CREATE INDEX quotes_speaker_code ON quotes(speaker_code);

-- one row per EventMention: a report of a happening in one sentence of one article
CREATE TABLE mentions (
    id              TEXT PRIMARY KEY,
    article_id      TEXT NOT NULL REFERENCES articles(id),
    event_id        TEXT,                   -- the cluster (events.id)
    cluster_key     TEXT NOT NULL,          -- source|target|type|factual: mentions only cluster within a key
    day             TEXT,                   -- the date used for clustering (event date, else article day)
    src_code TEXT, src_country TEXT, src_sector TEXT, src_name TEXT,
    src_text TEXT, src_start INTEGER, src_end INTEGER,
    tgt_code TEXT, tgt_country TEXT, tgt_sector TEXT, tgt_name TEXT,
    tgt_text TEXT, tgt_start INTEGER, tgt_end INTEGER,
    cameo_code      TEXT,
    cameo_name      TEXT,
    cameo_root      TEXT,
    goldstein       REAL,
    quad_class      INTEGER,
    plover_type     TEXT,
    plover_mode     TEXT,
    plover_context  TEXT,                   -- JSON (string or list, as the coder gives it)
    negated         INTEGER NOT NULL DEFAULT 0,
    hypothetical    INTEGER NOT NULL DEFAULT 0,
    future          INTEGER NOT NULL DEFAULT 0,
    historical      INTEGER NOT NULL DEFAULT 0,
    factual         INTEGER NOT NULL DEFAULT 1,   -- not negated, hypothetical or future
    date            TEXT,
    date_granularity TEXT,
    date_from       TEXT,
    place_name TEXT, place_lat REAL, place_lon REAL, place_country TEXT,
    place_start INTEGER, place_end INTEGER,
    confidence      REAL NOT NULL DEFAULT 0,
    sentence        TEXT NOT NULL,
    sentence_start  INTEGER NOT NULL,
    trigger_start INTEGER, trigger_end INTEGER, trigger_text TEXT,
    ev_src_start INTEGER, ev_src_end INTEGER, ev_src_text TEXT,
    ev_tgt_start INTEGER, ev_tgt_end INTEGER, ev_tgt_text TEXT,
    quote_id        TEXT
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_event ON mentions(event_id);
CREATE INDEX mentions_cluster ON mentions(cluster_key, day);

-- one row per clustered happening (see docs/store.md for the rule)
CREATE TABLE events (
    id            TEXT PRIMARY KEY,         -- stable_id("event", id of the cluster's first mention)
    cluster_key   TEXT NOT NULL,
    date          TEXT,                     -- first mention day
    date_end      TEXT,                     -- last mention day
    src_code TEXT, src_country TEXT, src_name TEXT,
    tgt_code TEXT, tgt_country TEXT, tgt_name TEXT,
    cameo_code    TEXT,
    cameo_root    TEXT,
    cameo_name    TEXT,
    goldstein     REAL,                     -- mean over mentions
    quad_class    INTEGER,
    plover_type   TEXT,
    plover_mode   TEXT,
    factual       INTEGER NOT NULL,
    place_name TEXT, place_lat REAL, place_lon REAL, place_country TEXT,
    confidence    REAL NOT NULL,            -- max over mentions
    n_mentions    INTEGER NOT NULL,
    n_articles    INTEGER NOT NULL,
    n_sources     INTEGER NOT NULL,
    first_seen    TEXT,                     -- earliest publication among reporting articles
    last_seen     TEXT
);
-- covering indexes: dyad and actor aggregates read only the index, never the table
CREATE INDEX events_dyad_country ON events(src_country, tgt_country, date, quad_class, goldstein, n_mentions, factual);
CREATE INDEX events_dyad_code ON events(src_code, tgt_code, date, quad_class, goldstein, n_mentions, factual);
CREATE INDEX events_tgt_country ON events(tgt_country, date);
CREATE INDEX events_tgt_code ON events(tgt_code, date);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_type ON events(plover_type, date);
CREATE INDEX events_cameo ON events(cameo_code);
CREATE INDEX events_cluster ON events(cluster_key, date);

CREATE TABLE errors (
    id      TEXT PRIMARY KEY,               -- stable_id(source, stage, error): a re-run does not duplicate
    source  TEXT NOT NULL,
    stage   TEXT NOT NULL,
    error   TEXT NOT NULL
);

-- full-text search over title + body (external content: the text is stored once, in articles)
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='rowid');
"""

# v2: running totals so the overview's top actors and dyads stay instant over millions of events
# (maintained by Store._write_clusters in the same transaction; factual events only)
_V2 = """
CREATE TABLE actor_totals (
    code       TEXT PRIMARY KEY,
    as_source  INTEGER NOT NULL DEFAULT 0,
    as_target  INTEGER NOT NULL DEFAULT 0,
    gsum       INTEGER NOT NULL DEFAULT 0,   -- sum of Goldstein in thousandths: exact in any order
    gn         INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE dyad_totals (
    src_country TEXT NOT NULL,
    tgt_country TEXT NOT NULL,
    n           INTEGER NOT NULL DEFAULT 0,
    gsum        INTEGER NOT NULL DEFAULT 0,
    gn          INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (src_country, tgt_country)
) WITHOUT ROWID;
CREATE INDEX actor_totals_n ON actor_totals(as_source + as_target);
CREATE INDEX dyad_totals_n ON dyad_totals(n);
"""

REBUILD_TOTALS = """
DELETE FROM actor_totals;
DELETE FROM dyad_totals;
INSERT INTO actor_totals(code, as_source, as_target, gsum, gn)
    SELECT code, sum(s), sum(t), sum(g), sum(gn) FROM (
        SELECT src_code AS code, 1 AS s, 0 AS t, CAST(round(coalesce(goldstein, 0) * 1000) AS INTEGER) AS g, goldstein IS NOT NULL AS gn
        FROM events WHERE factual = 1 AND src_code IS NOT NULL
        UNION ALL
        SELECT tgt_code, 0, 1, CAST(round(coalesce(goldstein, 0) * 1000) AS INTEGER), goldstein IS NOT NULL
        FROM events WHERE factual = 1 AND tgt_code IS NOT NULL)
    GROUP BY code;
INSERT INTO dyad_totals(src_country, tgt_country, n, gsum, gn)
    SELECT src_country, tgt_country, count(*), coalesce(sum(CAST(round(goldstein * 1000) AS INTEGER)), 0), count(goldstein) FROM events
    WHERE factual = 1 AND src_country IS NOT NULL AND tgt_country IS NOT NULL
    GROUP BY src_country, tgt_country;
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2 + REBUILD_TOTALS)
SCHEMA_VERSION = len(MIGRATIONS)


class SchemaError(RuntimeError):
    """The database file is not a tidings store this version can read."""


def current_version(conn: sqlite3.Connection) -> int:
    has = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'").fetchone()
    if not has:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to SCHEMA_VERSION; returns the version found before."""
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                 "version INTEGER PRIMARY KEY, applied TEXT NOT NULL)")
    found = current_version(conn)
    if found > SCHEMA_VERSION:
        raise SchemaError(f"store schema version {found} is newer than this tidings ({SCHEMA_VERSION})")
    for version in range(found + 1, SCHEMA_VERSION + 1):
        # statement by statement inside one transaction: a migration applies whole or not at all
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[version - 1]):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version(version, applied) VALUES (?, ?)",
                         (version, datetime.now(timezone.utc).isoformat(timespec="seconds")))
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return found


def _statements(script: str) -> list[str]:
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
