"""Ingest: every input kind becomes the right Page records (bytes, source, url, hint, group)."""
from __future__ import annotations

import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tidings.extract import read_pages
from tidings.ingest import iter_pages, iter_units
from tidings.ingest.files import expand_folder, stem
from tidings.ingest.stdin import read_stdin_pages
from tidings.records import Article, ErrorRecord, Page
from tidings.settings import Settings

SETTINGS = Settings()
PARAS = [
    "The foreign ministers of both countries met in the capital on Tuesday to discuss the "
    "long-delayed trade agreement, officials said after the talks ended late in the evening.",
    "Negotiators told reporters that the remaining questions concerned tariffs on steel and "
    "agricultural products, and that a final text could be signed before the summer.",
    "Opposition parties in both parliaments have criticised the deal, saying it was negotiated "
    "in secret and would hurt small farmers who cannot compete with imports.",
]
ARTICLE_HTML = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Ministers meet on trade deal | Daily</title>"
    "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
    "<h1>Ministers meet on trade deal</h1>" + "".join(f"<p>{p}</p>" for p in PARAS)
    + "</article><footer>Copyright Daily News</footer></body></html>"
)


def write_warc(path: Path, pages: list[tuple[str, str, bytes]], gz: bool) -> list[int]:
    """Write (url, content type, body) HTTP responses plus a request record; return record offsets."""
    offsets = []
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for url, ctype, body in pages:
            offsets.append(fh.tell())
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
        req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        writer.write_record(writer.create_warc_record("http://example.org/", "request",
                                                      payload=io.BytesIO(b""), http_headers=req))
    return offsets


def only_pages(items) -> list[Page]:
    items = list(items)
    assert not [i for i in items if isinstance(i, ErrorRecord)], items
    return items


def test_html_and_text_files(tmp_path: Path):
    (tmp_path / "a.html").write_text(ARTICLE_HTML, encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n\n".join(PARAS), encoding="utf-8")
    pages = only_pages(iter_pages([str(tmp_path / "a.html"), str(tmp_path / "b.txt")], SETTINGS))
    assert [(p.source, p.hint) for p in pages] == [(str(tmp_path / "a.html"), "html"),
                                                  (str(tmp_path / "b.txt"), "text")]
    assert pages[0].content == ARTICLE_HTML.encode()
    assert pages[0].group == pages[1].group == str(tmp_path)


def test_gzipped_files(tmp_path: Path):
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(ARTICLE_HTML.encode()))
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(PARAS[0].encode()))
    pages = only_pages(iter_pages([str(tmp_path / "a.html.gz"), str(tmp_path / "b.txt.gz")], SETTINGS))
    assert [p.content for p in pages] == [ARTICLE_HTML.encode(), PARAS[0].encode()]
    assert [p.hint for p in pages] == ["html", "text"]
    assert stem("x/a.html.gz") == "a" and stem("x/crawl.warc.gz") == "crawl" and stem("b.jsonl") == "b"


def test_folder_is_recursive_sorted_and_grouped(tmp_path: Path):
    site = tmp_path / "site"
    (site / "sub").mkdir(parents=True)
    for name in ("b.txt", "a.html", "notes.md", ".hidden.txt"):
        (site / name).write_text(PARAS[0])
    (site / "sub" / "c.txt").write_text(PARAS[1])
    (site / "sub" / "a.txt.gz").write_bytes(gzip.compress(PARAS[2].encode()))
    files = expand_folder(str(site))
    # each folder's files (sorted) before its subfolders; unknown kinds and hidden files skipped
    assert [os.path.relpath(f, site) for f in files] == ["a.html", "b.txt", "sub/a.txt.gz", "sub/c.txt"]
    pages = only_pages(iter_pages([str(site)], SETTINGS))
    assert [p.group for p in pages] == [str(site)] * 2 + [str(site / "sub")] * 2
    assert pages[2].content == PARAS[2].encode()
    units = list(iter_units([str(site)], SETTINGS))
    assert [u.input for u in units] == [str(site)] * 4


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_warc(tmp_path: Path, gz: bool):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(path, [
        ("https://news.example.org/a", "text/html; charset=utf-8", ARTICLE_HTML.encode()),
        ("https://news.example.org/style.css", "text/css", b"body{color:red}"),
        ("https://news.example.org/b.txt", "text/plain", PARAS[1].encode()),
        ("https://other.example.com/c", "text/html", b"<html><body><p>x</p></body></html>"),
    ], gz)
    pages = only_pages(iter_pages([str(path)], SETTINGS))
    assert [p.url for p in pages] == ["https://news.example.org/a", "https://news.example.org/b.txt",
                                      "https://other.example.com/c"]
    assert all(p.source.startswith("<urn:uuid:") for p in pages)
    assert pages[0].content == ARTICLE_HTML.encode()
    assert [p.hint for p in pages] == ["html", "text", "html"]
    assert pages[0].meta["content_type"] == "text/html; charset=utf-8"
    assert pages[0].group == pages[1].group != pages[2].group   # one group per site of the WARC
    articles = list(read_pages(pages[:1], SETTINGS))
    assert isinstance(articles[0], Article)
    assert articles[0].source == pages[0].source and articles[0].url == "https://news.example.org/a"
    assert "trade agreement" in articles[0].body


