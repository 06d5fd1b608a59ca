"""Resolution: KB matches on a parsed Doc -> coded actor mentions, with rule-based coreference.

Steps (each a small pure function over the Doc and the matches):

1. ``find_matches``: trie matches (names, demonyms, capitals, seats, people, sector words).
2. Grouping: matches that modify the same noun-phrase head (compound, amod, poss, appos,
   "of"-complements, "in X" after a sector word) form one mention: "Turkey's defence
   ministry", "Russian foreign minister Sergei Lavrov", "FSB, Russia's security service".
3. Composition: a known person/organisation gives its code on the date; otherwise country +
   sector word (TUR + GOV), with the holder of an office looked up by date; a capital or seat
   that acts is the government (Washington -> USAGOV); a name that is only a place (object of
   in/at/near/...) is no actor.
4. Coreference (``coref``): surname -> full name, "the (Turkish) minister" -> last compatible
   person, he/she -> last person by recency and subject preference, "it" -> last organisation.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from tidings.actors.kb import Entry, KnowledgeBase, split_code
from tidings.actors.matcher import Match, find_matches
from tidings.intervals import Intervals
from tidings.nlp.parse import HELD_THINGS, aimed, dateline_tokens, false_persons, inword_hyphen
from tidings.records import Actor, ActorMention, Span as TextSpan

# Dependency labels through which a modifier belongs to its head's noun phrase.
_NP_DEPS = frozenset({"compound", "amod", "poss", "nmod", "nn", "appos", "npadvmod", "nummod", "quantmod"})
# Prepositions whose object is a location, not an actor.
# Prepositions after which a country is where something happens. Not the ones that mark whom an
# act is aimed at or who takes part: 'war on Ukraine', 'policy towards China', 'talks between
# Armenia and Azerbaijan', 'incursion into Ukraine'; 'at' but after words of aiming ('a naval base
# at Guantanamo Bay, Cuba', not 'fired missiles at Israel').
LOC_PREPS = frozenset({"in", "near", "inside", "outside", "across", "throughout", "within", "around",
                       "onto", "via", "through", "along", "off", "beyond", "opposite", "over", "under"})
_MOTION_VERBS = frozenset({"travel", "return", "fly", "go", "come", "arrive", "move", "flee", "head", "sail",
                           "drive", "walk", "deport", "send", "ship", "export", "import", "smuggle", "visit",
                           "relocate", "emigrate", "escape", "evacuate", "withdraw", "retreat", "leave"})
# titles of the one person at the head of a body ('the IAEA director general'; 'chief' and 'head'
# count right after the body's name only, ``_body_chief``: alone they are no sector word)
_HEAD_TITLES = frozenset({"secretary general", "director general", "managing director", "high commissioner",
                          "executive director", "president"})
_FORMER = frozenset({"former", "ex", "ex-", "retired", "late", "then", "onetime", "erstwhile"})
# Sector codes that say "not an actor" (NON, JNK) or "unknown kind of people": a
# document mention needs more than these.
_NOT_ACTORS = frozenset({"NON", "JNK"})
_VAGUE = frozenset({"UNK", "PPL"})
# sector words that are also a stance when a person or group has them ("the Taliban's opposition");
# a country's opposition stays its opposition ("Venezuela's opposition")
_STANCE_NOUNS = frozenset({"opposition", "resistance"})
_PLACE_NOUNS = frozenset("""region area province town city village district territory enclave island zone
state county municipality border coast capital""".split())
# "people in the UK", "regions across Indonesia", "troops from Chad", "a professor at a
# university in Scotland": after a sector word these prepositions say whose it is.
_OF_PLACE_PREPS = frozenset({"in", "for", "across", "throughout", "from", "at"})
_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them"})


def _today() -> str:
    return _dt.date.today().isoformat()


_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}


def normalise_date(date: str | None) -> str | None:
    """ISO day for a date string ("2020-12-29", "1 July 2021", "October 1, 2021", "today");
    None (or "") stays None: the date is unknown, see ``Entry.role_on``."""
    if date is None or not str(date).strip():
        return None
    if str(date).strip().lower() in ("today", "now"):
        return _today()
    s = str(date).strip()
    m = re.match(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", s)
    if m:
        return f"{int(m.group(1)):04d}-{int(m.group(2) or 1):02d}-{int(m.group(3) or 1):02d}"
    low = s.lower().replace(",", " ")
    words = low.split()
    year = next((w for w in words if re.fullmatch(r"\d{4}", w)), None)
    month = next((num for w in words if w.isalpha() and len(w) >= 3
                  for name, num in _MONTHS.items() if name.startswith(w[:3])), None)
    day = next((int(w) for w in words if re.fullmatch(r"\d{1,2}", w)), 1)
    if year:
        return f"{int(year):04d}-{month or 1:02d}-{min(day, 28) if month == 2 else day:02d}"
    return _today()


@dataclass(slots=True)
class _Group:
    head: Token
    matches: list[Match] = field(default_factory=list)
    start: int = 0                  # token span
    end: int = 0

    def kinds(self) -> set[str]:
        return {m.kind for m in self.matches}


@dataclass
class ResolvedActors:
    """Actor mentions of one document (char offsets into ``doc.text``)."""
    mentions: list[ActorMention]
    places: list[TextSpan] = field(default_factory=list)
    date: str | None = None
    _index: tuple | None = field(default=None, repr=False, compare=False)

    def span_actor(self, start: int, end: int) -> ActorMention | None:
        """The best mention for the char span [start, end): the one covering most of it,
        preferring resolved actors, then the earliest (the head of "X, who met Y")."""
        best = None
        best_key = None
        for m in self._overlapping(start, end):
            overlap = min(end, m.end) - max(start, m.start)
            if overlap <= 0:          # an empty span inside a mention touches it but covers nothing
                continue
            key = (m.actor is not None, overlap, -m.start)
            if best_key is None or key > best_key:
                best, best_key = m, key
        return best

    def _overlapping(self, start: int, end: int) -> list[ActorMention]:
        """Mentions overlapping [start, end), in list order, from an interval index: a speaker is
        looked up for every quotation, and a page may hold thousands of both."""
        index = self._index
        if index is None or index[0] is not self.mentions or index[1] != len(self.mentions):
            spans = Intervals((m.start, m.end, i) for i, m in enumerate(self.mentions))
            index = self._index = (self.mentions, len(self.mentions), spans)
        return [self.mentions[i] for i in sorted(i for _, _, i in index[2].overlapping(start, end))]

    def in_span(self, start: int, end: int) -> list[ActorMention]:
        """Mentions inside [start, end)."""
        return [m for m in self.mentions if m.start >= start and m.end <= end]


class ActorResolver:
    """Resolves actor mentions in parsed Docs against a KnowledgeBase (see module doc)."""

    def __init__(self, kb: KnowledgeBase | None = None):
        if kb is None:
            from tidings.actors.kb import load_kb
            kb = load_kb()
        self.kb = kb

    # -- public --------------------------------------------------------------------
    def resolve(self, doc: Doc, date: str | None = None, keep_vague: bool = False) -> ResolvedActors:
        day = normalise_date(date)
        if len(doc) == 0:
            return ResolvedActors(mentions=[], date=day)
        dateline = dateline_tokens(doc)
        matches = [m for m in find_matches(doc, self.kb)
                   if not (m.kind == "agent" and split_code(m.entry.code)[1] in _NOT_ACTORS)
                   and not (m.kind in ("country", "demonym", "capital") and _stance_prefixed(doc, m.start))
                   and not (m.kind == "agent" and (_state_of_things(doc, m) or _hyphen_adjective(doc, m)))
                   and m.start not in dateline]
        agent_tokens = {i for m in matches if m.kind == "agent" for i in range(m.start, m.end)}
        groups = _group(doc, matches, agent_tokens)
        mentions: list[tuple[ActorMention, _Group | None]] = []
        places: list[TextSpan] = []
        for g in groups:
            out = self._compose(doc, g, day)
            if out is None:
                continue
            if out != "place" and not keep_vague and out.actor is not None and out.actor.sector in _VAGUE:
                continue   # "regions", "people", "two men": nobody in particular
            if out == "place":
                s = doc[g.start:g.end]
                places.append(TextSpan(s.start_char, s.end_char, s.text))
                continue
            mentions.append((out, g))
        mentions += _unknown_people(doc, groups)
        mentions = _past_dateline(doc, mentions, dateline)
        mentions.sort(key=lambda mg: mg[0].start)
        from tidings.actors.coref import resolve_coref
        final = resolve_coref(doc, mentions, self.kb, day)
        return ResolvedActors(mentions=final, places=places, date=day)

    # -- composition ---------------------------------------------------------------
    def _body_chief(self, doc: Doc, g: _Group, named: list, agents: list, day: str | None) -> ActorMention | None:
        """'the NATO chief', 'the IAEA head': the one head of that international body that day,
        by name (the words alone are no sector word: 'chief Robin Li' is a company's)."""
        if agents or len(named) != 1 or named[0].entry.kind != "org" or g.head.i != named[0].end \
                or g.head.lower_ not in ("chief", "head") or g.start > 0 and doc[g.start - 1].lower_ in _FORMER \
                or _role_described(doc, g):
            return None
        found = self.kb.body_head(named[0].entry.code, day)
        return _head_mention(doc[g.start:g.head.i + 1], found) if found is not None else None

    def _compose(self, doc: Doc, g: _Group, day: str | None):
        ms = g.matches
        named = [m for m in ms if m.kind in ("named", "org", "seat", "region") and not _names_a_facility(doc, m)]
        agents = [m for m in ms if m.kind == "agent"]
        countries = [m for m in ms if m.kind in ("country", "demonym", "capital", "place")]
        span = doc[g.start:g.end]
        if not named and not agents and any(m.kind == "named" for m in ms) and \
                all(m.kind == "named" or m.kind == "place" for m in ms):
            return None   # "New York's JFK airport": a place named after someone
        if countries and not named and not agents and not (g.start <= g.head.i < g.end) and \
                g.head.lemma_.lower() in _PLACE_NOUNS:
            return "place"   # "a Syrian island", "Turkish territory": a place in that country
        body_head = self._body_chief(doc, g, named, agents, day)
        if body_head is not None:
            return body_head
        if _modifies_thing(doc, g):
            return None
        person_ent = _person_entity(doc, g)
        serving = [m.end for m in named if m.entry.kind == "named" and _in_office(m.entry, day)]
        if person_ent is not None and any(a.end <= person_ent.start and a.start >= g.start for a in agents):
            serving.append(person_ent.end)   # 'Representative Michael McCaul, former chairman of ...'
        former = _former(doc, g, min(serving, default=None))
        group_country = _group_country(countries)
        if named:
            m = _prefer_head(named, g.head)
            e = m.entry
            named_country = split_code(self._entry_code(e, day))[0]
            alt_agent = next((x for x in m.alts if x.kind == "agent"), None)
            if group_country and named_country and named_country != group_country and alt_agent is not None:
                # "Chile's Defense Department" is not the US one the dictionary names
                agents = [Match(m.start, m.end, alt_agent)] + agents
                named = []
            elif named_country and e.kind == "org" and split_code(e.code)[1] == "PTY" and \
                    (own := _country_before(doc, countries, m.start)) and own != named_country:
                # "Sweden's Social Democrats", "German Christian Democrats", "Japan's Liberal
                # Democrats": a party of that country, not the US Democrats or the UK Liberal Democrats
                return ActorMention(text=span.text, start=span.start_char, end=span.end_char,
                                    actor=_actor(own + "PTY", None, None), kind="name",
                                    via="kb:party-of-country")
        if named and all(m.kind == "region" for m in named) and \
                not [a for a in agents if split_code(a.entry.code)[1] not in _VAGUE] and (
                _is_location(g.head) or g.head.lemma_.lower() in _PLACE_NOUNS):
            return "place"   # "the Nagorno-Karabakh region" as a place, not the breakaway state acting
        if named and g.head.lemma_.lower() in _STANCE_NOUNS and any(
                doc[m.start:m.end].root.dep_ == "poss" and doc[m.start:m.end].root.head == g.head for m in named):
            return None   # "the Taliban's opposition", "Trump's opposition to it": a stance, not a party
        if named and agents:
            m = _prefer_head(named, g.head)
            root = doc[m.start:m.end].root
            if root.dep_ == "poss" and m.entry.kind == "named" and not (m.start <= g.head.i < m.end) and \
                    any(a.start <= root.head.i < a.end for a in agents):
                # "Trump's special envoy (Steve Witkoff)": the envoy, of Trump's country
                group_country = split_code(self._entry_code(m.entry, day))[0] or group_country
                agents = [a for a in agents if a.start > root.i]
                named = []
        if named and agents and any(m.start <= g.head.i < m.end for m in agents):
            m = _prefer_head(named, g.head)
            if doc[m.start:m.end].root.dep_ == "poss" and m.entry.kind == "named":
                # "Trump's special envoy (Steve Witkoff)": the envoy, of Trump's country
                group_country = split_code(self._entry_code(m.entry, day))[0] or group_country
                named = []
        if named:
            titled = _prefer_head(agents, g.head) if agents else None
            title = titled.entry if titled else None
            title_sector = split_code(title.code)[1] if title else None
            if e.kind == "named":
                role = e.role_on(day, title_sector)
                code = role.code if role else ""
            else:
                code = e.code
            name = e.name
            country, sector = split_code(code)
            if not country and group_country and not code.startswith(("IGO", "NGO", "IMG")):
                country = group_country
                code = country + code
            head = (self.kb.body_head(e.code, day) if e.kind == "org" and title is not None and not former
                    and titled.start == m.end and title.kb_id.split(":", 1)[1] in _HEAD_TITLES
                    and not _role_described(doc, g) else None)
            if head is not None:
                # 'the NATO chief', 'UN Secretary-General': the body's head that day, by name (not
                # 'the EU foreign policy chief', whose words between name another office)
                return _head_mention(span, head)
            if not sector and title is not None and not former and title_sector not in _VAGUE:
                # "European Union legislators", "Serbian Army": the organisation plus the sector word
                code, sector = code + title.code, title_sector
            if former and country and sector != "ELI":
                code, sector = country + "ELI", "ELI"
            kind = "metonym" if e.kind == "seat" else "name"
            actor = _actor(code, name, e.kb_id)
            return ActorMention(text=span.text, start=span.start_char, end=span.end_char, actor=actor,
                                kind=kind, via=f"kb:{e.kind}")
        if agents:
            a = _prefer_head(agents, g.head).entry
            specific = [m.entry for m in agents if split_code(m.entry.code)[1] not in _VAGUE]
            if split_code(a.code)[1] in _VAGUE and specific:
                a = specific[-1]   # "a group of tourists": the tourists say who they are
            religious = next((m.entry for m in agents if split_code(m.entry.code)[1] == "REL"), None)
            if religious is not None and split_code(a.code)[1] in ("CVL", *_VAGUE):
                a = religious      # "a Jewish community leader", "Muslim villagers": religious civilians
            a = _org_of_title(doc, g, agents, a)
            sector_code = a.code
            if former and not sector_code.startswith("ELI"):
                sector_code = "ELI"
            country = group_country
            name = person_ent.text if person_ent is not None else None
            kb_id = None
            if name is None and country and a.office and not _role_described(doc, g):
                holder = self.kb.office_holder(country, a.office, day)
                if holder is not None:
                    name, kb_id = holder[0].name, holder[0].kb_id
            if person_ent is not None and a.office and not country:
                # "Prime Minister Johnson": the holder of that office on the date with that surname
                found = self.kb.holder_by_surname(a.office, person_ent[-1].text, day)
                if found is not None:
                    entry, role = found
                    country, sector_code = split_code(role.code)[0], role.code[3:]
                    name, kb_id = entry.name, entry.kb_id
            code = (country or "") + sector_code
            if person_ent is not None:
                s = doc[min(g.start, person_ent.start):max(g.end, person_ent.end)]
            else:
                s = span
            actor = _actor(code, name, kb_id or a.kb_id)
            return ActorMention(text=s.text, start=s.start_char, end=s.end_char, actor=actor,
                                kind="role" if country else "agent", via="kb:agent" + (":office" if kb_id else ""))
        if countries:
            if _is_location(g.head):
                return "place"
            c = _prefer_head(countries, g.head)
            e = c.entry
            if e.kind == "place":
                if c.start <= g.head.i < c.end and _surname_of_person(doc, g.head):
                    # "Austin" after "Lloyd Austin": the person; coreference names them
                    return ActorMention(text=span.text, start=span.start_char, end=span.end_char, actor=None,
                                        kind="name", via="ner:PERSON")
                if c.start <= g.head.i < c.end and _acts(g.head) and not _surname_of_person(doc, g.head):
                    # a city or province that acts ("Mariupol said", "Sydney sued") is its
                    # people, never the government: country + CVL
                    actor = _actor(e.code + "CVL", e.name, e.kb_id)
                    return ActorMention(text=span.text, start=span.start_char, end=span.end_char, actor=actor,
                                        kind="name", via="kb:place")
                return "place"
            # 'shelled Ukrainian positions': the adjective names the owner the blow is aimed at
            held = not (g.start <= g.head.i < g.end) and g.head.lemma_.lower() in HELD_THINGS
            if e.kind == "demonym" and not held and g.head.dep_ in ("amod", "compound") and \
                    g.head.head.i not in range(g.start, g.end):
                if g.head.head.lemma_.lower() in _PLACE_NOUNS:
                    return "place"  # "a Syrian island": a place in that country
                return None  # "Turkish territory": an adjective, not an actor
            if e.kind == "demonym" and not held and c.end - c.start == len(span) and span.root.pos_ == "ADJ" and \
                    span.root.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "ROOT", "conj", "appos"):
                return None
            code = e.code + ("GOV" if e.kind == "capital" and _acts(g.head) else "")
            if e.kind == "capital" and not code.endswith("GOV"):
                code = e.code + "GOV"
            if e.kind == "demonym":
                code += self._shared_sector(span.root)
            kind = {"capital": "metonym", "demonym": "demonym"}.get(e.kind, "name")
            # a state's one name for its demonym and capital ('Turkish': Turkey); an entity sharing
            # a state's code with another keeps its own ('Abkhazia', 'South Ossetia': GEOPRE)
            shared = e.kb_id.count(":") > 1
            actor = _actor(code, e.name if shared else self.kb.country_names.get(e.code, e.name), e.kb_id)
            return ActorMention(text=span.text, start=span.start_char, end=span.end_char, actor=actor,
                                kind=kind, via=f"kb:{e.kind}")
        return None

    def _shared_sector(self, tok: Token) -> str:
        """The sector of the noun a demonym shares with the one it is coordinated with: 'Indian
        and Pakistani troops' are Pakistani troops too (PAKMIL, beside INDMIL)."""
        if tok.dep_ != "conj":
            return ""
        first = tok
        while first.dep_ == "conj" and first.head is not first:
            first = first.head
        if first.dep_ not in ("amod", "compound", "nmod") or first.head is first:
            return ""
        for entry, _ in self.kb.lookup([first.head.text]):
            country, sector = split_code(entry.code)
            if entry.kind == "agent" and sector and not country and sector not in _VAGUE:
                return entry.code
        return ""

    def _entry_code(self, e: Entry, day: str | None) -> str:
        if e.kind == "named":
            role = e.role_on(day)
            return role.code if role else ""
        return e.code


