"""Coding one text the way the pipeline does (parse, actors, events), for the event tests."""
from __future__ import annotations


def events(nlp, coder, resolver, text, date):
    doc = nlp(text)
    return coder.code(doc, article_id="t", article_date=date, actors=resolver.resolve(doc, date))
