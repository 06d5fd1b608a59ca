"""Where a reported clause stops: the tokens after which nothing belongs to the report any
more (a participle with an attribution of its own, a closing tag, a second speaker, a closing
'according to', the writer's gloss after a closed quotation), and the words whose sentences
the parser could not split."""
from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from tidings.nlp.columns import columns
from tidings.nlp.quotes.frame import MAX_SENTENCE_TOKENS
from tidings.nlp.quotes.lexicon import CueLexicon
from tidings.nlp.quotes.syntax import RELATIVE, second_predicate, tail_tag


def parsed_words(doc: Doc, start: int, end: int, among: list[int] | None = None):
    """The tokens of doc[start:end] outside run-on 'sentences' the parser could not split (only
    those whose indices are in ``among``, a sorted list, when given)."""
    for sent in doc.sents:
        if sent.end <= start or sent.start >= end or len(sent) > MAX_SENTENCE_TOKENS:
            continue
        s, e = max(start, sent.start), min(end, sent.end)
        if among is None:
            yield from doc[s:e]
        else:
            for k in range(bisect.bisect_left(among, s), bisect.bisect_left(among, e)):
                yield doc[among[k]]


def trailing_cues(doc: Doc, lex: CueLexicon) -> list[int]:
    """Token indices, in order, where a reported clause stops: a participle attaching an
    attribution of its own ('he has won, claiming that ...'), a closing tag, a second speaker or
    predicate, a closing 'according to', and the writer's gloss after a closed quotation (a comma
    relative, a dash). Found once per document, so that cutting a clause before them does not
    walk its whole subtree (a run-on sentence of thousands of words has thousands of clauses)."""
    return [d.i for d in (doc[i] for i in _trailing_words(doc, lex))
            if lex.verb_kind(d.lemma_.lower()) in ("speech", "clausal", "direct")
            and (d.dep_ in ("advcl", "conj", "parataxis") and d.tag_ == "VBG" and not _own_subject(d)
                 or tail_tag(d) is not None or _quoting_relative(d) or second_predicate(d) or _contrast_speaker(d))
            or _closing_according(d) or _closing_relative(d) or _dash_gloss(d) or _comma_gloss(d)
            or _closing_as(d) or _speaking_next(d, lex) or participle_gloss(d)]


SEQUENCE_PREPS = frozenset(("before", "after"))


def _trailing_words(doc: Doc, lex: CueLexicon) -> list[int]:
    """The tokens ``trailing_cues`` may keep: each of its tests turns the others down first."""
    c = columns(doc)
    return c.where(c.lemma_lower(lambda w: lex.verb_kind(w) in ("speech", "clausal", "direct"))
                   | c.lower_in(SEQUENCE_PREPS | {"according"}) | c.dep_in(("relcl", "appos", "advcl"))
                   | c.tag_in(("VBG",)) & c.dep_in(("advcl", "acl", "xcomp", "conj")))


def _speaking_next(prep: Token, lex: CueLexicon) -> bool:
    """'Trump said the deadlock has "kept us safe" before claiming that C2': a 'before' or 'after'
    whose object is a subjectless participle of saying with a clause of its own tells the
    speaker's next (or previous) utterance, a report of its own, though the parser hung it inside
    what was said. (Without a clause, 'would send troops before backing the plan' is said.)"""
    if prep.lower_ not in SEQUENCE_PREPS or prep.dep_ != "prep":
        return False
    return any(c.dep_ == "pcomp" and c.tag_ == "VBG" and not _own_subject(c)
               and lex.verb_kind(c.lemma_.lower()) in ("speech", "clausal", "direct")
               and any(g.dep_ == "ccomp" and g.i > c.i for g in c.children) for c in prep.children)


def _closing_relative(verb: Token) -> bool:
    """'He said he would "take a look" at the bill, which would give police more time': a comma
    relative on the last word of a reported clause, after its quotation has closed, is the
    writer's gloss, not part of what was said."""
    if verb.dep_ != "relcl":     # asked of every token of the document: the cheap test first
        return False
    doc = verb.doc
    # 'the loophole called an "inversion," in which a firm moves abroad': WHY: a preposition
    # before the relative pronoun opens the same kind of gloss
    first = verb.left_edge
    pied = (first.dep_ == "prep" and first.i + 1 < len(doc) and doc[first.i + 1].lower_ in ("which", "whom"))
    if not (first.lower_ in ("which", "who") or pied) or first.i < 2:
        return False
    comma = first.i - 1
    if doc[comma].text == ",":
        return verb.head.i == comma - 1 and _after_closed_quote(verb, comma)
    # 'called an "inversion," which ...': the comma may sit inside the closing mark
    return (doc[comma].tag_ == "''" and first.i >= 3 and doc[comma - 1].text == ","
            and verb.head.i == comma - 2 and _after_closed_quote(verb, first.i))


def _after_closed_quote(tok: Token, sep: int) -> bool:
    """A quotation closes shortly before the separator ``sep`` and none is in the subtree of
    ``tok`` (both scans capped: run-on input)."""
    doc = tok.doc
    back = doc[max(0, sep - 12):sep]
    inside = doc[tok.left_edge.i:min(tok.right_edge.i + 1, tok.left_edge.i + 60)]
    return any(t.tag_ == "''" for t in back) and not any(t.tag_ in ("``", "''") for t in inside)


