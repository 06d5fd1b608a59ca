"""The country of an unnamed group, read off the sentence it is in.

'Georgian police detained dozens of protesters', 'Nigerian troops killed 20 militants': the
dictionaries give protesters, militants, gunmen or strikers a sector but no country, and an event
needs both sides to be of a country (or an international body). The sentence says it: the
country of the place named as where it happened ('... militants in Borno state'), else the one
country whose state organs (government, police, army, courts) act in it when no other country is
named. Only groups of people who are usually of the country they act in get one (a list of nouns:
protesters and opposition, armed groups, police, workers, students, criminal gangs); not civilians
at large, detainees, migrants or refugees, who are often foreigners, nor pronouns. The
mention says how it got its country (``via="coder:country-of-place"`` or
``"coder:country-of-state"``).
"""
from __future__ import annotations

from spacy.tokens import Span

from tidings.coding.places import lookup_place
from tidings.coding.roles import STATE_SECTORS, ParsedMention, recoded, resolve_text
from tidings.nlp.parse import ents_in
from tidings.records import Actor

# the nouns (lemmas) of the groups that take the country of the sentence
_LOCAL_GROUPS = frozenset({"protester", "protestor", "demonstrator", "opposition", "activist", "dissident",
                           "striker", "worker", "student", "militant", "insurgent", "rebel", "gunman", "fighter",
                           "terrorist", "jihadist", "separatist", "militia", "militiaman", "paramilitary",
                           "bandit", "kidnapper", "gang", "police", "policeman", "officer"})
# the organs of a state that act in it: its apparatus and its legislature
_ORGANS = STATE_SECTORS | {"LEG"}
_IN_PLACE = frozenset({"in", "inside", "within", "across", "throughout", "around", "near"})


def place_country(sent: Span) -> str | None:
    """The one country of the places the sentence says things happened in: 'in X' on a verb
    ('detained protesters in Tbilisi') or on one of the local groups ('protesters in Nairobi
    clashed with police'), not on another noun ('join an armed group in Lebanon' says where the
    group is, not where the people who join it are from)."""
    found = set()
    for ent in ents_in(sent.doc, sent.start, sent.end):
        root = ent.root
        if ent.label_ not in ("GPE", "LOC") or root.dep_ != "pobj" or root.head.lower_ not in _IN_PLACE:
            continue
        gov = root.head.head
        if gov.pos_ not in ("VERB", "AUX") and gov.lemma_.lower() not in _LOCAL_GROUPS:
            continue
        place = lookup_place(ent.text)
        if place is not None and place.country:
            found.add(place.country)
    return found.pop() if len(found) == 1 else None


def state_country(sent: Span, local: list[ParsedMention], date: str | None) -> str | None:
    """The country whose state organs are named in the sentence, when no other country is named,
    not even as an adjective ('Paris was accused of aiding rebels fighting Gbagbo', 'Islamabad
    blamed militants on Afghan soil': the groups are not French, not Pakistani)."""
    if any(m.real and m.mention.actor and not m.mention.actor.country for m in local):
        return None         # an international body or group is named: 'terrorists' may be the Islamic State
    named = {m.mention.actor.country for m in local if m.real and m.mention.actor and m.mention.actor.country}
    states = {m.mention.actor.country for m in local if m.real and m.mention.actor and m.mention.actor.country
              and m.mention.actor.sector in _ORGANS}
    if len(states) != 1 or named != states:
        return None
    for ent in ents_in(sent.doc, sent.start, sent.end):
        if ent.label_ in ("GPE", "NORP"):
            actor = resolve_text(ent.text, date)
            if actor is not None and actor.country and actor.country not in states:
                return None
    return next(iter(states))


def _local_group(doc, m: ParsedMention) -> bool:
    a = m.mention.actor
    if m.real or a is None or a.country or m.mention.kind == "pronoun":
        return False
    root = doc[m.root]
    if any(t.lower_ in ("anti", "pro") for t in root.subtree if t.i < root.i):
        return False        # 'anti-Pakistan fighters': the country they fight is not theirs
    if any(t.pos_ == "PROPN" for t in root.subtree if t.i <= root.i) or \
            any(doc[i].pos_ == "PROPN" for i in range(m.start, m.end)):
        return False        # 'Nusra fighters', the 'Gang of Eight': a named group the tables lack
    return root.lemma_.lower() in _LOCAL_GROUPS


def with_local_countries(sent: Span, local: list[ParsedMention], date: str | None = None) -> list[ParsedMention]:
    """``local`` with the unnamed local groups given the sentence's country (see module doc)."""
    groups = [m for m in local if _local_group(sent.doc, m)]
    if not groups:
        return local
    country, how = place_country(sent), "place"
    if country is None:
        country, how = state_country(sent, local, date), "state"
    if country is None:
        return local
    out = []
    for m in local:
        if m in groups:
            a = m.mention.actor
            m = recoded(m, Actor(code=country + a.code, country=country, sector=a.sector, name=a.name, kb_id=a.kb_id),
                        f"coder:country-of-{how}")
        out.append(m)
    return out
