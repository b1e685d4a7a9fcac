"""An article's title when no metadata gives one: its headline, else its first sentence.

The headline is a line near the top that reads like one (:func:`reads_as_headline`):
page furniture, labels, bylines and the outlet's name above it are passed over
(:mod:`viewer.ingest.title_furniture`), and the search stops at the first line of the
story. What pages glue to a headline is trimmed off (:mod:`viewer.ingest.title_trim`).
Without a headline, the title is the story's first sentence that is no furniture, less
a dateline opening it; a text of nothing but furniture falls back to its first sentence
with words that the furniture recogniser passes, and else has no title.

The line or sentence taken stays body text: only the text-file reader
(:mod:`viewer.ingest.textmeta`) takes a headline out of the body, and it asks the same
questions of it.
"""

from __future__ import annotations

from collections.abc import Sequence

from viewer.ingest.headline_form import reads_as_headline
from viewer.ingest.metalines import opens_with_metadata
from viewer.ingest.textmeta import HEADER_LINES, STRIPPED_LINE
from viewer.ingest.title_furniture import never_headline
from viewer.ingest.title_trim import dateline_end, trim_title
from viewer.model import Sentence, Span
from viewer.text.furniture import furniture_reason

__all__ = ["first_sentence", "headline_line", "pick_title"]

_MAX_LINE = 250
"""A line longer than this is a paragraph: whatever furniture it holds, its sentences may
still open the story."""
_TRIMMED_FURNITURE = frozenset({"a breadcrumb trail"})
"""Furniture a line may be before its trimming, the headline it holds being kept."""


def pick_title(
    text: str,
    skip: Sequence[Span],
    sentences: Sequence[Sentence],
    *,
    site: str | None = None,
    url: str | None = None,
) -> tuple[str, Span | None]:
    """The title of a text with no title in its metadata, and where it stands.

    Args:
        text: the article's original text.
        skip: the spans that are not body text (metadata lines, a dateline), sorted.
        sentences: its sentences.
        site: the outlet's name, when known.
        url: the page's address, when known.
    """
    span = headline_line(text, skip, site=site, url=url) or first_sentence(
        text, sentences, site=site, url=url
    )
    if span is not None:
        return text[span.start : span.end], span
    plain = next((s for s in sentences if furniture_reason(s.text) is None), None)
    if plain is not None and any(c.isalpha() for c in plain.text):
        return plain.text, plain.span
    return "", None


def headline_line(
    text: str, skip: Sequence[Span], *, site: str | None = None, url: str | None = None
) -> Span | None:
    """The headline among the first lines, past furniture and labels, if one reads as such."""
    for count, line in enumerate(STRIPPED_LINE.finditer(text)):
        if count >= HEADER_LINES:
            return None
        free = _unskipped(text, Span(line.start(), line.end()), skip)
        if free is None:
            continue  # a metadata line: a byline, a date
        whole = text[free.start : free.end]
        if opens_with_metadata(whole) or dateline_end(text, *free) > free.start:
            return None  # a dateline opens the story
        inner = trim_title(text, free, site=site, url=url)
        words = text[inner.start : inner.end]
        if not words or _furniture_line(whole) or never_headline(words, site=site, url=url):
            continue
        return inner if reads_as_headline(words) else None
    return None


def first_sentence(
    text: str, sentences: Sequence[Sentence], *, site: str | None = None, url: str | None = None
) -> Span | None:
    """The first sentence of the story: no furniture, not on a line of furniture (a
    caption with its photo credit), less a dateline opening it."""
    for sentence in sentences:
        inner = trim_title(text, sentence.span, site=site, url=url, dateline=True)
        words = text[inner.start : inner.end]
        if not words or never_headline(words, site=site, url=url):
            continue
        if not _furniture_line(_line_of(text, sentence.start)):
            return inner
    return None


def _unskipped(text: str, line: Span, skip: Sequence[Span]) -> Span | None:
    """The line less a skipped span opening it (a labelled date); ``None`` if all skipped."""
    start = line.start
    for span in skip:
        if span.start > start:
            break
        if span.end > start:
            start = span.end
    while start < line.end and text[start].isspace():
        start += 1
    return Span(start, line.end) if start < line.end else None


def _furniture_line(line: str) -> bool:
    """A short line that is furniture as a whole (a caption ending in its photo credit)."""
    if len(line) > _MAX_LINE:
        return False
    reason = furniture_reason(line)
    return reason is not None and reason not in _TRIMMED_FURNITURE


def _line_of(text: str, index: int) -> str:
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    return text[start : end if end >= 0 else len(text)].strip()
