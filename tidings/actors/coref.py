"""Rule-based in-document coreference for actor mentions (no model: every link is explainable).

Rules, applied left to right so each mention can point only backwards:

- surname: a person mention whose words are the last word(s) of an earlier person's name
  ("Lavrov" after "Sergei Lavrov") takes that person's actor and name;
- role: "the (Turkish) minister", "Turkey's defence chief", "the ministry" take the most
  recent compatible earlier mention (same country when the role has one; a person for a
  person role, an institution with the same head word for an institution), unless the role
  already named that day's office holder, was met before unnamed ("a DHS spokesperson ... the
  spokesperson"), or names its own body ("the President of the commission");
- who is a person: a PERSON entity; a proper noun the tagger did not call a person that a 'who'
  clause describes, or that says something and is not tagged a place or organisation; a known
  person's name (where the tagger called that person PERSON at least once in the document); never
  an organisation, country or seat of the tables;
- pronoun: he/she/him/her -> the nearest earlier person in the same sentence (subjects first),
  else in the previous sentences (subjects first, then most recent), skipping persons named
  inside quotation marks, with gender agreement when a title or earlier pronoun told the gender;
  "it" as a subject -> the most recent organisation/country mention within two sentences.

``via`` on each linked mention says which rule and which antecedent span it used.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from tidings.actors.kb import KnowledgeBase, first_names, fold
from tidings.nlp.columns import columns
from tidings.nlp.parse import ents_in
from tidings.records import Actor, ActorMention

_PERSON_ROLE_HEADS = frozenset("""minister secretary president premier chancellor spokesman spokeswoman
spokesperson chief leader official ambassador envoy general commander king queen emir prince
governor mayor senator lawmaker diplomat adviser advisor director head chairman chairwoman chair
deputy representative negotiator prosecutor judge officer sheikh monarch ruler dictator
counterpart colleague""".split())
_INSTITUTION_HEADS = frozenset("""ministry government army military navy police parliament court office
department cabinet council administration agency service forces force embassy regime junta
authorities assembly legislature senate congress commission alliance bloc union organisation
organization company group""".split())
_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})
_MALE_TITLES = frozenset({"mr", "sir", "king", "prince", "sheikh", "emir", "lord", "father", "brother"})
_FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "madam", "queen", "princess", "lady", "dame", "sister"})
_QUOTES = "\"“”«»„"
_SUBJ = ("nsubj", "nsubjpass")
_MAX_SENT_BACK = 4
_MAX_LOOKBACK = 300     # mentions searched back for a surname's full name (bounds huge documents)


@dataclass(slots=True)
class _Item:
    mention: ActorMention
    sent: int
    subject: bool
    quoted: bool
    person: bool
    gender: str | None
    head_lemma: str
    key: str            # chain key (kb id or folded name)
    definite: bool = False
    plural: bool = False


def _quoted_mask(text: str) -> list[tuple[int, int]]:
    """Char ranges between paired straight/curly double quotes (best effort, per paragraph)."""
    spans = []
    for para_start, para in _paragraphs(text):
        opens = None
        for i, ch in enumerate(para):
            if ch in _QUOTES:
                if ch == "”" or (ch == '"' and opens is not None) or (ch == "»" and opens is not None):
                    if opens is not None:
                        spans.append((para_start + opens, para_start + i + 1))
                        opens = None
                else:
                    opens = i
    return spans


def _paragraphs(text: str):
    pos = 0
    for part in text.split("\n"):
        yield pos, part
        pos += len(part) + 1


def _inside(spans: list[tuple[int, int]], start: int) -> bool:
    """``start`` strictly inside one of the sorted, non-overlapping ``spans``."""
    k = bisect_right(spans, (start, float("inf"))) - 1
    return k >= 0 and spans[k][0] < start < spans[k][1]


def _tagged_persons(mentions, spans) -> set[str]:
    """The KB entries the tagger called PERSON at least once in the document (the named table
    holds groups too: 'Hayat Tahrir al-Sham' is never a PERSON, 'Trump' is, at least once)."""
    return {m.actor.kb_id for (m, _), span in zip(mentions, spans)
            if m.actor is not None and m.actor.kb_id and _tagged_person(span)}


def _tagged_person(span) -> bool:
    return span is not None and any(t.ent_type_ == "PERSON" for t in span)


def _is_person(m: ActorMention, span, tagged: set[str] = frozenset()) -> bool:
    """Whether mention ``m`` (``span``: its tokens, or None) is a person a pronoun can mean."""
    if m.via in ("ner:PERSON", "person:unlabelled", "person:surname"):
        return True
    if m.actor is not None and (m.actor.kb_id or "").startswith(("org:", "country:", "seat:", "capital:")):
        return False    # 'HTS', tagged PERSON, is an organisation the tables know
    if _tagged_person(span):
        return True
    if m.kind == "name" and m.actor is not None and m.actor.kb_id and m.actor.kb_id.startswith("person:"):
        # the words of a person's name are that person whatever the tagger called them this time
        # ('Trump threatened ...' tagged ORG); other words are not ('the Obama administration')
        words = fold(m.text).lower().split()
        if words and set(words) <= set(fold(m.actor.name or "").lower().split()) and m.actor.kb_id in tagged:
            return True
        return span is not None and span.root.pos_ == "PROPN" and not any(
            t.ent_type_ in ("ORG", "GPE", "NORP") for t in span)
    return False


def _gender(span, name: str | None = None) -> str | None:
    """'m' or 'f' from a title ('Mrs', 'King') or a first name ('Ursula von der Leyen'), else None."""
    if span is None:
        return None
    before = span.doc[span.start - 1] if span.start > 0 else None
    words = {t.lower_.rstrip(".") for t in span} | ({before.lower_.rstrip(".")} if before is not None else set())
    if words & _MALE_TITLES:
        return "m"
    if words & _FEMALE_TITLES:
        return "f"
    # a first name: the tables' full name, or the first of two or more proper nouns in the text
    names = first_names()
    full = (name or "").split()
    if len(full) > 1 and full[0] in names:
        return names[full[0]]
    propn = [t for t in span if t.pos_ == "PROPN"]
    if len(propn) > 1 and ents_in(span.doc, span.start, span.end) and propn[0].ent_type_ == "PERSON" \
            and propn[0].text in names:
        return names[propn[0].text]
    return None


def resolve_coref(doc: Doc, mentions: list[tuple[ActorMention, object]], kb: KnowledgeBase,
                  day: str) -> list[ActorMention]:
    # Distances count real sentences only: page chrome ("Read more", a date line) between
    # an antecedent and its pronoun must not push the antecedent out of reach.
    alpha = columns(doc).alpha_between()
    sent_starts = ([s.start_char for s in doc.sents if alpha[s.end] - alpha[s.start] >= 4]
                   if doc.has_annotation("SENT_START") else [])
    sent_starts = sent_starts or [0]
    quoted = _quoted_mask(doc.text)
    spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m, _ in mentions]
    tagged = _tagged_persons(mentions, spans)
    items: list[_Item] = []
    for (m, g), span in zip(mentions, spans):
        root = span.root if span is not None and len(span) else None
        head = getattr(g, "head", None) or root
        subject = head is not None and (head.dep_ in _SUBJ or (head.dep_ == "appos" and head.head.dep_ in _SUBJ))
        items.append(_Item(mention=m, sent=_sent_index(sent_starts, m.start), subject=subject,
                           quoted=_inside(quoted, m.start), person=_is_person(m, span, tagged),
                           gender=_gender(span, m.actor.name if m.actor is not None else None),
                           head_lemma=(head.lemma_.lower() if head is not None else ""),
                           definite=head is not None and any(
                               c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "some", "any")
                               for c in head.children) and not _of_a_body(head),
                           plural=head is not None and head.tag_ in ("NNS", "NNPS"),
                           key=(m.actor.kb_id if m.actor and m.actor.kb_id and m.actor.kb_id.startswith("person:")
                                else fold(m.text).lower())))
    out: list[_Item] = []
    for it in items:
        m = it.mention
        if it.person:
            it = _link_surname(it, out) or it
        elif m.kind in ("role", "agent"):
            it = _link_role(it, out) or it
        out.append(it)
    # pronouns are not KB matches: find them and link to what precedes them
    pronouns = _pronoun_items(doc, sent_starts, quoted)
    merged = sorted(out + pronouns, key=lambda x: x.mention.start)
    final: list[_Item] = []
    for it in merged:
        if it.mention.kind == "pronoun":
            linked = _link_pronoun(it, final)
            if linked is None:
                continue
            it = linked
        final.append(it)
    return [it.mention for it in final]


def _of_a_body(head) -> bool:
    """'the President of the commission', 'the head of the IAEA': a role that names the body it
    belongs to points at nobody met before ('the minister of foreign affairs' still does)."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and (obj.lemma_.lower() in _INSTITUTION_HEADS or obj.pos_ == "PROPN"):
                return True
    return False


