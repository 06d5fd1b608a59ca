"""Attribution frames from the dependency parse: cue, speaker tokens and reported clause.

A frame is what one cue says about a sentence: "X said (that) C", "X told reporters C",
"it was announced by X that C", "X was quoted as saying C", "according to X, C",
"C, X said". Quotation marks are not looked at here (see attach.py, which joins frames
with the quoted runs of marks.py).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from tidings.nlp.quotes.lexicon import CueLexicon
from tidings.nlp.quotes.subjects import (aside_participle, mistagged_name, name_as_adverb, nominal_adjective,
                                         quantifier, speaker_of, speaker_span, stranded_subject, trim_np)
from tidings.nlp.quotes.syntax import (CLOSING, RELATIVE, SUBJECTS, misplaced_conj, second_predicate, subtree_span,
                                       tail_tag)


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
# nouns of words said that a possessive attributes ('Romney's "47 percent" comment', 'her
# slogan is "..."', 'his answer was that ...'), besides the lexicon's nominal cues
SAYING_NOUNS = frozenset(("slogan", "line", "mantra", "motto", "response", "answer", "reply", "words", "quip",
                          "refrain", "catchphrase", "retort", "phrase", "word"))
QUOTE_MARKS = set("\"\u201c\u201d\u00ab\u00bb\u201e")
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


def _trim(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """Drop punctuation, spaces and a leading conjunction/'that' from a token span's ends."""
    while s < e and (doc[s].is_punct or doc[s].is_space or doc[s].dep_ in ("cc", "mark")
                     and doc[s].lower_ in ("and", "but", "that", "or")
                     or doc[s].dep_ == "mark" and doc[s].lower_ == "for"):    # 'called for X to go'
        s += 1
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space) and doc[e - 1].text not in "\"”»“’'":
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
            if c.dep_ == "advmod" and name_as_adverb(c, verb):
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


# how a name the tagger mistook may hang on its verb: as its subject, or as a modal ('Will urged')
NAME_DEPS = ("nsubj", "nsubjpass", "aux")


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
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in SAYING_NOUNS | PLEDGES:
            f = _nominal(doc, tok, trailing, copular=tok.lemma_.lower() in SAYING_NOUNS)
            if f:
                frames.append(f)
                continue
        attitude = _attitude(doc, tok, lex, trailing) or _seen_as(doc, tok, lex, trailing)
        if attitude is not None:
            frames.append(attitude)
            continue
        viewer = _in_the_eyes_of(doc, tok)
        if viewer is not None:
            frames.append(viewer)
            continue
        modifier = _verb_read_as_modifier(doc, tok, lex)
        if modifier is not None:
            frames.append(modifier)
            continue
        inverted = _inverted_compound(doc, tok, lex)
        if inverted is not None:
            frames.append(inverted)
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
        # "X was quoted as saying C": the frame is saying's. WHY only a cue there: 'described the
        # delay as having "minimal" impact' is the describer's own verdict, not a quoted saying
        if any(c.dep_ == "prep" and c.lower_ == "as"
               and any(g.dep_ == "pcomp" and lex.verb_kind(g.lemma_.lower()) is not None for g in c.children)
               for c in tok.children) and lemma in ("quote", "cite", "describe"):
            continue
        inverted_tag = _subject_clause(doc, tok) if kind in ("speech", "clausal") else None
        if inverted_tag is not None:
            head, content = inverted_tag
            frames.append(Frame(cue=cue_extent(doc, tok, lex), speaker=speaker_span(doc, head, tok.i, content),
                                speaker_head=head.i, content=content, kind=kind, lemma=lemma))
            continue
        content, clausal = _content(doc, tok, kind, lex, trailing)
        head = speaker_of(tok, lex.media)
        # a capitalised helper ('Will urged') that speaker_of took for the name it is speaks too
        if (head is not None and head.pos_ not in SPEAKER_POS and not mistagged_name(head, NAME_DEPS)
                and not quantifier(head)
                and not nominal_adjective(head)):
            head = None         # a verb or a conjunction cannot speak: the parse went astray
        elif head is None:
            head = next((c for c in tok.children if c.dep_ == "advmod" and name_as_adverb(c, tok)), None)
            if head is None:
                head = stranded_subject(tok)
        if (head is not None and content is not None and content[0] < head.head.i < content[1]
                and head.dep_ == "pobj" and head.head.lower_ == "by" and head.head.i > tok.i):
            # 'called "a farce" by Jo Roe': a 'by' agent hung inside the named words is who
            # said them, not part of them
            content = _trim(doc, content[0], head.head.i)
        span = speaker_span(doc, head, tok.i, content) if head is not None else None
        frames.append(Frame(cue=cue_extent(doc, tok, lex), speaker=span,
                            speaker_head=head.i if head is not None else None,
                            content=content, kind=kind, lemma=lemma, clausal=clausal))
    return frames