def _country_before(doc: Doc, countries: list, start: int) -> str | None:
    """The country named right before token ``start``, joined to it only by a possessive or
    capitalised words of the same name ('Sweden's Social Democrats', 'German Christian
    Democrats'), never across a comma or a common word."""
    for c in countries:
        between = doc[c.end:start]
        if c.end <= start and c.end >= start - 2 and all(t.text in ("'s", "\u2019s") or t.is_title for t in between):
            return split_code(c.entry.code)[0] or None
    return None


def _actor(code: str, name: str | None, kb_id: str | None) -> Actor:
    country, sector = split_code(code)
    if sector == "PPL" and country:
        # "Turkish people", "the people of Syria": a country's people are its civilians (PLOVER
        # CVL); the bare word stays vague, nobody in particular
        code, sector = code.replace("PPL", "CVL", 1), "CVL"
    return Actor(code=code, country=country, sector=sector, name=name, kb_id=kb_id)


def _prefer_head(ms: list[Match], head: Token) -> Match:
    for m in ms:
        if m.start <= head.i < m.end:
            return m
    return ms[-1]


def _group_country(countries: list[Match]) -> str | None:
    for kind in ("country", "demonym", "capital", "place"):
        for m in countries:
            if m.kind == kind:
                return m.entry.code
    return None


