"""Figures a person reads: a changed pair never shows 100 %, the status line says each
thing once, and the text report explains its flag marks."""

from __future__ import annotations

from dataclasses import replace

from tests.articles import article
from viewer.cli.terminal import render_text
from viewer.model import ChangeKind, Comparison, PairKind
from viewer.pairwise.compare import compare
from viewer.report.pairs import pair_percent, percent_label, score_label, similarity_label
from viewer.ui.gutter import describe_pair, gutter_pieces
from viewer.ui.rows import Row, RowKind


def _edited() -> Comparison:
    # one letter changed in a long sentence: similar enough to round to 100 %
    return compare(
        article(
            "The mayor met the council on Monday to discuss the budget for next year in detail.",
            "a",
        ),
        article(
            "The mayor met the council on Monday to discuss the budget for next year in details.",
            "b",
        ),
    )


def test_shares_round_to_the_nearest_but_only_an_identity_reads_100() -> None:
    assert percent_label(1.0) == "100%"
    assert percent_label(0.9999) == "99%" and percent_label(0.994) == "99%"
    assert percent_label(0.734) == "73%" and percent_label(0.0) == "0%"
    assert percent_label(1.0, exact=False) == "99%"
    assert score_label(1.0) == "1.00" and score_label(1.0, exact=False) == "0.99"
    assert score_label(0.996) == "0.99"


def test_a_changed_pair_never_shows_100_percent() -> None:
    comparison = _edited()
    (pair,) = comparison.pairs
    assert comparison.changes == (ChangeKind.EDITED,) and pair.score > 0.995
    assert pair_percent(pair) == "99%"
    assert similarity_label(comparison) == "99%"
    gutter = "".join(text for text, _ in gutter_pieces(comparison, Row(RowKind.PAIR, 0), [], 0, 1))
    assert "99%" in gutter and "100%" not in gutter
    assert describe_pair(pair, RowKind.PAIR) == "~ changed 99%"
    assert "100%" not in render_text(comparison, width=80)
    # a typographic change scores exactly 1, and is still a change
    typographic = compare(
        article("The officer said it was “fine.”", "a"),
        article('The officer said it was "fine."', "b"),
    )
    assert typographic.pairs[0].score == 1.0
    assert pair_percent(typographic.pairs[0]) == "99%"
    same = compare(
        article("The officer said it was fine.", "a"), article("The officer said it was fine.", "b")
    )
    assert pair_percent(same.pairs[0]) == "100%" and similarity_label(same) == "100%"


def test_the_status_line_says_added_once() -> None:
    comparison = compare(
        article("The council met on Monday.", "a"),
        article("The council met on Monday. A new sentence stands here now.", "b"),
    )
    added = next(p for p in comparison.pairs if p.kind is PairKind.ADDED)
    assert describe_pair(added, RowKind.PAIR, ChangeKind.ADDED) == "+ added"
    assert describe_pair(added, RowKind.PAIR, ChangeKind.BOILERPLATE) == "+ added · boilerplate"
    (pair,) = _edited().pairs
    assert describe_pair(pair, RowKind.PAIR, ChangeKind.EDITED) == "~ changed 99% · edited"
    moved = replace(pair, kind=PairKind.MOVED)
    assert describe_pair(moved, RowKind.PAIR, ChangeKind.MOVED).count("moved") == 1


def test_the_text_report_explains_its_flag_marks() -> None:
    comparison = compare(
        article("Crews said up to three homes were lost in the blaze.", "a"),
        article("Crews said three homes were lost in the blaze.", "b"),
    )
    out = render_text(comparison, width=100)
    assert "M!number" in out
    legend = next(line for line in out.splitlines() if "Flag marks" in line)
    assert "H! high" in legend and "M! medium" in legend and "L! low" in legend
    quiet = compare(article("The council met.", "a"), article("The council met.", "b"))
    assert "Flag marks" not in render_text(quiet, width=100)
