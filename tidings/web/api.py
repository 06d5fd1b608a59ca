"""The read-only JSON API (``/api/...``); every handler is a thin call of a ``Store`` query."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse

from tidings.store import PERIODS, EventFilters, Store
from tidings.web import shapes
from tidings.web.params import MAX_LIMIT, Limit, Offset, event_filters
from tidings.web.queries import representative_mentions

router = APIRouter(prefix="/api", tags=["read"])


class Json(JSONResponse):
    """Plain JSON of plain dicts: skips FastAPI's jsonable_encoder walk, which costs more than the
    query on a page of 500 nested events (the store returns only JSON-native values)."""

    def render(self, content) -> bytes:
        return json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")

Id = Annotated[str, Path(max_length=64, pattern=r"^[0-9A-Za-z_-]+$")]
Code = Annotated[str, Path(max_length=120, description="country (TUR), full code (TURGOV) or name")]


def store(request: Request) -> Store:
    return request.app.state.stores.get()


StoreDep = Annotated[Store, Depends(store)]
FiltersDep = Annotated[EventFilters, Depends(event_filters)]


def _events_page(st: Store, filters: EventFilters, limit: int, offset: int, mentions: bool) -> list[dict]:
    rows = st.events(filters, limit=limit, offset=offset, mentions=mentions)
    if mentions:
        return [shapes.mention(r) for r in rows]
    evidence = representative_mentions(st, [r["id"] for r in rows])
    out = []
    for r in rows:
        m = evidence.get(r["id"])
        out.append(shapes.event(r, shapes.mention(m)["evidence"] if m else None))
    return out


@router.get("/overview", response_class=Json, summary="What the store holds: counts, date range, top dyads and actors, recent events")
def overview(st: StoreDep, top: Annotated[int, Query(ge=1, le=100)] = 10) -> Json:
    o = st.overview(top=top)
    evidence = representative_mentions(st, [r["id"] for r in o["recent_events"]])
    recent = [shapes.event(r, shapes.mention(evidence[r["id"]])["evidence"] if r["id"] in evidence else None)
              for r in o["recent_events"]]
    return Json({
        "counts": {"articles": o["articles"], "events": o["events"], "events_all": o["events_all"],
                   "mentions": o["mentions"], "sources": o["sites"], "quotes": o["quotes"], "errors": o["errors"]},
        "first_date": o["first_date"], "last_date": o["last_date"], "schema_version": o["schema_version"],
        "top_dyads": [{"a": {"code": d["a"]}, "b": {"code": d["b"]}, "events": d["n"], "goldstein": d["goldstein"]}
                      for d in o["top_dyads"]],
        "top_actors": [{"code": a["code"], "name": a["name"], "country": a["country"], "events": a["n"],
                        "as_source": a["as_source"], "as_target": a["as_target"], "goldstein": a["goldstein"]}
                       for a in st.actors(top=top)],
        "recent_events": recent,
    })


@router.get("/events", response_class=Json, summary="Events (or mentions) matching the filters, newest first, paginated")
def events(request: Request, st: StoreDep, filters: FiltersDep, limit: Limit = 50, offset: Offset = 0,
           mentions: Annotated[bool, Query(description="count reports (mentions) instead of events")] = False) -> Json:
    total = request.app.state.stores.count_events(filters, mentions=mentions)
    return Json({"total": total, "limit": limit, "offset": offset,
                 "counts": "mentions" if mentions else "events",
                 "items": _events_page(st, filters, limit, offset, mentions)})


CSV_EVENT_COLUMNS = ("id", "date", "date_end", "src_code", "src_country", "src_name", "tgt_code", "tgt_country",
                     "tgt_name", "cameo_code", "cameo_name", "plover_type", "plover_mode", "quad_class", "goldstein",
                     "factual", "place_name", "place_country", "confidence", "n_mentions", "n_articles",
                     "n_sources", "first_seen", "last_seen")
CSV_MENTION_COLUMNS = ("id", "event_id", "article_id", "date", "src_code", "src_country", "src_name", "tgt_code",
                       "tgt_country", "tgt_name", "cameo_code", "cameo_name", "plover_type", "plover_mode",
                       "quad_class", "goldstein", "negated", "hypothetical", "future", "historical",
                       "place_name", "place_country", "confidence", "sentence", "sentence_start", "trigger_text",
                       "article_url", "article_title")


@router.get("/events.csv", summary="The same events as CSV (all matching rows, streamed)",
            response_class=StreamingResponse)
def events_csv(request: Request, filters: FiltersDep,
               mentions: Annotated[bool, Query()] = False) -> StreamingResponse:
    columns = CSV_MENTION_COLUMNS if mentions else CSV_EVENT_COLUMNS

    def rows() -> Iterator[str]:
        # a store of its own: the stream is read on whichever pool thread is free
        st = request.app.state.stores.fresh()
        try:
            buf = io.StringIO()
            w = csv.writer(buf)
            w.writerow(columns)
            for i, r in enumerate(st.iter_events(filters, mentions=mentions)):
                if mentions:
                    a = r.get("article") or {}
                    r = {**r, "article_url": a.get("url"), "article_title": a.get("title")}
                w.writerow([_csv_cell(r.get(c)) for c in columns])
                if i % 500 == 499:
                    yield buf.getvalue()
                    buf.seek(0)
                    buf.truncate()
            yield buf.getvalue()
        finally:
            st.close()

    name = "tidings-mentions.csv" if mentions else "tidings-events.csv"
    return StreamingResponse(rows(), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _csv_cell(v):
    # spreadsheet formula injection: a cell starting with = + - @ from hostile text is a formula in Excel
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + v
    return v


@router.get("/events/{event_id}", response_class=Json, summary="One event with every mention: evidence sentence in its passage, articles")
def event(st: StoreDep, event_id: Id) -> Json:
    ev = st.event(event_id)
    if ev is None:
        m = st.mention(event_id)
        if m is None or not m.get("event_id") or (ev := st.event(m["event_id"])) is None:
            raise HTTPException(404, f"no event {event_id!r}")
    out = shapes.event(ev)
    articles: dict[str, dict | None] = {}
    mentions = []
    for i, row in enumerate(ev["mentions"]):
        m = shapes.mention(row)
        aid = row["article_id"]
        if i < MAX_PASSAGES and aid not in articles:
            articles[aid] = st.article(aid)
        art = articles.get(aid)
        if art and art.get("body"):
            m["passage"] = passage(art["body"], art.get("sentences") or [], row["sentence_start"],
                                   row["sentence_start"] + len(row["sentence"] or ""))
        mentions.append(m)
    out["mentions"] = mentions
    if mentions:
        out["evidence"] = mentions[0]["evidence"]
    return Json(out)


MAX_PASSAGES = 50
MAX_PASSAGE_CHARS = 1500
PASSAGE_SENTENCES = 2


def passage(body: str, sentences: list[dict], start: int, end: int, around: int = PASSAGE_SENTENCES) -> dict:
    """The evidence sentence with up to ``around`` sentences before and after it, inside its
    paragraph (paragraphs are separated by a blank line) and within MAX_PASSAGE_CHARS."""
    p_start = body.rfind("\n\n", 0, start)
    p_start = 0 if p_start < 0 else p_start + 2
    p_end = body.find("\n\n", end)
    p_end = len(body) if p_end < 0 else p_end
    inside = [s for s in sentences if s["start"] >= p_start and s["end"] <= p_end]
    idx = next((i for i, s in enumerate(inside) if s["start"] <= start < s["end"]), None)
    if idx is not None:
        lo, hi = max(0, idx - around), min(len(inside), idx + around + 1)
        # widen sentence by sentence while it stays readable
        while lo < idx and inside[hi - 1]["end"] - inside[lo]["start"] > MAX_PASSAGE_CHARS:
            lo += 1
        while hi > idx + 1 and inside[hi - 1]["end"] - inside[lo]["start"] > MAX_PASSAGE_CHARS:
            hi -= 1
        p_start, p_end = min(inside[lo]["start"], start), max(inside[hi - 1]["end"], end)
    elif p_end - p_start > MAX_PASSAGE_CHARS:
        # no sentence table: cut at spaces around the evidence
        slack = max(0, (MAX_PASSAGE_CHARS - (end - start)) // 2)
        lo = body.find(" ", max(p_start, start - slack), start)
        hi = body.rfind(" ", end, min(p_end, end + slack))
        p_start = lo + 1 if lo >= 0 and start - slack > p_start else p_start
        p_end = hi if hi >= 0 and end + slack < p_end else p_end
    return {"start": p_start, "end": p_end, "text": body[p_start:p_end]}


@router.get("/articles", response_class=Json, summary="Stored articles, newest first")
def articles(st: StoreDep, limit: Limit = 50, offset: Offset = 0,
             site: Annotated[str | None, Query(max_length=200)] = None) -> Json:
    return Json({"limit": limit, "offset": offset, "items": st.articles(limit=limit, offset=offset,
                                                                         site=site or None)})


@router.get("/articles/{article_id}", response_class=Json, summary="An article: cleaned body, entities, actors, quotes, events")
def article(st: StoreDep, article_id: Id) -> Json:
    a = st.article(article_id)
    if a is None:
        raise HTTPException(404, f"no article {article_id!r}")
    meta = {k: a.get(k) for k in ("id", "source", "url", "site", "title", "author", "published", "published_from",
                                  "language", "format", "version", "previous_id", "warnings", "body")}
    return Json({"article": meta, "sentences": a["sentences"], "entities": a["entities"], "actors": a["actors"],
                 "quotes": a["quotes"], "events": [shapes.mention(m) for m in a["mentions"]],
                 "clusters": [shapes.event(e) for e in a["events"]], "versions": a["versions"]})


@router.get("/actors", response_class=Json, summary="The most active actors")
def actors(st: StoreDep, top: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20) -> Json:
    return Json({"items": st.actors(top=top)})


@router.get("/actors/{code}", response_class=Json, summary="An actor: counts, top partners (the network), recent events")
def actor(st: StoreDep, code: Code, top: Annotated[int, Query(ge=1, le=200)] = 25,
          events_limit: Annotated[int, Query(ge=0, le=MAX_LIMIT)] = 20) -> Json:
    code = code.strip()
    n = st.count_events(EventFilters(actor=code))
    if n == 0:
        raise HTTPException(404, f"no events with actor {code!r}")
    as_source = st.count_events(EventFilters(source=code))
    as_target = st.count_events(EventFilters(target=code))
    info = _actor_info(st, code)
    partners = st.partners(code, top=top)
    return Json({
        "actor": info, "n_events": n, "as_source": as_source, "as_target": as_target,
        "partners": [{"code": p["code"], "events": p["n"], "out": p["out"], "in": p["in"],
                      "goldstein": p["goldstein"]} for p in partners],
        # the ego network: one edge per partner, coloured by the mean Goldstein of both directions
        "edges": [{"source": info["code"], "target": p["code"], "events": p["n"], "out": p["out"], "in": p["in"],
                   "goldstein": p["goldstein"]} for p in partners if p["code"] != info["code"]],
        "events": _events_page(st, EventFilters(actor=code), events_limit, 0, False) if events_limit else [],
    })


def _actor_info(st: Store, code: str) -> dict:
    for side, f in (("src", EventFilters(source=code)), ("tgt", EventFilters(target=code))):
        rows = st.events(f, limit=1)
        if rows:
            r = rows[0]
            exact = r[f"{side}_code"] == code
            return {"code": code, "name": r[f"{side}_name"] if exact else None,
                    "country": r[f"{side}_country"], "sector": None}
    return {"code": code, "name": None, "country": None, "sector": None}


@router.get("/dyad", response_class=Json, summary="A dyad over time: counts per quad class and mean Goldstein, A->B and B->A")
def dyad(st: StoreDep, filters: FiltersDep, a: Annotated[str, Query(min_length=1, max_length=120)],
         b: Annotated[str, Query(min_length=1, max_length=120)],
         by: Annotated[str, Query(pattern="^(" + "|".join(PERIODS) + ")$")] = "month",
         mentions: Annotated[bool, Query(description="count reports instead of events")] = False) -> Json:
    return Json(shapes.dyad(st.dyad(a.strip(), b.strip(), by=by, filters=filters, mentions=mentions)))


@router.get("/quotes", response_class=Json, summary="Quotes, optionally by speaker (name substring or actor code)")
def quotes(st: StoreDep, speaker: Annotated[str | None, Query(max_length=120)] = None,
           limit: Limit = 50, offset: Offset = 0) -> Json:
    return Json({"limit": limit, "offset": offset,
                 "items": st.quotes((speaker or "").strip() or None, limit=limit, offset=offset)})


@router.get("/search", response_class=Json, summary="Full-text search over article titles and bodies (all words must match)")
def search(st: StoreDep, q: Annotated[str, Query(min_length=1, max_length=200)],
           limit: Limit = 20, offset: Offset = 0) -> Json:
    if not q.strip():
        raise HTTPException(422, "q: give at least one word to search for")
    return Json({"q": q, "limit": limit, "offset": offset, "items": st.search(q, limit=limit, offset=offset)})
