"""Attribution frames from the dependency parse: cue, speaker tokens and reported clause.

A frame is what one cue says about a sentence: "X said (that) C", "X told reporters C",
"it was announced by X that C", "X was quoted as saying C", "according to X, C",
"C, X said". Quotation marks are not looked at here (see quotes.py, which joins frames
with the quoted runs of quote_marks.py).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from tidings.nlp.quote_lexicon import CueLexicon

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# heads a cue verb without a subject takes its speaker from ("he said, adding that ...",
# "X was quoted as saying ...", "X smiled and said ...")
INHERIT = ("xcomp", "advcl", "pcomp", "prep", "conj", "ccomp")
RELATIVE = {"who", "that", "which", "whom"}
CLAUSAL = ("ccomp",)
COMPLEMENTS = ("dobj", "xcomp", "prep", "dative", "attr", "oprd", "acomp")
# prepositions after a cue that belong to the cue's setting, not to what was said
CONTENT_PREPS = {"for", "of", "about", "against", "over", "as", "on"}
# clause-taking verbs that do not attribute ("it makes sure that", "it seems that")
NOT_ATTRIBUTING = {"be", "have", "do", "make", "go", "get", "seem", "appear", "mean", "happen", "ensure",
                   "let", "turn", "come", "take", "look", "sound", "become", "help", "matter", "allow",
                   "wonder", "\u2019s", "'s"}   # "’s": a curly 's the lemmatizer leaves as is
# verbs that name something ("called X Y", "dubbed X Y"): the object and the name are the content
NAMING = {"call", "dub", "label", "brand", "term"}
QUOTE_MARKS = set("\"\u201c\u201d\u00ab\u00bb\u201e")
_CLOSING = frozenset(("\u201d", '"', "''", "\u2019"))      # closing marks as tokens
# what may follow a closing tag's verb ('..., the source recalled in 1991.')
_TAIL_MODIFIERS = ("prep", "advmod", "npadvmod", "punct")
TAIL_REACH = 80     # tokens after a closing tag's verb within which its sentence must end
SPEAKER_POS = ("NOUN", "PROPN", "PRON", "NUM", "X")
# a 'sentence' longer than this is a run-on the parser could not split (hostile or broken text):
# its clauses nest thousands deep, so reading frames from it costs time quadratic in its length
# and tells nothing. The longest sentence of PolNeAR's 1,013 articles has 223 tokens.
MAX_SENTENCE_TOKENS = 1000


@dataclass(slots=True)
class Frame:
    cue: tuple[int, int]                 # token span [start, end) of the cue words
    speaker: tuple[int, int] | None      # token span of the speaker mention
    speaker_head: int | None             # token index of the speaker's head word
    content: tuple[int, int] | None      # token span of the reported clause (None: look for a quotation)
    kind: str                            # speech, belief, evidence, phrase
    lemma: str
    clausal: bool = True                 # content is a reported clause (not just the verb's object)


def subtree_span(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def _trim(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """Drop punctuation, spaces and a leading conjunction/'that' from a token span's ends."""
    while s < e and (doc[s].is_punct or doc[s].is_space or doc[s].dep_ in ("cc", "mark")
                     and doc[s].lower_ in ("and", "but", "that", "or")
                     or doc[s].dep_ == "mark" and doc[s].lower_ == "for"):    # 'called for X to go'
        s += 1
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space) and doc[e - 1].text not in "\"”»“’'":
        e -= 1
    return s, e


def speaker_of(verb: Token, media: frozenset[str] = frozenset()) -> Token | None:
    """The token naming who speaks for a cue verb (agent of a passive, inherited subjects).

    ``media`` are nouns of documents ("issued a statement saying ..."): a participle on one of
    them speaks for whoever issued it, the subject of the verb the document is the object of.
    """
    tok: Token | None = verb
    if (_misplaced_conj(verb) is not None and verb.head.head.pos_ == "VERB" and verb.head.head.i < verb.i
            and not any(c.dep_ in SUBJECTS for c in verb.children)):
        tok = verb.head.head    # '... called it "shameful" and called on leaders': the first verb's subject
    if _second_predicate(verb):
        tok = verb.head.head    # 'X says C but conceded D': X concedes
    anchor = _participle_anchor(verb)
    if anchor is not None:
        tok = anchor
    elif (lead := _gerund_conjunct(verb)) is not None:
        tok = lead
    subject = (_misparsed_subject(verb) or _relative_aside(verb) or _aside_participle(verb)
               or _contracted_perfect(verb))
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
                        return _relative_head(g)
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:
            # two subjects is a misparse ('Speaking in Salem, New Hampshire, Trump went'): the
            # one next to the verb is its subject
            before = [c for c in subjects if c.i < tok.i]
            subject = before[-1] if before else subjects[0]
            if not (subject.lower_ in RELATIVE and tok.dep_ == "relcl" and _issued(tok.head, media)):
                return _relative_head(subject)
            # 'hoisted a sign that read ...': the one who issued the document speaks
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
                return _relative_head(c)
            if c.dep_ == "nsubjpass" and tok.lemma_ in ("quote", "cite"):
                return _relative_head(c)
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
            return _relative_head(controller)
        # 'X was joined on stage by Y and joked, "..."': a conjoined verb shares the subject of
        # the passive before it, not its agent
        via_conj = tok.dep_ == "conj"
        tok = _conjoined_verb(tok) if via_conj else tok.head
        while tok is not None and tok.pos_ == "ADP" and tok.head.i != tok.i:   # "as saying" -> quoted
            tok = tok.head
    return None


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
        return _relative_head(subj[-1])
    return None