def _person_entity(doc: Doc, g: _Group):
    """A PERSON entity at the group's head or starting inside the group (apposition names)."""
    for i in (g.head.i, *range(g.start, g.end)):
        tok = doc[i]
        if tok.ent_type_ == "PERSON" and not any(
                m.start <= i < m.end and m.kind in ("country", "demonym", "capital", "place", "region")
                for m in g.matches):
            start = i
            while start > 0 and doc[start].ent_iob_ == "I":
                start -= 1
            end = i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            if i == g.head.i or start >= g.start:
                return doc[start:end]
    return None


_PERSON_NOUN = re.compile(r"(ant|ent|ist|ian|ior|or|er|eer|man|men|woman|women|person|people|staff|crew|ary)s?$")
_THING_NOUNS = frozenset("""center centre power order border matter letter number water paper computer corner
chapter quarter meter metre filter container poster folder cluster register disaster offer answer
barrier charter dollar calendar radar sector factor error mirror floor door corridor door monitor
equipment government agreement statement movement development department investment parliament
settlement environment payment element event moment comment content percent component argument
treatment management budget plant""".split())
# Collective nouns name groups of people: "gang confederations", "army unit" are actors.
_COLLECTIVE_NOUNS = frozenset("""group confederation network organization organisation alliance coalition syndicate
cartel ring gang band cell unit force team squad brigade battalion regiment division militia party
movement union association council committee federation front faction wing camp bloc delegation
mission family families clan tribe community crowd mob contingent detachment patrol convoy""".split())


