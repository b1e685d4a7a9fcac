"""The archive index as one object: open a file, add to it, look articles up in it."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType

from viewer.archive import adding, postings, rows
from viewer.archive.access import ArchiveError, Notify, WriteLock
from viewer.archive.lookup import CAP, LIMIT, lookup
from viewer.archive.prints import Prints, prints
from viewer.archive.results import Added, IndexSource, Lookup, Removed, Stats
from viewer.archive.schema import SCHEMA_VERSION, Opened, connect
from viewer.archive.sources import Reloaded, reload_sources
from viewer.ingest.fields import FieldMap
from viewer.ingest.limits import Limits
from viewer.model import Article

__all__ = ["Archive"]


class Archive:
    """An archive index: fingerprints of many articles in one SQLite file, to find
    where an article's text came from without loading the archive.

    Use as a context manager, or call :meth:`close`::

        with Archive.open("index.db", create=True) as archive:
            archive.add(["feeds/"])
            print(archive.find(article).sources)
    """

    def __init__(self, opened: Opened) -> None:
        self._opened = opened
        self._db: sqlite3.Connection = opened.db
        self.path = Path(opened.path)
        """The database file."""

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = False,
        read_only: bool = False,
        notify: Notify | None = None,
        check_pages: bool | None = None,
    ) -> Archive:
        """The index at ``path``; with ``create``, a new empty one if there is none.

        Args:
            path: the index file.
            create: make an empty index when there is none.
            read_only: open it so that nothing can be written, even an index this
                process may not write (``stats``, lookups and reading back work; ``add``
                and ``remove`` are refused), and leave no ``-wal``/``-shm`` files beside
                it.
            notify: told one line when a write waits for another viewer's lock.
            check_pages: refuse an index with damaged pages (SQLite's ``quick_check``
                reads every page: about a second per 150 MB); by default when opening
                for writing, so that a damaged index is never written to.

        Raises:
            viewer.archive.ArchiveError: no index there, not an index, an index made
                with another schema version or other fingerprint parameters, or one
                that is damaged (:class:`~viewer.archive.health.DamagedIndex`).
        """
        return cls(
            connect(
                path,
                create=create and not read_only,
                read_only=read_only,
                notify=notify,
                check_pages=check_pages,
            )
        )

    def close(self) -> None:
        """Close the database (everything added is already committed)."""
        self._opened.close()

    def _lock(self) -> WriteLock:
        if self._opened.lock is None:
            raise ArchiveError(f"{self.path}: opened read-only")
        return self._opened.lock

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def add(
        self,
        paths: Iterable[str | Path],
        *,
        fields: FieldMap | None = None,
        limits: Limits | None = None,
        progress: adding.Progress | None = None,
        preparing: adding.Preparing | None = None,
    ) -> Added:
        """Index the files ``paths`` name (folders recursively): new files are added,
        files indexed as they are skipped unread, changed files re-indexed.

        Args:
            paths: files and folders.
            fields: where JSON records keep their fields (recorded per file, so a
                source is read back the same way).
            limits: bounds per file and article; ``max_files`` counts the files this
                call reads, ``max_articles`` the articles kept from one file.
            progress: told ``(stage, done, total)`` as the work goes.
            preparing: where files are read and fingerprinted (this process when
                ``None``; a Dask cluster: :func:`viewer.scale.index.preparing_on`).
        """
        own = os.path.realpath(self.path)
        return adding.add_files(
            self._lock(),
            [os.fspath(p) for p in paths],
            fields=fields or FieldMap(),
            limits=limits or Limits(),
            skip={own, *(own + end for end in ("-wal", "-shm", "-journal"))},
            progress=progress,
            preparing=preparing,
        )

    def remove(self, paths: Iterable[str | Path]) -> Removed:
        """Remove the indexed files ``paths`` name (a folder: every file under it), with
        their articles and postings, a file at a time."""
        lock = self._lock()
        unknown: list[str] = []
        found: dict[int, int] = {}
        for given in paths:
            matched = self._files_under(os.path.realpath(given))
            if not matched:
                unknown.append(os.fspath(given))
            found.update(matched)
        files = articles = keys = 0
        for batch in _batches(found):
            gone = _delete(lock, batch)
            files, articles, keys = files + len(batch), articles + gone[0], keys + gone[1]
        return Removed(files, articles, keys, tuple(unknown))

    def _files_under(self, real: str) -> dict[int, int]:
        """``files`` rows (id → articles) for the file ``real``, or every file under it."""
        prefix = real if real.endswith(os.sep) else real + os.sep
        after = prefix[:-1] + chr(ord(os.sep) + 1)
        found = self._db.execute(
            "SELECT id, articles FROM files WHERE path = ? OR (path >= ? AND path < ?)",
            (real, prefix, after),
        )
        return dict(found)

    def stats(self) -> Stats:
        """How many articles, files and postings the index holds, and how it was made."""
        db = self._db
        meta = dict(db.execute("SELECT key, value FROM meta"))
        size = sum(
            os.path.getsize(name)
            for name in (self.path, Path(f"{self.path}-wal"))
            if os.path.exists(name)
        )
        last = meta.get("last_added")
        return Stats(
            path=os.fspath(self.path),
            articles=db.execute("SELECT count(*) FROM articles").fetchone()[0],
            files=db.execute("SELECT count(*) FROM files").fetchone()[0],
            postings=int(meta["postings"]),
            pending=postings.unmerged_count(db),
            size=size,
            schema=SCHEMA_VERSION,
            parameters=json.loads(meta["fingerprint"]),
            created=float(meta["created"]),
            last_added=None if last is None else float(last),
        )

    def lookup(
        self,
        found: Prints,
        i: int = 0,
        *,
        own: tuple[str, bytes] | None = None,
        cap: int = CAP,
        limit: int = LIMIT,
    ) -> Lookup:
        """The archive articles holding the text of article ``i`` of ``found``.

        Args:
            found: fingerprints, e.g. ``prints([text])``.
            i: which of them.
            own: the article's real path and text digest, to leave the article itself
                out when it is in the index (the same text in another file stays in).
            cap: keys held by more articles than this are skipped.
            limit: sources returned at most, the most hits first.
        """
        return lookup(
            self._db, found.samples_of(i), found.signatures[i], own=own, cap=cap, limit=limit
        )

    def find(self, article: Article, *, limit: int = LIMIT) -> Lookup:
        """The archive articles holding ``article``'s text (not counting itself)."""
        own = (os.path.realpath(article.path), rows.text_digest(article.text))
        return self.lookup(prints([article.text]), own=own, limit=limit)

    def reload(
        self, sources: Sequence[IndexSource], limits: Limits | None = None
    ) -> list[Reloaded]:
        """The sources' articles read back from their files (or why they cannot be)."""
        paths = sorted({s.path for s in sources})
        marks = ", ".join("?" * len(paths))
        fields = dict(
            self._db.execute(f"SELECT path, fields FROM files WHERE path IN ({marks})", paths)
        )
        return reload_sources(sources, fields, limits)


def _delete(lock: WriteLock, file_ids: Sequence[int]) -> tuple[int, int]:
    """Delete files (their articles and postings) in one transaction; returns how many
    articles and postings went."""
    with lock.transaction() as db:
        gone = rows.delete_files(db, file_ids)
        db.execute("UPDATE meta SET value = value - ? WHERE key = 'postings'", (gone[1],))
    return gone


def _batches(articles: dict[int, int]) -> Iterator[list[int]]:
    """File ids in groups of about ``BATCH_ARTICLES`` articles, one transaction each."""
    batch: list[int] = []
    count = 0
    for file_id, held in articles.items():
        batch.append(file_id)
        count += held
        if count >= adding.BATCH_ARTICLES:
            yield batch
            batch, count = [], 0
    if batch:
        yield batch
