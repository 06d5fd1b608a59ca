"""http(s) URLs: fetched with a timeout, a size cap and a clear user agent (stdlib urllib)."""
from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from urllib.parse import urlsplit

from tidings.ingest.limits import InputError, too_large
from tidings.records import ErrorRecord, Page
from tidings.settings import Settings

_CHUNK = 1 << 16
ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"


def is_url(item: str) -> bool:
    return item.lower().startswith(("http://", "https://"))


def read_url_pages(url: str, settings: Settings) -> Iterator[Page | ErrorRecord]:
    try:
        content, final_url, content_type = fetch(url, settings)
    except InputError as exc:
        yield ErrorRecord(source=url, error=str(exc), stage="ingest")
        return
    meta = {"content_type": content_type} if content_type else {}
    if final_url != url:
        meta["requested_url"] = url
    hint = "html" if "html" in content_type else "text" if content_type.startswith("text/plain") else None
    yield Page(source=url, content=content, url=final_url, hint=hint, meta=meta,
               group=urlsplit(final_url).hostname)


def fetch(url: str, settings: Settings) -> tuple[bytes, str, str]:
    """(body, final URL after redirects, Content-Type); InputError with the reason otherwise.

    The socket timeout bounds each wait; the deadline bounds a server that drips bytes slowly.
    """
    limit = settings.max_page_bytes
    req = urllib.request.Request(url, headers={"User-Agent": settings.user_agent, "Accept": ACCEPT})
    deadline = time.monotonic() + settings.fetch_timeout
    try:
        with urllib.request.urlopen(req, timeout=settings.fetch_timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > limit:
                raise too_large(limit)
            parts, total = [], 0
            while chunk := resp.read(_CHUNK):
                total += len(chunk)
                if total > limit:
                    raise too_large(limit)
                if time.monotonic() > deadline:
                    raise InputError(f"fetch took longer than {settings.fetch_timeout:g} s "
                                     "(settings.fetch_timeout)")
                parts.append(chunk)
            return b"".join(parts), resp.geturl(), resp.headers.get("Content-Type", "") or ""
    except urllib.error.HTTPError as exc:
        raise InputError(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise InputError(f"cannot fetch: timed out after {settings.fetch_timeout:g} s") from None
        text = getattr(reason, "strerror", None) or str(reason)
        raise InputError(f"cannot fetch: {text}") from None
    except (socket.timeout, TimeoutError):
        raise InputError(f"cannot fetch: timed out after {settings.fetch_timeout:g} s") from None
    except (OSError, ValueError, http.client.HTTPException) as exc:   # reset, bad URL, bad response
        raise InputError(f"cannot fetch: {type(exc).__name__}: {exc}") from None