# adjectives of certainty, hope, fear and feeling that take what their subject holds as a clause
# ('she is sure that ...', 'they remain confident that ...', 'leaders are worried that ...')
ATTITUDES = frozenset(("sure", "unsure", "certain", "uncertain", "confident", "convinced", "adamant", "hopeful",
                       "optimistic", "pessimistic", "worried", "concerned", "afraid", "fearful", "aware", "skeptical",
                       "sceptical", "doubtful", "insistent", "glad", "happy", "proud", "pleased", "disappointed",
                       "upset", "thrilled", "surprised", "angry", "furious", "frustrated"))


# pronouns that hold no view ('it is certain that C', 'that is sure to ...')
NON_HOLDERS = frozenset(("it", "this", "that", "there", "what", "which"))


def _attitude(doc: Doc, adj: Token, lex: CueLexicon, trailing: list[int]) -> Frame | None:
    """'She is sure that the plan will fail', 'Backers, confident that he can win, ...': an
    adjective of certainty, hope or fear with a clause of its own reports what its subject holds.
    WHY: 'X is sure that C' says the same as 'X believes that C' (a belief frame); the subject is
    that of the verb the adjective completes ('is', 'remain') or, set off by a comma, modifies."""
    if adj.lower_ not in ATTITUDES or adj.dep_ not in ("acomp", "advcl") or adj.head.i == adj.i:
        return None
    clause = next((c for c in adj.children if c.dep_ == "ccomp" and c.i > adj.i
                   and c.right_edge.i - c.left_edge.i >= 2), None)
    if clause is None:
        return None
    if adj.head.lemma_.lower() == "make":
        return None     # 'she strove to make sure that C': to make sure is to see to it, not to hold a view
    head = speaker_of(adj.head, lex.media)
    if (head is None or head.pos_ not in SPEAKER_POS or head.i > adj.i and adj.dep_ == "acomp"
            or head.lower_ in NON_HOLDERS):
        return None     # 'it is certain that C': nobody holds it
    s, e = _trim(doc, clause.left_edge.i, _cut_nested(clause, trailing))
    if e - s < 2:
        return None
    return Frame(cue=(adj.i, adj.i + 1), speaker=speaker_span(doc, head, adj.i, (s, e)), speaker_head=head.i,
                 content=(s, e), kind="belief", lemma=adj.lower_)


# verbs of regarding: 'X sees Y as Z' holds that Y is Z
REGARDING = frozenset(("see", "view", "regard"))
# verbs of depicting: 'X cast Y as Z' says that Y is Z
DEPICTING = frozenset(("cast", "portray", "depict", "characterize"))


def _seen_as(doc: Doc, verb: Token, lex: CueLexicon, trailing: list[int]) -> Frame | None:
    """'Most voters see Roe as the stronger candidate', 'he views the deal as "a disaster"': a
    verb of regarding with an object and an 'as' phrase after it reports what its subject holds
    (WHY: 'X sees Y as Z' says 'X believes Y is Z'; without the 'as' phrase it is sight, 'saw him
    there'). A verb of depicting says it ('Roe cast him as weak': Roe says he is weak)."""
    lemma = verb.lemma_.lower()
    if lemma not in REGARDING | DEPICTING or verb.pos_ != "VERB":
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return None
    as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i
                and any(g.dep_ in ("pobj", "pcomp", "amod") for g in c.children)), None)
    if as_ is None:
        return None
    head = speaker_of(verb, lex.media)
    if head is None or head.pos_ not in SPEAKER_POS or head.lower_ in NON_HOLDERS:
        return None
    s, e = _trim(doc, obj.left_edge.i, _cut_nested(as_, trailing))
    if e - s < 3:
        return None
    return Frame(cue=cue_extent(doc, verb, lex), speaker=speaker_span(doc, head, verb.i, (s, e)),
                 speaker_head=head.i, content=(s, e), kind="belief" if lemma in REGARDING else "speech",
                 lemma=lemma)