def _conjoined_verb(verb: Token) -> Token:
    """The verb a conjoined verb is coordinated with. 'He hinted at it by mentioning the need for
    a wall and adding, "..."': the parser hung 'adding' on the noun 'wall'; a verb is coordinated
    with a verb, the nearest one above it (the participle 'mentioning' that has the same subject)."""
    head = verb.head
    if head.pos_ in ("VERB", "AUX"):
        return _like_participle(verb, head) or head
    tok = head
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            return _like_participle(verb, tok) or tok
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return head


def _like_participle(verb: Token, head: Token) -> Token | None:
    """WHY: coordination joins like forms. A participle hung on a finite verb inside the clause
    another participle reports ('with Roe posting that it was "a disgrace" and asking, "..."')
    is coordinated with that participle, whose subject it shares, not with the reported verb."""
    if verb.tag_ != "VBG" or head.tag_ not in ("VBD", "VBZ", "VBP", "MD") or head.dep_ != "ccomp":
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
    while before > 0 and doc[before].text in _CLOSING and doc[before - 1].text == ",":
        before -= 1         # '..., maniacal," adding, "..."'
    # 'Gore insisted it was premature while adding, "..."': a participle after a subordinator
    # is an adjunct like a comma participle, and speaks for the same clause
    subordinated = (before > 0 and doc[before].lower_ in _ADJUNCT_MARKS and doc[before].head.i == verb.i
                    and doc[before].dep_ in ("mark", "prep", "advmod") and verb.head.i < before)
    if verb.tag_ != "VBG" or before < 0 or doc[before].text not in (",", "\u2014", "\u2013") and not subordinated:
        return _set_participle(verb)
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return None
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
            if tok.dep_ not in _EMBEDDED or tail_tag(tok) is not None or _own_adjunct(tok, verb):
                break
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return found


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


def _aside_participle(verb: Token) -> Token | None:
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
        return _relative_head(subjects[-1])
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


def _name_as_adverb(tok: Token, verb: Token) -> bool:
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


def _nominal_adjective(tok: Token) -> bool:
    """'"...," said the 46-year-old', 'the accused said': an adjective with a determiner as the
    subject stands for a person."""
    return tok.pos_ == "ADJ" and tok.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "det" and c.lower_ in ("the", "a", "an", "this", "that") for c in tok.children)


def _quantifier(tok: Token) -> bool:
    """'Most of the vulnerable Senate Republicans have said ...': a quantifier standing alone as a
    subject names the people it counts (tagged an adjective or determiner, it is still a speaker)."""
    return tok.lower_ in _QUANTIFIERS and tok.dep_ in ("nsubj", "nsubjpass")


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


def _stranded_subject(verb: Token) -> Token | None:
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


def _relative_head(tok: Token) -> Token:
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
    s, e = _trim_np(doc, s, e)
    return (s, e) if s < e else (head.i, head.i + 1)


def _trim_np(doc: Doc, s: int, e: int) -> tuple[int, int]:
    while s < e and (doc[s].is_punct or doc[s].is_space or doc[s].dep_ == "cc"):
        s += 1
    # ('Chris Christie, who said' keeps its 'who': PolNeAR marks the relative pronoun as the source)
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
        if doc[e - 1].text == ")" and any(t.text == "(" for t in doc[s:e - 1]):
            break       # 'Rep. Paul Ryan (R-WI)'
        e -= 1
    return s, e


