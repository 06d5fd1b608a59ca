"""Store commands: ``tidings ingest`` and the queries (events, dyad, actors, quotes, show, export).

A thin layer over ``tidings.store``: parse options, call the API, format the rows.
"""
from __future__ import annotations

import csv
import io
import json
import sys
import time
from collections.abc import Callable, Sequence

import click

from tidings.records import ErrorRecord
from tidings.settings import Settings

DB_OPTION = click.option("--db", "db", envvar="TIDINGS_DB", default="tidings.db", show_default=True,
                         type=click.Path(dir_okay=False), help="Store file (or TIDINGS_DB).")


def _open(db: str, readonly: bool = True):
    from tidings.store import SchemaError, Store
    try:
        return Store(db, readonly=readonly)
    except FileNotFoundError:
        raise click.ClickException(f"no store at {db} (run `tidings ingest` first, or pass --db)")
    except SchemaError as exc:
        raise click.ClickException(str(exc))


# --------------------------------------------------------------------------- ingest

class _LogProgress:
    """Plain log lines (no terminal): one every ``every`` seconds and at the end."""

    def __init__(self, every: float = 5.0):
        self.every = every
        self.total: int | None = None
        self._last = 0.0

    def start(self, total):
        self.total = total
        self._last = time.monotonic()

    def update(self, s):
        now = time.monotonic()
        if now - self._last >= self.every:
            self._last = now
            click.echo(f"tidings ingest: {_status(s, self.total)}", err=True)

    def error(self, err: ErrorRecord):
        click.echo(f"tidings: {err.source}: {err.error}", err=True)

    def finish(self, s):
        pass


class _RichProgress:
    """A progress bar with pages/s, events, errors and ETA on a terminal."""

    def __init__(self):
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                                   TimeRemainingColumn)
        self.console = Console(stderr=True)
        self.progress = Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.fields[rate]} pages/s"), TextColumn("{task.fields[events]} events"),
                                 TextColumn("{task.fields[errors]} errors"), TimeElapsedColumn(),
                                 TextColumn("ETA"), TimeRemainingColumn(), console=self.console, transient=False)
        self.task = None

    def start(self, total):
        self.progress.start()
        self.task = self.progress.add_task("ingest", total=total, rate="0.0", events=0, errors=0)

    def update(self, s):
        rate = s.pages / s.seconds if s.seconds else 0.0
        self.progress.update(self.task, completed=s.pages, rate=f"{rate:.1f}", events=s.mentions,
                             errors=len(s.errors))

    def error(self, err: ErrorRecord):
        self.progress.console.print(f"[red]error[/red] {err.source}: {err.error}", markup=True, highlight=False)

    def finish(self, s):
        self.update(s)
        self.progress.stop()


def _status(s, total: int | None) -> str:
    rate = s.pages / s.seconds if s.seconds else 0.0
    done = f"{s.pages}/{total}" if total else f"{s.pages}"
    eta = ""
    if total and rate and total > s.pages:
        eta = f", ETA {int((total - s.pages) / rate)}s"
    return (f"{done} pages, {rate:.1f} pages/s, {s.added} new articles, {s.mentions} event mentions, "
            f"{len(s.errors)} errors{eta}")


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@DB_OPTION
@click.option("--workers", "-j", type=int, default=None,
              help="Worker processes (default: TIDINGS_WORKERS, else the number of cores).")
@click.option("--dictionaries", type=click.Path(exists=True, file_okay=False),
              help="Code with a user's PETRARCH/TABARI dictionaries in DIR.")
