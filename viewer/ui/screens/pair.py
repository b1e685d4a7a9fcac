"""Everything about one aligned pair: kind, change, score, both texts, edits and flags."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from viewer.model import AlignedPair, ChangeKind, Comparison, Drift, EditOp, PairKind, Span
from viewer.report.pairs import pair_percent
from viewer.ui.flags import FLAG_LETTERS
from viewer.ui.rows import pair_symbol
from viewer.ui.visible import one_line
from viewer.ui.widgets.pair_text import PairText

__all__ = ["PairScreen", "flag_content"]

_KINDS = {
    PairKind.MATCH: "one sentence of A matched to one of B",
    PairKind.SPLIT: "one sentence of A split into several in B",
    PairKind.MERGE: "several sentences of A merged into one in B",
    PairKind.MOVED: "a sentence of A moved to another place in B",
    PairKind.ADDED: "a sentence only in B (added)",
    PairKind.DROPPED: "a sentence only in A (dropped)",
}
_NO_SCORE = (PairKind.ADDED, PairKind.DROPPED)


class PairScreen(ModalScreen[None]):
    """One pair of a comparison in full, over the side-by-side view."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "close", "Close", id="pair.close"),
    ]

    def __init__(self, comparison: Comparison, index: int) -> None:
        super().__init__()
        self.comparison = comparison
        self.index = index
        """Index of the pair in ``comparison.pairs``."""

    @property
    def pair(self) -> AlignedPair:
        """The pair shown."""
        return self.comparison.pairs[self.index]

    def compose(self) -> ComposeResult:
        pair = self.pair
        with Vertical(id="pair-dialog"):
            yield Static(self._heading(), id="pair-heading")
            with VerticalScroll(id="pair-body"):
                yield Static(self._side_heading("a"), classes="pair-side")
                yield PairText(self.comparison, pair, "a", id="pair-a")
                yield Static(self._side_heading("b"), classes="pair-side")
                yield PairText(self.comparison, pair, "b", id="pair-b")
                yield Static(self._edits(), id="pair-edits")
                flags = self.flags
                if flags:
                    yield Static(f"Drift flags ({len(flags)})", classes="dialog-heading")
                    for drift in flags:
                        yield Static(flag_content(drift), classes="pair-flag")
            yield Static("escape or enter closes", id="pair-hint")

    @property
    def flags(self) -> tuple[Drift, ...]:
        """The drift flags raised in this pair, in reading order."""
        return tuple(drift for drift in self.comparison.drift if drift.pair == self.index)

    @property
    def change(self) -> ChangeKind | None:
        """The pair's change kind; ``None`` for a comparison that was never classified."""
        changes = self.comparison.changes
        return changes[self.index] if self.index < len(changes) else None

    def _heading(self) -> Content:
        pair = self.pair
        score = "" if pair.kind in _NO_SCORE else f" · {pair_percent(pair)} alike"
        change = f" · change: {self.change.value}" if self.change else ""
        return Content(
            f"{pair_symbol(pair)} {_KINDS[pair.kind]}{score}{change} · "
            f"pair {self.index + 1} of {len(self.comparison.pairs)}"
        )

    def _side_heading(self, side: str) -> Content:
        pair = self.pair
        sentences = pair.a if side == "a" else pair.b
        span = pair.a_span if side == "a" else pair.b_span
        name = "A (base)" if side == "a" else "B"
        if not sentences or span is None:
            return Content(f"{name}: nothing (the sentence is only in the other article)")
        numbers = ", ".join(str(number + 1) for number in sentences)
        return Content(f"{name}: sentence {numbers} · characters {_offsets(span)}")

    def _edits(self) -> Content:
        counts = dict.fromkeys(EditOp, 0)
        for edit in self.pair.edits:
            counts[edit.op] += 1
        return Content(
            f"Edits: {counts[EditOp.EQUAL]} kept, {counts[EditOp.DELETE]} deleted, "
            f"{counts[EditOp.INSERT]} inserted"
        )

    def action_close(self) -> None:
        """Back to the side-by-side view."""
        self.dismiss()


def _offsets(span: Span) -> str:
    return f"{span.start}–{span.end}"


_SEVERITY_STYLE = {"high": "bold $text-error", "medium": "bold $text-warning", "low": "$text-muted"}


def flag_content(drift: Drift) -> Content:
    """A flag in two lines: letter, severity, kind, before → after and where; then why.

    The words are article text: they go in as plain text, with controls made visible.
    """
    before = f"“{one_line(drift.before, 80)}”" if drift.before else "(nothing)"
    after = f"“{one_line(drift.after, 80)}”" if drift.after else "(nothing)"
    style = _SEVERITY_STYLE[drift.severity.value]
    return Content.assemble(
        (f"{FLAG_LETTERS[drift.kind]} {drift.severity.value} {drift.kind.value}", style),
        "  ",
        before,
        " → ",
        after,
        (f"  A {_place(drift.a_span)} · B {_place(drift.b_span)}", "$text-muted"),
        "\n  ",
        (one_line(drift.explanation), "italic"),
    )


def _place(span: Span) -> str:
    """Offsets of a flag's span; an empty span marks a place, not text."""
    return _offsets(span) if span.end > span.start else f"at {span.start}"