# places and institutions named after a person: "JFK airport", "the Kennedy Center", "Lenin Square"
_FACILITY_NOUNS = frozenset("""airport center centre street avenue boulevard road bridge stadium arena school
university college hospital library memorial museum station square park highway prize award
foundation institute""".split())


def _names_a_facility(doc: Doc, m) -> bool:
    """A person's name as the modifier of a place or institution noun ("New York's JFK airport")."""
    if m.kind != "named" or not m.entry.roles:
        return False
    root = doc[m.start:m.end].root
    return root.dep_ == "compound" and root.head.i >= m.end and root.head.lemma_.lower() in _FACILITY_NOUNS


def _head_mention(span: Span, head: tuple) -> ActorMention:
    """The head of an international body (``KnowledgeBase.body_head``) named by ``span``."""
    entry, role = head
    return ActorMention(text=span.text, start=span.start_char, end=span.end_char,
                        actor=_actor(role.code, entry.name, entry.kb_id), kind="role", via="kb:agent:office")


def _role_described(doc: Doc, g: _Group) -> bool:
    """'Rasmussen served as NATO secretary general from 2009': an office someone held or holds,
    described ('as ...'), not a reference to that day's holder."""
    return g.head.dep_ == "pobj" and g.head.head.lower_ == "as"


