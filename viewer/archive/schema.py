"""The archive index's tables, and opening a database file as one.

One SQLite file in WAL mode (readers never wait for the writer, and a killed writer
loses only its uncommitted transaction). What is in each table is described in
``docs/archive.md``; :data:`SCHEMA_VERSION` changes whenever those tables do, and the
``meta`` table records it together with the fingerprint parameters, so an index is never
read with code or parameters it was not made with.
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import Any

from viewer.archive.prints import PARAMETERS

__all__ = ["SCHEMA_VERSION", "ArchiveError", "connect"]

SCHEMA_VERSION = 1
"""The layout of the tables below; an index of another version is refused."""

_TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value NOT NULL) WITHOUT ROWID;
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    digest BLOB NOT NULL,
    fields TEXT NOT NULL,
    articles INTEGER NOT NULL,
    indexed REAL NOT NULL
);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    file INTEGER NOT NULL REFERENCES files (id),
    position INTEGER NOT NULL,
    record INTEGER,
    ident TEXT NOT NULL,
    title TEXT NOT NULL,
    source TEXT,
    date TEXT,
    words INTEGER NOT NULL,
    shingles INTEGER NOT NULL,
    digest BLOB NOT NULL,
    signature BLOB NOT NULL,
    samples BLOB NOT NULL
);
CREATE INDEX articles_by_file ON articles (file, position);
CREATE TABLE postings (
    key INTEGER NOT NULL,
    article INTEGER NOT NULL,
    PRIMARY KEY (key, article)
) WITHOUT ROWID;
"""
"""Articles keep their sampled keys in ``samples``; ``postings`` holds them by key for
lookups, filled by :func:`viewer.archive.postings.merge` for every article up to the
``merged`` mark in ``meta``."""


_META = frozenset({"schema", "fingerprint", "created", "postings", "merged"})
"""The keys every index's ``meta`` table holds."""


class ArchiveError(Exception):
    """An index that cannot be used as asked; the message says why, for a person."""


def connect(path: str | Path, *, create: bool) -> sqlite3.Connection:
    """A connection to the index at ``path``, its tables checked (or made, with ``create``).

    Raises:
        ArchiveError: there is no index there (and ``create`` is false), the file is not
            a viewer index, or it was made with another schema version or other
            fingerprint parameters.
    """
    where = Path(path)
    if not create and not where.is_file():
        raise ArchiveError(f"{path}: no index here (make one with `viewer index add`)")
    try:
        db = sqlite3.connect(where, isolation_level=None, timeout=30.0)
    except sqlite3.Error as error:
        raise ArchiveError(f"{path}: cannot open: {error}") from None
    try:
        _prepare(db, path, create)
    except BaseException:
        db.close()
        raise
    return db


def _prepare(db: sqlite3.Connection, path: str | Path, create: bool) -> None:
    try:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
        if not tables and create:
            _create(db)
        elif "meta" not in tables:
            raise ArchiveError(f"{path}: not a viewer index (it has no meta table)")
        _check(db, path)
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA cache_size = -65536")  # 64 MiB: a bulk add touches many pages
        db.execute("PRAGMA journal_size_limit = 67108864")
    except sqlite3.OperationalError as error:  # no such folder, no permission, locked
        raise ArchiveError(f"{path}: cannot open: {error}") from None
    except sqlite3.DatabaseError as error:
        raise ArchiveError(f"{path}: not a viewer index ({error})") from None


def _create(db: sqlite3.Connection) -> None:
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("BEGIN IMMEDIATE")
    if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        db.execute("ROLLBACK")  # another process made it first
        return
    for statement in filter(str.strip, _TABLES.split(";")):
        db.execute(statement)
    meta: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "fingerprint": json.dumps(PARAMETERS, sort_keys=True),
        "created": time.time(),
        "postings": 0,
        "merged": 0,
    }
    db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    db.execute("COMMIT")


def _check(db: sqlite3.Connection, path: str | Path) -> None:
    meta = dict(db.execute("SELECT key, value FROM meta"))
    version = meta.get("schema")
    if not isinstance(version, int):
        raise ArchiveError(f"{path}: not a viewer index (no schema version)")
    if version > SCHEMA_VERSION:
        raise ArchiveError(
            f"{path}: made by a newer viewer (index schema {version}; this viewer reads "
            f"schema {SCHEMA_VERSION}): upgrade viewer, or build a new index"
        )
    if version != SCHEMA_VERSION:
        raise ArchiveError(
            f"{path}: made by an older viewer (index schema {version}; this viewer reads "
            f"schema {SCHEMA_VERSION}): build a new index"
        )
    missing = sorted(_META - set(meta))
    if missing:
        raise ArchiveError(
            f"{path}: not a viewer index (its meta table lacks {', '.join(missing)})"
        )
    made_with = json.loads(str(meta["fingerprint"]))
    if made_with != json.loads(json.dumps(PARAMETERS)):
        raise ArchiveError(
            f"{path}: made with other fingerprint parameters ({_describe(made_with)}; this "
            f"viewer uses {_describe(PARAMETERS)}): build a new index"
        )


def _describe(parameters: dict[str, Any]) -> str:
    return ", ".join(f"{name} {value}" for name, value in sorted(parameters.items()))
