"""Who speaks for a cue verb: its subject through the parse, and through the errors the small parser
repeats (a subject hung on another phrase, a comma participle hung inside the clause it follows,
a document that speaks for whoever issued it, a name tagged as another word).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from tidings.nlp.quotes.syntax import (CLOSING, INHERIT, RELATIVE, SUBJECTS, misplaced_conj, second_predicate,
                                       subtree_span, tail_tag)


def speaker_of(verb: Token, media: frozenset[str] = frozenset()) -> Token | None:
    """The token naming who speaks for a cue verb (agent of a passive, inherited subjects).

    ``media`` are nouns of documents ("issued a statement saying ..."): a participle on one of
    them speaks for whoever issued it, the subject of the verb the document is the object of.
    """
    tok: Token | None = verb
    if (misplaced_conj(verb) is not None and verb.head.head.pos_ == "VERB" and verb.head.head.i < verb.i
            and not any(c.dep_ in SUBJECTS for c in verb.children)):
        tok = verb.head.head    # '... called it "shameful" and called on leaders': the first verb's subject
    if second_predicate(verb):
        tok = verb.head.head    # 'X says C but conceded D': X concedes
    anchor = _participle_anchor(verb)
    if anchor is not None:
        tok = anchor
    elif (lead := _gerund_conjunct(verb) or _joined_participle(verb) or _series_conjunct(verb)) is not None:
        tok = lead
    subject = (_misparsed_subject(verb) or _relative_aside(verb) or aside_participle(verb)
               or _contracted_perfect(verb) or _stray_agent(verb) or _sibling_subject(verb)
               or _root_noun_participle(verb))
    if subject is not None:
        return subject
    via_conj = False
    for _ in range(4):
        if tok is None:
            return None
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        for c in tok.children:
            if c.dep_ == "agent" and not via_conj:
                for g in c.children:
                    if g.dep_ == "pobj":
                        return relative_head(g)
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:
            # two subjects is a misparse ('Speaking in Salem, New Hampshire, Trump went'): the
            # one next to the verb is its subject
            before = [c for c in subjects if c.i < tok.i]
            subject = before[-1] if before else subjects[0]
            if _held_document(tok, subject, media):
                tok = tok.head
                continue
            if not (subject.lower_ in RELATIVE and tok.dep_ == "relcl" and _issued(tok.head, media)):
                return _poll_of(tok, subject) or relative_head(subject)
            # 'hoisted a sign that read ...': the one who issued the document speaks
        name = _name_taken_for_a_helper(tok)
        if name is not None:
            return name
        host = _infinitive_host(tok)
        if host is not None:
            tok = host
            continue
        modifier = tok.dep_ == "relcl" or tok.dep_ == "acl" and tok.tag_ == "VBG"
        holder = _document_of(tok.head, media) if modifier else tok.head
        if modifier and _issued(holder, media):
            tok = holder.head
            while tok.pos_ == "ADP" and tok.head.i != tok.i:
                tok = tok.head
            continue
        for c in tok.children:
            if c.dep_ == "nsubjpass" and passive and tok.i != verb.i:
                # "X was quoted as saying": the passive head's subject is the speaker
                return relative_head(c)
            if c.dep_ == "nsubjpass" and tok.lemma_ in ("quote", "cite"):
                return relative_head(c)
        if modifier and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return tok.head     # "Hispanics telling their stories", "Smith, who said"
        if tok.dep_ == "acomp" and tok.pos_ == "ADJ" and tok.head.i != tok.i:
            # 'She was quick to add that C', 'He was careful to note C': an adjective with an
            # infinitive cue takes the subject of its copula
            tok = tok.head
            continue
        if tok.dep_ not in INHERIT or tok.head.i == tok.i:
            return None
        controller = _object_control(tok)
        if controller is not None:
            return relative_head(controller)
        # 'X was joined on stage by Y and joked, "..."': a conjoined verb shares the subject of
        # the passive before it, not its agent
        via_conj = tok.dep_ == "conj"
        tok = _conjoined_verb(tok) if via_conj else tok.head
        while tok is not None and tok.pos_ == "ADP" and tok.head.i != tok.i:   # "as saying" -> quoted
            tok = tok.head
            if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and _via_gerund(verb):
                # 'he made a point of saying C': a gerund on the object of a verb is done by that
                # verb's subject
                tok = tok.head
    return None


# entity types of a 'by' phrase that tells when, how much or how, never who ('by Friday', 'by 10 points')
_NOT_AGENTS = frozenset(("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"))


def _stray_agent(verb: Token) -> Token | None:
    """WHY: a passive cue's 'by' phrase names who said it, wherever the parser hung it. 'The
    plan has been called "a farce" by Jo Roe', 'the probe, often labeled as a "witch hunt" by
    Democrats': the small parser hangs 'by' on the quoted name (the oprd, or the object of
    'as') instead of the verb, and the passive subject or the clause above gets the words.
    Only a passive participle with no agent and no active subject of its own qualifies."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("agent", "nsubj", "csubj") for c in verb.children):
        return None
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    bare = not any(c.dep_ in ("aux", "auxpass") for c in verb.children) and verb.dep_ in ("acl", "ccomp", "advcl")
    if not (passive or bare):
        return None
    # the name it was called: an object predicate, or the object of 'as'
    named = [c for c in verb.children if c.dep_ in ("oprd", "attr")]
    named += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > verb.i]
    preps += [c for n in named for c in n.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > n.i]
    for by in sorted(preps, key=lambda t: t.i):
        obj = next((g for g in by.children if g.dep_ == "pobj"), None)
        if (obj is not None and obj.pos_ in ("PROPN", "NOUN", "PRON") and obj.ent_type_ not in _NOT_AGENTS
                and obj.tag_ != "VBG"):
            return obj
    return None