def cue_extent(doc: Doc, verb: Token, lex: CueLexicon) -> tuple[int, int]:
    """The cue words: the verb with its auxiliaries, negation, particles ('pointed out')."""
    s = e = verb.i
    for c in verb.children:
        if c.dep_ in ("aux", "auxpass", "neg", "prt", "advmod") and abs(c.i - verb.i) <= 3:
            if c.dep_ == "advmod" and c.i > verb.i:
                continue
            if c.dep_ == "aux" and mistagged_name(c, ("aux",)):
                continue        # '"...," Will wrote': the columnist, not a modal
            if c.dep_ == "advmod" and _name_as_adverb(c, verb):
                continue        # 'Skelly called Braynard "..."': the speaker, not an adverb
            s, e = min(s, c.i), max(e, c.i)
    # "said in a statement": a nominal cue right after the verb joins it
    for c in verb.children:
        if c.dep_ == "prep" and c.i == e + 1 and c.lower_ == "in":
            obj = [g for g in c.children if g.dep_ == "pobj"]
            if obj and obj[0].lemma_.lower() in lex.nouns:
                e = max(e, obj[0].i)
    # keep the cue contiguous and on the verb's side: 'why, Sembler responded' starts at the verb
    for t in doc[s:verb.i]:
        if t.is_punct or t.dep_ in SUBJECTS:
            s = t.i + 1
    return s, e + 1


def verb_frames(doc: Doc, lex: CueLexicon, start: int = 0, end: int | None = None) -> list[Frame]:
    """Frames of cue verbs and cue phrases in doc[start:end]."""
    end = len(doc) if end is None else end
    frames: list[Frame] = []
    trailing = _trailing_cues(doc, lex)
    for tok in _parsed_words(doc, start, end):
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.nouns:
            f = _nominal(doc, tok, trailing)
            if f:
                frames.append(f)
            continue
        if (tok.pos_ not in ("VERB", "AUX") and not (tok.lower_ == "according" and tok.dep_ == "prep")
                and not _verb_as_plural(tok, lex)):
            continue
        if tok.lower_ == "according":
            f = _according(doc, tok)
            if f:
                frames.append(f)
            continue
        lemma = tok.lemma_.lower()
        kind = lex.verb_kind(lemma)
        made = _made_clear(tok) if lemma == "make" else None
        if made is not None:
            clear, clause = made
            s, e = _trim(doc, clause.left_edge.i, _cut_nested(clause, trailing))
            head = speaker_of(tok, lex.media)
            if e - s >= 2 and head is not None and head.pos_ in SPEAKER_POS:
                frames.append(Frame(cue=(tok.i, clear.i + 1), speaker=speaker_span(doc, head, tok.i, (s, e)),
                                    speaker_head=head.i, content=(s, e), kind="speech", lemma="make clear"))
            continue
        if kind is None:
            # any other verb that takes a reported clause ("figured that ...", "hopes he ...")
            # attributes it: clause-taking verbs are verbs of saying, thinking or showing
            clauses = [c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i
                       and c.right_edge.i - c.left_edge.i >= 2]
            if tok.pos_ != "VERB" or lemma in NOT_ATTRIBUTING or not clauses:
                continue
            if _nearer_cue(doc, lex, tok, clauses[0]):
                continue
            kind = "belief"
        if lemma == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
            continue
        if _that_said(doc, tok):
            continue
        if any(c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" for g in c.children)
               for c in tok.children) and lemma in ("quote", "cite", "describe"):
            continue    # "X was quoted as saying C": the frame is saying's
        content, clausal = _content(doc, tok, kind, lex, trailing)
        head = speaker_of(tok, lex.media)
        if (head is not None and head.pos_ not in SPEAKER_POS and not mistagged_name(head) and not _quantifier(head)
                and not _nominal_adjective(head)):
            head = None         # a verb or a conjunction cannot speak: the parse went astray
        elif head is None:
            head = next((c for c in tok.children if c.dep_ == "advmod" and _name_as_adverb(c, tok)), None)
            if head is None:
                head = _stranded_subject(tok)
        span = speaker_span(doc, head, tok.i, content) if head is not None else None
        frames.append(Frame(cue=cue_extent(doc, tok, lex), speaker=span,
                            speaker_head=head.i if head is not None else None,
                            content=content, kind=kind, lemma=lemma, clausal=clausal))
    return frames


