"""``viewer index add|stats|check|remove --db FILE`` and ``viewer trace ARTICLE --index FILE``.

The archive index (:mod:`viewer.archive`) keeps fingerprints of many articles in one
SQLite file. ``index add`` indexes files and folders (a file already indexed as it is
costs one ``stat``), ``index stats`` says what the index holds, ``index check`` whether
it is whole, ``index remove`` takes files out. The reading commands (``stats``,
``check``, ``trace --index``) open the index read-only; a damaged index is refused with
one line saying how to rebuild it. ``trace --index`` finds the archive articles an
article was copied from, with the share of it each holds, then reads the first few back
from their files and shows the article's sentence-level provenance against them, as
``trace --against`` does.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any

from viewer.cli import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    _skipped,
    _write,
    problem_line,
    say,
)
from viewer.cli.audit_scale import add_scale_options, cluster_client, cluster_wanted
from viewer.cli.options import add_field_map, limit_options, limits_from
from viewer.ingest.fields import FieldMap
from viewer.report.controls import one_line, visible_name

if TYPE_CHECKING:
    from viewer.archive import Archive, Stats

__all__ = [
    "add_index_commands",
    "index_errors",
    "run_index",
]


def add_index_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``index`` command and its ``add``, ``stats``, ``check`` and ``remove``
    sub-commands."""
    index = commands.add_parser(
        "index",
        help="build and maintain an archive index, for `viewer trace --index`",
        description="Keep fingerprints of an archive of articles in one SQLite file, so "
        "that `viewer trace ARTICLE --index FILE` finds where an article came from without "
        "loading the archive.",
    )
    actions = index.add_subparsers(dest="index_command", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add",
        parents=[common, limit_options()],
        help="index files and folders (files already indexed as they are are skipped)",
        description="Index the articles in PATHS. A file indexed before is skipped when its "
        "size and time are unchanged, re-indexed when its content changed. Work is "
        "committed as it goes, so a stopped run resumes where it stopped. --max-files "
        "counts the files this run reads; --max-articles the articles kept from one file.",
    )
    add.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to index")
    add_field_map(add)
    add_scale_options(
        add,
        "on a Dask cluster (files are read and fingerprinted on the workers, which must be "
        "able to read them by the names given; this process alone writes the index)",
        "the reading",
    )
    stats = actions.add_parser(
        "stats",
        parents=[common],
        help="what the index holds",
        description="What the index holds: articles, files, postings, size, how it was "
        "made, when it was last added to.",
    )
    stats.add_argument("--format", choices=("text", "json"), default="text", help="text or json")
    check = actions.add_parser(
        "check",
        parents=[common],
        help="check that the index is whole (exit 1 if it is damaged)",
        description="Read the whole index without writing to it: SQLite's integrity check, "
        "then the index's own rules (its records parse, its counts agree with its rows). "
        "Prints one line per problem; exits 1 when there is any.",
    )
    remove = actions.add_parser(
        "remove",
        parents=[common],
        help="take files or folders out of the index",
        description="Remove the indexed files PATHS name (a folder: every file under it), "
        "with their articles and postings.",
    )
    remove.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to remove")
    for parser in (add, stats, check, remove):
        parser.add_argument("--db", required=True, metavar="FILE", help="the index file")


def _open(
    path: str, *, create: bool = False, read_only: bool = False, check_pages: bool | None = None
) -> Archive:
    from viewer.archive import Archive

    with index_errors(path):
        return Archive.open(
            path,
            create=create,
            read_only=read_only,
            notify=lambda line: say(one_line(line)),
            check_pages=check_pages,
        )


@contextmanager
def index_errors(path: str) -> Iterator[None]:
    """Turn what goes wrong with the index ``path`` into one line for the user: a
    refusal (no index, damaged, locked too long), SQLite's own complaint (disk full, no
    permission), or, for pages or rows that do not read, the damaged-index refusal."""
    from viewer.archive import ArchiveError, DamagedIndex
    from viewer.archive.access import changed_while_read

    try:
        yield
    except ArchiveError as error:
        raise UsageError(str(error)) from None
    except sqlite3.OperationalError as error:  # disk full, no permission…
        raise UsageError(f"{visible_name(path)}: {error}") from None
    except sqlite3.DatabaseError as error:
        if type(error) is not sqlite3.DatabaseError:  # a constraint: a bug, not damage
            raise
        if changed_while_read(path):
            raise UsageError(
                f"{path}: changed while it was read (another viewer is writing to it): "
                "run the command again"
            ) from None
        raise UsageError(str(DamagedIndex(path, str(error)))) from None


def run_index(args: argparse.Namespace) -> int:
    """``viewer index ACTION``: add to, describe, check or remove from the index ``--db``."""
    with index_errors(args.db):
        return _run_index(args)


