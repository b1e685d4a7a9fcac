"""Addresses in canonical form, for the same-page and same-outlet evidence (issue 13)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests.articles import article
from viewer import load
from viewer.corpus.credits import credited, outlet_key, publisher
from viewer.ingest.urls import canonical_url, domain, host, path, same_page, site_label


@pytest.mark.parametrize(
    "url",
    [
        "https://www.harbourgazette.com/news/pier-fire/",
        "http://harbourgazette.com/news/pier-fire",
        "HTTPS://WWW.HarbourGazette.com/news/pier-fire?utm_source=feed&utm_medium=rss",
        "https://m.harbourgazette.com/news/pier-fire#comments",
        "https://harbourgazette.com:443/news/pier-fire/?fbclid=abc123",
        "harbourgazette.com/news/pier-fire",
    ],
)
def test_every_way_of_writing_one_address_has_one_canonical_form(url: str) -> None:
    assert canonical_url(url) == "harbourgazette.com/news/pier-fire"
    assert same_page(url, "https://harbourgazette.com/news/pier-fire")


def test_a_query_that_names_the_story_is_kept_and_sorted() -> None:
    assert canonical_url("https://example.org/story.php?page=2&id=77") == (
        "example.org/story.php?id=77&page=2"
    )
    assert not same_page(
        "https://example.org/story.php?id=77", "https://example.org/story.php?id=78"
    )


@pytest.mark.parametrize("url", [None, "", "not an address", "ftp://example.org/a", "https://x:y/"])
def test_what_is_no_web_address_has_no_form(url: str | None) -> None:
    assert canonical_url(url) is None and host(url) is None and path(url) is None
    assert not same_page(url, url)


@pytest.mark.parametrize(
    ("url", "registered", "label"),
    [
        ("https://news.bbc.co.uk/2/hi/story.stm", "bbc.co.uk", "bbc"),
        ("https://edition.cnn.com/2024/03/05/world/story", "cnn.com", "cnn"),
        ("https://www.abc.net.au/news/story", "abc.net.au", "abc"),
        (
            "https://harbourside.blogspot.com/2024/03/fire.html",
            "harbourside.blogspot.com",
            "harbourside",
        ),
        ("https://www.harbourgazette.example/fire", "harbourgazette.example", "harbourgazette"),
        ("http://203.0.113.9/story", None, None),
    ],
)
def test_the_outlet_is_the_registrable_domain(
    url: str, registered: str | None, label: str | None
) -> None:
    assert domain(url) == registered
    assert site_label(url) == label


def test_two_blogs_on_one_host_are_two_outlets() -> None:
    one = dataclasses.replace(article("Text.", "one"), url="https://harbourside.blogspot.com/a")
    two = dataclasses.replace(article("Text.", "two"), url="https://coastwatch.blogspot.com/b")
    assert publisher(one) == "harbourside" and publisher(two) == "coastwatch"


def test_an_address_without_a_scheme_still_names_its_publisher() -> None:
    page = dataclasses.replace(article("Text.", "page"), url="apnews.com/article/pier-fire")
    assert publisher(page) == "ap"


def test_an_outlet_credited_by_its_address_is_the_outlet_of_its_pages(tmp_path: Path) -> None:
    assert outlet_key("www.harbourgazette.com") == "harbourgazette"
    assert outlet_key("https://apnews.com/") == outlet_key("AP") == "ap"
    page = tmp_path / "copy.txt"
    page.write_text(
        "Pier fire\n\nA long line of story text about the pier.\n\n"
        "This article originally appeared on www.harbourgazette.com.\n",
        encoding="utf-8",
    )
    (copy,) = load([str(page)]).articles
    source = dataclasses.replace(article("Text.", "src"), url="https://harbourgazette.com/a")
    assert publisher(source) == "harbourgazette" and "harbourgazette" in credited(copy)
