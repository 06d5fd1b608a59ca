"""``-``: one page from standard input (gunzipped if it starts with the gzip magic)."""
from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Iterator

from tidings.ingest.limits import InputError, read_limited
from tidings.records import ErrorRecord, Page
from tidings.settings import Settings

GZIP_MAGIC = b"\x1f\x8b"


def read_stdin_pages(settings: Settings, stream=None) -> Iterator[Page | ErrorRecord]:
    stream = stream if stream is not None else sys.stdin.buffer
    try:
        content = read_limited(stream, settings.max_page_bytes)
        if content.startswith(GZIP_MAGIC):
            content = read_limited(gzip.GzipFile(fileobj=io.BytesIO(content)), settings.max_page_bytes)
    except InputError as exc:
        yield ErrorRecord(source="stdin", error=str(exc), stage="ingest")
        return
    except EOFError:
        yield ErrorRecord(source="stdin", error="truncated gzip data (compressed stream ends early)",
                          stage="ingest")
        return
    except (OSError, zlib.error) as exc:
        yield ErrorRecord(source="stdin", error=f"cannot read: {exc}", stage="ingest")
        return
    yield Page(source="stdin", content=content, meta={}, group=None)