def _verb_as_plural(tok: Token, lex: CueLexicon) -> bool:
    """'The charter affirms: "..."': the tagger read a third-person verb as a plural noun, but it
    heads its sentence and has a subject before it; a speech verb there is still the cue."""
    return (tok.tag_ == "NNS" and tok.dep_ == "ROOT" and tok.lower_.endswith("s")
            and lex.verb_kind(tok.lemma_.lower()) == "speech"
            and any(c.dep_ == "nsubj" and c.i < tok.i for c in tok.children))


def _inverted_compound(doc: Doc, tok: Token, lex: CueLexicon) -> Frame | None:
    """'Stated Roe:' / 'Added Jo Roe:' opening a line before a quotation: the tagger read the
    capitalised past-tense speech verb as part of the name after it.  WHY: a speech verb in '-ed'
    at the start of a sentence, followed only by a proper name and a colon, is an inverted tag
    (the name speaks the quotation the colon brings in), never the first word of a name."""
    if not (tok.tag_ == "NNP" and tok.dep_ == "compound" and tok.is_title and tok.lower_.endswith("ed")
            and (tok.i == 0 or tok.is_sent_start or doc[tok.i - 1].is_space or doc[tok.i - 1].text in ".!?")):
        return None
    if not any(lex.verb_kind(c) == "speech" for c in (tok.lower_[:-1], tok.lower_[:-2])):
        return None
    head = tok.head
    if head.i <= tok.i or head.i - tok.i > 4 or head.tag_ != "NNP":
        return None
    if any(not (t.tag_ == "NNP" and t.is_title) for t in doc[tok.i + 1:head.i + 1]):
        return None
    if head.i + 1 >= len(doc) or doc[head.i + 1].text != ":":
        return None
    return Frame(cue=(tok.i, tok.i + 1), speaker=(tok.i + 1, head.i + 1), speaker_head=head.i, content=None,
                 kind="speech", lemma=tok.lower_, clausal=True)


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


def _split_tag(doc: Doc, verb: Token) -> int | None:
    """'Those with heavy debt struggle, even with a "good" job, he said.': a sentence that opens
    with a comma and is nothing but a subject and its cue is a closing tag the parser cut off
    from the clause it closes. Returns the comma's index, or None."""
    sent = verb.sent
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if (verb.dep_ != "ROOT" or sent.start == 0 or doc[sent.start].text != "," or not words
            or words[-1].i != verb.i or len(words) > 4
            or not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children)):
        return None
    return sent.start


def _said_before_tag(doc: Doc, start: int, comma: int) -> tuple[int, int] | None:
    """The clause from ``start`` up to a closing tag's comma, trimmed. None when it holds neither
    a verb nor a quotation ('In a 1963 speech, he declared: ...': a setting before the comma is
    no clause said; the cue's content is elsewhere)."""
    s, e = _trim(doc, start, comma)
    if e - s >= 2 and any(t.pos_ in ("VERB", "AUX") or t.text in QUOTE_MARKS for t in doc[s:e]):
        return s, e
    return None


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
    if verb.dep_ == "parataxis" and kind in ("speech", "clausal") and aside_participle(verb) is None:
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
            and verb.right_edge.i + 2 < len(doc) and doc[verb.right_edge.i + 2].text not in CLOSING | QUOTE_MARKS):
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
        said = _said_before_tag(doc, start, comma)
        if said is not None:
            return said, True
    # 'C, he said.' where the parser cut the sentence before the comma: C is the sentence before
    comma = _split_tag(doc, verb) if kind in ("speech", "clausal", "direct") else None
    if comma is not None:
        said = _said_before_tag(doc, doc[comma - 1].sent.start, comma)
        if said is not None:
            return said, True
    # "said on Friday during a news conference that C": the parser hung C elsewhere
    if kind in ("speech", "clausal"):
        setting = False
        for t in doc[verb.i + 1:min(verb.i + 14, verb.sent.end)]:
            # ('called for X following news that C': after a participle setting, a noun's own
            # 'that' clause is the noun's, not what was said)
            if (t.lower_ == "that" and (t.dep_ == "mark" or _relativised_complementiser(t))
                    and t.head.i > t.i and t.head.pos_ in ("VERB", "AUX")
                    and not (setting and t.head.dep_ == "acl")):
                s, e = _trim(doc, t.i + 1, _cut_nested(t.head, trailing))
                if e > s:
                    return (s, e), True
            # 'said following a vote in 2001 that C': a participle used as a preposition starts
            # a setting, not a clause of its own
            setting = setting or t.pos_ == "VERB" and t.dep_ == "prep"
            if (t.is_punct and t.text in ".;:?!" or t.pos_ == "VERB" and t.dep_ != "prep"
                    or t.dep_ in ("nsubj", "nsubjpass") and t.head.i != verb.i):
                break       # 'backing down, he said that C', ', adding that C': C is the nearer verb's
        sibling = _sibling_clause(verb, lex)
        if sibling is not None:
            s, e = _trim(doc, sibling.left_edge.i, _cut_nested(sibling, trailing))
            if e > s:
                return (s, e), True
        host = _host_clause(verb, lex)
        if host is not None:
            s, e = _trim(doc, host[0], _cut_nested(host[1], trailing))
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
            e = min([e] + [misplaced_conj(t) for c in rest for t in c.subtree
                           if misplaced_conj(t) is not None])
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
                 and not (c.dep_ == "prep" and (c.lower_ not in CONTENT_PREPS or _is_when(c)) and not _named_object(c))
                 and not _date_object(c)]
        if kind == "belief":
            comps = [c for c in comps if c.dep_ == "xcomp"]
        if comps:
            # 'referred to X as "Y"': what was said starts at the object, after the preposition
            s = min(c.left_edge.i + (c.left_edge.i == c.i and _named_object(c)) for c in comps)
            e = _because(verb, max(_cut_nested(c, trailing) for c in comps), trailing)
            s, e = _trim(doc, s, e)
            if e - s >= 2:
                return (s, e), kind == "belief"
    return None, False


