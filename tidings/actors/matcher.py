"""Cheap knowledge-base matching over a parsed Doc: one pass of a token trie, longest match.

No re-parsing: the Doc's tokens, tags and entity labels decide which of the entries sharing
an alias fits (a PERSON entity prefers a person, a GPE a country, ...).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from tidings.actors.kb import DATA, Entry, KnowledgeBase, first_names, fold, norm
from tidings.nlp.columns import columns
from tidings.nlp.parse import inword_hyphen

NAME_KINDS = frozenset({"country", "demonym", "capital", "place", "region", "seat", "org", "named"})
# Which entry kinds an entity label points to, best first.
_LABEL_PREF = {
    "PERSON": ("named",),
    "GPE": ("country", "region", "capital", "seat", "place", "org", "named"),
    "LOC": ("region", "place", "country", "capital"),
    "NORP": ("demonym", "org", "named", "country"),
    "ORG": ("org", "seat", "named", "country"),
    "FAC": ("seat", "org", "named", "place"),
}
_LEAD_WORDS = frozenset({"the", "al", "el", "a", "an"})


@lru_cache(maxsize=1)
def _big_cities() -> frozenset[str]:
    """Names of the cities of a million people or more (``data/generated/big_cities.tsv``)."""
    with open(DATA / "generated" / "big_cities.tsv", encoding="utf-8") as fh:
        return frozenset(fold(line.strip()) for line in list(fh)[1:] if line.strip())


@dataclass(slots=True)
class Match:
    start: int          # token index
    end: int            # token index, exclusive
    entry: Entry
    alts: tuple[Entry, ...] = ()   # other readings of the same words (an agent under a name)

    @property
    def kind(self) -> str:
        return self.entry.kind


def _initials(tok, entry: Entry) -> bool:
    """'U.N.' opening an international body's news name ('the U.N. refugee agency'): a word of the
    name, capitalised, though not all letters."""
    return entry.kind == "org" and entry.code.startswith("IGO") and bool(_INITIALS.match(tok.text))


_INITIALS = re.compile(r"^(?:[A-Z]\.){2,}$")


def _case_ok(span: Span, entry: Entry, exact: tuple[str, ...] | None) -> bool:
    if exact is not None:
        return tuple(fold(t.text) for t in span) == tuple(fold(w) for w in exact)
    if entry.kind == "agent":
        return True
    # Names are capitalised: "turkey" the bird, "chad", "china" the porcelain are not actors.
    first = next((t for t in span if t.lower_ not in _LEAD_WORDS and (t.is_alpha or _initials(t, entry))), None)
    if first is None or not first.text[:1].isupper():
        return False
    if len(span) == 1 and entry.kind in ("named", "org") and span[0].pos_ != "PROPN" and not span[0].ent_type_:
        return False
    return True


def _choose(bucket: list, span: Span, kb: KnowledgeBase) -> tuple[Entry, tuple[Entry, ...]] | None:
    ok = [e for e, exact in bucket if _case_ok(span, e, exact)]
    if not ok:
        return None
    chosen = _pick(ok, span, kb)
    if chosen is None:
        return None
    return chosen, tuple(e for e in ok if e is not chosen)


_PLACE_KINDS = ("country", "capital", "place", "region", "demonym")


def _pick(ok: list[Entry], span: Span, kb: KnowledgeBase) -> Entry | None:
    label = next((t.ent_type_ for t in span if t.ent_type_), "")
    if label == "PERSON" and all(t.ent_type_ == "PERSON" for t in span):
        # a country or city name inside a longer person's name ("Douglas" in "Douglas Paul
        # James") is the person's, and part of a longer name ("Hussein" in "Mohammed Hussein
        # Roble") is someone else; a whole "PERSON" that is a country is the tagger's mistake
        doc = span.doc
        s0, e0 = span.start, span.end
        while s0 > 0 and doc[s0].ent_iob_ == "I":
            s0 -= 1
        while e0 < len(doc) and doc[e0].ent_iob_ == "I":
            e0 += 1
        rest = [doc[i] for i in (*range(s0, span.start), *range(span.end, e0))
                if doc[i].is_alpha and doc[i].lower_ != "s"]
        if rest and all(t.tag_ in ("NNPS", "NNS") for t in rest):
            # ... unless the rest is a plural: 'Myanmar Buddhists', 'Rakhine Muslims' tagged PERSON
            # are a group of that place, 'Donald Trump Tweets' a headline; but in 'Elizabeth Banks'
            # the place is a first name
            if span[0].text in first_names():
                ok = [e for e in ok if e.kind not in _PLACE_KINDS]
        elif rest:
            ok = [e for e in ok if e.kind not in (*_PLACE_KINDS, "named")]
            titles_next = e0 < len(doc) and (doc[e0].ent_type_ == "PERSON" or doc[e0].pos_ == "PROPN")
            if span.start > s0 and span.end == e0 and _given_name(doc[span.start - 1], s0, kb) \
                    and not titles_next:
                # a sector word ending a name after a given name is a surname: 'Elizabeth Banks',
                # 'Olivia Pope', 'Larry King'; before a name it is a title ('Charlotte Mayor
                # Jennifer Roberts')
                ok = [e for e in ok if e.kind != "agent"]
        else:
            # in a sentence, a PERSON that only a town spells is a person ('Bush', the Egyptian
            # town; 'Jackson', 'Austin'); a city of millions is the tagger's mistake ('Sydney' is a
            # first name too), and so is a label given to a name standing alone or after 'in'
            person = len(doc) > len(span) + 1 and span.root.dep_ != "pobj"
            ok = sorted((e for e in ok if e.kind != "place" or not person or fold(e.name) in _big_cities()),
                        key=lambda e: e.kind != "named")
        if not ok:
            return None
    top = max(e.rank for e in ok)
    if top > min(e.rank for e in ok):
        # a later table (hand-written or the user's) overrides the converted dictionaries,
        # unless the entity label clearly asks for another kind of entry
        label = next((t.ent_type_ for t in span if t.ent_type_), "")
        own = [e for e in ok if e.rank == top]
        # ... and an organisation of a later table replaces a converted "named" entry of the
        # same name even under a PERSON label the tagger gave it ('Ansar Allah', now the Houthis)
        replaced = any(e.kind == "org" for e in own) and all(e.kind == "named" for e in ok if e.rank < top)
        if not label or replaced or any(e.kind in _LABEL_PREF.get(label, ()) for e in own):
            ok = own
    label = next((t.ent_type_ for t in span if t.ent_type_), "")
    prefs = _LABEL_PREF.get(label)
    if prefs:
        for kind in prefs:
            for e in ok:
                if e.kind == kind:
                    return e
    # Without an entity label, a country reading beats a person with the same alias,
    # and an agent (sector word) beats a name it happens to spell.
    for kind in ("country", "demonym", "region", "capital", "seat", "org", "agent", "named", "place"):
        for e in ok:
            if e.kind == kind:
                return e
    return ok[0]


def _given_name(tok, entity_start: int, kb: KnowledgeBase) -> bool:
    """A first name: one of the table's, or the first word of a PERSON name that the tables know
    as nothing else (not a place, a nation, an organisation or a title: 'Florida Senator')."""
    if tok.text in first_names():
        return True
    return tok.i == entity_start and tok.pos_ == "PROPN" and tok.is_title and not kb.lookup([tok.text])


def find_matches(doc: Doc, kb: KnowledgeBase) -> list[Match]:
    """Longest non-overlapping KB matches, left to right."""
    keys = columns(doc).texts(norm)
    n = len(keys)
    trie = kb.trie
    out: list[Match] = []
    i = 0
    while i < n:
        node = trie.get(keys[i])
        best: tuple[int, Entry] | None = None
        j = i
        while node is not None:
            j += 1
            bucket = node.get(None)
            if bucket:
                chosen = _choose(bucket, doc[i:j], kb)
                if chosen is not None:
                    best = (j, chosen)
            if j >= n:
                break
            nxt = node.get(keys[j])
            if nxt is None and j + 1 < n and inword_hyphen(doc, j):
                # 'Director-General', 'Governor-General': a hyphen inside a title is the space
                # of the table's 'director general'
                nxt = node.get(keys[j + 1])
                j += 1 if nxt is not None else 0
            node = nxt
        if best is not None:
            out.append(Match(i, best[0], best[1][0], best[1][1]))
            i = best[0]
        else:
            i += 1
    return out
