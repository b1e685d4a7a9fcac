"""Everything about one aligned pair: kind, score, both texts, offsets and edits."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from viewer.model import AlignedPair, Comparison, EditOp, PairKind, Span
from viewer.ui.rows import pair_symbol
from viewer.ui.widgets.pair_text import PairText

__all__ = ["PairScreen"]

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
            yield Static("escape or enter closes", id="pair-hint")

    def _heading(self) -> Content:
        pair = self.pair
        score = "" if pair.kind in _NO_SCORE else f" · {pair.score:.0%} alike"
        return Content(
            f"{pair_symbol(pair)} {_KINDS[pair.kind]}{score} · "
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
