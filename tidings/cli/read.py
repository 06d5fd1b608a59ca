"""``tidings read``: pages (files, folders, WARCs, URLs, JSONL, stdin) -> articles."""
from __future__ import annotations

import os
import re
import sys
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

import click

from tidings.cli.output import dumps
from tidings.records import Article, ErrorRecord, Page
from tidings.settings import Settings

# the order of fields in every printed article record
FIELDS = ("id", "source", "url", "title", "site", "author", "published", "published_from",
          "language", "format", "body", "warnings")
_UNSAFE = re.compile(r"[^\w.-]+")


def article_record(article: Article) -> dict:
    return {f: getattr(article, f) for f in FIELDS}


def error_record(err: ErrorRecord) -> dict:
    return {"error": err.error, "source": err.source, "stage": err.stage}


def render(item: Article | ErrorRecord, fmt: str) -> str:
    """One record in the chosen format (jsonl/json: a JSON object)."""
    if isinstance(item, ErrorRecord):
        if fmt == "md":
            return f"> **error** `{item.source}`: {item.error}\n"
        if fmt == "txt":
            return f"error: {item.source}: {item.error}\n"
        return dumps(error_record(item))
    if fmt == "md":
        facts = " · ".join(x for x in (
            item.site, item.author,
            f"{item.published} ({item.published_from})" if item.published else None,
            item.language, item.format) if x)
        lines = [f"# {item.title or '(no title)'}", ""]
        if facts:
            lines += [f"*{facts}*", ""]
        lines += [f"Source: {item.source}" + (f" <{item.url}>" if item.url and item.url != item.source else ""), ""]
        lines += [item.body, ""]
        lines += [f"> warning: {w}" for w in item.warnings]
        return "\n".join(lines).rstrip("\n") + "\n"
    if fmt == "txt":
        head = [item.title or "", " | ".join(x for x in (item.source, item.published) if x)]
        return "\n".join(head) + "\n\n" + item.body + "\n"
    return dumps(article_record(item))


class _Printer:
    """Records to stdout: JSON Lines, a JSON array, or Markdown/text separated by rules."""

    def __init__(self, fmt: str):
        self.fmt, self.n = fmt, 0

    def add(self, item: Article | ErrorRecord) -> None:
        text = render(item, self.fmt)
        if self.fmt == "json":
            click.echo(("[\n" if self.n == 0 else ",\n") + text, nl=False)
        elif self.fmt in ("md", "txt"):
            click.echo(("" if self.n == 0 else ("\n---\n\n" if self.fmt == "md" else "\n" + "-" * 72 + "\n\n"))
                       + text, nl=False)
        else:
            click.echo(text)
        self.n += 1

    def close(self) -> None:
        if self.fmt == "json":
            click.echo("[]" if self.n == 0 else "\n]")


class _OutDir:
    """``--out DIR``: one file per unit (see the command's help for the naming)."""

    def __init__(self, root: Path, fmt: str):
        self.root, self.fmt = root, fmt
        self.ext = {"md": ".md", "txt": ".txt"}.get(fmt, ".json")
        self.used: set[Path] = set()
        self.unit = None
        self.fh: IO[str] | None = None
        self.container = False
        self.n = 0

    def add(self, unit, item: Article | ErrorRecord) -> None:
        if unit is not self.unit:
            self._finish()
            self._start(unit)
        text = render(item, "json" if self.ext == ".json" else self.fmt)
        if self.ext == ".json" and self.container:
            text = ("[\n" if self.n == 0 else ",\n") + text
        elif self.n:
            text = ("\n---\n\n" if self.fmt == "md" else "\n" + "-" * 72 + "\n\n") + text
        assert self.fh is not None
        self.fh.write(text)
        self.n += 1

    def close(self) -> None:
        self._finish()

    def _start(self, unit) -> None:
        from tidings.ingest.files import JSONL_SUFFIXES, WARC_SUFFIXES

        self.unit, self.n = unit, 0
        self.container = unit.path.lower().endswith(WARC_SUFFIXES + JSONL_SUFFIXES)
        path = self._free(self.root / _out_name(unit.input, unit.path))
        path.parent.mkdir(parents=True, exist_ok=True)
        self.fh = open(path, "w", encoding="utf-8")

    def _finish(self) -> None:
        if self.fh is None:
            return
        if self.ext == ".json" and self.container:
            self.fh.write("\n]\n")
        elif self.ext == ".json":
            self.fh.write("\n")
        self.fh.close()
        self.fh = None

    def _free(self, path: Path) -> Path:
        candidate, k = path.with_name(path.name + self.ext), 2
        while candidate in self.used:
            candidate = path.with_name(f"{path.name}-{k}{self.ext}")
            k += 1
        self.used.add(candidate)
        return candidate