def _subject_clause(doc: Doc, verb: Token) -> tuple[Token, tuple[int, int]] | None:
    """'The closing of the mill signals "the end of an era," said Jo Roe, a historian': a
    closing tag whose reported clause the parser, not finding its verb, took for a second subject
    of the cue. WHY: a subject right after the cue (the inverted 'said X') is who speaks; a
    'subject' before it that ends in the comma before the cue is what was said."""
    before = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    after = [c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i]
    if len(before) != 1 or len(after) != 1 or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    subj, head = before[0], after[0]
    if head.left_edge.i != verb.i + 1 or head.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    if subj.right_edge.i != verb.i - 2:
        return None
    s, e = _trim(doc, subj.left_edge.i, verb.i - 1)
    return (head, (s, e)) if e - s >= 3 else None


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
                       "demand", "urge", "ask", "tell", "warn", "encourage", "implore", "beg", "invite", "advise",
                       "instruct", "order", "remind"))


def _promised_infinitive(verb: Token, c: Token, kind: str) -> bool:
    """'She vowed at a rally Sunday to end the "wasteful" program': a bare infinitive without a
    subject after a verb of promising or urging is what was promised, not a purpose."""
    return (kind == "speech" and verb.lemma_.lower() in PROMISING and c.dep_ == "advcl" and c.tag_ == "VB"
            and c.left_edge.lower_ == "to" and c.left_edge.dep_ == "aux"
            and not any(g.dep_ in ("nsubj", "mark") for g in c.children))


def _named_object(prep: Token) -> bool:
    """'referred to immigrants as "rapists"': a 'to' phrase of the verb right before its 'as' phrase
    holds what the 'as' phrase names; WHY: the name says something of that object, so the object
    is part of what was said, as the object of 'called X "Y"' is."""
    verb = prep.head
    return prep.lower_ == "to" and any(c.dep_ == "prep" and c.lower_ == "as" and c.i == prep.right_edge.i + 1
                                       for c in verb.children)


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


ADDRESSEE_VERBS = frozenset(("tell", "assure", "inform", "warn", "remind"))


def _host_clause(verb: Token, lex: CueLexicon) -> tuple[int, Token] | None:
    """'days after Roe told the Bugle he was "not there yet"': a cue in a subordinate clause
    ('after', 'when', 'as') with no clause of its own, right followed by a subject and its verb
    that the parser took for the clause the subordinate one modifies.  WHY: a subject directly
    after a speech verb (and its addressee) opens what was said; a modifier clause comes
    before the clause it modifies only after a comma, never glued to its subject."""
    if verb.dep_ != "advcl" or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None
    if not any(c.dep_ == "mark" and c.i < verb.i for c in verb.children):
        return None
    # only a verb whose object is the one spoken to ('told the Bugle', 'assured voters'): after
    # another verb's object ('adds Ohio, that takes ...') a new subject starts a clause of its own
    if verb.lemma_.lower() not in ADDRESSEE_VERBS or not any(
            c.dep_ == "dobj" and c.pos_ in ("PROPN", "PRON", "NOUN") for c in verb.children):
        return None
    if verb.right_edge.is_punct:
        return None
    head = verb.head
    if head.i < verb.i or head.pos_ not in ("VERB", "AUX") or lex.verb_kind(head.lemma_.lower()) is not None:
        return None
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i < head.i), None)
    if subj is None or subj.left_edge.i != verb.right_edge.i + 1:
        return None
    return subj.left_edge.i, head


