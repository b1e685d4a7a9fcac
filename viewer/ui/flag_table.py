"""The rows of the drift table: which flags to list, in what order, keyed by where they are.

A row stands for one flag of one comparison, so the same table can list the flags of a
single comparison (the app today) or of many (a corpus audit). Pure functions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any, NamedTuple

from viewer.model import Comparison, Drift, DriftKind, Severity
from viewer.ui.flags import severity_rank

__all__ = ["FlagColumn", "FlagRef", "ordered", "select"]


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

    def drift(self, comparisons: Sequence[Comparison]) -> Drift:
        """The flag itself."""
        return comparisons[self.comparison].drift[self.flag]


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
    comparisons: Sequence[Comparison],
    kind: DriftKind | None = None,
    severity: Severity | None = None,
) -> list[FlagRef]:
    """Every flag of ``comparisons`` of that ``kind`` and ``severity`` (``None``: any),
    in reading order, comparison by comparison."""
    return [
        FlagRef(number, index)
        for number, comparison in enumerate(comparisons)
        for index, drift in enumerate(comparison.drift)
        if (kind is None or drift.kind is kind) and (severity is None or drift.severity is severity)
    ]


def ordered(
    comparisons: Sequence[Comparison],
    refs: Sequence[FlagRef],
    column: FlagColumn,
    reverse: bool = False,
) -> list[FlagRef]:
    """``refs`` sorted by ``column``; equal rows keep their order (reading order)."""
    key = _SORT_KEYS[column]
    return sorted(refs, key=lambda ref: key(ref.drift(comparisons)), reverse=reverse)
