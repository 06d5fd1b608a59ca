"""Who a speaker mention is: the actors layer when given, else light in-document rules.

With a ``ResolvedActors`` (tidings.actors) the speaker's name and coded actor come from
``span_actor`` (which includes its coreference). Without it, or where it finds nothing,
names come from these rules, in order:
  1. a named entity (PERSON, ORG, GPE, NORP) at the speaker's head word; a surname
     alone becomes the full name met earlier ("Lavrov" -> "Sergei Lavrov");
  2. a personal pronoun (he, she) is the nearest earlier named person who spoke, else the
     nearest earlier person named as a subject, else the nearest earlier person;
  3. a role noun phrase ("the Turkish minister", "the ministry") is the nearest earlier
     named speaker or person whose own mention carried that role word
     ("Turkish foreign minister Mevlüt Çavuşoğlu").
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import logging
from spacy.tokens import Doc, Span as SpacySpan

from tidings.nlp.parse import ents_in, false_persons
from tidings.records import Actor, Speaker


log = logging.getLogger(__name__)

NAMED = ("PERSON", "ORG", "GPE", "NORP")
PERSONAL = {"he", "she", "him", "her"}
GROUP = {"it", "they", "we", "them"}
# words that introduce or title a person and say nothing about who it is
# how many earlier names a pronoun, surname or role phrase is compared with: enough for an
# article, and it keeps a pathological 1 MB page linear
LOOKBACK = 300
TITLE_STOP = {"the", "a", "an", "mr", "mrs", "ms", "dr", "of", "'s"}
# what someone said or wrote, which speaks for its owner ("O'Brien's remarks suggest ...")
DOCUMENTS = {"remark", "remarks", "statement", "letter", "post", "tweet", "message", "comment", "email",
             "speech", "memo", "testimony", "interview", "announcement", "op-ed", "column"}
# the dashes that sign a quotation ('"..." \u2015 Carla Sanchez', '-Nate Cohn')
DASHES = "-\u2014\u2013\u2015"


@dataclass(slots=True)
class _Named:
    start: int          # token index
    name: str
    label: str
    roles: frozenset[str]   # lower-case lemmas that describe the mention (minister, foreign, ...)
    subject: bool


@dataclass(slots=True)
class SpeakerNamer:
    """Names speakers of one document; remembers the speakers already named (in order)."""
    doc: Doc
    actors: object | None = None
    _named: list[_Named] = field(default_factory=list)
    _spoke: list[_Named] = field(default_factory=list)
    _subjects: list[_Named] = field(default_factory=list)
    _person_words: set[str] = field(default_factory=set)
    _mention_at: dict | None = None     # the actors layer's mentions by char span, read once

    def __post_init__(self) -> None:
        nobody = false_persons(self.doc)
        for ent in self.doc.ents:
            if ent.label_ in NAMED and not (ent.label_ == "PERSON" and nobody(ent)):
                self._named.append(_Named(ent.start, _full_name(self._named, ent), ent.label_,
                                          _roles(ent), ent.root.dep_ in ("nsubj", "nsubjpass")))
        self._subjects = [n for n in self._named if n.subject]
        self._person_words = {w for n in self._named if n.label == "PERSON" for w in n.name.split()}

    def speaker(self, start: int, end: int, head: int) -> Speaker:
        """A Speaker for tokens [start, end) whose head word is ``head``."""
        doc = self.doc
        span = doc[start:end]
        name: str | None = None
        actor: Actor | None = None
        if self.actors is not None:
            mention = _span_actor(self.actors, span.start_char, span.end_char)
            if mention is None and not (start <= head < end and end - start == 1):
                mention = _span_actor(self.actors, doc[head].idx, doc[head].idx + len(doc[head]))
            if mention is not None and mention.actor is not None:
                actor = mention.actor
                # an actor named inside the phrase ('Jo Roe, director of Malawi's weather office')
                # gives the speaker's code, not the speaker's name
                if mention.start <= doc[head].idx < mention.end:
                    name = mention.actor.name
            elif mention is not None and mention.kind == "pronoun":
                # the actors layer linked the pronoun to someone the tables do not know ('A Qiang,
                # who used to work ...; he argues'): that person, not the last speaker named
                name = self._antecedent_name(mention)
        named = self._name(start, end, head)
        if named is not None:
            self._spoke.append(_Named(start, named.name, named.label, named.roles | _span_roles(span), True))
            if name is None and actor is not None and actor.name and named.name.split() and \
                    named.name.split()[-1] in actor.name.split():
                name = actor.name    # "Trump's statement": the statement's owner as the tables name him
            if name is None:
                name = named.name
        # a signature's dash glued to the name ('-Nate Cohn') is one token with it, not part of the name
        bare = span.text.lstrip(DASHES)
        lead = len(span.text) - len(bare) if bare else 0
        return Speaker(start=span.start_char + lead, end=span.end_char, text=span.text[lead:], name=name, actor=actor)

    def _antecedent_name(self, mention) -> str | None:
        """The name a pronoun's chain of 'pronoun:S-E' links ends at, when it ends at a name."""
        if self._mention_at is None:
            self._mention_at = {(m.start, m.end): m for m in getattr(self.actors, "mentions", ())}
        for _ in range(20):
            via = mention.via or ""
            if not via.startswith("pronoun:"):
                break
            try:
                s, e = (int(x) for x in via.split(":", 1)[1].split("-"))
            except ValueError:
                return None
            mention = self._mention_at.get((s, e))
            if mention is None:
                return None
        if mention.kind not in ("name", "surname"):
            return None
        if mention.actor is not None and mention.actor.name:
            return mention.actor.name
        return " ".join(mention.text.split())

    def _name(self, start: int, end: int, head: int) -> _Named | None:
        doc = self.doc
        tok = doc[head]
        if tok.pos_ == "PROPN" or tok.ent_type_ in NAMED:
            return self._proper(start, end, head)
        if tok.lower_ in PERSONAL:
            return (_last(self._spoke, start, "PERSON")
                    or _last(self._subjects, start, "PERSON")
                    or _last(self._named, start, "PERSON"))
        if tok.lower_ in GROUP:
            for n in reversed(_before(self._spoke, start)):
                if n.start < start and n.label != "PERSON":
                    return n
            return None
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in DOCUMENTS:
            # "O'Brien's remarks suggest ...": the remarks speak for O'Brien
            owner = next((c for c in tok.children if c.dep_ == "poss" and c.i >= start
                          and (c.pos_ == "PROPN" or c.ent_type_ in NAMED)), None)
            if owner is not None:
                return self._proper(start, end, owner.i)
        if tok.pos_ == "NOUN":
            described = _described(doc, tok)
            # 'Prosecutors' are not the one 'federal prosecutor Jacob Gutwillig' met before
            if described is not None and tok.tag_ != "NNS":
                for pool in (self._spoke, self._named):
                    for n in reversed(_before(pool, start)):
                        if described <= n.roles:
                            return n
            # a role phrase that names nobody met before is its own name ("Turkey's defence ministry")
            words = [t for t in doc[start:end] if t.dep_ not in ("det", "punct") and t.i <= head]
            if words:
                text = doc[words[0].i:head + 1].text
                person = any(e.label_ == "PERSON" for e in ents_in(doc, start, end))
                return _Named(start, text, "PERSON" if person else "ROLE", _span_roles(doc[start:end]), True)
        return None

    def _proper(self, start: int, end: int, head: int) -> _Named:
        """The name at a proper-noun head: its entity, else its run of proper nouns."""
        doc = self.doc
        ent = _entity_at(doc, head)
        if ent is not None and ent.label_ in NAMED:
            s, e, label = ent.start, ent.end, ent.label_
        else:
            s = e = head
            while s - 1 >= start and doc[s - 1].pos_ == "PROPN":
                s -= 1
            while e + 1 < end and doc[e + 1].pos_ == "PROPN" and doc[e + 1].dep_ in ("compound", "flat"):
                e += 1
            e += 1
            label = "PROPN"
        # an entity may run over a line break, and a signature's dash is glued to the first name
        text = " ".join(doc[s:e].text.split()).lstrip(DASHES) or doc[s:e].text
        if e - s == 1:
            for pool in (self._spoke, self._named):
                for n in reversed(_before(pool, s)):
                    if n.label == "PERSON" and n.name.endswith(" " + text):
                        return _Named(s, n.name, "PERSON", n.roles, True)
            if label == "PROPN":
                for pool in (self._spoke, self._named):
                    for n in reversed(_before(pool, s)):
                        if n.name == text:
                            return n
        if label == "PROPN":
            label = "PERSON" if all(w in self._person_words for w in text.split()) else "PROPN"
        return _Named(s, text, label, _span_roles(doc[start:end]), True)