def _because(verb: Token, end: int, trailing: list[int]) -> int:
    """'called the report a "rush to judgment" because delegates can change': the reason given
    right after the complements of a verb quoting (part of) them is part of what was said.
    So is a comparison the parser hung on the cue ('said the fine was "peanuts," compared to
    what others pay'): WHY: it measures the quoted judgement, so the speaker made it too."""
    doc = verb.doc
    for c in verb.children:
        if (c.left_edge.i >= end
                and ((c.dep_ == "advcl" and c.left_edge.lower_ == "because")
                     or (c.dep_ == "prep" and c.lower_ == "compared" and c.i == c.left_edge.i))
                and all(t.is_punct for t in doc[end:c.left_edge.i])):
            new = max(end, _cut_nested(c, trailing))
            if any(t.text in QUOTE_MARKS or t.text in CLOSING
                   for t in doc[verb.i:min(new, verb.i + MAX_SENTENCE_TOKENS)]):
                return new
    return end


def _for_clause(c: Token) -> bool:
    """'for the mayor to resign': an infinitive clause with a subject, introduced by 'for'."""
    return (c.dep_ == "advcl" and c.tag_ == "VB" and any(g.dep_ == "nsubj" for g in c.children)
            and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children))


def _as_aside(doc: Doc, verb: Token, kind: str, lex: CueLexicon) -> tuple[int, int] | None:
    """'As The Times reported, the fund "gave millions"', 'As one critic put it, C': a cue in an
    'as' clause with nothing said of its own reports the clause it is set in ('"...," X said as
    Y yelled' is a time: a cue hung on a cue is no aside)."""
    if verb.dep_ != "advcl" or verb.head.pos_ not in ("VERB", "AUX") or not any(
            c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children):
        return None
    head_kind = lex.verb_kind(verb.head.lemma_.lower())
    # 'As reported by the Post, investigators found C': an opening aside reports the whole clause
    # even when its verb is one of finding or believing (a speech verb after it is a time)
    if head_kind is not None and not (head_kind in ("evidence", "belief") and verb.i < verb.head.i):
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
    """Token indices, in order, where a reported clause stops: a participle attaching an
    attribution of its own ('he has won, claiming that ...'), a closing tag, a second speaker or
    predicate, a closing 'according to', and the writer's gloss after a closed quotation (a comma
    relative, a dash). Found once per document, so that cutting a clause before them does not
    walk its whole subtree (a run-on sentence of thousands of words has thousands of clauses)."""
    return [d.i for d in doc if lex.verb_kind(d.lemma_.lower()) in ("speech", "clausal", "direct")
            and (d.dep_ in ("advcl", "conj", "parataxis") and d.tag_ == "VBG" and not _own_subject(d)
                 or tail_tag(d) is not None or _quoting_relative(d) or second_predicate(d) or _contrast_speaker(d))
            or _closing_according(d) or _closing_relative(d) or _dash_gloss(d) or _comma_gloss(d)
            or _closing_as(d) or _speaking_next(d, lex) or _participle_gloss(d)]


SEQUENCE_PREPS = frozenset(("before", "after"))


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


def _participle_gloss(verb: Token) -> bool:
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


def _relativised_complementiser(that: Token) -> bool:
    """'predicted at the debate that Republicans will take "every state"': the parser made 'that'
    the relative object of a clause on 'debate', but that clause already has a subject and an
    object of its own, so 'that' cannot stand for either: it is the complementiser of a clause
    said (a relative 'that' fills the role it relativises: 'the state that they will take')."""
    verb = that.head
    if verb.dep_ != "relcl" or that.dep_ not in ("dobj", "nsubj", "nsubjpass"):
        return False
    roles = ("dobj",) if that.dep_ == "dobj" else ("nsubj", "nsubjpass")
    others = [c for c in verb.children if c.i != that.i]
    return (any(c.dep_ in roles for c in others)
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > that.i for c in others))


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


