"""One file's bytes to its articles: decode, pick the format, run that format's loader."""

from __future__ import annotations

from viewer.ingest.assemble import RawArticle, assemble
from viewer.ingest.decode import Decoded, NotText, check_text, declared_charset, decode
from viewer.ingest.fields import FieldMap
from viewer.ingest.formats import detect_format, format_for_suffix
from viewer.ingest.html import read_html
from viewer.ingest.jsonl import read_json, read_jsonl
from viewer.model import Article, Problem

__all__ = ["read_articles"]


def read_articles(path: str, data: bytes | str, fields: FieldMap) -> list[Article | Problem]:
    """The articles in one file (or standard input), and a ``Problem`` for each bad part.

    Args:
        path: the path as given, ``-`` for standard input; its extension picks the format.
        data: the file's bytes, or text already decoded (standard input as text).
        fields: where JSON records keep their fields.
    """
    try:
        decoded = _decoded(path, data)
    except NotText as error:
        return [Problem(path, str(error))]
    try:
        return [_finish(path, raw) for raw in _raw_articles(path, decoded, fields)]
    except Exception as error:  # a bug must cost one file, not the whole load
        return [Problem(path, f"internal error while loading ({type(error).__name__}: {error})")]


def _decoded(path: str, data: bytes | str) -> Decoded:
    if isinstance(data, str):
        check_text(data)
        return Decoded(data, "utf-8")
    html = format_for_suffix(path) == "html" or data.lstrip()[:1] == b"<"
    return decode(data, declared_charset(data) if html else None)


def _raw_articles(path: str, decoded: Decoded, fields: FieldMap) -> list[RawArticle | Problem]:
    text, encoding = decoded.text, decoded.encoding
    kind = detect_format(path, text)
    if kind == "html":
        return [read_html(path, text, encoding)]
    if kind == "json":
        return read_json(path, text, encoding, fields)
    if kind == "jsonl":
        return read_jsonl(path, text, encoding, fields)
    return [RawArticle(path, text, kind, encoding)]


def _finish(path: str, raw: RawArticle | Problem) -> Article | Problem:
    return raw if isinstance(raw, Problem) else assemble(raw)
