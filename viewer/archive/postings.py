"""The ``postings`` table: which articles hold each sampled shingle key.

``postings`` is ordered by key, so a lookup reads one short run of it per key, but an
insert of new articles' keys lands all over it: committed as they come, every batch of a
thousand articles would rewrite pages across the whole table. So ``add`` writes each
article's keys once, in its ``samples`` column, and :func:`merge` later moves the keys of
every article above the ``merged`` mark into ``postings`` in one sorted pass, as appends
where the table is new. Until then, :func:`unmerged` finds them by scanning those
articles (a killed ``add`` leaves some; the next ``add`` merges them).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from viewer.archive.access import WriteLock

__all__ = ["MERGE_POSTINGS", "merge", "merged_up_to", "remove", "unmerged", "unmerged_count"]

MERGE_POSTINGS = 16_000_000
"""Postings sorted and inserted per transaction of a merge (about 400 MB of arrays)."""
_ROWS = 1 << 20
"""Postings handed to ``executemany`` at a time."""


def merged_up_to(db: sqlite3.Connection) -> int:
    """The highest article id whose keys are in ``postings`` (all below it are too)."""
    return int(db.execute("SELECT value FROM meta WHERE key = 'merged'").fetchone()[0])


def merge(lock: WriteLock, progress: Callable[[str, int, int], None] | None = None) -> int:
    """Move every unmerged article's keys into ``postings``; returns how many postings.

    Each transaction takes the next articles up to about :data:`MERGE_POSTINGS` keys,
    inserts them sorted by key and raises the mark, so a merge that is killed keeps what
    it committed and the rest is merged next time. The articles are read inside the
    transaction: another ``add`` may be replacing them, or merging them too.
    """
    done = 0
    total = unmerged_count(lock.db)
    while True:
        with lock.transaction() as db:
            ids, blobs, size = _next_unmerged(db)
            if not ids:
                return done
            if progress is not None:
                progress("merging", done, total)
            _insert_sorted(db, ids, blobs)
        done += size


def _next_unmerged(db: sqlite3.Connection) -> tuple[list[int], list[bytes], int]:
    """The next unmerged articles (ids and sample blobs) up to about
    :data:`MERGE_POSTINGS` keys, and how many keys they hold."""
    rows = db.execute(
        "SELECT id, samples FROM articles WHERE id > ? ORDER BY id", (merged_up_to(db),)
    )
    ids: list[int] = []
    blobs: list[bytes] = []
    size = 0
    for article, samples in rows:
        ids.append(article)
        blobs.append(samples)
        size += len(samples) // 8
        if size >= MERGE_POSTINGS:
            break
    rows.close()
    return ids, blobs, size


def unmerged_count(db: sqlite3.Connection) -> int:
    """Postings of articles not yet merged."""
    query = "SELECT coalesce(sum(length(samples)), 0) / 8 FROM articles WHERE id > ?"
    return int(db.execute(query, (merged_up_to(db),)).fetchone()[0])


def _insert_sorted(db: sqlite3.Connection, ids: list[int], blobs: list[bytes]) -> None:
    """Insert the articles' keys in key order and raise the mark (inside the caller's
    transaction)."""
    keys = np.frombuffer(b"".join(blobs), dtype=np.int64)
    articles = np.repeat(np.array(ids, dtype=np.int64), [len(b) // 8 for b in blobs])
    order = np.argsort(keys, kind="stable")  # articles come in id order: ties stay so
    keys, articles = keys[order], articles[order]
    for at in range(0, len(keys), _ROWS):
        db.executemany(
            "INSERT OR IGNORE INTO postings VALUES (?, ?)",
            zip(keys[at : at + _ROWS].tolist(), articles[at : at + _ROWS].tolist(), strict=True),
        )
    db.execute("UPDATE meta SET value = ? WHERE key = 'merged'", (ids[-1],))


def unmerged(db: sqlite3.Connection, keys: NDArray[np.int64]) -> dict[int, list[int]]:
    """For each of ``keys`` held by articles not yet merged, those articles."""
    found: dict[int, list[int]] = {}
    wanted = np.unique(keys)
    query = "SELECT id, samples FROM articles WHERE id > ?"
    for article, samples in db.execute(query, (merged_up_to(db),)):
        held = np.frombuffer(samples, dtype=np.int64)
        for key in held[np.isin(held, wanted)].tolist():
            found.setdefault(key, []).append(article)
    return found


def remove(db: sqlite3.Connection, article: int, samples: bytes) -> int:
    """Delete one article's postings (inside the caller's transaction); returns how many
    it had."""
    keys = np.frombuffer(samples, dtype=np.int64).tolist()
    db.executemany(
        "DELETE FROM postings WHERE key = ? AND article = ?", ((key, article) for key in keys)
    )
    return len(keys)
