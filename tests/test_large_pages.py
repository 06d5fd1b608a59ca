"""Pages with thousands of quotations, names and sentences: the lookups that replaced scans of every
item (tidings.intervals and its users) give the answers the scans gave, and a long paragraph
goes through the whole pipeline."""
from __future__ import annotations

import random

import pytest

from tidings.actors.resolve import ResolvedActors
from tidings.coding.sentences import QuoteAt, StartIndex
from tidings.intervals import Intervals
from tidings.nlp.parse import ents_in
from tidings.records import Actor, ActorMention, Quote, Span


def _random_extents(rng: random.Random, n: int, page: int = 2000, longest: int = 60) -> list[tuple[int, int]]:
    out = []
    for _ in range(n):
        s = rng.randrange(page)
        out.append((s, s + rng.randrange(0, longest)))
    return out


@pytest.mark.parametrize("seed", range(5))
def test_intervals_find_what_a_scan_finds(seed):
    rng = random.Random(seed)
    extents = _random_extents(rng, 300)
    index = Intervals((s, e, i) for i, (s, e) in enumerate(extents))
    for s, e in _random_extents(rng, 200):
        scan = {i for i, (a, b) in enumerate(extents) if a < e and b > s}
        assert {i for _, _, i in index.overlapping(s, e)} == scan


@pytest.mark.parametrize("seed", range(5))
def test_span_actor_picks_what_a_scan_picks(seed):
    rng = random.Random(seed)
    mentions = [ActorMention(text="x", start=s, end=e, kind="name", via="t",
                             actor=Actor(code="TUR", country="TUR", sector=None, name=None, kb_id=None)
                             if rng.random() < 0.5 else None)
                for s, e in _random_extents(rng, 200)]
    resolved = ResolvedActors(mentions=mentions)

    def scan(start, end):
        best, best_key = None, None
        for m in mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap <= 0:
                continue
            key = (m.actor is not None, overlap, -m.start)
            if best_key is None or key > best_key:
                best, best_key = m, key
        return best

    for s, e in _random_extents(rng, 200):
        assert resolved.span_actor(s, e) is scan(s, e)


def test_quote_at_gives_the_first_quote_in_list_order():
    def quote(qid, s, e):
        return Quote(id=qid, content=Span(s, e, "x" * (e - s)), cue=None, speaker=None, direct=True)
    quotes = [quote("late", 50, 90), quote("outer", 0, 100), quote("inner", 10, 20)]
    at = QuoteAt(quotes)
    assert at(15) == "outer"          # listed before 'inner', which holds it too
    assert at(60) == "late"
    assert at(100) is None and at(-1) is None
    assert QuoteAt([])(5) is None


def test_start_index_keeps_list_order():
    items = [(5, "a"), (1, "b"), (3, "c"), (9, "d")]
    index = StartIndex(items, lambda x: x[0])
    assert index.starting_in(1, 6) == [(5, "a"), (1, "b"), (3, "c")]
    assert index.starting_in(6, 9) == []


def test_ents_in_equals_spacy_span_ents(nlp):
    doc = nlp("Turkish Foreign Minister Mevlut Cavusoglu met Sergei Lavrov in Sochi on Tuesday. "
              "NATO and the European Union said Ankara and Moscow had signed a deal worth $2.5 billion.")
    for start in range(0, len(doc), 3):
        for end in range(start, len(doc) + 1, 4):
            assert [(e.start, e.end, e.label_) for e in ents_in(doc, start, end)] == \
                   [(e.start, e.end, e.label_) for e in doc[start:end].ents]


def test_long_paragraph_of_quotations_through_the_pipeline():
    from tidings.pipeline import Pipeline
    from tidings.records import Article
    unit = ('"We will not give up the fight," Mr. Smith told reporters in Ankara, and Turkish officials '
            'said the talks with Russia would go on. ')
    body = unit * 150                       # one paragraph of about 19,000 characters
    article = Article(id="long", source="long", url=None, site=None, title=None, author=None,
                      published="2020-01-01", published_from=None, language="en", format="text", body=body)
    (analysis,) = Pipeline(events=True).analyze([article])
    direct = [q for q in analysis.quotes if q.direct]
    assert len(direct) == 150
    assert {q.content.text for q in direct} == {'"We will not give up the fight,"'}
    assert {q.speaker.text for q in direct} == {"Mr. Smith"}
    assert all(body[q.content.start:q.content.end] == q.content.text for q in analysis.quotes)


def test_long_texts_are_parsed_in_pieces_into_one_doc(nlp):
    from tidings.nlp.parse import parse_many, pieces
    unit = ('"We will not give up the fight," Mr. Smith told reporters in Ankara, and Turkish officials '
            'said the talks with Russia would go on. ')
    text = unit * 40 + "\n\nA second paragraph follows here. " * 30
    parts = pieces(text, 2000)
    assert "".join(parts) == text and all(len(p) <= 2000 for p in parts) and len(parts) > 3
    short, long_doc, last = parse_many(nlp, ["A short text.", text, "Another."], batch_size=2, chunk_chars=2000)
    assert (short.text, long_doc.text, last.text) == ("A short text.", text, "Another.")
    # each cut falls between sentences, and the Doc carries the pieces' entities and parse
    cuts, at = set(), 0
    for p in parts[:-1]:
        at += len(p)
        cuts.add(at)
    starts = {s.start_char for s in long_doc.sents} | {len(text)}
    assert all(any(abs(c - s) <= 2 for s in starts) for c in cuts)
    assert sum(e.text == "Ankara" for e in long_doc.ents) == 40
    assert all(t.dep_ for t in long_doc if not t.is_space)
