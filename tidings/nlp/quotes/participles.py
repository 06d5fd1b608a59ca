"""Participles and conjoined verbs whose subject is another verb's: the subject a participle
clause takes ('..., saying that C', 'X smiled, adding C'), and where the parser hung a comma
participle inside the clause it follows, or joined a verb to the wrong one."""
from __future__ import annotations

from spacy.tokens import Token

from tidings.nlp.quotes.syntax import CLOSING, RELATIVE, SUBJECTS, tail_tag


def conjoined_verb(verb: Token) -> Token:
    """The verb a conjoined verb is coordinated with. 'He hinted at it by mentioning the need for
    a wall and adding, "..."': the parser hung 'adding' on the noun 'wall'; a verb is coordinated
    with a verb, the nearest one above it (the participle 'mentioning' that has the same subject)."""
    tok = verb.head
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            return _like_participle(verb, tok) or tok
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return verb.head


def _finite(verb: Token) -> bool:
    """'said', 'says', 'was waylaid', 'has said': a verb with a tense of its own or a tensed helper."""
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in verb.children)


def _like_participle(verb: Token, head: Token) -> Token | None:
    """WHY: coordination joins like forms. A participle hung on a finite verb inside the clause
    another participle reports ('with Roe posting that it was "a disgrace" and asking, "..."')
    is coordinated with that participle, whose subject it shares, not with the reported verb."""
    if verb.tag_ != "VBG" or not _finite(head) or head.dep_ not in ("ccomp", "conj"):
        return None
    tok = head
    for _ in range(4):
        tok = tok.head
        if tok.tag_ == "VBG" and tok.i < verb.i:
            return tok
        if tok.dep_ not in ("ccomp", "conj") or tok.head.i == tok.i:
            return None
    return None


# subordinators of an adjunct participle ('while adding', 'before saying')
_ADJUNCT_MARKS = frozenset(("while", "after", "before", "when", "whilst"))
# clauses a comma participle can be wrongly hung on, inside the clause it modifies
_EMBEDDED = ("ccomp", "acl", "relcl", "advcl", "xcomp", "pcomp", "pobj", "dobj", "conj", "prep", "npadvmod")


def participle_anchor(verb: Token) -> Token | None:
    """', saying ...' / ', telling ...': a participle set off by a comma speaks for the subject of
    the clause it follows ('Carson rejected the notion that ..., saying'), even where the parser
    hung it on a clause or noun inside that one. The clause is the nearest verb with a subject
    that is not itself reported, named or relative."""
    doc = verb.doc
    before = verb.i - 1
    while before > 0 and doc[before].text in CLOSING and doc[before - 1].text == ",":
        before -= 1         # '..., maniacal," adding, "..."'
    # 'Gore insisted it was premature while adding, "..."': a participle after a subordinator
    # is an adjunct like a comma participle, and speaks for the same clause
    subordinated = (before > 0 and doc[before].lower_ in _ADJUNCT_MARKS and doc[before].head.i == verb.i
                    and doc[before].dep_ in ("mark", "prep", "advmod") and verb.head.i < before)
    # ('... has "kept us safe" before claiming that C'): the same when the parser made the
    # participle the object of the subordinator rather than its head
    subordinated = subordinated or (before > 0 and doc[before].lower_ in _ADJUNCT_MARKS
                                    and doc[before].dep_ == "prep" and verb.dep_ == "pcomp"
                                    and verb.head.i == before)
    if verb.tag_ != "VBG" or before < 0 or doc[before].text not in (",", "\u2014", "\u2013") and not subordinated:
        return _set_participle(verb)
    split = _split_off(verb, before)
    if split is not None:
        tok = split
    elif any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    else:
        tok = verb.head
    if tok.i > verb.i and before > 0:
        tok = doc[before - 1]   # hung on the quotation after it: start from the clause before the comma
    elif before > 0:
        near = _time_clause_before(doc[before - 1], tok)
        if near is not None:
            return near
    found = None
    for _ in range(12):
        if tok.i == verb.i or tok.i > verb.i:
            break
        if tok.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "csubj") for c in tok.children):
            found = tok
            if (tok.dep_ not in _EMBEDDED or tail_tag(tok) is not None or _own_adjunct(tok, verb)
                    or _own_conjunct(tok, verb)):
                break
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return found


