"""Sentence pairs that only loosely correspond, and clock times (issue 13, section 3 and
5): a recast sentence that keeps a count of the same thing and changes it is read, at
medium severity; what rewording does to a loose pair (a figure added, a figure of
something else) is not flagged; "2:45 am" and "02:45" are one time."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.articles import article
from viewer.model import Comparison, Drift, DriftKind, Severity
from viewer.pairwise.compare import compare
from viewer.pairwise.drift import MEANING_MIN_SCORE

BEFORE = "The ferry to the outer islands was cancelled on Monday after a storm damaged the quay."
AFTER = "The harbour master said divers would inspect the quay before it reopened."


def story(middle: str) -> str:
    return f"{BEFORE} {middle} {AFTER}"


def loose(a_middle: str, b_middle: str) -> Comparison:
    """The comparison of two stories whose middle sentences are recast, checked to be
    aligned to each other below ``MEANING_MIN_SCORE``."""
    comparison = compare(article(story(a_middle), "a"), article(story(b_middle), "b"))
    middle = [p for p in comparison.pairs if p.a == (1,) and p.b == (1,)]
    assert middle and middle[0].score < MEANING_MIN_SCORE, comparison.pairs
    return comparison


def numbers(comparison: Comparison) -> list[Drift]:
    return [d for d in comparison.drift if d.kind is DriftKind.NUMBER]


SEARCH = (
    "A search of the bay was under way on Tuesday after a fishing boat with {} people "
    "on board was reported missing by the harbour office."
)
SUNK = (
    "A fishing boat with {} people on board has sunk after it vanished near the point "
    "late on Monday, coastguard officials said."
)


def test_a_count_of_the_same_thing_changed_in_a_recast_sentence_is_medium() -> None:
    found = numbers(loose(SEARCH.format(12), SUNK.format(14)))
    assert [(d.before, d.after, d.severity) for d in found] == [("12", "14", Severity.MEDIUM)]
    assert "loosely correspond" in found[0].explanation


def test_the_same_count_in_a_recast_sentence_is_no_flag() -> None:
    assert numbers(loose(SEARCH.format(12), SUNK.format("twelve"))) == []


def test_a_figure_of_something_else_in_a_recast_sentence_is_no_flag() -> None:
    other = (
        "A fishing boat that was reported missing has sunk near the point after 14 boats "
        "searched the bay, coastguard officials said."
    )
    assert numbers(loose(SEARCH.format(12), other)) == []


def test_a_measure_changed_in_other_units_in_a_recast_sentence_is_medium() -> None:
    a = (
        "Divers said the wreck of the fishing boat was found about 20 miles south of the "
        "harbour, in water too deep for their ropes."
    )
    b = (
        "The sunken boat lies 50 kilometres south of the harbour entrance, beyond the "
        "reach of divers, officials said late on Monday."
    )
    found = numbers(loose(a, b))
    assert [(d.before, d.after, d.severity) for d in found] == [("about 20", "50", Severity.MEDIUM)]


def clock_flags(a: str, b: str) -> list[tuple[str, str, Severity]]:
    text = "The last ferry left the quay at {} local time, the harbour office said."
    comparison = compare(article(text.format(a), "a"), article(text.format(b), "b"))
    return [(d.before, d.after, d.severity) for d in numbers(comparison)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("2:45 am", "02:45"),
        ("2:45am", "2:45 a.m."),
        ("11:09 pm", "23:09"),
        ("11:09 p.m.", "23:09 pm"),
        ("12:30 am", "00:30"),
        ("2:45 pm", "14:45"),
    ],
)
def test_one_time_of_day_written_two_ways_is_no_number_change(a: str, b: str) -> None:
    assert clock_flags(a, b) == []


@pytest.mark.parametrize(
    ("a", "b"), [("11:09 pm", "11:09 am"), ("2:45", "14:45"), ("02:45", "03:45")]
)
def test_another_time_of_day_is_a_number_change(a: str, b: str) -> None:
    found = clock_flags(a, b)
    assert len(found) == 1 and found[0][2] is Severity.HIGH


WORDS = st.sampled_from(
    "the boat ferry harbour storm said on Monday Tuesday 12 14 three people miles "
    "divers coastguard he she not may quay officials found missing".split()
)
SENTENCE = st.lists(WORDS, min_size=4, max_size=12).map(lambda w: " ".join(w) + ".")


@settings(max_examples=60, deadline=None)
@given(st.lists(SENTENCE, min_size=1, max_size=4), st.lists(SENTENCE, min_size=1, max_size=4))
def test_no_high_flag_comes_from_a_loosely_aligned_pair(a: list[str], b: list[str]) -> None:
    comparison = compare(article(" ".join(a), "a"), article(" ".join(b), "b"))
    for flag in comparison.drift:
        pair = comparison.pairs[flag.pair]
        if pair.a and pair.b and pair.score < MEANING_MIN_SCORE:
            assert flag.severity is not Severity.HIGH, (flag, pair)
