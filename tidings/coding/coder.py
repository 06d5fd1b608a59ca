"""The event coder: CAMEO/PLOVER events from a spaCy dependency parse and actor mentions.

Entry point::

    coder = EventCoder(dictionaries=None | "dir/with/PETRARCH/dicts", settings=Settings())
    events = coder.code(doc, article_id, article_date="2020-12-29", actors=resolved, quotes=quotes)

- ``doc``: a parsed spaCy Doc of the article body (offsets in events are into ``doc.text``).
- ``actors``: with the default dictionaries, the actors layer's ``ResolvedActors`` (or a list
  of ``ActorMention``); with ``dictionaries=DIR`` it is ignored and actors come from the
  PETRARCH actor/agent dictionaries in DIR (compound codes = actor code + agent code).
- ``quotes``: ``list[Quote]`` from ``tidings.nlp.quotes`` (used for reported-speech events
  and ``evidence.quote_id``); may be omitted.

How a sentence is coded (one pass per verb whose form is in the verb dictionary):
1. the verb's dictionary entry gives a default code; the most specific matching pattern
   of its group (see ``patterns.py``) refines it and may name the source/target slots;
2. source = actors in the subject (the ``by`` agent for passives; subjects are inherited
   through xcomp/conj/advcl chains), target = the first actor in the verb's own object
   region (objects and prepositional phrases, not subordinate or reported clauses), with
   its coordinated actors; a compound subject with no target codes the actors with each
   other when the event is cooperative or mutual ("Turkey and Russia pledged ...", "Israel
   and Hezbollah traded fire"); unnamed local groups take the sentence's country first
   (``domestic.py``);
3. a verb that is the infinitive complement of a coded verb is not coded again ("pledged
   to cooperate" is only the pledge); with the default (CAMEO) dictionaries, material
   cooperation stated as future or intent becomes the matching intent code (03x);
4. nominal events ("US sanctions on Turkey", "talks between X and Y") come from
   ``data/nominals.tsv``; reported speech whose content carries a disapproval or
   accusation word ("an act of aggression against ...") codes the speaker criticising or
   accusing the actor it names (``data/speech_lexicon.tsv``).
5. between two people, force is criticism or no event (``people.py``); an army's force against a
   capital hits the city, not the government its name stands for.
Each event carries context flags, date, place, confidence and evidence spans.

Who fills the source and target slots is read by ``roles.py``, sentence and clause facts by
``sentences.py``; the default verb, nominal and speech tables are loaded by ``tables.py``.
"""
from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from tidings.coding.actors import PetrarchActorTagger, mentions_of
from tidings.coding.context import SAY_VERBS, Flags, flags_for, intent_code
from tidings.coding.dates import event_date, is_historical
from tidings.coding.domestic import with_local_countries
from tidings.coding.ontology import code_info
from tidings.coding.patterns import Context, Match, best_match
from tidings.coding.people import force_between_people
from tidings.coding.petrarch import Dictionaries, load_dictionaries
from tidings.coding.places import event_place
from tidings.coding.roles import (MODIFIER_DEPS, ParsedMention, behind_preposition, coordinated_with, dedupe_mentions,
                                  entity_targets, first_person, is_location_phrase, is_medium_phrase, iso3_codes, mention_span,
                                  mentions_in, object_region, pronoun_antecedent, recoded, same_side, speaker_mentions,
                                  subject_tokens, target_mentions, top_mentions, two_people, word_owner)
from tidings.coding.sentences import (clause_depth, cooperative, ends_like_sentence, entry_span, governed_by,
                                      has_neg_near, inside_xcomp, noun_chunk_ends, QuoteAt, segments, StartIndex)
from tidings.coding.tables import default_discards, default_verb_dictionary, nominals, speech_lexicon
from tidings.coding.verbs import VerbEntry
from tidings.ids import stable_id
from tidings.intervals import Intervals
from tidings.nlp.columns import Columns, columns
from tidings.nlp.parse import dateline_tokens
from tidings.records import Actor, ActorMention, EventMention, Evidence, Quote, Span as TextSpan
from tidings.settings import Settings


log = logging.getLogger(__name__)


MAX_SENT_TOKENS = 120          # longer "sentences" are lists/tables run together: not coded


