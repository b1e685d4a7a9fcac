"""The archive index: fingerprints of many articles in one SQLite file, to find which
archive articles another article's text was copied from without loading the archive.

``Archive.open(path, create=True).add(paths)`` indexes files; ``Archive.find(article)``
returns the archive articles holding its text, with shares; ``Archive.open(path,
read_only=True)`` reads an index without writing to it, and ``check_index(path)`` checks
one whole. ``docs/archive.md`` describes what is stored and how the shares are estimated.
"""

from __future__ import annotations

from viewer.archive.check import Health, check_index
from viewer.archive.health import DamagedIndex
from viewer.archive.results import Added, IndexSource, Lookup, Removed, Stats
from viewer.archive.schema import SCHEMA_VERSION, ArchiveError
from viewer.archive.sources import Reloaded
from viewer.archive.store import Archive

__all__ = [
    "SCHEMA_VERSION",
    "Added",
    "Archive",
    "ArchiveError",
    "DamagedIndex",
    "Health",
    "IndexSource",
    "Lookup",
    "Reloaded",
    "Removed",
    "Stats",
    "check_index",
]
