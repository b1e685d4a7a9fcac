"""Turn files, folders and standard input into a ``Corpus`` of articles.

``load`` never raises on bad input: an unreadable file, a binary file, a malformed JSON
line or a page with no article becomes a ``Problem`` that names it, and everything else
still loads. Articles come out in a set order (paths as given; folders sorted), with ids
that are readable, stable across runs and unique within the load.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from os import fspath
from pathlib import Path
from typing import BinaryIO, TextIO

from viewer.ingest.fields import FieldMap
from viewer.ingest.ids import with_ids
from viewer.ingest.reader import read_articles
from viewer.ingest.walk import find_files, read_bytes
from viewer.model import Article, Corpus, Problem

__all__ = ["FieldMap", "load"]

STDIN = "-"


def load(
    paths: Iterable[str | Path],
    *,
    fields: FieldMap | None = None,
    stdin: TextIO | BinaryIO | None = None,
) -> Corpus:
    """The articles in ``paths``, and a ``Problem`` for everything that could not be read.

    Args:
        paths: files, folders (read recursively) and ``-`` for standard input.
        fields: where JSON and JSON Lines records keep their fields; defaults accept
            ``text``, ``title``, ``source``, ``url``, ``date``, ``author`` and common
            alternatives.
        stdin: read for ``-`` instead of ``sys.stdin`` (bytes, or text already decoded).
    """
    fields = fields or FieldMap()
    found: list[Article | Problem] = []
    piped: bytes | str | Problem | None = None
    for given in paths:
        name = fspath(given)
        if name == STDIN:
            piped = _read_stdin(stdin) if piped is None else piped
            found.extend(_read_data(STDIN, piped, fields))
            continue
        for path in find_files(name):
            data = read_bytes(path) if isinstance(path, str) else path
            found.extend(_read_data(str(path), data, fields))
    articles = [item for item in found if isinstance(item, Article)]
    problems = tuple(item for item in found if isinstance(item, Problem))
    return Corpus(with_ids(articles), problems)


def _read_data(path: str, data: bytes | str | Problem, fields: FieldMap) -> list[Article | Problem]:
    return [data] if isinstance(data, Problem) else read_articles(path, data, fields)


def _read_stdin(stdin: TextIO | BinaryIO | None) -> bytes | str | Problem:
    """Everything on standard input: bytes from its buffer, or text if it has none."""
    stream = sys.stdin if stdin is None else stdin
    source = getattr(stream, "buffer", stream)
    try:
        data: bytes | str = source.read()
    except (OSError, ValueError) as error:
        return Problem(STDIN, f"cannot read standard input ({error})")
    return data
