"""JSON Lines of already clean stories ({id?, url?, title?, author?, published?, text}): one page each.

The text is already the article body, so the page is marked ``meta["clean"]`` and extract keeps it
as it is (no boilerplate removal); title, author, published and url travel in ``meta``.
"""
from __future__ import annotations

import gzip
import json
import os
import zlib
from collections.abc import Iterator

from tidings.ingest.limits import human_bytes
from tidings.records import ErrorRecord, Page
from tidings.settings import Settings

META_FIELDS = ("id", "title", "author", "published", "date", "url", "site", "language")


def read_jsonl_pages(path: str, settings: Settings) -> Iterator[Page | ErrorRecord]:
    limit = settings.max_page_bytes
    try:
        raw = gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")
    except OSError as exc:
        yield ErrorRecord(source=path, error=f"cannot open: {exc.strerror or exc}", stage="ingest")
        return
    group = os.path.abspath(path)
    lineno = 0
    produced = produced_page = False
    with raw as fh:
        while True:
            src = f"{path}#{lineno + 1}"
            try:
                line = fh.readline(limit + 1)
            except EOFError:
                yield ErrorRecord(source=src, error="truncated gzip file (compressed stream ends early)",
                                  stage="ingest")
                return
            except (OSError, zlib.error) as exc:
                yield ErrorRecord(source=src, error=f"cannot read: {exc}", stage="ingest")
                return
            if not line:
                if not produced:
                    yield ErrorRecord(source=path, error="no records in the JSONL file", stage="ingest")
                return
            produced = produced or bool(line.strip())
            lineno += 1
            if len(line) > limit:
                yield ErrorRecord(source=src, error=f"record larger than the size limit of {human_bytes(limit)}",
                                  stage="ingest")
                while line and not line.endswith(b"\n"):   # skip the rest of the oversized line
                    line = fh.readline(1 << 20)
                continue
            if not line.strip():
                continue
            page = _record_page(line, src, group)
            if isinstance(page, ErrorRecord) and not produced_page:
                # a file of another schema (e.g. a gold file beside the pages) is one error, not one per line
                yield ErrorRecord(source=path, error=f"not a JSONL file of stories: first record: "
                                  f"{page.error.removeprefix('bad JSONL record: ')}", stage="ingest")
                return
            produced_page = True
            yield page


def _record_page(line: bytes, src: str, group: str) -> Page | ErrorRecord:
    try:
        rec = json.loads(line)
    except ValueError as exc:
        return ErrorRecord(source=src, error=f"bad JSONL record: {exc}", stage="ingest")
    if not isinstance(rec, dict):
        return ErrorRecord(source=src, error="bad JSONL record: not a JSON object", stage="ingest")
    text = rec.get("text")
    if not isinstance(text, str):
        return ErrorRecord(source=src, error="bad JSONL record: no string field 'text'", stage="ingest")
    meta = {k: rec[k] for k in META_FIELDS if isinstance(rec.get(k), (str, int)) and rec[k] != ""}
    meta["clean"] = True
    url = rec.get("url") if isinstance(rec.get("url"), str) else None
    return Page(source=src, content=text.encode("utf-8", "surrogatepass"), url=url, hint="text",
                meta=meta, group=group)