def _modifies_thing(doc: Doc, g: _Group) -> bool:
    """Demonyms, sector words and IGO names used as adjectives of a non-actor noun
    ("Russian-made radars", "military cooperation", "Nato assets") are no actor mention;
    as modifiers of a person noun ("army accountant") they still say who the person is."""
    head = g.head
    if g.start <= head.i < g.end:
        return False
    low = head.lower_
    if head.pos_ in ("NOUN", "PROPN") and (head.lemma_.lower() in _COLLECTIVE_NOUNS or (
            _PERSON_NOUN.search(low) and head.lemma_.lower() not in _THING_NOUNS)):
        return False
    if head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or head.lemma_.lower() in HELD_THINGS:
        return False
    deps = {doc[m.start:m.end].root.dep_ for m in g.matches}
    if not deps <= {"amod", "compound", "nmod", "npadvmod", "nummod"}:
        return False
    # a country name used as a noun modifier ("US sanctions") still points to the country
    return not any(m.kind in ("country", "capital", "seat") for m in g.matches)


def _is_location(tok: Token) -> bool:
    """Object of a locative preposition (or apposition/conjunct of one): a place, not an actor."""
    while tok.dep_ in ("appos", "conj", "compound") and tok.head is not tok:
        tok = tok.head
    if tok.dep_ != "pobj":
        return tok.dep_ in ("npadvmod",) and tok.head.pos_ == "VERB" and False
    prep = tok.head
    word = prep.lower_
    if word in LOC_PREPS or (word == "at" and not aimed(prep)):
        return True
    if word in ("from", "to"):
        gov = prep.head
        return gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() in _MOTION_VERBS
    return False