@click.option("--model", "spacy_model", help="spaCy pipeline to load.")
@click.option("--progress/--no-progress", "show_progress", default=None,
              help="Progress bar (default: on a terminal; log lines otherwise).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
def ingest(inputs, db, workers, dictionaries, spacy_model, show_progress, as_json):
    """Analyse pages into the store with worker processes: idempotent and resumable.

    INPUT: as `tidings read` (files, folders, WARCs, URLs, -, JSONL stories), plus JSONL files of
    analysis records (`tidings analyze` output), which are stored as they are.

    Idempotent and resumable: articles already stored (same content id) are skipped, so running the
    same command again after an interruption finishes the job. Failed inputs go to the store's error
    table and to stderr; the batch goes on; exit status 1 if any input failed.
    """
    from tidings.store.ingest import run_ingest

    settings = Settings.from_env(spacy_model=spacy_model or None)
    if show_progress is None:
        show_progress = sys.stderr.isatty()
    progress = _RichProgress() if show_progress else _LogProgress()
    try:
        summary = run_ingest(list(inputs), db, settings, workers=workers or 0, dictionaries=dictionaries,
                             progress=progress)
    except KeyboardInterrupt:
        click.echo("tidings ingest: interrupted; run the same command again to resume", err=True)
        sys.exit(130)
    if as_json:
        d = summary.as_dict()
        d["failed"] = [{"source": e.source, "stage": e.stage, "error": e.error} for e in summary.errors]
        click.echo(json.dumps(d, ensure_ascii=False))
    else:
        click.echo(f"ingested into {db} in {summary.seconds:.1f}s: {summary.pages} pages, "
                   f"{summary.added} new articles ({summary.versions} new versions), {summary.skipped} already "
                   f"stored, {summary.mentions} event mentions; {summary.articles_per_s:.2f} articles/s")
        click.echo(f"store now holds {summary.articles_in_store} articles and {summary.events_in_store} events")
        if summary.errors:
            click.echo(f"{len(summary.errors)} input(s) failed:")
            for e in summary.errors[:50]:
                click.echo(f"  {e.source}: {e.error}")
            if len(summary.errors) > 50:
                click.echo(f"  ... and {len(summary.errors) - 50} more (see the store's errors table)")
    sys.exit(1 if summary.errors else 0)


# --------------------------------------------------------------------------- output helpers

def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.3g}" if abs(v) < 1000 else f"{v:.0f}"
    s = str(v)
    return " ".join(s.split())


def _emit(rows: list[dict], fmt: str, columns: Sequence[str], widths: dict[str, int] | None = None) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    elif fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c) for c in columns})
        click.echo(buf.getvalue(), nl=False)
    else:
        widths = widths or {}
        cells = [[_cell(r.get(c)) for c in columns] for r in rows]
        size = [max([len(c)] + [min(len(row[i]), widths.get(c, 40)) for row in cells]) for i, c in enumerate(columns)]
        fit = lambda s, n: s if len(s) <= n else s[: n - 1] + "…"  # noqa: E731
        click.echo("  ".join(c.ljust(size[i]) for i, c in enumerate(columns)).rstrip())
        for row in cells:
            click.echo("  ".join(fit(v, size[i]).ljust(size[i]) for i, v in enumerate(row)).rstrip())


FORMAT_OPTION = click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "jsonl"]),
                             default="table", show_default=True)


def filter_options(f: Callable) -> Callable:
    opts = [
        click.option("--actor", help="Source or target: country (TUR), full code (TURGOV) or name."),
        click.option("--source", help="Source actor: country, full code or name."),
        click.option("--target", help="Target actor: country, full code or name."),
        click.option("--type", "type_", help="PLOVER event type (CONSULT, ASSAULT, ...)."),
        click.option("--cameo", help="CAMEO code prefix (04, 042...)."),
        click.option("--since", help="From this date (YYYY-MM-DD), inclusive."),
        click.option("--until", help="Up to this date (YYYY-MM-DD), inclusive."),
        click.option("--place", help="Place name or its ISO alpha-3 country."),
        click.option("--include-hypothetical", is_flag=True,
                     help="Also events only reported as negated, hypothetical or future."),
        click.option("--min-confidence", type=float, help="Minimum coder confidence (0-1)."),
    ]
    for o in reversed(opts):
        f = o(f)
    return f


