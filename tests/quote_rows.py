"""Quotes as rows of their texts, for the quote tests: ('content', 'speaker') pairs, or any of
'content', 'cue', 'speaker' and 'direct', each span checked against the text it claims."""
from __future__ import annotations

from tidings.nlp.quotes import find_quotes

FIELDS = ("content", "cue", "speaker", "direct")


def rows(nlp, text: str, learned: bool = True, fields=("content", "speaker")) -> list[tuple]:
    """The texts of ``fields`` of each quote found in ``text`` (None for a missing span)."""
    out = []
    for q in find_quotes(nlp(text), learned=learned):
        row = []
        for name in fields:
            value = getattr(q, name)
            if name != "direct" and value is not None:
                assert text[value.start:value.end] == value.text
                value = value.text
            row.append(value)
        out.append(tuple(row))
    return out


def rows_both(nlp, text: str, fields=FIELDS, same: bool = True) -> list[tuple]:
    """The rows by the rules alone, checking that the learned models keep them (``same``: and
    add none)."""
    rules, full = (rows(nlp, text, learned, fields) for learned in (False, True))
    assert rules == full if same else set(rules) <= set(full), (rules, full)
    return rules


def quotes_of(nlp, text, actors=None):
    return find_quotes(nlp(text), actors)


def assert_rules_find(nlp, text, content, cue, speaker):
    """The cue rules alone find a quote with this content (any, when None), a cue holding ``cue``
    and a speaker holding ``speaker``."""
    quotes = find_quotes(nlp(text), learned=False)
    found = [q for q in quotes if (content is None or q.content.text == content) and q.cue and cue in q.cue.text
             and q.speaker and speaker in q.speaker.text]
    assert found, [(q.content.text, q.cue and q.cue.text, q.speaker and q.speaker.text) for q in quotes]


def only(quotes):
    assert len(quotes) == 1, [(q.content.text, q.speaker and q.speaker.text) for q in quotes]
    return quotes[0]


def spans(text, q):
    """The quote as (content, cue, speaker text, speaker name, direct), checking offsets on the way."""
    for s in (q.content, q.cue, q.speaker):
        if s is not None:
            assert text[s.start:s.end] == s.text
    return (q.content.text, q.cue.text if q.cue else None, q.speaker.text if q.speaker else None,
            q.speaker.name if q.speaker else None, q.direct)


def with_actors(nlp, text: str, date: str):
    """(quotes, resolved actors) of ``text`` through the default actors layer, as `tidings analyze`
    finds them: speakers named and coded."""
    from tidings.actors import ActorResolver, load_kb
    doc = nlp(text)
    res = ActorResolver(load_kb()).resolve(doc, date)
    return find_quotes(doc, res, date), res
