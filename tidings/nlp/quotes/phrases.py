"""Frames of cues that are not verbs of saying: adjectives of attitude ('X is confident that
C'), 'seen as' and 'portrayed as', inverted compounds, a cue verb the tagger read as a
modifier, 'in the eyes of X' and 'according to X'."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from tidings.nlp.quotes.frame import SPEAKER_POS, Frame, cue_extent, cut_nested, trim_span
from tidings.nlp.quotes.lexicon import CueLexicon
from tidings.nlp.quotes.mentions import speaker_span, trim_np
from tidings.nlp.quotes.subjects import speaker_of
from tidings.nlp.quotes.syntax import SUBJECTS, subtree_span
from tidings.nlp.quotes.trailing import participle_gloss


# adjectives of certainty, hope, fear and feeling that take what their subject holds as a clause
# ('she is sure that ...', 'they remain confident that ...', 'leaders are worried that ...')
ATTITUDES = frozenset(("sure", "unsure", "certain", "uncertain", "confident", "convinced", "adamant", "hopeful",
                       "optimistic", "pessimistic", "worried", "concerned", "afraid", "fearful", "aware", "skeptical",
                       "sceptical", "doubtful", "insistent", "glad", "happy", "proud", "pleased", "disappointed",
                       "upset", "thrilled", "surprised", "angry", "furious", "frustrated"))


# pronouns that hold no view ('it is certain that C', 'that is sure to ...')
NON_HOLDERS = frozenset(("it", "this", "that", "there", "what", "which"))


def attitude_frame(doc: Doc, adj: Token, lex: CueLexicon, trailing: list[int]) -> Frame | None:
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
    s, e = trim_span(doc, clause.left_edge.i, cut_nested(clause, trailing))
    if e - s < 2:
        return None
    return Frame(cue=(adj.i, adj.i + 1), speaker=speaker_span(doc, head, adj.i, (s, e)), speaker_head=head.i,
                 content=(s, e), kind="belief", lemma=adj.lower_)


# verbs of regarding: 'X sees Y as Z' holds that Y is Z
REGARDING = frozenset(("see", "view", "regard"))
# verbs of depicting: 'X cast Y as Z' says that Y is Z
DEPICTING = frozenset(("cast", "portray", "depict", "characterize"))


def seen_as_frame(doc: Doc, verb: Token, lex: CueLexicon, trailing: list[int]) -> Frame | None:
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
    s, e = trim_span(doc, obj.left_edge.i, cut_nested(as_, trailing))
    if e - s < 3:
        return None
    return Frame(cue=cue_extent(doc, verb, lex), speaker=speaker_span(doc, head, verb.i, (s, e)),
                 speaker_head=head.i, content=(s, e), kind="belief" if lemma in REGARDING else "speech",
                 lemma=lemma)


def inverted_compound_frame(doc: Doc, tok: Token, lex: CueLexicon) -> Frame | None:
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


def modifier_verb_frame(doc: Doc, tok: Token, lex: CueLexicon) -> Frame | None:
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
    content = trim_span(doc, tok.i + 1, noun.right_edge.i + 1)
    if content[1] - content[0] < 2:
        return None
    return Frame(cue=(tok.i, tok.i + 1), speaker=(s, name.i + 1), speaker_head=name.i, content=content,
                 kind="speech", lemma=tok.lemma_.lower(), clausal=True)


# personal pronouns and words for a group of people that can hold a view ('To many, he is ...')
_VIEWERS = frozenset(("him", "her", "them", "me", "us", "many", "some", "most", "others", "supporters",
                      "critics", "voters", "fans", "opponents", "detractors", "admirers"))


def eyes_of_frame(doc: Doc, tok: Token) -> Frame | None:
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
    content = trim_span(doc, pe + 1, sent.end)
    if content[1] - content[0] < 3 or not any(c.dep_ in SUBJECTS for c in tok.head.children):
        return None
    return Frame(cue=(tok.i, tok.i + 1), speaker=(ps, pe), speaker_head=obj.i, content=content, kind="phrase",
                 lemma="to")


def according_frame(doc: Doc, tok: Token) -> Frame | None:
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
    before = trim_span(doc, sent.start, a_start)
    # 'According to some, Kelly was "incognito," sparking a firestorm': the narration after
    # the quotation is not what they said
    gloss = next((t.i for t in doc[a_end:sent.end] if participle_gloss(t)), sent.end)
    after = trim_span(doc, a_end, gloss)
    lens = (before[1] - before[0], after[1] - after[0])
    if max(lens) < 2:
        return None
    if min(lens) >= 3:     # "C1, according to X, C2": one span over both sides
        content = (before[0], after[1])
    else:
        content = before if lens[0] >= lens[1] else after
    return Frame(cue=(tok.i, to[0].i + 1), speaker=(ps, pe) if pe > ps else None,
                 speaker_head=obj[0].i, content=content, kind="phrase", lemma="according to")
