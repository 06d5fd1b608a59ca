"""Stable content ids: the same content gives the same id on any machine, in any order."""
from __future__ import annotations

import hashlib
import re
import unicodedata

_WS = re.compile(r"\s+")


def normalise(text: str) -> str:
    """NFC, collapsed whitespace, stripped: what 'the same content' means for ids."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def stable_id(*parts: object, length: int = 16) -> str:
    """Hex digest of the parts joined with a separator that cannot occur in them."""
    h = hashlib.sha256()
    for p in parts:
        h.update(str(p).encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


def article_id(body: str, title: str | None = None) -> str:
    return stable_id("article", normalise(title or ""), normalise(body))
