"""Actor taggers for the event coder.

The coder needs, for a parsed Doc, the actor mentions with character spans and codes. Two
sources satisfy the small ``ActorTagger`` protocol:

- ``PetrarchActorTagger``: a user's PETRARCH actor and agent dictionaries. It assembles
  compound codes as PETRARCH does: actor code + agent code (``ARN`` + ``cleric`` ->
  ``ARNREL``; prefix agents such as ``[NGO~]`` go in front), across possessives
  ("Gondor's government"), noun compounds ("Arnor security officials") and of/in/from
  phrases ("the government of Gondor", "lawmakers in Fornost and Gondor"). An agent with no
  actor gets the ``---`` country code (``---GOV``).
- ``ResolverTagger``: the project's actors layer (``tidings.actors.ActorResolver``).

``tag_doc(tagger, doc, date)`` returns ``list[ActorMention]`` either way.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from typing import Protocol, runtime_checkable

from spacy.tokens import Doc, Token

from tidings.coding.petrarch import Dictionaries
from tidings.records import Actor, ActorMention


@runtime_checkable
class ActorTagger(Protocol):
    def tag(self, doc: Doc, date: str | None) -> list[ActorMention]:
        ...


def mentions_of(actors) -> list[ActorMention]:
    """ActorMentions from a ResolvedActors-like object (``.mentions``) or a plain list."""
    if actors is None:
        return []
    if hasattr(actors, "mentions"):
        return list(actors.mentions)
    return list(actors)


class ResolverTagger:
    """Adapter: the project's ActorResolver as an ActorTagger."""

    def __init__(self, resolver):
        self.resolver = resolver

    def tag(self, doc: Doc, date: str | None) -> list[ActorMention]:
        return mentions_of(self.resolver.resolve(doc, date))


# ---------------------------------------------------------------- dictionary matching

@dataclass(slots=True)
class _Hit:
    start: int          # token indices, end exclusive
    end: int
    kind: str           # actor | agent
    codes: list[str]    # actor codes, or the agent code
    prefix: bool = False
    name: str = ""


def _consume(tokens: list[str], spaces: list[bool], i: int, word: str) -> int:
    """Token index after matching ``word`` at ``i`` (joining unspaced tokens: K.U., Barad-dur); -1 if no match."""
    acc = ""
    j = i
    while j < len(tokens):
        acc += tokens[j]
        j += 1
        if acc == word:
            return j
        if not word.startswith(acc) or spaces[j - 1]:
            return -1
    return -1


def _match_phrase(tokens, spaces, i, phrase) -> int:
    j = i
    for w, _exact in phrase:
        j = _consume(tokens, spaces, j, w)
        if j < 0:
            return -1
    return j


class _PhraseIndex:
    def __init__(self):
        self.by_first: dict[str, list] = {}

    def add(self, phrase, payload):
        if phrase:
            key = phrase[0][0]
            self.by_first.setdefault(key[:3], []).append((phrase, payload))

    def matches(self, tokens, spaces, i):
        for phrase, payload in self.by_first.get(tokens[i][:3], ()):
            j = _match_phrase(tokens, spaces, i, phrase)
            if j > i:
                yield j, payload


_MOD_DEPS = {"compound", "amod", "nmod", "poss", "pobj", "prep", "case", "det", "nummod",
             "appos", "npadvmod", "nn", "flat", "quantmod", "advmod", "punct"}
_ATTACH_PREPS = {"of", "in", "from", "for", "at", "'s"}


class PetrarchActorTagger:
    """Actors and agents from PETRARCH dictionaries, assembled into compound codes."""

    def __init__(self, dicts: Dictionaries):
        self.actors = _PhraseIndex()
        self.agents = _PhraseIndex()
        for a in dicts.actors:
            for ph in a.phrases:
                self.actors.add(ph, a)
        for g in dicts.agents:
            self.agents.add(g.phrase, g)

    def hits(self, doc: Doc, when: Date | None) -> list[_Hit]:
        tokens = [t.lower_ for t in doc]
        spaces = [bool(t.whitespace_) for t in doc]
        out: list[_Hit] = []
        i = 0
        while i < len(doc):
            best: _Hit | None = None
            for j, entry in self.actors.matches(tokens, spaces, i):
                codes = entry.codes_on(when)
                if codes and (best is None or j > best.end):
                    best = _Hit(i, j, "actor", codes, name=entry.name)
            for j, agent in self.agents.matches(tokens, spaces, i):
                if best is None or j > best.end:
                    best = _Hit(i, j, "agent", [agent.code], prefix=agent.prefix)
            if best is not None:
                # "the" may open an actor phrase (THE_SHIRE); as a lone agent head it is noise
                out.append(best)
                i = best.end
            else:
                i += 1
        return out

    def tag(self, doc: Doc, date: str | None) -> list[ActorMention]:
        when = _to_date(date)
        hits = self.hits(doc, when)
        return assemble(doc, hits)


