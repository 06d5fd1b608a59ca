"""``POST /ingest``: pages or URLs through the whole pipeline into the store.

Mounted only when a token is configured, and every call must carry it (see ``security``). The
pipeline (spaCy and the coders) is loaded on the first call and kept on ``app.state``; ingests
run one at a time because the store has a single writer anyway.
"""
from __future__ import annotations

import threading
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from pydantic import BaseModel, Field, model_validator

from tidings.records import ErrorRecord, Page
from tidings.settings import Settings

MAX_PAGES = 100
MAX_URLS = 100
MAX_BODY_BYTES = 64 * 1024 * 1024


def body_size_limit(content_length: Annotated[int | None, Header()] = None) -> None:
    """Refuse an oversized request before its body is read (pages are also capped one by one)."""
    if content_length is not None and content_length > MAX_BODY_BYTES:
        raise HTTPException(413, f"request body larger than {MAX_BODY_BYTES} bytes: send fewer pages per call")


class PageIn(BaseModel):
    content: str = Field(description="the page: HTML, or plain text")
    url: str | None = Field(default=None, max_length=2000)
    format: Literal["html", "text"] | None = Field(default=None, description="sniffed when missing")
    title: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(default=None, max_length=40)
    clean: bool = Field(default=False, description="text is already the article body: skip boilerplate removal")


class IngestIn(BaseModel):
    pages: list[PageIn] = Field(default_factory=list, max_length=MAX_PAGES)
    urls: list[Annotated[str, Field(max_length=2000, pattern=r"^https?://")]] = Field(
        default_factory=list, max_length=MAX_URLS)

    @model_validator(mode="after")
    def _not_empty(self):
        if not self.pages and not self.urls:
            raise ValueError("give 'pages' or 'urls' (or both)")
        return self


class Ingester:
    """The loaded pipeline and the lock serialising writes (one per app)."""

    def __init__(self, db_path: str, settings: Settings):
        self.db_path = db_path
        self.settings = settings
        self._lock = threading.Lock()
        self._pipeline = None

    def pipeline(self):
        if self._pipeline is None:
            from tidings.pipeline import Pipeline
            self._pipeline = Pipeline(self.settings)
        return self._pipeline

    def run(self, body: IngestIn) -> dict:
        from tidings.extract import read_pages
        from tidings.store import Store

        s = self.settings
        pages: list[Page | ErrorRecord] = []
        for i, p in enumerate(body.pages):
            data = p.content.encode("utf-8")
            source = p.url or f"POST /ingest#{i}"
            if len(data) > s.max_page_bytes:
                pages.append(ErrorRecord(source=source, error=f"page larger than {s.max_page_bytes} bytes",
                                         stage="ingest"))
                continue
            meta = {k: v for k, v in (("title", p.title), ("published", p.published)) if v}
            if p.clean:
                meta["clean"] = True
            pages.append(Page(source=source, content=data, url=p.url, hint=p.format, meta=meta, group="api"))
        if body.urls:
            from tidings.ingest import iter_pages
            pages.extend(iter_pages(list(body.urls), s))

        result = {"added": [], "skipped": [], "versions": [], "events": 0, "errors": []}
        with self._lock:
            articles = list(read_pages(iter(pages), s))
            errors = [a for a in articles if isinstance(a, ErrorRecord)]
            good = [a for a in articles if not isinstance(a, ErrorRecord)]
            analyses = list(self.pipeline().analyze(good)) if good else []
            with Store(self.db_path, settings=s) as store:
                for item in [*errors, *analyses]:
                    if isinstance(item, ErrorRecord):
                        store.add_error(item)
                        result["errors"].append({"source": item.source, "stage": item.stage, "error": item.error})
                        continue
                    r = store.add(item)
                    key = {"added": "added", "skipped": "skipped", "version": "versions"}[r.status]
                    result[key].append(r.article_id)
                    result["events"] += r.events
        return result


def router(check_token) -> APIRouter:
    r = APIRouter(tags=["write"], dependencies=[Depends(check_token), Depends(body_size_limit)])

    @r.post("/ingest", summary="Run pages (or URLs) through the pipeline into the store (token required)")
    def ingest(request: Request, body: IngestIn) -> dict:
        ingester: Ingester = request.app.state.ingester
        try:
            return ingester.run(body)
        except ImportError as exc:
            raise HTTPException(503, f"the ingest pipeline is not available: {exc}") from exc

    return r
