"""Records <-> table rows: the only place that knows how an Analysis is laid out in the store."""
from __future__ import annotations

import json
from datetime import date
from urllib.parse import urlsplit

from tidings.records import (Actor, ActorMention, Analysis, Article, Entity, EventMention, Evidence,
                             Place, Quote, Sentence, Span, Speaker)
from tidings.store.cluster import cluster_key


def host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        h = urlsplit(url).hostname
    except ValueError:
        return None
    if h and h.startswith("www."):
        h = h[4:]
    return h or None


def valid_day(value: str | None) -> str | None:
    """YYYY-MM-DD when ``value`` starts with a real calendar day, else None (clustering needs real days)."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def article_row(a: Article) -> dict:
    return {
        "id": a.id, "source": a.source, "url": a.url, "site": a.site or host(a.url), "title": a.title,
        "author": a.author, "published": a.published, "published_from": a.published_from,
        "language": a.language, "format": a.format, "body": a.body,
        "warnings": json.dumps(list(a.warnings), ensure_ascii=False),
        "day": valid_day(a.published),
    }


def _flag(context: dict, name: str) -> int:
    return 1 if (context or {}).get(name) else 0


def _span(prefix: str, span: Span | ActorMention | None) -> dict:
    return {f"{prefix}_start": span.start if span else None,
            f"{prefix}_end": span.end if span else None,
            f"{prefix}_text": span.text if span else None}


def _actor(prefix: str, m: ActorMention | None) -> dict:
    actor = m.actor if m else None
    return {f"{prefix}_code": actor.code if actor else None,
            f"{prefix}_country": actor.country if actor else None,
            f"{prefix}_sector": actor.sector if actor else None,
            f"{prefix}_name": (actor.name if actor and actor.name else (m.text if m else None)),
            **_span(prefix, m)}


def mention_row(e: EventMention, article_day: str | None) -> dict:
    cameo = e.cameo or {}
    plover = e.plover or {}
    ctx = e.context or {}
    factual = not (_flag(ctx, "negated") or _flag(ctx, "hypothetical") or _flag(ctx, "future"))
    code = cameo.get("code")
    row = {
        "id": e.id, "article_id": e.article_id,
        **_actor("src", e.source), **_actor("tgt", e.target),
        "cameo_code": code, "cameo_name": cameo.get("name"), "cameo_root": (code or "")[:2] or None,
        "goldstein": e.goldstein, "quad_class": e.quad_class,
        "plover_type": (plover.get("type") or None), "plover_mode": plover.get("mode") or None,
        "plover_context": json.dumps(plover.get("context"), ensure_ascii=False)
        if plover.get("context") is not None else None,
        "negated": _flag(ctx, "negated"), "hypothetical": _flag(ctx, "hypothetical"),
        "future": _flag(ctx, "future"), "historical": _flag(ctx, "historical"),
        "factual": 1 if factual else 0,
        "date": e.date, "date_granularity": e.date_granularity, "date_from": e.date_from,
        "day": valid_day(e.date) or article_day,
        "place_name": e.place.name if e.place else None, "place_lat": e.place.lat if e.place else None,
        "place_lon": e.place.lon if e.place else None,
        "place_country": e.place.country if e.place else None,
        "place_start": e.place.start if e.place else None, "place_end": e.place.end if e.place else None,
        "confidence": float(e.confidence or 0.0),
        "sentence": e.evidence.sentence, "sentence_start": e.evidence.sentence_start,
        **_span("trigger", e.evidence.trigger), **_span("ev_src", e.evidence.source),
        **_span("ev_tgt", e.evidence.target), "quote_id": e.evidence.quote_id,
    }
    row["cluster_key"] = cluster_key(row["src_code"], row["src_country"], row["tgt_code"],
                                     row["tgt_country"], row["plover_type"], code, factual)
    return row


def quote_row(article_id: str, q: Quote) -> dict:
    sp = q.speaker
    return {
        "article_id": article_id, "id": q.id, "direct": 1 if q.direct else 0,
        "content_start": q.content.start, "content_end": q.content.end, "content_text": q.content.text,
        "cue_start": q.cue.start if q.cue else None, "cue_end": q.cue.end if q.cue else None,
        "cue_text": q.cue.text if q.cue else None,
        "speaker_start": sp.start if sp else None, "speaker_end": sp.end if sp else None,
        "speaker_text": sp.text if sp else None,
        "speaker_name": (sp.name or (sp.actor.name if sp.actor else None) or sp.text) if sp else None,
        "speaker_code": sp.actor.code if sp and sp.actor else None,
        "speaker_country": sp.actor.country if sp and sp.actor else None,
    }


# --- dicts (JSON records, e.g. the output of `tidings analyze`) -> records ---------------------------

def _sp(d: dict | None) -> Span | None:
    return Span(int(d["start"]), int(d["end"]), d.get("text") or "") if d else None


def _actor_rec(d: dict | None) -> Actor | None:
    if not d:
        return None
    return Actor(code=d["code"], country=d.get("country"), sector=d.get("sector"),
                 name=d.get("name"), kb_id=d.get("kb_id"))


def _mention_rec(d: dict | None) -> ActorMention | None:
    if not d:
        return None
    return ActorMention(text=d.get("text") or "", start=int(d["start"]), end=int(d["end"]),
                        actor=_actor_rec(d.get("actor")), kind=d.get("kind") or "name", via=d.get("via"))


def analysis_from_dict(d: dict) -> Analysis:
    """An Analysis from a full record (``tidings analyze`` output: the article's fields plus
    sentences, entities, actors, quotes, events), or from ``{"article": {...}, ...}``."""
    art = d.get("article") or d
    article = Article(
        id=art["id"], source=art.get("source") or art["id"], url=art.get("url"), site=art.get("site"),
        title=art.get("title"), author=art.get("author"), published=art.get("published"),
        published_from=art.get("published_from"), language=art.get("language"),
        format=art.get("format") or "text", body=art["body"], warnings=list(art.get("warnings") or []))
    events = []
    for e in d.get("events") or []:
        ev = e["evidence"]
        place = e.get("place")
        events.append(EventMention(
            id=e["id"], article_id=e.get("article_id") or article.id,
            source=_mention_rec(e.get("source")), target=_mention_rec(e.get("target")),
            cameo=dict(e.get("cameo") or {}), goldstein=e.get("goldstein"), quad_class=e.get("quad_class"),
            plover=dict(e.get("plover") or {}), context=dict(e.get("context") or {}),
            date=e.get("date"), date_granularity=e.get("date_granularity"), date_from=e.get("date_from"),
            place=Place(**place) if place else None, confidence=float(e.get("confidence") or 0.0),
            evidence=Evidence(sentence=ev["sentence"], sentence_start=int(ev["sentence_start"]),
                              trigger=_sp(ev["trigger"]), source=_sp(ev.get("source")),
                              target=_sp(ev.get("target")), quote_id=ev.get("quote_id"))))
    quotes = []
    for q in d.get("quotes") or []:
        s = q.get("speaker")
        quotes.append(Quote(id=q["id"], content=_sp(q["content"]), cue=_sp(q.get("cue")),
                            speaker=Speaker(start=int(s["start"]), end=int(s["end"]), text=s.get("text") or "",
                                            name=s.get("name"), actor=_actor_rec(s.get("actor"))) if s else None,
                            direct=bool(q.get("direct"))))
    return Analysis(
        article=article,
        sentences=[Sentence(int(s["start"]), int(s["end"]), s.get("text") or "") for s in d.get("sentences") or []],
        entities=[Entity(s["label"], int(s["start"]), int(s["end"]), s.get("text") or "")
                  for s in d.get("entities") or []],
        actors=[_mention_rec(a) for a in d.get("actors") or []],
        quotes=quotes, events=events, warnings=list(d.get("warnings") or []))
