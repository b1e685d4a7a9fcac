"""What to highlight in one side of an aligned pair, as styled pieces of visible text.

A *piece* is a run of text ready to draw (controls already made visible) and the marks
that style it: ``deleted``, ``inserted``, ``equal``, ``soft`` (equal to the diff, but
different in case or typography), ``unchanged`` (a pair with no change at all),
``drift-high``, ``drift-medium``, ``drift-low`` (text a drift flag covers), ``match`` (a
search hit) and ``control`` (a placeholder for a control character, or in a changed pair
a ``⟨ZWSP⟩``-style marker for an invisible one). Views map marks to their own component
classes; offsets come from the core, never re-derived.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import Literal

from viewer.model import AlignedPair, Comparison, Drift, EditOp, Span
from viewer.ui.flags import flag_runs
from viewer.ui.visible import visible_pieces
from viewer.ui.wrap import line_ranges

__all__ = [
    "PairHits",
    "Piece",
    "Side",
    "cut_lines",
    "is_unchanged",
    "search_pairs",
    "shows_hidden",
    "side_pieces",
]

Side = Literal["a", "b"]
Piece = tuple[str, tuple[str, ...]]
"""Visible text and the marks that style it."""
PairHits = tuple[Sequence[tuple[int, int]], Sequence[tuple[int, int]]]
"""Search matches in one pair: offsets into A's text and into B's."""


def is_unchanged(pair: AlignedPair) -> bool:
    """Whether a pair keeps every character of its sentences exactly as it was."""
    return pair.kind == "match" and all(
        edit.op is EditOp.EQUAL and edit.a_text == edit.b_text for edit in pair.edits
    )


def shows_hidden(pair: AlignedPair) -> bool:
    """Whether the pair's text is drawn with invisible characters marked (``⟨ZWSP⟩``):
    every pair but an unchanged one."""
    return not is_unchanged(pair)


def _edit_runs(pair: AlignedPair, side: Side) -> list[tuple[int, int, str]]:
    """The pair's edits as ``(start, end, mark)`` runs in ``side``'s text."""
    quiet = "unchanged" if is_unchanged(pair) else "equal"
    runs: list[tuple[int, int, str]] = []
    for edit in pair.edits:
        start, end = (edit.a_start, edit.a_end) if side == "a" else (edit.b_start, edit.b_end)
        if start == end:
            continue
        if edit.op is EditOp.EQUAL:
            runs.append((start, end, quiet if edit.a_text == edit.b_text else "soft"))
        else:
            runs.append((start, end, "deleted" if edit.op is EditOp.DELETE else "inserted"))
    return runs


def side_pieces(
    comparison: Comparison,
    pair: AlignedPair,
    side: Side,
    hits: Sequence[tuple[int, int]] = (),
    flags: Sequence[Drift] = (),
) -> list[Piece]:
    """Side ``side`` of ``pair`` as styled pieces of visible text.

    Args:
        hits: Search matches to mark, as offsets into that side's article text.
        flags: The pair's drift flags; the text they cover is marked ``drift-<severity>``.
    """
    span = pair.a_span if side == "a" else pair.b_span
    if span is None:
        return []
    text = (comparison.a if side == "a" else comparison.b).text
    edits = [run for run in _edit_runs(pair, side) if run[0] < span.end and run[1] > span.start]
    drift = flag_runs(flags, side, span)
    found = [(s, e, "match") for s, e in hits if s < span.end and e > span.start]
    # Invisible characters are marked in a pair that changed (where they may be the
    # change), never in an unchanged one; the layout measures the same text.
    hidden = shows_hidden(pair)
    cuts = {span.start, span.end}
    for start, end, _ in (*edits, *drift, *found):
        cuts.update((max(start, span.start), min(end, span.end)))
    edges = sorted({_whole_crlf(text, cut, span.end) for cut in cuts})
    pieces: list[Piece] = []
    layers = (_Cursor(edits), _Cursor(drift), _Cursor(found))
    for start, end in pairwise(edges):
        names = tuple(mark for layer in layers if (mark := layer.mark_at(start)))
        for visible, is_control in visible_pieces(text[start:end], hidden=hidden):
            _append(pieces, visible, (*names, "control") if is_control else names)
    return pieces


def _whole_crlf(text: str, cut: int, end: int) -> int:
    """``cut``, moved past the LF when it falls inside a CRLF: a CR cut off from its LF
    would show as a control character, and the view's wrapping would disagree."""
    if 0 < cut < end and text[cut - 1] == "\r" and text[cut] == "\n":
        return cut + 1
    return cut


class _Cursor:
    """Walks sorted, non-overlapping runs for offsets asked in increasing order."""

    def __init__(self, runs: list[tuple[int, int, str]]) -> None:
        self._runs = sorted(runs)
        self._index = 0

    def mark_at(self, offset: int) -> str:
        """The mark of the run holding ``offset``; empty when none does."""
        runs = self._runs
        while self._index < len(runs) and runs[self._index][1] <= offset:
            self._index += 1
        if self._index < len(runs) and runs[self._index][0] <= offset:
            return runs[self._index][2]
        return ""


def _append(pieces: list[Piece], text: str, marks: tuple[str, ...]) -> None:
    """Add a piece, joining it to the last one when they are styled alike."""
    if pieces and pieces[-1][1] == marks:
        pieces[-1] = (pieces[-1][0] + text, marks)
    elif text:
        pieces.append((text, marks))


def cut_lines(pieces: Iterable[Piece], width: int) -> list[list[Piece]]:
    """The pieces word-wrapped into the lines :func:`~viewer.ui.wrap.line_ranges` gives."""
    pieces = list(pieces)
    text = "".join(piece for piece, _ in pieces)
    bounds: list[int] = []
    position = 0
    for piece, _ in pieces:
        bounds.append(position)
        position += len(piece)
    lines: list[list[Piece]] = []
    first = 0
    for start, end in line_ranges(text, width):
        while first < len(pieces) and bounds[first] + len(pieces[first][0]) <= start:
            first += 1
        line: list[Piece] = []
        index = first
        while index < len(pieces) and bounds[index] < end:
            piece, marks = pieces[index]
            offset = bounds[index]
            low, high = max(start, offset), min(end, offset + len(piece))
            if low < high:
                line.append((piece[low - offset : high - offset], marks))
            index += 1
        lines.append(line)
    return lines


def _find(text: str, span: Span | None, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Every match of ``pattern`` inside ``span`` of ``text``, as offsets into ``text``."""
    if span is None:
        return []
    return [m.span() for m in pattern.finditer(text, *span) if m.end() > m.start()]


def search_pairs(comparison: Comparison, query: str) -> dict[int, PairHits]:
    """Where ``query`` occurs, ignoring case, in each pair that holds it, by pair index."""
    if not query:
        return {}
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    found: dict[int, PairHits] = {}
    for index, pair in enumerate(comparison.pairs):
        a = _find(comparison.a.text, pair.a_span, pattern)
        b = _find(comparison.b.text, pair.b_span, pattern)
        if a or b:
            found[index] = (a, b)
    return found