def _verb_as_plural(tok: Token, lex: CueLexicon) -> bool:
    """'The charter affirms: "..."': the tagger read a third-person verb as a plural noun, but it
    heads its sentence and has a subject before it; a speech verb there is still the cue."""
    return (tok.tag_ == "NNS" and tok.dep_ == "ROOT" and tok.lower_.endswith("s")
            and lex.verb_kind(tok.lemma_.lower()) == "speech"
            and any(c.dep_ == "nsubj" and c.i < tok.i for c in tok.children))


def _made_clear(verb: Token) -> tuple[Token, Token] | None:
    """'She made it clear that she has "serious concerns"', 'He made clear he would run': to make
    clear is to say; the clause after 'clear' (hung on it or on the verb) is what was said.
    The adjective and the clause, or None."""
    clear = next((c for c in verb.children if c.lower_ == "clear" and c.i > verb.i
                  and c.dep_ in ("ccomp", "oprd", "acomp", "xcomp")), None)
    if clear is None:
        return None
    for c in list(clear.children) + list(verb.children):
        if c.i > clear.i and c.dep_ in ("ccomp", "advcl", "acl") and c.pos_ in ("VERB", "AUX"):
            return clear, c
    return None


def _nearer_cue(doc: Doc, lex: CueLexicon, verb: Token, clause: Token) -> bool:
    """'Cruz won the backing of Lee, who declared on TV, "I'm sending a signal."': a speech cue
    between a verb and the clause the parser hung on it says that clause."""
    for t in doc[verb.i + 1:min(clause.left_edge.i, verb.i + 40)]:
        if t.pos_ == "VERB" and lex.verb_kind(t.lemma_.lower()) in ("speech", "clausal", "direct"):
            return True
    return False


def _that_said(doc: Doc, tok: Token) -> bool:
    """'That said, she noted, "..."': 'That said,' opening a clause means 'even so'; nobody
    says anything."""
    i = tok.i
    if tok.lower_ != "said" or i < 1 or i + 1 >= len(doc) or doc[i + 1].text != "," or doc[i - 1].lower_ != "that":
        return False
    return i < 2 or doc[i - 1].is_sent_start or doc[i - 2].is_punct or doc[i - 2].is_space or doc[i - 2].lower_ in (
        "but", "and", "still")