# verbs whose coordinated subjects act with each other ("Turkey and Russia pledged/agreed/met")
JOINT_VERBS = {"pledge", "promise", "vow", "agree", "sign", "meet", "negotiate", "cooperate", "commit",
               "talk", "discuss", "reconcile", "ally", "confer", "consult", "conclude", "reach", "hold",
               "renew", "restore", "resume", "establish", "normalize", "normalise", "strengthen", "deepen",
               "expand", "exchange", "welcome", "celebrate", "delay", "postpone", "downplay"}
# what two sides do to each other when both are the subject: 'Indian and Pakistani troops clashed'
MUTUAL_VERBS = {"clash", "fight", "battle", "spar", "skirmish", "feud", "quarrel", "wrangle", "tussle"}
LIGHT_VERBS = {"plan", "intend", "aim", "hope", "expect", "prepare", "decide", "try", "attempt", "continue",
               "begin", "start", "want", "wish", "need", "seek", "seem", "appear", "have", "be", "go", "get"}
NAMING_VERBS = {"call", "dub", "label", "brand", "term"}
# what coordinated subjects pledge or agree to hand over goes to someone else: 'The U.S., China and
# Japan pledged to supply fuel oil' (to North Korea), 'agreed to help Ukraine'
GIVING_VERBS = {"supply", "provide", "give", "send", "deliver", "donate", "contribute", "ship", "grant", "lend",
                "fund", "finance", "sell", "transfer", "help", "aid", "assist", "support", "train", "arm"}
GENERIC_CODES = {"010", "01", "019", "020", "02"}
TRAVEL_CODES = {"042", "043", "036"}      # visits made, hosted, offered
DEPARTURE_VERBS = {"leave", "depart"}
# winning and losing, which in a sports report is a game: a score in the sentence or the words of
# sports in the story ('points', 'coach', 'playoff') say which
CONTEST_VERBS = {"beat", "defeat", "edge", "rout", "trounce", "thrash", "outscore", "down", "top", "crush",
                 "overpower", "outlast", "whip", "hammer", "upset", "eliminate"}
SPORTS_WORDS = frozenset("""points goals goal scored scoring coach season playoff playoffs innings wickets
quarterback touchdown tournament championship striker goalkeeper midfielder league nhl nba nfl mlb fifa
uefa rebounds assists halftime overtime""".split())
_SCORE = re.compile(r"\d{1,3}-\d{1,3}")


# verbs whose bare-infinitive complement follows their object: 'helped Azerbaijan reconquer'
_BARE_INFINITIVE_HEADS = {"help", "let", "make", "see", "watch", "hear", "have", "bid"}


def _noun_read_as_verb(tok: Token) -> bool:
    """'the Oval Office clash between Trump and Zelenskyy': a base-form 'verb' right after a noun,
    with no auxiliary, 'to', subject or clause marker of its own, is the noun the tagger missed."""
    if tok.tag_ != "VB" or tok.dep_ not in ("ccomp", "advcl", "ROOT", "dep") or tok.i == tok.sent.start:
        return False
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "mark") for c in tok.children):
        return False
    if tok.head.lemma_.lower() in _BARE_INFINITIVE_HEADS:
        return False
    return tok.doc[tok.i - 1].tag_ in ("NN", "NNS", "NNP", "NNPS")


def _no_visit(s: ParsedMention, t: ParsedMention) -> bool:
    """'Negroponte left for Washington': an official going home; '2.8 million Chinese tourists
    visited Vietnam': travel, not a visit between parties."""
    going_home = s.code[:3] == t.code[:3] and t.mention.kind == "metonym"
    return going_home or bool(s.mention.actor and s.mention.actor.sector == "CVL")


def _sports_report(sent: Span) -> bool:
    """A score in the sentence, or three words of sports in its story."""
    if _SCORE.search(sent.text):
        return True
    return columns(sent.doc).memo("coder_sports_words", _sports_words) >= 3


def _sports_words(c: Columns) -> int:
    """How many different words of sports the story holds."""
    return len({w for w in c.lowers() if w in SPORTS_WORDS})


def _given_to_others(verb: Token) -> bool:
    """'pledged to supply fuel oil', 'agreed to help Ukraine': the infinitive under the verb gives
    to a third party, unless to 'each other'. (The parser may hang the infinitive on a noun
    between them: 'pledged in turn to supply'.)"""
    for w in verb.subtree:
        if w.i <= verb.i or w.lemma_.lower() not in GIVING_VERBS or w.pos_ != "VERB" \
                or not any(c.dep_ == "aux" and c.lower_ == "to" for c in w.children):
            continue
        between = [a for a in w.ancestors if verb.is_ancestor(a)]
        if any(a.pos_ in ("VERB", "AUX") for a in between):
            continue
        return not any(x.lower_ in ("other", "another") and x.i > 0 and x.doc[x.i - 1].lower_ in ("each", "one")
                       for x in w.subtree)
    return False


