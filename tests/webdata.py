"""Hand-built analyses for the web tests: a small store whose every number is known in advance.

Holds no tests; imported by tests/test_api.py, test_browser.py and test_xss.py. Records are built
the way the pipeline builds them (offsets into the body, spans carrying their text), then stored
with the real ``Store.add``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tidings.ids import article_id, stable_id
from tidings.records import (Actor, ActorMention, Analysis, Article, Entity, EventMention, Evidence, Place,
                             Quote, Sentence, Span, Speaker)

ACTORS = {
    "TURGOV": Actor("TURGOV", "TUR", "GOV", "Turkish government"),
    "RUSGOV": Actor("RUSGOV", "RUS", "GOV", "Russian government"),
    "RUSMIL": Actor("RUSMIL", "RUS", "MIL", "Russian military"),
    "USAGOV": Actor("USAGOV", "USA", "GOV", "United States government"),
    "UKRMIL": Actor("UKRMIL", "UKR", "MIL", "Ukrainian military"),
}
CAMEO = {  # code -> (name, goldstein, quad class, PLOVER type)
    "040": ("Consult", 1.0, 1, "CONSULT"),
    "036": ("Express intent to meet or negotiate", 4.0, 1, "CONSULT"),
    "057": ("Sign formal agreement", 8.0, 1, "AGREE"),
    "061": ("Cooperate economically", 6.4, 2, "COOPERATE"),
    "112": ("Accuse", -2.0, 3, "ACCUSE"),
    "190": ("Use conventional military force", -10.0, 4, "ASSAULT"),
}


def find(body: str, text: str, after: int = 0) -> tuple[int, int]:
    i = body.index(text, after)
    return i, i + len(text)


def make_article(title: str, body: str, url: str | None, site: str | None, published: str | None) -> Article:
    return Article(id=article_id(body, title), source=url or title, url=url, site=site, title=title,
                   author=None, published=published, published_from="meta" if published else None,
                   language="en", format="html", body=body)


def make_event(art: Article, sentence: str, src: str, src_text: str, tgt: str, tgt_text: str, trigger: str,
               code: str, date: str | None = None, place: str | None = None, hypothetical: bool = False,
               confidence: float = 0.8) -> EventMention:
    s0, _ = find(art.body, sentence)
    ss, se = find(art.body, src_text, s0)
    ts, te = find(art.body, tgt_text, s0)
    tr, tre = find(art.body, trigger, s0)
    name, gold, quad, ptype = CAMEO[code]
    return EventMention(
        id=stable_id("mention", art.id, ss, ts, tr, code), article_id=art.id,
        source=ActorMention(src_text, ss, se, ACTORS[src]), target=ActorMention(tgt_text, ts, te, ACTORS[tgt]),
        cameo={"code": code, "name": name}, goldstein=gold, quad_class=quad,
        plover={"type": ptype, "mode": None, "context": []},
        context={"negated": False, "hypothetical": hypothetical, "future": False, "historical": False},
        date=date or (art.published or "")[:10] or None, date_granularity="day", date_from="article",
        place=Place(place, None, None, None) if place else None, confidence=confidence,
        evidence=Evidence(sentence=sentence, sentence_start=s0, trigger=Span(tr, tre, trigger),
                          source=Span(ss, se, src_text), target=Span(ts, te, tgt_text)))


def make_quote(art: Article, content: str, speaker_text: str, cue: str, actor: str | None = None) -> Quote:
    cs, ce = find(art.body, content)
    ss, se = find(art.body, speaker_text)
    us, ue = find(art.body, cue, ce)
    return Quote(id=stable_id("quote", art.id, cs, ce), content=Span(cs, ce, content), cue=Span(us, ue, cue),
                 speaker=Speaker(ss, se, speaker_text, name=speaker_text, actor=ACTORS.get(actor or "")),
                 direct=True)


def make_analysis(art: Article, events: list[EventMention], quotes: list[Quote] | None = None,
                  entities: list[tuple[str, str]] | None = None) -> Analysis:
    body = art.body
    # sentences end at a full stop followed by space or the end, never across a paragraph break
    sents = [Sentence(m.start(), m.end(), m.group()) for m in re.finditer(r"\S(?:[^\n]*?)(?:\.(?=\s|$)|(?=\n\n)|$)", body)]
    ents = []
    for label, text in entities or []:
        s, e = find(body, text)
        ents.append(Entity(label, s, e, text))
    actors = [m for ev in events for m in (ev.source, ev.target) if m]
    return Analysis(article=art, sentences=sents, entities=ents, actors=actors, quotes=list(quotes or []),
                    events=events)


@dataclass
class Built:
    """What the tests need to know about the store they get."""
    path: Path
    articles: dict[str, Article] = field(default_factory=dict)    # name -> article
    mentions: dict[str, EventMention] = field(default_factory=dict)


MEETING = "Turkish Foreign Minister Mevlut Cavusoglu met Russian Foreign Minister Sergey Lavrov in Moscow on Tuesday."


def build_store(path: Path) -> Built:
    """Five articles: three report one Turkey-Russia meeting (one event, three articles), and
    events in both directions over three months, conflict and cooperation, one hypothetical."""
    from tidings.store import Store

    b = Built(path=path)
    meeting = []
    for i, (site, title) in enumerate([("example-news.org", "Turkey and Russia hold talks in Moscow"),
                                       ("daily-wire.example", "Cavusoglu meets Lavrov"),
                                       ("world-report.example", "Ankara and Moscow talk defence")]):
        body = (f"{MEETING} The two ministers discussed the S-400 delivery schedule.\n\n"
                f"\"We have agreed on the next steps,\" Lavrov said after the talks. Report {i + 1}.")
        art = make_article(title, body, f"https://{site}/2020/12/talks-{i}", site, "2020-12-29")
        ev = make_event(art, MEETING, "TURGOV", "Turkish Foreign Minister Mevlut Cavusoglu", "RUSGOV",
                        "Russian Foreign Minister Sergey Lavrov", "met", "040", place="Moscow")
        q = make_quote(art, "We have agreed on the next steps,", "Lavrov", "said", "RUSGOV")
        b.articles[f"meeting{i}"] = art
        b.mentions[f"meeting{i}"] = ev
        meeting.append(make_analysis(art, [ev], [q], [("PERSON", "Mevlut Cavusoglu"), ("PERSON", "Sergey Lavrov"),
                                                      ("GPE", "Moscow")]))

    body = ("Russia accused Turkey of violating the ceasefire in Idlib on Monday. "
            "Turkish drones struck Russian positions near the border. "
            "Ankara said it may sign a trade deal with Moscow next year.\n\n"
            "Officials in Ankara rejected the accusation.")
    art = make_article("Tensions rise over Idlib", body, "https://example-news.org/2020/10/idlib", "example-news.org",
                       "2020-10-12")
    b.articles["idlib"] = art
    accuse = make_event(art, "Russia accused Turkey of violating the ceasefire in Idlib on Monday.", "RUSGOV", "Russia",
                        "TURGOV", "Turkey", "accused", "112", date="2020-10-12", place="Idlib", confidence=0.9)
    strike = make_event(art, "Turkish drones struck Russian positions near the border.", "TURGOV", "Turkish drones",
                        "RUSMIL", "Russian positions", "struck", "190", date="2020-10-11", confidence=0.7)
    maybe = make_event(art, "Ankara said it may sign a trade deal with Moscow next year.", "TURGOV", "Ankara",
                       "RUSGOV", "Moscow", "sign", "057", date="2020-10-12", hypothetical=True, confidence=0.5)
    b.mentions.update(accuse=accuse, strike=strike, maybe=maybe)
    idlib = make_analysis(art, [accuse, strike, maybe], [], [("GPE", "Idlib"), ("GPE", "Ankara")])

    body = ("The United States and Turkey agreed to expand economic cooperation on Friday. "
            "Washington will cooperate with Ankara on steel tariffs.")
    art = make_article("US and Turkey expand trade", body, "https://daily-wire.example/2020/11/trade",
                       "daily-wire.example", "2020-11-20")
    b.articles["trade"] = art
    coop = make_event(art, "Washington will cooperate with Ankara on steel tariffs.", "USAGOV", "Washington",
                      "TURGOV", "Ankara", "cooperate", "061", date="2020-11-20", confidence=0.6)
    b.mentions["coop"] = coop
    trade = make_analysis(art, [coop], [], [("GPE", "Washington"), ("GPE", "Ankara")])

    with Store(path) as st:
        for a in [*meeting, idlib, trade]:
            st.add(a)
    return b


# -- a real server and a real browser ----------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"


def skip_without_chromium():
    import pytest
    if not CHROMIUM.exists():
        pytest.skip("Debian's Chromium is not installed at /usr/bin/chromium (apt-get install -y chromium; "
                    "CI installs it)", allow_module_level=True)
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("playwright (Python) is not installed", allow_module_level=True)


class LiveServer:
    """uvicorn serving an app on 127.0.0.1 at a free port, in a thread of this process."""

    def __init__(self, app):
        import socket
        import threading

        import uvicorn
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> "LiveServer":
        import time
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)


class PageProblems:
    """Console errors, uncaught exceptions and CSP violations seen by a page (none expected)."""

    def __init__(self, page):
        self.items: list[str] = []
        page.on("console", lambda m: self.items.append(f"console.{m.type}: {m.text}")
                if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: self.items.append(f"pageerror: {e}"))
