"""Web archives in: ``.warc``, ``.warc.gz`` and ``.wacz`` files, read as a stream of
captures, each page's article extracted as any HTML file's is.

A page is a ``response`` (or ``resource``) record of HTML or plain text with an HTTP
status of 2xx. Its article carries the record's facts as metadata: the address captured
(``url``), the capture time (``captured``, from ``WARC-Date``), the HTTP ``status``, the
``content-type``, the record's byte ``offset`` in the file, and the page's own
``canonical`` address and date where the page gives them; the article's date is the
page's own, else the day it was captured. Everything else is passed over on purpose and
counted in one note per file (``412 records: 318 pages, 61 not HTML, 33 errors``):
requests, metadata, redirects, error pages, robots.txt, images and scripts, and
``revisit`` records, which repeat an earlier capture's content and so hold no new text.
Damage (see ``warc_records``) is a problem naming the file, record and byte offset; the
records around it still load. Records are numbered from 0 in file order, across all the
archives of a WACZ, so an article is found again at the same record.

warcio was chosen over FastWARC: reading records is a few per cent of loading a crawl
(extracting the article from the HTML is the rest, see ``benchmarks/warc_read.py``), and
warcio parses any binary stream, a WACZ's zip members included.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections import Counter, OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import IO, Any
from urllib.parse import urlsplit

from viewer.ingest.assemble import RawArticle
from viewer.ingest.decode import NotText, declared_charset, decode
from viewer.ingest.formats import ARCHIVE_SUFFIXES
from viewer.ingest.html import read_html
from viewer.ingest.limits import Limits
from viewer.ingest.warc_records import Damage, Record, records, starts_like_warc
from viewer.model import MetaField, Note, Problem

__all__ = ["is_archive", "is_archive_name", "read_archive"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
_PAGE_RECORDS = ("response", "resource")
_REMEMBERED = 4096
"""Pages kept for the revisits that repeat them (a revisit follows its capture closely
in a crawl); a revisit of an older one is counted as one whose capture is not here."""

# How the note names each kind of record passed over, in the order it lists them.
_COUNTED = (
    ("page", "page", "pages"),
    ("no text", "page without article text", "pages without article text"),
    ("not html", "not HTML", "not HTML"),
    ("redirect", "redirect", "redirects"),
    ("error", "error", "errors"),
    ("robots", "robots.txt", "robots.txt"),
    ("revisit", "revisit of an earlier capture", "revisits of earlier captures"),
    (
        "revisit elsewhere",
        "revisit of a capture not in this file",
        "revisits of captures not in this file",
    ),
    ("other", "request, metadata or info record", "requests, metadata and info records"),
    ("damaged", "damaged", "damaged"),
    ("refused", "refused", "refused"),
)


def is_archive_name(path: str) -> bool:
    """Whether ``path``'s name says it is a web archive."""
    return path.lower().endswith(ARCHIVE_SUFFIXES)


def is_archive(path: str, head: bytes) -> bool:
    """Whether the file at ``path``, which starts with ``head``, is read as an archive."""
    return is_archive_name(path) or starts_like_warc(head)


@dataclass(frozen=True, slots=True)
class _Revisit:
    """A ``revisit`` record: the capture at ``captured`` repeated an earlier one's content."""

    uri: str
    captured: str
    digest: str
    refers_to: tuple[str, str]
    """The repeated capture's address and time (``WARC-Refers-To-Target-URI``, ``-Date``)."""
    number: int
    offset: int


@dataclass(slots=True)
class _Tally:
    """What one archive file held, counted as it is read, and its latest pages by content
    digest and by address and time, for the revisits that repeat them."""

    records: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    recent: OrderedDict[str, RawArticle] = field(default_factory=OrderedDict)

    def remember(self, page: RawArticle) -> None:
        fields = {m.name: m.value for m in page.metadata}
        for key in (fields.get("digest"), f"{page.url} {fields.get('captured')}"):
            if key:
                self.recent[key] = page
                self.recent.move_to_end(key)
        while len(self.recent) > _REMEMBERED:
            self.recent.popitem(last=False)

    def repeated(self, revisit: _Revisit) -> RawArticle | None:
        found = self.recent.get(revisit.digest) if revisit.digest else None
        return found or self.recent.get(" ".join(revisit.refers_to))

    def note(self, path: str) -> Note:
        parts = []
        for key, one, many in _COUNTED:
            if n := self.counts[key]:
                parts.append(f"{n:,} {one if n == 1 else many}")
        noun = "record" if self.records == 1 else "records"
        return Note(path, f"{self.records:,} {noun}: {', '.join(parts) or 'nothing'}")