# how a noun hangs on the verb of its clause ('had nothing to say', 'pointed to a case to say',
# 'was the first senator to endorse')
_NOUN_LINKS = frozenset(("dobj", "pobj", "prep", "attr", "npadvmod", "conj", "cc", "appos"))


def _infinitive_host(tok: Token) -> Token | None:
    """'Roe had nothing bad to say about him', 'The judge pointed to a case to argue C', 'Roe was
    the first senator to endorse him': an infinitive with no subject of its own that the parser
    hung on a noun as a relative clause is done by the subject of the clause holding that noun,
    not by the noun. Returns the verb of that clause. (One hung as 'acl' has no speaker and is
    left so: giving it one added more wrong attributions than right ones on PolNeAR train.)"""
    if tok.dep_ != "relcl" or tok.tag_ != "VB" or any(c.dep_ in SUBJECTS for c in tok.children):
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None
    t = tok.head
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.dep_ not in _NOUN_LINKS or t.head.i == t.i:
            return None
        t = t.head
    return None


_POLLS = frozenset(("poll", "survey"))
# heads of a share of the people asked ('75 percent of Republicans', 'a majority', 'Six in 10')
_SHARES = frozenset(("percent", "%", "majority", "minority", "half", "third", "quarter", "plurality"))


def _poll_of(verb: Token, subject: Token) -> Token | None:
    """'A poll last week found that 63 percent of Americans want C', 'In a CNN poll, 31% said C':
    a share of the people polled says what the poll found; the poll is the source (PolNeAR marks
    it), whether it heads the clause above the cue or sets the cue in an 'in' phrase."""
    if not (subject.lemma_.lower() in _SHARES or subject.pos_ == "NUM"):
        return None
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            noun = next((g for g in c.children if g.dep_ == "pobj"), None)
            if noun is not None and noun.lemma_.lower() in _POLLS:
                return noun
    tok = verb
    for _ in range(3):
        if tok.dep_ not in ("ccomp", "conj") or tok.head.i == tok.i:
            return None
        tok = tok.head
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lemma_.lower() in _POLLS:
            return subj
    return None


def _via_gerund(verb: Token) -> bool:
    """A cue that is a gerund after a preposition ('of saying', 'by noting')."""
    return verb.tag_ == "VBG" and verb.dep_ == "pcomp"


# verbs of causing: what follows them is done by their object, never by the cause
_CAUSING = frozenset(("prompt", "lead", "cause", "spur", "provoke", "drive", "inspire", "compel", "force"))


