"""Reading a web archive: viewer's record reader against warcio alone, on the same file.

Writes one ``.warc.gz`` of ``--pages`` HTML responses of generated news text (about 540
words each, ``corpus.BulkWriter``), each after its request record, as a crawler writes
them, then measures, best of ``--rounds``:

- **warcio alone** (the baseline): ``ArchiveIterator`` over the file, each record's
  content read to its end; what any program reading the archive must do.
- **viewer's records**: :func:`viewer.ingest.warc_records.records`, the same iteration
  with the checks that find cut and lying records, each page's content read.
- **FastWARC** (when installed, for the record of the choice in ``viewer/ingest/warc.py``):
  its ``ArchiveIterator`` with HTTP parsing, each record's content read.
- **the whole load**: ``viewer.ingest.load`` on the file, which also extracts each
  page's article with trafilatura and segments it; pages per second.

Records per second for each, and ratios against warcio alone.

Usage: ``python benchmarks/warc_read.py [--pages 2000] [--rounds 3]``
"""

from __future__ import annotations

import argparse
import io
import tempfile
from pathlib import Path

from corpus import BulkWriter
from measure import best_of, record

from viewer.ingest import load
from viewer.ingest.warc_records import Record, records


def write_crawl(path: Path, pages: int) -> int:
    """Write ``pages`` responses, each with its request; returns the number of records."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    texts = BulkWriter(seed=11).texts(pages)
    request = b"GET / HTTP/1.1\r\nHost: news.example\r\n\r\n"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for n, text in enumerate(texts):
            uri = f"https://news.example/story/{n}"
            writer.write_record(
                writer.create_warc_record(
                    uri, "request", payload=io.BytesIO(request), length=len(request)
                )
            )
            paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n") if p.strip())
            body = (
                f"<html><head><title>Story {n}</title></head><body><article>"
                f"<h1>Story {n}</h1>{paragraphs}</article></body></html>"
            ).encode()
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(body), length=len(body), http_headers=http
                )
            )
    return 2 * pages


def warcio_alone(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    with path.open("rb") as handle:
        for found in ArchiveIterator(handle):
            found.content_stream().read()
            count += 1
    return count


def viewer_records(path: Path) -> int:
    count = 0
    with path.open("rb") as handle:
        size = path.stat().st_size
        for found in records(handle, size):
            if isinstance(found, Record):
                if found.warc.rec_type == "response":
                    found.warc.content_stream().read()
                count += 1
    return count


def fastwarc_alone(path: Path) -> int | None:
    try:
        from fastwarc.warc import ArchiveIterator
    except ImportError:
        return None
    count = 0
    with path.open("rb") as handle:
        for found in ArchiveIterator(handle, parse_http=True):
            found.reader.read()
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="viewer-warc-") as folder:
        path = Path(folder) / "crawl.warc.gz"
        total = write_crawl(path, args.pages)
        megabytes = path.stat().st_size / 2**20
        assert warcio_alone(path) == total and viewer_records(path) == total
        base = total / best_of(args.rounds, lambda: warcio_alone(path))
        record(f"warcio alone, {total:,} records ({megabytes:.1f} MB)", base, "records/s")
        ours = total / best_of(args.rounds, lambda: viewer_records(path))
        record(
            "viewer's record reader",
            ours,
            "records/s",
            baseline=base,
            baseline_name="warcio alone",
            ratio_at_least=0.8,
            note="the same records, with the checks for cut and lying records",
        )
        if fastwarc_alone(path) is not None:
            fast = total / best_of(args.rounds, lambda: fastwarc_alone(path))
            record("FastWARC alone", fast, "records/s", baseline=base, baseline_name="warcio alone")
        pages = len(load([path]).articles)
        assert pages == args.pages, pages
        whole = args.pages / best_of(1, lambda: load([path]))
        record(
            "whole load (extract and segment each page)",
            whole,
            "pages/s",
            baseline=base / 2,
            baseline_name="warcio alone, in response records/s",
            note="article extraction is the cost; reading records is a small part",
        )


if __name__ == "__main__":
    main()