def _content(doc: Doc, verb: Token, kind: str, lex: CueLexicon,
             trailing: list[int]) -> tuple[tuple[int, int] | None, bool]:
    """The reported clause of a cue verb and whether it is a clause (None: the content may be
    an adjacent quotation)."""
    named = verb.lemma_.lower() in NAMING and any(c.dep_ == "oprd" and c.i > verb.i for c in verb.children)
    for c in verb.children:
        if c.dep_ in CLAUSAL:
            if c.i < verb.i and any(g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in ("who", "which")
                                    for g in c.children):
                continue    # 'X, who sits at zero, said C': a relative clause the parser took for C
            if c.i < verb.i and any(t.text == ";" for t in doc[c.right_edge.i + 1:verb.i]):
                # 'Most were worried about jobs; several said they were "very worried"': a clause
                # closed by a semicolon before the cue is a sentence of its own, not what was said
                continue
            if c.i < verb.i and any(d.dep_ in CLAUSAL and d.i > verb.i
                                    and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in d.children)
                                    for d in verb.children) and any(
                    g.dep_ == "nsubj" and c.right_edge.i < g.i < verb.i for g in verb.children):
                # WHY: 'On Roe's claim there are many, Doe said he thinks "..."': with a full
                # clause after the cue and its subject before it, a clause the parser hung before
                # the subject is the setting ('"...," said Doe, asked ...' keeps its quotation)
                continue
            if named and c.i < verb.i:
                # 'For that she drew his ire - he called her "weak"': a naming verb with its name
                # after it says the name; the clause the parser hung before it is narration
                continue
            s, e = _trim(doc, _stray_subject(verb, c), _cut_nested(c, trailing))
            if e > s:
                return (s, _because(verb, _quoted_conjunct(verb, e, trailing), trailing)), True
    # "C, X said": spaCy attaches the cue as parataxis of the reported clause
    if verb.dep_ == "parataxis" and kind in ("speech", "clausal") and _aside_participle(verb) is None:
        head = verb.head
        s, e = subtree_span(head)
        vs, ve = subtree_span(verb)
        if ve <= head.i or vs > head.i:
            if vs > head.i:
                e = vs
            else:
                s = ve
            s, e = _trim(doc, s, e)
            if e > s:
                return (s, e), True
    # 'Instead, Trump told CNN, his policy would be C': the parser made the cue a clause of C;
    # C is the whole clause around the cue (PolNeAR keeps an opening 'If anything,' in it)
    if (verb.dep_ == "ccomp" and kind in ("speech", "clausal") and verb.right_edge.i < verb.head.i
            and verb.right_edge.i + 1 < len(doc) and doc[verb.right_edge.i + 1].text == ","
            and any(c.dep_ in SUBJECTS for c in verb.children)
            and any(c.dep_ in SUBJECTS and c.i > verb.i for c in verb.head.children)
            and lex.verb_kind(verb.head.lemma_.lower()) is None     # not 'C, he said'
            and not any(c.dep_ in ("ccomp", "xcomp", "oprd", "conj") for c in verb.children)
            and verb.right_edge.i + 2 < len(doc) and doc[verb.right_edge.i + 2].text not in _CLOSING | QUOTE_MARKS):
        s, e = _trim(doc, verb.head.left_edge.i, _cut_nested(verb.head, trailing))
        if e - s >= 3:
            return (s, e), True
    # 'As the senator put it, C' / 'C, as the report noted': the clause the 'as' aside hangs on
    as_clause = _as_aside(doc, verb, kind, lex)
    if as_clause is not None:
        return as_clause, True
    # 'C, The Washington Post reported in 1991.': a closing tag the parser hung inside C
    comma = tail_tag(verb) if kind in ("speech", "clausal", "direct") else None
    if comma is not None:
        start = comma
        while start > 0 and not doc[start].is_sent_start:
            start -= 1
        s, e = _trim(doc, start, comma)
        if e - s >= 2:
            return (s, e), True
    # "said on Friday during a news conference that C": the parser hung C elsewhere
    if kind in ("speech", "clausal"):
        for t in doc[verb.i + 1:min(verb.i + 14, verb.sent.end)]:
            if t.lower_ == "that" and t.dep_ == "mark" and t.head.i > t.i and t.head.pos_ in ("VERB", "AUX"):
                s, e = _trim(doc, t.i + 1, _cut_nested(t.head, trailing))
                if e > s:
                    return (s, e), True
            if (t.is_punct and t.text in ".;:?!" or t.pos_ == "VERB"
                    or t.dep_ in ("nsubj", "nsubjpass") and t.head.i != verb.i):
                break       # 'backing down, he said that C', ', adding that C': C is the nearer verb's
        sibling = _sibling_clause(verb, lex)
        if sibling is not None:
            s, e = _trim(doc, sibling.left_edge.i, _cut_nested(sibling, trailing))
            if e > s:
                return (s, e), True
    if kind in ("evidence", "direct", "clausal"):
        return None, False
    # "called that \"beyond preposterous\"": a naming verb says all that follows its object,
    # however the parser hung the name
    if verb.lemma_.lower() in NAMING and kind == "speech":
        objs = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "oprd")]
        # a setting ('on his radio show') or an aside after the name is not part of it
        rest = [c for c in verb.children if c.i > verb.i and (
            c.dep_ in ("dobj", "oprd", "dative", "attr", "acomp", "xcomp", "ccomp")
            or c.dep_ == "prep" and any(t.text in QUOTE_MARKS for t in c.subtree))]
        if objs and not any(c.dep_ == "prt" or c.dep_ == "prep" and c.lower_ in ("for", "on") for c in verb.children):
            e = max(_cut_nested(c, trailing) for c in rest)
            # 'He called it "shameful" and called on leaders to ...': a second predicate the
            # parser hung inside the name is not part of it
            e = min([e] + [_misplaced_conj(t) for c in rest for t in c.subtree
                           if _misplaced_conj(t) is not None])
            s, e = _trim(doc, min(c.left_edge.i for c in objs), _because(verb, e, trailing))
            # 'railed against what he calls the "cartel"': the fronted 'what' and its clause
            # name the thing; the whole relative is what was said
            fronted = [c.i for c in verb.children if c.i < verb.i and c.dep_ == "dobj" and c.lower_ == "what"]
            if fronted:
                s = fronted[0]
            if e - s >= 2:
                return (s, e), False
    # "called for X", "accused X of Y", "wants to win": the complements after the verb
    if kind in ("speech", "belief"):
        # 'called for the mayor to resign': a 'for' clause with a subject is asked for
        comps = [c for c in verb.children if c.i > verb.i and (c.dep_ in COMPLEMENTS or _for_clause(c)
                                                               or _promised_infinitive(verb, c, kind))
                 and not (c.dep_ == "prep" and (c.lower_ not in CONTENT_PREPS or _is_when(c)))
                 and not _date_object(c)]
        if kind == "belief":
            comps = [c for c in comps if c.dep_ == "xcomp"]
        if comps:
            s = min(c.left_edge.i for c in comps)
            e = _because(verb, max(_cut_nested(c, trailing) for c in comps), trailing)
            s, e = _trim(doc, s, e)
            if e - s >= 2:
                return (s, e), kind == "belief"
    return None, False


