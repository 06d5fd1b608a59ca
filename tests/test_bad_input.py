"""Bad input: each case gives an error record naming the input and the reason, a line on stderr,
the other inputs are still read, and the exit status is 1."""
from __future__ import annotations

import gzip
import json
import socket
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from test_ingest import ARTICLE_HTML, write_warc
from tidings.cli import main
from tidings.extract import read_pages
from tidings.extract.decode import decode
from tidings.ingest import iter_pages
from tidings.records import ErrorRecord
from tidings.settings import Settings


@pytest.fixture
def good(tmp_path: Path) -> str:
    path = tmp_path / "good.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    return str(path)


def run_read(*args: str):
    result = CliRunner().invoke(main, ["read", *args])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    return result, records


def assert_one_failure(args: list[str], bad: str, reason: str, good: str):
    """``bad`` fails with ``reason`` (a prefix), ``good`` (before and after it) is still read."""
    result, records = run_read(good, *args, good)
    assert result.exit_code == 1, result.output
    errors = [r for r in records if "error" in r]
    assert len(errors) == 1, records
    assert errors[0]["source"] == bad
    assert errors[0]["error"].startswith(reason), errors[0]["error"]
    assert f"tidings: {bad}: {errors[0]['error']}" in result.stderr.splitlines()
    articles = [r for r in records if "error" not in r]
    assert [a["source"] for a in articles] == [good, good]
    assert records[1] is errors[0]   # printed where its record would have been
    assert articles[0]["title"] == "Ministers meet on trade deal"


def test_empty_file(tmp_path: Path, good: str):
    bad = tmp_path / "empty.html"
    bad.write_bytes(b"")
    assert_one_failure([str(bad)], str(bad), "empty input (0 bytes)", good)


def test_whitespace_only_file(tmp_path: Path, good: str):
    bad = tmp_path / "blank.txt"
    bad.write_bytes(b"  \n\n\t \n")
    assert_one_failure([str(bad)], str(bad), "no text (only whitespace)", good)


def test_binary_file(tmp_path: Path, good: str):
    bad = tmp_path / "photo.html"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    assert_one_failure([str(bad)], str(bad), "binary content (a PNG image)", good)
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes((i * 7919) % 256 for i in range(20000)))
    assert_one_failure([str(junk)], str(junk), "binary content", good)


def test_stray_control_bytes_in_a_real_page_are_dropped(tmp_path: Path):
    page = tmp_path / "stray.html"
    page.write_bytes(ARTICLE_HTML.replace("</nav>", "</nav>\x00\x1b").encode())
    result, records = run_read(str(page))
    assert result.exit_code == 0, result.output
    assert records[0]["title"] == "Ministers meet on trade deal"


def test_truncated_gzip(tmp_path: Path, good: str):
    bad = tmp_path / "page.html.gz"
    bad.write_bytes(gzip.compress(ARTICLE_HTML.encode() * 20)[:300])
    assert_one_failure([str(bad)], str(bad), "truncated gzip file", good)


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_warc_with_a_corrupt_record(tmp_path: Path, good: str, gz: bool):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    offsets = write_warc(path, [(f"https://news.example.org/{i}", "text/html", ARTICLE_HTML.encode())
                                for i in range(3)], gz)
    data = bytearray(path.read_bytes())
    at = offsets[1] + (0 if not gz else 40)   # the header line / the middle of the gzip member
    data[at:at + 40] = b"X" * 40
    path.write_bytes(bytes(data))
    result, records = run_read(str(path), good)
    assert result.exit_code == 1
    assert [r.get("url") for r in records] == ["https://news.example.org/0", None,
                                               "https://news.example.org/2", None]
    error = records[1]
    assert error["source"] == f"{path}@{offsets[1]}"
    assert error["error"].startswith(f"corrupt WARC record at byte {offsets[1]}")
    assert records[3]["source"] == good
    assert f"tidings: {path}@{offsets[1]}: " in result.stderr


SPANISH = ("El presidente señaló que la situación en el país está mejorando y que la población "
           "espera más acción del gobierno español antes del próximo año.\n\n"
           "Según el ministro, la economía crecerá más rápido de lo previsto, aunque la oposición "
           "lo niega y pide una explicación pública en el Congreso.\n")


@pytest.mark.parametrize("text,encoding", [
    (SPANISH, "cp1252"),
    (SPANISH, "latin-1"),
    ("Die Bürger größerer Städte äußern Kritik an den Maßnahmen der Regierung für Flüchtlinge.", "cp1252"),
    ("Le président a déclaré que la coopération économique était très importante à l'été.", "latin-1"),
    ("Dışişleri Bakanı Mevlüt Çavuşoğlu, Soçi'de Rus mevkidaşı ile görüştükten sonra açıklama yaptı.",
     "cp1254"),
    ("Министр иностранных дел России Сергей Лавров встретился с турецким коллегой в Сочи.", "cp1251"),
])
def test_non_utf8_text_without_declared_charset_decodes(text: str, encoding: str):
    decoded = decode(text.encode(encoding))
    assert decoded.text == text
    assert decoded.how == "detected"