def _filters(kw: dict):
    from tidings.store import EventFilters
    return EventFilters(actor=kw.get("actor"), source=kw.get("source"), target=kw.get("target"),
                        type=kw.get("type_"), cameo=kw.get("cameo"), since=kw.get("since"), until=kw.get("until"),
                        place=kw.get("place"), include_hypothetical=bool(kw.get("include_hypothetical")),
                        min_confidence=kw.get("min_confidence"))


EVENT_TABLE = ("id", "date", "src_code", "cameo_code", "tgt_code", "plover_type", "quad_class", "goldstein",
               "n_mentions", "n_articles", "n_sources", "place_name", "confidence")
MENTION_TABLE = ("id", "day", "event_id", "src_code", "cameo_code", "tgt_code", "plover_type", "factual",
                 "confidence", "sentence")


# --------------------------------------------------------------------------- queries

@click.command()
@DB_OPTION
@filter_options
@click.option("--mentions", is_flag=True, help="List event mentions (reports) instead of events.")
@click.option("--limit", type=int, default=100, show_default=True, help="At most this many rows (0: all).")
@click.option("--offset", type=int, default=0)
@click.option("--order", type=click.Choice(["date_desc", "date_asc", "mentions_desc"]), default="date_desc",
              show_default=True, help="mentions_desc: the most reported events first.")
@click.option("--evidence", is_flag=True, help="Table format: print each event's evidence sentences under it.")
@FORMAT_OPTION
def events(db, mentions, limit, offset, order, evidence, fmt, **kw):
    """Events (clusters of reports) matching the filters, newest first."""
    with _open(db) as store:
        f = _filters(kw)
        if limit and limit > 0:
            rows = store.events(f, limit=limit, offset=offset, mentions=mentions, order=order)
        else:
            rows = list(store.iter_events(f, mentions=mentions))[offset:]
        if fmt == "table" and evidence and not mentions:
            for r in rows:
                _show_event(store.event(r["id"]))
                click.echo()
        elif fmt == "table":
            _emit(rows, fmt, MENTION_TABLE if mentions else EVENT_TABLE, {"sentence": 80, "id": 16})
            total = store.count_events(f, mentions=mentions)
            click.echo(f"({len(rows)} of {total} {'mentions' if mentions else 'events'})", err=True)
        else:
            from tidings.store.store import EVENT_COLUMNS, MENTION_COLUMNS
            _emit(rows, fmt, MENTION_COLUMNS if mentions else EVENT_COLUMNS)


@click.command()
@click.argument("a", required=False)
@click.argument("b", required=False)
@DB_OPTION
@click.option("--top", type=int, default=10, show_default=True,
              help="Without A and B: how many of the most active dyads to list.")
@click.option("--by", type=click.Choice(["day", "week", "month", "year"]), default="month", show_default=True)
@click.option("--since")
@click.option("--until")
@click.option("--type", "type_", help="PLOVER event type.")
@click.option("--include-hypothetical", is_flag=True)
@click.option("--mentions", is_flag=True, help="Count reports (mentions) instead of events.")
@FORMAT_OPTION
def dyad(a, b, db, top, by, since, until, type_, include_hypothetical, mentions, fmt):
    """How A and B treat each other over time: counts per quad class and mean Goldstein, both directions.

    A and B: a country (TUR), a full code (TURGOV) or a name. Quad classes: 1 verbal cooperation,
    2 material cooperation, 3 verbal conflict, 4 material conflict. Without A and B: the most
    active country dyads.
    """
    from tidings.store import EventFilters
    if not a or not b:
        if a:
            raise click.UsageError("give two actors A B, or none for the most active dyads")
        with _open(db) as store:
            rows = store.overview(top=top)["top_dyads"]
        _emit(rows, fmt, ("a", "b", "n", "goldstein"))
        return
    with _open(db) as store:
        d = store.dyad(a, b, by=by, filters=EventFilters(since=since, until=until, type=type_,
                                                         include_hypothetical=include_hypothetical),
                       mentions=mentions)
    if fmt == "json":
        click.echo(json.dumps(d, ensure_ascii=False, indent=1))
        return
    rows = [{"period": p["period"], "direction": f"{a}->{b}" if p["direction"] == "a->b" else f"{b}->{a}",
             "n": p["n"], "q1_verbal_coop": p["quad"]["1"], "q2_material_coop": p["quad"]["2"],
             "q3_verbal_conflict": p["quad"]["3"], "q4_material_conflict": p["quad"]["4"],
             "goldstein": p["goldstein"]} for p in d["series"]]
    for key, label in (("a->b", f"{a}->{b}"), ("b->a", f"{b}->{a}")):
        t = d["totals"][key]
        rows.append({"period": "total", "direction": label, "n": t["n"], "q1_verbal_coop": t["quad"]["1"],
                     "q2_material_coop": t["quad"]["2"], "q3_verbal_conflict": t["quad"]["3"],
                     "q4_material_conflict": t["quad"]["4"], "goldstein": t["goldstein"]})
    _emit(rows, fmt, ("period", "direction", "n", "q1_verbal_coop", "q2_material_coop", "q3_verbal_conflict",
                      "q4_material_conflict", "goldstein"))