def _acts(tok: Token) -> bool:
    return tok.dep_ in ("nsubj", "nsubjpass", "poss", "pobj", "dobj", "conj", "ROOT", "appos", "agent")


def _np_head(tok: Token, agent_tokens: set[int]) -> Token:
    seen = 0
    while seen < 8:
        seen += 1
        if tok.head.lower_ == "based" and tok.head is not tok and tok.head.head is not tok.head:
            tok = tok.head.head   # "a Somalia-based group"
            continue
        if tok.dep_ in _NP_DEPS and tok.head is not tok and (tok.dep_ != "appos" or tok.head.pos_ in ("PROPN", "NOUN")):
            if tok.dep_ == "npadvmod" and tok.head.pos_ not in ("NOUN", "PROPN"):
                break
            tok = tok.head
            continue
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            prep, gov = tok.head, tok.head.head
            if gov.pos_ in ("NOUN", "PROPN") and (prep.lower_ == "of" or (prep.lower_ in _OF_PLACE_PREPS and gov.i in agent_tokens)):
                tok = gov
                continue
        break
    return tok


def _breaks(doc: Doc, a: int, b: int) -> bool:
    """A line break between tokens a and b: headings and chrome are not one noun phrase."""
    lo, hi = min(a, b), max(a, b)
    return any("\n" in doc[i].text_with_ws for i in range(lo, hi))


def _coordinated(doc: Doc, a: int, b: int) -> bool:
    """An 'and'/'or' between a name and the head the parser gave it: 'Donald Trump and House
    Speaker Paul Ryan', misparsed as one noun phrase headed by Ryan, names two people."""
    lo, hi = min(a, b), max(a, b)
    if not (doc[a].ent_type_ == doc[b].ent_type_ == "PERSON"):
        return False      # 'Russian and Turkish troops' share their noun
    return any(doc[i].dep_ == "cc" or doc[i].pos_ == "CCONJ" for i in range(lo + 1, hi))


def _past_dateline(doc: Doc, mentions: list[tuple[ActorMention, _Group | None]], dateline: frozenset[int]
                   ) -> list[tuple[ActorMention, _Group | None]]:
    """A mention grown back over a dateline ('Dehradun (PTI): Nehru Institute') starts after it;
    one inside it is dropped: where a story was filed is not who acts in it."""
    if not dateline:
        return mentions
    out = []
    for m, g in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.start not in dateline:
            out.append((m, g))
            continue
        rest = next((i for i in range(span.start, span.end) if i not in dateline and not doc[i].is_space), None)
        if rest is None:
            continue
        out.append((replace(m, text=doc.text[doc[rest].idx:m.end], start=doc[rest].idx), g))
    return out


def _group(doc: Doc, matches: list[Match], agent_tokens: set[int]) -> list[_Group]:
    groups: dict[int, _Group] = {}
    for m in matches:
        root = doc[m.start:m.end].root
        head = _np_head(root, agent_tokens)
        if _breaks(doc, root.i, head.i) or any(doc[i].is_space for i in range(m.start, m.end)) or \
                _coordinated(doc, root.i, head.i):
            head = root
        g = groups.get(head.i)
        if g is not None and head.i != root.i and m.entry.kind == "org" \
                and any(c.dep_ == "conj" for c in root.children) \
                and any(x.entry.kind == "org" and x.entry.code != m.entry.code for x in g.matches):
            # 'such as al Qaida, the TTP and Baloch rebels': an organisation after another, with the
            # list going on after it, is the list's next item, not an apposition
            head = root
            g = groups.get(head.i)
        if g is None:
            g = groups[head.i] = _Group(head=head, start=m.start, end=m.end)
        g.matches.append(m)
        g.start, g.end = min(g.start, m.start), max(g.end, m.end)
    return sorted(groups.values(), key=lambda g: g.start)


