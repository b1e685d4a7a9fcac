"""The app's pure layers: visible controls, wrapping, highlight pieces, rows and layout."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from tests.articles import ORIGINAL, REWRITE, SPUN, article, seed
from viewer.model import PairKind
from viewer.pairwise.compare import compare
from viewer.ui.highlight import cut_lines, side_pieces
from viewer.ui.layout import GUTTER, RULE, column_widths, lay_out, row_lines
from viewer.ui.rows import RowKind, Show, build_rows, is_changed, pair_symbol
from viewer.ui.visible import one_line, visible_pieces, visible_text
from viewer.ui.wrap import _wrap_measured, _wrap_single_cells, line_ranges, wrap

HOSTILE = "Say [bold red]x[/] and [@click=app.quit] then \x1b[31mred\x1b]0;title\x07 \x9b2J."


def test_controls_become_visible_placeholders() -> None:
    shown = visible_text(HOSTILE)
    assert "\x1b" not in shown and "\x07" not in shown and "\x9b" not in shown
    assert "␛[31m" in shown and "␛]0;title␇" in shown and "\\x9b2J" in shown
    assert "[bold red]x[/]" in shown and "[@click=app.quit]" in shown


def test_placeholders_are_flagged_and_line_ends_kept() -> None:
    pieces = list(visible_pieces("a\r\nb\rc\td\u202e"))
    assert pieces == [
        ("a", False),
        ("\n", False),
        ("b", False),
        ("␍", True),
        ("c    d", False),
        ("\\u202e", True),
    ]


def test_one_line_flattens_and_cuts() -> None:
    assert one_line("  A\n\nB\x1b ") == "A B␛"
    assert one_line("abcdefgh", limit=5) == "abcd…"


@given(st.text(alphabet=st.sampled_from("ab 漢\n"), max_size=80), st.integers(1, 12))
def test_wrap_fits_and_keeps_every_visible_character(text: str, width: int) -> None:
    lines = wrap(text, width)
    for start, end in lines:
        assert cell_len(text[start:end].rstrip(" ")) <= max(width, 2)
    kept = "".join(text[start:end] for start, end in lines).replace(" ", "")
    assert kept == text.replace(" ", "").replace("\n", "")


def test_wrap_breaks_at_spaces_and_newlines() -> None:
    text = "one two three\nfour"
    assert [text[s:e].rstrip() for s, e in wrap(text, 8)] == ["one two", "three", "four"]
    wide = "漢字漢字 ab"
    assert [wide[s:e] for s, e in wrap(wide, 4)] == ["漢字", "漢字 ", "ab"]


def test_pieces_mark_deleted_and_inserted_words() -> None:
    comparison = compare(article("The cat sat on the mat."), article("The dog sat on the mat."))
    pair = comparison.pairs[0]
    left = side_pieces(comparison, pair, "a")
    right = side_pieces(comparison, pair, "b")
    assert ("cat", ("deleted",)) in left
    assert ("dog", ("inserted",)) in right
    assert "".join(text for text, _ in left) == "The cat sat on the mat."


def test_pieces_mark_search_hits_over_changes() -> None:
    comparison = compare(article("The cat sat on the mat."), article("The dog sat on the mat."))
    pair = comparison.pairs[0]
    pieces = side_pieces(comparison, pair, "a", hits=[(4, 7)])
    assert ("cat", ("deleted", "match")) in pieces


def test_cut_lines_keeps_styles_across_breaks() -> None:
    lines = cut_lines([("aaa bbb ", ("equal",)), ("ccc", ("inserted",))], 4)
    assert lines == [[("aaa", ("equal",))], [("bbb", ("equal",))], [("ccc", ("inserted",))]]


def test_unchanged_pairs_read_as_such() -> None:
    comparison = compare(article("Same words here."), article("Same words here."))
    pair = comparison.pairs[0]
    assert pair_symbol(pair) == "="
    assert not is_changed(pair)
    assert side_pieces(comparison, pair, "b") == [("Same words here.", ("unchanged",))]


def test_rows_filter_and_mark_moves() -> None:
    comparison = compare(seed(ORIGINAL), seed(SPUN))
    every = build_rows(comparison, Show.ALL)
    assert [row.pair for row in every if row.kind is RowKind.PAIR] == list(
        range(len(comparison.pairs))
    )
    moved = [row for row in every if row.kind is RowKind.MOVED_FROM]
    assert moved and all(comparison.pairs[row.pair].kind is PairKind.MOVED for row in moved)
    only = build_rows(comparison, Show.STRUCTURE)
    kinds = {comparison.pairs[row.pair].kind for row in only if row.kind is RowKind.PAIR}
    assert kinds <= {PairKind.ADDED, PairKind.DROPPED, PairKind.MOVED}
    hidden = sum(row.pair for row in only if row.kind is RowKind.HIDDEN)
    assert hidden == len(comparison.pairs) - sum(1 for r in only if r.kind is RowKind.PAIR)


def test_show_cycles_through_every_filter() -> None:
    assert [Show.ALL.next(), Show.CHANGES.next(), Show.MEANING.next(), Show.STRUCTURE.next()] == [
        Show.CHANGES,
        Show.MEANING,
        Show.STRUCTURE,
        Show.ALL,
    ]


def test_layout_measures_rows_exactly_as_they_are_drawn() -> None:
    comparison = compare(seed(SPUN), seed(REWRITE))
    rows = build_rows(comparison)
    for width in (80, 120, 37):
        layout = lay_out(comparison, rows, width)
        left, right = column_widths(width)
        assert left + right + GUTTER + RULE == max(width, GUTTER + RULE + 2)
        for index, row in enumerate(rows):
            lines = row_lines(comparison, layout, index)
            top, end = layout.text_lines(index)
            assert end - top == max(len(lines.left), len(lines.right), 1)
            assert top - layout.starts[index] == (1 if row.break_before else 0)
            for line in lines.left:
                assert cell_len("".join(text for text, _ in line)) <= left
            for line in lines.right:
                assert cell_len("".join(text for text, _ in line)) <= right
            if row.kind is RowKind.PAIR and not comparison.pairs[row.pair].a:
                assert lines.left == []
        assert layout.locate(layout.height - 1)[0] == len(rows) - 1


@given(st.text(alphabet=st.sampled_from("ab “’—\n"), max_size=80), st.integers(1, 12))
def test_the_fast_wrap_agrees_with_the_measured_one(text: str, width: int) -> None:
    def shown(lines: list[tuple[int, int]]) -> list[str]:
        return [text[start:end].rstrip(" ") for start, end in lines]

    assert shown(_wrap_single_cells(text, width)) == shown(_wrap_measured(text, width))


@given(st.text(alphabet=st.sampled_from("ab \u00a0\t\n\u4e00é")), st.integers(1, 12))
def test_a_line_that_fits_takes_the_shortcut_to_what_wrapping_gives(text: str, width: int) -> None:
    # A newline at the end changes no line but rules the shortcut out.
    assert line_ranges(text, width) == line_ranges(text + "\n", width)


@given(st.text(alphabet=st.sampled_from("ab \u00a0\t\n\x1b\u202e\u2028 é")))
def test_one_line_takes_its_shortcut_only_where_it_changes_nothing(text: str) -> None:
    import re

    assert one_line(text) == visible_text(re.sub(r"\s+", " ", text).strip())
