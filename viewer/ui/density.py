"""Where in each article the changes and the drift flags are: a strip of cells per article.

An article's text is cut into equal runs of characters, one per cell. A cell's *change*
is the share of its characters that the comparison changed on that side: deleted words
and dropped or moved sentences in A, inserted words and added or moved sentences in B.
Its *flag* is the most severe flag whose span on that side touches it. Offsets come from
the pairs' edits and the flags' spans; nothing is found again.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from viewer.model import Comparison, Drift, EditOp, PairKind, Span
from viewer.ui.flags import FLAG_LETTERS, severity_rank

if TYPE_CHECKING:
    from viewer.ui.highlight import Side

__all__ = ["Cell", "changed_spans", "density", "pair_at"]

_WHOLE = {
    "a": (PairKind.DROPPED, PairKind.MOVED),
    "b": (PairKind.ADDED, PairKind.MOVED),
}
"""Pair kinds whose whole sentence counts as changed on each side."""


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of an article's strip."""

    start: int
    end: int
    """The characters of the article the cell stands for."""
    changed: float
    """Share of those characters that changed, 0 to 1."""
    flag: Drift | None
    """The most severe flag touching the cell (the first, among equals); ``None`` if none."""

    @property
    def letter(self) -> str:
        """The flag's kind letter, or a space."""
        return FLAG_LETTERS[self.flag.kind] if self.flag else " "


def changed_spans(comparison: Comparison, side: Side) -> list[Span]:
    """The changed text of one side, as sorted spans that do not overlap."""
    op = EditOp.DELETE if side == "a" else EditOp.INSERT
    spans: list[Span] = []
    for pair in comparison.pairs:
        whole = pair.a_span if side == "a" else pair.b_span
        if pair.kind in _WHOLE[side] and whole is not None:
            spans.append(whole)
            continue
        for edit in pair.edits:
            start, end = (edit.a_start, edit.a_end) if side == "a" else (edit.b_start, edit.b_end)
            if edit.op is op and start < end:
                spans.append(Span(start, end))
    merged: list[Span] = []
    for span in sorted(spans):
        if merged and span.start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return merged


def density(comparison: Comparison, side: Side, cells: int) -> tuple[Cell, ...]:
    """Side ``side``'s text cut into ``cells`` cells (fewer for a shorter text)."""
    length = len((comparison.a if side == "a" else comparison.b).text)
    count = max(min(cells, length), 1)
    bounds = [length * number // count for number in range(count + 1)]
    changed = changed_spans(comparison, side)
    flags = _flags_by_cell(comparison, side, bounds)
    result: list[Cell] = []
    first = 0
    for number in range(count):
        start, end = bounds[number], bounds[number + 1]
        while first < len(changed) and changed[first].end <= start:
            first += 1
        covered = 0
        for span in changed[first:]:
            if span.start >= end:
                break
            covered += min(span.end, end) - max(span.start, start)
        share = covered / (end - start) if end > start else 0.0
        result.append(Cell(start, end, share, flags.get(number)))
    return tuple(result)


def _flags_by_cell(comparison: Comparison, side: Side, bounds: list[int]) -> dict[int, Drift]:
    """The most severe flag touching each cell that any flag touches."""
    found: dict[int, Drift] = {}
    last = len(bounds) - 2
    for drift in comparison.drift:
        start, end = drift.a_span if side == "a" else drift.b_span
        first = min(max(bisect_right(bounds, start) - 1, 0), last)
        final = min(max(bisect_right(bounds, max(end - 1, start)) - 1, 0), last)
        for number in range(first, final + 1):
            now = found.get(number)
            if now is None or severity_rank(drift.severity) < severity_rank(now.severity):
                found[number] = drift
    return found


def pair_at(comparison: Comparison, side: Side, offset: int) -> int | None:
    """The pair whose sentences on ``side`` hold ``offset``, or the next one after it."""
    after: tuple[int, int] | None = None
    for index, pair in enumerate(comparison.pairs):
        span = pair.a_span if side == "a" else pair.b_span
        if span is None:
            continue
        if span.start <= offset < span.end:
            return index
        if span.start >= offset and (after is None or span.start < after[0]):
            after = (span.start, index)
    return after[1] if after else None
