"""`tidings read`: output formats and --out files."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from test_ingest import ARTICLE_HTML, PARAS, write_warc
from tidings.cli import main
from tidings.cli.read import FIELDS

STORY = {"id": "7", "url": "https://www.voanews.com/a/x/7.html", "title": "Talks resume", "author": "A. Writer",
         "published": "2024-05-02 08:00:00Z", "text": "Talks resumed in Geneva on Thursday. Both sides said that the first round of the "
         "new talks was useful, and they agreed to meet again in a month."}


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[str, str]:
    html = tmp_path / "trade-talks.html"
    html.write_text(ARTICLE_HTML, encoding="utf-8")
    jsonl = tmp_path / "stories.jsonl"
    jsonl.write_text(json.dumps(STORY) + "\n" + json.dumps({**STORY, "id": "8", "title": "Second"}) + "\n")
    return str(html), str(jsonl)


def invoke(*args: str):
    result = CliRunner().invoke(main, ["read", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_help():
    result = invoke("--help")
    assert result.exit_code == 0
    for words in ("--format [jsonl|json|md|txt]", "--out DIRECTORY", "FOLDER", "WARC or JSONL", "-  -> DIR/stdin.json"):
        assert words in result.stdout


def test_jsonl_is_the_default(inputs):
    html, jsonl = inputs
    result = invoke(html, jsonl)
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [tuple(r) for r in records] == [FIELDS] * 3     # all fields, in the documented order
    assert [r["source"] for r in records] == [html, f"{jsonl}#1", f"{jsonl}#2"]
    assert records[0]["format"] == "html" and records[0]["title"] == "Ministers meet on trade deal"
    body = records[0]["body"]
    assert [body.index(p) for p in PARAS] == sorted(body.index(p) for p in PARAS)
    assert "Copyright" not in body and "Home" not in body
    assert records[1] == {
        "id": records[1]["id"], "source": f"{jsonl}#1", "url": STORY["url"], "title": "Talks resume",
        "site": "voanews.com", "author": "A. Writer", "published": "2024-05-02T08:00:00Z",
        "published_from": "jsonl", "language": "en", "format": "text", "body": STORY["text"], "warnings": []}
    assert len(records[1]["id"]) == 16 and records[1]["id"] != records[2]["id"]
    again = [json.loads(line) for line in invoke(html, jsonl).stdout.splitlines()]
    assert [r["id"] for r in again] == [r["id"] for r in records]   # stable ids


def test_json_array(inputs, tmp_path: Path):
    html, jsonl = inputs
    missing = str(tmp_path / "missing.txt")
    result = invoke("--format", "json", html, missing, jsonl)
    assert result.exit_code == 1
    records = json.loads(result.stdout)
    assert [r["source"] for r in records] == [html, missing, f"{jsonl}#1", f"{jsonl}#2"]
    assert records[1] == {"error": "no such file, folder or URL", "source": missing, "stage": "ingest"}


def test_markdown_and_text(inputs):
    html, jsonl = inputs
    md = invoke("--format", "md", jsonl).stdout
    assert md.startswith("# Talks resume\n\n*voanews.com · A. Writer · 2024-05-02T08:00:00Z (jsonl) · en · text*\n\n"
                         f"Source: {jsonl}#1 <{STORY['url']}>\n\n{STORY['text']}\n")
    assert "\n---\n\n# Second\n" in md
    txt = invoke("--format", "txt", html).stdout
    assert txt.startswith(f"Ministers meet on trade deal\n{html}\n\n")
    assert txt.endswith(PARAS[-1] + "\n")


def test_out_dir(inputs, tmp_path: Path):
    html, jsonl = inputs
    folder = tmp_path / "site"
    (folder / "2024").mkdir(parents=True)
    (folder / "front.html").write_text(ARTICLE_HTML)
    (folder / "2024" / "front.html").write_text(ARTICLE_HTML.replace("Tuesday", "Monday"))
    (folder / "2024" / "empty.txt").write_text("")
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, [("https://news.example.org/a", "text/html", ARTICLE_HTML.encode())] * 2, gz=True)
    out = tmp_path / "out"
    result = invoke("--out", str(out), html, jsonl, str(folder), str(warc))
    assert result.exit_code == 1                     # the empty file in the folder failed
    assert result.stdout == ""
    assert "empty.txt: empty input (0 bytes)" in result.stderr
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*.json"))
    assert files == ["crawl.json", "site/2024/empty.json", "site/2024/front.json", "site/front.json",
                     "stories.json", "trade-talks.json"]
    single = json.loads((out / "trade-talks.json").read_text())
    assert single["source"] == html and single["title"] == "Ministers meet on trade deal"
    stories = json.loads((out / "stories.json").read_text())
    assert [s["title"] for s in stories] == ["Talks resume", "Second"]
    crawl = json.loads((out / "crawl.json").read_text())
    assert len(crawl) == 2 and all(r["url"] == "https://news.example.org/a" for r in crawl)
    assert json.loads((out / "site/2024/empty.json").read_text())["error"] == "empty input (0 bytes)"
    assert "Monday" in json.loads((out / "site/2024/front.json").read_text())["body"]


def test_out_dir_name_clash_and_markdown(tmp_path: Path):
    a, b = tmp_path / "a", tmp_path / "b"
    for d in (a, b):
        d.mkdir()
        (d / "page.html").write_text(ARTICLE_HTML)
    out = tmp_path / "out"
    result = invoke("--out", str(out), "--format", "md", str(a / "page.html"), str(b / "page.html"))
    assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["page-2.md", "page.md"]
    assert (out / "page.md").read_text().startswith("# Ministers meet on trade deal\n")


def test_bundled_samples_folder(repo_dir: Path):
    """What `make demo` runs: the seed page and the VOA stories, every one an article."""
    result = invoke(str(repo_dir / "samples"))
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 90 and all("error" not in r for r in records)
    seed = records[0]
    assert seed["source"].endswith("samples/seed-page.txt") and seed["format"] == "text"
    assert seed["title"] == "Turkey and Russia confirm arms deal, in Nato headache"
    assert seed["body"].startswith("Turkey and Russia have pledged to go further on military cooperation")
    assert [r["source"].rsplit("/", 1)[-1] for r in records[1:3]] == ["voa_stories.jsonl#1", "voa_stories.jsonl#2"]