def _span_actor(actors, start: int, end: int):
    try:
        return actors.span_actor(start, end)
    except Exception:   # a failure of the actors layer must not cost the quote its speaker span
        log.warning("actors.span_actor(%d, %d) failed; speaker left uncoded", start, end, exc_info=True)
        return None


def _entity_at(doc: Doc, i: int) -> SpacySpan | None:
    """The entity covering token i (walking its IOB tags: no scan of doc.ents)."""
    if not doc[i].ent_type_:
        return None
    s = i
    while doc[s].ent_iob_ == "I" and s > 0:
        s -= 1
    e = i + 1
    while e < len(doc) and doc[e].ent_iob_ == "I":
        e += 1
    return SpacySpan(doc, s, e, label=doc[i].ent_type_)


def _full_name(earlier: list[_Named], ent: SpacySpan) -> str:
    """A surname alone is the earlier full name that ends with it."""
    if ent.label_ == "PERSON" and len(ent) == 1:
        for n in reversed(_before(earlier, ent.start)):
            if n.label == "PERSON" and n.name != ent.text and n.name.endswith(" " + ent.text):
                return n.name
    return ent.text


def _roles(ent: SpacySpan) -> frozenset[str]:
    """Lemmas of the words around a name that describe it: 'foreign minister X', 'X, the ministry's'."""
    doc = ent.doc
    words = set()
    # up to six words back within the sentence (found by stepping back: Token.sent walks the
    # whole sentence, thousands of words in a run-on one)
    lo = ent.start
    while lo > max(0, ent.start - 6) and not doc[lo].is_sent_start:
        lo -= 1
    for t in doc[lo:ent.start]:
        if t.head.i >= ent.start and t.head.i < ent.end or t.head.head.i in range(ent.start, ent.end):
            if t.pos_ in ("NOUN", "ADJ", "PROPN") and t.lower_ not in TITLE_STOP:
                words.add(t.lemma_.lower())
    for t in ent.root.children:
        if t.dep_ == "appos":
            words.update(w.lemma_.lower() for w in t.subtree if w.pos_ in ("NOUN", "ADJ"))
    if ent.label_ == "ORG":
        words.update(t.lemma_.lower() for t in ent if t.pos_ in ("NOUN", "PROPN"))
    return frozenset(words)


