"""Exports of the store's events: GDELT 2.0 event table (+ mentions), PLOVER JSONL, CSV, Parquet by month."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from tidings import __version__
from tidings.store.filters import EventFilters
from tidings.store.store import EVENT_COLUMNS, MENTION_COLUMNS, Store

# GDELT 2.0 Event Database, in GDELT's column order (GDELT-Event_Codebook-V2.0)
GDELT_EVENT_COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_EVENT_COLUMNS) == 61

# GDELT 2.0 Mentions table (16 columns), then ours: the evidence sentence and its offsets
GDELT_MENTION_COLUMNS = (
    "GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
    "MentionID", "ArticleID", "SentenceStart", "SentenceEnd", "ActionCharEnd", "Actor1CharEnd", "Actor2CharEnd",
    "SentenceText",
)

FORMATS = ("gdelt", "plover", "csv", "parquet")


def gdelt_id(event_id: str) -> int:
    """GDELT ids are integers: the first 60 bits of our hash id (fits a signed 64-bit column)."""
    return int(event_id[:15], 16)


def _ymd(day: str | None) -> str:
    return day[:10].replace("-", "") if day else ""


def _fraction(day: str | None) -> str:
    if not day:
        return ""
    d = date.fromisoformat(day[:10])
    return f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}"


def _stamp(ts: str | None) -> str:
    """YYYYMMDDHHMMSS from an ISO date or datetime."""
    if not ts:
        return ""
    digits = "".join(ch for ch in ts[:19] if ch.isdigit())
    return (digits + "000000")[:14]


def _actor_cols(code, country, name, sector) -> list:
    group = code if code and not country else ""      # IGOs/NGOs and groups have no country
    return [code or "", name or "", country or "", group, "", "", "", sector or "", "", ""]


def _geo_type(e: dict) -> str:
    if not e["place_name"] and not e["place_country"]:
        return "0"
    return "1" if (e["place_country"] and not e["place_name"]) else "4"


def gdelt_event_row(e: dict, first: dict | None, root: bool) -> list:
    day = e["date"]
    sector = lambda code, country: (code[len(country):][:3] if code and country and code.startswith(country)  # noqa: E731
                                    else "")
    code = e["cameo_code"] or ""
    row = [gdelt_id(e["id"]), _ymd(day), _ymd(day)[:6], _ymd(day)[:4], _fraction(day),
           *_actor_cols(e["src_code"], e["src_country"], e["src_name"], sector(e["src_code"], e["src_country"])),
           *_actor_cols(e["tgt_code"], e["tgt_country"], e["tgt_name"], sector(e["tgt_code"], e["tgt_country"])),
           1 if root else 0, code, code[:3], code[:2], e["quad_class"] or "",
           "" if e["goldstein"] is None else e["goldstein"],
           e["n_mentions"], e["n_sources"], e["n_articles"], "",
           "0", "", "", "", "", "", "", "",
           "0", "", "", "", "", "", "", "",
           _geo_type(e), e["place_name"] or "", e["place_country"] or "", "", "",
           "" if e["place_lat"] is None else e["place_lat"], "" if e["place_lon"] is None else e["place_lon"], "",
           _stamp(e["first_seen"]), (first or {}).get("url") or ""]
    assert len(row) == 61
    return row


def gdelt_mention_row(e: dict, m: dict) -> list:
    a = m.get("article") or {}
    sent_end = m["sentence_start"] + len(m["sentence"] or "")
    return [gdelt_id(e["id"]), _stamp(e["first_seen"] or e["date"]), _stamp(a.get("published") or m["day"]),
            1 if a.get("url") else 6, a.get("site") or "", a.get("url") or m["article_id"],
            m.get("sentence_idx", ""), "" if m["src_start"] is None else m["src_start"],
            "" if m["tgt_start"] is None else m["tgt_start"],
            "" if m["trigger_start"] is None else m["trigger_start"], 1,
            round(100 * (m["confidence"] or 0)), m.get("doc_len", ""), "", "", "",
            m["id"], m["article_id"], m["sentence_start"], sent_end,
            "" if m["trigger_end"] is None else m["trigger_end"], "" if m["src_end"] is None else m["src_end"],
            "" if m["tgt_end"] is None else m["tgt_end"], _one_line(m["sentence"])]


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def mentions_path(out: Path) -> Path:
    """events.export.CSV -> events.mentions.CSV; x.tsv -> x.mentions.tsv."""
    name = out.name
    if ".export." in name:
        return out.with_name(name.replace(".export.", ".mentions.", 1))
    return out.with_name(f"{out.stem}.mentions{out.suffix or '.tsv'}")


def _event_mentions(store: Store, e: dict) -> list[dict]:
    ms = [dict(r) for r in store.conn.execute(
        f"SELECT {', '.join(MENTION_COLUMNS)} FROM mentions WHERE event_id = ? ORDER BY day, id", (e["id"],))]
    if not ms:
        return ms
    ids = sorted({m["article_id"] for m in ms})
    marks = ", ".join("?" for _ in ids)
    arts = {r["id"]: dict(r) for r in store.conn.execute(
        "SELECT id, url, site, title, published, language, length(body) AS doc_len, "
        "instr(body, char(10) || char(10)) AS para_end FROM articles "
        f"WHERE id IN ({marks})", ids)}
    for m in ms:
        a = arts.get(m["article_id"], {})
        m["article"] = a
        m["doc_len"] = a.get("doc_len", "")
        idx = store.conn.execute("SELECT idx FROM sentences WHERE article_id = ? AND start <= ? "
                                 "ORDER BY start DESC LIMIT 1", (m["article_id"], m["sentence_start"])).fetchone()
        m["sentence_idx"] = idx[0] + 1 if idx else ""      # GDELT's SentenceID counts from 1
    return ms


def export_gdelt(store: Store, out: Path, filters: EventFilters | None = None, header: bool = False) -> dict:
    """Tab-separated like GDELT's files (no header unless asked); mentions beside it."""
    mpath = mentions_path(out)
    n_events = n_mentions = 0
    with open(out, "w", encoding="utf-8", newline="") as fe, open(mpath, "w", encoding="utf-8", newline="") as fm:
        we = csv.writer(fe, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        wm = csv.writer(fm, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        if header:
            we.writerow(GDELT_EVENT_COLUMNS)
            wm.writerow(GDELT_MENTION_COLUMNS)
        for e in store.iter_events(filters):
            ms = _event_mentions(store, e)
            first = ms[0]["article"] if ms else None
            # GDELT's IsRootEvent: reported in the lead paragraph of some article
            root = any(m["article"].get("para_end") in (0, None) or
                       m["sentence_start"] < (m["article"].get("para_end") or 0) for m in ms)
            we.writerow(gdelt_event_row(e, first, root))
            n_events += 1
            for m in ms:
                wm.writerow(gdelt_mention_row(e, m))
                n_mentions += 1
    return {"events": n_events, "mentions": n_mentions, "files": [str(out), str(mpath)]}


def plover_record(e: dict, ms: list[dict]) -> dict:
    def entity(prefix: str) -> list[dict]:
        if not e[f"{prefix}_code"]:
            return []
        texts = sorted({m[f"{prefix}_text"] for m in ms if m[f"{prefix}_text"]})
        code, country = e[f"{prefix}_code"], e[f"{prefix}_country"]
        sector = code[len(country):] if country and code.startswith(country) else None
        return [{"code": country or code, "sector": sector or None, "entity_text": texts[0] if texts else None,
                 "identifier_text": e[f"{prefix}_name"], "actor_code": code}]

    contexts: set[str] = set()
    modes: set[str] = set()
    for m in ms:
        if m["plover_mode"]:
            modes.add(m["plover_mode"])
        raw = json.loads(m["plover_context"]) if m["plover_context"] else None
        if isinstance(raw, str) and raw:
            contexts.add(raw)
        elif isinstance(raw, list):
            contexts.update(str(x) for x in raw if x)
    for flag in ("negated", "hypothetical", "future", "historical"):
        if ms and all(m[flag] for m in ms):
            contexts.add("negation" if flag == "negated" else flag)
    first = ms[0] if ms else {}
    art = first.get("article") or {}
    loc = None
    if e["place_name"] or e["place_country"]:
        loc = {"extracted_place": e["place_name"], "resolved_place": e["place_name"], "lat": e["place_lat"],
               "lon": e["place_lon"], "country_code": e["place_country"],
               "resolution": 1 if not e["place_name"] else None}
    return {
        "id": e["id"],
        "has_event": True,
        "date": e["date"],
        "enddate": e["date_end"] if e["date_end"] != e["date"] else None,
        "actor": entity("src"),
        "recipient": entity("tgt"),
        "event": [e["plover_type"]] if e["plover_type"] else [],
        "event_loc": loc,
        "event_text": [m["trigger_text"] for m in ms if m["trigger_text"]],
        "quad_code": e["quad_class"],
        "event_scale": e["goldstein"],
        "mode": sorted(modes),
        "context": sorted(contexts),
        "text": first.get("sentence"),
        "text_info": {"sequence": first.get("sentence_idx"), "start": first.get("sentence_start"),
                      "end": (first.get("sentence_start") or 0) + len(first.get("sentence") or "")} if ms else None,
        "cite_info": {"url": art.get("url"), "title": art.get("title"), "publication": art.get("site"),
                      "language": art.get("language"), "coder": f"tidings {__version__}",
                      "codebook": "PLOVER + CAMEO 1.1b3"} if ms else None,
        "coder": f"tidings {__version__}",
        # beyond PLOVER's standard names (the manual invites extra named fields)
        "cameo": {"code": e["cameo_code"], "name": e["cameo_name"]},
        "n_mentions": e["n_mentions"], "n_articles": e["n_articles"], "n_sources": e["n_sources"],
        "first_seen": e["first_seen"], "last_seen": e["last_seen"], "confidence": e["confidence"],
        "mentions": [{"id": m["id"], "article_id": m["article_id"], "url": (m.get("article") or {}).get("url"),
                      "sentence": m["sentence"], "sentence_start": m["sentence_start"],
                      "trigger": {"start": m["trigger_start"], "end": m["trigger_end"], "text": m["trigger_text"]},
                      "actor": {"start": m["src_start"], "end": m["src_end"], "text": m["src_text"]},
                      "recipient": {"start": m["tgt_start"], "end": m["tgt_end"], "text": m["tgt_text"]}}
                     for m in ms],
    }


def export_plover(store: Store, out: Path, filters: EventFilters | None = None) -> dict:
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for e in store.iter_events(filters):
            fh.write(json.dumps(plover_record(e, _event_mentions(store, e)), ensure_ascii=False) + "\n")
            n += 1
    return {"events": n, "files": [str(out)]}


def _flat(row: dict) -> dict:
    a = row.pop("article", None)
    if a is not None:
        row["article_title"], row["article_url"], row["article_site"], row["article_published"] = (
            a.get("title"), a.get("url"), a.get("site"), a.get("published"))
    return row


def export_csv(store: Store, out: Path, filters: EventFilters | None = None, mentions: bool = False) -> dict:
    cols = list(MENTION_COLUMNS) + ["article_title", "article_url", "article_site", "article_published"] \
        if mentions else list(EVENT_COLUMNS)
    n = 0
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        for row in store.iter_events(filters, mentions=mentions):
            w.writerow(_flat(row))
            n += 1
    return {"mentions" if mentions else "events": n, "files": [str(out)]}


def export_parquet(store: Store, out: Path, filters: EventFilters | None = None, mentions: bool = False,
                   batch: int = 50_000) -> dict:
    """A Hive-partitioned dataset: OUT/month=YYYY-MM/part-N.parquet (``month=undated`` without a date)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols = list(MENTION_COLUMNS) + ["article_title", "article_url", "article_site", "article_published"] \
        if mentions else list(EVENT_COLUMNS)
    date_col = "day" if mentions else "date"
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("month=*/part-*.parquet"):   # a previous export of ours: replace, not mix
        old.unlink()
    n = 0
    part = 0

    def flush(rows: list[dict]) -> None:
        nonlocal part
        data = {c: [r.get(c) for r in rows] for c in cols}
        data["month"] = [(r.get(date_col) or "")[:7] or "undated" for r in rows]
        pq.write_to_dataset(pa.table(data), root_path=str(out), partition_cols=["month"],
                            basename_template=f"part-{part}-{{i}}.parquet",
                            existing_data_behavior="overwrite_or_ignore")
        part += 1

    rows: list[dict] = []
    for row in store.iter_events(filters, mentions=mentions):
        rows.append(_flat(row))
        n += 1
        if len(rows) >= batch:
            flush(rows)
            rows = []
    if rows:
        flush(rows)
    return {"mentions" if mentions else "events": n, "files": [str(out)]}


def export(store: Store, fmt: str, out: str | Path, filters: EventFilters | None = None,
           mentions: bool = False, header: bool = False) -> dict:
    out = Path(out)
    if fmt != "parquet":
        out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "gdelt":
        return export_gdelt(store, out, filters, header=header)
    if fmt == "plover":
        return export_plover(store, out, filters)
    if fmt == "csv":
        return export_csv(store, out, filters, mentions=mentions)
    if fmt == "parquet":
        return export_parquet(store, out, filters, mentions=mentions)
    raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")


def iter_plover(store: Store, filters: EventFilters | None = None) -> Iterator[dict]:
    for e in store.iter_events(filters):
        yield plover_record(e, _event_mentions(store, e))
