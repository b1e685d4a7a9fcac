from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.articles import ORIGINAL, REWRITE, SPUN
from viewer.model import Span
from viewer.text.segment import segment


def sentences(text: str) -> list[str]:
    return [s.text for s in segment(text)[1]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Reed fired first. Then he ran.", ["Mr. Reed fired first.", "Then he ran."]),
        ("Dexter Reed Jr. fired first.", ["Dexter Reed Jr. fired first."]),
        ("Ask Dr. Who and Mrs. Smith.", ["Ask Dr. Who and Mrs. Smith."]),
        ("He lives in St. Louis now.", ["He lives in St. Louis now."]),
        ("He met J. K. Rowling there.", ["He met J. K. Rowling there."]),
        (
            "It rose 4.5% to $48.5 million. Shares fell.",
            ["It rose 4.5% to $48.5 million.", "Shares fell."],
        ),
        ("At 9 a.m. Tuesday they met.", ["At 9 a.m. Tuesday they met."]),
        ("They met at 9 a.m. The talks failed.", ["They met at 9 a.m.", "The talks failed."]),
        ("He moved to the U.S. The move was hard.", ["He moved to the U.S.", "The move was hard."]),
        ("The U.S. Army said so.", ["The U.S. Army said so."]),
        ("Seats: No. 5 and No. 6 remain.", ["Seats: No. 5 and No. 6 remain."]),
        (
            "“Open the doors now!” she screams. He ran.",
            ["“Open the doors now!” she screams.", "He ran."],
        ),
        ("“Stop! Stop!” he said.", ["“Stop!", "Stop!” he said."]),
        ("“What?” the officer asks.", ["“What?” the officer asks."]),
        ("He said: “It is over.” Then he left.", ["He said: “It is over.”", "Then he left."]),
        ("Wait... what happened? Nothing.", ["Wait... what happened?", "Nothing."]),
        ("Kim Foxx. he said Tuesday.", ["Kim Foxx. he said Tuesday."]),
        ("In 2023 it fell. 2024 was better.", ["In 2023 it fell.", "2024 was better."]),
        ("Lang won 49.2%. Turnout was 38%.", ["Lang won 49.2%.", "Turnout was 38%."]),
    ],
)
def test_sentence_rules(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Ranks and titles written before a name never close a sentence.
        ("Ald. Ruiz voted no. The vote passed.", ["Ald. Ruiz voted no.", "The vote passed."]),
        (
            "Cpl. Okafor and Pvt. Lind were hurt. Both recovered.",
            ["Cpl. Okafor and Pvt. Lind were hurt.", "Both recovered."],
        ),
        ("Ofc. Brandt wrote the report.", ["Ofc. Brandt wrote the report."]),
        (
            "Spc. Moe, Pfc. Tran and Brig. Gen. Oduya met Msgr. Hale.",
            ["Spc. Moe, Pfc. Tran and Brig. Gen. Oduya met Msgr. Hale."],
        ),
        ("Reps. Ames and Cole objected.", ["Reps. Ames and Cole objected."]),
        ("Asst. Chief Varga and Dep. Holt left.", ["Asst. Chief Varga and Dep. Holt left."]),
        (
            "Sgt. Ng, Lt. Ross, Gov. Pell, Sen. Ito, Rep. Yu, Supt. Park, Det. Cruz, "
            "Insp. Wolfe, Capt. Dunn, Col. Reyes, Gen. Marsh, Adm. Kerr and Rev. Lowe came.",
            [
                "Sgt. Ng, Lt. Ross, Gov. Pell, Sen. Ito, Rep. Yu, Supt. Park, Det. Cruz, "
                "Insp. Wolfe, Capt. Dunn, Col. Reyes, Gen. Marsh, Adm. Kerr and Rev. Lowe came."
            ],
        ),
        # Place words stand inside a name, unless a sentence-opening word follows.
        ("The unit left Ft. Bragg in May.", ["The unit left Ft. Bragg in May."]),
        ("Hikers reached Mt. Hood by noon.", ["Hikers reached Mt. Hood by noon."]),
        (
            "She moved to Mt. Vernon. Then she opened a bakery.",
            ["She moved to Mt. Vernon.", "Then she opened a bakery."],
        ),
        (
            "She grew up near the Mt. The town was small.",
            ["She grew up near the Mt.", "The town was small."],
        ),
        (
            "Crews closed Hwy. 12 and Rte. 9 overnight.",
            ["Crews closed Hwy. 12 and Rte. 9 overnight."],
        ),
        ("Smith Bros. Ltd. Holdings sold it.", ["Smith Bros. Ltd. Holdings sold it."]),
        ("The shop on Sunset Blvd. Fans waited.", ["The shop on Sunset Blvd. Fans waited."]),
        ("It opened Jan. 4 downtown.", ["It opened Jan. 4 downtown."]),
        # A state abbreviation before a capital mostly does end the sentence.
        (
            "He lives in Peoria, Ill. Neighbors agree.",
            ["He lives in Peoria, Ill.", "Neighbors agree."],
        ),
        (
            "Troops returned to the U.S. They landed late.",
            ["Troops returned to the U.S.", "They landed late."],
        ),
    ],
)
def test_news_abbreviations(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_blank_lines_separate_paragraphs_and_soft_wraps_do_not() -> None:
    text = "A first line that wraps\nonto the next line here.\n\nSecond paragraph."
    paragraphs, found = segment(text)
    assert [text[slice(*p)] for p in paragraphs] == [
        "A first line that wraps\nonto the next line here.",
        "Second paragraph.",
    ]
    assert [s.paragraph for s in found] == [0, 1]


def test_a_short_caption_line_is_its_own_paragraph() -> None:
    text = (
        "Photo of author\nThe officers fired dozens of shots at the car on the west side.\n\nEnd."
    )
    assert sentences(text)[:2] == [
        "Photo of author",
        "The officers fired dozens of shots at the car on the west side.",
    ]


def test_text_without_blank_lines_is_one_paragraph_per_line() -> None:
    paragraphs, _ = segment("One line\r\nTwo line\r\nThree")
    assert len(paragraphs) == 3


def test_markdown_list_items_start_paragraphs() -> None:
    text = "Intro line that is fairly long, long enough here:\n- first item\n- second item\n\nEnd."
    assert sentences(text)[1:3] == ["- first item", "- second item"]


def test_skip_spans_are_left_out() -> None:
    text = "date 2024-04-09 Chicago (CNN) — Newly released footage. More here."
    _, found = segment(text, skip=[Span(0, 32)])
    assert [s.text for s in found] == ["Newly released footage.", "More here."]


@pytest.mark.parametrize("path", [ORIGINAL, SPUN, REWRITE])
def test_seeds_never_split_at_titles_or_merge_paragraphs(path: object) -> None:
    text = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    paragraphs, found = segment(text)
    for sentence in found:
        assert not sentence.text.endswith(("Mr.", "Jr.", "Mrs.", "Dr."))
        assert "\n\n" not in sentence.text
    # Each paragraph's sentences tile it (no text between sentences but white space).
    for number, paragraph in enumerate(paragraphs):
        inside = [s for s in found if s.paragraph == number]
        assert inside[0].start == paragraph.start and inside[-1].end == paragraph.end
        for left, right in pairwise(inside):
            assert text[left.end : right.start].strip() == ""


def test_seed_sentence_counts() -> None:
    counts = [len(segment(p.read_text(encoding="utf-8"))[1]) for p in (ORIGINAL, SPUN, REWRITE)]
    assert counts == [27, 39, 28]


@given(st.text(), st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=3))
def test_offsets_slice_the_original(text: str, cuts: list[tuple[int, int]]) -> None:
    skip = [Span(min(s, len(text)), min(s + n, len(text))) for s, n in cuts]
    paragraphs, found = segment(text, skip)
    for index, sentence in enumerate(found):
        assert sentence.index == index
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text.strip() == sentence.text != ""
        paragraph = paragraphs[sentence.paragraph]
        assert paragraph.start <= sentence.start < sentence.end <= paragraph.end
        for cut in skip:
            if cut.end > cut.start:
                assert sentence.end <= cut.start or sentence.start >= cut.end
    ends = [s.start for s in found]
    assert ends == sorted(ends)