def _sent_index(sent_starts: list[int], pos: int) -> int:
    return max(bisect_right(sent_starts, pos) - 1, 0)


def _name_words(m: ActorMention) -> list[str]:
    name = (m.actor.name if m.actor and m.actor.name else m.text)
    return [w for w in fold(name).lower().replace("-", " ").split() if w.isalpha()]


def _link_surname(it: _Item, prev: list[_Item]) -> _Item | None:
    words = [w for w in fold(it.mention.text).lower().replace("-", " ").split() if w.isalpha()]
    if not words:
        return None
    full_known = it.mention.actor is not None and len(words) > 1
    if full_known:
        return None
    # A name the tables hold as one word ('Albert', Monaco's prince; 'Hussein', Jordan's king) is,
    # in a document that names someone longer with it ('Albert Gee'), that someone: by the last
    # word as for any surname, or by the first ('Albert found himself ...').
    bare = it.mention.actor is not None and len(words) == 1 and len(_name_words(it.mention)) == 1
    for p in reversed(prev[-_MAX_LOOKBACK:]):
        if not p.person or p.mention is it.mention:
            continue
        pw = _name_words(p.mention)
        pw_text = [w for w in fold(p.mention.text).lower().replace("-", " ").split() if w.isalpha()]
        for cand in (pw, pw_text):
            if (len(cand) > len(words) and cand[-len(words):] == words) or (
                    bare and len(cand) > 1 and cand[0] == words[0]):
                if p.mention.actor is None and it.mention.actor is not None and not bare:
                    return None
                actor = p.mention.actor if bare else (p.mention.actor or it.mention.actor)
                name = (p.mention.actor.name if p.mention.actor and p.mention.actor.name else p.mention.text)
                actor = replace(actor, name=name) if actor is not None else None
                m = replace(it.mention, actor=actor, kind="surname",
                            via=f"surname:{p.mention.start}-{p.mention.end}")
                return replace(it, mention=m, gender=it.gender or p.gender, key=p.key)
    return None


