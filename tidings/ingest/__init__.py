"""Ingest: turn command-line inputs (files, folders, WARCs, URLs, JSONL, stdin) into ``Page`` records.

``iter_pages`` yields one ``Page`` per page found, or an ``ErrorRecord`` naming the input and the
reason when an input (or one record of a container) cannot be read; the rest of the batch goes on.
Each input kind has its own module; this one only dispatches.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from tidings.ingest.files import expand_folder, is_folder, read_file_pages
from tidings.ingest.stdin import read_stdin_pages
from tidings.ingest.url import is_url, read_url_pages
from tidings.records import ErrorRecord, Page
from tidings.settings import Settings

__all__ = ["iter_pages", "iter_units", "Unit"]


class Unit(NamedTuple):
    """One readable thing: a file (of a folder input or given itself), a URL or stdin."""
    input: str                             # the command-line input it came from
    path: str                              # the file, URL or "-"
    pages: Iterator[Page | ErrorRecord]    # at least one item per unit


def iter_units(inputs: list[str], settings: Settings) -> Iterator[Unit]:
    """Every unit of the inputs with its pages, folders expanded (sorted, files before subfolders).

    Lets a caller know which file each page came from (``tidings read --out``) without losing
    the single ordered stream that boilerplate evidence is shared over.
    """
    for item in inputs:
        if item == "-":
            yield Unit(item, item, read_stdin_pages(settings))
        elif is_url(item):
            yield Unit(item, item, read_url_pages(item, settings))
        elif is_folder(item):
            files = expand_folder(item)
            if not files:
                yield Unit(item, item, iter([ErrorRecord(
                    source=item, stage="ingest", error="folder holds no readable pages "
                    "(.html, .htm, .txt, .jsonl, .warc, each optionally .gz)")]))
            for path in files:
                yield Unit(item, path, read_file_pages(path, settings))
        else:
            yield Unit(item, item, read_file_pages(item, settings))


def iter_pages(inputs: list[str], settings: Settings) -> Iterator[Page | ErrorRecord]:
    """Pages of all inputs, in input order; an unreadable input gives an ErrorRecord instead."""
    for unit in iter_units(inputs, settings):
        yield from unit.pages
