"""Characters that draw nothing never pass for no change, and never reorder a line.

A zero-width space inside a word ("fi\\u200bne"), a soft hyphen, a word joiner or a tag
character looks like nothing in a terminal or a browser. Matching folds them away, so
the pair still aligns; the drift stage then flags where they differ, and every view
shows them as markers (``⟨ZWSP⟩``) in the changed text, the titles and the file names.
"""

from __future__ import annotations

import json
import sys
import unicodedata

import pytest

from tests.articles import article
from viewer.cli import problem_line
from viewer.cli.terminal import render_text
from viewer.model import ChangeKind, Comparison, DriftKind, Problem
from viewer.pairwise.compare import compare
from viewer.report.controls import one_line, show_controls, visible_name
from viewer.report.html import render_html
from viewer.report.json import render_json
from viewer.report.markdown import render_markdown
from viewer.text.invisible import HIDDEN, is_hidden, marker, show_hidden
from viewer.text.normalize import fold_text
from viewer.text.tokens import tokenize
from viewer.ui import visible
from viewer.ui.highlight import side_pieces
from viewer.ui.layout import lay_out, row_lines
from viewer.ui.rows import build_rows

BASE = "The harbour ferry was fine on Tuesday. The crossing took an hour."
ZWSP = "\u200b"


def pair_of(a_text: str, b_text: str) -> Comparison:
    return compare(article(a_text, "a"), article(b_text, "b"))


@pytest.fixture
def hidden_inside() -> Comparison:
    """B differs from A by one zero-width space inside "fine" (offset 24 in B)."""
    return pair_of(BASE, BASE.replace("fine", f"fi{ZWSP}ne"))


def test_a_pair_differing_only_by_a_zero_width_space_is_changed_and_flagged(
    hidden_inside: Comparison,
) -> None:
    assert hidden_inside.changes[0] is ChangeKind.EDITED
    assert hidden_inside.changes[1] is ChangeKind.IDENTICAL
    (flag,) = hidden_inside.drift
    assert flag.kind is DriftKind.INVISIBLE and flag.pair == 0
    assert (flag.before, flag.after) == ("fine", f"fi{ZWSP}ne")
    assert hidden_inside.b.text[flag.b_span.start : flag.b_span.end] == flag.after
    assert "U+200B ZERO WIDTH SPACE at 24" in flag.explanation
    assert "nothing else" in flag.explanation


def test_a_hidden_character_after_a_word_is_not_typography() -> None:
    """Folded, "fine\\u200b" is "fine": once a typographic change, now an edit with a flag."""
    result = pair_of(BASE, BASE.replace("fine", f"fine{ZWSP}"))
    assert result.changes[0] is ChangeKind.EDITED
    (flag,) = result.drift
    assert flag.kind is DriftKind.INVISIBLE and flag.after == f"fine{ZWSP}"


def test_the_same_hidden_characters_on_both_sides_raise_nothing() -> None:
    text = BASE.replace("fine", f"fi{ZWSP}ne")
    result = pair_of(text, text.replace("hour", "afternoon"))
    assert all(flag.kind is not DriftKind.INVISIBLE for flag in result.drift)
    assert result.changes[0] is ChangeKind.IDENTICAL


def test_a_dropped_soft_hyphen_is_named() -> None:
    result = pair_of(BASE.replace("harbour", "har\u00adbour"), BASE)
    (flag,) = result.drift
    assert "B drops U+00AD SOFT HYPHEN at 7" in flag.explanation


def test_matching_folds_hidden_characters_and_keeps_the_word_whole() -> None:
    assert fold_text(f"fi{ZWSP}ne") == "fine"
    assert fold_text("a\u200eb\u2062c\U000e0041") == "abc"
    (word,) = tokenize(f"fi{ZWSP}ne")
    assert (word.text, word.norm) == (f"fi{ZWSP}ne", "fine")


def test_every_format_character_is_hidden_but_the_visible_signs() -> None:
    """Unicode's format characters (Cf) all count, except the prepended concatenation
    marks (Arabic number signs and the like), which draw a sign."""
    signs = {*range(0x600, 0x606), 0x6DD, 0x70F, 0x890, 0x891, 0x8E2, 0x110BD, 0x110CD}
    for code in range(sys.maxunicode + 1):
        if unicodedata.category(chr(code)) == "Cf" and code not in signs:
            assert is_hidden(chr(code)), f"U+{code:04X}"
    assert not any(is_hidden(chr(code)) for code in signs)
    assert not HIDDEN.search("plain text, é, 漢字, עברית")


