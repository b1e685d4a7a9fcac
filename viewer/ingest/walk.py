"""The files a path names: itself, or everything readable under a folder, in a set order."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import PurePath

from viewer.ingest.formats import SKIPPED_SUFFIXES
from viewer.model import Problem

__all__ = ["find_files", "read_bytes"]

_SKIPPED_DIRS = frozenset({"__pycache__", "node_modules"})


def find_files(given: str) -> Iterator[str | Problem]:
    """The file paths ``given`` stands for, or a ``Problem`` for what cannot be read.

    A file is itself, whatever its name. A folder yields, recursively and sorted by path,
    every regular file except hidden ones and ones whose extension says they are not an
    article (images, archives…); each folder is entered once, so symbolic-link loops end.
    """
    try:
        info = os.stat(given)
    except OSError as error:
        yield Problem(given, describe(error))
        return
    if not stat.S_ISDIR(info.st_mode):
        yield given
        return
    found = False
    for path in _walk(given, set()):
        found = True
        yield path
    if not found:
        yield Problem(given, "no files to load in this folder")


def read_bytes(path: str) -> bytes | Problem:
    """The bytes of the file at ``path``, or a ``Problem`` saying why they cannot be read."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        return Problem(path, describe(error))


def describe(error: OSError) -> str:
    """A short message for an operating-system error, for a person."""
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, FileNotFoundError):
        return "no such file or folder"
    if isinstance(error, IsADirectoryError):
        return "is a folder"
    return f"cannot read: {error.strerror or error}"


def _walk(folder: str, seen: set[tuple[int, int]]) -> Iterator[str | Problem]:
    """Files under ``folder`` in path order, folders first entered by ``(device, inode)``."""
    try:
        info = os.stat(folder)
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as error:
        yield Problem(folder, describe(error))
        return
    if (info.st_dev, info.st_ino) in seen:
        return
    seen.add((info.st_dev, info.st_ino))
    for entry in entries:
        if entry.name.startswith(".") or entry.name in _SKIPPED_DIRS:
            continue
        path = os.path.join(folder, entry.name)
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError:
            is_dir = is_file = False
        if is_dir:
            yield from _walk(path, seen)
        elif is_file and PurePath(entry.name).suffix.lower() not in SKIPPED_SUFFIXES:
            yield path
        elif not is_file and entry.is_symlink() and not os.path.exists(path):
            yield Problem(path, "broken symbolic link")
