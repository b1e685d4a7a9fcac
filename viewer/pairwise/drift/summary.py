"""Per-comparison totals: the share of each change kind and the flags by kind and severity."""

from __future__ import annotations

from dataclasses import dataclass

from viewer.model import ChangeKind, Comparison, DriftKind, Severity


@dataclass(frozen=True, slots=True)
class DriftSummary:
    """What a comparison's drift adds up to."""

    change_shares: dict[ChangeKind, float]
    """Share of the pairs of each change kind, 0 to 1, every kind present."""
    flags: dict[DriftKind, dict[Severity, int]]
    """Number of flags by kind and severity, every kind and severity present."""

    @property
    def total(self) -> int:
        """All flags."""
        return sum(sum(by.values()) for by in self.flags.values())

    def count(self, severity: Severity) -> int:
        """Flags of one severity, of every kind."""
        return sum(by[severity] for by in self.flags.values())


def summarize(comparison: Comparison) -> DriftSummary:
    """The drift summary of a classified comparison."""
    counts = dict.fromkeys(ChangeKind, 0)
    for change in comparison.changes:
        counts[change] += 1
    total = max(1, len(comparison.changes))
    flags = {kind: dict.fromkeys(Severity, 0) for kind in DriftKind}
    for drift in comparison.drift:
        flags[drift.kind][drift.severity] += 1
    return DriftSummary({k: n / total for k, n in counts.items()}, flags)