def test_markers_name_the_common_ones_and_number_the_rest() -> None:
    assert marker(ZWSP) == "⟨ZWSP⟩" and marker("\u00ad") == "⟨SHY⟩"
    assert marker("\U000e0041") == "⟨U+E0041⟩"
    assert show_hidden(f"fi{ZWSP}ne\u2060!") == "fi⟨ZWSP⟩ne⟨WJ⟩!"


def test_the_text_report_marks_hidden_characters_where_the_sides_differ() -> None:
    text = BASE.replace("hour", f"ho{ZWSP}ur")
    result = pair_of(text, text.replace("fine", f"fi{ZWSP}ne"))
    for width in (80, 140):
        report = render_text(result, width=width)
        assert "fi⟨ZWSP⟩ne" in report
        assert ZWSP not in report.replace(f"ho{ZWSP}ur", "")
        # The second sentence is the same on both sides: its hidden character is no
        # change, and is not marked in the pairs.
        assert "ho⟨ZWSP⟩ur" not in report
        assert "invisible" in report


def test_markdown_and_html_show_the_marker(hidden_inside: Comparison) -> None:
    markdown = render_markdown(hidden_inside)
    assert "fi⟨ZWSP⟩ne" in markdown and ZWSP not in markdown
    html = render_html(hidden_inside)
    assert "fi⟨ZWSP⟩ne" in html and ZWSP not in html


def test_json_keeps_the_raw_text_and_flags_it(hidden_inside: Comparison) -> None:
    document = json.loads(render_json(hidden_inside))
    assert ZWSP in document["articles"][1]["text"]
    (flag,) = document["drift"]
    assert flag["kind"] == "invisible" and flag["b_span"] == [22, 27]
    assert document["summary"]["flags"]["invisible"]["low"] == 1


def test_the_app_marks_them_in_a_changed_pair_and_measures_what_it_draws(
    hidden_inside: Comparison,
) -> None:
    pair = hidden_inside.pairs[0]
    pieces = side_pieces(hidden_inside, pair, "b")
    assert ("⟨ZWSP⟩", ("inserted", "control")) in pieces or any(
        "⟨ZWSP⟩" in text and "control" in marks for text, marks in pieces
    )
    assert all(ZWSP not in text for text, _ in pieces)
    rows = build_rows(hidden_inside)
    for width in (40, 80):
        layout = lay_out(hidden_inside, rows, width)
        for index in range(len(rows)):
            lines = row_lines(hidden_inside, layout, index)
            top, end = layout.text_lines(index)
            assert end - top == max(len(lines.left), len(lines.right), 1)


def test_file_names_and_titles_show_hidden_characters() -> None:
    assert visible_name(f"wire{ZWSP}.txt") == "wire⟨ZWSP⟩.txt"
    assert problem_line(Problem(f"wire{ZWSP}.txt", "empty")) == "wire⟨ZWSP⟩.txt: empty"
    assert one_line(f"Ferry{ZWSP} late") == "Ferry⟨ZWSP⟩ late"
    assert visible.one_line(f"Ferry{ZWSP} late") == "Ferry⟨ZWSP⟩ late"


@pytest.mark.parametrize("mark", ["\u200e", "\u200f", "\u061c"])
def test_bidirectional_marks_never_reach_a_terminal(mark: str) -> None:
    """LRM, RLM and ALM reorder neutral characters around them, as the overrides do."""
    name = f"report{mark}(1).txt"
    for shown in (
        visible_name(name),
        one_line(name),
        show_controls(name),
        visible.one_line(name),
        visible.visible_text(name),
    ):
        assert mark not in shown and f"\\u{ord(mark):04x}" in shown
    report = render_text(pair_of(BASE, BASE.replace("fine", f"fine{mark}")), width=100)
    assert mark not in report
    assert mark not in render_json(pair_of(BASE, BASE.replace("fine", f"fine{mark}")))