def _run_index(args: argparse.Namespace) -> int:
    if args.index_command == "add":
        return _run_add(args)
    if args.index_command == "check":
        return _run_check(args)
    if args.index_command == "stats":
        # Every page is read, so that what an index holds is never shown for a damaged
        # one; a trace, which should take milliseconds, checks only what it reads.
        with _open(args.db, read_only=True, check_pages=True) as archive:
            stats = archive.stats()
        text = _stats_json(stats) if args.format == "json" else _stats_text(stats)
        _write(text, None)
        return EXIT_OK
    with _open(args.db) as archive:
        removed = archive.remove(args.paths)
    for path in removed.unknown:
        say(f"{visible_name(path)}: not in the index")
    print(
        f"removed {_count(removed.files, 'file')} ({_count(removed.articles, 'article')}, "
        f"{_count(removed.postings, 'posting')}) from {visible_name(args.db)}"
    )
    return EXIT_USAGE if removed.unknown and not removed.files else EXIT_OK


def _run_add(args: argparse.Namespace) -> int:
    from viewer.cli.audit_run import progress_on

    if "-" in args.paths:
        raise UsageError("index add cannot read standard input (-): give files or folders")
    limits = limits_from(args)
    fields = args.field_map or FieldMap()
    wanted = cluster_wanted(args, os.environ)
    with contextlib.ExitStack() as stack:
        preparing = None
        if wanted is not None:
            from viewer.scale.index import preparing_on

            client = stack.enter_context(cluster_client(*wanted))
            preparing = preparing_on(client, fields, limits)
        archive = stack.enter_context(_open(args.db, create=True))
        progress = stack.enter_context(progress_on(sys.stderr))
        added = archive.add(
            args.paths,
            fields=fields,
            limits=limits,
            progress=progress,
            preparing=preparing,
        )
    for problem in added.problems:
        say(problem_line(problem))
    if any(not problem.repaired for problem in added.problems):
        say(f"skipped {_skipped(added.problems)} that could not be loaded")
    print(
        f"{visible_name(args.db)}: {_count(added.added, 'file')} added, {added.unchanged:,} "
        f"unchanged, {added.reindexed:,} re-indexed, {added.refused:,} refused; "
        f"{_count(added.articles, 'article')} indexed in {added.seconds:.1f} s"
    )
    nothing = not (added.added or added.unchanged or added.reindexed)
    return EXIT_USAGE if nothing and added.refused else EXIT_OK


def _run_check(args: argparse.Namespace) -> int:
    from viewer.archive import check_index
    from viewer.archive.health import REBUILD

    health = check_index(args.db)
    name = visible_name(args.db)
    if health.sound:
        print(
            f"{name}: sound ({_count(health.articles or 0, 'article')} in "
            f"{_count(health.files or 0, 'file')}; SQLite's integrity check and the index's "
            "own rules found nothing wrong)"
        )
        return EXIT_OK
    for problem in health.problems:
        print(f"{name}: {one_line(problem)}")
    say(f"{name}: damaged index ({_count(len(health.problems), 'problem')}): {REBUILD}")
    return EXIT_FINDINGS


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _when(seconds: float | None) -> str | None:
    if seconds is None:
        return None
    return datetime.fromtimestamp(seconds).astimezone().isoformat(timespec="seconds")


def _size(size: int) -> str:
    from viewer.ingest.limits import format_size

    return format_size(size)


def _stats_json(stats: Stats) -> str:
    from viewer.report.json import dump

    document = {
        "schema": {"name": "viewer.index-stats", "version": 1},
        "path": stats.path,
        "articles": stats.articles,
        "files": stats.files,
        "postings": stats.postings,
        "pending": stats.pending,
        "size": stats.size,
        "schema_version": stats.schema,
        "fingerprint": stats.parameters,
        "created": _when(stats.created),
        "last_added": _when(stats.last_added),
    }
    return dump(document)


def _stats_text(stats: Stats) -> str:
    fingerprint = ", ".join(f"{k} {v}" for k, v in sorted(stats.parameters.items()))
    rows = [
        ("articles", f"{stats.articles:,}"),
        ("files", f"{stats.files:,}"),
        (
            "postings",
            f"{stats.postings:,}"
            + (f" ({stats.pending:,} not merged yet)" if stats.pending else ""),
        ),
        ("size", _size(stats.size)),
        ("schema", str(stats.schema)),
        ("fingerprint", fingerprint),
        ("created", _when(stats.created) or ""),
        ("last added", _when(stats.last_added) or "never"),
    ]
    lines = [visible_name(stats.path), *(f"  {name:<12} {value}" for name, value in rows)]
    return "\n".join(lines) + "\n"
