"""Attribution cues (speech verbs, "according to", nominal cues) loaded from data/speech_verbs.tsv."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path


KINDS = ("speech", "clausal", "belief", "evidence", "direct", "phrase", "noun", "medium")


@dataclass(frozen=True, slots=True)
class CueLexicon:
    verbs: dict[str, str]          # lemma -> kind (speech, clausal, belief, evidence, direct)
    phrases: frozenset[str]        # multi-word prepositions: "according to"
    nouns: frozenset[str]          # "in a statement": statement, interview, ...
    media: frozenset[str] = frozenset()  # "issued a statement saying": its issuer speaks

    def verb_kind(self, lemma: str) -> str | None:
        return self.verbs.get(lemma)


def parse_lexicon(text: str, source: str = "<lexicon>") -> CueLexicon:
    """A lexicon from TSV lines ``cue<TAB>kind[<TAB>note]``; '#' starts a comment line."""
    verbs: dict[str, str] = {}
    phrases: set[str] = set()
    nouns: set[str] = set()
    media: set[str] = set()
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 2 or cols[1].strip() not in KINDS:
            raise ValueError(f"{source}:{lineno}: expected 'cue<TAB>kind' with kind in {KINDS}: {line!r}")
        cue, kind = cols[0].strip().lower(), cols[1].strip()
        if kind == "phrase":
            phrases.add(cue)
        elif kind == "noun":
            nouns.add(cue)
        elif kind == "medium":
            media.add(cue)
        else:
            verbs[cue] = kind
    return CueLexicon(verbs=verbs, phrases=frozenset(phrases), nouns=frozenset(nouns), media=frozenset(media))


@lru_cache(maxsize=8)
def load_lexicon(path: str | None = None) -> CueLexicon:
    """The built-in cue lexicon, or a user's file of the same format."""
    if path:
        return parse_lexicon(Path(path).read_text(encoding="utf-8"), path)
    data = resources.files("tidings.nlp.quotes").joinpath("data/speech_verbs.tsv")
    return parse_lexicon(data.read_text(encoding="utf-8"), "speech_verbs.tsv")
