"""From what a loader read to an ``Article``: metadata sniffing, segmentation, the title."""

from __future__ import annotations

from dataclasses import dataclass

from viewer.ingest.dates import iso_date
from viewer.ingest.textmeta import TextMeta, read_text_meta
from viewer.ingest.title_furniture import title_furniture
from viewer.ingest.title_pick import pick_title
from viewer.model import Article, MetaField, Sentence, Span
from viewer.text.segment import segment

__all__ = ["RawArticle", "assemble"]

_GUESS_TITLE = frozenset({"text", "markdown"})
"""Formats whose first line may be a headline with nothing else to say so."""


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One article as a loader found it: text, and whatever metadata came with it."""

    path: str
    text: str
    format: str
    encoding: str
    record: int | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    date: str | None = None
    author: str | None = None
    metadata: tuple[MetaField, ...] = ()
    """Fields from outside the text (JSON keys, HTML ``<meta>``), with no span."""
    replaced: int = 0
    """Lone surrogates (from a JSON file) replaced by U+FFFD in the text and metadata."""


def assemble(raw: RawArticle) -> Article:
    """The article, segmented, with metadata from outside and inside its text.

    Values from outside the text win over those read from it, a title among them unless
    it is page furniture; a text with no headline takes its first sentence for a title.
    The id is left empty for ``with_ids``.
    """
    furniture = raw.title and title_furniture(raw.title, site=raw.source, url=raw.url, given=True)
    given = None if furniture else raw.title
    meta = read_text_meta(
        raw.text,
        markdown=raw.format == "markdown",
        title=given,
        guess_title=raw.format in _GUESS_TITLE,
        site=raw.source,
    )
    paragraphs, sentences = segment(raw.text, meta.skip)
    title, title_span = _title(raw, given, meta, sentences)
    return Article(
        id="",
        path=raw.path,
        text=raw.text,
        title=title,
        source=raw.source or meta.source,
        url=raw.url or meta.first("url"),
        date=_date(raw.date) or meta.date,
        author=raw.author or meta.first("author"),
        format=raw.format,
        encoding=raw.encoding,
        metadata=raw.metadata + _text_fields(given, meta),
        paragraphs=paragraphs,
        sentences=sentences,
        record=raw.record,
        title_span=title_span,
    )


def _title(
    raw: RawArticle, given: str | None, meta: TextMeta, sentences: tuple[Sentence, ...]
) -> tuple[str, Span | None]:
    """The title and where it stands: given, the headline, or the first sentence."""
    if given:
        return given, meta.title_span
    if meta.title and not title_furniture(meta.title, site=raw.source, url=raw.url):
        return meta.title, meta.title_span
    return pick_title(raw.text, meta.skip, sentences, site=raw.source, url=raw.url)


def _text_fields(given: str | None, meta: TextMeta) -> tuple[MetaField, ...]:
    """The fields read from the text, less a title already known from outside it."""
    if given is None:
        return meta.fields
    return tuple(f for f in meta.fields if f.name != "title")


def _date(value: str | None) -> str | None:
    """A long-form date as ``YYYY-MM-DD``; ISO and unreadable dates as given."""
    if not value or value[:4].isdigit():
        return value
    return iso_date(value) or value
