"""Frames of nouns of saying: 'his claim that C', 'Roe's call for X to go', 'their promise to
build a wall', 'the warning, during the debate, that C'."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from tidings.nlp.quotes.frame import QUOTE_MARKS, SPEAKER_POS, Frame, cut_nested, trim_span
from tidings.nlp.quotes.mentions import trim_np
from tidings.nlp.quotes.syntax import subtree_span


# nouns of promising and urging whose infinitive is what was promised or urged ('his promise to
# build a wall', 'Roe's call to ban imports', 'their refusal to apologize')
PLEDGES = frozenset(("promise", "pledge", "vow", "threat", "call", "demand", "plea", "offer", "refusal", "request"))


def _pledged_infinitive(noun: Token) -> Token | None:
    """'his promise to be "neutral"': the bare infinitive after a possessed noun of promising says
    what its owner promised, as the infinitive after 'he promised' does."""
    return next((c for c in noun.children if c.dep_ in ("acl", "relcl") and c.i > noun.i and c.tag_ == "VB"
                 and c.left_edge.lower_ == "to" and c.left_edge.dep_ == "aux"
                 and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)


# nouns of urging whose 'for' phrase is what was urged ('his call for "a total ban"')
_URGINGS = frozenset(("call", "demand", "plea"))


def _called_for(noun: Token) -> Token | None:
    """'his call for "a total and complete ban"', 'Pence's call for a special prosecutor': the
    object of 'for' after a possessed noun of urging is what its owner called for, as after
    'he called for'. The object or None."""
    if noun.lemma_.lower() not in _URGINGS:
        return None
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "for" and c.i == noun.i + 1), None)
    obj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    # WHY quoted only: 'Trump's call for a ban' unquoted mostly names a topic others discuss
    # ('rabbis point to his call for a ban'); the caller's own words are quoted
    if obj is None or not any(t.text in QUOTE_MARKS for t in obj.subtree):
        return None
    return obj


def _that_clause(head: Token) -> Token | None:
    """The clause opened by 'that' hung on ``head`` after it."""
    return next((c for c in head.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > head.i
                 and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)


# prepositions of a setting that may stand between a noun of saying and its that-clause
_SETTING_PREPS = frozenset(("during", "at", "in", "on", "before", "after"))


def _clause_after_setting(noun: Token) -> Token | None:
    """'her assertion during the debate that "we are ..."', 'his claim on Tuesday that C': a
    setting between a noun of saying and its that-clause makes the parser hang the clause on the
    setting's noun ('the debate that ...'). A 'that' right after the setting that opens a clause
    (a complementizer, not a relative pronoun) completes the noun of saying. The clause or None."""
    doc = noun.doc
    k = noun.i + 1
    if k >= len(doc) or doc[k].dep_ != "prep" or doc[k].lower_ not in _SETTING_PREPS:
        return None
    obj = next((g for g in doc[k].children if g.dep_ == "pobj"), None)
    if obj is None or obj.i + 1 >= len(doc):
        return None
    that = doc[obj.i + 1]
    clause = that.head
    # a 'that' right after the setting's noun opening a clause with a subject of its own, hung
    # on that noun or on the verb of which the noun of saying is the object ('used her comments
    # before the committee that C')
    if (that.lower_ != "that" or that.dep_ != "mark" or clause.left_edge.i != that.i
            or not (clause.head.i == obj.i or clause.head.i == noun.head.i and noun.dep_ == "dobj")
            or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)):
        return None
    return clause


def _that_clause_hung_above(noun: Token) -> Token | None:
    """'unlikely to give Clinton the nod after her comment that, "We're going to ..."': a 'that'
    right after a noun of saying in a prepositional phrase, opening a clause with a subject of its
    own, completes the noun even when the parser hung the clause on a verb above it. WHY only in
    a prepositional phrase: after an object ('rejected Exxon's accusation that C') the clause is
    as often the verb's own report (PolNeAR gives C to the rejecter). The clause or None."""
    doc = noun.doc
    k = noun.i + 1
    if noun.dep_ != "pobj" or k >= len(doc) or doc[k].lower_ != "that" or doc[k].dep_ != "mark":
        return None
    clause = doc[k].head
    if (clause.left_edge.i != k or clause.i <= k or clause.dep_ not in ("ccomp", "advcl")
            or not any(a.i == clause.head.i for a in noun.ancestors)
            or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)):
        return None
    return clause


def nominal_frame(doc: Doc, noun: Token, trailing: list[int], copular: bool = False) -> Frame | None:
    """"his warning that C", "Trump's claim that C", "the suggestion by X that C": the owner says C.

    So does "Roe's answer was that C" ("her claim is that C"): WHY: a possessed noun of saying as
    the subject of 'be' with a that-clause names the words its owner said, like "Roe answered that
    C". ``copular``: only that reading (for nouns of saying that take no clause of their own)."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        # 'the suggestion by the candidate that C', 'a warning from the agency that C'
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i > noun.i), None)
        owner = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
    clause = None if copular else (_that_clause(noun) or _clause_after_setting(noun) or _that_clause_hung_above(noun))
    if clause is None and noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        clause = _that_clause(noun.head)
    if clause is None and noun.lemma_.lower() in PLEDGES:
        clause = _pledged_infinitive(noun) or _called_for(noun)
    if owner is None or clause is None or owner.pos_ not in SPEAKER_POS:
        return None
    s, e = trim_span(doc, clause.left_edge.i, cut_nested(clause, trailing))
    if e - s < 3:
        return None
    os_, oe = trim_np(doc, *subtree_span(owner))
    if oe > os_ and doc[oe - 1].dep_ == "case":
        oe -= 1
    return Frame(cue=(noun.i, noun.i + 1), speaker=(os_, oe) if oe > os_ else (owner.i, owner.i + 1),
                 speaker_head=owner.i, content=(s, e), kind="speech", lemma=noun.lemma_.lower())