def _names_something(tok: Token) -> bool:
    """'called Canada one of the highest tariffing nations', 'called Clinton, his challenger, an
    ISIS co-founder' (the name parsed as an apposition): naming, not a call. A lone 'predicate' is
    the object misparsed ('Macron called Ukrainian President Zelensky')."""
    kids = list(tok.children)
    if any(c.dep_ == "oprd" for c in kids) and sum(c.dep_ in ("oprd", "dobj") for c in kids) > 1:
        return True
    return any(a.dep_ == "appos" and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in a.children)
               for c in kids if c.dep_ == "dobj" for a in c.subtree)


def _capital_struck(raw: "_Raw") -> "_Raw":
    """Armed force (CAMEO 18-20 by an army, a group or their weapons) against a capital hits the
    city and its people, as against any other city (country + CVL), not the government its name
    stands for when it acts or speaks ('Russian missiles hit Kyiv'; 'Moscow attacked Kyiv' stays
    state against state)."""
    t, s = raw.target, raw.source
    if t is None or raw.code[:2] not in ("18", "19", "20") or t.mention.via != "kb:capital" or not t.mention.actor:
        return raw
    if s is None or not s.mention.actor or s.mention.actor.sector not in ("MIL", "REB", "UAF", "PRM"):
        return raw
    a = t.mention.actor
    if not a.country:
        return raw
    city = Actor(code=a.country + "CVL", country=a.country, sector="CVL", name=t.mention.text, kb_id=a.kb_id)
    return replace(raw, target=recoded(t, city, "kb:capital-as-city", kind="name"))


@dataclass(slots=True)
class _Raw:
    source: ParsedMention | None
    target: ParsedMention | None
    code: str
    trigger: tuple[int, int]         # token span
    flags: Flags
    confidence: float
    via: str
    anchor: Token                    # token whose clause gives date and place
    quote_id: str | None = None


