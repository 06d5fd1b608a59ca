"""Local files and folders: .html/.htm/.txt (optionally .gz), and dispatch to WARC/JSONL readers."""
from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterator
from pathlib import Path

from tidings.ingest.limits import InputError, read_limited, too_large
from tidings.records import ErrorRecord, Page
from tidings.settings import Settings

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
TEXT_SUFFIXES = (".txt",)
WARC_SUFFIXES = (".warc", ".warc.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
PAGE_SUFFIXES = tuple(s + gz for s in HTML_SUFFIXES + TEXT_SUFFIXES for gz in ("", ".gz"))
READABLE_SUFFIXES = PAGE_SUFFIXES + WARC_SUFFIXES + JSONL_SUFFIXES


def is_folder(item: str) -> bool:
    return os.path.isdir(item)


def expand_folder(folder: str) -> list[str]:
    """Readable files under ``folder``, recursively: each folder's files (sorted) before its subfolders
    (sorted), so pages of one folder stay together; hidden files and folders are skipped."""
    out: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(READABLE_SUFFIXES):
                out.append(os.path.join(root, name))
    return out


def stem(path: str) -> str:
    """File name without its page/container suffixes: ``a/b.warc.gz`` -> ``b``."""
    name = os.path.basename(path.rstrip("/")) or "input"
    lower = name.lower()
    if lower.endswith(".gz"):
        name, lower = name[:-3], lower[:-3]
    for suffix in sorted({s.removesuffix(".gz") for s in READABLE_SUFFIXES}, key=len, reverse=True):
        if lower.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return Path(name).stem or name


def hint_for(name: str) -> str | None:
    lower = name.lower().removesuffix(".gz")
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    if lower.endswith(TEXT_SUFFIXES):
        return "text"
    return None


def read_file_pages(path: str, settings: Settings) -> Iterator[Page | ErrorRecord]:
    """The pages of one file: a WARC or JSONL container gives many, any other file one."""
    lower = path.lower()
    if lower.endswith(WARC_SUFFIXES):
        from tidings.ingest.warc import read_warc_pages
        yield from read_warc_pages(path, settings)
    elif lower.endswith(JSONL_SUFFIXES):
        from tidings.ingest.jsonl import read_jsonl_pages
        yield from read_jsonl_pages(path, settings)
    else:
        try:
            content = read_page_file(path, settings.max_page_bytes)
        except InputError as exc:
            yield ErrorRecord(source=path, error=str(exc), stage="ingest")
            return
        yield Page(source=path, content=content, hint=hint_for(path),
                   meta={"file": path}, group=os.path.dirname(os.path.abspath(path)))


def read_page_file(path: str, limit: int) -> bytes:
    """Bytes of a page file (gunzipped if .gz), refused if larger than ``limit``."""
    try:
        if path.lower().endswith(".gz"):
            with gzip.open(path, "rb") as fh:
                return read_limited(fh, limit)
        if os.path.getsize(path) > limit:   # refuse before reading a single byte
            raise too_large(limit)
        with open(path, "rb") as fh:
            return read_limited(fh, limit)
    except FileNotFoundError:
        raise InputError("no such file, folder or URL") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except EOFError:
        raise InputError("truncated gzip file (compressed stream ends early)") from None
    except (gzip.BadGzipFile, zlib.error) as exc:
        raise InputError(f"corrupt gzip file: {exc}") from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
