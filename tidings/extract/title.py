"""Headline, site name, author, language and canonical URL from an HTML page's markup.

The ``<title>`` usually carries the site's name ("Headline | Site", "Site - Headline"); the
headline is taken from what the page declares as one (og:title, JSON-LD headline, the ``<h1>``)
and any site part is cut off by comparing the title's segments with the site name and the host.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml.etree import Element, _Element

# separators between a headline and a site name in <title>/og:title
_SEPARATORS = re.compile(r"\s+(?:[|\-–—:·•»«~/]|::|\\\\|\|\|)\s+")
_WORD = re.compile(r"\w+")
_LANG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*$")
# host parts that say nothing about the site's name
_HOST_NOISE = frozenset({"www", "com", "org", "net", "co", "uk", "news", "html", "edu", "gov", "int",
                         "info", "au", "ca", "de", "fr", "in", "nz", "ie", "us", "m", "mobile", "en"})

# words that a site's name in a title may add to what the host says ("BBC News" on bbc.co.uk)
_NEUTRAL = _HOST_NOISE | {"a", "an", "the", "of", "and", "online", "official", "site", "website", "homepage", "daily", "magazine",
                          "nachrichten", "actualités", "noticias", "notizie"}


@dataclass(frozen=True, slots=True)
class PageMeta:
    title: str | None
    site: str | None
    author: str | None
    language: str | None
    url: str | None


def page_metadata(tree: _Element, url: str | None) -> PageMeta:
    metas = _meta_map(tree)
    ld = _json_ld(tree)
    site = _first(metas.get("og:site_name"), metas.get("application-name"), ld.get("publisher"))
    canonical = _canonical(tree)
    host = _host(url) or _host(_first(metas.get("og:url"), canonical))
    og_title = _first(metas.get("og:title"), metas.get("twitter:title"))
    html_title = _text(tree.find(".//title"))
    headings = _headings(tree)
    title = headline(og_title, ld.get("headline"), headings, html_title, site, host)
    if title not in headings and html_title and not og_title:
        # no <h1>-<h3> is the headline: look at elements named like one (slower, so only now)
        title = headline(None, ld.get("headline"), headings + _named_headings(tree), html_title, site, host)
    author = _first(ld.get("author"), metas.get("author"), metas.get("article:author"),
                    metas.get("dc.creator"), metas.get("sailthru.author"), metas.get("parsely-author"))
    if author and (author.startswith("http") or len(author) > 120):
        author = None   # a profile URL or a blurb, not a name
    return PageMeta(
        title=title,
        site=site or host,
        author=author,
        language=_language(tree, metas),
        url=_absolute(url, _first(canonical, metas.get("og:url"))),
    )


def headline(og_title: str | None, ld_headline: str | None, h1s: list[str], html_title: str | None,
             site: str | None, host: str | None) -> str | None:
    """The article's headline from the page's candidates, with any site name cut off.

    Declared headlines (og:title, JSON-LD) first; else the longest heading of the page (``<h1>``
    first, then other headings and elements named like a title) that the ``<title>`` contains,
    so a logo heading is not taken; else the ``<title>`` without its site part.
    """
    site_words = _site_words(site, host)
    for cand in (og_title, ld_headline):
        if cand and len(_WORD.findall(cand)) >= 2:
            return strip_site(cand, site_words)
    title_key = _key(html_title or "")
    best = None
    for h in h1s:
        hk = _key(h)
        if (len(hk) >= 2 and title_key and _contains(title_key, hk) and not _is_site(hk, site_words)
                and (best is None or len(hk) > len(_key(best)))):
            best = h
    if best:
        return best
    stripped_title = strip_site(html_title, site_words) if html_title else None
    if stripped_title and not _is_site(_key(stripped_title), site_words):
        return stripped_title
    for h in h1s:
        if len(_key(h)) >= 3 and not _is_site(_key(h), site_words):
            return h
    return og_title or ld_headline or html_title


def _headings(tree: _Element) -> list[str]:
    """Texts of the page's h1, then h2 and h3 elements (the headline is usually one of them)."""
    out: list[str] = []
    for tag in ("h1", "h2", "h3"):
        for el in tree.iterfind(f".//{tag}"):
            text = _text(el)
            if text and len(text) < 300:
                out.append(text)
            if len(out) >= 30:
                return out
    return out


def _named_headings(tree: _Element) -> list[str]:
    """Texts of elements whose class or id says they hold a title or headline."""
    out: list[str] = []
    for el in _named_heading_elements(tree):
        text = _text(el)
        if text and len(text) < 300:
            out.append(text)
        if len(out) >= 30:
            break
    return out


def _named_heading_elements(tree: _Element):
    """Elements (but ``<title>``) whose class or id contains "title" or "headline", in page order:
    a walk in Python, which is faster than the XPath with the same conditions."""
    for el in tree.iterdescendants(Element):
        if el.tag != "title" and (_names_heading(el.get("class")) or _names_heading(el.get("id"))):
            yield el


