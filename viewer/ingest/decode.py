"""Bytes to text: Unicode with or without a byte-order mark, legacy code pages, or a refusal.

The decoded text is the article's original: line ends stay as they were (CRLF included)
and every later offset points into it. A byte-order mark is not part of the text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

__all__ = ["Decoded", "NotText", "check_text", "declared_charset", "decode"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 4096
"""How many leading bytes are examined for UTF-16 without a byte-order mark."""
_UTF16_NULS = 0.3
"""Share of code units with a NUL in one half (and almost none in the other) that makes
BOM-less UTF-16 evident: Latin-script text has a NUL in every other byte."""
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_MAX_CONTROL = 0.05
"""Share of control characters above which decoded "text" is taken for binary data."""
_CLOSE_CHAOS = 0.1
"""How much more "chaos" (charset-normalizer's mess score) Windows-1252 may show than the
best guess and still be preferred: short Western texts are ambiguous between code pages,
and news in this tool is mostly Western."""
_ADJACENT_HIGH = re.compile(rb"[\x80-\xff]{2}")
"""Two non-ASCII bytes in a row. Without any, every non-ASCII character stands alone among
ASCII, as accented letters and curly quotes do in Western text; multi-byte and non-Latin
encodings put them side by side."""
_DECLARED = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{2,40})""", re.I)

_ASCII = bytes(range(0x80))
_REPLACEMENT = "\ufffd".encode()

NOT_TEXT = "not text: looks like a binary file"


class NotText(ValueError):
    """The bytes are not text this tool can read; the message says why, for a person."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, and how."""

    text: str
    encoding: str
    """A Python codec name: ``utf-8``, ``utf-8-sig``, ``utf-16``, ``utf-16-le``, ``cp1252``…"""
    guessed: bool = False
    """Whether the encoding was guessed (no byte-order mark, not valid UTF-8)."""


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data``, sniffing its encoding; ``NotText`` if it is empty or binary.

    Args:
        data: the file's bytes.
        declared: an encoding the file names for itself (an HTML ``<meta charset>``),
            used only when the bytes carry no byte-order mark and are not UTF-8.
    """
    if not data:
        raise NotText("empty file")
    decoded = _with_bom(data) or _utf16_without_bom(data) or _utf8(data)
    if decoded is None:
        decoded = _declared(data, declared) or _mostly_utf8(data) or _legacy(data)
    check_text(decoded.text)
    return decoded


def check_text(text: str) -> None:
    """Raise ``NotText`` when ``text`` is empty, only white space, or reads as binary."""
    if not text.strip():
        raise NotText("empty file" if not text else "no text: only white space")
    controls = len(_CONTROL.findall(text, 0, _SAMPLE * 4))
    if "\x00" in text or controls > _MAX_CONTROL * min(len(text), _SAMPLE * 4):
        raise NotText(NOT_TEXT)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag near its start, if known."""
    found = _DECLARED.search(data, 0, 4096)
    if found is None:
        return None
    name = found.group(1).decode("ascii")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _with_bom(data: bytes) -> Decoded | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return Decoded(_lenient(data, codec), codec)
    return None


def _utf16_without_bom(data: bytes) -> Decoded | None:
    if b"\x00" not in data[:_SAMPLE]:
        return None
    sample = data[: _SAMPLE - _SAMPLE % 2]
    units = max(1, len(sample) // 2)
    even, odd = sample[0::2].count(0) / units, sample[1::2].count(0) / units
    if odd >= _UTF16_NULS and even < 0.05:
        codec = "utf-16-le"
    elif even >= _UTF16_NULS and odd < 0.05:
        codec = "utf-16-be"
    else:
        raise NotText(NOT_TEXT)
    return Decoded(_lenient(data, codec), codec)


def _utf8(data: bytes) -> Decoded | None:
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return None


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with U+FFFD for a few stray bytes (a crawl's truncated or mixed-in bytes),
    when at most a third of the non-ASCII bytes are stray; ``None`` otherwise.

    A legacy code page reads as invalid UTF-8 at almost every non-ASCII byte, so nearly
    all its non-ASCII bytes are stray, and it is left to :func:`_legacy`.
    """
    text = data.decode("utf-8", errors="replace")
    stray = text.count("\ufffd") - data.count(_REPLACEMENT)
    return Decoded(text, "utf-8", guessed=True) if stray * 3 <= _high_bytes(data) else None


def _high_bytes(data: bytes) -> int:
    """How many bytes of ``data`` are not ASCII."""
    return len(data.translate(None, _ASCII))


def _declared(data: bytes, declared: str | None) -> Decoded | None:
    if declared is None:
        return None
    try:
        return Decoded(data.decode(declared), codecs.lookup(declared).name, guessed=False)
    except (LookupError, UnicodeDecodeError):
        return None


def _legacy(data: bytes) -> Decoded:
    """A single- or multi-byte legacy encoding, as charset-normalizer judges it."""
    from charset_normalizer import from_bytes

    if not _ADJACENT_HIGH.search(data) and (western := _cp1252(data)):
        return western
    matches = list(from_bytes(data))
    if not matches:
        raise NotText(NOT_TEXT)
    best = matches[0]
    for match in matches:
        close = match.chaos <= best.chaos + _CLOSE_CHAOS
        if close and "cp1252" in match.could_be_from_charset and (western := _cp1252(data)):
            return western
    codec = codecs.lookup(best.encoding).name
    return Decoded(_lenient(data, codec), codec, guessed=True)


def _cp1252(data: bytes) -> Decoded | None:
    try:
        return Decoded(data.decode("cp1252"), "cp1252", guessed=True)
    except UnicodeDecodeError:
        return None


def _lenient(data: bytes, codec: str) -> str:
    """``data`` decoded, with U+FFFD for a stray byte (a truncated last character)."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return data.decode(codec, errors="replace")
