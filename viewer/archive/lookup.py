"""Looking an article up in the archive index: which archive articles hold its text.

The article's sampled shingle keys are looked up in ``postings``; every archive article
on a key's posting list gets a hit. Keys held by more than :data:`CAP` articles are
skipped (a site's footer, a stock phrase: they say nothing about copying), and counted.
Articles with at least :data:`MIN_HITS` hits are sources, ranked by hits; a source's
share is its hits over the keys looked up, an estimate of the share of the article's text
found in it. Why this estimates that share is in ``docs/archive.md``.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import numpy as np
from numpy.typing import NDArray

from viewer.archive.postings import unmerged
from viewer.archive.prints import resemblance
from viewer.archive.results import IndexSource, Lookup

__all__ = ["CAP", "LIMIT", "MIN_HITS", "lookup"]

CAP = 1000
"""Posting lists longer than this are skipped."""
MIN_HITS = 2
"""Hits an archive article needs to count as a source (one shared key can be chance)."""
LIMIT = 50
"""Sources returned at most, the most hits first."""


def lookup(
    db: sqlite3.Connection,
    samples: NDArray[np.uint64],
    signature: NDArray[np.uint32],
    *,
    own: tuple[str, bytes] | None = None,
    cap: int = CAP,
    limit: int = LIMIT,
) -> Lookup:
    """The archive articles that hold the text whose fingerprints are given.

    Args:
        db: an open index.
        samples: the article's distinct sampled shingle keys.
        signature: its MinHash signature, for the resemblance estimates.
        own: the article's real path and text digest; an archive article of that path
            with that very text is the article itself, and left out (the same text
            elsewhere is a source, at share 1).
        cap: posting lists longer than this are skipped.
        limit: sources returned at most.
    """
    keys = np.unique(samples.view(np.int64))
    found, skipped = _postings(db, keys, cap)
    looked = len(keys) - skipped
    if not found or not looked:
        return Lookup(len(keys), skipped, ())
    articles, hits = np.unique(np.concatenate(found), return_counts=True)
    keep = (hits >= min(MIN_HITS, looked)) & ~np.isin(articles, _itself(db, own))
    articles, hits = articles[keep], hits[keep]
    order = np.lexsort((articles, -hits))[:limit]
    rows = _rows(db, articles[order].tolist())
    sources = []
    for article, count in zip(articles[order].tolist(), hits[order].tolist(), strict=True):
        row = rows[article]
        blob = row.pop("signature")
        if len(blob) != signature.nbytes:  # the CLI names the index and how to rebuild
            raise sqlite3.DatabaseError(f"articles row {article}: its signature does not parse")
        stored = np.frombuffer(blob, dtype=np.uint32)
        sources.append(
            IndexSource(
                **row,
                article=article,
                hits=count,
                share=count / looked,
                resemblance=resemblance(signature, stored),
                identical=own is not None and row["digest"] == own[1],
            )
        )
    sources.sort(key=lambda s: (-s.hits, -s.resemblance, s.article))
    return Lookup(len(keys), skipped, tuple(sources))


def _postings(
    db: sqlite3.Connection, keys: NDArray[np.int64], cap: int
) -> tuple[list[NDArray[np.int64]], int]:
    """Each key's posting list (keys with more than ``cap`` articles left out), and how
    many keys were left out."""
    lists: dict[int, list[int]] = {}
    for key in keys.tolist():
        lists[key] = [
            article
            for (article,) in db.execute(
                "SELECT article FROM postings WHERE key = ? LIMIT ?", (key, cap + 1)
            )
        ]
    for key, articles in unmerged(db, keys).items():
        lists[key].extend(articles)
    kept = [np.array(found, dtype=np.int64) for found in lists.values() if len(found) <= cap]
    return [found for found in kept if len(found)], len(lists) - len(kept)


def _itself(db: sqlite3.Connection, own: tuple[str, bytes] | None) -> list[int]:
    """The index rows that are the looked-up article itself: its text, at its path."""
    if own is None:
        return []
    query = (
        "SELECT a.id FROM articles a JOIN files f ON f.id = a.file "
        "WHERE f.path = ? AND a.digest = ?"
    )
    return [article for (article,) in db.execute(query, own)]


def _rows(db: sqlite3.Connection, articles: list[int]) -> dict[int, dict[str, Any]]:
    """What a source shows, for each of ``articles`` (rows of the index)."""
    marks = ", ".join("?" * len(articles))
    query = (
        "SELECT a.id, a.ident, f.path, a.position, a.record, a.title, a.source, a.date, "
        "a.words, a.digest, a.signature FROM articles a JOIN files f ON f.id = a.file "
        f"WHERE a.id IN ({marks})"
    )
    names = ("id", "path", "position", "record", "title", "source", "date", "words")
    rows: dict[int, dict[str, Any]] = {}
    for row in db.execute(query, articles):
        rows[row[0]] = {
            **dict(zip(names, row[1:9], strict=True)),
            "digest": bytes(row[9]),
            "signature": bytes(row[10]),
        }
    return rows