def _dash_gloss(noun: Token) -> bool:
    """'He said he was "encouraged" by the plan - a modest boost for the mayor': a noun phrase
    set off by a dash on the last word of a reported clause, after its quotation has closed, is
    the writer's gloss, not part of what was said."""
    if noun.dep_ != "appos" or noun.left_edge.i < 2:
        return False
    dash = noun.left_edge.i - 1
    return (noun.doc[dash].text in ("\u2014", "\u2013", "-", "--") and noun.head.i == dash - 1
            and _after_closed_quote(noun, dash))


def _comma_gloss(noun: Token) -> bool:
    """'She also cited the "Elm Street loophole," a flaw in the town's zoning code': a noun phrase
    set off by a comma right after a quotation that closes on the last word of a reported clause
    is the writer's gloss on the quoted name, not part of what was said."""
    if noun.dep_ != "appos" or noun.left_edge.i < 3:
        return False
    doc = noun.doc
    sep = noun.left_edge.i - 1
    # the comma before the closing mark ('loophole," a flaw') or after it ('loophole", a flaw')
    if doc[sep].tag_ == "''" and doc[sep - 1].text == "," and not doc[sep - 1].whitespace_:
        last = sep - 2
    elif doc[sep].text == "," and doc[sep - 1].tag_ == "''" and not doc[sep - 1].whitespace_:
        last = sep - 2
    else:
        return False
    # 'the words "radical Islam," another moment ...': the gloss may hang on the noun the quoted
    # name is itself an apposition or modifier of, as long as the quotation closes its phrase
    head = noun.head
    return ((head.i == last or head.i < last and head.is_ancestor(doc[last]) and head.right_edge.i >= last)
            and _after_closed_quote(noun, sep + 1))


def participle_gloss(verb: Token) -> bool:
    """'Trump called Cruz the "ultimate hypocrite," linking to a story about ...': a subjectless
    participle phrase set off by a comma right after a quotation closes tells what the speaker
    did or what followed (the writer's narration), not what was said."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "acl", "xcomp", "conj") or verb.left_edge.i != verb.i:
        return False
    doc = verb.doc
    sep = verb.i - 1
    if sep < 2 or verb.head.i > verb.i or _own_subject(verb):
        return False
    # the comma before the closing mark ('hypocrite," linking') or after it ('hypocrite", linking')
    if not (doc[sep].tag_ == "''" and doc[sep - 1].text == "," and not doc[sep - 1].whitespace_
            or doc[sep].text == "," and doc[sep - 1].tag_ == "''" and not doc[sep - 1].whitespace_):
        return False
    return _after_closed_quote(verb, sep + 1)


def _closing_as(verb: Token) -> bool:
    """'Roe says he is "excited where we stand" as he faces a hard test': an 'as' clause with a
    subject of its own right after the quotation that closes a reported clause sets the time of
    the saying (the writer's narration), not part of what was said."""
    if verb.dep_ != "advcl" or verb.left_edge.lower_ != "as" or verb.left_edge.dep_ != "mark":
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    doc = verb.doc
    nxt = verb.right_edge.i + 1
    if nxt < len(doc) and not (doc[nxt].text in (".", ";", "!", "?") or doc[nxt].is_sent_start or doc[nxt].is_space):
        return False    # '... as sanctions grew, and how it would ...': the report goes on after it
    sep = verb.left_edge.i - 1
    if sep >= 1 and doc[sep].text == ",":
        sep -= 1
    return sep >= 1 and doc[sep].tag_ == "''" and _after_closed_quote(verb, sep + 1)


def _own_subject(participle: Token) -> bool:
    """'He said it is the same as the judge referring to herself as "a wise woman"': a participle
    with a subject of its own is a clause inside what was said, not a second attribution of the
    speaker's."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i < participle.i for c in participle.children)


def _closing_according(tok: Token) -> bool:
    """'Smith said he was "glad to see" the vote, according to the Daily Bugle.': a closing
    'according to' after a comma gives the source of the whole report; it is not part of the
    clause the parser hung it on."""
    doc = tok.doc
    return (tok.lower_ == "according" and 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].text == ","
            and doc[tok.i + 1].lower_ == "to" and tok.left_edge.i == tok.i)


def _contrast_speaker(verb: Token) -> bool:
    """'Jones said the plan would fail, while Smith argued that it "cannot lose."': a contrast
    clause after a comma whose own subject says something is a second speaker's attribution,
    not part of the first one's clause."""
    if verb.dep_ != "advcl" or not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i
                                       and c.lower_ not in RELATIVE for c in verb.children):
        return False
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.i < verb.i), None)
    return (mark is not None and mark.lower_ in ("while", "whereas") and mark.i == verb.left_edge.i
            and mark.i > 0 and verb.doc[mark.i - 1].text == ",")


def _quoting_relative(verb: Token) -> bool:
    """'X said he backed a bill on the bodies, which he called "a cartel."', 'He said he was a big
    advocate of the standards, which he argued help students': a relative clause set off by a
    comma whose own subject says or names something is an attribution of its own (quoted or
    not), not part of the clause it hangs on."""
    if verb.dep_ != "relcl" or verb.left_edge.i < 1 or verb.doc[verb.left_edge.i - 1].text != ",":
        return False
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(c.lower_ not in RELATIVE for c in subj) and verb.left_edge.lower_ in RELATIVE
