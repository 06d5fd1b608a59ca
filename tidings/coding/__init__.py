"""Event coding: CAMEO/PLOVER events from the dependency parse (see ``coder.py``).

Entry points:
- ``EventCoder(dictionaries=None|DIR, settings).code(doc, article_id, article_date, actors, quotes)``
  -> ``list[EventMention]``
- ``petrarch.load_dictionaries(DIR)``: PETRARCH/TABARI verb, actor, agent and discard files
- ``bench_events(events)``: the ``{source, target, code}`` projection scored by
  ``../shared/bench/event_score.py`` (events that did not happen, negated or hypothetical,
  are left out)
"""
from __future__ import annotations

from tidings.coding.actors import ActorTagger, PetrarchActorTagger, ResolverTagger
from tidings.coding.coder import EventCoder
from tidings.coding.petrarch import DictionaryError, load_dictionaries
from tidings.records import EventMention


def bench_events(events: list[EventMention]) -> list[dict]:
    """Events as ``{"source", "target", "code"}`` actor codes + CAMEO code, for event_score.py."""
    out = []
    for e in events:
        if e.context.get("negated") or e.context.get("hypothetical"):
            continue
        out.append({"source": e.source.actor.code if e.source and e.source.actor else None,
                    "target": e.target.actor.code if e.target and e.target.actor else None,
                    "code": e.cameo.get("code")})
    return out


__all__ = ["EventCoder", "bench_events", "load_dictionaries", "DictionaryError", "ActorTagger",
           "PetrarchActorTagger", "ResolverTagger"]
