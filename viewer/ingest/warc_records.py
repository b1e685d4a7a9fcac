"""One WARC file's records, one at a time, with every damaged stretch said and passed over.

warcio parses each record; this module keeps it honest about damage warcio forgives in
silence (it writes a warning to stderr and reads on, or stops at a cut-off gzip member as
if the file had ended there):

- a record whose declared ``Content-Length`` is shorter or longer than its content: the
  record is refused, and reading starts again at the next record header;
- a file cut off inside a record (a truncated download): that record is refused;
- bytes that are no record at all (a damaged gzip member, garbage between records): one
  problem for the stretch, then reading starts again at the next record header;
- a file that is not a WARC though it has the name of one: one problem, no records.

Offsets are byte offsets into the file as stored (compressed, for ``.warc.gz``), where a
tool such as ``warcio extract`` or ``dd`` can find the record.
"""

from __future__ import annotations

import contextlib
import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

__all__ = ["Damage", "Record", "records", "starts_like_warc"]

_GZIP = b"\x1f\x8b\x08"
_HEADER = b"WARC/1."
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Record:
    """One record warcio parsed, and where it starts in the file."""

    offset: int
    warc: Any
    """warcio's ``ArcWarcRecord``: read its content before asking for the next record."""


@dataclass(frozen=True, slots=True)
class Damage:
    """A stretch of the file that holds no readable record, and why."""

    offset: int
    reason: str


def starts_like_warc(head: bytes) -> bool:
    """Whether a file's first bytes are a WARC record's (gzip-compressed or not)."""
    if head.startswith(_GZIP):
        try:
            head = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(head, 64)
        except zlib.error:
            return False
    return head.lstrip(b"\r\n").startswith(_HEADER)


def records(handle: IO[bytes], size: int) -> Iterator[Record | Damage]:
    """Every record of the WARC in ``handle`` (a seekable binary file of ``size`` bytes),
    in order, and a ``Damage`` for each stretch that could not be read.

    The caller must read each record's content (or not) before the next is asked for;
    the check that the record was whole happens then, and a record found to be cut or to
    have lied about its length is followed by a ``Damage`` at its own offset.
    """
    from warcio.archiveiterator import ArchiveIterator

    handle.seek(0)
    if not starts_like_warc(handle.read(4096)):
        yield Damage(0, "not a WARC file: it does not start with a WARC record")
        return
    compressed = _is_gzip(handle)
    position = 0
    while position < size:
        handle.seek(position)
        iterator = ArchiveIterator(handle)
        start = position
        try:
            for record in _quietly(iterator):
                start = iterator.offset
                if record.format != "warc":
                    yield Damage(start, "not a WARC record header")
                    break
                yield Record(start, record)
                cut = _finish(iterator, record)
                if cut is not None:
                    yield Damage(start, cut)
                    break
            else:
                end = _end(iterator)
                if end >= size or not _has_bytes(handle, end):
                    return
                start = end
                if _next_start(handle, end + 1, compressed) is None:
                    yield Damage(end, _tail(size - end))
                    return
                yield Damage(end, "unreadable bytes between records")
        except Exception as error:  # warcio or zlib on damaged bytes: say it and move on
            # the damage begins where the last whole record ended
            start = max(start, getattr(iterator, "offset", start))
            yield Damage(start, f"unreadable record ({_reason(error)})")
        following = _next_start(handle, start + 1, compressed)
        if following is None:
            return
        position = following


def _tail(length: int) -> str:
    return (
        f"the last {length:,} bytes hold no whole record: the file is cut short "
        "(a truncated download?) or damaged"
    )


def _quietly(iterator: Any) -> Iterator[Any]:
    """warcio's records, with the warnings it writes to stderr kept out of the terminal
    (each is turned into a ``Damage`` by the checks here)."""
    records = iter(iterator)
    while True:
        with contextlib.redirect_stderr(io.StringIO()):
            try:
                record = next(records)
            except StopIteration:
                return
        yield record


def _finish(iterator: Any, record: Any) -> str | None:
    """Read the rest of ``record``; why it is not whole, or ``None`` when it is."""
    errors = iterator.err_count
    with contextlib.redirect_stderr(io.StringIO()):
        iterator.read_to_end()
    left = getattr(record.raw_stream, "limit", 0)
    if left > 0:
        return f"record cut short: the file ends {left:,} bytes before its declared end"
    if iterator.err_count > errors:
        return "record damaged: its Content-Length does not match where it ends"
    return None


def _end(iterator: Any) -> int:
    """Where the last record the iterator read ends."""
    offset: int = iterator.offset
    return offset


def _has_bytes(handle: IO[bytes], position: int) -> bool:
    """Whether anything but line ends follows ``position``."""
    handle.seek(position)
    while chunk := handle.read(_CHUNK):
        if chunk.strip(b"\r\n\x00"):
            return True
    return False


def _is_gzip(handle: IO[bytes]) -> bool:
    handle.seek(0)
    return handle.read(3) == _GZIP


def _next_start(handle: IO[bytes], position: int, compressed: bool) -> int | None:
    """The offset of the first record that may start at or after ``position``: a gzip
    member that opens with a WARC header, or (uncompressed) a WARC header line."""
    marker = _GZIP if compressed else b"\n" + _HEADER
    handle.seek(position)
    base, tail = position, b""
    while chunk := handle.read(_CHUNK):
        data = tail + chunk
        found = data.find(marker)
        while found >= 0:
            at = base - len(tail) + found + (0 if compressed else 1)
            if not compressed or _member_is_record(handle, at):
                return at
            found = data.find(marker, found + 1)
        tail = data[-(len(marker) - 1) :]
        base += len(chunk)
        handle.seek(base)
    return None


def _member_is_record(handle: IO[bytes], at: int) -> bool:
    """Whether the gzip member at ``at`` opens with a WARC record header."""
    here = handle.tell()
    handle.seek(at)
    found = starts_like_warc(handle.read(4096))
    handle.seek(here)
    return found


def _reason(error: Exception) -> str:
    """What went wrong, in words: warcio quotes the damaged bytes after a comma."""
    text = " ".join(str(error).split(",")[0].split())
    if not text or not text.isprintable() or not text.isascii():
        return type(error).__name__
    return text[:100]
