"""The analysis pipeline: Article -> parse -> actors -> quotes -> events.

One ``Pipeline`` holds the loaded components (spaCy model, actor knowledge base or a
user's PETRARCH dictionaries, event coder) so that they are loaded once per process;
``analyze`` streams articles through ``nlp.pipe`` in batches.
"""
from __future__ import annotations

import atexit
import gc
import logging
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice
from pathlib import Path

from tidings.records import Analysis, Article, ErrorRecord
from tidings.settings import Settings

log = logging.getLogger(__name__)


def _batched(items: Iterable, n: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, n)):
        yield batch


class Pipeline:
    def __init__(self, settings: Settings | None = None, dictionaries: str | Path | None = None,
                 events: bool = True, quotes: bool = True, warm: bool = True):
        from tidings.actors import ActorResolver, load_kb
        from tidings.nlp.parse import load_nlp

        self.settings = settings or Settings.from_env()
        self.nlp = load_nlp(self.settings)
        self.dictionaries = Path(dictionaries) if dictionaries else None
        self.resolver = ActorResolver(load_kb())
        self.coder = None
        if events:
            from tidings.coding import EventCoder
            self.coder = EventCoder(dictionaries=self.dictionaries, settings=self.settings)
        self.with_quotes = quotes
        if warm:
            self._warm_up()
        _skip_final_collection()

    def _warm_up(self) -> None:
        """Run one tiny article through every stage now: the lazily loaded tables (gazetteer,
        lexicons, lemmatizer lookups) are then loaded once here, before an ingest forks its
        workers, instead of once in every worker (about 0.5 s of CPU each)."""
        body = ('Turkish Foreign Minister Mevlut Cavusoglu met Russian Foreign Minister Sergei Lavrov '
                'in Sochi on Tuesday. "We agreed to cooperate," he told reporters.')
        article = Article(id="warm-up", source="warm-up", url=None, site=None, title=None, author=None,
                          published="2020-12-29", published_from=None, language="en", format="text",
                          body=body)
        try:
            for _ in self.analyze([article]):
                pass
            if self.coder is not None:
                from tidings.coding.places import lookup_place
                lookup_place("Sochi")
        except Exception:   # warming is an optimisation; a real failure shows on real input
            log.debug("pipeline warm-up failed", exc_info=True)

    def analyze(self, articles: Iterable[Article]) -> Iterator[Analysis | ErrorRecord]:
        """Analyses in input order; an article that fails gives an ErrorRecord, the rest go on."""
        from tidings.nlp.parse import doc_entities, doc_sentences, parse_many
        from tidings.nlp.quotes import find_quotes

        for batch in _batched(articles, self.settings.batch_size):
            docs = parse_many(self.nlp, [a.body for a in batch], batch_size=self.settings.batch_size,
                              max_chars=self.settings.max_doc_chars)
            for article, doc in zip(batch, docs):
                try:
                    analysis = Analysis(article=article)
                    if len(doc.text) < len(article.body):
                        analysis.warnings.append(
                            f"body truncated to {len(doc.text)} characters for analysis")
                    analysis.sentences = doc_sentences(doc)
                    analysis.entities = doc_entities(doc)
                    date = (article.published or "")[:10] or None
                    resolved = self.resolver.resolve(doc, date)
                    analysis.actors = list(resolved.mentions)
                    if self.with_quotes:
                        analysis.quotes = find_quotes(doc, resolved, date)
                    if self.coder is not None:
                        analysis.events = self.coder.code(
                            doc, article_id=article.id, article_date=date,
                            actors=resolved, quotes=analysis.quotes)
                    yield analysis
                except Exception as exc:  # one bad document must not stop the batch
                    log.exception("analysis failed for %s", article.source)
                    yield ErrorRecord(source=article.source, error=f"analysis failed: {exc}",
                                      stage="analyze")


@lru_cache(maxsize=1)
def _skip_final_collection() -> None:
    """At exit, freeze the heap instead of letting the interpreter's last garbage collection walk
    the model's and the knowledge base's millions of objects (about 1 s per process, to free
    memory the OS takes back anyway). Registered once per process."""
    atexit.register(gc.freeze)