class _Handler(http.server.BaseHTTPRequestHandler):
    agents: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's naming)
        type(self).agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/article":
            body, ctype = ARTICLE_HTML.encode("cp1252"), "text/html; charset=windows-1252"
        elif self.path == "/big":
            body, ctype = b"x" * 5000, "text/plain"
        else:
            self.send_error(404, "Not Found")
            return
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def http_base():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_url(http_base: str):
    settings = Settings(max_page_bytes=4096, fetch_timeout=5)
    items = list(iter_pages([f"{http_base}/article", f"{http_base}/big", f"{http_base}/missing"], settings))
    page, big, missing = items
    assert isinstance(page, Page) and page.source == page.url == f"{http_base}/article"
    assert page.content == ARTICLE_HTML.encode("cp1252") and page.hint == "html"
    assert page.group == "127.0.0.1"
    assert _Handler.agents[0] == SETTINGS.user_agent
    assert isinstance(big, ErrorRecord) and big.source == f"{http_base}/big"
    assert big.error.startswith("page larger than the size limit of 4 KB")
    assert isinstance(missing, ErrorRecord) and missing.error == "HTTP 404 Not Found"
    article = next(read_pages([page], settings))
    assert article.title == "Ministers meet on trade deal" and "small farmers" in article.body


def test_stdin_reader():
    pages = only_pages(read_stdin_pages(SETTINGS, stream=io.BytesIO(gzip.compress(ARTICLE_HTML.encode()))))
    assert [(p.source, p.content, p.group) for p in pages] == [("stdin", ARTICLE_HTML.encode(), None)]


def test_stdin_through_the_cli(repo_dir: Path):
    proc = subprocess.run([sys.executable, "-c", "from tidings.cli import main; main()", "read", "-"],
                          input=ARTICLE_HTML.encode(), capture_output=True, timeout=120, cwd=repo_dir)
    assert proc.returncode == 0, proc.stderr
    rec = json.loads(proc.stdout)
    assert rec["source"] == "stdin" and rec["format"] == "html"
    assert rec["title"] == "Ministers meet on trade deal"
    assert "agricultural products" in rec["body"]


def test_jsonl(tmp_path: Path, repo_dir: Path):
    path = tmp_path / "stories.jsonl"
    recs = [{"id": "1", "url": "https://www.voanews.com/a/x/1.html", "title": "A  story", "author": "Jane Roe",
             "published": "2025-03-14 20:30:26Z", "text": " ".join(PARAS)},
            {"id": "2", "text": PARAS[1]}]
    path.write_text("\n".join(json.dumps(r) for r in recs) + "\n\n", encoding="utf-8")
    pages = only_pages(iter_pages([str(path)], SETTINGS))
    assert [p.source for p in pages] == [f"{path}#1", f"{path}#2"]
    assert pages[0].hint == "text" and pages[0].meta["clean"] is True
    assert pages[0].url == "https://www.voanews.com/a/x/1.html"
    first, second = read_pages(pages, SETTINGS)
    assert first.body == " ".join(PARAS)          # clean text: kept as is, no boilerplate removal
    assert (first.title, first.author, first.published, first.published_from, first.site, first.language) == \
        ("A story", "Jane Roe", "2025-03-14T20:30:26Z", "jsonl", "voanews.com", "en")
    assert second.body == PARAS[1] and second.title is None


def test_bundled_voa_sample(repo_dir: Path):
    articles = list(read_pages(iter_pages([str(repo_dir / "samples/voa/voa_stories.jsonl")], SETTINGS),
                               SETTINGS))
    assert len(articles) == 89 and all(isinstance(a, Article) for a in articles)
    assert articles[0].title == "Iraq says key Islamic State leader is dead"
    assert articles[0].author == "Jeff Seldin" and articles[0].published == "2025-03-14T20:30:26Z"
    assert articles[0].body.startswith("One of the Islamic State terror group's most senior leaders is dead")


def test_read_pages_keeps_order_and_bounds_its_window():
    from tidings.extract import WINDOW_PAGES
    pulled = []

    def pages():
        for i in range(WINDOW_PAGES + 10):
            pulled.append(i)
            html = ARTICLE_HTML.replace("Tuesday", f"day {i}")
            yield Page(source=f"p{i}", content=html.encode(), hint="html", group="site")
        yield ErrorRecord(source="bad", error="cannot read")

    out = read_pages(pages(), SETTINGS)
    first = next(out)
    assert first.source == "p0" and len(pulled) <= WINDOW_PAGES + 1
    rest = list(out)
    assert [r.source for r in rest] == [f"p{i}" for i in range(1, WINDOW_PAGES + 10)] + ["bad"]
    assert "day 70" in rest[69].body


@pytest.mark.parametrize("content,fmt", [
    (ARTICLE_HTML, "html"),
    ("  <div><p>One</p><p>Two</p><p>Three</p><a href='/'>x</a><br></div>", "html"),
    ("\n\n".join(PARAS), "text"),
    ("Menu\nHome | World\n\n" + PARAS[0] + "\n\nUse <b> for bold.", "text"),
])
def test_unlabelled_pages_are_sniffed(content: str, fmt: str):
    from tidings.extract import sniff_format
    assert sniff_format(content) == fmt
