"""Whether a file about to be written is one that loading would read: a report must never
be written over the articles it was made from."""

from __future__ import annotations

import os
from collections.abc import Iterable

from viewer.ingest.walk import find_files

__all__ = ["input_file"]


def input_file(output: str, inputs: Iterable[str]) -> str | None:
    """The file among those ``inputs`` load (each path itself, or the files read under a
    folder) that ``output`` is, or ``None``.

    Files are compared as files, as ``os.path.samefile`` does, so another name for one (a
    hard or symbolic link, ``./a/../a.txt``) counts. An output that does not exist yet is
    no input; standard input (``-``) is no file.
    """
    try:
        target = os.stat(output)
    except (OSError, ValueError):
        return None
    for given in inputs:
        if given == "-":
            continue
        for path in find_files(given):
            if isinstance(path, str) and _is(path, target):
                return path
    return None


def _is(path: str, target: os.stat_result) -> bool:
    try:
        return os.path.samestat(os.stat(path), target)
    except (OSError, ValueError):
        return False
