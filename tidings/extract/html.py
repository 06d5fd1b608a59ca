"""HTML page -> article: body from two extractors' opinions, headline, site, author, date.

trafilatura (its own rules, no fallbacks) and readability (trafilatura's bundled port, run on the
same parsed tree) each propose the article's paragraphs; ``html_select`` merges them into the body.
The page is parsed once and read by each tool in turn: trafilatura and htmldate copy the tree,
readability (which prunes it) comes last.
"""
from __future__ import annotations

import logging
import re
from copy import copy
from functools import lru_cache

import lxml.html
import trafilatura
from lxml.etree import ElementDefaultClassLookup, XPath, _Element
from trafilatura import readability_lxml
from trafilatura.readability_lxml import Document as ReadabilityDocument
from trafilatura.readability_lxml import text_length
from trafilatura.settings import Extractor
from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, is_dubious_html, repair_faulty_html

from tidings.extract.dates import find_html_date_in_tree
from tidings.extract.decode import has_xml_illegal
from tidings.extract.html_blocks import Block, blocks_of
from tidings.extract.html_select import select_body
from tidings.extract.result import ExtractError, ExtractResult
from tidings.extract.title import page_metadata
from tidings.settings import Settings

log = logging.getLogger(__name__)

# a <title> whose closing tag is missing or mangled swallows the page (the parser treats the rest
# as title text); closing it after its first run of text gives back the body
_TITLE_OPEN = re.compile(r"(<title[^>]*>)([^<]{0,500})", re.I)
_RUNAWAY_TITLE = 300


def extract_html(html: str, url: str | None, settings: Settings) -> ExtractResult:
    """The article in an HTML page; ExtractError if the page cannot be parsed."""
    tree = parse_html(html)
    meta = page_metadata(tree, url)
    base_url = url or meta.url
    published, published_from = find_html_date_in_tree(tree, url or meta.url)
    _drop_code(tree)    # after the date search, which reads dates in scripts too
    trafilatura_blocks = _trafilatura_blocks(tree, base_url)     # works on its own copy
    # readability prunes the tree it is given: it comes last and gets the page's tree itself
    readability_blocks = _readability_blocks(tree)
    paragraphs = select_body(trafilatura_blocks, readability_blocks, meta.title)
    warnings = []
    if not trafilatura_blocks and not readability_blocks:
        warnings.append("neither extractor found article text")
    return ExtractResult(
        body="\n\n".join(paragraphs),
        title=meta.title,
        site=meta.site,
        author=meta.author,
        published=published,
        published_from=published_from,
        language=meta.language,
        url=meta.url,
        warnings=warnings,
    )


def parse_html(html: str) -> _Element:
    """The page's tree (lxml), with a runaway ``<title>`` closed first."""
    head = html[:20000]
    m = _TITLE_OPEN.search(head)
    if m and not head[m.end():m.end() + 7].lower().startswith("</title"):
        # the title's text ends at a tag other than </title>: if the parser would read on, close it
        rest = head[m.end():]
        close = rest.lower().find("</title")
        if close == -1 or close > _RUNAWAY_TITLE:
            html = html[:m.end()] + "</title>" + html[m.end():]
    tree = _load_html(html)
    if tree is None:
        try:
            tree = lxml.html.document_fromstring(html)
        except (ValueError, lxml.etree.ParserError) as exc:
            raise ExtractError(f"HTML could not be parsed: {exc}") from exc
    if tree is None:
        raise ExtractError("HTML could not be parsed")
    return tree


@lru_cache(maxsize=1)
def _parser() -> lxml.html.HTMLParser:
    """trafilatura's HTML parser settings, with lxml.html's element classes chosen in C.

    lxml.html's default lookup picks each element's class by a Python call (to give form fields
    their own classes, which no extractor here uses); the three tools walk the tree many times,
    and that call was a tenth of the extraction time.
    """
    parser = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                  remove_comments=True, remove_pis=True)
    parser.set_element_class_lookup(ElementDefaultClassLookup(
        element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity))
    return parser


def _load_html(html: str) -> _Element | None:
    """As ``trafilatura.utils.load_html`` for a string, with ``_parser``."""
    beginning = html[:50].lower()
    html = _repair(html, beginning)
    tree = None
    try:
        tree = lxml.html.fromstring(html, parser=_parser())
    except ValueError:      # "Unicode strings with encoding declaration are not supported"
        tree = None
    except Exception:       # other parser failures: the bytes retry below, then the caller's fallback
        log.debug("lxml parsing failed", exc_info=True)
    if tree is None or len(tree) < 1:
        try:
            tree = lxml.html.fromstring(html.encode("utf8", "surrogatepass"), parser=_parser())
        except Exception:
            log.debug("lxml parsing of bytes failed", exc_info=True)
    if tree is not None and is_dubious_html(beginning) and len(tree) < 2:
        return None
    return tree


