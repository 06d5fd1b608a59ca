"""A document's token attributes as arrays, read once per Doc (cached in ``doc.user_data``).

The layers scan every token of a document for a few rare shapes (a verb of saying, 'according',
a relative clause). Asked of a spaCy Token, each attribute costs a Python object and a string
lookup, and a scan that puts ten tests to every token pays that ten times over. A scan first
narrows the tokens to those that could pass its tests (``Columns.where``), with the same
answers: the narrowing only ever drops tokens that every test would turn down.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
from spacy.attrs import DEP, LEMMA, LOWER, POS, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc

COLUMNS = "tidings_columns"


class Columns:
    """``pos``, ``tag``, ``dep``, ``lower`` and ``lemma`` of every token, as arrays of spaCy ids."""

    def __init__(self, doc: Doc):
        self.doc = doc
        if len(doc):
            arr = doc.to_array([POS, TAG, DEP, LOWER, LEMMA])
        else:
            arr = np.zeros((0, 5), dtype="uint64")
        self.pos, self.tag, self.dep, self.lower, self.lemma = (arr[:, k] for k in range(5))

    def pos_in(self, names: Iterable[str]) -> np.ndarray:
        return np.isin(self.pos, [POS_IDS[n] for n in names])

    def tag_in(self, names: Iterable[str]) -> np.ndarray:
        return np.isin(self.tag, _ids(names))

    def dep_in(self, names: Iterable[str]) -> np.ndarray:
        return np.isin(self.dep, _ids(names))

    def lower_in(self, words: Iterable[str]) -> np.ndarray:
        return np.isin(self.lower, _ids(words))

    def lemma_lower(self, test: Callable[[str], bool]) -> np.ndarray:
        """Tokens whose lower-cased lemma passes ``test`` (asked once per distinct lemma)."""
        strings = self.doc.vocab.strings
        ids = np.unique(self.lemma)
        keep = [i for i in ids.tolist() if test(strings[i].lower())]
        return np.isin(self.lemma, keep)

    def lower_test(self, test: Callable[[str], bool]) -> np.ndarray:
        """Tokens whose lower-cased form passes ``test`` (asked once per distinct form)."""
        strings = self.doc.vocab.strings
        keep = [i for i in np.unique(self.lower).tolist() if test(strings[i])]
        return np.isin(self.lower, keep)

    @staticmethod
    def where(mask: np.ndarray) -> list[int]:
        return np.flatnonzero(mask).tolist()


def _ids(strings: Iterable[str]) -> list[int]:
    return [get_string_id(s) for s in strings]


def columns(doc: Doc) -> Columns:
    """The document's columns, read once."""
    cached = doc.user_data.get(COLUMNS)
    if cached is None or cached.doc is not doc:
        cached = doc.user_data[COLUMNS] = Columns(doc)
    return cached
