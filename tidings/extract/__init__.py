"""Extract: a ``Page`` (bytes) -> an ``Article`` (headline, date, clean body...).

``extract`` decodes the bytes (``decode.py``), tells HTML from a text dump, and hands the text to the
format's extractor (``html.extract_html`` / ``text.extract_text``); ``read_pages`` streams pages
through it, sharing boilerplate evidence between text dumps of the same ``Page.group`` and turning
every failure (bad bytes, no text, timeout, extractor crash) into an ``ErrorRecord`` so the rest of
the batch goes on.
"""
from __future__ import annotations

import functools
import importlib
import logging
import re
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from urllib.parse import urlsplit

from tidings.extract.decode import Decoded, decode
from tidings.extract.language import guess_language
from tidings.extract.result import ExtractError, ExtractResult
from tidings.ids import article_id
from tidings.records import Article, ErrorRecord, Page
from tidings.settings import Settings

__all__ = ["extract", "read_pages", "ExtractError", "ExtractResult", "sniff_format"]

log = logging.getLogger(__name__)

# Text dumps of one group are extracted in windows so repeated lines can be counted across pages
# while memory stays bounded (at most this many pages / bytes held at once).
WINDOW_PAGES = 256
WINDOW_BYTES = 64 << 20

# a comment ends at its first "-->": atomic, so that a page starting with a comment and no <html>
# is not re-read from every later "-->" (which took up to a quarter second on one page)
_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:(?><!--.*?-->)\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.I | re.S)
_HTML_ROOT = re.compile(r"<(?:!doctype\s+html|html|body)\b[^>]*>", re.I)
_HTML_TAG = re.compile(r"<(?:p|div|a|br|span|table|td|li|ul|script|meta|title|h[1-6]|img|link|style)\b[^>]*>",
                       re.I)
_BLANKS = re.compile(r"\n\s*\n+")
_ISO_SPACE = re.compile(r"^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)$")


class PageTimeout(BaseException):
    """Raised by the SIGALRM guard; a BaseException so extractors' ``except Exception`` can't eat it."""


# --------------------------------------------------------------------------- public API

def extract(page: Page, settings: Settings, boilerplate: frozenset[str] = frozenset()) -> Article:
    """The article of one page, or ExtractError naming the reason (empty, binary, no text...)."""
    decoded, fmt = _prepare(page)
    return _extract_decoded(page, decoded, fmt, settings, boilerplate or frozenset())


def read_pages(pages: Iterable[Page | ErrorRecord], settings: Settings) -> Iterator[Article | ErrorRecord]:
    """One Article or ErrorRecord per input item, in input order.

    Consecutive pages of one ``group`` are read in windows (``WINDOW_PAGES``/``WINDOW_BYTES``) so
    that lines repeated across the group's text dumps can be passed to the text extractor as
    boilerplate evidence.
    """
    for window in windows(pages):
        yield from _read_window(window, settings)


def windows(pages: Iterable[Page | ErrorRecord]) -> Iterator[list[Page | ErrorRecord]]:
    """Consecutive items of one ``group``, at most ``WINDOW_PAGES`` pages or ``WINDOW_BYTES`` each.

    The unit of boilerplate evidence: ``read_pages`` and the ingest workers cut the same windows,
    so a page reads the same whichever of them reads it.
    """
    window: list[Page | ErrorRecord] = []
    size = 0
    group: str | None = None
    for item in pages:
        g = item.group if isinstance(item, Page) else group   # errors ride along with their group
        if window and (g is None or g != group or len(window) >= WINDOW_PAGES or size >= WINDOW_BYTES):
            yield window
            window, size = [], 0
        window.append(item)
        group = g
        if isinstance(item, Page):
            size += len(item.content)
    if window:
        yield window


def sniff_format(text: str) -> str:
    """"html" or "text": markup at the start, an <html>/<body> tag or dense tags in the first 64 KB."""
    head = text[:65536]
    if _HTML_START.match(head) or _HTML_ROOT.search(head):
        return "html"
    tags = len(_HTML_TAG.findall(head))
    return "html" if tags >= 5 and tags * 200 > len(head) else "text"


# --------------------------------------------------------------------------- window reading

