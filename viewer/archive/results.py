"""What the archive index's operations return: frozen values, nothing live."""

from __future__ import annotations

from dataclasses import dataclass

from viewer.model import Problem

__all__ = ["Added", "IndexSource", "Lookup", "Removed", "Stats"]


@dataclass(frozen=True, slots=True)
class Added:
    """What one ``add`` did."""

    added: int
    """Files indexed for the first time."""
    unchanged: int
    """Files already indexed as they are (same size and time, or same content)."""
    reindexed: int
    """Files whose content changed: their old articles were replaced."""
    refused: int
    """Files that yielded no article (unreadable, over a limit, no text)."""
    articles: int
    """Articles indexed by this run."""
    problems: tuple[Problem, ...]
    """Everything that could not be loaded, one problem per file or record."""
    seconds: float
    """How long the run took."""


@dataclass(frozen=True, slots=True)
class Removed:
    """What one ``remove`` did."""

    files: int
    articles: int
    postings: int
    unknown: tuple[str, ...]
    """Paths given that named no indexed file."""


@dataclass(frozen=True, slots=True)
class Stats:
    """How big an index is and how it was made."""

    path: str
    articles: int
    files: int
    postings: int
    """Sampled shingle keys stored, one per article holding the key."""
    pending: int
    """Postings of an interrupted ``add`` not yet merged (the next ``add`` merges them)."""
    size: int
    """Bytes on disk: the database file and its write-ahead log."""
    schema: int
    parameters: dict[str, int | str]
    """The fingerprint parameters the index was made with."""
    created: float
    """When the index was made (seconds since the epoch)."""
    last_added: float | None
    """When an ``add`` last finished (seconds since the epoch); ``None`` before any."""


@dataclass(frozen=True, slots=True)
class IndexSource:
    """One archive article that shares sampled shingles with the article looked up."""

    article: int
    """Its row in the index (``articles.id``)."""
    id: str
    """Its article id, as loaded from its file."""
    path: str
    """The file it was indexed from (absolute)."""
    position: int
    """Its place among the articles its file loaded to, from 0."""
    record: int | None
    """For JSON and JSON Lines: its record in the file, from 0."""
    title: str
    source: str | None
    date: str | None
    words: int
    hits: int
    """Sampled shingle keys of the looked-up article that this article also holds."""
    share: float
    """``hits`` over the looked-up article's sample keys that were looked up: the
    estimated share of its text found in this article."""
    resemblance: float
    """Estimated Jaccard resemblance of the two shingle sets (from the MinHash)."""
    identical: bool
    """Its text is exactly the looked-up article's."""
    digest: bytes
    """A digest of its text when indexed, to tell whether its file still holds it."""


@dataclass(frozen=True, slots=True)
class Lookup:
    """The archive articles an article's text was found in, the most hits first."""

    samples: int
    """The article's distinct sampled shingle keys."""
    skipped: int
    """Of those, keys left out because more than the cap of articles hold them
    (site furniture, stock phrases)."""
    sources: tuple[IndexSource, ...]
