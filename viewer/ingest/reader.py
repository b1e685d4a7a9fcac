"""One file's bytes to its articles: decode, pick the format, run that format's loader."""

from __future__ import annotations

from collections.abc import Iterator

from viewer.ingest.assemble import RawArticle, assemble
from viewer.ingest.decode import Decoded, NotText, check_text, declared_charset, decode
from viewer.ingest.fields import FieldMap
from viewer.ingest.formats import detect_format, format_for_suffix
from viewer.ingest.html import read_html
from viewer.ingest.jsonl import read_json, read_jsonl
from viewer.ingest.limits import Limits
from viewer.ingest.parquet import read_parquet
from viewer.ingest.warc import is_archive, read_archive
from viewer.model import Article, Note, Problem

__all__ = ["read_archive_articles", "read_articles", "read_table_articles"]


def read_articles(
    path: str, data: bytes | str, fields: FieldMap, limits: Limits | None = None
) -> Iterator[Article | Problem | Note]:
    """The articles in one file (or standard input), and a ``Problem`` for each bad part.

    Articles are built one at a time as they are asked for, so a caller that stops early
    does not pay for the rest. A web archive (WARC, WACZ) also gives a ``Note`` counting
    the records it passed over.

    Args:
        path: the path as given, ``-`` for standard input; its extension picks the format.
        data: the file's bytes, or text already decoded (standard input as text).
        fields: where JSON records keep their fields.
        limits: bounds on what is read; an article longer than its limit is refused.
    """
    limits = limits or Limits()
    if isinstance(data, bytes) and is_archive(path, data[:4096]):
        yield from read_archive_articles(path, limits, data)
        return
    try:
        raws = _raw_articles(path, _decoded(path, data), fields, limits)
    except NotText as error:
        yield Problem(path, str(error))
        return
    except Exception as error:  # a bug must cost one file, not the whole load
        yield _internal(path, None, error)
        return
    for raw in raws:
        yield raw if isinstance(raw, Problem) else _finish(raw, limits)


def read_archive_articles(
    path: str, limits: Limits, data: bytes | None = None
) -> Iterator[Article | Problem | Note]:
    """The articles of a web archive (``viewer.ingest.warc``), streamed from its file
    unless ``data`` holds it, a problem for each bad record, and the note counting the
    records passed over."""
    try:
        for found in read_archive(path, limits, data):
            yield _finish(found, limits) if isinstance(found, RawArticle) else found
    except Exception as error:  # a bug must cost one file, not the whole load
        yield _internal(path, None, error)


def read_table_articles(path: str, fields: FieldMap, limits: Limits) -> Iterator[Article | Problem]:
    """The articles of a Parquet file (``viewer.ingest.parquet``), one per row."""
    try:
        for found in read_parquet(path, fields):
            yield _finish(found, limits) if isinstance(found, RawArticle) else found
    except Exception as error:  # a bug must cost one file, not the whole load
        yield _internal(path, None, error)


def _decoded(path: str, data: bytes | str) -> Decoded:
    if isinstance(data, str):
        check_text(data)
        return Decoded(data, "utf-8")
    html = format_for_suffix(path) == "html" or data.lstrip()[:1] == b"<"
    return decode(data, declared_charset(data) if html else None)


def _raw_articles(
    path: str, decoded: Decoded, fields: FieldMap, limits: Limits
) -> list[RawArticle | Problem]:
    text, encoding = decoded.text, decoded.encoding
    kind = detect_format(path, text)
    if kind == "html" and len(text) > limits.max_page_chars:
        return [Problem(path, limits.page_too_long(len(text)))]
    if kind == "html":
        return [read_html(path, text, encoding)]
    if kind == "json":
        return read_json(path, text, encoding, fields)
    if kind == "jsonl":
        return read_jsonl(path, text, encoding, fields)
    return [RawArticle(path, text, kind, encoding)]


def _finish(raw: RawArticle, limits: Limits) -> Article | Problem:
    """The article, or a ``Problem`` when it is too long or a bug stops it."""
    if len(raw.text) > limits.max_article_chars:
        return Problem(raw.path, limits.article_too_long(len(raw.text)), raw.record)
    try:
        return assemble(raw)
    except Exception as error:  # a bug must cost one article, not the whole file
        return _internal(raw.path, raw.record, error)


def _internal(path: str, record: int | None, error: Exception) -> Problem:
    return Problem(path, f"internal error while loading ({type(error).__name__}: {error})", record)
