"""Attributions signalled by the quotation marks themselves, whatever the verb.

A quotation that no speech cue claimed is still somebody's words when a verb with a
speaker governs it: 'Manafort dismissed the kerfuffle as "absurd"', '"This is fantastic!"
beamed Hartley', 'Potts echoed:' followed by a quoted paragraph. The governing verb is the
first verb above the quotation in the parse; its subject (outside the quotation) speaks.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from tidings.nlp.quotes.frame import Frame
from tidings.nlp.quotes.marks import QuotedRun
from tidings.nlp.quotes.mentions import speaker_span
from tidings.nlp.quotes.subjects import speaker_of
from tidings.nlp.quotes.syntax import after_so_called, subtree_span


SPEAKING_PRONOUNS = {"he", "she", "they", "we", "i", "who"}
PUNCT_GAP = set(" \t\n\r,;:\u2014\u2013-")


def _speakerish(tok: Token) -> bool:
    if tok.pos_ == "PRON":
        return tok.lower_ in SPEAKING_PRONOUNS
    return tok.pos_ in ("PROPN", "NOUN")


def licensed_frames(doc: Doc, text: str, runs: list[QuotedRun],
                    media: frozenset[str] = frozenset()) -> list[tuple[QuotedRun, Frame, bool]]:
    """(run, frame, direct) for quotations governed by a verb with a speaker.

    ``direct`` is True when the quotation is the whole content (adjacent to the cue),
    False when it is a fragment of the verb's complement (a partial quote).
    """
    out = []
    for r in runs:
        span = doc.char_span(r.start, r.end, alignment_mode="expand")
        if span is None or len(span) == 0 or is_title(span) and not (_exclaimed(text, r) or _named_as(span)):
            continue
        if after_so_called(span):
            continue
        # 'X has since apologized for what happened: "..."': the colon hands the quotation
        # to the clause before it, whatever the parser hung it on
        verb = _colon_intro(doc, text, r, media)
        direct = verb is not None
        if verb is None:
            verb = _governing_verb(span)
            if verb is None:
                continue
            verb = _judged_for(verb)
            if verb.i >= span.end:
                clause = min([verb.i] + [c.i for c in verb.children if c.dep_ == "nsubj"])
                direct = all(ch in PUNCT_GAP for ch in text[r.end:doc[clause].idx])
            else:
                # '"shot back, "..."': particles and adverbs of the verb may stand between
                gap = [t for t in doc[verb.i + 1:span.start]
                       if not (t.is_punct or t.is_space or (t.head.i == verb.i and t.dep_ in ("prt", "advmod")))]
                direct = not gap
        head = speaker_of(verb, media)
        if head is not None and _described_thing(verb, head, media):
            outer = _verb_above(verb.head)
            head = speaker_of(outer, media) if outer is not None else None
        if head is None or span.start <= head.i < span.end or not _speakerish(head):
            continue
        if direct:
            content = (span.start, _topic_after(doc, verb, span.end))
        elif verb.i < span.start:
            content = _complement(doc, verb, span)
            if content is None:
                continue
        else:
            continue
        sp = speaker_span(doc, head, verb.i, content)
        out.append((r, Frame(cue=(verb.i, verb.i + 1), speaker=sp, speaker_head=head.i, content=content,
                             kind="licensed", lemma=verb.lemma_.lower()), direct))
    return out


def _exclaimed(text: str, r: QuotedRun) -> bool:
    """'who responds: "Okay!"': an exclamation or a question in capitals is words said, not a title."""
    return text[r.start:r.end].rstrip("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e ")[-1:] in ("!", "?")


def _named_as(span) -> bool:
    """'identified the judge as "Spanish"', 'addressed her as "Jo"': a quotation after 'as' on a
    verb with an object is the name that verb's subject gave the object (its words), even when
    it is a capitalised name."""
    prep = next((t.head for t in span if t.dep_ == "pobj" and t.head.i < span.start), None)
    if prep is None or prep.lower_ != "as" or prep.dep_ != "prep":
        return False
    verb = prep.head
    return verb.pos_ == "VERB" and any(c.dep_ == "dobj" and c.i < prep.i for c in verb.children)


def _topic_after(doc: Doc, verb: Token, end: int) -> int:
    """'Farmers are crying "fraud" over the count': an 'over'/'about' phrase of the verb right after
    its quoted object. WHY: it names what the quoted charge is about, so it belongs to the charge."""
    if end >= len(doc) or verb.i >= end:
        return end
    nxt = doc[end]
    if nxt.head.i == verb.i and nxt.dep_ == "prep" and nxt.lower_ in ("over", "about"):
        return max(end, nxt.right_edge.i + 1)
    return end


def _judged_for(verb: Token) -> Token:
    """'ripped the mayor for acting as "the judge"': a gerund after 'for' on a verb with an object
    is the reason for that verb's verdict on the object. WHY: the verdict (object and reason) is
    what the outer verb's subject said, so the outer verb governs the quotation."""
    prep = verb.head
    if not (verb.dep_ == "pcomp" and prep.dep_ == "prep" and prep.lower_ == "for"):
        return verb
    outer = prep.head
    if outer.pos_ == "VERB" and any(c.dep_ == "dobj" and c.i < prep.i for c in outer.children):
        return outer
    return verb