def _object_control(tok: Token) -> Token | None:
    """WHY: after a verb of causing with an object, an infinitive is the object's doing ('That
    led Roe to joke about it and call the plan "a mess"': Roe calls it, not 'That'). Verbs of
    asking or urging are left alone: what one urges another to say is often reported as the
    urger's words."""
    head = tok.head
    if tok.dep_ != "xcomp" or tok.tag_ != "VB" or head.lemma_ not in _CAUSING:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None
    objects = [c for c in head.children if c.dep_ == "dobj" and c.i < tok.i and c.pos_ in ("PROPN", "NOUN", "PRON")]
    return objects[-1] if objects else None


def _contracted_perfect(verb: Token) -> Token | None:
    """'She's said she "will not run again"': a contracted 'has' the parser took for a passive
    'is'; a verb with a finite clause of its own is active and its parsed passive subject speaks."""
    aux = [c for c in verb.children if c.dep_ == "auxpass" and c.lower_ in ("'s", "\u2019s")]
    subj = [c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i]
    if not aux or not subj or verb.tag_ not in ("VBD", "VBN"):
        return None
    if any(c.dep_ == "ccomp" and c.i > verb.i and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)
           for c in verb.children):
        return relative_head(subj[-1])
    return None


def _conjoined_verb(verb: Token) -> Token:
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


def _root_noun_participle(verb: Token) -> Token | None:
    """'Trump defended eminent domain, calling it an "absolute necessity"': where the parser took
    the sentence's subject for its root noun (and the main verb right after it for a modifier), a
    comma participle hung on that noun speaks for it, as it would for the subject of the verb."""
    doc = verb.doc
    root = verb.head
    if (verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "acl") or root.dep_ != "ROOT" or root.i > verb.i
            or root.pos_ not in ("NOUN", "PROPN") or verb.i < 1 or doc[verb.i - 1].text != ","
            or any(c.dep_ in SUBJECTS for c in verb.children)):
        return None
    return relative_head(root) if _verb_taken_for_modifier(root) else None


def _verb_taken_for_modifier(noun: Token) -> bool:
    """'Trump defended eminent domain': a root noun with a past verb right after it that the
    parser hung as a modifier is a subject whose main verb was misread."""
    doc = noun.doc
    nxt = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    return (noun.dep_ == "ROOT" and noun.pos_ in ("NOUN", "PROPN") and nxt is not None
            and nxt.tag_ in ("VBD", "VBN") and nxt.dep_ in ("amod", "acl"))


def _name_taken_for_a_helper(verb: Token) -> Token | None:
    """The name right before a verb with no subject that the parser hung on it as a helper word.
    'Citing the attack, Will urged voters to ...': a capitalised modal inside the sentence after a
    comma or a closing mark is a name the tagger took for a modal ('Will', 'May'): a modal opens
    no clause there, a subject does."""
    doc = verb.doc
    if verb.i < 2 or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    tok = doc[verb.i - 1]
    if (tok.dep_ == "aux" and tok.head.i == verb.i and tok.tag_ == "MD" and tok.is_alpha and tok.text[0].isupper()
            and not tok.is_sent_start and (doc[tok.i - 1].text == "," or doc[tok.i - 1].text in CLOSING)):
        return tok
    # 'Black Lives Matter issued a statement saying ...': a proper noun right before a verb with no
    # subject is no adverb of it, whatever the parser made of it
    if (tok.dep_ == "advmod" and tok.head.i == verb.i and tok.tag_ in ("NNP", "NNPS")
            and tok.ent_type_ not in ("DATE", "TIME")):
        return tok
    return None


def _sibling_subject(verb: Token) -> Token | None:
    """'Politicizing the tragedy, Trump cast the blame on his rivals, and emphasized the threat
    that ...': spaCy hangs every conjunct of a coordination on the first one; when that first one
    has no subject (here a fronted participle the parser made the root), a finite conjunct with
    no subject of its own shares the subject of the nearest finite conjunct before it."""
    head = verb.head
    if (verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ", "VBP") or head.i == verb.i
            or any(c.dep_ in SUBJECTS for c in verb.children) or any(c.dep_ in SUBJECTS for c in head.children)):
        return None
    for sib in sorted((c for c in head.children if c.dep_ == "conj" and c.i < verb.i), key=lambda c: -c.i):
        subjects = [c for c in sib.children if c.dep_ == "nsubj" and c.i < sib.i]
        if sib.pos_ in ("VERB", "AUX") and sib.tag_ in ("VBD", "VBZ", "VBP") and subjects:
            return relative_head(subjects[-1])
    return None


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