def _unknown_people(doc: Doc, groups: list[_Group]) -> list[tuple[ActorMention, None]]:
    """PERSON entities the KB does not know and no group covers: kept (actor None) so that
    surnames, roles and pronouns can still point to them."""
    covered = set()
    for g in groups:
        covered.update(range(g.start, g.end))
        covered.add(g.head.i)
    out = []
    nobody = false_persons(doc)
    for ent in doc.ents:
        if ent.label_ != "PERSON" or any(i in covered for i in range(ent.start, ent.end)) or nobody(ent):
            continue
        covered.update(range(ent.start, ent.end))
        out.append((ActorMention(text=ent.text, start=ent.start_char, end=ent.end_char, actor=None,
                                 kind="name", via="ner:PERSON"), None))
    # the last word of a longer name met before is that person's surname whatever the tagger
    # called it ('Alasow said' tagged ORG after 'Commissioner Omar Osman Alasow'; 'Barnier, too,
    # was' untagged after 'Michel Barnier')
    surname_at: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].is_alpha and ent[-1].is_title:
            surname_at.setdefault(ent[-1].lower_, ent.end)
    # a name the tagger did not label is still someone when a 'who' clause describes it or it says
    # something ('Maimane, who headed the party ...', 'Equiluz notes ...'): a pronoun after it is
    # more likely that person than someone named paragraphs before
    for t in doc:
        if t.pos_ != "PROPN" or t.i in covered or t.dep_ in ("compound", "flat"):
            continue
        if surname_at.get(t.lower_, len(doc)) <= t.i and t.is_title:
            covered.add(t.i)
            out.append((ActorMention(text=t.text, start=t.idx, end=t.idx + len(t.text), actor=None,
                                     kind="name", via="person:surname"), None))
            continue
        said = t.dep_ == "nsubj" and t.head.lemma_.lower() in _SAYING and t.ent_type_ not in _NOT_PERSON_ENTS
        # ('A Qiang, who used to work ...': a place never takes 'who', whatever the tagger said)
        who = any(c.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.lower_ == "who" for g in c.children)
                  for c in t.children)
        if not (said or who):
            continue
        s = t.i
        while s > 0 and doc[s - 1].pos_ == "PROPN" and doc[s - 1].dep_ in ("compound", "flat") \
                and doc[s - 1].i not in covered:
            s -= 1
        span = doc[s:t.i + 1]
        out.append((ActorMention(text=span.text, start=span.start_char, end=span.end_char, actor=None,
                                 kind="name", via="person:unlabelled"), None))
    return out


_NOT_PERSON_ENTS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
_SAYING = frozenset({"say", "tell", "note", "add", "explain", "argue", "insist", "claim", "warn", "write", "ask",
                     "reply", "recall", "agree", "believe", "think", "stress", "acknowledge", "admit"})


# -- short texts -------------------------------------------------------------------------

def resolve_text(text: str, date: str | None = None, context: str | None = None,
                 resolver: ActorResolver | None = None, nlp=None) -> Actor | None:
    """The actor one short text names ("Turkey's defence ministry", "Vladimir Putin"), or None.

    ``context`` (e.g. a country name or the sentence around) supplies a country when the
    text alone has none ("the National Guard" + "Saudi").
    """
    if not isinstance(text, str) or not text.strip():
        return None
    if nlp is None:
        from tidings.nlp.parse import load_nlp
        nlp = load_nlp()
    resolver = resolver or _default_resolver()
    text = " ".join(text.split())
    if text.lower() in _PERSONAL_PRONOUNS:
        # a bare pronoun is a person or group nobody has named: CAMEO/PLOVER "unknown" (UNK)
        return Actor(code="UNK", country=None, sector="UNK", name=None, kb_id=None)
    # Parsed as the subject of a carrier verb, a bare noun phrase gets its noun-phrase parse
    # ("Boko Haram gunmen" is one subject, not "Boko Haram" + a verb "gunmen").
    doc = nlp(text + " said.")
    res = resolver.resolve(doc, date, keep_vague=True)
    mentions = [m for m in res.mentions if m.start < len(text)]
    best = _main_mention(doc, mentions, len(text))
    actor = best.actor if best is not None else None
    if actor is None and best is None and res.places:
        # "an amusement park in Kabul", "a Syrian island": no actor named, but the text is
        # located in a country; who it is: an unknown place (UNK) or its civilians (CVL)
        pres = resolver.resolve(nlp(res.places[0].text + " said."), date, keep_vague=True)
        for m in pres.mentions:
            if m.actor is not None and m.actor.country:
                sector = _generic_sector(doc, res.places[0])
                return Actor(code=m.actor.country + (sector or ""), country=m.actor.country, sector=sector,
                             name=m.actor.name, kb_id=m.actor.kb_id)
    if best is None and not res.places and _only_time(doc, len(text)):
        # "yesterday", "last week": a time, not an actor -- CAMEO/PLOVER's "junk" code
        return Actor(code="JNK", country=None, sector="JNK", name=None, kb_id=None)
    if actor is not None and actor.sector == "PPL":
        # Phoenix "people" is PLOVER's civilians
        actor = Actor(code=actor.code.replace("PPL", "CVL", 1), country=actor.country, sector="CVL",
                      name=actor.name, kb_id=actor.kb_id)
    if context and actor is not None and not actor.country and not (actor.code or "").startswith(("IGO", "NGO")):
        cres = resolver.resolve(nlp(context), date, keep_vague=True)
        ctry = next((m.actor.country for m in cres.mentions if m.actor is not None and m.actor.country), None)
        if ctry:
            actor = Actor(code=ctry + (actor.code or ""), country=ctry, sector=actor.sector, name=actor.name,
                          kb_id=actor.kb_id)
    return actor


