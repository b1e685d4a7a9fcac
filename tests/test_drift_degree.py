"""Words of degree (issue 13, section 5): a rewrite that says a fact at another
strength ("relatively well" for "very well", "more accurate" for "much more accurate")
gets one medium hedge flag on the word; one strength in other words, a figure's
qualifier and a word inside a quotation are not this rule's."""

from __future__ import annotations

import pytest

from tests.articles import article
from viewer.model import Drift, DriftKind, Severity
from viewer.pairwise.compare import compare

TEXT = "Older listeners followed the second voice {} in the test, the team reported."


def hedges(a: str, b: str) -> list[Drift]:
    comparison = compare(article(a, "a"), article(b, "b"))
    return [d for d in comparison.drift if d.kind is DriftKind.HEDGE]


@pytest.mark.parametrize(
    ("a", "b", "before", "after"),
    [
        ("very well", "relatively well", "very", "relatively"),
        ("very well", "well", "very", ""),
        ("well", "fairly well", "", "fairly"),
        ("much better", "better", "much", ""),
    ],
)
def test_a_degree_changed_is_one_medium_hedge_on_the_word(
    a: str, b: str, before: str, after: str
) -> None:
    found = hedges(TEXT.format(a), TEXT.format(b))
    assert [(d.before, d.after, d.severity) for d in found] == [(before, after, Severity.MEDIUM)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("especially well", "particularly well"),
        ("almost entirely", "nearly completely"),
        ("slightly better", "marginally better"),
    ],
)
def test_one_strength_in_other_words_is_no_flag(a: str, b: str) -> None:
    assert hedges(TEXT.format(a), TEXT.format(b)) == []


def test_much_as_a_quantity_is_no_degree() -> None:
    a = "Much of the harbour was flooded on Monday, the board said."
    b = "The harbour was flooded on Monday, the board said."
    assert hedges(a, b) == []


def test_a_figures_qualifier_is_the_number_rules() -> None:
    a = "The crew had 15 minutes to leave the quay, the board said."
    b = "The crew had almost 20 minutes to leave the quay, the board said."
    comparison = compare(article(a, "a"), article(b, "b"))
    assert [d.kind for d in comparison.drift] == [DriftKind.NUMBER]


def test_a_degree_word_added_inside_a_quotation_is_one_quote_flag() -> None:
    a = "“The wind is our biggest enemy,” the chief said."
    b = "“The wind is our absolutely biggest enemy,” the chief said."
    comparison = compare(article(a, "a"), article(b, "b"))
    assert [d.kind for d in comparison.drift] == [DriftKind.QUOTE_ALTERED]
