"""The rows of a side-by-side view: which pairs show, in what order, and what marks them.

A row is an aligned pair; a *moved-from* row marks where a moved sentence stood in A
(the pair itself shows where it stands in B); a *hidden* row stands for pairs the
current filter leaves out. Pure functions over a :class:`~viewer.model.Comparison`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Container, Sequence
from dataclasses import dataclass
from enum import StrEnum

from viewer.model import AlignedPair, Comparison, PairKind
from viewer.ui.flags import meaning_pairs
from viewer.ui.highlight import is_unchanged

__all__ = [
    "Row",
    "RowKind",
    "Show",
    "build_rows",
    "is_changed",
    "pair_holding",
    "pair_rows",
    "pair_symbol",
]


class Show(StrEnum):
    """Which pairs a view shows; the filter key cycles through them in this order."""

    ALL = "all"
    CHANGES = "changes"
    """Every pair but those with no change at all."""
    MEANING = "meaning drift"
    """Only pairs with a high or medium flag that may change the meaning (not garble or
    boilerplate)."""
    STRUCTURE = "added, dropped, moved"
    """Only sentences that were added, dropped or moved."""

    def next(self) -> Show:
        """The filter after this one, wrapping around."""
        members = list(Show)
        return members[(members.index(self) + 1) % len(members)]


class RowKind(StrEnum):
    """What a row of the view stands for."""

    PAIR = "pair"
    MOVED_FROM = "moved-from"
    HIDDEN = "hidden"


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the side-by-side view."""

    kind: RowKind
    pair: int
    """Index into ``Comparison.pairs``: the pair shown, or (for a moved-from row) the
    moved pair. For a hidden row, how many pairs it stands for."""
    break_before: bool = False
    """Whether a paragraph ends just before this row, in either article."""


_SYMBOLS = {
    PairKind.MATCH: "~",
    PairKind.SPLIT: "<",
    PairKind.MERGE: ">",
    PairKind.MOVED: "↕",
    PairKind.ADDED: "+",
    PairKind.DROPPED: "-",
}


def pair_symbol(pair: AlignedPair) -> str:
    """The gutter symbol of a pair: ``=`` unchanged, ``~`` changed, ``<`` split,
    ``>`` merge, ``↕`` moved, ``+`` added, ``-`` dropped."""
    return "=" if is_unchanged(pair) else _SYMBOLS[pair.kind]


def is_changed(pair: AlignedPair) -> bool:
    """Whether a pair holds any change at all."""
    return not is_unchanged(pair)


def pair_rows(
    rows: Sequence[Row], pairs: Container[int], kind: RowKind = RowKind.PAIR
) -> list[int]:
    """Indexes of the rows of ``kind`` that stand for one of ``pairs`` (pair indexes)."""
    return [index for index, row in enumerate(rows) if row.kind is kind and row.pair in pairs]


def pair_holding(comparison: Comparison, a: int, b: int | None = None) -> int | None:
    """Index of the pair holding sentence ``a`` of article A: the one that also holds
    sentence ``b`` of B when there is one (a sentence split in two sits in one pair), else
    the first; ``None`` when no pair holds ``a``."""
    holding = [index for index, pair in enumerate(comparison.pairs) if a in pair.a]
    both = [index for index in holding if b in comparison.pairs[index].b]
    return next(iter(both or holding), None)


def _shown(pair: AlignedPair, index: int, show: Show, meaning: frozenset[int]) -> bool:
    if show is Show.ALL:
        return True
    if show is Show.CHANGES:
        return is_changed(pair)
    if show is Show.MEANING:
        return index in meaning
    return pair.kind in (PairKind.ADDED, PairKind.DROPPED, PairKind.MOVED)


def _moved_from(pairs: Sequence[AlignedPair]) -> dict[int, list[int]]:
    """For each moved pair, the index of the pair before which its A sentence stood.

    Pairs other than moved ones come in A's reading order, so a binary search finds it.
    """
    in_order = [
        (pair.a[0], index)
        for index, pair in enumerate(pairs)
        if pair.a and pair.kind is not PairKind.MOVED
    ]
    starts = [start for start, _ in in_order]
    anchors: dict[int, list[int]] = {}
    for index, pair in enumerate(pairs):
        if pair.kind is PairKind.MOVED and pair.a:
            place = bisect_right(starts, pair.a[0])
            anchor = in_order[place][1] if place < len(in_order) else len(pairs)
            anchors.setdefault(anchor, []).append(index)
    return anchors


def _paragraphs(comparison: Comparison, pair: AlignedPair) -> tuple[int | None, int | None]:
    """The paragraphs a pair starts in, in A and in B (``None`` for a side it lacks)."""
    a = comparison.a.sentences[pair.a[0]].paragraph if pair.a else None
    b = comparison.b.sentences[pair.b[0]].paragraph if pair.b else None
    return a, b


def _last_paragraphs(comparison: Comparison, pair: AlignedPair) -> tuple[int | None, int | None]:
    a = comparison.a.sentences[pair.a[-1]].paragraph if pair.a else None
    b = comparison.b.sentences[pair.b[-1]].paragraph if pair.b else None
    return a, b


def build_rows(comparison: Comparison, show: Show = Show.ALL) -> tuple[Row, ...]:
    """The rows to draw for ``comparison`` under the filter ``show``, in reading order."""
    pairs = comparison.pairs
    anchors = _moved_from(pairs)
    meaning = meaning_pairs(comparison) if show is Show.MEANING else frozenset()
    rows: list[Row] = []
    hidden = 0
    last: tuple[int | None, int | None] = (None, None)
    for index in range(len(pairs) + 1):
        pair = pairs[index] if index < len(pairs) else None
        shown = pair is not None and _shown(pair, index, show, meaning)
        if hidden and (shown or index in anchors):
            rows.append(Row(RowKind.HIDDEN, hidden))
            hidden = 0
        rows.extend(Row(RowKind.MOVED_FROM, moved) for moved in anchors.get(index, ()))
        if pair is None:
            break
        if not shown:
            hidden += 1
            continue
        first = _paragraphs(comparison, pair)
        new_paragraph = any(
            now is not None and before is not None and now != before
            for now, before in zip(first, last, strict=True)
        )
        rows.append(Row(RowKind.PAIR, index, break_before=new_paragraph and bool(rows)))
        if pair.kind is not PairKind.MOVED:
            last = _merge(last, _last_paragraphs(comparison, pair))
    if hidden:
        rows.append(Row(RowKind.HIDDEN, hidden))
    return tuple(rows)


def _merge(
    old: tuple[int | None, int | None], new: tuple[int | None, int | None]
) -> tuple[int | None, int | None]:
    """The latest known paragraph on each side."""
    return (new[0] if new[0] is not None else old[0], new[1] if new[1] is not None else old[1])
