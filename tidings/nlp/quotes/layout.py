"""Attribution by page layout rather than syntax: transcript and headline labels ('TAPPER: ...',
'Warren: Trump Is a Proven Failure'), two labelled turns on one line, and quotations signed by
a dash and a name on their own line or in the next paragraph."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from tidings.nlp.quotes.found import KIND_RANK, Found
from tidings.intervals import Intervals
from tidings.nlp.quotes.marks import QuotedRun, paragraphs
from tidings.nlp.quotes.quotations import MIN_CONTINUATION_WORDS, whole_paragraph
from tidings.nlp.quotes.speakers import DASHES


_NAME_WORD = re.compile(r"^(?:[A-Z][\w.'\u2019-]*|of|at|the|and|de|van|von|al|el|bin)$")


# the gap after the colon may hold a no-break space ('Jo Roe: \u00a0"At long last ...')
_COLON_LINE = re.compile(r"^([^\n:]{1,120}?)\s*:(?:[ \t\u00a0]+|(?=[\"\u201c]))(\S[^\n]*)$", re.M)


# 'SECTION HEADLINE - Jeffrey M. Jones: "..."': the name is what follows the last dash
_LEAD_DASH = re.compile(r"^.*\s[-\u2014\u2013]\s+")


def _titled_name(words: list[str]) -> bool:
    """'Former secretary of state Jane Roe': a title in lower case before a name of two or more
    capitalised words (a transcript's speaker label)."""
    return (3 <= len(words) <= 9 and words[0][:1].isupper() and all(w.isalpha() for w in words[1:-3])
            and sum(1 for w in words[-3:] if _NAME_WORD.match(w) and w[:1].isupper()) >= 2
            and all(_NAME_WORD.match(w) for w in words[-2:]) and words[-1][:1].isupper())


def colon_lines(doc: Doc, text: str, found: list[Found]) -> tuple[list[Found], set[int]]:
    """'TAPPER: Do you think ...', 'Warren: Trump Is a Proven Failure': a name, a colon, the words.

    Transcripts and headlines attribute this way; the name must look like one (capitalised
    words, at most six) so that 'Note: ...' style labels with lower-case words do not pass.
    Returns the new attributions and the ids of those in ``found`` that a line supersedes.
    """
    out = []
    superseded: set[int] = set()
    taken = Intervals((f.start, f.end, f) for f in found)
    for m in _COLON_LINE.finditer(text):
        raw = m.group(1)
        name = _LEAD_DASH.sub("", raw).strip()
        name = re.sub(r"\s*\([^()]{1,20}\)$", "", name)
        words = name.split()
        if not (1 <= len(words) <= 6 and all(_NAME_WORD.match(w) for w in words) or _titled_name(words)):
            continue
        if words[0].lower() in ("note", "update", "editor", "source", "photo", "video", "read", "watch",
                                "related", "correction", "a", "contributing", "byline", "breaking",
                                "pledged", "delegates", "stat"):
            continue
        ns = m.start(1) + raw.index(name)
        sp = doc.char_span(ns, ns + len(name), alignment_mode="expand")
        colon = doc.char_span(m.end(1), m.start(2), alignment_mode="expand")
        cs, ce = m.start(2), m.end(2)
        while ce > cs and text[ce - 1].isspace():
            ce -= 1
        if sp is None or colon is None or sum(w.isalpha() for w in text[cs:ce].split()) < 3:
            continue    # 'Sanders: 46.', 'Pledged: 781.': a tally, not words said
        clash = [f for _, _, f in taken.overlapping(ns, ce)]
        if clash and _LEAD_DASH.match(raw) and all(f.speaker is None or f.speaker[2] < sp.start for f in clash):
            # 'POLLS NOT WRONG, JUST EARLY - Jane Roe: "..."': a roundup line names its source
            # after the dash; a cue read in the headline before it does not speak
            superseded.update(id(f) for f in clash)
        elif clash:
            continue
        # the colon as written: the tokenizer may glue it to the name ('(R-S.C.):"I ...')
        c = text.index(":", m.end(1), m.start(2))
        for label, cue, (s, e) in _labelled_turns(doc, text, sp, (c, c + 1), (cs, ce)):
            out.append(Found(s, e, cue, (label.start, label.end, label.end - 1), False, KIND_RANK["speech"], [],
                              how="colon"))
    return out, superseded


# '... ISIS." Bush: "The mission ...': a second label after a closed quotation on the same line
_NEXT_LABEL = re.compile(r"(?<=[.?!][\"\u201d])[ \t]+([A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,2})"
                         r":[ \t]*(?=[\"\u201c])")


def _labelled_turns(doc: Doc, text: str, name, colon: tuple[int, int], content: tuple[int, int]):
    """'Clinton: "We will defeat ISIS." Bush: "The mission is to destroy ISIS."': a colon line may
    set two speakers side by side; a capitalised name and a colon right after a closed quoted
    sentence opens the next one's words, which are not the first name's. Returns (label tokens,
    colon, content) for each turn, the first label (``name``, a Span) being the line's own."""
    turns = []
    label, cue, s = name, colon, content[0]
    for m in _NEXT_LABEL.finditer(text, content[0], content[1]):
        nxt = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if nxt is None:
            continue
        turns.append((label, cue, (s, m.start())))
        label, cue, s = nxt, (m.end(1), m.end(1) + 1), m.end()
    turns.append((label, cue, (s, content[1])))
    return turns


_SIGNATURE = re.compile(rf"[{DASHES}]\s*([A-Z][^\n]{{0,60}}?)[.\s]*")


# '"..." \u2015 Carla Sanchez.': the signature on the quotation's own line
_INLINE_SIGNATURE = re.compile(rf"[ \t\u00a0]*[{DASHES}]+[ \t\u00a0]*([A-Z][^\n]{{0,60}}?)[.\s\u00a0]*(?=\n|$)")


def signed_quotes(doc: Doc, text: str, runs: list[QuotedRun], found: list[Found]) -> list[Found]:
    """'"I went to Wall Street before the crash ..."' then a paragraph '- Clinton.': a quoted
    paragraph signed by the next one (fact-check and debate write-ups), or by a dash and a name
    after it on its own line ('"..." \u2015 Carla Sanchez', as in collected reader quotes)."""
    paras = paragraphs(text)
    taken = Intervals((f.start, f.end, f) for f in found)
    by_start = {r.start: r for r in runs}
    signed = []     # (quotation, start and end of the signature, where the name is)
    for (ps, pe), (ns, ne) in zip(paras, paras[1:]):
        r = by_start.get(ps)
        m = _SIGNATURE.fullmatch(text, ns, ne)
        if r is not None and m is not None and whole_paragraph(text, r, (ps, pe)):
            signed.append((r, ns, m.start(1), m.end(1)))
    for r in runs:
        line_start = text.rfind("\n", 0, r.start) + 1
        if not r.closed or text[line_start:r.start].strip():
            continue
        m = _INLINE_SIGNATURE.match(text, r.end)
        if m is not None:
            signed.append((r, m.start(), m.start(1), m.end(1)))
    out = []
    for r, cue, ns, ne in signed:
        if r.words(text) < MIN_CONTINUATION_WORDS or taken.overlapping(r.start, r.end):
            continue
        # '- Michelle Marks, Philadelphia.': the name is what comes before a comma
        comma = text.find(",", ns, ne)
        ne = comma if comma >= 0 else ne
        words = text[ns:ne].split()
        if not (1 <= len(words) <= 6) or not all(_NAME_WORD.match(w) for w in words):
            continue
        sp = doc.char_span(ns, ne, alignment_mode="expand")
        if sp is None:
            continue
        while text[cue].isspace():
            cue += 1
        out.append(Found(r.start, r.end, (cue, cue + 1), (sp.start, sp.end, sp.end - 1), True,
                          KIND_RANK["speech"], [r], how="signed"))
    return out