def _repair(html: str, beginning: str) -> str:
    """``trafilatura.utils.repair_faulty_html``, without its first step (a regular expression over
    the whole page dropping the characters XML refuses) when there are none: ``decode`` drops them,
    and looking for them is several times faster."""
    if has_xml_illegal(html):
        return repair_faulty_html(html, beginning)
    # its other steps: a DOCTYPE with a stray slash, a self-closing <html/> in the first lines
    if "doctype" in beginning:
        firstline, _, rest = html.partition("\n")
        html = DOCTYPE_TAG.sub("", firstline, count=1) + "\n" + rest
    for line in html[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            return FAULTY_HTML.sub(r"\1>", html, count=1)
    return html


# scripts (but JSON-LD, where trafilatura finds an ``articleBody``) and styles: both extractors drop
# them, after copying and walking the tree with them
_CODE = XPath(".//script[not(contains(@type, 'ld+json'))]|.//style")


def _drop_code(tree: _Element) -> None:
    for el in _CODE(tree):
        el.drop_tree()


def _trafilatura_blocks(tree: _Element, url: str | None) -> list[Block]:
    try:
        doc = trafilatura.bare_extraction(tree, options=_trafilatura_options(url))
    except Exception:   # a bug in the library must not lose the page: the other opinion remains
        log.debug("trafilatura failed", exc_info=True)
        return []
    return blocks_of(doc.body) if doc is not None and doc.body is not None else []


def _trafilatura_options(url: str | None) -> Extractor:
    """The extraction settings for one page: a copy of one made once (making them reads its config
    file's values anew each time), with the page's URL."""
    options = copy(_trafilatura_settings())
    options.url = options.source = url
    return options


@lru_cache(maxsize=1)
def _trafilatura_settings() -> Extractor:
    # fast: trafilatura's own readability/justext fallbacks are replaced by our own second opinion;
    # "txt": only its element tree is read here, so it need not also render the text
    return Extractor(output_format="txt", fast=True, comments=False, tables=True, with_metadata=False)


def _readability_blocks(tree: _Element) -> list[Block]:
    """Readability's article paragraphs; the tree is modified (scripts and unlikely parts dropped)."""
    try:
        doc = _Readability(tree, min_text_length=25)
        summary = doc.summary()
        return blocks_of(doc.article) if summary and summary.strip() else []
    except Exception:
        log.debug("readability failed", exc_info=True)
        return []


class _Readability(ReadabilityDocument):
    """Readability that keeps its article element, so that it need not be parsed back from text,
    and that measures texts once where the library measures them again and again."""

    article: _Element | None = None
    _lengths: dict[_Element, int] | None = None     # text lengths, while the tree does not change

    def remove_unlikely_candidates(self) -> None:
        """The library's, with the elements without class or id skipped before joining the two
        (it visits every element of the page)."""
        verdicts: dict[str, bool] = {}
        for elem in self.doc.findall(".//*"):   # a list: dropping elements must not stop the walk
            cls, idv = elem.get("class"), elem.get("id")
            if not (cls or idv):
                continue
            attrs = f"{cls} {idv}" if cls and idv else cls or idv
            if len(attrs) < 2 or elem.tag in readability_lxml.FRAME_TAGS:
                continue
            verdict = verdicts.get(attrs)
            if verdict is None:
                verdict = verdicts[attrs] = _unlikely(attrs.lower())
            if verdict:
                elem.drop_tree()

    def score_paragraphs(self):
        # a paragraph's parent and grandparent are both scored by the share of their text in links,
        # so the same links were measured for each: the tree does not change meanwhile
        self._lengths = {}
        try:
            return super().score_paragraphs()
        finally:
            self._lengths = None

    def get_link_density(self, elem: _Element) -> float:
        if self._lengths is None:
            return super().get_link_density(elem)
        total_length = self._text_length(elem) or 1
        return sum(self._text_length(link) for link in elem.findall(".//a")) / total_length

    def _text_length(self, elem: _Element) -> int:
        n = self._lengths.get(elem)
        if n is None:
            n = self._lengths[elem] = text_length(elem)
        return n

    def sanitize(self, node, candidates):
        out = super().sanitize(node, candidates)
        self.article = node
        return out


def _unlikely(attrs: str) -> bool:
    """Readability's test of an element's (lower-cased) class and id: named like page furniture
    (comments, sidebar, footer...) and not also like content."""
    regexes = readability_lxml.REGEXES
    return bool(regexes["unlikelyCandidatesRe"].search(attrs)) and not regexes["okMaybeItsACandidateRe"].search(attrs)
