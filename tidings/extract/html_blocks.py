"""Blocks of text (paragraphs) out of an extractor's output tree, with the features the selector needs.

Both trafilatura's output (``<p>``, ``<head>``, ``<list><item>``, ``<quote>``, ``<table><row><cell>``,
``<lb>``) and HTML (readability's summary) are walked by the same code: block-level tags end a
paragraph, inline tags do not, so the two candidates are cut into comparable units.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.etree import _Element

# tags that end a paragraph, in HTML and in trafilatura's XML output
_BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "pre", "table", "tr", "td", "th", "tbody", "thead", "section", "article", "header", "footer", "aside",
    "figure", "figcaption", "caption", "form", "nav", "address", "center", "hr",
    "head", "list", "item", "quote", "row", "cell", "code", "body", "html", "doc", "main",
})
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "head"})
_LIST_TAGS = frozenset({"li", "item", "dd", "dt"})
_CAPTION_TAGS = frozenset({"figcaption", "caption"})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "button", "select", "option", "textarea"})
_LINK_TAGS = frozenset({"a", "ref"})
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Block:
    text: str
    kind: str = "p"          # p | heading | item | caption
    link_chars: int = 0      # characters inside links

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text))


def blocks_of(root: _Element | None) -> list[Block]:
    """The paragraphs under ``root`` in document order (whitespace collapsed, empty ones dropped)."""
    out: list[Block] = []
    if root is None:
        return out
    parts: list[str] = []
    acc = {"kind": "p", "links": 0}

    def add(text: str | None, kind: str, in_link: bool) -> None:
        if text:
            parts.append(text)
            if text.strip():
                acc["kind"] = kind
            if in_link:
                acc["links"] += len(text.strip())

    def flush() -> None:
        if not parts:       # block tags often close with nothing since the last one
            acc["kind"], acc["links"] = "p", 0
            return
        text = " ".join("".join(parts).split())
        if text and _WORD.search(text):
            out.append(Block(text, acc["kind"], min(acc["links"], len(text))))
        parts.clear()
        acc["kind"], acc["links"] = "p", 0

    def walk(el: _Element, kind: str, in_link: bool) -> None:
        if not isinstance(el.tag, str):      # comments, processing instructions: only their tail counts
            add(el.tail, kind, in_link)
            return
        tag = el.tag.rsplit("}", 1)[-1].lower()
        if tag in _SKIP_TAGS:
            add(el.tail, kind, in_link)
            return
        if tag in ("br", "lb"):
            # a single line break keeps the paragraph (addresses, verse); paragraphs are block elements
            parts.append(" ")
            add(el.tail, kind, in_link)
            return
        block = tag in _BLOCK_TAGS
        inner = kind
        if block:
            flush()
            inner = ("heading" if tag in _HEADING_TAGS else "item" if tag in _LIST_TAGS
                     else "caption" if tag in _CAPTION_TAGS else "p")
        link = in_link or tag in _LINK_TAGS
        add(el.text, inner, link)
        for child in el:
            walk(child, inner, link)
        if block:
            flush()
        add(el.tail, kind, in_link)

    walk(root, "p", False)
    flush()
    return out
