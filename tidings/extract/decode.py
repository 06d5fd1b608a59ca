"""Bytes -> text: BOM, then UTF-8 if the bytes are valid UTF-8, then the declared charset (HTTP
header, <meta>, XML declaration), then a detector (charset_normalizer), refusing binary junk with a
clear reason.

Legacy single-byte pages are mostly windows-1252, which is what browsers assume too (the WHATWG
encoding standard maps latin-1/ascii labels to it); when the detector cannot tell cp1252 from a
sibling code page, cp1252 wins.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from tidings.extract.result import ExtractError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# file signatures of common non-text formats, to name what was given instead of a page
_MAGIC = (
    (b"%PDF-", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"), (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x1f\x8b", "gzip data"), (b"7z\xbc\xaf", "a 7-Zip archive"), (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "an executable"), (b"MZ", "a Windows executable"), (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ", "xz data"), (b"RIFF", "a RIFF media file"), (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"), (b"\x00\x00\x00\x18ftyp", "an MP4 video"), (b"\x00\x00\x00\x20ftyp", "an MP4 video"),
    (b"SQLite format 3", "an SQLite database"), (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"wOFF", "a web font"), (b"wOF2", "a web font"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""", re.I)
_HTTP_CHARSET = re.compile(r"""charset\s*=\s*["']?([a-zA-Z0-9_.:-]+)""", re.I)
# labels that mean windows-1252 on the web (WHATWG)
_AS_CP1252 = {"latin1", "latin-1", "iso-8859-1", "iso8859-1", "iso_8859-1", "l1", "ascii", "us-ascii",
              "cp819", "ibm819", "windows-1252", "cp1252", "x-cp1252", "iso-ir-100", "iso_8859-1:1987"}
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\ufffe\uffff]")
# control bytes (and, as UTF-8, characters) that binary data is full of; counted and looked for with
# bytes.translate, several times faster than a regular expression over every character of a page
_CONTROL_BYTES = bytes(range(0x00, 0x09)) + b"\x0b" + bytes(range(0x0e, 0x1b)) + bytes(range(0x1c, 0x20))
_XML_ILLEGAL_BYTES = bytes(range(0x00, 0x09)) + b"\x0b\x0c" + bytes(range(0x0e, 0x20))
_LATIN_FAMILY = ("cp125", "iso8859", "latin", "mac_", "cp8", "hp_roman", "iso8859_")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    how: str              # bom, http, meta, utf-8, detected, fallback


def decode(content: bytes, content_type: str | None = None) -> Decoded:
    """Text of a page or ExtractError with the reason (empty, binary, undecodable)."""
    if not content:
        raise ExtractError("empty input (0 bytes)")
    for bom, enc in _BOMS:
        if content.startswith(bom):
            return _checked(Decoded(content[len(bom):].decode(enc, errors="replace"), enc, "bom"))
    _refuse_binary(content)
    if _looks_utf16(content[:65536]):
        enc = "utf-16-le" if content[1:65536:2].count(0) > content[0:65536:2].count(0) else "utf-16-be"
        return _checked(Decoded(content.decode(enc, errors="replace"), enc, "detected"))
    # Valid UTF-8 with non-ASCII bytes is UTF-8 whatever the page declares: legacy text almost never
    # forms valid multi-byte sequences by chance, while re-encoded pages often keep a stale <meta>.
    try:
        return _checked(Decoded(content.decode("utf-8"), "utf-8", "utf-8"))
    except UnicodeDecodeError:
        pass
    for how, label in (("http", _http_charset(content_type)), ("meta", _declared_charset(content))):
        enc = _codec(label)
        if enc:
            try:
                return _checked(Decoded(content.decode(enc), enc, how))
            except UnicodeDecodeError:
                pass   # a wrong declaration is common: fall through to detection
    return _checked(_detect(content))


def _refuse_binary(content: bytes) -> None:
    head = content[:64]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise ExtractError(f"binary content ({what}), not a web page or text")
    sample = content[:65536]
    if _looks_utf16(sample):
        return
    # stray NULs and control bytes occur in real pages; binary data is full of them
    if _count_bytes(sample, _CONTROL_BYTES) > 0.03 * len(sample):
        raise ExtractError("binary content (control bytes), not a web page or text")


def _looks_utf16(sample: bytes) -> bool:
    """UTF-16 without BOM: every other byte NUL in ASCII-heavy text."""
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2 or 1
    return max(even, odd) / half > 0.4 and min(even, odd) / half < 0.05


def _checked(dec: Decoded) -> Decoded:
    sample = dec.text[:65536]
    if sample and _count_bytes(_utf8(sample), _CONTROL_BYTES) > 0.03 * len(sample):
        raise ExtractError("binary content (control characters), not a web page or text")
    if sample and sample.count("\ufffd") > 0.02 * len(sample):
        raise ExtractError(f"undecodable bytes: many invalid characters as {dec.encoding}")
    text = dec.text.replace("\x0c", "\n")
    if has_xml_illegal(text):
        text = _XML_ILLEGAL.sub("", text)   # XML parsers refuse NUL and C0 controls
    if not text.strip():
        raise ExtractError("no text (only whitespace)")
    return Decoded(text, dec.encoding, dec.how)


def _count_bytes(data: bytes, which: bytes) -> int:
    return len(data) - len(data.translate(None, which))


def _utf8(text: str) -> bytes:
    """The text as UTF-8, where each ASCII character is its own byte and no other byte is ASCII: a
    count of ASCII control bytes is the count of those characters."""
    return text.encode("utf-8", "surrogatepass")


def has_xml_illegal(text: str) -> bool:
    """Whether the text has characters XML (and so lxml) refuses: C0 controls, U+FFFE, U+FFFF."""
    return (_count_bytes(_utf8(text), _XML_ILLEGAL_BYTES) > 0
            or "\ufffe" in text or "\uffff" in text)


def _http_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    m = _HTTP_CHARSET.search(content_type)
    return m.group(1) if m else None


def _declared_charset(content: bytes) -> str | None:
    head = content[:4096]
    m = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii", "ignore") if m else None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _detect(content: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(content[:262144]))
    if not matches:
        # single-byte text the detector cannot place: cp1252 covers all but 5 bytes
        try:
            return Decoded(content.decode("cp1252"), "cp1252", "fallback")
        except UnicodeDecodeError:
            raise ExtractError("undecodable text: not UTF-8 and no character set declared or detected") \
                from None
    best = min(matches, key=lambda m: (m.chaos, -m.coherence))
    tied = [m for m in matches if m.chaos <= best.chaos + 1e-9 and m.coherence >= best.coherence - 1e-9]
    chosen = next((m for m in tied if m.encoding == "cp1252"), best)
    if chosen is best and best.encoding.startswith(_LATIN_FAMILY) and best.encoding != "cp1252":
        # sibling code pages agree on most letters; keep cp1252 when it reads as well
        cp = next((m for m in matches if m.encoding == "cp1252"), None)
        if cp is not None and cp.chaos <= best.chaos + 1e-9 and cp.coherence >= best.coherence - 0.02:
            chosen = cp
    try:
        text = content.decode(chosen.encoding)
    except (UnicodeDecodeError, LookupError):
        text = str(chosen) if len(content) <= 262144 else content.decode(chosen.encoding, errors="replace")
    return Decoded(text, chosen.encoding, "detected")
