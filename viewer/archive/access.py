"""How a process gets at an index file: to read it without changing it, or to write it
while holding SQLite's write lock.

**Reading** (``stats``, ``trace --index``, ``check``) opens the file read-only
(``mode=ro``), so a reading command can never change an index, and works on an index it
may not write. An index in WAL mode needs its ``-wal`` and ``-shm`` files to be read
safely while a writer works on it; a read-only connection creates them when they are
missing, and cannot delete them when it closes. So:

- when the reader may not write the index file, or may not create files in its folder
  (someone else's index, a read-only disk) and there is no ``-wal`` file (no writer has
  the index open, and the last one checkpointed everything into the file), it is read
  as ``immutable``: no lock, no ``-wal``/``-shm``. Files it left beside someone else's
  index would belong to the reader, and the owner's next ``add`` could not write them.
  Such a read takes no lock: if the owner starts writing meanwhile, what looks like
  damage may be pages moving, and is reported as such (:func:`changed_while_read`);
- otherwise it is read with ``mode=ro``, and if the reader created the ``-wal`` and
  ``-shm`` files, a connection that may write is opened and closed after it: SQLite
  deletes them when its last connection closes, unless another process is using them.

**Writing** takes SQLite's write lock with ``BEGIN IMMEDIATE``, so a check of what the
index holds and the write that follows from it are one transaction. Another viewer's
``add`` may hold the lock for a while (a merge of millions of postings is one
transaction), so a writer waits: quietly for :data:`QUIET_WAIT` seconds, then saying so,
for up to :data:`LOCK_WAIT` seconds in all.
"""

from __future__ import annotations

import os
import sqlite3
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "LOCK_WAIT",
    "QUIET_WAIT",
    "ArchiveError",
    "LockTimeout",
    "Notify",
    "ReadOnly",
    "WriteLock",
    "changed_while_read",
    "close_reader",
    "may_write_beside",
    "open_read_only",
    "read_only_uri",
]

QUIET_WAIT = 2.0
"""Seconds a writer waits for the lock before saying it is waiting."""
LOCK_WAIT = 600.0
"""Seconds a writer waits for the lock in all before giving up."""
_SIDE_FILES = ("-wal", "-shm")

Notify = Callable[[str], None]
"""Told one line for a person, e.g. that a writer is waiting for the lock."""


class ArchiveError(Exception):
    """An index that cannot be used as asked; the message says why, for a person."""


class LockTimeout(ArchiveError):
    """The write lock stayed with another connection for :data:`LOCK_WAIT` seconds."""

    def __init__(self, path: str) -> None:
        minutes = round(LOCK_WAIT / 60)
        super().__init__(
            f"{path}: still locked by another viewer after {minutes} minutes: try again "
            "when it has finished"
        )


@dataclass(frozen=True, slots=True)
class ReadOnly:
    """How an index is opened for reading."""

    uri: str
    """The ``file:`` URI given to SQLite."""
    immutable: bool
    """Read as a file nobody changes: no lock, no ``-wal``/``-shm``."""
    tidy: bool
    """The reader will create the ``-wal`` and ``-shm`` files, and should remove them."""


def read_only_uri(path: str | Path) -> ReadOnly:
    """How to open ``path`` read-only, from what is beside it and what this process may
    write (see the module's rules)."""
    where = os.path.abspath(path)
    wal = os.path.exists(where + "-wal")
    immutable = not wal and not may_write_beside(where)
    query = "mode=ro&immutable=1" if immutable else "mode=ro"
    uri = f"file:{urllib.parse.quote(where)}?{query}"
    side = any(os.path.exists(where + end) for end in _SIDE_FILES)
    return ReadOnly(uri, immutable, tidy=not immutable and not side)


def may_write_beside(path: str | Path) -> bool:
    """Whether this process may write the index file ``path`` and make files beside it
    (its ``-wal`` and ``-shm``)."""
    where = os.path.abspath(path)
    folder = os.path.dirname(where)
    return os.access(where, os.W_OK) and os.access(folder, os.W_OK | os.X_OK)


def changed_while_read(path: str | Path) -> bool:
    """Whether a read of ``path`` that found damage may instead have met a writer: the
    index was read as immutable (this process may not write beside it), and a writer has
    opened it since (its ``-wal`` file is there now)."""
    return os.path.exists(f"{os.path.abspath(path)}-wal") and not may_write_beside(path)


def open_read_only(path: str | Path) -> tuple[sqlite3.Connection, ReadOnly]:
    """A read-only connection to ``path`` and how it was opened (for :func:`close_reader`)."""
    how = read_only_uri(path)
    db = sqlite3.connect(how.uri, uri=True, isolation_level=None, timeout=LOCK_WAIT)
    return db, how


def close_reader(db: sqlite3.Connection, path: str | Path, how: ReadOnly) -> None:
    """Close a connection from :func:`open_read_only`, leaving no ``-wal``/``-shm`` files
    that it made (SQLite removes them as the last connection closes; when another
    process has the index open they are its files, and stay)."""
    db.close()
    if not how.tidy or not os.path.exists(f"{path}-shm"):
        return
    try:
        writer = sqlite3.connect(path, isolation_level=None, timeout=QUIET_WAIT)
        try:
            writer.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            writer.close()
    except sqlite3.Error:  # locked or gone meanwhile: the files are another process's
        pass


@dataclass(slots=True)
class WriteLock:
    """Write transactions on one connection, waiting for another viewer's lock."""

    db: sqlite3.Connection
    path: str
    """The index file, to name it when waiting."""
    notify: Notify | None = None
    """Told the first time a transaction has waited :data:`QUIET_WAIT` seconds (two
    ``add`` runs may take turns many times; once is enough to say why it is slow)."""
    told: bool = field(default=False, init=False)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: committed when the block ends, rolled back if it raises.

        Raises:
            LockTimeout: another connection kept the lock for :data:`LOCK_WAIT` seconds.
        """
        self.begin()
        try:
            yield self.db
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:  # SQLite ends some failed transactions itself
                self.db.execute("ROLLBACK")
            raise

    def begin(self) -> None:
        """``BEGIN IMMEDIATE``, waiting for the lock (see :meth:`transaction`)."""
        db = self.db
        started = time.monotonic()
        _busy_timeout(db, QUIET_WAIT)
        try:
            db.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as error:
            if not _locked(error):
                raise
        finally:
            _busy_timeout(db, LOCK_WAIT)
        if self.notify is not None and not self.told:
            self.told = True
            self.notify(f"{self.path}: waiting for the index lock held by another viewer")
        _busy_timeout(db, max(LOCK_WAIT - (time.monotonic() - started), 1.0))
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            if _locked(error):
                raise LockTimeout(self.path) from None
            raise
        finally:
            _busy_timeout(db, LOCK_WAIT)


def _busy_timeout(db: sqlite3.Connection, seconds: float) -> None:
    db.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")


def _locked(error: sqlite3.OperationalError) -> bool:
    """Whether ``error`` is SQLite's busy or locked error."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(error)
