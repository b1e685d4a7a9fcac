"""What each step of a history changed: consecutive versions compared, summed up in a line.

A step's summary counts what the alignment did to sentences (``+2 sentences`` added,
``−1 sentence`` removed, ``1 sentence changed`` or moved) and what the drift rules
flagged, by kind (``1 quotation reworded, 1 number changed``). The flags are kept whole,
each with its offsets into the older version (``a_span``) and the newer (``b_span``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from viewer.history.versions import History, Version
from viewer.model import ChangeKind, Comparison, Drift, DriftKind, PairKind
from viewer.pairwise.compare import compare

__all__ = ["KIND_PHRASES", "Step", "count_phrase", "flag_phrase", "make_step", "steps"]

KIND_PHRASES: dict[DriftKind, tuple[str, str]] = {
    DriftKind.QUOTE_ALTERED: ("quotation reworded", "quotations reworded"),
    DriftKind.NUMBER: ("number changed", "numbers changed"),
    DriftKind.HEDGE: ("hedge changed", "hedges changed"),
    DriftKind.ENTITY: ("name changed", "names changed"),
    DriftKind.PRONOUN: ("pronoun changed", "pronouns changed"),
    DriftKind.NEGATION: ("negation changed", "negations changed"),
    DriftKind.GARBLE: ("garbled passage", "garbled passages"),
    DriftKind.BOILERPLATE: ("furniture change", "furniture changes"),
    DriftKind.INVISIBLE: ("invisible character change", "invisible character changes"),
    DriftKind.CLAIM: ("claim changed", "claims changed"),
}
"""How a summary names a flag of each kind: one, and several."""


@dataclass(frozen=True, slots=True)
class Step:
    """From one version to the next."""

    older: Version
    newer: Version
    comparison: Comparison
    """``compare(older, newer)``: the older version is the base (A)."""
    added: int
    """Sentences only in the newer version."""
    removed: int
    """Sentences only in the older version."""
    changed: int
    """Aligned units (a sentence, or one split or merged) whose text changed."""
    moved: int
    """Sentences that moved out of reading order."""

    @property
    def flags(self) -> tuple[Drift, ...]:
        """The drift flags, in reading order; ``a_span`` is in the older version."""
        return self.comparison.drift

    @property
    def flag_counts(self) -> dict[DriftKind, int]:
        """How many flags of each kind, in the order of :class:`DriftKind`."""
        counts = dict.fromkeys(DriftKind, 0)
        for flag in self.flags:
            counts[flag.kind] += 1
        return {kind: n for kind, n in counts.items() if n}

    @property
    def summary(self) -> str:
        """One line: ``+2 sentences, −1 sentence, 1 quotation reworded, 1 number changed``."""
        parts: list[str] = []
        if self.added:
            parts.append(f"+{count_phrase(self.added, 'sentence', 'sentences')}")
        if self.removed:
            parts.append(f"\u2212{count_phrase(self.removed, 'sentence', 'sentences')}")
        if self.changed:
            parts.append(count_phrase(self.changed, "sentence changed", "sentences changed"))
        if self.moved:
            parts.append(count_phrase(self.moved, "sentence moved", "sentences moved"))
        parts += [count_phrase(n, *KIND_PHRASES[kind]) for kind, n in self.flag_counts.items()]
        return ", ".join(parts) or "no change"


def count_phrase(count: int, one: str, many: str) -> str:
    """``1 sentence``, ``2 sentences``."""
    return f"{count} {one if count == 1 else many}"


def flag_phrase(flag: Drift) -> str:
    """What a flag says happened, in a summary's words: ``number changed``."""
    return KIND_PHRASES[flag.kind][0]


def make_step(older: Version, newer: Version, comparison: Comparison | None = None) -> Step:
    """The step from ``older`` to ``newer``, comparing them unless ``comparison`` is given."""
    found = comparison or compare(older.article, newer.article)
    added = removed = changed = moved = 0
    changes: Sequence[ChangeKind] = found.changes or [ChangeKind.IDENTICAL] * len(found.pairs)
    for pair, change in zip(found.pairs, changes, strict=True):
        if pair.kind is PairKind.ADDED:
            added += len(pair.b)
        elif pair.kind is PairKind.DROPPED:
            removed += len(pair.a)
        elif pair.kind is PairKind.MOVED or change is ChangeKind.MOVED:
            moved += 1
        elif change is not ChangeKind.IDENTICAL:
            changed += 1
    return Step(older, newer, found, added, removed, changed, moved)


def steps(history: History) -> tuple[Step, ...]:
    """Each consecutive pair of versions, compared."""
    versions = history.versions
    return tuple(make_step(a, b) for a, b in pairwise(versions))