class EventCoder:
    def __init__(self, dictionaries: str | Path | Dictionaries | None = None,
                 settings: Settings | None = None):
        self.settings = settings or Settings()
        if dictionaries is not None:
            self.dicts = dictionaries if isinstance(dictionaries, Dictionaries) else load_dictionaries(dictionaries)
            self.verbs = self.dicts.verbs
            self.tagger = PetrarchActorTagger(self.dicts)
            self.discards = tuple(self.dicts.discards) or (default_discards() if self.dicts.cameo_verbs else ())
            # CAMEO-specific rules (intent codes, nominal and speech events) need CAMEO verb codes
            self.cameo = self.dicts.cameo_verbs
        else:
            self.dicts = None
            self.verbs = default_verb_dictionary()
            self.tagger = None
            self.discards = default_discards()
            self.cameo = True

        self._discard_index: dict[bool, dict[str, list[tuple[str, ...]]]] = {True: {}, False: {}}
        for phrase, story in self.discards:
            self._discard_index[story].setdefault(phrase[0], []).append(phrase)

    # ------------------------------------------------------------ public
    def code(self, doc: Doc, article_id: str, article_date: str | None = None, actors=None,
             quotes: list[Quote] | None = None) -> list[EventMention]:
        if len(doc) == 0:
            return []
        if not doc.has_annotation("DEP"):
            raise ValueError(f"event coding of {article_id} needs a dependency parse (spaCy pipeline with a parser)")
        if self.tagger is not None:
            raw_mentions = self.tagger.tag(doc, article_date)
        else:
            raw_mentions = [m for m in mentions_of(actors) if m.actor is not None and m.actor.code]
        self._date = article_date
        lowered = columns(doc).lowers()
        if self._discarded(lowered, story=True):
            return []
        ms = self._locate(doc, raw_mentions + speaker_mentions(quotes or [], raw_mentions))
        self._chunks = None
        self._quote_at = QuoteAt(quotes or [])
        by_start = StartIndex(ms, lambda m: m.start)
        out: list[EventMention] = []
        seen: set = set()
        quote_raws = StartIndex(self._quote_events(doc, ms, quotes or []) if self.cameo else [],
                                lambda r: r.trigger[0])
        multi_paragraph = "\n" in doc.text.strip()
        for sent in segments(doc):
            if multi_paragraph and not ends_like_sentence(sent):
                # headlines, captions, list items and teasers of a page: not reports of events
                continue
            if len(sent) > MAX_SENT_TOKENS or not any(t.pos_ in ("VERB", "AUX") for t in sent):
                continue
            if self._discarded(lowered[sent.start:sent.end], story=False):
                continue
            try:
                local = [m for m in by_start.starting_in(sent.start, sent.end) if m.end <= sent.end]
                raws = self._code_sentence(doc, sent, local, quotes or [])
            except Exception:      # one odd parse must not cost the article its other events
                log.warning("event coding failed for a sentence of %s at char %d", article_id,
                            sent.start_char, exc_info=True)
                continue
            if self.cameo:
                raws += quote_raws.starting_in(sent.start, sent.end)
            for raw in raws:
                if self.cameo:
                    code = force_between_people(doc, raw.code, raw.source, raw.target, raw.trigger[0])
                    if code is None:
                        continue
                    raw = replace(raw, code=code) if code != raw.code else raw
                    raw = _capital_struck(raw)
                ev = self._finish(doc, sent, raw, article_id, article_date, quotes or [])
                key = (ev.source.actor.code if ev.source else None, ev.target.actor.code if ev.target else None,
                       ev.cameo["code"], sent.start)
                if key in seen:
                    continue
                seen.add(key)
                out.append(ev)
        return out

    # ------------------------------------------------------------ helpers
    def _discarded(self, words: list[str], story: bool) -> bool:
        index = self._discard_index[story]
        for i, w in enumerate(words):
            for phrase in index.get(w, ()):
                if tuple(words[i:i + len(phrase)]) == phrase:
                    return True
        return False

    def _locate(self, doc: Doc, mentions: list[ActorMention]) -> list[ParsedMention]:
        out = []
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or len(span) == 0 or m.actor is None:
                continue
            real = True
            if self.cameo:
                a = m.actor
                real = (a.country or "") in iso3_codes() or a.code.startswith(("IGO", "NGO", "IMG", "MNC"))
            out.append(ParsedMention(m, span.start, span.end, span.root.i, m.actor.code, real))
        return out

    # ------------------------------------------------------------ sentence
    def _code_sentence(self, doc: Doc, sent: Span, local: list[ParsedMention], quotes: list[Quote]) -> list[_Raw]:
        """Events of one sentence; ``local`` are the mentions inside it, in document order."""
        if self.cameo:
            local = with_local_countries(sent, local, self._date)
        ctx = self._context(doc, sent, local)
        cands = self._verb_candidates(sent, local)
        cands.sort(key=lambda c: clause_depth(c[0]))
        coded: dict[int, str] = {}
        out: list[_Raw] = []
        for tok, entry, vs, ve in cands:
            if tok.i in coded:
                continue
            if governed_by(tok, coded):
                continue
            group = self.verbs.groups.get(entry.group)
            if group is None:
                continue
            # a verb describing a noun ('a militant linked to al-Qaeda ordered the assassination')
            # has its pattern inside its own phrase
            hi = max(tok.right_edge.i + 1, ve) - sent.start if tok.dep_ in ("acl", "relcl", "amod") else None
            m = best_match(ctx, group.patterns, vs - sent.start, ve - sent.start, hi=hi)
            code = m.pattern.code if m else (entry.code or group.code)
            if not code or not any(ch.isalnum() for ch in code):
                continue
            if self.cameo and m is None and tok.lemma_.lower() in LIGHT_VERBS and \
                    any(c.dep_ == "xcomp" for c in tok.children):
                # "plans to urge", "tried to attack": the complement is the event
                continue
            if self.cameo and m is None and tok.lemma_.lower() in NAMING_VERBS and _names_something(tok):
                # naming, not a phone call (CAMEO's default for 'call'); only a pattern on the
                # name codes it
                continue
            if self.cameo and tok.tag_ == "VBN" and tok.dep_ == "acl" and code[:2].isdigit() and int(code[:2]) < 10:
                # 'a government backed by Russia', 'a militant linked to al-Qaeda': a participle
                # describing a noun with a code of CAMEO's roots 01-09 (statements to cooperation and
                # investigation) states a relation; 'civilians killed by troops' still reports a deed
                continue
            if self.cameo and tok.lemma_.lower() in CONTEST_VERBS and _sports_report(sent):
                continue    # 'Connecticut beat St. John's 81-65': a game, not a battle
            if self.cameo and m is None and tok.lemma_.lower() in DEPARTURE_VERBS:
                continue    # 'Rice left Riyadh': leaving is no meeting ('left for X' is a pattern)
            if self.cameo and m is None and code.split(":")[0] in GENERIC_CODES:
                # "X said/saw/referred ..." alone is not an event worth a record
                continue
            flags = flags_for(tok)
            if m and self._pattern_covers_negation(m, ctx, vs - sent.start):
                flags = Flags(False, flags.hypothetical, flags.future, flags.governed_by_intent)
            raws = self._events_for_verb(doc, sent, tok, (vs, ve), code, m, local, flags)
            if raws:
                coded[tok.i] = code
                out += raws
        if self.cameo:
            out += self._nominal_events(doc, sent, local, coded)
            out += self._speech_events(doc, sent, local, coded, quotes)
        return out

    def _pattern_covers_negation(self, m: Match, ctx: Context, vstart: int) -> bool:
        words = {e.value for chunk in m.pattern.pre for e in chunk}
        return any(w in ("not", "never", "n't", "no", "neither") or w.startswith("&NEG") for w in words)

    def _context(self, doc: Doc, sent: Span, local: list[ParsedMention]) -> Context:
        words = columns(doc).lowers()[sent.start:sent.end]
        mention_at: dict[int, tuple[int, list[int]]] = {}
        for n, m in enumerate(local):
            s, e = m.start - sent.start, m.end - sent.start
            if s in mention_at:
                mention_at[s] = (max(e, mention_at[s][0]), mention_at[s][1] + [n])
            else:
                mention_at[s] = (e, [n])
        compound_at: dict[int, tuple[int, list[int]]] = {}
        starts = sorted(mention_at)
        for i, s in enumerate(starts):
            end, ids = mention_at[s]
            ids = list(ids)
            for s2 in starts[i + 1:]:
                gap = words[end:s2]
                if gap and all(g in (",", "and", "or", "nor", "the") for g in gap):
                    end, more = mention_at[s2]
                    ids += more
                elif not gap:
                    end, more = mention_at[s2]
                    ids += more
                else:
                    break
            if len(ids) > 1:
                compound_at[s] = (end, ids)
        def chunk_end():   # noun chunks only when a pattern has a ^ slot
            if self._chunks is None:
                self._chunks = noun_chunk_ends(doc)
            return {s0 - sent.start: e0 - sent.start for s0, e0 in self._chunks.items()
                    if sent.start <= s0 < sent.end}
        return Context(words, mention_at, compound_at, chunk_end, self.verbs.synsets)

    def _verb_candidates(self, sent: Span, local: list[ParsedMention]) -> list[tuple[Token, VerbEntry, int, int]]:
        in_mention = {i for m in local for i in range(m.start, m.end)}
        out = []
        verbs_at = columns(sent.doc).memo("coder_verbal", _verbal_words)
        for k in range(bisect.bisect_left(verbs_at, sent.start), bisect.bisect_left(verbs_at, sent.end)):
            tok = sent.doc[verbs_at[k]]
            if tok.i in in_mention or not tok.is_alpha:
                continue
            verbal = tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or tok.dep_ == "ROOT"
            if not verbal or _noun_read_as_verb(tok):
                continue
            entries = self.verbs.by_form.get(tok.lower_, [])
            if not entries and tok.pos_ == "VERB":
                entries = self.verbs.by_lemma.get(tok.lemma_.lower(), [])
                entries = [e for e in entries if tok.lemma_.upper() in e.forms]
            best = None
            for e in entries:
                span = entry_span(sent, tok, e)
                if span is None:
                    continue
                size = span[1] - span[0]
                if best is None or size > best[3] - best[2]:
                    best = (tok, e, span[0], span[1])
            if best:
                out.append(best)
        return out

    # ------------------------------------------------------------ roles
    def _events_for_verb(self, doc, sent, tok: Token, vspan, code, m: Match | None, local: list[ParsedMention],
                         flags: Flags) -> list[_Raw]:
        sources, targets, passive = self._syntactic_roles(tok, local, vspan, owners=not code.startswith("04"))
        if self.cameo:
            targets = [t for t in targets if t.real]
        compound_pairs = False
        if m:
            roles = m.roles
            if "source" in roles:
                sources = dedupe_mentions([local[i] for i in roles["source"]])
            if "target" in roles:
                t = dedupe_mentions([local[i] for i in roles["target"]])
                # the slot holds the first of 'Russia and Ukraine': the pattern is about all of them
                t = dedupe_mentions(t + [x for x in local if x not in t and x.start > tok.i
                                         and any(coordinated_with(doc, y, x) for y in t)])
                if sources and {x.code for x in t} == {x.code for x in sources} and "source" not in roles and \
                        not any(two_people(doc, y, x) for y in sources for x in t):
                    # the pattern made the verb's own subject the target: source is the governing clause's
                    sources = self._governing_subjects(tok, local)
                targets = [x for x in t if x.real] if self.cameo else t
            if "compound" in roles:
                comp = dedupe_mentions([local[i] for i in roles["compound"]])
                pre = any(e.kind == "compound" for ch in m.pattern.pre for e in ch)
                if pre:
                    sources, compound_pairs = comp, True
                else:
                    targets = comp
        if self.cameo:
            sources = [x for x in sources if x.real]
        if not sources:
            return []
        primary, _, recip = code.partition(":")
        mutual = (cooperative(code) and tok.lemma_.lower() in JOINT_VERBS) or tok.lemma_.lower() in MUTUAL_VERBS \
            or (recip and recip == primary)
        if len({s.code for s in sources}) > 1 and mutual:
            # "Turkey and Russia pledged to ...", "Israel and Hezbollah traded fire": a compound
            # subject with no target of its own (nothing but actors inside the infinitive clause)
            # codes its members with each other
            coordinated = all(coordinated_with(tok.doc, sources[0], x) for x in sources[1:])
            if coordinated and not passive and (not targets or all(inside_xcomp(tok, t.root) for t in targets)) \
                    and not _given_to_others(tok):
                compound_pairs = True
        if self.cameo:
            code = self._cameo_adjust(code, flags)
        conf = 0.85 if m else 0.7
        out: list[_Raw] = []
        if compound_pairs:
            primary, _, recip = code.partition(":")
            for i, a in enumerate(sources):
                for b in sources[i + 1:]:
                    if a.code == b.code and not two_people(tok.doc, a, b):
                        continue
                    if primary:
                        out.append(_Raw(a, b, primary, vspan, flags, conf, "verb", tok))
                    out.append(_Raw(b, a, recip or primary, vspan, flags, conf, "verb", tok))
            return out
        for s in sources:
            for t in targets:
                if (s.code == t.code or (self.cameo and same_side(s.code, t.code))) and not two_people(tok.doc, s, t):
                    continue
                if self.cameo and code[:3] in TRAVEL_CODES and _no_visit(s, t):
                    continue
                primary, colon, recip = code.partition(":")
                if primary:
                    out.append(_Raw(s, t, primary, vspan, flags, conf, "verb", tok))
                if colon and recip:
                    out.append(_Raw(t, s, recip, vspan, flags, conf, "verb", tok))
        return out

    def _cameo_adjust(self, code: str, flags: Flags) -> str:
        """Material cooperation promised, planned or announced for the future is an intent (03x)."""
        if flags.future or flags.governed_by_intent:
            parts = code.split(":")
            new = intent_code(parts[0]) if parts[0] else None
            if new and not parts[0].startswith(("03", "01", "02")):
                return new
        return code

    def _syntactic_roles(self, tok: Token, local: list[ParsedMention], vspan, owners: bool = False
                         ) -> tuple[list[ParsedMention], list[ParsedMention], bool]:
        subj_tokens, passive, agent_tokens = subject_tokens(tok)
        if tok.tag_ == "VBN" and tok.dep_ in ("acomp", "oprd", "amod", "acl"):
            # "stand accused", "remained banned", "a militant linked to al-Qaeda": the subject
            # (or the noun the participle describes) undergoes it
            passive = True
        subj = [m for m in mentions_in(subj_tokens, local) if not behind_preposition(tok.doc, m, local)]
        if not subj and not passive:
            subj = pronoun_antecedent(tok, subj_tokens, local)
        agent = [m for m in mentions_in(agent_tokens, local) if not behind_preposition(tok.doc, m, local)]
        region = object_region(tok, exclude=subj_tokens | agent_tokens)
        if self.cameo:
            # "in Moscow" on the verb is where it happened, not whom it was done to
            dateline = dateline_tokens(tok.doc)
            region = [i for i in region if not is_location_phrase(tok.doc[i]) and not is_medium_phrase(tok.doc[i])
                      and i not in dateline]
        obj = target_mentions(region, local, tok, strict=self.cameo, owners=owners)
        if not obj and self.cameo and not passive:
            obj = entity_targets(tok.doc, region, local, self._date)
        if passive:
            if agent:
                return agent, subj, True
            return [], subj, True
        return subj, obj, False

    def _governing_subjects(self, tok: Token, local: list[ParsedMention]) -> list[ParsedMention]:
        h = tok
        for _ in range(4):
            if h.head == h:
                break
            h = h.head
            st, _, _ = subject_tokens(h)
            found = mentions_in(st, local)
            if found:
                return found
        return []

    # ------------------------------------------------------------ nominal events
    def _nominal_events(self, doc, sent, local: list[ParsedMention], coded: dict[int, str]) -> list[_Raw]:
        table = nominals()
        out = []
        for tok in sent:
            if tok.pos_ not in ("NOUN", "PROPN"):
                continue
            nom = table.get(tok.lemma_.lower()) or table.get(tok.lower_)
            if nom is None:
                continue
            if tok.dep_ in ("dobj", "nsubjpass") and tok.head.i in coded:
                continue
            srcs = dedupe_mentions([m for m in local if doc[m.root].head.i == tok.i and doc[m.root].dep_ in MODIFIER_DEPS])
            by = [c for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"]
            for b in by:
                srcs += mentions_in(set().union(*[set(x.i for x in p.subtree) for p in b.children]) if list(b.children) else set(), local)
            tgts: list[ParsedMention] = []
            for p in tok.children:
                if p.dep_ == "prep" and p.lower_ in nom.preps:
                    toks = set(x.i for x in p.subtree) - {p.i}
                    tgts += top_mentions(toks, local, doc)
            tgts = dedupe_mentions([t for t in tgts if t.real])
            srcs = [x for x in srcs if x.real]
            between = any(p.dep_ == "prep" and p.lower_ == "between" for p in tok.children)
            flags = flags_for(tok.head) if tok.head != tok else Flags()
            flags = Flags(negated=False, hypothetical=flags.hypothetical, future=flags.future)
            code = nom.code
            if nom.mutual and between and not srcs and len({t.code for t in tgts}) > 1:
                for i, a in enumerate(tgts):
                    for b in tgts[i + 1:]:
                        if a.code != b.code:
                            out.append(_Raw(a, b, code, (tok.i, tok.i + 1), flags, 0.6, "nominal", tok.head))
                            out.append(_Raw(b, a, code, (tok.i, tok.i + 1), flags, 0.6, "nominal", tok.head))
                continue
            for s in srcs:
                for t in tgts:
                    if s.code != t.code or two_people(doc, s, t):
                        out.append(_Raw(s, t, code, (tok.i, tok.i + 1), flags, 0.6, "nominal", tok.head))
        return out

    # ------------------------------------------------------------ reported speech
    def _speech_events(self, doc, sent, local: list[ParsedMention], coded: dict[int, str], quotes: list[Quote]) -> list[_Raw]:
        """'X said (that) <content>' inside one sentence (quotes are handled per document)."""
        contents: list[tuple[list[ParsedMention], set[int], str | None]] = []   # (speakers, content tokens, quote id)
        for tok in sent:
            if tok.lemma_.lower() not in SAY_VERBS or tok.pos_ not in ("VERB", "AUX"):
                continue
            if self._quote_at(tok.idx) is not None:
                continue
            st, passive, _ = subject_tokens(tok)
            speakers = mentions_in(st, local) if not passive else []
            comp = [c for c in tok.children if c.dep_ in ("ccomp", "parataxis")]
            content: set[int] = set()
            if tok.dep_ in ("parataxis", "ccomp") and tok.head.i < tok.i:
                content = set(x.i for x in tok.head.subtree) - set(x.i for x in tok.subtree)
            for c in comp:
                content |= set(x.i for x in c.subtree)
            content &= set(range(sent.start, sent.end))
            if speakers and content:
                contents.append((speakers, content, None))
        return self._content_events(doc, local, contents)

    def _quote_events(self, doc: Doc, ms: list[ParsedMention], quotes: list[Quote]) -> list[_Raw]:
        """Direct quotes with a resolved speaker: the content may span sentences."""
        contents = []
        mentions = Intervals((m.mention.start, m.mention.end, i) for i, m in enumerate(ms))
        for q in quotes:
            if q.speaker is None or q.speaker.actor is None or not q.direct:
                continue
            span = doc.char_span(q.content.start, q.content.end, alignment_mode="expand")
            if span is None or len(span) < 4:       # scare quotes ("Armenian elements") are not statements
                continue
            spk = [i for _, _, i in mentions.overlapping(q.speaker.start, q.speaker.end)]
            if not spk:
                continue
            contents.append(([ms[min(spk)]], set(range(span.start, span.end)), q.id))
        return self._content_events(doc, ms, contents)

    def _content_events(self, doc, local: list[ParsedMention], contents) -> list[_Raw]:
        lex = speech_lexicon()
        out = []
        sent_starts: list[int] = []     # found once: Token.sent walks the whole sentence at every call

        def sent_of(i: int) -> int:
            if not sent_starts:
                sent_starts.extend(s.start for s in doc.sents)
            return bisect.bisect_right(sent_starts, i) - 1

        for speakers, content, qid in contents:
            speakers = [x for x in speakers if x.real]
            if not speakers:
                continue
            for i in sorted(content):
                t = doc[i]
                code = lex.get(t.lemma_.lower()) or lex.get(t.lower_)
                if code is None or has_neg_near(t):
                    continue
                cands = [m for m in local if m.root in content and m.real and not first_person(doc, m)
                         and not any(same_side(s.code, m.code) or s.code[:3] == m.code[:3] for s in speakers)]
                if not cands:
                    continue
                # the actor the disapproval word is about: the nearest in the same sentence
                same = [m for m in cands if sent_of(m.root) == sent_of(i)] or cands
                target = word_owner(doc, t, same)
                if target is None:
                    continue
                for s in speakers:
                    if same_side(s.code, target.code):
                        continue
                    out.append(_Raw(s, target, code, (i, i + 1), Flags(), 0.55, "speech", t, qid))
                break
        return out

    # ------------------------------------------------------------ record
    def _finish(self, doc: Doc, sent: Span, raw: _Raw, article_id: str, article_date: str | None,
                quotes: list[Quote]) -> EventMention:
        ts, te = raw.trigger
        trig = doc[ts:te]
        d = event_date(raw.anchor, article_date, future=raw.flags.future)
        place = event_place(raw.anchor)
        info = code_info(raw.code) if self.cameo or raw.code[:2].isdigit() else None
        historical = is_historical(d, article_date)
        src_span = mention_span(doc, raw.source)
        tgt_span = mention_span(doc, raw.target)
        trig_span = TextSpan(trig.start_char, trig.end_char, trig.text)
        quote_id = raw.quote_id or self._quote_at(trig.start_char)
        conf = raw.confidence
        for m in (raw.source, raw.target):
            if m is not None and (m.mention.kind in ("pronoun", "role") or m.code.startswith("---")):
                conf -= 0.1
        if raw.flags.negated or raw.flags.hypothetical:
            conf *= 0.7
        eid = stable_id(article_id, src_span.start if src_span else None, trig_span.start,
                        tgt_span.start if tgt_span else None, raw.code)
        return EventMention(
            id=eid, article_id=article_id, source=raw.source.mention if raw.source else None,
            target=raw.target.mention if raw.target else None,
            cameo={"code": raw.code, "name": info.name if info else None},
            goldstein=info.goldstein if info else None,
            quad_class=info.quad_class if info else None,
            plover={"type": info.plover_type or None if info else None,
                    "mode": (info.plover_mode or None) if info else None,
                    "context": (info.plover_context or None) if info else None},
            context={"negated": raw.flags.negated, "hypothetical": raw.flags.hypothetical,
                     "future": raw.flags.future, "historical": historical},
            date=d.date, date_granularity=d.granularity, date_from=d.source,
            place=place, confidence=round(max(0.05, min(1.0, conf)), 2),
            evidence=Evidence(sentence=sent.text, sentence_start=sent.start_char, trigger=trig_span,
                              source=src_span, target=tgt_span, quote_id=quote_id))


def _verbal_words(c: Columns) -> list[int]:
    """The tokens ``_verb_candidates`` may take (sorted): words of letters that are tagged or
    attached as verbs; the rest it turns down at its first tests."""
    return c.where(c.alpha.astype(bool) & (c.pos_in(("VERB", "AUX")) | c.tag_test(lambda t: t.startswith("VB"))
                                           | c.dep_in(("ROOT",))))
