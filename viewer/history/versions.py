"""Which articles are versions of one article, and in what order they were captured.

Two articles are versions of one article when their addresses name one page once in
canonical form (:func:`viewer.ingest.urls.canonical_url`: scheme, ``www.``, tracking
parameters, fragment and trailing slash aside), or when one's ``canonical`` metadata
field names the other's address. Articles that carry no address at all form one history
of their own: the versions the user named together.

Versions are ordered by capture time: a web archive's ``WARC-Date``, else the article's
date, with its time of day where the metadata gives one (a ``date: 2024-05-02T13:10``
line keeps the time the article's ``date`` drops). Ties go by path. A version with no
date keeps the place its path gives it among the others, and the history says so.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from viewer.ingest.dates import DATE, parse_date
from viewer.ingest.urls import canonical_url
from viewer.model import Article

__all__ = [
    "Captured",
    "History",
    "Version",
    "address_keys",
    "capture_time",
    "group_versions",
    "path_key",
]

_CANONICAL_FIELDS = frozenset({"canonical", "canonical_url"})
"""Metadata fields naming the page's canonical address, where a loader records one."""
_DIGITS = re.compile(r"(\d+)")
_HAS_TIME = re.compile(r"\d[T ]\d{1,2}:\d{2}")


@dataclass(frozen=True, slots=True, order=True)
class Captured:
    """When a version was captured, as precisely as its metadata says."""

    moment: dt.datetime
    """Naive, in UTC where the metadata gave a time zone; midnight for a bare date."""
    timed: bool
    """Whether the metadata gave a time of day, not only the day."""

    @property
    def label(self) -> str:
        """``2024-05-02 13:10`` with a time, ``2024-05-02`` without."""
        if self.timed:
            return self.moment.strftime("%Y-%m-%d %H:%M")
        return self.moment.date().isoformat()

    @property
    def iso(self) -> str:
        """ISO 8601: ``2024-05-02T13:10:00`` with a time, ``2024-05-02`` without."""
        return self.moment.isoformat() if self.timed else self.moment.date().isoformat()


@dataclass(frozen=True, slots=True)
class Version:
    """One version of the article: an article and its place in the history."""

    number: int
    """Its place in time order, from 1."""
    article: Article
    captured: Captured | None

    @property
    def when(self) -> str:
        """The capture time as shown, or ``no date``."""
        return self.captured.label if self.captured else "no date"

    @property
    def size(self) -> int:
        """The version's length in characters."""
        return len(self.article.text)


@dataclass(frozen=True, slots=True)
class History:
    """The versions of one article in time order."""

    address: str | None
    """The canonical address the versions share; ``None`` for versions without one."""
    versions: tuple[Version, ...]
    notes: tuple[str, ...] = ()
    """What the reader should know about how the history was made (plain sentences)."""


def _read_time(value: str | None) -> Captured | None:
    """The capture time in one date value, or ``None`` when it names no day."""
    if not value:
        return None
    found = DATE.search(value)
    if found is not None and _HAS_TIME.search(found.group(0)):
        text = found.group(0).replace("Z", "+00:00").replace("z", "+00:00")
        try:
            moment = dt.datetime.fromisoformat(text)
        except ValueError:
            moment = None
        if moment is not None:
            if moment.tzinfo is not None:
                moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
            return Captured(moment, True)
    day = parse_date(value)
    return Captured(dt.datetime.combine(day, dt.time()), False) if day else None


def capture_time(article: Article) -> Captured | None:
    """When ``article`` was captured: a web archive's capture time (the ``captured``
    field, from ``WARC-Date``) where there is one, else the most precise of its date and
    its metadata's dates (a time of day where one is given); ``None`` when none names a
    day. A page's own date may stay the same through its revisions; its capture does not."""
    for field in article.metadata:
        if field.name == "captured" and (when := _read_time(field.value)) is not None:
            return when
    values = [article.date, *(f.value for f in article.metadata if f.name == "date")]
    best: Captured | None = None
    for value in values:
        found = _read_time(value)
        if found is None:
            continue
        closer = best is not None and found.moment.date() == best.moment.date()
        if best is None or (found.timed and not best.timed and closer):
            best = found
    return best


