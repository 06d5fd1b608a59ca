"""Facts about the dependency parse that the cue rules share: what counts as a subject, where a
closing tag ('..., the source recalled.') stands, and which verbs the parser coordinated wrongly.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from tidings.nlp.parse import inword_hyphen


SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# heads a cue verb without a subject takes its speaker from ("he said, adding that ...",
# "X was quoted as saying ...", "X smiled and said ...")
INHERIT = ("xcomp", "advcl", "pcomp", "prep", "conj", "ccomp")
RELATIVE = {"who", "that", "which", "whom"}
CLOSING = frozenset(("\u201d", '"', "''", "\u2019"))      # closing marks as tokens
# what may follow a closing tag's verb ('..., the source recalled in 1991.')
_TAIL_MODIFIERS = ("prep", "advmod", "npadvmod", "punct")
TAIL_REACH = 80     # tokens after a closing tag's verb within which its sentence must end


def token_starts(doc: Doc) -> list[int]:
    """The char offset of each token, in order (for bisecting a char position to a token); read
    as one array, not by making a Token object per word."""
    return doc.to_array("IDX").tolist()


def subtree_span(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def misplaced_conj(tok: Token) -> int | None:
    """'He called it "shameful" and called on leaders ...': a verb the parser coordinated with a
    noun or adjective is a second predicate of the clause; the index of its 'and' (or None)."""
    if tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.head.pos_ in ("VERB", "AUX"):
        return None
    cc = [g.i for g in tok.head.children if g.dep_ == "cc" and g.i < tok.i]
    return max(cc) if cc else None


def second_predicate(verb: Token) -> bool:
    """'Smith says the goal is "to win," but conceded that it is hard': a finite cue verb without a
    subject that the parser coordinated with the reported clause is a second predicate of the
    clause's speaker, not part of what was said."""
    return (verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ", "VBP") and verb.head.dep_ == "ccomp"
            and verb.head.head.pos_ == "VERB" and verb.head.head.i < verb.head.i
            and not any(c.dep_ in SUBJECTS or c.dep_ == "expl" for c in verb.children))


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
    while j >= 0 and doc[j].text in CLOSING:
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


def so_called(tok: Token) -> bool:
    """'the so-called "rebels"': 'called' in 'so-called' is the writer's distance, nobody's words."""
    return (tok.lower_ == "called" and tok.i >= 2 and tok.doc[tok.i - 2].lower_ == "so"
            and inword_hyphen(tok.doc, tok.i - 1))


def after_so_called(span) -> bool:
    """A quotation (``span`` from its opening mark) right after 'so-called' ('the so-called
    "rebels"'): a term the writer holds at a distance, nobody's words."""
    i = span.start - 1
    while i >= 0 and span.doc[i].is_space:
        i -= 1
    return i >= 0 and so_called(span.doc[i])