def _split_off(verb: Token, comma: int) -> Token | None:
    """'Roe trashed Comey on "Morning Joe," calling it a "no-brainer"': after a closing mark the
    parser may start a new sentence that a comma participle heads, taking words before the
    comma for its subject. A sentence does not begin after a comma: the participle belongs to
    the clause of the sentence before. That clause's root (or None)."""
    doc = verb.doc
    start = verb.sent.start
    if verb.dep_ != "ROOT" or start == 0 or start >= comma or doc[comma].text != ",":
        return None
    prev = doc[start - 1]
    if prev.text in (".", "!", "?", ";", ":") or prev.is_space or "\n" in doc.text[prev.idx:doc[start].idx]:
        return None
    return prev.sent.root


def joined_participle(verb: Token) -> Token | None:
    """'She hit back, telling CNN that he is a "faker" and questioning how he "got away" with
    it': an '-ing' verb right after 'and' that the parser hung as an adverbial clause on the
    finite verb of a clause another participle reports is coordinated with that participle
    (coordination joins like forms) and speaks for it, not for the reported clause's subject."""
    doc = verb.doc
    if (verb.dep_ != "advcl" or verb.i == 0 or doc[verb.i - 1].lower_ not in ("and", "or")
            or any(c.dep_ in SUBJECTS for c in verb.children)):
        return None
    return _like_participle(verb, verb.head)


# subordinators of an adverbial clause that a series' last verb can be hung into
_SUBORDINATORS = frozenset(("as", "when", "while", "because", "after", "before", "since", "until", "whenever"))


def series_conjunct(verb: Token) -> Token | None:
    """'He mocked his rivals, talked over them as they answered questions and assured the crowd
    that C': the last verb of a series ('A, B and C') that the parser coordinated with the verb
    of an adverbial clause ending the previous member ('as they answered') continues the series;
    the clause's own subject does not say it. Returns the series member the clause modifies."""
    head = verb.head
    # (the adverbial clause ends the member it follows: one set before its verb, 'when Roe
    # thanked them and said C, a man yelled', holds its own series)
    if (verb.dep_ != "conj" or head.dep_ != "advcl" or head.head.dep_ != "conj" or head.i > verb.i
            or head.head.i > head.i
            or any(c.dep_ in SUBJECTS for c in verb.children)
            or not any(c.dep_ == "cc" and c.i < verb.i for c in head.children)):
        return None
    if not (any(c.dep_ == "nsubj" for c in head.children)
            and any(c.dep_ in ("mark", "advmod") and c.lower_ in _SUBORDINATORS for c in head.children)):
        return None
    return head.head


def gerund_conjunct(verb: Token) -> Token | None:
    """', saying he has been a pioneer in hiring women and calling him "a mentor"': an '-ing' cue
    conjoined to a gerund inside a reported clause goes with the comma participle that opened
    that clause (the parser paired it with the nearer gerund); it speaks for that participle."""
    if verb.tag_ != "VBG" or verb.dep_ != "conj" or verb.head.dep_ != "pcomp":
        return None
    doc = verb.doc
    tok = verb.head
    for _ in range(8):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if (tok.tag_ == "VBG" and tok.dep_ == "advcl" and tok.i > 0 and doc[tok.i - 1].text == ","
                and not any(c.dep_ in SUBJECTS for c in tok.children)):
            return tok
    return None


def _set_participle(verb: Token) -> Token | None:
    """'He fought the council over the budget, at one point calling the mayor a "liar"': a
    participle after a comma and a setting ('at one point', 'in March') that the parser hung on
    the setting's noun speaks for the clause before the comma, like a comma participle."""
    prep = verb.head.head
    if (verb.dep_ != "acl" or verb.head.dep_ != "pobj" or prep.dep_ != "prep" or prep.i < 1
            or verb.doc[prep.i - 1].text != "," or prep.head.i > prep.i or prep.head.pos_ not in ("VERB", "AUX")
            or any(c.dep_ in SUBJECTS for c in verb.children)):
        return None
    tok = prep.head
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "csubj") for c in tok.children):
            return tok
        if tok.head.i == tok.i or tok.dep_ not in ("conj", "xcomp", "advcl"):
            break
        tok = tok.head
    return None