def _quoted_conjunct(verb: Token, end: int, trailing: list[int]) -> int:
    """'She said she had offers, but "the offers were not serious."': a clause with a subject of
    its own that opens with a quotation mark right after the conjunction goes on with what was
    said, though the parser coordinated it with the cue."""
    doc = verb.doc
    for c in verb.children:
        if (c.dep_ == "conj" and c.i > end and c.left_edge.i >= end
                and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)):
            j = end
            while j < c.left_edge.i and (doc[j].text == "," or doc[j].dep_ == "cc"):
                j += 1
            if j == c.left_edge.i and doc[j].tag_ == "``" and j > end:
                return max(end, _cut_nested(c, trailing))
    return end


# verbs of saying whose infinitive complement is what was said ('vowed to fight on'), even where
# the parser took the infinitive for a purpose ('promised Sunday at a rally to end ...')
PROMISING = frozenset(("promise", "vow", "pledge", "swear", "threaten", "offer", "refuse", "decline", "agree",
                       "demand", "urge", "ask", "tell", "warn", "encourage", "implore", "beg", "invite"))


def _promised_infinitive(verb: Token, c: Token, kind: str) -> bool:
    """'She vowed at a rally Sunday to end the "wasteful" program': a bare infinitive without a
    subject after a verb of promising or urging is what was promised, not a purpose."""
    return (kind == "speech" and verb.lemma_.lower() in PROMISING and c.dep_ == "advcl" and c.tag_ == "VB"
            and c.left_edge.lower_ == "to" and c.left_edge.dep_ == "aux"
            and not any(g.dep_ in ("nsubj", "mark") for g in c.children))


def _date_object(c: Token) -> bool:
    """'promised Sunday to ...': a day the parser made the object is when, not what."""
    return c.dep_ == "dobj" and c.ent_type_ in ("DATE", "TIME") and c.left_edge.i == c.i == c.right_edge.i


