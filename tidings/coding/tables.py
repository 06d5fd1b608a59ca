"""The coder's default tables, loaded once: the CAMEO verb dictionary (``data/``), nominal
events ('sanctions on', 'talks between'), the speech lexicon of disapproval and accusation
words, and the discard list."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tidings.coding.petrarch import read_discards
from tidings.coding.verbs import VerbDictionary, default_verbs, read_verbs_tsv


DATA = Path(__file__).with_name("data")


@dataclass(frozen=True, slots=True)
class Nominal:
    lemma: str
    code: str
    preps: tuple[str, ...]
    mutual: bool


@lru_cache(maxsize=1)
def nominals() -> dict[str, Nominal]:
    out = {}
    with (DATA / "nominals.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t"):
            out[row["lemma"]] = Nominal(row["lemma"], row["code"], tuple(row["preps"].split(",")),
                                        row["mutual"] == "yes")
    return out


@lru_cache(maxsize=1)
def speech_lexicon() -> dict[str, str]:
    out = {}
    with (DATA / "speech_lexicon.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t"):
            out[row["word"]] = row["code"]
    return out


@lru_cache(maxsize=1)
def default_discards() -> tuple:
    # year-only discards of the Phoenix list would drop every sentence mentioning a year
    return tuple((w, story) for w, story in read_discards(DATA / "discards.txt")
                 if not all(x.isdigit() for x in w))


@lru_cache(maxsize=1)
def default_verb_dictionary() -> VerbDictionary:
    vd = default_verbs()
    extra = DATA / "verbs_extra.tsv"
    if extra.exists():
        more = read_verbs_tsv(extra, DATA / "synsets_extra.tsv")
        for name, phrases in more.synsets.items():
            vd.synsets[name] = phrases + vd.synsets.get(name, [])
        for name, g in more.groups.items():
            if name in vd.groups:
                vd.groups[name].patterns = g.patterns + vd.groups[name].patterns
            else:
                vd.groups[name] = g
        vd.entries += more.entries
        vd.index()
    return vd
