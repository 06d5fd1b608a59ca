"""Coded actors: the knowledge base (``kb``), its matcher (``matcher``) and resolution (``resolve``).

Entry points (stable interface, see docs/design.md):

- ``load_kb(path=None, extra_paths=()) -> KnowledgeBase``: the built-in tables under
  ``tidings/actors/data/`` plus a user's own files (also ``TIDINGS_ACTORS``, ``os.pathsep``
  separated) that add or override aliases, people and sector words.
- ``ActorResolver(kb).resolve(doc, date) -> ResolvedActors``: every actor mention of a parsed
  spaCy Doc (char offsets into ``doc.text``), with in-document coreference;
  ``ResolvedActors.span_actor(start, end)`` gives the best mention for any char span.
- ``resolve_text(text, date=None, context=None) -> Actor | None``: one short actor text.
"""
from __future__ import annotations

from tidings.actors.kb import KnowledgeBase, load_kb
from tidings.actors.resolve import ActorResolver, ResolvedActors, resolve_text

__all__ = ["KnowledgeBase", "load_kb", "ActorResolver", "ResolvedActors", "resolve_text"]
