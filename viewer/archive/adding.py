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

Reading, segmenting and fingerprinting a file needs nothing from the index, so it is done
by :func:`prepare` on chunks of files (``CHUNK_FILES`` files or ``CHUNK_BYTES`` bytes), in
this process or, through a :data:`Preparing` the caller gives (``viewer index add
--workers N``: :mod:`viewer.scale.index`), on a Dask cluster's workers, several chunks
ahead; the results come back in order and this process alone writes them, in the same
transactions as before. Deciding which files to read, and writing, stay here: only the
index's one writer touches SQLite.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from viewer.archive import postings
from viewer.archive.access import WriteLock
from viewer.archive.results import Added
from viewer.archive.rows import FileWork, delete_files, fingerprint, write
from viewer.ingest.fields import FieldMap
from viewer.ingest.limits import Limits
from viewer.ingest.reader import read_articles
from viewer.ingest.walk import describe, find_files, read_bytes
from viewer.model import Article, Note, Problem

__all__ = [
    "BATCH_ARTICLES",
    "CHUNK_BYTES",
    "CHUNK_FILES",
    "Pending",
    "Prepared",
    "Preparing",
    "Progress",
    "add_files",
    "prepare",
]

BATCH_ARTICLES = 1000
"""Articles per transaction (a file with more is one transaction of its own), and per
fingerprinting pass."""
_BATCH_FILES = 1000
"""Files per transaction, for runs of files that hold no article or only changed times."""

CHUNK_FILES = 256
"""Files read, segmented and fingerprinted together (one task on a cluster)..."""
CHUNK_BYTES = 16 << 20
"""...or fewer, once they hold this many bytes."""

Progress = Callable[[str, int, int], None]
"""Called with a stage name, the work done and the work there is."""


@dataclass(frozen=True, slots=True)
class Pending:
    """A file to read: what the index held for it when it was looked at."""

    path: str
    """As given (problems name it so)."""
    real: str
    """Its real path: how the index names it."""
    info: os.stat_result
    replaces: int | None
    """The ``files`` row it would replace."""
    digest: bytes | None
    """That row's content digest."""


@dataclass(slots=True)
class Prepared:
    """A file read: its work to write (``None`` when it is refused), and its problems."""

    work: FileWork | None
    problems: list[Problem]


Preparing = Callable[[Iterator[list[Pending]]], Iterator[list[Prepared]]]
"""How chunks of files are prepared: each chunk's results, in the chunks' order
(in this process: :func:`prepare` on each in turn)."""


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
    preparing: Preparing | None = None,
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
        preparing: how chunks of files are read and fingerprinted (in this process
            when ``None``); whichever, the index comes out the same.
    """
    started = time.monotonic()
    postings.merge(lock, progress)
    run = _Run(lock, fields, limits, frozenset(skip))
    files = _walk(paths, run)
    prepare_all = preparing or (lambda chunks: (prepare(c, fields, limits) for c in chunks))
    done = 0
    for prepared in prepare_all(_chunks(run, files)):
        for one in prepared:
            run.problems.extend(one.problems)
            if one.work is None:
                run.counts["refused"] += 1
            else:
                run.works.append(one.work)
                run.queued += one.work.articles
            if run.queued >= BATCH_ARTICLES or len(run.works) >= _BATCH_FILES:
                _flush(run)
        done += len(prepared)
        if progress is not None:
            progress("indexing", min(done + run.counts["unchanged"], len(files)), len(files))
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


def _chunks(run: _Run, files: Sequence[str]) -> Iterator[list[Pending]]:
    """The files to read, in order and in chunks; those the index holds as they are
    are counted unchanged, and reading stops at ``max_files``."""
    chunk: list[Pending] = []
    size = 0
    for path in files:
        if run.read == run.limits.max_files and not _recorded_as_is(run, path):
            run.problems.append(Problem(path, run.limits.too_many_files()))
            break
        pending = _examine(run, path)
        if pending is None:
            continue
        chunk.append(pending)
        size += pending.info.st_size
        if len(chunk) >= CHUNK_FILES or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


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


def _examine(run: _Run, path: str) -> Pending | None:
    """What ``path`` needs: nothing (named before, unchanged, or it cannot be looked
    at), or to be read."""
    real = os.path.realpath(path)
    if real in run.seen:  # named twice, or through a link
        return None
    run.seen.add(real)
    try:
        info = os.stat(path)
    except OSError as error:
        run.problems.append(Problem(path, describe(error)))
        run.counts["refused"] += 1
        return None
    row = run.db.execute(
        "SELECT id, size, mtime_ns, digest FROM files WHERE path = ?", (real,)
    ).fetchone()
    if row is not None and (row[1], row[2]) == (info.st_size, info.st_mtime_ns):
        run.counts["unchanged"] += 1
        return None
    run.read += 1
    if row is None:
        return Pending(path, real, info, None, None)
    return Pending(path, real, info, int(row[0]), bytes(row[3]))


def prepare(pending: Sequence[Pending], fields: FieldMap, limits: Limits) -> list[Prepared]:
    """Read, segment and fingerprint a chunk of files: what each comes to, in order.

    Needs nothing but the files, so it runs wherever they can be read. A file whose
    content is what the index holds comes back as a change of its recorded time only.
    """
    found: list[Prepared] = []
    loaded: list[FileWork] = []
    waiting = 0
    for one in pending:
        data = read_bytes(one.path, limits)
        if isinstance(data, Problem):
            found.append(Prepared(None, [data]))
            continue
        digest = hashlib.blake2b(data, digest_size=16).digest()
        work = FileWork(one.real, one.info, digest, one.replaces)
        if one.digest == digest:
            work.touch_only = True
            found.append(Prepared(work, []))
            continue
        problems: list[Problem] = []
        for article in _articles(one.path, data, fields, limits, problems):
            work.loaded.append(article)
            waiting += 1
            if waiting >= BATCH_ARTICLES:
                fingerprint([*loaded, work])
                waiting = 0
        loaded.append(work)
        refused = not work.articles and one.replaces is None
        found.append(Prepared(None if refused else work, problems))
    fingerprint(loaded)
    return found


def _articles(
    path: str, data: bytes, fields: FieldMap, limits: Limits, problems: list[Problem]
) -> Iterator[Article]:
    """One file's articles, up to ``max_articles``; its problems go to ``problems``."""
    kept = 0
    for found in read_articles(path, data, fields, limits):
        if isinstance(found, Note):  # what a web archive passed over on purpose
            continue
        if isinstance(found, Problem):
            problems.append(found)
        elif kept == limits.max_articles:
            problems.append(Problem(path, limits.too_many_articles(), found.record))
            break
        else:
            kept += 1
            yield found


def _flush(run: _Run) -> None:
    """Write the queued work in one transaction, counting what each file came to."""
    works, run.works, run.queued = run.works, [], 0
    if not works:
        return
    fingerprint(works)
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
