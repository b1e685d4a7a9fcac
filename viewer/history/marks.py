"""The words and signs every history report shares: a flag's line, a timeline cell's sign."""

from __future__ import annotations

from viewer.history.steps import Step, flag_phrase
from viewer.history.timeline import Cell, Mark, Row
from viewer.model import Drift
from viewer.report.controls import one_line

__all__ = ["NOTHING", "SIGNS", "fate", "flag_line", "side", "sign"]

NOTHING = "(nothing)"
"""What a flag's side shows when it holds no text (an insertion, a deletion)."""

SIGNS = {
    Mark.APPEARED: "+",
    Mark.SAME: "\u00b7",
    Mark.CHANGED: "~",
    Mark.MOVED: ">",
    Mark.GONE: "\u00d7",
    Mark.MERGED: "\u00d7",
}
"""The sign of each mark in the text and Markdown timelines (blank: not there)."""


def sign(cell: Cell | None) -> str:
    """A cell's sign; a space where the row has no sentence in that version."""
    return " " if cell is None else SIGNS[cell.mark]


def side(text: str) -> str:
    """One side of a flag on one line, ``(nothing)`` when empty."""
    return one_line(text) or NOTHING


def flag_line(step: Step, flag: Drift) -> str:
    """``version 4 (2024-05-02 13:10): number changed: 3 → 5 [older 191–208, newer 107–124]``
    (plain text: escape it for a markup format)."""
    newer = step.newer
    a, b = flag.a_span, flag.b_span
    where = f"[older {a.start}\u2013{a.end}, newer {b.start}\u2013{b.end}]"
    return (
        f"version {newer.number} ({newer.when}): {flag_phrase(flag)}: "
        f"{side(flag.before)} \u2192 {side(flag.after)} {where}"
    )


def fate(row: Row, last: int) -> str:
    """``appeared in 1, changed in 2 and 3, gone in 4`` (``last``: the last version)."""
    parts = [f"appeared in {row.first}"]
    if row.changed:
        versions = [str(v) for v in row.changed]
        joined = (
            versions[0] if len(versions) == 1 else ", ".join(versions[:-1]) + " and " + versions[-1]
        )
        parts.append(f"changed in {joined}")
    if row.gone is not None:
        merged = f" (merged into row {row.merged_into})" if row.merged_into else ""
        parts.append(f"gone in {row.gone}{merged}")
    elif row.first == last:
        parts.append("in the last version")
    else:
        parts.append(f"survived to {last}")
    return ", ".join(parts)