def _read_window(window: list[Page | ErrorRecord], settings: Settings) -> Iterator[Article | ErrorRecord]:
    prepared: list[ErrorRecord | tuple[Page, Decoded, str]] = []
    for item in window:
        if isinstance(item, ErrorRecord):
            prepared.append(item)
            continue
        try:
            with _time_limit(settings.page_timeout):
                decoded, fmt = _prepare(item)
            prepared.append((item, decoded, fmt))
        except (ExtractError, PageTimeout, Exception) as exc:
            prepared.append(_error(item, exc, settings))
    # evidence is counted per site when pages know their URL (a folder may mix sites, and two sites
    # running the same wire story share sentences that are not boilerplate)
    dumps: dict[str | None, list[str]] = {}
    for p in prepared:
        if isinstance(p, tuple) and p[2] == "text" and not p[0].meta.get("clean"):
            dumps.setdefault(_host(p[0].url), []).append(p[1].text)
    evidence = {site: _repeated_lines(texts, settings) for site, texts in dumps.items()}
    for p in prepared:
        if isinstance(p, ErrorRecord):
            yield p
            continue
        page, decoded, fmt = p
        try:
            with _time_limit(settings.page_timeout):
                out: Article | ErrorRecord = _extract_decoded(page, decoded, fmt, settings,
                                                              evidence.get(_host(page.url), frozenset()))
        except (PageTimeout, Exception) as exc:
            out = _error(page, exc, settings)
        yield out   # outside the guard: the consumer's time is not the page's


def _error(page: Page, exc: BaseException, settings: Settings) -> ErrorRecord:
    if isinstance(exc, ExtractError):
        reason = str(exc)
    elif isinstance(exc, PageTimeout):
        reason = (f"extraction took longer than {settings.page_timeout:g} s "
                  "(settings.page_timeout / TIDINGS_PAGE_TIMEOUT)")
    elif isinstance(exc, RecursionError):
        reason = "page too deeply nested to extract"
    else:
        log.debug("extraction failed for %s", page.source, exc_info=True)
        reason = f"extraction failed: {type(exc).__name__}: {exc}"
    return ErrorRecord(source=page.source, error=reason, stage="read")


def _repeated_lines(texts: list[str], settings: Settings) -> frozenset[str]:
    unique = list(dict.fromkeys(texts))   # a page read twice must not vouch for its own lines
    if len(unique) < 2:
        return frozenset()
    try:
        with _time_limit(settings.page_timeout):
            return frozenset(_repetition()(unique))
    except (PageTimeout, Exception):
        log.debug("repeated-line evidence failed", exc_info=True)
        return frozenset()


@contextmanager
def _time_limit(seconds: float):
    """Raise PageTimeout in the main thread after ``seconds`` (SIGALRM); elsewhere no guard."""
    if (seconds <= 0 or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()
            or signal.getitimer(signal.ITIMER_REAL)[0] > 0):   # someone else's alarm is running
        yield
        return

    def _alarm(signum, frame):
        raise PageTimeout()

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --------------------------------------------------------------------------- one page

def _prepare(page: Page) -> tuple[Decoded, str]:
    if not page.content:
        raise ExtractError("empty input (0 bytes)")
    decoded = decode(page.content, page.meta.get("content_type"))
    if page.meta.get("clean"):
        return decoded, "text"
    sniffed = sniff_format(decoded.text)
    fmt = page.hint if page.hint in ("html", "text") else sniffed
    if fmt == "text" and _HTML_START.match(decoded.text[:4096]):
        fmt = "html"   # an HTML page saved as .txt
    elif fmt == "html" and sniffed == "text" and not _HTML_TAG.search(decoded.text[:65536]):
        fmt = "text"   # a text dump saved as .html
    return decoded, fmt


def _extract_decoded(page: Page, decoded: Decoded, fmt: str, settings: Settings,
                     boilerplate: frozenset[str]) -> Article:
    if page.meta.get("clean"):
        result = ExtractResult(body=decoded.text)
    elif fmt == "html":
        result = _html_extractor()(decoded.text, page.url, settings)
    else:
        result = _text_extractor()(decoded.text, settings, boilerplate, page.url)
    body = _normalise_body(result.body or "")
    if not body:
        kind = "HTML page" if fmt == "html" else "text"
        raise ExtractError(f"no article text found in the {kind}")
    meta = page.meta
    title = _meta_str(meta, "title") or result.title
    url = page.url or result.url
    published, published_from = result.published, result.published_from
    meta_date = _meta_str(meta, "published") or _meta_str(meta, "date")
    if meta_date:
        published, published_from = _iso_datetime(meta_date), "jsonl" if meta.get("clean") else "input"
    warnings = list(result.warnings)
    if decoded.how in ("detected", "fallback"):
        warnings.append(f"no character set declared; decoded as {decoded.encoding} ({decoded.how})")
    return Article(
        id=article_id(body, title),
        source=page.source,
        url=url,
        site=_meta_str(meta, "site") or result.site or _host(url),
        title=title,
        author=_meta_str(meta, "author") or result.author,
        published=published,
        published_from=published_from if published else None,
        language=_meta_str(meta, "language") or result.language or guess_language(body),
        format=fmt,
        body=body,
        warnings=warnings,
    )


