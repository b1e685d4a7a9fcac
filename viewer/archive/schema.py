"""The archive index's tables, and opening a database file as one.

One SQLite file in WAL mode (readers never wait for the writer, and a killed writer
loses only its uncommitted transaction). What is in each table is described in
``docs/archive.md``; :data:`SCHEMA_VERSION` changes whenever those tables do, and the
``meta`` table records it together with the fingerprint parameters (the scheme and its
version, and the hashing of :mod:`viewer.prepare.minhash` and its version, among them),
so an index is never read with code or parameters it was not made with. An index opened
for writing is checked for damaged pages first (:func:`viewer.archive.health.quick_check`):
a damaged index is never written to.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from viewer.archive.access import (
    LOCK_WAIT,
    ArchiveError,
    Notify,
    ReadOnly,
    WriteLock,
    close_reader,
    open_read_only,
)
from viewer.archive.health import DamagedIndex, meta_damage, quick_check
from viewer.archive.prints import PARAMETERS

__all__ = [
    "SCHEMA_VERSION",
    "ArchiveError",
    "Opened",
    "check_meta",
    "check_parameters",
    "check_version",
    "connect",
]

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


_UNRECORDED: dict[str, Any] = {"hash": "poly32-splitmix64", "hash_version": 1}
"""What indexes made before the hashing was named in their parameters were hashed with
(the ids and signatures of :mod:`viewer.prepare.minhash` version 1): such an index reads
as one that records them, and is refused once the hashing changes."""

_META = frozenset({"schema", "fingerprint", "created", "postings", "merged"})
"""The keys every index's ``meta`` table holds."""


@dataclass(frozen=True, slots=True)
class Opened:
    """An open index: its connection, and how it was opened."""

    db: sqlite3.Connection
    path: str
    lock: WriteLock | None
    """Write transactions; ``None`` when opened read-only."""
    reader: ReadOnly | None
    """How it was opened read-only; ``None`` when opened for writing."""

    def close(self) -> None:
        """Close the connection (a reader's ``-wal``/``-shm`` files go with it)."""
        if self.reader is None:
            self.db.close()
        else:
            close_reader(self.db, self.path, self.reader)


def connect(
    path: str | Path,
    *,
    create: bool,
    read_only: bool = False,
    notify: Notify | None = None,
    verify: bool = True,
    check_pages: bool | None = None,
) -> Opened:
    """The index at ``path``, its tables checked (or made, with ``create``).

    Args:
        path: the index file.
        create: make an empty index when there is none.
        read_only: open it so that nothing can be written (``create`` must be false).
        notify: told when a write waits for another viewer's lock.
        verify: refuse an index whose ``meta`` rows say this viewer cannot read it
            (``index check`` reports those itself).
        check_pages: refuse an index with damaged pages (SQLite's ``quick_check``,
            which reads every page); by default when opening for writing.

    Raises:
        ArchiveError: there is no index there (and ``create`` is false), the file is not
            a viewer index, it was made with another schema version or other fingerprint
            parameters, or (:class:`~viewer.archive.health.DamagedIndex`) it is damaged.
    """
    where = Path(path)
    if not create and not where.is_file():
        raise ArchiveError(f"{path}: no index here (make one with `viewer index add`)")
    try:
        if read_only:
            db, reader = open_read_only(where)
        else:
            db, reader = sqlite3.connect(where, isolation_level=None, timeout=LOCK_WAIT), None
    except sqlite3.Error as error:
        raise ArchiveError(f"{path}: cannot open: {error}") from None
    opened = Opened(db, str(path), None if read_only else WriteLock(db, str(path), notify), reader)
    try:
        _prepare(opened, create, verify, not read_only if check_pages is None else check_pages)
    except BaseException:
        opened.close()
        raise
    return opened


def _prepare(opened: Opened, create: bool, verify: bool, check_pages: bool) -> None:
    db, path = opened.db, opened.path
    tables: set[str] = set()
    try:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
        if not tables and create and opened.lock is not None:
            _create(opened.lock)
        elif "meta" not in tables:
            raise ArchiveError(f"{path}: not a viewer index (it has no meta table)")
        if verify:
            check_meta(dict(db.execute("SELECT key, value FROM meta")), path)
        if check_pages:
            quick_check(db, path)
        if opened.lock is None:
            return
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA cache_size = -65536")  # 64 MiB: a bulk add touches many pages
        db.execute("PRAGMA journal_size_limit = 67108864")
    except sqlite3.OperationalError as error:  # no such folder, no permission, locked
        raise ArchiveError(f"{path}: cannot open: {error}") from None
    except sqlite3.DatabaseError as error:
        if tables:  # an index whose pages are damaged, not some other file
            raise DamagedIndex(path, str(error)) from None
        raise ArchiveError(f"{path}: not a viewer index ({error})") from None


def _create(lock: WriteLock) -> None:
    db = lock.db
    db.execute("PRAGMA journal_mode = WAL")
    with lock.transaction():
        if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            return  # another process made it first
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


def check_meta(meta: dict[str, Any], path: str | Path) -> None:
    """Refuse an index whose ``meta`` rows say it cannot be read by this viewer.

    Raises:
        ArchiveError: another schema version, a key missing, other fingerprint
            parameters; :class:`~viewer.archive.health.DamagedIndex` for a row that
            does not parse.
    """
    check_version(meta, path)
    damage = meta_damage(meta)
    if damage:
        raise DamagedIndex(path, damage[0])
    check_parameters(json.loads(meta["fingerprint"]), path)


def check_version(meta: dict[str, Any], path: str | Path) -> None:
    """Refuse an index of another schema version, or without the keys every index has."""
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


def check_parameters(made_with: dict[str, Any], path: str | Path) -> None:
    """Refuse an index made with other fingerprint parameters (another scheme, another
    version of it, other sizes, another hashing or version of it): its keys would not
    match this viewer's."""
    if "hash" not in made_with and "hash_version" not in made_with:
        made_with = {**made_with, **_UNRECORDED}
    if made_with == json.loads(json.dumps(PARAMETERS)):
        return
    names = sorted(set(made_with) | set(PARAMETERS))
    differ = [name for name in names if made_with.get(name) != PARAMETERS.get(name)]
    raise ArchiveError(
        f"{path}: made with other fingerprint parameters ({_describe(made_with, differ)}; "
        f"this viewer uses {_describe(PARAMETERS, differ)}): build a new index"
    )


def _describe(parameters: dict[str, Any], names: list[str]) -> str:
    return ", ".join(f"{name} {parameters.get(name, 'none')}" for name in names)