def _out_name(item: str, path: str) -> Path:
    """Relative output path (without extension) of a unit: see `tidings read --help`."""
    from tidings.ingest.files import stem
    from tidings.ingest.url import is_url

    if item == "-":
        return Path("stdin")
    if is_url(item):
        parts = urlsplit(item)
        last = [p for p in parts.path.split("/") if p]
        name = (parts.hostname or "url") + ("-" + stem(last[-1]) if last else "")
        return Path(_UNSAFE.sub("_", name))
    if os.path.isdir(item):
        rel = os.path.relpath(path, item)
        folder = os.path.basename(os.path.normpath(os.path.abspath(item))) or "input"
        parent = os.path.dirname(rel)
        return Path(folder, parent, stem(rel)) if parent else Path(folder, stem(rel))
    return Path(stem(path))


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "md", "txt"]), default="jsonl",
              show_default=True, help="jsonl: one JSON record per line; json: one JSON array; "
                                      "md/txt: readable articles.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write one file per input file into DIR instead of printing (see below).")
@click.option("--max-page-bytes", type=int, help="Refuse pages larger than this "
              "(default 20 MB; env TIDINGS_MAX_PAGE_BYTES).")
@click.option("--page-timeout", type=float, help="Seconds of extraction per page before it is "
              "given up with an error record (default 60; env TIDINGS_PAGE_TIMEOUT).")
@click.option("--fetch-timeout", type=float, help="Seconds to fetch a URL (default 20; env "
              "TIDINGS_FETCH_TIMEOUT).")
def read(inputs, fmt, out_dir, max_page_bytes, page_timeout, fetch_timeout):
    """Read news pages and print one article record per page.

    \b
    INPUT is any of:
      FILE.html / .htm / .txt     one page (each may be .gz)
      FILE.jsonl[.gz]             records {text, title?, author?, published?, url?} of
                                  already clean stories: one article each, text kept as is
      FILE.warc[.gz]              every HTTP 2xx response with an HTML or text type
      FOLDER                      all of the above inside it, recursively (sorted)
      http(s)://URL               fetched with a timeout, a size cap and a tidings user agent
      -                           one page from standard input

    \b
    Records (JSON Lines by default) have: id, source, url, title, site, author,
    published, published_from, language, format (html|text), body (paragraphs
    separated by a blank line), warnings. An input that cannot be read gives
    {"error": reason, "source": input} where its record would have been, plus a
    line on stderr; the other inputs are still read and the exit status is 1.
    Text dumps of one folder, WARC site or JSONL file are read together so lines
    repeated across them count as boilerplate.

    \b
    --out DIR writes one file per input file instead of printing:
      FILE            -> DIR/<stem>.json         the record (a JSON object)
      WARC or JSONL   -> DIR/<stem>.json         a JSON array of its records
      FOLDER          -> DIR/<folder>/<relative path of each file>/<stem>.json
      URL             -> DIR/<host>-<last path segment>.json;  -  -> DIR/stdin.json
    Error records are written in place of the article. With --format md or txt the
    files are <stem>.md / <stem>.txt. Names that repeat in one run get -2, -3...
    """
    from tidings.extract import read_pages
    from tidings.ingest import iter_units

    settings = Settings.from_env(max_page_bytes=max_page_bytes, page_timeout=page_timeout,
                                 fetch_timeout=fetch_timeout)
    units: deque = deque()

    def pages() -> Iterator[Page | ErrorRecord]:
        for unit in iter_units(list(inputs), settings):
            for item in unit.pages:
                units.append(unit)   # read_pages gives exactly one record per item, in order
                yield item

    failed = False
    sink = _OutDir(out_dir, fmt) if out_dir else _Printer(fmt)
    try:
        for item in read_pages(pages(), settings):
            unit = units.popleft()
            if isinstance(item, ErrorRecord):
                failed = True
                click.echo(f"tidings: {item.source}: {item.error}", err=True)
            if isinstance(sink, _OutDir):
                sink.add(unit, item)
            else:
                sink.add(item)
    finally:
        sink.close()
    sys.exit(1 if failed else 0)


COMMANDS = [read]
