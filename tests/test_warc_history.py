"""A crawl of a few hundred captures: several pages, each captured several times as it was
edited, shuffled among the noise a crawler writes; read, audited and told apart by page."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from viewer.corpus.audit import audit
from viewer.history.build import revisions_of
from viewer.ingest import load
from viewer.model import DriftKind

PAGES = 24
CAPTURES = 6
WORDS = (
    "harbour quarry orchard viaduct lighthouse tannery granary foundry ferry mill "
    "chapel brewery market tramway reservoir sawmill creamery bakery canal observatory "
    "boathouse forge pier archive kiln smokehouse vineyard pottery ropewalk signal"
).split()
TOWNS = (
    "Ashcombe Brindle Carrow Dunmere Elsfield Farrowby Glenhurst Hallow Ivybridge Jessop "
    "Kelling Larkmoor Midhope Netherby Orwin Pennick Quarley Rushden Stowell Tilbury "
    "Upcott Varley Welland Yarrow"
).split()


def story(page: int, capture: int) -> list[str]:
    """The paragraphs of one page at one capture: each capture edits the one before it."""
    town, thing = TOWNS[page], WORDS[page]
    injured = 2 + capture // 2  # the count rises in captures 2 and 4
    paragraphs = [
        f"A fire at the old {thing} in {town} injured {injured} people on Saturday night, "
        "the county fire service said.",
        f"Crews from three stations fought the blaze at the {thing} for more than six hours.",
        f"The {thing}, built in the last century, had been empty since the spring.",
        f"Police in {town} said the cause was not yet known and asked witnesses to come forward.",
    ]
    if capture >= 3:  # a paragraph is added
        paragraphs.append(f"A road near the {thing} will stay closed until Monday.")
    if capture >= 5:  # and one is cut
        del paragraphs[2]
    return paragraphs


def html(page: int, capture: int) -> bytes:
    title = f"Fire at the {WORDS[page]} in {TOWNS[page]}"
    body = "".join(f"<p>{p}</p>" for p in story(page, capture))
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def write_crawl(path: Path) -> dict[str, int]:
    """Write the crawl in a shuffled order; returns how many records of each kind."""
    rng = random.Random(7)
    records: list[tuple[str, str, bytes, str, str]] = []
    for page in range(PAGES):
        for capture in range(CAPTURES):
            # the same page under the addresses a crawler meets it by
            uri = f"https://www.county-news.example/fire/{page}" + (
                "?utm_source=feed" if capture % 2 else "/"
            )
            when = f"2024-03-{1 + capture:02d}T{8 + page % 10:02d}:15:00Z"
            records.append(("response", uri, html(page, capture), "200 OK", when))
            records.append(("request", uri, b"GET / HTTP/1.1\r\n\r\n", "", when))
    for n in range(15):
        records.append(
            (
                "response",
                f"https://county-news.example/moved/{n}",
                b"",
                "301 Moved",
                "2024-03-02T00:00:00Z",
            )
        )
        records.append(
            (
                "response",
                f"https://county-news.example/missing/{n}",
                b"<p>no</p>",
                "404 Not Found",
                "2024-03-02T00:00:00Z",
            )
        )
        records.append(
            (
                "image",
                f"https://county-news.example/img/{n}.jpg",
                b"\xff\xd8\xff",
                "200 OK",
                "2024-03-02T00:00:00Z",
            )
        )
    records.append(
        (
            "response",
            "https://county-news.example/robots.txt",
            b"User-agent: *\n",
            "200 OK",
            "2024-03-01T00:00:00Z",
        )
    )
    rng.shuffle(records)
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for kind, uri, body, status, when in records:
            headers = {"WARC-Date": when}
            if kind == "request":
                record = writer.create_warc_record(
                    uri,
                    "request",
                    payload=io.BytesIO(body),
                    length=len(body),
                    warc_headers_dict=headers,
                )
            else:
                media = (
                    "image/jpeg"
                    if kind == "image"
                    else ("text/plain" if uri.endswith(".txt") else "text/html; charset=utf-8")
                )
                http = StatusAndHeaders(status, [("Content-Type", media)], protocol="HTTP/1.1")
                record = writer.create_warc_record(
                    uri,
                    "response",
                    payload=io.BytesIO(body),
                    length=len(body),
                    http_headers=http,
                    warc_headers_dict=headers,
                )
            writer.write_record(record)
    return {"records": len(records), "pages": PAGES * CAPTURES}


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("crawl") / "county.warc.gz"
    return path, write_crawl(path)


def test_the_counts_of_what_was_passed_over_are_right(crawl: tuple[Path, dict[str, int]]) -> None:
    path, counts = crawl
    corpus = load([path])
    assert len(corpus.articles) == counts["pages"] and corpus.problems == ()
    (note,) = corpus.notes
    assert note.message == (
        f"{counts['records']:,} records: 144 pages, 15 not HTML, 15 redirects, 15 errors, "
        "1 robots.txt, 144 requests, metadata and info records"
    )


def test_each_page_is_one_history_with_its_captures_in_time_order(
    crawl: tuple[Path, dict[str, int]],
) -> None:
    path, _ = crawl
    found = revisions_of(load([path]).articles)
    assert len(found) == PAGES
    for revisions in found:
        versions = revisions.history.versions
        assert len(versions) == CAPTURES
        moments = [v.captured.moment for v in versions if v.captured]
        assert len(moments) == CAPTURES and moments == sorted(moments)
        towns = {next(t for t in TOWNS if t in v.article.text) for v in versions}
        assert len(towns) == 1
        # the count of injured rose at the third and fifth captures, nowhere else
        numbered = [
            n
            for n, step in enumerate(revisions.steps, 2)
            if any(d.kind is DriftKind.NUMBER for d in step.flags)
        ]
        assert numbered == [3, 5], numbered


def test_the_audit_puts_each_pages_captures_in_one_family(
    crawl: tuple[Path, dict[str, int]],
) -> None:
    path, _ = crawl
    articles = load([path]).articles
    found = audit(articles, drift=False)
    url_of = {a.id: a.url.split("?")[0].rstrip("/") for a in articles if a.url}
    families = [{url_of[m] for m in family.articles} for family in found.families]
    assert sorted(len(f) for f in families) == [1] * PAGES
    assert len(families) == PAGES


def test_viewer_history_on_the_crawl_lists_one_pages_steps_and_flags(
    crawl: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from viewer.cli import main

    path, _ = crawl
    url = "https://county-news.example/fire/3"
    assert main(["history", str(path), "--url", url, "--format", "json"]) == 0
    (found,) = json.loads(capsys.readouterr().out)["histories"]
    assert len(found["versions"]) == CAPTURES
    assert [v["captured"][:10] for v in found["versions"]] == [
        f"2024-03-{1 + n:02d}" for n in range(CAPTURES)
    ]
    assert main(["history", str(path), "--url", url]) == 0
    text = capsys.readouterr().out
    assert "number changed: 2 → 3" in text and "+1 sentence" in text and "−1 sentence" in text
