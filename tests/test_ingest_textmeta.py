"""Metadata written into plain text and Markdown: headline, date, byline, dateline, credit."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.ingest import load
from viewer.ingest.textmeta import TextMeta, read_text_meta
from viewer.model import Article, Span

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed(number: int) -> Article:
    (path,) = SEEDS.glob(f"{number:03d}_*.txt")
    corpus = load([path])
    assert corpus.problems == ()
    (article,) = corpus.articles
    return article


def fields(meta: TextMeta, text: str) -> list[tuple[str, str, str]]:
    """Each field as (name, value, text under its span)."""
    return [
        (f.name, f.value, text[f.span.start : f.span.end] if f.span else "") for f in meta.fields
    ]


def skipped(meta: TextMeta, text: str) -> list[str]:
    return [text[start:end] for start, end in meta.skip]


def assert_spans_hold_values(article: Article) -> None:
    for field in article.metadata:
        if field.span is not None:
            assert field.value in article.text[field.span.start : field.span.end], field
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
        for start, end in (f.span for f in article.metadata if f.span and f.name != "credit"):
            assert end <= sentence.start or start >= sentence.end, (sentence, start, end)


class TestSeeds:
    def test_000_headline_and_credit(self) -> None:
        article = seed(0)
        assert article.title == (
            "Videos Show Chicago Police Firing 96 Shots in Less Than 1 Minute During Deadly "
            "Traffic Stop"
        )
        assert article.title_span == Span(0, len(article.title))
        assert article.source == "People"
        credit = [f for f in article.metadata if f.name == "credit"]
        assert [f.value for f in credit] == ["People"]
        assert article.sentences[-1].text == "Read the original article on People."
        assert article.sentences[0].text == "Dexter Reed was killed during the stop"
        assert article.id.startswith("people-videos-show-chicago-police-firing-96-shots")
        assert_spans_hold_values(article)

    def test_001_headline_without_final_punctuation(self) -> None:
        article = seed(1)
        assert article.title.startswith("Chicago police fired 96 shots after a shooting")
        assert article.title.endswith("This is what the body camera footage shows")
        assert article.title_span == Span(0, len(article.title))
        assert article.source is None
        assert article.sentences[0].text == "Photo of author"
        assert article.id.startswith("001-fbd8aefc31d76d87-chicago-police-fired")
        assert_spans_hold_values(article)

    def test_002_first_line_is_body_with_date_and_dateline(self) -> None:
        article = seed(2)
        text = article.text
        assert article.date == "2024-04-09"
        assert article.source == "CNN"
        by_name = {f.name: f for f in article.metadata}
        date, dateline = by_name["date"], by_name["dateline"]
        assert date.span is not None and dateline.span is not None
        assert text[date.span.start : date.span.end] == "date 2024-04-09"
        assert text[dateline.span.start : dateline.span.end] == "Chicago (CNN) —"
        first = article.sentences[0]
        assert first.text.startswith("Newly released bodycam footage reveals")
        assert first.text.endswith("by Chicago police.")
        assert article.title == first.text
        assert article.title_span == first.span
        assert article.id.startswith("cnn-newly-released-bodycam-footage")
        assert_spans_hold_values(article)

    def test_seed_ids_are_unique(self) -> None:
        corpus = load([SEEDS])
        assert len({a.id for a in corpus.articles}) == 3


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Police release video\n\nOfficers fired first. Then more.", "Police release video"),
        ("Short headline.\n\nBody follows here.", "Short headline."),
        ("Is this a headline?\nBody follows here.", "Is this a headline?"),
        ("One sentence only.", None),
        ("Only a line without punctuation", None),
        ("First sentence here. Second sentence here.\n\nAnother paragraph.", None),
        ("The mayor said on Tuesday:\n\nEverything is fine.", None),
        ("WASHINGTON (AP) — The Senate voted.\n\nMore text.", None),
        ("x" * 260 + "\n\nBody.", None),
        ("12345\n\nBody.", None),
    ],
)
def test_headline_or_body(text: str, title: str | None) -> None:
    assert read_text_meta(text).title == title


def test_headline_byline_date_dateline_and_credit() -> None:
    text = (
        "Police release video\n"
        "By Jane Doe and John Roe, CNN | Published April 9, 2024\n\n"
        "WASHINGTON (AP) — Police released video on Tuesday. More later.\n\n"
        "Read the original article on People."
    )
    meta = read_text_meta(text)
    assert fields(meta, text) == [
        ("title", "Police release video", "Police release video"),
        ("byline", "By Jane Doe and John Roe, CNN", "By Jane Doe and John Roe, CNN"),
        ("author", "Jane Doe and John Roe", "Jane Doe and John Roe"),
        ("source", "CNN", "CNN"),
        ("date", "April 9, 2024", "Published April 9, 2024"),
        ("dateline", "WASHINGTON (AP)", "WASHINGTON (AP) —"),
        ("source", "AP", "AP"),
        ("credit", "People", "Read the original article on People."),
    ]
    assert skipped(meta, text) == [
        "Police release video",
        "By Jane Doe and John Roe, CNN | Published April 9, 2024",
        "WASHINGTON (AP) — ",
    ]
    assert meta.date == "2024-04-09"
    assert meta.source == "CNN"


@pytest.mark.parametrize(
    ("line", "author", "source"),
    [
        ("By Jane Doe", "Jane Doe", None),
        ("By Jane Doe, CNN", "Jane Doe", "CNN"),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe", None),
        ("By Jane Doe, John Roe and Ann Lee", "Jane Doe, John Roe and Ann Lee", None),
        ("By Jane Doe, John Roe, Associated Press", "Jane Doe, John Roe", "Associated Press"),
        ("By Jane Doe for The Guardian", "Jane Doe", "The Guardian"),
        ("BY JANE DOE | Reuters", "JANE DOE", "Reuters"),
        ("By Ana de la Cruz", "Ana de la Cruz", None),
        ("By Émile Zola", "Émile Zola", None),
    ],
)
def test_bylines(line: str, author: str, source: str | None) -> None:
    text = f"Headline here\n{line}\n\nBody text follows. More of it."
    meta = read_text_meta(text)
    assert meta.first("author") == author
    assert meta.first("source") == source
    assert skipped(meta, text) == ["Headline here", line]


@pytest.mark.parametrize(
    "line",
    [
        "By the time police arrived, it was over.",
        "By 2020 the city had changed.",
        "Bystanders ran.",
    ],
)
def test_body_lines_starting_with_by_are_not_bylines(line: str) -> None:
    meta = read_text_meta(f"Headline\n\n{line}\n\nMore body.")
    assert meta.first("author") is None


@pytest.mark.parametrize(
    ("opening", "dateline", "source"),
    [
        ("Chicago (CNN) — ", "Chicago (CNN)", "CNN"),
        ("WASHINGTON (AP) — ", "WASHINGTON (AP)", "AP"),
        ("NEW YORK, N.Y. (Reuters) - ", "NEW YORK, N.Y. (Reuters)", "Reuters"),
        ("WASHINGTON, April 9 (Reuters) - ", "WASHINGTON, April 9 (Reuters)", "Reuters"),
        ("LONDON — ", "LONDON", None),
        ("SAN FRANCISCO – ", "SAN FRANCISCO", None),
    ],
)
def test_datelines(opening: str, dateline: str, source: str | None) -> None:
    text = f"Headline\n\n{opening}The council voted on Tuesday. It passed.\n"
    meta = read_text_meta(text)
    assert meta.first("dateline") == dateline
    assert meta.first("source") == source
    assert opening in skipped(meta, text)


@pytest.mark.parametrize(
    "body",
    [
        "Sen. Smith (D-Ill.) — who spoke Tuesday — said no. More.",
        "The plan (approved in 2020) — not this one — failed. More.",
        "police (local ones) — said nothing. More.",
    ],
)
def test_parentheses_in_body_are_not_datelines(body: str) -> None:
    meta = read_text_meta(f"Headline\n\n{body}")
    assert meta.first("dateline") is None


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("date: 2024-04-09", "2024-04-09"),
        ("Published April 9, 2024", "April 9, 2024"),
        ("Updated 3:04 PM EDT, Tue April 9, 2024", "April 9, 2024"),
        ("April 9, 2024", "April 9, 2024"),
        ("9 April 2024", "9 April 2024"),
        ("Posted on Tuesday, April 9, 2024 at 10:15 a.m.", "April 9, 2024"),
        ("2024-04-09T10:00:00Z", "2024-04-09T10:00:00Z"),
    ],
)
def test_date_lines(line: str, value: str) -> None:
    text = f"Headline\n{line}\n\nBody text. More body."
    meta = read_text_meta(text)
    assert meta.first("date") == value
    assert meta.date == "2024-04-09"


def test_impossible_date_is_not_a_date() -> None:
    meta = read_text_meta("Headline\n2024-13-45\n\nBody text. More body.")
    assert meta.first("date") is None


def test_date_token_opening_the_first_line() -> None:
    text = " date 2024-04-09 Chicago (CNN) — Newly released footage shows it. More.\n\nNext."
    meta = read_text_meta(text)
    assert meta.title is None
    assert skipped(meta, text) == ["date 2024-04-09 Chicago (CNN) — "]
    assert meta.date == "2024-04-09"


def test_credit_line_stays_body_text() -> None:
    text = "Headline\n\nBody text here.\n\nThis article originally appeared on The Conversation."
    corpus = load_text(text)
    assert corpus.source == "The Conversation"
    assert corpus.sentences[-1].text.startswith("This article originally appeared")


def test_markdown_heading_title_and_subheadings(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("# A *Markdown* Title #\n\nIntro text here.\n\n## Sub heading\n\nMore text.\n")
    (article,) = load([path]).articles
    assert article.format == "markdown"
    assert article.title == "A *Markdown* Title"
    assert [s.text for s in article.sentences] == ["Intro text here.", "Sub heading", "More text."]


def test_setext_underline_is_skipped() -> None:
    text = "The Title\n=========\n\nBody here. More here."
    meta = read_text_meta(text, markdown=True)
    assert meta.title == "The Title"
    assert skipped(meta, text) == ["The Title", "========="]


def test_front_matter() -> None:
    text = '---\ntitle: "Front matter"\ndate: 2024-04-09\nauthor: Jane Roe\n---\n\nBody text.'
    meta = read_text_meta(text, markdown=True)
    assert meta.title == "Front matter"
    assert meta.first("author") == "Jane Roe"
    assert meta.date == "2024-04-09"
    assert skipped(meta, text) == [text[: text.index("\n\nBody")]]


def test_horizontal_rules_around_prose_are_not_front_matter() -> None:
    text = "---\nThis is just prose between rules. It goes on.\n---\n\nMore prose."
    meta = read_text_meta(text, markdown=True)
    assert "This is just prose" not in "".join(skipped(meta, text))


def test_key_value_header_lines() -> None:
    text = "Title: The Story\nSource: Daily Planet\nURL: https://example.org/a\n\nBody. More."
    meta = read_text_meta(text)
    assert (meta.title, meta.source, meta.first("url")) == (
        "The Story",
        "Daily Planet",
        "https://example.org/a",
    )


def test_title_line_is_not_overridden_by_a_short_first_paragraph() -> None:
    meta = read_text_meta("Title: The Story\n\nShort first paragraph\n\nMore text. Yes.")
    assert meta.title == "The Story"


def test_known_title_matches_first_line_only_when_repeated() -> None:
    text = "Police release video\nBody text here. More."
    assert read_text_meta(text, title="Police release video | The Daily").title_span == Span(0, 20)
    assert read_text_meta(text, title="Something else").title is None
    assert read_text_meta(text, guess_title=False).title is None


def load_text(text: str) -> Article:
    from io import BytesIO

    (article,) = load(["-"], stdin=BytesIO(text.encode())).articles
    return article


@given(st.text(alphabet=st.sampled_from("ab \t\r\n\u00a0\u2028\x0c\x1c.")))
def test_lines_are_the_stripped_non_blank_lines(text: str) -> None:
    from viewer.ingest.metalines import strip_span
    from viewer.ingest.textmeta import _Reader
    from viewer.model import Span

    expected = []
    position = 0
    for piece in re.split(r"([\r\n])", text):
        if piece not in ("\r", "\n"):
            line = strip_span(text, Span(position, position + len(piece)))
            if line.end > line.start:
                expected.append(line)
        position += len(piece)
    assert _Reader(text, markdown=False).lines == expected


BODY_LINES = (
    "Crews fought a fire at the old grain terminal on the east pier for most of the night.\n\n"
    "No one was hurt, the port authority said, but the conveyor gallery fell into the water.\n"
)


@pytest.mark.parametrize(
    "chrome",
    [
        "Skip to content",
        "Skip to main contentSkip to main content",
        "Type to search",
        "Menu",
        "Sign in",
        "Advertisement",
        "© 2023",
        "Copyright 2021 Harbour Gazette",
        "Share | Facebook | Twitter | Email",
        "Facebook Twitter LinkedIn WhatsApp",
        "Home > Local > Harbour",
        "Trending:",
        "This browser does not support the video element.",
        "USA News",  # a site or section label above the headline
        "Skip to content\nSign in\nMarch 5, 2024",  # several, a bare date among them
    ],
)
def test_page_furniture_above_the_headline_is_no_title(chrome: str) -> None:
    text = f"{chrome}\nGrain terminal burns on east pier\n\n{BODY_LINES}"
    meta = read_text_meta(text)
    assert meta.title == "Grain terminal burns on east pier"
    assert meta.title_span is not None
    assert text[meta.title_span.start : meta.title_span.end] == meta.title


def test_a_known_title_is_found_below_page_furniture() -> None:
    text = f"Skip to content\nGrain terminal burns on east pier\n\n{BODY_LINES}"
    meta = read_text_meta(text, title="Grain terminal burns on east pier", guess_title=False)
    assert meta.title_span is not None and text[meta.title_span.start :].startswith("Grain")


@pytest.mark.parametrize(
    "headline",
    [
        "Pier ablaze",
        "Copyright fight over harbour photos heads to court",
        "Getty Images buys harbour photo archive",
        "Search for missing boat crew resumes at dawn",
        "Home sales slow along the coast",
    ],
)
def test_a_headline_that_only_sounds_like_furniture_stays_the_headline(headline: str) -> None:
    assert read_text_meta(f"{headline}\n\n{BODY_LINES}").title == headline


def test_a_lower_case_tagline_is_no_headline() -> None:
    text = f"from our harbour desk\n\n{BODY_LINES}"
    assert read_text_meta(text).title is None


def test_without_a_real_headline_the_title_is_the_first_real_sentence(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(f"Trending:\n\nSponsored:\n\n{BODY_LINES}", encoding="utf-8")
    (article,) = load([path]).articles
    assert article.title.startswith("Crews fought a fire")


def test_a_page_of_nothing_but_furniture_has_no_title(tmp_path: Path) -> None:
    path = tmp_path / "chrome.txt"
    path.write_text("Skip to content\n\nTrending:\n\nAdvertisement\n", encoding="utf-8")
    (article,) = load([path]).articles
    assert article.title == ""


def _page(head: str, body: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY_LINES.split("\n\n"))
    return f"<html><head>{head}</head><body>{body}<article>{paragraphs}</article></body></html>"


@pytest.mark.parametrize(
    ("head", "body", "title"),
    [
        (
            "<meta property='og:title' content='© 2023'>"
            "<title>Grain terminal burns on east pier | Harbour Gazette</title>"
            "<meta property='og:site_name' content='Harbour Gazette'>",
            "",
            "Grain terminal burns on east pier",
        ),
        ("<title>Sign in</title>", "<h1>Grain terminal burns</h1>", "Grain terminal burns"),
        (
            "<title>USA News</title><meta property='og:site_name' content='USA News'>",
            "",
            "Crews fought a fire at the old grain terminal on the east pier for most of the night.",
        ),
    ],
)
def test_a_web_page_title_that_is_furniture_or_the_site_name_is_passed_over(
    tmp_path: Path, head: str, body: str, title: str
) -> None:
    path = tmp_path / "page.html"
    path.write_text(_page(head, body), encoding="utf-8")
    (article,) = load([path]).articles
    assert article.title == title


def test_the_corpus_reads_the_furniture_the_title_reader_passes_over() -> None:
    from tests.articles import article
    from viewer.corpus.boilerplate import furniture

    text = f"Skip to content\n\n{BODY_LINES}\nShare | Facebook | Twitter | Email\n\n{BODY_LINES}"
    item = article(text)
    marked = [s.text for s, flag in zip(item.sentences, furniture(item), strict=True) if flag]
    assert marked == ["Skip to content", "Share | Facebook | Twitter | Email"]


def test_a_masthead_line_naming_the_outlet_is_no_title(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    text = f"The Harbour Gazette and Courier\nGrain terminal burns on east pier\n\n{BODY_LINES}"
    apart = text.replace("\n", "\n\n", 1)
    records = [
        {"text": apart, "source": "The Harbour Gazette and Courier"},
        {
            "text": text,
            "source": "The Harbour Gazette and Courier",
            "title": "Grain terminal burns on east pier",
        },
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    untitled, titled = load([path]).articles
    assert untitled.title == "Grain terminal burns on east pier"
    assert titled.title_span is not None
    assert text[titled.title_span.start : titled.title_span.end] == titled.title
