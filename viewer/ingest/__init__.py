"""Turn files, folders and standard input into a ``Corpus`` of articles.

Web archives (``.warc``, ``.warc.gz``, ``.wacz``) load as their captured pages, and
Parquet files (``.parquet``) as one article per row; both are streamed.
``load`` never raises on bad input: an unreadable file, a binary file, a malformed JSON
line or a page with no article becomes a ``Problem`` that names it, and everything else
still loads. Input too big to handle (``Limits``) is refused the same way, before it is
read where its size is known. Articles come out in a set order (paths as given; folders
sorted), with ids that are readable, stable across runs and unique within the load.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from os import fspath
from pathlib import Path
from typing import BinaryIO, TextIO

from viewer.ingest.fields import FieldMap
from viewer.ingest.formats import PARQUET_SUFFIXES
from viewer.ingest.ids import with_ids
from viewer.ingest.limits import Limits
from viewer.ingest.reader import read_archive_articles, read_articles, read_table_articles
from viewer.ingest.walk import find_files, read_bytes
from viewer.ingest.warc import is_archive_name
from viewer.model import Article, Corpus, Note, Problem

__all__ = ["FieldMap", "Limits", "load"]

STDIN = "-"


def load(
    paths: Iterable[str | Path],
    *,
    fields: FieldMap | None = None,
    stdin: TextIO | BinaryIO | None = None,
    limits: Limits | None = None,
) -> Corpus:
    """The articles in ``paths``, and a ``Problem`` for everything that could not be read.

    Args:
        paths: files, folders (read recursively) and ``-`` for standard input.
        fields: where JSON and JSON Lines records keep their fields; defaults accept
            ``text``, ``title``, ``source``, ``url``, ``date``, ``author`` and common
            alternatives.
        stdin: read for ``-`` instead of ``sys.stdin`` (bytes, or text already decoded).
        limits: how large a file and an article may be, and how many files and
            articles one load takes; the defaults are far above any news corpus.
    """
    fields, limits = fields or FieldMap(), limits or Limits()
    articles: list[Article] = []
    problems: list[Problem] = []
    notes: list[Note] = []
    for path, found in _read_all(paths, fields, stdin, limits):
        if isinstance(found, Note):
            notes.append(found)
        elif isinstance(found, Problem):
            problems.append(found)
        elif len(articles) < limits.max_articles:
            articles.append(found)
        else:
            problems.append(Problem(path, limits.too_many_articles(), found.record))
            break
    return Corpus(with_ids(articles), tuple(problems), tuple(notes))


def _read_all(
    paths: Iterable[str | Path], fields: FieldMap, stdin: TextIO | BinaryIO | None, limits: Limits
) -> Iterator[tuple[str, Article | Problem | Note]]:
    """Every article, problem and note in ``paths``, in order, each with the path it came
    from. A web archive is streamed from its file, never held whole."""
    piped: bytes | str | Problem | None = None
    files = 0
    for given in paths:
        name = fspath(given)
        if name == STDIN:
            piped = _read_stdin(stdin, limits) if piped is None else piped
            yield from _read_data(STDIN, piped, fields, limits)
            continue
        for path in find_files(name):
            if isinstance(path, Problem):
                yield path.path, path
                continue
            if files == limits.max_files:
                yield name, Problem(name, limits.too_many_files())
                return
            files += 1
            if is_archive_name(path):
                yield from ((path, found) for found in read_archive_articles(path, limits))
            elif path.lower().endswith(PARQUET_SUFFIXES):
                yield from ((path, found) for found in read_table_articles(path, fields, limits))
            else:
                yield from _read_data(path, read_bytes(path, limits), fields, limits)


def _read_data(
    path: str, data: bytes | str | Problem, fields: FieldMap, limits: Limits
) -> Iterator[tuple[str, Article | Problem | Note]]:
    if isinstance(data, Problem):
        yield path, data
        return
    for found in read_articles(path, data, fields, limits):
        yield path, found


def _read_stdin(stdin: TextIO | BinaryIO | None, limits: Limits) -> bytes | str | Problem:
    """Standard input, bytes from its buffer (or text if it has none), up to the limit."""
    stream = sys.stdin if stdin is None else stdin
    source = getattr(stream, "buffer", stream)
    try:
        data: bytes | str = source.read(limits.max_file_bytes + 1)
    except (OSError, ValueError) as error:
        return Problem(STDIN, f"cannot read standard input ({error})")
    if len(data) > limits.max_file_bytes:
        return Problem(STDIN, limits.file_too_large(None))
    return data