def _names_heading(value: str | None) -> bool:
    return value is not None and ("title" in value or "headline" in value)


def strip_site(title: str, site_words: frozenset[str]) -> str:
    """Cut a leading or trailing segment naming the site ("Headline | Site", "Site: Headline")."""
    title = " ".join(title.split())
    segments = _SEPARATORS.split(title)
    if len(segments) < 2:
        return title
    seps = _SEPARATORS.findall(title)
    # drop site-like segments from both ends, keeping at least one segment
    start, end = 0, len(segments)
    while end - start > 1 and _is_site(_key(segments[end - 1]), site_words):
        end -= 1
    while end - start > 1 and _is_site(_key(segments[start]), site_words):
        start += 1
    if (start, end) == (0, len(segments)) and not site_words and len(segments) == 2:
        # no site name known: a short last segment after " | " is the usual site suffix
        if "|" in seps[-1] and len(_key(segments[-1])) <= 3 < len(_key(segments[0])):
            end -= 1
    if end - start >= 3 and len(_key(segments[start])) >= 4 and all(
            len(_key(x)) <= 3 for x in segments[start + 1:end]):
        # "Headline - Section - Sub-section - Site": a breadcrumb trail after the headline
        end = start + 1
    out = segments[start]
    for i in range(start + 1, end):
        out += seps[i - 1] + segments[i]
    return out


def _site_words(site: str | None, host: str | None) -> frozenset[str]:
    words = set(_key(site or ""))
    if host:
        for part in host.lower().split("."):
            if part not in _HOST_NOISE:
                words.add(part)
    return frozenset(words)


def _is_site(seg_key: list[str], site_words: frozenset[str]) -> bool:
    """A segment names the site when its words are the site's words (or run together as the host)."""
    if not seg_key or not site_words:
        return False
    joined = "".join(seg_key)
    if joined in site_words or any(joined and w.startswith(joined) and len(joined) >= 4 for w in site_words):
        return True
    named = [w for w in seg_key if w not in _NEUTRAL]
    if not named or len(seg_key) > 6:
        return False
    hits = sum(1 for w in named if w in site_words or any(len(w) >= 3 and w in s for s in site_words))
    return hits / len(named) >= 0.6


def _contains(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


def _key(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _meta_map(tree: _Element) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in tree.iterfind(".//meta"):
        name = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        content = m.get("content")
        if name and content and content.strip() and name not in out:
            out[name] = " ".join(content.split())
        if m.get("http-equiv", "").lower() == "content-language" and content:
            out.setdefault("content-language", content.strip())
    return out


def _json_ld(tree: _Element) -> dict[str, str]:
    """headline, author and publisher name of the first article-like JSON-LD object."""
    out: dict[str, str] = {}
    for obj in iter_json_ld(tree):
        typ = obj.get("@type")
        types = typ if isinstance(typ, list) else [typ]
        if not any(isinstance(t, str) and ("Article" in t or t in ("BlogPosting", "WebPage", "Report"))
                   for t in types):
            continue
        if isinstance(obj.get("headline"), str):
            out.setdefault("headline", " ".join(obj["headline"].split()))
        name = _ld_name(obj.get("author"))
        if name:
            out.setdefault("author", name)
        pub = _ld_name(obj.get("publisher"))
        if pub:
            out.setdefault("publisher", pub)
    return out


def iter_json_ld(tree: _Element):
    """Every JSON object in the page's ``application/ld+json`` scripts (``@graph`` flattened)."""
    for script in tree.iterfind(".//script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            obj = stack.pop(0)
            if isinstance(obj, list):
                stack.extend(obj)
            elif isinstance(obj, dict):
                if isinstance(obj.get("@graph"), list):
                    stack.extend(obj["@graph"])
                yield obj


def _ld_name(value) -> str | None:
    if isinstance(value, list):
        names = [n for n in (_ld_name(v) for v in value) if n]
        return ", ".join(names) if names else None
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _language(tree: _Element, metas: dict[str, str]) -> str | None:
    for value in (tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
                  metas.get("content-language"), metas.get("og:locale"), metas.get("language")):
        m = _LANG.match((value or "").strip().split(",")[0].strip())
        if m:
            return m.group(1).lower()
    return None


def _canonical(tree: _Element) -> str | None:
    for link in tree.iterfind(".//link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            return link.get("href").strip()
    return None


def _absolute(base: str | None, href: str | None) -> str | None:
    if not href:
        return None
    full = urljoin(base, href) if base else href
    return full if full.startswith(("http://", "https://")) else None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def _text(el: _Element | None) -> str | None:
    if el is None:
        return None
    text = " ".join(" ".join(el.itertext()).split())
    return text or None


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)
