"""The terminal report: readable without colour, safe with hostile text, side by side
only when there is room."""

from __future__ import annotations

import re

import pytest

from tests.factories import hostile_comparison, sample_comparison
from viewer.cli.terminal import SIDE_BY_SIDE_WIDTH, render_text
from viewer.report.controls import one_line, show_controls

_SGR = re.compile(r"\x1b\[[0-9;]*m")


def test_plain_output_has_no_escape_codes() -> None:
    for width in (80, 160):
        output = render_text(sample_comparison(), width=width, color=False)
        assert "\x1b" not in output


def test_inline_when_narrow_marks_changes_with_brackets() -> None:
    output = render_text(sample_comparison(), width=80, color=False)
    assert "Police fired [-96-]{+69+} shots" in output
    assert "[-Officials declined to comment.-]" in output
    assert "{+A lawyer for the family spoke on Tuesday.+}" in output
    assert "match  0.71  A1 → B1" in output


def test_side_by_side_when_wide_puts_a_left_and_b_right() -> None:
    output = render_text(sample_comparison(), width=SIDE_BY_SIDE_WIDTH, color=False)
    line = next(line for line in output.splitlines() if "[-96-]" in line)
    assert line.index("[-96-]") < line.index("{+69+}")
    assert line.lstrip().startswith("match")
    assert "dropped" in output and "added" in output


def test_no_line_is_wider_than_asked() -> None:
    for width in (60, 80, 130, 200):
        output = render_text(sample_comparison(), width=width, color=False)
        assert max(len(line) for line in output.splitlines()) <= width
        assert not any(line.endswith(" ") for line in output.splitlines())


def test_header_shows_both_articles_and_a_summary() -> None:
    output = render_text(sample_comparison(), width=100, color=False)
    for expected in ("Police fire 96 shots", "wire-police", "a.txt", "Wire", "2024-04-09"):
        assert expected in output
    assert "Police fire 69 shots" in output and "partner-police" in output
    assert "5 pairs: 3 match, 1 added, 1 dropped" in output
    assert "similarity 51%" in output


def test_colour_uses_only_style_codes() -> None:
    output = render_text(sample_comparison(), width=160, color=True)
    assert _SGR.search(output)
    assert "\x1b" not in _SGR.sub("", output)
    assert "[-96-]" not in output


@pytest.mark.parametrize("width", [80, 160])
@pytest.mark.parametrize("color", [False, True])
def test_hostile_text_is_shown_not_obeyed(width: int, color: bool) -> None:
    output = render_text(hostile_comparison(), width=width, color=color)
    rest = _SGR.sub("", output)
    assert "\x1b" not in rest and "\x07" not in rest and "\x9b" not in rest
    flat = rest.replace("\n", "")
    assert "␛[31mred" in flat
    assert "[bold red]markup[/]" in re.sub(r" +", " ", flat)
    assert "[@click=app.quit]" in re.sub(r" +", "", flat)
    assert "<script>" in flat


def test_show_controls_keeps_lines_and_tabs_but_nothing_else() -> None:
    assert show_controls("a\tb\nc\rd\x00\x7f\x85\u202e") == "a\tb\nc␍d␀␡\\x85\\u202e"
    assert one_line("a\n\n b\tc") == "a b c"