@click.command()
@DB_OPTION
@click.option("--top", type=int, default=20, show_default=True)
@click.option("--since")
@click.option("--until")
@FORMAT_OPTION
def actors(db, top, since, until, fmt):
    """The most active actors: events as source and as target, mean Goldstein."""
    from tidings.store import EventFilters
    with _open(db) as store:
        rows = store.actors(top=top, filters=EventFilters(since=since, until=until))
    _emit(rows, fmt, ("code", "name", "country", "n", "as_source", "as_target", "goldstein"))


@click.command()
@DB_OPTION
@click.option("--speaker", help="Speaker name (case-insensitive, part of the name is enough) or actor code.")
@click.option("--limit", type=int, default=100, show_default=True)
@click.option("--offset", type=int, default=0)
@FORMAT_OPTION
def quotes(db, speaker, limit, offset, fmt):
    """Quotes with their speakers, newest articles first."""
    with _open(db) as store:
        rows = store.quotes(speaker=speaker, limit=limit, offset=offset)
    if fmt in ("table", "csv"):
        rows = [{"speaker": (q["speaker"] or {}).get("name"), "code": (q["speaker"] or {}).get("code"),
                 "direct": q["direct"], "quote": q["content"]["text"], "article": q.get("article_title"),
                 "published": q.get("article_published"), "article_id": q["article_id"]} for q in rows]
    _emit(rows, fmt, ("speaker", "code", "direct", "quote", "published", "article", "article_id"),
          {"quote": 90, "article": 40})


def _mark(sentence: str, base: int, spans: list[tuple[int | None, int | None, str]]) -> str:
    """The sentence with [source], {trigger} and <target> marked (offsets are into the article).

    Spans may nest or touch: at one position closing marks come first (inner before outer),
    then opening marks (outer before inner).
    """
    brackets = {"src": ("[", "]"), "trigger": ("{", "}"), "tgt": ("<", ">")}
    inserts = []
    for s, e, tag in spans:
        if s is None or e is None or not (0 <= s - base <= e - base <= len(sentence)):
            continue
        s, e = s - base, e - base
        inserts.append((s, 1, -(e - s), brackets[tag][0]))
        inserts.append((e, 0, e - s, brackets[tag][1]))
    out, pos = [], 0
    for at, _, _, ch in sorted(inserts):
        out.append(sentence[pos:at])
        out.append(ch)
        pos = at
    out.append(sentence[pos:])
    return "".join(out)


@click.command()
@click.argument("item_id")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show(item_id, db, fmt):
    """An event with every evidence sentence and span, or an article with its events."""
    with _open(db) as store:
        rec = store.show(item_id)
    if rec is None:
        raise click.ClickException(f"no event, mention or article with id {item_id}")
    if fmt == "json":
        click.echo(json.dumps(rec, ensure_ascii=False, indent=1))
        return
    if rec["kind"] == "event":
        _show_event(rec)
    else:
        _show_article(rec)