def is_title(span) -> bool:
    """'Sputnik V', "Saturday Night Live": a quoted name is not a quotation of words said."""
    words = [t for t in span if t.is_alpha]
    return bool(words) and len(words) <= 6 and all(t.is_title or t.is_upper or t.lower_ in
                                                   ("of", "the", "and", "a", "in", "on", "for")
                                                   for t in words)


def _governing_verb(span) -> Token | None:
    roots = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    if not roots:
        return None
    tok = roots[0]
    for _ in range(6):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if span.start <= tok.i < span.end:
            continue
        if tok.pos_ == "VERB":
            return tok
    return None


def _complement(doc: Doc, verb: Token, span) -> tuple[int, int] | None:
    """From the verb's first complement to the end of the one holding the quotation."""
    # 'credited him for "an exciting campaign."': the parser may hang the closing marks and the
    # full stop on the main verb; the words inside the marks are what a complement must hold
    qs, qe = span.start, span.end
    while qs < qe and doc[qs].is_punct:
        qs += 1
    while qe > qs and doc[qe - 1].is_punct:
        qe -= 1
    holder = None
    for c in verb.children:
        s, e = subtree_span(c)
        if c.i > verb.i and s <= qs and e >= qe:
            holder = c
    if holder is None:
        return None
    firsts = [c.left_edge.i for c in verb.children
              if verb.i < c.i <= holder.i and c.dep_ not in ("punct", "advmod", "npadvmod", "cc")]
    s = min(firsts) if firsts else holder.left_edge.i
    e = holder.right_edge.i + 1
    while e > s and doc[e - 1].is_punct and doc[e - 1].text not in "\"”»’'":
        e -= 1
    e = max(e, span.end)    # the whole quotation, with its closing mark
    return (s, e) if e > s else None


def _colon_intro(doc: Doc, text: str, r: QuotedRun, media: frozenset[str] = frozenset()) -> Token | None:
    """'X echoed:' right before a quotation (closing the paragraph before it, or not).
    ``text`` is ``doc.text``, which spaCy rebuilds from the tokens at every access."""
    i = r.start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    if i < 0 or text[i] not in ":,":
        return None
    colon = doc.char_span(i, i + 1, alignment_mode="expand")
    if colon is None:
        return None
    if text[i] == ",":
        return _issuer_verb(doc, colon.start, media)
    for t in reversed(doc[max(0, colon.start - 12):colon.start]):
        if t.pos_ == "VERB" and t.dep_ not in ("amod", "compound"):
            return t        # 'issued the following statement:': 'following' describes a noun
        if t.is_sent_start:
            break
    return None


def _issuer_verb(doc: Doc, comma: int, media: frozenset[str]) -> Token | None:
    """'Trump issued a statement, "..."', 'the campaign sent an email to supporters, "..."': a
    document someone issued, then a comma and a quotation: the quotation is the document's
    words, and the verb of issuing takes its subject as the speaker."""
    if comma < 1 or "\n" in doc[comma - 1].whitespace_:
        return None
    t = doc[comma - 1]
    for _ in range(3):      # from the last word up to the document noun ('a statement to reporters')
        if t.lemma_.lower() in media and t.pos_ == "NOUN":
            break
        if t.dep_ not in ("pobj", "prep") or t.head.i == t.i:
            return None
        t = t.head
    if t.lemma_.lower() not in media or t.pos_ != "NOUN" or t.dep_ != "dobj":
        return None
    verb = t.head
    return verb if verb.pos_ == "VERB" and verb.i < t.i else None


def _described_thing(verb: Token, head: Token, media: frozenset[str]) -> bool:
    """'likened it to campaigns where supporters were obligated to "stand up"', 'jobs that are
    considered "inherently governmental"': the verb's speaker is a thing (a common noun naming
    no entity, not a document) that the verb's relative clause describes. WHY: things do not
    speak; a quotation in a clause describing one is the words of whoever speaks in the clause
    the noun belongs to. A 'who' clause describes a person, who may speak."""
    if verb.dep_ not in ("relcl", "acl") or head.i != verb.head.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "whom") for c in verb.children):
        return False
    return head.pos_ == "NOUN" and not head.ent_type_ and head.lemma_.lower() not in media


def _verb_above(tok: Token) -> Token | None:
    """The first verb above ``tok`` in the parse (a few steps at most), or None."""
    for _ in range(4):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ == "VERB":
            return tok
    return None
