"""Each sentence's life through the versions: where it appeared, changed and went.

The alignments of consecutive versions are chained: a sentence of version *n* aligned
with one of version *n + 1* is the same row, carried on. A sentence of a later version
that matches nothing in the version before starts a new row (``appeared``); one that
matches nothing in the version after ends its row (``gone`` there). When two sentences
merge into one, the first one's row carries on and the other's ends (``merged``, gone
in that version); when one splits in two, its row holds both parts.

Rows are in reading order: the first version's sentences in turn, and each new sentence
after the row of the sentence before it in the version it appeared in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from viewer.history.steps import Step
from viewer.history.versions import Version
from viewer.model import ChangeKind, PairKind, Span

__all__ = ["Cell", "Mark", "Row", "timeline"]


class Mark(StrEnum):
    """What happened to a row's sentence in one version."""

    APPEARED = "appeared"
    SAME = "same"
    CHANGED = "changed"
    MOVED = "moved"
    GONE = "gone"
    MERGED = "merged"
    """Gone into another row's sentence (merged with it)."""


@dataclass(frozen=True, slots=True)
class Cell:
    """A row's sentence in one version."""

    version: int
    mark: Mark
    sentences: tuple[int, ...]
    """Its sentence indexes in that version (two after a split; none once gone)."""
    span: Span | None
    """Where it stands in that version's text; ``None`` once gone."""
    text: str
    """``text[span]`` of that version; empty once gone."""


@dataclass(frozen=True, slots=True)
class Row:
    """One sentence followed through the versions."""

    number: int
    """Its place in the timeline, from 1."""
    cells: tuple[Cell, ...]
    """One per version from the one it appeared in to the one it went in (or the last)."""
    merged_into: int | None = None
    """The row it merged into, when it ended that way."""

    @property
    def first(self) -> int:
        """The version it first appears in."""
        return self.cells[0].version

    @property
    def changed(self) -> tuple[int, ...]:
        """The versions in which it changed (its wording, or its place)."""
        return tuple(c.version for c in self.cells if c.mark in (Mark.CHANGED, Mark.MOVED))

    @property
    def gone(self) -> int | None:
        """The version it is no longer in; ``None`` when it survived to the last."""
        last = self.cells[-1]
        return last.version if last.mark in (Mark.GONE, Mark.MERGED) else None

    @property
    def text(self) -> str:
        """Its text where it first appears."""
        return self.cells[0].text

    @property
    def last_text(self) -> str:
        """Its text in the last version it is in."""
        present = [c for c in self.cells if c.span is not None]
        return present[-1].text if present else ""

    def cell(self, version: int) -> Cell | None:
        """Its cell in ``version``, or ``None`` before it appeared and after it went."""
        for cell in self.cells:
            if cell.version == version:
                return cell
        return None


@dataclass(slots=True)
class _Growing:
    cells: list[Cell]
    merged_into: int | None = None


def _cell(version: Version, mark: Mark, indexes: Sequence[int]) -> Cell:
    sentences = version.article.sentences
    span = Span(sentences[indexes[0]].start, sentences[indexes[-1]].end)
    text = version.article.text[span.start : span.end]
    return Cell(version.number, mark, tuple(indexes), span, text)


def _gone(version: Version, mark: Mark) -> Cell:
    return Cell(version.number, mark, (), None, "")


def timeline(versions: Sequence[Version], steps: Sequence[Step]) -> tuple[Row, ...]:
    """The rows of ``versions``, chained through the alignments of ``steps`` (one per
    consecutive pair of versions, in order)."""
    if not versions:
        return ()
    rows: list[_Growing] = []
    order: list[int] = []
    holder: dict[int, int] = {}
    """Row of each sentence of the version reached so far."""
    first = versions[0]
    for n in range(len(first.article.sentences)):
        holder[n] = len(rows)
        order.append(len(rows))
        rows.append(_Growing([_cell(first, Mark.APPEARED, [n])]))
    for step in steps:
        holder = _advance(step, rows, order, holder)
    number = {row: place for place, row in enumerate(order, start=1)}
    return tuple(
        Row(
            number[row],
            tuple(rows[row].cells),
            _renumbered(rows[row].merged_into, number),
        )
        for row in order
    )


def _renumbered(row: int | None, number: dict[int, int]) -> int | None:
    return None if row is None else number[row]


def _advance(
    step: Step, rows: list[_Growing], order: list[int], holder: dict[int, int]
) -> dict[int, int]:
    """Carry the rows over one step; the rows of the newer version's sentences."""
    newer = step.newer
    comparison = step.comparison
    changes = comparison.changes or (ChangeKind.IDENTICAL,) * len(comparison.pairs)
    after: dict[int, int] = {}
    fresh: list[int] = []
    for pair, change in zip(comparison.pairs, changes, strict=True):
        owners = list(dict.fromkeys(holder[i] for i in pair.a if i in holder))
        if not pair.b:
            for row in owners:
                rows[row].cells.append(_gone(newer, Mark.GONE))
            continue
        if not owners:
            for j in pair.b:
                after[j] = len(rows)
                fresh.append(j)
                rows.append(_Growing([_cell(newer, Mark.APPEARED, [j])]))
            continue
        if pair.kind is PairKind.MOVED or change is ChangeKind.MOVED:
            mark = Mark.MOVED
        elif change is ChangeKind.IDENTICAL:
            mark = Mark.SAME
        else:
            mark = Mark.CHANGED
        kept, *merged = owners
        rows[kept].cells.append(_cell(newer, mark, pair.b))
        for row in merged:
            rows[row].cells.append(_gone(newer, Mark.MERGED))
            rows[row].merged_into = kept
        for j in pair.b:
            after[j] = kept
    for j in sorted(fresh):
        row = after[j]
        before = after.get(j - 1)
        place = order.index(before) + 1 if before is not None else 0
        order.insert(place, row)
    return after