def _own_adjunct(clause: Token, verb: Token) -> bool:
    """'..., when protesters interrupted her speech, shouting "..."', '... in which children bash
    a dollhouse, yelling "..."': a participle closing a time or relative clause with a subject
    of its own (a noun, not 'who') is that subject's doing, not the main clause's."""
    if clause.dep_ not in ("advcl", "relcl") or not clause.is_ancestor(verb):
        return False
    subjects = [c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i]
    if (subjects and subjects[-1].lower_ == "who" and clause.dep_ == "relcl"
            and clause.head.dep_ not in ("nsubj", "nsubjpass") and clause.head.pos_ in ("NOUN", "PROPN")):
        # WHY: 'The mayor campaigned for a teacher named Jo Roe, who worked the room, praising
        # "..."': a participle closing a 'who' clause on an object is that person's doing; a
        # 'who' clause on the subject ('Roe, who trailed, hit back, saying') is only an aside
        return True
    if not subjects or subjects[-1].lower_ in RELATIVE or subjects[-1].pos_ not in ("NOUN", "PROPN"):
        return False
    if clause.dep_ == "advcl":
        return any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "as", "while") and c.i < clause.i
                   for c in clause.children)
    return True


def _own_conjunct(clause: Token, verb: Token) -> bool:
    """'The place is the house my husband and I bought, thinking it would be "a home"', 'Roe
    spoke first and Doe answered, saying "..."': a participle closing a coordinated clause with
    a subject of its own (before it, a person's word) is that subject's doing; the first
    clause's subject does not reach past the second one's."""
    if clause.dep_ != "conj" or not clause.is_ancestor(verb):
        return False
    subjects = [c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i]
    return bool(subjects) and (subjects[-1].pos_ in ("PROPN", "NOUN")
                               or subjects[-1].lower_ in ("i", "we", "he", "she", "they"))


def _time_clause_before(last: Token, head: Token) -> Token | None:
    """'The incident came during a speech, when protesters interrupted her, shouting "..."': the
    parser hung the participle on the main verb, but the clause right before its comma is a time
    clause with a subject of its own, whose doer the participle describes."""
    tok = last
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            break
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    for _ in range(2):
        # 'in which children use a toy to smash a house, yelling': an infinitive's doer is the
        # subject of the clause it completes
        if tok.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in tok.children):
            tok = tok.head
    if tok.i == head.i or tok.pos_ not in ("VERB", "AUX") or not head.is_ancestor(tok):
        return None
    subjects = [c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i]
    if not subjects or subjects[-1].pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("advcl", "relcl"):
        return None
    # 'when'/'as'/'while' open a time clause; 'where' a scene ('spoke near the casino, where
    # strikers had gathered, chanting "..."'): either way the participle describes its doer
    if any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "as", "while", "where") and c.i < subjects[-1].i
           for c in tok.children):
        return tok
    if tok.dep_ == "relcl" and any(c.dep_ == "prep" and c.i < subjects[-1].i
                                   and any(g.lower_ == "which" for g in c.children) for c in tok.children):
        return tok      # 'an ad in which children ...': a scene, like 'where'
    return None


def aside_participle(verb: Token) -> Token | None:
    """'Sen. Roe, noting the crowd's size, said, "..."': the parser made the participle aside
    the main verb, with the name as its subject and the cue hung on it; the name speaks and
    the aside is no reported clause. The subject (or None)."""
    head = verb.head
    if verb.dep_ != "parataxis" or head.tag_ != "VBG" or head.i > verb.i or any(
            c.dep_ in SUBJECTS for c in verb.children):
        return None
    return next((c for c in head.children if c.dep_ == "nsubj" and c.i < head.i
                 and c.pos_ in ("PROPN", "NOUN", "PRON")), None)
