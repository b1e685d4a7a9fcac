"""Which loader reads a file: by its extension, else by what its content looks like."""

from __future__ import annotations

import json
import re
from pathlib import PurePath

__all__ = [
    "ARCHIVE_SUFFIXES",
    "FORMATS",
    "PARQUET_SUFFIXES",
    "SKIPPED_SUFFIXES",
    "detect_format",
    "format_for_suffix",
]

FORMATS = ("text", "markdown", "html", "json", "jsonl")

_SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonlines": "jsonl",
}

PARQUET_SUFFIXES = (".parquet", ".pq")
"""Names read as Parquet tables of articles (``viewer.ingest.parquet``)."""

ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".wacz")
"""Names read as web archives (``viewer.ingest.warc``) whatever their content looks like;
they are read in folders though ``.gz`` and ``.zip`` files are not."""

SKIPPED_SUFFIXES = frozenset(
    ".png .jpg .jpeg .gif .webp .bmp .tif .tiff .ico .svg .heic .avif .psd "
    ".zip .gz .tgz .bz2 .xz .zst .7z .rar .tar .lz .lzma .br "
    ".mp3 .mp4 .m4a .m4v .mov .avi .mkv .wav .ogg .oga .flac .webm "
    ".pdf .doc .docx .xls .xlsx .ppt .pptx .odt .ods .odp .epub "
    ".exe .dll .so .dylib .o .a .bin .class .jar .pyc .pyo .whl .wasm "
    ".db .sqlite .sqlite3 .arrow .feather .pkl .pickle .npy .npz "
    ".woff .woff2 .ttf .otf .eot .css .js .mjs .map .swp .lock".split()
)
"""Extensions that are never articles; files with them are passed over in folders."""

_JSON_START = re.compile(r'\s*(?:\{\s*["}]|\[\s*(?:[\[{"\]\d-]|true|false|null))')
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_TAG = re.compile(r"<(?:p|div|article|section|main|h[1-6]|span|br)\b[^>]*>", re.I)
_MARKDOWN = re.compile(r"^#{1,6} \S|^\S[^\n]*\n(?:=+|-+)[ \t]*$", re.M)


def format_for_suffix(path: str) -> str | None:
    """The format an extension names (``.md`` is ``markdown``); ``None`` if unknown."""
    return _SUFFIXES.get(PurePath(path).suffix.lower())


def detect_format(path: str, text: str) -> str:
    """The format of a file: its extension's, unless the content plainly says otherwise.

    A ``.txt`` file that is a whole HTML document is read as HTML; a file with no known
    extension (or standard input) is sniffed: JSON, JSON Lines, HTML, Markdown or text.
    """
    named = format_for_suffix(path) if path != "-" else None
    if named in ("text", "markdown") and _HTML_START.match(text):
        return "html"
    return named or sniff_format(text)


def sniff_format(text: str) -> str:
    """The format ``text`` looks like, from its content alone."""
    if _JSON_START.match(text):
        return _json_kind(text)
    if text.lstrip()[:1] == "<" and (_HTML_START.match(text) or _HTML_TAG.search(text, 0, 4096)):
        return "html"
    if _MARKDOWN.search(text, 0, 4096):
        return "markdown"
    return "text"


def _json_kind(text: str) -> str:
    """``json`` for one JSON document; ``jsonl`` when one of the first lines is a record."""
    try:
        json.loads(text)
        return "json"
    except (ValueError, RecursionError):
        pass
    lines = [line for line in text.split("\n", 3)[:3] if line.strip()]
    return "jsonl" if any(_is_json_record(line) for line in lines[:2]) else "json"


def _is_json_record(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict | list)
    except (ValueError, RecursionError):
        return False