def read_archive(
    path: str, limits: Limits, data: bytes | None = None
) -> Iterator[RawArticle | Problem | Note]:
    """The pages of the archive at ``path`` (read from ``data`` when given, else streamed
    from the file), a problem for each damaged record, and a note counting the rest."""
    tally = _Tally()
    try:
        with _opened(path, data) as handle:
            if path.lower().endswith(".wacz") or _is_zip(handle):
                yield from _wacz(path, handle, limits, tally)
            else:
                yield from _warc(path, "", handle, _size(handle), limits, tally)
    except (OSError, zipfile.BadZipFile) as error:
        yield Problem(path, f"cannot read the archive ({error})")
    if tally.records:
        yield tally.note(path)


def _opened(path: str, data: bytes | None) -> IO[bytes]:
    return io.BytesIO(data) if data is not None else open(path, "rb")


def _size(handle: IO[bytes]) -> int:
    size = handle.seek(0, os.SEEK_END)
    handle.seek(0)
    return size


def _is_zip(handle: IO[bytes]) -> bool:
    handle.seek(0)
    head = handle.read(4)
    handle.seek(0)
    return head == b"PK\x03\x04"


def _wacz(
    path: str, handle: IO[bytes], limits: Limits, tally: _Tally
) -> Iterator[RawArticle | Problem]:
    """The pages of every WARC in a WACZ package (``archive/*.warc[.gz]``), in name order."""
    with zipfile.ZipFile(handle) as package:
        names = sorted(n for n in package.namelist() if n.lower().endswith((".warc", ".warc.gz")))
        if not names:
            yield Problem(path, "no WARC files in this WACZ package (archive/*.warc.gz)")
            return
        for name in names:
            size = package.getinfo(name).file_size
            # zip members seek slowly (from their start): a member is read into memory
            # when it is small, else spooled to a temporary file.
            with package.open(name) as member, _seekable(member, size) as copy:
                yield from _warc(path, name, copy, size, limits, tally)


def _seekable(member: IO[bytes], size: int) -> IO[bytes]:
    import tempfile

    if size <= 64 << 20:
        return io.BytesIO(member.read())
    spool = tempfile.TemporaryFile()  # noqa: SIM115 (the caller closes it)
    while chunk := member.read(1 << 20):
        spool.write(chunk)
    spool.seek(0)
    return spool


def _warc(
    path: str, member: str, handle: IO[bytes], size: int, limits: Limits, tally: _Tally
) -> Iterator[RawArticle | Problem]:
    """The pages of one WARC. A page is held back until the next record shows that its
    own was whole: a record found cut or lying about its length is refused, not read."""
    where = f"{member}, " if member else ""
    pending: tuple[int, str, RawArticle | Problem | _Revisit | str] | None = None
    for found in records(handle, size):
        if isinstance(found, Damage):
            tally.counts["damaged"] += 1
            record = None
            if pending is not None and pending[0] == found.offset:
                record, pending = tally.records - 1, None  # the record just read
            yield Problem(path, f"{where}at byte {found.offset:,}: {found.reason}", record)
            continue
        if pending is not None:
            yield from _counted(pending[2], pending[1], tally)
        number = tally.records
        tally.records += 1
        pending = (
            found.offset,
            f"{where}at byte {found.offset:,}: ",
            _page(path, found, number, limits),
        )
    if pending is not None:
        yield from _counted(pending[2], pending[1], tally)


def _counted(
    page: RawArticle | Problem | _Revisit | str, at: str, tally: _Tally
) -> Iterator[RawArticle | Problem]:
    if isinstance(page, _Revisit):
        repeated = tally.repeated(page)
        if repeated is None:
            tally.counts["revisit elsewhere"] += 1
            return
        tally.counts["revisit"] += 1
        yield _revisited(repeated, page)
        return
    if isinstance(page, RawArticle):
        tally.remember(page)
    if isinstance(page, str):
        tally.counts[page] += 1
    elif isinstance(page, Problem):
        tally.counts["refused"] += 1
        yield replace(page, message=f"{at}{page.message}")
    else:
        tally.counts["page"] += 1
        yield page