def _described(doc: Doc, head) -> frozenset[str] | None:
    """Role words of a definite role phrase ('the Turkish minister'); None if it names itself
    (a possessive or proper-noun modifier: "Turkey's foreign ministry")."""
    words = {head.lemma_.lower()}
    for c in head.children:
        if c.i > head.i:
            continue
        if c.dep_ in ("poss",) or c.pos_ == "PROPN" or c.ent_type_ in ("GPE", "ORG", "PERSON"):
            return None
        if c.dep_ == "nummod" or c.like_num:
            return None     # '91 percent of them' is a share, not the '65 percent' met before
        if c.dep_ == "det" and c.lower_ not in ("the", "this", "that"):
            return None
        if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "NOUN"):
            words.add(c.lemma_.lower())
    return frozenset(words)


def _span_roles(span: SpacySpan) -> frozenset[str]:
    """Role words of a speaker phrase: 'Turkish foreign minister X' -> turkish, foreign, minister."""
    return frozenset(t.lemma_.lower() for t in span if t.pos_ in ("NOUN", "ADJ") and t.lower_ not in TITLE_STOP)


def _before(pool: list[_Named], start: int) -> list[_Named]:
    """The last LOOKBACK names of a position-ordered pool that come before token ``start``."""
    k = bisect.bisect_left(pool, start, key=lambda n: n.start)
    return pool[max(0, k - LOOKBACK):k]


def _last(pool: list[_Named], before: int, label: str) -> _Named | None:
    for n in reversed(_before(pool, before)):
        if n.start < before and n.label == label:
            return n
    return None
