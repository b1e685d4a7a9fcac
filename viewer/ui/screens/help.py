"""The keys that work where help was asked for, and what the side-by-side marks mean."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

__all__ = ["HelpScreen"]

LEGEND = (
    ("=", "unchanged: the same words in both"),
    ("~", "changed: the same sentence, reworded (the score is how alike, 0–100%)"),
    ("<  >", "split (one sentence of A became two in B) and merged (two became one)"),
    ("↕", "moved out of reading order; m jumps between it and where it stood in A"),
    ("+  -", "added (only in B) and dropped (only in A)"),
    ("⋯", "pairs hidden by the filter (f)"),
    (
        "Q N H E",
        "drift flags, one letter per kind: quote altered, number, hedge, entity (a name)",
    ),
    ("P ¬ G B", "pronoun, negation, garble (machine-spin artefacts), boilerplate"),
    ("+", "more kinds of flag than the row has room for (enter lists them all)"),
)
"""What the gutter of the side-by-side view shows."""


class HelpScreen(ModalScreen[None]):
    """The keys of the screen below, from its live bindings, so remapped keys show true."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark", "close", "Close", id="help.close"),
    ]

    def __init__(self, keys: Sequence[tuple[str, str]], legend: bool) -> None:
        super().__init__()
        self.keys = keys
        """Key and what it does, for every binding active on the screen below."""
        self.legend = legend
        """Whether to explain the side-by-side marks."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog"):
            yield Static("Keys", classes="help-heading")
            yield DataTable(id="help-keys", cursor_type="none", show_header=False)
            if self.legend:
                yield Static("Marks in the gutter", classes="help-heading")
                yield DataTable(id="help-legend", cursor_type="none", show_header=False)
                yield Static(
                    Content.assemble(
                        ("deleted", "$text-error strike"),
                        " words are only in A, ",
                        ("inserted", "$text-success"),
                        " words only in B, ",
                        ("yellow", "$text-warning"),
                        " words differ only in case or typography. Flags and the words they "
                        "cover are coloured by severity: ",
                        ("high", "$text-error bold underline"),
                        ", ",
                        ("medium", "$text-warning underline"),
                        ", ",
                        ("low", "underline"),
                        ". ] and [ go to the next and previous flag; enter explains them.",
                    ),
                    id="help-colours",
                )
            yield Static("ctrl+p lists every command · escape closes", id="help-hint")

    def on_mount(self) -> None:
        keys = self.query_one("#help-keys", DataTable)
        keys.add_columns("key", "does")
        for key, description in self.keys:
            keys.add_row(Text(key, style="bold"), Text(description))
        if self.legend:
            legend = self.query_one("#help-legend", DataTable)
            legend.add_columns("mark", "means")
            for mark, meaning in LEGEND:
                legend.add_row(Text(mark, style="bold"), Text(meaning))

    def action_close(self) -> None:
        """Back to where help was asked for."""
        self.dismiss()
