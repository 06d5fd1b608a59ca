"""What a format-specific extractor returns; ``tidings.extract`` turns it into an ``Article``."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class ExtractResult:
    body: str                          # paragraphs separated by one blank line ("\n\n")
    title: str | None = None           # the headline, not the <title> with the site suffix
    site: str | None = None            # site name ("EUobserver"), else the host
    author: str | None = None
    published: str | None = None       # ISO date or datetime
    published_from: str | None = None  # meta, url, byline, text, banner, json-ld, ...
    language: str | None = None        # ISO 639-1
    url: str | None = None             # canonical URL found in the page, if any
    warnings: list[str] = field(default_factory=list)


class ExtractError(Exception):
    """The page cannot give an article (empty, binary, no text...): message names the reason."""