def address_keys(article: Article) -> frozenset[str]:
    """The canonical forms of the addresses ``article`` names: its URL and any
    ``canonical`` metadata field."""
    values = [article.url, *(f.value for f in article.metadata if f.name in _CANONICAL_FIELDS)]
    return frozenset(key for key in map(canonical_url, values) if key)


def path_key(article: Article) -> tuple[tuple[int, int | str], ...]:
    """A sort key for the article's path and record, numbers by value (``v2`` < ``v10``)."""
    parts: list[tuple[int, int | str]] = []
    for piece in _DIGITS.split(article.path):
        if piece.isdigit():
            parts.append((0, int(piece)))
        elif piece:
            parts.append((1, piece))
    parts.append((0, -1 if article.record is None else article.record))
    return tuple(parts)


def _ordered(
    articles: Sequence[Article],
) -> tuple[list[tuple[Article, Captured | None]], list[str]]:
    """The articles in capture order, undated ones where their paths put them, and notes."""
    by_path = sorted(articles, key=path_key)
    times = [capture_time(article) for article in by_path]
    dated = sorted(
        (t, path_key(a), n) for n, (a, t) in enumerate(zip(by_path, times, strict=True)) if t
    )
    slots = [n for n, t in enumerate(times) if t is not None]
    order = list(range(len(by_path)))
    for slot, (_, _, n) in zip(slots, dated, strict=True):
        order[slot] = n
    notes: list[str] = []
    if not slots and len(by_path) > 1:
        notes.append("no version has a date: the versions are in the order of their paths")
    elif len(slots) < len(by_path):
        undated = len(by_path) - len(slots)
        which = "1 version has" if undated == 1 else f"{undated} versions have"
        notes.append(f"{which} no date: each stands where its path puts it among the others")
    return [(by_path[n], times[n]) for n in order], notes


def _history(address: str | None, articles: Sequence[Article], notes: Iterable[str]) -> History:
    ordered, more = _ordered(articles)
    versions = tuple(Version(n, a, t) for n, (a, t) in enumerate(ordered, start=1))
    return History(address, versions, (*notes, *more))


def _groups(articles: Sequence[Article]) -> list[list[int]]:
    """Indexes of the articles that share an address, directly or through others."""
    parent = list(range(len(articles)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    owner: dict[str, int] = {}
    for n, article in enumerate(articles):
        for key in sorted(address_keys(article)):
            if key in owner:
                parent[root(n)] = root(owner[key])
            else:
                owner[key] = n
    groups: dict[int, list[int]] = {}
    for n in range(len(articles)):
        groups.setdefault(root(n), []).append(n)
    return list(groups.values())


def _address(articles: Sequence[Article]) -> str:
    """The address most of the versions name (ties: the first in sorted order)."""
    counts: dict[str, int] = {}
    for article in articles:
        for key in address_keys(article):
            counts[key] = counts.get(key, 0) + 1
    return min(counts, key=lambda key: (-counts[key], key))


def group_versions(articles: Sequence[Article], *, url: str | None = None) -> tuple[History, ...]:
    """The histories among ``articles``, those with an address first (by address), then
    the versions without one.

    Args:
        articles: as loaded.
        url: only the history of this address (empty when no article names it).
    """
    with_address = [a for a in articles if address_keys(a)]
    without = [a for a in articles if not address_keys(a)]
    histories: list[History] = []
    for group in _groups(with_address):
        members = [with_address[n] for n in group]
        histories.append(_history(_address(members), members, ()))
    histories.sort(key=lambda history: history.address or "")
    if url is not None:
        wanted = canonical_url(url)
        return tuple(
            h
            for h in histories
            if wanted is not None and any(wanted in address_keys(v.article) for v in h.versions)
        )
    if without:
        if with_address:
            note = "these versions have no address: the ones given without one form this history"
        else:
            note = "no version has an address: the paths given form one history"
        histories.append(_history(None, without, (note,)))
    return tuple(histories)
