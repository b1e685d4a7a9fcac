"""``viewer index check``: is an index whole, and can this viewer use it?

It opens the index read-only, as the reading commands do, and runs everything that can
be wrong with it: SQLite's full ``integrity_check``, then the index's own rules
(:mod:`viewer.archive.health`). Where opening would refuse a row that does not parse,
the check reports it among the others instead.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from viewer.archive.access import ArchiveError
from viewer.archive.health import meta_damage, pragma_problems, row_damage
from viewer.archive.schema import check_parameters, check_version, connect

__all__ = ["Health", "check_index"]

_LIMIT = 20
"""Problems reported at most, from SQLite and from the index's rules each."""


@dataclass(frozen=True, slots=True)
class Health:
    """What ``check_index`` found."""

    path: str
    problems: tuple[str, ...]
    """Everything found wrong, one line each; empty for a sound index."""
    articles: int | None
    """Articles it holds (``None`` when they cannot be counted)."""
    files: int | None

    @property
    def sound(self) -> bool:
        """Whether nothing was found wrong."""
        return not self.problems


def check_index(path: str | Path) -> Health:
    """Check the index at ``path`` whole, without writing to it.

    Raises:
        viewer.archive.ArchiveError: no index there, not an index, or one this viewer
            does not read (another schema version, other fingerprint parameters): the
            refusals every command makes, which are not damage.
    """
    opened = connect(path, create=False, read_only=True, verify=False)
    db = opened.db
    try:
        problems = pragma_problems(db, "integrity_check", _LIMIT)
        try:
            meta = dict(db.execute("SELECT key, value FROM meta"))
        except sqlite3.DatabaseError as error:
            if isinstance(error, sqlite3.OperationalError):
                raise
            return Health(str(path), (*problems, f"meta: {error}"), None, None)
        check_version(meta, path)
        damage = meta_damage(meta)
        if not any(line.startswith("meta row 'fingerprint'") for line in damage):
            check_parameters(json.loads(meta["fingerprint"]), path)
        problems += damage
        counts: tuple[int | None, int | None] = (None, None)
        try:
            problems += row_damage(db, _LIMIT)
            counts = db.execute(
                "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM files)"
            ).fetchone()
        except sqlite3.DatabaseError as error:
            if isinstance(error, sqlite3.OperationalError):
                raise
            problems.append(f"rows: {error}")
    except sqlite3.OperationalError as error:
        raise ArchiveError(f"{path}: cannot check: {error}") from None
    finally:
        opened.close()
    return Health(str(path), tuple(problems), *counts)