def _show_event(rec: dict) -> None:
    click.echo(f"event {rec['id']}  {rec['date']}" + (f"..{rec['date_end']}" if rec["date_end"] != rec["date"] else ""))
    click.echo(f"  {rec['src_code'] or '-'} ({rec['src_name'] or ''}) --{rec['cameo_code']} {rec['cameo_name'] or ''}"
               f" / {rec['plover_type'] or '-'}--> {rec['tgt_code'] or '-'} ({rec['tgt_name'] or ''})")
    click.echo(f"  quad class {rec['quad_class']}, Goldstein {rec['goldstein']}, confidence {rec['confidence']}"
               + (f", place {rec['place_name']}" if rec["place_name"] else "")
               + ("" if rec["factual"] else ", NOT FACTUAL (negated/hypothetical/future)"))
    click.echo(f"  {rec['n_mentions']} mentions in {rec['n_articles']} articles from {rec['n_sources']} sources,"
               f" first seen {rec['first_seen']}, last seen {rec['last_seen']}")
    click.echo("evidence ([source] {trigger} <target>):")
    for m in rec["mentions"]:
        a = m["article"] or {}
        click.echo(f"- {a.get('site') or ''} {a.get('published') or ''} {a.get('title') or ''}  "
                   f"(article {m['article_id']}, chars {m['sentence_start']}-"
                   f"{m['sentence_start'] + len(m['sentence'])})")
        click.echo("  " + _mark(m["sentence"], m["sentence_start"],
                                [(m["ev_src_start"] if m["ev_src_start"] is not None else m["src_start"],
                                  m["ev_src_end"] if m["ev_src_end"] is not None else m["src_end"], "src"),
                                 (m["trigger_start"], m["trigger_end"], "trigger"),
                                 (m["ev_tgt_start"] if m["ev_tgt_start"] is not None else m["tgt_start"],
                                  m["ev_tgt_end"] if m["ev_tgt_end"] is not None else m["tgt_end"], "tgt")]))
        if a.get("url"):
            click.echo(f"  {a['url']}")


def _show_article(rec: dict) -> None:
    click.echo(f"article {rec['id']}  {rec['published'] or ''}  {rec['site'] or ''}")
    click.echo(f"  {rec['title'] or ''}")
    if rec["url"]:
        click.echo(f"  {rec['url']}" + (f"  (version {rec['version']})" if rec["version"] > 1 else ""))
    click.echo(f"  {len(rec['sentences'])} sentences, {len(rec['entities'])} entities, "
               f"{len(rec['quotes'])} quotes, {len(rec['mentions'])} event mentions in {len(rec['events'])} events")
    for e in rec["events"]:
        click.echo(f"- event {e['id']} {e['date']} {e['src_code'] or '-'} {e['cameo_code']} {e['tgt_code'] or '-'}"
                   f" ({e['plover_type'] or '-'}; {e['n_articles']} articles)")
    for m in rec["mentions"]:
        click.echo("  " + _mark(m["sentence"], m["sentence_start"],
                                [(m["src_start"], m["src_end"], "src"), (m["trigger_start"], m["trigger_end"], "trigger"),
                                 (m["tgt_start"], m["tgt_end"], "tgt")]))


@click.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["gdelt", "plover", "csv", "parquet"]), required=True)
@click.option("--out", required=True, type=click.Path(),
              help="File to write (gdelt: the events file; mentions go beside it as *.mentions.*); "
                   "a folder for parquet (partitioned by month).")
@click.option("--mentions", is_flag=True, help="csv/parquet: export event mentions instead of events.")
@click.option("--header", is_flag=True, help="gdelt: write a header line (GDELT's own files have none).")
@filter_options
def export(db, fmt, out, mentions, header, **kw):
    """Export events: GDELT 2.0 event table (+ mentions file), PLOVER JSONL, CSV, or Parquet by month."""
    from tidings.store.export import export as run_export
    with _open(db) as store:
        result = run_export(store, fmt, out, filters=_filters(kw), mentions=mentions, header=header)
    click.echo(json.dumps(result, ensure_ascii=False))


COMMANDS = [ingest, events, dyad, actors, quotes, show, export]
