"""Adding files to the archive index, in batches that survive being killed.

Each file is one unit of work: its ``files`` row, its articles and the deletion of what
it replaces are written in the same transaction, and transactions are committed about
every :data:`BATCH_ARTICLES` articles, so an index holds a file wholly or not at all. A
file already recorded with the same size and modification time is skipped without being
read, which is also how a run that was stopped resumes. The rules are in
``docs/archive.md``.

Another ``add`` may index the same files at the same time. What a file needs is decided
from what the index held when it was looked at, but each write checks again, inside its
transaction, what the index holds now (:func:`_apply`): a file the other ``add`` indexed
meanwhile with the same content is left as it is, so each file is held once.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from viewer.archive import postings
from viewer.archive.access import WriteLock
from viewer.archive.results import Added
from viewer.archive.rows import FileWork, delete_files, fingerprint, write
from viewer.ingest.fields import FieldMap
from viewer.ingest.limits import Limits
from viewer.ingest.reader import read_articles
from viewer.ingest.walk import describe, find_files, read_bytes
from viewer.model import Note, Problem

__all__ = ["BATCH_ARTICLES", "Progress", "add_files"]

BATCH_ARTICLES = 1000
"""Articles per transaction (a file with more is one transaction of its own), and per
fingerprinting pass."""
_BATCH_FILES = 1000
"""Files per transaction, for runs of files that hold no article or only changed times."""

Progress = Callable[[str, int, int], None]
"""Called with a stage name, the work done and the work there is."""


@dataclass(slots=True)
class _Run:
    """What one ``add`` has seen so far, and the work not yet written."""

    lock: WriteLock
    fields: FieldMap
    limits: Limits
    skip: frozenset[str]
    problems: list[Problem] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    seen: set[str] = field(default_factory=set)
    works: list[FileWork] = field(default_factory=list)
    queued: int = 0
    """Articles in ``works``."""
    loaded: int = 0
    """Of those, articles not yet fingerprinted."""
    read: int = 0
    """Files read (for ``max_files``)."""

    @property
    def db(self) -> sqlite3.Connection:
        """The index's connection."""
        return self.lock.db


def add_files(
    lock: WriteLock,
    paths: Iterable[str],
    *,
    fields: FieldMap,
    limits: Limits,
    skip: Iterable[str] = (),
    progress: Progress | None = None,
) -> Added:
    """Index the files ``paths`` name (folders recursively); see the module's rules.

    Args:
        lock: write transactions on an open index.
        paths: files and folders.
        fields: where JSON records keep their fields.
        limits: bounds per file and per article; ``max_files`` counts the files read by
            this run, ``max_articles`` the articles kept from one file.
        skip: real paths never to index (the index's own files).
        progress: told ``("indexing", files done, files)`` as the run goes, then
            ``("merging", postings done, postings)``.
    """
    started = time.monotonic()
    postings.merge(lock, progress)
    run = _Run(lock, fields, limits, frozenset(skip))
    files = _walk(paths, run)
    for done, path in enumerate(files):
        if progress is not None:
            progress("indexing", done, len(files))
        if run.read == limits.max_files and not _recorded_as_is(run, path):
            run.problems.append(Problem(path, limits.too_many_files()))
            break
        _examine(run, path)
        if run.queued >= BATCH_ARTICLES or len(run.works) >= _BATCH_FILES:
            _flush(run)
    _flush(run)
    if progress is not None:
        progress("indexing", len(files), len(files))
    postings.merge(lock, progress)
    with lock.transaction() as db:
        db.execute("INSERT OR REPLACE INTO meta VALUES ('last_added', ?)", (time.time(),))
    counts = run.counts
    return Added(
        added=counts["added"],
        unchanged=counts["unchanged"],
        reindexed=counts["reindexed"],
        refused=counts["refused"],
        articles=counts["articles"],
        problems=tuple(run.problems),
        seconds=time.monotonic() - started,
    )


def _walk(paths: Iterable[str], run: _Run) -> list[str]:
    """The files to look at, in order; problems for what cannot be walked."""
    files: list[str] = []
    for given in paths:
        for found in find_files(given):
            if isinstance(found, Problem):
                run.problems.append(found)
                run.counts["refused"] += 1
            elif os.path.realpath(found) not in run.skip:
                files.append(found)
    return files