def _to_date(date: str | None) -> Date | None:
    if not date:
        return None
    try:
        return Date.fromisoformat(date[:10])
    except ValueError:
        return None


def _head_token(doc: Doc, hit: _Hit) -> Token:
    span = doc[hit.start:hit.end]
    return span.root


def assemble(doc: Doc, hits: list[_Hit]) -> list[ActorMention]:
    """Group actor and agent hits that belong to one noun phrase into coded mentions."""
    if not hits:
        return []
    tok2hit = {}
    for n, h in enumerate(hits):
        for t in range(h.start, h.end):
            tok2hit[t] = n
    parent: dict[int, int | None] = {}
    conj_of: dict[int, int] = {}
    for n, h in enumerate(hits):
        parent[n] = None
        t = _head_token(doc, h)
        seen = 0
        in_conj = False
        while seen < 12:
            seen += 1
            if t.dep_ == "conj":
                first = t.head
                if first.i in tok2hit and tok2hit[first.i] != n and not in_conj:
                    conj_of[n] = tok2hit[first.i]
                in_conj = True
                t = first
                # the conjunct shares its first member's attachment, not the member itself
                while t.dep_ == "conj":
                    t = t.head
                if t.head == t:
                    break
                t = t.head
            elif t.dep_ in _MOD_DEPS and t.head != t:
                t = t.head
            else:
                break
            if t.i in tok2hit and tok2hit[t.i] != n:
                parent[n] = tok2hit[t.i]
                break
            if t.pos_ in ("VERB", "AUX") or t.dep_ in ("ROOT",):
                break
        # plain adjacency ("Arnor cleric", "MSF Arnor") when the parse did not link them
        if parent[n] is None and n + 1 < len(hits) and n not in conj_of:
            nxt = hits[n + 1]
            between = [doc[k] for k in range(h.end, nxt.start)]
            if all(b.lower_ in ("'s", "’s", "'") for b in between) and nxt.kind == "agent":
                parent[n] = n + 1
    # break cycles
    for n in parent:
        seen = {n}
        p = parent[n]
        while p is not None:
            if p in seen:
                parent[n] = None
                break
            seen.add(p)
            p = parent[p]
    children: dict[int, list[int]] = {n: [] for n in parent}
    for n, p in parent.items():
        if p is not None:
            children[p].append(n)

    def subtree(n: int) -> list[int]:
        out = [n]
        for c in children[n]:
            out += subtree(c)
        return out

    units: dict[int, list[str]] = {}
    for n, p in parent.items():
        if p is not None:
            continue
        members = sorted(subtree(n))
        units[n] = _codes_for(hits, members, n)
    # agent units with no country share those of a coordinated agent unit
    # ("lawmakers and officials in Fornost and Gondor")
    for n, codes in list(units.items()):
        if hits[n].kind == "agent" and all(c.startswith("---") for c in codes):
            for m, other in units.items():
                if m != n and (conj_of.get(m) == n or conj_of.get(n) == m) and hits[m].kind == "agent":
                    countries = _countries(hits, sorted(subtree(m)))
                    if countries:
                        units[n] = _codes_for(hits, sorted(subtree(n)), n, countries)
    mentions = []
    for n, codes in units.items():
        members = subtree(n)
        s = min(hits[m].start for m in members)
        e = max(hits[m].end for m in members)
        span = doc[s:e]
        for code in codes:
            mentions.append(ActorMention(
                text=span.text, start=span.start_char, end=span.end_char,
                actor=Actor(code=code, country=code[:3] if code[:3].isalpha() and code[:3] != "---" else None,
                            sector=None, name=hits[n].name or span.text),
                kind="name" if hits[n].kind == "actor" else "agent", via="petrarch-dictionary"))
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


def _countries(hits, members) -> list[str]:
    out = []
    for m in members:
        if hits[m].kind == "actor":
            out += hits[m].codes
    return out


def _codes_for(hits, members, root, countries: list[str] | None = None) -> list[str]:
    countries = countries if countries is not None else _countries(hits, members)
    prefixes = [hits[m].codes[0] for m in members if hits[m].kind == "agent" and hits[m].prefix]
    # suffix agents: the unit's own agent last (its head), modifiers before it
    suffix = [hits[m].codes[0] for m in members
              if hits[m].kind == "agent" and not hits[m].prefix and m != root]
    if hits[root].kind == "agent" and not hits[root].prefix:
        suffix.append(hits[root].codes[0])
    if not countries:
        if not suffix and not prefixes:
            return []
        countries = ["---"]
    out = []
    for c in countries:
        code = "".join(prefixes) + c
        for s in suffix:
            if not code.endswith(s):
                code += s
        out.append(code)
    return list(dict.fromkeys(out))
