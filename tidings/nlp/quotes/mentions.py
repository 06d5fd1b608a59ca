"""The words of a speaker mention: its span (``speaker_span``, ``trim_np``), the noun a relative
pronoun stands for, words the tagger took for other parts of speech ('"...," Will wrote',
'Skelly called Braynard', 'said the 46-year-old', 'Most of the senators have said'), and a
subject the parser left in a clause before its verb."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from tidings.nlp.quotes.syntax import RELATIVE, SUBJECTS, subtree_span


def verb_taken_for_modifier(noun: Token) -> bool:
    """'Trump defended eminent domain': a root noun with a past verb right after it that the
    parser hung as a modifier is a subject whose main verb was misread."""
    doc = noun.doc
    nxt = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    return (noun.dep_ == "ROOT" and noun.pos_ in ("NOUN", "PROPN") and nxt is not None
            and nxt.tag_ in ("VBD", "VBN") and nxt.dep_ in ("amod", "acl"))


def mistagged_name(tok: Token, deps=("nsubj", "nsubjpass")) -> bool:
    """'..., From said': a capitalised subject inside a sentence is a name, whatever its tag."""
    return tok.dep_ in deps and tok.is_alpha and tok.text[0].isupper() and not tok.is_sent_start


# capitalised adverbs that open a sentence ('Later told reporters' is no name)
_OPENING_ADVERBS = frozenset(
    "also later then now still yet instead meanwhile previously earlier recently finally again "
    "separately once never often sometimes soon thus hence indeed however nonetheless nevertheless "
    "already just even only first last next here there so too perhaps maybe simply".split())


def name_as_adverb(tok: Token, verb: Token) -> bool:
    """'Skelly called Braynard ...': a capitalised word opening a subjectless clause that the
    tagger took for an adverb is the subject's name."""
    doc = tok.doc
    return (tok.i < verb.i and tok.tag_ == "RB" and tok.is_alpha and tok.text[0].isupper()
            and tok.lower_ not in _OPENING_ADVERBS
            and (tok.i == 0 or doc[tok.i - 1].is_punct or doc[tok.i - 1].is_space
                 or doc[tok.i - 1].dep_ == "cc" and doc[tok.i - 1].is_sent_start)
            and not any(c.dep_ in SUBJECTS for c in verb.children))


# determiners and adjectives that stand for a group of people ('Most of them said', 'Several said')
_QUANTIFIERS = frozenset(("most", "many", "some", "few", "several", "both", "all", "each", "none", "either",
                          "neither", "one", "others", "half", "more", "fewer"))


def nominal_adjective(tok: Token) -> bool:
    """'"...," said the 46-year-old', 'the accused said': an adjective with a determiner as the
    subject stands for a person."""
    return tok.pos_ == "ADJ" and tok.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "det" and c.lower_ in ("the", "a", "an", "this", "that") for c in tok.children)


def quantifier(tok: Token) -> bool:
    """'Most of the vulnerable Senate Republicans have said ...': a quantifier standing alone as a
    subject names the people it counts (tagged an adjective or determiner, it is still a speaker)."""
    return tok.lower_ in _QUANTIFIERS and tok.dep_ in ("nsubj", "nsubjpass")


def stranded_subject(verb: Token) -> Token | None:
    """'While campaigning for his wife, Hillary Clinton, former president Bill Clinton said ...':
    the parser hung the subject on the phrase before it (as an apposition) and left the finite
    main verb without one; the noun right before the verb is its subject."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBZ", "VBP") or any(
            c.dep_ in SUBJECTS or c.dep_ == "expl" for c in verb.children):
        return None
    doc = verb.doc
    j = verb.i - 1
    while j >= verb.sent.start and verb.is_ancestor(doc[j]) and doc[j].dep_ in ("aux", "neg", "advmod"):
        j -= 1
    if j < verb.sent.start or doc[j].pos_ not in ("PROPN", "NOUN") or doc[j].head.i == verb.i:
        return None
    return doc[j] if doc[j].dep_ in ("appos", "conj") else None


def relative_head(tok: Token) -> Token:
    """'who' in 'Smith, who said ...' stands for Smith."""
    if tok.lower_ in RELATIVE:
        t = tok.head
        while t.dep_ != "relcl" and t.head.i != t.i:
            t = t.head
        if t.dep_ == "relcl":
            return t.head
    return tok


def speaker_span(doc: Doc, head: Token, cue_i: int, content: tuple[int, int] | None) -> tuple[int, int]:
    """The speaker's noun phrase: its subtree, cut where it would run into cue or content."""
    s, e = subtree_span(head)
    if verb_taken_for_modifier(head):
        e = head.i + 1      # 'Trump defended X, calling ...': the main verb taken for a modifier ends the name
    if head.i < cue_i:
        e = min(e, cue_i)
    else:
        s = max(s, cue_i + 1)
    if content is not None:
        cs, ce = content
        if cs <= head.i < ce:
            return head.i, head.i + 1
        if s < ce <= head.i:
            s = ce
        if head.i < cs < e:
            e = cs
    # a dateline ("WASHINGTON (AP) — Trump said") or an earlier line is not part of the name
    for t in doc[s:head.i]:
        if t.text in ("\u2014", "--", "\u2013") or (t.is_space and "\n" in t.text):
            s = t.i + 1
    # an apposition's or relative clause's trailing commas are not part of the name
    s, e = trim_np(doc, s, e)
    return (s, e) if s < e else (head.i, head.i + 1)


def trim_np(doc: Doc, s: int, e: int) -> tuple[int, int]:
    while s < e and (doc[s].is_punct or doc[s].is_space or doc[s].dep_ == "cc"):
        s += 1
    # ('Chris Christie, who said' keeps its 'who': PolNeAR marks the relative pronoun as the source)
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
        if doc[e - 1].text == ")" and any(t.text == "(" for t in doc[s:e - 1]):
            break       # 'Rep. Paul Ryan (R-WI)'
        e -= 1
    return s, e