def test_non_utf8_pages_without_declared_charset_are_read(tmp_path: Path, good: str):
    page = tmp_path / "noticia.html"
    page.write_bytes(("<html><body><h1>Noticia</h1>" + "".join(f"<p>{p}</p>" for p in SPANISH.split("\n\n"))
                      + "</body></html>").encode("cp1252"))
    result, records = run_read(str(page), good)
    assert result.exit_code == 0, result.output
    assert "El presidente señaló que la situación en el país está mejorando" in records[0]["body"]
    assert "la economía crecerá más rápido de lo previsto" in records[0]["body"]
    assert records[0]["language"] == "es"
    assert "no character set declared; decoded as cp1252 (detected)" in records[0]["warnings"]
    latin1 = tmp_path / "bericht.html"   # a wrong declaration is overridden the same way
    latin1.write_bytes(("<html><head><meta charset='utf-8'></head><body><h1>Überraschung</h1><p>"
                        + "Die Bürger größerer Städte äußern Kritik an den Maßnahmen der Regierung. " * 5
                        + "</p></body></html>").encode("latin-1"))
    result, records = run_read(str(latin1))
    assert result.exit_code == 0, result.output
    assert "Die Bürger größerer Städte äußern Kritik" in records[0]["body"]


def test_undecodable_is_an_error_not_mojibake(tmp_path: Path, good: str):
    bad = tmp_path / "declared.html"   # declared UTF-16 but holds bytes that UTF-16 cannot read
    bad.write_bytes(b"\xff\xfe" + b"\x00\xd8" * 3000)
    assert_one_failure([str(bad)], str(bad), "undecodable bytes", good)


def test_50_mb_page_is_refused_quickly(tmp_path: Path, good: str):
    big = tmp_path / "huge.html"
    para = "<p>" + "All work and no play makes Jack a dull boy. " * 20 + "</p>\n"
    with open(big, "w") as fh:
        fh.write("<html><body>")
        fh.write(para * (50 * 1024 * 1024 // len(para) + 1))
    assert big.stat().st_size > 50 * 1024 * 1024
    start = time.monotonic()
    assert_one_failure([str(big)], str(big), "page larger than the size limit of 20 MB", good)
    gz = tmp_path / "huge.html.gz"   # and a small gzip that inflates past the limit
    with gzip.open(gz, "wb", compresslevel=1) as fh:
        for _ in range(25):
            fh.write(b" " * (1 << 20))
    assert_one_failure([str(gz)], str(gz), "page larger than the size limit of 20 MB", good)
    assert time.monotonic() - start < 10


def test_html_with_no_text(tmp_path: Path, good: str):
    bad = tmp_path / "shell.html"
    bad.write_text("<!DOCTYPE html><html><head><title>App</title><script>var a = 1;</script></head>"
                   "<body><div id='root'></div><img src='x.png'></body></html>")
    assert_one_failure([str(bad)], str(bad), "no article text found in the HTML page", good)


def test_unreachable_url(good: str):
    with socket.socket() as s:   # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/article"
    assert_one_failure([url], url, "cannot fetch: Connection refused", good)


def test_missing_file_and_empty_folder(tmp_path: Path, good: str):
    missing = str(tmp_path / "nope.html")
    assert_one_failure([missing], missing, "no such file, folder or URL", good)
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    assert_one_failure([str(empty)], str(empty), "folder holds no readable pages", good)


def test_page_timeout(tmp_path: Path):
    slow = tmp_path / "long.html"
    slow.write_text("<html><body>" + "<div><p>Some words of a paragraph that goes on.</p></div>" * 20000
                    + "</body></html>")
    settings = Settings(page_timeout=0.01)
    out = list(read_pages(iter_pages([str(slow)], settings), settings))
    assert isinstance(out[0], ErrorRecord) and out[0].source == str(slow)
    assert out[0].error.startswith("extraction took longer than 0.01 s")


def test_bad_jsonl_lines(tmp_path: Path, good: str):
    path = tmp_path / "stories.jsonl"
    path.write_text('{"text": "A first clean story about the talks in Geneva on Monday."}\n'
                    "not json\n"
                    '{"title": "no text"}\n', encoding="utf-8")
    result, records = run_read(str(path), good)
    assert result.exit_code == 1
    assert [r["source"] for r in records] == [f"{path}#1", f"{path}#2", f"{path}#3", good]
    assert records[1]["error"].startswith("bad JSONL record: Expecting value")
    assert records[2]["error"] == "bad JSONL record: no string field 'text'"


def test_jsonl_of_another_schema_is_one_error(tmp_path: Path, good: str):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "body": "x"}\n{"id": "b", "body": "y"}\n', encoding="utf-8")
    assert_one_failure([str(path)], str(path), "not a JSONL file of stories: first record: no string field 'text'",
                       good)


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
@pytest.mark.parametrize("cut", [150, 600], ids=["in-header", "in-payload"])
def test_truncated_warc(tmp_path: Path, gz: bool, cut: int):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    offsets = write_warc(path, [(f"https://news.example.org/{i}", "text/html", ARTICLE_HTML.encode())
                                for i in range(3)], gz)
    path.write_bytes(path.read_bytes()[:offsets[2] + cut])
    items = list(iter_pages([str(path)], Settings()))
    assert [getattr(i, "url", None) for i in items] == ["https://news.example.org/0",
                                                        "https://news.example.org/1", None]
    assert items[2].source == f"{path}@{offsets[2]}"
    assert items[2].error.startswith(("truncated WARC record at byte", "corrupt WARC record at byte"))
