"""Where every line of a side-by-side view goes, for one width: the Line API's map.

Each row of the view (a pair, a moved-from mark, a run of hidden pairs) is wrapped into
the two columns and padded to the taller side, so one scroll offset drives both. The
layout holds only the height of every row, measured on the visible text; the styled
lines of a row are cut by :func:`row_lines` when the row comes into view. So opening a
50,000-line document measures its text once and styles only what is on screen.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING

from viewer.ui.highlight import PairHits, Piece, cut_lines, shows_hidden, side_pieces
from viewer.ui.rows import Row, RowKind
from viewer.ui.visible import one_line, visible_text
from viewer.ui.wrap import line_ranges

if TYPE_CHECKING:
    from viewer.model import AlignedPair, Comparison, Drift, Span

__all__ = [
    "GUTTER",
    "RULE",
    "Layout",
    "RowLines",
    "column_widths",
    "lay_out",
    "row_lines",
]

GUTTER = 12
"""Cells left of the columns: cursor mark, pair symbol, score, drift flags (see gutter.py)."""
RULE = 3
"""Cells between the columns: a space, a rule, a space."""


def column_widths(width: int) -> tuple[int, int]:
    """The widths of the left and right columns in a view ``width`` cells wide."""
    text = max(width - GUTTER - RULE, 2)
    return text // 2, text - text // 2


@dataclass(frozen=True, slots=True)
class RowLines:
    """One row's styled lines in each column (either may be empty)."""

    left: list[list[Piece]]
    right: list[list[Piece]]


@dataclass(frozen=True, slots=True)
class Layout:
    """The height of every row of a view at one width, and the line each row starts on.

    A row's height counts the blank line above it when a paragraph ends before it.
    """

    width: int
    rows: tuple[Row, ...]
    starts: tuple[int, ...]
    height: int

    def locate(self, y: int) -> tuple[int, int]:
        """The row holding line ``y`` and the line's place in it (blank lines counted)."""
        index = max(bisect_right(self.starts, y) - 1, 0)
        return index, y - self.starts[index]

    def top(self, index: int) -> int:
        """Blank lines above row ``index``'s text: 1 after a paragraph break, else 0."""
        return 1 if self.rows[index].break_before else 0

    def text_lines(self, index: int) -> tuple[int, int]:
        """The first line of row ``index``'s text and the line after its last."""
        end = self.starts[index + 1] if index + 1 < len(self.starts) else self.height
        return self.starts[index] + self.top(index), end


def _side_height(
    comparison: Comparison, pair: AlignedPair, span: Span | None, side: str, width: int
) -> int:
    if span is None:
        return 0
    text = (comparison.a if side == "a" else comparison.b).text[span.start : span.end]
    return len(line_ranges(visible_text(text, hidden=shows_hidden(pair)), width))


def lay_out(comparison: Comparison, rows: tuple[Row, ...], width: int) -> Layout:
    """Measure every row of ``comparison`` for a view ``width`` cells wide."""
    left_width, right_width = column_widths(width)
    heights: list[int] = []
    for row in rows:
        height = 1
        if row.kind is RowKind.PAIR:
            pair = comparison.pairs[row.pair]
            left = _side_height(comparison, pair, pair.a_span, "a", left_width)
            height = max(left, _side_height(comparison, pair, pair.b_span, "b", right_width), 1)
        heights.append(height + (1 if row.break_before else 0))
    starts = (0, *accumulate(heights))
    return Layout(width, rows, starts[:-1], starts[-1])


def row_lines(
    comparison: Comparison,
    layout: Layout,
    index: int,
    hits: PairHits | None = None,
    flags: Sequence[Drift] = (),
) -> RowLines:
    """The styled lines of row ``index`` of ``layout``, search ``hits`` and the text the
    pair's drift ``flags`` cover marked."""
    row = layout.rows[index]
    left_width, right_width = column_widths(layout.width)
    if row.kind is RowKind.HIDDEN:
        return RowLines([[(_hidden_label(row.pair), ("hidden",))]], [])
    pair = comparison.pairs[row.pair]
    if row.kind is RowKind.MOVED_FROM:
        later = any(
            other.kind is RowKind.PAIR and other.pair == row.pair for other in layout.rows[index:]
        )
        return RowLines([_moved_from_line(comparison, row, later, left_width)], [])
    a_hits, b_hits = hits or ((), ())
    left = side_pieces(comparison, pair, "a", a_hits, flags) if pair.a else None
    right = side_pieces(comparison, pair, "b", b_hits, flags) if pair.b else None
    return RowLines(
        cut_lines(left, left_width) if left is not None else [],
        cut_lines(right, right_width) if right is not None else [],
    )


def _hidden_label(count: int) -> str:
    return f"{count} pair{'s' if count != 1 else ''} hidden by the filter (f changes it)"


def _moved_from_line(comparison: Comparison, row: Row, later: bool, width: int) -> list[Piece]:
    """The one line that marks where a moved sentence stood in A, and which way it went."""
    pair = comparison.pairs[row.pair]
    label = "↓ moved down: " if later else "↑ moved up: "
    text = one_line(comparison.a.sentence_text(pair.a[0]), max(width - len(label), 1))
    return [(label, ("moved",)), (text, ("moved", "unchanged"))]