def _participle_anchor(verb: Token) -> Token | None:
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


def _joined_participle(verb: Token) -> Token | None:
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


def _series_conjunct(verb: Token) -> Token | None:
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


def _gerund_conjunct(verb: Token) -> Token | None:
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


def _misparsed_subject(verb: Token) -> Token | None:
    """'Sanders' campaign called AP's report a "rush"', 'X, who served ..., called Y "childish"':
    where the parser found no main verb, it hung the cue on a noun as a modifier (as in 'a play
    called ...'); the sentence's subject (or its root noun before the cue) says it."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    noun = verb.head
    # 'The plan drew protests; one critic called it "a farce."': a noun right after a semicolon
    # that the parser tacked onto the clause before (as an apposition or conjunct) opens a
    # clause of its own, and the cue hung on it as a modifier is its verb
    if (noun.dep_ in ("appos", "conj") and noun.pos_ in ("NOUN", "PROPN") and noun.i < verb.i
            and noun.left_edge.i > 0 and verb.doc[noun.left_edge.i - 1].text == ";"
            and any(c.dep_ in ("oprd", "dobj", "ccomp") for c in verb.children)):
        return noun
    # 'Jones, speaking on the radio, called Smith a "fraud" and said ...': an 'and' the parser
    # hung on the subject after the cue (with no second noun) joins two predicates; the cue,
    # taken for a modifier of the subject, is the first of them and the subject says it
    if (noun.dep_ == "nsubj" and noun.i < verb.i < noun.head.i
            and any(c.dep_ == "cc" and c.lower_ == "and" and c.i > verb.i for c in noun.children)
            and not any(c.dep_ == "conj" for c in noun.children)):
        return noun
    root = verb
    for _ in range(40):
        if root.head.i == root.i:
            break
        root = root.head
    if root.pos_ in ("VERB", "AUX") or root.head.i != root.i:
        return None
    subjects = [c for c in root.children if c.dep_ == "nsubj" and c.i < verb.i]
    if subjects:
        return relative_head(subjects[-1])
    return root if root.pos_ in ("NOUN", "PROPN") and root.i < verb.i else None


def _relative_aside(verb: Token) -> Token | None:
    """'Sanders, meanwhile, who sits at zero endorsements, said ...': the parser took the relative
    clause for a clause of the cue and left the cue no subject; the noun the clause is about speaks."""
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    doc = verb.doc
    for c in verb.children:
        if c.i < verb.i and c.dep_ in ("ccomp", "advcl", "parataxis"):
            for g in c.children:
                if g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in ("who", "which"):
                    j = g.i - 1
                    while j >= 0 and (doc[j].is_punct or doc[j].pos_ == "ADV"):
                        j -= 1
                    if j >= 0 and doc[j].pos_ in ("PROPN", "NOUN") and not doc[j].is_space:
                        return doc[j]
    return None


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


def _held_document(verb: Token, subject: Token, media: frozenset[str]) -> bool:
    """'They will hold banners proclaiming "..."': the parser made the document the subject of a
    participle clause completing the verb that holds or shows it; as with 'a sign that read',
    the one who holds the document speaks, not the document."""
    head = verb.head
    return (verb.tag_ == "VBG" and verb.dep_ in ("ccomp", "xcomp", "advcl") and head.pos_ == "VERB"
            and head.i < subject.i < verb.i and subject.lemma_.lower() in media
            and any(c.dep_ == "nsubj" for c in head.children))


def _issued(noun: Token, media: frozenset[str]) -> bool:
    """A document someone issued ('issued a statement', 'posted on a sign'): it speaks for them."""
    return noun.lemma_.lower() in media and noun.dep_ in ("dobj", "pobj")


def _document_of(noun: Token, media: frozenset[str]) -> Token:
    """'sent an email to supporters stating ...': the email states, not the supporters the
    participle was hung on."""
    if noun.dep_ == "pobj" and noun.head.dep_ in ("prep", "dative"):
        via = noun.head.head
        if _issued(via, media):
            return via
        return next((c for c in via.children if c.dep_ == "dobj" and c.i < noun.i and _issued(c, media)), noun)
    return noun


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
    if _verb_taken_for_modifier(head):
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