# Titles that belong to whatever body follows "of": "President of the Human Rights League"
# leads the league, not the country.
_TITLE_WORDS = frozenset("""president chairman chairwoman chair head leader director founder secretary-general
spokesman spokeswoman spokesperson member chief""".split())
_ORG_SECTORS = frozenset({"SOC", "NGO", "EDU", "BUS", "MED", "HLH", "PTY", "LAB", "REL", "JRN", "AGR", "CRM", "REB"})


def _org_of_title(doc: Doc, g: _Group, agents: list[Match], a):
    head = g.head
    if head.lower_ not in _TITLE_WORDS or not any(m.start <= head.i < m.end for m in agents):
        return a
    for m in agents:
        root = doc[m.start:m.end].root
        tok = root
        while tok.dep_ in ("compound", "amod", "conj") and tok.head is not tok:
            tok = tok.head
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i == head.i and \
                split_code(m.entry.code)[1] in _ORG_SECTORS:
            return m.entry
    return a


def _only_time(doc: Doc, text_end: int) -> bool:
    words = [t for t in doc if t.idx < text_end and not t.is_punct]
    return bool(words) and all(t.ent_type_ in ("DATE", "TIME") for t in words)


def _generic_sector(doc: Doc, place: TextSpan) -> str | None:
    """Sector of a generic phrase located in a place: the carrier verb's subject decides
    ("regions ..." -> UNK; "a park ..." -> CVL); the place itself as subject -> None."""
    verb = doc[-2] if len(doc) >= 2 else doc[0]
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or place.start <= subj.idx < place.end:
        return None
    if subj.lemma_.lower() in _PLACE_NOUNS or subj.lower_ in _PLACE_NOUNS:
        return "UNK"
    return None


def _former(doc: Doc, g, after: int | None) -> bool:
    """'former President Obama', 'ex-minister X', 'X, a former prime minister': a past office.
    A 'former' after the name (token ``after`` on) of someone in office that day, or titled
    before the name, describes another job: 'Prime Minister Keir Starmer, a former human rights
    lawyer' is the prime minister, 'Representative Michael McCaul, former chairman of ...' a
    representative."""
    # ('Since then, protesters have demanded ...': a 'then' closed off by a comma dates no office)
    return any(t.lower_ in _FORMER and (after is None or t.i < after)
               and not (t.i + 1 < len(doc) and doc[t.i + 1].is_punct and doc[t.i + 1].text != "-")
               for t in doc[max(g.start - 2, 0):g.end])


def _in_office(e: Entry, day: str | None) -> bool:
    """The person holds an office (not 'former', not a fallback) on ``day``."""
    return day is not None and any(split_code(r.code)[1] != "ELI" for r in e.roles_on(day))


def _stance_prefixed(doc: Doc, i: int) -> bool:
    """'anti-Pakistan fighters', 'pro-Russian separatists': a country named as what a group is for
    or against is not the group's country. (Not ``inword_hyphen``: the name after the hyphen may
    be an abbreviation, 'anti-U.S.'.)"""
    return i >= 2 and doc[i - 1].text in ("-", "\u2010") and not doc[i - 1].whitespace_ and \
        not doc[i - 2].whitespace_ and doc[i - 2].lower_ in ("anti", "pro")


def _hyphen_adjective(doc: Doc, m: Match) -> bool:
    """'military-minded Donald Trump', 'state-owned banks', 'government-backed militias': a sector
    word inside a hyphenated adjective says what someone is like, not who they are."""
    return m.end < len(doc) - 1 and inword_hyphen(doc, m.end) and doc[m.end + 1].is_lower


def _state_of_things(doc: Doc, m: Match) -> bool:
    """'the state of politics', 'a state of emergency', 'the state of the union': a condition, not
    the state; 'the state of Texas' names a place."""
    tok = doc[m.end - 1]
    if tok.lower_ != "state" or m.end - m.start != 1:
        return False
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return not any(o.ent_type_ in ("GPE", "LOC", "NORP", "ORG") for o in prep.children if o.dep_ == "pobj")
    return False


def _surname_of_person(doc: Doc, tok: Token) -> bool:
    """A one-word PERSON that ends a longer PERSON name in the document ("Austin" after
    "Lloyd Austin") is that person, not the city."""
    if tok.ent_type_ != "PERSON":
        return False
    return any(ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].lower_ == tok.lower_ for ent in doc.ents)


def _main_mention(doc: Doc, mentions: list[ActorMention], text_end: int) -> ActorMention | None:
    """The mention a short text is about: the one holding the subject of the carrier verb."""
    if not mentions:
        return None
    verb = doc[-2] if len(doc) >= 2 else doc[0]
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None:
        for m in mentions:
            if m.start <= subj.idx < m.end:
                return m
    with_actor = [m for m in mentions if m.actor is not None]
    if not with_actor:
        return mentions[0]
    return max(with_actor, key=lambda m: (m.end - m.start, -m.start))


@lru_cache(maxsize=1)
def _default_resolver() -> ActorResolver:
    return ActorResolver()