def _sibling_clause(verb: Token, lex: CueLexicon) -> Token | None:
    """'He addressed it in an interview, remarking from Iowa he did not feel "this is hard"': a
    participle cue with nothing of its own, right followed by a clause with a subject that the
    parser hung on the verb above it (no cue itself), reports that clause."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
        return None
    head = verb.head
    if head.i > verb.i or lex.verb_kind(head.lemma_.lower()) is not None:
        return None
    nxt = verb.right_edge.i + 1
    for c in head.children:
        if (c.dep_ == "ccomp" and c.left_edge.i == nxt and c.i > verb.i
                and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)):
            return c
    return None


def _because(verb: Token, end: int, trailing: list[int]) -> int:
    """'called the report a "rush to judgment" because delegates can change': the reason given
    right after the complements of a verb quoting (part of) them is part of what was said."""
    doc = verb.doc
    for c in verb.children:
        if (c.dep_ == "advcl" and c.left_edge.i >= end and c.left_edge.lower_ == "because"
                and all(t.is_punct for t in doc[end:c.left_edge.i])):
            new = max(end, _cut_nested(c, trailing))
            if any(t.text in QUOTE_MARKS or t.text in _CLOSING for t in doc[verb.i:min(new, verb.i + MAX_SENTENCE_TOKENS)]):
                return new
    return end


def _for_clause(c: Token) -> bool:
    """'for the mayor to resign': an infinitive clause with a subject, introduced by 'for'."""
    return (c.dep_ == "advcl" and c.tag_ == "VB" and any(g.dep_ == "nsubj" for g in c.children)
            and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children))


def _misplaced_conj(tok: Token) -> int | None:
    """'He called it "shameful" and called on leaders ...': a verb the parser coordinated with a
    noun or adjective is a second predicate of the clause; the index of its 'and' (or None)."""
    if tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.head.pos_ in ("VERB", "AUX"):
        return None
    cc = [g.i for g in tok.head.children if g.dep_ == "cc" and g.i < tok.i]
    return max(cc) if cc else None


def _as_aside(doc: Doc, verb: Token, kind: str, lex: CueLexicon) -> tuple[int, int] | None:
    """'As The Times reported, the fund "gave millions"', 'As one critic put it, C': a cue in an
    'as' clause with nothing said of its own reports the clause it is set in ('"...," X said as
    Y yelled' is a time: a cue hung on a cue is no aside)."""
    if verb.dep_ != "advcl" or verb.head.pos_ not in ("VERB", "AUX") or not any(
            c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children):
        return None
    if lex.verb_kind(verb.head.lemma_.lower()) is not None:
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd")]
    if verb.lemma_.lower() == "put":
        if [c.lower_ for c in objects] != ["it"]:
            return None
    elif kind not in ("speech", "clausal") or objects:     # 'As he spoke, ...' is a time
        return None
    head = verb.head
    s, e = subtree_span(head)
    vs, ve = subtree_span(verb)
    if ve <= head.i:
        s = max(s, ve)
    elif vs > head.i:
        e = min(e, vs)
    else:
        return None
    s, e = _trim(doc, s, e)
    return (s, e) if e - s >= 3 else None


def _parsed_words(doc: Doc, start: int, end: int):
    """The tokens of doc[start:end] outside run-on 'sentences' the parser could not split."""
    for sent in doc.sents:
        if sent.end <= start or sent.start >= end or len(sent) > MAX_SENTENCE_TOKENS:
            continue
        yield from doc[max(start, sent.start):min(end, sent.end)]


def _trailing_cues(doc: Doc, lex: CueLexicon) -> list[int]:
    """Token indices of participles that attach an attribution of their own to a clause
    ('he has won, claiming that ...'), in order: found once per document, so that cutting a
    clause before them does not walk its whole subtree (a run-on sentence of thousands of
    words has thousands of clauses)."""
    return [d.i for d in doc if lex.verb_kind(d.lemma_.lower()) in ("speech", "clausal", "direct")
            and (d.dep_ in ("advcl", "conj", "parataxis") and d.tag_ == "VBG" and not _own_subject(d)
                 or tail_tag(d) is not None or _quoting_relative(d) or _second_predicate(d) or _contrast_speaker(d))
            or _closing_according(d) or _closing_relative(d) or _dash_gloss(d)]


def _closing_relative(verb: Token) -> bool:
    """'He said he would "take a look" at the bill, which would give police more time': a comma
    relative on the last word of a reported clause, after its quotation has closed, is the
    writer's gloss, not part of what was said."""
    if verb.dep_ != "relcl" or verb.left_edge.lower_ not in ("which", "who") or verb.left_edge.i < 2:
        return False
    doc = verb.doc
    comma = verb.left_edge.i - 1
    if doc[comma].text != ",":
        return False
    return verb.head.i == comma - 1 and _after_closed_quote(verb, comma)


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


def _second_predicate(verb: Token) -> bool:
    """'Smith says the goal is "to win," but conceded that it is hard': a finite cue verb without a
    subject that the parser coordinated with the reported clause is a second predicate of the
    clause's speaker, not part of what was said."""
    return (verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ", "VBP") and verb.head.dep_ == "ccomp"
            and verb.head.head.pos_ == "VERB" and verb.head.head.i < verb.head.i
            and not any(c.dep_ in SUBJECTS or c.dep_ == "expl" for c in verb.children))


def _quoting_relative(verb: Token) -> bool:
    """'X said he backed a bill on the bodies, which he called "a cartel."', 'He said he was a big
    advocate of the standards, which he argued help students': a relative clause set off by a
    comma whose own subject says or names something is an attribution of its own (quoted or
    not), not part of the clause it hangs on."""
    if verb.dep_ != "relcl" or verb.left_edge.i < 1 or verb.doc[verb.left_edge.i - 1].text != ",":
        return False
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(c.lower_ not in RELATIVE for c in subj) and verb.left_edge.lower_ in RELATIVE


def tail_tag(verb: Token) -> int | None:
    """'C, the source recalled.', 'C, The Washington Post reported in 1991.': a subject and cue
    verb after a comma, closing the sentence with nothing but a setting after them, however the
    parser hung them. The index of that comma, or None."""
    if verb.pos_ != "VERB" or verb.dep_ == "parataxis" or any(
            c.dep_ in ("ccomp", "dobj", "xcomp", "attr", "oprd", "dative") for c in verb.children):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not subjects:
        return None
    doc = verb.doc
    j = subjects[-1].left_edge.i - 1
    while j >= 0 and doc[j].text in _CLOSING:
        j -= 1
    if j <= 0 or doc[j].text != "," or any(t.is_sent_start for t in doc[j:verb.i + 1]):
        return None
    setting = set()
    for c in verb.children:
        # ', adding that ...' after the tag is an attribution of its own
        if c.i > verb.i and (c.dep_ in _TAIL_MODIFIERS or c.dep_ == "advcl" and c.tag_ == "VBG"
                             and doc[c.i - 1].text == ","):
            setting.update(range(c.left_edge.i, c.right_edge.i + 1))
    # the sentence must end within reach (Token.sent would walk a run-on 'sentence' whole)
    for t in doc[verb.i + 1:verb.i + 1 + TAIL_REACH]:
        if t.is_sent_start:
            return j
        if (t.tag_ == "``" or t.text == "\u201c") and not any(
                c.dep_ == "advcl" and c.left_edge.i <= t.i <= c.right_edge.i for c in verb.children):
            # 'Asked about it, Roe said, "Probably."': an opening mark after the cue starts what
            # it says; the words in it are no setting of a closing tag
            return None
        if not (t.is_punct or t.is_space or t.i in setting):
            return None
    return j if verb.i + 1 + TAIL_REACH >= len(doc) else None


def _cut_nested(clause: Token, trailing: list[int]) -> int:
    """End of a clause's span, stopping before a trailing attribution of its own
    ('he has won, claiming that ...': the claim is a second attribution)."""
    end = clause.right_edge.i + 1
    doc = clause.doc
    for i in trailing[bisect.bisect_right(trailing, clause.i):bisect.bisect_left(trailing, end)]:
        if clause.is_ancestor(doc[i]):
            end = min(end, doc[i].left_edge.i)
            while (end - 1 > clause.i and doc[end - 1].dep_ == "cc" and doc[end - 1].head.i == doc[i].head.i
                   and doc[i].tag_ != "VBG"):
                end -= 1    # '..., but claiming': the conjunction goes with what it joins
    return end


def _stray_subject(verb: Token, clause: Token) -> int:
    """Start of a reported clause. 'He said the days when papers ruled are gone': the parser hung
    the clause's subject on the cue (as an object or adverb) and left the clause without one;
    the subject between cue and clause belongs to what was said."""
    start = clause.left_edge.i
    if clause.i < verb.i or any(c.dep_ in SUBJECTS or c.dep_ == "expl" for c in clause.children):
        return start
    for c in verb.children:
        if (verb.i < c.i < start and c.dep_ in ("npadvmod", "dobj", "nsubj")
                and c.pos_ in ("NOUN", "PROPN", "PRON") and c.right_edge.i + 1 == start):
            return c.left_edge.i
    return start


def _is_when(prep: Token) -> bool:
    """'on Tuesday', 'for two hours': a time, not what was said."""
    return any(g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def _nominal(doc: Doc, noun: Token, trailing: list[int]) -> Frame | None:
    """"his warning that C", "Trump's claim that C", "the suggestion by X that C": the owner says C."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        # 'the suggestion by the candidate that C', 'a warning from the agency that C'
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i > noun.i), None)
        owner = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i
                   and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
    if owner is None or clause is None or owner.pos_ not in SPEAKER_POS:
        return None
    s, e = _trim(doc, clause.left_edge.i, _cut_nested(clause, trailing))
    if e - s < 3:
        return None
    os_, oe = _trim_np(doc, *subtree_span(owner))
    if oe > os_ and doc[oe - 1].dep_ == "case":
        oe -= 1
    return Frame(cue=(noun.i, noun.i + 1), speaker=(os_, oe) if oe > os_ else (owner.i, owner.i + 1),
                 speaker_head=owner.i, content=(s, e), kind="speech", lemma=noun.lemma_.lower())


def _according(doc: Doc, tok: Token) -> Frame | None:
    """'according to X, C' / 'C, according to X': X speaks, the rest of the sentence is C."""
    to = [c for c in tok.children if c.lower_ == "to"]
    if not to:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is None or nxt.lower_ != "to":
            return None
        to = [nxt]
    obj = [c for c in to[0].children if c.dep_ == "pobj"]
    if not obj:
        return None
    ps, pe = _trim_np(doc, *subtree_span(obj[0]))
    a_start, a_end = tok.i, max(pe, to[0].i + 1)
    sent = tok.sent
    before = _trim(doc, sent.start, a_start)
    after = _trim(doc, a_end, sent.end)
    lens = (before[1] - before[0], after[1] - after[0])
    if max(lens) < 2:
        return None
    if min(lens) >= 3:     # "C1, according to X, C2": one span over both sides
        content = (before[0], after[1])
    else:
        content = before if lens[0] >= lens[1] else after
    return Frame(cue=(tok.i, to[0].i + 1), speaker=(ps, pe) if pe > ps else None,
                 speaker_head=obj[0].i, content=content, kind="phrase", lemma="according to")