def _nominal(doc: Doc, noun: Token, trailing: list[int], copular: bool = False) -> Frame | None:
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
    s, e = _trim(doc, clause.left_edge.i, _cut_nested(clause, trailing))
    if e - s < 3:
        return None
    os_, oe = trim_np(doc, *subtree_span(owner))
    if oe > os_ and doc[oe - 1].dep_ == "case":
        oe -= 1
    return Frame(cue=(noun.i, noun.i + 1), speaker=(os_, oe) if oe > os_ else (owner.i, owner.i + 1),
                 speaker_head=owner.i, content=(s, e), kind="speech", lemma=noun.lemma_.lower())


def _verb_read_as_modifier(doc: Doc, tok: Token, lex: CueLexicon) -> Frame | None:
    """'Trump accused Cruz, the senator from Texas, of being "politically correct"': the parser
    read a name, a past cue verb and its object as one noun phrase (the verb a modifier of the
    object, the name a compound of it). The name is the subject: it speaks, and the object with
    what follows it in the phrase is the content."""
    if (tok.dep_ not in ("amod", "compound") or tok.tag_ not in ("VBD", "VBN") or tok.i < 1
            or lex.verb_kind(tok.lemma_.lower()) not in ("speech", "clausal")):
        return None
    noun, name = tok.head, doc[tok.i - 1]
    if (noun.i <= tok.i or noun.pos_ not in ("NOUN", "PROPN") or name.pos_ != "PROPN"
            or name.head.i != noun.i or name.dep_ not in ("compound", "nmod")):
        return None
    s = name.i
    while s > 0 and doc[s - 1].pos_ == "PROPN" and doc[s - 1].head.i in (name.i, noun.i):
        s -= 1
    content = _trim(doc, tok.i + 1, noun.right_edge.i + 1)
    if content[1] - content[0] < 2:
        return None
    return Frame(cue=(tok.i, tok.i + 1), speaker=(s, name.i + 1), speaker_head=name.i, content=content,
                 kind="speech", lemma=tok.lemma_.lower(), clausal=True)


# personal pronouns and words for a group of people that can hold a view ('To many, he is ...')
_VIEWERS = frozenset(("him", "her", "them", "me", "us", "many", "some", "most", "others", "supporters",
                      "critics", "voters", "fans", "opponents", "detractors", "admirers"))


def _in_the_eyes_of(doc: Doc, tok: Token) -> Frame | None:
    """'To Sharp, Trump is the "kind-hearted and caring" man who saved her farm', 'To many, he is
    a provocateur': a sentence opened by 'To' and a person (a name, a pronoun, a group) set off by
    a comma gives that person's view, as 'in Sharp's eyes' would: the person is the source, the
    clause after the comma the content. Not 'To date,', 'To that end,', 'To his credit,'."""
    if tok.lower_ != "to" or tok.dep_ != "prep" or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    sent = tok.sent     # (after the cheap tests: this runs for every word)
    if tok.i != sent.start:
        return None
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if obj is None or not (obj.pos_ == "PROPN" and obj.ent_type_ in ("PERSON", "ORG", "NORP")
                           or obj.lower_ in _VIEWERS):
        return None
    ps, pe = trim_np(doc, *subtree_span(obj))
    if pe >= len(doc) or doc[pe].text != "," or any(t.tag_ == "POS" or t.dep_ == "poss" for t in doc[ps:pe]):
        return None
    content = _trim(doc, pe + 1, sent.end)
    if content[1] - content[0] < 3 or not any(c.dep_ in SUBJECTS for c in tok.head.children):
        return None
    return Frame(cue=(tok.i, tok.i + 1), speaker=(ps, pe), speaker_head=obj.i, content=content, kind="phrase",
                 lemma="to")


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
    ps, pe = trim_np(doc, *subtree_span(obj[0]))
    a_start, a_end = tok.i, max(pe, to[0].i + 1)
    sent = tok.sent
    before = _trim(doc, sent.start, a_start)
    # 'According to some, Kelly was "incognito," sparking a firestorm': the narration after
    # the quotation is not what they said
    gloss = next((t.i for t in doc[a_end:sent.end] if _participle_gloss(t)), sent.end)
    after = _trim(doc, a_end, gloss)
    lens = (before[1] - before[0], after[1] - after[0])
    if max(lens) < 2:
        return None
    if min(lens) >= 3:     # "C1, according to X, C2": one span over both sides
        content = (before[0], after[1])
    else:
        content = before if lens[0] >= lens[1] else after
    return Frame(cue=(tok.i, to[0].i + 1), speaker=(ps, pe) if pe > ps else None,
                 speaker_head=obj[0].i, content=content, kind="phrase", lemma="according to")
