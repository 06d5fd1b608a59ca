"""Bounded reads: a page larger than ``settings.max_page_bytes`` is refused before it fills memory."""
from __future__ import annotations

from typing import BinaryIO

_CHUNK = 1 << 20


class InputError(Exception):
    """An input that cannot give a page; the message is the reason shown to the user."""


def too_large(limit: int) -> InputError:
    return InputError(f"page larger than the size limit of {human_bytes(limit)} "
                      "(settings.max_page_bytes / TIDINGS_MAX_PAGE_BYTES)")


def human_bytes(n: int) -> str:
    if n >= 1 << 20:
        return f"{n / (1 << 20):.0f} MB"
    if n >= 1 << 10:
        return f"{n / (1 << 10):.0f} KB"
    return f"{n} bytes"


def read_limited(fh: BinaryIO, limit: int) -> bytes:
    """All of ``fh`` if it holds at most ``limit`` bytes, else InputError (reads at most limit+1)."""
    parts: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = fh.read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    if total > limit:
        raise too_large(limit)
    return b"".join(parts)
