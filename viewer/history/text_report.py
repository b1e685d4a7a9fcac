"""The history as plain text for the terminal: versions, steps, flags, sentence timeline.

Every piece of article text and every path is put on one line with its control
characters made visible first, so nothing in an article can act on the terminal.
"""

from __future__ import annotations

from collections.abc import Sequence

from viewer.history.build import Revisions
from viewer.history.marks import SIGNS, fate, flag_line, sign
from viewer.history.timeline import Mark
from viewer.report.controls import one_line, visible_name

__all__ = ["render_history_text"]

_LEGEND = (
    f"{SIGNS[Mark.APPEARED]} appeared  {SIGNS[Mark.SAME]} unchanged  "
    f"{SIGNS[Mark.CHANGED]} changed  {SIGNS[Mark.MOVED]} moved  {SIGNS[Mark.GONE]} gone"
)


def _clip(text: str, size: int) -> str:
    line = one_line(text)
    return line if len(line) <= size else line[: max(size - 1, 0)] + "\u2026"


def _one(found: Revisions, width: int) -> list[str]:
    history = found.history
    versions = history.versions
    name = one_line(history.address) if history.address else "versions without an address"
    count = len(versions)
    lines = [f"History of {name}: {count} version{'' if count == 1 else 's'}"]
    lines += [f"note: {note}" for note in history.notes]
    lines.append("")
    when = max((len(v.when) for v in versions), default=0)
    size = max((len(f"{v.size:,}") for v in versions), default=0)
    for version in versions:
        lines.append(
            f"  version {version.number:<3} {version.when:<{when}}  "
            f"{version.size:>{size},} chars  {visible_name(version.article.path)}"
            + ("" if version.article.record is None else f" (record {version.article.record + 1})")
        )
    if not found.steps:
        lines += ["", "one version only: nothing to compare"]
        return lines
    lines += ["", "Steps:"]
    for step in found.steps:
        lines.append(f"  {step.older.number} \u2192 {step.newer.number}: {step.summary}")
    flagged = [(step, flag) for step in found.steps for flag in step.flags]
    lines += ["", "Flags:" if flagged else "No drift flags."]
    lines += [f"  {flag_line(step, flag)}" for step, flag in flagged]
    lines += ["", f"Sentence timeline ({_LEGEND}):"]
    numbers = " ".join(f"{v.number % 10}" for v in versions)
    digits = len(str(len(found.rows)))
    lines.append(f"  {'':>{digits}}  {numbers}")
    room = max(width - digits - 2 * count - 6, 20)
    for row in found.rows:
        cells = " ".join(sign(row.cell(v.number)) for v in versions)
        lines.append(f"  {row.number:>{digits}}  {cells}  {_clip(row.text, room)}")
    lines += ["", "Rows:"]
    last = versions[-1].number
    lines += [f"  {row.number}: {fate(row, last)}" for row in found.rows]
    return lines


def render_history_text(found: Sequence[Revisions], *, width: int = 100) -> str:
    """Every history in ``found``, one after the other, ending in a newline."""
    blocks = ["\n".join(_one(one, width)) for one in found]
    return "\n\n".join(blocks) + "\n"
