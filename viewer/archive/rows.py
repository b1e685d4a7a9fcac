"""What ``add`` writes for one file, and the SQL that writes or deletes it.

Articles are fingerprinted in batches as they are loaded, across files, and then kept
only as :class:`Stored` rows (metadata, digest, signature and keys): a file of a hundred
thousand records is held as a few hundred bytes an article until it is written, not as
its texts and sentences.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import sqlite3
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from viewer.archive import postings
from viewer.archive.prints import prints
from viewer.ingest.fields import FIELD_NAMES, FieldMap
from viewer.ingest.ids import with_ids
from viewer.model import Article

__all__ = [
    "FileWork",
    "Stored",
    "delete_files",
    "field_spec",
    "fingerprint",
    "text_digest",
    "write",
]


def text_digest(text: str) -> bytes:
    """A 16-byte digest of an article's text, to tell identical texts."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def field_spec(fields: FieldMap) -> str:
    """``fields`` written so that ``FieldMap.parse`` reads it back."""
    return ",".join(f"{name}={'|'.join(fields.keys(name))}" for name in FIELD_NAMES)


@dataclass(frozen=True, slots=True)
class Stored:
    """One article as the index keeps it."""

    article: Article
    """The article without its text, paragraphs and sentences (for its metadata)."""
    digest: bytes
    words: int
    shingles: int
    signature: bytes
    samples: bytes
    """Its distinct sample keys as sorted int64, 8 bytes each."""


@dataclass(slots=True)
class FileWork:
    """One file's work, written in one transaction."""

    path: str
    """The file's real path: how the index names it."""
    info: os.stat_result
    digest: bytes
    replaces: int | None
    """The ``files`` row it replaces, if it was indexed before."""
    loaded: list[Article] = field(default_factory=list)
    """Articles loaded and not yet fingerprinted."""
    stored: list[Stored] = field(default_factory=list)
    touch_only: bool = False
    """Same content under a new time: only the recorded size and time change."""

    @property
    def articles(self) -> int:
        """Articles loaded from the file so far."""
        return len(self.loaded) + len(self.stored)


def fingerprint(works: Sequence[FileWork]) -> None:
    """Fingerprint every loaded article of ``works`` in one pass, moving it to ``stored``."""
    texts = [article.text for work in works for article in work.loaded]
    if not texts:
        return
    found = prints(texts)
    at = 0
    for work in works:
        for article in work.loaded:
            samples = np.sort(found.samples_of(at).view(np.int64))
            slim = dataclasses.replace(article, text="", paragraphs=(), sentences=(), metadata=())
            work.stored.append(
                Stored(
                    article=slim,
                    digest=text_digest(article.text),
                    words=int(found.words[at]),
                    shingles=int(found.shingles[at]),
                    signature=found.signatures[at].tobytes(),
                    samples=samples.tobytes(),
                )
            )
            at += 1
        work.loaded = []


def write(db: sqlite3.Connection, work: FileWork, fields: FieldMap, first_id: int) -> int:
    """Insert one file and its articles, ids from ``first_id`` (inside the caller's
    transaction); returns how many sample keys they hold."""
    file_id = db.execute(
        "INSERT INTO files (path, size, mtime_ns, digest, fields, articles, indexed) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            work.path,
            work.info.st_size,
            work.info.st_mtime_ns,
            work.digest,
            field_spec(fields),
            len(work.stored),
            time.time(),
        ),
    ).lastrowid
    named = with_ids([s.article for s in work.stored])  # ids unique within the file
    db.executemany(
        f"INSERT INTO articles VALUES ({', '.join('?' * 13)})",
        (
            (
                first_id + position,
                file_id,
                position,
                article.record,
                article.id,
                article.title,
                article.source,
                article.date,
                s.words,
                s.shingles,
                s.digest,
                s.signature,
                s.samples,
            )
            for position, (s, article) in enumerate(zip(work.stored, named, strict=True))
        ),
    )
    return sum(len(s.samples) // 8 for s in work.stored)


def delete_files(db: sqlite3.Connection, file_ids: Iterable[int]) -> tuple[int, int]:
    """Delete files' rows, articles and postings (inside the caller's transaction).

    Returns how many articles and postings went.
    """
    articles = keys = 0
    for file_id in file_ids:
        found = db.execute("SELECT id, samples FROM articles WHERE file = ?", (file_id,)).fetchall()
        for article, samples in found:
            keys += postings.remove(db, article, samples)
        db.execute("DELETE FROM articles WHERE file = ?", (file_id,))
        db.execute("DELETE FROM files WHERE id = ?", (file_id,))
        articles += len(found)
    return articles, keys
