"""Attribution frames from the dependency parse: cue, speaker tokens and reported clause.

A frame is what one cue says about a sentence: "X said (that) C", "X told reporters C",
"it was announced by X that C", "X was quoted as saying C", "according to X, C",
"C, X said". ``verb_frames`` reads them for verbs of saying here; what a verb reports is
found by clauses.py, where it stops by trailing.py, and cues that are not verbs by nouns.py
('his claim that C') and phrases.py ('X is confident that C', 'according to X'). Quotation
marks are not looked at here (see attach.py, which joins frames with the quoted runs of
marks.py).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from tidings.nlp.columns import columns
from tidings.nlp.quotes.clauses import reported_content
from tidings.nlp.quotes.frame import SPEAKER_POS, Frame, cue_extent, cut_nested, trim_span
from tidings.nlp.quotes.lexicon import CueLexicon
from tidings.nlp.quotes.mentions import (mistagged_name, name_as_adverb, nominal_adjective, quantifier, speaker_span,
                                         stranded_subject)
from tidings.nlp.quotes.nouns import PLEDGES, nominal_frame
from tidings.nlp.quotes.phrases import (ATTITUDES, according_frame, attitude_frame, eyes_of_frame,
                                        inverted_compound_frame, modifier_verb_frame, seen_as_frame)
from tidings.nlp.quotes.subjects import speaker_of
from tidings.nlp.quotes.syntax import so_called
from tidings.nlp.quotes.trailing import parsed_words, trailing_cues


# clause-taking verbs that do not attribute ("it makes sure that", "it seems that")
NOT_ATTRIBUTING = {"be", "have", "do", "make", "go", "get", "seem", "appear", "mean", "happen", "ensure",
                   "let", "turn", "come", "take", "look", "sound", "become", "help", "matter", "allow",
                   "wonder", "\u2019s", "'s"}   # "’s": a curly 's the lemmatizer leaves as is


# nouns of words said that a possessive attributes ('Romney's "47 percent" comment', 'her
# slogan is "..."', 'his answer was that ...'), besides the lexicon's nominal cues
SAYING_NOUNS = frozenset(("slogan", "line", "mantra", "motto", "response", "answer", "reply", "words", "quip",
                          "refrain", "catchphrase", "retort", "phrase", "word"))


# how a name the tagger mistook may hang on its verb: as its subject, or as a modal ('Will urged')
NAME_DEPS = ("nsubj", "nsubjpass", "aux")


def _frame_words(doc: Doc, lex: CueLexicon) -> list[int]:
    """The tokens that may head a frame: every test of ``verb_frames`` (and of the frame readers
    it calls) turns the others down at its first step, so skipping them changes nothing."""
    c = columns(doc)
    nouns = lex.nouns | SAYING_NOUNS | PLEDGES
    mask = (c.pos_in(("VERB", "AUX")) | c.tag_in(("VBD", "VBN")) | c.lower_in(ATTITUDES | {"to", "according"})
            | c.pos_in(("NOUN",)) & c.lemma_lower(nouns.__contains__)
            | c.tag_in(("NNS",)) & c.dep_in(("ROOT",))
            | c.tag_in(("NNP",)) & c.dep_in(("compound",)) & c.lower_test(lambda w: w.endswith("ed")))
    return c.where(mask)


def verb_frames(doc: Doc, lex: CueLexicon, start: int = 0, end: int | None = None) -> list[Frame]:
    """Frames of cue verbs and cue phrases in doc[start:end]."""
    end = len(doc) if end is None else end
    frames: list[Frame] = []
    trailing = trailing_cues(doc, lex)
    for tok in parsed_words(doc, start, end, _frame_words(doc, lex)):
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.nouns:
            f = nominal_frame(doc, tok, trailing)
            if f:
                frames.append(f)
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in SAYING_NOUNS | PLEDGES:
            f = nominal_frame(doc, tok, trailing, copular=tok.lemma_.lower() in SAYING_NOUNS)
            if f:
                frames.append(f)
                continue
        attitude = attitude_frame(doc, tok, lex, trailing) or seen_as_frame(doc, tok, lex, trailing)
        if attitude is not None:
            frames.append(attitude)
            continue
        viewer = eyes_of_frame(doc, tok)
        if viewer is not None:
            frames.append(viewer)
            continue
        modifier = modifier_verb_frame(doc, tok, lex)
        if modifier is not None:
            frames.append(modifier)
            continue
        inverted = inverted_compound_frame(doc, tok, lex)
        if inverted is not None:
            frames.append(inverted)
            continue
        if (tok.pos_ not in ("VERB", "AUX") and not (tok.lower_ == "according" and tok.dep_ == "prep")
                and not _verb_as_plural(tok, lex)) or so_called(tok):
            continue
        if tok.lower_ == "according":
            f = according_frame(doc, tok)
            if f:
                frames.append(f)
            continue
        lemma = tok.lemma_.lower()
        kind = lex.verb_kind(lemma)
        made = _made_clear(tok) if lemma == "make" else None
        if made is not None:
            clear, clause = made
            s, e = trim_span(doc, clause.left_edge.i, cut_nested(clause, trailing))
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
        content, clausal = reported_content(doc, tok, kind, lex, trailing)
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
            content = trim_span(doc, content[0], head.head.i)
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
    s, e = trim_span(doc, subj.left_edge.i, verb.i - 1)
    return (head, (s, e)) if e - s >= 3 else None
