"""Reading the archive articles a lookup found back from their files.

The index keeps fingerprints, not texts; a source's text is in the file it was indexed
from. The file is loaded again with the field map it was indexed with, the article is
found at the same record (JSON) or place, and its text must still have the digest it
had: otherwise the file changed since it was indexed, and the source is reported
without its text.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from viewer.archive.results import IndexSource
from viewer.archive.rows import text_digest
from viewer.ingest import load
from viewer.ingest.fields import FieldMap
from viewer.ingest.limits import Limits
from viewer.model import Article

__all__ = ["Reloaded", "reload_sources"]


@dataclass(frozen=True, slots=True)
class Reloaded:
    """One source read back: its article, or why it could not be."""

    source: IndexSource
    article: Article | None
    problem: str | None
    """``None`` when ``article`` is there; else e.g. ``file gone since it was indexed``."""


def reload_sources(
    sources: Sequence[IndexSource], fields: dict[str, str], limits: Limits | None = None
) -> list[Reloaded]:
    """Each source's article as its file holds it now, each file loaded once.

    Args:
        sources: what a lookup found.
        fields: each file's field map as the index recorded it (``field_spec`` text).
        limits: bounds on the loads.
    """
    loaded: dict[str, tuple[Article, ...] | str] = {}
    out: list[Reloaded] = []
    for source in sources:
        if source.path not in loaded:
            loaded[source.path] = _load(source.path, fields.get(source.path), limits)
        found = loaded[source.path]
        if isinstance(found, str):
            out.append(Reloaded(source, None, found))
            continue
        article = _find(found, source)
        if article is None or text_digest(article.text) != source.digest:
            out.append(Reloaded(source, None, "file changed since it was indexed"))
        else:
            out.append(Reloaded(source, article, None))
    return out


def _load(path: str, spec: str | None, limits: Limits | None) -> tuple[Article, ...] | str:
    if not os.path.exists(path):
        return "file gone since it was indexed"
    try:
        fields = FieldMap.parse(spec) if spec else None
    except ValueError as error:  # a damaged row: `viewer index check` reports it too
        return f"the index's field map for it does not parse ({error})"
    corpus = load([path], fields=fields, limits=limits)
    if not corpus.articles:
        problem = corpus.problems[0].message if corpus.problems else "no article"
        return f"file changed since it was indexed ({problem})"
    return corpus.articles


def _find(articles: tuple[Article, ...], source: IndexSource) -> Article | None:
    """The article at the source's record (JSON) or, for other files, its place."""
    if source.record is not None:
        return next((a for a in articles if a.record == source.record), None)
    return articles[source.position] if source.position < len(articles) else None
