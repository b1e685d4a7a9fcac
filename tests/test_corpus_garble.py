"""Garble and page furniture: the marks that tell a scraped or spun copy from its source."""

from __future__ import annotations

import pytest

from tests.articles import article
from viewer.corpus.boilerplate import furniture
from viewer.corpus.copy_marks import garble_marks
from viewer.model import DriftKind
from viewer.pairwise.compare import compare


def test_words_run_together_with_a_function_word_are_garble() -> None:
    marks = garble_marks(
        "It helped convict some officers of crimeswhile others went free.",
        "It helped convict some officers of crimes, while others went free.",
    )
    assert marks == ['merged words "crimeswhile" ("crimes while")']


def test_an_ordinary_compound_is_not_garble() -> None:
    assert garble_marks("He wore no seatbelt.", "He wore no seat belt.") == []


def test_a_capital_mid_sentence_and_a_lower_case_start_are_garble() -> None:
    source = "Chicago police said other officers left."
    assert garble_marks("chicago police said another The officers left.", source) == [
        'capital mid-sentence "another The"',
        'lower-case start "chicago"',
    ]


def test_a_lone_lower_case_line_a_split_time_and_an_abbreviation_are_not_garble() -> None:
    # A byline or caption with no counterpart starts in lower case as often as not.
    assert garble_marks("by Harbour Gazette staff", None) == []
    # "a.m." is read as the words "a" and "m": "am" is no merged pair.
    assert (
        garble_marks("The quake struck at 1 am local time.", "It struck at 1 a.m. local time.")
        == []
    )
    assert garble_marks("It was sold to the Acme Co. in 1990.", None) == []


def test_a_lower_case_word_after_a_full_stop_is_garble_unless_the_other_has_it() -> None:
    text = "Cook County State’s Attorney Kim Foxx. he said Tuesday."
    assert garble_marks(text, None) == ['lower case after a full stop "Foxx. he"']
    assert garble_marks(text, text) == []


def test_proper_names_after_the_are_not_garble() -> None:
    assert garble_marks("She reads The New York Times daily.", None) == []


def test_page_furniture_by_phrase_or_by_form() -> None:
    text = (
        "Photo of author\n\nDexter Reed/Facebook\n\nThe council met on Tuesday.\n\n"
        "The vote was close.\n\nThe mayor spoke.\n\nResidents left early.\n\n"
        "Read the original article on People.\n\nLeave a comment"
    )
    assert furniture(article(text)) == (True, True, False, False, False, False, True, True)


def test_a_short_line_is_furniture_only_at_the_head_or_tail() -> None:
    lines = ["The council met on Tuesday."] * 4 + ["Dexter Reed"] + ["The vote was close."] * 5
    assert furniture(article("\n\n".join(lines))) == (False,) * 10


# One detector: the direction stage's marks and the drift stage's garble flags come from
# the same recognisers (viewer.text.garble), so a sentence pair shows the same marks in
# both, whichever stage is asked.
SAME_MARKS = [
    (
        "The ferry left the harbour before the storm, and crews stayed ashore.",
        "The ferry left the harbour before the storm, and crews stayed ashore.",
        set(),
    ),
    (
        "The ferry left the harbour before the storm, and crews stayed ashore.",
        "The ferry left the harbour before The storm, and crews stayed ashore.",
        {"capital"},
    ),
    (
        "Residents of the north end were told to leave, the mayor said.",
        "Residents of the northend were told to leave, the mayor said.",
        {"merged"},
    ),
    (
        "The council met on Monday and the mayor said the plan would go ahead.",
        "The council met on Monday and the mayor. said the plan would go ahead.",
        {"stop"},
    ),
    (
        "The figures were reported by the Harbour Gazette on Monday.",
        "The figures were reported by The Harbour Gazette on Monday.",
        {"capital"},
    ),
    (
        "The figures were reported on Monday.",
        "The figures were reported on Monday, according to The Harbour Gazette.",
        set(),
    ),
]


def _kind_of_mark(mark: str) -> str:
    return {"capital": "capital", "merged": "merged", "lower case": "stop"}[
        next(k for k in ("capital", "merged", "lower case") if mark.startswith(k))
    ]


def _kind_of_flag(explanation: str) -> str:
    if "capitalised" in explanation:
        return "capital"
    return "merged" if "run together" in explanation else "stop"


@pytest.mark.parametrize(("source", "copy", "expected"), SAME_MARKS)
def test_both_stages_see_the_same_garble(source: str, copy: str, expected: set[str]) -> None:
    marks = {_kind_of_mark(m) for m in garble_marks(copy, source)}
    drift = compare(article(source, "a"), article(copy, "b")).drift
    flags = {_kind_of_flag(f.explanation) for f in drift if f.kind is DriftKind.GARBLE}
    assert marks == flags == expected
