"""The event store: one SQLite file with articles, sentences, entities, quotes, event mentions and
events (mentions clustered into happenings), queried by the CLI and the web dashboard alike.

    from tidings.store import Store, EventFilters
    with Store("tidings.db") as store:
        store.add(analysis)                       # idempotent on the article's content id
        store.events(EventFilters(actor="TUR", since="2020-01-01"), limit=50)
        store.dyad("TUR", "USA", by="month")

See docs/store.md for the schema, the clustering rule and why SQLite.
"""
from tidings.store.filters import EventFilters
from tidings.store.schema import SCHEMA_VERSION, SchemaError
from tidings.store.store import PERIODS, AddResult, Store, default_db

__all__ = ["Store", "EventFilters", "AddResult", "SCHEMA_VERSION", "SchemaError", "PERIODS", "default_db"]
