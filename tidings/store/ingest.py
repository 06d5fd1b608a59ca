"""Batch ingest: inputs -> pages -> articles -> analyses -> the store, with N worker processes.

Work split:
- the main process reads pages (``tidings.ingest.iter_pages``), cuts them into tasks, and is the
  only writer: each article is stored in one transaction, in input order;
- workers extract (``tidings.extract.read_pages``), skip articles already stored (a read-only
  connection; WAL lets it read while the main process writes), and analyse the rest with one
  ``Pipeline`` each (spaCy loaded once per worker, and only when there is something to analyse).

Tasks follow ``read_pages``' own windows (pages of one group read together share boilerplate
evidence), so a page's article is the same as with ``tidings read``; pages that cannot use that
evidence (HTML pages, already clean JSONL text) are packed into small tasks, smaller towards the
end of a run of known length, to balance the workers.

Resumable: ids are content hashes and every article is one transaction, so after a SIGKILL the same
command skips what is stored and finishes the rest; clustering depends only on the stored set.

JSONL files of analysis records (``tidings analyze`` output: article fields plus sentences, entities,
actors, quotes, events) are stored as they are, without the pipeline.
"""
from __future__ import annotations

import gc
import gzip
import json
import logging
import multiprocessing
import os
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from tidings.records import Analysis, ErrorRecord, Page
from tidings.settings import Settings
from tidings.store.rows import analysis_from_dict
from tidings.store.store import AddResult, Store

log = logging.getLogger(__name__)

TASK_PAGES = 8            # pages per task when a window may be split


@dataclass
class IngestSummary:
    db: str
    pages: int = 0               # input items seen (pages and unreadable inputs)
    added: int = 0               # new articles stored
    versions: int = 0            # of which new versions of a stored URL
    skipped: int = 0             # already stored (same content id)
    mentions: int = 0            # event mentions stored
    errors: list[ErrorRecord] = field(default_factory=list)
    seconds: float = 0.0
    events_in_store: int = 0
    articles_in_store: int = 0

    @property
    def articles(self) -> int:
        return self.added + self.skipped

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict:
        return {"db": self.db, "pages": self.pages, "articles": self.articles, "added": self.added,
                "versions": self.versions, "skipped": self.skipped, "mentions": self.mentions,
                "errors": len(self.errors), "seconds": round(self.seconds, 2),
                "articles_per_s": round(self.articles_per_s, 2), "events_in_store": self.events_in_store,
                "articles_in_store": self.articles_in_store}


class Progress:
    """What ingest reports while it runs; the CLI subclasses it (rich bar or log lines)."""

    def start(self, total: int | None) -> None: ...

    def update(self, summary: IngestSummary) -> None: ...

    def error(self, err: ErrorRecord) -> None:
        log.warning("%s: %s", err.source, err.error)

    def finish(self, summary: IngestSummary) -> None: ...


# --------------------------------------------------------------------------- inputs

def is_records_file(path: str) -> bool:
    """A JSONL file whose first record is an analysis record (has ``body``), not a story (``text``)."""
    lower = path.lower()
    if not (lower.endswith(".jsonl") or lower.endswith(".jsonl.gz")) or not os.path.isfile(path):
        return False
    try:
        opener = gzip.open if lower.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    rec = rec.get("article", rec) if isinstance(rec, dict) else rec
                    return isinstance(rec, dict) and isinstance(rec.get("body"), str) and "id" in rec
    except (OSError, ValueError, EOFError, UnicodeDecodeError):
        return False
    return False


def iter_records(path: str) -> Iterator[Analysis | ErrorRecord]:
    opener = gzip.open if path.lower().endswith(".gz") else open
    try:
        fh = opener(path, "rt", encoding="utf-8")
    except OSError as exc:
        yield ErrorRecord(source=path, error=f"cannot open: {exc.strerror or exc}", stage="ingest")
        return
    with fh:
        lineno = 0
        while True:
            try:
                line = fh.readline()
            except (OSError, EOFError, UnicodeDecodeError) as exc:
                yield ErrorRecord(source=f"{path}#{lineno + 1}", error=f"cannot read: {exc}", stage="ingest")
                return
            if not line:
                return
            lineno += 1
            if not line.strip():
                continue
            try:
                yield analysis_from_dict(json.loads(line))
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                yield ErrorRecord(source=f"{path}#{lineno}", error=f"bad analysis record: {exc!r}",
                                  stage="ingest")


