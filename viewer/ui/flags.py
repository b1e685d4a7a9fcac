"""Drift flags as the views show them: a letter per kind, a colour per severity, runs of text.

Pure functions over the flags the core raised (:attr:`~viewer.model.Comparison.drift`).
Every run comes from a flag's own ``a_span`` or ``b_span``; nothing here finds words again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise

from viewer.model import Comparison, Drift, DriftKind, Severity, Span

__all__ = [
    "FLAG_LETTERS",
    "MEANING_KINDS",
    "FlagMark",
    "flag_runs",
    "flags_by_pair",
    "gutter_marks",
    "is_meaning_drift",
    "meaning_pairs",
    "severity_rank",
    "strongest",
]

FLAG_LETTERS: dict[DriftKind, str] = {
    DriftKind.QUOTE_ALTERED: "Q",
    DriftKind.NUMBER: "N",
    DriftKind.HEDGE: "H",
    DriftKind.ENTITY: "E",
    DriftKind.PRONOUN: "P",
    DriftKind.NEGATION: "¬",
    DriftKind.GARBLE: "G",
    DriftKind.BOILERPLATE: "B",
    DriftKind.INVISIBLE: "I",
    DriftKind.CLAIM: "C",
}
"""The one-cell mark of each kind of flag, in the gutter, the table and the overview."""

MEANING_KINDS = frozenset(DriftKind) - {
    DriftKind.GARBLE,
    DriftKind.BOILERPLATE,
    DriftKind.INVISIBLE,
}
"""Kinds that may change what the article says (garble and boilerplate only look wrong;
invisible characters do not show at all)."""

_RANK = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}
_KIND_ORDER = {kind: number for number, kind in enumerate(DriftKind)}

FlagMark = tuple[str, Severity]
"""A kind's letter and the highest severity of its flags."""


def severity_rank(severity: Severity) -> int:
    """0 for high, 1 for medium, 2 for low: sorts the most severe first."""
    return _RANK[severity]


def strongest(severities: Iterable[Severity]) -> Severity | None:
    """The highest of ``severities``; ``None`` when there are none."""
    return min(severities, key=severity_rank, default=None)


def is_meaning_drift(drift: Drift) -> bool:
    """Whether a flag may change the meaning: high or medium, neither garble nor boilerplate."""
    return drift.kind in MEANING_KINDS and drift.severity is not Severity.LOW


def meaning_pairs(comparison: Comparison) -> frozenset[int]:
    """Indexes of the pairs holding at least one meaning-drift flag."""
    return frozenset(drift.pair for drift in comparison.drift if is_meaning_drift(drift))


def flags_by_pair(comparison: Comparison) -> dict[int, tuple[Drift, ...]]:
    """The flags of each pair that has any, by pair index, in reading order."""
    found: dict[int, list[Drift]] = {}
    for drift in comparison.drift:
        found.setdefault(drift.pair, []).append(drift)
    return {pair: tuple(flags) for pair, flags in found.items()}


def gutter_marks(flags: Iterable[Drift]) -> list[FlagMark]:
    """One mark per kind among ``flags``, most severe first, then in the kinds' order."""
    best: dict[DriftKind, Severity] = {}
    for drift in flags:
        now = best.get(drift.kind)
        if now is None or severity_rank(drift.severity) < severity_rank(now):
            best[drift.kind] = drift.severity
    ordered = sorted(best.items(), key=lambda item: (_RANK[item[1]], _KIND_ORDER[item[0]]))
    return [(FLAG_LETTERS[kind], severity) for kind, severity in ordered]


def flag_runs(flags: Sequence[Drift], side: str, span: Span) -> list[tuple[int, int, str]]:
    """The text ``flags`` cover on ``side`` (``a`` or ``b``) within ``span``, as runs.

    Each run is ``(start, end, "drift-<severity>")``; where flags overlap the most
    severe wins, so the runs never overlap. Empty spans (a place, not text) give none.
    """
    spans: list[tuple[int, int, Severity]] = []
    for drift in flags:
        start, end = drift.a_span if side == "a" else drift.b_span
        start, end = max(start, span.start), min(end, span.end)
        if start < end:
            spans.append((start, end, drift.severity))
    edges = sorted({edge for start, end, _ in spans for edge in (start, end)})
    runs: list[tuple[int, int, str]] = []
    for low, high in pairwise(edges):
        severity = strongest(s for start, end, s in spans if start <= low and high <= end)
        if severity is None:
            continue
        mark = f"drift-{severity.value}"
        if runs and runs[-1][1] == low and runs[-1][2] == mark:
            runs[-1] = (runs[-1][0], high, mark)
        else:
            runs.append((low, high, mark))
    return runs
