"""What the history screen draws, as Rich text built from article text as plain strings,
never as markup: which loaded articles are versions of one, the selected step with its
flags, each timeline row's marks. No Textual here, so each is testable alone."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text

from viewer.history.marks import SIGNS, side, sign
from viewer.history.steps import flag_phrase
from viewer.history.timeline import Mark, Row
from viewer.history.versions import History, group_versions

if TYPE_CHECKING:
    from viewer.history.steps import Step
    from viewer.history.versions import Version
    from viewer.model import Article

__all__ = ["LEGEND", "history_of", "left_cut", "row_marks", "step_text"]

_MARK_STYLES = {
    Mark.APPEARED: "bold green",
    Mark.SAME: "dim",
    Mark.CHANGED: "bold yellow",
    Mark.MOVED: "bold cyan",
    Mark.GONE: "bold red",
    Mark.MERGED: "bold red",
}
"""How each timeline mark is drawn."""
_SEVERITY_STYLES = {"high": "bold red", "medium": "yellow", "low": ""}
_FLAGS_SHOWN = 6
"""Flags listed under the versions; the rest are counted."""
LEGEND = (
    f"{SIGNS[Mark.APPEARED]} appeared  {SIGNS[Mark.SAME]} unchanged  "
    f"{SIGNS[Mark.CHANGED]} changed  {SIGNS[Mark.MOVED]} moved  {SIGNS[Mark.GONE]} gone"
)


def history_of(articles: Sequence[Article], article_id: str) -> History | None:
    """The history among ``articles`` that holds ``article_id`` (grouped as
    :func:`~viewer.history.build.revisions_of` groups them), ``None`` when none does.

    In the app an article without an address has no history: the articles a folder holds
    were not named together as versions, as ``viewer history FILE...`` names them."""
    for history in group_versions(articles):
        if history.address is None:
            continue
        if any(version.article.id == article_id for version in history.versions):
            return history
    return None


def step_text(version: Version, step: Step | None, *, computed: bool) -> Text:
    """The line under the versions for ``version``: the step that led to it, its summary,
    then its flags, one a line (``computed``: whether the steps are worked out yet)."""
    text = Text(no_wrap=True, overflow="ellipsis")
    if version.number == 1:
        text.append(f"Version 1 ({version.when}): the first version, nothing before it.")
        return text
    if not computed or step is None:
        text.append("Comparing the versions…", style="italic")
        return text
    text.append(f"Version {step.older.number} → {step.newer.number}: ", style="bold")
    text.append(step.summary)
    flags = step.flags
    for flag in flags[:_FLAGS_SHOWN]:
        text.append("\n")
        text.append(f"{flag_phrase(flag)}: ", style=_SEVERITY_STYLES[flag.severity.value])
        text.append(side(flag.before))
        text.append(" → ")
        text.append(side(flag.after))
    if len(flags) > _FLAGS_SHOWN:
        more = len(flags) - _FLAGS_SHOWN
        text.append(
            f"\n… and {more} more flag{'s' if more != 1 else ''}: enter shows them side by side",
            style="italic",
        )
    if not flags:
        text.append("\nNo drift flags.", style="dim")
    return text


def row_marks(row: Row, versions: Sequence[Version], selected: Version | None) -> Text:
    """A timeline row's mark in each version, the selected version's reversed."""
    marks = Text(no_wrap=True)
    for n, version in enumerate(versions):
        if n:
            marks.append(" ")
        cell = row.cell(version.number)
        style = _MARK_STYLES[cell.mark] if cell is not None else ""
        if selected is not None and version.number == selected.number:
            style = f"{style} reverse".strip()
        marks.append(sign(cell), style=style)
    return marks


def left_cut(path: str, width: int) -> str:
    """``path`` cut from the left to ``width`` characters: the file name matters most."""
    return path if len(path) <= width else "…" + path[len(path) - width + 1 :]
