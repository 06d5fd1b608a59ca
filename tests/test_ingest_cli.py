"""`tidings ingest`: idempotent, resumable after SIGKILL, bad inputs recorded, exit status 1.

The store-behaviour tests feed JSONL analysis records (no spaCy, fast); one test runs the real
pipeline with worker processes on a few bundled VOA stories and asserts identity, not coder output.
"""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_store_fixtures import batch, dump, meeting_reports, write_jsonl

REPO = Path(__file__).resolve().parents[1]
TIDINGS = [sys.executable, "-c", "import sys; from tidings.cli import main; sys.exit(main())"]


def run(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*TIDINGS, *args], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def records(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("records")
    return write_jsonl(d / "records.jsonl", meeting_reports() + batch(400))


def test_ingest_twice_gives_an_identical_store(records, tmp_path):
    first = run("ingest", str(records), "--db", "s.db", "--json", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    s1 = json.loads(first.stdout)
    assert (s1["added"], s1["skipped"], s1["errors"]) == (403, 0, 0)
    before = dump(tmp_path / "s.db")
    second = run("ingest", str(records), "--db", "s.db", "--json", cwd=tmp_path)
    s2 = json.loads(second.stdout)
    assert second.returncode == 0 and (s2["added"], s2["skipped"]) == (0, 403)
    assert dump(tmp_path / "s.db") == before
    assert s2["events_in_store"] == s1["events_in_store"] > 0


def wait_for_articles(proc, db, at_least: int, seconds: float, poll: float) -> None:
    """Until the running ingest has stored ``at_least`` articles in ``db``, has ended, or time is up."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            c = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
            n = c.execute("SELECT count(*) FROM articles").fetchone()[0]
            c.close()
        except sqlite3.Error:
            n = 0
        if n >= at_least:
            return
        time.sleep(poll)


def test_sigkill_then_resume_equals_an_uninterrupted_run(records, tmp_path):
    ref = run("ingest", str(records), "--db", "ref.db", cwd=tmp_path)
    assert ref.returncode == 0, ref.stderr
    expected = dump(tmp_path / "ref.db")
    stop_at = random.Random().randint(20, 380)      # a random point of the run, never the end
    proc = subprocess.Popen([*TIDINGS, "ingest", str(records), "--db", "cut.db"], cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    db = tmp_path / "cut.db"
    wait_for_articles(proc, db, stop_at, seconds=120, poll=0.002)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    c = sqlite3.connect(db)
    n_cut = c.execute("SELECT count(*) FROM articles").fetchone()[0]
    c.close()
    assert 0 < n_cut < 403
    resumed = run("ingest", str(records), "--db", "cut.db", "--json", cwd=tmp_path)
    assert resumed.returncode == 0, resumed.stderr
    s = json.loads(resumed.stdout)
    assert s["skipped"] == n_cut and s["added"] == 403 - n_cut
    assert dump(db) == expected


def test_bad_inputs_are_recorded_and_the_batch_finishes(tmp_path):
    good = write_jsonl(tmp_path / "good.jsonl", meeting_reports())
    bad_record = tmp_path / "mixed.jsonl"
    lines = good.read_text().splitlines()
    unstorable = json.loads(lines[1])
    unstorable.update(id="another-article", body=unstorable["body"] + " More.", url=None,
                      quotes=[{"id": "q1", "content": None, "direct": True}])
    bad_record.write_text(lines[0] + "\n{not json\n" + json.dumps({"id": "x", "body": "no events key",
                                                                  "events": [{"id": 1}]}) + "\n"
                          + json.dumps(unstorable) + "\n")
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    res = run("ingest", str(good), str(bad_record), str(empty), str(tmp_path / "missing.html"),
              "--db", "s.db", "--workers", "1", cwd=tmp_path)
    assert res.returncode == 1
    out = res.stdout
    assert "3 new articles" in out and "5 input(s) failed" in out
    for name in ("mixed.jsonl#2", "mixed.jsonl#3", "empty.html", "missing.html", "cannot store the analysis"):
        assert name in out and name in res.stderr
    c = sqlite3.connect(tmp_path / "s.db")
    errors = c.execute("SELECT source, error FROM errors ORDER BY source").fetchall()
    assert len(errors) == 5 and all(e for _, e in errors)
    assert c.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    # a re-run records nothing twice
    again = run("ingest", str(good), str(bad_record), str(empty), str(tmp_path / "missing.html"),
                "--db", "s.db", "--workers", "1", cwd=tmp_path)
    assert again.returncode == 1
    assert c.execute("SELECT count(*) FROM errors").fetchone()[0] == 5
    c.close()


def _pipeline_ready() -> str | None:
    try:
        from tidings.pipeline import Pipeline
        Pipeline()
    except Exception as exc:  # the coder is still being built by another engineer
        return f"pipeline not loadable yet: {exc!r}"
    return None


@pytest.mark.slow
def test_pages_through_the_pipeline_with_workers(tmp_path, repo_dir):
    reason = _pipeline_ready()
    if reason:
        pytest.skip(reason)
    stories = (repo_dir / "samples" / "voa" / "voa_stories.jsonl").read_text(encoding="utf-8").splitlines()
    sample = tmp_path / "voa.jsonl"
    sample.write_text("\n".join(stories[:6]) + "\n", encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>T</title></head><body><article><h1>Leaders meet</h1><p>"
                    + "Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in Ankara on "
                      "Tuesday to discuss the war in Syria. " * 3 + "</p></article></body></html>", encoding="utf-8")
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    args = ("ingest", str(sample), str(page), str(bad), "--db", "p.db", "--workers", "2", "--json")
    first = run(*args, cwd=tmp_path)
    assert first.returncode == 1, first.stderr            # bad.html failed, the rest went in
    s1 = json.loads(first.stdout)
    assert s1["added"] == 7 and s1["errors"] == 1 and s1["failed"][0]["source"].endswith("bad.html")
    before = dump(tmp_path / "p.db")
    assert len(before["sentences"]) > 50
    second = run(*args, cwd=tmp_path)
    s2 = json.loads(second.stdout)
    assert (s2["added"], s2["skipped"]) == (0, 7)
    assert dump(tmp_path / "p.db") == before

    # SIGKILL the whole run (main process and workers) once some articles are in, then resume
    cut_args = [a if a != "p.db" else "cut.db" for a in args]
    proc = subprocess.Popen([*TIDINGS, *cut_args], cwd=tmp_path, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    stop_at = random.Random().randint(1, 5)
    wait_for_articles(proc, tmp_path / "cut.db", stop_at, seconds=240, poll=0.01)
    os.kill(proc.pid, signal.SIGKILL)      # the main process only: workers must die with it
    proc.wait()
    resumed = run(*cut_args, cwd=tmp_path)
    assert resumed.returncode == 1 and json.loads(resumed.stdout)["errors"] == 1
    assert dump(tmp_path / "cut.db") == before


def test_progress_bar_and_log_lines(tmp_path):
    from click.testing import CliRunner
    from tidings.cli import main
    recs = write_jsonl(tmp_path / "r.jsonl", meeting_reports())
    res = CliRunner().invoke(main, ["ingest", str(recs), "--db", str(tmp_path / "a.db"), "--progress"])
    assert res.exit_code == 0, res.output
    assert "ingested into" in res.stdout and "3 new articles" in res.stdout
    res = CliRunner().invoke(main, ["ingest", str(recs), "--db", str(tmp_path / "a.db"), "--no-progress"])
    assert res.exit_code == 0 and "0 new articles" in res.stdout and "3 already stored" in res.stdout


def test_tasks_shrink_towards_the_end_and_keep_every_page_in_order():
    from tidings.records import Page
    from tidings.store.ingest import tasks
    pages = [Page(source=f"p{i}", content=b"x", url=None, meta={"clean": True}) for i in range(40)]
    sizes = [len(t) for t in tasks(pages, task_pages=8, total=40, workers=2)]
    assert sum(sizes) == 40
    assert sizes[0] == 8 and sizes[-1] == 1 and sizes == sorted(sizes, reverse=True)
    flat = [p.source for t in tasks(pages, task_pages=8, total=40, workers=2) for p in t]
    assert flat == [p.source for p in pages]
    # an unknown total (a URL, a WARC, stdin) keeps the fixed size
    assert [len(t) for t in tasks(pages, task_pages=8)] == [8] * 5
