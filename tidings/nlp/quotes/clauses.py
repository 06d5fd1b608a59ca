"""What a cue verb reports (``reported_content``): its clause, object or infinitive, and
where the parser's attachments make that clause run too far or stop too early (a closing tag
hung inside it, a 'because' clause, an aside with 'as', a conjunct that is a second quote)."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from tidings.nlp.quotes.frame import MAX_SENTENCE_TOKENS, QUOTE_MARKS, cut_nested, trim_span
from tidings.nlp.quotes.lexicon import CueLexicon
from tidings.nlp.quotes.participles import aside_participle
from tidings.nlp.quotes.syntax import CLOSING, SUBJECTS, misplaced_conj, subtree_span, tail_tag


CLAUSAL = ("ccomp",)
COMPLEMENTS = ("dobj", "xcomp", "prep", "dative", "attr", "oprd", "acomp")
# prepositions after a cue that belong to the cue's setting, not to what was said
CONTENT_PREPS = {"for", "of", "about", "against", "over", "as", "on"}


# verbs that name something ("called X Y", "dubbed X Y"): the object and the name are the content
NAMING = {"call", "dub", "label", "brand", "term"}


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
    no clause said; the cue's content is elsewhere), or when it is one prepositional phrase ('In
    talks that wrapped up this week, Roe called for limits': its verb is the setting's own)."""
    s, e = trim_span(doc, start, comma)
    if e - s < 2 or doc[s].pos_ == "ADP" and doc[s].right_edge.i >= e - 1 and not any(
            t.text in QUOTE_MARKS for t in doc[s:e]):
        return None
    if any(t.pos_ in ("VERB", "AUX") or t.text in QUOTE_MARKS for t in doc[s:e]):
        return s, e
    return None


def reported_content(doc: Doc, verb: Token, kind: str, lex: CueLexicon,
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
            s, e = trim_span(doc, _stray_subject(verb, c), cut_nested(c, trailing))
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
            s, e = trim_span(doc, s, e)
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
        s, e = trim_span(doc, verb.head.left_edge.i, cut_nested(verb.head, trailing))
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
                s, e = trim_span(doc, t.i + 1, cut_nested(t.head, trailing))
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
            s, e = trim_span(doc, sibling.left_edge.i, cut_nested(sibling, trailing))
            if e > s:
                return (s, e), True
        host = _host_clause(verb, lex)
        if host is not None:
            s, e = trim_span(doc, host[0], cut_nested(host[1], trailing))
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
            e = max(cut_nested(c, trailing) for c in rest)
            # 'He called it "shameful" and called on leaders to ...': a second predicate the
            # parser hung inside the name is not part of it
            e = min([e] + [misplaced_conj(t) for c in rest for t in c.subtree
                           if misplaced_conj(t) is not None])
            s, e = trim_span(doc, min(c.left_edge.i for c in objs), _because(verb, e, trailing))
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
            e = _because(verb, max(cut_nested(c, trailing) for c in comps), trailing)
            s, e = trim_span(doc, s, e)
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
                return max(end, cut_nested(c, trailing))
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
            new = max(end, cut_nested(c, trailing))
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
    s, e = trim_span(doc, s, e)
    return (s, e) if e - s >= 3 else None


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