def _recorded_as_is(run: _Run, path: str) -> bool:
    """Whether ``path`` is indexed with its current size and time (no need to read it)."""
    try:
        info = os.stat(path)
    except OSError:
        return False
    row = run.db.execute(
        "SELECT size, mtime_ns FROM files WHERE path = ?", (os.path.realpath(path),)
    ).fetchone()
    return row is not None and tuple(row) == (info.st_size, info.st_mtime_ns)


def _examine(run: _Run, path: str) -> None:
    """Decide what ``path`` needs, and queue that work."""
    real = os.path.realpath(path)
    if real in run.seen:  # named twice, or through a link
        return
    run.seen.add(real)
    try:
        info = os.stat(path)
    except OSError as error:
        run.problems.append(Problem(path, describe(error)))
        run.counts["refused"] += 1
        return
    row = run.db.execute(
        "SELECT id, size, mtime_ns, digest FROM files WHERE path = ?", (real,)
    ).fetchone()
    if row is not None and (row[1], row[2]) == (info.st_size, info.st_mtime_ns):
        run.counts["unchanged"] += 1
        return
    run.read += 1
    data = read_bytes(path, run.limits)
    if isinstance(data, Problem):
        run.problems.append(data)
        run.counts["refused"] += 1
        return
    digest = hashlib.blake2b(data, digest_size=16).digest()
    work = FileWork(real, info, digest, None if row is None else int(row[0]))
    run.works.append(work)
    if row is not None and bytes(row[3]) == digest:
        work.touch_only = True
        return
    _load(run, work, path, data)
    if not work.articles and row is None:
        run.works.pop()
        run.counts["refused"] += 1


def _load(run: _Run, work: FileWork, path: str, data: bytes) -> None:
    """Load one file's articles into ``work``, fingerprinting a batch whenever one is
    ready; the file's problems are noted on the run."""
    for found in read_articles(path, data, run.fields, run.limits):
        if isinstance(found, Note):  # what a web archive passed over on purpose
            continue
        if isinstance(found, Problem):
            run.problems.append(found)
        elif work.articles == run.limits.max_articles:
            run.problems.append(Problem(path, run.limits.too_many_articles(), found.record))
            break
        else:
            work.loaded.append(found)
            run.queued += 1
            run.loaded += 1
            if run.loaded >= BATCH_ARTICLES:
                fingerprint(run.works)
                run.loaded = 0


def _flush(run: _Run) -> None:
    """Write the queued work in one transaction, counting what each file came to."""
    works, run.works, run.queued = run.works, [], 0
    if not works:
        return
    fingerprint(works)
    run.loaded = 0
    with run.lock.transaction() as db:
        # Ids only grow past the merge mark, so every article above it is unmerged.
        top = int(db.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0])
        next_id = max(top, postings.merged_up_to(db)) + 1
        keys = 0
        outcomes: Counter[str] = Counter()
        for work in works:
            outcome, written = _apply(db, work, run.fields, next_id)
            keys += written
            outcomes[outcome] += 1
            if outcome in ("added", "reindexed"):
                next_id += len(work.stored)
                outcomes["articles"] += len(work.stored)
        db.execute("UPDATE meta SET value = value + ? WHERE key = 'postings'", (keys,))
    run.counts.update(outcomes)  # once committed: a rolled-back batch counts nothing


def _apply(
    db: sqlite3.Connection, work: FileWork, fields: FieldMap, first_id: int
) -> tuple[str, int]:
    """Write one file's work (inside the caller's transaction) against what the index
    holds now; returns what the file came to and the change in stored postings.

    The index may have changed since the file was looked at: another ``add`` may have
    indexed it (the same content: nothing to write but its time), re-indexed it, or a
    ``remove`` taken it out.
    """
    current = db.execute("SELECT id, digest FROM files WHERE path = ?", (work.path,)).fetchone()
    same = current is not None and bytes(current[1]) == work.digest
    if same and (work.touch_only or current[0] != work.replaces):
        db.execute(
            "UPDATE files SET size = ?, mtime_ns = ? WHERE id = ?",
            (work.info.st_size, work.info.st_mtime_ns, current[0]),
        )
        return "unchanged", 0
    if work.touch_only:  # its row went or changed meanwhile; there is nothing loaded to write
        return "unchanged", 0
    keys = 0
    if current is not None:
        keys -= delete_files(db, [current[0]])[1]
    if work.stored:
        keys += write(db, work, fields, first_id)
    return "refused" if not work.stored else "added" if current is None else "reindexed", keys
