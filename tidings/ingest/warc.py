"""WARC / WARC.gz files: every HTTP response record (status 2xx) with an HTML or text content type
is a page; source = WARC-Record-ID, url = WARC-Target-URI.

A corrupt record gives an error record naming the file and the record's byte offset; reading then
resumes at the next record boundary found after it (a ``WARC/1.`` line, or the next gzip member
that opens a WARC record), so one bad record never loses the rest of the archive.
"""
from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from typing import BinaryIO
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.limitreader import LimitReader

from tidings.ingest.limits import human_bytes
from tidings.records import ErrorRecord, Page
from tidings.settings import Settings

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
GZIP_MEMBER = b"\x1f\x8b\x08"
WARC_LINE = b"WARC/1."
_SCAN = 1 << 20


def read_warc_pages(path: str, settings: Settings) -> Iterator[Page | ErrorRecord]:
    try:
        fh = open(path, "rb")
    except OSError as exc:
        reason = "no such file, folder or URL" if isinstance(exc, FileNotFoundError) else \
            f"cannot open: {exc.strerror or exc}"
        yield ErrorRecord(source=path, error=reason, stage="ingest")
        return
    with fh:
        gz = fh.read(3) == GZIP_MEMBER or path.lower().endswith(".gz")
        fh.seek(0)
        found_any = produced = False
        offset: int | None = 0
        while offset is not None:
            fh.seek(offset)
            it = ArchiveIterator(fh)
            try:
                for record in it:
                    found_any = True
                    for item in _record_pages(record, path, it.offset, settings):
                        produced = True
                        yield item
                tail = _unread_tail(fh, it.offset)
                if tail is not None:
                    produced = True
                    yield ErrorRecord(source=f"{path}@{tail}", error=f"truncated WARC record at byte {tail}: "
                                      "the file ends inside its header", stage="ingest")
                if not produced:
                    yield ErrorRecord(source=path, error="no HTML or text responses in the WARC file",
                                      stage="ingest")
                return
            except Exception as exc:   # warcio/zlib/EOF errors of one record: report, resync
                bad = it.offset
                produced = True
                offset = _next_record_start(fh, bad + 1, gz)
                if not found_any and bad == 0 and offset is None:
                    yield ErrorRecord(source=path, error=f"not a readable WARC file: {_short(exc)}",
                                      stage="ingest")
                    return
                yield ErrorRecord(source=f"{path}@{bad}", error=f"corrupt WARC record at byte {bad}: "
                                  f"{_short(exc)}", stage="ingest")


def _record_pages(record, path: str, offset: int, settings: Settings) -> Iterator[Page | ErrorRecord]:
    src_at = f"{path}@{offset}"
    rec_type = record.rec_type
    if rec_type is None:
        yield ErrorRecord(source=src_at, error=f"corrupt WARC record at byte {offset}: no WARC-Type header",
                          stage="ingest")
        return
    if record.rec_headers.get_header("Content-Length") is None:
        yield ErrorRecord(source=src_at, error=f"corrupt WARC record at byte {offset}: no Content-Length "
                          "header (truncated file?)", stage="ingest")
        return
    if rec_type not in ("response", "resource"):
        return
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if rec_type == "response" and not status.startswith("2"):
            return   # redirects and error pages are not articles
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if content_type and not content_type.split(";")[0].strip().lower().startswith(PAGE_TYPES):
        return
    record_id = record.rec_headers.get_header("WARC-Record-ID") or src_at
    url = record.rec_headers.get_header("WARC-Target-URI")
    limit = settings.max_page_bytes
    try:
        declared = int(record.rec_headers.get_header("Content-Length") or 0)
    except ValueError:
        declared = 0
    if declared > limit + 64 * 1024:   # the block also holds the HTTP headers
        yield ErrorRecord(source=src_at, error=f"page larger than the size limit of {human_bytes(limit)} "
                          f"(record {record_id})", stage="ingest")
        return
    try:
        content = record.content_stream().read(limit + 1)
    except (OSError, EOFError, ValueError, zlib.error) as exc:
        yield ErrorRecord(source=src_at, error=f"corrupt WARC record payload (record {record_id}): "
                          f"{_short(exc)}", stage="ingest")
        return
    raw = record.raw_stream
    if len(content) <= limit and isinstance(raw, LimitReader) and raw.limit > 0:
        yield ErrorRecord(source=src_at, error=f"truncated WARC record at byte {offset}: the file ends "
                          f"{raw.limit} bytes before the end of record {record_id}", stage="ingest")
        return
    if len(content) > limit:
        yield ErrorRecord(source=src_at, error=f"page larger than the size limit of {human_bytes(limit)} "
                          f"(record {record_id})", stage="ingest")
        return
    ctype = content_type.lower()
    hint = "html" if "html" in ctype else "text" if ctype.startswith("text/plain") else None
    meta = {"content_type": content_type, "warc_file": path, "warc_offset": offset}
    date = record.rec_headers.get_header("WARC-Date")
    if date:
        meta["warc_date"] = date   # crawl time: never taken as the publication date
    host = urlsplit(url).hostname if url else None
    yield Page(source=record_id, content=content, url=url, hint=hint, meta=meta,
               group=f"{os.path.abspath(path)}#{host or ''}")


def _unread_tail(fh: BinaryIO, end: int) -> int | None:
    """Offset of non-blank bytes left after the last record warcio could parse, if any."""
    fh.seek(end)
    rest = fh.read(_SCAN)
    stripped = rest.lstrip(b"\r\n \t\x00")
    return end + len(rest) - len(stripped) if stripped else None


def _next_record_start(fh: BinaryIO, start: int, gz: bool) -> int | None:
    """Offset of the first record boundary at or after ``start``, None at end of file."""
    pos = start
    while True:
        fh.seek(pos)
        block = fh.read(_SCAN + 16)
        if not block:
            return None
        i = 0
        while True:
            i = block.find(GZIP_MEMBER if gz else WARC_LINE, i)
            if i < 0 or i >= _SCAN:
                break
            cand = pos + i
            if gz:
                if _opens_warc_member(block[i:i + 4096]):
                    return cand
            elif i == 0 or block[i - 1:i] == b"\n":   # a WARC/1. line, not text inside a payload
                return cand
            i += 1
        if len(block) <= _SCAN:
            return None
        pos += _SCAN


def _opens_warc_member(data: bytes) -> bool:
    try:
        head = zlib.decompressobj(wbits=31).decompress(data, 16)
    except zlib.error:
        return False
    return head.startswith(b"WARC/")


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:160]}" if text else type(exc).__name__
