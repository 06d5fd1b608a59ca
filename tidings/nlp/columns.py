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
from spacy.attrs import DEP, HEAD, IS_ALPHA, LEMMA, LOWER, ORTH, POS, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc

COLUMNS = "tidings_columns"


class Columns:
    """``pos``, ``tag``, ``dep``, ``lower``, ``lemma`` and ``orth`` (the text) of every token, as
    arrays of spaCy ids, ``alpha`` (1 for a word of letters) and ``head`` (the head's index)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        if len(doc):
            arr = doc.to_array([POS, TAG, DEP, LOWER, LEMMA, ORTH, IS_ALPHA, HEAD])
        else:
            arr = np.zeros((0, 8), dtype="uint64")
        self.pos, self.tag, self.dep, self.lower, self.lemma, self.orth, self.alpha = (arr[:, k] for k in range(7))
        # the head's index (spaCy stores the offset to it, negative ones wrapped in uint64)
        self.head = np.arange(len(doc), dtype=np.int64) + arr[:, 7].astype(np.int64)
        self._strings: dict[str, tuple[np.ndarray, list[str]]] = {}
        self._memo: dict[str, object] = {}

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
        return self._passing("lemma", lambda lemma: test(lemma.lower()))

    def lower_test(self, test: Callable[[str], bool]) -> np.ndarray:
        """Tokens whose lower-cased form passes ``test`` (asked once per distinct form)."""
        return self._passing("lower", test)

    def tag_test(self, test: Callable[[str], bool]) -> np.ndarray:
        """Tokens whose fine-grained tag passes ``test``."""
        return self._passing("tag", test)

    def lowers(self) -> list[str]:
        """Every token's lower-cased form (``Token.lower_``)."""
        return self.memo("lowers", lambda c: c.texts(str, "lower"))

    def texts(self, fn: Callable[[str], str], column: str = "orth") -> list[str]:
        """``fn`` of every token's text (or of another string column), once per distinct string."""
        inverse, words = self._distinct(column)
        mapped = [fn(w) for w in words]
        return [mapped[k] for k in inverse.tolist()]

    def alpha_between(self) -> np.ndarray:
        """``a[e] - a[s]`` is the number of words of letters among tokens [s, e)."""
        return self.memo("alpha_sums", lambda c: np.concatenate(([0], np.cumsum(c.alpha.astype(np.int64)))))

    def _distinct(self, column: str) -> tuple[np.ndarray, list[str]]:
        """(token -> index of its string, the distinct strings) of a string column, read once."""
        if column not in self._strings:
            ids, inverse = np.unique(getattr(self, column), return_inverse=True)
            strings = self.doc.vocab.strings
            self._strings[column] = (inverse, [strings[i] for i in ids.tolist()])
        return self._strings[column]

    def _passing(self, column: str, test: Callable[[str], bool]) -> np.ndarray:
        inverse, words = self._distinct(column)
        if not words:
            return np.zeros(len(self.pos), dtype=bool)
        return np.fromiter((test(w) for w in words), dtype=bool, count=len(words))[inverse]

    def memo(self, key: str, make: Callable[[Columns], object]):
        """``make(self)``, computed once per document under ``key`` (a scan's candidate list)."""
        if key not in self._memo:
            self._memo[key] = make(self)
        return self._memo[key]

    def heads_of(self, mask: np.ndarray, left: bool = False) -> np.ndarray:
        """Tokens that head a token of ``mask`` (standing to their left only, if ``left``)."""
        kids = np.flatnonzero(mask)
        heads = self.head[kids]
        if left:
            heads = heads[heads > kids]
        out = np.zeros(len(self.head), dtype=bool)
        out[heads] = True
        return out

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
