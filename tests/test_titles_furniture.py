"""Titles are headlines, not page furniture (issue 13): every class of furniture a page's
head carries is passed over, what pages glue to a headline is trimmed off, and a text
with no headline takes its story's first sentence. All the prose here is invented."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.ingest import load
from viewer.ingest.assemble import RawArticle, assemble
from viewer.ingest.title_furniture import label_reason, never_headline, title_furniture
from viewer.ingest.title_trim import trim_title
from viewer.model import Article, Span

HEADLINE = "Ferry service resumes after winter storm repairs"
STORY = (
    "The ferry between the two harbour towns sailed again on Monday after six weeks of "
    "repairs to the storm-damaged landing stage, which had left islanders taking a long "
    "detour by road.\n\n"
    "The operator said the timetable would return to normal by the end of the month.\n"
)
FIRST = STORY.split(",")[0].split(" after")[0]


def record(
    text: str,
    *,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    format: str = "jsonl",
) -> Article:
    """The article a loader would make of one record with no other metadata."""
    return assemble(
        RawArticle("pages.jsonl", text, format, "utf-8", 0, title, source=source, url=url)
    )


def assert_span_holds_title(article: Article) -> None:
    assert article.title_span is not None
    assert article.text[article.title_span.start : article.title_span.end] == article.title


@pytest.mark.parametrize(
    ("head", "reason"),
    [
        ("Daily stories for harbour towns and their ferries.", "a site tagline"),
        ("Portsmouth", "a dateline line"),
        ("Harbour Board", "a section label"),
        ("New! Get our free coastal newsletter in your inbox.", "a sign-up after a marker"),
        ("View all Load more\nCoast Science", "a row of buttons and a label"),
        ("Edit", "a button"),
        ("Show full item record", "a button's label"),
        ("The Harbour Courier", "a masthead"),
        ("Ann Lee. (Photo: Getty Images)", "a caption fragment with its credit"),
        ("We're Open", "a label in capitals"),
        ("by Coastal Desk Staff", "a byline"),
        ("News | Sport | Weather | Traffic", "a navigation row"),
        ("You may edit this article.", "a notice about the page"),
        ("June 2021 Archives", "an archive heading"),
        ("from the coastal desk", "a lower-case tagline"),
        ("Skip to content\nSign in\nMenu", "page chrome"),
    ],
)
def test_furniture_above_the_headline_is_passed_over(head: str, reason: str) -> None:
    article = record(f"{head}\n\n{HEADLINE}\n\n{STORY}")
    assert article.title == HEADLINE, reason
    assert_span_holds_title(article)


@pytest.mark.parametrize(
    "head",
    [
        "Portsmouth",
        "Daily stories for harbour towns.",
        "The Harbour Courier",
        "by Coastal Desk Staff",
    ],
)
def test_without_a_headline_the_title_is_the_first_sentence_of_the_story(head: str) -> None:
    article = record(f"{head}\n\n{STORY}")
    assert article.title.startswith("The ferry between the two harbour towns")
    assert article.title in {s.text for s in article.sentences}
    assert_span_holds_title(article)


def test_a_labelled_date_and_a_byline_open_no_title() -> None:
    article = record(f" date 2024-05-02 by Coastal Desk Staff\n\n{STORY}")
    assert article.title.startswith("The ferry between")
    assert_span_holds_title(article)


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (f"× {HEADLINE}", HEADLINE),
        (f"▶ {HEADLINE}", HEADLINE),
        (f"Home > Local > {HEADLINE}", HEADLINE),
        (f"Current:Home > Local{HEADLINE}", HEADLINE),
        (f"{HEADLINE} | Coast", HEADLINE),
        (f"{HEADLINE} -TideLine", HEADLINE),
        (f"{HEADLINE} -Tide Line Daily", HEADLINE),
        (f"{HEADLINE} - The Harbour Courier", HEADLINE),
        (f" date 2024-05-02 × {HEADLINE}", HEADLINE),
    ],
)
def test_what_pages_glue_to_a_headline_is_trimmed_off(line: str, title: str) -> None:
    article = record(f"{line}\n\n{STORY}")
    assert article.title == title
    assert_span_holds_title(article)


def test_a_glued_breadcrumb_is_trimmed_from_a_first_sentence_too() -> None:
    text = "Current:Home > LocalThe ferry sailed again on Monday. Will fares rise? -Tide Line\n"
    article = record(text + STORY)
    assert article.title == "The ferry sailed again on Monday."
    assert_span_holds_title(article)


@pytest.mark.parametrize(
    "dateline",
    ["PORTSMOUTH - ", "PORTSMOUTH, Hants. --- ", "(HN) - ", "Portsmouth — ", "PORTSMOUTH, HANTS–"],
)
def test_a_dateline_opening_the_first_sentence_is_no_part_of_the_title(dateline: str) -> None:
    article = record(dateline + STORY)
    assert article.title.startswith("The ferry between the two harbour towns sailed")
    assert_span_holds_title(article)


@pytest.mark.parametrize(
    "headline",
    [
        "Show boats return to the harbour for the summer festival",
        "View from the pier: a town counts the cost of the storm",
        "Home sales slow along the coast",
        "Daily ferry crossings cut as fuel costs climb",
        "Newspaper archive moves to the old customs house",
        "Harbour Times Ahead for Island Trade",
        "Editors meet at the harbour",
    ],
)
def test_a_headline_that_only_sounds_like_furniture_stays_the_title(headline: str) -> None:
    article = record(f"{headline}\n\n{STORY}")
    assert article.title == headline
    assert never_headline(headline) is None


def test_a_site_named_in_the_address_is_no_title() -> None:
    text = f"Saltmarsh Signal Online\n\n{HEADLINE}\n\n{STORY}"
    assert record(text).title == "Saltmarsh Signal Online"  # by its form, a headline
    article = record(text, url="https://www.saltmarshsignalonline.com/2024/ferry")
    assert article.title == HEADLINE
    assert_span_holds_title(article)
    name = "The Saltmarsh Signal Online"
    assert title_furniture(name, url="https://saltmarshsignalonline.com/") is not None


def test_a_known_outlet_is_no_title() -> None:
    article = record(f"Coastline Radio Online\n\n{STORY}", source="Coastline Radio Online")
    assert article.title.startswith("The ferry between")


@pytest.mark.parametrize("given", ["Edit", "Show full item record", "© 2023", "Skip to content"])
def test_a_metadata_title_that_is_furniture_gives_way_to_the_headline(given: str) -> None:
    article = record(f"{HEADLINE}\n\n{STORY}", title=given)
    assert article.title == HEADLINE
    assert_span_holds_title(article)


@pytest.mark.parametrize("given", ["Ferry resumes", "Portsmouth", "2024"])
def test_a_metadata_title_that_is_no_furniture_wins(given: str) -> None:
    assert record(f"Skip to content\n\n{STORY}", title=given).title == given


def test_a_web_page_title_that_is_a_button_is_passed_over(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY.split("\n\n"))
    page = (
        "<html><head><title>Show full item record</title></head>"
        f"<body><h1>{HEADLINE}</h1><article>{paragraphs}</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    (article,) = load([path]).articles
    assert article.title == HEADLINE


class TestTextFiles:
    def test_the_opening_line_of_a_file_may_be_one_word(self) -> None:
        article = record(f"Votes\n\n{STORY}", format="text")
        assert article.title == "Votes"

    def test_a_label_below_page_chrome_is_no_headline(self) -> None:
        article = record(f"Skip to content\nHarbour Board\n\n{STORY}", format="text")
        assert article.title.startswith("The ferry between")
        assert_span_holds_title(article)

    def test_a_glyph_before_the_headline_is_left_out_of_its_span(self) -> None:
        article = record(f"× {HEADLINE}\n\n{STORY}", format="text")
        assert article.title == HEADLINE
        assert_span_holds_title(article)
        assert not any(HEADLINE in s.text for s in article.sentences)

    def test_a_masthead_above_the_headline_is_passed_over(self) -> None:
        article = record(f"The Harbour Courier\n{HEADLINE}\n\n{STORY}", format="text")
        assert article.title == HEADLINE
        assert article.sentences[0].text == "The Harbour Courier"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Portsmouth", "a lone word"),
        ("New!", "a lone word"),
        ("Harbour Board", "a label or a name"),
        ("Ann Lee.", "a label or a name"),
        ("from the coastal desk", "a lower-case tagline"),
        ("Pier ablaze", None),
        ("6 boats lost, 2 crews rescued", None),
    ],
)
def test_labels(line: str, reason: str | None) -> None:
    assert label_reason(line) == reason


def test_trimming_leaves_a_copyright_sign_to_the_furniture_test() -> None:
    text = "© Harbour Courier 2023"
    assert trim_title(text, Span(0, len(text))) == Span(0, len(text))
    assert title_furniture(text) is not None


_LINES = st.sampled_from(
    [
        HEADLINE,
        f"× {HEADLINE}",
        f"Home > Local{HEADLINE}",
        f"{HEADLINE} | Coast",
        "Portsmouth",
        "Harbour Board",
        "Edit",
        "View all Load more",
        "The Harbour Courier",
        "by Coastal Desk Staff",
        " date 2024-05-02 ",
        "PORTSMOUTH - The ferry sailed.",
        "Ann Lee. (Photo: Getty Images)",
        "Skip to content",
        "© 2023",
        "×",
        "> >",
        "The ferry sailed again on Monday after six weeks of repairs.",
        "It was late. The crew waited.",
        "",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(_LINES, min_size=1, max_size=8),
    st.sampled_from(["\n", "\n\n", "\r\n"]),
    st.sampled_from(["jsonl", "text", "markdown", "html"]),
)
def test_the_title_span_always_slices_the_text_to_the_title(
    lines: list[str], newline: str, format: str
) -> None:
    text = newline.join(lines)
    article = record(text, format=format)
    if article.title_span is not None:
        assert text[article.title_span.start : article.title_span.end] == article.title
    assert article.title in text
    assert article.title == article.title.strip()
