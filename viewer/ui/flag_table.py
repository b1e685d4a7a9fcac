"""The rows of the drift table: which flags to list, in what order, keyed by where they are.

A row stands for one flag of one comparison, so the same table can list the flags of a
single comparison (side by side) or of every copy pair of a corpus audit. Pure functions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple, TypeAlias

from viewer.model import Comparison, Drift, DriftKind, Severity
from viewer.ui.flags import severity_rank

if TYPE_CHECKING:
    from viewer.corpus.audit import PairDrift

__all__ = ["FlagColumn", "FlagRef", "Flagged", "flags_of", "ordered", "pair_ids", "select"]

Flagged: TypeAlias = "Comparison | PairDrift"
"""What carries flags: one comparison, or one copy pair of a corpus audit."""


def flags_of(item: Flagged) -> tuple[Drift, ...]:
    """The drift flags of a comparison or of an audited copy pair."""
    return item.drift if isinstance(item, Comparison) else item.flags


def pair_ids(item: Flagged) -> tuple[str, str]:
    """The ids of the base (A) and the other (B)."""
    return (item.a.id, item.b.id) if isinstance(item, Comparison) else (item.a, item.b)


class FlagRef(NamedTuple):
    """Where a flag is: the key of one row of the drift table."""

    comparison: int
    """Index of the comparison among those the table lists."""
    flag: int
    """Index of the flag in that comparison's ``drift``."""

    @property
    def key(self) -> str:
        """The row key a table stores (its keys are strings)."""
        return f"{self.comparison}:{self.flag}"

    def drift(self, comparisons: Sequence[Flagged]) -> Drift:
        """The flag itself."""
        return flags_of(comparisons[self.comparison])[self.flag]


class FlagColumn(StrEnum):
    """A column of the drift table, in the order shown; ``s`` sorts by the next one."""

    SEVERITY = "severity"
    KIND = "kind"
    BEFORE = "before"
    AFTER = "after"
    EXPLANATION = "explanation"
    A = "a"
    B = "b"

    def next(self) -> FlagColumn:
        """The column after this one, wrapping around."""
        members = list(FlagColumn)
        return members[(members.index(self) + 1) % len(members)]


_SORT_KEYS: dict[FlagColumn, Callable[[Drift], Any]] = {
    FlagColumn.SEVERITY: lambda drift: severity_rank(drift.severity),
    FlagColumn.KIND: lambda drift: drift.kind.value,
    FlagColumn.BEFORE: lambda drift: drift.before.casefold(),
    FlagColumn.AFTER: lambda drift: drift.after.casefold(),
    FlagColumn.EXPLANATION: lambda drift: drift.explanation.casefold(),
    FlagColumn.A: lambda drift: tuple(drift.a_span),
    FlagColumn.B: lambda drift: tuple(drift.b_span),
}


def select(
    comparisons: Sequence[Flagged],
    kind: DriftKind | None = None,
    severity: Severity | None = None,
) -> list[FlagRef]:
    """Every flag of ``comparisons`` of that ``kind`` and ``severity`` (``None``: any),
    in reading order, comparison by comparison."""
    return [
        FlagRef(number, index)
        for number, comparison in enumerate(comparisons)
        for index, drift in enumerate(flags_of(comparison))
        if (kind is None or drift.kind is kind) and (severity is None or drift.severity is severity)
    ]


def ordered(
    comparisons: Sequence[Flagged],
    refs: Sequence[FlagRef],
    column: FlagColumn,
    reverse: bool = False,
) -> list[FlagRef]:
    """``refs`` sorted by ``column``; equal rows keep their order (reading order)."""
    key = _SORT_KEYS[column]
    return sorted(refs, key=lambda ref: key(ref.drift(comparisons)), reverse=reverse)
