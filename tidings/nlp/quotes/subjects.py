"""Who speaks for a cue verb: its subject through the parse, and through the errors the small parser
repeats (a subject hung on another phrase, a comma participle hung inside the clause it follows
(participles.py), a document that speaks for whoever issued it, a name tagged as another word
(mentions.py)).
"""
from __future__ import annotations

from spacy.tokens import Token

from tidings.nlp.quotes.mentions import relative_head, verb_taken_for_modifier
from tidings.nlp.quotes.participles import (aside_participle, conjoined_verb, gerund_conjunct, joined_participle,
                                            participle_anchor, series_conjunct)
from tidings.nlp.quotes.syntax import CLOSING, INHERIT, RELATIVE, SUBJECTS, misplaced_conj, second_predicate


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
    anchor = participle_anchor(verb)
    if anchor is not None:
        tok = anchor
    elif (lead := gerund_conjunct(verb) or joined_participle(verb) or series_conjunct(verb)) is not None:
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
        tok = conjoined_verb(tok) if via_conj else tok.head
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
    return relative_head(root) if verb_taken_for_modifier(root) else None


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
