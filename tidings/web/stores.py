"""One read-only ``Store`` per server thread.

SQLite connections must not be used by two threads at once, and the store's docs ask for one
``Store`` per thread; opening is cheap, so each worker thread of the server keeps its own.
The pool lives in ``app.state`` (no module-level state).
"""
from __future__ import annotations

import threading
from pathlib import Path

from tidings.store import Store


class StorePool:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[Store] = []

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.path, readonly=True)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

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
