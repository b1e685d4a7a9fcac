"""The files a path names: itself, or everything readable under a folder, in a set order."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import PurePath

from viewer.ingest.formats import ARCHIVE_SUFFIXES, SKIPPED_SUFFIXES
from viewer.ingest.limits import Limits
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
    except (OSError, ValueError) as error:
        yield Problem(given, describe(error))
        return
    if not stat.S_ISDIR(info.st_mode):
        yield given
        return
    found = False
    for path in _walk(given):
        found = True
        yield path
    if not found:
        yield Problem(given, "no files to load in this folder")


def read_bytes(path: str, limits: Limits) -> bytes | Problem:
    """The bytes of the file at ``path``, or a ``Problem`` saying why they cannot be read.

    A file larger than ``limits.max_file_bytes`` is refused before any of it is read; a
    pipe or device, whose size is not known in advance, is read up to the limit and
    refused if it holds more.
    """
    limit = limits.max_file_bytes
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                return Problem(path, limits.file_too_large(size))
            data = handle.read(size + 1) if size else b""
            if len(data) > size or not size:  # growing, or a pipe: size said nothing
                data += handle.read(limit + 1 - len(data))
    except OSError as error:
        return Problem(path, describe(error))
    return Problem(path, limits.file_too_large(None)) if len(data) > limit else data


def describe(error: OSError | ValueError) -> str:
    """A short message for an operating-system error, for a person."""
    if isinstance(error, ValueError):  # a NUL, or a surrogate no file name can hold
        return "not a possible file name"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, FileNotFoundError):
        return "no such file or folder"
    if isinstance(error, IsADirectoryError):
        return "is a folder"
    return f"cannot read: {error.strerror or error}"


def _walk(folder: str) -> Iterator[str | Problem]:
    """Files under ``folder`` in path order, each folder entered once by ``(device, inode)``.

    The walk keeps its own stack, so no depth of nesting exhausts Python's.
    """
    seen: set[tuple[int, int]] = set()
    stack = [iter(_listing(folder, seen))]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif isinstance(entry, Problem):
            yield entry
        elif entry.name.startswith(".") or entry.name in _SKIPPED_DIRS:
            continue
        elif _is(entry.is_dir):
            stack.append(iter(_listing(entry.path, seen)))
        elif _is(entry.is_file):
            if _readable_name(entry.name):
                yield entry.path
        elif entry.is_symlink() and not os.path.exists(entry.path):
            yield Problem(entry.path, "broken symbolic link")


def _readable_name(name: str) -> bool:
    """Whether a file's name may be an article's: web archives are, though ``.gz`` and
    ``.zip`` files are passed over."""
    lowered = name.lower()
    return lowered.endswith(ARCHIVE_SUFFIXES) or PurePath(lowered).suffix not in SKIPPED_SUFFIXES


def _listing(folder: str, seen: set[tuple[int, int]]) -> list[os.DirEntry[str] | Problem]:
    """The entries of ``folder`` sorted by name; none if it was entered before."""
    try:
        info = os.stat(folder)
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as error:
        return [Problem(folder, describe(error))]
    if (info.st_dev, info.st_ino) in seen:
        return []
    seen.add((info.st_dev, info.st_ino))
    return list(entries)


def _is(test: Callable[[], bool]) -> bool:
    """``test()``, or ``False`` when the entry cannot be examined."""
    try:
        return test()
    except OSError:
        return False