def _normalise_body(body: str) -> str:
    paras = (" ".join(p.split()) for p in _BLANKS.split(body.replace("\r\n", "\n").replace("\r", "\n")))
    return "\n\n".join(p for p in paras if p)


def _meta_str(meta: dict, key: str) -> str | None:
    v = meta.get(key)
    if v is None or v == "":
        return None
    return " ".join(str(v).split()) or None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def _iso_datetime(value: str) -> str:
    """'2025-03-14 20:30:26Z' -> '2025-03-14T20:30:26Z'; other forms through dateparser if needed."""
    value = value.strip()
    m = _ISO_SPACE.match(value)
    if m:
        return f"{m.group(1)}T{m.group(2)}"
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
        return value
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(value, settings={"RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.isoformat() if parsed else value


# --------------------------------------------------------------------------- extractors
# The format extractors are other modules of this package; until one exists, a minimal fallback
# keeps `tidings read` working.

def _optional(module: str, name: str) -> tuple[Callable | None, str | None]:
    """(the peer module's function, None), or (None, why it is unavailable) for the fallback.

    A module that fails to import (a peer's work in progress) must not stop ``tidings read``: the
    fallback runs and every record it makes says so in ``warnings``.
    """
    try:
        mod = importlib.import_module(f"tidings.extract.{module}")
    except ImportError as exc:
        if isinstance(exc, ModuleNotFoundError) and exc.name == f"tidings.extract.{module}":
            return None, None
        return None, f"tidings.extract.{module} unavailable ({type(exc).__name__}: {exc})"
    fn = getattr(mod, name, None)
    return fn, None if fn else f"tidings.extract.{module} has no {name}"


def _html_extractor() -> Callable[[str, str | None, Settings], ExtractResult]:
    fn, why = _optional("html", "extract_html")
    return fn or functools.partial(_fallback_html, why=why)


def _text_extractor() -> Callable[[str, Settings, frozenset[str], str | None], ExtractResult]:
    fn, why = _optional("text", "extract_text")
    return fn or functools.partial(_fallback_text, why=why)


def _repetition() -> Callable[[list[str]], Iterable[str]]:
    return _optional("repetition", "repeated_lines")[0] or _fallback_repeated_lines


def _fallback_html(html: str, url: str | None, settings: Settings, why: str | None = None) -> ExtractResult:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False)
    if doc is None:
        return ExtractResult(body="")
    get = (lambda k: doc.get(k)) if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    paras = (get("text") or "").split("\n")
    if paras and get("title") and paras[0].strip() == get("title").strip():
        paras = paras[1:]   # the headline is the title, not body
    body = "\n\n".join(paras)
    return ExtractResult(body=body, title=get("title"), site=get("sitename"), author=get("author"),
                         published=get("date"), published_from="meta" if get("date") else None,
                         url=get("url"), warnings=_fallback_warnings("html extractor (trafilatura)", why))


def _fallback_text(text: str, settings: Settings, boilerplate: frozenset[str],
                   url: str | None, why: str | None = None) -> ExtractResult:
    paras = []
    for block in _BLANKS.split(text):
        line = " ".join(block.split())
        if len(line.split()) >= 8 and line not in boilerplate:
            paras.append(line)
    return ExtractResult(body="\n\n".join(paras), warnings=_fallback_warnings("text extractor (paragraphs)", why))


def _fallback_warnings(what: str, why: str | None) -> list[str]:
    return [f"fallback {what}" + (f": {why}" if why else "")]


def _fallback_repeated_lines(texts: list[str]) -> frozenset[str]:
    seen: dict[str, int] = {}
    for t in texts:
        for line in {" ".join(line.split()) for line in t.splitlines()}:
            if line:
                seen[line] = seen.get(line, 0) + 1
    return frozenset(line for line, n in seen.items() if n >= 2)
