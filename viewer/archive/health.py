"""Telling a damaged index: pages SQLite cannot read, and rows the index cannot use.

A damaged index is refused, never written to or answered from: a lookup on it could
miss sources without a sign, and an ``add`` would bury the damage under new articles.
Opening for writing (and ``index stats``) runs SQLite's ``quick_check`` (every page read
once; about half a second for 75 MB); ``viewer index check`` runs the full
``integrity_check`` and the rules below, which SQLite cannot know: that the ``meta``
rows parse, that every blob has the size its column holds, and that the counts the
index keeps agree with its rows.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from viewer.archive.access import ArchiveError
from viewer.archive.prints import NUM_PERM
from viewer.ingest.fields import FieldMap

__all__ = [
    "REBUILD",
    "DamagedIndex",
    "meta_damage",
    "pragma_problems",
    "quick_check",
    "row_damage",
]

REBUILD = "move it aside and build it again with `viewer index add` of its sources"
"""What to do about a damaged index."""
_DIGEST = 16
"""Bytes of a BLAKE2b digest, as ``files.digest`` and ``articles.digest`` hold."""
_NUMBERS = {"created": float, "postings": int, "merged": int, "last_added": float}
"""``meta`` keys that hold numbers, and of which kind."""


class DamagedIndex(ArchiveError):
    """An index with pages SQLite cannot read or rows this viewer cannot parse."""

    def __init__(self, path: str | Path, what: str) -> None:
        self.path = str(path)
        """The index file."""
        self.what = what
        """What is damaged, in one line."""
        super().__init__(f"{path}: damaged index ({what}): {REBUILD}")


def quick_check(db: sqlite3.Connection, path: str | Path) -> None:
    """Refuse an index whose pages SQLite's ``quick_check`` finds damaged.

    Raises:
        DamagedIndex: naming the first problem found.
    """
    problems = pragma_problems(db, "quick_check", 1)
    if problems:
        raise DamagedIndex(path, problems[0])


def pragma_problems(db: sqlite3.Connection, pragma: str, limit: int) -> list[str]:
    """What ``PRAGMA quick_check`` or ``integrity_check`` reports, at most ``limit``
    problems, one line each (empty when the pages are sound)."""
    try:
        rows = db.execute(f"PRAGMA {pragma}({int(limit)})").fetchall()
    except sqlite3.OperationalError:  # locked, no permission: not a sign of damage
        raise
    except sqlite3.DatabaseError as error:  # too damaged to walk at all
        return [str(error)]
    found = [_one_line(str(row[0])) for row in rows]
    return [] if found == ["ok"] else [line for line in found if line]


def _one_line(report: str) -> str:
    # SQLite heads a report with "*** in database main ***" on a line of its own.
    lines = [line.strip() for line in report.splitlines()]
    return "; ".join(line for line in lines if line and not line.startswith("***"))


def meta_damage(meta: dict[str, Any]) -> list[str]:
    """The ``meta`` rows that do not parse as what they hold, one line each."""
    problems = []
    fingerprint = meta.get("fingerprint")
    try:
        parsed = json.loads(fingerprint) if isinstance(fingerprint, str) else None
    except ValueError as error:
        problems.append(f"meta row 'fingerprint' is not valid JSON ({error})")
    else:
        if not isinstance(parsed, dict) and "fingerprint" in meta:
            problems.append("meta row 'fingerprint' is not a JSON object of parameters")
    for key, kind in _NUMBERS.items():
        value = meta.get(key)
        if key in meta and (isinstance(value, bool) or not isinstance(value, int | float)):
            problems.append(f"meta row {key!r} is not a number ({_shown(value)})")
        elif kind is int and isinstance(value, float) and not value.is_integer():
            problems.append(f"meta row {key!r} is not a whole number ({value})")
    return problems


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def row_damage(db: sqlite3.Connection, limit: int = 20) -> list[str]:
    """The rows of ``files``, ``articles`` and ``postings`` that break the index's own
    rules, and the counts that disagree with the rows, one line each (at most ``limit``)."""
    problems: list[str] = []
    for problem in _row_problems(db):
        problems.append(problem)
        if len(problems) == limit:
            break
    return problems


def _row_problems(db: sqlite3.Connection) -> Iterator[str]:
    yield from _file_rows(db)
    yield from _article_rows(db)
    yield from _counts(db)


def _file_rows(db: sqlite3.Connection) -> Iterator[str]:
    query = "SELECT id, path, fields, digest FROM files ORDER BY id"
    for file_id, path, fields, digest in db.execute(query):
        where = f"files row {file_id} ({_shown(path)})"
        if not isinstance(path, str) or not path:
            yield f"files row {file_id}: its path is not text"
        if not isinstance(digest, bytes) or len(digest) != _DIGEST:
            yield f"{where}: its digest is not {_DIGEST} bytes"
        if not isinstance(fields, str):
            yield f"{where}: its field map is not text"
            continue
        try:
            FieldMap.parse(fields)
        except ValueError as error:
            yield f"{where}: its field map does not parse ({error})"
    query = (
        "SELECT f.id, f.path, f.articles, (SELECT count(*) FROM articles a WHERE a.file = f.id) "
        "FROM files f WHERE f.articles IS NOT (SELECT count(*) FROM articles a WHERE a.file = f.id)"
    )
    for file_id, path, said, held in db.execute(query):
        yield f"files row {file_id} ({_shown(path)}): records {said} articles, holds {held}"


def _article_rows(db: sqlite3.Connection) -> Iterator[str]:
    checks = (
        (
            f"typeof(signature) != 'blob' OR length(signature) != {NUM_PERM * 4}",
            f"its signature is not {NUM_PERM * 4} bytes",
        ),
        (
            "typeof(samples) != 'blob' OR length(samples) % 8 != 0",
            "its sample keys are not a whole number of 8-byte keys",
        ),
        (
            f"typeof(digest) != 'blob' OR length(digest) != {_DIGEST}",
            f"its digest is not {_DIGEST} bytes",
        ),
        ("file NOT IN (SELECT id FROM files)", "it belongs to no indexed file"),
    )
    for condition, problem in checks:
        count, first = db.execute(
            f"SELECT count(*), min(id) FROM articles WHERE {condition}"
        ).fetchone()
        if count:
            more = f" (and {count - 1:,} more rows)" if count > 1 else ""
            yield f"articles row {first}: {problem}{more}"


def _counts(db: sqlite3.Connection) -> Iterator[str]:
    meta = dict(db.execute("SELECT key, value FROM meta"))
    held = db.execute("SELECT coalesce(sum(length(samples)), 0) / 8 FROM articles").fetchone()[0]
    if meta.get("postings") != held:
        yield f"meta row 'postings' says {meta.get('postings')}, the articles hold {held:,}"
    merged = db.execute(
        "SELECT coalesce(sum(length(samples)), 0) / 8 FROM articles WHERE id <= ?",
        (meta.get("merged"),),
    ).fetchone()[0]
    stored = db.execute("SELECT count(*) FROM postings").fetchone()[0]
    if stored != merged:
        yield (
            f"postings holds {stored:,} rows, the articles merged into it "
            f"(up to row {meta.get('merged')}) hold {merged:,} keys"
        )
    stray = db.execute(
        "SELECT count(*) FROM postings WHERE article NOT IN (SELECT id FROM articles)"
    ).fetchone()[0]
    if stray:
        yield f"postings: {stray:,} rows name no article"
