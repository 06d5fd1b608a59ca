"""Context flags of an event trigger: negated, hypothetical, future; and intent conversion.

Rules read off the dependency parse (spaCy English labels):
- negated: ``neg`` child of the trigger or of a verb that governs it through xcomp
  ("did not see", "refused to attend" is coded by its own verb, not flagged here).
- hypothetical: a modal other than will/shall (could, might, may, should, would outside
  reported speech), an ``if``/``unless`` clause, a governing verb of threat/possibility, or an
  allegation: a clause under "accusations that ...", the act one is "accused of" (not asserted).
- future: will/shall/"going to", "would" in reported speech ("said it would send"), or a
  governing verb of intent (pledge, promise, plan, vow, agree, intend, aim, prepare...).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

MODALS_HYPO = {"could", "might", "may", "should", "must", "ought", "can", "ca"}
MODALS_FUT = {"will", "shall", "'ll", "wo"}
INTENT_VERBS = {"pledge", "promise", "plan", "vow", "agree", "intend", "aim", "prepare", "decide",
                "resolve", "commit", "undertake", "offer", "seek", "want", "hope", "expect", "schedule",
                "set", "propose", "due", "slate", "poise"}   # 'is due to meet', 'slated to', 'poised to'
# 'were unlikely to vote for him', 'is likely to win': a forecast, not an event
HYPO_ADJS = {"likely", "unlikely"}
HYPO_VERBS = {"threaten", "consider", "mull", "weigh", "warn", "risk", "might",
              # what someone is urged or asked to do has not happened: 'urge Afghanistan to cooperate'
              "urge", "ask", "demand", "press", "encourage", "implore", "exhort", "request"}
NEGATING_VERBS = {"deny", "refuse", "decline", "fail", "reject", "avoid", "stop", "cease", "halt",
                  # 'was unable to break into the top three', 'unwilling to meet'
                  "unable", "unwilling", "reluctant", "powerless"}
# 'is ready to negotiate', 'willing to sign', 'open to negotiating': not done yet, intended
INTENT_ADJS = {"ready", "willing", "eager", "prepared", "keen", "determined", "open", "committed"}
ALLEGATION_NOUNS = {"accusation", "allegation", "claim", "rumor", "rumour", "speculation", "suggestion",
                    "suspicion", "fear", "possibility", "threat", "warning", "report"}
# verbs whose 'of'/'for' complement is what someone is accused of, not an established event
# ('condemned X for attacking Y' presupposes the attack: condemning verbs are not here)
ALLEGING_VERBS = {"accuse", "charge", "blame", "suspect", "indict", "allege"}
SAY_VERBS = {"say", "tell", "announce", "state", "add", "declare", "report", "claim", "note",
             "stress", "insist", "confirm", "reply", "explain", "write", "indicate"}


@dataclass(frozen=True, slots=True)
class Flags:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    governed_by_intent: bool = False


def _aux_words(v: Token) -> list[str]:
    return [c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")]


def _has_neg(v: Token) -> bool:
    # 'seldom criticized China', 'rarely met': what is said not to happen (as a rule) did not
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't", "seldom", "rarely", "hardly", "scarcely")
               and c.dep_ in ("advmod", "neg") for c in v.children)


def flags_for(trigger: Token) -> Flags:
    # 'give no support to', 'made no concessions': the object says nothing was done
    negated = _has_neg(trigger) or any(c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
                                       for c in trigger.children)
    auxes = _aux_words(trigger)
    hypothetical = any(a in MODALS_HYPO for a in auxes)
    future = any(a in MODALS_FUT for a in auxes) or _going_to(trigger)
    intent = False
    reported = False
    # walk up through infinitive / clausal complements
    v = trigger
    hops = 0
    while v.dep_ in ("xcomp", "ccomp", "conj", "advcl", "pcomp") and v.head != v and hops < 4:
        rel = v.dep_
        h = v.head
        hops += 1
        if rel == "conj":
            # coordinated verbs share auxiliaries ("will meet and sign")
            auxes_h = _aux_words(h)
            future = future or any(a in MODALS_FUT for a in auxes_h)
            hypothetical = hypothetical or any(a in MODALS_HYPO for a in auxes_h)
            negated = negated or (_has_neg(h) and not any(c.dep_ in ("aux", "nsubj") for c in trigger.children))
        elif rel == "xcomp":
            lem = h.lemma_.lower()
            if lem in NEGATING_VERBS:
                negated = True
            if lem in INTENT_VERBS or lem in INTENT_ADJS:
                future, intent = True, True
            if lem in HYPO_VERBS or lem in HYPO_ADJS:
                hypothetical = True
            negated = negated or _has_neg(h)
            auxes_h = _aux_words(h)
            future = future or any(a in MODALS_FUT for a in auxes_h)
            hypothetical = hypothetical or any(a in MODALS_HYPO for a in auxes_h)
        elif rel == "ccomp" and h.lemma_.lower() in ("deny", "dismiss", "refute", "reject"):
            negated = True
            break
        elif rel == "ccomp" and h.lemma_.lower() in SAY_VERBS:
            reported = True
            break
        elif rel == "pcomp" and h.lower_ == "to" and h.head.lemma_.lower() in INTENT_ADJS:
            future, intent = True, True     # 'open to negotiating a deal'
            break
        elif rel == "advcl":
            break
        else:
            break
        v = h
    # "accusations (that) it is getting weapons": a clause under an allegation noun is not asserted,
    # nor what someone is accused of ("accused Turkey of attacking Armenia", "stand accused of ...")
    h = trigger
    for _ in range(4):
        if h.dep_ in ("acl", "relcl", "ccomp") and h.head.pos_ in ("NOUN", "PROPN") \
                and h.head.lemma_.lower() in ALLEGATION_NOUNS:
            hypothetical = True
            break
        if h.dep_ == "pcomp" and h.head.lower_ in ("of", "for") and h.head.head.lemma_.lower() in ALLEGING_VERBS:
            hypothetical = True
            break
        if h.dep_ == "pcomp" and h.head.lower_ == "against" and h.head.head.lemma_.lower() in HYPO_VERBS:
            hypothetical = True      # 'warned Washington against arming Taiwan': a warning, not an act
            break
        if h.head == h:
            break
        h = h.head
    if "would" in auxes:
        if reported:
            future = True
        else:
            hypothetical = True
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in trigger.children):
        hypothetical = True
    if _asked(trigger):
        hypothetical = True       # 'Would it make ISIL less committed to kill Americans?': asked, not told
    if trigger.dep_ == "pcomp" and trigger.head.lower_ in ("of", "than") and any(
            w.lower_ in ("instead", "rather") for w in (trigger.head.head, *trigger.head.children)):
        negated = True            # 'instead of making a visit to Louisiana', 'rather than attacking
    if any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children if m.dep_ == "mark")
           for c in trigger.children):
        hypothetical = True
    return Flags(negated=negated, hypothetical=hypothetical, future=future, governed_by_intent=intent)


_CLOSERS = frozenset(" \"'\u201d\u2019")


def _asked(tok: Token) -> bool:
    """The sentence of ``tok`` ends with a question mark (closing quotes aside). Read off the
    tokens to the sentence's end: ``tok.sent.text`` would build the sentence for every trigger."""
    doc, j = tok.doc, tok.i
    while j < len(doc) - 1 and not doc[j].is_sent_end:
        j += 1
    while j > tok.i and set(doc[j].text) <= _CLOSERS:
        j -= 1
    return doc[j].text.rstrip("".join(_CLOSERS)).endswith("?")


def _going_to(v: Token) -> bool:
    h = v.head
    return v.dep_ == "xcomp" and h.lower_ == "going" and any(c.lower_ in ("is", "are", "am", "'s", "'re")
                                                             for c in h.children)


# CAMEO material cooperation -> the matching intent code (root 03)
_INTENT = {"05": "032", "06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
           "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334", "075": "0333",
           "08": "035", "081": "0351", "082": "0352", "083": "034", "084": "0353", "085": "0354",
           "086": "0355", "087": "0356", "04": "036"}


def intent_code(code: str) -> str | None:
    """The 'express intent to ...' code for a cooperative CAMEO code, else None."""
    if not code[:2].isdigit():
        return None
    return _INTENT.get(code[:3]) or _INTENT.get(code[:2])