def estimate_total(inputs: Iterable[str]) -> int | None:
    """Pages to expect, when cheap to know (files, folders, JSONL lines); None if unknown (URLs, WARCs, stdin)."""
    from tidings.ingest.files import expand_folder, is_folder
    total = 0
    for item in inputs:
        if item == "-" or "://" in item:
            return None
        files = expand_folder(item) if is_folder(item) else [item]
        for f in files:
            low = f.lower()
            if ".warc" in low:
                return None
            if low.endswith(".jsonl") or low.endswith(".jsonl.gz"):
                try:
                    opener = gzip.open if low.endswith(".gz") else open
                    with opener(f, "rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except (OSError, EOFError):
                    total += 1
            else:
                total += 1
    return total


def _splittable(item: Page | ErrorRecord) -> bool:
    """Pages whose extraction never uses cross-page boilerplate evidence."""
    return isinstance(item, ErrorRecord) or bool(item.meta.get("clean")) or item.hint == "html"


def tasks(items: Iterable[Page | ErrorRecord], task_pages: int = TASK_PAGES, total: int | None = None,
          workers: int = 1) -> Iterator[list[Page | ErrorRecord]]:
    """The work for the workers: a window of ``read_pages`` (same rule) whose pages share
    boilerplate evidence goes whole; the other pages (HTML, clean text) are packed into pieces of
    at most ``task_pages``, across windows, since how they are grouped changes nothing.

    When the number of pages is known (``total``), pieces shrink towards the end of the run so
    that each worker keeps about two of them until the last page: otherwise the last full-size
    piece keeps one worker busy while the others have nothing left (on 89 stories and two
    workers, about 0.4 s of a nine-second run)."""
    from tidings.extract import windows
    done = 0
    piece: list[Page | ErrorRecord] = []

    def size() -> int:
        if total is None:
            return task_pages
        return max(1, min(task_pages, -(-(total - done) // (2 * workers))))

    for window in windows(items):
        if not all(_splittable(i) for i in window):
            if piece:
                yield piece
                done, piece = done + len(piece), []
            done += len(window)
            yield window
            continue
        for item in window:     # pages that use no cross-page evidence may share a piece across windows
            piece.append(item)
            if len(piece) >= size():
                yield piece
                done, piece = done + len(piece), []
    if piece:
        yield piece


# --------------------------------------------------------------------------- workers

Outcome = tuple[str, object]     # ("analysis", Analysis) | ("skip", article id) | ("error", ErrorRecord)


class Analyzer:
    """Extract + skip-known + analyse one task; one per worker process."""

    def __init__(self, settings: Settings, db: str, dictionaries: str | None = None):
        self.settings = settings
        self.db = db
        self.dictionaries = dictionaries
        self._pipeline = None
        self._store: Store | None = None

    def pipeline(self):
        if self._pipeline is None:
            from tidings.pipeline import Pipeline
            self._pipeline = Pipeline(self.settings, dictionaries=self.dictionaries)
        return self._pipeline

    def known(self, article_id: str) -> bool:
        if self._store is None:
            self._store = Store(self.db, settings=self.settings, readonly=True)
        return self._store.has_article(article_id)

    def run(self, items: list[Page | ErrorRecord]) -> list[Outcome]:
        from tidings.extract import read_pages
        out: list[Outcome | None] = []
        todo = []
        for item in read_pages(items, self.settings):
            if isinstance(item, ErrorRecord):
                out.append(("error", item))
            elif self.known(item.id):
                out.append(("skip", item.id))
            else:
                todo.append((len(out), item))
                out.append(None)
        if todo:
            try:
                results = list(self.pipeline().analyze([a for _, a in todo]))
            except Exception as exc:  # the pipeline itself failed (model missing...): name it per article
                results = [ErrorRecord(source=a.source, error=f"analysis failed: {exc}", stage="analyze")
                           for _, a in todo]
            for (pos, art), res in zip(todo, results):
                out[pos] = ("error", res) if isinstance(res, ErrorRecord) else ("analysis", res)
            for pos, art in todo[len(results):]:
                out[pos] = ("error", ErrorRecord(source=art.source, error="analysis gave no result",
                                                 stage="analyze"))
        return out  # type: ignore[return-value]


# The worker's Analyzer. With fork it is inherited from the main process with the pipeline already
# loaded (loaded once, its memory shared copy-on-write by all workers); with spawn the initializer
# makes one. A module global because that is how a process pool hands state to its workers.
_analyzer: Analyzer | None = None


def _init_worker(settings: Settings, db: str, dictionaries: str | None, parent: int) -> None:
    global _analyzer
    _die_with_parent(parent)
    if _analyzer is None or _analyzer.db != db:
        _analyzer = Analyzer(settings, db, dictionaries)
    _analyzer._store = None     # never share a SQLite connection across fork


def _preload(settings: Settings, db: str, dictionaries: str | None) -> Analyzer | None:
    try:
        analyzer = Analyzer(settings, db, dictionaries)
        analyzer.pipeline()
        return analyzer
    except Exception:   # workers will try again and name the reason per article
        log.debug("pipeline preload failed", exc_info=True)
        return None


def _die_with_parent(parent: int) -> None:
    """A SIGKILLed ingest must not leave workers behind (Linux: PR_SET_PDEATHSIG; elsewhere best effort)."""
    try:
        import ctypes
        import signal
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL))   # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:            # the parent died before prctl took effect
        os._exit(1)


def _run_task(items: list) -> list[Outcome]:
    assert _analyzer is not None
    return _analyzer.run(items)


# --------------------------------------------------------------------------- the run

def run_ingest(inputs: list[str], db: str | os.PathLike, settings: Settings | None = None,
               workers: int = 0, dictionaries: str | None = None,
               progress: Progress | None = None, task_pages: int = TASK_PAGES) -> IngestSummary:
    """Ingest ``inputs`` into the store at ``db``; errors are recorded, never raised per input."""
    settings = settings or Settings.from_env()
    progress = progress or Progress()
    workers = workers or settings.workers or os.cpu_count() or 1
    summary = IngestSummary(db=str(db))
    t0 = time.perf_counter()
    record_inputs = [i for i in inputs if is_records_file(i)]
    page_inputs = [i for i in inputs if i not in record_inputs]
    total = estimate_total(inputs)
    progress.start(total)
    try:
        _run(record_inputs, page_inputs, db, settings, workers, dictionaries, progress, task_pages,
             summary, t0, None if record_inputs else total)
    finally:
        progress.finish(summary)
    return summary


def _run(record_inputs, page_inputs, db, settings, workers, dictionaries, progress, task_pages,
         summary: IngestSummary, t0: float, total_pages: int | None) -> None:
    with Store(db, settings=settings) as store:
        def handle(outcome: Outcome) -> None:
            kind, value = outcome
            summary.pages += 1
            if kind == "analysis":
                try:
                    r: AddResult | None = store.add(value)
                except (sqlite3.Error, ValueError, TypeError, AttributeError) as exc:
                    # a malformed record (bad JSONL analysis) must not stop the batch; the
                    # transaction rolled back, so nothing of it is stored
                    kind, value = "error", ErrorRecord(source=value.article.source, stage="store",
                                                       error=f"cannot store the analysis: {exc!r}")
            if kind == "error":
                summary.errors.append(value)
                store.add_error(value)
                progress.error(value)
            elif kind == "skip":
                summary.skipped += 1
            else:
                if r.status == "skipped":
                    summary.skipped += 1
                else:
                    summary.added += 1
                    summary.versions += r.status == "version"
                    summary.mentions += r.events
            summary.seconds = time.perf_counter() - t0
            progress.update(summary)

        for path in record_inputs:
            for rec in iter_records(path):
                handle(("error", rec) if isinstance(rec, ErrorRecord) else ("analysis", rec))
        if page_inputs:
            from tidings.ingest import iter_pages
            task_iter = tasks(iter_pages(page_inputs, settings), task_pages, total_pages, max(workers, 1))
            if workers <= 1:
                analyzer = Analyzer(settings, str(db), dictionaries)
                for task in task_iter:
                    for outcome in analyzer.run(task):
                        handle(outcome)
            else:
                _run_pool(task_iter, workers, settings, str(db), dictionaries, handle)
        summary.seconds = time.perf_counter() - t0
        summary.events_in_store = store.count_events()
        summary.articles_in_store = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def _run_pool(task_iter: Iterator[list], workers: int, settings: Settings, db: str,
              dictionaries: str | None, handle: Callable[[Outcome], None], buffer_tasks: int = 64) -> None:
    """Tasks to a process pool; results handled in input order.

    At most ``2 x workers`` tasks are queued or running; finished tasks wait (up to ``buffer_tasks``)
    for a slow earlier one, so one long article does not leave the other workers idle.
    """
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker,
                                   initargs=(settings, db, dictionaries, os.getpid()))

    global _analyzer
    if method == "fork":
        _analyzer = _preload(settings, db, dictionaries)
        gc.freeze()     # keep the collector from touching (and so copying) the shared model pages
    pool = new_pool()
    pending: deque[tuple[list, Future]] = deque()
    exhausted = False
    try:
        while True:
            while not exhausted and len(pending) < buffer_tasks and \
                    sum(not f.done() for _, f in pending) < 2 * workers:
                task = next(task_iter, None)
                if task is None:
                    exhausted = True
                    break
                pending.append((task, pool.submit(_run_task, task)))
            if not pending:
                break
            task, fut = pending[0]
            if not fut.done():
                wait([f for _, f in pending if not f.done()], return_when=FIRST_COMPLETED)
                continue
            pending.popleft()
            try:
                outcomes = fut.result()
            except BrokenProcessPool:
                # a worker died (out of memory, a crash in native code): name the pages, go on
                outcomes = [("error", ErrorRecord(source=_source(i), error="worker process died while "
                                                  "analysing this page", stage="analyze")) for i in task]
                redo = list(pending)
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                for t, f in redo:
                    ok = f.done() and not f.cancelled() and f.exception() is None
                    pending.append((t, f if ok else pool.submit(_run_task, t)))
            except Exception as exc:
                outcomes = [("error", ErrorRecord(source=_source(i), error=f"analysis failed: {exc}",
                                                  stage="analyze")) for i in task]
            for o in outcomes:
                handle(o)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        if method == "fork":
            gc.unfreeze()
            _analyzer = None


def _source(item: Page | ErrorRecord) -> str:
    return item.source
