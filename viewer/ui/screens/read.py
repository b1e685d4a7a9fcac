"""Reading: one article alone, when there is nothing to compare it with.

The text is drawn paragraph by paragraph on the Line API (``PlainText``), so a
50,000-line document costs only the lines on screen. Opened directly when one article is
loaded, and by ``r`` on any article of the list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from viewer.ui.widgets.plain_text import PlainText

if TYPE_CHECKING:
    from viewer.ui.summary import Summary

__all__ = ["ReadScreen"]


class ReadScreen(Screen[None]):
    """One article's text, scrolled with the keys of any long text."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="read.back"),
    ]

    def __init__(self, summary: Summary) -> None:
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(id="read-heading")
        yield PlainText(id="read-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "viewer"
        self.sub_title = "reading"
        summary = self.summary
        facts = [summary.source, summary.date, f"{summary.words:,} words", summary.path]
        # the summary's fields are single lines with controls made visible; Text, not
        # markup, so "[bold]" in a title stays as written
        heading = Text(f"{summary.title}\n{' · '.join(f for f in facts if f)}")
        self.query_one("#read-heading", Static).update(heading)
        text = self.query_one(PlainText)
        text.show(summary.article)
        text.focus()

    def action_back(self) -> None:
        """Back to the list."""
        self.dismiss()
