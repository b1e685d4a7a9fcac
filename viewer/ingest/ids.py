"""Readable, stable article ids: a slug of source and title, made unique within one load."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from pathlib import PurePath

from slugify import slugify

from viewer.model import Article

__all__ = ["MAX_ID_LENGTH", "article_slug", "unique", "with_ids"]

MAX_ID_LENGTH = 60
"""Slugs are cut on a word boundary to at most this many characters."""


def article_slug(source: str | None, title: str, fallback: str) -> str:
    """A slug such as ``people-videos-show-chicago-police-firing-96-shots-in-less``.

    Args:
        source: the outlet, when known.
        title: the article's title.
        fallback: stands in for an unknown source (the file's stem).
    """
    words = f"{source or fallback} {title}"
    slug = slugify(words, max_length=MAX_ID_LENGTH, word_boundary=True, save_order=True)
    return slug or slugify(fallback, max_length=MAX_ID_LENGTH) or "article"


def unique(slugs: Iterable[str]) -> list[str]:
    """The slugs in order, a repeated one suffixed ``-2``, ``-3``… to be unique."""
    taken = set(slugs := list(slugs))
    seen: set[str] = set()
    out: list[str] = []
    for slug in slugs:
        candidate, number = slug, 1
        while candidate in seen or (number > 1 and candidate in taken):
            number += 1
            candidate = f"{slug}-{number}"
        seen.add(candidate)
        out.append(candidate)
    return out


def with_ids(articles: Sequence[Article]) -> tuple[Article, ...]:
    """The articles with their ``id`` set from source, title and path, unique in order."""
    slugs = [article_slug(a.source, a.title, _stem(a.path)) for a in articles]
    return tuple(dataclasses.replace(a, id=i) for a, i in zip(articles, unique(slugs), strict=True))


def _stem(path: str) -> str:
    return "stdin" if path == "-" else PurePath(path).stem
