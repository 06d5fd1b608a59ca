"""Hand-built analysis records for the store tests (no spaCy, no coder: the store's behaviour only).

Holds no tests; imported by tests/test_store*.py, test_ingest_cli.py, test_export.py.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tidings.ids import article_id, stable_id
from tidings.records import (Actor, ActorMention, Analysis, Article, Entity, EventMention, Evidence,
                             Place, Quote, Sentence, Span, Speaker, to_dict)

ACTORS = {
    "TURGOV": Actor("TURGOV", "TUR", "GOV", "Turkish government"),
    "TUR": Actor("TUR", "TUR", None, "Turkey"),
    "RUSGOV": Actor("RUSGOV", "RUS", "GOV", "Russian government"),
    "RUS": Actor("RUS", "RUS", None, "Russia"),
    "USAGOV": Actor("USAGOV", "USA", "GOV", "United States government"),
    "USA": Actor("USA", "USA", None, "United States"),
    "UKRMIL": Actor("UKRMIL", "UKR", "MIL", "Ukrainian military"),
    "NATO": Actor("NATO", None, None, "NATO"),
}
CAMEO = {  # code -> (name, goldstein, quad class, PLOVER type)
    "040": ("Consult", 1.0, 1, "CONSULT"),
    "042": ("Make a visit", 1.9, 1, "CONSULT"),
    "043": ("Host a visit", 2.8, 1, "CONSULT"),
    "057": ("Sign formal agreement", 8.0, 1, "AGREE"),
    "190": ("Use conventional military force", -10.0, 4, "ASSAULT"),
    "112": ("Accuse", -2.0, 3, "ACCUSE"),
}


def _find(body: str, text: str, after: int = 0) -> tuple[int, int]:
    i = body.index(text, after)
    return i, i + len(text)


def event(art: Article, sentence: str, src: str, src_text: str, tgt: str, tgt_text: str, trigger: str,
          code: str, date: str | None = None, place: str | None = None, place_country: str | None = None,
          hypothetical: bool = False, confidence: float = 0.8) -> EventMention:
    s0, _ = _find(art.body, sentence)
    ss, se = _find(art.body, src_text, s0)
    ts, te = _find(art.body, tgt_text, s0)
    tr, tre = _find(art.body, trigger, s0)
    name, gold, quad, ptype = CAMEO[code]
    return EventMention(
        id=stable_id("mention", art.id, ss, ts, tr, code),
        article_id=art.id,
        source=ActorMention(src_text, ss, se, ACTORS[src]),
        target=ActorMention(tgt_text, ts, te, ACTORS[tgt]),
        cameo={"code": code, "name": name}, goldstein=gold, quad_class=quad,
        plover={"type": ptype, "mode": None, "context": []},
        context={"negated": False, "hypothetical": hypothetical, "future": False, "historical": False},
        date=date or (art.published or "")[:10] or None, date_granularity="day", date_from="article",
        place=Place(place, None, None, place_country) if place else None,
        confidence=confidence,
        evidence=Evidence(sentence=sentence, sentence_start=s0, trigger=Span(tr, tre, trigger),
                          source=Span(ss, se, src_text), target=Span(ts, te, tgt_text)))


def article(title: str, body: str, url: str | None, site: str | None, published: str | None) -> Article:
    return Article(id=article_id(body, title), source=url or title, url=url, site=site, title=title,
                   author=None, published=published, published_from="meta" if published else None,
                   language="en", format="html", body=body)


def analysis(art: Article, events: list[EventMention], quotes: list[Quote] | None = None) -> Analysis:
    sents, start = [], 0
    for part in art.body.split(". "):
        end = start + len(part) + (1 if start + len(part) < len(art.body) else 0)
        sents.append(Sentence(start, end, art.body[start:end]))
        start = end + 1
    ents = []
    for code, actor in ACTORS.items():
        if actor.name and actor.name.split()[0] in art.body:
            s, e = _find(art.body, actor.name.split()[0])
            ents.append(Entity("GPE", s, e, art.body[s:e]))
    actors = [m for ev in events for m in (ev.source, ev.target) if m]
    return Analysis(article=art, sentences=sents, entities=sorted(ents, key=lambda x: x.start),
                    actors=actors, quotes=quotes or [], events=events)


def meeting_reports() -> list[Analysis]:
    """Three outlets report one Ankara meeting (over two days), plus unrelated events."""
    out = []
    a1 = article("Erdogan hosts Putin",
                 "Turkish President Erdogan met Russian President Putin in Ankara on Tuesday. "
                 "The two leaders discussed the S-400 deal.",
                 "https://news-one.example/erdogan-putin", "News One", "2020-12-29T10:00:00")
    ev1 = event(a1, "Turkish President Erdogan met Russian President Putin in Ankara on Tuesday.",
                "TURGOV", "Turkish President Erdogan", "RUSGOV", "Russian President Putin", "met", "040",
                date="2020-12-29", place="Ankara", place_country="TUR")
    q1 = Quote(id=stable_id("quote", a1.id, 0), content=Span(*_find(a1.body, "discussed the S-400 deal"),
                                                               "discussed the S-400 deal"),
               cue=None, speaker=Speaker(*_find(a1.body, "Turkish President Erdogan"), "Turkish President Erdogan",
                                         name="Recep Tayyip Erdogan", actor=ACTORS["TURGOV"]), direct=False)
    out.append(analysis(a1, [ev1], [q1]))
    a2 = article("Putin in Ankara",
                 "Russia's Putin visited Turkey's capital for talks with Erdogan. "
                 "Turkey said the meeting in Ankara was productive.",
                 "https://wire-two.example/putin-ankara", "Wire Two", "2020-12-30T08:00:00")
    ev2 = event(a2, "Russia's Putin visited Turkey's capital for talks with Erdogan.",
                "TUR", "Erdogan", "RUS", "Russia's Putin", "talks", "040", date="2020-12-29")
    ev2b = event(a2, "Russia's Putin visited Turkey's capital for talks with Erdogan.", "RUS", "Russia's Putin",
                 "TUR", "Turkey", "visited", "042", date="2020-12-29")
    out.append(analysis(a2, [ev2, ev2b]))
    a3 = article("Turkey and Russia leaders confer",
                 "Turkish officials met Russian counterparts in Ankara, a day after the summit began. "
                 "Separately, the United States accused Russia of aggression.",
                 "https://daily-three.example/confer", "Daily Three", "2020-12-30T15:00:00")
    ev3 = event(a3, "Turkish officials met Russian counterparts in Ankara, a day after the summit began.",
                "TURGOV", "Turkish officials", "RUSGOV", "Russian counterparts", "met", "040",
                date="2020-12-30", place="Ankara", place_country="TUR")
    ev4 = event(a3, "Separately, the United States accused Russia of aggression.", "USA", "the United States",
                "RUS", "Russia", "accused", "112", date="2020-12-30")
    out.append(analysis(a3, [ev3, ev4]))
    return out


def batch(n: int) -> list[Analysis]:
    """``n`` small articles over two months with recurring dyads: clusters form and merge."""
    out = []
    pairs = [("TURGOV", "Turkish officials", "RUSGOV", "Russian officials"),
             ("USAGOV", "American diplomats", "TURGOV", "Turkish officials"),
             ("RUSGOV", "Russian officials", "UKRMIL", "Ukrainian troops")]
    verbs = [("met", "040"), ("attacked", "190"), ("signed a deal with", "057")]
    for i in range(n):
        s, st, t, tt = pairs[i % 3]
        v, code = verbs[(i // 3) % 3]
        day = 5 + (i * 7) % 20
        month = 1 + (i % 2)
        sentence = f"{st} {v} {tt} on day {day} in report {i}."
        body = sentence + f" Story number {i} adds context."
        art = article(f"Report {i}", body, f"https://site{i % 4}.example/{i}", f"Site {i % 4}",
                      f"2021-{month:02d}-{day:02d}")
        out.append(analysis(art, [event(art, sentence, s, st, t, tt, v, code, hypothetical=(i % 11 == 5))]))
    return out


def write_jsonl(path: Path, analyses: list[Analysis]) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for a in analyses:
            rec = to_dict(a.article)
            for k in ("sentences", "entities", "actors", "quotes", "events"):
                rec[k] = [to_dict(x) for x in getattr(a, k)]
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


CONTENT_TABLES = ("articles", "sentences", "entities", "actor_mentions", "quotes", "mentions", "events", "errors",
                  "actor_totals", "dyad_totals")


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every content table's rows, sorted: two stores with equal dumps hold the same data."""
    c = sqlite3.connect(db)
    try:
        return {t: sorted(c.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in CONTENT_TABLES}
    finally:
        c.close()
