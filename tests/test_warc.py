"""Web archives in: WARC and WACZ files written here with warcio itself, clean and damaged."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from viewer.cli import main
from viewer.ingest import load
from viewer.ingest.warc_records import starts_like_warc

GET = b"GET / HTTP/1.1\r\nHost: www.example.org\r\n\r\n"
TOWNS = ("Harlow Bay", "Kestrel Ford", "Mirren Vale", "Oakhollow", "Pellmouth")


def page(n: int, edit: str = "") -> bytes:
    """A small news page about one invented town, with a headline and three paragraphs."""
    town = TOWNS[n % len(TOWNS)]
    paragraphs = (
        f"The council of {town} voted on Tuesday to rebuild the harbour wall{edit}.",
        f"Residents of {town} had asked for the repair since the storm of last winter, "
        "when waves reached the market square.",
        "Work is expected to begin in the spring and to last about eight months, "
        "the council's engineer said.",
    )
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{town} will rebuild its harbour wall</title></head><body><article>"
        f"<h1>{town} will rebuild its harbour wall</h1>{body}</article></body></html>"
    ).encode()


def response(
    writer: WARCWriter,
    uri: str,
    body: bytes,
    *,
    status: str = "200 OK",
    content_type: str = "text/html; charset=utf-8",
    date: str = "2024-05-02T13:10:00Z",
    extra: Sequence[tuple[str, str]] = (),
) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type), *extra], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(body),
        length=len(body),  # given, so warcio need not buffer the payload to measure it
        http_headers=http,
        warc_headers_dict={"WARC-Date": date},
    )
    writer.write_record(record)


def crawl(handle: io.BufferedIOBase | io.BytesIO, *, compress: bool = True) -> list[int]:
    """A small crawl: three pages, and every kind of record a loader must pass over.
    Returns where each record starts."""
    writer = WARCWriter(handle, gzip=compress)
    starts: list[int] = []

    def mark() -> None:
        starts.append(handle.tell())

    mark()
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
    for n in range(3):
        mark()
        request = writer.create_warc_record(
            f"https://www.example.org/news/{n}",
            "request",
            payload=io.BytesIO(GET),
            length=len(GET),
        )
        writer.write_record(request)
        mark()
        response(writer, f"https://www.example.org/news/{n}", page(n))
    mark()
    response(
        writer,
        "https://www.example.org/old",
        b"",
        status="301 Moved Permanently",
        extra=[("Location", "https://www.example.org/news/0")],
    )
    mark()
    response(writer, "https://www.example.org/gone", b"<html>gone</html>", status="404 Not Found")
    mark()
    response(writer, "https://www.example.org/logo.png", b"\x89PNG\r\n", content_type="image/png")
    mark()
    response(
        writer, "https://www.example.org/robots.txt", b"User-agent: *\n", content_type="text/plain"
    )
    mark()
    revisit = writer.create_revisit_record(
        "https://www.example.org/news/0",
        digest="sha1:AAAA",
        refers_to_uri="https://www.example.org/news/0",
        refers_to_date="2024-05-02T13:10:00Z",
    )
    writer.write_record(revisit)
    mark()
    elsewhere = writer.create_revisit_record(
        "https://www.example.org/news/9",
        digest="sha1:BBBB",
        refers_to_uri="https://www.example.org/news/9",
        refers_to_date="2024-04-01T00:00:00Z",
    )
    writer.write_record(elsewhere)
    return starts


def write(path: Path, *, compress: bool = True) -> list[int]:
    with path.open("wb") as handle:
        return crawl(handle, compress=compress)


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_a_crawl_loads_its_pages_and_counts_what_it_passed_over(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write(path, compress=name.endswith(".gz"))
    corpus = load([path])
    assert corpus.problems == ()
    # the three pages, then the revisit of the first, captured again
    assert [a.url for a in corpus.articles] == [
        f"https://www.example.org/news/{n}" for n in (0, 1, 2, 0)
    ]
    (found,) = corpus.notes
    assert found.path == str(path)
    note = found.message
    assert note.startswith("13 records: 3 pages, "), note
    for part in (
        "1 not HTML",
        "1 redirect",
        "1 error",
        "1 robots.txt",
        "1 revisit of an earlier capture",
        "1 revisit of a capture not in this file",
        "4 requests, metadata and info records",
    ):
        assert part in note, (part, note)
    first = corpus.articles[0]
    assert first.title == "Harlow Bay will rebuild its harbour wall"
    assert "rebuild the harbour wall." in first.text
    fields = {m.name: m.value for m in first.metadata}
    assert fields["captured"] == "2024-05-02T13:10:00Z"
    assert fields["status"] == "200"
    assert fields["content-type"].startswith("text/html")
    assert first.date == "2024-05-02"
    assert [a.record for a in corpus.articles] == [2, 4, 6, 11]
    again = corpus.articles[3]
    assert again.text == first.text
    repeated = {m.name: m.value for m in again.metadata}
    assert repeated["revisit-of"] == "2024-05-02T13:10:00Z (record 3)"
    assert repeated["captured"] != fields["captured"]


def test_a_folder_reads_the_archives_in_it(tmp_path: Path) -> None:
    write(tmp_path / "a.warc.gz")
    (tmp_path / "photo.gz").write_bytes(gzip.compress(b"not an article"))
    corpus = load([tmp_path])
    assert len(corpus.articles) == 4 and corpus.problems == ()


def test_an_archive_without_its_name_is_known_by_its_first_bytes(tmp_path: Path) -> None:
    path = tmp_path / "capture.bin2"
    write(path)
    assert starts_like_warc(path.read_bytes()[:4096])
    assert len(load([path]).articles) == 4


def test_a_record_whose_length_lies_is_refused_and_the_rest_loads(tmp_path: Path) -> None:
    path = tmp_path / "lies.warc"
    starts = write(path, compress=False)
    data = path.read_bytes()
    # the second page's response (record 4) declares fewer bytes than it holds
    at = data.index(b"Content-Length: ", starts[4])
    end = data.index(b"\r\n", at)
    declared = int(data[at + 16 : end])
    data = data[:at] + f"Content-Length: {declared - 40}".encode() + data[end:]
    path.write_bytes(data)
    corpus = load([path])
    assert [a.url for a in corpus.articles] == [
        f"https://www.example.org/news/{n}" for n in (0, 2, 0)
    ]
    (problem,) = corpus.problems
    assert problem.record == 4
    assert f"at byte {starts[4]:,}" in problem.message
    assert "Content-Length" in problem.message


def test_a_damaged_gzip_member_costs_that_record_only(tmp_path: Path) -> None:
    path = tmp_path / "damaged.warc.gz"
    starts = write(path)
    data = bytearray(path.read_bytes())
    middle = (starts[4] + starts[5]) // 2  # inside the second page's compressed record
    data[middle : middle + 20] = b"\x00" * 20
    path.write_bytes(bytes(data))
    corpus = load([path])
    urls = [a.url for a in corpus.articles]
    # the pages either side of the damage, and the revisit of the first
    assert urls == [f"https://www.example.org/news/{n}" for n in (0, 2, 0)]
    assert len(corpus.problems) == 1
    assert f"at byte {starts[4]:,}" in corpus.problems[0].message


def test_a_cut_off_download_keeps_the_whole_records_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    starts = write(path)
    data = path.read_bytes()
    path.write_bytes(data[: (starts[6] + starts[7]) // 2])  # inside the third page
    corpus = load([path])
    assert [a.url for a in corpus.articles][:2] == [
        "https://www.example.org/news/0",
        "https://www.example.org/news/1",
    ]
    assert len(corpus.articles) == 2
    (problem,) = corpus.problems
    assert "cut short" in problem.message and str(path) == problem.path


def test_a_file_that_is_no_archive_gets_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "notes.warc"
    bad.write_text("Minutes of the harbour committee, not an archive.\n" * 40)
    good = tmp_path / "story.txt"
    good.write_text("The harbour wall will be rebuilt. Work begins in spring.\n")
    corpus = load([bad, good])
    assert len(corpus.articles) == 1
    (problem,) = corpus.problems
    assert problem.path == str(bad) and "not a WARC file" in problem.message
    assert corpus.notes == ()


def test_a_wacz_package_reads_its_archives(tmp_path: Path) -> None:
    inner = io.BytesIO()
    crawl(inner)
    path = tmp_path / "capture.wacz"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("archive/data.warc.gz", inner.getvalue())
        package.writestr("datapackage.json", json.dumps({"profile": "data-package"}))
    corpus = load([path])
    assert len(corpus.articles) == 4 and corpus.problems == ()
    assert corpus.notes[0].message.startswith("13 records: 3 pages")


def test_the_cli_audits_an_archive_and_says_what_it_passed_over(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "crawl.warc.gz")
    assert main(["audit", str(tmp_path), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert "13 records: 3 pages" in captured.err
    report = json.loads(captured.out)
    assert len(report["articles"]) == 4


def test_the_index_traces_a_page_back_to_its_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "crawl.warc.gz")
    db = tmp_path / "index.db"
    assert main(["index", "add", str(tmp_path / "crawl.warc.gz"), "--db", str(db)]) == 0
    probe = tmp_path / "probe.html"
    probe.write_bytes(page(1))
    capsys.readouterr()
    assert main(["trace", str(probe), "--index", str(db), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert "news/1" in json.dumps(out)


def _content_complete_at(data: bytes, start: int, end: int) -> int:
    """The shortest prefix of the gzip member ``data[start:end]`` that decompresses to its
    whole record but the closing record separator: a cut below it loses content."""
    whole = len(zlib.decompressobj(31).decompress(data[start:end]))
    low, high = start, end
    while low < high:
        middle = (low + high) // 2
        if len(zlib.decompressobj(31).decompress(data[start:middle])) >= whole - 4:
            high = middle
        else:
            low = middle + 1
    return low


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.floats(min_value=0.0, max_value=1.0))
def test_any_cut_loads_only_whole_pages_and_every_page_before_it(
    tmp_path: Path, cut: float
) -> None:
    whole = io.BytesIO()
    starts = crawl(whole)
    data = whole.getvalue()
    size = int(len(data) * cut)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[:size])
    corpus = load([path])  # never raises
    pages = {2: 0, 4: 1, 6: 2}
    ends = [*starts[1:], len(data)]
    loaded = {a.record for a in corpus.articles}
    for record in pages:
        if ends[record] <= size:
            assert record in loaded, (size, record)  # every whole page before the cut
        # a gzip member's last bytes are its checksum and the compressed record separator
        # (CRLF CRLF after the content block): without them the page's text is all there,
        # and may load; cut inside the content block, it must not
        if size < _content_complete_at(data, starts[record], ends[record]):
            assert record not in loaded, (size, record)
    urls = [a.url for a in corpus.articles if a.record != 11]
    assert urls == [f"https://www.example.org/news/{pages[r]}" for r in sorted(loaded - {11})]
    # record 11 revisits record 2: it loads only when its headers were read, and that one did
    if 11 in loaded:
        assert size > starts[11] and 2 in loaded
    for article in corpus.articles:
        assert article.text.endswith("the council's engineer said.")
