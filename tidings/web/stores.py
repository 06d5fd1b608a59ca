"""One read-only ``Store`` per server thread, and the event counts each thread has already made.

SQLite connections must not be used by two threads at once, and the store's docs ask for one
``Store`` per thread; opening is cheap, so each worker thread of the server keeps its own.
The pool lives in ``app.state`` (no module-level state).

Counting the events that match a filter scans every match, and a reader paging through a result
asks the same count again for every page; each thread remembers its recent counts until the store
changes (SQLite's ``PRAGMA data_version`` moves when another connection commits, e.g. an ingest).
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path

from tidings.store import EventFilters, Store

COUNT_CACHE_SIZE = 256


class _ThreadState:
    def __init__(self, store: Store):
        self.store = store
        self.version: int | None = None
        self.counts: OrderedDict[tuple[EventFilters, bool], int] = OrderedDict()


class StorePool:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[Store] = []

    def _state(self) -> _ThreadState:
        state = getattr(self._local, "state", None)
        if state is None:
            state = _ThreadState(Store(self.path, readonly=True))
            self._local.state = state
            with self._lock:
                self._opened.append(state.store)
        return state

    def get(self) -> Store:
        return self._state().store

    def count_events(self, filters: EventFilters, mentions: bool = False) -> int:
        """``Store.count_events``, remembered per thread until the store's data changes."""
        state = self._state()
        version = state.store.conn.execute("PRAGMA data_version").fetchone()[0]
        if version != state.version:
            state.counts.clear()
            state.version = version
        key = (filters, mentions)
        n = state.counts.get(key)
        if n is None:
            n = state.store.count_events(filters, mentions=mentions)
            state.counts[key] = n
            if len(state.counts) > COUNT_CACHE_SIZE:
                state.counts.popitem(last=False)
        else:
            state.counts.move_to_end(key)
        return n

    def fresh(self) -> Store:
        """A store for one long task (a streamed download) that may hop between threads."""
        return Store(self.path, readonly=True)

    def writer(self) -> Store:
        return Store(self.path)

    def close(self) -> None:
        with self._lock:
            for s in self._opened:
                try:
                    s.close()
                except Exception:  # already closed or its thread gone: nothing to release
                    pass
            self._opened.clear()