def _compatible(role: Actor | None, ante: Actor | None) -> bool:
    if role is None or ante is None:
        return True
    if role.country and ante.country and role.country != ante.country:
        return False
    if role.sector and ante.sector and role.sector != ante.sector:
        # a minister is GOV, a defence minister GOV(MIL): compare the main sector only
        return False
    return True


def _link_role(it: _Item, prev: list[_Item]) -> _Item | None:
    m = it.mention
    head = it.head_lemma
    if not it.definite:
        return None
    if head in _PERSON_ROLE_HEADS and not it.plural:
        if m.actor is not None and m.actor.name:
            return None     # "Turkey's defence chief" already named that day's office holder
        for p in reversed(prev):
            if it.sent - p.sent > _MAX_SENT_BACK + 2:
                break
            if p.head_lemma == head and p.mention.kind == "agent":
                # 'a DHS spokesperson told VOA ... the spokesperson added': the one met unnamed
                # with the same role word, not a named person before it
                return None
            if not p.person or p.mention.actor is None and p.mention.kind != "name":
                continue
            if not _compatible(m.actor, p.mention.actor):
                continue
            if p.mention.actor is None:
                continue
            actor = m.actor
            name = p.mention.actor.name or p.mention.text
            if actor is None or not actor.country:
                actor = p.mention.actor
            else:
                actor = replace(actor, name=name, kb_id=p.mention.actor.kb_id)
            mm = replace(m, actor=actor, kind="role", via=f"role:{p.mention.start}-{p.mention.end}")
            return replace(it, mention=mm, person=True, gender=p.gender, key=p.key)
        return None
    if head in _INSTITUTION_HEADS and m.actor is not None and not m.actor.country:
        for p in reversed(prev):
            if it.sent - p.sent > _MAX_SENT_BACK + 2:
                break
            if p.head_lemma == head and p.mention.actor is not None and p.mention.actor.country:
                mm = replace(m, actor=p.mention.actor, kind="role", via=f"role:{p.mention.start}-{p.mention.end}")
                return replace(it, mention=mm, key=p.key)
    return None


