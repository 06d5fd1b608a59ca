"""Bytes -> text: BOM, valid UTF-8, declared charset, detection; binary refused with a reason."""
from __future__ import annotations

import codecs

import pytest

from tidings.extract.decode import decode
from tidings.extract.result import ExtractError

TEXT = "Çavuşoğlu met Lavrov in Sochi; the Élysée said “no comment”."


def test_bom_wins():
    for enc, bom in (("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
                     ("utf-16-be", codecs.BOM_UTF16_BE)):
        dec = decode(bom + TEXT.encode(enc))
        assert (dec.text, dec.how) == (TEXT, "bom")


def test_valid_utf8_beats_a_stale_declaration():
    page = f"<html><head><meta charset='iso-8859-1'></head><body><p>{TEXT}</p></body></html>"
    dec = decode(page.encode("utf-8"))
    assert TEXT in dec.text and dec.encoding == "utf-8"


@pytest.mark.parametrize("where", ["meta", "http-equiv", "http", "xml"])
def test_declared_charset(where: str):
    body = "Dışişleri Bakanı Mevlüt Çavuşoğlu Soçi'de konuştu. " * 3
    head = {"meta": "<meta charset=\"windows-1254\">",
            "http-equiv": "<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-9'>",
            "http": "", "xml": ""}[where]
    prefix = "<?xml version='1.0' encoding='cp1254'?>" if where == "xml" else ""
    page = f"{prefix}<html><head>{head}</head><body><p>{body}</p></body></html>"
    ctype = "text/html; charset=windows-1254" if where == "http" else None
    dec = decode(page.encode("cp1254"), ctype)
    assert body in dec.text
    assert dec.how == ("http" if where == "http" else "meta")


def test_latin1_label_means_windows_1252():
    page = "<meta charset='latin1'><p>“Quotes” – and a euro sign: €5</p>"
    assert "“Quotes” – and a euro sign: €5" in decode(page.encode("cp1252")).text


@pytest.mark.parametrize("content,reason", [
    (b"", "empty input (0 bytes)"),
    (b" \n\t\r\n", "no text (only whitespace)"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary content (a PDF document), not a web page or text"),
    (b"PK\x03\x04\x14\x00\x06\x00", "binary content (a ZIP archive (or Office document)), not a web page or text"),
    (bytes(range(256)) * 100, "binary content (control bytes), not a web page or text"),
])
def test_refused(content: bytes, reason: str):
    with pytest.raises(ExtractError) as err:
        decode(content)
    assert str(err.value) == reason


def test_utf16_without_bom_is_not_binary():
    text = "Turkey and Russia confirm arms deal, in Nato headache. " * 4
    for enc in ("utf-16-le", "utf-16-be"):
        assert decode(text.encode(enc)).text == text