def _revisited(page: RawArticle, revisit: _Revisit) -> RawArticle:
    """The capture a revisit repeats, as captured again: its text, the revisit's address,
    time and record, and which capture it repeats."""
    fields = {m.name: m.value for m in page.metadata}
    kept = tuple(m for m in page.metadata if m.name not in ("url", "captured", "offset"))
    first = 0 if page.record is None else page.record
    again = (
        MetaField("url", revisit.uri, None),
        MetaField("captured", revisit.captured, None),
        MetaField("offset", str(revisit.offset), None),
        # the record as problem lines count them, from 1
        MetaField("revisit-of", f"{fields.get('captured', '')} (record {first + 1})", None),
    )
    return replace(page, url=revisit.uri, record=revisit.number, metadata=kept + again)


def _page(
    path: str, found: Record, number: int, limits: Limits
) -> RawArticle | Problem | _Revisit | str:
    """The article of one record, a problem, a revisit, or the name of what it was."""
    warc = found.warc
    kind = warc.rec_type
    headers = warc.rec_headers
    if kind == "revisit":
        return _Revisit(
            (headers.get_header("WARC-Target-URI") or "").strip(),
            (headers.get_header("WARC-Date") or "").strip(),
            (headers.get_header("WARC-Payload-Digest") or "").strip(),
            (
                (headers.get_header("WARC-Refers-To-Target-URI") or "").strip(),
                (headers.get_header("WARC-Refers-To-Date") or "").strip(),
            ),
            number,
            found.offset,
        )
    if kind not in _PAGE_RECORDS:
        return "other"
    uri = (warc.rec_headers.get_header("WARC-Target-URI") or "").strip()
    if urlsplit(uri).path.lower() == "/robots.txt":
        return "robots"
    status, content_type = _status_and_type(warc)
    if status is not None and 300 <= status < 400:
        return "redirect"
    if status is not None and not 200 <= status < 300:
        return "error"
    media = content_type.split(";")[0].strip().lower()
    if media and media not in _HTML_TYPES + _TEXT_TYPES:
        return "not html"
    try:
        payload = warc.content_stream().read(limits.max_file_bytes + 1)
    except Exception as error:  # a content encoding that lies: this record only
        return Problem(path, f"cannot decode the page ({type(error).__name__})", number)
    if len(payload) > limits.max_file_bytes:
        return Problem(path, limits.file_too_large(None), number)
    return _article(
        path, warc, uri, payload, media, content_type, status, found.offset, number, limits
    )


def _status_and_type(warc: Any) -> tuple[int | None, str]:
    """The HTTP status (``None`` for a resource record) and the page's content type."""
    http = warc.http_headers
    if http is None:
        return None, warc.rec_headers.get_header("Content-Type") or ""
    try:
        status = int(http.get_statuscode())
    except (TypeError, ValueError):
        status = 0
    return status, http.get_header("Content-Type") or ""


def _article(
    path: str,
    warc: Any,
    uri: str,
    payload: bytes,
    media: str,
    content_type: str,
    status: int | None,
    offset: int,
    number: int,
    limits: Limits,
) -> RawArticle | Problem | str:
    html = media in _HTML_TYPES or (not media and payload.lstrip()[:1] == b"<")
    charset = _charset(content_type) or (declared_charset(payload) if html else None)
    try:
        decoded = decode(payload, charset)
    except NotText:
        return "no text"
    if html and len(decoded.text) > limits.max_page_chars:
        return Problem(path, limits.page_too_long(len(decoded.text)), number)
    if html:
        read = read_html(path, decoded.text, decoded.encoding)
        if isinstance(read, Problem):
            return "no text"
        raw = read
    else:
        raw = RawArticle(path, decoded.text, "text", decoded.encoding)
    captured = (warc.rec_headers.get_header("WARC-Date") or "").strip()
    canonical = raw.url if raw.url and raw.url != uri else None
    facts = [
        ("url", uri),
        ("captured", captured),
        ("status", "" if status is None else str(status)),
        ("content-type", content_type.strip()),
        ("offset", str(offset)),
        ("canonical", canonical or ""),
        ("digest", (warc.rec_headers.get_header("WARC-Payload-Digest") or "").strip()),
    ]
    kept = tuple(m for m in raw.metadata if m.name != "url")
    metadata = kept + tuple(MetaField(name, value, None) for name, value in facts if value)
    return replace(
        raw,
        url=uri or raw.url,
        date=raw.date or (captured[:10] if captured[:4].isdigit() else None),
        record=number,
        metadata=metadata,
    )


def _charset(content_type: str) -> str | None:
    import codecs

    for part in content_type.split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset":
            try:
                return codecs.lookup(value.strip().strip("\"'")).name
            except LookupError:
                return None
    return None