_PRONOUNS = ("he", "she", "him", "her", "it")


_CLAUSES = ("ccomp", "xcomp", "csubj", "advcl")
_COPULAS = frozenset({"be", "seem", "appear", "become", "remain"})
# adjectives and nouns that take a clause in the place of their subject: 'it is likely that ...',
# 'it is hard to ...', 'it was the first time ...' (but 'it is ready to ...' is someone ready)
_EXTRAPOSED = frozenset("""likely unlikely clear unclear possible impossible important necessary unnecessary
difficult hard easy true untrue obvious essential vital crucial critical surprising unusual rare common
inevitable certain uncertain doubtful evident apparent fair unfair right wrong better best worse enough late
early useful dangerous safe sad strange odd ironic interesting worth urgent appropriate legal illegal acceptable
unacceptable reasonable understandable time shame pity surprise question matter wonder""".split())


def _dummy_it(t: Token) -> bool:
    """'It is likely that ...', 'It was the first time Berlin spoke', 'made it hard to ask him',
    'It was reported that ...': an 'it' standing for the clause that follows refers to no actor."""
    h = t.head
    if t.dep_ == "nsubjpass":
        return any(c.dep_ == "ccomp" for c in h.children)
    if h.pos_ == "ADJ":
        return h.lemma_.lower() in _EXTRAPOSED and any(c.dep_ in _CLAUSES for c in h.children)
    if h.lemma_.lower() not in _COPULAS:
        return False
    return any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in _EXTRAPOSED for c in h.children)


def _pronoun_items(doc: Doc, sent_starts: list[int], quoted) -> list[_Item]:
    out = []
    c = columns(doc)
    for i in c.where(c.pos_in(("PRON",)) & c.lower_in(_PRONOUNS)):
        t = doc[i]
        low = t.lower_
        if low == "it" and (t.dep_ not in ("nsubj", "nsubjpass") or _dummy_it(t)):
            continue
        if low == "her" and t.dep_ == "poss":
            pass
        if _inside(quoted, t.idx):
            continue  # "we"/"he" inside a quote speak of someone else
        m = ActorMention(text=t.text, start=t.idx, end=t.idx + len(t.text), actor=None, kind="pronoun")
        out.append(_Item(mention=m, sent=_sent_index(sent_starts, t.idx),
                         subject=t.dep_ in _SUBJ, quoted=False, person=low != "it",
                         gender="m" if low in _MALE else ("f" if low in _FEMALE else None),
                         head_lemma=low, key=""))
    return out


def _link_pronoun(it: _Item, prev: list[_Item]) -> _Item | None:
    want_person = it.person
    cands = []
    for rank, p in enumerate(reversed(prev)):
        dist = it.sent - p.sent
        if dist > (_MAX_SENT_BACK if want_person else 2):
            break
        if p.mention.kind == "pronoun" and p.mention.actor is None:
            continue
        if want_person:
            if not p.person:
                continue
            if it.gender and p.gender and it.gender != p.gender:
                continue
        else:
            if p.person or p.mention.actor is None or p.plural:
                continue   # "it" is one organisation or country, never "soldiers"
        # nearest sentence first; then subjects; then persons not named inside quotes; then recency
        cands.append(((p.quoted, dist, not p.subject, rank), p))
    if not cands:
        return None
    cands.sort(key=lambda c: c[0])
    p = cands[0][1]
    m = replace(it.mention, actor=p.mention.actor, via=f"pronoun:{p.mention.start}-{p.mention.end}")
    return replace(it, mention=m, gender=it.gender or p.gender, key=p.key,
                   subject=it.subject, person=want_person)
