"""One date reader for every comparison of dates (issue 13): long forms, ISO, and numeric
dates only when their order is certain."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tests.articles import article
from tests.test_corpus_stories import dated
from viewer.corpus.published import earlier, published
from viewer.ingest.dates import iso_date, parse_date


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2024-03-04", dt.date(2024, 3, 4)),
        ("2024-03-04T22:15:00-05:00", dt.date(2024, 3, 4)),
        ("March 5, 2024", dt.date(2024, 3, 5)),
        ("Mar. 5, 2024", dt.date(2024, 3, 5)),
        ("5 Mar 2024", dt.date(2024, 3, 5)),
        ("Tuesday, 5th March 2024", dt.date(2024, 3, 5)),
        ("Updated 4:10 PM, Sept. 30, 2023", dt.date(2023, 9, 30)),
        ("2024/03/05", dt.date(2024, 3, 5)),
        ("03/25/2024", dt.date(2024, 3, 25)),
        ("25/03/2024", dt.date(2024, 3, 25)),
        ("07.07.2019", dt.date(2019, 7, 7)),
    ],
)
def test_dates_read_as_days(value: str, day: dt.date) -> None:
    assert parse_date(value) == day
    assert iso_date(value) == day.isoformat()


@pytest.mark.parametrize(
    "value",
    [
        "03/05/2024",  # March 5 or 3 May: no evidence rather than a guess
        "1.2.2024",
        "2023-02-29",
        "31 April 2024",
        "13/14/2024",
        "August 2013",
        "last Tuesday",
        "",
        None,
    ],
)
def test_ambiguous_or_unreal_dates_are_no_date(value: str | None) -> None:
    assert parse_date(value) is None


def test_long_form_and_iso_dates_are_ordered_as_days_not_strings() -> None:
    # As strings "March 5, 2024" sorts after every ISO date ("M" > "2").
    march_fifth = dated(article("One line of text.", "long"), "March 5, 2024")
    march_fourth = dated(article("One line of text.", "iso"), "2024-03-04")
    assert published(march_fifth) == "2024-03-05"
    assert earlier(march_fifth, march_fourth) is march_fourth
    later = dated(article("One line of text.", "later"), "5 Mar 2025")
    assert earlier(march_fourth, later) is march_fourth


def test_an_unreadable_date_falls_back_to_the_address_or_gives_no_order() -> None:
    unsure = dated(article("One line of text.", "unsure"), "03/05/2024")
    sure = dated(article("One line of text.", "sure"), "2024-03-04")
    assert published(unsure) is None and earlier(unsure, sure) is None
    addressed = dataclasses.replace(unsure, url="https://www.example.org/2024/03/01/story/")
    assert published(addressed) == "2024-03-01" and earlier(addressed, sure) is addressed
    same_day = dated(article("One line of text.", "same"), "March 4, 2024")
    assert earlier(same_day, sure) is None
