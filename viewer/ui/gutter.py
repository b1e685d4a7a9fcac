"""The gutter of the side-by-side view: what kind of pair a row is, and its drift flags.

Left of the columns, after the cursor mark, each row's first line shows the pair's
symbol (see :func:`~viewer.ui.rows.pair_symbol`) and score, then up to three flag
letters, one per kind of flag the pair raised (``Q`` quote, ``N`` number…), most severe
first, each marked ``flag-<severity>``. More kinds go on the row's next lines; on a row
too short for them all, a ``+`` stands for the rest. The status line describes the
cursor pair in the same words (:func:`describe_pair`, :func:`describe_flags`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from viewer.model import AlignedPair, ChangeKind, Comparison, Drift, PairKind
from viewer.report.pairs import pair_percent
from viewer.ui.flags import FlagMark, gutter_marks, strongest
from viewer.ui.rows import Row, RowKind, pair_symbol

if TYPE_CHECKING:
    from viewer.ui.highlight import Piece

__all__ = ["FLAG_CELLS", "describe_flags", "describe_pair", "gutter_pieces"]

FLAG_CELLS = 3
"""Flag letters on one line of the gutter."""
_SYMBOL_CELLS = 7
"""The pair symbol and the score, with a space either side of the score."""
_SYMBOL_MARK = {"+": "inserted", "-": "deleted", "↕": "moved", "=": "unchanged"}


def gutter_pieces(
    comparison: Comparison, row: Row, flags: Sequence[Drift], line: int, lines: int
) -> list[Piece]:
    """The gutter of line ``line`` of ``row`` (after the cursor mark), as styled pieces.

    Args:
        flags: The drift flags of the row's pair.
        line: Which of the row's text lines, from 0; negative for a blank line above it.
        lines: How many text lines the row has.
    """
    if line < 0:
        return [(" " * (_SYMBOL_CELLS + FLAG_CELLS + 1), ("gutter",))]
    pieces: list[Piece] = (
        _symbol(comparison, row) if line == 0 else [(" " * _SYMBOL_CELLS, ("gutter",))]
    )
    marks = _line_marks(gutter_marks(flags), line, lines) if row.kind is RowKind.PAIR else []
    pieces += [(letter, ("gutter", f"flag-{severity.value}")) for letter, severity in marks]
    pieces.append((" " * (FLAG_CELLS - len(marks) + 1), ("gutter",)))
    return pieces


def _symbol(comparison: Comparison, row: Row) -> list[Piece]:
    """The pair symbol and score of a row's first line."""
    if row.kind is RowKind.HIDDEN:
        symbol, score, marks = "⋯", "", ("hidden",)
    elif row.kind is RowKind.MOVED_FROM:
        symbol, score, marks = "↕", "", ("moved",)
    else:
        pair = comparison.pairs[row.pair]
        symbol = pair_symbol(pair)
        score = "" if pair.kind in (PairKind.ADDED, PairKind.DROPPED) else pair_percent(pair)
        marks = (_SYMBOL_MARK.get(symbol, "equal"),)
    return [(symbol, ("gutter", *marks)), (f" {score:>4} ", ("gutter",))]


def _line_marks(marks: list[FlagMark], line: int, lines: int) -> list[FlagMark]:
    """The flag marks line ``line`` shows; the last line sums up what does not fit."""
    shown = marks[line * FLAG_CELLS : (line + 1) * FLAG_CELLS]
    rest = marks[(line + 1) * FLAG_CELLS :]
    if line == lines - 1 and rest:
        severity = strongest(severity for _, severity in (*shown[-1:], *rest))
        assert severity is not None
        shown = [*shown[:-1], ("+", severity)]
    return shown


_KIND_WORDS = {"=": "unchanged", "~": "changed", "<": "split", ">": "merged"}


def describe_flags(flags: tuple[Drift, ...]) -> str:
    """A pair's flags in a few words, for the status line: one letter and severity per kind."""
    if not flags:
        return ""
    marks = ", ".join(f"{letter} {severity.value}" for letter, severity in gutter_marks(flags))
    return f"{len(flags)} flag{'s' if len(flags) != 1 else ''}: {marks}"


def describe_pair(
    pair: AlignedPair | None, kind: RowKind | None, change: ChangeKind | None = None
) -> str:
    """What a pair is, in a few words, for the status line: its symbol, what it is, its
    score, and the change kind when that says more (``~ changed 87% · edited``; an added
    sentence reads ``+ added``, not ``+ added · added``)."""
    if pair is None:
        return ""
    if kind is RowKind.MOVED_FROM:
        return "where a moved sentence stood in A · m jumps to it"
    symbol = pair_symbol(pair)
    word = _KIND_WORDS.get(symbol, pair.kind.value)
    score = "" if pair.kind in (PairKind.ADDED, PairKind.DROPPED) else f" {pair_percent(pair)}"
    said = {word, pair.kind.value, "identical" if word == "unchanged" else ""}
    detail = f" · {change.value}" if change is not None and change.value not in said else ""
    hint = " · m jumps to where it stood in A" if symbol == "↕" else ""
    return f"{symbol} {word}{score}{detail}{hint}"
